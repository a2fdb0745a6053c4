/*
 * dyad/records.h - input records: the units of text that enter the
 * pipeline with their metadata, whatever file format carried them.
 *
 * `dyad code` reads TABARI records, JSON Lines and plain text; `dyad
 * ingest` adds HTML, feeds and PETRARCH XML. Each reader produces
 * dyad_record values; a malformed record is reported to the diagnostics
 * sink with its file and line and skipped, and the reader goes on.
 */
#ifndef DYAD_RECORDS_H
#define DYAD_RECORDS_H

#include "dyad/common.h"
#include "dyad/event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Input formats. */
typedef enum dyad_input_format {
	DYAD_INPUT_AUTO = 0,   /**< detect from the content */
	DYAD_INPUT_TABARI,     /**< "YYMMDD ID" line, text, blank line */
	DYAD_INPUT_JSONL,      /**< one {"id","date","text",...} object a line */
	DYAD_INPUT_TEXT,       /**< a whole file is one document */
	DYAD_INPUT_HTML,
	DYAD_INPUT_FEED,       /**< RSS or Atom */
	DYAD_INPUT_PETRARCH    /**< PETRARCH XML */
} dyad_input_format;

/** One input record. All strings are owned by the record (may be NULL). */
typedef struct dyad_record {
	char     *id;          /**< record or document id */
	dyad_date date;        /**< publication date; year 0 when absent */
	char     *title;
	char     *url;
	char     *outlet;      /**< "source" in JSON Lines: the publisher */
	char     *text;        /**< body text, UTF-8 */
	size_t    text_len;
	char     *origin;      /**< where it came from: "file:line" */
	/* TABARI validation annotations (only set by the TABARI reader). */
	char     *comment;     /**< text of a slash-star comment after the record */
} dyad_record;

/** Free the strings of a record and zero it. */
void dyad_record_clear(dyad_record *rec);

/** A reader over one file or buffer. Opaque. */
typedef struct dyad_reader dyad_reader;

/**
 * Open a reader over a file ("-" for standard input) in format `fmt`
 * (DYAD_INPUT_AUTO detects it). Problems go to `diag`.
 */
int dyad_reader_open(dyad_reader **out, const char *path,
                     dyad_input_format fmt, dyad_diag *diag);

/** Open a reader over a buffer (copied); `name` is used in messages. */
int dyad_reader_open_mem(dyad_reader **out, const char *name,
                         const void *bytes, size_t len,
                         dyad_input_format fmt, dyad_diag *diag);

/**
 * Read the next record into *rec (cleared first). Returns 1 when a record
 * was read, 0 at the end, or a negative error code on a fatal failure.
 * Malformed records are reported, counted and skipped.
 */
int dyad_reader_next(dyad_reader *r, dyad_record *rec);

/**
 * The next non-blank line of a JSON Lines reader, unparsed, for callers
 * that parse records elsewhere (on other threads) with
 * dyad_record_from_jsonl(): *line points into the reader's buffer (valid
 * until the reader is freed). Returns 1, or 0 at the end.
 */
int dyad_reader_next_line(dyad_reader *r, const char **line, size_t *len, size_t *lineno);

/**
 * Parse one JSON Lines record, line `lineno` of `name` (`line` without
 * its line ending; need not be NUL-terminated). Problems are reported to
 * `diag` as "name:line" exactly as dyad_reader_next() reports them.
 * Returns 1 with *rec filled, 0 when the line is not a record (reported,
 * *rec empty), or a negative error (no memory; a strict sink).
 */
int dyad_record_from_jsonl(dyad_record *rec, const char *name, size_t lineno,
                           const char *line, size_t len, dyad_diag *diag);

/** The format in use (after detection). */
dyad_input_format dyad_reader_format(const dyad_reader *r);

/** Records skipped as malformed so far. */
size_t dyad_reader_skipped(const dyad_reader *r);

/** Close a reader; NULL is ignored. */
void dyad_reader_free(dyad_reader *r);

/** Name of a format ("tabari", "jsonl" ...) and its inverse (-1 if unknown). */
const char *dyad_input_format_name(dyad_input_format fmt);
int dyad_input_format_from_name(const char *name);

#ifdef __cplusplus
}
#endif
#endif
