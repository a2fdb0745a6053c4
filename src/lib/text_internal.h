/*
 * text_internal.h - shared between the text modules (read, segment,
 * boundary, layout, token); not part of the public API.
 */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H

#include "dyad/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

struct dyad_doc {
	char            *name;
	size_t           name_cap;  /* bytes allocated for name */
	char            *text;      /* decoded UTF-8, NUL-terminated */
	size_t           len;
	size_t           text_cap;  /* bytes allocated for text (0: unknown) */
	dyad_read_stats  stats;
	dyad_sentence   *sentences; /* NULL until first segmented */
	size_t           n_sentences;
	bool             segmented;
	char            *norm;      /* normalized view, NULL until asked for */
	size_t           norm_len;
	struct norm_mark *marks;    /* norm offset -> text offset checkpoints */
	size_t           n_marks;
};

/** Typographic quotes, dashes and spaces mapped to ASCII (text_token.c). */
int32_t text_map_typographic(int32_t cp);

/** May a string containing `cp` change under NFC? (text_token.c) */
bool text_needs_nfc(int32_t cp);

/**
 * Decode `bytes` into *doc as dyad_doc_from_bytes does, reusing the
 * document's buffers when *doc is not NULL (the pipeline, one document
 * per record). The sentences and normalized view of the previous text are
 * dropped. On error *doc is freed and set to NULL.
 */
int text_doc_reload(dyad_doc **doc, const char *name, const void *bytes, size_t len,
                    dyad_diag *diag);

/** Free the normalized view of a document (text_norm.c). */
void text_norm_release(dyad_doc *doc);

/** Segment `text` into sentences (implemented in text_segment.c). */
int dyad_text_segment(const char *text, size_t len,
                      dyad_sentence **out, size_t *n_out);

/* ------------------------------------------------------------------ */
/* Segmenter helpers. All positions are byte offsets into the text;    */
/* `e` bounds every look-ahead so no helper reads past its range.      */

/** How the text at a position can begin (or continue) a sentence. */
typedef enum seg_start {
	SS_UPPER,    /* upper or title case letter */
	SS_LOWER,    /* lower case letter */
	SS_DIGIT,
	SS_CASELESS, /* letter of a script without case (Arabic, CJK) */
	SS_SYMBOL,   /* $ EUR % and other symbols */
	SS_OTHER     /* punctuation, nothing */
} seg_start;

/** Bytes of white space at t[i] (ASCII, NBSP, thin spaces), else 0. */
size_t seg_space_len(const char *t, size_t i, size_t e);

/** Classify the text at t[i], looking through opening quotes/brackets. */
seg_start seg_start_at(const char *t, size_t i, size_t e);

/** Bytes of an opening quote or bracket at t[i], else 0. */
size_t seg_opener_len(const char *t, size_t i, size_t e);

/** Bytes of a closing quote or bracket at t[i], else 0. */
size_t seg_closer_len(const char *t, size_t i, size_t e);

/** Does [s, e) end (before closing quotes/brackets) with a stop: . ! ? ... : ; */
bool seg_ends_with_stop(const char *t, size_t s, size_t e);

/** Does [s, e) end with something that must continue: , ; a word-hyphen, a function word. */
bool seg_ends_open(const char *t, size_t s, size_t e);

/** Bytes of a bullet marker and its space at line start t[i], else 0. */
size_t seg_bullet_len(const char *t, size_t i, size_t e);

/** End of a dateline ("ALGIERS (Reuters) -") starting at t[i], else 0. */
size_t seg_dateline_end(const char *t, size_t i, size_t e);

/** Is the line [s, e) a byline ("By Karim Amrani and Olga Petrova")? */
bool seg_is_byline(const char *t, size_t s, size_t e);

/** Is the whole line [s, e) a date/time stamp ("15:19 02.08.2023 *")? */
bool seg_is_datetime_line(const char *t, size_t s, size_t e);

/** Kinds of known abbreviations (their period is not a stop). */
enum seg_abbr {
	SEG_AB_NONE,
	SEG_AB_TITLE,    /* never ends a sentence: Gen. Dr. Mr. vs. */
	SEG_AB_NUMBER,   /* ends unless a number follows: No. 5, Vol. 3, p. 12 */
	SEG_AB_MONTH,    /* ends unless a day follows: Jan. 5 */
	SEG_AB_SUFFIX,   /* ends only before a sentence starter: Co. Inc. Wed. */
	SEG_AB_FREE      /* ends before any capital: etc. */
};

/** Kind of the abbreviation `w` (without its period; any case). */
enum seg_abbr seg_abbrev_kind(const char *w, size_t n);

/** Does an Arabic or Roman number begin at t[i]? (No. 5, Vol. XII) */
bool seg_next_is_numberish(const char *t, size_t i, size_t e);

/** Callback of the boundary scanner: one sentence [s, e). */
typedef int (*seg_emit_fn)(void *ctx, size_t s, size_t e);

/**
 * Split the run [s, e) (inside one paragraph; line breaks count as
 * space) at sentence boundaries, calling `emit` for each piece.
 */
int seg_split_run(const char *t, size_t s, size_t e, seg_emit_fn emit, void *ctx);

/* ------------------------------------------------------------------ */
/* Word-at-a-time scanning (eight bytes per step) for the hot loops that
 * look for a few interesting bytes in mostly ordinary text.           */

#define TEXT_ONES  0x0101010101010101ull
#define TEXT_HIGHS 0x8080808080808080ull

static inline uint64_t text_load8(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

/** Does one of the eight bytes of w equal c? (exact) */
static inline bool text_has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (TEXT_ONES * c);
	return ((x - TEXT_ONES) & ~x & TEXT_HIGHS) != 0;
}

/** First i in [i, e) with t[i] == a or t[i] == b, else e (memchr twice). */
static inline size_t text_find2(const char *t, size_t i, size_t e, char a, char b)
{
	const char *pa = memchr(t + i, a, e - i);
	size_t ea = pa ? (size_t)(pa - t) : e;
	const char *pb = memchr(t + i, b, ea - i);
	return pb ? (size_t)(pb - t) : ea;
}

#endif
