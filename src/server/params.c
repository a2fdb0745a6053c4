/*
 * params.c - validation of query parameters. Every value is checked
 * against a strict shape before it reaches SQL (where it is bound anyway):
 * a bad value is a 400 naming the parameter and what it should be.
 */
#include "server.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int64_t srv_julian(int y, int m, int d)
{
	int64_t a = (14 - m) / 12;
	int64_t yy = (int64_t)y + 4800 - a;
	int64_t mm = m + 12 * a - 3;
	return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

int srv_param_actor(const srv_req *r, srv_resp *out, const char *name,
                    char *buf, size_t size, bool *present)
{
	const char *v = srv_param(r, name);
	*present = false;
	if (!v)
		return 0;
	size_t n = strlen(v);
	if (n == 0 || n >= size || n > 15)
		return srv_error(out, 400, "%s: an actor code of 1-15 letters or digits (e.g. DZA, RUSMIL)", name);
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)v[i]))
			return srv_error(out, 400, "%s: an actor code of 1-15 letters or digits (e.g. DZA, RUSMIL)", name);
		buf[i] = (char)toupper((unsigned char)v[i]);
	}
	buf[n] = '\0';
	*present = true;
	return 0;
}

static int actor_part(const char *v, size_t n, char *buf, size_t size)
{
	if (n == 0 || n >= size || n > 15)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!isalnum((unsigned char)v[i]))
			return -1;
		buf[i] = (char)toupper((unsigned char)v[i]);
	}
	buf[n] = '\0';
	return 0;
}

int srv_param_dyad(const srv_req *r, srv_resp *out, const char *name,
                   char *a, char *b, size_t size, bool *present)
{
	const char *v = srv_param(r, name);
	*present = false;
	if (!v)
		return 0;
	const char *comma = strchr(v, ',');
	if (!comma || actor_part(v, (size_t)(comma - v), a, size) ||
	    actor_part(comma + 1, strlen(comma + 1), b, size))
		return srv_error(out, 400, "%s: two actor codes separated by a comma (e.g. DZA,RUS)", name);
	*present = true;
	return 0;
}

int srv_param_long(const srv_req *r, srv_resp *out, const char *name,
                   long lo, long hi, long *v)
{
	const char *s = srv_param(r, name);
	if (!s)
		return 0;
	char *end = NULL;
	errno = 0;
	long x = strtol(s, &end, 10);
	if (!*s || *end || errno || x < lo || x > hi)
		return srv_error(out, 400, "%s: an integer from %ld to %ld", name, lo, hi);
	*v = x;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

int srv_param_date(const srv_req *r, srv_resp *out, const char *name, bool last,
                   int64_t *jd, bool *present)
{
	const char *s = srv_param(r, name);
	*present = false;
	if (!s)
		return 0;
	size_t n = strlen(s);
	int y = 0, m = 0, d = 0;
	bool ok = (n == 4 || n == 7 || n == 10) && all_digits(s, 4);
	if (ok)
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	if (ok && n >= 7) {
		ok = s[4] == '-' && all_digits(s + 5, 2);
		m = ok ? (s[5] - '0') * 10 + (s[6] - '0') : 0;
		ok = ok && m >= 1 && m <= 12;
	}
	if (ok && n == 10) {
		ok = s[7] == '-' && all_digits(s + 8, 2);
		d = ok ? (s[8] - '0') * 10 + (s[9] - '0') : 0;
		ok = ok && d >= 1 && d <= days_in_month(y, m);
	}
	if (!ok || y < 1)
		return srv_error(out, 400, "%s: a date YYYY, YYYY-MM or YYYY-MM-DD", name);
	if (!last)
		*jd = srv_julian(y, m ? m : 1, d ? d : 1);
	else if (d)
		*jd = srv_julian(y, m, d);
	else if (m)
		*jd = srv_julian(y, m, days_in_month(y, m));
	else
		*jd = srv_julian(y, 12, 31);
	*present = true;
	return 0;
}

int srv_param_enum(const srv_req *r, srv_resp *out, const char *name,
                   const char *const *choices, int *idx)
{
	const char *s = srv_param(r, name);
	if (!s)
		return 0;
	for (int i = 0; choices[i]; i++) {
		if (strcmp(s, choices[i]) == 0) {
			*idx = i;
			return 0;
		}
	}
	char list[256] = "";
	size_t len = 0;
	for (int i = 0; choices[i] && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", i ? ", " : "", choices[i]);
	return srv_error(out, 400, "%s: one of %s", name, list);
}

int srv_param_word(const srv_req *r, srv_resp *out, const char *name, bool digits,
                   char *buf, size_t size, bool *present)
{
	const char *s = srv_param(r, name);
	*present = false;
	if (!s)
		return 0;
	size_t n = strlen(s);
	bool ok = n > 0 && n < size;
	for (size_t i = 0; ok && i < n; i++)
		ok = digits ? isdigit((unsigned char)s[i]) : (isalpha((unsigned char)s[i]) || s[i] == '_');
	if (!ok)
		return srv_error(out, 400, digits ? "%s: a CAMEO code prefix of digits (e.g. 06, 042)"
		                                  : "%s: a word of letters (e.g. COOPERATE, asserted)", name);
	for (size_t i = 0; i < n; i++)
		buf[i] = digits ? s[i] : s[i];
	buf[n] = '\0';
	*present = true;
	return 0;
}

int srv_param_text(const srv_req *r, srv_resp *out, const char *name, const char **text)
{
	const char *s = srv_param(r, name);
	*text = NULL;
	if (!s)
		return 0;
	size_t n = strlen(s);
	if (n > SRV_MAX_PARAM)
		return srv_error(out, 413, "%s: query longer than %d bytes", name, SRV_MAX_PARAM);
	/* only spaces: no query at all */
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i == n)
		return srv_error(out, 400, "%s: empty query", name);
	*text = s;
	return 0;
}
