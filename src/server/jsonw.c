/*
 * jsonw.c - a JSON writer straight into a response buffer, for the hot
 * path (the rows of /api/events, the periods of /api/timeline). Building
 * a jansson tree of a hundred events and dumping it cost five times more
 * than the query itself; everything else uses jansson.
 *
 * Strings are escaped and checked as UTF-8: an invalid sequence becomes
 * U+FFFD, so the output is always valid JSON.
 */
#include "jsonw.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (len == 0 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||   /* overlong, surrogates */
	    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
		return 0;
	return len;
}

void jw_str(dyad_buf *b, const char *str, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)str;
	dyad_buf_grow(b, n + 2);
	jw_ch(b, '"');
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && s[run] >= 0x20 && s[run] < 0x80 && s[run] != '"' && s[run] != '\\')
			run++;
		if (run > i)
			jw_raw(b, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		unsigned char c = s[i];
		if (c == '"' || c == '\\') {
			char esc[2] = { '\\', (char)c };
			jw_raw(b, esc, 2);
			i++;
		} else if (c < 0x20) {
			char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
			jw_raw(b, esc, 6);
			i++;
		} else {
			size_t len = utf8_len(s + i, n - i);
			if (len) {
				jw_raw(b, s + i, len);
				i += len;
			} else {
				dyad_buf_puts(b, "\xEF\xBF\xBD");   /* U+FFFD */
				i++;
			}
		}
	}
	jw_ch(b, '"');
}

void jw_key(dyad_buf *b, const char *key, bool first)
{
	/* keys are our own literals: nothing to escape */
	char tmp[64];
	size_t n = strlen(key), i = 0;
	if (n > sizeof(tmp) - 4)
		return;
	if (!first)
		tmp[i++] = ',';
	tmp[i++] = '"';
	memcpy(tmp + i, key, n);
	i += n;
	tmp[i++] = '"';
	tmp[i++] = ':';
	jw_raw(b, tmp, i);
}

void jw_cstr(dyad_buf *b, const char *s)
{
	if (s)
		jw_str(b, s, strlen(s));
	else
		jw_raw(b, "null", 4);
}

void jw_int(dyad_buf *b, int64_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	jw_raw(b, tmp + i, sizeof(tmp) - i);
}

void jw_real(dyad_buf *b, double v)
{
	if (!isfinite(v)) {
		jw_raw(b, "null", 4);
		return;
	}
	/* one decimal is the common case (Goldstein weights): no printf */
	double t = v * 10.0;
	if (fabs(t) < 1e15 && t == (double)(int64_t)t) {
		int64_t tenths = (int64_t)t;
		if (tenths < 0) {
			dyad_buf_putc(b, '-');
			tenths = -tenths;
		}
		jw_int(b, tenths / 10);
		char frac[2] = { '.', (char)('0' + tenths % 10) };
		jw_raw(b, frac, 2);
		return;
	}
	char num[40];
	int n = snprintf(num, sizeof(num), "%.17g", v);   /* round-trips: %.15g can round past DBL_MAX */
	dyad_buf_append(b, num, (size_t)n);
	/* keep it a real in the JSON sense, as jansson writes them */
	if (!strpbrk(num, ".eEn"))
		dyad_buf_puts(b, ".0");
}

void jw_col_str(dyad_buf *b, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	if (s)
		jw_str(b, (const char *)s, (size_t)sqlite3_column_bytes(st, i));
	else
		jw_raw(b, "null", 4);
}

void jw_col_int(dyad_buf *b, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		jw_raw(b, "null", 4);
	else
		jw_int(b, sqlite3_column_int64(st, i));
}

void jw_col_real(dyad_buf *b, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		jw_raw(b, "null", 4);
	else
		jw_real(b, sqlite3_column_double(st, i));
}

void jw_fixed3(dyad_buf *b, double v)
{
	if (!isfinite(v) || fabs(v) > 1e12) {
		jw_real(b, v);
		return;
	}
	int64_t m = (int64_t)llround(v * 1000.0);
	if (m < 0) {
		dyad_buf_putc(b, '-');
		m = -m;
	}
	jw_int(b, m / 1000);
	char frac[4] = { '.', (char)('0' + m / 100 % 10), (char)('0' + m / 10 % 10), (char)('0' + m % 10) };
	dyad_buf_append(b, frac, 4);
}

void jw_digits(dyad_buf *b, int64_t v, int width)
{
	char tmp[24];
	int i = (int)sizeof(tmp);
	uint64_t u = v < 0 ? 0 : (uint64_t)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u && i > 0);
	while ((int)sizeof(tmp) - i < width && i > 0)
		tmp[--i] = '0';
	dyad_buf_append(b, tmp + i, sizeof(tmp) - (size_t)i);
}
