/*
 * cmd_why.c - `dyad why EVENT_ID`: the sentences, spans and patterns
 * behind an event. Also used by `dyad search` to show what each hit coded.
 */
#include "cli.h"
#include "cli_store.h"
#include "dyad/cameo.h"
#include "dyad/dyad.h"
#include "dyad/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_line[] = "[--db FILE] EVENT_ID";
static const char description[] =
	"Explains an event: for each mention, the document, the sentence with\n"
	"the source [S: ...], target [T: ...] and verb [V: ...] marked, the\n"
	"codes, the dictionary pattern that fired and the dictionary version.";

/* Print the sentence with the three spans marked. Spans are document
 * offsets; the sentence starts at `base`. */
static void print_marked(const char *text, uint32_t base, const dyad_mention_row *m)
{
	struct { int64_t s, e; const char *tag; } sp[3] = {
		{ m->src_start, m->src_end, "S" }, { m->tgt_start, m->tgt_end, "T" },
		{ m->verb_start, m->verb_end, "V" } };
	size_t len = strlen(text);
	fputs("    ", stdout);
	for (size_t i = 0; i <= len; i++) {
		int64_t off = (int64_t)base + (int64_t)i;
		for (int k = 0; k < 3; k++)
			if (sp[k].s >= 0 && sp[k].e == off && sp[k].e > sp[k].s)
				putchar(']');
		for (int k = 0; k < 3; k++)
			if (sp[k].s == off && sp[k].e > sp[k].s)
				printf("[%s: ", sp[k].tag);
		if (i < len)
			putchar(text[i] == '\n' ? ' ' : text[i]);
	}
	putchar('\n');
}

int cli_print_mention(void *ctx, const dyad_mention_row *m)
{
	(void)ctx;
	const dyad_cameo_info *ci = m->cameo ? dyad_cameo_lookup(m->cameo) : NULL;
	printf("  mention %lld: %s -> %s  %s %s  (%s)\n", (long long)m->id, m->source,
	       m->target && *m->target ? m->target : "-", m->cameo, ci ? ci->label : "",
	       m->modality ? m->modality : "asserted");
	printf("    document %lld, sentence %u: %s%s%s%s%s\n", (long long)m->doc_id, m->sentence,
	       m->title ? m->title : "(untitled)", m->outlet ? " - " : "", m->outlet ? m->outlet : "",
	       m->pub_date ? ", " : "", m->pub_date ? m->pub_date : "");
	if (m->url)
		printf("    %s\n", m->url);
	if (m->sentence_text)
		print_marked(m->sentence_text, m->sentence_start, m);
	printf("    pattern: %s   dictionaries: %s\n", m->pattern ? m->pattern : "(none)",
	       m->dict_version ? m->dict_version : "?");
	return 0;
}

static int on_event(void *ctx, const dyad_event_row *r)
{
	*(int *)ctx = 1;
	const dyad_cameo_info *ci = r->cameo ? dyad_cameo_lookup(r->cameo) : NULL;
	printf("event %lld: %s -> %s  %s %s  %s%s%s\n", (long long)r->id, r->source,
	       r->target && *r->target ? r->target : "-", r->cameo, ci ? ci->label : "",
	       r->date ? r->date : "undated", r->date_end && strcmp(r->date_end, r->date ? r->date : "") ? " .. " : "",
	       r->date_end && strcmp(r->date_end, r->date ? r->date : "") ? r->date_end : "");
	printf("  QuadClass %d, Goldstein %+.1f, PLOVER %s; %lld mention%s in %lld article%s from %lld source%s\n\n",
	       r->quad, r->goldstein, r->plover ? r->plover : "-", (long long)r->n_mentions,
	       r->n_mentions == 1 ? "" : "s", (long long)r->n_articles, r->n_articles == 1 ? "" : "s",
	       (long long)r->n_sources, r->n_sources == 1 ? "" : "s");
	return 0;
}

int cmd_why(int argc, char **argv)
{
	const char *db = "dyad.db";
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db)" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	char *end = NULL;
	long long id = npos == 1 ? strtoll(argv[1], &end, 10) : 0;
	if (npos != 1 || !end || *end || id <= 0) {
		cli_error("why: give one event id (as 'dyad events' lists them)");
		return CLI_USAGE;
	}
	dyad_store *s = NULL;
	if (cli_open_store(&s, db))
		return CLI_ERROR;
	dyad_event_filter f = { .id = id };
	int found = 0;
	rc = dyad_store_events(s, &f, on_event, &found);
	if (!rc && found)
		rc = dyad_store_event_mentions(s, id, cli_print_mention, NULL);
	if (rc)
		cli_error("why: %s", dyad_error_last());
	else if (!found)
		cli_error("why: no event %lld in %s", id, db);
	dyad_store_free(s);
	return rc || !found ? CLI_ERROR : CLI_OK;
}
