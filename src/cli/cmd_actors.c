/*
 * cmd_actors.c - `dyad actors`: the most active actors and dyads.
 */
#include "cli.h"
#include "cli_store.h"
#include "dyad/dyad.h"
#include "dyad/store.h"

#include <stdio.h>

static const char usage_line[] = "[--db FILE] [--limit N]";
static const char description[] =
	"Prints the actors with the most mentions (as source or target) and the\n"
	"dyads (unordered for symmetric events) with the most events.";

static int on_actor(void *ctx, const char *a, const char *b, int64_t n, int64_t m)
{
	(void)ctx; (void)b; (void)m;
	printf("  %-16s %8lld\n", a, (long long)n);
	return 0;
}

static int on_dyad(void *ctx, const char *a, const char *b, int64_t n, int64_t m)
{
	(void)ctx;
	printf("  %-16s %-16s %8lld %9lld\n", a, b, (long long)n, (long long)m);
	return 0;
}

int cmd_actors(int argc, char **argv)
{
	const char *db = "dyad.db";
	long limit = 20;
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db)" },
		{ "limit", 'n', CLI_INT, &limit, "N", "rows of each list (default 20)" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	dyad_store *s = NULL;
	if (cli_open_store(&s, db))
		return CLI_ERROR;
	printf("actors                   mentions\n");
	rc = dyad_store_top_actors(s, limit, on_actor, NULL);
	if (!rc) {
		printf("\ndyads                             events  mentions\n");
		rc = dyad_store_top_dyads(s, limit, on_dyad, NULL);
	}
	if (rc)
		cli_error("%s", dyad_error_last());
	dyad_store_free(s);
	return rc ? CLI_ERROR : CLI_OK;
}
