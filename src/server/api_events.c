/*
 * api_events.c - /api/events (filters, paging, sort, CSV and PLOVER
 * exports) and /api/events/{id} (the event with its evidence: mentions,
 * sentences with highlighted spans, patterns, outlets, URLs).
 */
#include "api.h"
#include "jsonw.h"
#include "dyad/cameo.h"
#include "util/alloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

int api_filter_parse(srv_req *r, srv_resp *out, api_filter *f)
{
	memset(f, 0, sizeof(*f));
	if (srv_param_dyad(r, out, "dyad", f->a, f->b, sizeof(f->a), &f->has_dyad) ||
	    srv_param_actor(r, out, "actor", f->actor, sizeof(f->actor), &f->has_actor) ||
	    srv_param_word(r, out, "code", true, f->code, sizeof(f->code), &f->has_code) ||
	    srv_param_word(r, out, "plover", false, f->plover, sizeof(f->plover), &f->has_plover) ||
	    srv_param_word(r, out, "modality", false, f->modality, sizeof(f->modality), &f->has_modality) ||
	    srv_param_date(r, out, "from", false, &f->from, &f->has_from) ||
	    srv_param_date(r, out, "to", true, &f->to, &f->has_to) ||
	    srv_param_long(r, out, "min_sources", 0, 1000000, &f->min_sources))
		return -1;
	if (srv_param(r, "text") && srv_param_text(r, out, "text", &f->text))
		return -1;
	for (char *p = f->plover; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	for (char *p = f->modality; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	if (f->has_from && f->has_to && f->from > f->to)
		return srv_error(out, 400, "from: after to");
	return 0;
}

/*
 * Actor prefixes are expanded into the codes the store knows (the actors
 * table lists every code of events.source/target, written in the same
 * transaction): "source IN (codes) AND target IN (codes)" becomes exact
 * seeks on the (source, target, day) indexes instead of scanning every
 * event of the commoner actor. With `by_date`, the unary + hides those
 * indexes so that SQLite walks events in date order (large results).
 */
static void actor_in(srv_sql *q, const char *col, const char *prefix, bool by_date)
{
	char hi[24];
	snprintf(hi, sizeof(hi), "%s", prefix);
	size_t n = strlen(hi);
	if (n)
		hi[n - 1] = (char)(hi[n - 1] + 1);
	dyad_buf_printf(&q->sql, "%s%s IN (SELECT code FROM actors WHERE code >= ? AND code < ?)",
	                by_date ? "+" : "", col);
	srv_sql_s(q, prefix);
	srv_sql_s(q, hi);
}

void api_filter_sql_plan(const api_filter *f, srv_sql *q, bool by_date)
{
	if (f->has_dyad && f->branch) {
		const char *x = f->branch == 1 ? f->a : f->b, *y = f->branch == 1 ? f->b : f->a;
		dyad_buf_puts(&q->sql, " AND ");
		actor_in(q, "e.source", x, by_date);
		dyad_buf_puts(&q->sql, " AND ");
		actor_in(q, "e.target", y, by_date);
	} else if (f->has_dyad) {
		dyad_buf_puts(&q->sql, " AND ((");
		actor_in(q, "e.source", f->a, by_date);
		dyad_buf_puts(&q->sql, " AND ");
		actor_in(q, "e.target", f->b, by_date);
		dyad_buf_puts(&q->sql, ") OR (");
		actor_in(q, "e.source", f->b, by_date);
		dyad_buf_puts(&q->sql, " AND ");
		actor_in(q, "e.target", f->a, by_date);
		dyad_buf_puts(&q->sql, "))");
	}
	if (f->has_actor) {
		dyad_buf_puts(&q->sql, " AND (");
		actor_in(q, "e.source", f->actor, by_date);
		dyad_buf_puts(&q->sql, " OR ");
		actor_in(q, "e.target", f->actor, by_date);
		dyad_buf_puts(&q->sql, ")");
	}
	if (f->has_code) {
		dyad_buf_puts(&q->sql, " AND ");
		srv_sql_prefix(q, by_date ? "+e.cameo" : "e.cameo", f->code);
	}
	if (f->has_plover) {
		dyad_buf_printf(&q->sql, " AND %se.plover = ?", by_date ? "+" : "");
		srv_sql_s(q, f->plover);
	}
	if (f->has_modality) {
		dyad_buf_puts(&q->sql, " AND e.modality = ?");
		srv_sql_s(q, f->modality);
	}
	/* an undated event (coarse 3) cannot be said to fall in a range; with
	 * actors to seek, the date index is hidden (+) so it is not preferred */
	const char *day = !by_date && (f->has_dyad || f->has_actor) ? "+e.day" : "e.day";
	if (f->has_from) {
		dyad_buf_printf(&q->sql, " AND %s >= ? AND e.coarse < 3", day);
		srv_sql_i(q, f->from);
	}
	if (f->has_to) {
		dyad_buf_printf(&q->sql, " AND %s <= ? AND e.coarse < 3", day);
		srv_sql_i(q, f->to);
	}
	if (f->min_sources > 0) {
		dyad_buf_printf(&q->sql, " AND %se.n_sources >= ?", by_date ? "+" : "");
		srv_sql_i(q, f->min_sources);
	}
	if (f->text) {
		dyad_buf_puts(&q->sql,
			" AND e.id IN (SELECT m.event_id FROM mentions m WHERE m.sentence_id IN"
			" (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))");
		srv_sql_s(q, f->text);
	}
}

bool api_filter_split(const api_filter *f)
{
	size_t na = strlen(f->a), nb = strlen(f->b);
	return f->has_dyad && strncmp(f->a, f->b, na < nb ? na : nb) != 0;
}

void api_filter_sql(const api_filter *f, srv_sql *q)
{
	api_filter_sql_plan(f, q, false);
}

static void set(json_t *o, const char *k, json_t *v)
{
	json_object_set_new(o, k, v ? v : json_null());
}

/*
 * The fields of an event object, in order, and where each comes from:
 * a column of API_EVENT_COLS, or the codebook. One table drives both
 * writers below (jansson for CSV/PLOVER and the event page, the direct
 * writer for /api/events pages), so they cannot drift apart.
 */
enum ev_kind { EV_INT, EV_STR, EV_REAL, EV_LABEL, EV_QUAD, EV_QUAD_NAME, EV_PLOVER_MODE,
               EV_PLACE_BEGIN, EV_PLACE_END };

static const struct ev_field {
	const char *key;
	uint8_t kind;
	uint8_t col;
} ev_fields[] = {
	{ "id", EV_INT, 0 },          { "source", EV_STR, 1 },      { "target", EV_STR, 2 },
	{ "cameo", EV_STR, 3 },       { "label", EV_LABEL, 0 },     { "root", EV_STR, 4 },
	{ "quad", EV_QUAD, 12 },      { "quad_name", EV_QUAD_NAME, 12 },
	{ "goldstein", EV_REAL, 13 }, { "plover", EV_STR, 5 },      { "plover_mode", EV_PLOVER_MODE, 0 },
	{ "date", EV_STR, 6 },        { "date_end", EV_STR, 7 },    { "date_precision", EV_STR, 8 },
	{ "modality", EV_STR, 9 },
	{ "place", EV_PLACE_BEGIN, 0 },
	{ "name", EV_STR, 10 },       { "country", EV_STR, 11 },    { "lat", EV_REAL, 14 },
	{ "lon", EV_REAL, 15 },
	{ NULL, EV_PLACE_END, 0 },
	{ "mentions", EV_INT, 16 },   { "articles", EV_INT, 17 },   { "sources", EV_INT, 18 },
	{ "first_seen", EV_STR, 19 }, { "url", EV_STR, 20 },        { "title", EV_STR, 21 },
	{ "outlet", EV_STR, 22 },     { "document", EV_INT, 23 },
};
#define EV_NFIELDS (sizeof(ev_fields) / sizeof(ev_fields[0]))

static const dyad_cameo_info *row_cameo(sqlite3_stmt *st)
{
	const char *cameo = (const char *)sqlite3_column_text(st, 3);
	return cameo ? dyad_cameo_lookup(cameo) : NULL;
}

json_t *api_event_json(sqlite3_stmt *st)
{
	json_t *o = json_object(), *obj = o;
	if (!o)
		return NULL;
	const dyad_cameo_info *ci = row_cameo(st);
	for (size_t i = 0; i < EV_NFIELDS; i++) {
		const struct ev_field *f = &ev_fields[i];
		switch (f->kind) {
		case EV_INT:   set(obj, f->key, srv_col_int(st, f->col)); break;
		case EV_STR:   set(obj, f->key, srv_col_str(st, f->col)); break;
		case EV_REAL:  set(obj, f->key, srv_col_real(st, f->col)); break;
		case EV_LABEL: set(obj, f->key, ci ? json_string(ci->label) : NULL); break;
		case EV_QUAD:  set(obj, f->key, json_integer(sqlite3_column_int(st, f->col))); break;
		case EV_QUAD_NAME:
			set(obj, f->key, json_string(dyad_cameo_quad_name(sqlite3_column_int(st, f->col))));
			break;
		case EV_PLOVER_MODE:
			set(obj, f->key, ci && ci->plover_mode[0] ? json_string(ci->plover_mode) : NULL);
			break;
		case EV_PLACE_BEGIN:
			obj = json_object();
			set(o, f->key, obj);   /* o owns it; NULL becomes null */
			if (!obj)
				obj = o;           /* out of memory: flatten rather than crash */
			break;
		case EV_PLACE_END:
			obj = o;
			break;
		}
	}
	return o;
}

/* The same object as api_event_json, written straight into `b`. */
static void api_event_write(dyad_buf *b, sqlite3_stmt *st)
{
	const dyad_cameo_info *ci = row_cameo(st);
	bool first = true;
	dyad_buf_grow(b, 2048);   /* a row's bytes; jw_raw then appends unchecked */
	jw_ch(b, '{');
	for (size_t i = 0; i < EV_NFIELDS; i++) {
		const struct ev_field *f = &ev_fields[i];
		if (f->kind == EV_PLACE_END) {
			jw_ch(b, '}');
			first = false;
			continue;
		}
		jw_key(b, f->key, first);
		first = false;
		switch (f->kind) {
		case EV_INT:   jw_col_int(b, st, f->col); break;
		case EV_STR:   jw_col_str(b, st, f->col); break;
		case EV_REAL:  jw_col_real(b, st, f->col); break;
		case EV_LABEL: jw_cstr(b, ci ? ci->label : NULL); break;
		case EV_QUAD:  jw_int(b, sqlite3_column_int(st, f->col)); break;
		case EV_QUAD_NAME: jw_cstr(b, dyad_cameo_quad_name(sqlite3_column_int(st, f->col))); break;
		case EV_PLOVER_MODE: jw_cstr(b, ci && ci->plover_mode[0] ? ci->plover_mode : NULL); break;
		case EV_PLACE_BEGIN:
			jw_ch(b, '{');
			first = true;
			break;
		}
	}
	jw_ch(b, '}');
}

/* ------------------------------------------------------------------ */
/* Exports: CSV and PLOVER JSON Lines, one event per line.              */

static void csv_field(dyad_buf *b, const char *s, bool first)
{
	if (!first)
		dyad_buf_putc(b, ',');
	if (!s)
		return;
	/* a leading = + - @ would be a formula to a spreadsheet */
	bool quote = strpbrk(s, ",\"\r\n") != NULL || strchr("=+-@", s[0]) != NULL;
	if (!quote) {
		dyad_buf_puts(b, s);
		return;
	}
	dyad_buf_putc(b, '"');
	if (strchr("=+-@", s[0]) && s[0])
		dyad_buf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			dyad_buf_putc(b, '"');
		dyad_buf_putc(b, *p);
	}
	dyad_buf_putc(b, '"');
}

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void csv_row(dyad_buf *b, json_t *ev)
{
	char num[64];
	snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(json_object_get(ev, "id")));
	csv_field(b, num, true);
	csv_field(b, jstr(ev, "date"), false);
	csv_field(b, jstr(ev, "date_precision"), false);
	csv_field(b, jstr(ev, "source"), false);
	csv_field(b, jstr(ev, "target"), false);
	csv_field(b, jstr(ev, "cameo"), false);
	csv_field(b, jstr(ev, "label"), false);
	snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(json_object_get(ev, "quad")));
	csv_field(b, num, false);
	json_t *g = json_object_get(ev, "goldstein");
	snprintf(num, sizeof(num), "%.1f", json_is_real(g) ? json_real_value(g) : 0.0);
	dyad_buf_putc(b, ',');
	if (json_is_real(g))
		dyad_buf_puts(b, num);
	csv_field(b, jstr(ev, "plover"), false);
	csv_field(b, jstr(ev, "modality"), false);
	json_t *place = json_object_get(ev, "place");
	csv_field(b, jstr(place, "name"), false);
	csv_field(b, jstr(place, "country"), false);
	snprintf(num, sizeof(num), "%lld,%lld,%lld",
	         (long long)json_integer_value(json_object_get(ev, "mentions")),
	         (long long)json_integer_value(json_object_get(ev, "articles")),
	         (long long)json_integer_value(json_object_get(ev, "sources")));
	dyad_buf_putc(b, ',');
	dyad_buf_puts(b, num);
	csv_field(b, jstr(ev, "outlet"), false);
	csv_field(b, jstr(ev, "url"), false);
	dyad_buf_puts(b, "\r\n");
}

