/*
 * modality.c - asserted / negated / future / planned / hypothetical /
 * reported / historical, from cue words in the event verb's clause and
 * the event's resolved date (rules in include/dyad/modality.h).
 */
#include "dyad/modality.h"
#include "dyad/dates.h"
#include "when_internal.h"
#include "util/error.h"

#include <string.h>

#define NEG_WINDOW 5   /* words before the verb that a negation may sit in */

static const char *const neg_cues[] = {
	"not", "never", "n't", "neither", "nor", "without", "refused", "refuses",
	"refuse", "refusing", "declined", "declines", "failed", "fails", "denied",
	"denies", "deny", "cannot", NULL
};
static const char *const hyp_cues[] = {
	"could", "might", "may", "should", "possibility", "potential", "potentially",
	"possible", "possibly", "hypothetical", "perhaps", NULL
};
static const char *const hyp_clause_cues[] = { "if", "unless", "whether", NULL };
static const char *const plan_cues[] = {
	"plans", "plan", "planned", "planning", "intends", "intend", "intended",
	"intending", "aims", "aim", "aiming", "agreed", "agree", "decided", "prepares",
	"preparing", "prepare", "proposed", "proposes", "scheduled", "envisaged",
	"seeks", "seeking", "intention", NULL
};
static const char *const fut_cues[] = { "will", "shall", "'ll", "wo", NULL };
static const char *const fut_to_cues[] = {
	"set", "due", "expected", "going", "is", "are", "was", "were", NULL
};

static bool ends_with_nt(const wh_sent *s, size_t i)
{
	const wh_atom *a = &s->a[i];
	return a->len >= 3 && !memcmp(a->s + a->len - 3, "n't", 3);
}

/* First atom of the verb's clause. */
static size_t clause_start(const wh_sent *s, size_t v)
{
	return s->clause_first[s->a[v].clause];
}

static bool negated(const wh_sent *s, size_t v)
{
	size_t lo = clause_start(s, v);
	if (v > lo + NEG_WINDOW)
		lo = v - NEG_WINDOW;
	for (size_t i = lo; i < v; i++) {
		if (wh_in(s, i, neg_cues) || ends_with_nt(s, i))
			return true;
		if (wh_is(s, i, "no") && wh_is(s, i + 1, "longer"))
			return true;
	}
	return false;
}

/* "may" the modal, not the month: lower case, not before a number. */
static bool modal_may(const wh_sent *s, size_t i)
{
	return wh_is(s, i, "may") && !(s->a[i].flags & DYAD_TOKF_CAP) &&
	       !(i + 1 < s->n && s->a[i + 1].kind == DYAD_TOK_NUMBER);
}

/* "would" is a future in reported content or with a future date
 * ("the rest would be delivered in the coming years"), else hypothetical. */
static bool hypothetical(const wh_sent *s, size_t v, bool content)
{
	for (size_t i = clause_start(s, v); i < v; i++) {
		if (wh_in(s, i, hyp_clause_cues))
			return true;
		if (wh_is(s, i, "may") ? modal_may(s, i) : wh_in(s, i, hyp_cues))
			return true;
		if (wh_is(s, i, "would") && !content)
			return true;
	}
	return false;
}

static bool planned(const wh_sent *s, size_t v)
{
	for (size_t i = clause_start(s, v); i < v; i++)
		if (wh_in(s, i, plan_cues))
			return true;
	/* "the joint exercises, scheduled for next November" */
	for (size_t i = v + 1; i < s->n && i <= v + 3; i++) {
		if (wh_is_hard_punct(s, i))
			break;
		if (wh_is(s, i, "scheduled") || wh_is(s, i, "planned"))
			return true;
	}
	return false;
}

static bool future(const wh_sent *s, size_t v, bool content)
{
	for (size_t i = clause_start(s, v); i < v; i++) {
		if (wh_in(s, i, fut_cues))
			return true;
		if (wh_in(s, i, fut_to_cues) && wh_is(s, i + 1, "to") &&
		    (!wh_is(s, i, "is") && !wh_is(s, i, "are") && !wh_is(s, i, "was") &&
		     !wh_is(s, i, "were") ? true : i + 2 == v))
			return true;
		if (wh_is(s, i, "would") && content)
			return true;
	}
	return false;
}

static bool historical_cue(const wh_sent *s, size_t v)
{
	uint32_t c = s->a[v].clause;
	for (size_t i = clause_start(s, v); i < s->n && s->a[i].clause == c; i++) {
		if (wh_is(s, i, "since") && wh_is(s, i + 1, "independence"))
			return true;
		if (wh_is(s, i, "cold") && wh_is(s, i + 1, "war"))
			return true;
		if (wh_is(s, i, "for") && wh_is(s, i + 1, "decades"))
			return true;
		if (wh_is(s, i, "historically") || (wh_is(s, i, "decades") && wh_is(s, i + 1, "ago")))
			return true;
	}
	return false;
}

/* Inside "..." or '...' (a single quote token is a quotation mark: the
 * tokenizer keeps apostrophes inside words or as possessives). */
static bool in_quotes(const wh_sent *s, size_t v)
{
	int dq = 0, sq = 0;
	for (size_t i = 0; i < v; i++) {
		if (wh_is(s, i, "\""))
			dq++;
		else if (wh_is(s, i, "'") && s->a[i].kind == DYAD_TOK_PUNCT)
			sq++;
	}
	return dq % 2 == 1 || sq % 2 == 1;
}

static uint8_t classify(const wh_sent *s, size_t v, const dyad_event *ev, dyad_date pub)
{
	uint8_t kind = s->clause_kind[s->a[v].clause];
	bool content = kind == WH_CL_CONTENT;
	bool dated = ev->date_precision != DYAD_PREC_REPORTED && ev->date.year;
	dyad_date last = ev->date_precision == DYAD_PREC_RANGE ? ev->date_end : ev->date;
	bool fut_dated = pub.year && dated && dyad_date_cmp(ev->date, pub) >= 0;
	if (negated(s, v))
		return DYAD_MOD_NEGATED;
	if (hypothetical(s, v, content || fut_dated))
		return DYAD_MOD_HYPOTHETICAL;
	if (planned(s, v))
		return DYAD_MOD_PLANNED;
	if (future(s, v, content || fut_dated))
		return DYAD_MOD_FUTURE;
	if (pub.year && dated && dyad_date_cmp(ev->date, pub) > 0 &&
	    (ev->date.year > pub.year || ev->date.month))
		return DYAD_MOD_FUTURE;
	if (pub.year && dated && last.year < pub.year - DYAD_HISTORICAL_YEARS)
		return DYAD_MOD_HISTORICAL;
	if (historical_cue(s, v))
		return DYAD_MOD_HISTORICAL;
	if (content || in_quotes(s, v))
		return DYAD_MOD_REPORTED;
	return DYAD_MOD_ASSERTED;
}

void wh_modality_attach(const wh_sent *s, dyad_date pub, dyad_event *events, size_t n_events)
{
	for (size_t k = 0; k < n_events; k++) {
		size_t v = wh_event_verb(s, &events[k]);
		events[k].modality = v < s->n ? classify(s, v, &events[k], pub) : DYAD_MOD_ASSERTED;
	}
}

int dyad_modality_attach(const dyad_token *toks, size_t n, dyad_date pub,
                         dyad_event *events, size_t n_events)
{
	if ((!toks && n) || (!events && n_events))
		return dyad_error_set(DYAD_EINVAL, "modality: bad arguments");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wh_modality_attach(&s, pub, events, n_events);
	wh_sent_free(&s);
	return 0;
}
