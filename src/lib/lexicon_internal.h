/*
 * lexicon_internal.h - the compiled form of the dictionaries, shared by
 * the readers (lexicon_read*.c), the index (lexicon.c) and the coder.
 *
 * Every phrase (actor, agent, noun, adjective, verb root or form) is a
 * run of lx_word elements in one flat array; phrases are indexed by
 * their first word in an open-addressing hash table so that the coder
 * can find, for a token, every phrase whose first word is the token or
 * (for stems) a prefix of it with one probe per prefix length.
 */
#ifndef DYAD_LEXICON_INTERNAL_H
#define DYAD_LEXICON_INTERNAL_H

#include "dyad/lexicon.h"
#include "dyad/event.h"
#include "util/arena.h"

#include <stdint.h>
#include <string.h>

/* Kinds of phrase element. */
enum lx_word_kind {
	LW_WORD = 0,  /* a word (stem or exact) */
	LW_VERB,      /* '*': the verb of a pattern */
	LW_SRC,       /* '$': source actor */
	LW_TGT,       /* '+': target actor */
	LW_COMP,      /* '%': compound actor, source and target */
	LW_SKIP       /* '^': skip one actor */
};

/* Element flags. */
enum lx_word_flag {
	LWF_EXACT = 1u << 0,  /* whole word (ends with '_' or '=') */
	LWF_NEXT  = 1u << 1,  /* next element must follow immediately */
	LWF_NOEND = 1u << 2,  /* '=': no regular endings */
	LWF_LEMMA = 1u << 3,  /* ;;dyad match=lemma: base form + inflections */
	LWF_POSS  = 1u << 4,  /* matches a possessive token ('s) */
	LWF_NOUN  = 1u << 5   /* actor/agent word: plural endings only (-s, -es) */
};

typedef struct lx_word {
	const char *s;     /* lower case; "" for non-word kinds */
	uint16_t    len;
	uint8_t     kind;
	uint8_t     flags;
} lx_word;

/* Phrase kinds. */
enum lx_phrase_kind {
	PH_ACTOR = 0,
	PH_AGENT,
	PH_NOUN,
	PH_ADJ,
	PH_VERB,      /* a verb root or one of its forms */
	PH_TIME,
	PH__N
};

/* An actor code, possibly restricted to [from, to] (YYYYMMDD, 0 = open). */
typedef struct lx_code {
	const char *code;  /* "DZAGOV", "---" (null), "###" (discard) */
	int32_t     from, to;
	uint8_t     dated; /* 1 if from/to restrict it */
	uint8_t     fallback; /* .people: country alone off all rows */
} lx_code;

/* Where a code was read (parallel to lex->codes; dict check/lookup). */
typedef struct lx_src {
	const char *file;
	uint32_t    line;
} lx_src;

/* Verb code flags. */
enum lx_vcode_flag {
	LVC_NULL     = 1u << 0,  /* [---] */
	LVC_DISCARD  = 1u << 1,  /* [###] */
	LVC_COMPLEX  = 1u << 2,  /* [+++] */
	LVC_SUBORD   = 1u << 3,  /* [023?]: used only if nothing else codes */
	LVC_DOMINANT = 1u << 4,  /* [031!] */
	LVC_PAIRED   = 1u << 5   /* [A:B] */
};

typedef struct lx_vcode {
	char     a[DYAD_CAMEO_MAX];   /* source -> target */
	char     b[DYAD_CAMEO_MAX];   /* paired: target -> source */
	uint32_t flags;
} lx_vcode;

/* A verb pattern: words with exactly one LW_VERB element. */
typedef struct lx_pattern {
	uint32_t    first, n;  /* into lex->words */
	uint32_t    star;      /* index (relative) of the '*' */
	uint32_t    length;    /* alphanumeric characters, for ordering */
	lx_vcode    code;
	const char *text;      /* the pattern as written (for "why") */
	uint8_t     comp_first; /* lemma file, has '%': tried before other
	                          patterns of its length ("% * JOINT EXERCISE"
	                          before "$ * JOINT EXERCISE") */
	const char *file;      /* where it was read (dict check/lookup) */
	uint32_t    line;
} lx_pattern;

