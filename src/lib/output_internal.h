/*
 * output_internal.h - shared by the event writers (output.c: the writer,
 * TSV and helpers; output_json.c: dyad JSON and PLOVER JSON). Not part
 * of the public API.
 */
#ifndef DYAD_OUTPUT_INTERNAL_H
#define DYAD_OUTPUT_INTERNAL_H

#include "dyad/cameo.h"
#include "dyad/output.h"
#include "util/buf.h"

/** What the codebook says of an event's code. */
typedef struct dyad_code_facts {
	const dyad_cameo_info *info;   /* NULL when the code is not in the codebook */
	char root[3];                  /* "" when the code has no two-digit root */
	int  quad;                     /* -1 when unknown */
} dyad_code_facts;

void dyad_out_facts(const dyad_event *ev, dyad_code_facts *f);

/** The text of a span of the document; false (and n 0) when out of range. */
bool dyad_out_span(const dyad_event_ctx *ctx, dyad_span sp, const char **s, size_t *n);

/** The sentence text: ctx->sentence_text, else cut by sentence_span. */
void dyad_out_sentence(const dyad_event_ctx *ctx, const char **s, size_t *n);

/** Length of a fixed-size code buffer's string. */
size_t dyad_out_strlen(const char *s, size_t max);

/** A quoted JSON string; NUL bytes and invalid UTF-8 become U+FFFD. */
int dyad_out_json_str(dyad_buf *b, const char *s, size_t n);
/** As dyad_out_json_str(), or null when n is 0. */
int dyad_out_json_opt(dyad_buf *b, const char *s, size_t n);
/** "YYYY[-MM[-DD]]" or null for no date. */
int dyad_out_json_date(dyad_buf *b, dyad_date d);
/** A number printed with `fmt`, or null when not finite. */
int dyad_out_json_num(dyad_buf *b, const char *fmt, double v);

int dyad_out_event_json(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx);
/** Returns 1 (nothing written) when the code has no PLOVER type. */
int dyad_out_event_plover(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx,
                          const char *id);

#endif
