/*
 * cmd_timeline.c - `dyad timeline A B [--by month|week|year]`: events
 * between two actors per period, by QuadClass, with the mean Goldstein
 * score, as a terminal bar chart.
 */
#include "cli.h"
#include "cli_store.h"
#include "dyad/dyad.h"
#include "dyad/store.h"

#include <stdio.h>
#include <string.h>

static const char usage_line[] = "[--db FILE] [--by month|week|year] ACTOR_A ACTOR_B";
static const char description[] =
	"Counts the events between two actors (code prefixes, either direction)\n"
	"per period and draws them by QuadClass:\n"
	"  .  neutral   =  verbal cooperation   #  material cooperation\n"
	"  -  verbal conflict   X  material conflict\n"
	"with the mean Goldstein score, and asserted vs planned/future events.";

typedef struct tl {
	dyad_timeline_row rows[512];
	char periods[512][16];
	size_t n;
	int64_t max;
} tl;

static int on_row(void *ctx, const dyad_timeline_row *r)
{
	tl *t = ctx;
	if (t->n >= sizeof(t->rows) / sizeof(t->rows[0]))
		return 1;
	t->rows[t->n] = *r;
	snprintf(t->periods[t->n], sizeof(t->periods[0]), "%s", r->period);
	t->rows[t->n].period = t->periods[t->n];
	if (r->events > t->max)
		t->max = r->events;
	t->n++;
	return 0;
}

static void draw(const tl *t, const char *a, const char *b)
{
	static const char marks[5] = { '.', '=', '#', '-', 'X' };
	const int width = 40;
	printf("%s - %s: events per period (. neutral  = verbal coop  # material coop  - verbal conflict  X material conflict)\n\n", a, b);
	printf("%-10s %-*s %6s %7s %9s %8s\n", "PERIOD", width, "", "EVENTS", "GOLD", "ASSERTED", "PLANNED");
	int64_t total = 0;
	for (size_t i = 0; i < t->n; i++) {
		const dyad_timeline_row *r = &t->rows[i];
		char bar[64];
		int k = 0;
		for (int q = 0; q < 5; q++) {
			/* scale each class; keep at least one mark for a non-zero class */
			int64_t w = t->max > width ? (r->quad[q] * width + t->max - 1) / t->max : r->quad[q];
			for (int64_t j = 0; j < w && k < width; j++)
				bar[k++] = marks[q];
		}
		bar[k] = '\0';
		printf("%-10s %-*s %6lld %+7.1f %9lld %8lld\n", r->period, width, bar, (long long)r->events,
		       r->mean_goldstein, (long long)r->asserted, (long long)r->planned);
		total += r->events;
	}
	printf("\n%lld event%s in %zu period%s\n", (long long)total, total == 1 ? "" : "s", t->n,
	       t->n == 1 ? "" : "s");
}

int cmd_timeline(int argc, char **argv)
{
	const char *db = "dyad.db", *by = "month";
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db)" },
		{ "by", 0, CLI_STRING, &by, "PERIOD", "month (default), week or year" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	if (npos != 2) {
		cli_error("timeline: give two actor codes, e.g. 'dyad timeline DZA RUS'");
		return CLI_USAGE;
	}
	dyad_store *s = NULL;
	if (cli_open_store(&s, db))
		return CLI_ERROR;
	static tl t;
	memset(&t, 0, sizeof(t));
	rc = dyad_store_timeline(s, argv[1], argv[2], by, on_row, &t);
	if (rc)
		cli_error("%s", dyad_error_last());
	else
		draw(&t, argv[1], argv[2]);
	dyad_store_free(s);
	return rc ? (rc == DYAD_EINVAL ? CLI_USAGE : CLI_ERROR) : CLI_OK;
}
