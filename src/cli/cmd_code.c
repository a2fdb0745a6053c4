/*
 * cmd_code.c - `dyad code [FILE...]`: records (TABARI, JSON Lines or
 * plain text) in, events out (TSV, JSON Lines or PLOVER JSON Lines, see
 * include/dyad/output.h) with the interface field names.
 */
#include "cli.h"
#include "dyad/dyad.h"
#include "dyad/output.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"
#include "dyad/when.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

static const char usage_line[] =
	"[--input auto|tabari|jsonl|text] [--project FILE | --dict DIR] [--format tsv|jsonl|plover] [--strict] [FILE...]";
static const char description[] =
	"Codes each record of each FILE (standard input when none) into events\n"
	"source / target / CAMEO code, one a line. Dictionaries: a TABARI\n"
	"--project file, a --dict directory, or by default dyad's own data/.";

typedef struct run {
	dyad_pipeline *pipe;
	dyad_when_ctx *when;
	dyad_diag     *diag;
	dyad_writer   *out;
	dyad_events    evs;
	size_t         n_events;
} run;

static int code_file(run *r, const char *path, dyad_input_format fmt)
{
	dyad_reader *rd = NULL;
	if (dyad_reader_open(&rd, path, fmt, r->diag)) {
		cli_error("%s", dyad_error_last());
		return CLI_ERROR;
	}
	dyad_record rec = { 0 };
	int k, status = CLI_OK;
	while ((k = dyad_reader_next(rd, &rec)) == 1) {
		dyad_events_clear(&r->evs);
		if (dyad_pipeline_code_record(r->pipe, &rec, &r->evs) < 0) {
			cli_error("%s: %s", rec.origin ? rec.origin : path, dyad_error_last());
			status = CLI_ERROR;
			break;
		}
		size_t len;
		const char *text = dyad_pipeline_text(r->pipe, &len);
		dyad_event_ctx ctx = { 0 };
		ctx.doc_id = rec.id ? rec.id : path;
		ctx.doc_text = text;
		ctx.doc_len = len;
		ctx.pub_date = rec.date;
		ctx.outlet = rec.outlet;
		ctx.url = rec.url;
		ctx.title = rec.title;
		for (size_t i = 0; i < r->evs.count; i++) {
			const dyad_event *ev = &r->evs.items[i];
			ctx.sentence_span = dyad_pipeline_sentence(r->pipe, ev->sentence);
			int w = dyad_writer_event(r->out, ev, &ctx);
			if (w < 0) {
				cli_error("%s", dyad_error_last());
				status = CLI_ERROR;
				break;
			}
			if (w == 0)
				r->n_events++;
		}
		if (status)
			break;
	}
	if (k < 0) {
		cli_error("%s: %s", path, dyad_error_last());
		status = CLI_ERROR;
	}
	dyad_record_clear(&rec);
	dyad_reader_free(rd);
	return status;
}

static int load_lexicon(dyad_lexicon **lex, const char *project, const char *dict,
                        dyad_diag *diag)
{
	int rc;
	if (project)
		rc = dyad_lexicon_load_project(lex, project, diag);
	else if (dict)
		rc = dyad_lexicon_load_dir(lex, dict, diag);
	else
		rc = dyad_lexicon_load_default(lex, diag);
	if (rc)
		cli_error("code: dictionaries: %s", dyad_error_last());
	return rc;
}

int cmd_code(int argc, char **argv)
{
	const char *input = "auto", *project = NULL, *dict = NULL, *format = "tsv";
	bool strict = false, no_when = false;
	const cli_opt opts[] = {
		{ "input", 'i', CLI_STRING, &input, "FMT", "input format: auto (default), tabari, jsonl, text" },
		{ "project", 'p', CLI_STRING, &project, "FILE", "TABARI .project naming the dictionaries" },
		{ "dict", 'd', CLI_STRING, &dict, "DIR", "directory of dictionaries (default: dyad's data/)" },
		{ "format", 'f', CLI_STRING, &format, "FMT", "output: tsv (default), jsonl or plover" },
		{ "strict", 0, CLI_FLAG, &strict, NULL, "any dictionary or input problem is fatal" },
		{ "no-when", 0, CLI_FLAG, &no_when, NULL, "skip event dates, places, quantities and modality" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	int fmt = dyad_input_format_from_name(input);
	if (fmt < 0 || fmt > DYAD_INPUT_TEXT) {
		cli_error("code: unknown input format '%s' (auto, tabari, jsonl, text)", input);
		return CLI_USAGE;
	}
	int ofmt = dyad_output_format_from_name(format);
	if (ofmt < 0) {
		cli_error("code: unknown format '%s' (tsv, jsonl or plover)", format);
		return CLI_USAGE;
	}
	if (project && dict) {
		cli_error("code: give --project or --dict, not both");
		return CLI_USAGE;
	}
	run r = { 0 };
	dyad_lexicon *lex = NULL;
	int status = CLI_ERROR;
	if (dyad_diag_new(&r.diag, dyad_diag_print_stderr, NULL, strict))
		return CLI_ERROR;
	if (load_lexicon(&lex, project, dict, r.diag))
		goto done;
	if (dyad_pipeline_new(&r.pipe, lex, r.diag)) {
		cli_error("code: %s", dyad_error_last());
		goto done;
	}
	if (!no_when) {
		if (dyad_when_new(&r.when, NULL, r.diag)) {
			cli_error("code: %s (run with --no-when to code without dates and places)",
			          dyad_error_last());
			goto done;
		}
		dyad_pipeline_set_when(r.pipe, r.when);
	}
	if (dyad_writer_new(&r.out, stdout, (dyad_output_format)ofmt) || dyad_writer_header(r.out)) {
		cli_error("code: %s", dyad_error_last());
		status = CLI_ERROR;
		goto done;
	}
	char *stdin_only[] = { "-" };
	char **files = npos ? argv + 1 : stdin_only;
	int n = npos ? npos : 1;
	status = CLI_OK;
	for (int i = 0; i < n; i++)
		if (code_file(&r, files[i], (dyad_input_format)fmt))
			status = CLI_ERROR;
	if (strict && (dyad_diag_count(r.diag, DYAD_DIAG_WARNING) || dyad_diag_count(r.diag, DYAD_DIAG_ERROR)))
		status = CLI_ERROR;
done:
	dyad_events_release(&r.evs);
	dyad_writer_free(r.out);
	dyad_pipeline_free(r.pipe);
	dyad_when_free(r.when);
	dyad_lexicon_free(lex);
	dyad_diag_free(r.diag);
	return status;
}
