/*
 * records.c - the record reader: opening a file or buffer, detecting the
 * format from the content, plain text (a whole file is one document), and
 * the line helpers the TABARI and JSON Lines readers share.
 */
#include "records_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *const format_names[] = {
	"auto", "tabari", "jsonl", "text", "html", "feed", "petrarch",
};
#define N_FORMATS (sizeof(format_names) / sizeof(format_names[0]))

const char *dyad_input_format_name(dyad_input_format fmt)
{
	return (unsigned)fmt < N_FORMATS ? format_names[fmt] : "unknown";
}

int dyad_input_format_from_name(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < N_FORMATS; i++)
		if (strcmp(name, format_names[i]) == 0)
			return (int)i;
	if (strcmp(name, "json") == 0 || strcmp(name, "ndjson") == 0)
		return DYAD_INPUT_JSONL;
	if (strcmp(name, "txt") == 0)
		return DYAD_INPUT_TEXT;
	return -1;
}

void dyad_record_clear(dyad_record *rec)
{
	if (!rec)
		return;
	dyad_free(rec->id);
	dyad_free(rec->title);
	dyad_free(rec->url);
	dyad_free(rec->outlet);
	dyad_free(rec->text);
	dyad_free(rec->origin);
	dyad_free(rec->comment);
	memset(rec, 0, sizeof(*rec));
}

/* ------------------------------------------------------------------ */
/* Lines                                                               */

/* The end of the line at pos (LF, CR or CRLF), and where the next one
 * starts. memchr finds the LF; a lone CR before it is looked for only in
 * that stretch, so each byte is scanned by the fast library routines. */
static size_t line_end(const char *t, size_t len, size_t pos, size_t *next)
{
	const char *lf = memchr(t + pos, '\n', len - pos);
	size_t e = lf ? (size_t)(lf - t) : len;
	const char *cr = memchr(t + pos, '\r', e - pos);
	if (cr)
		e = (size_t)(cr - t);
	*next = e;
	if (e < len)
		*next = (t[e] == '\r' && e + 1 < len && t[e + 1] == '\n') ? e + 2 : e + 1;
	return e;
}

/* The line at the reader's position into *out and where the next starts;
 * false at the end. */
static bool line_at(const dyad_reader *r, dyad_rline *out, size_t *next)
{
	if (r->pos >= r->len)
		return false;
	size_t e = line_end(r->text, r->len, r->pos, next);
	out->s = r->text + r->pos;
	out->n = e - r->pos;
	out->lineno = r->line;
	return true;
}

bool dyad_reader_peek_line(const dyad_reader *r, dyad_rline *out)
{
	size_t next;
	return line_at(r, out, &next);
}

bool dyad_reader_take_line(dyad_reader *r, dyad_rline *out)
{
	size_t next;
	if (!line_at(r, out, &next))
		return false;
	r->pos = next;
	r->line++;
	return true;
}

bool dyad_rline_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* "name:line" without snprintf (called for every record): the name cut
 * to what fits, as snprintf would, then the decimal line number. */
void dyad_reader_where(const dyad_reader *r, size_t lineno, char *buf, size_t size)
{
	records_where(r->name, lineno, buf, size);
}

void records_where(const char *name, size_t lineno, char *buf, size_t size)
{
	char digits[24];
	size_t nd = 0;
	do {
		digits[nd++] = (char)('0' + lineno % 10);
		lineno /= 10;
	} while (lineno);
	if (!size)
		return;
	size_t n = 0, cap = size - 1;
	for (const char *s = name; *s && n < cap; s++)
		buf[n++] = *s;
	if (n < cap)
		buf[n++] = ':';
	while (nd && n < cap)
		buf[n++] = digits[--nd];
	buf[n] = '\0';
}

int dyad_reader_skip(dyad_reader *r, size_t lineno, const char *fmt, ...)
{
	char where[512], msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	dyad_reader_where(r, lineno, where, sizeof(where));
	r->skipped++;
	return dyad_diag_report(r->diag, DYAD_DIAG_WARNING, where, "%s; record skipped", msg);
}

int dyad_reader_set_origin(const dyad_reader *r, dyad_record *rec, size_t lineno)
{
	char where[512];
	dyad_reader_where(r, lineno, where, sizeof(where));
	rec->origin = dyad_strdup(where);
	return rec->origin ? 0 : DYAD_ENOMEM;
}

/* ------------------------------------------------------------------ */
/* Detection                                                           */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * A TABARI header: a run of at least six digits (the date), then the id,
 * usually after white space ("950101 DEMO-01"; the demo file also has
 * "950101*INTRO").
 */
static bool tabari_header(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && is_digit(s[i]))
		i++;
	if (i < 6)
		return false;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i < n;
}

/*
 * TABARI files often open with comment blocks ("####" banners): skip
 * blank lines and blocks whose first line starts with '#', then the
 * first line of the next block must be a header. Only the first 64 KiB
 * are examined.
 */
