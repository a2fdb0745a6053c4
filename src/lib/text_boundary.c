/*
 * text_boundary.c - sentence boundaries inside one run of a paragraph.
 *
 * A boundary is a run of stops (. ! ? ... U+2026, Arabic question mark)
 * plus closing quotes/brackets, followed by white space and by text that
 * can begin a sentence (upper case, digit, a caseless script, a symbol,
 * an opening quote before any of these). A lower-case continuation
 * never starts a sentence ("...," he said; "turning point. as").
 *
 * A single period needs more: the word before it decides.
 *  - titles (Gen., Lt., Dr., Mr., St.) never end a sentence;
 *  - No., Vol., Art., p. before a number, months before a day (Jan. 5);
 *  - initials (George W. Bush), dotted acronyms (U.S., a.m.) and company
 *    suffixes (Co., Inc.) end one only before a word that typically
 *    starts a sentence (The, He, But ...): "the U.S. Army" vs "the U.S. He".
 * The scanner skips uninteresting bytes with a table, so it runs at
 * memory speed on ordinary prose.
 */
#include "text_internal.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

typedef struct abbr {
	const char *word;
	enum seg_abbr kind;
} abbr;

static const abbr abbreviations[] = {
	{ "mr", SEG_AB_TITLE }, { "mrs", SEG_AB_TITLE }, { "ms", SEG_AB_TITLE }, { "messrs", SEG_AB_TITLE },
	{ "dr", SEG_AB_TITLE }, { "prof", SEG_AB_TITLE }, { "gen", SEG_AB_TITLE }, { "lt", SEG_AB_TITLE },
	{ "col", SEG_AB_TITLE }, { "maj", SEG_AB_TITLE }, { "capt", SEG_AB_TITLE }, { "cpt", SEG_AB_TITLE },
	{ "sgt", SEG_AB_TITLE }, { "cpl", SEG_AB_TITLE }, { "pvt", SEG_AB_TITLE }, { "adm", SEG_AB_TITLE },
	{ "cmdr", SEG_AB_TITLE }, { "cdr", SEG_AB_TITLE }, { "brig", SEG_AB_TITLE }, { "gov", SEG_AB_TITLE },
	{ "sen", SEG_AB_TITLE }, { "rep", SEG_AB_TITLE }, { "reps", SEG_AB_TITLE }, { "sens", SEG_AB_TITLE },
	{ "pres", SEG_AB_TITLE }, { "amb", SEG_AB_TITLE }, { "st", SEG_AB_TITLE }, { "ste", SEG_AB_TITLE },
	{ "mt", SEG_AB_TITLE }, { "ft", SEG_AB_TITLE }, { "rev", SEG_AB_TITLE }, { "hon", SEG_AB_TITLE },
	{ "supt", SEG_AB_TITLE }, { "insp", SEG_AB_TITLE }, { "gens", SEG_AB_TITLE }, { "mme", SEG_AB_TITLE },
	{ "mlle", SEG_AB_TITLE }, { "vs", SEG_AB_TITLE }, { "v", SEG_AB_TITLE }, { "cf", SEG_AB_TITLE },
	{ "fr", SEG_AB_TITLE }, { "atty", SEG_AB_TITLE }, { "sec", SEG_AB_TITLE },
	{ "no", SEG_AB_NUMBER }, { "nos", SEG_AB_NUMBER }, { "vol", SEG_AB_NUMBER }, { "art", SEG_AB_NUMBER },
	{ "arts", SEG_AB_NUMBER }, { "p", SEG_AB_NUMBER }, { "pp", SEG_AB_NUMBER }, { "fig", SEG_AB_NUMBER },
	{ "ch", SEG_AB_NUMBER }, { "para", SEG_AB_NUMBER }, { "approx", SEG_AB_NUMBER }, { "ca", SEG_AB_NUMBER },
	{ "est", SEG_AB_NUMBER }, { "tel", SEG_AB_NUMBER }, { "res", SEG_AB_NUMBER }, { "ed", SEG_AB_NUMBER },
	{ "jan", SEG_AB_MONTH }, { "feb", SEG_AB_MONTH }, { "mar", SEG_AB_MONTH }, { "apr", SEG_AB_MONTH },
	{ "jun", SEG_AB_MONTH }, { "jul", SEG_AB_MONTH }, { "aug", SEG_AB_MONTH }, { "sep", SEG_AB_MONTH },
	{ "sept", SEG_AB_MONTH }, { "oct", SEG_AB_MONTH }, { "nov", SEG_AB_MONTH }, { "dec", SEG_AB_MONTH },
	{ "inc", SEG_AB_SUFFIX }, { "ltd", SEG_AB_SUFFIX }, { "corp", SEG_AB_SUFFIX }, { "co", SEG_AB_SUFFIX },
	{ "jr", SEG_AB_SUFFIX }, { "sr", SEG_AB_SUFFIX }, { "bros", SEG_AB_SUFFIX }, { "plc", SEG_AB_SUFFIX },
	{ "dept", SEG_AB_SUFFIX }, { "govt", SEG_AB_SUFFIX }, { "univ", SEG_AB_SUFFIX }, { "assn", SEG_AB_SUFFIX },
	{ "intl", SEG_AB_SUFFIX }, { "natl", SEG_AB_SUFFIX }, { "mon", SEG_AB_SUFFIX }, { "tue", SEG_AB_SUFFIX },
	{ "tues", SEG_AB_SUFFIX }, { "wed", SEG_AB_SUFFIX }, { "thu", SEG_AB_SUFFIX }, { "thur", SEG_AB_SUFFIX },
	{ "thurs", SEG_AB_SUFFIX }, { "fri", SEG_AB_SUFFIX }, { "sat", SEG_AB_SUFFIX }, { "sun", SEG_AB_SUFFIX },
	{ "km", SEG_AB_SUFFIX }, { "bn", SEG_AB_SUFFIX }, { "mln", SEG_AB_SUFFIX }, { "min", SEG_AB_SUFFIX },
	{ "etc", SEG_AB_FREE }, { NULL, SEG_AB_NONE }
};

