/*
 * api_misc.c - /api/timeline, /api/search, /api/actors, /api/dyads,
 * /api/documents/{id}, /api/places, /api/info, and the sentence segments
 * used by the evidence view and search hits.
 */
#include "api.h"
#include "jsonw.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set(json_t *o, const char *k, json_t *v)
{
	json_object_set_new(o, k, v ? v : json_null());
}

/* Move an offset back to the start of a UTF-8 sequence. */
static size_t utf8_floor(const char *text, size_t len, int64_t at)
{
	if (at <= 0)
		return 0;
	size_t p = (size_t)at > len ? len : (size_t)at;
	while (p > 0 && p < len && ((unsigned char)text[p] & 0xC0) == 0x80)
		p--;
	return p;
}

static int span_cmp(const void *a, const void *b)
{
	const api_span *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static void piece(json_t *arr, const char *text, size_t from, size_t to, const char *kind)
{
	if (to <= from)
		return;
	json_t *s = json_stringn(text + from, to - from);
	json_array_append_new(arr, kind ? json_pack("{s:o?, s:s}", "text", s, "kind", kind)
	                                : json_pack("{s:o?}", "text", s));
}

json_t *api_segments(const char *text, size_t len, api_span *spans, size_t n)
{
	json_t *arr = json_array();
	if (!arr)
		return NULL;
	qsort(spans, n, sizeof(*spans), span_cmp);
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = utf8_floor(text, len, spans[i].start);
		size_t e = utf8_floor(text, len, spans[i].end);
		if (s < at || e <= s)
			continue;   /* outside the sentence, or overlapping an earlier span */
		piece(arr, text, at, s, NULL);
		piece(arr, text, s, e, spans[i].kind);
		at = e;
	}
	piece(arr, text, at, len, NULL);
	return arr;
}

/* ------------------------------------------------------------------ */
/* /api/timeline                                                        */

/*
 * One pass over the matching events' (day, coarse, quad, goldstein,
 * modality), aggregated here rather than by SQL: no date() per row, no
 * sorter, and the events too imprecise for the period counted in the
 * same pass. Periods are keyed by integers: year, year*12+month-1, or the
 * Julian day of the week's Monday (JDN % 7 == 0 is a Monday).
 */
enum { BY_MONTH, BY_WEEK, BY_YEAR };
static const char *const periods[] = { "month", "week", "year", NULL };
static const int max_coarse[] = { 1, 0, 2 };   /* 0 day, 1 month, 2 year, 3 undated */
#define MAX_PERIODS 20000

typedef struct period {
	int64_t key, events, quad[5], asserted, planned, n_gold;
	int64_t gold;   /* thousandths: exact sums, the same in any order */
} period;

typedef struct periods_map {
	period  *p;
	size_t   n, cap;
	int32_t *slot;        /* open addressing: index into p, -1 empty */
	size_t   nslot;
} periods_map;

static void jd_to_ymd(int64_t jd, int *y, int *m, int *d)
{
	int64_t a = jd + 32044, b = (4 * a + 3) / 146097, c = a - 146097 * b / 4;
	int64_t dd = (4 * c + 3) / 1461, e = c - 1461 * dd / 4, mm = (5 * e + 2) / 153;
	*d = (int)(e - (153 * mm + 2) / 5 + 1);
	*m = (int)(mm + 3 - 12 * (mm / 10));
	*y = (int)(100 * b + dd - 4800 + mm / 10);
}

static int map_grow(periods_map *m)
{
	size_t nslot = m->nslot ? m->nslot * 2 : 1024;
	int32_t *slot = dyad_malloc(nslot * sizeof(*slot));
	period *p = dyad_reallocarray(m->p, nslot / 2, sizeof(*p));
	if (!slot || !p) {
		dyad_free(slot);
		if (p)
			m->p = p;
		return -1;
	}
	m->p = p;
	m->cap = nslot / 2;
	for (size_t i = 0; i < nslot; i++)
		slot[i] = -1;
	for (size_t i = 0; i < m->n; i++) {
		size_t h = (size_t)((uint64_t)m->p[i].key * 0x9E3779B97F4A7C15u) & (nslot - 1);
		while (slot[h] >= 0)
			h = (h + 1) & (nslot - 1);
		slot[h] = (int32_t)i;
	}
	dyad_free(m->slot);
	m->slot = slot;
	m->nslot = nslot;
	return 0;
}

