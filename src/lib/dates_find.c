/*
 * dates_find.c - the date expression grammar (docs/internals/dates.md).
 *
 * Works on atoms (when_internal.h), tries the longest forms first at
 * each position and resolves relative forms against the publication
 * date and the tense of the expression's clause.
 */
#include "dates_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

typedef struct dp {
	const wh_sent *s;
	dyad_date      pub;
	bool           future;  /* the expression's clause speaks of the future */
} dp;

/* A partly known date while parsing: 0 = missing. */
typedef struct pd {
	int    y, m, d;
	size_t end;             /* atom after the last one used */
} pd;

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", NULL
};
static const char *const month_abbr[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", NULL
};
static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};
static const char *const small_numbers[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", NULL
};
static const char *const year_preps[] = {
	"in", "during", "since", "until", "till", "by", "of", "for", "year", "before",
	"after", "from", "to", "and", "around", "throughout", "early", "late", "mid",
	"between", "as", "circa", "spring", "summer", "autumn", "fall", "winter", NULL
};
/* Words before a bare "May"/"March" that make it a month, not a verb. */
static const char *const month_preps[] = {
	"in", "on", "since", "until", "till", "by", "of", "during", "last", "next",
	"this", "early", "mid", "late", "from", "to", "between", "-", "and", "before",
	"after", "end", "beginning", "coming", "through", NULL
};

static bool eq(const dp *p, size_t i, const char *w)
{
	return wh_is(p->s, i, w);
}

static int index_in(const dp *p, size_t i, const char *const *list)
{
	for (int k = 0; list[k]; k++)
		if (eq(p, i, list[k]))
			return k;
	return -1;
}

static bool cap(const dp *p, size_t i)
{
	return i < p->s->n && (p->s->a[i].flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS));
}

static int month_at(const dp *p, size_t i)
{
	int k = index_in(p, i, months);
	if (k < 0 && eq(p, i, "sept"))
		k = 8;
	if (k < 0 && cap(p, i))
		k = index_in(p, i, month_abbr);
	return k < 0 ? 0 : k + 1;
}

static int weekday_at(const dp *p, size_t i)
{
	return index_in(p, i, weekdays);
}

static long num_at(const dp *p, size_t i)
{
	long v = wh_int(p->s, i);
	if (v >= 0)
		return v;
	int k = index_in(p, i, small_numbers);
	if (k >= 0)
		return k;
	if (eq(p, i, "a") || eq(p, i, "an"))
		return 1;
	if (eq(p, i, "few") || eq(p, i, "several"))
		return 3;
	return -1;
}

/* A day of month: "16" or "16th". */
static int day_at(const dp *p, size_t i)
{
	if (i >= p->s->n)
		return 0;
	const wh_atom *a = &p->s->a[i];
	uint32_t k = 0;
	int v = 0;
	while (k < a->len && k < 2 && a->s[k] >= '0' && a->s[k] <= '9')
		v = v * 10 + (a->s[k++] - '0');
	if (k == 0)
		return 0;
	if (k < a->len) {
		const char *suf = a->s + k;
		uint32_t sl = a->len - k;
		if (sl != 2 || (memcmp(suf, "st", 2) && memcmp(suf, "nd", 2) &&
		                memcmp(suf, "rd", 2) && memcmp(suf, "th", 2)))
			return 0;
	}
	return v >= 1 && v <= 31 ? v : 0;
}

static int year_at(const dp *p, size_t i)
{
	if (i >= p->s->n || p->s->a[i].len != 4)
		return 0;
	long v = wh_int(p->s, i);
	return v >= 1000 && v <= 2999 ? (int)v : 0;
}

/* A month word is a month here (not the verb "may" or "march"). */
static bool month_ok(const dp *p, size_t i, bool number_next)
{
	if (!eq(p, i, "may") && !eq(p, i, "march"))
		return true;
	if (i > 0 && (eq(p, i - 1, "early") || eq(p, i - 1, "mid") || eq(p, i - 1, "late") ||
	              eq(p, i - 1, "-")))
		return true;
	if (!cap(p, i))
		return false;
	return number_next || (i > 0 && index_in(p, i - 1, month_preps) >= 0);
}

