/*
 * when_sent.c - atoms and clauses of one sentence, shared by the dates,
 * places, quantities and modality stages.
 *
 * Clauses are cut with surface rules (docs/internals/dates.md): hard
 * punctuation; a comma followed by while/as/but/although (subordinate),
 * by which/who/where or "in which" (relative), or by a reporting phrase
 * ("..., the ministry said"); "X said (that) ..." (report + content);
 * a leading "According to X,". The dates, places and quantities of an
 * event are looked for in its verb's clause first.
 */
#include "when_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

static const char *const report_verbs[] = {
	"said", "says", "say", "told", "added", "stated", "noted", "stressed",
	"emphasized", "emphasised", "informs", "reported", "announced", "declared",
	"claimed", "explained", "insisted", "according", "reveals", "revealed",
	"shows", "showed", "indicates", "indicated", "confirmed", "confirms", "warned",
	"argued", "believes", "asserted", NULL
};
/* Reporting verbs that also name events of their own. */
static const char *const weak_report_verbs[] = {
	"announced", "declared", "reported", "reveals", "revealed", "confirmed", "confirms",
	"warned", "shows", "showed", "indicates", "indicated", NULL
};
static const char *const sub_words[] = {
	"while", "whereas", "although", "though", "but", "because", "as", "whilst", NULL
};
static const char *const rel_words[] = {
	"which", "who", "whom", "whose", "where", NULL
};

bool wh_is_hard_punct(const wh_sent *s, size_t i)
{
	return i < s->n && s->a[i].kind == DYAD_TOK_PUNCT && s->a[i].len == 1 &&
	       strchr(".;:!?", s->a[i].s[0]) != NULL;
}

static bool is_punct(const wh_sent *s, size_t i)
{
	return i < s->n && s->a[i].kind == DYAD_TOK_PUNCT;
}

static bool is_comma(const wh_sent *s, size_t i)
{
	return wh_is(s, i, ",");
}

bool wh_is_report_verb(const wh_sent *s, size_t i)
{
	if (!wh_in(s, i, report_verbs))
		return false;
	/* "General Said Chengriha": a capitalized "Said" inside a sentence is a name. */
	if ((s->a[i].flags & DYAD_TOKF_CAP) && i > 0 && !wh_is(s, i - 1, "\""))
		return wh_is(s, i, "according");
	return true;
}

