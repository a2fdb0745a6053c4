/*
 * coder_internal.h - per-sentence state of the coder, shared by the
 * sentence analysis (coder.c: words, actors, agents, compounds, verbs)
 * and the event assembly (coder_events.c: clauses, patterns, source and
 * target search, events).
 */
#ifndef DYAD_CODER_INTERNAL_H
#define DYAD_CODER_INTERNAL_H

#include "dyad/coder.h"
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
	bool       discard, complex, truncated;
	uint32_t   sentence;
	const char *text;
	char       split[CD_MAX_WORDS * 2][64]; /* hyphen parts storage */
	size_t     n_split;
	size_t     last_complex;        /* sentences flagged complex (stats) */
	uint64_t   mask[4];             /* signature of the sentence's words */
};

/* coder.c */
const char *cd_resolve_code(const dyad_coder *c, const lx_phrase *ph);

/* coder_events.c */
int cd_code_events(dyad_coder *c, dyad_events *out);

#endif
