/*
 * cli_store.c - helpers shared by the store commands.
 */
#include "cli.h"
#include "cli_store.h"

#include <string.h>
#include <sys/stat.h>

int cli_open_store(dyad_store **out, const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		cli_error("no event store at %s (create it with 'dyad ingest --db %s FILES')", path, path);
		return CLI_ERROR;
	}
	if (dyad_store_open(out, path)) {
		cli_error("%s", dyad_error_last());
		return CLI_ERROR;
	}
	return 0;
}

int cli_split_dyad(const char *s, char a[DYAD_CODE_MAX], char b[DYAD_CODE_MAX])
{
	const char *comma = strchr(s, ',');
	size_t na = comma ? (size_t)(comma - s) : 0;
	if (!comma || na == 0 || na >= DYAD_CODE_MAX || strlen(comma + 1) == 0 ||
	    strlen(comma + 1) >= DYAD_CODE_MAX) {
		cli_error("--dyad wants two actor codes: A,B (e.g. DZA,RUS)");
		return CLI_USAGE;
	}
	memcpy(a, s, na);
	a[na] = '\0';
	memcpy(b, comma + 1, strlen(comma + 1) + 1);
	return 0;
}

int cli_parse_date(const char *opt, const char *s, dyad_date *out)
{
	memset(out, 0, sizeof(*out));
	if (!s)
		return 0;
	if (dyad_date_parse(out, s, strlen(s)) != 0 || out->year == 0) {
		cli_error("--%s: not a date: '%s' (YYYY, YYYY-MM or YYYY-MM-DD)", opt, s);
		return CLI_USAGE;
	}
	return 0;
}
