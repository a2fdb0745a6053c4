/*
 * ingest_meta.c - document metadata read from text: dates in the usual
 * written forms, datelines with their agency, and the language.
 *
 * Language: a stop-word and script count rather than libexttextcat. It
 * runs in microseconds on the first 4 KiB (exttextcat's n-gram ranking
 * costs far more per document than coding a short one), needs no data
 * files at run time, and we only need "English or not" until other
 * languages are coded; it names a few others so they can be counted.
 */
#include "dyad/ingest.h"
#include "ingest_internal.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *ingest_clean_string(const char *s, size_t n)
{
	char *out = dyad_malloc(n + 1);
	if (!out)
		return NULL;
	size_t k = 0;
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			space = k > 0;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = false;
		out[k++] = c;
	}
	out[k] = '\0';
	return out;
}

static bool isdig(char c) { return c >= '0' && c <= '9'; }
static bool isalpha_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Month number of a month name or abbreviation ("Nov", "Nov.", "Sept"). */
static int month_of(const char *w, size_t n)
{
	static const char *const names[] = { "january", "february", "march", "april", "may",
		"june", "july", "august", "september", "october", "november", "december" };
	if (n < 3 || n > 9)
		return 0;
	/* most words start with a letter no month starts with */
	char f = (char)(w[0] >= 'A' && w[0] <= 'Z' ? w[0] - 'A' + 'a' : w[0]);
	if (!memchr("jfmasond", f, 8))
		return 0;
	for (int m = 0; m < 12; m++) {
		if (names[m][0] != f)
			continue;
		size_t full = strlen(names[m]);
		if (n == full && strncasecmp(w, names[m], n) == 0)
			return m + 1;
		if ((n == 3 || (n == 4 && m == 8)) && strncasecmp(w, names[m], n) == 0)
			return m + 1;
	}
	return 0;
}

static bool valid(int y, int m, int d)
{
	return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 0 && d <= 31;
}

static void set_date(dyad_date *out, int y, int m, int d)
{
	out->year = (int16_t)y;
	out->month = (uint8_t)m;
	out->day = (uint8_t)d;
}

typedef struct tok { const char *s; size_t n; bool num; } tok;

/* Split into number and word tokens (at most `max`). */
static size_t tokens(const char *s, size_t len, tok *t, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		if (isdig(s[i]) || isalpha_ascii(s[i])) {
			bool num = isdig(s[i]);
			size_t st = i;
			while (i < len && (num ? isdig(s[i]) : isalpha_ascii(s[i])))
				i++;
			t[n].s = s + st;
			t[n].n = i - st;
			t[n].num = num;
			n++;
			continue;
		}
		i++;
	}
	return n;
}

static int num_of(const tok *t)
{
	int v = 0;
	for (size_t i = 0; i < t->n && i < 6; i++)
		v = v * 10 + (t->s[i] - '0');
	return v;
}

/* "16 November 2022", "November 16, 2022", "Nov. 16", in tokens t[0..n). */
static bool month_day_year(const tok *t, size_t n, int *y, int *m, int *d)
{
	for (size_t i = 0; i < n; i++) {
		int mo = t[i].num ? 0 : month_of(t[i].s, t[i].n);
		if (!mo)
			continue;
		int day = 0, year = 0;
		if (i + 1 < n && t[i + 1].num && t[i + 1].n <= 2)
			day = num_of(&t[i + 1]);
		else if (i > 0 && t[i - 1].num && t[i - 1].n <= 2)
			day = num_of(&t[i - 1]);
		size_t yi = day && i + 1 < n && t[i + 1].num && t[i + 1].n <= 2 ? i + 2 : i + 1;
		if (yi < n && t[yi].num && t[yi].n == 4)
			year = num_of(&t[yi]);
		if (day < 1 || day > 31)
			continue;
		*y = year;
		*m = mo;
		*d = day;
		return true;
	}
	return false;
}

