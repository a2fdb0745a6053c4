/*
 * text_layout.c - what the segmenter knows about the shape of news text:
 * white space, quotes, bullets, datelines, date/time stamps, and how a
 * line ends. Character classes of non-ASCII code points come from
 * utf8proc (Unicode categories); only a handful of typographic marks
 * are named here by their bytes, because they are punctuation roles the
 * categories do not separate (opening vs. closing quotes used both ways).
 */
#include "text_internal.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

static bool at3(const char *t, size_t i, size_t e, unsigned b1, unsigned b2)
{
	return i + 2 < e && (unsigned char)t[i] == 0xE2 &&
	       (unsigned char)t[i + 1] == b1 && (unsigned char)t[i + 2] == b2;
}

static bool at2(const char *t, size_t i, size_t e, unsigned b0, unsigned b1)
{
	return i + 1 < e && (unsigned char)t[i] == b0 && (unsigned char)t[i + 1] == b1;
}

size_t seg_space_len(const char *t, size_t i, size_t e)
{
	unsigned char c = (unsigned char)t[i];
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c < 0x80)
		return 0;
	if (at2(t, i, e, 0xC2, 0xA0))                         /* no-break space */
		return 2;
	if (at3(t, i, e, 0x80, 0x89) || at3(t, i, e, 0x80, 0xAF) ||  /* thin spaces */
	    at3(t, i, e, 0x80, 0x8B) || at3(t, i, e, 0x80, 0xA8))    /* ZWSP, LS */
		return 3;
	return 0;
}

size_t seg_opener_len(const char *t, size_t i, size_t e)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == '(' || c == '[')
		return 1;
	if (at3(t, i, e, 0x80, 0x9C) || at3(t, i, e, 0x80, 0x98) || at3(t, i, e, 0x80, 0x9E))
		return 3;                                     /* “ ‘ „ */
	if (at2(t, i, e, 0xC2, 0xAB))                         /* « */
		return 2;
	return 0;
}

size_t seg_closer_len(const char *t, size_t i, size_t e)
{
	unsigned char c = (unsigned char)t[i];
	if (c == '"' || c == '\'' || c == ')' || c == ']')
		return 1;
	if (at3(t, i, e, 0x80, 0x9D) || at3(t, i, e, 0x80, 0x99))   /* ” ’ */
		return 3;
	if (at2(t, i, e, 0xC2, 0xBB))                         /* » */
		return 2;
	return 0;
}

static seg_start classify(const char *t, size_t i, size_t e)
{
	unsigned char c = (unsigned char)t[i];
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return SS_UPPER;
		if (c >= 'a' && c <= 'z')
			return SS_LOWER;
		if (c >= '0' && c <= '9')
			return SS_DIGIT;
		if (c == '$' || c == '%' || c == '#' || c == '@' || c == '*' || c == '-')
			return SS_SYMBOL;
		return SS_OTHER;
	}
	utf8proc_int32_t cp;
	if (utf8proc_iterate((const utf8proc_uint8_t *)t + i, (utf8proc_ssize_t)(e - i), &cp) <= 0)
		return SS_OTHER;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return SS_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return SS_LOWER;
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_LM:
		return SS_CASELESS;
	case UTF8PROC_CATEGORY_ND:
		return SS_DIGIT;
	case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SO:
	case UTF8PROC_CATEGORY_PD:
		return SS_SYMBOL;   /* EUR sign, dashes and bullets open list items */
	default:
		return SS_OTHER;
	}
}

seg_start seg_start_at(const char *t, size_t i, size_t e)
{
	/* Look through at most a few opening quotes/brackets: ("We ...), «Le ... */
	for (int k = 0; k < 4 && i < e; k++) {
		size_t n = seg_opener_len(t, i, e);
		if (!n)
			break;
		i += n;
	}
	if (i >= e)
		return SS_OTHER;
	return classify(t, i, e);
}

/* Index just past the last non-space byte of [s, e), or s. */
static size_t trim_end(const char *t, size_t s, size_t e)
{
	while (e > s) {
		unsigned char c = (unsigned char)t[e - 1];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			e--;
		else if (e - s >= 2 && at2(t, e - 2, e, 0xC2, 0xA0))
			e -= 2;
		else
			break;
	}
	return e;
}

/* Step back over closing quotes/brackets at the end of [s, e). */
static size_t strip_closers(const char *t, size_t s, size_t e)
{
	for (int k = 0; k < 4 && e > s; k++) {
		unsigned char c = (unsigned char)t[e - 1];
		if (c == '"' || c == '\'' || c == ')' || c == ']')
			e--;
		else if (e - s >= 3 && (at3(t, e - 3, e, 0x80, 0x9D) || at3(t, e - 3, e, 0x80, 0x99)))
			e -= 3;
		else if (e - s >= 2 && at2(t, e - 2, e, 0xC2, 0xBB))
			e -= 2;
		else
			break;
	}
	return e;
}

