/*
 * records_internal.h - shared between the record readers (records.c:
 * opening, detection, plain text; records_tabari.c; records_jsonl.c).
 * Not part of the public API.
 *
 * Every reader works on the whole input decoded once by the text module
 * (dyad_doc_from_bytes), so Latin-1 bytes, invalid UTF-8, NUL bytes and
 * BOMs are repaired and reported in one place; line numbers are not
 * changed by the decoding, so "file:line" in messages matches the file.
 */
#ifndef DYAD_RECORDS_INTERNAL_H
#define DYAD_RECORDS_INTERNAL_H

#include "dyad/records.h"
#include "dyad/text.h"

struct dyad_reader {
	char             *name;     /* file name used in messages and ids */
	dyad_doc         *doc;      /* decoded input */
	const char       *text;     /* dyad_doc_text(doc) */
	size_t            len;
	size_t            pos;      /* byte offset of the next unread line */
	size_t            line;     /* 1-based number of that line */
	dyad_input_format fmt;
	size_t            skipped;
	size_t            produced; /* records returned so far */
	dyad_diag        *diag;
	bool              done;
};

/** One line of the input: [s, s+n) without its line ending. */
typedef struct dyad_rline {
	const char *s;
	size_t      n;
	size_t      lineno;
} dyad_rline;

/** Take the next line (LF, CRLF or CR ended); false at the end. */
bool dyad_reader_take_line(dyad_reader *r, dyad_rline *out);

/** Look at the next line without consuming it. */
bool dyad_reader_peek_line(const dyad_reader *r, dyad_rline *out);

/** Whether a line holds only spaces and tabs. */
bool dyad_rline_blank(const char *s, size_t n);

/** "name:line" into buf. */
void dyad_reader_where(const dyad_reader *r, size_t lineno, char *buf, size_t size);
void records_where(const char *name, size_t lineno, char *buf, size_t size);

/**
 * Report a malformed record at `lineno` and count it as skipped. Returns
 * 0, or DYAD_EPARSE when the sink is strict.
 */
int dyad_reader_skip(dyad_reader *r, size_t lineno, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/** Set rec->origin to "name:line". 0 or DYAD_ENOMEM. */
int dyad_reader_set_origin(const dyad_reader *r, dyad_record *rec, size_t lineno);

/** Per-format readers: 1 record, 0 end, <0 fatal (as dyad_reader_next). */
int dyad_reader_next_tabari(dyad_reader *r, dyad_record *rec);
int dyad_reader_next_jsonl(dyad_reader *r, dyad_record *rec);

/** Whether the text looks like TABARI records (see records.c). */
bool dyad_records_looks_tabari(const char *text, size_t len);

#endif
