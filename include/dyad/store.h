/*
 * dyad/store.h - the event store: documents, sentences, mentions (one
 * coded event in one sentence) and events (mentions of one real-world
 * event clustered across documents), in an embedded SQLite database.
 *
 * Schema, merge rule, transactions and migrations: docs/internals/store.md.
 *
 * Writes happen inside batches (dyad_store_begin / dyad_store_commit):
 * a process killed mid-batch loses that batch only, and documents are
 * keyed by a content hash, so running the same ingest again resumes
 * where it stopped and changes nothing that was already committed.
 */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "dyad/common.h"
#include "dyad/event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Current schema version (the number of migrations). */
#define DYAD_STORE_SCHEMA_VERSION 6

/** An open store. Opaque; one per thread. */
typedef struct dyad_store dyad_store;

/** Open (creating and migrating as needed) the store at `path`. */
int dyad_store_open(dyad_store **out, const char *path);

/** Close a store, rolling back an open batch; NULL is ignored. */
void dyad_store_free(dyad_store *s);

/** Schema version of the open database. */
int dyad_store_schema_version(const dyad_store *s);

/** Start / commit / roll back a batch of writes. */
int dyad_store_begin(dyad_store *s);
int dyad_store_commit(dyad_store *s);
int dyad_store_rollback(dyad_store *s);

/* ------------------------------------------------------------------ */
/* Documents                                                            */

/** A document offered to the store. Strings borrowed; any may be NULL. */
typedef struct dyad_store_doc {
	const char *origin;    /**< where it came from: path, "path:line", URL */
	const char *title;
	const char *outlet;
	const char *url;
	dyad_date   pub_date;
	const char *language;  /**< ISO 639-1 ("en"), "und" when unknown */
	const char *text;
	size_t      text_len;
	bool        coded;     /**< stored as coded: the caller codes it in this batch
	                            (saves a dyad_store_mark_coded) */
} dyad_store_doc;

/** What adding a document found. */
typedef enum dyad_doc_status {
	DYAD_DOC_NEW = 0,        /**< stored; to be coded */
	DYAD_DOC_NEAR_DUPLICATE, /**< stored and linked to a near-identical document; to be coded */
	DYAD_DOC_DUPLICATE,      /**< same normalized text as a stored document: new source recorded */
	DYAD_DOC_SEEN            /**< same text from the same origin: nothing changed (re-ingest) */
} dyad_doc_status;

/**
 * Add a document. Exact duplicates (same text after normalizing space,
 * case, quotes and dashes) are not stored again: their origin, outlet and
 * URL are added to the first copy's sources. *doc_id receives the id of
 * the stored document (the first copy for duplicates), *status what
 * happened.
 */
int dyad_store_add_document(dyad_store *s, const dyad_store_doc *d,
                            int64_t *doc_id, dyad_doc_status *status);

/** Mark a stored document as coded (its sentences and mentions are in). */
int dyad_store_mark_coded(dyad_store *s, int64_t doc_id);

/** Whether a stored document is marked coded. */
int dyad_store_is_coded(dyad_store *s, int64_t doc_id, bool *coded);

/** Store one sentence of a document: bytes [start, end) of the text the
 *  document was stored with (the store keeps the offsets, not a copy;
 *  `text`/`len` are that span: DYAD_EINVAL if `len` is not end - start). */
int dyad_store_add_sentence(dyad_store *s, int64_t doc_id, uint32_t index,
                            uint32_t start, uint32_t end,
                            const char *text, size_t len, bool repeated);

/* ------------------------------------------------------------------ */
/* Mentions and events                                                  */

/** CAMEO attributes of a code, looked up by the caller from the codebook. */
typedef struct dyad_code_attrs {
	char   root[3];        /**< "04" */
	int    quad;           /**< QuadClass 1-4 */
	double goldstein;
	const char *plover;    /**< PLOVER event type ("CONSULT"); may be NULL */
} dyad_code_attrs;

/**
 * Store one coded event of sentence `ev->sentence` of document `doc_id`
 * (whose text is `doc_text`, used to keep the spans' text) and attach it
 * to an event (creating one when none matches the merge rule). `dict_version`
 * identifies the dictionaries that coded it. *event_id may be NULL.
 */
int dyad_store_add_mention(dyad_store *s, int64_t doc_id, const dyad_event *ev,
                           const char *doc_text, size_t doc_len,
                           const dyad_code_attrs *attrs,
                           const char *dict_version, int64_t *event_id);

/** Record an input that could not be read or stored. */
int dyad_store_reject(dyad_store *s, const char *input, const char *record,
                      const char *error);

/** Default attributes of a CAMEO code from its root alone (quad, PLOVER). */
void dyad_code_attrs_default(dyad_code_attrs *a, const char *cameo);

/* ------------------------------------------------------------------ */
/* Counts                                                               */

