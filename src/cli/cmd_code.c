/*
 * cmd_code.c - `dyad code [FILE...]`: records (TABARI, JSON Lines or
 * plain text) in, events out (TSV or JSON Lines) with the interface
 * field names of include/dyad/event.h.
 *
 * The event writer here is deliberately small: when the `io` helper's
 * output module (include/dyad/output.h) is merged, `write_event` is the
 * one place to switch over to it.
 */
#include "cli.h"
#include "dyad/dyad.h"
#include "dyad/cameo.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

static const char usage_line[] =
	"[--input auto|tabari|jsonl|text] [--project FILE | --dict DIR] [--format tsv|jsonl] [--strict] [FILE...]";
static const char description[] =
	"Codes each record of each FILE (standard input when none) into events\n"
	"source / target / CAMEO code, one a line. Dictionaries: a TABARI\n"
	"--project file, a --dict directory, or by default dyad's own data/.";

static const char *const tsv_header =
	"doc\tsentence\tdate\tsource\ttarget\tcameo\troot\tquad\tgoldstein\tplover\t"
	"source_text\ttarget_text\tverb_text\tpattern\ttext\n";

static void span_text(dyad_buf *b, const char *text, size_t len, dyad_span sp, bool json)
{
	if (sp.end <= sp.start || sp.end > len)
		return;
	if (json) {
		dyad_buf_json_str(b, text + sp.start, sp.end - sp.start);
		return;
	}
	for (uint32_t i = sp.start; i < sp.end; i++) {
		char c = text[i];
		dyad_buf_putc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
	}
}

