/*
 * api_docs.c - /api/documents/{id} (a stored article: metadata, sources,
 * sentences and the events coded in it), /api/places (events by place,
 * with how precisely each place is known) and /api/info (store counts).
 */
#include "api.h"

#include <string.h>

static void set(json_t *o, const char *k, json_t *v)
{
	json_object_set_new(o, k, v ? v : json_null());
}

static json_t *rows(srv_req *r, srv_resp *out, const char *sql, int64_t id,
                    json_t *(*row)(sqlite3_stmt *st), bool *ok)
{
	sqlite3_stmt *st;
	*ok = false;
	if (srv_sql_fixed(r, out, sql, &st))
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	json_t *arr = json_array();
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(arr, row(st));
	srv_sql_done(r, st);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		srv_db_error(out, r->db, "document");
		return NULL;
	}
	*ok = true;
	return arr;
}

static json_t *source_row(sqlite3_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o}", "origin", srv_col_str(st, 0), "outlet", srv_col_str(st, 1),
	                 "url", srv_col_str(st, 2), "ingested", srv_col_str(st, 3));
}

static json_t *sentence_row(sqlite3_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:b}", "index", srv_col_int(st, 0), "start", srv_col_int(st, 1),
	                 "end", srv_col_int(st, 2), "text", srv_col_str(st, 3),
	                 "repeated", sqlite3_column_int(st, 4) != 0);
}

static json_t *event_row(sqlite3_stmt *st)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "id", srv_col_int(st, 0),
	                 "sentence_index", srv_col_int(st, 1), "source", srv_col_str(st, 2),
	                 "target", srv_col_str(st, 3), "cameo", srv_col_str(st, 4),
	                 "date", srv_col_str(st, 5), "plover", srv_col_str(st, 6));
}

int api_document(srv_req *r, srv_resp *out)
{
	int64_t id;
	if (srv_parse_id(r->tail, &id))
		return srv_error(out, 400, "document id: a positive integer (got '%.40s')", r->tail);
	sqlite3_stmt *st;
	if (srv_sql_fixed(r, out, "SELECT id, title, outlet, url, origin, pub_date, ingest_date, language,"
	                          " near_duplicate_of, near_similarity, n_sources, coded, text"
	                          " FROM documents WHERE id = ?1", &st))
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	json_t *doc = NULL;
	if (rc == SQLITE_ROW) {
		doc = json_object();
		static const char *const keys[] = { "id", "title", "outlet", "url", "origin", "pub_date",
		                                    "ingested", "language", "near_duplicate_of",
		                                    "near_similarity", "n_sources", "coded", "text" };
		for (int i = 0; i < 13; i++) {
			int t = sqlite3_column_type(st, i);
			set(doc, keys[i], t == SQLITE_INTEGER ? srv_col_int(st, i)
			                  : t == SQLITE_FLOAT ? srv_col_real(st, i) : srv_col_str(st, i));
		}
	}
	srv_sql_done(r, st);
	if (rc == SQLITE_DONE)
		return srv_error(out, 404, "no document %lld", (long long)id);
	if (!doc)
		return srv_db_error(out, r->db, "document");
	bool ok;
	set(doc, "sources", rows(r, out, "SELECT origin, outlet, url, ingest_date FROM document_sources"
	                                 " WHERE doc_id = ?1 ORDER BY ingest_date, origin LIMIT 500",
	                         id, source_row, &ok));
	if (ok)
		set(doc, "sentences", rows(r, out, "SELECT idx, start, end, text, repeated FROM sentences"
		                                   " WHERE doc_id = ?1 ORDER BY idx LIMIT 5000",
		                           id, sentence_row, &ok));
	if (ok)
		set(doc, "events", rows(r, out, "SELECT DISTINCT e.id, m.sentence, e.source, e.target, e.cameo,"
		                                " e.date, e.plover FROM mentions m JOIN events e ON e.id = m.event_id"
		                                " WHERE m.doc_id = ?1 ORDER BY m.sentence, e.id LIMIT 5000",
		                        id, event_row, &ok));
	if (!ok) {
		json_decref(doc);
		return -1;
	}
	return srv_json(out, doc);
}

/* ------------------------------------------------------------------ */
/* /api/places                                                          */

