/*
 * text_bench.c - throughput of the text stage on one core.
 *
 * usage: bench_text FILE [RUNS]
 *
 * Reads FILE into memory once, then RUNS times (default 3): decodes it
 * into a fresh document (dyad_doc_from_bytes), segments it and tokenizes
 * every sentence. Each run starts from the raw bytes, so nothing computed
 * in one run is reused by the next. Times are CPU time of this process
 * (CLOCK_PROCESS_CPUTIME_ID); the median run is reported in MB/s
 * (10^6 bytes of input per second).
 */
#include "dyad/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "bench_text: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 20, n = 0, k;
	char *buf = malloc(cap);
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			char *p = realloc(buf, cap * 2);
			if (!p) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = p;
			cap *= 2;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

typedef struct run {
	double decode, segment, tokenize;
	size_t sentences, tokens;
} run;

static int one_run(const char *bytes, size_t len, dyad_tokens *toks, run *r)
{
	dyad_doc *doc = NULL;
	double t0 = cpu_now();
	if (dyad_doc_from_bytes(&doc, "bench", bytes, len, NULL))
		return -1;
	double t1 = cpu_now();
	size_t n, tl;
	const char *text = dyad_doc_text(doc, &tl);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	double t2 = cpu_now();
	size_t tokens = 0;
	for (size_t i = 0; s && i < n; i++) {
		if (dyad_tokenize(toks, text + s[i].span.start, s[i].span.end - s[i].span.start,
		                  s[i].span.start))
			break;
		tokens += dyad_tokens_count(toks);
	}
	double t3 = cpu_now();
	r->decode = t1 - t0;
	r->segment = t2 - t1;
	r->tokenize = t3 - t2;
	r->sentences = n;
	r->tokens = tokens;
	dyad_doc_free(doc);
	return s ? 0 : -1;
}

static int by_total(const void *a, const void *b)
{
	const run *x = a, *y = b;
	double tx = x->segment + x->tokenize, ty = y->segment + y->tokenize;
	return (tx > ty) - (tx < ty);
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: bench_text FILE [RUNS]\n");
		return 2;
	}
	long runs = 3;
	if (argc == 3) {
		char *end;
		runs = strtol(argv[2], &end, 10);
		if (*end || runs < 1 || runs > 100) {
			fprintf(stderr, "bench_text: RUNS must be 1..100\n");
			return 2;
		}
	}
	size_t len;
	char *bytes = slurp(argv[1], &len);
	if (!bytes)
		return 1;
	dyad_tokens *toks = NULL;
	run r[100];
	if (dyad_tokens_new(&toks)) {
		free(bytes);
		return 1;
	}
	for (long i = 0; i < runs; i++) {
		if (one_run(bytes, len, toks, &r[i])) {
			fprintf(stderr, "bench_text: %s\n", dyad_error_last());
			return 1;
		}
	}
	qsort(r, (size_t)runs, sizeof(r[0]), by_total);
	const run *m = &r[runs / 2];
	double mb = (double)len / 1e6;
	printf("input: %s, %.1f MB, %zu sentences, %zu tokens (median of %ld runs, CPU time)\n",
	       argv[1], mb, m->sentences, m->tokens, runs);
	printf("decode (UTF-8 check/repair):   %8.1f MB/s\n", mb / m->decode);
	printf("segmentation:                  %8.1f MB/s\n", mb / m->segment);
	printf("tokenization:                  %8.1f MB/s\n", mb / m->tokenize);
	printf("segmentation + tokenization:   %8.1f MB/s\n", mb / (m->segment + m->tokenize));
	printf("decode + segment + tokenize:   %8.1f MB/s\n",
	       mb / (m->decode + m->segment + m->tokenize));
	dyad_tokens_free(toks);
	free(bytes);
	return 0;
}