/* A verb root entry. */
typedef struct lx_verb {
	lx_vcode    code;
	uint32_t    pat_first, pat_n;   /* into lex->patterns, longest first */
	const char *text;
	int32_t     bucket;             /* verbs with many patterns: index into
	                                   lex->buckets, else -1 */
	uint8_t     lemma;              /* from a ;;dyad match=lemma file */
	const char *file;               /* where it was read (dict check) */
	uint32_t    line;
} lx_verb;

/*
 * Verbs with many patterns (SAID has 1,500 in CAMEO) get their patterns
 * bucketed by one signature bit each pattern requires (that of its
 * longest word; LX_NO_BIT if none): only the buckets of bits present in
 * the sentence are tried, in pattern order.
 */
#define LX_NO_BIT    256
#define LX_BUCKET_MIN 48
typedef struct lx_buckets {
	uint32_t  start[LX_NO_BIT + 2];  /* offsets into items per bit */
	uint32_t *items;                 /* pattern numbers relative to pat_first */
} lx_buckets;

/* A phrase of the index. */
typedef struct lx_phrase {
	uint32_t    first, n;       /* words */
	uint8_t     kind;           /* lx_phrase_kind */
	uint8_t     agent_prefix;   /* agent written [XXX~]: code goes in front */
	uint8_t     gaps;           /* some words may have words between them */
	uint8_t     pad;
	uint32_t    code_first, n_codes; /* actors/agents: into lex->codes */
	uint32_t    verb;           /* PH_VERB: index into lex->verbs */
	uint32_t    chars;          /* total characters, to prefer longer matches */
	const char *text;           /* as written, for explanations */
	const char *file;           /* where it was read (dict check/lookup) */
	uint32_t    line;
} lx_phrase;

/* One slot of the first-word index (12 bytes: the table is probed once
 * per letter of every word coded, so it is kept small for the cache).
 * Its key string is in lex->slot_keys[] at the same index. */
typedef struct lx_slot {
	uint64_t    hash;      /* 64-bit hash of the key, | 1; 0: empty */
	uint16_t    len;
	uint16_t    list_n;    /* phrases with this first word (0: a prefix only) */
	uint32_t    list_first;/* into lex->lists (phrase ids) */
	uint16_t    n_single;  /* phrases tried whatever the next word (one-word
	                          phrases, second word apart): the first n_single */
	uint16_t    pad;
} lx_slot;

/* Options (the subset of TABARI's .options the coder uses). */
typedef struct lx_options {
	int      complex_verbs;      /* COMPLEX: VERBS[n]; 0 = off */
	int      complex_conj;       /* CONJ[n] */
	int      complex_actors;     /* ACTORS[n] */
	bool     noactprior;         /* NOACTPRIOR */
	int      code_by;            /* 0 clause (default), 1 sentence, 2 all */
	bool     convert_agents;
	bool     time_shift;         /* <TIME> phrases active */
	int      minimum_words;
	bool     comma_on;
	int      comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
	char     default_source[DYAD_CODE_MAX];
	char     default_target[DYAD_CODE_MAX];
	bool     default_source_prior;  /* only when no actor prior */
	bool     default_target_after;
} lx_options;

struct dyad_lexicon {
	dyad_arena  arena;          /* strings */
	lx_word    *words;    size_t n_words, cap_words;
	lx_phrase  *phrases;  size_t n_phrases, cap_phrases;
	lx_code    *codes;    size_t n_codes, cap_codes;
	lx_src     *code_src; size_t cap_code_src;   /* n_codes items */
	lx_verb    *verbs;    size_t n_verbs, cap_verbs;
	lx_pattern *patterns; size_t n_patterns, cap_patterns;
	uint64_t  (*pat_masks)[4];      /* per pattern: signature, lx_sig_bit() */
	lx_buckets *buckets;  size_t n_buckets;
	uint32_t   *lists;    size_t n_lists;
	uint8_t    *list_c2;            /* per list entry: first char of the
	                                   phrase's second word, 0 if none */
	lx_slot    *slots;    size_t n_slots;   /* power of two */
	const char **slot_keys;
	lx_options  opt;
	lx_options  opt_loaded;         /* as the files gave them */
	uint64_t    fp_hash;            /* fingerprint accumulator */
	char        fingerprint[24];
	size_t      n_files;
	size_t      n_problems;
	/* the file being read and its line counter: lx_push_* stamp each
	 * phrase, code and pattern with them (NULL outside a load) */
	bool          own_format;   /* some file is dyad's own (match=lemma):
	                               dyad's coding rules apply, TABARI
	                               projects keep TABARI's */
	const char   *src_file;
	const size_t *src_line;
};