/* Skip the period of an abbreviated month ("Nov. 16"). */
static size_t after_month(const dp *p, size_t j)
{
	bool abbr = index_in(p, j - 1, month_abbr) >= 0 || eq(p, j - 1, "sept");
	return eq(p, j, ".") && abbr && !eq(p, j - 1, "may") ? j + 1 : j;
}

/* Month-based date at i: "16 November 2022", "Nov. 16, 2022", "September 2022", "June". */
static bool simple_at(const dp *p, size_t i, pd *out)
{
	memset(out, 0, sizeof(*out));
	size_t j = i;
	int d = day_at(p, j), m = 0;
	if (d && eq(p, j + 1, "of"))
		j++;
	if (d && (m = month_at(p, j + 1)) != 0 && month_ok(p, j + 1, true)) {
		out->d = d;
		out->m = m;
		j = after_month(p, j + 2);
	} else if ((m = month_at(p, i)) != 0) {
		j = after_month(p, i + 1);
		int d2 = day_at(p, j);
		bool four = p->s->n > j && p->s->a[j].len == 4;
		if (d2 && !four && !eq(p, j + 1, ":") && month_ok(p, i, true)) {
			out->d = d2;
			j++;
		} else if (!month_ok(p, i, year_at(p, j) != 0)) {
			return false;
		}
		out->m = m;
	} else {
		return false;
	}
	size_t k = j + (eq(p, j, ",") ? 1 : 0);
	if ((out->y = year_at(p, k)) != 0)
		j = k + 1;
	out->end = j;
	return true;
}

/* "16/11/2022", "02.08.2023", "2022-11-16" (day first unless impossible). */
static bool numeric_at(const dp *p, size_t i, pd *out)
{
	if (i >= p->s->n)
		return false;
	const wh_atom *a = &p->s->a[i];
	if (a->len < 6 || a->len > 10 || !(a->s[0] >= '0' && a->s[0] <= '9'))
		return false;
	int part[3] = { 0, 0, 0 }, plen[3] = { 0, 0, 0 }, np = 0;
	char sep = 0;
	for (uint32_t k = 0; k < a->len; k++) {
		char c = a->s[k];
		if (c >= '0' && c <= '9') {
			if (plen[np] >= 4)
				return false;
			part[np] = part[np] * 10 + (c - '0');
			plen[np]++;
		} else if ((c == '/' || c == '.' || c == '-') && (!sep || c == sep) && np < 2) {
			sep = c;
			np++;
		} else {
			return false;
		}
	}
	if (np != 2 || !plen[0] || !plen[1] || !plen[2])
		return false;
	int y, m, d;
	if (plen[0] == 4) {
		y = part[0], m = part[1], d = part[2];
	} else if (plen[2] == 4 || plen[2] == 2) {
		y = plen[2] == 2 ? 2000 + part[2] : part[2];
		d = part[0], m = part[1];
		if (m > 12 && d <= 12) {          /* 11/16/2022 can only be month first */
			int t = d;
			d = m;
			m = t;
		}
	} else {
		return false;
	}
	if (!wd_valid(y, m, d))
		return false;
	out->y = y, out->m = m, out->d = d;
	out->end = i + 1;
	return true;
}

/* Year for a month (and day) given without one: the last such date on or
 * before the publication date, or in a future clause the next on or after. */
static int infer_year(const dp *p, int m, int d, int mode)
{
	int y = p->pub.year;
	int cmp = m != p->pub.month ? m - p->pub.month : (d ? d - p->pub.day : 0);
	if (mode < 0)                                  /* "last October": strictly before */
		return cmp >= 0 && !d ? y - 1 : (cmp > 0 ? y - 1 : y);
	if (mode > 0)                                  /* "next November": strictly after */
		return cmp <= 0 ? y + 1 : y;
	if (p->future)
		return cmp < 0 ? y + 1 : y;
	return cmp > 0 ? y - 1 : y;
}

static void set_point(dyad_date_expr *e, int y, int m, int d)
{
	e->date = wd_make(y, m, d);
	e->precision = d ? DYAD_PREC_DAY : m ? DYAD_PREC_MONTH : DYAD_PREC_YEAR;
}

static void set_range(dyad_date_expr *e, dyad_date a, dyad_date b)
{
	e->date = a;
	e->date_end = b;
	e->precision = DYAD_PREC_RANGE;
}