static period *map_get(periods_map *m, int64_t key)
{
	if (m->n + 1 > m->cap && (m->n >= MAX_PERIODS || map_grow(m)))
		return NULL;
	size_t h = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15u) & (m->nslot - 1);
	while (m->slot[h] >= 0) {
		if (m->p[m->slot[h]].key == key)
			return &m->p[m->slot[h]];
		h = (h + 1) & (m->nslot - 1);
	}
	m->slot[h] = (int32_t)m->n;
	period *p = &m->p[m->n++];
	memset(p, 0, sizeof(*p));
	p->key = key;
	return p;
}

static int period_cmp(const void *a, const void *b)
{
	const period *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

static int64_t period_key(int by, int64_t jd)
{
	int y, m, d;
	if (by == BY_WEEK)
		return jd - jd % 7;
	jd_to_ymd(jd, &y, &m, &d);
	return by == BY_YEAR ? y : (int64_t)y * 12 + (m - 1);
}

static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

/* "YYYY-MM-DD" (or fewer parts) without printf: 120 periods a request */
static void put_date(dyad_buf *b, int y, int m, int d)
{
	dyad_buf_putc(b, '"');
	jw_digits(b, y, 4);
	if (m) {
		dyad_buf_putc(b, '-');
		jw_digits(b, m, 2);
	}
	if (d) {
		dyad_buf_putc(b, '-');
		jw_digits(b, d, 2);
	}
	dyad_buf_putc(b, '"');
}

static void write_period(dyad_buf *b, int by, const period *p)
{
	int y, m, d;
	dyad_buf_puts(b, "{\"period\":");
	if (by == BY_WEEK) {
		jd_to_ymd(p->key, &y, &m, &d);
		put_date(b, y, m, d);
		dyad_buf_puts(b, ",\"from\":");
		put_date(b, y, m, d);
		jd_to_ymd(p->key + 6, &y, &m, &d);
		dyad_buf_puts(b, ",\"to\":");
		put_date(b, y, m, d);
	} else if (by == BY_YEAR) {
		y = (int)p->key;
		put_date(b, y, 0, 0);
		dyad_buf_puts(b, ",\"from\":");
		put_date(b, y, 1, 1);
		dyad_buf_puts(b, ",\"to\":");
		put_date(b, y, 12, 31);
	} else {
		y = (int)(p->key / 12);
		m = (int)(p->key % 12) + 1;
		bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		put_date(b, y, m, 0);
		dyad_buf_puts(b, ",\"from\":");
		put_date(b, y, m, 1);
		dyad_buf_puts(b, ",\"to\":");
		put_date(b, y, m, m == 2 && leap ? 29 : mdays[m - 1]);
	}
	dyad_buf_puts(b, ",\"events\":");
	jw_int(b, p->events);
	dyad_buf_puts(b, ",\"quad\":[");
	for (int q = 0; q < 5; q++) {
		if (q)
			dyad_buf_putc(b, ',');
		jw_int(b, p->quad[q]);
	}
	dyad_buf_puts(b, "],\"mean_goldstein\":");
	if (p->n_gold)
		jw_fixed3(b, (double)p->gold / 1000.0 / (double)p->n_gold);
	else
		dyad_buf_puts(b, "null");
	dyad_buf_puts(b, ",\"asserted\":");
	jw_int(b, p->asserted);
	dyad_buf_puts(b, ",\"planned\":");
	jw_int(b, p->planned);
	dyad_buf_putc(b, '}');
}

static int add_row(periods_map *map, int by, sqlite3_stmt *st, int64_t *excluded)
{
	int coarse = sqlite3_column_int(st, 1);
	int64_t jd = sqlite3_column_int64(st, 0);
	if (coarse > max_coarse[by] || jd <= 0) {
		(*excluded)++;
		return 0;
	}
	period *p = map_get(map, period_key(by, jd));
	if (!p)
		return -1;
	p->events++;
	int q = sqlite3_column_int(st, 2);
	if (q >= 0 && q <= 4)
		p->quad[q]++;
	if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
		p->gold += llround(sqlite3_column_double(st, 3) * 1000.0);
		p->n_gold++;
	}
	const char *mod = (const char *)sqlite3_column_text(st, 4);
	if (mod && strcmp(mod, "asserted") == 0)
		p->asserted++;
	else if (mod && (strcmp(mod, "planned") == 0 || strcmp(mod, "future") == 0))
		p->planned++;
	return 0;
}

