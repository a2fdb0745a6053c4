/*
 * coder_bench.c - coder throughput: load the dictionaries of a TABARI
 * project (timed separately), then read and code every record of a
 * TABARI/JSONL/text file on one thread. Reports sentences per CPU-second
 * (reading, decoding, segmentation, tokenization and coding; dictionary
 * load excluded), load time and peak RSS.
 *
 * usage: coder_bench PROJECT CORPUS
 */
#include "dyad/dyad.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"

#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double wall_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: coder_bench PROJECT CORPUS\n");
		return 2;
	}
	dyad_diag *diag = NULL;
	if (dyad_diag_new(&diag, NULL, NULL, false))
		return 1;
	double c0 = cpu_now(), w0 = wall_now();
	dyad_lexicon *lex = NULL;
	if (dyad_lexicon_load_project(&lex, argv[1], diag)) {
		fprintf(stderr, "coder_bench: %s\n", dyad_error_last());
		return 1;
	}
	double load_cpu = cpu_now() - c0, load_wall = wall_now() - w0;
	dyad_pipeline *pipe = NULL;
	dyad_reader *rd = NULL;
	if (dyad_pipeline_new(&pipe, lex, diag) ||
	    dyad_reader_open(&rd, argv[2], DYAD_INPUT_AUTO, diag)) {
		fprintf(stderr, "coder_bench: %s\n", dyad_error_last());
		return 1;
	}
	dyad_events evs = { 0 };
	dyad_record rec = { 0 };
	size_t events = 0;
	double c1 = cpu_now(), w1 = wall_now();
	while (dyad_reader_next(rd, &rec) == 1) {
		dyad_events_clear(&evs);
		int n = dyad_pipeline_code_record(pipe, &rec, &evs);
		if (n < 0) {
			fprintf(stderr, "coder_bench: %s\n", dyad_error_last());
			return 1;
		}
		events += (size_t)n;
	}
	double cpu = cpu_now() - c1, wall = wall_now() - w1;
	const dyad_pipeline_stats *st = dyad_pipeline_stats_get(pipe);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("dictionaries: %s (%zu phrases, %zu verbs, %zu patterns)\n", argv[1],
	       dyad_lexicon_count(lex, 0), dyad_lexicon_count(lex, 1), dyad_lexicon_count(lex, 2));
	printf("load: %.3f s CPU, %.3f s wall\n", load_cpu, load_wall);
	printf("records: %zu  sentences: %zu  events: %zu\n", st->records, st->sentences, events);
	printf("coding: %.3f s CPU, %.3f s wall\n", cpu, wall);
	printf("throughput: %.0f sentences per CPU-second\n", cpu > 0 ? (double)st->sentences / cpu : 0.0);
	printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	dyad_record_clear(&rec);
	dyad_events_release(&evs);
	dyad_reader_free(rd);
	dyad_pipeline_free(pipe);
	dyad_lexicon_free(lex);
	dyad_diag_free(diag);
	return 0;
}
