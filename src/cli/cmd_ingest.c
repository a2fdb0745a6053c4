/*
 * cmd_ingest.c - `dyad ingest [--db FILE] PATH|URL...`: articles from
 * files, directories, exports and feeds into the event store.
 */
#include "cli.h"
#include "dyad/cameo.h"
#include "dyad/coder.h"
#include "dyad/dyad.h"
#include "dyad/ingest.h"
#include "dyad/store.h"
#include "dyad/when.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage_line[] =
	"[--db FILE] [--follow] [--input FMT] [--dict DIR|--project FILE] PATH|URL...";
static const char description[] =
	"Reads articles - plain text, HTML pages, JSON Lines ({\"id\",\"url\",\"title\",\n"
	"\"date\",\"source\",\"text\"}), TABARI records, PETRARCH XML, RSS/Atom feeds -\n"
	"from files, directories (recursively) and http(s) URLs, and stores them\n"
	"in the event store: exact duplicates are recorded once with their extra\n"
	"sources, near duplicates linked, English documents coded into mentions\n"
	"and events. Inputs that cannot be read go to the store's `rejected`\n"
	"table with the error; the run goes on. Running it again on the same\n"
	"input changes nothing, and resumes after an interrupted run.";

/* The coder and the when stage (dates, places, modality, quantities). */
typedef struct stages {
	dyad_coder    *coder;
	dyad_when_ctx *when;
	dyad_date      today;
} stages;

static void coder_begin(void *ctx, dyad_date date)
{
	stages *st = ctx;
	dyad_coder_begin_document(st->coder, date);
	if (st->when)
		dyad_when_set_document(st->when, date, st->today, NULL, 0);
}

static int coder_code(void *ctx, const char *text, const dyad_token *toks, size_t n,
                      uint32_t idx, dyad_events *out)
{
	return dyad_coder_code_sentence(((stages *)ctx)->coder, text, toks, n, idx, out);
}

static int when_annotate(void *ctx, const char *text, const dyad_token *toks, size_t n,
                         dyad_event *events, size_t n_events)
{
	return dyad_when_annotate(((stages *)ctx)->when, text, toks, n, events, n_events);
}

static void coder_attrs(void *ctx, const char *cameo, dyad_code_attrs *out)
{
	(void)ctx;
	const dyad_cameo_info *ci = dyad_cameo_lookup(cameo);
	dyad_code_attrs_default(out, cameo);   /* quad from the root when unknown */
	if (!ci)
		return;
	out->goldstein = ci->goldstein;
	out->quad = ci->quad;
	out->plover = ci->plover[0] ? ci->plover : NULL;
}

/* Worker threads by default: one per core beyond the writer's. */
static long default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 2 ? n - 1 : 1;
}

/* One coder and when stage per thread (the writer's first), sharing the
 * lexicon, which coding only reads. */
static int make_stages(stages *stg, dyad_ingest_coder *ic, size_t n, const dyad_lexicon *lex,
                       dyad_diag *diag)
{
	for (size_t i = 0; i < n; i++) {
		stg[i].today = dyad_date_today();
		if (dyad_coder_new(&stg[i].coder, lex)) {
			cli_error("ingest: %s", dyad_error_last());
			return -1;
		}
		/* without its gazetteer the when stage is skipped, not the ingest */
		if (dyad_when_new(&stg[i].when, NULL, i ? NULL : diag)) {
			if (i == 0)
				cli_error("ingest: dates and places not annotated: %s", dyad_error_last());
			stg[i].when = NULL;
		}
		/* as dyad code's pipeline does: attacked cities are targets */
		dyad_coder_set_gazetteer(stg[i].coder, stg[i].when ? dyad_when_gazetteer(stg[i].when) : NULL);
		ic[i] = (dyad_ingest_coder){ &stg[i], coder_begin, coder_code,
		                             stg[i].when ? when_annotate : NULL, coder_attrs,
		                             dyad_lexicon_fingerprint(lex) };
	}
	return 0;
}

static void free_stages(stages *stg, size_t n)
{
	for (size_t i = 0; stg && i < n; i++) {
		dyad_when_free(stg[i].when);
		dyad_coder_free(stg[i].coder);
	}
	free(stg);
}

static int load_lexicon(dyad_lexicon **lex, const char *dict, const char *project, dyad_diag *diag)
{
	int rc = project ? dyad_lexicon_load_project(lex, project, diag)
	       : dict ? dyad_lexicon_load_dir(lex, dict, diag)
	       : dyad_lexicon_load_default(lex, diag);
	if (rc)
		cli_error("ingest: dictionaries: %s", dyad_error_last());
	return rc;
}

