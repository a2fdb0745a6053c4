/*
 * server.c - the HTTP side of `dyad serve`: the libmicrohttpd daemon
 * (internal polling with a worker thread pool), the route table, the
 * read-only connection pool, parameter limits and the response headers
 * every answer carries (CSP, nosniff).
 */
#define _XOPEN_SOURCE 700  /* realpath */
#include "server.h"

#include <stdlib.h>
#include "util/alloc.h"

#include <microhttpd.h>
#include <pthread.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* The page loads scripts, styles and data from this server only: no
 * inline script, no eval, no third party, no framing. */
static const char csp[] =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
	" connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
	" frame-ancestors 'none'";

struct srv_server {
	struct MHD_Daemon *mhd;
	char              *web_root;     /* realpath of the web dir */
	srv_conn         **conns;        /* pool of read-only connections */
	size_t             n_conns, n_free;
	srv_conn         **free_list;
	pthread_mutex_t    lock;
	pthread_cond_t     cond;
	bool               sync_ready;
};

typedef int (*handler_fn)(srv_req *r, srv_resp *out);

/* A route: exact path, or a prefix ending in '/' followed by an id. */
static const struct route {
	const char *path;
	bool        with_id;
	handler_fn  fn;
	const char *params[16];   /* allowed query parameters */
} routes[] = {
	{ "/api/events", false, api_events,
	  { "dyad", "actor", "code", "plover", "modality", "from", "to", "text",
	    "min_sources", "limit", "offset", "sort", "format", NULL } },
	{ "/api/events/", true, api_event, { NULL } },
	{ "/api/timeline", false, api_timeline,
	  { "dyad", "actor", "by", "from", "to", "code", "plover", "modality",
	    "min_sources", NULL } },
	{ "/api/search", false, api_search, { "q", "limit", NULL } },
	{ "/api/actors", false, api_actors, { "limit", NULL } },
	{ "/api/dyads", false, api_dyads, { "limit", "actor", "level", "mentions", NULL } },
	{ "/api/documents/", true, api_document, { NULL } },
	{ "/api/places", false, api_places,
	  { "dyad", "actor", "from", "to", "code", "plover", "modality", "min_sources", NULL } },
	{ "/api/info", false, api_info, { NULL } },
};

/* ------------------------------------------------------------------ */
/* Responses                                                            */

int srv_error(srv_resp *out, unsigned status, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	dyad_buf_clear(&out->body);
	json_t *j = json_pack("{s:s}", "error", msg);
	char *s = j ? json_dumps(j, JSON_COMPACT) : NULL;
	dyad_buf_puts(&out->body, s ? s : "{\"error\":\"internal error\"}");
	dyad_buf_putc(&out->body, '\n');
	free(s);   /* jansson allocates with malloc */
	json_decref(j);
	out->status = status;
	out->type = "application/json; charset=utf-8";
	out->filename = NULL;
	return -1;
}

int srv_json(srv_resp *out, json_t *j)
{
	if (!j)
		return srv_error(out, 500, "out of memory");
	char *s = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (!s)
		return srv_error(out, 500, "out of memory");
	dyad_buf_clear(&out->body);
	int rc = dyad_buf_puts(&out->body, s);
	free(s);
	if (rc || dyad_buf_putc(&out->body, '\n'))
		return srv_error(out, 500, "response too large");
	out->status = 200;
	out->type = "application/json; charset=utf-8";
	return 0;
}

int srv_db_error(srv_resp *out, sqlite3 *db, const char *what)
{
	const char *msg = sqlite3_errmsg(db);
	/* FTS5 reports syntax errors of the user's query this way */
	if (strstr(msg, "fts5") || strstr(msg, "syntax error") || strstr(msg, "no such column") ||
	    strstr(msg, "unterminated string") || strstr(msg, "MATCH"))
		return srv_error(out, 400, "text: bad full-text query (%s); use words, \"phrases\", AND, OR, NOT, prefix*",
		                 msg);
	return srv_error(out, 500, "%s: %s", what, msg);
}

/* ------------------------------------------------------------------ */
/* Parameters                                                           */

typedef struct arg_check {
	const struct route *route;
	size_t total;
	char   bad[64];
	unsigned status;
} arg_check;

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
	(void)kind;
	arg_check *c = cls;
	size_t klen = strlen(key), vlen = value ? strlen(value) : 0;
	c->total += klen + vlen + 2;
	if (vlen > SRV_MAX_PARAM || klen > 64 || c->total > SRV_MAX_QUERY) {
		snprintf(c->bad, sizeof(c->bad), "%.40s", key);
		c->status = 413;
		return MHD_NO;
	}
	for (int i = 0; c->route->params[i]; i++)
		if (strcmp(key, c->route->params[i]) == 0)
			return MHD_YES;
	snprintf(c->bad, sizeof(c->bad), "%.40s", key);
	c->status = 400;
	return MHD_NO;
}