static void country_of(const char *code, char out[4])
{
	out[0] = '\0';
	if (code && strlen(code) >= 3 && isupper((unsigned char)code[0]) &&
	    isupper((unsigned char)code[1]) && isupper((unsigned char)code[2]))
		snprintf(out, 4, "%.3s", code);
}

static void plover_row(dyad_buf *b, json_t *ev)
{
	const char *cameo = jstr(ev, "cameo");
	const dyad_cameo_info *ci = cameo ? dyad_cameo_lookup(cameo) : NULL;
	char c1[4], c2[4], id[32];
	country_of(jstr(ev, "source"), c1);
	country_of(jstr(ev, "target"), c2);
	json_t *place = json_object_get(ev, "place");
	snprintf(id, sizeof(id), "dyad-%lld", (long long)json_integer_value(json_object_get(ev, "id")));
	json_t *o = json_pack("{s:s, s:o?, s:o?, s:o?, s:o?, s:o?, s:o?, s:o?, s:o?, s:o?, s:o?, s:o?,"
	                      " s:O?, s:O?, s:O?, s:o?, s:o?, s:o?, s:s}",
		"id", id,
		"date", json_copy(json_object_get(ev, "date")),
		"event_type", json_copy(json_object_get(ev, "plover")),
		"mode", ci && ci->plover_mode[0] ? json_string(ci->plover_mode) : json_null(),
		"context", ci && ci->plover_context[0] ? json_string(ci->plover_context) : json_null(),
		"actor1", json_copy(json_object_get(ev, "source")),
		"actor1_country", c1[0] ? json_string(c1) : json_null(),
		"actor2", json_copy(json_object_get(ev, "target")),
		"actor2_country", c2[0] ? json_string(c2) : json_null(),
		"location", json_copy(json_object_get(place, "name")),
		"location_country", json_copy(json_object_get(place, "country")),
		"date_precision", json_copy(json_object_get(ev, "date_precision")),
		"num_mentions", json_object_get(ev, "mentions"),
		"num_articles", json_object_get(ev, "articles"),
		"num_sources", json_object_get(ev, "sources"),
		"modality", json_copy(json_object_get(ev, "modality")),
		"cameo", json_copy(json_object_get(ev, "cameo")),
		"url", json_copy(json_object_get(ev, "url")),
		"coder", "dyad");
	char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	if (s) {
		dyad_buf_puts(b, s);
		dyad_buf_putc(b, '\n');
	}
	free(s);
	json_decref(o);
}

