/*
 * server/jsonw.h - JSON written straight into a dyad_buf (jsonw.c).
 */
#ifndef DYAD_SERVER_JSONW_H
#define DYAD_SERVER_JSONW_H

#include "util/buf.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Appends without the checks of dyad_buf_append while the bytes fit in
 * the capacity (callers grow the buffer once per row): the rows of a page
 * are a few thousand small appends. */
static inline void jw_raw(dyad_buf *b, const void *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		dyad_buf_append(b, s, n);
	}
}

static inline void jw_ch(dyad_buf *b, char c)
{
	jw_raw(b, &c, 1);
}

/* "key": of a literal key, first in its object or after a comma */
#define JW_KEY(b, lit)      jw_raw((b), "\"" lit "\":", sizeof(lit) + 2)
#define JW_NEXT_KEY(b, lit) jw_raw((b), ",\"" lit "\":", sizeof(lit) + 3)

/** A quoted, escaped string; invalid UTF-8 becomes U+FFFD. */
void jw_str(dyad_buf *b, const char *s, size_t n);
/** A C string, or null. */
void jw_cstr(dyad_buf *b, const char *s);
/** ,"key": (without the comma when `first`). */
void jw_key(dyad_buf *b, const char *key, bool first);
void jw_int(dyad_buf *b, int64_t v);
/** A number, or null when not finite. */
void jw_real(dyad_buf *b, double v);
/** A number rounded to 3 decimals ("-0.417"), without printf. */
void jw_fixed3(dyad_buf *b, double v);
/** A non-negative integer zero-padded to `width` digits (dates). */
void jw_digits(dyad_buf *b, int64_t v, int width);
/** Column `i` as a string / integer / real, or null. */
void jw_col_str(dyad_buf *b, sqlite3_stmt *st, int i);
void jw_col_int(dyad_buf *b, sqlite3_stmt *st, int i);
void jw_col_real(dyad_buf *b, sqlite3_stmt *st, int i);

#endif
