/*
 * cmd_events.c - `dyad events [FILTERS] [--format FMT]`: events from the
 * store as an aligned table, CSV, JSON Lines, PLOVER JSON Lines or a
 * GDELT-2.0-style TSV.
 */
#include "cli.h"
#include "cli_store.h"
#include "dyad/cameo.h"
#include "dyad/dyad.h"
#include "dyad/store.h"
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char usage_line[] =
	"[--db FILE] [--actor A] [--dyad A,B] [--code C|--plover T] [--from D] [--to D]\n"
	"       [--text QUERY] [--min-sources N] [--modality M] [--limit N] [--format FMT]";
static const char description[] =
	"Lists the events of the store (each a real-world event clustering the\n"
	"mentions of one dyad, code family and date; see 'dyad why ID'), by date.\n"
	"Actor and code filters are prefixes (--actor DZA matches DZAMIL as source\n"
	"or target; --code 06 matches 061 and 0611); --dyad matches either direction.\n"
	"Formats: table (default), csv, jsonl, plover (PLOVER JSON Lines), gdelt\n"
	"(GDELT 2.0 event columns that apply, tab-separated).";

typedef struct out_ctx {
	int fmt;
	dyad_buf line;
	long rows;
} out_ctx;

enum { F_TABLE, F_CSV, F_JSONL, F_PLOVER, F_GDELT };

static const char *nz(const char *s)
{
	return s ? s : "";
}

static const char *label_of(const char *code)
{
	const dyad_cameo_info *ci = code ? dyad_cameo_lookup(code) : NULL;
	return ci ? ci->label : "";
}

/* Country of an actor code: its first three letters when they are one. */
static void country_of(const char *code, char out[4])
{
	out[0] = '\0';
	if (!code || strlen(code) < 3)
		return;
	for (int i = 0; i < 3; i++)
		if (code[i] < 'A' || code[i] > 'Z')
			return;
	memcpy(out, code, 3);
	out[3] = '\0';
}

static void csv_field(dyad_buf *b, const char *s, bool last)
{
	s = nz(s);
	if (strpbrk(s, ",\"\n\r")) {
		dyad_buf_putc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				dyad_buf_putc(b, '"');
			dyad_buf_putc(b, *s);
		}
		dyad_buf_putc(b, '"');
	} else {
		dyad_buf_puts(b, s);
	}
	dyad_buf_putc(b, last ? '\n' : ',');
}

static void json_kv(dyad_buf *b, const char *k, const char *v, bool first)
{
	dyad_buf_printf(b, "%s\"%s\":", first ? "" : ",", k);
	if (!v) {
		dyad_buf_puts(b, "null");
		return;
	}
	dyad_buf_putc(b, '"');
	dyad_buf_json_str(b, v, strlen(v));
	dyad_buf_putc(b, '"');
}

static void row_table(out_ctx *o, const dyad_event_row *r)
{
	if (o->rows == 0)
		printf("%-7s %-10s %-12s %-12s %-5s %-30s %4s %5s %-10s %4s %4s %4s\n", "ID", "DATE",
		       "SOURCE", "TARGET", "CAMEO", "LABEL", "QUAD", "GOLD", "PLOVER", "MEN", "ART", "SRC");
	char label[31];
	snprintf(label, sizeof(label), "%s", label_of(r->cameo));
	printf("%-7lld %-10s %-12s %-12s %-5s %-30s %4d %5.1f %-10s %4lld %4lld %4lld\n",
	       (long long)r->id, r->date ? r->date : "-", nz(r->source), r->target && *r->target ? r->target : "-",
	       nz(r->cameo), label, r->quad, r->goldstein, r->plover ? r->plover : "-",
	       (long long)r->n_mentions, (long long)r->n_articles, (long long)r->n_sources);
}

static void row_csv(out_ctx *o, const dyad_event_row *r)
{
	dyad_buf *b = &o->line;
	if (o->rows == 0)
		dyad_buf_puts(b, "id,date,date_end,date_precision,source,target,cameo,label,root,quad,goldstein,"
		                 "plover,modality,place,place_country,mentions,articles,sources,url\n");
	char num[64];
	snprintf(num, sizeof(num), "%lld", (long long)r->id);
	csv_field(b, num, false);
	csv_field(b, r->date, false);
	csv_field(b, r->date_end, false);
	csv_field(b, r->precision, false);
	csv_field(b, r->source, false);
	csv_field(b, r->target, false);
	csv_field(b, r->cameo, false);
	csv_field(b, label_of(r->cameo), false);
	csv_field(b, r->root, false);
	dyad_buf_printf(b, "%d,%.1f,", r->quad, r->goldstein);
	csv_field(b, r->plover, false);
	csv_field(b, r->modality, false);
	csv_field(b, r->place_name, false);
	csv_field(b, r->place_country, false);
	dyad_buf_printf(b, "%lld,%lld,%lld,", (long long)r->n_mentions, (long long)r->n_articles,
	                (long long)r->n_sources);
	csv_field(b, r->url, true);
}

