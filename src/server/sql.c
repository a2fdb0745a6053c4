/*
 * sql.c - read-only database connections with a statement cache, and SQL
 * built from fixed fragments whose every value is a bound parameter.
 *
 * The cache keeps prepared statements by their SQL text (never results):
 * the filters of /api/events produce a few dozen distinct shapes, and
 * preparing costs more than running the query on a warm page cache.
 */
#include "server.h"
#include "util/alloc.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define CACHE_SIZE 48

struct srv_conn {
	sqlite3 *db;
	int      version;     /* schema: >= 3 timeline_counts, events_st3; >= 5 rows for ranges */
	struct {
		char         *sql;
		sqlite3_stmt *st;
		bool          busy;
	} cache[CACHE_SIZE];
};

srv_conn *srv_conn_open(const char *path, char *err, size_t errsize)
{
	srv_conn *c = dyad_calloc(1, sizeof(*c));
	if (!c) {
		snprintf(err, errsize, "out of memory");
		return NULL;
	}
	/* Read-only, and query_only as a second lock: nothing the server runs
	 * can write to the store. NOMUTEX: a connection serves one request at a time. */
	int rc = sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c->db, "PRAGMA query_only=1; PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(c->db, "SELECT max(version) FROM migrations", -1, &st, NULL);
	if (rc == SQLITE_OK && sqlite3_step(st) != SQLITE_ROW)
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		c->version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_OK) {
		snprintf(err, errsize, "%s: not a dyad store (%s)", path,
		         c->db ? sqlite3_errmsg(c->db) : "cannot open");
		srv_conn_close(c);
		return NULL;
	}
	sqlite3_busy_timeout(c->db, 2000);
	return c;
}

bool srv_conn_summaries(const srv_conn *c)
{
	return c->version >= 3;
}

bool srv_conn_range_summaries(const srv_conn *c)
{
	return c->version >= 5;
}

bool srv_conn_mention_sources(const srv_conn *c)
{
	return c->version >= 6;
}

sqlite3 *srv_conn_db(srv_conn *c)
{
	return c->db;
}

void srv_conn_close(srv_conn *c)
{
	if (!c)
		return;
	for (int i = 0; i < CACHE_SIZE; i++) {
		sqlite3_finalize(c->cache[i].st);
		dyad_free(c->cache[i].sql);
	}
	sqlite3_close(c->db);
	dyad_free(c);
}

static int cached_prepare(srv_req *r, srv_resp *out, const char *sql, sqlite3_stmt **st)
{
	srv_conn *c = r->dbc;
	int free_slot = -1;
	for (int i = 0; i < CACHE_SIZE; i++) {
		if (!c->cache[i].sql) {
			if (free_slot < 0)
				free_slot = i;
			continue;
		}
		if (!c->cache[i].busy && strcmp(c->cache[i].sql, sql) == 0) {
			c->cache[i].busy = true;
			*st = c->cache[i].st;
			return 0;
		}
	}
	if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return srv_db_error(out, c->db, "prepare");
	if (free_slot >= 0 && (c->cache[free_slot].sql = dyad_strdup(sql))) {
		c->cache[free_slot].st = *st;
		c->cache[free_slot].busy = true;
	}
	return 0;
}

void srv_sql_done(srv_req *r, sqlite3_stmt *st)
{
	if (!st)
		return;
	srv_conn *c = r->dbc;
	for (int i = 0; i < CACHE_SIZE; i++) {
		if (c->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->cache[i].busy = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

int srv_sql_fixed(srv_req *r, srv_resp *out, const char *sql, sqlite3_stmt **st)
{
	*st = NULL;
	return cached_prepare(r, out, sql, st);
}

void srv_sql_s(srv_sql *q, const char *s)
{
	if (q->n >= SRV_SQL_MAX_PARAMS)
		return;   /* callers use far fewer; prepare reports the mismatch */
	q->p[q->n].is_int = false;
	if (strlen(s) < sizeof(q->p[q->n].own)) {
		snprintf(q->p[q->n].own, sizeof(q->p[q->n].own), "%s", s);
		q->p[q->n].s = q->p[q->n].own;
	} else {
		q->p[q->n].s = s;
	}
	q->n++;
}

void srv_sql_i(srv_sql *q, int64_t v)
{
	if (q->n >= SRV_SQL_MAX_PARAMS)
		return;
	q->p[q->n].is_int = true;
	q->p[q->n].i = v;
	q->n++;
}

void srv_sql_prefix(srv_sql *q, const char *col, const char *prefix)
{
	char hi[24];
	snprintf(hi, sizeof(hi), "%s", prefix);
	size_t n = strlen(hi);
	if (n)
		hi[n - 1] = (char)(hi[n - 1] + 1);
	dyad_buf_printf(&q->sql, "(%s >= ? AND %s < ?)", col, col);
	srv_sql_s(q, prefix);
	srv_sql_s(q, hi);
}

int srv_sql_prepare(srv_sql *q, srv_req *r, srv_resp *out, sqlite3_stmt **st)
{
	*st = NULL;
	if (!q->sql.data)
		return srv_error(out, 500, "out of memory");
	if (cached_prepare(r, out, q->sql.data, st))
		return -1;
	if (sqlite3_bind_parameter_count(*st) != q->n) {
		srv_sql_done(r, *st);
		*st = NULL;
		return srv_error(out, 500, "internal error: parameter count");
	}
	for (int i = 0; i < q->n; i++) {
		if (q->p[i].is_int)
			sqlite3_bind_int64(*st, i + 1, q->p[i].i);
		else
			sqlite3_bind_text(*st, i + 1, q->p[i].s, -1, SQLITE_STATIC);
	}
	return 0;
}

void srv_sql_release(srv_sql *q)
{
	dyad_buf_release(&q->sql);
}

json_t *srv_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	json_t *j = s ? json_stringn((const char *)s, (size_t)sqlite3_column_bytes(st, i)) : NULL;
	return j ? j : json_null();   /* NULL, or not UTF-8 */
}

json_t *srv_col_real(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return json_null();
	double v = sqlite3_column_double(st, i);
	return isfinite(v) ? json_real(v) : json_null();
}

json_t *srv_col_int(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return json_null();
	return json_integer(sqlite3_column_int64(st, i));
}