/*
 * The timeline from timeline_counts (schema 3): possible when the actors
 * are three-letter prefixes (a prefix of three letters matches exactly
 * the codes the table files under it) and no other filter is set.
 */
static bool summary_fits(const srv_req *r, const api_filter *f)
{
	if (!srv_conn_summaries(r->dbc) || f->has_code || f->has_plover || f->has_modality ||
	    f->has_from || f->has_to || f->min_sources > 0 || f->text)
		return false;
	if (f->has_dyad)
		return strlen(f->a) == 3 && strlen(f->b) == 3 && !f->has_actor;
	return !f->has_actor || strlen(f->actor) == 3;
}

#define TL_COLS "period, events, q0, q1, q2, q3, q4, asserted, planned, n_gold, gold"
#define TL_EXCLUDED (-1000000)

static int summary_rows(srv_req *r, srv_resp *out, const api_filter *f, int by,
                        periods_map *map, int64_t *excluded, bool *full)
{
	const char *sql;
	if (f->has_dyad && strcmp(f->a, f->b) != 0)
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?1 AND t3 = ?2 AND by = ?3"
		      " UNION ALL SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?2 AND t3 = ?1 AND by = ?3";
	else if (f->has_dyad)
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?1 AND t3 = ?2 AND by = ?3";
	else if (f->has_actor)   /* an event between the actor and itself counts once */
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?1 AND by = ?3"
		      " UNION ALL SELECT " TL_COLS " FROM timeline_counts WHERE t3 = ?1 AND s3 <> ?1 AND by = ?3";
	else
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE by = ?3";
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, sql, &st))
		return -1;
	sqlite3_bind_text(st, 1, f->has_dyad ? f->a : f->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->b, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, by);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t key = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 1);
		if (n <= 0)
			continue;   /* every event of the period was taken away */
		if (key == TL_EXCLUDED) {
			*excluded += n;
			continue;
		}
		period *p = map_get(map, key);
		if (!p) {
			*full = true;
			break;
		}
		p->events += n;
		for (int q = 0; q < 5; q++)
			p->quad[q] += sqlite3_column_int64(st, 2 + q);
		p->asserted += sqlite3_column_int64(st, 7);
		p->planned += sqlite3_column_int64(st, 8);
		p->n_gold += sqlite3_column_int64(st, 9);
		p->gold += sqlite3_column_int64(st, 10);
	}
	srv_sql_done(r, st);
	return rc == SQLITE_DONE || *full ? 0 : srv_db_error(out, r->db, "timeline");
}

/* The timeline read from the events themselves, any filter. */
static int event_rows(srv_req *r, srv_resp *out, api_filter *f, int by,
                      periods_map *map, int64_t *excluded, bool *full)
{
	int rc = SQLITE_DONE;
	/* both directions of a dyad in one OR, or apart when they are disjoint */
	bool split = api_filter_split(f);
	for (int branch = split ? 1 : 0; branch <= (split ? 2 : 0) && rc == SQLITE_DONE && !*full; branch++) {
		f->branch = branch;
		srv_sql q;
		memset(&q, 0, sizeof(q));
		dyad_buf_puts(&q.sql, "SELECT e.day, e.coarse, e.quad, e.goldstein, e.modality FROM events e WHERE 1");
		api_filter_sql(f, &q);
		sqlite3_stmt *st;
		int prc = srv_sql_prepare(&q, r, out, &st);
		srv_sql_release(&q);
		if (prc)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (add_row(map, by, st, excluded)) {
				*full = true;
				break;
			}
		}
		if (rc == SQLITE_ROW)
			rc = SQLITE_DONE;
		srv_sql_done(r, st);
	}
	f->branch = 0;
	return rc == SQLITE_DONE ? 0 : srv_db_error(out, r->db, "timeline");
}

