/*
 * cmd_dict.c - `dyad dict check [DIR...]` lints dictionary sets through
 * the real loader; `dyad dict lookup TEXT` shows which entries code a
 * name (on a date) or a verb phrase, with file:line.
 */
#include "cli.h"
#include "dyad/dyad.h"
#include "dyad/coder.h"
#include "dyad/lexicon.h"
#include "dyad/text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* check                                                               */

static void print_stdout(void *ctx, dyad_severity sev, const char *line)
{
	const bool *verbose = ctx;
	if (sev != DYAD_DIAG_NOTE || *verbose)
		printf("%s\n", line);
}

static int check_dir(const char *dir, bool allow_warnings, bool verbose, size_t *errors,
                     size_t *warnings)
{
	dyad_diag *diag = NULL;
	dyad_lexicon *lex = NULL;
	dyad_dict_check_stats st = { 0 };
	int status = CLI_ERROR;
	if (dyad_diag_new(&diag, print_stdout, &verbose, false))
		return CLI_ERROR;
	if (dyad_lexicon_load_dir(&lex, dir, diag)) {
		cli_error("dict check: %s: %s", dir, dyad_error_last());
		goto done;
	}
	/* what the loader could not read is an error of the dictionaries */
	size_t load_problems = dyad_diag_count(diag, DYAD_DIAG_WARNING) +
	                       dyad_diag_count(diag, DYAD_DIAG_ERROR);
	if (dyad_lexicon_check(lex, diag, &st)) {
		cli_error("dict check: %s", dyad_error_last());
		goto done;
	}
	st.errors += load_problems;
	printf("%s: %zu files, %zu phrases, %zu patterns: %zu error%s, %zu warning%s\n",
	       dir, st.files, st.phrases, st.patterns, st.errors, st.errors == 1 ? "" : "s",
	       st.warnings, st.warnings == 1 ? "" : "s");
	*errors += st.errors;
	*warnings += st.warnings;
	status = st.errors || (st.warnings && !allow_warnings) ? CLI_ERROR : CLI_OK;
done:
	dyad_lexicon_free(lex);
	dyad_diag_free(diag);
	return status;
}