/* ------------------------------------------------------------------ */
/* /api/events                                                          */

static const char *const sorts[] = {
	"date", "-date", "goldstein", "-goldstein", "sources", "-sources",
	"mentions", "-mentions", "code", "-code", "source", "-source", "target", "-target", NULL
};
/* the column of each sort (pairs: ascending, descending); ties by date, id */
static const char *const sort_col[] = {
	"day", "day", "goldstein", "goldstein", "n_sources", "n_sources", "n_mentions", "n_mentions",
	"cameo", "cameo", "source", "source", "target", "target",
};
static const char *const formats[] = { "json", "csv", "plover", NULL };

/* Counting stops at COUNT_CAP: past it the exact number costs more than
 * it tells, and the answer says "at least" (total_exact false). */
#define COUNT_CAP 10000

static void order_by(dyad_buf *sql, const char *alias, int sort)
{
	const char *dir = sort % 2 ? " DESC" : "";
	if (sort <= 1)
		dyad_buf_printf(sql, " ORDER BY %s.day%s, %s.id%s", alias, dir, alias, dir);
	else
		dyad_buf_printf(sql, " ORDER BY %s.%s%s, %s.day, %s.id", alias, sort_col[sort], dir, alias, alias);
}

/* The matches of a filter as (day, id), at most COUNT_CAP + 1 of them:
 * one pass over the covering (source, target, day) indexes, unsorted, so
 * it stops early on large results. */
