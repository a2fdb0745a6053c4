/*
 * dyad/output.h - writing coded events: one event a line, as TSV, as
 * JSON Lines with dyad's field names, or as PLOVER-style JSON Lines.
 *
 * Field names are an interface shared by `dyad code`, the store, the web
 * API and `dyad events` (see include/dyad/event.h):
 *
 *   doc sentence date date_end date_precision date_text pub_date source
 *   target cameo root quad goldstein plover label source_text target_text
 *   verb_text pattern place{name,country,lat,lon,resolution}
 *   quantities[{kind,value,unit,text}] modality symmetric text
 *
 * root, quad, goldstein, plover and label come from the CAMEO codebook
 * (dyad/cameo.h); a code not in it gets its root and, when the root is
 * valid, its quad, and null for the rest. In JSON an absent value is
 * null (empty target, no date, unknown weight, NaN coordinates, no
 * place); in TSV it is an empty field. TSV columns are fixed (see
 * dyad_output_tsv_header()); tabs and line breaks inside a field become
 * spaces. Span texts are cut from the document text by byte offsets;
 * spans outside it give empty texts, and invalid UTF-8 is replaced, so
 * every JSON line is valid JSON whatever the input.
 */
#ifndef DYAD_OUTPUT_H
#define DYAD_OUTPUT_H

#include <stdio.h>

#include "dyad/common.h"
#include "dyad/event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. */
typedef enum dyad_output_format {
	DYAD_OUTPUT_TSV = 0,   /**< tab-separated, header from dyad_output_tsv_header() */
	DYAD_OUTPUT_JSONL,     /**< one JSON object a line, dyad field names */
	DYAD_OUTPUT_PLOVER     /**< one JSON object a line, PLOVER/POLECAT field names */
} dyad_output_format;

/** Name of a format ("tsv", "jsonl", "plover") and its inverse (-1 if unknown). */
const char *dyad_output_format_name(dyad_output_format fmt);
int dyad_output_format_from_name(const char *name);

/**
 * Where an event comes from. Only doc_id and doc_text are needed; the
 * rest may be zero/NULL. Borrowed for the duration of the call.
 */
typedef struct dyad_event_ctx {
	const char *doc_id;         /**< "doc" */
	const char *doc_text;       /**< the text the event's spans point into */
	size_t      doc_len;
	const char *sentence_text;  /**< "text"; NULL: cut from doc_text by sentence_span */
	size_t      sentence_len;
	dyad_span   sentence_span;  /**< the sentence in doc_text (PLOVER text_info) */
	dyad_date   pub_date;       /**< "pub_date"; year 0 when unknown */
	const char *outlet;         /**< publisher (PLOVER cite_info.publication) */
	const char *url;            /**< PLOVER cite_info.url */
	const char *title;          /**< PLOVER cite_info.title */
	const char *event_id;       /**< PLOVER "id"; NULL: "doc-sentence-k" */
} dyad_event_ctx;

/** The TSV header line (column names, tab-separated, no newline). Static. */
const char *dyad_output_tsv_header(void);

/** A writer of events in one format. Opaque; reuses its buffer. */
typedef struct dyad_writer dyad_writer;

/**
 * Create a writer to `fp` (not owned), or a formatter only when `fp` is
 * NULL (read each line with dyad_writer_last()).
 */
int dyad_writer_new(dyad_writer **out, FILE *fp, dyad_output_format fmt);

/** Free a writer (does not close its file); NULL is ignored. */
void dyad_writer_free(dyad_writer *w);

/** Write the TSV header line; does nothing for JSON formats. */
int dyad_writer_header(dyad_writer *w);

/**
 * Format one event as a line and write it (with '\n') when the writer
 * has a file. Returns 0; or 1 in the PLOVER format when the code has no
 * PLOVER type (roots 01 and 02, which PLOVER drops, or a code outside
 * the codebook): nothing is written, the caller may count it; or
 * DYAD_EINVAL (NULL event or context), DYAD_ENOMEM, DYAD_EIO.
 */
int dyad_writer_event(dyad_writer *w, const dyad_event *ev, const dyad_event_ctx *ctx);

/**
 * The line formatted by the last successful dyad_writer_event() or
 * dyad_writer_header(), without its newline; "" before any. Borrowed
 * until the next call on the writer.
 */
const char *dyad_writer_last(const dyad_writer *w, size_t *len_out);

#ifdef __cplusplus
}
#endif
#endif