long wh_int(const wh_sent *s, size_t i)
{
	if (i >= s->n || s->a[i].len == 0 || s->a[i].len > 9)
		return -1;
	long v = 0;
	for (uint32_t k = 0; k < s->a[i].len; k++) {
		char c = s->a[i].s[k];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	return v;
}

/* "2022-11-16" stays one atom. */
static bool is_iso_date(const char *p, size_t len)
{
	if (len != 10 || p[4] != '-' || p[7] != '-')
		return false;
	for (size_t k = 0; k < len; k++)
		if (k != 4 && k != 7 && (p[k] < '0' || p[k] > '9'))
			return false;
	return true;
}

static size_t parts_of(const dyad_token *t)
{
	if (t->kind != DYAD_TOK_WORD || is_iso_date(t->norm, t->norm_len))
		return 1;
	size_t n = 1;
	for (uint32_t k = 0; k < t->norm_len; k++)
		if (t->norm[k] == '-')
			n += 2;
	return n;
}

static void push_atom(wh_sent *s, const dyad_token *t, uint32_t tok,
                      uint32_t off, uint32_t len, bool exact)
{
	wh_atom *a = &s->a[s->n++];
	a->s = t->norm + off;
	a->len = len;
	a->tok = tok;
	a->kind = t->kind;
	a->flags = t->flags;
	a->clause = 0;
	a->span = t->span;
	/* Sub-spans only when the norm maps byte for byte onto the text. */
	if (exact) {
		a->span.start = t->span.start + off;
		a->span.end = a->span.start + len;
	}
	if (len == 1 && a->s[0] == '-' && t->norm_len > 1)
		a->kind = DYAD_TOK_PUNCT;
	else if (len > 0 && a->s[0] >= '0' && a->s[0] <= '9' && t->kind == DYAD_TOK_WORD) {
		bool digits = true;
		for (uint32_t k = 0; k < len; k++)
			digits = digits && a->s[k] >= '0' && a->s[k] <= '9';
		if (digits)
			a->kind = DYAD_TOK_NUMBER;
	}
	if (off > 0)
		a->flags &= (uint16_t)~DYAD_TOKF_SPACE;
}

static void split_token(wh_sent *s, const dyad_token *t, uint32_t tok)
{
	uint32_t len = t->norm_len;
	bool exact = (t->span.end - t->span.start) == len;
	/* "nov." -> "nov", but "u.s." keeps its periods. */
	if (len > 1 && t->norm[len - 1] == '.' && t->kind == DYAD_TOK_WORD &&
	    !memchr(t->norm, '.', len - 1))
		len--;
	if (parts_of(t) == 1) {
		push_atom(s, t, tok, 0, len, exact);
		return;
	}
	uint32_t start = 0;
	for (uint32_t k = 0; k <= len; k++) {
		if (k < len && t->norm[k] != '-')
			continue;
		if (k > start)
			push_atom(s, t, tok, start, k - start, exact);
		if (k < len)
			push_atom(s, t, tok, k, 1, exact);
		start = k + 1;
	}
}

/* Start a new clause of `kind` at atom i. */
static int open_clause(wh_sent *s, size_t i, uint8_t kind, size_t *cap)
{
	if (s->n_clauses == *cap) {
		size_t nc = *cap * 2;
		uint8_t *k = dyad_reallocarray(s->clause_kind, nc, 1);
		if (!k)
			return DYAD_ENOMEM;
		s->clause_kind = k;
		uint32_t *f = dyad_reallocarray(s->clause_first, nc, sizeof(*f));
		if (!f)
			return DYAD_ENOMEM;
		s->clause_first = f;
		*cap = nc;
	}
	s->clause_kind[s->n_clauses] = kind;
	s->clause_first[s->n_clauses] = (uint32_t)i;
	s->n_clauses++;
	return 0;
}

/* Is there a reporting verb in the few atoms after a comma at i? */
static bool report_follows(const wh_sent *s, size_t i)
{
	for (size_t k = i + 1; k < s->n && k <= i + 7; k++) {
		if (is_punct(s, k) && !wh_is(s, k, "'s"))
			return false;
		if (wh_is_report_verb(s, k) && !wh_in(s, k, weak_report_verbs))
			return true;
	}
	return false;
}

/* After "said" at i: where the reported content starts (n when none). */
static size_t content_start(const wh_sent *s, size_t i)
{
	for (size_t k = i + 1; k < s->n && k <= i + 6; k++) {
		if (is_punct(s, k))
			break;
		if (wh_is(s, k, "that"))
			return k + 1;
	}
	size_t k = i + 1;
	if (wh_is(s, k, "yesterday") || wh_is(s, k, "today"))
		k++;
	else if (wh_is(s, k, "on") && k + 1 < s->n && (s->a[k + 1].flags & DYAD_TOKF_CAP))
		k += 2;
	if (k >= s->n || wh_is_hard_punct(s, k) || is_comma(s, k))
		return s->n;
	return k;
}

/* The clause kind a comma at i opens, or -1 when the comma does not cut. */
static int comma_cut(const wh_sent *s, size_t i)
{
	static const char *const pronouns[] = { "he", "she", "it", "they", "we", "i", NULL };
	if (wh_in(s, i + 1, sub_words))
		return WH_CL_SUB;
	/* ", and Tebboune is set to ...": a new subject after ", and". */
	if (wh_is(s, i + 1, "and") && i + 2 < s->n &&
	    (wh_in(s, i + 2, pronouns) ||
	     (s->a[i + 2].kind == DYAD_TOK_WORD && (s->a[i + 2].flags & DYAD_TOKF_CAP))))
		return WH_CL_SUB;
	if (wh_in(s, i + 1, rel_words) || (wh_in(s, i + 2, rel_words) && !is_punct(s, i + 1)))
		return WH_CL_RELATIVE;
	if (report_follows(s, i))
		return WH_CL_REPORT;
	return -1;
}

static int cut_clauses(wh_sent *s)
{
	size_t cap = 8;
	s->clause_kind = dyad_malloc(cap);
	s->clause_first = dyad_malloc(cap * sizeof(uint32_t));
	if (!s->clause_kind || !s->clause_first)
		return DYAD_ENOMEM;
	int rc = open_clause(s, 0, wh_is(s, 0, "according") ? WH_CL_REPORT : WH_CL_MAIN, &cap);
	size_t content_at = s->n + 1;
	for (size_t i = 0; rc == 0 && i < s->n; i++) {
		uint8_t cur = s->clause_kind[s->n_clauses - 1];
		if (i == content_at)
			rc = open_clause(s, i, WH_CL_CONTENT, &cap);
		else if (i > 0 && wh_is_hard_punct(s, i - 1))
			rc = open_clause(s, i, WH_CL_SUB, &cap);
		else if (i > 0 && is_comma(s, i - 1) && comma_cut(s, i - 1) >= 0)
			rc = open_clause(s, i, (uint8_t)comma_cut(s, i - 1), &cap);
		else if (i > 0 && is_comma(s, i - 1) && cur == WH_CL_REPORT)
			rc = open_clause(s, i, s->n_clauses == 1 ? WH_CL_MAIN : WH_CL_SUB, &cap);
		else if (i > 0 && wh_in(s, i, rel_words) && !is_punct(s, i - 1) &&
		         !wh_in(s, i - 1, (const char *const[]){ "in", "of", "to", "from", NULL }))
			rc = open_clause(s, i, WH_CL_RELATIVE, &cap);
		if (rc)
			break;
		s->a[i].clause = (uint32_t)(s->n_clauses - 1);
		if (wh_is_report_verb(s, i) && !wh_is(s, i, "according")) {
			size_t c = content_start(s, i);
			bool that = c < s->n && c > 0 && wh_is(s, c - 1, "that");
			bool by_comma = s->clause_kind[s->n_clauses - 1] == WH_CL_REPORT;
			/* "announced", "declared" ... are events too: content only with "that". */
			if ((by_comma || wh_in(s, i, weak_report_verbs)) && !that)
				continue;
			s->clause_kind[s->n_clauses - 1] = WH_CL_REPORT;
			content_at = c;
		}
	}
	return rc;
}

int wh_sent_build(wh_sent *s, const dyad_token *toks, size_t n)
{
	memset(s, 0, sizeof(*s));
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += parts_of(&toks[i]);
	s->a = dyad_calloc(total ? total : 1, sizeof(*s->a));
	if (!s->a)
		return dyad_error_set(DYAD_ENOMEM, "out of memory");
	for (size_t i = 0; i < n; i++)
		split_token(s, &toks[i], (uint32_t)i);
	if (cut_clauses(s)) {
		wh_sent_free(s);
		return dyad_error_set(DYAD_ENOMEM, "out of memory");
	}
	return 0;
}

void wh_sent_free(wh_sent *s)
{
	dyad_free(s->a);
	dyad_free(s->clause_kind);
	dyad_free(s->clause_first);
	memset(s, 0, sizeof(*s));
}

size_t wh_atom_at(const wh_sent *s, uint32_t pos)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->a[i].span.end > pos)
			return i;
	return s->n;
}

size_t wh_event_verb(const wh_sent *s, const dyad_event *ev)
{
	if (ev->verb_span.end <= ev->verb_span.start)
		return s->n;
	size_t i = wh_atom_at(s, ev->verb_span.start);
	if (i < s->n && s->a[i].span.start >= ev->verb_span.end)
		return s->n;
	return i;
}