static bool pd_complete(const dp *p, pd *x, int mode, uint8_t *flags)
{
	if (x->y)
		return true;
	if (!p->pub.year || !x->m)
		return false;
	x->y = infer_year(p, x->m, x->d, mode);
	*flags |= DYAD_DATEX_RELATIVE;
	return true;
}

/* "from 16 to 28 November 2022", "between 3 and 5 May", "from 2019 to 2021". */
static bool range_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	bool from = eq(p, i, "from"), between = eq(p, i, "between");
	size_t l = i + (from || between ? 1 : 0);
	pd a = { 0 }, b = { 0 };
	if (!simple_at(p, l, &a) && !numeric_at(p, l, &a)) {
		if ((a.y = year_at(p, l)) != 0 && (from || between))
			a.end = l + 1;
		else if ((a.d = day_at(p, l)) != 0)
			a.end = l + 1;
		else
			return false;
	}
	size_t j = a.end;
	bool joined = (from && (eq(p, j, "to") || eq(p, j, "until") || eq(p, j, "till") || eq(p, j, "-"))) ||
	              (between && eq(p, j, "and")) || (!from && !between && eq(p, j, "-"));
	if (!joined)
		return false;
	if (!simple_at(p, j + 1, &b) && !numeric_at(p, j + 1, &b)) {
		if (!(a.y && !a.m && (b.y = year_at(p, j + 1)) != 0))
			return false;
		b.end = j + 2;
	}
	if (!b.m && !a.m && !(a.y && b.y))
		return false;
	if (!a.m && !a.d && !a.y)
		return false;
	uint8_t fl = 0;
	if (b.m && !pd_complete(p, &b, 0, &fl))
		return false;
	if (a.d && !a.m)
		a.m = b.m;
	if (!a.y)
		a.y = b.y;
	if (!a.m && b.m)
		return false;
	if (!a.m) {
		set_range(e, wd_make(a.y, 0, 0), wd_make(b.y, 0, 0));
	} else {
		if ((a.d && !wd_valid(a.y, a.m, a.d)) || (b.d && !wd_valid(b.y, b.m, b.d)))
			return false;
		if (!b.d != !a.d)
			return false;
		if (a.y == b.y && (a.m > b.m || (a.m == b.m && a.d > b.d)) && !(fl & DYAD_DATEX_RELATIVE))
			return false;
		if (a.y == b.y && (a.m > b.m || (a.m == b.m && a.d > b.d)))
			a.y--;                         /* "from December to February" */
		set_range(e, wd_make(a.y, a.m, a.d), wd_make(b.y, b.m, b.d));
	}
	e->flags |= fl;
	*end = b.end;
	return true;
}

/* "early June", "mid-2021", "late 2018": thirds of the month or year. */
static bool part_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	int third = eq(p, i, "early") ? 0 : eq(p, i, "mid") ? 1 : eq(p, i, "late") ? 2 : -1;
	if (third < 0)
		return false;
	size_t j = i + 1 + (eq(p, i + 1, "-") ? 1 : 0);
	int y = year_at(p, j);
	if (y) {
		set_range(e, wd_make(y, third * 4 + 1, 0), wd_make(y, third * 4 + 4, 0));
		*end = j + 1;
		return true;
	}
	pd x;
	if (!month_at(p, j) || !simple_at(p, j, &x) || x.d)
		return false;
	if (!pd_complete(p, &x, 0, &e->flags))
		return false;
	int last = dyad_date_month_days(x.y, x.m);
	int lo = third == 0 ? 1 : third == 1 ? 11 : 21;
	int hi = third == 0 ? 10 : third == 1 ? 20 : last;
	set_range(e, wd_make(x.y, x.m, lo), wd_make(x.y, x.m, hi));
	*end = x.end;
	return true;
}

/* The Monday..Sunday week holding day `d`. */
static void set_week(dyad_date_expr *e, dyad_date d)
{
	dyad_date mon = wd_add_days(d, -dyad_date_weekday(d));
	set_range(e, mon, wd_add_days(mon, 6));
}