/* DD.MM.YYYY or DD/MM/YYYY at s[i]. */
static bool dotted(const char *s, size_t len, size_t i, dyad_date *out)
{
	if (i + 10 > len || !isdig(s[i]) || !isdig(s[i + 1]) || (s[i + 2] != '.' && s[i + 2] != '/') ||
	    !isdig(s[i + 3]) || !isdig(s[i + 4]) || s[i + 5] != s[i + 2])
		return false;
	for (int k = 6; k < 10; k++)
		if (!isdig(s[i + k]))
			return false;
	if (i + 10 < len && isdig(s[i + 10]))
		return false;
	int d = (s[i] - '0') * 10 + s[i + 1] - '0', m = (s[i + 3] - '0') * 10 + s[i + 4] - '0';
	int y = (s[i + 6] - '0') * 1000 + (s[i + 7] - '0') * 100 + (s[i + 8] - '0') * 10 + s[i + 9] - '0';
	if (!valid(y, m, d) || d == 0)
		return false;
	set_date(out, y, m, d);
	return true;
}

bool ingest_parse_date(dyad_date *out, const char *s)
{
	size_t len = strlen(s);
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	memset(out, 0, sizeof(*out));
	if (len >= 8 && isdig(s[0]) && isdig(s[1]) && isdig(s[2]) && isdig(s[3])) {
		size_t n = 4;
		while (n < len && (isdig(s[n]) || s[n] == '-'))
			n++;
		if (n == 8) {   /* YYYYMMDD */
			int v = 0;
			for (int i = 0; i < 8; i++)
				v = v * 10 + (s[i] - '0');
			if (valid(v / 10000, v / 100 % 100, v % 100)) {
				set_date(out, v / 10000, v / 100 % 100, v % 100);
				return true;
			}
		}
		if (dyad_date_parse(out, s, n > 10 ? 10 : n) == 0 && out->year)
			return true;
		memset(out, 0, sizeof(*out));
	}
	for (size_t i = 0; i + 10 <= len; i++)
		if (dotted(s, len, i, out))
			return true;
	tok t[16];
	size_t n = tokens(s, len, t, 16);
	int y, m, d;
	if (month_day_year(t, n, &y, &m, &d) && valid(y, m, d)) {
		set_date(out, y, m, d);
		return true;
	}
	return false;
}

/* The first plausible year (1990-2035) in text[0..len). */
static int first_year(const char *text, size_t len)
{
	for (size_t i = 0; i + 4 <= len; i++) {
		if ((i > 0 && isdig(text[i - 1])) || (i + 4 < len && isdig(text[i + 4])))
			continue;
		if (!isdig(text[i]) || !isdig(text[i + 1]) || !isdig(text[i + 2]) || !isdig(text[i + 3]))
			continue;
		int y = (text[i] - '0') * 1000 + (text[i + 1] - '0') * 100 + (text[i + 2] - '0') * 10 + text[i + 3] - '0';
		if (y >= 1990 && y <= 2035)
			return y;
	}
	return 0;
}

/* "CITY, Mon. DD (AGENCY) -": the agency, and the month-day before it. */
static bool dateline_line(const char *l, size_t n, int *y, int *m, int *d, char *agency, size_t asz)
{
	if (n < 6 || !(l[0] >= 'A' && l[0] <= 'Z') || !(l[1] >= 'A' && l[1] <= 'Z'))
		return false;
	const char *open = memchr(l, '(', n > 80 ? 80 : n);
	const char *close = open ? memchr(open, ')', (size_t)(l + n - open)) : NULL;
	if (!open || !close || close - open > 40)
		return false;
	const char *after = close + 1;
	while (after < l + n && *after == ' ')
		after++;
	/* a dash: '-', U+2013 or U+2014 (E2 80 93/94) */
	if (!(after < l + n && (*after == '-' || (after + 2 < l + n && (unsigned char)after[0] == 0xE2 &&
	                                           (unsigned char)after[1] == 0x80))))
		return false;
	tok t[8];
	size_t k = tokens(l, (size_t)(open - l), t, 8);
	if (!month_day_year(t, k, y, m, d))
		*y = *m = *d = 0;
	if (agency && asz) {
		size_t an = (size_t)(close - open - 1);
		if (an >= asz)
			an = asz - 1;
		memcpy(agency, open + 1, an);
		agency[an] = '\0';
	}
	return true;
}