int api_timeline(srv_req *r, srv_resp *out)
{
	api_filter f;
	int by = BY_MONTH;
	if (api_filter_parse(r, out, &f) || srv_param_enum(r, out, "by", periods, &by))
		return -1;
	periods_map map = { 0 };
	int64_t excluded = 0;
	bool full = false;
	int ret = summary_fits(r, &f) ? summary_rows(r, out, &f, by, &map, &excluded, &full)
	                              : event_rows(r, out, &f, by, &map, &excluded, &full);
	if (ret == 0 && full)
		ret = srv_error(out, 400, "more than %d periods: narrow the date range or use a longer period", MAX_PERIODS);
	if (ret == 0) {
		if (map.n > 1)
			qsort(map.p, map.n, sizeof(*map.p), period_cmp);
		dyad_buf *b = &out->body;
		dyad_buf_printf(b, "{\"by\":\"%s\",\"quad_names\":[\"neutral\",\"verbal cooperation\","
		                   "\"material cooperation\",\"verbal conflict\",\"material conflict\"],"
		                   "\"excluded_imprecise\":%lld,\"periods\":[", periods[by], (long long)excluded);
		for (size_t i = 0; i < map.n; i++) {
			if (i)
				dyad_buf_putc(b, ',');
			write_period(b, by, &map.p[i]);
		}
		if (dyad_buf_puts(b, "]}\n"))
			ret = srv_error(out, 500, "response too large");
		else {
			out->status = 200;
			out->type = "application/json; charset=utf-8";
		}
	}
	dyad_free(map.p);
	dyad_free(map.slot);
	return ret;
}

/* ------------------------------------------------------------------ */
/* /api/search                                                          */

static json_t *sentence_events(srv_req *r, srv_resp *out, int64_t doc, int64_t idx)
{
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, "SELECT DISTINCT e.id, e.source, e.target, e.cameo, e.date, e.plover, e.goldstein"
	                          " FROM mentions m JOIN events e ON e.id = m.event_id"
	                          " WHERE m.doc_id = ?1 AND m.sentence = ?2 ORDER BY e.id LIMIT 50", &st))
		return NULL;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_int64(st, 2, idx);
	json_t *arr = json_array();
	while (sqlite3_step(st) == SQLITE_ROW) {
		json_t *o = json_object();
		set(o, "id", srv_col_int(st, 0));
		set(o, "source", srv_col_str(st, 1));
		set(o, "target", srv_col_str(st, 2));
		set(o, "cameo", srv_col_str(st, 3));
		set(o, "date", srv_col_str(st, 4));
		set(o, "plover", srv_col_str(st, 5));
		set(o, "goldstein", srv_col_real(st, 6));
		json_array_append_new(arr, o);
	}
	srv_sql_done(r, st);
	return arr;
}

/* FTS5 highlight() marks matches with \x02 ... \x03; make them segments. */
static json_t *match_segments(const char *h)
{
	json_t *arr = json_array();
	const char *p = h;
	while (p && *p) {
		const char *open = strchr(p, '\x02');
		if (!open) {
			piece(arr, p, 0, strlen(p), NULL);
			break;
		}
		piece(arr, p, 0, (size_t)(open - p), NULL);
		const char *close = strchr(open + 1, '\x03');
		size_t n = close ? (size_t)(close - open - 1) : strlen(open + 1);
		piece(arr, open + 1, 0, n, "match");
		p = close ? close + 1 : NULL;
	}
	return arr;
}

