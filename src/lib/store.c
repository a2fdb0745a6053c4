/*
 * store.c - opening the SQLite store: pragmas, schema migrations applied
 * in order, prepared statements, batches (transactions) and counts.
 */
#include "store_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Migration 1: the whole first schema. Later versions append entries. */
static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE documents("
	" id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, minhash BLOB,"
	" title TEXT, outlet TEXT, url TEXT, origin TEXT, pub_date TEXT,"
	" ingest_date TEXT, language TEXT, text TEXT,"
	" near_duplicate_of INTEGER REFERENCES documents(id), near_similarity REAL,"
	" n_sources INTEGER NOT NULL DEFAULT 1, coded INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX documents_pub ON documents(pub_date);"
	"CREATE TABLE document_sources("
	" doc_id INTEGER NOT NULL REFERENCES documents(id), origin TEXT NOT NULL,"
	" outlet TEXT, url TEXT, ingest_date TEXT, PRIMARY KEY(doc_id, origin)) WITHOUT ROWID;"
	"CREATE TABLE minhash_bands(band INTEGER NOT NULL, value INTEGER NOT NULL,"
	" doc_id INTEGER NOT NULL, PRIMARY KEY(band, value, doc_id)) WITHOUT ROWID;"
	"CREATE TABLE sentences("
	" id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id),"
	" idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
	" text TEXT NOT NULL, repeated INTEGER NOT NULL DEFAULT 0, UNIQUE(doc_id, idx));"
	"CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');"
	"CREATE TABLE events("
	" id INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,"
	" actor_a TEXT NOT NULL, actor_b TEXT NOT NULL, symmetric INTEGER NOT NULL,"
	" cameo TEXT NOT NULL, root TEXT NOT NULL, quad INTEGER, goldstein REAL, plover TEXT,"
	" date TEXT, date_end TEXT, date_precision TEXT, day INTEGER NOT NULL, coarse INTEGER NOT NULL,"
	" modality TEXT, place_name TEXT, place_country TEXT, lat REAL, lon REAL,"
	" n_mentions INTEGER NOT NULL DEFAULT 0, n_articles INTEGER NOT NULL DEFAULT 0,"
	" n_sources INTEGER NOT NULL DEFAULT 0, first_seen TEXT, first_doc INTEGER);"
	"CREATE INDEX events_key ON events(actor_a, actor_b, root, day);"
	"CREATE INDEX events_st ON events(source, target, day);"
	"CREATE INDEX events_ts ON events(target, source, day);"
	"CREATE INDEX events_nsources ON events(n_sources);"
	"CREATE INDEX events_day ON events(day);"
	"CREATE INDEX events_cameo ON events(cameo, day);"
	"CREATE INDEX events_plover ON events(plover, day);"
	"CREATE TABLE event_sources(event_id INTEGER NOT NULL, outlet TEXT NOT NULL,"
	" PRIMARY KEY(event_id, outlet)) WITHOUT ROWID;"
	"CREATE TABLE mentions("
	" id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES events(id),"
	" doc_id INTEGER NOT NULL REFERENCES documents(id), sentence INTEGER NOT NULL,"
	" sentence_id INTEGER REFERENCES sentences(id), outlet TEXT, source TEXT NOT NULL, target TEXT NOT NULL, cameo TEXT NOT NULL,"
	" root TEXT, quad INTEGER, goldstein REAL, plover TEXT,"
	" source_start INTEGER, source_end INTEGER, source_text TEXT,"
	" target_start INTEGER, target_end INTEGER, target_text TEXT,"
	" verb_start INTEGER, verb_end INTEGER, verb_text TEXT,"
	" pattern TEXT, dict_version TEXT, flags INTEGER,"
	" date TEXT, date_end TEXT, date_precision TEXT, date_text TEXT,"
	" place_name TEXT, place_country TEXT, lat REAL, lon REAL, place_resolution TEXT,"
	" modality TEXT, quantities TEXT);"
	"CREATE INDEX mentions_event ON mentions(event_id, doc_id, sentence);"
	"CREATE INDEX mentions_doc ON mentions(doc_id, sentence);"
	"CREATE INDEX mentions_sentence ON mentions(sentence_id);"
	"CREATE TABLE dyads(actor_a TEXT NOT NULL, actor_b TEXT NOT NULL, n_events INTEGER NOT NULL,"
	" n_mentions INTEGER NOT NULL, PRIMARY KEY(actor_a, actor_b)) WITHOUT ROWID;"
	"CREATE INDEX dyads_n ON dyads(n_events);"
	"CREATE TABLE actors(code TEXT PRIMARY KEY, n_mentions INTEGER NOT NULL DEFAULT 0,"
	" first_date TEXT, last_date TEXT) WITHOUT ROWID;"
	"CREATE TABLE rejected(id INTEGER PRIMARY KEY, input TEXT, record TEXT,"
	" error TEXT NOT NULL, at TEXT);";

/* Migration 2: the store's document index moves to memory (store_near.c).
 * The content key loses its UNIQUE index and the (band, value, document)
 * MinHash index goes: both took random B-tree inserts that rewrote
 * thousands of index pages per batch. document_keys holds each
 * document's content key and MinHash signature (NULL when too short to
 * index) by id, appended in id order, from which the in-memory index is
 * built; the store keeps keys unique. documents_pub served no query. The
 * documents table is rebuilt without the constraint (foreign keys are off
 * while migrations run). */
static const char schema_v2[] =
	"CREATE TABLE documents_v2("
	" id INTEGER PRIMARY KEY, hash TEXT NOT NULL, minhash BLOB,"
	" title TEXT, outlet TEXT, url TEXT, origin TEXT, pub_date TEXT,"
	" ingest_date TEXT, language TEXT, text TEXT,"
	" near_duplicate_of INTEGER REFERENCES documents(id), near_similarity REAL,"
	" n_sources INTEGER NOT NULL DEFAULT 1, coded INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO documents_v2 SELECT id, hash, minhash, title, outlet, url, origin, pub_date,"
	" ingest_date, language, text, near_duplicate_of, near_similarity, n_sources, coded"
	" FROM documents ORDER BY id;"
	"CREATE TABLE document_keys(doc_id INTEGER PRIMARY KEY REFERENCES documents(id),"
	" hash TEXT NOT NULL, sig BLOB);"
	"INSERT INTO document_keys(doc_id, hash, sig) SELECT id, hash,"
	" CASE WHEN id IN (SELECT doc_id FROM minhash_bands) THEN minhash END"
	" FROM documents ORDER BY id;"
	"DROP TABLE minhash_bands;"
	"DROP TABLE documents;"
	"ALTER TABLE documents_v2 RENAME TO documents;";

/*
 * Migration 3: what the web server reads most, kept on write.
 *
 * `timeline_counts` holds, per country-level dyad (the first three
 * letters of source and target: DZAMIL and DZA both count under DZA, as
 * the API's three-letter prefixes match them), granularity (`by`: 0
 * month, 1 week, 2 year) and period (year*12+month-1, the Julian day of
 * the week's Monday, the year; TL_EXCLUDED for events dated less
 * precisely than the granularity or undated), the events, their counts by
 * QuadClass (none counts as 0, neutral, as the timeline always did) and modality and their Goldstein sum in thousandths (an
 * integer: sums and differences are exact, so the mean is the same
 * whatever order the rows were added or taken away in). Triggers on
 * `events` keep it in the transaction that writes the event, whoever
 * writes it (the store, or a script); the update trigger fires only when
 * a counted column changes, not on the per-mention count bumps. A
 * timeline then reads a few hundred rows instead of every event.
 *
 * `events_st3`: events by country-level dyad and date, so that a page of
 * a dyad's events sorted by date is read in order from the index.
 */
#define TL_EXCLUDED "-1000000"
#define TL_ROW(ev, by, key, sign) \
	"INSERT INTO timeline_counts VALUES(substr(" ev ".source,1,3), substr(" ev ".target,1,3), " by \
	", " key ", " sign ", " sign "*(coalesce(" ev ".quad, 0) IS 0), " sign "*(" ev ".quad IS 1), " sign "*(" ev ".quad IS 2)," \
	" " sign "*(" ev ".quad IS 3), " sign "*(" ev ".quad IS 4), " sign "*(" ev ".modality IS 'asserted')," \
	" " sign "*(" ev ".modality IS 'planned' OR " ev ".modality IS 'future'), " sign "*(" ev ".goldstein IS NOT NULL)," \
	" " sign "*coalesce(CAST(round(" ev ".goldstein*1000) AS INTEGER), 0))" \
	" ON CONFLICT DO UPDATE SET events = events + excluded.events, q0 = q0 + excluded.q0," \
	" q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4," \
	" asserted = asserted + excluded.asserted, planned = planned + excluded.planned," \
	" n_gold = n_gold + excluded.n_gold, gold = gold + excluded.gold;"
/* dates SQLite can convert (years 0-9999): others count as excluded */
#define TL_DATED(ev, maxc) "(" ev ".coarse <= " maxc " AND " ev ".day BETWEEN 1721060 AND 5373484)"
#define TL_MONTH(ev) "CASE WHEN " TL_DATED(ev, "1") " THEN strftime('%Y', " ev ".day)*12 + strftime('%m', " ev ".day) - 1 ELSE " TL_EXCLUDED " END"
#define TL_WEEK(ev) "CASE WHEN " TL_DATED(ev, "0") " THEN " ev ".day - " ev ".day % 7 ELSE " TL_EXCLUDED " END"
#define TL_YEAR(ev) "CASE WHEN " TL_DATED(ev, "2") " THEN strftime('%Y', " ev ".day) + 0 ELSE " TL_EXCLUDED " END"
#define TL_ALL(ev, sign) \
	TL_ROW(ev, "0", TL_MONTH(ev), sign) TL_ROW(ev, "1", TL_WEEK(ev), sign) TL_ROW(ev, "2", TL_YEAR(ev), sign)
#define TL_FILL(by, key) \
	"INSERT INTO timeline_counts SELECT substr(source,1,3), substr(target,1,3), " by ", k, count(*)," \
	" sum(coalesce(quad, 0) IS 0), sum(quad IS 1), sum(quad IS 2), sum(quad IS 3), sum(quad IS 4)," \
	" sum(modality IS 'asserted'), sum(modality IS 'planned' OR modality IS 'future')," \
	" sum(goldstein IS NOT NULL), coalesce(sum(CAST(round(goldstein*1000) AS INTEGER)), 0)" \
	" FROM (SELECT *, " key " AS k FROM events AS e) GROUP BY 1, 2, 4;"

static const char schema_v3[] =
	"CREATE TABLE timeline_counts(s3 TEXT NOT NULL, t3 TEXT NOT NULL, by INTEGER NOT NULL,"
	" period INTEGER NOT NULL, events INTEGER NOT NULL, q0 INTEGER NOT NULL, q1 INTEGER NOT NULL,"
	" q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL, asserted INTEGER NOT NULL,"
	" planned INTEGER NOT NULL, n_gold INTEGER NOT NULL, gold INTEGER NOT NULL,"
	" PRIMARY KEY(s3, t3, by, period)) WITHOUT ROWID;"
	"CREATE INDEX timeline_counts_t ON timeline_counts(t3, by, period);"
	TL_FILL("0", TL_MONTH("e")) TL_FILL("1", TL_WEEK("e")) TL_FILL("2", TL_YEAR("e"))
	"CREATE TRIGGER events_tl_insert AFTER INSERT ON events BEGIN " TL_ALL("new", "1") " END;"
	"CREATE TRIGGER events_tl_delete AFTER DELETE ON events BEGIN " TL_ALL("old", "-1") " END;"
	"CREATE TRIGGER events_tl_update AFTER UPDATE OF source, target, day, coarse, quad, goldstein,"
	" modality ON events WHEN old.source IS NOT new.source OR old.target IS NOT new.target"
	" OR old.day IS NOT new.day OR old.coarse IS NOT new.coarse OR old.quad IS NOT new.quad"
	" OR old.goldstein IS NOT new.goldstein OR old.modality IS NOT new.modality"
	" BEGIN " TL_ALL("old", "-1") TL_ALL("new", "1") " END;"
	"CREATE INDEX events_st3 ON events(substr(source,1,3), substr(target,1,3), day);";

/*
 * Migration 4: a sentence is stored as its offsets only. Its text is the
 * document text's bytes [start, end): `sentence_spans` holds the rows and
 * `sentences` becomes a view giving the same columns as before (text
 * cut from the document's text, byte offsets through a BLOB cast), so
 * readers, the web server and the full-text index (external content on
 * `sentences`, unchanged: same rowids and texts) see the same table.
 * Each sentence's text was written twice (row and document); a
 * one-sentence document wrote its text three times counting documents.
 * The rename keeps mentions' foreign key pointing at the rows. The view
 * reads the document through a scalar subquery, not a join, so that it
 * stays a single-table view SQLite can flatten into any query (also as
 * the right side of a LEFT JOIN) and look up by (doc_id, idx) or id.
 */
static const char schema_v4[] =
	"ALTER TABLE sentences RENAME TO sentence_spans;"
	"ALTER TABLE sentence_spans DROP COLUMN text;"
	"CREATE VIEW sentences(id, doc_id, idx, start, \"end\", text, repeated) AS"
	" SELECT s.id, s.doc_id, s.idx, s.start, s.\"end\","
	" (SELECT CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.\"end\" - s.start) AS TEXT)"
	"  FROM documents d WHERE d.id = s.doc_id),"
	" s.repeated FROM sentence_spans s;";

/*
 * Migration 5: timelines over a date range from the summaries too.
 *
 * A range [from, to] is cut into whole months, read from the summary rows,
 * and the partial months at its ends, read from the events (two short
 * index walks). The month rows (by 0) count day- and month-precise events
 * per month of `day`; what a range still needs per month is the events
 * dated by month and by year, which the granularities leave out: by 3
 * (month-precise) and by 4 (year-precise) rows, per month of `day`, with
 * the same columns. A month timeline excludes the by-4 events, a week
 * timeline the by-3 and by-4 ones, and a year timeline counts the by-0 and
 * by-4 rows of the months of a partial year. Only those events (a small
 * share) fire the triggers: the WHEN clause is checked before any work.
 *
 * `documents_language`: the smallest structure SQLite can count documents
 * from (count(*) walks the smallest index; the table holds the texts:
 * 30 ms for 200,000 documents, 0.6 ms from this index). One short entry
 * per document, appended within its language.
 */
#define TLC_KEY(ev) "CASE WHEN " ev ".day BETWEEN 1721060 AND 5373484 THEN strftime('%Y', " ev ".day)*12" \
	" + strftime('%m', " ev ".day) - 1 ELSE " TL_EXCLUDED " END"
#define TLC_ROW(ev, sign) \
	"INSERT INTO timeline_counts SELECT substr(" ev ".source,1,3), substr(" ev ".target,1,3), 2 + " ev ".coarse," \
	" " TLC_KEY(ev) ", " sign ", " sign "*(coalesce(" ev ".quad, 0) IS 0), " sign "*(" ev ".quad IS 1)," \
	" " sign "*(" ev ".quad IS 2), " sign "*(" ev ".quad IS 3), " sign "*(" ev ".quad IS 4)," \
	" " sign "*(" ev ".modality IS 'asserted'), " sign "*(" ev ".modality IS 'planned' OR " ev ".modality IS 'future')," \
	" " sign "*(" ev ".goldstein IS NOT NULL), " sign "*coalesce(CAST(round(" ev ".goldstein*1000) AS INTEGER), 0)" \
	" WHERE " ev ".coarse IN (1, 2)" \
	" ON CONFLICT DO UPDATE SET events = events + excluded.events, q0 = q0 + excluded.q0," \
	" q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, q3 = q3 + excluded.q3, q4 = q4 + excluded.q4," \
	" asserted = asserted + excluded.asserted, planned = planned + excluded.planned," \
	" n_gold = n_gold + excluded.n_gold, gold = gold + excluded.gold;"

static const char schema_v5[] =
	"INSERT INTO timeline_counts SELECT substr(source,1,3), substr(target,1,3), 2 + coarse, k, count(*),"
	" sum(coalesce(quad, 0) IS 0), sum(quad IS 1), sum(quad IS 2), sum(quad IS 3), sum(quad IS 4),"
	" sum(modality IS 'asserted'), sum(modality IS 'planned' OR modality IS 'future'),"
	" sum(goldstein IS NOT NULL), coalesce(sum(CAST(round(goldstein*1000) AS INTEGER)), 0)"
	" FROM (SELECT *, " TLC_KEY("e") " AS k FROM events AS e WHERE coarse IN (1, 2)) GROUP BY 1, 2, 3, 4;"
	"CREATE TRIGGER events_tlc_insert AFTER INSERT ON events WHEN new.coarse IN (1, 2)"
	" BEGIN " TLC_ROW("new", "1") " END;"
	"CREATE TRIGGER events_tlc_delete AFTER DELETE ON events WHEN old.coarse IN (1, 2)"
	" BEGIN " TLC_ROW("old", "-1") " END;"
	"CREATE TRIGGER events_tlc_update AFTER UPDATE OF source, target, day, coarse, quad, goldstein,"
	" modality ON events WHEN (old.coarse IN (1, 2) OR new.coarse IN (1, 2)) AND (old.source IS NOT new.source"
	" OR old.target IS NOT new.target OR old.day IS NOT new.day OR old.coarse IS NOT new.coarse"
	" OR old.quad IS NOT new.quad OR old.goldstein IS NOT new.goldstein OR old.modality IS NOT new.modality)"
	" BEGIN " TLC_ROW("old", "-1") TLC_ROW("new", "1") " END;"
	"CREATE INDEX documents_language ON documents(language);";

/* Where a mention's date and place came from (the when stage's
 * date_source/place_source: "sentence", "carried" from an earlier
 * sentence, "publication"); NULL in rows stored before. */
static const char schema_v6[] =
	"ALTER TABLE mentions ADD COLUMN date_source TEXT;"
	"ALTER TABLE mentions ADD COLUMN place_source TEXT;";

static const struct migration {
	int version;
	const char *name;
	const char *sql;
} migrations[] = {
	{ 1, "initial schema", schema_v1 },
	{ 2, "document index in memory: content keys and signatures by id", schema_v2 },
	{ 3, "timeline counts by country-level dyad and period; events by country-level dyad and date", schema_v3 },
	{ 4, "sentences as offsets into the document text (sentences is a view)", schema_v4 },
	{ 5, "timeline counts of month- and year-precise events per month, for date ranges; documents by language", schema_v5 },
	{ 6, "mentions: where the date and place came from (sentence, carried, publication)", schema_v6 },
};

static const char *const stmt_sql[ST__COUNT] = {
	[ST_DOC_INSERT] =
		"INSERT INTO documents(hash, minhash, title, outlet, url, origin, pub_date,"
		" ingest_date, language, text, near_duplicate_of, near_similarity, coded)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
	[ST_SOURCE_INSERT] =
		"INSERT OR IGNORE INTO document_sources(doc_id, origin, outlet, url, ingest_date)"
		" VALUES(?1,?2,?3,?4,?5)",
	[ST_NEAR_LOAD] = "SELECT doc_id, hash, sig FROM document_keys WHERE doc_id > ?1 ORDER BY doc_id",
	[ST_NEAR_SIG] = "SELECT sig FROM document_keys WHERE doc_id = ?1",
	[ST_NEAR_INSERT] = "INSERT INTO document_keys(doc_id, hash, sig) VALUES(?1, ?2, ?3)",
	[ST_DOC_CODED] = "UPDATE documents SET coded = ?2 WHERE id = ?1",
	[ST_DOC_IS_CODED] = "SELECT coded FROM documents WHERE id = ?1",
	[ST_SENT_INSERT] =
		"INSERT OR IGNORE INTO sentence_spans(doc_id, idx, start, end, repeated)"
		" VALUES(?1,?2,?3,?4,?5)",
	/* one statement per batch rather than one per sentence */
	[ST_FTS_BATCH] =
		"INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences"
		" WHERE id >= ?1 AND repeated = 0 ORDER BY id",
	[ST_EVENT_FIND] =
		"SELECT id FROM events WHERE actor_a = ?1 AND actor_b = ?2 AND root = ?3"
		" AND day BETWEEN ?4 - ?6 AND ?4 + ?6 AND coarse = ?7"
		" ORDER BY abs(day - ?4), id LIMIT 1",
	[ST_EVENT_INSERT] =
		"INSERT INTO events(source, target, actor_a, actor_b, symmetric, cameo, root, quad,"
		" goldstein, plover, date, date_end, date_precision, day, coarse, modality,"
		" place_name, place_country, lat, lon, first_seen, first_doc)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22)",
	[ST_EVENT_BUMP] =
		"UPDATE events SET n_mentions = n_mentions + ?4, n_articles = n_articles + ?2,"
		" date_end = CASE WHEN ?3 > COALESCE(date_end, date) THEN ?3 ELSE date_end END,"
		" modality = CASE WHEN ?5 = 'asserted' THEN 'asserted' ELSE modality END"
		" WHERE id = ?1",
	[ST_MENTION_SAME_DOC] =
		"SELECT max(sentence = ?3) FROM mentions WHERE event_id = ?1 AND doc_id = ?2",
	[ST_MENTION_INSERT] =
		"INSERT INTO mentions(event_id, doc_id, sentence, outlet, source, target, cameo, root,"
		" quad, goldstein, plover, source_start, source_end, source_text, target_start,"
		" target_end, target_text, verb_start, verb_end, verb_text, pattern, dict_version,"
		" flags, date, date_end, date_precision, date_text, place_name, place_country, lat,"
		" lon, place_resolution, modality, quantities, sentence_id, date_source, place_source)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
		"?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37)",
	[ST_OUTLET_INSERT] = "INSERT OR IGNORE INTO event_sources(event_id, outlet) VALUES(?1, ?2)",
	[ST_EVENT_OUTLET_BUMP] = "UPDATE events SET n_sources = n_sources + 1 WHERE id = ?1",
	/* a batch's mentions of one actor (store_pending.c): ?2 mentions, ?3/?4
	 * the min/max date since the batch's last undated mention, ?5 whether
	 * there was one (an undated mention leaves the dates NULL) */
	[ST_ACTOR_UPSERT] =
		"INSERT INTO actors(code, n_mentions, first_date, last_date) VALUES(?1, ?2, ?3, ?4)"
		" ON CONFLICT(code) DO UPDATE SET n_mentions = n_mentions + ?2,"
		" first_date = CASE WHEN ?5 THEN ?3 ELSE min(COALESCE(first_date, ?3), ?3) END,"
		" last_date = CASE WHEN ?5 THEN ?4 ELSE max(COALESCE(last_date, ?4), ?4) END",
	[ST_REJECT_INSERT] = "INSERT INTO rejected(input, record, error, at) VALUES(?1,?2,?3,?4)",
	[ST_DOC_EVENTS] = "SELECT DISTINCT event_id FROM mentions WHERE doc_id = ?1",
	[ST_DOC_BY_ID] = "SELECT outlet FROM documents WHERE id = ?1",
	[ST_DOC_SOURCES_BUMP] = "UPDATE documents SET n_sources = n_sources + 1 WHERE id = ?1",
	[ST_SENT_ID] = "SELECT id FROM sentence_spans WHERE doc_id = ?1 AND idx = ?2",
	[ST_DYAD_UPSERT] =
		"INSERT INTO dyads VALUES(?1, ?2, ?3, ?4) ON CONFLICT(actor_a, actor_b) DO UPDATE"
		" SET n_events = n_events + ?3, n_mentions = n_mentions + ?4",
};

int store_db_error(dyad_store *s, const char *what)
{
	return dyad_error_set(DYAD_EDB, "store: %s: %s", what,
	                      s && s->db ? sqlite3_errmsg(s->db) : "no database");
}

int store_exec(dyad_store *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = dyad_error_set(DYAD_EDB, "store: %s", msg ? msg : "SQL error");
		sqlite3_free(msg);
		return rc;
	}
	return 0;
}

