/*
 * cmd_sentences.c - `dyad sentences [FILE...]`: the text stage on its
 * own. One sentence a line, or JSON Lines with offsets.
 */
#include "cli.h"
#include "dyad/dyad.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

static const char usage_line[] = "[--format text|jsonl] [FILE...]";
static const char description[] =
	"Reads each FILE (standard input when none, or '-') as one document,\n"
	"repairs its encoding, and prints its sentences: one a line (text), or\n"
	"one JSON object a line with doc, index, start, end (byte offsets into\n"
	"the decoded text), paragraph and text (jsonl).";

/* Write a sentence on one line: inner line breaks become spaces. */
static void print_plain(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r' || c == '\t') {
			while (i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r' ||
			                     s[i + 1] == ' ' || s[i + 1] == '\t'))
				i++;
			c = ' ';
		}
		putchar(c);
	}
	putchar('\n');
}

/* "flags":["headline",...], only when some are set. */
static void put_flags(dyad_buf *line, uint32_t flags)
{
	static const char *const names[] = { "headline", "dateline", "bullet", "quote", "truncated" };
	if (!flags)
		return;
	dyad_buf_puts(line, "\"flags\":[");
	const char *sep = "";
	for (unsigned k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (flags & (1u << k)) {
			dyad_buf_printf(line, "%s\"%s\"", sep, names[k]);
			sep = ",";
		}
	}
	dyad_buf_puts(line, "],");
}

static int print_doc(dyad_doc *doc, bool jsonl, dyad_buf *line, dyad_diag *diag)
{
	size_t n, len;
	const char *text = dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	if (!s) {
		cli_error("%s: %s", dyad_doc_name(doc), dyad_error_last());
		return CLI_ERROR;
	}
	size_t cut = 0;
	for (size_t i = 0; i < n; i++)
		cut += (s[i].flags & DYAD_SENT_TRUNCATED) != 0;
	if (cut)
		dyad_diag_report(diag, DYAD_DIAG_NOTE, dyad_doc_name(doc),
		                 "%zu sentence piece(s) cut at the %d-byte sentence limit",
		                 cut, DYAD_SENTENCE_MAX_BYTES);
	for (size_t i = 0; i < n; i++) {
		const char *st = text + s[i].span.start;
		size_t sl = s[i].span.end - s[i].span.start;
		if (!jsonl) {
			print_plain(st, sl);
			continue;
		}
		dyad_buf_clear(line);
		dyad_buf_puts(line, "{\"doc\":\"");
		dyad_buf_json_str(line, dyad_doc_name(doc), strlen(dyad_doc_name(doc)));
		dyad_buf_printf(line, "\",\"index\":%zu,\"start\":%u,\"end\":%u,\"paragraph\":%u,",
		                i, s[i].span.start, s[i].span.end, s[i].paragraph);
		put_flags(line, s[i].flags);
		dyad_buf_puts(line, "\"text\":\"");
		dyad_buf_json_str(line, st, sl);
		if (dyad_buf_puts(line, "\"}\n")) {
			cli_error("%s", dyad_error_last());
			return CLI_ERROR;
		}
		fwrite(line->data, 1, line->len, stdout);
	}
	return CLI_OK;
}

int cmd_sentences(int argc, char **argv)
{
	const char *format = "text";
	bool strict = false;
	const cli_opt opts[] = {
		{ "format", 'f', CLI_STRING, &format, "FMT", "output format: text (default) or jsonl" },
		{ "strict", 0, CLI_FLAG, &strict, NULL, "fail on any repaired input" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	bool jsonl = strcmp(format, "jsonl") == 0;
	if (!jsonl && strcmp(format, "text") != 0) {
		cli_error("sentences: unknown format '%s' (text or jsonl)", format);
		return CLI_USAGE;
	}
	dyad_diag *diag = NULL;
	if (dyad_diag_new(&diag, dyad_diag_print_stderr, NULL, strict))
		return CLI_ERROR;
	char *stdin_only[] = { "-" };
	char **files = npos ? argv + 1 : stdin_only;
	int n = npos ? npos : 1, status = CLI_OK;
	dyad_buf line = DYAD_BUF_INIT;
	for (int i = 0; i < n; i++) {
		dyad_doc *doc = NULL;
		if (dyad_doc_from_file(&doc, files[i], diag)) {
			cli_error("%s", dyad_error_last());
			status = CLI_ERROR;
			continue;         /* the other files are still read */
		}
		if (dyad_doc_stats(doc)->binary) {
			/* already reported by the reader; its "sentences" would be noise */
			cli_error("%s: skipped", files[i]);
			status = CLI_ERROR;
		} else if (print_doc(doc, jsonl, &line, diag)) {
			status = CLI_ERROR;
		}
		dyad_doc_free(doc);
	}
	dyad_buf_release(&line);
	dyad_diag_free(diag);
	return status;
}