bool dyad_records_looks_tabari(const char *text, size_t len)
{
	size_t limit = len < 65536 ? len : 65536, pos = 0, next;
	bool block_start = true;
	while (pos < limit) {
		size_t e = line_end(text, limit, pos, &next);
		const char *s = text + pos;
		size_t n = e - pos;
		pos = next;
		if (dyad_rline_blank(s, n)) {
			block_start = true;
			continue;
		}
		if (block_start && s[0] != '#')
			return tabari_header(s, n);
		block_start = false;
	}
	return false;
}

static dyad_input_format detect(const char *text, size_t len)
{
	size_t i = 0;
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
	                   text[i] == '\r' || text[i] == '\f'))
		i++;
	if (i < len && text[i] == '{')
		return DYAD_INPUT_JSONL;
	if (dyad_records_looks_tabari(text, len))
		return DYAD_INPUT_TABARI;
	return DYAD_INPUT_TEXT;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

static int setup(dyad_reader **out, const char *name, dyad_doc *doc,
                 dyad_input_format fmt, dyad_diag *diag)
{
	dyad_reader *r = dyad_calloc(1, sizeof(*r));
	if (!r) {
		dyad_doc_free(doc);
		return DYAD_ENOMEM;
	}
	r->name = dyad_strdup(name);
	if (!r->name) {
		dyad_doc_free(doc);
		dyad_free(r);
		return DYAD_ENOMEM;
	}
	r->doc = doc;
	r->text = dyad_doc_text(doc, &r->len);
	r->line = 1;
	r->diag = diag;
	r->fmt = fmt == DYAD_INPUT_AUTO ? detect(r->text, r->len) : fmt;
	*out = r;
	/* Binary data is no record in any format: say so once, yield nothing. */
	if (dyad_doc_stats(doc)->binary) {
		r->done = true;
		r->skipped++;
		return dyad_diag_report(diag, DYAD_DIAG_ERROR, name,
		                        "binary data, not %s records: file skipped",
		                        dyad_input_format_name(r->fmt));
	}
	return 0;
}

static int check_format(dyad_input_format fmt)
{
	if (fmt == DYAD_INPUT_AUTO || fmt == DYAD_INPUT_TABARI ||
	    fmt == DYAD_INPUT_JSONL || fmt == DYAD_INPUT_TEXT)
		return 0;
	return dyad_error_set(DYAD_EINVAL, "input format '%s' is not supported by this reader",
	                      dyad_input_format_name(fmt));
}

int dyad_reader_open(dyad_reader **out, const char *path,
                     dyad_input_format fmt, dyad_diag *diag)
{
	dyad_doc *doc = NULL;
	*out = NULL;
	int rc = check_format(fmt);
	if (rc)
		return rc;
	if ((rc = dyad_doc_from_file(&doc, path, diag)) != 0)
		return rc;
	rc = setup(out, strcmp(path, "-") == 0 ? "<stdin>" : path, doc, fmt, diag);
	if (rc && *out) {
		dyad_reader_free(*out);
		*out = NULL;
	}
	return rc;
}

int dyad_reader_open_mem(dyad_reader **out, const char *name,
                         const void *bytes, size_t len,
                         dyad_input_format fmt, dyad_diag *diag)
{
	dyad_doc *doc = NULL;
	*out = NULL;
	int rc = check_format(fmt);
	if (rc)
		return rc;
	if (!name)
		name = "<memory>";
	if ((rc = dyad_doc_from_bytes(&doc, name, bytes, len, diag)) != 0)
		return rc;
	rc = setup(out, name, doc, fmt, diag);
	if (rc && *out) {
		dyad_reader_free(*out);
		*out = NULL;
	}
	return rc;
}

void dyad_reader_free(dyad_reader *r)
{
	if (!r)
		return;
	dyad_doc_free(r->doc);
	dyad_free(r->name);
	dyad_free(r);
}

dyad_input_format dyad_reader_format(const dyad_reader *r)
{
	return r->fmt;
}

size_t dyad_reader_skipped(const dyad_reader *r)
{
	return r->skipped;
}

/* ------------------------------------------------------------------ */
/* Plain text: the whole input is one document named after the file.  */

static int next_text(dyad_reader *r, dyad_record *rec)
{
	r->done = true;
	rec->id = dyad_strdup(r->name);
	rec->text = dyad_strndup(r->text, r->len);
	if (!rec->id || !rec->text || dyad_reader_set_origin(r, rec, 1))
		return DYAD_ENOMEM;
	rec->text_len = r->len;
	return 1;
}

int dyad_reader_next(dyad_reader *r, dyad_record *rec)
{
	dyad_record_clear(rec);
	if (r->done)
		return 0;
	int rc;
	switch (r->fmt) {
	case DYAD_INPUT_TABARI:
		rc = dyad_reader_next_tabari(r, rec);
		break;
	case DYAD_INPUT_JSONL:
		rc = dyad_reader_next_jsonl(r, rec);
		break;
	default:
		rc = next_text(r, rec);
		break;
	}
	if (rc == 1)
		r->produced++;
	else
		dyad_record_clear(rec);
	if (rc <= 0)
		r->done = true;
	return rc;
}
