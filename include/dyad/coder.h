/*
 * dyad/coder.h - the event coder: tokens of a sentence + a lexicon ->
 * events (source, target, CAMEO code), each with the spans and pattern
 * that explain it.
 */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include "dyad/common.h"
#include "dyad/text.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/places.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A coder: per-thread scratch state over a shared lexicon. Opaque. */
typedef struct dyad_coder dyad_coder;

/** Create a coder over `lex` (borrowed; must outlive the coder). */
int dyad_coder_new(dyad_coder **out, const dyad_lexicon *lex);

/** Free a coder; NULL is ignored. */
void dyad_coder_free(dyad_coder *coder);

/**
 * Give the coder a gazetteer (borrowed; NULL: none): with dyad's own
 * dictionaries, an attack on a city it knows, with no actor for a target,
 * is coded against that city's country ("shelled Kharkiv"). The when
 * stage's (dyad_when_gazetteer) is the one to pass, so that `dyad code`
 * and `dyad ingest` code alike.
 */
void dyad_coder_set_gazetteer(dyad_coder *coder, const dyad_gazetteer *gaz);

/**
 * Start a new document: forgets actors remembered for pronouns and
 * "the two countries". `date` is the document's date, which selects
 * date-restricted actor codes.
 */
void dyad_coder_begin_document(dyad_coder *coder, dyad_date date);

/**
 * Code one sentence given its tokens (spans into `text`, the document
 * text) and its index in the document. Events are appended to `out` with
 * date = the document date and precision DYAD_PREC_REPORTED.
 * Returns the number of events appended, or a negative error code.
 */
int dyad_coder_code_sentence(dyad_coder *coder, const char *text,
                             const dyad_token *toks, size_t n_toks,
                             uint32_t sentence_index, dyad_events *out);

/**
 * Why the last sentence coded nothing, if it did: `complex` (a complex
 * code or the COMPLEX limits), `discard` (a discard code), `truncated`
 * (cut at the word limit). Returns complex || discard.
 */
bool dyad_coder_last_flags(const dyad_coder *coder, bool *complex,
                           bool *discard, bool *truncated);

/** One actor or verb of the last sentence and the entry it came from. */
typedef struct dyad_mention_info {
	dyad_span   span;                 /**< its words in the text */
	char        code[DYAD_CODE_MAX];  /**< actor code on the document date;
	                                       verbs: the entry's code */
	const char *entry;                /**< the dictionary line (borrowed), or NULL */
	const char *file;                 /**< where that line is (borrowed), or NULL */
	unsigned    line;
} dyad_mention_info;

/**
 * The actors the last dyad_coder_code_sentence() found (agents merged,
 * dates applied), up to `cap`; returns how many were written.
 */
size_t dyad_coder_last_mentions(const dyad_coder *coder, dyad_mention_info *out,
                                size_t cap);

/** The verb entries the last sentence matched, likewise. */
size_t dyad_coder_last_verbs(const dyad_coder *coder, dyad_mention_info *out,
                             size_t cap);

#ifdef __cplusplus
}
#endif
#endif
