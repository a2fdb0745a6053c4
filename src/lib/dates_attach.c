/*
 * dates_attach.c - public entry points of the dates stage: find the
 * expressions of a sentence, and give each event the one its clause
 * carries.
 */
#include "dates_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

#define WD_MAX 32   /* date expressions kept per sentence */

size_t wh_atom_of_tok(const wh_sent *s, uint32_t tok)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->a[i].tok == tok)
			return i;
	return s->n;
}

int dyad_dates_find(const dyad_token *toks, size_t n, dyad_date pub,
                    dyad_date_expr *out, size_t max)
{
	if (!toks && n)
		return dyad_error_set(DYAD_EINVAL, "dates: no tokens");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	rc = wd_find(&s, pub, out, max);
	wh_sent_free(&s);
	return rc;
}

int dyad_dates_parse_text(const char *text, size_t len, dyad_date pub,
                          dyad_date_expr *out)
{
	dyad_tokens *toks = NULL;
	int rc = dyad_tokens_new(&toks);
	if (rc)
		goto done;
	rc = dyad_tokenize(toks, text, len, 0);
	if (rc)
		goto done;
	rc = dyad_dates_find(dyad_tokens_array(toks), dyad_tokens_count(toks), pub, out, 1);
	if (rc > 1)
		rc = 1;
done:
	dyad_tokens_free(toks);
	return rc;
}

/* Distance in atoms between an expression and atom v. */
static size_t dist(const wh_sent *s, const dyad_date_expr *e, size_t v)
{
	size_t a = wh_atom_of_tok(s, e->tok_first);
	size_t b = wh_atom_of_tok(s, e->tok_last);
	if (v < a)
		return a - v;
	return v > b ? v - b : 0;
}

/* A sentence-level stop between atoms a < b (a missed sentence break, or ";"). */
static bool hard_between(const wh_sent *s, size_t a, size_t b)
{
	for (size_t i = a; i < b && i < s->n; i++)
		if (wh_is_hard_punct(s, i) && !wh_is(s, i, ":"))
			return true;
	return false;
}

/*
 * "the first visit since 2019", "the largest drills since 2015", "for the
 * first time since 2019": the date measures a comparison, it does not date
 * the event.
 */
static bool comparison_since(const wh_sent *s, const dyad_date_expr *e)
{
	static const char *const marks[] = {
		"first", "last", "largest", "biggest", "highest", "lowest", "longest", "worst",
		"best", "time", "only", NULL
	};
	size_t a = wh_atom_of_tok(s, e->tok_first);
	if (a == 0 || a >= s->n || !wh_is(s, a - 1, "since"))
		return false;
	for (size_t k = a - 1; k-- > 0 && k + 5 >= a;)
		if (wh_in(s, k, marks))
			return true;
	return false;
}

/*
 * The expression that dates the event whose verb is atom v: the nearest
 * one in v's clause (never a comparison_since() one); else the nearest in an earlier clause that is not a
 * reporting clause (a relative or "while" clause shares its host's time);
 * else none.
 */
static int pick(const wh_sent *s, const dyad_date_expr *ex, size_t n_ex, size_t v)
{
	int best = -1;
	size_t best_d = (size_t)-1;
	uint32_t c = s->a[v].clause;
	for (size_t k = 0; k < n_ex; k++) {
		size_t a = wh_atom_of_tok(s, ex[k].tok_first);
		if (comparison_since(s, &ex[k]))
			continue;
		if (a < s->n && s->a[a].clause == c && dist(s, &ex[k], v) < best_d) {
			best = (int)k;
			best_d = dist(s, &ex[k], v);
		}
	}
	/* A report's own date is not the reported event's, nor the reverse. */
	if (best >= 0 || s->clause_kind[c] == WH_CL_REPORT || s->clause_kind[c] == WH_CL_CONTENT)
		return best;
	for (size_t k = 0; k < n_ex; k++) {
		size_t a = wh_atom_of_tok(s, ex[k].tok_first);
		if (a >= s->n || s->a[a].clause >= c || hard_between(s, a, v) ||
		    comparison_since(s, &ex[k]))
			continue;
		uint8_t kind = s->clause_kind[s->a[a].clause];
		if (kind == WH_CL_REPORT || kind == WH_CL_CONTENT)
			continue;
		if (dist(s, &ex[k], v) < best_d) {
			best = (int)k;
			best_d = dist(s, &ex[k], v);
		}
	}
	return best;
}

static void set_reported(dyad_event *ev, dyad_date pub)
{
	ev->date = pub;
	memset(&ev->date_end, 0, sizeof(ev->date_end));
	ev->date_precision = DYAD_PREC_REPORTED;
	ev->date_span.start = ev->date_span.end = 0;
	ev->date_source = DYAD_SRC_PUBLICATION;
}

void wh_dates_attach(const wh_sent *sp, dyad_date pub, dyad_event *events, size_t n_events)
{
	const wh_sent s = *sp;
	dyad_date_expr ex[WD_MAX];
	int found = wd_find(&s, pub, ex, WD_MAX);
	size_t n_ex = found > WD_MAX ? WD_MAX : (size_t)found;
	for (size_t k = 0; k < n_events; k++) {
		dyad_event *ev = &events[k];
		ev->pub_date = pub;
		size_t v = wh_event_verb(&s, ev);
		int b = v < s.n ? pick(&s, ex, n_ex, v) : -1;
		if (b < 0) {
			set_reported(ev, pub);
			continue;
		}
		ev->date = ex[b].date;
		ev->date_end = ex[b].date_end;
		ev->date_precision = ex[b].precision;
		ev->date_span = ex[b].span;
		ev->date_source = DYAD_SRC_SENTENCE;
	}
}

int dyad_dates_attach(const dyad_token *toks, size_t n, dyad_date pub,
                      dyad_event *events, size_t n_events)
{
	if ((!toks && n) || (!events && n_events))
		return dyad_error_set(DYAD_EINVAL, "dates: bad arguments");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wh_dates_attach(&s, pub, events, n_events);
	wh_sent_free(&s);
	return 0;
}
