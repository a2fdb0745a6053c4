/*
 * store_doc.c - documents and sentences: exact-duplicate detection by
 * content hash, near-duplicate linking by SimHash bands, sources of
 * duplicates, sentences with their full-text index.
 */
#include "store_internal.h"
#include "util/error.h"

#include <string.h>

/* Near duplicates: MinHash over 3-word shingles, 32 minima, indexed as
 * 8 bands of 4 minima (LSH, store_near.c). Two texts whose shingle sets
 * have Jaccard similarity J share at least one band with probability
 * 1-(1-J^4)^8: 99.9% at J=0.9, 98.5% at J=0.8, 89% at J=0.7; each
 * candidate is then confirmed by the signatures' estimate of J. Wire copy
 * republished with a changed sentence or a credit line scores 0.8-0.95;
 * two reports of the same event in different words stay below 0.3. */
#define NEAR_MIN_SIMILARITY 0.7
#define NEAR_MIN_SHINGLES 8     /* shorter texts: too few shingles to judge */

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
                      const uint32_t *sig, bool banded, int64_t near_id, double near_sim,
                      int64_t *doc_id)
{
	char date[16];
	dyad_date_format(date, sizeof(date), d->pub_date);
	sqlite3_stmt *st = store_stmt(s, ST_DOC_INSERT);
	if (!st)
		return DYAD_EDB;
	store_bind_text(st, 1, hash, -1);
	/* ?2 (documents.minhash) stays NULL since schema 4: the signature is
	 * in document_keys.sig, the only place it is read from */
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
		sqlite3_bind_double(st, 12, near_sim);
	}
	sqlite3_bind_int(st, 13, d->coded);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "storing a document");
	*doc_id = sqlite3_last_insert_rowid(s->db);
	int rc = store_fresh_set(s, *doc_id, d->outlet);
	return rc ? rc : store_near_add(s, *doc_id, hash, banded ? sig : NULL);
}

void store_keys_compute(store_keys *k, const char *text, size_t len)
{
	store_content_hash(text ? text : "", len, k->hash);
	store_minhash(text ? text : "", len, k->sig, &k->n_shingles);
}

/* A copy of a stored text: one more source, or nothing new (re-ingest). */
static int add_duplicate(dyad_store *s, int64_t doc_id, const dyad_store_doc *d,
                         dyad_doc_status *status)
{
	bool added;
	int rc = add_source(s, doc_id, d, &added);
	if (rc)
		return rc;
	*status = added ? DYAD_DOC_DUPLICATE : DYAD_DOC_SEEN;
	if (!added)
		return 0;
	sqlite3_stmt *up = store_stmt(s, ST_DOC_SOURCES_BUMP);
	if (!up)
		return DYAD_EDB;
	sqlite3_bind_int64(up, 1, doc_id);
	rc = sqlite3_step(up) == SQLITE_DONE ? 0 : store_db_error(s, "counting a duplicate");
	return rc ? rc : credit_outlet(s, doc_id, d->outlet);
}

int store_add_document_keyed(dyad_store *s, const dyad_store_doc *d, const store_keys *k,
                             int64_t *doc_id, dyad_doc_status *status)
{
	if (d->text_len > (size_t)INT32_MAX)
		return dyad_error_set(DYAD_ELIMIT, "store: document too large");
	int64_t found;
	int rc = store_doc_by_key(s, k->hash, &found);
	if (rc)
		return rc;
	if (found) {
		*doc_id = found;
		return add_duplicate(s, found, d, status);
	}
	bool banded = k->n_shingles >= NEAR_MIN_SHINGLES;
	int64_t near_id = 0;
	double near_sim = 0;
	if (banded && (rc = store_near_find(s, k->sig, NEAR_MIN_SIMILARITY, &near_id, &near_sim)))
		return rc;
	if ((rc = insert_doc(s, d, k->hash, k->sig, banded, near_id, near_sim, doc_id)))
		return rc;
	bool added;
	if ((rc = add_source(s, *doc_id, d, &added)))
		return rc;
	*status = near_id ? DYAD_DOC_NEAR_DUPLICATE : DYAD_DOC_NEW;
	return 0;
}

int dyad_store_add_document(dyad_store *s, const dyad_store_doc *d,
                            int64_t *doc_id, dyad_doc_status *status)
{
	if (d->text_len > (size_t)INT32_MAX)
		return dyad_error_set(DYAD_ELIMIT, "store: document too large");
	store_keys k;
	store_keys_compute(&k, d->text, d->text_len);
	return store_add_document_keyed(s, d, &k, doc_id, status);
}

int store_set_coded(dyad_store *s, int64_t doc_id, bool coded)
{
	sqlite3_stmt *st = store_stmt(s, ST_DOC_CODED);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int(st, 2, coded);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_db_error(s, "marking a document coded");
}

int dyad_store_mark_coded(dyad_store *s, int64_t doc_id)
{
	return store_set_coded(s, doc_id, true);
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
	/* the text is not stored: the sentences view cuts it from the document */
	if (end < start || (!text && len) || len != (size_t)(end - start))
		return dyad_error_set(DYAD_EINVAL, "store: sentence %u: text is not bytes %u-%u of the document",
		                      (unsigned)index, (unsigned)start, (unsigned)end);
	sqlite3_stmt *st = store_stmt(s, ST_SENT_INSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int(st, 2, (int)index);
	sqlite3_bind_int64(st, 3, start);
	sqlite3_bind_int64(st, 4, end);
	sqlite3_bind_int(st, 5, repeated);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "storing a sentence");
	if (sqlite3_changes(s->db) == 0)
		return 0;  /* already there */
	int64_t id = sqlite3_last_insert_rowid(s->db);
	s->sent_doc = doc_id;
	s->sent_idx = index;
	s->sent_id = id;
	/* full-text indexing of the batch's sentences (repeats kept out) happens
	 * at commit, in one statement (store_fts_flush) */
	if (!s->fts_from)
		s->fts_from = id;
	return s->in_tx ? 0 : store_fts_flush(s);   /* outside a batch: now */
}
