/*
 * ingest_internal.h - helpers shared by the ingest modules.
 */
#ifndef DYAD_INGEST_INTERNAL_H
#define DYAD_INGEST_INTERNAL_H

#include "dyad/ingest.h"
#include "store_internal.h"

/** Copy with white space runs collapsed and trimmed (dyad_free it). */
char *ingest_clean_string(const char *s, size_t n);

/**
 * Parse a date written as ISO 8601 ("2022-11-16", "2022-11-16T10:00Z"),
 * RFC 822 ("Wed, 16 Nov 2022 10:00:00 GMT"), "16 November 2022",
 * "November 16, 2022", "16.11.2022" or TABARI/PETRARCH "20221116".
 * Returns true when a date was read.
 */
bool ingest_parse_date(dyad_date *out, const char *s);

/** Text of an HTML fragment (all of it, paragraphs separated). */
int ingest_html_text(const char *bytes, size_t len, char **out, size_t *out_len);

/* ------------------------------------------------------------------ */
/* Ordered worker pool (ingest_pool.c)                                 */

typedef struct ingest_pool ingest_pool;
typedef void (*ingest_pool_work)(void *worker_ctx, void *job);

/** A pool of `workers` threads (0: none, push does the work itself with
 *  worker_ctx[0]) running `work` on at most `depth` jobs at a time;
 *  worker i gets worker_ctx[i] (borrowed). */
int  ingest_pool_new(ingest_pool **out, size_t workers, size_t depth,
                     ingest_pool_work work, void *const *worker_ctx);
/** Whether `depth` jobs are in the pool (pop one before pushing). */
bool ingest_pool_full(const ingest_pool *p);
/** Hand a job to the workers (the pool must not be full). */
void ingest_pool_push(ingest_pool *p, void *job);
/** The oldest job once its work is done, in push order; NULL when the
 *  pool is empty, or (wait false) when the oldest is not done yet. */
void *ingest_pool_pop(ingest_pool *p, bool wait);
/** Stop the workers after their current job and free the pool; jobs not
 *  popped are passed to `release` (may be NULL). NULL is ignored. */
void ingest_pool_free(ingest_pool *p, void (*release)(void *job));

/* ------------------------------------------------------------------ */
/* A document between reading and the store (ingest_prepare.c)         */

/** A sentence of a prepared document and its coded events. */
typedef struct ingest_sentence {
	uint32_t start, end;        /**< bytes of the document text */
	bool     repeated;          /**< same normalized text earlier in the document */
	uint32_t first_event, n_events;   /**< its events in ingest_item.events */
} ingest_sentence;

/** A diagnostic met on a worker, passed on by the writer in order. */
typedef struct ingest_note {
	dyad_severity sev;
	char         *line;
} ingest_note;

/** A record read by the caller's thread, prepared by a worker (decoded,
 *  split into sentences, keyed for dedup and, when English, coded), then
 *  written by the caller's thread. */
typedef struct ingest_item {
	dyad_record  rec;           /**< taken from the reader (owned), or parsed from `line` */
	char        *input;         /**< file or URL it came from (owned) */
	char        *line;          /**< a JSON Lines record to parse (owned), or NULL */
	size_t       line_len, lineno;
	bool         no_record;     /**< `line` was not a record, or no record was read (notes say why) */
	ingest_note *notes;         /**< problems met by the worker (owned) */
	size_t       n_notes;
	char        *error;         /**< set by prepare: rejected with this message (with rc: why the run stops) */
	int          rc;            /**< set by prepare: the run must stop (no memory, coder failure) */
	dyad_doc    *doc;           /**< decoded text and its sentences */
	const char  *lang;          /**< static string */
	bool         english;       /**< English, or too short to tell */
	bool         code;          /**< English and a coder: to be coded */
	bool         coded;         /**< events below are its coding */
	store_keys   keys;
	ingest_sentence *sents;
	size_t       n_sents;
	dyad_events  events;        /**< events to store, by sentence */
	size_t       skipped_events;/**< coded without a source actor or code */
} ingest_item;

/** Per-thread scratch of the prepare stage. */
typedef struct ingest_worker {
	const dyad_ingest_coder *coder;   /**< NULL: not coding */
	dyad_store  *store;         /**< only for store_doc_known() */
	dyad_diag   *diag;          /**< collects notes into `item` */
	ingest_item *item;          /**< the item being parsed */
	double       cpu_s;         /**< CPU seconds spent preparing (its thread's clock) */
	dyad_tokens *toks;
	uint64_t    *seen;          /**< sentence hashes of the current document */
	size_t       seen_cap;      /**< allocated */
	size_t       seen_size;     /**< in use for this document (a power of two) */
} ingest_worker;

int  ingest_worker_init(ingest_worker *w, const dyad_ingest_coder *coder, dyad_store *store);
void ingest_worker_release(ingest_worker *w);

/** Where an item is from, for messages and the `rejected` table. */
const char *ingest_item_where(const ingest_item *it);
/** Decode, split, key and (unless the store already has the text) code
 *  an item. Thread-safe with one worker per thread. */
void ingest_prepare(ingest_worker *w, ingest_item *it);
/** Code a prepared item's sentences (prepare skipped it). Returns 0 or an error. */
int  ingest_code_item(ingest_worker *w, ingest_item *it);
/** Free what an item owns and zero it. */
void ingest_item_release(ingest_item *it);

#endif
