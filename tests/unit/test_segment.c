/*
 * test_segment.c - runs the golden sentence-boundary cases of
 * tests/golden/sentences/ (*.txt files) through the reader and segmenter.
 *
 * File format (see tests/golden/sentences/README.md):
 *   @@ name                 starts a case (@@crlf / @@cr: line endings
 *                           of the input become CRLF / CR)
 *   input lines ...         the document, blank lines included
 *   > sentence              each expected sentence, in order, with inner
 *   >{headline,quote} s     white space collapsed; {flags} when flagged
 * Lines starting with '#' before a case's input are comments.
 * Every case is checked; failures are printed with what was produced,
 * and the test fails when any case fails or fewer than 150 ran.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <cmocka.h>

#include "dyad/text.h"

#define MIN_CASES 150

typedef struct gcase {
	char name[160];
	char *input;          /* malloc'd */
	size_t input_len;
	char **want;          /* "flags|text" strings */
	size_t n_want;
	const char *file;
	int line;
} gcase;

static const char *const flag_names[] = { "headline", "dateline", "bullet", "quote", "truncated" };

/* The sentence as "flags|text" with white space runs collapsed. */
static char *render(const char *text, const dyad_sentence *s)
{
	size_t n = s->span.end - s->span.start, o = 0;
	char *r = malloc(n + 64);
	assert_non_null(r);
	const char *sep = "";
	for (unsigned k = 0; k < 5; k++)
		if (s->flags & (1u << k)) {
			o += (size_t)snprintf(r + o, 64 - o, "%s%s", sep, flag_names[k]);
			sep = ",";
		}
	r[o++] = '|';
	const char *p = text + s->span.start;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			while (i + 1 < n && (p[i + 1] == ' ' || p[i + 1] == '\n' || p[i + 1] == '\r' ||
			                     p[i + 1] == '\t'))
				i++;
			c = ' ';
		}
		r[o++] = c;
	}
	r[o] = '\0';
	return r;
}

/* "> text" or ">{a,b} text" -> "a,b|text" */
static char *expected(const char *line)
{
	const char *flags = "", *text = line + 1;
	size_t fl = 0;
	if (*text == '{') {
		flags = text + 1;
		const char *close = strchr(text, '}');
		assert_non_null(close);
		fl = (size_t)(close - flags);
		text = close + 1;
	}
	if (*text == ' ')
		text++;
	size_t tl = strlen(text);
	char *r = malloc(fl + tl + 2);
	assert_non_null(r);
	memcpy(r, flags, fl);
	r[fl] = '|';
	memcpy(r + fl + 1, text, tl + 1);
	return r;
}

static int run_case(const gcase *c)
{
	dyad_doc *doc = NULL;
	assert_int_equal(dyad_doc_from_bytes(&doc, c->name, c->input, c->input_len, NULL), 0);
	size_t n, len;
	const char *text = dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	assert_non_null(s);
	bool ok = n == c->n_want;
	char **got = calloc(n + 1, sizeof(*got));
	assert_non_null(got);
	for (size_t i = 0; i < n; i++) {
		got[i] = render(text, &s[i]);
		if (ok && strcmp(got[i], c->want[i]) != 0)
			ok = false;
	}
	if (!ok) {
		fprintf(stderr, "FAIL %s:%d %s\n", c->file, c->line, c->name);
		for (size_t i = 0; i < c->n_want; i++)
			fprintf(stderr, "  want %s\n", c->want[i]);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "  got  %s\n", got[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(got[i]);
	free(got);
	dyad_doc_free(doc);
	return ok;
}

static void convert_endings(gcase *c, const char *mode)
{
	if (strcmp(mode, "crlf") == 0) {
		char *p = malloc(c->input_len * 2 + 1);
		assert_non_null(p);
		size_t o = 0;
		for (size_t i = 0; i < c->input_len; i++) {
			if (c->input[i] == '\n')
				p[o++] = '\r';
			p[o++] = c->input[i];
		}
		p[o] = '\0';
		free(c->input);
		c->input = p;
		c->input_len = o;
	} else if (strcmp(mode, "cr") == 0) {
		for (size_t i = 0; i < c->input_len; i++)
			if (c->input[i] == '\n')
				c->input[i] = '\r';
	}
}

static void free_case(gcase *c)
{
	free(c->input);
	for (size_t i = 0; i < c->n_want; i++)
		free(c->want[i]);
	free(c->want);
	memset(c, 0, sizeof(*c));
}

/* Finish the case being read: trim its input and run it. */
static void finish(gcase *c, char *mode, size_t *runs, size_t *fails)
{
	while (c->input_len && c->input[c->input_len - 1] == '\n')
		c->input[--c->input_len] = '\0';
	convert_endings(c, mode);
	(*runs)++;
	if (!run_case(c))
		(*fails)++;
	free_case(c);
}

static void run_file(const char *path, const char *fname, size_t *runs, size_t *fails)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char buf[8192], mode[16] = "";
	gcase c = { 0 };
	bool in_case = false;
	int lineno = 0;
	while (fgets(buf, sizeof(buf), f)) {
		lineno++;
		size_t bl = strlen(buf);
		if (strncmp(buf, "@@", 2) == 0) {
			if (in_case)
				finish(&c, mode, runs, fails);
			in_case = true;
			c.file = fname;
			c.line = lineno;
			const char *sp = strchr(buf, ' ');
			size_t ml = sp ? (size_t)(sp - buf - 2) : 0;
			snprintf(mode, sizeof(mode), "%.*s", (int)(ml < 15 ? ml : 15), buf + 2);
			snprintf(c.name, sizeof(c.name), "%.*s", (int)(bl - 1 > 158 ? 158 : bl - 1), buf);
			continue;
		}
		if (!in_case)
			continue;
		if (buf[0] == '>') {
			if (bl && buf[bl - 1] == '\n')
				buf[--bl] = '\0';
			c.want = realloc(c.want, (c.n_want + 1) * sizeof(*c.want));
			assert_non_null(c.want);
			c.want[c.n_want++] = expected(buf);
			continue;
		}
		if (c.n_want)
			continue;     /* text after the expectations: ignored */
		if (c.input_len == 0 && (buf[0] == '#' || buf[0] == '\n'))
			continue;     /* comments and leading blank lines */
		c.input = realloc(c.input, c.input_len + bl + 1);
		assert_non_null(c.input);
		memcpy(c.input + c.input_len, buf, bl + 1);
		c.input_len += bl;
	}
	if (in_case)
		finish(&c, mode, runs, fails);
	fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden_sentences(void **state)
{
	(void)state;
	const char *dir = DYAD_SOURCE_DIR "/tests/golden/sentences";
	DIR *d = opendir(dir);
	assert_non_null(d);
	char *names[256];
	size_t nn = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL && nn < 256) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0)
			names[nn++] = strdup(de->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof(*names), cmp_str);
	size_t runs = 0, fails = 0;
	for (size_t i = 0; i < nn; i++) {
		char path[1024];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		run_file(path, names[i], &runs, &fails);
		free(names[i]);
	}
	printf("golden sentences: %zu cases, %zu passed, %zu failed\n", runs, runs - fails, fails);
	assert_int_equal(fails, 0);
	assert_true(runs >= MIN_CASES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_sentences),
	};
	return cmocka_run_group_tests_name("segment", tests, NULL, NULL);
}