static void row_jsonl(out_ctx *o, const dyad_event_row *r)
{
	dyad_buf *b = &o->line;
	dyad_buf_printf(b, "{\"id\":%lld,", (long long)r->id);
	json_kv(b, "source", r->source, true);
	json_kv(b, "target", r->target, false);
	json_kv(b, "cameo", r->cameo, false);
	json_kv(b, "label", label_of(r->cameo), false);
	json_kv(b, "root", r->root, false);
	dyad_buf_printf(b, ",\"quad\":%d,\"goldstein\":%.1f", r->quad, r->goldstein);
	json_kv(b, "plover", r->plover, false);
	json_kv(b, "date", r->date, false);
	json_kv(b, "date_end", r->date_end, false);
	json_kv(b, "date_precision", r->precision, false);
	json_kv(b, "modality", r->modality, false);
	if (r->place_name) {
		dyad_buf_puts(b, ",\"place\":{");
		json_kv(b, "name", r->place_name, true);
		json_kv(b, "country", r->place_country, false);
		if (!isnan(r->lat))
			dyad_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", r->lat, r->lon);
		dyad_buf_putc(b, '}');
	}
	dyad_buf_printf(b, ",\"mentions\":%lld,\"articles\":%lld,\"sources\":%lld",
	                (long long)r->n_mentions, (long long)r->n_articles, (long long)r->n_sources);
	json_kv(b, "url", r->url, false);
	json_kv(b, "title", r->title, false);
	dyad_buf_puts(b, "}\n");
}

static void row_plover(out_ctx *o, const dyad_event_row *r)
{
	dyad_buf *b = &o->line;
	const dyad_cameo_info *ci = r->cameo ? dyad_cameo_lookup(r->cameo) : NULL;
	char c1[4], c2[4];
	country_of(r->source, c1);
	country_of(r->target, c2);
	dyad_buf_printf(b, "{\"id\":\"dyad-%lld\",", (long long)r->id);
	json_kv(b, "date", r->date, true);
	json_kv(b, "event_type", r->plover, false);
	json_kv(b, "mode", ci && ci->plover_mode[0] ? ci->plover_mode : NULL, false);
	json_kv(b, "context", ci && ci->plover_context[0] ? ci->plover_context : NULL, false);
	json_kv(b, "actor1", r->source, false);
	json_kv(b, "actor1_country", c1[0] ? c1 : NULL, false);
	json_kv(b, "actor2", r->target && *r->target ? r->target : NULL, false);
	json_kv(b, "actor2_country", c2[0] ? c2 : NULL, false);
	json_kv(b, "location", r->place_name, false);
	json_kv(b, "location_country", r->place_country, false);
	json_kv(b, "date_precision", r->precision, false);
	json_kv(b, "modality", r->modality, false);
	dyad_buf_printf(b, ",\"num_mentions\":%lld,\"num_articles\":%lld,\"num_sources\":%lld",
	                (long long)r->n_mentions, (long long)r->n_articles, (long long)r->n_sources);
	json_kv(b, "cameo", r->cameo, false);
	json_kv(b, "publisher", r->outlet, false);
	json_kv(b, "url", r->url, false);
	dyad_buf_puts(b, ",\"coder\":\"dyad\"}\n");
}

/* GDELT 2.0 event table columns that dyad fills; QuadClass in GDELT's 1-4
 * (CAMEO roots 01-02 count as verbal cooperation there). */
static void row_gdelt(out_ctx *o, const dyad_event_row *r)
{
	dyad_buf *b = &o->line;
	if (o->rows == 0)
		dyad_buf_puts(b, "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tActor1Code\tActor1CountryCode\t"
		                 "Actor2Code\tActor2CountryCode\tIsRootEvent\tEventCode\tEventBaseCode\t"
		                 "EventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tNumSources\t"
		                 "NumArticles\tActionGeo_FullName\tActionGeo_CountryCode\tActionGeo_Lat\t"
		                 "ActionGeo_Long\tDATEADDED\tSOURCEURL\n");
	char ymd[9] = "", c1[4], c2[4], base[4] = "";
	const char *d = r->date ? r->date : "";
	if (strlen(d) >= 4) {
		snprintf(ymd, sizeof(ymd), "%.4s%.2s%.2s", d, strlen(d) >= 7 ? d + 5 : "00",
		         strlen(d) >= 10 ? d + 8 : "00");
	}
	country_of(r->source, c1);
	country_of(r->target, c2);
	snprintf(base, sizeof(base), "%.3s", nz(r->cameo));
	dyad_buf_printf(b, "%lld\t%s\t%.6s\t%.4s\t%s\t%s\t%s\t%s\t1\t%s\t%s\t%s\t%d\t%.1f\t%lld\t%lld\t%lld\t%s\t%s\t",
	                (long long)r->id, ymd, ymd, ymd, nz(r->source), c1, nz(r->target), c2,
	                nz(r->cameo), base, nz(r->root), r->quad == 0 ? 1 : r->quad, r->goldstein,
	                (long long)r->n_mentions, (long long)r->n_sources, (long long)r->n_articles,
	                nz(r->place_name), nz(r->place_country));
	if (!isnan(r->lat))
		dyad_buf_printf(b, "%.4f\t%.4f\t", r->lat, r->lon);
	else
		dyad_buf_puts(b, "\t\t");
	char added[15] = "";
	const char *f = nz(r->first_seen);   /* 2026-11-21T07:20:00Z -> 20261121072000 */
	size_t k = 0;
	for (; *f && k < 14; f++)
		if (*f >= '0' && *f <= '9')
			added[k++] = *f;
	added[k] = '\0';
	dyad_buf_printf(b, "%s\t%s\n", added, nz(r->url));
}

