/*
 * icu_compare.c - dyad's sentence segmenter against ICU's sentence break
 * iterator (the alternative weighed in docs/internals/text.md).
 *
 * usage: icu_compare GOLDEN_DIR [CORPUS_FILE]
 *
 * 1. Runs every case of GOLDEN_DIR/ *.txt (format: tests/golden/sentences/
 *    README.md) through dyad and through ICU with locales "en_US" and
 *    "en_US@ss=standard" (ICU's English abbreviation suppressions), and
 *    counts the cases whose sentence texts (white space collapsed; flags
 *    ignored, ICU has none) are all right.
 * 2. With CORPUS_FILE: CPU time to find all sentence boundaries, MB/s.
 * Built only when ICU's development files are installed; not a test.
 */
#include "dyad/text.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#define MAX_SENT 64

typedef struct result {
	char *s[MAX_SENT];
	size_t n;
} result;

static const char *const locales[] = { "en_US", "en_US@ss=standard" };

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Copy [p, p+n) with white space runs collapsed and trimmed. */
static char *collapse(const char *p, size_t n)
{
	char *r = malloc(n + 1);
	size_t o = 0;
	if (!r)
		exit(1);
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		bool sp = c == ' ' || c == '\n' || c == '\r' || c == '\t';
		if (sp && (o == 0 || r[o - 1] == ' '))
			continue;
		r[o++] = sp ? ' ' : c;
	}
	while (o && r[o - 1] == ' ')
		o--;
	r[o] = '\0';
	return r;
}

static void add(result *r, const char *p, size_t n)
{
	char *s = collapse(p, n);
	if (!*s || r->n == MAX_SENT) {
		free(s);
		return;
	}
	r->s[r->n++] = s;
}

static void clear(result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->s[i]);
	r->n = 0;
}

static void run_icu(UBreakIterator *bi, const char *text, size_t len, result *r)
{
	UErrorCode e = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &e);
	ubrk_setUText(bi, ut, &e);
	int32_t prev = ubrk_first(bi);
	for (int32_t p = ubrk_next(bi); p != UBRK_DONE; prev = p, p = ubrk_next(bi))
		add(r, text + prev, (size_t)(p - prev));
	utext_close(ut);
}

static void run_dyad(const char *text, size_t len, result *r)
{
	dyad_doc *doc = NULL;
	if (dyad_doc_from_bytes(&doc, "case", text, len, NULL))
		exit(1);
	size_t n, tl;
	const char *t = dyad_doc_text(doc, &tl);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	for (size_t i = 0; s && i < n; i++)
		add(r, t + s[i].span.start, s[i].span.end - s[i].span.start);
	dyad_doc_free(doc);
}

static bool same(const result *a, const result *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->s[i], b->s[i]) != 0)
			return false;
	return true;
}

typedef struct tally {
	size_t cases, right[3];
	UBreakIterator *bi[2];
} tally;

static void judge(tally *t, const char *input, size_t len, result *want)
{
	result got = { 0 };
	t->cases++;
	run_dyad(input, len, &got);
	t->right[0] += same(&got, want);
	clear(&got);
	for (int k = 0; k < 2; k++) {
		run_icu(t->bi[k], input, len, &got);
		t->right[k + 1] += same(&got, want);
		clear(&got);
	}
}

/* Read one golden file; CRLF/CR cases are converted as the runner does. */
static void golden_file(tally *t, const char *path)
{
	FILE *f = fopen(path, "rb");
	char line[8192], *in = NULL, mode[8] = "";
	size_t il = 0;
	bool in_case = false;
	result want = { 0 };
	if (!f)
		return;
	for (;;) {
		char *ok = fgets(line, sizeof(line), f);
		if (!ok || strncmp(line, "@@", 2) == 0) {
			if (in_case) {
				while (il && in[il - 1] == '\n')
					il--;
				for (size_t i = 0; i < il && strcmp(mode, "cr") == 0; i++)
					if (in[i] == '\n')
						in[i] = '\r';
				judge(t, in, il, &want);
				clear(&want);
				il = 0;
			}
			if (!ok)
				break;
			in_case = true;
			snprintf(mode, sizeof(mode), "%.*s", (int)strcspn(line + 2, " \n"), line + 2);
			continue;
		}
		if (!in_case)
			continue;
		size_t n = strlen(line);
		if (line[0] == '>') {
			const char *s = line + 1;
			if (*s == '{')
				s = strchr(s, '}') + 1;
			add(&want, s, strlen(s));
		} else if (!want.n && !(il == 0 && (line[0] == '#' || line[0] == '\n'))) {
			in = realloc(in, il + n * 2 + 1);
			if (!in)
				exit(1);
			for (size_t i = 0; i < n; i++) {
				if (line[i] == '\n' && strcmp(mode, "crlf") == 0)
					in[il++] = '\r';
				in[il++] = line[i];
			}
		}
	}
	free(in);
	fclose(f);
}

static void corpus(tally *t, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	char *b = malloc((size_t)n + 1);
	if (!b || fread(b, 1, (size_t)n, f) != (size_t)n)
		exit(1);
	fclose(f);
	double mb = (double)n / 1e6;
	dyad_doc *doc = NULL;
	if (dyad_doc_from_bytes(&doc, path, b, (size_t)n, NULL))
		exit(1);
	size_t ns;
	double t0 = cpu_now();
	dyad_doc_sentences(doc, &ns);
	double t1 = cpu_now();
	printf("corpus %s (%.1f MB), CPU time:\n  dyad segmentation:        %8.1f MB/s, %zu sentences\n",
	       path, mb, mb / (t1 - t0), ns);
	dyad_doc_free(doc);
	for (int k = 0; k < 2; k++) {
		UErrorCode e = U_ZERO_ERROR;
		UText *ut = utext_openUTF8(NULL, b, n, &e);
		size_t cnt = 0;
		t0 = cpu_now();
		ubrk_setUText(t->bi[k], ut, &e);
		for (int32_t p = ubrk_first(t->bi[k]); p != UBRK_DONE; p = ubrk_next(t->bi[k]))
			cnt++;
		t1 = cpu_now();
		utext_close(ut);
		printf("  ICU %-20s  %8.1f MB/s, %zu sentences\n", locales[k], mb / (t1 - t0), cnt - 1);
	}
	free(b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: icu_compare GOLDEN_DIR [CORPUS_FILE]\n");
		return 2;
	}
	tally t = { 0 };
	for (int k = 0; k < 2; k++) {
		UErrorCode e = U_ZERO_ERROR;
		t.bi[k] = ubrk_open(UBRK_SENTENCE, locales[k], NULL, 0, &e);
		if (U_FAILURE(e)) {
			fprintf(stderr, "icu_compare: ubrk_open(%s): %s\n", locales[k], u_errorName(e));
			return 1;
		}
	}
	DIR *d = opendir(argv[1]);
	if (!d) {
		perror(argv[1]);
		return 1;
	}
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
	for (size_t i = 0; i < nn; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", argv[1], names[i]);
		golden_file(&t, path);
		free(names[i]);
	}
	printf("golden cases with every sentence right (texts only, flags ignored), of %zu:\n", t.cases);
	printf("  dyad:                     %zu\n", t.right[0]);
	for (int k = 0; k < 2; k++)
		printf("  ICU %-20s  %zu\n", locales[k], t.right[k + 1]);
	if (argc == 3)
		corpus(&t, argv[2]);
	for (int k = 0; k < 2; k++)
		ubrk_close(t.bi[k]);
	return 0;
}
