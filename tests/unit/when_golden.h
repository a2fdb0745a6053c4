/*
 * when_golden.h - helpers shared by the golden runners of the dates,
 * places, quantities and modality stages (header-only, static functions;
 * included by one test file each).
 *
 * Golden files are lines of fields separated by " | "; '#' starts a
 * comment line. Events are built by hand: the verb (and optional source
 * and target) are words of the sentence, "word@2" meaning the second
 * occurrence.
 *
 * Include after <cmocka.h>: g_run() and g_verb_event() assert.
 */
#ifndef DYAD_WHEN_GOLDEN_H
#define DYAD_WHEN_GOLDEN_H

#include "dyad/event.h"
#include "dyad/text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define G_FIELDS 8

typedef struct g_line {
	char  buf[2048];
	char *f[G_FIELDS];
	int   nf;
	int   lineno;
} g_line;

/* Next data line of `fp`, split into fields; 0 at end of file. */
static int g_next(FILE *fp, g_line *l)
{
	while (fgets(l->buf, sizeof(l->buf), fp)) {
		l->lineno++;
		size_t len = strlen(l->buf);
		while (len && (l->buf[len - 1] == '\n' || l->buf[len - 1] == '\r'))
			l->buf[--len] = 0;
		if (!len || l->buf[0] == '#')
			continue;
		l->nf = 0;
		char *p = l->buf;
		while (p && l->nf < G_FIELDS) {
			char *sep = strstr(p, " | ");
			if (sep)
				*sep = 0;
			while (*p == ' ')
				p++;
			size_t n = strlen(p);
			while (n && p[n - 1] == ' ')
				p[--n] = 0;
			l->f[l->nf++] = p;
			p = sep ? sep + 3 : NULL;
		}
		return 1;
	}
	return 0;
}

static FILE *g_open(const char *rel)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", DYAD_SOURCE_DIR, rel);
	FILE *fp = fopen(path, "r");
	if (!fp)
		fprintf(stderr, "cannot open %s\n", path);
	return fp;
}

/* Case-insensitive compare of a token's text with a word. */
static int g_tok_is(const char *text, const dyad_token *t, const char *w, size_t wl)
{
	size_t len = t->span.end - t->span.start;
	if (len != wl)
		return 0;
	for (size_t k = 0; k < len; k++)
		if (tolower((unsigned char)text[t->span.start + k]) != tolower((unsigned char)w[k]))
			return 0;
	return 1;
}

/* The span of "word" or "word@N" in the tokens; {0,0} when absent. */
static dyad_span g_find_word(const char *text, const dyad_token *t, size_t n, const char *spec)
{
	dyad_span none = { 0, 0 };
	if (!spec || !*spec || !strcmp(spec, "-"))
		return none;
	const char *at = strchr(spec, '@');
	size_t wl = at ? (size_t)(at - spec) : strlen(spec);
	int want = at ? (int)strtol(at + 1, NULL, 10) : 1;
	/* Multi-word specs ("Algerian army") span several tokens. */
	char first[128];
	const char *sp = memchr(spec, ' ', wl);
	size_t fl = sp ? (size_t)(sp - spec) : wl;
	if (fl >= sizeof(first))
		return none;
	memcpy(first, spec, fl);
	first[fl] = 0;
	for (size_t i = 0; i < n; i++) {
		if (!g_tok_is(text, &t[i], first, fl) || --want > 0)
			continue;
		dyad_span s = t[i].span;
		if (sp) {
			const char *end = text + t[i].span.start;
			size_t k = i;
			while (k < n && (size_t)(t[k].span.end - t[i].span.start) < wl)
				k++;
			if (k < n && !strncasecmp(end, spec, wl))
				s.end = t[k].span.end;
		}
		return s;
	}
	return none;
}

/*
 * One golden case of line `l` of `file`: true when it passes; otherwise
 * the checker prints what it got and wanted. `toks` is scratch space for
 * tokenizing the case's text.
 */
typedef bool (*g_check_fn)(const char *file, const g_line *l, dyad_tokens *toks);

/* Run `check` on every case of `file` (each at least `min_fields` fields),
 * print `stage`'s score for the file and add it to *pass_out, *total_out. */
static void g_run(const char *stage, const char *file, int min_fields, g_check_fn check,
                  int *pass_out, int *total_out)
{
	FILE *fp = g_open(file);
	assert_non_null(fp);
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	g_line l = { .lineno = 0 };
	int total = 0, pass = 0;
	while (g_next(fp, &l)) {
		assert_true(l.nf >= min_fields);
		total++;
		pass += check(file, &l, toks);
	}
	fclose(fp);
	dyad_tokens_free(toks);
	fprintf(stderr, "%s: %s %d/%d passed (%.1f%%)\n", stage, file, pass, total,
	        total ? 100.0 * pass / total : 0.0);
	*pass_out += pass;
	*total_out += total;
}

/* Tokenize `text` into `toks` and make `ev` an empty event whose verb is
 * the word `verb` ("word" or "word@N") of the text, which must be there. */
static void g_verb_event(dyad_tokens *toks, const char *text, const char *verb, dyad_event *ev)
{
	assert_int_equal(dyad_tokenize(toks, text, strlen(text), 0), 0);
	dyad_event_init(ev);
	ev->verb_span = g_find_word(text, dyad_tokens_array(toks), dyad_tokens_count(toks), verb);
	assert_true(ev->verb_span.end > ev->verb_span.start);
}

#endif