/* Static: every caller steps the statement before the string goes away. */
int store_bind_text(sqlite3_stmt *st, int i, const char *s, int n)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, n, SQLITE_STATIC);
}

sqlite3_stmt *store_stmt(dyad_store *s, enum store_stmt id)
{
	if (!s->st[id]) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
		                       &s->st[id], NULL) != SQLITE_OK) {
			store_db_error(s, "prepare");
			return NULL;
		}
		return s->st[id];
	}
	sqlite3_reset(s->st[id]);
	/* only statements with parameters left unbound for NULL need clearing;
	 * the others bind every parameter at each use */
	if (id == ST_DOC_INSERT || id == ST_EVENT_INSERT || id == ST_MENTION_INSERT)
		sqlite3_clear_bindings(s->st[id]);
	return s->st[id];
}

static int read_version(dyad_store *s, int *version)
{
	sqlite3_stmt *st = NULL;
	*version = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT max(version) FROM migrations", -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, "reading schema version");
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int apply_migrations(dyad_store *s, size_t n);

/* Apply every migration newer than the database, each in its own transaction. */
static int migrate(dyad_store *s)
{
	int rc = store_exec(s, "CREATE TABLE IF NOT EXISTS migrations("
	                       "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)");
	if (rc)
		return rc;
	if ((rc = read_version(s, &s->version)))
		return rc;
	size_t n = sizeof(migrations) / sizeof(migrations[0]);
	if (s->version > migrations[n - 1].version)
		return dyad_error_set(DYAD_EDB, "store: schema version %d is newer than this dyad (%d)",
		                      s->version, migrations[n - 1].version);
	/* a migration may rebuild a referenced table (drop, rename): foreign
	 * keys are checked again once they are done */
	if (s->version < migrations[n - 1].version && (rc = store_exec(s, "PRAGMA foreign_keys=OFF")))
		return rc;
	rc = apply_migrations(s, n);
	int fk = store_exec(s, "PRAGMA foreign_keys=ON");
	return rc ? rc : fk;
}

static int apply_migrations(dyad_store *s, size_t n)
{
	int rc;
	for (size_t i = 0; i < n; i++) {
		if (migrations[i].version <= s->version)
			continue;
		if ((rc = store_exec(s, "BEGIN IMMEDIATE")))
			return rc;
		char sql[256];
		snprintf(sql, sizeof(sql),
		         "INSERT INTO migrations VALUES(%d, '%s', datetime('now'));"
		         "INSERT OR REPLACE INTO meta VALUES('schema_version', '%d');",
		         migrations[i].version, migrations[i].name, migrations[i].version);
		if ((rc = store_exec(s, migrations[i].sql)) || (rc = store_exec(s, sql))) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return rc;
		}
		if ((rc = store_exec(s, "COMMIT")))
			return rc;
		s->version = migrations[i].version;
	}
	return 0;
}