/* Words that typically begin a sentence after an ambiguous period. */
static const char *const starters[] = {
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On",
	"At", "But", "And", "Or", "So", "This", "That", "These", "Those", "There",
	"His", "Her", "Its", "Their", "Our", "Meanwhile", "However", "After",
	"Before", "When", "While", "If", "As", "According", "Last", "Earlier",
	"Later", "Both", "Some", "Many", "Officials", "Yet", "Still", "Then",
	"Since", "Under", "For", "With", "Despite", "Although", "Also", "Now",
	"Such", "What", "Why", "How", "Who", "No", "Not", "Each", "Most", NULL
};

enum seg_abbr seg_abbrev_kind(const char *w, size_t n)
{
	if (n > 6)
		return SEG_AB_NONE;
	char first = (char)(w[0] | 32);
	for (const abbr *a = abbreviations; a->word; a++)
		if (a->word[0] == first && strlen(a->word) == n && strncasecmp(a->word, w, n) == 0)
			return a->kind;
	return SEG_AB_NONE;
}

static bool next_is_starter(const char *t, size_t i, size_t e)
{
	bool opened = false;
	size_t o;
	for (int q = 0; q < 4 && i < e && (o = seg_opener_len(t, i, e)) != 0; q++) {
		i += o;
		opened = true;
	}
	if (i >= e)
		return false;
	seg_start k = seg_start_at(t, i, e);
	if (k == SS_CASELESS)
		return true;
	if (k != SS_UPPER)
		return false;
	if (opened)
		return true;          /* the U.S. "We ... */
	size_t w = i;
	while (w < e && w - i < 12 && (((t[w] | 32) >= 'a' && (t[w] | 32) <= 'z')))
		w++;
	if (w < e && (unsigned char)t[w] >= 0x80)
		return false;
	for (const char *const *s = starters; *s; s++)
		if (strlen(*s) == w - i && memcmp(*s, t + i, w - i) == 0)
			return true;
	return false;
}

bool seg_next_is_numberish(const char *t, size_t i, size_t e)
{
	if (i < e && t[i] >= '0' && t[i] <= '9')
		return true;
	/* Roman numerals: Vol. XII, No. IV */
	size_t w = i;
	while (w < e && w - i < 8 && strchr("IVXLC", t[w]) && t[w])
		w++;
	return w > i && (w >= e || !(((t[w] | 32) >= 'a' && (t[w] | 32) <= 'z')));
}

/* The word ending at the period t[dot]: [*ws, dot). */
static size_t word_before(const char *t, size_t s, size_t dot, size_t *ws)
{
	size_t w = dot;
	while (w > s && dot - w < 32) {
		unsigned char c = (unsigned char)t[w - 1];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == '[' ||
		    c == '"' || c == '/' || c == 0xA0 || c == 0x9C || c == 0x98 || c == 0xAB)
			break;         /* space, NBSP tail, opening “ ‘ « tails */
		w--;
	}
	*ws = w;
	return dot - w;
}

