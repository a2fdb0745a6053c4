/*
 * dyad/when.h - the stages that run after the coder on each sentence's
 * events: when (dates.h), where (places.h), how much (quantities.h) and
 * how sure (modality.h), behind one entry point.
 *
 * Use:
 *   dyad_when_ctx *w;
 *   dyad_when_new(&w, NULL, diag);              // loads the gazetteer once
 *   for each document:
 *     dyad_when_set_document(w, pub, ingest, countries, n_countries);
 *     for each sentence with events:
 *       dyad_when_annotate(w, doc_text, toks, n_toks, events, n_events);
 *   dyad_when_free(w);
 *
 * A context is not thread-safe (it holds the document settings); the
 * gazetteer inside is read-only, so one context per thread is cheap
 * enough but each loads its own copy (about 2 MB).
 */
#ifndef DYAD_WHEN_H
#define DYAD_WHEN_H

#include "dyad/dates.h"
#include "dyad/event.h"
#include "dyad/modality.h"
#include "dyad/places.h"
#include "dyad/quantities.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Maximum document countries kept by dyad_when_set_document(). */
#define DYAD_WHEN_MAX_COUNTRIES 32

typedef struct dyad_when_ctx dyad_when_ctx;

/**
 * Create a context and load the gazetteer from `gazetteer_dir` (NULL: the
 * build's data/gazetteer). Bad gazetteer lines go to `diag` (may be NULL).
 */
int dyad_when_new(dyad_when_ctx **out, const char *gazetteer_dir, dyad_diag *diag);

/** Free a context; NULL is ignored. */
void dyad_when_free(dyad_when_ctx *ctx);

/**
 * Start a document: its publication date `pub` (year 0: unknown - then
 * each event's own pub_date, or the date the coder set, is used), the
 * date dyad ingested it `ingest` (year 0: leave events' ingest_date as
 * they are), and the ISO-3 codes of the countries of the actors seen in
 * it (used to resolve ambiguous place names; at most
 * DYAD_WHEN_MAX_COUNTRIES kept, the first ones).
 */
int dyad_when_set_document(dyad_when_ctx *ctx, dyad_date pub, dyad_date ingest,
                           const char (*countries)[4], size_t n_countries);

/**
 * Annotate the events of one sentence: `toks` are the sentence's tokens
 * (spans into `doc_text`, the dyad_doc_text() of the document), `events`
 * the coder's events for it (verb_span required; source/target spans
 * optional). Fills, per event: date, date_end, date_precision, date_span,
 * date_source, pub_date, ingest_date; place_name, place_country, lat, lon,
 * place_resolution, place_span, place_source; quantities; modality.
 * An event whose sentence gives no date or place takes them from an
 * earlier sentence of the document when its sentence refers back ("the
 * exercise", "the next day", "there": docs/internals/dates.md, "Carrying
 * across sentences"); events[].sentence must then be the sentence's index
 * in the document, increasing from call to call (a smaller index than the
 * last call's starts afresh, as dyad_when_set_document() does). The countries of
 * the events' actor codes (the first three letters of source and target
 * when they are an ISO-3 country: "DZAMIL" -> DZA) join the document's
 * countries for this and later sentences. Returns 0 or a negative DYAD_E*
 * (only on bad arguments or memory).
 */
int dyad_when_annotate(dyad_when_ctx *ctx, const char *doc_text,
                       const dyad_token *toks, size_t n,
                       dyad_event *events, size_t n_events);

/**
 * The when fields of `ev` as JSON object members, without braces, in the
 * names event.h documents (for `dyad code` and the store):
 *   "date":"2022-11-16","date_end":"2022-11-28"|null,"date_precision":"range",
 *   "date_text":"from 16 to 28 November 2022"|null,
 *   "date_source":"sentence"|"carried"|"publication"|null,"pub_date":..|null,
 *   "ingest_date":..|null,"place":{"name":..,"country":..|null,"lat":..|null,
 *   "lon":..|null,"resolution":"city"}|null,"place_source":"sentence"|"carried"|null,
 *   "quantities":[{"kind":"money","value":180000000,"unit":"USD","text":"$ 180 million"}],
 *   "modality":"asserted"
 * `doc_text` is the document text the spans point into (NULL: no
 * date_text / quantity text). Writes at most `size` bytes (NUL included)
 * to `buf` and returns the length the whole text needs, as snprintf does
 * (0 when out of memory).
 */
size_t dyad_when_json(char *buf, size_t size, const dyad_event *ev, const char *doc_text);

/** The context's gazetteer (borrowed), for lookups of its own. */
const dyad_gazetteer *dyad_when_gazetteer(const dyad_when_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