int dyad_store_open(dyad_store **out, const char *path)
{
	*out = NULL;
	dyad_store *s = dyad_calloc(1, sizeof(*s));
	if (!s)
		return DYAD_ENOMEM;
	pthread_mutex_init(&s->keys_lock, NULL);
	int rc;
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		rc = dyad_error_set(DYAD_EDB, "store: cannot open %s: %s", path,
		                    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto done;
	}
	sqlite3_busy_timeout(s->db, 5000);
	/* WAL: readers do not block the ingest; synchronous=NORMAL keeps every
	 * committed batch across a process kill (only an OS crash may lose the
	 * last batches, never corrupt the file). */
	if ((rc = store_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
	                        "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
	                        "PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824;")))
		goto done;
	sqlite3_wal_autocheckpoint(s->db, STORE_WAL_AUTOCHECKPOINT);
	rc = migrate(s);
done:
	if (rc) {
		dyad_store_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void dyad_store_free(dyad_store *s)
{
	if (!s)
		return;
	store_ckpt_stop(s);   /* before the writer's close checkpoints what is left */
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	else if (s->wrote)   /* keep the planner's statistics current */
		sqlite3_exec(s->db, "PRAGMA analysis_limit=1000; PRAGMA optimize", NULL, NULL, NULL);
	store_near_drop(s);
	store_pending_free(s->pending);
	store_fresh_clear(s);
	dyad_free(s->fresh_seen);
	for (int i = 0; i < ST__COUNT; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	pthread_mutex_destroy(&s->keys_lock);
	dyad_free(s);
}

int dyad_store_schema_version(const dyad_store *s)
{
	return s->version;
}

int dyad_store_begin(dyad_store *s)
{
	if (s->in_tx)
		return 0;
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(s->now, sizeof(s->now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	int rc = store_exec(s, "BEGIN IMMEDIATE");
	if (rc)
		return rc;
	s->in_tx = s->wrote = true;
	/* documents another connection committed since the index was built */
	return s->near ? store_near_refresh(s) : 0;
}

int store_fts_flush(dyad_store *s)
{
	if (!s->fts_from)
		return 0;
	sqlite3_stmt *st = store_stmt(s, ST_FTS_BATCH);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, s->fts_from);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "indexing sentences");
	sqlite3_reset(st);
	s->fts_from = 0;
	return 0;
}

int dyad_store_commit(dyad_store *s)
{
	if (!s->in_tx)
		return 0;
	int rc = store_fts_flush(s);
	if (!rc)
		rc = store_pending_flush(s);
	if (rc)
		return rc;
	/* Statements are reset on their next use; one left stepping would keep
	 * a read transaction open past COMMIT, and then SQLite's automatic
	 * checkpoint never runs: the WAL grew by every page written (137 MB
	 * for 100,000 documents) and was copied and synced at close. */
	for (int i = 0; i < ST__COUNT; i++)
		if (s->st[i])
			sqlite3_reset(s->st[i]);
	rc = store_exec(s, "COMMIT");
	if (!rc) {
		s->in_tx = false;
		store_ckpt_committed(s);
	} else {
		store_near_drop(s);   /* rebuilt from what is committed */
		store_pending_drop(s);
		store_fresh_clear(s);
	}
	return rc;
}

int dyad_store_rollback(dyad_store *s)
{
	if (!s->in_tx)
		return 0;
	s->in_tx = false;
	s->fts_from = 0;
	store_near_drop(s);   /* it may hold rows of the batch undone */
	store_pending_drop(s);
	store_fresh_clear(s);
	return store_exec(s, "ROLLBACK");
}

void *dyad_store_db(dyad_store *s)
{
	return s->db;
}

int dyad_store_reject(dyad_store *s, const char *input, const char *record, const char *error)
{
	sqlite3_stmt *st = store_stmt(s, ST_REJECT_INSERT);
	if (!st)
		return DYAD_EDB;
	store_bind_text(st, 1, input, -1);
	store_bind_text(st, 2, record, -1);
	store_bind_text(st, 3, error ? error : "unknown error", -1);
	store_bind_text(st, 4, s->now[0] ? s->now : NULL, -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "recording a rejected input");
	return 0;
}

static int count_of(dyad_store *s, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	*out = 0;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_db_error(s, "count");
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

int dyad_store_counts_get(dyad_store *s, dyad_store_counts *c)
{
	memset(c, 0, sizeof(*c));
	int rc = store_pending_flush(s);
	rc = rc ? rc : count_of(s, "SELECT count(*) FROM documents", &c->documents);
	rc = rc ? rc : count_of(s, "SELECT count(*) - (SELECT count(*) FROM documents) FROM document_sources", &c->duplicates);
	rc = rc ? rc : count_of(s, "SELECT count(*) FROM sentence_spans", &c->sentences);
	rc = rc ? rc : count_of(s, "SELECT count(*) FROM mentions", &c->mentions);
	rc = rc ? rc : count_of(s, "SELECT count(*) FROM events", &c->events);
	rc = rc ? rc : count_of(s, "SELECT count(*) FROM rejected", &c->rejected);
	rc = rc ? rc : count_of(s, "SELECT count(*) FROM actors", &c->actors);
	return rc;
}