static int unit_at(const dp *p, size_t i)
{
	static const char *const units[] = {
		"day", "days", "week", "weeks", "month", "months", "year", "years",
		"decade", "decades", NULL
	};
	int k = index_in(p, i, units);
	return k < 0 ? -1 : k / 2;             /* 0 day 1 week 2 month 3 year 4 decade */
}

static dyad_date shift(dyad_date d, int unit, long n)
{
	switch (unit) {
	case 0: return wd_add_days(d, n);
	case 1: return wd_add_days(d, 7 * n);
	case 2: return wd_add_months(d, (int)n);
	case 3: return wd_add_months(d, (int)(12 * n));
	default: return wd_add_months(d, (int)(120 * n));
	}
}

/* The weekday `wd` on or before (dir < 0) or on or after (dir > 0) the pub date. */
static dyad_date weekday_near(const dp *p, int wd, int dir, bool strict)
{
	int cur = dyad_date_weekday(p->pub);
	long delta = dir < 0 ? -((cur - wd + 7) % 7) : (wd - cur + 7) % 7;
	if (strict && delta == 0)
		delta = dir < 0 ? -7 : 7;
	return wd_add_days(p->pub, delta);
}

/* last/next/this/past + week|month|year|weekend|<month>|<weekday>. */
static bool deictic_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	int dir = eq(p, i, "last") || eq(p, i, "past") ? -1 : eq(p, i, "next") ? 1 :
	          eq(p, i, "this") || eq(p, i, "current") ? 0 : 2;
	if (dir == 2)
		return false;
	dyad_date pub = p->pub;
	size_t j = i + 1;
	int m = month_at(p, j), wd = weekday_at(p, j), u = unit_at(p, j);
	if (m && month_ok(p, j, false)) {
		int y = dir == 0 ? pub.year : infer_year(p, m, 0, dir);
		set_point(e, y, m, 0);
	} else if (wd >= 0) {
		bool fut = dir > 0 || (dir == 0 && p->future);
		e->date = weekday_near(p, wd, fut ? 1 : -1, dir != 0);
		e->precision = DYAD_PREC_DAY;
	} else if (u == 1 || eq(p, j, "weekend")) {
		dyad_date d = wd_add_days(pub, 7 * (dir == 2 ? 0 : dir));
		set_week(e, d);
		if (eq(p, j, "weekend"))
			set_range(e, wd_add_days(e->date, 5), e->date_end);
	} else if (u == 2) {
		dyad_date d = wd_add_months(pub, dir);
		set_point(e, d.year, d.month, 0);
	} else if (u == 3) {
		set_point(e, pub.year + dir, 0, 0);
	} else {
		return false;
	}
	e->flags |= DYAD_DATEX_RELATIVE;
	*end = j + 1;
	return true;
}

/* "two years ago", "a week ago". */
static bool ago_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	long n = num_at(p, i);
	int u = unit_at(p, i + 1);
	if (n < 1 || n > 200 || u < 0 || !eq(p, i + 2, "ago"))
		return false;
	dyad_date d = shift(p->pub, u, -n);
	if (u == 0)
		set_point(e, d.year, d.month, d.day);
	else if (u == 1)
		set_week(e, d);
	else if (u == 2)
		set_point(e, d.year, d.month, 0);
	else
		set_point(e, d.year, 0, 0);
	e->flags |= DYAD_DATEX_RELATIVE;
	*end = i + 3;
	return true;
}

/* "the last two years", "the past few months", "the coming years". */
static bool span_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	if (!eq(p, i, "the"))
		return false;
	bool back = eq(p, i + 1, "last") || eq(p, i + 1, "past");
	bool fwd = eq(p, i + 1, "coming") || eq(p, i + 1, "next");
	if (!back && !fwd)
		return false;
	size_t j = i + 2;
	long n = num_at(p, j);
	if (n >= 0)
		j++;
	else if (eq(p, j, "few"))
		n = 3, j++;
	int u = unit_at(p, j);
	if (u < 0 || n == 0 || n > 200)
		return false;
	bool plural = p->s->a[j].len > 0 && p->s->a[j].s[p->s->a[j].len - 1] == 's';
	if (n < 0) {
		if (!plural && !back)
			return false;
		n = plural ? (u == 3 ? 3 : u == 2 ? 6 : u == 1 ? 4 : 7) : 1;
		if (!plural && u == 3)
			n = 1;
	}
	if (back)
		set_range(e, shift(p->pub, u, -n), p->pub);
	else
		set_range(e, p->pub, shift(p->pub, u, n));
	if (fwd)
		e->flags |= DYAD_DATEX_FUTURE;
	e->flags |= DYAD_DATEX_RELATIVE;
	*end = j + 1;
	return true;
}