int api_search(srv_req *r, srv_resp *out)
{
	const char *text = NULL;
	long limit = 20;
	if (!srv_param(r, "q"))
		return srv_error(out, 400, "q: a full-text query is required (e.g. q=joint+exercise)");
	if (srv_param_text(r, out, "q", &text) || srv_param_long(r, out, "limit", 1, 100, &limit))
		return -1;
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out,
	        "SELECT s.doc_id, s.idx, s.text, highlight(sentences_fts, 0, char(2), char(3)),"
	        " d.title, d.url, d.outlet, d.pub_date, f.rank"
	        " FROM sentences_fts f JOIN sentences s ON s.id = f.rowid"
	        " JOIN documents d ON d.id = s.doc_id"
	        " WHERE sentences_fts MATCH ?1 ORDER BY f.rank LIMIT ?2", &st))
		return -1;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit);
	json_t *hits = json_array();
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		json_t *o = json_object();
		set(o, "document", srv_col_int(st, 0));
		set(o, "sentence_index", srv_col_int(st, 1));
		set(o, "sentence", srv_col_str(st, 2));
		set(o, "segments", match_segments((const char *)sqlite3_column_text(st, 3)));
		set(o, "title", srv_col_str(st, 4));
		set(o, "url", srv_col_str(st, 5));
		set(o, "outlet", srv_col_str(st, 6));
		set(o, "pub_date", srv_col_str(st, 7));
		set(o, "rank", srv_col_real(st, 8));
		set(o, "events", sentence_events(r, out, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)));
		json_array_append_new(hits, o);
	}
	if (rc != SQLITE_DONE) {
		srv_db_error(out, r->db, "search");
		srv_sql_done(r, st);
		json_decref(hits);
		return -1;
	}
	srv_sql_done(r, st);
	return srv_json(out, json_pack("{s:s, s:o}", "q", text, "hits", hits));
}

/* ------------------------------------------------------------------ */
/* /api/actors, /api/dyads                                              */

int api_actors(srv_req *r, srv_resp *out)
{
	long limit = 50;
	if (srv_param_long(r, out, "limit", 1, 500, &limit))
		return -1;
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, "SELECT code, n_mentions, first_date, last_date FROM actors"
	                          " ORDER BY n_mentions DESC, code LIMIT ?1", &st))
		return -1;
	sqlite3_bind_int64(st, 1, limit);
	json_t *arr = json_array();
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o}", "code", srv_col_str(st, 0),
		                                     "mentions", srv_col_int(st, 1), "first_date", srv_col_str(st, 2),
		                                     "last_date", srv_col_str(st, 3)));
	srv_sql_done(r, st);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		return srv_db_error(out, r->db, "actors");
	}
	return srv_json(out, json_pack("{s:o}", "actors", arr));
}

int api_dyads(srv_req *r, srv_resp *out)
{
	long limit = 50;
	char actor[16];
	bool has_actor;
	int level = 0;
	static const char *const levels[] = { "code", "country", NULL };
	if (srv_param_long(r, out, "limit", 1, 500, &limit) ||
	    srv_param_actor(r, out, "actor", actor, sizeof(actor), &has_actor) ||
	    srv_param_enum(r, out, "level", levels, &level))
		return -1;
	srv_sql q;
	memset(&q, 0, sizeof(q));
	/* country level: the first three letters of each code, the pair in order */
	dyad_buf_printf(&q.sql, "SELECT %s AS x, %s AS y, count(*) AS n, sum(e.n_mentions), avg(e.goldstein),"
	                        " sum(e.quad IN (1, 2)), sum(e.quad IN (3, 4))"
	                        " FROM events e WHERE e.actor_b <> ''",
	                level ? "min(substr(e.actor_a, 1, 3), substr(e.actor_b, 1, 3))" : "e.actor_a",
	                level ? "max(substr(e.actor_a, 1, 3), substr(e.actor_b, 1, 3))" : "e.actor_b");
	if (has_actor) {
		dyad_buf_puts(&q.sql, " AND (");
		srv_sql_prefix(&q, "e.actor_a", actor);
		dyad_buf_puts(&q.sql, " OR ");
		srv_sql_prefix(&q, "e.actor_b", actor);
		dyad_buf_puts(&q.sql, ")");
	}
	dyad_buf_puts(&q.sql, " GROUP BY x, y ORDER BY n DESC, x, y LIMIT ?");
	srv_sql_i(&q, limit);
	sqlite3_stmt *st;
	int rc = srv_sql_prepare(&q, r, out, &st);
	srv_sql_release(&q);
	if (rc)
		return -1;
	json_t *arr = json_array();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			"a", srv_col_str(st, 0), "b", srv_col_str(st, 1), "events", srv_col_int(st, 2),
			"mentions", srv_col_int(st, 3), "mean_goldstein", srv_col_real(st, 4),
			"cooperation", srv_col_int(st, 5), "conflict", srv_col_int(st, 6)));
	srv_sql_done(r, st);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		return srv_db_error(out, r->db, "dyads");
	}
	return srv_json(out, json_pack("{s:o}", "dyads", arr));
}
