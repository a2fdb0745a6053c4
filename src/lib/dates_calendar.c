/*
 * dates_calendar.c - calendar arithmetic for resolving relative dates
 * (proleptic Gregorian; days counted from 1970-01-01).
 */
#include "dyad/dates.h"
#include "dates_internal.h"

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int dyad_date_month_days(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && leap(year));
}

/* Howard Hinnant's days_from_civil. */
long dyad_date_days(dyad_date d)
{
	long y = d.year, m = d.month ? d.month : 1, dd = d.day ? d.day : 1;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + dd - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

dyad_date dyad_date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	dyad_date out = { (int16_t)(y + (m <= 2)), (uint8_t)m, (uint8_t)d };
	return out;
}

int dyad_date_weekday(dyad_date d)
{
	long z = dyad_date_days(d);
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	long w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

dyad_date wd_make(int y, int m, int d)
{
	dyad_date out = { (int16_t)y, (uint8_t)m, (uint8_t)d };
	return out;
}

dyad_date wd_add_days(dyad_date d, long n)
{
	return dyad_date_from_days(dyad_date_days(d) + n);
}

dyad_date wd_add_months(dyad_date d, int n)
{
	long idx = (long)d.year * 12 + (d.month ? d.month - 1 : 0) + n;
	int y = (int)(idx >= 0 ? idx / 12 : (idx - 11) / 12);
	int m = (int)(idx - (long)y * 12) + 1;
	int day = d.day;
	if (day > dyad_date_month_days(y, m))
		day = dyad_date_month_days(y, m);
	return wd_make(y, m, day);
}

bool wd_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= dyad_date_month_days(y, m);
}
