/*
 * dyad/pipeline.h - one record in, its events out: the text stage
 * (decode, sentences, tokens) followed by the coder, with the checks
 * every caller needs (record without a date, overlong sentence). Used by
 * `dyad code`, `dyad validate` and `dyad ingest`.
 */
#ifndef DYAD_PIPELINE_H
#define DYAD_PIPELINE_H

#include "dyad/common.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/records.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Sentences longer than this many tokens are coded on their first
 * DYAD_PIPELINE_MAX_TOKENS tokens, with a warning. */
#define DYAD_PIPELINE_MAX_TOKENS 1000

/** A pipeline: a coder, a token buffer and the current document. Opaque. */
typedef struct dyad_pipeline dyad_pipeline;

/** Create a pipeline over `lex` (borrowed). Problems go to `diag`. */
int dyad_pipeline_new(dyad_pipeline **out, const dyad_lexicon *lex, dyad_diag *diag);

/** Free a pipeline; NULL is ignored. */
void dyad_pipeline_free(dyad_pipeline *p);

/** Pipeline flags. */
enum dyad_pipeline_flag {
	DYAD_PIPE_ONE_SENTENCE = 1u << 0, /**< the record is one sentence (TABARI validation) */
	DYAD_PIPE_SAME_DOCUMENT = 1u << 1 /**< the record continues the previous one's
	                                       document (pronouns carry over: TABARI FORWARD) */
};

/** Set dyad_pipeline_flag bits. */
void dyad_pipeline_set_flags(dyad_pipeline *p, uint32_t flags);

/**
 * Code one record: its text is decoded, split into sentences and each
 * sentence coded with the record's date. Events are appended to `out`;
 * their spans point into the record's decoded text, readable with
 * dyad_pipeline_text() until the next call. Returns the number of events
 * appended or a negative error code.
 */
int dyad_pipeline_code_record(dyad_pipeline *p, const dyad_record *rec, dyad_events *out);

struct dyad_when_ctx;

/**
 * Run the when stage (dates, places, quantities, modality; dyad/when.h)
 * on the events of each sentence after coding. `when` is borrowed and
 * must outlive the pipeline's use of it; NULL turns the stage off (the
 * default: events then keep the record date with precision "reported").
 */
void dyad_pipeline_set_when(dyad_pipeline *p, struct dyad_when_ctx *when);

/** The span of sentence `index` of the last record ({0,0} if none). */
dyad_span dyad_pipeline_sentence(dyad_pipeline *p, uint32_t index);

/** Decoded text of the last record (spans index it) and its length. */
const char *dyad_pipeline_text(const dyad_pipeline *p, size_t *len);

/** Counters: records, sentences, events, overlong sentences, undated records. */
typedef struct dyad_pipeline_stats {
	size_t records, sentences, events, overlong, undated, complex, discarded;
} dyad_pipeline_stats;

/** The counters so far. */
const dyad_pipeline_stats *dyad_pipeline_stats_get(const dyad_pipeline *p);

#ifdef __cplusplus
}
#endif
#endif
