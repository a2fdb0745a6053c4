/*
 * when_internal.h - shared by the stages that run after the coder
 * (dates, places, quantities, modality): a sentence's tokens re-cut into
 * "atoms" and split into clauses. Not part of the public API.
 */
#ifndef DYAD_WHEN_INTERNAL_H
#define DYAD_WHEN_INTERNAL_H

#include "dyad/event.h"
#include "dyad/text.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * An atom is a token, or one part of a hyphenated token: the tokenizer
 * keeps "16-28", "mid-2021" and "early-June" whole, the date grammar
 * wants their parts. The hyphen itself becomes an atom "-". ISO dates
 * ("2022-11-16") stay whole. A trailing abbreviation period ("nov.") is
 * dropped from the atom's text.
 */
typedef struct wh_atom {
	const char *s;       /* normalized text (borrowed from the token) */
	uint32_t    len;
	dyad_span   span;    /* document bytes */
	uint32_t    tok;     /* index of the token it came from */
	uint16_t    kind;    /* dyad_token_kind of the token ("-" is PUNCT) */
	uint16_t    flags;   /* token flags (CAP ...) */
	uint32_t    clause;  /* clause id, see wh_clauses() */
} wh_atom;

/* Clause kinds. */
enum {
	WH_CL_MAIN = 0,
	WH_CL_REPORT,      /* "..., the ministry said on Tuesday", "according to X," */
	WH_CL_CONTENT,     /* what "X said (that)" reports */
	WH_CL_RELATIVE,    /* ", which ...", ", who ...", "where ..." */
	WH_CL_SUB          /* ", while ...", ", as ...", "; ..." and others */
};

typedef struct wh_sent {
	wh_atom  *a;
	size_t    n;
	uint8_t  *clause_kind;  /* per clause id */
	uint32_t *clause_first; /* first atom of each clause */
	size_t    n_clauses;
} wh_sent;

/** Cut `toks` into atoms and clauses. Free with wh_sent_free(). */
int  wh_sent_build(wh_sent *s, const dyad_token *toks, size_t n);
void wh_sent_free(wh_sent *s);

/** True when atom i's text equals the NUL-terminated word w. Inline:
 *  the stages call it for every cue word at every atom. */
static inline bool wh_is(const wh_sent *s, size_t i, const char *w)
{
	if (i >= s->n)
		return false;
	const char *a = s->a[i].s;
	uint32_t len = s->a[i].len;
	for (uint32_t k = 0; k < len; k++)
		if (w[k] != a[k] || !w[k])
			return false;
	return w[len] == 0;
}

/** True when atom i's text is one of the NULL-terminated list. */
static inline bool wh_in(const wh_sent *s, size_t i, const char *const *words)
{
	if (i >= s->n || !s->a[i].len)
		return false;
	char c = s->a[i].s[0];
	for (size_t k = 0; words[k]; k++)
		if (words[k][0] == c && wh_is(s, i, words[k]))
			return true;
	return false;
}
/** Atom i is a punctuation mark of the sentence-level kind (. ; : ! ?). */
bool wh_is_hard_punct(const wh_sent *s, size_t i);
/** Atom i is a reporting verb (said, told, according ...). */
bool wh_is_report_verb(const wh_sent *s, size_t i);

/** Index of the atom that holds byte `pos` (or the first after it); n if none. */
size_t wh_atom_at(const wh_sent *s, uint32_t pos);
/** The atom index of an event's verb (its first atom); n if not found. */
size_t wh_event_verb(const wh_sent *s, const dyad_event *ev);

/** Parse a non-negative integer atom (digits only). -1 if not. */
long wh_int(const wh_sent *s, size_t i);

/* The stages on an already built sentence (dyad_when_annotate builds it once). */
struct dyad_gazetteer;
void wh_dates_attach(const wh_sent *s, dyad_date pub, dyad_event *events, size_t n_events);
void wh_places_attach(const wh_sent *s, const struct dyad_gazetteer *g, const char *text,
                      const char (*countries)[4], size_t nc,
                      dyad_event *events, size_t n_events);
int  wh_quantities_attach(const wh_sent *s, dyad_event *events, size_t n_events);
void wh_modality_attach(const wh_sent *s, dyad_date pub, dyad_event *events, size_t n_events);

/*
 * Carrying dates and places across the sentences of one document
 * (when_carry.c, rules in docs/internals/dates.md): the recent events of
 * the document, oldest first.
 */
#define WC_MAX 16          /* events remembered */

typedef struct wc_event {
	uint32_t  sentence;
	uint16_t  kinds;       /* WC_K_* bits: what kind of occasion it was */
	bool      future;      /* future, planned or hypothetical */
	char      cc[2][4];    /* country prefixes of source and target ("" none) */
	bool      dated;       /* date from the text (its sentence, or carried) */
	dyad_date date, date_end;
	uint8_t   precision;
	dyad_span date_span;
	bool      placed;
	char      place_name[DYAD_PLACE_MAX];
	char      place_country[4];
	double    lat, lon;
	uint8_t   resolution;
	dyad_span place_span;
} wc_event;

typedef struct wc_state {
	wc_event ev[WC_MAX];     /* a ring: the oldest at head */
	size_t   head, n;
	uint32_t last_sentence;  /* of the last sentence annotated */
	uint32_t last_end;       /* its end byte in the document text */
	bool     started;
	unsigned cues;           /* cue kinds of the sentence being annotated */
} wc_state;

void wc_reset(wc_state *st);
/** Fill the missing dates and places of one sentence's events from the
 *  earlier sentences (`text`: the document text). */
void wc_carry(wc_state *st, const wh_sent *s, const char *text,
              dyad_event *events, size_t n_events);
/** Remember the sentence's events (after modality is known). */
void wc_remember(wc_state *st, const wh_sent *s, const dyad_event *events, size_t n_events);

#endif
