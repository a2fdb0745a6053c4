/*
 * lexicon_check.c - `dyad dict check`: lint a loaded dictionary set.
 *
 * The checks run on what the loader built (the same phrases, codes and
 * patterns the coder uses), so they see the dictionaries as dyad reads
 * them: a phrase is a duplicate when its words *as tokenized* equal
 * another's, whatever the spelling in the file. Each problem is reported
 * as "file:line: message"; errors are what makes an entry wrong or
 * useless, warnings what is harmless but untidy (a repeated synonym).
 */
#include "lexicon_internal.h"
#include "dyad/cameo.h"
#include "dyad/text.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct checker {
	const dyad_lexicon *lex;
	dyad_diag *diag;
	dyad_dict_check_stats *st;
	dyad_tokens *toks;
	char last[1700];      /* the previous report: {A | B} expansions of one
	                         line would repeat it */
} checker;

static void report(checker *k, dyad_severity sev, const char *file, uint32_t line,
                   const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

static void report(checker *k, dyad_severity sev, const char *file, uint32_t line,
                   const char *fmt, ...)
{
	char where[600], msg[1024];
	_Static_assert(sizeof where + sizeof msg + 2 <= sizeof k->last, "key fits");
	snprintf(where, sizeof where, "%s:%u", file ? file : "?", (unsigned)line);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char key[sizeof k->last];
	size_t wl = strlen(where), ml = strlen(msg);
	memcpy(key, where, wl);
	key[wl] = ' ';
	memcpy(key + wl + 1, msg, ml + 1);
	if (!strcmp(key, k->last))
		return;
	memcpy(k->last, key, sizeof key);
	dyad_diag_report(k->diag, sev, where, "%s", msg);
	if (sev == DYAD_DIAG_ERROR)
		k->st->errors++;
	else if (sev == DYAD_DIAG_WARNING)
		k->st->warnings++;
}

/* ------------------------------------------------------------------ */
/* Word sequences                                                      */

/* Flags that change what a word matches (LWF_NEXT: adjacency). */
#define MATCH_FLAGS (LWF_EXACT | LWF_NEXT | LWF_NOEND | LWF_LEMMA | LWF_POSS)

static int words_cmp(const dyad_lexicon *lex, uint32_t fa, uint32_t na,
                     uint32_t fb, uint32_t nb)
{
	uint32_t n = na < nb ? na : nb;
	for (uint32_t i = 0; i < n; i++) {
		const lx_word *a = &lex->words[fa + i], *b = &lex->words[fb + i];
		uint8_t fla = a->flags & MATCH_FLAGS, flb = b->flags & MATCH_FLAGS;
		if (i + 1 == na) fla &= (uint8_t)~LWF_NEXT;   /* last word: no next */
		if (i + 1 == nb) flb &= (uint8_t)~LWF_NEXT;
		if (a->kind != b->kind)
			return a->kind < b->kind ? -1 : 1;
		if (fla != flb)
			return fla < flb ? -1 : 1;
		if (a->len != b->len)
			return a->len < b->len ? -1 : 1;
		int c = memcmp(a->s, b->s, a->len);
		if (c)
			return c;
	}
	if (na != nb)
		return na < nb ? -1 : 1;
	return 0;
}

/* Earlier in the files: the order the loader read them in. */
static bool before(const char *fa, uint32_t la, size_t ia, const char *fb,
                   uint32_t lb, size_t ib)
{
	if (fa == fb || (fa && fb && strcmp(fa, fb) == 0))
		return la != lb ? la < lb : ia < ib;
	return ia < ib;
}

/* ------------------------------------------------------------------ */
/* Phrases: duplicates and conflicting codes                           */

/* qsort has no context argument: each item carries its lexicon */
typedef struct sort_item {
	const dyad_lexicon *lex;
	uint32_t id;
} sort_item;

static int phrase_cmp(const void *x, const void *y)
{
	const sort_item *ia = x, *ib = y;
	const lx_phrase *a = &ia->lex->phrases[ia->id];
	const lx_phrase *b = &ia->lex->phrases[ib->id];
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	int c = words_cmp(ia->lex, a->first, a->n, b->first, b->n);
	if (c)
		return c;
	return ia->id < ib->id ? -1 : (ia->id > ib->id);
}

/* Same codes, same date ranges, same order? */
static bool same_codes(const dyad_lexicon *lex, const lx_phrase *a, const lx_phrase *b)
{
	if (a->n_codes != b->n_codes || a->agent_prefix != b->agent_prefix)
		return false;
	for (uint32_t i = 0; i < a->n_codes; i++) {
		const lx_code *x = &lex->codes[a->code_first + i], *y = &lex->codes[b->code_first + i];
		if (strcmp(x->code, y->code) || x->from != y->from || x->to != y->to ||
		    x->dated != y->dated || x->fallback != y->fallback)
			return false;
	}
	return true;
}

static void codes_text(const dyad_lexicon *lex, const lx_phrase *p, char *buf, size_t cap)
{
	size_t b = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < p->n_codes && b + 1 < cap; i++) {
		const lx_code *c = &lex->codes[p->code_first + i];
		if (c->fallback)
			continue;
		int w;
		if (c->dated)
			w = snprintf(buf + b, cap - b, "%s%s %d-%d", b ? " " : "", c->code,
			             (int)c->from, (int)c->to);
		else
			w = snprintf(buf + b, cap - b, "%s%s", b ? " " : "", c->code);
		if (w < 0 || (size_t)w >= cap - b)
			break;
		b += (size_t)w;
	}
}

