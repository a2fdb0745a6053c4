/*
 * main.c - `dyad COMMAND [OPTIONS] [ARGS]`: dispatch through the command
 * table. Each command lives in its own cmd_<name>.c.
 */
#include "cli.h"
#include "dyad/dyad.h"

#include <stdio.h>
#include <string.h>

static const cli_command commands[] = {
	{ "sentences", "split documents into sentences (one a line, or JSON Lines)", cmd_sentences },
	{ "code",      "code events from TABARI records, JSON Lines or text (TSV or JSON Lines out)", cmd_code },
	{ "validate",  "run a TABARI validation suite (.project) and report mismatches", cmd_validate },
	{ "events",    "list stored events with filters (table, csv, jsonl, plover, gdelt)", cmd_events },
	{ "search",    "full-text search of stored sentences, with their events", cmd_search },
	{ "timeline",  "events between two actors per month/week/year, as a chart", cmd_timeline },
	{ "actors",    "most active actors and dyads in the store", cmd_actors },
	{ "why",       "the sentences, spans and patterns behind a stored event", cmd_why },
	{ "serve",     "serve the analyst's page and its JSON API over the store (read-only)", cmd_serve },
	{ "ingest",    "store articles (files, directories, URLs, feeds) and their events in dyad.db", cmd_ingest },
	{ NULL, NULL, NULL }
};

static void usage(FILE *f)
{
	fprintf(f, "usage: dyad COMMAND [OPTIONS] [ARGS]\n\n"
	           "dyad turns news text into political event data (CAMEO/PLOVER).\n\n"
	           "commands:\n");
	for (const cli_command *c = commands; c->name; c++)
		fprintf(f, "  %-12s %s\n", c->name, c->summary);
	fprintf(f, "\n'dyad COMMAND --help' describes a command. 'dyad --version' prints the version.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("dyad %s\n", dyad_version());
		return CLI_OK;
	}
	for (const cli_command *c = commands; c->name; c++)
		if (strcmp(argv[1], c->name) == 0)
			return c->run(argc - 1, argv + 1);
	cli_error("unknown command '%s' (see 'dyad --help')", argv[1]);
	return CLI_USAGE;
}
