/*
 * server/server.h - `dyad serve`: the HTTP server (libmicrohttpd) over a
 * read-only store, the JSON API (docs/api.md) and the static page of web/.
 *
 * Internal to the dyad executable. Requests are answered by a small pool
 * of MHD worker threads; each request borrows one read-only SQLite
 * connection from a pool of the same size.
 */
#ifndef DYAD_SERVER_H
#define DYAD_SERVER_H

#include "util/buf.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct MHD_Connection;

/** Limits of the API (also in docs/api.md). */
#define SRV_MAX_PAGE      500     /**< rows per page of /api/events */
#define SRV_MAX_EXPORT    10000   /**< rows of a CSV / PLOVER export */
#define SRV_MAX_PARAM     256     /**< bytes of one parameter value */
#define SRV_MAX_QUERY     2048    /**< bytes of all parameters together */
#define SRV_MAX_OFFSET    1000000

typedef struct srv_config {
	const char *db_path;
	const char *bind;      /**< IPv4 or IPv6 address; default 127.0.0.1 */
	long        port;      /**< 0: any free port */
	const char *web_dir;
	long        threads;   /**< worker threads (and database connections) */
} srv_config;

typedef struct srv_server srv_server;

/** Open the database pool and start listening. *port_out gets the bound port. */
int srv_start(srv_server **out, const srv_config *cfg, long *port_out);

/** Stop listening, wait for the workers, close the databases; NULL ignored. */
void srv_stop(srv_server *s);

/* ------------------------------------------------------------------ */
/* Requests and responses (server.c)                                    */

typedef struct srv_conn srv_conn;   /* a pooled database connection */

typedef struct srv_req {
	struct MHD_Connection *conn;
	const char *path;          /**< decoded path: "/api/events/12" */
	const char *tail;          /**< after the route prefix: "12" */
	sqlite3    *db;            /**< read-only connection, borrowed */
	srv_conn   *dbc;           /**< its pool entry (statement cache) */
} srv_req;

typedef struct srv_resp {
	unsigned    status;
	dyad_buf    body;
	const char *type;          /**< Content-Type */
	const char *filename;      /**< Content-Disposition attachment name, or NULL */
	int         fd;            /**< static file to send instead of body; -1 none */
	uint64_t    fd_size;
	const char *allow;         /**< Allow header (405) */
} srv_resp;

/** The value of query parameter `name`, or NULL. */
const char *srv_param(const srv_req *r, const char *name);

/** Set an error response {"error": message} with `status`; returns -1. */
int srv_error(srv_resp *out, unsigned status, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/** Serialize `j` (stolen) as the JSON body with status 200; -1 on failure. */
int srv_json(srv_resp *out, json_t *j);

/** Report an SQLite failure (500, or 400 for a bad FTS query). */
int srv_db_error(srv_resp *out, sqlite3 *db, const char *what);

/* ------------------------------------------------------------------ */
/* Parameters (params.c): each returns 0, or -1 with a 400 set in out.  */

/** An actor code prefix: 1-15 letters/digits, upper-cased into buf. */
int srv_param_actor(const srv_req *r, srv_resp *out, const char *name,
                    char *buf, size_t size, bool *present);

/** A pair "A,B" of actor prefixes. */
int srv_param_dyad(const srv_req *r, srv_resp *out, const char *name,
                   char *a, char *b, size_t size, bool *present);

/** An integer in [lo, hi]; *v keeps its default when absent. */
int srv_param_long(const srv_req *r, srv_resp *out, const char *name,
                   long lo, long hi, long *v);

/** A date YYYY, YYYY-MM or YYYY-MM-DD as a Julian day: first (or last) day covered. */
int srv_param_date(const srv_req *r, srv_resp *out, const char *name, bool last,
                   int64_t *jd, bool *present);

/** One of `choices` (NULL-terminated); *idx keeps its default when absent. */
int srv_param_enum(const srv_req *r, srv_resp *out, const char *name,
                   const char *const *choices, int *idx);

/** A code of digits (CAMEO prefix), or a word of letters/_ (PLOVER, modality). */
int srv_param_word(const srv_req *r, srv_resp *out, const char *name, bool digits,
                   char *buf, size_t size, bool *present);

/** Free text (FTS query) of at most SRV_MAX_PARAM bytes; NULL when absent. */
int srv_param_text(const srv_req *r, srv_resp *out, const char *name, const char **text);

/** A positive decimal id (the tail of /api/events/{id}); -1 if malformed. */
int srv_parse_id(const char *tail, int64_t *id);

/** Julian day number of a proleptic Gregorian date (as the store keeps it). */
int64_t srv_julian(int y, int m, int d);

/* ------------------------------------------------------------------ */
/* SQL built from fixed fragments with bound parameters (sql.c).        */

#define SRV_SQL_MAX_PARAMS 32

typedef struct srv_sql {
	dyad_buf sql;
	struct {
		bool        is_int;
		int64_t     i;
		const char *s;        /* borrowed: lives as long as the request */
		char        own[24];  /* or copied here when short */
	} p[SRV_SQL_MAX_PARAMS];
	int n;
} srv_sql;

void srv_sql_s(srv_sql *q, const char *s);
void srv_sql_i(srv_sql *q, int64_t v);
/** Append "(col >= ? AND col < ?)" for a code prefix (an index range). */
void srv_sql_prefix(srv_sql *q, const char *col, const char *prefix);
/** Prepare (through the connection's statement cache) and bind; -1 with out set. */
int srv_sql_prepare(srv_sql *q, srv_req *r, srv_resp *out, sqlite3_stmt **st);
/** Prepare a fixed statement through the cache. */
int srv_sql_fixed(srv_req *r, srv_resp *out, const char *sql, sqlite3_stmt **st);
/** Give a prepared statement back (reset, kept in the cache). */
void srv_sql_done(srv_req *r, sqlite3_stmt *st);
void srv_sql_release(srv_sql *q);

/** Column `i` as a JSON string / real / integer, or null. */
json_t *srv_col_str(sqlite3_stmt *st, int i);
json_t *srv_col_real(sqlite3_stmt *st, int i);
json_t *srv_col_int(sqlite3_stmt *st, int i);

/** Statement cache of one connection (sql.c); called by the pool. */
srv_conn *srv_conn_open(const char *path, char *err, size_t errsize);
sqlite3 *srv_conn_db(srv_conn *c);
void srv_conn_close(srv_conn *c);
/** Whether the store has the tables of schema 3 (timeline_counts, the
 * country-level dyad index); older stores are served from `events` alone. */
bool srv_conn_summaries(const srv_conn *c);
/** Schema 5: timeline_counts also serves date ranges (month- and year-precise rows). */
bool srv_conn_range_summaries(const srv_conn *c);
/** Schema 6: mentions say where their date and place came from. */
bool srv_conn_mention_sources(const srv_conn *c);

/* ------------------------------------------------------------------ */
/* Handlers: fill `out`; return 0, or -1 after srv_error().             */

int api_events(srv_req *r, srv_resp *out);
int api_event(srv_req *r, srv_resp *out);
int api_timeline(srv_req *r, srv_resp *out);
int api_search(srv_req *r, srv_resp *out);
int api_actors(srv_req *r, srv_resp *out);
int api_dyads(srv_req *r, srv_resp *out);
int api_document(srv_req *r, srv_resp *out);
int api_places(srv_req *r, srv_resp *out);
int api_info(srv_req *r, srv_resp *out);

/** Serve a file under the web dir (or a vendor mount) for r->path. */
int srv_static(const char *web_root, srv_req *r, srv_resp *out);

#endif
