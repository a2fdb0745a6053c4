/*
 * when_carry_internal.h - shared by when_carry.c (the document's memory
 * and the carrying) and when_cues.c (the words of a sentence that refer
 * back). Not public; rules in docs/internals/dates.md, "Carrying across
 * sentences".
 */
#ifndef DYAD_WHEN_CARRY_INTERNAL_H
#define DYAD_WHEN_CARRY_INTERNAL_H

#include "when_internal.h"

/* Kinds of occasion. */
enum {
	WC_K_VISIT    = 1u << 0,
	WC_K_TALKS    = 1u << 1,
	WC_K_EXERCISE = 1u << 2,
	WC_K_DEAL     = 1u << 3,
	WC_K_CEREMONY = 1u << 4
};

/* Which kinds of cue a sentence has at all: most sentences have none,
 * and then nothing else is looked at. */
enum { CUE_NOUN = 1, CUE_ALSO = 2, CUE_REL = 4, CUE_PLACE = 8, CUE_DEF = 16 };

/* A time counted from the previous event ("the next day"). */
enum { RT_DAY, RT_WEEK, RT_MONTH, RT_YEAR };
enum { RT_SHIFT, RT_NEXT_WEEK, RT_EARLIER_IN, RT_LATER_IN };

typedef struct wc_rel {
	int    how;     /* RT_SHIFT (n units), RT_NEXT_WEEK (n: +1/-1), RT_EARLIER_IN, RT_LATER_IN */
	int    unit;    /* RT_DAY ... */
	long   n;
	size_t first, last;
} wc_rel;

/** What an anaphor of kind `kind` may refer to (WC_K_* bits). */
uint16_t wc_compatible(uint16_t kind);
/** Kinds of occasion a CAMEO code names. */
uint16_t wc_cameo_kinds(const char *cameo);
/** Occasion nouns within four words of verb atom v, in its clause. */
uint16_t wc_near_nouns(const wh_sent *s, size_t v);
/** The kind of the definite occasion phrase that is verb v's occasion, or 0. */
uint16_t wc_anaphor_np(const wh_sent *s, size_t v);
/** "also" after an anaphoric subject before verb v. */
bool wc_also_cue(const wh_sent *s, size_t v);
/** A relative time phrase in verb v's clause. */
bool wc_find_rel(const wh_sent *s, size_t v, wc_rel *r);
/** A future cue in verb v's clause before it, not counting the words of
 *  relative phrases (looked for only when `rel`). */
bool wc_clause_future(const wh_sent *s, size_t v, bool rel);
/** A place anaphor in verb v's clause: the resolution the earlier place
 *  needs (DYAD_RES_*), or -1. */
int  wc_place_anaphor(const wh_sent *s, size_t v);
/** CUE_* bits of the sentence. */
unsigned wc_sentence_cues(const wh_sent *s);

#endif
