/*
 * ingest_internal.h - helpers shared by the ingest modules.
 */
#ifndef DYAD_INGEST_INTERNAL_H
#define DYAD_INGEST_INTERNAL_H

#include "dyad/ingest.h"

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

#endif