/* today, yesterday, tomorrow, earlier/later this year|month, on Monday. */
static bool word_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	dyad_date pub = p->pub;
	int wd;
	*end = i + 1;
	if (eq(p, i, "today") || (eq(p, i, "this") && eq(p, i + 1, "morning")))
		set_point(e, pub.year, pub.month, pub.day);
	else if (eq(p, i, "yesterday")) {
		dyad_date d = wd_add_days(pub, -1);
		set_point(e, d.year, d.month, d.day);
	} else if (eq(p, i, "tomorrow")) {
		dyad_date d = wd_add_days(pub, 1);
		set_point(e, d.year, d.month, d.day);
	} else if ((eq(p, i, "earlier") || eq(p, i, "later")) && eq(p, i + 1, "this") &&
	           (unit_at(p, i + 2) == 2 || unit_at(p, i + 2) == 3)) {
		bool year = unit_at(p, i + 2) == 3;
		dyad_date first = wd_make(pub.year, year ? 1 : pub.month, 1);
		dyad_date last = wd_make(pub.year, year ? 12 : pub.month,
		                         dyad_date_month_days(pub.year, year ? 12 : pub.month));
		if (eq(p, i, "earlier"))
			set_range(e, first, pub);
		else
			set_range(e, pub, last);
		*end = i + 3;
	} else if ((wd = weekday_at(p, i)) >= 0 && cap(p, i)) {
		e->date = weekday_near(p, wd, p->future ? 1 : -1, false);
		e->precision = DYAD_PREC_DAY;
	} else {
		return false;
	}
	e->flags |= DYAD_DATEX_RELATIVE;
	return true;
}

/* "in 2021", "the year 2023", "in the 1990s". */
static bool year_only_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	const wh_atom *a = &p->s->a[i];
	if (a->len == 5 && a->s[4] == 's' && i > 0 && eq(p, i - 1, "the")) {
		long v = 0;
		for (int k = 0; k < 4; k++) {
			if (a->s[k] < '0' || a->s[k] > '9')
				return false;
			v = v * 10 + (a->s[k] - '0');
		}
		if (v < 1000 || v % 10)
			return false;
		set_range(e, wd_make((int)v, 0, 0), wd_make((int)v + 9, 0, 0));
		*end = i + 1;
		return true;
	}
	int y = year_at(p, i);
	if (!y || i == 0 || index_in(p, i - 1, year_preps) < 0)
		return false;
	if (eq(p, i + 1, "-") || (i + 1 < p->s->n && p->s->a[i + 1].kind == DYAD_TOK_NUMBER))
		return false;
	set_point(e, y, 0, 0);
	*end = i + 1;
	return true;
}

static bool absolute_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	pd x;
	if (numeric_at(p, i, &x)) {
		set_point(e, x.y, x.m, x.d);
		*end = x.end;
		return true;
	}
	if (!simple_at(p, i, &x))
		return false;
	if (!x.d && !x.y && !cap(p, i) && !eq(p, i, "may"))
		return false;
	if (x.d && x.y && !wd_valid(x.y, x.m, x.d))
		return false;
	if (!pd_complete(p, &x, 0, &e->flags))
		return false;
	if (x.d && !wd_valid(x.y, x.m, x.d))
		return false;
	set_point(e, x.y, x.m, x.d);
	*end = x.end;
	return true;
}

