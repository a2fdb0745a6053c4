/*
 * cmd_search.c - `dyad search QUERY`: full-text search over the stored
 * sentences, with the events coded in each hit.
 */
#include "cli.h"
#include "cli_store.h"
#include "dyad/dyad.h"
#include "dyad/store.h"

#include <stdio.h>

static const char usage_line[] = "[--db FILE] [--limit N] QUERY";
static const char description[] =
	"Searches the stored sentences (SQLite FTS5: words, \"exact phrases\",\n"
	"AND/OR/NOT, prefix*) and prints each hit, best first, with its document\n"
	"and the events coded in that sentence.";

typedef struct sctx {
	dyad_store *s;
	long n;
	int rc;
} sctx;

static int on_hit(void *ctx, const dyad_search_hit *h)
{
	sctx *c = ctx;
	c->n++;
	printf("%ld. document %lld, sentence %u: %s%s%s%s%s\n", c->n, (long long)h->doc_id, h->sentence,
	       h->title ? h->title : "(untitled)", h->outlet ? " - " : "", h->outlet ? h->outlet : "",
	       h->pub_date ? ", " : "", h->pub_date ? h->pub_date : "");
	printf("   %s\n", h->text);
	c->rc = dyad_store_sentence_mentions(c->s, h->doc_id, h->sentence, cli_print_mention, NULL);
	putchar('\n');
	return c->rc;
}

int cmd_search(int argc, char **argv)
{
	const char *db = "dyad.db";
	long limit = 20;
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db)" },
		{ "limit", 'n', CLI_INT, &limit, "N", "at most N hits (default 20)" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 1) {
		cli_error("search: give one query (quote phrases: dyad search '\"joint exercise\"')");
		return CLI_USAGE;
	}
	dyad_store *s = NULL;
	if (cli_open_store(&s, db))
		return CLI_ERROR;
	sctx c = { s, 0, 0 };
	rc = dyad_store_search(s, argv[1], limit, on_hit, &c);
	if (rc || c.rc)
		cli_error("search: %s", dyad_error_last());
	else
		printf("(%ld hit%s)\n", c.n, c.n == 1 ? "" : "s");
	dyad_store_free(s);
	return rc || c.rc ? CLI_ERROR : CLI_OK;
}