static int check_args(struct MHD_Connection *conn, const struct route *rt, srv_resp *out)
{
	arg_check c = { .route = rt };
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, check_arg, &c);
	if (c.status == 413)
		return srv_error(out, 413, "query too long: at most %d bytes a parameter and %d in all (at '%s')",
		                 SRV_MAX_PARAM, SRV_MAX_QUERY, c.bad);
	if (c.status) {
		char list[256] = "";
		size_t len = 0;
		for (int i = 0; rt->params[i] && len < sizeof(list); i++)
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s", i ? ", " : "", rt->params[i]);
		return srv_error(out, 400, "unknown parameter '%s' (%s%s)", c.bad,
		                 len ? "allowed: " : "this route takes none", list);
	}
	return 0;
}

const char *srv_param(const srv_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

/* ------------------------------------------------------------------ */
/* Connection pool                                                      */

static srv_conn *pool_get(srv_server *s)
{
	pthread_mutex_lock(&s->lock);
	while (s->n_free == 0)
		pthread_cond_wait(&s->cond, &s->lock);
	srv_conn *c = s->free_list[--s->n_free];
	pthread_mutex_unlock(&s->lock);
	return c;
}

static void pool_put(srv_server *s, srv_conn *c)
{
	pthread_mutex_lock(&s->lock);
	s->free_list[s->n_free++] = c;
	pthread_cond_signal(&s->cond);
	pthread_mutex_unlock(&s->lock);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                             */

static void route(srv_server *s, srv_req *r, srv_resp *out)
{
	if (strncmp(r->path, "/api/", 5) != 0 && strcmp(r->path, "/api") != 0) {
		srv_static(s->web_root, r, out);
		return;
	}
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		const struct route *rt = &routes[i];
		size_t n = strlen(rt->path);
		if (rt->with_id ? strncmp(r->path, rt->path, n) != 0 || r->path[n] == '\0'
		                : strcmp(r->path, rt->path) != 0)
			continue;
		if (check_args(r->conn, rt, out))
			return;
		r->tail = r->path + n;
		srv_conn *c = pool_get(s);
		r->dbc = c;
		r->db = srv_conn_db(c);
		if (rt->fn(r, out) == 0 && out->status == 0)
			out->status = 200;
		pool_put(s, c);
		return;
	}
	srv_error(out, 404, "no such API route: %.200s (see docs/api.md)", r->path);
}

static void add_headers(struct MHD_Response *resp, const srv_resp *out, bool api)
{
	MHD_add_response_header(resp, "Content-Type", out->type ? out->type : "application/octet-stream");
	MHD_add_response_header(resp, "Content-Security-Policy", csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
	MHD_add_response_header(resp, "Cache-Control", api ? "no-store" : "no-cache");
	if (out->allow)
		MHD_add_response_header(resp, "Allow", out->allow);
	if (out->filename) {
		char cd[128];
		snprintf(cd, sizeof(cd), "attachment; filename=\"%s\"", out->filename);
		MHD_add_response_header(resp, "Content-Disposition", cd);
	}
}

/* Per-request state, created from the raw URI before MHD decodes it:
 * a decoded "%00" would silently cut the path short. */
typedef struct req_state {
	int  calls;
	bool nul;
} req_state;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	(void)conn;
	req_state *rs = dyad_calloc(1, sizeof(*rs));
	if (rs && uri)
		rs->nul = strstr(uri, "%00") != NULL;
	return rs;
}

static void on_done(void *cls, struct MHD_Connection *conn, void **state,
                    enum MHD_RequestTerminationCode why)
{
	(void)cls;
	(void)conn;
	(void)why;
	dyad_free(*state);
	*state = NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_size, void **state)
{
	(void)version;
	(void)upload_data;
	srv_server *s = cls;
	srv_resp out = { .fd = -1 };
	srv_req r = { .conn = conn, .path = url };
	bool api = strncmp(url, "/api", 4) == 0;
	/* The first call only announces the request; answering then would
	 * make MHD close the connection (no keep-alive). A body is skipped. */
	req_state *rs = *state;
	if (!rs)
		return MHD_NO;   /* no state: out of memory in on_uri */
	if (rs->calls++ == 0)
		return MHD_YES;
	if (*upload_size != 0) {
		*upload_size = 0;
		return MHD_YES;
	}

	if (rs->nul) {
		srv_error(&out, 400, "bad request: NUL byte (%%00) in the URL");
	} else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
		srv_error(&out, 405, "method %.16s not allowed: the API is read-only (GET, HEAD)", method);
		out.allow = "GET, HEAD";
	} else {
		route(s, &r, &out);
	}
	if (out.status == 0)
		srv_error(&out, 500, "internal error: no response");

	struct MHD_Response *resp;
	if (out.fd >= 0) {
		resp = MHD_create_response_from_fd64(out.fd_size, out.fd);   /* closes fd */
	} else {
		size_t len = 0;
		char *body = dyad_buf_detach(&out.body, &len);
		if (!body)
			resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		else
			resp = MHD_create_response_from_buffer_with_free_callback(len, body, dyad_free);
		if (!resp)
			dyad_free(body);
	}
	dyad_buf_release(&out.body);
	if (!resp)
		return MHD_NO;
	add_headers(resp, &out, api);
	enum MHD_Result rc = MHD_queue_response(conn, out.status, resp);
	MHD_destroy_response(resp);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Start and stop                                                       */

static int parse_bind(const char *bind, long port, struct sockaddr_storage *ss, bool *v6)
{
	memset(ss, 0, sizeof(*ss));
	struct sockaddr_in *in4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
	if (inet_pton(AF_INET, bind, &in4->sin_addr) == 1) {
		in4->sin_family = AF_INET;
		in4->sin_port = htons((uint16_t)port);
		*v6 = false;
		return 0;
	}
	if (inet_pton(AF_INET6, bind, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		*v6 = true;
		return 0;
	}
	return -1;
}

int srv_start(srv_server **out, const srv_config *cfg, long *port_out)
{
	*out = NULL;
	struct sockaddr_storage ss;
	bool v6 = false;
	if (parse_bind(cfg->bind, cfg->port, &ss, &v6)) {
		fprintf(stderr, "dyad: serve: --bind %s is not an IPv4 or IPv6 address\n", cfg->bind);
		return -1;
	}
	srv_server *s = dyad_calloc(1, sizeof(*s));
	if (!s)
		return -1;
	pthread_mutex_init(&s->lock, NULL);
	pthread_cond_init(&s->cond, NULL);
	s->sync_ready = true;
	s->web_root = realpath(cfg->web_dir, NULL);
	if (!s->web_root) {
		fprintf(stderr, "dyad: serve: web directory %s not found\n", cfg->web_dir);
		goto fail;
	}
	s->n_conns = (size_t)cfg->threads;
	s->conns = dyad_calloc(s->n_conns, sizeof(*s->conns));
	s->free_list = dyad_calloc(s->n_conns, sizeof(*s->free_list));
	if (!s->conns || !s->free_list)
		goto fail;
	for (size_t i = 0; i < s->n_conns; i++) {
		char err[512];
		if (!(s->conns[i] = srv_conn_open(cfg->db_path, err, sizeof(err)))) {
			fprintf(stderr, "dyad: serve: %s\n", err);
			goto fail;
		}
		s->free_list[s->n_free++] = s->conns[i];
	}
	if (!srv_conn_summaries(s->conns[0]))
		fprintf(stderr, "dyad: serve: note: %s predates schema 3: timelines read every event;"
		                " any writing command (dyad ingest) migrates it\n", cfg->db_path);
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
	                 (v6 ? MHD_USE_IPv6 : 0);
	s->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1024,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL,
		MHD_OPTION_END);
	if (!s->mhd) {
		fprintf(stderr, "dyad: serve: cannot listen on %s port %ld\n", cfg->bind, cfg->port);
		goto fail;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
	*port_out = info ? info->port : cfg->port;
	*out = s;
	return 0;
fail:
	srv_stop(s);
	return -1;
}

void srv_stop(srv_server *s)
{
	if (!s)
		return;
	if (s->mhd)
		MHD_stop_daemon(s->mhd);   /* waits for the workers */
	for (size_t i = 0; s->conns && i < s->n_conns; i++)
		srv_conn_close(s->conns[i]);
	dyad_free(s->conns);
	dyad_free(s->free_list);
	free(s->web_root);   /* from realpath (malloc) */
	if (s->sync_ready) {
		pthread_mutex_destroy(&s->lock);
		pthread_cond_destroy(&s->cond);
	}
	dyad_free(s);
}
