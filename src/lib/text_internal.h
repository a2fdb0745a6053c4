/*
 * text_internal.h - shared between the text modules (read, segment,
 * token); not part of the public API.
 */
#ifndef DYAD_TEXT_INTERNAL_H
#define DYAD_TEXT_INTERNAL_H

#include "dyad/text.h"

struct dyad_doc {
	char            *name;
	char            *text;      /* decoded UTF-8, NUL-terminated */
	size_t           len;
	dyad_read_stats  stats;
	dyad_sentence   *sentences; /* NULL until first segmented */
	size_t           n_sentences;
	bool             segmented;
};

/** Segment `text` into sentences (implemented in text_segment.c). */
int dyad_text_segment(const char *text, size_t len,
                      dyad_sentence **out, size_t *n_out);

#endif
