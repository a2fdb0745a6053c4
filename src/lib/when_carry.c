/*
 * when_carry.c - dates and places carried across the sentences of one
 * document (rules and reasons in docs/internals/dates.md, "Carrying across
 * sentences"; places.md for "there").
 *
 * The when stage reads one sentence at a time, but articles do not: "Last
 * October, both navies held an exercise in the Mediterranean. The exercise
 * was carried out to ..." The context remembers the document's last
 * events (kind of occasion, tense, actors' countries, date, place); an
 * event whose own sentence gives it no date or no place takes them from
 * an earlier one when, and only when, its sentence says so:
 *
 *   - a definite noun phrase naming an occasion ("the exercise", "this
 *     visit", "their talks") refers to the most recent event of a
 *     compatible kind: date and place;
 *   - "also" after an anaphoric subject ("the two ministers also signed")
 *     continues the previous sentence's occasion: date and place;
 *   - "the next day", "two days later", "the following week", "earlier
 *     that month" count from the most recent dated event: date only;
 *   - "there", "in the capital", "in the city" name the most recent place:
 *     place only.
 *
 * A date or place of the event's own sentence always wins; nothing is
 * carried more than WC_WINDOW sentences, across a section break (two blank
 * lines), between a future and a past event, or between events whose
 * actors share no country.
 */
#include "dates_internal.h"
#include "when_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Sentences an antecedent stays available: one story beat. In the seed
 * articles an anaphor's antecedent is the previous sentence or the one
 * before, with at most a quote or a caption between; further back, the
 * article has usually moved on and a reader would be given the date again.
 * Paragraphs are no barrier: news sites print one sentence a paragraph. */
#define WC_WINDOW      3
/* "also" continues only the sentence just before. */
#define WC_ALSO_WINDOW 1
/* Two places this far apart are two occasions (km). */
#define WC_FAR_KM      300.0

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

/* The cue words, by first letter (the stage looks every word up). */
typedef struct wc_word {
	const char *word;
	uint8_t     kind;   /* WC_K_* of an occasion noun, else 0 */
	uint8_t     cues;   /* CUE_* */
} wc_word;

