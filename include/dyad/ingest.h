/*
 * dyad/ingest.h - from articles to the store: readers for HTML pages,
 * RSS/Atom feeds and PETRARCH XML (TABARI, JSON Lines and plain text come
 * from records.h), fetching URLs, document metadata (datelines, language)
 * and the ingest run itself (read -> dedup -> language -> code -> store).
 *
 * Every reader is a function over bytes, so each can be fuzzed alone.
 */
#ifndef DYAD_INGEST_H
#define DYAD_INGEST_H

#include "dyad/common.h"
#include "dyad/event.h"
#include "dyad/records.h"
#include "dyad/store.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Readers over bytes                                                  */

/**
 * Extract an article from an HTML page: title, outlet, URL and date from
 * its metadata, and the body text with paragraph breaks, without
 * navigation, header/footer, asides, scripts, forms, ads, share buttons,
 * "read more" links and figure captions. `name` goes into rec->origin.
 * Returns 0, or DYAD_EPARSE when the page has no article text.
 */
int dyad_html_extract(dyad_record *rec, const char *name, const char *bytes, size_t len);

/** Called with each record of a feed or XML file; the callee may keep
 *  the record's strings by taking them (setting the pointers to NULL). */
typedef int (*dyad_record_fn)(void *ctx, dyad_record *rec);

/**
 * Read an RSS 2.0 or Atom feed: one record per item (title, link, date,
 * description as text; the channel's title as outlet).
 * Returns the number of items, or DYAD_EPARSE when it is not a feed.
 */
int dyad_feed_read(const char *name, const char *bytes, size_t len,
                   dyad_record_fn fn, void *ctx);

/**
 * Read PETRARCH XML (<Sentences><Sentence date= id= source=><Text>):
 * one record per Sentence. Returns the number, or DYAD_EPARSE.
 */
int dyad_petrarch_read(const char *name, const char *bytes, size_t len,
                       dyad_record_fn fn, void *ctx);

/** Guess the format of bytes (HTML, feed, PETRARCH, JSONL, TABARI, text). */
dyad_input_format dyad_ingest_sniff(const char *name, const char *bytes, size_t len);

/* ------------------------------------------------------------------ */
/* Fetching                                                            */

typedef struct dyad_fetch_opts {
	long   timeout_s;       /**< whole transfer; 0 means 20 s */
	size_t max_bytes;       /**< 0 means 8 MiB */
	long   max_redirects;   /**< 0 means 5 */
} dyad_fetch_opts;

/**
 * GET an http(s) URL into *body (NUL-terminated, caller frees with
 * free()). Returns 0, or DYAD_EIO with a message naming the URL and cause
 * (unreachable, HTTP status, too large, timeout).
 */
int dyad_fetch(const char *url, const dyad_fetch_opts *opts, char **body, size_t *len);

/* ------------------------------------------------------------------ */
/* Metadata from the text                                              */

/**
 * Find a publication date and an agency in the first lines of a text:
 * "15:19 02.08.2023", "ALGIERS, Nov. 10 (APS) -", "MOSCOW, Aug 2 (TASS) -",
 * "November 10, 2022". A dateline without a year takes the first year
 * written in the text. Returns true when a date was found; `agency`
 * (may be NULL) receives the agency in parentheses, "" when none.
 */
bool dyad_dateline_find(const char *text, size_t len, dyad_date *date,
                        char *agency, size_t agency_size);

/**
 * Language of a text by stop-word and script counts: "en", "fr", "es",
 * "de", "pt", "it", "ar", "ru", or "und" when too short to tell.
 */
const char *dyad_language_detect(const char *text, size_t len);

/* ------------------------------------------------------------------ */
/* The ingest run                                                      */

/** How ingest codes a document's sentences (the coder API behind it). */
typedef struct dyad_ingest_coder {
	void *ctx;
	/** Start a document (dyad_coder_begin_document). */
	void (*begin)(void *ctx, dyad_date date);
	/** Code one sentence (dyad_coder_code_sentence); events appended. */
	int (*code)(void *ctx, const char *text, const dyad_token *toks, size_t n_toks,
	            uint32_t sentence_index, dyad_events *out);
	/** Date, place, modality and quantities of one sentence's events, after
	 *  coding (the when stage, dyad_when_annotate; may be NULL). */
	int (*annotate)(void *ctx, const char *text, const dyad_token *toks, size_t n_toks,
	                dyad_event *events, size_t n_events);
	/** Fill the attributes of a CAMEO code from the codebook (may be NULL). */
	void (*attrs)(void *ctx, const char *cameo, dyad_code_attrs *out);
	const char *dict_version;   /**< lexicon fingerprint stored with each mention */
} dyad_ingest_coder;

/** Most worker threads an ingest run starts. */
#define DYAD_INGEST_MAX_THREADS 16

typedef struct dyad_ingest_opts {
	dyad_input_format format;  /**< DYAD_INPUT_AUTO: by extension and content */
	bool   follow;             /**< fetch each feed item's link */
	size_t batch;              /**< documents per transaction; 0 means 1000 */
	dyad_fetch_opts fetch;
	/** Worker threads that decode, split and code documents while the
	 *  caller's thread reads inputs and writes the store (0: everything
	 *  on the caller's thread). Results are the same for any count. */
	size_t threads;
	/** NULL: documents stored, not coded. Otherwise an array of
	 *  threads + 1 independent coders (contexts not shared): [0] is used
	 *  on the caller's thread, [i] by worker i. */
	const dyad_ingest_coder *coder;
	dyad_diag *diag;           /**< where problems are also reported (may be NULL) */
} dyad_ingest_opts;

typedef struct dyad_ingest_stats {
	size_t read, added, duplicate, near_duplicate, seen, non_english;
	size_t rejected, sentences, repeated_sentences, mentions, skipped_events;
	size_t coded_later;   /**< stored by an earlier run without coding, coded now */
	/** CPU seconds of the caller's thread (reading, writing the store)
	 *  and of the busiest worker (preparing, coding), set by
	 *  dyad_ingest_finish(): with idle cores the run takes about the
	 *  larger of the two. */
	double cpu_writer_s, cpu_worker_s;
} dyad_ingest_stats;

/** An ingest run into a store. Opaque. */
typedef struct dyad_ingest dyad_ingest;

/** Start an ingest run writing to `store` (borrowed: it must outlive the
 * run). `opts` is copied; NULL means defaults. */
int  dyad_ingest_new(dyad_ingest **out, dyad_store *store, const dyad_ingest_opts *opts);
/** Ingest a file, a directory (recursively) or an http(s) URL (its records
 *  are written as the workers finish them; dyad_ingest_finish() writes the rest). */
int  dyad_ingest_path(dyad_ingest *ing, const char *path_or_url);
/** Ingest one record (already read): its strings are taken (*rec is
 *  zeroed). It is written to the store when the workers are done with it,
 *  at the latest by dyad_ingest_finish(). */
int  dyad_ingest_record(dyad_ingest *ing, dyad_record *rec);
/** Write every record still in the workers' hands and commit. */
int  dyad_ingest_finish(dyad_ingest *ing);
/** Counts of the run so far (owned by `ing`). */
const dyad_ingest_stats *dyad_ingest_stats_get(const dyad_ingest *ing);
/** Free the run (does not commit nor close the store); NULL is ignored. */
void dyad_ingest_free(dyad_ingest *ing);

#ifdef __cplusplus
}
#endif
#endif
