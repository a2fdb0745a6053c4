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
#include "when_carry_internal.h"

#include <math.h>
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
		const wc_event *e = &st->ev[(st->head + k) % WC_MAX];
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

/* The place of the most recent placed event, for a place anaphor that
 * needs resolution `need` (wc_place_anaphor()). */
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
	st->cues = wc_sentence_cues(s);
	if (!st->n || !(st->cues & (CUE_DEF | CUE_ALSO | CUE_REL | CUE_PLACE)))
		return;
	for (size_t k = 0; k < n_events; k++) {
		dyad_event *ev = &events[k];
		size_t v = wh_event_verb(s, ev);
		if (v >= s->n)
			continue;
		uint16_t np = (st->cues & CUE_DEF) ? wc_anaphor_np(s, v) : 0;
		bool also = !np && (st->cues & CUE_ALSO) && wc_also_cue(s, v);
		wc_rel r;
		bool rel = (st->cues & CUE_REL) && wc_find_rel(s, v, &r);
		int need = (st->cues & CUE_PLACE) ? wc_place_anaphor(s, v) : -1;
		if (!np && !also && !rel && need < 0)
			continue;
		wc_query q;
		memset(&q, 0, sizeof(q));
		q.sentence = ev->sentence;
		q.window = np ? WC_WINDOW : WC_ALSO_WINDOW;
		q.tense = true;
		q.future = wc_clause_future(s, v, (st->cues & CUE_REL) != 0);
		q.actors = true;
		country_prefixes(ev, q.cc);
		q.want = np ? WANT_KIND : 0;
		q.kinds = wc_compatible(np);
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
		if (st->n == WC_MAX) {                    /* forget the oldest */
			st->head = (st->head + 1) % WC_MAX;
			st->n--;
		}
		wc_event *e = &st->ev[(st->head + st->n++) % WC_MAX];
		size_t v = wh_event_verb(s, ev);
		e->sentence = ev->sentence;
		e->kinds = wc_cameo_kinds(ev->cameo);
		if (v < s->n && (st->cues & CUE_NOUN))
			e->kinds |= wc_near_nouns(s, v);
		if (v < s->n && (st->cues & CUE_DEF))
			e->kinds |= wc_anaphor_np(s, v);
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