typedef struct match {
	int64_t day, id;
} match;

typedef struct matches {
	match *m;
	size_t n, cap;
} matches;

static int scan_branch(srv_req *r, srv_resp *out, const api_filter *f, matches *ms);

static int scan_matches(srv_req *r, srv_resp *out, const api_filter *f, matches *ms)
{
	if (!api_filter_split(f))
		return scan_branch(r, out, f, ms);
	api_filter one = *f;
	one.branch = 1;
	if (scan_branch(r, out, &one, ms))
		return -1;
	one.branch = 2;
	return ms->n > COUNT_CAP ? 0 : scan_branch(r, out, &one, ms);
}

static int scan_branch(srv_req *r, srv_resp *out, const api_filter *f, matches *ms)
{
	srv_sql q;
	memset(&q, 0, sizeof(q));
	dyad_buf_puts(&q.sql, "SELECT e.day, e.id FROM events e WHERE 1");
	api_filter_sql(f, &q);
	dyad_buf_puts(&q.sql, " LIMIT ?");
	srv_sql_i(&q, COUNT_CAP + 1 - (int64_t)ms->n);
	sqlite3_stmt *st;
	int rc = srv_sql_prepare(&q, r, out, &st);
	srv_sql_release(&q);
	if (rc)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (ms->n == ms->cap) {
			match *m = dyad_grow(ms->m, &ms->cap, ms->n + 1, sizeof(*m), 1024);
			if (!m) {
				srv_sql_done(r, st);
				return srv_error(out, 500, "out of memory");
			}
			ms->m = m;
		}
		ms->m[ms->n++] = (match){ sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1) };
	}
	srv_sql_done(r, st);
	return rc == SQLITE_DONE ? 0 : srv_db_error(out, r->db, "events");
}