int api_places(srv_req *r, srv_resp *out)
{
	api_filter f;
	if (api_filter_parse(r, out, &f))
		return -1;
	srv_sql q;
	memset(&q, 0, sizeof(q));
	/* resolution: as the mentions resolved the place (city, sub-city,
	 * region, country). Drawn as a point only with coordinates and finer
	 * than a country; a country is shaded, never put at its centroid;
	 * a region or a place without coordinates is listed. An event without
	 * a place name has no mention to ask (most events: no lookup). */
	dyad_buf_puts(&q.sql,
		"SELECT name, country, lat, lon, count(*), avg(g), res,"
		" CASE WHEN res = 'country' OR (name IS NULL AND country IS NOT NULL) THEN 'country'"
		"  WHEN lat IS NOT NULL AND lon IS NOT NULL AND res <> 'region' THEN 'point'"
		"  WHEN name IS NULL AND country IS NULL THEN 'none' ELSE 'list' END AS drawn"
		" FROM (SELECT e.place_name AS name, e.place_country AS country, e.lat AS lat, e.lon AS lon,"
		"  e.goldstein AS g, CASE WHEN e.place_name IS NULL THEN"
		"   CASE WHEN e.place_country IS NOT NULL THEN 'country' ELSE 'unknown' END"
		"   ELSE COALESCE((SELECT m.place_resolution FROM mentions m"
		"   WHERE m.event_id = e.id AND m.place_name = e.place_name LIMIT 1), 'unknown') END AS res"
		" FROM events e WHERE 1");
	api_filter_sql(&f, &q);
	dyad_buf_puts(&q.sql, ") GROUP BY name, country, lat, lon, res ORDER BY count(*) DESC LIMIT 2000");
	sqlite3_stmt *st;
	int rc = srv_sql_prepare(&q, r, out, &st);
	srv_sql_release(&q);
	if (rc)
		return -1;
	json_t *arr = json_array();
	json_int_t unplaced = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *drawn = (const char *)sqlite3_column_text(st, 7);
		if (drawn && strcmp(drawn, "none") == 0) {
			unplaced += sqlite3_column_int64(st, 4);
			continue;
		}
		json_array_append_new(arr, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			"name", srv_col_str(st, 0), "country", srv_col_str(st, 1), "lat", srv_col_real(st, 2),
			"lon", srv_col_real(st, 3), "events", srv_col_int(st, 4),
			"mean_goldstein", srv_col_real(st, 5), "resolution", srv_col_str(st, 6),
			"drawn_as", srv_col_str(st, 7)));
	}
	srv_sql_done(r, st);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		return srv_db_error(out, r->db, "places");
	}
	return srv_json(out, json_pack("{s:o, s:I}", "places", arr, "unplaced_events", unplaced));
}

/* ------------------------------------------------------------------ */
/* /api/info                                                            */

int api_info(srv_req *r, srv_resp *out)
{
	sqlite3_stmt *st;
	/* counts from the smallest index of each table (documents_language
	 * since schema 5); the first and last dates from the date index: the
	 * events of the lowest and highest day (day is the date's Julian day),
	 * not a scan of every event's date */
	if (srv_sql_fixed(r, out, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),"
	                          " (SELECT count(*) FROM mentions), (SELECT count(*) FROM events),"
	                          " (SELECT min(date) FROM events WHERE coarse < 3 AND date IS NOT NULL AND day ="
	                          "  (SELECT min(day) FROM events WHERE coarse < 3 AND date IS NOT NULL)),"
	                          " (SELECT max(date) FROM events WHERE coarse < 3 AND date IS NOT NULL AND day ="
	                          "  (SELECT max(day) FROM events WHERE coarse < 3 AND date IS NOT NULL)),"
	                          " (SELECT max(version) FROM migrations)", &st))
		return -1;
	int rc = sqlite3_step(st);
	json_t *o = rc == SQLITE_ROW
		? json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "documents", srv_col_int(st, 0),
		            "sentences", srv_col_int(st, 1), "mentions", srv_col_int(st, 2),
		            "events", srv_col_int(st, 3), "first_date", srv_col_str(st, 4),
		            "last_date", srv_col_str(st, 5), "schema_version", srv_col_int(st, 6))
		: NULL;
	srv_sql_done(r, st);
	if (!o)
		return srv_db_error(out, r->db, "info");
	/* the PLOVER types present, for the page's filter */
	if (srv_sql_fixed(r, out, "SELECT DISTINCT plover FROM events WHERE plover > '' ORDER BY plover LIMIT 100", &st)) {
		json_decref(o);
		return -1;
	}
	json_t *types = json_array();
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		json_array_append_new(types, srv_col_str(st, 0));
	srv_sql_done(r, st);
	json_object_set_new(o, "plover_types", types ? types : json_null());
	if (rc != SQLITE_DONE) {
		json_decref(o);
		return srv_db_error(out, r->db, "info");
	}
	return srv_json(out, o);
}