/* One upper-case letter of any script: a Cyrillic or Greek initial. */
static bool single_upper(const char *w, size_t n)
{
	if ((unsigned char)w[0] < 0x80 || n > 4)
		return false;
	utf8proc_int32_t cp;
	return utf8proc_iterate((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)n, &cp) == (utf8proc_ssize_t)n &&
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* Does the single period at t[dot] end a sentence, given the text at `next`? */
static bool period_ends(const char *t, size_t s, size_t dot, size_t next, size_t e)
{
	seg_start k = seg_start_at(t, next, e);
	if (k == SS_LOWER || k == SS_OTHER)
		return false;
	size_t w, n = word_before(t, s, dot, &w);
	if (n == 0 || n >= 32)
		return true;
	const char *word = t + w;
	if (w == s && n <= 2 && word[0] >= '0' && word[0] <= '9' && word[n - 1] >= '0' &&
	    word[n - 1] <= '9')
		return false;          /* "1." opening a sentence: a list number */
	if ((n == 1 && word[0] >= 'A' && word[0] <= 'Z') || single_upper(word, n))
		return next_is_starter(t, next, e);           /* initial */
	bool dotted = memchr(word, '.', n) != NULL, alpha = true;
	for (size_t i = 0; i < n; i++)
		if (word[i] != '.' && !((word[i] | 32) >= 'a' && (word[i] | 32) <= 'z'))
			alpha = false;
	if (dotted && alpha) {
		if ((n == 3 && (strncasecmp(word, "e.g", 3) == 0 || strncasecmp(word, "i.e", 3) == 0)))
			return false;
		return next_is_starter(t, next, e);           /* U.S. a.m. D.C. */
	}
	switch (seg_abbrev_kind(word, n)) {
	case SEG_AB_TITLE:
		return false;
	case SEG_AB_NUMBER:
		return !seg_next_is_numberish(t, next, e);
	case SEG_AB_MONTH:
		return k != SS_DIGIT;
	case SEG_AB_SUFFIX:
		return next_is_starter(t, next, e);
	case SEG_AB_FREE:
	case SEG_AB_NONE:
	default:
		return true;
	}
}

/* Interesting bytes: stops and the lead bytes of U+2026 and U+061F. */
static const unsigned char stop_byte[256] = {
	['.'] = 1, ['!'] = 1, ['?'] = 1, [0xE2] = 1, [0xD8] = 1,
};

/* Bytes of a stop at t[i] and whether it is an ellipsis. */
static size_t stop_len(const char *t, size_t i, size_t e, bool *ellipsis)
{
	unsigned char c = (unsigned char)t[i];
	*ellipsis = false;
	if (c == '.' || c == '!' || c == '?')
		return 1;
	if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
	    (unsigned char)t[i + 2] == 0xA6) {
		*ellipsis = true;
		return 3;
	}
	if (c == 0xD8 && i + 1 < e && (unsigned char)t[i + 1] == 0x9F)
		return 2;
	return 0;
}

/* A candidate boundary: stops [i, stops_end), closing marks up to j,
 * white space up to next. */
typedef struct cand {
	size_t i, stops_end, j, next;
	size_t periods, others, ellipses;
} cand;

/* Read the candidate at the stop t[c->i]; false if no space follows it. */
static bool read_candidate(const char *t, size_t e, cand *c)
{
	size_t j = c->i, n;
	bool ell;
	c->periods = c->others = c->ellipses = 0;
	while (j < e && (n = stop_len(t, j, e, &ell)) != 0) {
		c->periods += t[j] == '.';
		c->ellipses += ell;
		c->others += !ell && t[j] != '.';
		j += n;
	}
	c->stops_end = j;
	for (int q = 0; q < 4 && j < e && (n = seg_closer_len(t, j, e)) != 0; q++)
		j += n;
	c->j = j;
	if (j < e && !seg_space_len(t, j, e))
		return false;          /* 3.5, U.S.-led, "Why?", ... */
	while (j < e && (n = seg_space_len(t, j, e)) != 0)
		j += n;
	c->next = j;
	return true;
}

/* Does the candidate end the sentence that began at `cur`? */
static bool candidate_ends(const char *t, size_t cur, size_t e, const cand *c)
{
	if (c->next >= e)
		return true;
	if (c->others == 0 && c->ellipses == 0 && c->periods == 1)
		return period_ends(t, cur, c->i, c->next, e);
	seg_start k = seg_start_at(t, c->next, e);
	if (c->others == 0)        /* an ellipsis: only before a capital */
		return k == SS_UPPER || k == SS_CASELESS;
	return k != SS_LOWER && k != SS_OTHER;
}

int seg_split_run(const char *t, size_t s, size_t e, seg_emit_fn emit, void *ctx)
{
	size_t cur = s, i = s;
	int rc = 0;
	while (i < e && rc == 0) {
		/* skip ordinary bytes, eight at a time while a word holds no
		 * stop and no high byte (the other lead bytes are high) */
		while (i + 8 <= e) {
			uint64_t w = text_load8(t + i);
			if ((w & TEXT_HIGHS) || text_has_byte(w, '.') || text_has_byte(w, '!') ||
			    text_has_byte(w, '?'))
				break;
			i += 8;
		}
		while (i < e && !stop_byte[(unsigned char)t[i]])
			i++;
		bool ell;
		if (i >= e)
			break;
		if (!stop_len(t, i, e, &ell)) {
			i++;
			continue;
		}
		cand c = { .i = i };
		if (!read_candidate(t, e, &c)) {
			i = c.stops_end;
			continue;
		}
		if (candidate_ends(t, cur, e, &c)) {
			rc = emit(ctx, cur, c.j);
			cur = c.next;
		}
		i = c.next > c.j ? c.next : c.j;
	}
	if (rc == 0 && cur < e)
		rc = emit(ctx, cur, e);
	return rc;
}
