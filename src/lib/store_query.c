/*
 * store_query.c - queries over the store: events with filters, the
 * mentions behind an event, full-text search, timelines and top actors.
 *
 * Filters become one SELECT built from fixed fragments with bound
 * parameters (never user text in SQL). Actor and code prefixes are
 * half-open ranges [p, p+1) so the indexes on source/target/cameo serve
 * them; dates use the integer day column.
 */
#include "store_internal.h"
#include "util/buf.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_PARAMS 24

typedef struct param {
	bool is_int;
	int64_t i;
	char s[DYAD_CODE_MAX + 2];
	const char *text;      /* long text (FTS query), borrowed */
} param;

typedef struct query {
	dyad_buf sql;
	param    p[MAX_PARAMS];
	int      n;
} query;

static void add_s(query *q, const char *s)
{
	if (q->n >= MAX_PARAMS)
		return;
	param *p = &q->p[q->n++];
	p->is_int = false;
	p->text = NULL;
	snprintf(p->s, sizeof(p->s), "%s", s);
}

static void add_text(query *q, const char *s)
{
	if (q->n >= MAX_PARAMS)
		return;
	param *p = &q->p[q->n++];
	p->is_int = false;
	p->text = s;
}

static void add_i(query *q, int64_t v)
{
	if (q->n >= MAX_PARAMS)
		return;
	param *p = &q->p[q->n++];
	p->is_int = true;
	p->i = v;
	p->text = NULL;
}

/* The upper bound of a prefix range: the prefix with its last byte + 1.
 * A column written "+e.source" is compared without its index (SQLite's
 * unary-plus rule), which lets the planner walk events in date order. */
static void add_prefix(query *q, const char *col, const char *prefix)
{
	char hi[DYAD_CODE_MAX + 2];
	snprintf(hi, sizeof(hi), "%s", prefix);
	size_t n = strlen(hi);
	if (n)
		hi[n - 1] = (char)(hi[n - 1] + 1);
	dyad_buf_printf(&q->sql, "(%s >= ? AND %s < ?)", col, col);
	add_s(q, prefix);
	add_s(q, hi);
}

static int bind_all(dyad_store *s, query *q, sqlite3_stmt **st)
{
	if (!q->sql.data || sqlite3_prepare_v2(s->db, q->sql.data, -1, st, NULL) != SQLITE_OK)
		return store_db_error(s, "query");
	for (int i = 0; i < q->n; i++) {
		if (q->p[i].is_int)
			sqlite3_bind_int64(*st, i + 1, q->p[i].i);
		else
			sqlite3_bind_text(*st, i + 1, q->p[i].text ? q->p[i].text : q->p[i].s, -1, SQLITE_TRANSIENT);
	}
	return 0;
}

