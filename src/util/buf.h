/*
 * util/buf.h - a growable byte buffer with a hard maximum (no unbounded
 * growth from outside input). Always NUL-terminated after a successful
 * append. Zero-initialize, or use DYAD_BUF_INIT.
 */
#ifndef DYAD_UTIL_BUF_H
#define DYAD_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct dyad_buf {
	char  *data;
	size_t len;
	size_t cap;
	size_t max;   /**< hard limit in bytes; 0 means DYAD_BUF_DEFAULT_MAX */
} dyad_buf;

#define DYAD_BUF_DEFAULT_MAX ((size_t)1 << 31)
#define DYAD_BUF_INIT { NULL, 0, 0, 0 }

/** Make room for `extra` more bytes (+ NUL). 0, DYAD_ENOMEM or DYAD_ELIMIT. */
int  dyad_buf_grow(dyad_buf *b, size_t extra);
int  dyad_buf_append(dyad_buf *b, const void *data, size_t len);
int  dyad_buf_putc(dyad_buf *b, char c);
int  dyad_buf_puts(dyad_buf *b, const char *s);
int  dyad_buf_printf(dyad_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
int  dyad_buf_vprintf(dyad_buf *b, const char *fmt, va_list ap);
/** Append `s` escaped as the inside of a JSON string. */
int  dyad_buf_json_str(dyad_buf *b, const char *s, size_t len);
void dyad_buf_clear(dyad_buf *b);
void dyad_buf_release(dyad_buf *b);
/** Hand the data to the caller (who frees it with dyad_free); buffer emptied. */
char *dyad_buf_detach(dyad_buf *b, size_t *len_out);

#endif