static int match_asc(const void *a, const void *b)
{
	const match *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int match_desc(const void *a, const void *b)
{
	return match_asc(b, a);
}

static int write_rows(srv_req *r, srv_resp *out, sqlite3_stmt *st, int format)
{
	dyad_buf *b = &out->body;
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (format == 0) {
			if (n++)
				jw_ch(b, ',');
			api_event_write(b, st);
			continue;
		}
		json_t *ev = api_event_json(st);
		if (ev && format == 1)
			csv_row(b, ev);
		else if (ev)
			plover_row(b, ev);
		json_decref(ev);
	}
	srv_sql_done(r, st);
	return rc == SQLITE_DONE ? 0 : srv_db_error(out, r->db, "events");
}

/* A page cut from the sorted matches: its rows read by id, in order. */
static int write_ids(srv_req *r, srv_resp *out, const match *m, size_t n, int format)
{
	dyad_buf ids = DYAD_BUF_INIT;
	dyad_buf_putc(&ids, '[');
	for (size_t i = 0; i < n; i++)
		dyad_buf_printf(&ids, "%s%lld", i ? "," : "", (long long)m[i].id);
	if (dyad_buf_putc(&ids, ']')) {
		dyad_buf_release(&ids);
		return srv_error(out, 500, "out of memory");
	}
	sqlite3_stmt *st;
	int rc = srv_sql_fixed(r, out, "SELECT " API_EVENT_COLS " FROM json_each(?1) AS j"
	                               " JOIN events e ON e.id = j.value" API_FIRST_DOC " ORDER BY j.key", &st);
	if (rc == 0) {
		sqlite3_bind_text(st, 1, ids.data, (int)ids.len, SQLITE_STATIC);
		rc = write_rows(r, out, st, format);
	}
	dyad_buf_release(&ids);
	return rc;
}

/*
 * One page: the ids first, cut from the covering (source, target, day)
 * indexes when the matches are few, or from a walk of the date index
 * (`by_date`, filter indexes hidden) when many are sorted by date; then
 * only the page's rows and their first documents are read.
 */
static int write_page(srv_req *r, srv_resp *out, const api_filter *f, int sort, long limit,
                      long offset, bool by_date, int format)
{
	srv_sql q;
	memset(&q, 0, sizeof(q));
	dyad_buf_puts(&q.sql, "SELECT " API_EVENT_COLS " FROM (SELECT e.id AS id FROM events e WHERE 1");
	api_filter_sql_plan(f, &q, by_date);
	order_by(&q.sql, "e", sort);
	dyad_buf_puts(&q.sql, " LIMIT ? OFFSET ?) AS k JOIN events e ON e.id = k.id" API_FIRST_DOC);
	order_by(&q.sql, "e", sort);
	srv_sql_i(&q, limit);
	srv_sql_i(&q, offset);
	sqlite3_stmt *st;
	int rc = srv_sql_prepare(&q, r, out, &st);
	srv_sql_release(&q);
	if (rc)
		return -1;
	return write_rows(r, out, st, format);
}

/*
 * A dyad of two three-letter prefixes sorted by date (schema 3): the
 * index events(substr(source,1,3), substr(target,1,3), day) gives each
 * direction in date order, so the count reads index entries only and the
 * page merges the two ordered directions, stopping after the page, then
 * reads only its rows.
 */
static bool dyad_index_fits(const srv_req *r, const api_filter *f, int sort)
{
	return srv_conn_summaries(r->dbc) && sort <= 1 && f->has_dyad && strlen(f->a) == 3 &&
	       strlen(f->b) == 3 && !f->has_actor && !f->has_code && !f->has_plover &&
	       !f->has_modality && f->min_sources == 0 && !f->text;
}

#define ST3_SRC "substr(source,1,3)"
#define ST3_TGT "substr(target,1,3)"

