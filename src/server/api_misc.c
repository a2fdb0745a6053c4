/*
 * api_misc.c - /api/search, /api/actors, /api/dyads,
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

/*
 * Country-level dyads without their mention counts (mentions=0, what the
 * page's network asks for) from timeline_counts (schema 3): its year rows
 * count every event of a (source, target) prefix pair, by QuadClass and
 * with the Goldstein sum. A few thousand rows instead of every event
 * (850 ms of CPU on the 1M-mention store); the mention counts are what
 * only the events have.
 */
static void dyads_summary_sql(srv_sql *q, const char *actor, bool has_actor, long limit)
{
	dyad_buf_puts(&q->sql, "SELECT min(s3, t3) AS x, max(s3, t3) AS y, sum(events) AS n, NULL,"
	                       " CASE WHEN sum(n_gold) > 0 THEN sum(gold) / 1000.0 / sum(n_gold) END,"
	                       " sum(q1 + q2), sum(q3 + q4) FROM timeline_counts WHERE by = 2 AND t3 <> ''");
	if (has_actor) {
		dyad_buf_puts(&q->sql, " AND (s3 = ? OR t3 = ?)");
		srv_sql_s(q, actor);
		srv_sql_s(q, actor);
	}
	dyad_buf_puts(&q->sql, " GROUP BY x, y HAVING n > 0 ORDER BY n DESC, x, y LIMIT ?");
	srv_sql_i(q, limit);
}

/* The dyads counted from the events: codes, or (level) country-level pairs. */
static void dyads_events_sql(srv_sql *q, int level, const char *actor, bool has_actor, long limit)
{
	/* country level: the first three letters of each code, the pair in order */
	dyad_buf_printf(&q->sql, "SELECT %s AS x, %s AS y, count(*) AS n, sum(e.n_mentions), avg(e.goldstein),"
	                         " sum(coalesce(e.quad, 0) IN (1, 2)), sum(coalesce(e.quad, 0) IN (3, 4))"
	                         " FROM events e WHERE e.actor_b <> ''",
	                level ? "min(substr(e.actor_a, 1, 3), substr(e.actor_b, 1, 3))" : "e.actor_a",
	                level ? "max(substr(e.actor_a, 1, 3), substr(e.actor_b, 1, 3))" : "e.actor_b");
	if (has_actor) {
		dyad_buf_puts(&q->sql, " AND (");
		srv_sql_prefix(q, "e.actor_a", actor);
		dyad_buf_puts(&q->sql, " OR ");
		srv_sql_prefix(q, "e.actor_b", actor);
		dyad_buf_puts(&q->sql, ")");
	}
	dyad_buf_puts(&q->sql, " GROUP BY x, y ORDER BY n DESC, x, y LIMIT ?");
	srv_sql_i(q, limit);
}

int api_dyads(srv_req *r, srv_resp *out)
{
	long limit = 50, mentions = 1;
	char actor[16];
	bool has_actor;
	int level = 0;
	static const char *const levels[] = { "code", "country", NULL };
	if (srv_param_long(r, out, "limit", 1, 500, &limit) ||
	    srv_param_actor(r, out, "actor", actor, sizeof(actor), &has_actor) ||
	    srv_param_enum(r, out, "level", levels, &level) ||
	    srv_param_long(r, out, "mentions", 0, 1, &mentions))
		return -1;
	srv_sql q;
	memset(&q, 0, sizeof(q));
	if (level && !mentions && srv_conn_summaries(r->dbc) && (!has_actor || strlen(actor) == 3))
		dyads_summary_sql(&q, actor, has_actor, limit);
	else
		dyads_events_sql(&q, level, actor, has_actor, limit);
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