static void tsv_str(dyad_buf *b, const char *s)
{
	for (; s && *s; s++)
		dyad_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static int write_event(dyad_buf *b, const dyad_event *ev, const char *doc,
                       const char *text, size_t len, dyad_span sent, bool json)
{
	const dyad_cameo_info *ci = dyad_cameo_lookup(ev->cameo);
	char date[16];
	dyad_date_format(date, sizeof date, ev->date);
	char root[3] = { ev->cameo[0], ev->cameo[1], 0 };
	int quad = ci ? ci->quad : dyad_cameo_root_quad(ev->cameo);
	dyad_buf_clear(b);
	if (json) {
		dyad_buf_puts(b, "{\"doc\":\"");
		dyad_buf_json_str(b, doc, strlen(doc));
		dyad_buf_printf(b, "\",\"sentence\":%u,\"date\":\"%s\",\"date_precision\":\"%s\","
		                "\"source\":\"", ev->sentence, date,
		                dyad_precision_name((dyad_date_precision)ev->date_precision));
		dyad_buf_json_str(b, ev->source, strlen(ev->source));
		dyad_buf_puts(b, "\",\"target\":\"");
		dyad_buf_json_str(b, ev->target, strlen(ev->target));
		dyad_buf_puts(b, "\",\"cameo\":\"");
		dyad_buf_json_str(b, ev->cameo, strlen(ev->cameo));
		dyad_buf_printf(b, "\",\"root\":\"%s\",\"quad\":%d,", ci ? ci->root : root, quad);
		if (ci)
			dyad_buf_printf(b, "\"goldstein\":%.1f,\"plover\":\"%s\",", ci->goldstein, ci->plover);
		else
			dyad_buf_puts(b, "\"goldstein\":null,\"plover\":\"\",");
		dyad_buf_printf(b, "\"modality\":\"%s\",\"source_text\":\"",
		                dyad_modality_name((dyad_modality)ev->modality));
		span_text(b, text, len, ev->source_span, true);
		dyad_buf_puts(b, "\",\"target_text\":\"");
		span_text(b, text, len, ev->target_span, true);
		dyad_buf_puts(b, "\",\"verb_text\":\"");
		span_text(b, text, len, ev->verb_span, true);
		dyad_buf_puts(b, "\",\"pattern\":\"");
		if (ev->pattern)
			dyad_buf_json_str(b, ev->pattern, strlen(ev->pattern));
		dyad_buf_puts(b, "\",\"text\":\"");
		span_text(b, text, len, sent, true);
		return dyad_buf_puts(b, "\"}\n");
	}
	tsv_str(b, doc);
	dyad_buf_printf(b, "\t%u\t%s\t%s\t%s\t%s\t%s\t%d\t", ev->sentence, date, ev->source,
	                ev->target, ev->cameo, ci ? ci->root : root, quad);
	if (ci)
		dyad_buf_printf(b, "%.1f\t%s\t", ci->goldstein, ci->plover);
	else
		dyad_buf_puts(b, "\t\t");
	span_text(b, text, len, ev->source_span, false);
	dyad_buf_putc(b, '\t');
	span_text(b, text, len, ev->target_span, false);
	dyad_buf_putc(b, '\t');
	span_text(b, text, len, ev->verb_span, false);
	dyad_buf_putc(b, '\t');
	tsv_str(b, ev->pattern);
	dyad_buf_putc(b, '\t');
	span_text(b, text, len, sent, false);
	return dyad_buf_putc(b, '\n');
}

/* The sentence span of an event: from the events' sentence index. */
static dyad_span sentence_span(const char *text, size_t len, const dyad_event *ev)
{
	/* the verb lies inside the sentence: widen to the nearest stops */
	uint32_t s = ev->verb_span.start, e = ev->verb_span.end;
	if (ev->source_span.end && ev->source_span.start < s)
		s = ev->source_span.start;
	while (s > 0 && !(text[s - 1] == '\n' && s > 1 && text[s - 2] == '\n') &&
	       !((text[s - 1] == ' ' || text[s - 1] == '\n') && s > 1 &&
	         (text[s - 2] == '.' || text[s - 2] == '!' || text[s - 2] == '?')))
		s--;
	while (e < len && text[e] != '.' && text[e] != '!' && text[e] != '?' &&
	       !(text[e] == '\n' && e + 1 < len && text[e + 1] == '\n'))
		e++;
	if (e < len)
		e++;
	return (dyad_span){ s, e };
}

typedef struct run {
	dyad_pipeline *pipe;
	dyad_diag     *diag;
	bool           json;
	dyad_events    evs;
	dyad_buf       line;
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
		const char *doc = rec.id ? rec.id : path;
		for (size_t i = 0; i < r->evs.count; i++) {
			const dyad_event *ev = &r->evs.items[i];
			if (write_event(&r->line, ev, doc, text, len, sentence_span(text, len, ev), r->json)) {
				cli_error("%s", dyad_error_last());
				status = CLI_ERROR;
				break;
			}
			fwrite(r->line.data, 1, r->line.len, stdout);
			r->n_events++;
		}
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
	bool strict = false;
	const cli_opt opts[] = {
		{ "input", 'i', CLI_STRING, &input, "FMT", "input format: auto (default), tabari, jsonl, text" },
		{ "project", 'p', CLI_STRING, &project, "FILE", "TABARI .project naming the dictionaries" },
		{ "dict", 'd', CLI_STRING, &dict, "DIR", "directory of dictionaries (default: dyad's data/)" },
		{ "format", 'f', CLI_STRING, &format, "FMT", "output: tsv (default) or jsonl" },
		{ "strict", 0, CLI_FLAG, &strict, NULL, "any dictionary or input problem is fatal" },
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
	bool json = strcmp(format, "jsonl") == 0;
	if (!json && strcmp(format, "tsv") != 0) {
		cli_error("code: unknown format '%s' (tsv or jsonl)", format);
		return CLI_USAGE;
	}
	if (project && dict) {
		cli_error("code: give --project or --dict, not both");
		return CLI_USAGE;
	}
	run r = { .json = json };
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
	if (!json)
		fputs(tsv_header, stdout);
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
	dyad_buf_release(&r.line);
	dyad_pipeline_free(r.pipe);
	dyad_lexicon_free(lex);
	dyad_diag_free(r.diag);
	return status;
}