static bool match_at(const dp *p, size_t i, dyad_date_expr *e, size_t *end)
{
	memset(e, 0, sizeof(*e));
	/* "Monday, 10 November 2022": the weekday adds nothing to a full date. */
	if (weekday_at(p, i) >= 0 && cap(p, i)) {
		size_t j = i + 1 + (eq(p, i + 1, ",") ? 1 : 0);
		if (absolute_at(p, j, e, end) && e->precision == DYAD_PREC_DAY)
			return true;
		memset(e, 0, sizeof(*e));
	}
	bool rel = p->pub.year != 0;
	if (range_at(p, i, e, end) && (rel || !(e->flags & DYAD_DATEX_RELATIVE)))
		return true;
	memset(e, 0, sizeof(*e));
	if (absolute_at(p, i, e, end) && (rel || !(e->flags & DYAD_DATEX_RELATIVE)))
		return true;
	memset(e, 0, sizeof(*e));
	if (part_at(p, i, e, end) && (rel || !(e->flags & DYAD_DATEX_RELATIVE)))
		return true;
	memset(e, 0, sizeof(*e));
	if (year_only_at(p, i, e, end))
		return true;
	memset(e, 0, sizeof(*e));
	if (!rel)
		return false;
	return deictic_at(p, i, e, end) || word_at(p, i, e, end) ||
	       ago_at(p, i, e, end) || span_at(p, i, e, end);
}

static const char *const future_cues[] = {
	"will", "shall", "'ll", "plans", "plan", "planned", "planning", "intends",
	"intend", "scheduled", "upcoming", "next", "coming", NULL
};

/* Atom i is a future cue: "will", "plans", "set to", "due to" ... */
static bool future_cue(const wh_sent *s, size_t i)
{
	if (s->a[i].kind != DYAD_TOK_WORD)
		return false;
	if (wh_in(s, i, future_cues))
		return true;
	if ((wh_is(s, i, "set") || wh_is(s, i, "due") || wh_is(s, i, "expected") ||
	     wh_is(s, i, "going")) && wh_is(s, i + 1, "to"))
		return true;
	/* "a second round is expected in early July", "elections are due on ..." */
	return (wh_is(s, i, "expected") || wh_is(s, i, "due")) && i > 0 &&
	       (wh_is(s, i - 1, "is") || wh_is(s, i - 1, "are") || wh_is(s, i - 1, "be"));
}

bool wh_future_cue(const wh_sent *s, size_t i)
{
	return i < s->n && future_cue(s, i);
}

bool wh_clause_future(const wh_sent *s, size_t at)
{
	uint32_t c = at < s->n ? s->a[at].clause : 0;
	for (size_t i = s->clause_first[c]; i < s->n && i < at; i++)
		if (s->a[i].clause == c && future_cue(s, i))
			return true;
	return false;
}

int wd_find(const wh_sent *s, dyad_date pub, dyad_date_expr *out, size_t max)
{
	dp p = { s, pub, false };
	size_t found = 0, scan = 0;
	bool fut = false;                  /* a future cue seen in the clause so far */
	uint64_t fut_clause = 0;           /* clauses (first 64) with a future cue anywhere */
	for (size_t i = 0; i < s->n; i++)
		if (s->a[i].clause < 64 && future_cue(s, i))
			fut_clause |= (uint64_t)1 << s->a[i].clause;
	for (size_t i = 0; i < s->n;) {
		dyad_date_expr e;
		size_t end = i + 1;
		for (; scan < i; scan++) {
			if (scan > 0 && s->a[scan].clause != s->a[scan - 1].clause)
				fut = false;
			fut = fut || future_cue(s, scan);
		}
		if (i > 0 && s->a[i].clause != s->a[i - 1].clause)
			fut = false;
		/* A clause-initial date reads the tense of the whole clause ("In
		 * May, Tebboune will visit Russia"); elsewhere only cues before it
		 * count ("visited Paris on Monday and will travel to Rome"). */
		uint32_t c = s->a[i].clause;
		bool initial = i < s->clause_first[c] + 3;
		p.future = fut || (initial && c < 64 && (fut_clause >> c & 1));
		if (s->a[i].kind == DYAD_TOK_PUNCT || !match_at(&p, i, &e, &end) || end <= i) {
			i++;
			continue;
		}
		if (p.future)
			e.flags |= DYAD_DATEX_FUTURE;
		e.span.start = s->a[i].span.start;
		e.span.end = s->a[end - 1].span.end;
		e.tok_first = s->a[i].tok;
		e.tok_last = s->a[end - 1].tok;
		if (found < max)
			out[found] = e;
		found++;
		i = end;
	}
	return (int)(found > 0x7fffffff ? 0x7fffffff : found);
}
