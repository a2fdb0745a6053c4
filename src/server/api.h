/*
 * server/api.h - the event filter shared by /api/events, /api/timeline
 * and /api/places, and the sentence segments of the evidence view.
 */
#ifndef DYAD_SERVER_API_H
#define DYAD_SERVER_API_H

#include "server.h"

typedef struct api_filter {
	char    a[16], b[16];      /* dyad, either direction */
	char    actor[16];
	char    code[8];
	char    plover[32];
	char    modality[32];
	bool    has_dyad, has_actor, has_code, has_plover, has_modality, has_from, has_to;
	int64_t from, to;          /* Julian days, inclusive */
	const char *text;          /* FTS query, or NULL */
	long    min_sources;
	int     branch;            /* dyad: 0 both directions, 1 only a->b, 2 only b->a */
} api_filter;

/**
 * Whether the two directions of the dyad filter can be queried apart:
 * they are disjoint unless one prefix starts the other (DZA, DZAGOV).
 * Two plain index lookups then replace one OR with its de-duplication.
 */
bool api_filter_split(const api_filter *f);

/** Parse the filter parameters present on the request; -1 with a 400 set. */
int api_filter_parse(srv_req *r, srv_resp *out, api_filter *f);

/** Append " AND ..." conditions on events alias `e` with bound parameters. */
void api_filter_sql(const api_filter *f, srv_sql *q);

/** The same; `by_date` hides the filter indexes so SQLite walks the date index. */
void api_filter_sql_plan(const api_filter *f, srv_sql *q, bool by_date);

/** An event row (the columns of API_EVENT_COLS) as a JSON object. */
json_t *api_event_json(sqlite3_stmt *st);

/** Columns read by api_event_json, from events `e` and documents `d`. */
#define API_EVENT_COLS \
	"e.id, e.source, e.target, e.cameo, e.root, e.plover, e.date, e.date_end," \
	" e.date_precision, e.modality, e.place_name, e.place_country, e.quad, e.goldstein," \
	" e.lat, e.lon, e.n_mentions, e.n_articles, e.n_sources, e.first_seen," \
	" d.url, d.title, d.outlet, d.id"

/** Join of the first document reporting each event (as `d`; the store
 * keeps its id in events.first_doc). */
#define API_FIRST_DOC " LEFT JOIN documents d ON d.id = e.first_doc"

/** A span of a sentence, in bytes from its start. */
typedef struct api_span {
	const char *kind;     /* "source", "target", "verb", "date", "match" */
	int64_t start, end;
} api_span;

/**
 * The sentence as [{"text": ..., "kind": ...}] pieces, the spans marked
 * (overlapping spans: the first wins). Clients render the pieces as text:
 * no offsets to convert between UTF-8 and UTF-16, no markup to escape.
 */
json_t *api_segments(const char *text, size_t len, api_span *spans, size_t n);

#endif
