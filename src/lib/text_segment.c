/*
 * text_segment.c - sentence segmentation of news prose.
 *
 * Paragraphs are separated by blank lines; a paragraph is split after
 * . ! ? (and closing quotes/brackets after them) when the next word
 * starts a sentence, unless the period ends a known abbreviation, an
 * initial or a number.
 */
#include "text_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>
#include <strings.h>

static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt",
	"sgt", "adm", "cmdr", "gov", "sen", "rep", "pres", "st", "jr", "sr", "no",
	"jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
	"vs", "etc", "inc", "ltd", "corp", "co", "mt", "ft", "rev", "hon", "brig",
	"u.s", "u.n", "u.k", "e.u", NULL
};

static bool is_abbrev(const char *w, size_t n)
{
	for (const char *const *a = abbreviations; *a; a++)
		if (strlen(*a) == n && strncasecmp(*a, w, n) == 0)
			return true;
	return false;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

typedef struct seglist {
	dyad_sentence *items;
	size_t n, cap;
} seglist;

static int add(seglist *l, const char *t, size_t s, size_t e, uint32_t para)
{
	while (s < e && is_space(t[s]))
		s++;
	while (e > s && is_space(t[e - 1]))
		e--;
	if (s == e)
		return 0;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		dyad_sentence *p = dyad_reallocarray(l->items, cap, sizeof(*p));
		if (!p)
			return DYAD_ENOMEM;
		l->items = p;
		l->cap = cap;
	}
	l->items[l->n].span.start = (uint32_t)s;
	l->items[l->n].span.end = (uint32_t)e;
	l->items[l->n].paragraph = para;
	l->items[l->n].flags = 0;
	l->n++;
	return 0;
}

/* Does the period at `dot` end a sentence? */
static bool period_ends(const char *t, size_t len, size_t dot, size_t next)
{
	size_t w = dot;
	while (w > 0 && !is_space(t[w - 1]) && t[w - 1] != '(' && t[w - 1] != '"')
		w--;
	size_t wl = dot - w;
	if (wl == 1 && t[w] >= 'A' && t[w] <= 'Z')
		return false;                       /* initial: George W. Bush */
	if (wl && is_abbrev(t + w, wl))
		return false;
	if (next >= len)
		return true;
	unsigned char c = (unsigned char)t[next];
	return !(c >= 'a' && c <= 'z');        /* lower-case continuation */
}

int dyad_text_segment(const char *t, size_t len, dyad_sentence **out, size_t *n_out)
{
	seglist l = { 0 };
	size_t start = 0;
	uint32_t para = 0;
	int rc = 0;
	for (size_t i = 0; i < len && rc == 0; i++) {
		char c = t[i];
		if (c == '\n' || c == '\r') {
			/* A blank line ends the paragraph (and the sentence). */
			size_t j = i + 1, breaks = 1;
			while (j < len && is_space(t[j])) {
				if (t[j] == '\n' || (t[j] == '\r' && !(j > 0 && t[j - 1] == '\r' && 0)))
					breaks += !(t[j] == '\n' && t[j - 1] == '\r');
				j++;
			}
			if (breaks >= 2) {
				rc = add(&l, t, start, i, para);
				para++;
				start = j;
				i = j - 1;
			}
			continue;
		}
		if (c != '.' && c != '!' && c != '?')
			continue;
		size_t j = i + 1;
		while (j < len && (t[j] == '.' || t[j] == '!' || t[j] == '?'))
			j++;
		while (j < len && (t[j] == '"' || t[j] == '\'' || t[j] == ')' ||
		                   (unsigned char)t[j] >= 0x80)) {
			if ((unsigned char)t[j] >= 0x80) {
				/* closing typographic quote ” or ’ (E2 80 9D / E2 80 99) */
				if (j + 2 < len && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 &&
				    ((unsigned char)t[j + 2] == 0x9D || (unsigned char)t[j + 2] == 0x99)) {
					j += 3;
					continue;
				}
				break;
			}
			j++;
		}
		if (j < len && !is_space(t[j]))
			continue;
		size_t next = j;
		while (next < len && is_space(t[next]))
			next++;
		if (c == '.' && j == i + 1 && !period_ends(t, len, i, next))
			continue;
		rc = add(&l, t, start, j, para);
		start = j;
		i = j - 1;
	}
	if (rc == 0)
		rc = add(&l, t, start, len, para);
	if (rc) {
		dyad_free(l.items);
		return rc;
	}
	*out = l.items;
	*n_out = l.n;
	return 0;
}