/* Build-time helpers (lexicon.c). */
int  lx_push_word(dyad_lexicon *lex, const lx_word *w);
int  lx_push_phrase(dyad_lexicon *lex, const lx_phrase *p, uint32_t *id);
int  lx_push_code(dyad_lexicon *lex, const lx_code *c);
int  lx_push_verb(dyad_lexicon *lex, const lx_verb *v, uint32_t *id);
int  lx_push_pattern(dyad_lexicon *lex, const lx_pattern *p);
char *lx_strdup(dyad_lexicon *lex, const char *s, size_t len);
dyad_lexicon *lx_new(void);
int  lx_finish(dyad_lexicon *lex);
void lx_fingerprint_add(dyad_lexicon *lex, const char *bytes, size_t len);
int  lx_load_file(dyad_lexicon *lex, const char *path, int kind, dyad_diag *diag);
void lx_options_default(lx_options *o);

/* File kinds for lx_load_file. */
enum { LXF_ACTORS, LXF_AGENTS, LXF_VERBS, LXF_OPTIONS, LXF_PEOPLE };

/* Readers (lexicon_read.c, lexicon_verbs.c, lexicon_options.c). */
typedef struct lx_reader {
	dyad_lexicon *lex;
	dyad_diag    *diag;
	const char   *path;
	size_t        line;
	char          where[512];
	bool          lemma;          /* ;;dyad match=lemma */
	int           fatal;          /* strict-mode error code */
} lx_reader;

int  lx_report(lx_reader *r, dyad_severity sev, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
int  lx_read_actors(lx_reader *r, char *text, size_t len, int kind);
int  lx_read_verbs(lx_reader *r, char *text, size_t len);
int  lx_read_people(lx_reader *r, char *text, size_t len);
/* Apply one options line (also used by validation OPTION records). */
int  lx_options_line(lx_options *o, const char *line, size_t len,
                     lx_reader *r);
/* Parse a TABARI phrase ("NATIONAL_PEOPLE'S_ARMY_", "- * OF_ $ [042]"
 * words part) into words; returns count or negative. */
int  lx_parse_words(lx_reader *r, const char *s, size_t len, bool pattern,
                    uint32_t *first, uint32_t *n);
/* Parse a date "YYMMDD" or "YYYYMMDD" into YYYYMMDD; -1 if bad. */
int32_t lx_parse_date(const char *s, size_t len);

/* Lookup: inline, it runs once per letter of every word coded. */
#define LX_HASH_INIT 1469598103934665603ULL

static inline uint64_t lx_hash_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 1099511628211ULL;
}

static inline const lx_slot *lx_lookup(const dyad_lexicon *lex, uint64_t hash,
                                       const char *key, uint32_t len)
{
	if (!lex->n_slots)
		return NULL;
	uint64_t h = hash | 1u;
	size_t mask = lex->n_slots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		const lx_slot *s = &lex->slots[i];
		if (!s->hash)
			return NULL;
		if (s->hash == h && s->len == len) {
			const char *k = lex->slot_keys[i];
			uint32_t j = 0;
			while (j < len && k[j] == key[j])
				j++;
			if (j == len)
				return s;
		}
	}
}

/*
 * The prefix walk's lookup: the caller has verified key[0 .. len-1) on
 * the previous step, so only the last letter is compared besides the
 * 64-bit hash and the length (a wrong hit needs a 64-bit collision).
 */
static inline const lx_slot *lx_lookup_next(const dyad_lexicon *lex, uint64_t hash,
                                            const char *key, uint32_t len)
{
	uint64_t h = hash | 1u;
	size_t mask = lex->n_slots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		const lx_slot *s = &lex->slots[i];
		if (!s->hash)
			return NULL;
		if (s->hash == h && s->len == len && lex->slot_keys[i][len - 1] == key[len - 1])
			return s;
	}
}

