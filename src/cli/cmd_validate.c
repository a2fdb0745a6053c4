/*
 * cmd_validate.c - `dyad validate PROJECT`: run the text file a TABARI
 * project names as a validation suite. Each record's comment holds the
 * expected events `{ SRC / TGT / CODE }`, or `{---}` (nothing coded),
 * `{+++}` (complex), `{###}` (discarded), or `{ OPTION: ... }` lines that
 * change the options for the records that follow. The suite ends at the
 * record saying "end of the standard validation records".
 */
#include "cli.h"
#include "dyad/dyad.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] = "[--report-only] [--quiet] [--strict] PROJECT";
static const char description[] =
	"Loads the dictionaries a TABARI .project names, codes each record of\n"
	"its <textfile> and compares the events with those its comment expects.\n"
	"Prints each mismatch (sentence, expected, produced) and ends with the\n"
	"line 'N passed, N failed'. Exit status 1 on any failure unless\n"
	"--report-only.";

#define MAX_EXP 64

typedef struct expect {
	char   ev[MAX_EXP][96];
	size_t n;
	bool   any;          /* the comment had an expectation */
	bool   complex, discard, none;
	int    forward;      /* FORWARD option seen: 1 on, -1 off, 0 none */
} expect;

static size_t trim(const char **s, size_t n)
{
	while (n && (**s == ' ' || **s == '\t')) { (*s)++; n--; }
	while (n && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t')) n--;
	return n;
}

/* "SRC / TGT / CODE" -> "SRC TGT CODE" */
static bool parse_event(const char *s, size_t n, char *out, size_t cap)
{
	const char *f[3];
	size_t fl[3], k = 0, st = 0;
	for (size_t i = 0; i <= n && k < 3; i++)
		if (i == n || s[i] == '/') {
			f[k] = s + st;
			fl[k] = trim(&f[k], i - st);
			k++;
			st = i + 1;
		}
	if (k != 3 || !fl[0] || !fl[2])
		return false;
	snprintf(out, cap, "%.*s %.*s %.*s", (int)fl[0], f[0], (int)fl[1], f[1], (int)fl[2], f[2]);
	return true;
}

static int parse_comment(const char *c, expect *e, dyad_lexicon *lex, const char *where,
                         dyad_diag *diag)
{
	memset(e, 0, sizeof *e);
	if (!c)
		return 0;
	for (const char *p = c; (p = strchr(p, '{')) != NULL;) {
		const char *close = strchr(p, '}');
		/* OPTION records sometimes lack the closing brace */
		const char *nl = strchr(p, '\n');
		const char *end = close ? close : (nl ? nl : p + strlen(p));
		if (nl && nl < end)
			end = nl;
		bool disabled = p > c && p[-1] == '-';
		const char *b = p + 1;
		size_t n = trim(&b, (size_t)(end - b));
		p = end;
		if (n >= 7 && strncmp(b, "OPTION:", 7) == 0) {
			const char *fw = strstr(b, "FORWARD:");
			if (fw && fw < b + n)
				e->forward = strstr(fw, "OFF") && strstr(fw, "OFF") < b + n ? -1 : 1;
			char *line = dyad_strndup(b + 7, n - 7);
			if (!line)
				return -1;
			int rc = dyad_lexicon_set_option(lex, line, where, diag);
			dyad_free(line);
			if (rc)
				return rc;
			continue;
		}
		if (disabled) {
			e->any = true;
			continue;
		}
		char buf[16];
		size_t k = 0;
		for (size_t i = 0; i < n && k < sizeof buf - 1; i++)
			if (b[i] != ' ')
				buf[k++] = b[i];
		buf[k] = '\0';
		if (!strcmp(buf, "+++")) { e->complex = e->any = true; continue; }
		if (!strcmp(buf, "###")) { e->discard = e->any = true; continue; }
		if (!strcmp(buf, "---")) { e->none = e->any = true; continue; }
		if (e->n < MAX_EXP && parse_event(b, n, e->ev[e->n], sizeof e->ev[0])) {
			e->n++;
			e->any = true;
		}
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

static void print_text(const char *s, size_t n)
{
	fputs("  sentence: ", stdout);
	for (size_t i = 0; i < n; i++)
		putchar(s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
	putchar('\n');
}

typedef struct vstate {
	bool           forward;       /* FORWARD: records of a story are one document */
	char           story[128];    /* id of the previous record without "-SSS" */
	dyad_lexicon  *lex;
	dyad_pipeline *pipe;
	dyad_diag     *diag;
	size_t         pass, fail;
	bool           quiet;
} vstate;

/* Returns 1 at the end marker, 0 otherwise, <0 on error. */
static int check_record(vstate *v, dyad_record *rec, dyad_events *evs)
{
	if (rec->text && strstr(rec->text, "is the end of the standard validation records"))
		return 1;
	expect e;
	const char *where = rec->origin ? rec->origin : rec->id;
	int rc = parse_comment(rec->comment, &e, v->lex, where, v->diag);
	if (rc)
		return rc;
	if (e.forward)
		v->forward = e.forward > 0;
	/* FORWARD: "FRWD-001-002" continues the story of "FRWD-001-001" */
	char story[128] = "";
	const char *id = rec->id ? rec->id : "";
	const char *dash = strrchr(id, '-');
	if (dash && (size_t)(dash - id) < sizeof story)
		memcpy(story, id, (size_t)(dash - id));
	bool same = v->forward && story[0] && strcmp(story, v->story) == 0;
	memcpy(v->story, story, sizeof story);
	dyad_pipeline_set_flags(v->pipe, DYAD_PIPE_ONE_SENTENCE | (same ? DYAD_PIPE_SAME_DOCUMENT : 0));
	if (!e.any)
		return 0;
	dyad_events_clear(evs);
	rc = dyad_pipeline_code_record(v->pipe, rec, evs);
	if (rc < 0)
		return rc;
	static char got[256][96];
	size_t ng = 0;
	for (size_t i = 0; i < evs->count && ng < 256; i++)
		snprintf(got[ng++], sizeof got[0], "%s %s %s", evs->items[i].source,
		         evs->items[i].target, evs->items[i].cameo);
	qsort(e.ev, e.n, sizeof e.ev[0], cmp_str);
	qsort(got, ng, sizeof got[0], cmp_str);
	bool ok = ng == e.n;
	for (size_t i = 0; ok && i < ng; i++)
		ok = strcmp(got[i], e.ev[i]) == 0;
	if (ok) {
		v->pass++;
		return 0;
	}
	v->fail++;
	if (v->quiet)
		return 0;
	printf("FAIL %s (%s)\n", rec->id ? rec->id : "?", where ? where : "");
	size_t len;
	const char *t = dyad_pipeline_text(v->pipe, &len);
	print_text(t, len);
	printf("  expected:");
	if (!e.n)
		printf(" %s", e.complex ? "{+++}" : e.discard ? "{###}" : "{---}");
	for (size_t i = 0; i < e.n; i++)
		printf(" {%s}", e.ev[i]);
	printf("\n  produced:");
	if (!ng)
		printf(" nothing");
	for (size_t i = 0; i < ng; i++)
		printf(" {%s}", got[i]);
	printf("\n");
	for (size_t i = 0; i < evs->count; i++)
		if (evs->items[i].pattern)
			printf("  pattern: %s\n", evs->items[i].pattern);
	return 0;
}

int cmd_validate(int argc, char **argv)
{
	bool report_only = false, quiet = false, strict = false;
	const cli_opt opts[] = {
		{ "report-only", 0, CLI_FLAG, &report_only, NULL, "exit 0 even when records fail" },
		{ "quiet", 'q', CLI_FLAG, &quiet, NULL, "print only the summary line" },
		{ "strict", 0, CLI_FLAG, &strict, NULL, "stop at the first dictionary problem" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1) {
		cli_error("validate: give one PROJECT file");
		return CLI_USAGE;
	}
	vstate v = { .quiet = quiet };
	dyad_reader *rd = NULL;
	char *textfile = NULL;
	dyad_events evs = { 0 };
	dyad_record rec = { 0 };
	int status = CLI_ERROR;
	if (dyad_diag_new(&v.diag, dyad_diag_print_stderr, NULL, strict))
		return CLI_ERROR;
	if (dyad_lexicon_load_project(&v.lex, argv[1], v.diag) ||
	    dyad_project_file(argv[1], "textfile", &textfile) ||
	    dyad_pipeline_new(&v.pipe, v.lex, v.diag) ||
	    dyad_reader_open(&rd, textfile, DYAD_INPUT_TABARI, v.diag)) {
		cli_error("validate: %s", dyad_error_last());
		goto done;
	}
	dyad_pipeline_set_flags(v.pipe, DYAD_PIPE_ONE_SENTENCE);
	int r;
	while ((r = dyad_reader_next(rd, &rec)) == 1) {
		int k = check_record(&v, &rec, &evs);
		if (k < 0) {
			cli_error("validate: %s", dyad_error_last());
			goto done;
		}
		if (k == 1)
			break;
	}
	if (r < 0) {
		cli_error("validate: %s", dyad_error_last());
		goto done;
	}
	printf("%zu passed, %zu failed\n", v.pass, v.fail);
	status = (v.fail && !report_only) ? CLI_ERROR : CLI_OK;
done:
	dyad_record_clear(&rec);
	dyad_events_release(&evs);
	dyad_reader_free(rd);
	dyad_free(textfile);
	dyad_pipeline_free(v.pipe);
	dyad_lexicon_free(v.lex);
	dyad_diag_free(v.diag);
	return status;
}
