/*
 * store_doc.c - documents and sentences: exact-duplicate detection by
 * content hash, near-duplicate linking by SimHash bands, sources of
 * duplicates, sentences with their full-text index.
 */
#include "store_internal.h"
#include "util/error.h"

#include <string.h>

/* Near duplicates: at most this many differing SimHash bits (random
 * 64-bit hashes differ by 32 on average; two texts differing by a word
 * or a credit line by 2-6). Candidates are found by looking up five
 * 13-bit bands (the last 12): within 4 bits two hashes always share a
 * band; within 5 or 6 they do in 96% and 88% of cases, the price of an
 * indexed lookup instead of a scan. */
#define NEAR_MAX_DISTANCE 6
#define NEAR_BANDS 5

static int band_value(uint64_t sh, int band)
{
	return (int)((sh >> (13 * band)) & 0x1fff);
}

static int find_near(dyad_store *s, uint64_t sh, int64_t *best_id, int *best_dist)
{
	*best_id = 0;
	*best_dist = 64;
	for (int band = 0; band < NEAR_BANDS; band++) {
		sqlite3_stmt *st = store_stmt(s, ST_BAND_FIND);
		if (!st)
			return DYAD_EDB;
		sqlite3_bind_int(st, 1, band);
		sqlite3_bind_int(st, 2, band_value(sh, band));
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int d = store_hamming(sh, (uint64_t)sqlite3_column_int64(st, 1));
			int64_t id = sqlite3_column_int64(st, 0);
			if (d < *best_dist || (d == *best_dist && id < *best_id)) {
				*best_dist = d;
				*best_id = id;
			}
		}
		if (rc != SQLITE_DONE)
			return store_db_error(s, "near-duplicate lookup");
	}
	if (*best_dist > NEAR_MAX_DISTANCE)
		*best_id = 0;
	return 0;
}