/* " WHERE <direction> <dates>" of one direction: ?1 and ?2 the two
 * prefixes (swapped for the other direction), ?5/?6 from/to */
static void dyad_where(dyad_buf *sql, const api_filter *f, bool swap)
{
	dyad_buf_printf(sql, " WHERE " ST3_SRC " = ?%d AND " ST3_TGT " = ?%d", swap ? 2 : 1, swap ? 1 : 2);
	if (f->has_from)
		dyad_buf_puts(sql, " AND day >= ?5 AND coarse < 3");
	if (f->has_to)
		dyad_buf_puts(sql, " AND day <= ?6 AND coarse < 3");
}

static void dyad_bind(sqlite3_stmt *st, const api_filter *f)
{
	sqlite3_bind_text(st, 1, f->a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->b, -1, SQLITE_STATIC);
	if (f->has_from)
		sqlite3_bind_int64(st, 5, f->from);
	if (f->has_to)
		sqlite3_bind_int64(st, 6, f->to);
}

/* Without dates, the count is the dyad's events by year in
 * timeline_counts (those without a year in its excluded row): a few rows. */
static int dyad_count_summary(srv_req *r, srv_resp *out, const api_filter *f, int64_t *total)
{
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, "SELECT coalesce(sum(events), 0) FROM timeline_counts WHERE by = 2 AND"
	                          " ((s3 = ?1 AND t3 = ?2) OR (s3 = ?2 AND t3 = ?1 AND ?1 <> ?2))", &st))
		return -1;
	dyad_bind(st, f);
	int rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	srv_sql_done(r, st);
	if (*total > COUNT_CAP + 1)
		*total = COUNT_CAP + 1;   /* as counted from the events */
	return rc == SQLITE_ROW ? 0 : srv_db_error(out, r->db, "events");
}

/* The matches, counted up to COUNT_CAP + 1 (as scan_matches). */
static int dyad_count(srv_req *r, srv_resp *out, const api_filter *f, int64_t *total)
{
	if (!f->has_from && !f->has_to)
		return dyad_count_summary(r, out, f, total);
	bool both = strcmp(f->a, f->b) != 0;
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_buf_puts(&sql, "SELECT count(*) FROM (SELECT 1 FROM events");
	dyad_where(&sql, f, false);
	if (both) {
		dyad_buf_puts(&sql, " UNION ALL SELECT 1 FROM events");
		dyad_where(&sql, f, true);
	}
	dyad_buf_puts(&sql, " LIMIT ?3)");
	sqlite3_stmt *st;
	int rc = sql.data ? srv_sql_fixed(r, out, sql.data, &st) : srv_error(out, 500, "out of memory");
	dyad_buf_release(&sql);
	if (rc)
		return -1;
	dyad_bind(st, f);
	sqlite3_bind_int64(st, 3, COUNT_CAP + 1);
	rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	srv_sql_done(r, st);
	return rc == SQLITE_ROW ? 0 : srv_db_error(out, r->db, "events");
}

static int dyad_page(srv_req *r, srv_resp *out, const api_filter *f, int sort, long limit,
                     long offset, int format)
{
	const char *dir = sort == 1 ? " DESC" : "";
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_buf_puts(&sql, "SELECT " API_EVENT_COLS " FROM (SELECT id, day FROM events");
	dyad_where(&sql, f, false);
	if (strcmp(f->a, f->b) != 0) {
		dyad_buf_puts(&sql, " UNION ALL SELECT id, day FROM events");
		dyad_where(&sql, f, true);
	}
	/* k, a co-routine yielding the page's ids in order, is the outer loop
	 * (CROSS JOIN fixes it), each joined to exactly one event: the rows
	 * come out in k's order, without sorting the page's full rows again
	 * (tests/cli/serve-summary.sh compares with the sorted general path) */
	dyad_buf_printf(&sql, " ORDER BY day%s, id%s LIMIT ?3 OFFSET ?4) AS k CROSS JOIN events e ON e.id = k.id"
	                      API_FIRST_DOC, dir, dir);
	sqlite3_stmt *st;
	int rc = sql.data ? srv_sql_fixed(r, out, sql.data, &st) : srv_error(out, 500, "out of memory");
	dyad_buf_release(&sql);
	if (rc)
		return -1;
	dyad_bind(st, f);
	dyad_buf_grow(&out->body, (size_t)limit * 640);   /* a JSON row is about 500 bytes */
	sqlite3_bind_int64(st, 3, limit);
	sqlite3_bind_int64(st, 4, offset);
	return write_rows(r, out, st, format);
}