static void print_summary(const dyad_ingest_stats *st, dyad_store *store, bool coded,
                          long threads)
{
	dyad_store_counts c;
	printf("documents: %zu read, %zu new (%zu near-duplicate), %zu duplicate, "
	       "%zu already stored, %zu non-English (stored, not coded), %zu rejected\n",
	       st->read, st->added, st->near_duplicate, st->duplicate, st->seen,
	       st->non_english, st->rejected);
	if (st->coded_later)
		printf("coded:     %zu documents stored earlier without coding\n", st->coded_later);
	printf("sentences: %zu stored (%zu repeated in their document, coded once)%s\n",
	       st->sentences, st->repeated_sentences, coded ? "" : "; not coded (--no-code)");
	printf("mentions:  %zu coded, %zu skipped (no source actor or code)\n",
	       st->mentions, st->skipped_events);
	if (dyad_store_counts_get(store, &c) == 0)
		printf("store:     %lld documents, %lld sentences, %lld mentions, %lld events, "
		       "%lld rejected inputs\n", (long long)c.documents, (long long)c.sentences,
		       (long long)c.mentions, (long long)c.events, (long long)c.rejected);
	if (threads)
		printf("cpu:       %.2f s reading and writing the store, %.2f s preparing and coding "
		       "(busiest of %ld worker thread%s)\n", st->cpu_writer_s, st->cpu_worker_s,
		       threads, threads == 1 ? "" : "s");
	else
		printf("cpu:       %.2f s (one thread)\n", st->cpu_writer_s);
}

int cmd_ingest(int argc, char **argv)
{
	const char *db = "dyad.db", *input = NULL, *dict = NULL, *project = NULL;
	bool follow = false, no_code = false, quiet = false;
	long batch = 1000, timeout = 20, threads = default_threads();
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db)" },
		{ "follow", 0, CLI_FLAG, &follow, NULL, "fetch the article each feed item links to" },
		{ "input", 'i', CLI_STRING, &input, "FMT", "auto (default), text, html, jsonl, tabari, petrarch, feed" },
		{ "dict", 0, CLI_STRING, &dict, "DIR", "dictionary directory (default: dyad's data/)" },
		{ "project", 0, CLI_STRING, &project, "FILE", "TABARI .project naming the dictionaries" },
		{ "batch", 0, CLI_INT, &batch, "N", "documents per transaction (default 1000)" },
		{ "timeout", 0, CLI_INT, &timeout, "SECONDS", "per URL fetch (default 20)" },
		{ "threads", 'j', CLI_INT, &threads, "N", "worker threads coding while the store is written (default: cores - 1, at least 1; 0: none)" },
		{ "no-code", 0, CLI_FLAG, &no_code, NULL, "store documents and sentences without coding" },
		{ "quiet", 'q', CLI_FLAG, &quiet, NULL, "no summary, no per-input messages" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos == 0) {
		cli_error("ingest: nothing to ingest (give files, directories or URLs)");
		return CLI_USAGE;
	}
	int fmt = input ? dyad_input_format_from_name(input) : DYAD_INPUT_AUTO;
	if (fmt < 0 || batch < 1 || timeout < 1) {
		cli_error("ingest: bad %s", fmt < 0 ? "--input format" : batch < 1 ? "--batch" : "--timeout");
		return CLI_USAGE;
	}
	if (threads < 0 || threads > DYAD_INGEST_MAX_THREADS) {
		cli_error("ingest: bad --threads: 0 to %d", DYAD_INGEST_MAX_THREADS);
		return CLI_USAGE;
	}
	int status = CLI_ERROR;
	dyad_diag *diag = NULL;
	dyad_lexicon *lex = NULL;
	size_t n_stages = (size_t)threads + 1;
	stages *stg = NULL;
	dyad_ingest_coder *ic = NULL;
	dyad_store *store = NULL;
	dyad_ingest *ing = NULL;
	if (dyad_diag_new(&diag, quiet ? NULL : dyad_diag_print_stderr, NULL, false))
		goto done;
	if (!no_code) {
		if (load_lexicon(&lex, dict, project, diag))
			goto done;
		stg = calloc(n_stages, sizeof(*stg));
		ic = calloc(n_stages, sizeof(*ic));
		if (!stg || !ic) {
			cli_error("ingest: out of memory");
			goto done;
		}
		if (make_stages(stg, ic, n_stages, lex, diag))
			goto done;
	}
	if (dyad_store_open(&store, db)) {
		cli_error("ingest: %s", dyad_error_last());
		goto done;
	}
	dyad_ingest_opts io = { .format = (dyad_input_format)fmt, .follow = follow,
	                        .batch = (size_t)batch, .threads = (size_t)threads,
	                        .coder = ic, .diag = diag };
	io.fetch.timeout_s = timeout;
	if (dyad_ingest_new(&ing, store, &io)) {
		cli_error("ingest: %s", dyad_error_last());
		goto done;
	}
	for (int i = 1; i <= npos; i++) {
		if (dyad_ingest_path(ing, argv[i])) {
			cli_error("ingest: %s: %s", argv[i], dyad_error_last());
			goto done;
		}
	}
	if (dyad_ingest_finish(ing)) {
		cli_error("ingest: %s", dyad_error_last());
		goto done;
	}
	if (!quiet)
		print_summary(dyad_ingest_stats_get(ing), store, !no_code, threads);
	status = CLI_OK;
done:
	dyad_ingest_free(ing);
	dyad_store_free(store);
	free_stages(stg, n_stages);
	free(ic);
	dyad_lexicon_free(lex);
	dyad_diag_free(diag);
	return status;
}