#define N_(w, k) { w, k, CUE_NOUN }
static const wc_word w_a[] = { N_("agreement", WC_K_DEAL), N_("agreements", WC_K_DEAL),
	N_("accord", WC_K_DEAL), { "also", 0, CUE_ALSO }, { "after", 0, CUE_REL },
	{ "afterwards", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_c[] = { N_("consultations", WC_K_TALKS), N_("contract", WC_K_DEAL),
	N_("contracts", WC_K_DEAL), N_("ceremony", WC_K_CEREMONY), { "capital", 0, CUE_PLACE },
	{ "city", 0, CUE_PLACE }, { "country", 0, CUE_PLACE }, { NULL, 0, 0 } };
static const wc_word w_d[] = { N_("deal", WC_K_DEAL), N_("deals", WC_K_DEAL),
	N_("discussions", WC_K_TALKS), N_("drill", WC_K_EXERCISE), N_("drills", WC_K_EXERCISE),
	N_("declaration", WC_K_DEAL), { NULL, 0, 0 } };
static const wc_word w_e[] = { N_("exercise", WC_K_EXERCISE), N_("exercises", WC_K_EXERCISE),
	{ "earlier", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_f[] = { { "following", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_l[] = { { "later", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_m[] = { N_("meeting", WC_K_TALKS), N_("meetings", WC_K_TALKS),
	N_("manoeuvres", WC_K_EXERCISE), N_("maneuvers", WC_K_EXERCISE),
	N_("manoeuvre", WC_K_EXERCISE), N_("maneuver", WC_K_EXERCISE),
	N_("memorandum", WC_K_DEAL), { NULL, 0, 0 } };
static const wc_word w_n[] = { N_("negotiations", WC_K_TALKS), { "next", 0, CUE_REL },
	{ NULL, 0, 0 } };
static const wc_word w_p[] = { N_("pact", WC_K_DEAL), { "previous", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_s[] = { N_("stay", WC_K_VISIT), N_("stopover", WC_K_VISIT),
	N_("summit", WC_K_TALKS), N_("signing", WC_K_CEREMONY),
	{ "same", 0, CUE_REL | CUE_PLACE }, { NULL, 0, 0 } };
static const wc_word w_t[] = { N_("talks", WC_K_TALKS), N_("trip", WC_K_VISIT),
	N_("tour", WC_K_VISIT), N_("treaty", WC_K_DEAL), { "there", 0, CUE_PLACE },
	{ "town", 0, CUE_PLACE }, { NULL, 0, 0 } };
static const wc_word w_v[] = { N_("visit", WC_K_VISIT), N_("visits", WC_K_VISIT), { NULL, 0, 0 } };
static const wc_word w_w[] = { N_("wargames", WC_K_EXERCISE), { NULL, 0, 0 } };
#undef N_

static const wc_word *cue_word(const wh_sent *s, size_t i)
{
	if (i >= s->n || s->a[i].kind != DYAD_TOK_WORD || s->a[i].len < 4)
		return NULL;
	const wc_word *w;
	switch (s->a[i].s[0]) {
	case 'a': w = w_a; break;
	case 'c': w = w_c; break;
	case 'd': w = w_d; break;
	case 'e': w = w_e; break;
	case 'f': w = w_f; break;
	case 'l': w = w_l; break;
	case 'm': w = w_m; break;
	case 'n': w = w_n; break;
	case 'p': w = w_p; break;
	case 's': w = w_s; break;
	case 't': w = w_t; break;
	case 'v': w = w_v; break;
	case 'w': w = w_w; break;
	default:  return NULL;
	}
	for (; w->word; w++)
		if (wh_is(s, i, w->word))
			return w;
	return NULL;
}

/* What an anaphor of each kind may refer to: a visit is the occasion of
 * its meetings and the reverse; a ceremony is a signing's or a visit's. */
static uint16_t compatible(uint16_t kind)
{
	switch (kind) {
	case WC_K_VISIT:
	case WC_K_TALKS:    return WC_K_VISIT | WC_K_TALKS;
	case WC_K_CEREMONY: return WC_K_CEREMONY | WC_K_DEAL | WC_K_VISIT | WC_K_TALKS;
	default:            return kind;
	}
}

static const char *const determiners[] = {
	"the", "this", "that", "these", "those", "their", "its", "his", "her", NULL
};
/* "the next visit", "another exercise", "a similar deal": another occasion. */
static const char *const other_mods[] = {
	"next", "previous", "last", "first", "second", "third", "another", "new", "upcoming",
	"future", "similar", "earlier", "later", "other", "former", "past", "coming", "planned",
	"proposed", "possible", "potential", "such", "same", "following", "preceding", NULL
};
/* "after the talks", "until the exercise": another time than the occasion's. */
static const char *const time_preps[] = {
	"after", "before", "since", "following", "until", "till", "than", "for", "like",
	"unlike", "preceding", "afterwards", NULL
};
static const char *const before_of_to[] = {
	"ahead", "prior", "preparation", "preparations", "eve", "run", "up", NULL
};
/* After the verb, only these make the noun phrase the event's occasion. */
static const char *const within_preps[] = { "during", "at", "throughout", "amid", NULL };
static const char *const part_nouns[] = {
	"course", "sidelines", "margins", "margin", "end", "close", "conclusion", "opening",
	"start", "beginning", NULL
};
static const char *const subject_pronouns[] = { "he", "she", "they", "we", "both", NULL };

static uint16_t noun_kind(const wh_sent *s, size_t i)
{
	const wc_word *w = cue_word(s, i);
	return w ? w->kind : 0;
}

static uint16_t cameo_kinds(const char *c)
{
	if (!strncmp(c, "036", 3) || !strncmp(c, "040", 3) || !strncmp(c, "042", 3) ||
	    !strncmp(c, "043", 3))
		return WC_K_VISIT | WC_K_TALKS;
	if (!strncmp(c, "044", 3) || !strncmp(c, "045", 3) || !strncmp(c, "046", 3))
		return WC_K_TALKS;
	if (!strncmp(c, "057", 3))
		return WC_K_DEAL;
	if (!strncmp(c, "062", 3) || !strncmp(c, "15", 2))
		return WC_K_EXERCISE;
	return 0;
}

static bool same_clause(const wh_sent *s, size_t i, size_t v)
{
	return i < s->n && v < s->n && s->a[i].clause == s->a[v].clause;
}

/* Occasion nouns near the verb ("held joint military exercises", "paid a visit"). */
static uint16_t near_nouns(const wh_sent *s, size_t v)
{
	uint16_t k = 0;
	size_t lo = v > 4 ? v - 4 : 0;
	for (size_t i = lo; i < s->n && i <= v + 4; i++)
		if (same_clause(s, i, v))
			k |= noun_kind(s, i);
	return k;
}

/* Words that may stand between the determiner and the occasion noun:
 * "the joint military exercise", "this two-day state visit". Only these,
 * capitalized words ("the Russian-Algerian talks") and hyphenated parts:
 * "the army held talks" is not a noun phrase. */
static const char *const np_mods[] = {
	"joint", "military", "naval", "air", "land", "bilateral", "trilateral", "multilateral",
	"official", "state", "working", "recent", "latest", "annual", "tactical", "strategic",
	"ministerial", "presidential", "high", "level", "defence", "defense", "security", "arms",
	"trade", "energy", "gas", "weapons", "cooperation", "technical", "historic", "important",
	"successful", "final", "whole", "entire", "large", "scale", "counter", "anti",
	"terrorism", "terrorist", "combat", "live", "fire", "search", "rescue", "day", "week",
	"closed", "door", "private", "formal", "landmark", "major", "two", "three", "four",
	"five", "six", "seven", "ten", "one", NULL
};

static bool np_mod(const wh_sent *s, size_t j)
{
	if (j >= s->n)
		return false;
	if (wh_is(s, j, "-"))
		return true;
	if (s->a[j].kind == DYAD_TOK_NUMBER)
		return s->a[j].len < 4 && wh_is(s, j + 1, "-");      /* "the 10-day exercise" */
	if (s->a[j].kind != DYAD_TOK_WORD)
		return false;
	if (s->a[j].flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS))
		return true;
	return wh_in(s, j, np_mods) || (j > 0 && wh_is(s, j - 1, "-"));
}

/* A definite noun phrase at determiner i naming an occasion ("the joint
 * exercise", "this two-day visit"): its kind, or 0. */
static uint16_t definite_np(const wh_sent *s, size_t i)
{
	if (!wh_in(s, i, determiners))
		return 0;
	for (size_t j = i + 1; j < s->n && j <= i + 4; j++) {
		uint16_t k = noun_kind(s, j);
		if (k)
			return k;
		if (!np_mod(s, j) || wh_in(s, j, other_mods))
			return 0;
	}
	return 0;
}

/* May a definite phrase at i be the occasion of the event at v? Before the
 * verb (subject, fronted "During the exercise,") unless a preposition puts
 * it at another time; after the verb only inside "during", "at", "on the
 * sidelines of" ... */
static bool np_position_ok(const wh_sent *s, size_t i, size_t v)
{
	bool of_to = i > 1 && (wh_is(s, i - 1, "of") || wh_is(s, i - 1, "to"));
	if (i < v) {
		if (i > 0 && wh_in(s, i - 1, time_preps))
			return false;
		return !(of_to && wh_in(s, i - 2, before_of_to));
	}
	if (i > v + 12)
		return false;
	if (i > 0 && wh_in(s, i - 1, within_preps))
		return true;
	return of_to && wh_is(s, i - 1, "of") && wh_in(s, i - 2, part_nouns);
}

/* The kind of the anaphoric occasion phrase of the event at v, or 0. */
static uint16_t anaphor_np(const wh_sent *s, size_t v)
{
	uint32_t c = s->a[v].clause;
	for (size_t i = s->clause_first[c]; i < s->n && s->a[i].clause == c; i++) {
		uint16_t k = definite_np(s, i);
		if (k && np_position_ok(s, i, v))
			return k;
	}
	return 0;
}

/* "The two ministers also signed", "He also met", "Both sides also agreed":
 * "also" just before the verb after an anaphoric subject opening the clause. */
static bool also_cue(const wh_sent *s, size_t v)
{
	size_t at = s->n;
	for (size_t i = v > 3 ? v - 3 : 0; i <= v && i < s->n; i++)
		if (wh_is(s, i, "also") && same_clause(s, i, v))
			at = i;
	if (at == s->n)
		return false;
	size_t f = s->clause_first[s->a[v].clause];
	if (wh_is(s, f, "and") || wh_is(s, f, "but"))
		f++;
	if (at < f || at - f > 6)
		return false;
	if (wh_in(s, f, subject_pronouns))
		return true;
	return wh_is(s, f, "the") && f + 1 < at && s->a[f + 1].kind == DYAD_TOK_WORD &&
	       !(s->a[f + 1].flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS));
}

/* ------------------------------------------------------------------ */
/* Time relative to the previous event                                */

enum { RT_DAY, RT_WEEK, RT_MONTH, RT_YEAR };
enum { RT_SHIFT, RT_NEXT_WEEK, RT_EARLIER_IN, RT_LATER_IN };

typedef struct wc_rel {
	int    how;     /* RT_SHIFT (n units), RT_NEXT_WEEK (n: +1/-1), RT_EARLIER_IN, RT_LATER_IN */
	int    unit;    /* RT_DAY ... */
	long   n;
	size_t first, last;
} wc_rel;

static int unit_of(const wh_sent *s, size_t i)
{
	static const char *const u[] = { "day", "days", "week", "weeks", "month", "months",
	                                 "year", "years", NULL };
	if (i >= s->n || s->a[i].len < 3 || !strchr("dwmy", s->a[i].s[0]))
		return -1;
	for (int k = 0; u[k]; k++)
		if (wh_is(s, i, u[k]))
			return k / 2;
	return -1;
}

static long count_of(const wh_sent *s, size_t i)
{
	static const char *const w[] = { "zero", "one", "two", "three", "four", "five", "six",
	                                 "seven", "eight", "nine", "ten", NULL };
	long v = wh_int(s, i);
	if (v >= 0)
		return v;
	for (int k = 0; w[k]; k++)
		if (wh_is(s, i, w[k]))
			return k;
	return wh_is(s, i, "a") || wh_is(s, i, "an") ? 1 : -1;
}

static bool ends_phrase(const wh_sent *s, size_t i)
{
	return i >= s->n || s->a[i].kind == DYAD_TOK_PUNCT;
}

/* One relative phrase at atom i; true with *r filled. */
static bool rel_at(const wh_sent *s, size_t i, wc_rel *r)
{
	bool the = wh_is(s, i, "the");
	int u;
	/* every form starts with the, that, earlier, later or a count before a unit */
	if (!the && !wh_is(s, i, "that") && !wh_is(s, i, "earlier") && !wh_is(s, i, "later") &&
	    unit_of(s, i + 1) < 0)
		return false;
	r->first = i;
	/* the next/following day|week|month|year, the previous ... */
	if (the && (wh_is(s, i + 1, "next") || wh_is(s, i + 1, "following") ||
	            wh_is(s, i + 1, "previous")) && (u = unit_of(s, i + 2)) >= 0 &&
	    !(s->a[i + 2].s[s->a[i + 2].len - 1] == 's')) {
		r->n = wh_is(s, i + 1, "previous") ? -1 : 1;
		r->unit = u;
		r->how = u == RT_WEEK ? RT_NEXT_WEEK : RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	/* the day after / the day before (nothing after it) */
	if (the && wh_is(s, i + 1, "day") && (wh_is(s, i + 2, "after") || wh_is(s, i + 2, "before")) &&
	    ends_phrase(s, i + 3)) {
		r->n = wh_is(s, i + 2, "after") ? 1 : -1;
		r->unit = RT_DAY;
		r->how = RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	/* the same day, that same day, that day, later/earlier that day|week|month|year */
	if ((the || wh_is(s, i, "that")) && wh_is(s, i + 1, "same") && wh_is(s, i + 2, "day")) {
		r->n = 0, r->unit = RT_DAY, r->how = RT_SHIFT, r->last = i + 2;
		return true;
	}
	if ((wh_is(s, i, "earlier") || wh_is(s, i, "later")) && wh_is(s, i + 1, "that") &&
	    (u = unit_of(s, i + 2)) >= 0) {
		r->unit = u;
		r->n = 0;
		r->how = wh_is(s, i, "earlier") ? RT_EARLIER_IN : RT_LATER_IN;
		if (u == RT_DAY)
			r->how = RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	/* two days later, a week later, three months earlier, a day after */
	long n = count_of(s, i);
	if (n >= 1 && n <= 60 && (u = unit_of(s, i + 1)) >= 0 &&
	    (wh_is(s, i + 2, "later") || wh_is(s, i + 2, "earlier") ||
	     ((wh_is(s, i + 2, "after") || wh_is(s, i + 2, "afterwards")) && ends_phrase(s, i + 3)))) {
		r->n = wh_is(s, i + 2, "earlier") ? -n : n;
		r->unit = u;
		r->how = RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	return false;
}

/* Does the clause of verb v speak of the future before v? The words of a
 * relative phrase do not count ("The next day, it met ..." is past). */
static bool clause_future(const wh_sent *s, size_t v, bool rel)
{
	wc_rel r;
	uint32_t c = s->a[v].clause;
	size_t skip_to = 0;
	for (size_t i = s->clause_first[c]; i < v && i < s->n; i++) {
		if (rel && i >= skip_to && rel_at(s, i, &r))
			skip_to = r.last + 1;
		if (i >= skip_to && wh_future_cue(s, i))
			return true;
	}
	return false;
}

/* A relative phrase in the clause of verb v. */
static bool find_rel(const wh_sent *s, size_t v, wc_rel *r)
{
	uint32_t c = s->a[v].clause;
	for (size_t i = s->clause_first[c]; i < s->n && s->a[i].clause == c; i++)
		if (rel_at(s, i, r))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Dates as day intervals                                             */

static long first_day(dyad_date d)
{
	return dyad_date_days(wd_make(d.year, d.month ? d.month : 1, d.day ? d.day : 1));
}

static long last_day(dyad_date d)
{
	int m = d.month ? d.month : 12;
	return dyad_date_days(wd_make(d.year, m, d.day ? d.day : dyad_date_month_days(d.year, m)));
}

static void interval(dyad_date d, dyad_date end, uint8_t prec, long *lo, long *hi)
{
	*lo = first_day(d);
	*hi = last_day(prec == DYAD_PREC_RANGE && end.year ? end : d);
}

static bool dates_overlap(const dyad_event *ev, const wc_event *a)
{
	long l1, h1, l2, h2;
	interval(ev->date, ev->date_end, ev->date_precision, &l1, &h1);
	interval(a->date, a->date_end, a->precision, &l2, &h2);
	return l1 <= h2 && l2 <= h1;
}

static bool places_far(const dyad_event *ev, const wc_event *a)
{
	if (ev->place_country[0] && a->place_country[0] &&
	    strncmp(ev->place_country, a->place_country, 3))
		return true;
	if (ev->place_resolution < DYAD_RES_CITY || a->resolution < DYAD_RES_CITY ||
	    isnan(ev->lat) || isnan(a->lat))
		return false;
	double k = 3.14159265358979 / 180.0;
	double x = (ev->lon - a->lon) * k * cos((ev->lat + a->lat) * k / 2);
	double y = (ev->lat - a->lat) * k;
	return sqrt(x * x + y * y) * 6371.0 > WC_FAR_KM;
}

/* ------------------------------------------------------------------ */
/* Choosing the earlier event                                          */

static void country_prefixes(const dyad_event *ev, char cc[2][4])
{
	const char *codes[2] = { ev->source, ev->target };
	for (int k = 0; k < 2; k++) {
		cc[k][0] = 0;
		const char *c = codes[k];
		if (strnlen(c, 4) >= 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' &&
		    c[2] >= 'A' && c[2] <= 'Z') {
			memcpy(cc[k], c, 3);
			cc[k][3] = 0;
		}
	}
}

/* Actors in common: when both events have coded actors, some country is
 * on both ("the visit" of a Russian-Algerian story is not the French
 * president's visit to Mali of the sentence before). */
static bool actors_meet(const char a[2][4], const char b[2][4])
{
	bool any_a = a[0][0] || a[1][0], any_b = b[0][0] || b[1][0];
	if (!any_a || !any_b)
		return true;
	for (int i = 0; i < 2; i++)
		for (int j = 0; j < 2; j++)
			if (a[i][0] && b[j][0] && !memcmp(a[i], b[j], 3))
				return true;
	return false;
}

enum { WANT_KIND = 1, WANT_DATED = 2, WANT_PLACED = 4 };

typedef struct wc_query {
	uint32_t sentence;
	uint32_t window;
	int      want;         /* WANT_* */
	uint16_t kinds;        /* with WANT_KIND */
	bool     tense;        /* the antecedent must share the event's tense */
	bool     future;
	bool     actors;       /* the actors must meet */
	char     cc[2][4];
} wc_query;

/* The most recent earlier event matching q (the first coded of its
 * sentence on ties), or NULL. */
static const wc_event *find(const wc_state *st, const wc_query *q)
{
	const wc_event *best = NULL;
	for (size_t k = st->n; k-- > 0;) {
		const wc_event *e = &st->ev[k];
		if (best && e->sentence != best->sentence)
			break;
		if (e->sentence >= q->sentence)
			continue;
		if (q->sentence - e->sentence > q->window)
			break;
		if ((q->want & WANT_KIND) && !(e->kinds & q->kinds))
			continue;
		if ((q->want & WANT_DATED) && !e->dated)
			continue;
		if ((q->want & WANT_PLACED) && !e->placed)
			continue;
		best = e;
	}
	if (!best)
		return NULL;
	if (q->tense && best->future != q->future)
		return NULL;
	if (q->actors && !actors_meet(best->cc, q->cc))
		return NULL;
	return best;
}

/* ------------------------------------------------------------------ */
/* Carrying                                                            */

static void take_date(dyad_event *ev, const wc_event *a)
{
	ev->date = a->date;
	ev->date_end = a->date_end;
	ev->date_precision = a->precision;
	ev->date_span = a->date_span;
	ev->date_source = DYAD_SRC_CARRIED;
}

static void take_place(dyad_event *ev, const wc_event *a)
{
	memcpy(ev->place_name, a->place_name, sizeof(ev->place_name));
	memcpy(ev->place_country, a->place_country, sizeof(ev->place_country));
	ev->lat = a->lat;
	ev->lon = a->lon;
	ev->place_resolution = a->resolution;
	ev->place_span = a->place_span;
	ev->place_source = DYAD_SRC_CARRIED;
}

static bool has_date(const dyad_event *ev)
{
	return ev->date_source == DYAD_SRC_SENTENCE || ev->date_source == DYAD_SRC_CARRIED;
}

/* The same occasion as antecedent a: its date and place where the
 * sentence gave none, unless what it gave contradicts a. `moved`: the
 * date was just counted from an earlier event ("the next day"), which
 * does not contradict the occasion. */
static void same_occasion(dyad_event *ev, const wc_event *a, bool moved)
{
	if (!moved && has_date(ev) && a->dated && !dates_overlap(ev, a))
		return;                      /* "the exercise of 20 May": another one */
	if (ev->place_name[0] && a->placed && places_far(ev, a))
		return;
	if (!has_date(ev) && a->dated)
		take_date(ev, a);
	if (!ev->place_name[0] && a->placed)
		take_place(ev, a);
}

/* The date of relative phrase r counted from antecedent a; false when a
 * is not precise enough for it ("the next day" of "in October"). */
static bool rel_date(const wc_rel *r, const wc_event *a, dyad_date_expr *out)
{
	memset(out, 0, sizeof(*out));
	bool range = a->precision == DYAD_PREC_RANGE;
	dyad_date from = range && r->n > 0 ? a->date_end : a->date;
	bool day = from.day && (a->precision == DYAD_PREC_DAY || (range && r->n != 0));
	bool month = from.month != 0;
	switch (r->how) {
	case RT_SHIFT:
		if (r->unit == RT_DAY || r->unit == RT_WEEK) {
			if (!day)
				return false;
			out->date = wd_add_days(from, r->n * (r->unit == RT_WEEK ? 7 : 1));
			out->precision = DYAD_PREC_DAY;
		} else if (r->unit == RT_MONTH) {
			if (!month)
				return false;
			dyad_date d = wd_add_months(wd_make(from.year, from.month, 1), (int)r->n);
			out->date = wd_make(d.year, d.month, 0);
			out->precision = DYAD_PREC_MONTH;
		} else {
			out->date = wd_make(from.year + (int)r->n, 0, 0);
			out->precision = DYAD_PREC_YEAR;
		}
		return true;
	case RT_NEXT_WEEK: {
		if (!day)
			return false;
		dyad_date d = wd_add_days(from, 7 * r->n);
		out->date = wd_add_days(d, -dyad_date_weekday(d));
		out->date_end = wd_add_days(out->date, 6);
		out->precision = DYAD_PREC_RANGE;
		return true;
	}
	default:
		break;
	}
	/* earlier/later that week|month|year: from the period's start to the
	 * anchor, or from the anchor to the period's end */
	if ((r->unit == RT_MONTH && !month) || (r->unit == RT_WEEK && !day))
		return false;
	dyad_date lo, hi;
	if (r->unit == RT_WEEK) {
		lo = wd_add_days(a->date, -dyad_date_weekday(a->date));
		hi = wd_add_days(lo, 6);
	} else {
		int m1 = r->unit == RT_MONTH ? a->date.month : 1;
		int m2 = r->unit == RT_MONTH ? a->date.month : 12;
		lo = wd_make(a->date.year, m1, 1);
		hi = wd_make(a->date.year, m2, dyad_date_month_days(a->date.year, m2));
	}
	if (a->precision == DYAD_PREC_DAY) {
		if (r->how == RT_EARLIER_IN)
			hi = a->date;
		else
			lo = a->date;
	} else if (r->unit == RT_MONTH || a->precision == DYAD_PREC_YEAR) {
		/* "earlier that month" of "in October": October */
		out->date = r->unit == RT_MONTH ? wd_make(lo.year, lo.month, 0) : wd_make(lo.year, 0, 0);
		out->precision = r->unit == RT_MONTH ? DYAD_PREC_MONTH : DYAD_PREC_YEAR;
		return true;
	}
	out->date = lo;
	out->date_end = hi;
	out->precision = DYAD_PREC_RANGE;
	return true;
}

/* Does the expression the event got overlap atoms first..last? ("the next
 * month" is also read by the grammar as "next month" of the publication.) */
static bool date_from(const wh_sent *s, const dyad_event *ev, size_t first, size_t last)
{
	return ev->date_source == DYAD_SRC_SENTENCE && ev->date_span.end > s->a[first].span.start &&
	       ev->date_span.start < s->a[last].span.end;
}

static bool carry_relative(const wc_state *st, const wh_sent *s, wc_query q,
                           const wc_rel *r, dyad_event *ev)
{
	if (ev->date_source != DYAD_SRC_PUBLICATION && !date_from(s, ev, r->first, r->last))
		return false;
	q.want = WANT_DATED;
	q.actors = false;
	const wc_event *a = find(st, &q);
	dyad_date_expr e;
	if (!a || !rel_date(r, a, &e))
		return false;
	ev->date = e.date;
	ev->date_end = e.date_end;
	ev->date_precision = e.precision;
	ev->date_span.start = s->a[r->first].span.start;
	ev->date_span.end = s->a[r->last].span.end;
	ev->date_source = DYAD_SRC_CARRIED;
	return true;
}

/* "there", "in the capital", "in the city", "at the same place" at atom i
 * (clause starting at atom f): the minimum resolution the earlier place
 * needs, or -1. */
static int place_cue_at(const wh_sent *s, size_t i, size_t f)
{
	static const char *const be[] = {
		"is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "should",
		"may", "might", "must", "can", "has", "have", "had", "seems", "seem", "appears",
		"appear", "remains", "remain", "exists", "exist", "'s", "to", NULL
	};
	if (wh_is(s, i, "there"))
		return i > f && !wh_in(s, i + 1, be) && !wh_is(s, i - 1, "from") &&
		       !wh_in(s, i - 1, be) ? DYAD_RES_NONE : -1;
	if (!(wh_is(s, i, "in") || wh_is(s, i, "at")) || !wh_is(s, i + 1, "the"))
		return -1;
	if (wh_is(s, i + 3, "of") || wh_is(s, i + 3, "'s"))
		return -1;
	if (wh_is(s, i + 2, "capital") || wh_is(s, i + 2, "city") || wh_is(s, i + 2, "town"))
		return DYAD_RES_CITY;
	if (wh_is(s, i + 2, "country"))
		return DYAD_RES_COUNTRY;
	if (wh_is(s, i + 2, "same") && (wh_is(s, i + 3, "place") || wh_is(s, i + 3, "venue") ||
	                                wh_is(s, i + 3, "location")))
		return DYAD_RES_NONE;
	return -1;
}

/* The place anaphor of the clause of verb v (place_cue_at()), or -1. */
static int place_anaphor(const wh_sent *s, size_t v)
{
	uint32_t c = s->a[v].clause;
	size_t f = s->clause_first[c];
	for (size_t i = f; i < s->n && s->a[i].clause == c; i++) {
		int need = place_cue_at(s, i, f);
		if (need >= 0)
			return need;
	}
	return -1;
}

/*
 * Which cues the sentence has at all, checked where a cue word is: a
 * definite occasion phrase (CUE_DEF; CUE_NOUN for any occasion noun),
 * "also", a relative time phrase, a place anaphor. Most sentences have
 * none, and then nothing else is looked at.
 */
static unsigned sentence_cues(const wh_sent *s)
{
	unsigned c = 0;
	wc_rel r;
	for (size_t i = 0; i < s->n; i++) {
		const wc_word *w = cue_word(s, i);
		if (!w)
			continue;
		c |= w->cues & (CUE_NOUN | CUE_ALSO);
		for (size_t k = i > 4 ? i - 4 : 0; (w->cues & CUE_NOUN) && !(c & CUE_DEF) && k < i; k++)
			if (definite_np(s, k) == w->kind)
				c |= CUE_DEF;
		for (size_t k = i > 3 ? i - 3 : 0; (w->cues & CUE_REL) && !(c & CUE_REL) && k <= i; k++)
			if (rel_at(s, k, &r))
				c |= CUE_REL;
		for (size_t k = i > 2 ? i - 2 : 0; (w->cues & CUE_PLACE) && !(c & CUE_PLACE) && k <= i; k++)
			if (place_cue_at(s, k, s->clause_first[s->a[k].clause]) >= 0)
				c |= CUE_PLACE;
	}
	return c;
}

/* The place of the most recent placed event, for a place anaphor that
 * needs resolution `need` (place_anaphor()). */
static void carry_place(const wc_state *st, wc_query q, int need, dyad_event *ev)
{
	if (ev->place_name[0])
		return;
	q.want = WANT_PLACED;
	q.tense = q.actors = false;
	const wc_event *a = find(st, &q);
	if (!a)
		return;
	if (need == DYAD_RES_COUNTRY ? a->resolution != DYAD_RES_COUNTRY : a->resolution < need)
		return;
	take_place(ev, a);
}

/* A section break (two blank lines) between byte a and byte b. */
static bool section_break(const char *text, uint32_t a, uint32_t b)
{
	int nl = 0;
	for (uint32_t i = a; i < b; i++) {
		char ch = text[i];
		if (ch == '\n') {
			if (++nl >= 3)
				return true;
		} else if (ch != ' ' && ch != '\t' && ch != '\r') {
			nl = 0;
		}
	}
	return false;
}

void wc_reset(wc_state *st)
{
	st->n = 0;
	st->last_sentence = 0;
	st->last_end = 0;
	st->started = false;
}

void wc_carry(wc_state *st, const wh_sent *s, const char *text,
              dyad_event *events, size_t n_events)
{
	if (!n_events || !s->n)
		return;
	uint32_t sent = events[0].sentence;
	uint32_t start = s->a[0].span.start;
	if (st->started && sent < st->last_sentence)
		st->n = 0;                         /* a new document the caller did not announce */
	else if (st->started && start >= st->last_end && section_break(text, st->last_end, start))
		st->n = 0;
	st->cues = sentence_cues(s);
	if (!st->n || !(st->cues & (CUE_DEF | CUE_ALSO | CUE_REL | CUE_PLACE)))
		return;
	for (size_t k = 0; k < n_events; k++) {
		dyad_event *ev = &events[k];
		size_t v = wh_event_verb(s, ev);
		if (v >= s->n)
			continue;
		uint16_t np = (st->cues & CUE_DEF) ? anaphor_np(s, v) : 0;
		bool also = !np && (st->cues & CUE_ALSO) && also_cue(s, v);
		wc_rel r;
		bool rel = (st->cues & CUE_REL) && find_rel(s, v, &r);
		int need = (st->cues & CUE_PLACE) ? place_anaphor(s, v) : -1;
		if (!np && !also && !rel && need < 0)
			continue;
		wc_query q;
		memset(&q, 0, sizeof(q));
		q.sentence = ev->sentence;
		q.window = np ? WC_WINDOW : WC_ALSO_WINDOW;
		q.tense = true;
		q.future = clause_future(s, v, (st->cues & CUE_REL) != 0);
		q.actors = true;
		country_prefixes(ev, q.cc);
		q.want = np ? WANT_KIND : 0;
		q.kinds = compatible(np);
		wc_query qa = q;
		q.window = WC_WINDOW;
		/* "The next day, the talks continued": the day from the phrase,
		 * the place from the talks */
		bool moved = rel && carry_relative(st, s, q, &r, ev);
		const wc_event *a = np || also ? find(st, &qa) : NULL;
		if (a)
			same_occasion(ev, a, moved);
		if (need >= 0)
			carry_place(st, q, need, ev);
	}
}

void wc_remember(wc_state *st, const wh_sent *s, const dyad_event *events, size_t n_events)
{
	if (!n_events || !s->n)
		return;
	for (size_t k = 0; k < n_events; k++) {
		const dyad_event *ev = &events[k];
		if (st->n == WC_MAX) {
			memmove(st->ev, st->ev + 1, (WC_MAX - 1) * sizeof(st->ev[0]));
			st->n--;
		}
		wc_event *e = &st->ev[st->n++];
		size_t v = wh_event_verb(s, ev);
		e->sentence = ev->sentence;
		e->kinds = cameo_kinds(ev->cameo);
		if (v < s->n && (st->cues & CUE_NOUN))
			e->kinds |= near_nouns(s, v);
		if (v < s->n && (st->cues & CUE_DEF))
			e->kinds |= anaphor_np(s, v);
		e->future = ev->modality == DYAD_MOD_FUTURE || ev->modality == DYAD_MOD_PLANNED ||
		            ev->modality == DYAD_MOD_HYPOTHETICAL;
		country_prefixes(ev, e->cc);
		e->dated = has_date(ev);
		e->date = ev->date;
		e->date_end = ev->date_end;
		e->precision = ev->date_precision;
		e->date_span = ev->date_span;
		e->placed = ev->place_name[0] != 0;
		memcpy(e->place_name, ev->place_name, sizeof(e->place_name));
		memcpy(e->place_country, ev->place_country, sizeof(e->place_country));
		e->lat = ev->lat;
		e->lon = ev->lon;
		e->resolution = ev->place_resolution;
		e->place_span = ev->place_span;
	}
	st->last_sentence = events[0].sentence;
	st->last_end = s->a[s->n - 1].span.end;
	st->started = true;
}
