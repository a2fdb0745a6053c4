/*
 * records_tabari.c - TABARI text records (TABARI manual, section 4.3):
 *
 *     YYMMDD idinfo ...        header: a digit in column one
 *     text line 1              the record's text
 *     ...
 *     (blank line)             end of the record
 *
 * Blocks whose first line does not start with a digit are comments by
 * the format's own rule and are passed over. The validation suite puts
 * a slash-star comment after the text (sometimes on the last text line)
 * with the expected events; its inner text goes to rec->comment. Some
 * comments in real files are never closed: the blank line still ends
 * the record, with a note (nothing is lost).
 *
 * Eight-digit YYYYMMDD dates (TABARI's "SET: YYYY = TRUE") are accepted.
 * A header whose date cannot be read keeps its record with year 0 and a
 * warning, so the caller decides what to do with it.
 */
#include "records_internal.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* First "ab" in [s, s+n), else NULL; memchr finds each candidate a. */
static const char *find2(const char *s, size_t n, char a, char b)
{
	const char *end = s + n;
	while (n >= 2) {
		const char *p = memchr(s, a, n - 1);
		if (!p)
			return NULL;
		if (p[1] == b)
			return p;
		s = p + 1;
		n = (size_t)(end - s);
	}
	return NULL;
}

/* Skip a comment block (lines up to the next blank line). */
static void skip_block(dyad_reader *r)
{
	dyad_rline ln;
	while (dyad_reader_peek_line(r, &ln) && !dyad_rline_blank(ln.s, ln.n))
		dyad_reader_take_line(r, &ln);
}

static int parse_date(dyad_date *out, const char *s, size_t n)
{
	if (n == 8) {   /* YYYYMMDD -> YYYY-MM-DD */
		char iso[10];
		memcpy(iso, s, 4);
		iso[4] = '-';
		memcpy(iso + 5, s + 4, 2);
		iso[7] = '-';
		memcpy(iso + 8, s + 6, 2);
		for (size_t i = 0; i < 8; i++)
			if (s[i] < '0' || s[i] > '9')
				return DYAD_EPARSE;
		return dyad_date_parse(out, iso, 10);
	}
	if (n != 6)
		return DYAD_EPARSE;
	return dyad_date_parse(out, s, n);
}

/*
 * Header "date idinfo": the leading digits are the date, the rest of the
 * line (trimmed) is the id.
 */
static int read_header(dyad_reader *r, const dyad_rline *ln, dyad_record *rec)
{
	size_t i = 0;
	while (i < ln->n && ln->s[i] >= '0' && ln->s[i] <= '9')
		i++;
	size_t id0 = i;
	while (id0 < ln->n && is_space(ln->s[id0]))
		id0++;
	size_t id1 = ln->n;
	while (id1 > id0 && is_space(ln->s[id1 - 1]))
		id1--;
	if (dyad_reader_set_origin(r, rec, ln->lineno))
		return DYAD_ENOMEM;
	/* without an id, the record is named by its place ("file:line") */
	rec->id = id1 > id0 ? dyad_strndup(ln->s + id0, id1 - id0) : dyad_strdup(rec->origin);
	if (!rec->id)
		return DYAD_ENOMEM;
	if (parse_date(&rec->date, ln->s, i) == 0)
		return 0;
	memset(&rec->date, 0, sizeof(rec->date));
	const char *where = rec->origin;
	size_t tok = 0;
	while (tok < ln->n && tok < 40 && !is_space(ln->s[tok]))
		tok++;
	int show = (int)tok;
	return dyad_diag_report(r->diag, DYAD_DIAG_WARNING, where,
	                        "record '%s': date '%.*s' is not YYMMDD; record kept without a date",
	                        rec->id, show, ln->s);
}

typedef struct body {
	dyad_buf text;
	dyad_buf comment;
	bool     in_comment;
	size_t   comment_line;   /* where the open comment began */
} body;

