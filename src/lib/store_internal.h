/*
 * store_internal.h - shared between the store modules: the store struct,
 * its prepared statements (prepared once, on first use) and the hashing
 * helpers behind deduplication.
 */
#ifndef DYAD_STORE_INTERNAL_H
#define DYAD_STORE_INTERNAL_H

#include "dyad/store.h"

#include <pthread.h>
#include <sqlite3.h>

/* Every statement the write path uses; SQL in store.c's table. */
enum store_stmt {
	ST_DOC_INSERT, ST_SOURCE_INSERT, ST_NEAR_LOAD,
	ST_NEAR_SIG, ST_NEAR_INSERT, ST_DOC_CODED, ST_DOC_IS_CODED, ST_SENT_INSERT,
	ST_FTS_BATCH, ST_EVENT_FIND, ST_EVENT_INSERT, ST_EVENT_BUMP,
	ST_MENTION_SAME_DOC, ST_MENTION_INSERT, ST_OUTLET_INSERT,
	ST_EVENT_OUTLET_BUMP, ST_ACTOR_UPSERT, ST_REJECT_INSERT,
	ST_DOC_EVENTS, ST_DOC_BY_ID, ST_DOC_SOURCES_BUMP, ST_DYAD_UPSERT, ST_SENT_ID,
	ST__COUNT
};

/* WAL pages after which a commit checkpoints (SQLite's default). */
#define STORE_WAL_AUTOCHECKPOINT 1000

/* A checkpointing thread with its own connection (store_ckpt.c). */
typedef struct store_ckpt store_ckpt;

/* The in-memory near-duplicate band index (store_near.c). */
typedef struct store_near store_near;
/* Actor and dyad counts of the open batch (store_pending.c). */
typedef struct store_pending store_pending;

/* Mentions stored for the document being coded (store_event.c). */
typedef struct store_seen_mention { int64_t event_id; uint32_t sentence; } store_seen_mention;

struct dyad_store {
	sqlite3      *db;
	sqlite3_stmt *st[ST__COUNT];
	int           version;
	bool          in_tx;
	bool          wrote;       /**< a batch was opened: optimize on close */
	int64_t       sent_doc, sent_id; /**< last sentence stored: (doc, index) -> row id */
	uint32_t      sent_idx;
	char          now[24];     /**< ingest timestamp, set per batch */
	int64_t       fts_from;    /**< first sentence stored in this batch (0: none), indexed at commit */
	store_near   *near;        /**< band index, built on first use; NULL: not built */
	pthread_mutex_t keys_lock; /**< guards the content keys of `near` against
	                                store_doc_known() from other threads */
	store_pending *pending;    /**< actor/dyad counts to write at commit */
	store_ckpt   *ckpt;        /**< checkpoints run there, not after commits; NULL: none */
	/* The document this connection inserted last in the open batch: its
	 * outlet, and the (event, sentence) of each mention stored for it, so
	 * that its mentions need no lookups (no other mention of it exists). */
	int64_t       fresh_doc;   /**< 0: none */
	char         *fresh_outlet;
	store_seen_mention *fresh_seen;
	size_t        fresh_n, fresh_cap;
};

/** The prepared statement `id`, reset and unbound; NULL on error (message set). */
sqlite3_stmt *store_stmt(dyad_store *s, enum store_stmt id);

/** Index the sentences stored in this batch for full-text search (done
 *  by commit; queries call it so that they see the open batch too). */
int store_fts_flush(dyad_store *s);

/** Write the batch's pending actor/dyad counts and full-text rows (commit
 *  and queries call it). */
int store_pending_flush(dyad_store *s);
int store_pending_actor(dyad_store *s, const char *code, const char *date);
int store_pending_dyad(dyad_store *s, const char *a, const char *b, bool new_event);
/** Forget the pending counts (rollback). */
void store_pending_drop(dyad_store *s);
void store_pending_free(store_pending *p);

/** Forget the fresh document (rollback, close). */
void store_fresh_clear(dyad_store *s);
/** Remember a document just inserted and its outlet. */
int store_fresh_set(dyad_store *s, int64_t doc_id, const char *outlet);