static int on_row(void *ctx, const dyad_event_row *r)
{
	out_ctx *o = ctx;
	dyad_buf_clear(&o->line);
	switch (o->fmt) {
	case F_TABLE: row_table(o, r); break;
	case F_CSV: row_csv(o, r); break;
	case F_JSONL: row_jsonl(o, r); break;
	case F_PLOVER: row_plover(o, r); break;
	default: row_gdelt(o, r); break;
	}
	if (o->line.len)
		fwrite(o->line.data, 1, o->line.len, stdout);
	o->rows++;
	return 0;
}

int cmd_events(int argc, char **argv)
{
	const char *db = "dyad.db", *actor = NULL, *dyad = NULL, *code = NULL, *plover = NULL;
	const char *from = NULL, *to = NULL, *text = NULL, *modality = NULL, *format = "table";
	long min_sources = 0, limit = 1000;
	const cli_opt opts[] = {
		{ "db", 0, CLI_STRING, &db, "FILE", "event store (default ./dyad.db)" },
		{ "actor", 'a', CLI_STRING, &actor, "CODE", "source or target starts with CODE" },
		{ "dyad", 'd', CLI_STRING, &dyad, "A,B", "between A and B, either direction (prefixes)" },
		{ "code", 'c', CLI_STRING, &code, "CAMEO", "CAMEO code prefix (06: material cooperation)" },
		{ "plover", 0, CLI_STRING, &plover, "TYPE", "PLOVER event type (COOPERATE, CONSULT ...)" },
		{ "from", 0, CLI_STRING, &from, "DATE", "event date on or after (YYYY[-MM[-DD]])" },
		{ "to", 0, CLI_STRING, &to, "DATE", "event date on or before" },
		{ "text", 't', CLI_STRING, &text, "QUERY", "full-text query over the reporting sentences" },
		{ "min-sources", 0, CLI_INT, &min_sources, "N", "reported by at least N outlets" },
		{ "modality", 0, CLI_STRING, &modality, "M", "asserted, planned, future, negated ..." },
		{ "limit", 'n', CLI_INT, &limit, "N", "at most N events (default 1000; 0: all)" },
		{ "format", 'f', CLI_STRING, &format, "FMT", "table, csv, jsonl, plover or gdelt" },
		{ NULL, 0, 0, NULL, NULL, NULL }
	};
	int npos, rc = cli_parse(argc, argv, opts, usage_line, description, &npos);
	if (rc)
		return rc < 0 ? CLI_OK : rc;
	static const char *const fmts[] = { "table", "csv", "jsonl", "plover", "gdelt", NULL };
	out_ctx o = { -1, DYAD_BUF_INIT, 0 };
	for (int i = 0; fmts[i]; i++)
		if (strcmp(format, fmts[i]) == 0)
			o.fmt = i;
	if (o.fmt < 0 || npos) {
		cli_error("events: %s", o.fmt < 0 ? "unknown --format (table, csv, jsonl, plover, gdelt)"
		                                  : "unexpected argument (filters are options)");
		return CLI_USAGE;
	}
	dyad_event_filter f = { .actor = actor, .code = code, .plover = plover, .modality = modality,
	                        .text = text, .min_sources = min_sources, .limit = limit };
	char a[DYAD_CODE_MAX], b[DYAD_CODE_MAX];
	if (dyad && cli_split_dyad(dyad, a, b))
		return CLI_USAGE;
	if (dyad) {
		f.dyad_a = a;
		f.dyad_b = b;
	}
	if (cli_parse_date("from", from, &f.from) || cli_parse_date("to", to, &f.to))
		return CLI_USAGE;
	dyad_store *s = NULL;
	if (cli_open_store(&s, db))
		return CLI_ERROR;
	rc = dyad_store_events(s, &f, on_row, &o);
	if (rc)
		cli_error("events: %s", dyad_error_last());
	else if (o.fmt == F_TABLE)
		printf("(%ld event%s)\n", o.rows, o.rows == 1 ? "" : "s");
	dyad_buf_release(&o.line);
	dyad_store_free(s);
	return rc ? CLI_ERROR : CLI_OK;
}