bool seg_ends_with_stop(const char *t, size_t s, size_t e)
{
	e = strip_closers(t, s, trim_end(t, s, e));
	if (e == s)
		return false;
	unsigned char c = (unsigned char)t[e - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
		return true;
	return (e - s >= 3 && at3(t, e - 3, e, 0x80, 0xA6)) ||       /* … */
	       (e - s >= 2 && at2(t, e - 2, e, 0xD8, 0x9F));         /* Arabic ? */
}

/* Lower-case words after which a line cannot end a sentence or headline. */
static const char *const function_words[] = {
	"a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by",
	"for", "from", "with", "as", "that", "which", "who", "whose", "between",
	"into", "its", "their", "his", "her", "our", "is", "are", "was", "were",
	"be", "been", "has", "have", "had", "will", "would", "not", "this",
	"these", "those", "than", "while", "about", "over", "under", "after",
	"before", "against", "during", "such", "both", "also", "including", NULL
};

bool seg_ends_open(const char *t, size_t s, size_t e)
{
	e = trim_end(t, s, e);
	if (e == s)
		return false;
	unsigned char c = (unsigned char)t[e - 1];
	if (c == ',')
		return true;
	if (c == '-')      /* a word split at its hyphen: "Russian-" */
		return e - s >= 2 && ((t[e - 2] | 32) >= 'a' && (t[e - 2] | 32) <= 'z');
	size_t w = e;
	while (w > s && e - w < 16 && t[w - 1] >= 'a' && t[w - 1] <= 'z')
		w--;
	if (w == e || (w > s && !seg_space_len(t, w - 1, e)))
		return false;
	for (const char *const *f = function_words; *f; f++)
		if (strlen(*f) == e - w && memcmp(*f, t + w, e - w) == 0)
			return true;
	return false;
}

size_t seg_bullet_len(const char *t, size_t i, size_t e)
{
	size_t n = 0;
	unsigned char c = (unsigned char)t[i];
	if (c == '-' || c == '*' || c == '+') {
		n = 1;
		if (i + 1 < e && t[i + 1] == '-')
			return 0;   /* "--" is a dash, not a bullet */
	} else if (at3(t, i, e, 0x80, 0xA2) || at3(t, i, e, 0x80, 0x93) ||
	           at3(t, i, e, 0x80, 0x94) || at3(t, i, e, 0x96, 0xAA) ||
	           at3(t, i, e, 0x96, 0xBA) || at3(t, i, e, 0x81, 0x83)) {
		n = 3;      /* • – — ▪ ► ⁃ */
	} else if (at2(t, i, e, 0xC2, 0xB7)) {
		n = 2;      /* · */
	} else if (c >= '0' && c <= '9') {
		/* "1." or "12)" list numbers; not "2023." or "1.5" */
		size_t d = i;
		while (d < e && d - i < 3 && t[d] >= '0' && t[d] <= '9')
			d++;
		if (d - i > 2 || d >= e || (t[d] != '.' && t[d] != ')'))
			return 0;
		n = d + 1 - i;
	} else {
		return 0;
	}
	size_t sp = i + n < e ? seg_space_len(t, i + n, e) : 0;
	if (!sp)
		return 0;
	return n + sp;
}

/* ---- datelines ------------------------------------------------------ */

/* An upper-case word (ASCII or any cased script): returns its end or i. */
static size_t caps_word(const char *t, size_t i, size_t e, size_t *letters)
{
	size_t j = i;
	*letters = 0;
	while (j < e) {
		unsigned char c = (unsigned char)t[j];
		if (c >= 'A' && c <= 'Z') {
			(*letters)++;
			j++;
		} else if ((c == '.' || c == '\'' || c == '-') && *letters) {
			j++;
		} else if (c >= 0x80) {
			utf8proc_int32_t cp;
			utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + j,
			                                      (utf8proc_ssize_t)(e - j), &cp);
			if (n <= 0 || utf8proc_category(cp) != UTF8PROC_CATEGORY_LU)
				break;
			(*letters)++;
			j += (size_t)n;
		} else {
			break;
		}
	}
	return j;
}

/* A capitalized word "Algiers": returns its end or i. */
static size_t title_word(const char *t, size_t i, size_t e)
{
	if (i >= e || !(t[i] >= 'A' && t[i] <= 'Z'))
		return i;
	size_t j = i + 1;
	while (j < e && (((t[j] | 32) >= 'a' && (t[j] | 32) <= 'z') || t[j] == '-' ||
	                 (unsigned char)t[j] >= 0x80))
		j++;
	return j;
}

/* Bytes of a dash between spaces at t[i] ("-", "--", "–", "—"), else 0. */
static size_t dash_len(const char *t, size_t i, size_t e)
{
	size_t n = 0;
	if (t[i] == '-')
		n = (i + 1 < e && t[i + 1] == '-') ? 2 : 1;
	else if (at3(t, i, e, 0x80, 0x93) || at3(t, i, e, 0x80, 0x94))
		n = 3;
	if (!n || i + n >= e || !seg_space_len(t, i + n, e))
		return 0;
	return n;
}