int api_events(srv_req *r, srv_resp *out)
{
	api_filter f;
	int sort = 0, format = 0;
	long limit = 100, offset = 0;
	if (api_filter_parse(r, out, &f) || srv_param_enum(r, out, "sort", sorts, &sort) ||
	    srv_param_enum(r, out, "format", formats, &format) ||
	    srv_param_long(r, out, "offset", 0, SRV_MAX_OFFSET, &offset))
		return -1;
	if (format != 0)
		limit = SRV_MAX_EXPORT;
	if (srv_param_long(r, out, "limit", 1, format ? SRV_MAX_EXPORT : SRV_MAX_PAGE, &limit))
		return -1;
	matches ms = { 0 };
	int64_t total = 0;
	bool indexed = dyad_index_fits(r, &f, sort);
	if (indexed ? dyad_count(r, out, &f, &total) : scan_matches(r, out, &f, &ms)) {
		dyad_free(ms.m);
		return -1;
	}
	if (!indexed)
		total = (int64_t)ms.n;
	bool exact = total <= COUNT_CAP;
	dyad_buf *b = &out->body;
	if (format == 0)
		dyad_buf_printf(b, "{\"total\":%lld,\"total_exact\":%s,\"offset\":%ld,\"limit\":%ld,"
		                   "\"sort\":\"%s\",\"events\":[",
		                (long long)(exact ? total : COUNT_CAP), exact ? "true" : "false",
		                offset, limit, sorts[sort]);
	else if (format == 1)
		dyad_buf_puts(b, "id,date,date_precision,source,target,cameo,label,quad,goldstein,"
		                 "plover,modality,place,place_country,mentions,articles,sources,"
		                 "outlet,url\r\n");
	int rc = 0;
	if (indexed) {
		if (offset < total || !exact)
			rc = dyad_page(r, out, &f, sort, limit, offset, format);
	} else if (exact && sort <= 1) {
		/* all the matches are here: sort them by date and cut the page */
		if (ms.n > 1)
			qsort(ms.m, ms.n, sizeof(*ms.m), sort == 0 ? match_asc : match_desc);
		if ((size_t)offset < ms.n)
			rc = write_ids(r, out, ms.m + offset,
			               ms.n - (size_t)offset < (size_t)limit ? ms.n - (size_t)offset : (size_t)limit,
			               format);
	} else if (offset < total || !exact) {
		rc = write_page(r, out, &f, sort, limit, offset, !exact && sort <= 1, format);
	}
	dyad_free(ms.m);
	if (rc)
		return -1;
	out->status = 200;
	if (format == 0) {
		if (dyad_buf_puts(b, "]}\n"))
			return srv_error(out, 500, "response too large");
		out->type = "application/json; charset=utf-8";
		return 0;
	}
	out->type = format == 1 ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
	out->filename = format == 1 ? "dyad-events.csv" : "dyad-events.plover.jsonl";
	return 0;
}

/* ------------------------------------------------------------------ */
/* /api/events/{id}                                                     */

int srv_parse_id(const char *tail, int64_t *id)
{
	size_t n = strlen(tail);
	if (n == 0 || n > 18)
		return -1;
	int64_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)tail[i]))
			return -1;
		v = v * 10 + (tail[i] - '0');
	}
	*id = v;
	return v > 0 ? 0 : -1;
}

/* Stores before schema 6 (served read-only, not migrated) have no
 * date_source and place_source: NULL in their place. */
#define MENTION_SQL(sources) \
	"SELECT m.id, m.doc_id, m.sentence, m.source, m.target, m.cameo, m.pattern, m.dict_version," \
	" m.modality, m.date, m.date_precision, m.date_text, s.text, s.start," \
	" m.source_start, m.source_end, m.target_start, m.target_end, m.verb_start, m.verb_end," \
	" m.source_text, m.target_text, m.verb_text, m.place_name, m.place_country, m.place_resolution," \
	" m.quantities, d.title, d.url, d.outlet, d.pub_date, m.outlet, " sources \
	" FROM mentions m JOIN documents d ON d.id = m.doc_id" \
	" LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence" \
	" WHERE m.event_id = ?1 ORDER BY m.doc_id, m.sentence, m.id LIMIT 200"
static const char mention_sql[] = MENTION_SQL("m.date_source, m.place_source");
static const char mention_sql_v5[] = MENTION_SQL("NULL, NULL");

static void add_span(api_span *sp, size_t *n, const char *kind, sqlite3_stmt *st, int i, int64_t base)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL || sqlite3_column_type(st, i + 1) == SQLITE_NULL)
		return;
	sp[*n] = (api_span){ kind, sqlite3_column_int64(st, i) - base, sqlite3_column_int64(st, i + 1) - base };
	(*n)++;
}

