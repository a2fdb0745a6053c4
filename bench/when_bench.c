/*
 * when_bench.c - throughput of the when stage (dates, places, quantities,
 * modality) on a file of one sentence a line:
 *   bench_when FILE [RUNS]
 * Every line is tokenized and given two events (verbs on its middle and
 * last word, as stand-ins for the coder's), then annotated. Every
 * DOC_LINES lines make one document (dyad_when_set_document), the line's
 * index in it the events' sentence, so the carrying of dates and places
 * across sentences (docs/internals/dates.md) is paid for. Each run
 * starts again from the raw lines: nothing is cached between sentences
 * or runs. Prints sentences/s of CPU time (median run) and the gazetteer
 * load time.
 */
#include "dyad/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DOC_LINES 20   /* sentences per document: a short news article */

static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_when FILE [RUNS]\n");
		return 2;
	}
	int runs = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 3;
	if (runs < 1 || runs > 20)
		runs = 3;
	FILE *fp = fopen(argv[1], "rb");
	if (!fp) {
		fprintf(stderr, "bench_when: cannot open %s\n", argv[1]);
		return 1;
	}
	static char line[65536];
	size_t cap = 1 << 20, used = 0;
	char *all = malloc(cap);
	while (all && fgets(line, sizeof(line), fp)) {
		size_t n = strlen(line);
		if (used + n + 1 > cap) {
			char *p = realloc(all, cap *= 2);
			if (!p) {
				free(all);
				all = NULL;
				break;
			}
			all = p;
		}
		memcpy(all + used, line, n);
		used += n;
	}
	fclose(fp);
	if (!all)
		return 1;
	double t0 = cpu();
	dyad_when_ctx *w = NULL;
	if (dyad_when_new(&w, NULL, NULL)) {
		fprintf(stderr, "bench_when: %s\n", dyad_error_last());
		return 1;
	}
	double load = cpu() - t0;
	const char countries[][4] = { "DZA", "RUS" };
	dyad_date pub = { 2022, 11, 20 };
	dyad_tokens *toks = NULL;
	dyad_tokens_new(&toks);
	double times[20];
	size_t sentences = 0, dated = 0, placed = 0;
	for (int r = 0; r < runs; r++) {
		sentences = dated = placed = 0;
		uint32_t at = 0;
		double a = cpu();
		for (size_t off = 0; off < used; at++) {
			if (at % DOC_LINES == 0)
				dyad_when_set_document(w, pub, pub, countries, 2);
			const char *nl = memchr(all + off, '\n', used - off);
			size_t len = nl ? (size_t)(nl - (all + off)) : used - off;
			dyad_tokenize(toks, all + off, len, (uint32_t)off);
			size_t n = dyad_tokens_count(toks);
			const dyad_token *t = dyad_tokens_array(toks);
			if (n) {
				dyad_event ev[2];
				dyad_event_init(&ev[0]);
				dyad_event_init(&ev[1]);
				ev[0].sentence = ev[1].sentence = at % DOC_LINES;
				ev[0].verb_span = t[n / 2].span;
				ev[1].verb_span = t[n - 1].span;
				dyad_when_annotate(w, all, t, n, ev, 2);
				dated += ev[0].date_precision != DYAD_PREC_REPORTED;
				placed += ev[0].place_name[0] != 0;
				sentences++;
			}
			off += len + 1;
		}
		times[r] = cpu() - a;
	}
	qsort(times, (size_t)runs, sizeof(double), cmp_double);
	double med = times[runs / 2];
	printf("input: %s, %zu sentences, %.1f MB (median of %d runs, CPU time)\n", argv[1], sentences,
	       (double)used / 1e6, runs);
	printf("gazetteer load:   %.1f ms (%zu names)\n", load * 1e3,
	       dyad_gazetteer_size(dyad_when_gazetteer(w)));
	printf("tokenize+annotate: %.0f sentences/s, %.1f MB/s (%zu events dated, %zu placed)\n",
	       (double)sentences / med, (double)used / 1e6 / med, dated, placed);
	dyad_tokens_free(toks);
	dyad_when_free(w);
	free(all);
	return 0;
}