static size_t skip_spaces(const char *t, size_t i, size_t e)
{
	size_t n;
	while (i < e && (n = seg_space_len(t, i, e)) != 0 && t[i] != '\n' && t[i] != '\r')
		i += n;
	return i;
}

/* Is the rest of the line upper case ("RUSSIA - ALGERIA TALKS")? Then the
 * dash joins two parts of a headline, it does not end a dateline. */
static bool caps_rest_of_line(const char *t, size_t i, size_t e)
{
	size_t letters = 0;
	for (size_t k = i; k < e && k - i < 200 && t[k] != '\n' && t[k] != '\r'; k++) {
		if (t[k] >= 'a' && t[k] <= 'z')
			return false;
		letters += t[k] >= 'A' && t[k] <= 'Z';
	}
	return letters > 0;
}

/*
 * PLACE[, DATE] [(AGENCY)] DASH, where PLACE is upper-case words
 * ("ALGIERS", "NEW YORK") or, when an agency follows, capitalized ones.
 * Bounded to one line of at most 100 bytes.
 */
size_t seg_dateline_end(const char *t, size_t i, size_t e)
{
	size_t lim = i + 100 < e ? i + 100 : e, j = i, endw = i, letters, words = 0;
	bool caps = true, agency = false;
	while (words < 5) {
		size_t w = caps_word(t, j, lim, &letters);
		if (w == j || letters < (words ? 1u : 2u) ||
		    (w < lim && ((t[w] | 32) >= 'a' && (t[w] | 32) <= 'z')))
			break;
		words++;
		endw = w;
		if (w + 1 < lim && t[w] == ' ')
			j = w + 1;
		else
			break;
	}
	if (!words) {
		caps = false;
		size_t w = title_word(t, i, lim);
		if (w == i)
			return 0;
		endw = w;
		words = 1;
		while (words < 3 && endw + 1 < lim && t[endw] == ' ' &&
		       (w = title_word(t, endw + 1, lim)) > endw + 1) {
			endw = w;
			words++;
		}
	}
	j = endw;
	if (j < lim && t[j] == ',') {
		/* ", Aug 2", ", Aug. 2, 2023", ", Algeria" */
		size_t k = j + 1;
		while (k < lim && k - j < 40 && t[k] != '(' && t[k] != '\n' && t[k] != '\r' &&
		       !dash_len(t, k, e) && (((t[k] | 32) >= 'a' && (t[k] | 32) <= 'z') ||
		       (t[k] >= '0' && t[k] <= '9') || t[k] == ' ' || t[k] == '.' || t[k] == ','))
			k++;
		j = k;
	}
	j = skip_spaces(t, j, lim);
	if (j < lim && t[j] == '(') {
		size_t k = j + 1;
		while (k < lim && k - j < 32 && t[k] != ')' && t[k] != '\n' && t[k] != '\r' && t[k] != '(')
			k++;
		if (k >= lim || t[k] != ')' || !(t[j + 1] >= 'A' && t[j + 1] <= 'Z'))
			return 0;   /* an agency: (Reuters), (TASS); not (pictured) */
		agency = true;
		j = skip_spaces(t, k + 1, lim);
	}
	if (!caps && !agency)
		return 0;
	if (j >= lim)
		return 0;
	size_t d = dash_len(t, j, e);
	if (!d || caps_rest_of_line(t, j + d, e))
		return 0;
	return j + d;
}

/* ---- date/time stamps --------------------------------------------- */

static const char *const date_words[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr",
	"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
	"tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am",
	"pm", "gmt", "utc", "msk", "cet", "updated", "published", NULL
};

static bool is_date_word(const char *w, size_t n)
{
	for (const char *const *d = date_words; *d; d++)
		if (strlen(*d) == n && strncasecmp(*d, w, n) == 0)
			return true;
	return false;
}

bool seg_is_datetime_line(const char *t, size_t s, size_t e)
{
	e = trim_end(t, s, e);
	if (e <= s || e - s > 60)
		return false;
	size_t digits = 0, seps = 0, i = s;
	while (i < e) {
		unsigned char c = (unsigned char)t[i];
		if (c >= '0' && c <= '9') {
			digits++;
			i++;
		} else if (c == ':' || c == '.' || c == '/' || c == '-' || c == ',') {
			seps++;
			i++;
		} else if (c == ' ' || c == '\t' || c == '|') {
			i++;
		} else if ((c | 32) >= 'a' && (c | 32) <= 'z') {
			size_t w = i;
			while (w < e && ((t[w] | 32) >= 'a' && (t[w] | 32) <= 'z'))
				w++;
			if (!is_date_word(t + i, w - i))
				return false;
			seps++;
			i = w;
		} else if (at3(t, i, e, 0x80, 0xA2) || at3(t, i, e, 0x80, 0x93) ||
		           at3(t, i, e, 0x80, 0x94)) {
			i += 3;          /* • – — */
		} else if (at2(t, i, e, 0xC2, 0xB7) || at2(t, i, e, 0xC2, 0xA0)) {
			i += 2;
		} else {
			return false;
		}
	}
	return digits >= 2 && seps >= 1;
}