static json_t *mention_json(sqlite3_stmt *st)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	const char *text = (const char *)sqlite3_column_text(st, 12);
	size_t len = text ? (size_t)sqlite3_column_bytes(st, 12) : 0;
	int64_t base = sqlite3_column_int64(st, 13);
	api_span sp[4];
	size_t n = 0;
	add_span(sp, &n, "source", st, 14, base);
	add_span(sp, &n, "target", st, 16, base);
	add_span(sp, &n, "verb", st, 18, base);
	const char *dt = (const char *)sqlite3_column_text(st, 11);
	const char *hit = text && dt && *dt ? strstr(text, dt) : NULL;
	if (hit)
		sp[n++] = (api_span){ "date", hit - text, hit - text + (int64_t)strlen(dt) };
	set(o, "id", json_integer(sqlite3_column_int64(st, 0)));
	set(o, "document", json_integer(sqlite3_column_int64(st, 1)));
	set(o, "sentence_index", json_integer(sqlite3_column_int64(st, 2)));
	set(o, "source", srv_col_str(st, 3));
	set(o, "target", srv_col_str(st, 4));
	set(o, "cameo", srv_col_str(st, 5));
	set(o, "pattern", srv_col_str(st, 6));
	set(o, "dict_version", srv_col_str(st, 7));
	set(o, "modality", srv_col_str(st, 8));
	set(o, "date", srv_col_str(st, 9));
	set(o, "date_precision", srv_col_str(st, 10));
	set(o, "date_text", srv_col_str(st, 11));
	set(o, "date_source", srv_col_str(st, 32));
	set(o, "sentence", srv_col_str(st, 12));
	set(o, "segments", text ? api_segments(text, len, sp, n) : json_array());
	json_t *spans = json_object();
	for (size_t i = 0; spans && i < n; i++)
		set(spans, sp[i].kind, json_pack("[I,I]", (json_int_t)sp[i].start, (json_int_t)sp[i].end));
	set(o, "spans_bytes", spans);
	set(o, "source_text", srv_col_str(st, 20));
	set(o, "target_text", srv_col_str(st, 21));
	set(o, "verb_text", srv_col_str(st, 22));
	set(o, "place_name", srv_col_str(st, 23));
	set(o, "place_country", srv_col_str(st, 24));
	set(o, "place_resolution", srv_col_str(st, 25));
	set(o, "place_source", srv_col_str(st, 33));
	const char *qty = (const char *)sqlite3_column_text(st, 26);
	set(o, "quantities", qty ? json_loads(qty, 0, NULL) : json_null());
	set(o, "title", srv_col_str(st, 27));
	set(o, "url", srv_col_str(st, 28));
	set(o, "outlet", sqlite3_column_type(st, 31) != SQLITE_NULL ? srv_col_str(st, 31) : srv_col_str(st, 29));
	set(o, "pub_date", srv_col_str(st, 30));
	return o;
}

static int event_mentions(srv_req *r, srv_resp *out, int64_t id, json_t *ev)
{
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, srv_conn_mention_sources(r->dbc) ? mention_sql : mention_sql_v5, &st))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	json_t *arr = json_array();
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, mention_json(st));
	srv_sql_done(r, st);
	set(ev, "evidence", arr);
	if (step != SQLITE_DONE)
		return srv_db_error(out, r->db, "mentions");
	if (srv_sql_fixed(r, out, "SELECT outlet FROM event_sources WHERE event_id = ?1 ORDER BY outlet LIMIT 100", &st))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	json_t *outlets = json_array();
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(outlets, srv_col_str(st, 0));
	srv_sql_done(r, st);
	set(ev, "outlets", outlets);
	return step == SQLITE_DONE ? 0 : srv_db_error(out, r->db, "outlets");
}

int api_event(srv_req *r, srv_resp *out)
{
	int64_t id;
	if (srv_parse_id(r->tail, &id))
		return srv_error(out, 400, "event id: a positive integer (got '%.40s')", r->tail);
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, "SELECT " API_EVENT_COLS " FROM events e" API_FIRST_DOC " WHERE e.id = ?1", &st))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int step = sqlite3_step(st);
	json_t *ev = step == SQLITE_ROW ? api_event_json(st) : NULL;
	srv_sql_done(r, st);
	if (step == SQLITE_DONE)
		return srv_error(out, 404, "no event %lld", (long long)id);
	if (!ev)
		return srv_db_error(out, r->db, "event");
	if (event_mentions(r, out, id, ev)) {
		json_decref(ev);
		return -1;
	}
	return srv_json(out, ev);
}