static int dict_check(int argc, char **argv)
{
	bool allow_warnings = false, verbose = false;
	const cli_opt opts[] = {
		{ "verbose", 'v', CLI_FLAG, &verbose, NULL,
		  "also print notes (variants that read like another of their entry)" },
		{ "allow-warnings", 'w', CLI_FLAG, &allow_warnings, NULL,
		  "exit 0 when there are warnings but no errors" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, "[--allow-warnings] [--verbose] [DIR...]",
	                         "Loads each DIR (default data/) with dyad's dictionary loader and\n"
	                         "lints it: duplicates, conflicting codes, unknown CAMEO codes,\n"
	                         "malformed actor codes, overlapping or unordered dated roles, patterns\n"
	                         "shadowed by an identical one, words the tokenizer never produces.\n"
	                         "Prints file:line: severity: message and a summary per DIR; exits 1\n"
	                         "on errors, and on warnings unless --allow-warnings.", &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	char *dflt[] = { "data" };
	char **dirs = npos ? argv + 1 : dflt;
	int n = npos ? npos : 1;
	size_t errors = 0, warnings = 0;
	int status = CLI_OK;
	for (int i = 0; i < n; i++)
		if (check_dir(dirs[i], allow_warnings, verbose, &errors, &warnings))
			status = CLI_ERROR;
	return status;
}

/* ------------------------------------------------------------------ */
/* lookup                                                              */

/* Line `line` of `path` into buf ("" when unreadable). */
static void file_line(const char *path, unsigned line, char *buf, size_t cap)
{
	buf[0] = '\0';
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f)
		return;
	for (unsigned n = 1; fgets(buf, (int)cap, f); ) {
		size_t l = strlen(buf);
		bool whole = l && buf[l - 1] == '\n';
		if (n == line) {
			if (whole)
				buf[l - 1] = '\0';
			break;
		}
		if (whole)
			n++;
		buf[0] = '\0';
	}
	fclose(f);
}

static void print_info(const char *text, const dyad_mention_info *mi, const char *what)
{
	char entry[1024];
	printf("%-6s %-12s \"%.*s\"", what, mi->code[0] ? mi->code : "-",
	       (int)(mi->span.end - mi->span.start), text + mi->span.start);
	if (mi->file)
		printf("  %s:%u", mi->file, mi->line);
	file_line(mi->file, mi->line, entry, sizeof entry);
	if (entry[0] || mi->entry)
		printf("  %s", entry[0] ? entry : mi->entry);
	printf("\n");
}

/* Code `text` as one sentence; print its actors, verbs and events. */
static int lookup_text(const dyad_lexicon *lex, dyad_coder *coder, dyad_tokens *toks,
                       const char *text, bool verbs, size_t *n_events)
{
	dyad_events evs = { 0 };
	dyad_mention_info mi[64];
	int rc = dyad_tokenize(toks, text, strlen(text), 0);
	if (!rc)
		rc = dyad_coder_code_sentence(coder, text, dyad_tokens_array(toks),
		                              dyad_tokens_count(toks), 0, &evs);
	if (rc < 0) {
		cli_error("dict lookup: %s", dyad_error_last());
		dyad_events_release(&evs);
		return CLI_ERROR;
	}
	size_t n = dyad_coder_last_mentions(coder, mi, 64);
	for (size_t i = 0; i < n; i++)
		print_info(text, &mi[i], "actor");
	if (verbs) {
		n = dyad_coder_last_verbs(coder, mi, 64);
		for (size_t i = 0; i < n; i++)
			print_info(text, &mi[i], "verb");
	}
	for (size_t i = 0; i < evs.count; i++) {
		const dyad_event *ev = &evs.items[i];
		const char *file = NULL;
		unsigned line = 0;
		dyad_lexicon_pattern_source(lex, ev->pattern, &file, &line);
		printf("event  %s %s %s", ev->source, ev->target[0] ? ev->target : "-", ev->cameo);
		if (file)
			printf("  %s:%u", file, line);
		if (ev->pattern)
			printf("  %s", ev->pattern);
		printf("\n");
	}
	*n_events = evs.count;
	dyad_events_release(&evs);
	return CLI_OK;
}

static int load(dyad_lexicon **lex, const char *dict, dyad_diag *diag)
{
	int rc = dict ? dyad_lexicon_load_dir(lex, dict, diag) : dyad_lexicon_load_default(lex, diag);
	if (rc)
		cli_error("dict lookup: dictionaries: %s", dyad_error_last());
	return rc;
}

static int dict_lookup(int argc, char **argv)
{
	const char *date = NULL, *dict = NULL;
	bool verb = false;
	const cli_opt opts[] = {
		{ "date", 0, CLI_STRING, &date, "YYYY-MM-DD", "date selecting dated roles (default: today)" },
		{ "dict", 'd', CLI_STRING, &dict, "DIR", "directory of dictionaries (default: dyad's data/)" },
		{ "verb", 0, CLI_FLAG, &verb, NULL,
		  "TEXT is a verb phrase: show the verb entries and the patterns that fire" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, "[--date DATE] [--dict DIR] [--verb] TEXT",
	                         "Codes TEXT as one sentence and prints each actor (code on DATE,\n"
	                         "file:line and the entry that produced it) and, with --verb, each\n"
	                         "verb entry and the pattern of each event. A verb phrase without\n"
	                         "actors is also tried between placeholder actors (Algeria ... Russia).",
	                         &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1) {
		cli_error("dict lookup: give one TEXT (quote it)");
		return CLI_USAGE;
	}
	dyad_date d = { 0 };
	if (date) {
		if (dyad_date_parse(&d, date, strlen(date))) {
			cli_error("dict lookup: bad --date '%s' (YYYY-MM-DD)", date);
			return CLI_USAGE;
		}
	} else {
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		d.year = (int16_t)(tm.tm_year + 1900);
		d.month = (uint8_t)(tm.tm_mon + 1);
		d.day = (uint8_t)tm.tm_mday;
	}
	dyad_diag *diag = NULL;
	dyad_lexicon *lex = NULL;
	dyad_coder *coder = NULL;
	dyad_tokens *toks = NULL;
	int status = CLI_ERROR;
	if (dyad_diag_new(&diag, dyad_diag_print_stderr, NULL, false) || load(&lex, dict, diag) ||
	    dyad_coder_new(&coder, lex) || dyad_tokens_new(&toks))
		goto done;
	dyad_coder_begin_document(coder, d);
	size_t n_events = 0;
	const char *text = argv[1];
	status = lookup_text(lex, coder, toks, text, verb, &n_events);
	if (!status && verb && !n_events) {
		char wrapped[2048];
		snprintf(wrapped, sizeof wrapped, "Algeria %s Russia", text);
		printf("-- no event; between placeholder actors: %s\n", wrapped);
		dyad_coder_begin_document(coder, d);
		status = lookup_text(lex, coder, toks, wrapped, verb, &n_events);
	}
done:
	dyad_tokens_free(toks);
	dyad_coder_free(coder);
	dyad_lexicon_free(lex);
	dyad_diag_free(diag);
	return status;
}

int cmd_dict(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "check") == 0)
		return dict_check(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "lookup") == 0)
		return dict_lookup(argc - 1, argv + 1);
	FILE *f = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr;
	fprintf(f, "usage: dyad dict check [--allow-warnings] [DIR...]\n"
	           "       dyad dict lookup [--date DATE] [--dict DIR] [--verb] TEXT\n\n"
	           "check: lint dictionary directories (default data/).\n"
	           "lookup: which dictionary entries code TEXT, on DATE.\n");
	return f == stdout ? CLI_OK : CLI_USAGE;
}