static int add_source(dyad_store *s, int64_t doc_id, const dyad_store_doc *d, bool *added)
{
	sqlite3_stmt *st = store_stmt(s, ST_SOURCE_INSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	store_bind_text(st, 2, d->origin ? d->origin : (d->url ? d->url : "-"), -1);
	store_bind_text(st, 3, d->outlet, -1);
	store_bind_text(st, 4, d->url, -1);
	store_bind_text(st, 5, s->now, -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "recording a document source");
	*added = sqlite3_changes(s->db) > 0;
	return 0;
}

/* A duplicate from another outlet counts as one more source of each event
 * the first copy reported. */
static int credit_outlet(dyad_store *s, int64_t doc_id, const char *outlet)
{
	if (!outlet || !*outlet)
		return 0;
	int64_t ids[256];
	size_t n = 0;
	sqlite3_stmt *st = store_stmt(s, ST_DOC_EVENTS);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	while (n < sizeof(ids) / sizeof(ids[0]) && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	for (size_t i = 0; i < n; i++) {
		st = store_stmt(s, ST_OUTLET_INSERT);
		if (!st)
			return DYAD_EDB;
		sqlite3_bind_int64(st, 1, ids[i]);
		store_bind_text(st, 2, outlet, -1);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_db_error(s, "crediting a source");
		if (sqlite3_changes(s->db) == 0)
			continue;
		st = store_stmt(s, ST_EVENT_OUTLET_BUMP);
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_db_error(s, "crediting a source");
	}
	return 0;
}

static int insert_doc(dyad_store *s, const dyad_store_doc *d, const char *hash,
                      uint64_t sh, int64_t near_id, int near_dist, int64_t *doc_id)
{
	char date[16];
	dyad_date_format(date, sizeof(date), d->pub_date);
	sqlite3_stmt *st = store_stmt(s, ST_DOC_INSERT);
	if (!st)
		return DYAD_EDB;
	store_bind_text(st, 1, hash, -1);
	sqlite3_bind_int64(st, 2, (int64_t)sh);
	store_bind_text(st, 3, d->title, -1);
	store_bind_text(st, 4, d->outlet, -1);
	store_bind_text(st, 5, d->url, -1);
	store_bind_text(st, 6, d->origin, -1);
	store_bind_text(st, 7, date[0] ? date : NULL, -1);
	store_bind_text(st, 8, s->now, -1);
	store_bind_text(st, 9, d->language ? d->language : "und", -1);
	store_bind_text(st, 10, d->text ? d->text : "", (int)d->text_len);
	if (near_id) {
		sqlite3_bind_int64(st, 11, near_id);
		sqlite3_bind_int(st, 12, near_dist);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "storing a document");
	*doc_id = sqlite3_last_insert_rowid(s->db);
	for (int band = 0; band < NEAR_BANDS; band++) {
		st = store_stmt(s, ST_BAND_INSERT);
		if (!st)
			return DYAD_EDB;
		sqlite3_bind_int(st, 1, band);
		sqlite3_bind_int(st, 2, band_value(sh, band));
		sqlite3_bind_int64(st, 3, *doc_id);
		if (sqlite3_step(st) != SQLITE_DONE)
			return store_db_error(s, "storing a document");
	}
	return 0;
}

int dyad_store_add_document(dyad_store *s, const dyad_store_doc *d,
                            int64_t *doc_id, dyad_doc_status *status)
{
	if (d->text_len > (size_t)INT32_MAX)
		return dyad_error_set(DYAD_ELIMIT, "store: document too large");
	char hash[33];
	const char *text = d->text ? d->text : "";
	store_content_hash(text, d->text_len, hash);
	sqlite3_stmt *st = store_stmt(s, ST_DOC_BY_HASH);
	if (!st)
		return DYAD_EDB;
	store_bind_text(st, 1, hash, -1);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*doc_id = sqlite3_column_int64(st, 0);
		bool added;
		if ((rc = add_source(s, *doc_id, d, &added)))
			return rc;
		*status = added ? DYAD_DOC_DUPLICATE : DYAD_DOC_SEEN;
		if (!added)
			return 0;
		sqlite3_stmt *up = NULL;
		if (sqlite3_prepare_v2(s->db, "UPDATE documents SET n_sources = n_sources + 1 WHERE id = ?1",
		                       -1, &up, NULL) != SQLITE_OK)
			return store_db_error(s, "counting a duplicate");
		sqlite3_bind_int64(up, 1, *doc_id);
		rc = sqlite3_step(up) == SQLITE_DONE ? 0 : store_db_error(s, "counting a duplicate");
		sqlite3_finalize(up);
		return rc ? rc : credit_outlet(s, *doc_id, d->outlet);
	}
	if (rc != SQLITE_DONE)
		return store_db_error(s, "duplicate lookup");
	uint64_t sh = store_simhash(text, d->text_len);
	int64_t near_id;
	int near_dist;
	if ((rc = find_near(s, sh, &near_id, &near_dist)))
		return rc;
	if ((rc = insert_doc(s, d, hash, sh, near_id, near_dist, doc_id)))
		return rc;
	bool added;
	if ((rc = add_source(s, *doc_id, d, &added)))
		return rc;
	*status = near_id ? DYAD_DOC_NEAR_DUPLICATE : DYAD_DOC_NEW;
	return 0;
}

int dyad_store_mark_coded(dyad_store *s, int64_t doc_id)
{
	sqlite3_stmt *st = store_stmt(s, ST_DOC_CODED);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_db_error(s, "marking a document coded");
}

int dyad_store_is_coded(dyad_store *s, int64_t doc_id, bool *coded)
{
	sqlite3_stmt *st = store_stmt(s, ST_DOC_IS_CODED);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*coded = sqlite3_column_int(st, 0) != 0;
		return 0;
	}
	if (rc == SQLITE_DONE)
		return dyad_error_set(DYAD_ENOTFOUND, "store: no document %lld", (long long)doc_id);
	return store_db_error(s, "reading a document");
}

int dyad_store_add_sentence(dyad_store *s, int64_t doc_id, uint32_t index,
                            uint32_t start, uint32_t end,
                            const char *text, size_t len, bool repeated)
{
	sqlite3_stmt *st = store_stmt(s, ST_SENT_INSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int(st, 2, (int)index);
	sqlite3_bind_int64(st, 3, start);
	sqlite3_bind_int64(st, 4, end);
	store_bind_text(st, 5, text, (int)len);
	sqlite3_bind_int(st, 6, repeated);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "storing a sentence");
	if (sqlite3_changes(s->db) == 0 || repeated)
		return 0;  /* already there, or a repeat kept out of the index */
	int64_t id = sqlite3_last_insert_rowid(s->db);
	st = store_stmt(s, ST_FTS_INSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, text, (int)len);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_db_error(s, "indexing a sentence");
}