static const char *col_s(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static double col_d(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* Filtering, ordering and the limit happen in the inner SELECT; the
 * first reporting document (events.first_doc) is joined to the returned
 * rows only. */
static const char event_outer[] =
	"SELECT e.id, e.source, e.target, e.cameo, e.root, e.plover, e.date, e.date_end,"
	" e.date_precision, e.modality, e.place_name, e.place_country, e.quad, e.goldstein,"
	" e.lat, e.lon, e.n_mentions, e.n_articles, e.n_sources, e.first_seen,"
	" d.url, d.title, d.outlet FROM (";
static const char event_outer_end[] =
	") e LEFT JOIN documents d ON d.id = e.first_doc"
	" ORDER BY e.day, e.id";

/* Query plans. SQLite would walk the date index for every ORDER BY day
 * query; that is right when the filters match many events (the first
 * `limit` come quickly) and slow when they match few (it reads the whole
 * table to find them). So the store counts, up to a cap, the events a
 * selective filter matches: few -> BY_FILTER (use the filter's index, sort
 * the matches: "+e.day" hides the date index); many -> BY_DATE (walk by
 * date: "+e.source" etc. hide the filter indexes). */
typedef enum plan { PLAN_BY_DATE, PLAN_BY_FILTER } plan;

#define BROAD_EVENTS 4000

/* Julian day of the last day a (possibly partial) date covers. */
static int64_t last_day(dyad_date d)
{
	if (d.month && d.day)
		return store_julian(d);
	dyad_date next = { (int16_t)(d.year + 1), 1, 1 };
	if (d.month && d.month < 12)
		next = (dyad_date){ d.year, (uint8_t)(d.month + 1), 1 };
	return store_julian(next) - 1;
}

static void actor_terms(query *q, const dyad_event_filter *f, bool by_date)
{
	const char *src = by_date ? "+e.source" : "e.source";
	const char *tgt = by_date ? "+e.target" : "e.target";
	if (f->actor && *f->actor) {
		dyad_buf_puts(&q->sql, " AND (");
		add_prefix(q, src, f->actor);
		dyad_buf_puts(&q->sql, " OR ");
		add_prefix(q, tgt, f->actor);
		dyad_buf_puts(&q->sql, ")");
	}
	if (f->dyad_a && f->dyad_b) {
		dyad_buf_puts(&q->sql, " AND ((");
		add_prefix(q, src, f->dyad_a);
		dyad_buf_puts(&q->sql, " AND ");
		add_prefix(q, tgt, f->dyad_b);
		dyad_buf_puts(&q->sql, ") OR (");
		add_prefix(q, src, f->dyad_b);
		dyad_buf_puts(&q->sql, " AND ");
		add_prefix(q, tgt, f->dyad_a);
		dyad_buf_puts(&q->sql, "))");
	}
}

static void build_filter(query *q, const dyad_event_filter *f, plan pl)
{
	bool by_date = pl == PLAN_BY_DATE;
	const char *day = by_date ? "e.day" : "+e.day";
	dyad_buf_puts(&q->sql, event_outer);
	dyad_buf_puts(&q->sql, "SELECT * FROM events e WHERE 1");
	if (f->id) {
		dyad_buf_puts(&q->sql, " AND e.id = ?");
		add_i(q, f->id);
	}
	actor_terms(q, f, by_date);
	if (f->code && *f->code) {
		dyad_buf_puts(&q->sql, " AND ");
		add_prefix(q, "e.cameo", f->code);
	}
	if (f->plover && *f->plover) {
		dyad_buf_puts(&q->sql, " AND e.plover = ?");
		add_s(q, f->plover);
	}
	if (f->modality && *f->modality) {
		dyad_buf_puts(&q->sql, " AND e.modality = ?");
		add_s(q, f->modality);
	}
	if (f->from.year) {
		dyad_buf_printf(&q->sql, " AND %s >= ? AND e.coarse < 3", day);
		add_i(q, store_julian(f->from));
	}
	if (f->to.year) {
		dyad_buf_printf(&q->sql, " AND %s <= ? AND e.coarse < 3", day);
		add_i(q, last_day(f->to));
	}
	if (f->min_sources > 0) {
		dyad_buf_printf(&q->sql, " AND %s >= ?", by_date ? "+e.n_sources" : "e.n_sources");
		add_i(q, f->min_sources);
	}
	if (f->text && *f->text) {
		dyad_buf_puts(&q->sql,
			" AND e.id IN (SELECT m.event_id FROM mentions m WHERE m.sentence_id IN"
			" (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?))");
		add_text(q, f->text);
	}
	dyad_buf_printf(&q->sql, " ORDER BY %s, e.id", day);
	if (f->limit > 0) {
		dyad_buf_puts(&q->sql, " LIMIT ?");
		add_i(q, f->limit);
	}
	dyad_buf_puts(&q->sql, event_outer_end);
}

/* Events matching the selective filters, counted up to `cap`. */
static int capped_count(dyad_store *s, const dyad_event_filter *f, int64_t cap, int64_t *n)
{
	query q;
	memset(&q, 0, sizeof(q));
	dyad_buf_puts(&q.sql, "SELECT count(*) FROM (SELECT 1 FROM events e WHERE 1");
	actor_terms(&q, f, false);
	if (f->min_sources > 0) {
		dyad_buf_puts(&q.sql, " AND e.n_sources >= ?");
		add_i(&q, f->min_sources);
	}
	dyad_buf_puts(&q.sql, " LIMIT ?)");
	add_i(&q, cap + 1);
	sqlite3_stmt *st = NULL;
	int rc = bind_all(s, &q, &st);
	dyad_buf_release(&q.sql);
	if (rc)
		return rc;
	*n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

static int choose_plan(dyad_store *s, const dyad_event_filter *f, plan *pl)
{
	bool actor = (f->actor && *f->actor) || (f->dyad_a && f->dyad_b);
	bool selective = actor || f->min_sources > 1 || f->id || (f->text && *f->text);
	*pl = selective ? PLAN_BY_FILTER : PLAN_BY_DATE;
	if (!selective || f->limit <= 0 || f->id || (f->text && *f->text) ||
	    !(actor || f->min_sources > 1))
		return 0;
	int64_t cap = BROAD_EVENTS > 20 * f->limit ? BROAD_EVENTS : 20 * f->limit, n;
	int rc = capped_count(s, f, cap, &n);
	if (!rc && n > cap)
		*pl = PLAN_BY_DATE;
	return rc;
}

int dyad_store_events(dyad_store *s, const dyad_event_filter *f, dyad_event_row_fn fn, void *ctx)
{
	plan pl;
	int rc = f->text && *f->text ? store_fts_flush(s) : 0;   /* the open batch's sentences too */
	if (!rc)
		rc = choose_plan(s, f, &pl);
	if (rc)
		return rc;
	query q;
	memset(&q, 0, sizeof(q));
	build_filter(&q, f, pl);
	sqlite3_stmt *st = NULL;
	rc = bind_all(s, &q, &st);
	dyad_buf_release(&q.sql);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		dyad_event_row r = {
			.id = sqlite3_column_int64(st, 0), .source = col_s(st, 1), .target = col_s(st, 2),
			.cameo = col_s(st, 3), .root = col_s(st, 4), .plover = col_s(st, 5),
			.date = col_s(st, 6), .date_end = col_s(st, 7), .precision = col_s(st, 8),
			.modality = col_s(st, 9), .place_name = col_s(st, 10), .place_country = col_s(st, 11),
			.quad = sqlite3_column_int(st, 12), .goldstein = sqlite3_column_double(st, 13),
			.lat = col_d(st, 14), .lon = col_d(st, 15), .n_mentions = sqlite3_column_int64(st, 16),
			.n_articles = sqlite3_column_int64(st, 17), .n_sources = sqlite3_column_int64(st, 18),
			.first_seen = col_s(st, 19), .url = col_s(st, 20), .title = col_s(st, 21),
			.outlet = col_s(st, 22),
		};
		if (fn(ctx, &r))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		rc = store_db_error(s, "events query");
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return 0;
}

static const char mention_cols[] =
	"SELECT m.id, m.event_id, m.doc_id, m.sentence, m.source, m.target, m.cameo, m.pattern,"
	" m.dict_version, m.modality, m.date, s.text, s.start,"
	" COALESCE(m.source_start, -1), COALESCE(m.source_end, -1),"
	" COALESCE(m.target_start, -1), COALESCE(m.target_end, -1),"
	" COALESCE(m.verb_start, -1), COALESCE(m.verb_end, -1),"
	" d.title, d.url, d.outlet, d.pub_date"
	" FROM mentions m JOIN documents d ON d.id = m.doc_id"
	" LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence";

static int run_mentions(dyad_store *s, sqlite3_stmt *st, dyad_mention_row_fn fn, void *ctx)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		dyad_mention_row r = {
			.id = sqlite3_column_int64(st, 0), .event_id = sqlite3_column_int64(st, 1),
			.doc_id = sqlite3_column_int64(st, 2), .sentence = (uint32_t)sqlite3_column_int64(st, 3),
			.source = col_s(st, 4), .target = col_s(st, 5), .cameo = col_s(st, 6),
			.pattern = col_s(st, 7), .dict_version = col_s(st, 8), .modality = col_s(st, 9),
			.date = col_s(st, 10), .sentence_text = col_s(st, 11),
			.sentence_start = (uint32_t)sqlite3_column_int64(st, 12),
			.src_start = sqlite3_column_int64(st, 13), .src_end = sqlite3_column_int64(st, 14),
			.tgt_start = sqlite3_column_int64(st, 15), .tgt_end = sqlite3_column_int64(st, 16),
			.verb_start = sqlite3_column_int64(st, 17), .verb_end = sqlite3_column_int64(st, 18),
			.title = col_s(st, 19), .url = col_s(st, 20), .outlet = col_s(st, 21),
			.pub_date = col_s(st, 22),
		};
		if (fn(ctx, &r))
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_error(s, "mentions query");
	sqlite3_finalize(st);
	return rc;
}

int dyad_store_event_mentions(dyad_store *s, int64_t event_id, dyad_mention_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_buf_puts(&sql, mention_cols);
	dyad_buf_puts(&sql, " WHERE m.event_id = ?1 ORDER BY m.doc_id, m.sentence, m.id");
	int ok = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) == SQLITE_OK;
	dyad_buf_release(&sql);
	if (!ok)
		return store_db_error(s, "mentions query");
	sqlite3_bind_int64(st, 1, event_id);
	return run_mentions(s, st, fn, ctx);
}

int dyad_store_sentence_mentions(dyad_store *s, int64_t doc_id, uint32_t sentence,
                                 dyad_mention_row_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	dyad_buf sql = DYAD_BUF_INIT;
	dyad_buf_puts(&sql, mention_cols);
	dyad_buf_puts(&sql, " WHERE m.doc_id = ?1 AND m.sentence = ?2 ORDER BY m.id");
	int ok = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL) == SQLITE_OK;
	dyad_buf_release(&sql);
	if (!ok)
		return store_db_error(s, "mentions query");
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int64(st, 2, sentence);
	return run_mentions(s, st, fn, ctx);
}