bool dyad_dateline_find(const char *text, size_t len, dyad_date *date,
                        char *agency, size_t agency_size)
{
	memset(date, 0, sizeof(*date));
	if (agency && agency_size)
		agency[0] = '\0';
	size_t zone = len < 1200 ? len : 1200;
	/* "15:19 02.08.2023" and other DD.MM.YYYY near the top */
	for (size_t i = 0; i + 10 <= zone; i++)
		if ((i == 0 || !isdig(text[i - 1])) && dotted(text, len, i, date))
			break;
	int y = 0, m = 0, d = 0;
	for (size_t i = 0; i < zone;) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		if (dateline_line(text + i, e - i, &y, &m, &d, agency, agency_size))
			break;
		i = e + 1;
	}
	if (date->year)
		return true;
	if (m && d && y && valid(y, m, d)) {
		set_date(date, y, m, d);
		return true;
	}
	if (m && d) {
		y = first_year(text, len < 8192 ? len : 8192);
		if (y) {
			set_date(date, y, m, d);
			return true;
		}
	}
	/* "November 10, 2022" in the byline zone (further down, such a date is
	 * more often an event's date than the publication's) */
	tok t[64];
	size_t n = tokens(text, zone < 200 ? zone : 200, t, 64);
	if (month_day_year(t, n, &y, &m, &d) && valid(y, m, d)) {
		set_date(date, y, m, d);
		return true;
	}
	return false;
}

/* ------------------------------------------------------------------ */
/* Language                                                            */

enum { L_EN, L_FR, L_ES, L_DE, L_PT, L_IT, N_LANG };

static const char *const lang_names[N_LANG] = { "en", "fr", "es", "de", "pt", "it" };

/* Frequent function words, distinctive per language, sorted (strcmp
 * order) for binary search, each with the languages that list it (20 per
 * language; a word of two lists counts for both). */
typedef struct stop_entry { const char *w; unsigned langs; } stop_entry;