static int add_text(body *b, const char *s, size_t n)
{
	while (n && (is_space(s[n - 1]) || s[n - 1] == '\r'))
		n--;
	if (!n)
		return 0;
	if (b->text.len && dyad_buf_putc(&b->text, '\n'))
		return DYAD_ENOMEM;
	return dyad_buf_append(&b->text, s, n);
}

static int add_comment(body *b, const char *s, size_t n)
{
	if (b->comment.len && dyad_buf_putc(&b->comment, '\n'))
		return DYAD_ENOMEM;
	return dyad_buf_append(&b->comment, s, n);
}

/* One body line: text, or comment, or text then the start of a comment. */
static int body_line(body *b, const dyad_rline *ln)
{
	const char *s = ln->s;
	size_t n = ln->n;
	int rc = 0;
	while (rc == 0) {
		if (b->in_comment) {
			const char *end = find2(s, n, '*', '/');
			if (!end)
				return add_comment(b, s, n);
			b->in_comment = false;
			/* What follows the closing mark stays with the annotation. */
			rc = add_comment(b, s, (size_t)(end - s));
			size_t rest = n - (size_t)(end + 2 - s);
			const char *after = end + 2;
			if (!dyad_rline_blank(after, rest) && !find2(after, rest, '/', '*'))
				return add_comment(b, after, rest);
			s = after;
			n = rest;
			continue;
		}
		const char *open = find2(s, n, '/', '*');
		if (!open)
			return add_text(b, s, n);
		rc = add_text(b, s, (size_t)(open - s));
		b->in_comment = true;
		b->comment_line = ln->lineno;
		n -= (size_t)(open + 2 - s);
		s = open + 2;
		if (!n)
			return rc;
	}
	return rc;
}

static int finish(dyad_reader *r, body *b, dyad_record *rec, size_t header_line)
{
	char where[512];
	int rc = 0;
	if (b->in_comment) {
		dyad_reader_where(r, b->comment_line, where, sizeof(where));
		rc = dyad_diag_report(r->diag, DYAD_DIAG_NOTE, where,
		                      "record '%s': comment not closed before the blank line ending the record",
		                      rec->id);
		if (rc)
			return rc;
	}
	if (!b->text.len && !b->comment.len) {
		rc = dyad_reader_skip(r, header_line, "record '%s' has no text", rec->id);
		return rc ? rc : 0;
	}
	if ((!b->text.data && dyad_buf_append(&b->text, "", 0)))
		return DYAD_ENOMEM;
	rec->text = dyad_buf_detach(&b->text, &rec->text_len);
	if (b->comment.len)
		rec->comment = dyad_buf_detach(&b->comment, NULL);
	return 1;
}

static int read_record(dyad_reader *r, dyad_record *rec)
{
	dyad_rline ln;
	body b = { DYAD_BUF_INIT, DYAD_BUF_INIT, false, 0 };
	dyad_reader_take_line(r, &ln);
	size_t header_line = ln.lineno;
	int rc = read_header(r, &ln, rec);
	while (rc == 0 && dyad_reader_take_line(r, &ln) && !dyad_rline_blank(ln.s, ln.n))
		rc = body_line(&b, &ln);
	if (rc == 0)
		rc = finish(r, &b, rec, header_line);
	dyad_buf_release(&b.text);
	dyad_buf_release(&b.comment);
	return rc;
}

int dyad_reader_next_tabari(dyad_reader *r, dyad_record *rec)
{
	dyad_rline ln;
	for (;;) {
		while (dyad_reader_peek_line(r, &ln) && dyad_rline_blank(ln.s, ln.n))
			dyad_reader_take_line(r, &ln);
		if (!dyad_reader_peek_line(r, &ln))
			return 0;
		if (ln.s[0] < '0' || ln.s[0] > '9') {
			skip_block(r);
			continue;
		}
		int rc = read_record(r, rec);
		if (rc != 0)
			return rc;
		dyad_record_clear(rec);   /* skipped (no text): try the next one */
	}
}
