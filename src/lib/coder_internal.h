/*
 * coder_internal.h - per-sentence state of the coder, shared by the
 * sentence analysis (coder.c: words, actors, agents, compounds, verbs)
 * and the event assembly (coder_events.c: clauses, patterns, source and
 * target search, events).
 */
#ifndef DYAD_CODER_INTERNAL_H
#define DYAD_CODER_INTERNAL_H

#include "dyad/coder.h"
#include "dyad/places.h"
#include "lexicon_internal.h"

#define CD_MAX_WORDS    1024   /* words coded per sentence; the rest is cut */
#define CD_MAX_MENTIONS 256
#define CD_MAX_VERBS    128

/* Word types. */
enum { CW_WORD, CW_COMMA, CW_CONJ, CW_POSS, CW_STOP };

typedef struct cword {
	const char *s;
	uint32_t    len;
	dyad_span   span;
	uint16_t    tflags;   /* token flags */
	uint8_t     type;
	uint8_t     noun;     /* blocked from being a verb (1 noun, 2 adjective) */
	uint8_t     keep;     /* starts a comma clause kept from elimination */
	int16_t     mention;  /* covering mention, -1 none */
	int16_t     verb;     /* verb occurrence starting here, -1 none */
} cword;

enum { MK_ACTOR, MK_AGENT, MK_PRONOUN, MK_COMPOUND_REF };

typedef struct mention {
	uint32_t start, end;         /* words [start, end) */
	uint8_t  kind;
	uint8_t  null, discard, complex;
	uint8_t  used_agent;         /* an agent merged into it */
	uint8_t  from_pronoun;       /* a pronoun resolved to an earlier actor */
	uint8_t  plural;             /* they, them, their */
	uint8_t  place;              /* a country or capital after a place
	                                preposition ("arrived in Moscow"):
	                                not an actor unless a pattern asks
	                                for it there (coder_places.c) */
	uint8_t  supplier;           /* "Russian-built", "Chinese-made": a
	                                hyphen modifier naming who made the
	                                goods (null, but a supplier for a
	                                receiving verb, coder_events.c) */
	uint16_t group;              /* compound group (index of first member) */
	uint16_t n_group;            /* members in the group (on the first) */
	const lx_phrase *ph;
	char     code[DYAD_CODE_MAX];
} mention;

typedef struct verbocc {
	uint32_t start, end;
	uint32_t verb;               /* lex->verbs index */
	const lx_phrase *ph;
} verbocc;

/* Remembered across sentences of a document. */
typedef struct memory {
	char     last[DYAD_CODE_MAX];        /* actor a pronoun opening the next
	                                        sentence refers to (its root) */
	char     original[DYAD_CODE_MAX];    /* the document's first such actor */
	char     compound[8][DYAD_CODE_MAX]; /* last compound ("the two countries") */
	int      n_compound;
} memory;

struct dyad_coder {
	const dyad_lexicon *lex;
	const dyad_gazetteer *gaz;      /* borrowed from the pipeline's when
	                                   stage, NULL without it: cities as
	                                   the last-resort target of attacks */
	dyad_date  date;
	int32_t    ymd;                 /* date as YYYYMMDD, 0 if none */
	memory     mem;
	cword      w[CD_MAX_WORDS];
	size_t     nw;
	mention    m[CD_MAX_MENTIONS];
	size_t     nm;
	verbocc    v[CD_MAX_VERBS];
	size_t     nv;
	size_t     n_conj;
	size_t     n_verbs_seen;        /* for COMPLEX: VERBS[n] */
	bool       discard, complex, truncated;
	bool       has_if;              /* "if" or "unless" in the sentence */
	bool       in_relative;         /* coding a relative clause as its own
	                                   sentence (coder_relatives.c) */
	uint32_t   sentence;
	const char *text;
	char       split[CD_MAX_WORDS * 2][64]; /* hyphen parts storage */
	size_t     n_split;
	size_t     last_complex;        /* sentences flagged complex (stats) */
	uint64_t   mask[4];             /* signature of the sentence's words */
};

/* Word equality for the coder's function-word tests (most words differ
 * at their first letter: no strlen). */
static inline bool eq(const char *s, size_t n, const char *w)
{
	if (!n || s[0] != w[0])
		return false;
	size_t wl = strlen(w);
	return n == wl && memcmp(s, w, n) == 0;
}

static inline bool word_is(const dyad_coder *c, size_t i, const char *w)
{
	return i < c->nw && eq(c->w[i].s, c->w[i].len, w);
}

/* Search helpers shared by coder_events.c and coder_frames.c. */