typedef struct dyad_store_counts {
	int64_t documents, duplicates, sentences, mentions, events, rejected, actors;
} dyad_store_counts;

/** Row counts of the store's tables (pending mention counts flushed first). */
int dyad_store_counts_get(dyad_store *s, dyad_store_counts *c);


/* ------------------------------------------------------------------ */
/* Queries (store_query.c)                                              */

/** Filters of dyad_store_events(); NULL / 0 fields do not filter. */
typedef struct dyad_event_filter {
	const char *actor;       /**< prefix of source or target ("DZA") */
	const char *dyad_a;      /**< with dyad_b: prefixes, either direction */
	const char *dyad_b;
	const char *code;        /**< CAMEO prefix ("06") */
	const char *plover;      /**< PLOVER type ("COOPERATE") */
	const char *modality;    /**< "asserted", "planned" ... */
	const char *text;        /**< full-text query over the mentions' sentences (FTS5 syntax) */
	dyad_date   from, to;    /**< event date range, inclusive */
	long        min_sources; /**< at least this many distinct outlets */
	long        limit;       /**< 0: no limit */
	int64_t     id;          /**< one event by id */
} dyad_event_filter;

/** One event as queries return it. Strings borrowed for the callback only. */
typedef struct dyad_event_row {
	int64_t id;
	const char *source, *target, *cameo, *root, *plover;
	const char *date, *date_end, *precision, *modality;
	const char *place_name, *place_country;
	int quad;
	double goldstein, lat, lon;     /**< lat/lon NaN when unknown */
	int64_t n_mentions, n_articles, n_sources;
	const char *url, *title, *outlet; /**< of the first article reporting it */
	const char *first_seen;
} dyad_event_row;

typedef int (*dyad_event_row_fn)(void *ctx, const dyad_event_row *row);

/** Events matching `f`, by date then id. The callback may stop with non-zero. */
int dyad_store_events(dyad_store *s, const dyad_event_filter *f, dyad_event_row_fn fn, void *ctx);

/** One mention with its sentence and document, for `why` and `search`. */
typedef struct dyad_mention_row {
	int64_t id, event_id, doc_id;
	uint32_t sentence;
	const char *source, *target, *cameo, *pattern, *dict_version, *modality, *date;
	const char *sentence_text;          /**< the sentence */
	uint32_t sentence_start;            /**< its offset in the document */
	int64_t src_start, src_end, tgt_start, tgt_end, verb_start, verb_end; /**< document offsets; -1 none */
	const char *title, *url, *outlet, *pub_date;
} dyad_mention_row;

typedef int (*dyad_mention_row_fn)(void *ctx, const dyad_mention_row *row);

/** Mentions of one event. */
int dyad_store_event_mentions(dyad_store *s, int64_t event_id, dyad_mention_row_fn fn, void *ctx);

/** Mentions coded in one sentence of one document. */
int dyad_store_sentence_mentions(dyad_store *s, int64_t doc_id, uint32_t sentence,
                                 dyad_mention_row_fn fn, void *ctx);

/** A full-text hit. */
typedef struct dyad_search_hit {
	int64_t doc_id;
	uint32_t sentence;
	const char *text, *title, *url, *outlet, *pub_date;
	double rank;
} dyad_search_hit;

typedef int (*dyad_search_fn)(void *ctx, const dyad_search_hit *hit);

/** Sentences matching an FTS5 query, most recently stored first. */
int dyad_store_search(dyad_store *s, const char *query, long limit, dyad_search_fn fn, void *ctx);

/** One period of a timeline. */
typedef struct dyad_timeline_row {
	const char *period;            /**< "2022-11", "2022" or a week's Monday "2022-11-14" */
	int64_t quad[5];               /**< events per QuadClass 0-4 */
	int64_t asserted, planned;     /**< by modality (planned: planned or future) */
	int64_t events;
	double mean_goldstein;
} dyad_timeline_row;

typedef int (*dyad_timeline_fn)(void *ctx, const dyad_timeline_row *row);

/** Events between two actor prefixes (either direction) per month, week or year. */
int dyad_store_timeline(dyad_store *s, const char *a, const char *b, const char *by,
                        dyad_timeline_fn fn, void *ctx);

/** Most active actors (by events as source or target) or dyads. */
typedef int (*dyad_count_fn)(void *ctx, const char *a, const char *b, int64_t events,
                             int64_t mentions);
int dyad_store_top_actors(dyad_store *s, long limit, dyad_count_fn fn, void *ctx);
int dyad_store_top_dyads(dyad_store *s, long limit, dyad_count_fn fn, void *ctx);

/** The SQLite handle, for queries (borrowed; type sqlite3 *). */
void *dyad_store_db(dyad_store *s);

#ifdef __cplusplus
}
#endif
#endif