static const stop_entry stop[] = {
	{ "al", 1u << L_ES },
	{ "alla", 1u << L_IT },
	{ "anche", 1u << L_IT },
	{ "and", 1u << L_EN },
	{ "ao", 1u << L_PT },
	{ "are", 1u << L_EN },
	{ "as", 1u << L_PT },
	{ "au", 1u << L_FR },
	{ "auch", 1u << L_DE },
	{ "auf", 1u << L_DE },
	{ "aux", 1u << L_FR },
	{ "avec", 1u << L_FR },
	{ "by", 1u << L_EN },
	{ "che", 1u << L_IT },
	{ "com", 1u << L_PT },
	{ "come", 1u << L_IT },
	{ "como", 1u << L_ES },
	{ "con", 1u << L_ES | 1u << L_IT },
	{ "da", 1u << L_PT },
	{ "dans", 1u << L_FR },
	{ "das", 1u << L_DE | 1u << L_PT },
	{ "degli", 1u << L_IT },
	{ "dei", 1u << L_IT },
	{ "del", 1u << L_ES },
	{ "della", 1u << L_IT },
	{ "delle", 1u << L_IT },
	{ "dem", 1u << L_DE },
	{ "den", 1u << L_DE },
	{ "der", 1u << L_DE },
	{ "des", 1u << L_FR | 1u << L_DE },
	{ "di", 1u << L_IT },
	{ "die", 1u << L_DE },
	{ "do", 1u << L_PT },
	{ "dos", 1u << L_PT },
	{ "du", 1u << L_FR },
	{ "ein", 1u << L_DE },
	{ "eine", 1u << L_DE },
	{ "el", 1u << L_ES },
	{ "em", 1u << L_PT },
	{ "entre", 1u << L_ES },
	{ "es", 1u << L_ES },
	{ "est", 1u << L_FR },
	{ "et", 1u << L_FR },
	{ "foi", 1u << L_PT },
	{ "for", 1u << L_EN },
	{ "from", 1u << L_EN },
	{ "fue", 1u << L_ES },
	{ "gli", 1u << L_IT },
	{ "ha", 1u << L_IT },
	{ "has", 1u << L_EN },
	{ "have", 1u << L_EN },
	{ "il", 1u << L_FR | 1u << L_IT },
	{ "im", 1u << L_DE },
	{ "is", 1u << L_EN },
	{ "ist", 1u << L_DE },
	{ "its", 1u << L_EN },
	{ "la", 1u << L_FR },
	{ "las", 1u << L_ES },
	{ "le", 1u << L_FR },
	{ "les", 1u << L_FR },
	{ "lo", 1u << L_ES | 1u << L_IT },
	{ "los", 1u << L_ES },
	{ "mais", 1u << L_PT },
	{ "mit", 1u << L_DE },
	{ "nao", 1u << L_PT },
	{ "nel", 1u << L_IT },
	{ "nella", 1u << L_IT },
	{ "nicht", 1u << L_DE },
	{ "o", 1u << L_PT },
	{ "of", 1u << L_EN },
	{ "on", 1u << L_EN },
	{ "ont", 1u << L_FR },
	{ "os", 1u << L_PT },
	{ "par", 1u << L_FR },
	{ "para", 1u << L_ES | 1u << L_PT },
	{ "pas", 1u << L_FR },
	{ "pela", 1u << L_PT },
	{ "pelo", 1u << L_PT },
	{ "per", 1u << L_IT },
	{ "pero", 1u << L_ES },
	{ "por", 1u << L_ES },
	{ "pour", 1u << L_FR },
	{ "que", 1u << L_FR | 1u << L_ES },
	{ "qui", 1u << L_FR },
	{ "said", 1u << L_EN },
	{ "se", 1u << L_ES },
	{ "seu", 1u << L_PT },
	{ "sich", 1u << L_DE },
	{ "sono", 1u << L_IT },
	{ "stato", 1u << L_IT },
	{ "su", 1u << L_ES },
	{ "sua", 1u << L_PT },
	{ "sur", 1u << L_FR },
	{ "sus", 1u << L_ES },
	{ "that", 1u << L_EN },
	{ "the", 1u << L_EN },
	{ "this", 1u << L_EN },
	{ "to", 1u << L_EN },
	{ "um", 1u << L_PT },
	{ "uma", 1u << L_PT },
	{ "una", 1u << L_ES | 1u << L_IT },
	{ "und", 1u << L_DE },
	{ "une", 1u << L_FR },
	{ "von", 1u << L_DE },
	{ "was", 1u << L_EN },
	{ "were", 1u << L_EN },
	{ "which", 1u << L_EN },
	{ "wird", 1u << L_DE },
	{ "with", 1u << L_EN },
	{ "wurde", 1u << L_DE },
	{ "y", 1u << L_ES },
	{ "zu", 1u << L_DE },
};

static int cmp_stop(const void *key, const void *e)
{
	return strcmp(key, ((const stop_entry *)e)->w);
}

/* Count `w` (n bytes, n <= 6) for each language that lists it. */
static void score_word(const char *w, size_t n, int *score)
{
	char low[8];
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
	low[n] = '\0';
	const stop_entry *e = bsearch(low, stop, sizeof(stop) / sizeof(stop[0]), sizeof(stop[0]), cmp_stop);
	if (!e)
		return;
	for (int l = 0; l < N_LANG; l++)
		if (e->langs & (1u << l))
			score[l]++;
}

const char *dyad_language_detect(const char *text, size_t len)
{
	if (len > 4096)
		len = 4096;
	int score[N_LANG] = { 0 };
	size_t latin = 0, arabic = 0, cyrillic = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)text[i];
		if (c >= 0xD8 && c <= 0xDB) { arabic++; i += 2; continue; }
		if (c == 0xD0 || c == 0xD1) { cyrillic++; i += 2; continue; }
		if (!isalpha_ascii((char)c)) { i++; continue; }
		size_t st = i;
		while (i < len && isalpha_ascii(text[i]))
			i++;
		latin += i - st;
		if (i - st <= 6)
			score_word(text + st, i - st, score);
	}
	if (arabic > latin / 2 && arabic > 10)
		return "ar";
	if (cyrillic > latin / 2 && cyrillic > 10)
		return "ru";
	int best = 0;
	for (int l = 1; l < N_LANG; l++)
		if (score[l] > score[best])
			best = l;
	if (score[best] < 2)
		return "und";
	/* English needs a clear lead: "a", "la", "il" occur in several. */
	return lang_names[best];
}