/** Set or clear a document's coded mark. */
int store_set_coded(dyad_store *s, int64_t doc_id, bool coded);

/** Hand WAL checkpoints to a thread with its own connection (for long
 *  write runs; the writer's commits no longer checkpoint). 0 or an error;
 *  nothing for a store without a file. */
int  store_ckpt_start(dyad_store *s);
/** A batch was committed: wake the checkpoint thread. */
void store_ckpt_committed(dyad_store *s);
/** Stop the thread (after its current checkpoint); commits checkpoint again. */
void store_ckpt_stop(dyad_store *s);

/** Set the error from SQLite's message and return DYAD_EDB. */
int store_db_error(dyad_store *s, const char *what);

/** Run SQL without results. */
int store_exec(dyad_store *s, const char *sql);

/** Bind a possibly NULL string. */
int store_bind_text(sqlite3_stmt *st, int i, const char *s, int n);

/* Hashing (store_hash.c). */

/** Content key: 32 hex digits of the normalized text's 128-bit hash. */
void store_content_hash(const char *text, size_t len, char out[33]);

/** The 128 bits of a content key's hex digits; false if it is not one. */
bool store_content_key_parse(const char *hex, uint64_t *h1, uint64_t *h2);

/** MinHash signature size (32-bit minima over 3-word shingles). */
#define STORE_MINHASH_K 32

/** MinHash signature of the text; *n_shingles receives the shingle count. */
void store_minhash(const char *text, size_t len, uint32_t sig[STORE_MINHASH_K], size_t *n_shingles);

/** A document's dedup keys: computed apart from the store (any thread,
 *  no store state), so that the writer only looks them up. */
typedef struct store_keys {
	char     hash[33];                 /**< content key */
	uint32_t sig[STORE_MINHASH_K];     /**< MinHash signature */
	size_t   n_shingles;
} store_keys;

/** The keys of a document's text. */
void store_keys_compute(store_keys *k, const char *text, size_t len);

/** dyad_store_add_document() with keys computed by store_keys_compute(). */
int store_add_document_keyed(dyad_store *s, const dyad_store_doc *d, const store_keys *k,
                             int64_t *doc_id, dyad_doc_status *status);

/** 64-bit hash of the normalized text (for repeated sentences). */
uint64_t store_norm_hash64(const char *text, size_t len);

/* Near duplicates (store_near.c): MinHash signatures indexed as
 * STORE_NEAR_BANDS bands of 4 minima; at most STORE_NEAR_MAX_CANDIDATES
 * stored documents are compared with a new one. */
#define STORE_NEAR_BANDS 8
#define STORE_NEAR_MAX_CANDIDATES 32

/** Hash of band `band` (4 minima) of a signature. */
int64_t store_band_value(const uint32_t *sig, int band);

/** Build the band index, or add the signatures committed since it was built. */
int store_near_refresh(dyad_store *s);

/** Forget the band index (after a rollback: it may hold rolled-back rows). */
void store_near_drop(dyad_store *s);
void store_near_free(store_near *n);

/** The stored document whose content key is `hash` (*id 0 if none). */
int store_doc_by_key(dyad_store *s, const char *hash, int64_t *id);

/** Whether the content key is in the in-memory index already (false when
 *  the index is not built). The one store call other threads may make
 *  while the writer works: it only reads the keys, under keys_lock. */
bool store_doc_known(dyad_store *s, const char *hash);

/** The first stored document whose signature agrees with `sig` on at
 *  least `min_sim` of the minima, among those sharing a band; 0 if none. */
int store_near_find(dyad_store *s, const uint32_t *sig, double min_sim, int64_t *best_id,
                    double *best_sim);

/** Record the content key and signature (NULL: too short to index) of a
 *  new document (table and index). */
int store_near_add(dyad_store *s, int64_t doc, const char *hash, const uint32_t *sig);

/** Julian day number of a date (month/day 0 count as 1). */
int64_t store_julian(dyad_date d);

#endif