static const char *kind_name(int kind)
{
	static const char *names[] = { "actor", "agent", "noun", "adjective", "verb", "time" };
	return kind >= 0 && kind < PH__N ? names[kind] : "phrase";
}

/* Report phrase ids[j] against the first of its group, ids[0]. */
static void duplicate(checker *k, const lx_phrase *first, const lx_phrase *p)
{
	const dyad_lexicon *lex = k->lex;
	if (p->kind == PH_VERB) {
		/* a verb form under two roots: the coder uses one of them */
		if (p->verb != first->verb)
			report(k, DYAD_DIAG_ERROR, p->file, p->line,
			       "verb form '%s' also belongs to the verb at %s:%u: one of them never matches",
			       lex->words[p->first].s, first->file ? first->file : "?",
			       (unsigned)first->line);
		return;
	}
	if (p->kind == PH_NOUN || p->kind == PH_ADJ || p->kind == PH_TIME)
		return;   /* lists of words without codes: repeats are harmless */
	if (p->code_first == first->code_first) {
		/* "Ban Ki-moon" and "Ban Ki moon" read alike: harmless */
		report(k, DYAD_DIAG_NOTE, p->file, p->line,
		       "variant reads as another of the same entry (%s)", p->text);
		return;
	}
	if (same_codes(lex, first, p)) {
		report(k, DYAD_DIAG_WARNING, p->file, p->line,
		       "duplicate %s: same phrase and codes as %s:%u", kind_name(p->kind),
		       first->file ? first->file : "?", (unsigned)first->line);
		return;
	}
	char a[256], b[256];
	codes_text(lex, first, a, sizeof a);
	codes_text(lex, p, b, sizeof b);
	report(k, DYAD_DIAG_ERROR, p->file, p->line,
	       "conflicting codes for the same %s: [%s] here, [%s] at %s:%u (which is used)",
	       kind_name(p->kind), b, a, first->file ? first->file : "?", (unsigned)first->line);
}

static int check_duplicates(checker *k)
{
	const dyad_lexicon *lex = k->lex;
	sort_item *ids = lex->n_phrases ? dyad_reallocarray(NULL, lex->n_phrases, sizeof *ids) : NULL;
	if (lex->n_phrases && !ids)
		return DYAD_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < lex->n_phrases; i++)
		if (lex->phrases[i].n)
			ids[n++] = (sort_item){ lex, (uint32_t)i };
	if (n)
		qsort(ids, n, sizeof *ids, phrase_cmp);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		const lx_phrase *a = &lex->phrases[ids[i].id];
		while (j < n) {
			const lx_phrase *b = &lex->phrases[ids[j].id];
			if (a->kind != b->kind || words_cmp(lex, a->first, a->n, b->first, b->n))
				break;
			j++;
		}
		for (size_t q = i + 1; q < j; q++)
			duplicate(k, a, &lex->phrases[ids[q].id]);
		i = j;
	}
	dyad_free(ids);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Codes                                                               */

