/*
 * api_timeline.c - /api/timeline: events per month, week or year of a
 * dyad or actor, by QuadClass, with the mean Goldstein score. Three-letter
 * actors without other filters read the summary table timeline_counts
 * (whole store, or a date range: whole months from the summaries, the
 * partial months at the ends from the events); anything else reads the
 * matching events.
 */
#include "api.h"
#include "jsonw.h"
#include "util/alloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* Days SQLite's strftime converts (0000-01-01 to 9999-12-31): the
 * summaries file events dated outside them as excluded, and so does the
 * scan (a period key of year -4712 has no label). */
#define SUM_LO 1721060
#define SUM_HI 5373484

static bool drawable(int by, int coarse, int64_t jd)
{
	return coarse <= max_coarse[by] && jd >= SUM_LO && jd <= SUM_HI;
}

static int add_row(periods_map *map, int by, sqlite3_stmt *st, int64_t *excluded)
{
	int coarse = sqlite3_column_int(st, 1);
	int64_t jd = sqlite3_column_int64(st, 0);
	if (!drawable(by, coarse, jd)) {
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

/* Everything one timeline request accumulates. */
typedef struct tl_ctx {
	srv_req          *r;
	srv_resp         *out;
	api_filter       *f;
	int               by;
	periods_map       map;
	int64_t           excluded;
	bool              full;   /* more than MAX_PERIODS periods */
} tl_ctx;

/*
 * The timeline from timeline_counts (schema 3): possible when the actors
 * are three-letter prefixes (a prefix of three letters matches exactly
 * the codes the table files under it) and no other filter is set; with a
 * date range, schema 5 (the rows of month- and year-precise events).
 */
static bool summary_fits(const srv_req *r, const api_filter *f)
{
	if (!srv_conn_summaries(r->dbc) || f->has_code || f->has_plover || f->has_modality ||
	    f->min_sources > 0 || f->text)
		return false;
	if ((f->has_from || f->has_to) && !srv_conn_range_summaries(r->dbc))
		return false;
	if (f->has_dyad)
		return strlen(f->a) == 3 && strlen(f->b) == 3 && !f->has_actor;
	return !f->has_actor || strlen(f->actor) == 3;
}

#define TL_COLS "period, events, q0, q1, q2, q3, q4, asserted, planned, n_gold, gold"
#define TL_EXCLUDED (-1000000)
#define TL_RANGE " AND by = ?3 AND period BETWEEN ?4 AND ?5"
/*
 * The targets of actor ?1 (t) and every source (s), one primary-key seek
 * each: the distinct values of a prefix of the key. The rows of an actor
 * as source are then read by (s3, t3, by, period) seeks rather than all
 * its rows of every granularity (SQLite otherwise skip-scans the target
 * index, 15 ms for a large actor). Every event has rows in the table, so
 * its (s3, t3) pair is listed. Written `x IN (SELECT v FROM t)`, not as a
 * join: on SQLite 3.40.1 the join form with the expression index
 * events_st3 (planned with a Bloom filter) returned no rows.
 */
#define TL_PARTNERS \
	"WITH RECURSIVE t(v) AS (SELECT min(t3) FROM timeline_counts WHERE s3 = ?1 UNION ALL" \
	" SELECT (SELECT min(t3) FROM timeline_counts WHERE s3 = ?1 AND t3 > t.v) FROM t WHERE t.v IS NOT NULL) "
#define TL_SOURCES \
	", s(v) AS (SELECT min(s3) FROM timeline_counts UNION ALL" \
	" SELECT (SELECT min(s3) FROM timeline_counts WHERE s3 > s.v) FROM s WHERE s.v IS NOT NULL) "

/* rows of granularity `by` as timeline periods; month rows counted under
 * their year; or every event of the rows counted as excluded */
enum { TO_PERIODS, TO_YEARS, TO_EXCLUDED };

/* The rows of granularity `row_by` (store.c: 0 month, 1 week, 2 year,
 * 3 and 4 month- and year-precise events per month) with periods in [k0, k1]. */
static int summary_rows(tl_ctx *c, int row_by, int64_t k0, int64_t k1, int dest)
{
	const api_filter *f = c->f;
	const char *sql;
	if (k0 > k1)
		return 0;
	if (f->has_dyad && strcmp(f->a, f->b) != 0)
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?1 AND t3 = ?2" TL_RANGE
		      " UNION ALL SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?2 AND t3 = ?1" TL_RANGE;
	else if (f->has_dyad)
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?1 AND t3 = ?2" TL_RANGE;
	else if (f->has_actor)   /* an event between the actor and itself counts once */
		sql = TL_PARTNERS "SELECT " TL_COLS " FROM timeline_counts WHERE s3 = ?1 AND t3 IN (SELECT v FROM t)" TL_RANGE
		      " UNION ALL SELECT " TL_COLS " FROM timeline_counts WHERE t3 = ?1 AND s3 <> ?1" TL_RANGE;
	else
		sql = "SELECT " TL_COLS " FROM timeline_counts WHERE 1" TL_RANGE;
	sqlite3_stmt *st;
	if (srv_sql_fixed(c->r, c->out, sql, &st))
		return -1;
	sqlite3_bind_text(st, 1, f->has_dyad ? f->a : f->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->b, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, row_by);
	sqlite3_bind_int64(st, 4, k0);
	sqlite3_bind_int64(st, 5, k1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t key = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 1);
		if (n <= 0)
			continue;   /* every event of the period was taken away */
		if (key == TL_EXCLUDED || dest == TO_EXCLUDED) {
			c->excluded += n;
			continue;
		}
		period *p = map_get(&c->map, dest == TO_YEARS ? key / 12 : key);
		if (!p) {
			c->full = true;
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
	srv_sql_done(c->r, st);
	return rc == SQLITE_DONE || c->full ? 0 : srv_db_error(c->out, c->r->db, "timeline");
}

/* ------------------------------------------------------------------ */
/* Date ranges from the summaries                                       */


typedef struct span {
	int64_t lo, hi;   /* Julian days, inclusive; empty when lo > hi */
} span;

static const span no_span = { 1, 0 };

static bool in_span(span s, int64_t jd)
{
	return jd >= s.lo && jd <= s.hi;
}

static int64_t ymd_to_jd(int64_t y, int m, int d)
{
	int a = (14 - m) / 12;
	int64_t yy = y + 4800 - a, mm = m + 12 * a - 3;
	return d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - yy / 100 + yy / 400 - 32045;
}

static int64_t month_key(int64_t jd)
{
	int y, m, d;
	jd_to_ymd(jd, &y, &m, &d);
	return (int64_t)y * 12 + m - 1;
}

static int64_t month_first(int64_t key)
{
	return ymd_to_jd(key / 12, (int)(key % 12) + 1, 1);
}

/*
 * The events of [lo, hi] that the summary rows read do not cover: those
 * the timeline counts (dated precisely enough) outside `inc`, and those it
 * excludes outside `exc`. Walks of the country-level dyad index (for an
 * actor, one per partner), or of the date index for the whole store.
 */
static int edge_rows(tl_ctx *c, int64_t lo, int64_t hi, span inc, span exc)
{
	const api_filter *f = c->f;
#define EDGE_COLS "SELECT day, coarse, quad, goldstein, modality FROM events WHERE "
#define EDGE_DAYS " AND day BETWEEN ?3 AND ?4 AND coarse < 3"
	const char *sql;
	if (lo > hi)
		return 0;
	if (f->has_dyad && strcmp(f->a, f->b) != 0)
		sql = EDGE_COLS "substr(source,1,3) = ?1 AND substr(target,1,3) = ?2" EDGE_DAYS
		      " UNION ALL " EDGE_COLS "substr(source,1,3) = ?2 AND substr(target,1,3) = ?1" EDGE_DAYS;
	else if (f->has_dyad)
		sql = EDGE_COLS "substr(source,1,3) = ?1 AND substr(target,1,3) = ?2" EDGE_DAYS;
	else if (f->has_actor)   /* seeks of the country-level dyad index, (actor, each partner) */
		sql = TL_PARTNERS TL_SOURCES
		      EDGE_COLS "substr(source,1,3) = ?1 AND substr(target,1,3) IN (SELECT v FROM t)" EDGE_DAYS
		      " UNION ALL " EDGE_COLS "substr(source,1,3) IN (SELECT v FROM s WHERE v <> ?1)"
		      " AND substr(target,1,3) = ?1" EDGE_DAYS;
	else
		sql = EDGE_COLS "1" EDGE_DAYS;
	sqlite3_stmt *st;
	if (srv_sql_fixed(c->r, c->out, sql, &st))
		return -1;
	sqlite3_bind_text(st, 1, f->has_dyad ? f->a : f->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->b, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, lo);
	sqlite3_bind_int64(st, 4, hi);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t jd = sqlite3_column_int64(st, 0);
		bool counted = drawable(c->by, sqlite3_column_int(st, 1), jd);
		if (in_span(counted ? inc : exc, jd))
			continue;   /* a summary row has it */
		if (add_row(&c->map, c->by, st, &c->excluded)) {
			c->full = true;
			break;
		}
	}
	srv_sql_done(c->r, st);
	return rc == SQLITE_DONE || c->full ? 0 : srv_db_error(c->out, c->r->db, "timeline");
#undef EDGE_COLS
#undef EDGE_DAYS
}

/*
 * A timeline over [from, to] from the summaries: the whole months of the
 * range from the rows of each month (month rows; for a year timeline,
 * year rows for whole years and month rows of month- and day-precise
 * events plus those of year-precise ones for the other months; for a week
 * timeline, the rows of whole weeks), the events a granularity excludes
 * from the month- and year-precise rows of those months, and the rest (the
 * partial months or weeks at both ends, days the summaries do not date)
 * from the events. The same numbers as the events scan, exactly: every
 * event of the range is counted by one summary row or by the edge walk.
 */
static int summary_range(tl_ctx *c)
{
	const api_filter *f = c->f;
	int64_t lo = f->has_from ? f->from : INT64_MIN, hi = f->has_to ? f->to : INT64_MAX;
	int64_t clo = lo < SUM_LO ? SUM_LO : lo, chi = hi > SUM_HI ? SUM_HI : hi;
	int64_t k0 = 1, k1 = 0;          /* whole months, as month keys */
	span months = no_span, inc;
	if (clo <= chi) {
		k0 = month_key(clo - 1) + 1;
		k1 = month_key(chi + 1) - 1;
		if (k0 <= k1)
			months = (span){ month_first(k0), month_first(k1 + 1) - 1 };
	}
	int rc = 0;
	if (c->by == BY_WEEK) {
		inc = no_span;
		if (clo <= chi) {
			/* whole weeks: first Monday (JDN % 7 == 0) to last Sunday */
			span w = { clo + (7 - clo % 7) % 7, chi - (chi % 7 + 1) % 7 };
			if (w.lo < w.hi)
				inc = w;
		}
		if (inc.lo <= inc.hi)
			rc = summary_rows(c, 1, inc.lo, inc.hi - 6, TO_PERIODS);
		if (!rc)
			rc = summary_rows(c, 3, k0, k1, TO_EXCLUDED);
		if (!rc)
			rc = summary_rows(c, 4, k0, k1, TO_EXCLUDED);
	} else if (c->by == BY_MONTH) {
		inc = months;
		rc = summary_rows(c, 0, k0, k1, TO_PERIODS);
		if (!rc)
			rc = summary_rows(c, 4, k0, k1, TO_EXCLUDED);
	} else {
		inc = months;
		int64_t y0 = k0 <= k1 ? (k0 + 11) / 12 : 1, y1 = k0 <= k1 ? (k1 + 1) / 12 - 1 : 0;
		/* the months outside whole years: [k0, y0*12-1] and [(y1+1)*12, k1] */
		int64_t a1 = y0 <= y1 ? y0 * 12 - 1 : k1, b0 = y0 <= y1 ? (y1 + 1) * 12 : k1 + 1;
		rc = summary_rows(c, 2, y0, y1, TO_PERIODS);
		for (int row_by = 0; row_by <= 4 && !rc; row_by += 4) {
			rc = summary_rows(c, row_by, k0, a1, TO_YEARS);
			if (!rc)
				rc = summary_rows(c, row_by, b0, k1, TO_YEARS);
		}
	}
	if (rc || c->full)
		return rc;
	/* the days both kinds of rows cover; the rest of [lo, hi] from the events */
	span core = { inc.lo > months.lo ? inc.lo : months.lo, inc.hi < months.hi ? inc.hi : months.hi };
	if (core.lo > core.hi)
		return edge_rows(c, lo, hi, inc, months);
	rc = lo < core.lo ? edge_rows(c, lo, core.lo - 1, inc, months) : 0;
	if (!rc && !c->full && core.hi < hi)
		rc = edge_rows(c, core.hi + 1, hi, inc, months);
	return rc;
}

/* The timeline read from the events themselves, any filter. */
static int event_rows(tl_ctx *c)
{
	api_filter *f = c->f;
	int rc = SQLITE_DONE;
	/* both directions of a dyad in one OR, or apart when they are disjoint */
	bool split = api_filter_split(f);
	for (int branch = split ? 1 : 0; branch <= (split ? 2 : 0) && rc == SQLITE_DONE && !c->full; branch++) {
		f->branch = branch;
		srv_sql q;
		memset(&q, 0, sizeof(q));
		dyad_buf_puts(&q.sql, "SELECT e.day, e.coarse, e.quad, e.goldstein, e.modality FROM events e WHERE 1");
		api_filter_sql(f, &q);
		sqlite3_stmt *st;
		int prc = srv_sql_prepare(&q, c->r, c->out, &st);
		srv_sql_release(&q);
		if (prc)
			return -1;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (add_row(&c->map, c->by, st, &c->excluded)) {
				c->full = true;
				break;
			}
		}
		if (rc == SQLITE_ROW)
			rc = SQLITE_DONE;
		srv_sql_done(c->r, st);
	}
	f->branch = 0;
	return rc == SQLITE_DONE ? 0 : srv_db_error(c->out, c->r->db, "timeline");
}

static int timeline_rows(tl_ctx *c)
{
	if (!summary_fits(c->r, c->f))
		return event_rows(c);
	if (c->f->has_from || c->f->has_to)
		return summary_range(c);
	return summary_rows(c, c->by == BY_MONTH ? 0 : c->by == BY_WEEK ? 1 : 2, INT64_MIN, INT64_MAX, TO_PERIODS);
}

int api_timeline(srv_req *r, srv_resp *out)
{
	api_filter f;
	tl_ctx c = { .r = r, .out = out, .f = &f, .by = BY_MONTH };
	if (api_filter_parse(r, out, &f) || srv_param_enum(r, out, "by", periods, &c.by))
		return -1;
	int by = c.by;
	int ret = timeline_rows(&c);
	if (ret == 0 && c.full)
		ret = srv_error(out, 400, "more than %d periods: narrow the date range or use a longer period", MAX_PERIODS);
	if (ret == 0) {
		periods_map *map = &c.map;
		if (map->n > 1)
			qsort(map->p, map->n, sizeof(*map->p), period_cmp);
		dyad_buf *b = &out->body;
		dyad_buf_printf(b, "{\"by\":\"%s\",\"quad_names\":[\"neutral\",\"verbal cooperation\","
		                   "\"material cooperation\",\"verbal conflict\",\"material conflict\"],"
		                   "\"excluded_imprecise\":%lld,\"periods\":[", periods[by], (long long)c.excluded);
		for (size_t i = 0; i < map->n; i++) {
			if (i)
				dyad_buf_putc(b, ',');
			write_period(b, by, &map->p[i]);
		}
		if (dyad_buf_puts(b, "]}\n"))
			ret = srv_error(out, 500, "response too large");
		else {
			out->status = 200;
			out->type = "application/json; charset=utf-8";
		}
	}
	dyad_free(c.map.p);
	dyad_free(c.map.slot);
	return ret;
}
