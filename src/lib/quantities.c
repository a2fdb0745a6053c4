/*
 * quantities.c - money, personnel, equipment, casualty and other counts
 * of a sentence, and their attachment to the events of their clause
 * (rules in include/dyad/quantities.h).
 */
#include "dyad/quantities.h"
#include "dates_internal.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

#define WQ_MAX 32          /* quantities kept per sentence */
#define NOUN_WINDOW 6      /* words between a number and its noun */

typedef struct wq_item {
	dyad_quantity q;
	size_t first, last;    /* atoms */
} wq_item;

typedef struct word_val {
	const char *w;
	double v;
} word_val;

static const word_val word_numbers[] = {
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
	{ "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
	{ "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
	{ "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 },
	{ "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 },
	{ "fifty", 50 }, { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 },
	{ "ninety", 90 }, { "hundred", 100 }, { "thousand", 1000 }, { "dozen", 12 },
	{ NULL, 0 }
};
static const word_val multipliers[] = {
	{ "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 }, { "trillion", 1e12 },
	{ "bn", 1e9 }, { "mn", 1e6 }, { "mln", 1e6 }, { "m", 1e6 }, { "k", 1e3 },
	{ "bln", 1e9 }, { NULL, 0 }
};
typedef struct cur_map {
	const char *w;
	const char *code;
} cur_map;
static const cur_map symbols[] = {
	{ "$", "USD" }, { "\xe2\x82\xac", "EUR" }, { "\xc2\xa3", "GBP" },
	{ "\xe2\x82\xbd", "RUB" }, { "\xc2\xa5", "JPY" }, { "usd", "USD" },
	{ "eur", "EUR" }, { "us$", "USD" }, { "rub", "RUB" }, { "gbp", "GBP" }, { NULL, NULL }
};
static const cur_map currency_words[] = {
	{ "dollars", "USD" }, { "dollar", "USD" }, { "euros", "EUR" }, { "euro", "EUR" },
	{ "rubles", "RUB" }, { "roubles", "RUB" }, { "yuan", "CNY" }, { "yen", "JPY" },
	{ "dinars", NULL }, { "dinar", NULL }, { "dirhams", NULL }, { "ducats", NULL },
	{ "pounds", NULL }, { "francs", NULL }, { "riyals", NULL }, { "rials", NULL },
	{ "rupees", NULL }, { "lira", NULL }, { "liras", NULL }, { "shekels", NULL },
	{ "hryvnias", NULL }, { "pesos", NULL }, { "crowns", NULL }, { "marks", NULL },
	{ NULL, NULL }
};
static const char *const personnel[] = {
	"soldiers", "troops", "servicemen", "personnel", "officers", "sailors", "marines",
	"paratroopers", "commandos", "fighters", "militants", "rebels", "policemen",
	"police", "gendarmes", "guards", "reservists", "recruits", "cadets", "men",
	"advisers", "advisors", "instructors", "mercenaries", "volunteers", "conscripts",
	"pilots", "specialists", "battalions", "brigades", "regiments", "divisions",
	"platoons", "companies", "squadrons", "soldier", "officer", "battalion",
	"brigade", "regiment", "division", "units", "peacekeepers", "staff", "members",
	"students", "experts", "crew", "crews", "jihadists", "insurgents", NULL
};
static const char *const equipment[] = {
	"ships", "vessels", "warships", "submarines", "corvettes", "frigates", "destroyers",
	"boats", "aircraft", "planes", "jets", "bombers", "helicopters", "drones", "tanks",
	"vehicles", "missiles", "launchers", "rockets", "systems", "guns", "howitzers",
	"rifles", "batteries", "radars", "satellites", "trucks", "ship", "submarine",
	"corvette", "frigate", "helicopter", "drone", "tank", "missile", "system",
	"interceptors", "carriers", "fighter", "jet", "weapons", "rounds", "shells",
	"mines", NULL
};
static const char *const victims[] = {
	"people", "persons", "civilians", "soldiers", "troops", "policemen", "children",
	"women", "men", "militants", "rebels", "migrants", "protesters", "officers",
	"fighters", "workers", "villagers", "residents", NULL
};
static const char *const harm_words[] = {
	"killed", "killing", "kills", "kill", "wounded", "wounding", "injured", "injuring",
	"dead", "died", "deaths", "casualties", "toll", "massacred", "executed", NULL
};
static const char *const other_units[] = {
	"kilometers", "kilometres", "km", "miles", "meters", "metres", "tonnes", "tons",
	"barrels", "percent", "%", "hectares", "acres", "litres", "liters", NULL
};

static int list_index(const wh_sent *s, size_t i, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (wh_is(s, i, list[k]))
			return k;
	return -1;
}

static const word_val *word_val_of(const wh_sent *s, size_t i, const word_val *list)
{
	for (const word_val *w = list; w->w; w++)
		if (wh_is(s, i, w->w))
			return w;
	return NULL;
}

static const cur_map *cur_of(const wh_sent *s, size_t i, const cur_map *list)
{
	for (const cur_map *c = list; c->w; c++)
		if (wh_is(s, i, c->w))
			return c;
	return NULL;
}

/* "1,200" -> 1200, "3.5" -> 3.5; false if not a plain number. */
static bool numeric_value(const wh_atom *a, double *out)
{
	double v = 0, scale = 0;
	bool digit = false;
	for (uint32_t k = 0; k < a->len; k++) {
		char c = a->s[k];
		if (c >= '0' && c <= '9') {
			digit = true;
			if (scale > 0) {
				v += (c - '0') * scale;
				scale /= 10;
			} else {
				v = v * 10 + (c - '0');
			}
		} else if (c == '.' && scale == 0) {
			scale = 0.1;
		} else if (c != ',' || scale > 0) {
			return false;
		}
	}
	*out = v;
	return digit;
}

/* The number at i ("4", "1,200", "four", "a dozen") and the atom after it. */
static bool number_at(const wh_sent *s, size_t i, double *v, size_t *next)
{
	const word_val *w;
	if (s->a[i].kind == DYAD_TOK_NUMBER && wh_is(s, i + 1, "-") && wh_is(s, i + 2, "strong")) {
		if (!numeric_value(&s->a[i], v))
			return false;
		*next = i + 3;                     /* "150-strong" */
		return true;
	}
	if (s->a[i].kind == DYAD_TOK_NUMBER) {
		/* "Su-35", "22160-class": part of a name, not a count. */
		if ((i > 0 && wh_is(s, i - 1, "-") && !(s->a[i].flags & DYAD_TOKF_SPACE)) ||
		    wh_is(s, i + 1, "-"))
			return false;
		if (!numeric_value(&s->a[i], v))
			return false;
		*next = i + 1;
		return true;

	}
	if ((wh_is(s, i, "a") || wh_is(s, i, "one")) && wh_is(s, i + 1, "dozen")) {
		*v = 12;
		*next = i + 2;
		return true;
	}
	if ((w = word_val_of(s, i, word_numbers)) == NULL || w->v >= 100)
		return false;
	*v = w->v;
	*next = i + 1;
	if (wh_is(s, i + 1, "hundred")) {
		*v *= 100;
		*next = i + 2;
	}
	return true;
}

static void set_unit(dyad_quantity *q, const wh_sent *s, size_t i, const char *code)
{
	if (code)
		snprintf(q->unit, sizeof(q->unit), "%s", code);
	else
		snprintf(q->unit, sizeof(q->unit), "%.*s", (int)s->a[i].len, s->a[i].s);
}

static bool harm_in_clause(const wh_sent *s, size_t at)
{
	uint32_t c = s->a[at].clause;
	for (size_t i = s->clause_first[c]; i < s->n && s->a[i].clause == c; i++)
		if (list_index(s, i, harm_words) >= 0)
			return true;
	return false;
}

static const char *const collectives[] = {
	"contingent", "force", "group", "team", "detachment", "unit", NULL
};

/* An aircraft designation ("Su-57", "F-16") or "stealth" between j and k. */
static bool designation_before(const wh_sent *s, size_t j, size_t k)
{
	for (size_t i = j; i < k; i++)
		if (wh_is(s, i, "stealth") || wh_is(s, i, "jet") ||
		    (wh_is(s, i, "-") && i + 1 < k && s->a[i + 1].kind == DYAD_TOK_NUMBER))
			return true;
	return false;
}

/* Classify the count that ends before atom j: find its noun. */
static bool count_noun(const wh_sent *s, size_t j, dyad_quantity *q, size_t *last)
{
	for (size_t k = j; k < s->n && k < j + NOUN_WINDOW; k++) {
		if (s->a[k].kind == DYAD_TOK_PUNCT && !wh_is(s, k, "-") && !wh_is(s, k, "\""))
			break;
		/* "a 150-strong contingent of paratroopers" */
		if (wh_is(s, k, "of") && !(k > 0 && wh_in(s, k - 1, collectives)))
			break;
		if (wh_is(s, k, "and") || wh_is(s, k, "in"))
			break;
		bool pers = list_index(s, k, personnel) >= 0, equip = list_index(s, k, equipment) >= 0;
		/* "fighter jets": the last noun of a run wins. */
		if ((pers || equip) && k + 1 < s->n && list_index(s, k + 1, equipment) >= 0)
			continue;
		/* "Su-57 stealth fighters" are aircraft. */
		if (wh_is(s, k, "fighters") && designation_before(s, j, k))
			pers = false, equip = true;
		if (list_index(s, k, victims) >= 0 && harm_in_clause(s, k) && !equip)
			q->kind = DYAD_QTY_CASUALTIES;
		else if (equip && !(pers && !wh_is(s, k, "units")))
			q->kind = DYAD_QTY_EQUIPMENT;
		else if (pers)
			q->kind = DYAD_QTY_PERSONNEL;
		else if (list_index(s, k, other_units) >= 0)
			q->kind = DYAD_QTY_OTHER;
		else if (k == j && list_index(s, k, harm_words) >= 0)
			q->kind = DYAD_QTY_CASUALTIES;       /* "15 dead", "20 killed" */
		else
			continue;
		set_unit(q, s, k, NULL);
		*last = k;
		return true;
	}
	return false;
}

/* One quantity starting at atom i, or false. */
static bool quantity_at(const wh_sent *s, size_t i, wq_item *it)
{
	memset(it, 0, sizeof(*it));
	const cur_map *sym = cur_of(s, i, symbols);
	size_t j = sym ? i + 1 : i, next;
	double v;
	if (j >= s->n || !number_at(s, j, &v, &next))
		return false;
	const word_val *mul = word_val_of(s, next, multipliers);
	if (mul && (mul->v >= 1e6 || sym || wh_is(s, next, "thousand")) &&
	    !(wh_is(s, next, "m") && !sym)) {
		v *= mul->v;
		next++;
	}
	it->first = i;
	it->q.value = v;
	const cur_map *cw = cur_of(s, next, currency_words);
	if (sym) {
		it->q.kind = DYAD_QTY_MONEY;
		set_unit(&it->q, s, i, sym->code);
		it->last = next - 1;
	} else if (cw) {
		it->q.kind = DYAD_QTY_MONEY;
		set_unit(&it->q, s, next, cw->code);
		it->last = next;
	} else if (!count_noun(s, next, &it->q, &it->last)) {
		return false;
	}
	it->q.span.start = s->a[it->first].span.start;
	it->q.span.end = s->a[it->last].span.end;
	return true;
}

/* Atoms covered by a date expression are not counts ("16 to 28 November"). */
static void mark_dates(const wh_sent *s, dyad_date_expr *ex, int n_ex, bool *in_date)
{
	for (int k = 0; k < n_ex && k < WQ_MAX; k++)
		for (size_t i = 0; i < s->n; i++)
			if (s->a[i].span.start >= ex[k].span.start && s->a[i].span.end <= ex[k].span.end)
				in_date[i] = true;
}

static int wq_find(const wh_sent *s, wq_item *out, size_t max)
{
	dyad_date_expr ex[WQ_MAX];
	dyad_date no_pub = { 0, 0, 0 };
	int n_ex = wd_find(s, no_pub, ex, WQ_MAX);
	bool in_date[512] = { false };
	if (s->n <= 512)
		mark_dates(s, ex, n_ex, in_date);
	size_t found = 0;
	for (size_t i = 0; i < s->n;) {
		wq_item it;
		if ((i < 512 && in_date[i]) || !quantity_at(s, i, &it)) {
			i++;
			continue;
		}
		if (found < max)
			out[found] = it;
		found++;
		i = it.last + 1;
	}
	return (int)found;
}

int dyad_quantities_find(const dyad_token *toks, size_t n, dyad_quantity *out, size_t max)
{
	if (!toks && n)
		return dyad_error_set(DYAD_EINVAL, "quantities: no tokens");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wq_item items[WQ_MAX];
	int found = wq_find(&s, items, WQ_MAX);
	for (int k = 0; k < found && (size_t)k < max && k < WQ_MAX; k++)
		out[k] = items[k].q;
	wh_sent_free(&s);
	return found;
}

void wh_quantities_attach(const wh_sent *sp, dyad_event *events, size_t n_events)
{
	const wh_sent s = *sp;
	wq_item items[WQ_MAX];
	int found = wq_find(&s, items, WQ_MAX);
	size_t n_items = found > WQ_MAX ? WQ_MAX : (size_t)found;
	for (size_t k = 0; k < n_events; k++) {
		dyad_event *ev = &events[k];
		size_t v = wh_event_verb(&s, ev);
		ev->n_quantities = 0;
		for (size_t q = 0; v < s.n && q < n_items && ev->n_quantities < DYAD_QTY_MAX; q++)
			if (s.a[items[q].first].clause == s.a[v].clause)
				ev->quantities[ev->n_quantities++] = items[q].q;
	}
}

int dyad_quantities_attach(const dyad_token *toks, size_t n,
                           dyad_event *events, size_t n_events)
{
	if ((!toks && n) || (!events && n_events))
		return dyad_error_set(DYAD_EINVAL, "quantities: bad arguments");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wh_quantities_attach(&s, events, n_events);
	wh_sent_free(&s);
	return 0;
}