/*
 * Does word element `w` match token text `t` (len n)? `endings` allows
 * TABARI's regular endings on an exact word (the final word of an
 * actor/agent/noun phrase, verb roots). Inline: it runs for every
 * candidate phrase word.
 */
static inline bool lx_ending_ok(const char *e, size_t n, bool verb)
{
	(void)verb;
	switch (n) {
	case 1: return e[0] == 's' || e[0] == 'd';
	case 2: return (e[0] == 'e' && (e[1] == 's' || e[1] == 'd' || e[1] == 'n'));
	case 3: return e[0] == 'i' && e[1] == 'n' && e[2] == 'g';
	default: return false;
	}
}

/* Lemma match: base form `w` against token `t`: regular inflections. */
static inline bool lx_lemma_match(const char *w, size_t wl, const char *t, size_t n)
{
	if (n == wl)
		return memcmp(w, t, n) == 0;
	if (n > wl && memcmp(w, t, wl) == 0) {
		const char *e = t + wl;
		size_t el = n - wl;
		if (lx_ending_ok(e, el, true))
			return true;
		/* doubled final consonant: ship -> shipped, shipping */
		if (el >= 3 && e[0] == w[wl - 1] && ((el == 3 && e[1] == 'e' && e[2] == 'd') ||
		    (el == 4 && e[1] == 'i' && e[2] == 'n' && e[3] == 'g')))
			return true;
		return false;
	}
	/* dropped final e: exercise -> exercising, exercised */
	if (wl >= 2 && w[wl - 1] == 'e' && n >= wl - 1 && memcmp(w, t, wl - 1) == 0) {
		const char *e = t + wl - 1;
		size_t el = n - (wl - 1);
		if ((el == 3 && memcmp(e, "ing", 3) == 0) || (el == 2 && memcmp(e, "ed", 2) == 0))
			return true;
	}
	/* y -> ies, ied */
	if (wl >= 2 && w[wl - 1] == 'y' && n == wl + 2 && memcmp(w, t, wl - 1) == 0 &&
	    t[wl - 1] == 'i' && t[wl] == 'e' && (t[wl + 1] == 's' || t[wl + 1] == 'd'))
		return true;
	return false;
}

static inline bool lx_word_matches(const lx_word *w, const char *t, size_t n, bool endings)
{
	if (w->flags & LWF_LEMMA)
		return lx_lemma_match(w->s, w->len, t, n);
	if (n < w->len)
		return false;
	for (uint32_t i = 0; i < w->len; i++)   /* short words: no memcmp call */
		if (w->s[i] != t[i])
			return false;
	if (!(w->flags & LWF_EXACT) || n == w->len)
		return true;
	/* regular endings, not on 1-2 letter words ("TO_" is not "tos") */
	if (!endings || (w->flags & LWF_NOEND) || w->len < 3)
		return false;
	/* a name or role word takes the plural, not a verb ending: "MAK"
	 * is not "making", the agent "BASE" not "Moscow-based" */
	if (w->flags & LWF_NOUN)
		return n - w->len == 1 ? t[w->len] == 's' :
		       n - w->len == 2 && t[w->len] == 'e' && t[w->len + 1] == 's';
	return lx_ending_ok(t + w->len, n - w->len, true);
}


/*
 * Word signatures for a cheap pattern pre-filter: a pattern word can only
 * match a text word that begins with the same three characters (stems,
 * exact words with endings, lemmas of 4+ letters alike), and a word of 1-2
 * characters only itself. A pattern whose signature bits are not all in
 * the sentence's cannot match and is skipped without trying it.
 */
static inline unsigned lx_sig_bit(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t k = n < 3 ? n : 3;
	for (size_t i = 0; i < k; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	if (n < 3)
		h = (h ^ 0x5bd1e995u) * 16777619u;
	return (h >> 8) & 255u;
}

/* Options access for the coder and validate. */
lx_options *lx_lexicon_options(dyad_lexicon *lex);

#endif