/* An actor that can be a source or target (not a place, not set aside). */
static inline bool cd_usable(const mention *m)
{
	return m->kind == MK_ACTOR && !m->null && m->code[0] && !m->place;
}

/* The first such actor starting in words [from, to), not of code
 * not_code. */
static inline int cd_first_actor(const dyad_coder *c, size_t from, size_t to, const char *not_code)
{
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (m->start < from || m->start >= to || !cd_usable(m))
			continue;
		if (not_code && strcmp(m->code, not_code) == 0)
			continue;
		return (int)k;
	}
	return -1;
}

/* A past participle: -ed, -en, or an irregular one. */
static inline bool cd_participle(const cword *w)
{
	static const char *const irr[] = { "hit", "shot", "struck", "held", "sold", "built", "bought",
	                                   "caught", "brought", "sent", "met", "led", "put", "cut",
	                                   "fought", "kept", "left", "lost", "made", "paid", "told",
	                                   "found", "hurt", "seen", "won", NULL };
	if (w->len > 3 && (memcmp(w->s + w->len - 2, "ed", 2) == 0 || memcmp(w->s + w->len - 2, "en", 2) == 0))
		return true;
	for (int i = 0; irr[i]; i++)
		if (w->len == strlen(irr[i]) && memcmp(w->s, irr[i], w->len) == 0)
			return true;
	return false;
}

/* The end of mention m's compound group. */
static inline size_t cd_group_end(const dyad_coder *c, int m)
{
	size_t e = c->m[m].end;
	for (size_t k = (size_t)m + 1; k < c->nm; k++)
		if (c->m[k].group == c->m[m].group && c->m[k].end > e)
			e = c->m[k].end;
	return e;
}

/* coder.c */
const char *cd_resolve_code(const dyad_coder *c, const lx_phrase *ph);

/* coder_agents.c */
void cd_former_agents(dyad_coder *c);
void cd_merge_agents(dyad_coder *c);
void cd_merge_same_country(dyad_coder *c);

/* coder_commas.c */
void cd_role_appositions(dyad_coder *c);
void cd_eliminate_commas(dyad_coder *c);

/* coder_places.c: dyad's own dictionaries only (lex->own_format) */
void cd_actor_appositions(dyad_coder *c);
void cd_possessive_owners(dyad_coder *c);
void cd_mark_places(dyad_coder *c);
void cd_counterparts(dyad_coder *c);
void cd_hyphen_modifiers(dyad_coder *c);
bool cd_place_prep(const lx_word *w);

/* coder_relatives.c: ", who ...," clauses coded as sentences of their
 * own with the actor before them as subject; token ranges [s, e) */
#define CD_RELATIVE_MAX_TOKENS 96
typedef struct cd_relative {
	size_t head_s, head_e, body_s, body_e;
} cd_relative;
size_t cd_find_relatives(const dyad_coder *c, const dyad_token *toks, size_t n,
                         cd_relative *out, size_t max);
int cd_relative_events(dyad_coder *c, const char *text, const dyad_token *toks,
                       const cd_relative *rel, size_t n_rel, uint32_t sentence,
                       size_t base, dyad_events *out);

/* coder_events.c */
int cd_code_events(dyad_coder *c, dyad_events *out);

/* coder_frames.c: the frame around a verb, dyad's own dictionaries */
int cd_supplier_at(const dyad_coder *c, const verbocc *vo, size_t ce);
size_t cd_warning_at(const dyad_coder *c, const verbocc *vo, size_t cs);
const char *cd_threat_code(const char *a);
size_t cd_speech_after(const dyad_coder *c, size_t cs, size_t verb);
int cd_by_noun_actor(const dyad_coder *c, const verbocc *vo, size_t cs);
bool cd_hypothetical_at(const dyad_coder *c, const verbocc *vo, size_t cs);
bool cd_match_result(const dyad_coder *c);
size_t cd_lead_segment(const dyad_coder *c, bool *attrib);
bool cd_object_noun(const dyad_coder *c, const verbocc *vo, size_t cs);
bool cd_object_actor(const dyad_coder *c, const verbocc *vo, size_t ce);
bool cd_modifier_agent(const dyad_coder *c, const verbocc *vo, const mention *m);
const char *cd_future_code(const char *a);
bool cd_future_at(const dyad_coder *c, const verbocc *vo, size_t cs);
bool cd_purpose_at(const dyad_coder *c, const verbocc *vo);
const char *cd_weapon_code(const dyad_coder *c, size_t from, size_t to);
bool cd_desired_at(const dyad_coder *c, const verbocc *vo, size_t cs);

#endif