int dyad_store_search(dyad_store *s, const char *query_text, long limit, dyad_search_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int frc = store_fts_flush(s);   /* the open batch's sentences too */
	if (frc)
		return frc;
	if (sqlite3_prepare_v2(s->db,
	        "SELECT s.doc_id, s.idx, s.text, d.title, d.url, d.outlet, d.pub_date, f.rank"
	        " FROM sentences_fts f JOIN sentences s ON s.id = f.rowid"
	        " JOIN documents d ON d.id = s.doc_id"
	        " WHERE sentences_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2", -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, "search");
	sqlite3_bind_text(st, 1, query_text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, limit > 0 ? limit : -1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		dyad_search_hit h = {
			.doc_id = sqlite3_column_int64(st, 0), .sentence = (uint32_t)sqlite3_column_int64(st, 1),
			.text = col_s(st, 2), .title = col_s(st, 3), .url = col_s(st, 4),
			.outlet = col_s(st, 5), .pub_date = col_s(st, 6), .rank = sqlite3_column_double(st, 7),
		};
		if (fn(ctx, &h))
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
	   : dyad_error_set(DYAD_EINVAL, "search: %s (FTS5 query syntax: words, \"phrases\", AND, OR, NOT, prefix*)",
	                    sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	return rc;
}

int dyad_store_timeline(dyad_store *s, const char *a, const char *b, const char *by,
                        dyad_timeline_fn fn, void *ctx)
{
	/* group keys cheap per row; the label is computed once per group. A
	 * week is labelled by its Monday (Julian day numbers: 0 mod 7 is Monday) */
	const char *key = "substr(e.date, 1, 7)", *label = "substr(e.date, 1, 7)";
	if (by && strcmp(by, "year") == 0) {
		key = label = "substr(e.date, 1, 4)";
	} else if (by && strcmp(by, "week") == 0) {
		key = "e.day - e.day % 7";
		label = "date(e.day - e.day % 7 - 0.5)";
	} else if (by && strcmp(by, "month") != 0) {
		return dyad_error_set(DYAD_EINVAL, "timeline: --by must be month, week or year");
	}
	query q;
	memset(&q, 0, sizeof(q));
	dyad_buf_printf(&q.sql,
		"SELECT %s, count(*), sum(e.quad = 0), sum(e.quad = 1), sum(e.quad = 2),"
		" sum(e.quad = 3), sum(e.quad = 4), avg(e.goldstein),"
		" sum(e.modality = 'asserted'), sum(e.modality IN ('planned', 'future')), %s AS p"
		" FROM events e WHERE e.date IS NOT NULL AND %s AND ((", label, key,
		strcmp(key, "e.day - e.day % 7") == 0 ? "e.coarse = 0" : "e.coarse < 2");
	add_prefix(&q, "e.source", a);
	dyad_buf_puts(&q.sql, " AND ");
	add_prefix(&q, "e.target", b);
	dyad_buf_puts(&q.sql, ") OR (");
	add_prefix(&q, "e.source", b);
	dyad_buf_puts(&q.sql, " AND ");
	add_prefix(&q, "e.target", a);
	dyad_buf_puts(&q.sql, ")) GROUP BY p ORDER BY p");
	sqlite3_stmt *st = NULL;
	int rc = bind_all(s, &q, &st);
	dyad_buf_release(&q.sql);
	if (rc)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		dyad_timeline_row r = { .period = col_s(st, 0), .events = sqlite3_column_int64(st, 1),
		                        .mean_goldstein = sqlite3_column_double(st, 7),
		                        .asserted = sqlite3_column_int64(st, 8),
		                        .planned = sqlite3_column_int64(st, 9) };
		for (int k = 0; k < 5; k++)
			r.quad[k] = sqlite3_column_int64(st, 2 + k);
		if (!r.period)
			continue;
		if (fn(ctx, &r))
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_error(s, "timeline");
	sqlite3_finalize(st);
	return rc;
}

static int top(dyad_store *s, const char *sql, long limit, dyad_count_fn fn, void *ctx, bool pair)
{
	sqlite3_stmt *st = NULL;
	int frc = store_pending_flush(s);   /* the open batch's counts too */
	if (frc)
		return frc;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, "top actors");
	sqlite3_bind_int64(st, 1, limit > 0 ? limit : 20);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(ctx, col_s(st, 0), pair ? col_s(st, 1) : NULL, sqlite3_column_int64(st, 2),
		       sqlite3_column_int64(st, 3)))
			break;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_error(s, "top actors");
	sqlite3_finalize(st);
	return rc;
}

int dyad_store_top_actors(dyad_store *s, long limit, dyad_count_fn fn, void *ctx)
{
	return top(s, "SELECT code, NULL, n_mentions, n_mentions FROM actors"
	              " ORDER BY n_mentions DESC, code LIMIT ?1", limit, fn, ctx, false);
}

int dyad_store_top_dyads(dyad_store *s, long limit, dyad_count_fn fn, void *ctx)
{
	return top(s, "SELECT actor_a, actor_b, n_events, n_mentions FROM dyads"
	              " ORDER BY n_events DESC, actor_a, actor_b LIMIT ?1", limit, fn, ctx, true);
}
