/*
 * event.c - the event record: list handling, dates, enum names.
 */
#include "dyad/event.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int dyad_events_push(dyad_events *list, const dyad_event *ev)
{
	if (list->count == list->cap) {
		dyad_event *p = dyad_grow(list->items, &list->cap, list->count + 1, sizeof(*p), 8);
		if (!p)
			return DYAD_ENOMEM;
		list->items = p;
	}
	list->items[list->count++] = *ev;
	return 0;
}

void dyad_events_clear(dyad_events *list)
{
	list->count = 0;
}

void dyad_events_release(dyad_events *list)
{
	dyad_free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}

void dyad_event_init(dyad_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->lat = NAN;
	ev->lon = NAN;
}

const char *dyad_precision_name(dyad_date_precision p)
{
	static const char *const names[] = { "reported", "day", "month", "year", "range" };
	return (unsigned)p < sizeof(names) / sizeof(names[0]) ? names[p] : "reported";
}

const char *dyad_source_name(dyad_value_source s)
{
	static const char *const names[] = { NULL, "sentence", "carried", "publication" };
	return (unsigned)s < sizeof(names) / sizeof(names[0]) ? names[s] : NULL;
}

const char *dyad_modality_name(dyad_modality m)
{
	static const char *const names[] = { "asserted", "negated", "future", "planned",
	                                     "hypothetical", "reported", "historical" };
	return (unsigned)m < sizeof(names) / sizeof(names[0]) ? names[m] : "asserted";
}

const char *dyad_resolution_name(dyad_place_resolution r)
{
	static const char *const names[] = { "none", "country", "region", "city", "sub-city" };
	return (unsigned)r < sizeof(names) / sizeof(names[0]) ? names[r] : "none";
}

const char *dyad_quantity_kind_name(dyad_quantity_kind k)
{
	static const char *const names[] = { "", "money", "personnel", "equipment",
	                                     "casualties", "other" };
	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "other";
}

void dyad_date_format(char *buf, size_t size, dyad_date d)
{
	if (!size)
		return;
	if (d.year <= 0)
		buf[0] = '\0';
	else if (!d.month)
		snprintf(buf, size, "%04d", d.year);
	else if (!d.day)
		snprintf(buf, size, "%04d-%02u", d.year, d.month);
	else
		snprintf(buf, size, "%04d-%02u-%02u", d.year, d.month, d.day);
}

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static bool valid_day(int y, int m, int d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

int dyad_date_parse(dyad_date *out, const char *s, size_t len)
{
	int y = 0, m = 0, d = 0;
	memset(out, 0, sizeof(*out));
	if (len == 6 && digits(s, 6, &y) == 0) {          /* TABARI YYMMDD */
		int yy = y / 10000;
		m = (y / 100) % 100;
		d = y % 100;
		y = yy >= 50 ? 1900 + yy : 2000 + yy;
		if (!valid_day(y, m, d))
			return DYAD_EPARSE;
	} else if (len >= 4 && digits(s, 4, &y) == 0 && y > 0) {
		if (len == 4) {
			;
		} else if (len == 7 && s[4] == '-' && digits(s + 5, 2, &m) == 0) {
			if (m < 1 || m > 12)
				return DYAD_EPARSE;
		} else if (len == 10 && s[4] == '-' && s[7] == '-' &&
		           digits(s + 5, 2, &m) == 0 && digits(s + 8, 2, &d) == 0) {
			if (!valid_day(y, m, d))
				return DYAD_EPARSE;
		} else {
			return DYAD_EPARSE;
		}
	} else {
		return DYAD_EPARSE;
	}
	out->year = (int16_t)y;
	out->month = (uint8_t)m;
	out->day = (uint8_t)d;
	return 0;
}

int dyad_date_cmp(dyad_date a, dyad_date b)
{
	long ka = (long)a.year * 10000 + a.month * 100 + a.day;
	long kb = (long)b.year * 10000 + b.month * 100 + b.day;
	return (ka > kb) - (ka < kb);
}

dyad_date dyad_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	return (dyad_date){ (int16_t)(tm.tm_year + 1900), (uint8_t)(tm.tm_mon + 1),
	                    (uint8_t)tm.tm_mday };
}