static bool upper_groups(const char *s, size_t n)
{
	if (!n || n % 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
			return false;
	return s[0] >= 'A' && s[0] <= 'Z';
}

static void check_code_shape(checker *k, const lx_phrase *p, const lx_code *c)
{
	const char *s = c->code;
	size_t n = strlen(s);
	if (!strcmp(s, "---") || !strcmp(s, "###"))
		return;
	const lx_src *src = &k->lex->code_src[c - k->lex->codes];
	if (!upper_groups(s, n))
		report(k, DYAD_DIAG_ERROR, src->file ? src->file : p->file,
		       src->file ? src->line : p->line,
		       "malformed %s code '%s' (upper-case letters in groups of three)",
		       kind_name(p->kind), s);
}

/* Two rows of one person (or two dated codes of one entry) in force on
 * the same day with different codes: the code of that day is a guess. */
static void check_dates(checker *k, const lx_phrase *p)
{
	const dyad_lexicon *lex = k->lex;
	const lx_code *cs = &lex->codes[p->code_first];
	const lx_src *src = &lex->code_src[p->code_first];
	for (uint32_t i = 0; i < p->n_codes; i++) {
		const lx_code *a = &cs[i];
		const lx_src *as = &src[i];
		if (!a->dated || a->fallback)
			continue;
		/* a person's rows for one country (or organisation) go in date
		 * order; the first row is the state one on purpose (it gives
		 * the fallback country), so rows of other prefixes may follow */
		for (uint32_t j = i; j-- > 0;) {
			const lx_code *b = &cs[j];
			if (!b->dated || b->fallback || strncmp(a->code, b->code, 3) != 0)
				continue;
			if (a->from && b->from && a->from < b->from)
				report(k, DYAD_DIAG_ERROR, as->file, as->line,
				       "rows out of order: starts %d, before the %s row above (%d)",
				       (int)a->from, b->code, (int)b->from);
			break;
		}
		if (a->from && a->to && a->to < a->from)
			report(k, DYAD_DIAG_ERROR, as->file, as->line,
			       "date range ends (%d) before it starts (%d)", (int)a->to, (int)a->from);
		for (uint32_t j = 0; j < i; j++) {
			const lx_code *b = &cs[j];
			if (!b->dated || b->fallback || !strcmp(a->code, b->code))
				continue;
			int32_t lo = a->from > b->from ? a->from : b->from;
			int32_t ha = a->to ? a->to : 99991231, hb = b->to ? b->to : 99991231;
			int32_t hi = ha < hb ? ha : hb;
			/* one shared day is a hand-over (end = next start), not an overlap */
			if (lo < hi)
				report(k, DYAD_DIAG_ERROR, as->file, as->line,
				       "%s overlaps %s (%s:%u) from %d to %d: the code of those days is ambiguous",
				       a->code, b->code, src[j].file ? src[j].file : "?", (unsigned)src[j].line,
				       (int)lo, (int)hi);
		}
	}
}

static void check_phrase_codes(checker *k)
{
	const dyad_lexicon *lex = k->lex;
	for (size_t i = 0; i < lex->n_phrases; i++) {
		const lx_phrase *p = &lex->phrases[i];
		if (!p->n || (p->kind != PH_ACTOR && p->kind != PH_AGENT))
			continue;
		/* synonyms share their entry's codes: check them once */
		if (i && lex->phrases[i - 1].code_first == p->code_first &&
		    lex->phrases[i - 1].n_codes == p->n_codes &&
		    (lex->phrases[i - 1].kind == p->kind))
			continue;
		for (uint32_t c = 0; c < p->n_codes; c++)
			check_code_shape(k, p, &lex->codes[p->code_first + c]);
		check_dates(k, p);
	}
}

static void check_vcode(checker *k, const char *file, uint32_t line, const char *what,
                        const lx_vcode *c)
{
	if (c->flags & (LVC_NULL | LVC_DISCARD | LVC_COMPLEX))
		return;
	if (c->a[0] && !dyad_cameo_valid(c->a))
		report(k, DYAD_DIAG_ERROR, file, line, "unknown CAMEO code %s in %s", c->a, what);
	if ((c->flags & LVC_PAIRED) && c->b[0] && !dyad_cameo_valid(c->b))
		report(k, DYAD_DIAG_ERROR, file, line, "unknown CAMEO code %s in %s", c->b, what);
}

/* ------------------------------------------------------------------ */
/* Patterns                                                            */

/* A pattern's words as the loader read them (one {A | B} expansion). */
static void render(const dyad_lexicon *lex, const lx_pattern *p, char *buf, size_t cap)
{
	static const char *marks[] = { "", "*", "$", "+", "%", "^" };
	size_t b = 0;
	buf[0] = '\0';
	for (uint32_t i = 0; i < p->n; i++) {
		const lx_word *w = &lex->words[p->first + i];
		int n = w->kind == LW_WORD
		        ? snprintf(buf + b, cap - b, "%s%.*s", b ? " " : "", (int)w->len, w->s)
		        : snprintf(buf + b, cap - b, "%s%s", b ? " " : "", marks[w->kind < 6 ? w->kind : 0]);
		if (n < 0 || (size_t)n >= cap - b)
			break;
		b += (size_t)n;
	}
}

static void check_patterns(checker *k)
{
	const dyad_lexicon *lex = k->lex;
	for (size_t v = 0; v < lex->n_verbs; v++) {
		const lx_verb *vb = &lex->verbs[v];
		const lx_pattern *ps = &lex->patterns[vb->pat_first];
		for (uint32_t i = 0; i < vb->pat_n; i++) {
			const lx_pattern *a = &ps[i];
			check_vcode(k, a->file, a->line, "pattern", &a->code);
			for (uint32_t j = 0; j < i; j++) {
				const lx_pattern *b = &ps[j];
				if (a->n != b->n || words_cmp(lex, a->first, a->n, b->first, b->n))
					continue;
				/* the later one in the files is the one that never fires */
				const lx_pattern *late = before(a->file, a->line, i, b->file, b->line, j) ? b : a;
				const lx_pattern *early = late == a ? b : a;
				bool same = !strcmp(a->code.a, b->code.a) && !strcmp(a->code.b, b->code.b) &&
				            a->code.flags == b->code.flags;
				char words[512] = "";
				if (!same)   /* which expansion of {A | B} collides */
					render(lex, late, words, sizeof words);
				report(k, same ? DYAD_DIAG_WARNING : DYAD_DIAG_ERROR, late->file, late->line,
				       "%s pattern '%s'%s%s%s %s %s:%u: %s",
				       same ? "duplicate" : "shadowed", late->text,
				       same ? "" : " (as read: ", words, same ? "" : ")",
				       same ? "repeats" : "has a different code than the identical pattern at",
				       early->file ? early->file : "?", (unsigned)early->line,
				       same ? "it adds nothing" : "it never fires");
				break;
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Words the tokenizer never produces                                  */

/* A word matches tokens only if the tokenizer can produce it as one
 * token with the same normal form (a stem: as the start of one). */
static void check_word(checker *k, const lx_word *w, const char *file, uint32_t line,
                       const char *text)
{
	if (w->kind != LW_WORD || !w->len || (w->flags & LWF_POSS))
		return;
	if (dyad_tokenize(k->toks, w->s, w->len, 0))
		return;
	size_t n = dyad_tokens_count(k->toks);
	const dyad_token *t = dyad_tokens_array(k->toks);
	bool ok = n == 1 && t[0].norm_len >= w->len && memcmp(t[0].norm, w->s, w->len) == 0;
	/* the coder splits hyphenated tokens into their parts */
	if (!ok && n == 1 && (t[0].flags & DYAD_TOKF_HYPHEN))
		ok = true;
	if (!ok)
		report(k, DYAD_DIAG_ERROR, file, line,
		       "word '%.*s' of '%s' is never a token (the tokenizer gives %zu token%s%s%.*s): the entry can never match",
		       (int)w->len, w->s, text ? text : "", n, n == 1 ? "" : "s",
		       n ? ", first " : "", n ? (int)t[0].norm_len : 0, n ? t[0].norm : "");
}

static void check_words(checker *k)
{
	const dyad_lexicon *lex = k->lex;
	for (size_t i = 0; i < lex->n_phrases; i++) {
		const lx_phrase *p = &lex->phrases[i];
		for (uint32_t j = 0; j < p->n; j++)
			check_word(k, &lex->words[p->first + j], p->file, p->line, p->text);
	}
	for (size_t i = 0; i < lex->n_patterns; i++) {
		const lx_pattern *p = &lex->patterns[i];
		for (uint32_t j = 0; j < p->n; j++)
			check_word(k, &lex->words[p->first + j], p->file, p->line, p->text);
	}
}

int dyad_lexicon_check(const dyad_lexicon *lex, dyad_diag *diag, dyad_dict_check_stats *st)
{
	dyad_dict_check_stats local = { 0 };
	if (!st)
		st = &local;
	*st = local;
	if (!lex)
		return dyad_error_set(DYAD_EINVAL, "no lexicon to check");
	checker k = { lex, diag, st, NULL, "" };
	int rc = dyad_tokens_new(&k.toks);
	if (rc)
		return rc;
	st->files = lex->n_files;
	st->phrases = lex->n_phrases;
	st->patterns = lex->n_patterns;
	rc = check_duplicates(&k);
	if (!rc) {
		check_phrase_codes(&k);
		for (size_t v = 0; v < lex->n_verbs; v++)
			check_vcode(&k, lex->verbs[v].file, lex->verbs[v].line, "verb entry",
			            &lex->verbs[v].code);
		check_patterns(&k);
		check_words(&k);
	}
	dyad_tokens_free(k.toks);
	return rc;
}

int dyad_lexicon_pattern_source(const dyad_lexicon *lex, const char *pattern,
                                const char **file, unsigned *line)
{
	*file = NULL;
	*line = 0;
	if (!lex || !pattern)
		return DYAD_ENOTFOUND;
	/* events borrow the pattern's text pointer: compare pointers first */
	for (size_t i = 0; i < lex->n_patterns; i++)
		if (lex->patterns[i].text == pattern) {
			*file = lex->patterns[i].file;
			*line = lex->patterns[i].line;
			return 0;
		}
	for (size_t i = 0; i < lex->n_verbs; i++)
		if (lex->verbs[i].text == pattern) {
			*file = lex->verbs[i].file;
			*line = lex->verbs[i].line;
			return 0;
		}
	return DYAD_ENOTFOUND;
}
