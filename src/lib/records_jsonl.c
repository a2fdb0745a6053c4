/*
 * records_jsonl.c - JSON Lines records: one object a line,
 *
 *     {"id": "...", "date": "2022-11-16", "text": "...",
 *      "title": "...", "url": "...", "source": "outlet name"}
 *
 * "text" is required; "id" defaults to "file:line"; "date" may be
 * YYYY-MM-DD (a time after it, as in ISO 8601 timestamps, is ignored),
 * YYYY-MM, YYYY, null or absent. Other members are ignored. A line that
 * is not a JSON object or has no text string is reported as file:line
 * and skipped; a wrong-typed optional member or an unreadable date is
 * reported and the record kept without it. Parsing uses jansson.
 */
#include "records_internal.h"
#include "util/alloc.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A line being parsed: where it is from and where problems go. */
typedef struct jsonl_line {
	const char *name;
	size_t      lineno;
	dyad_diag  *diag;
	size_t     *skipped;   /* counts skipped lines (may be NULL) */
} jsonl_line;

static void where_of(const jsonl_line *ln, char *buf, size_t size)
{
	records_where(ln->name, ln->lineno, buf, size);
}

/* Report a line that is not a record; 0, or DYAD_EPARSE when strict. */
static int skip(const jsonl_line *ln, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
static int skip(const jsonl_line *ln, const char *fmt, ...)
{
	char where[512], msg[768];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where_of(ln, where, sizeof(where));
	if (ln->skipped)
		(*ln->skipped)++;
	return dyad_diag_report(ln->diag, DYAD_DIAG_WARNING, where, "%s; record skipped", msg);
}

/* Copy an optional string member; report (not skip) a wrong type. */
static int opt_string(const jsonl_line *ln, json_t *obj, const char *key, char **out)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		char where[512];
		where_of(ln, where, sizeof(where));
		return dyad_diag_report(ln->diag, DYAD_DIAG_WARNING, where,
		                        "\"%s\" is not a string; ignored", key);
	}
	*out = dyad_strndup(json_string_value(v), json_string_length(v));
	return *out ? 0 : DYAD_ENOMEM;
}

static int read_id(const jsonl_line *ln, json_t *obj, dyad_record *rec)
{
	json_t *v = json_object_get(obj, "id");
	char buf[64];
	if (json_is_integer(v)) {
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		rec->id = dyad_strdup(buf);
		return rec->id ? 0 : DYAD_ENOMEM;
	}
	int rc = opt_string(ln, obj, "id", &rec->id);
	if (rc == 0 && (!rec->id || !rec->id[0])) {
		dyad_free(rec->id);
		char where[512];
		where_of(ln, where, sizeof(where));
		rec->id = dyad_strdup(where);
		if (!rec->id)
			rc = DYAD_ENOMEM;
	}
	return rc;
}

/* A date prefix: YYYY-MM-DD followed by 'T' or ' ' is read as the day. */
static size_t date_len(const char *s, size_t n)
{
	if (n > 10 && (s[10] == 'T' || s[10] == ' ') && s[4] == '-' && s[7] == '-')
		return 10;
	return n;
}

static int read_date(const jsonl_line *ln, json_t *obj, dyad_record *rec)
{
	json_t *v = json_object_get(obj, "date");
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v)) {
		const char *s = json_string_value(v);
		size_t n = json_string_length(v);
		if (n == 0 || dyad_date_parse(&rec->date, s, date_len(s, n)) == 0)
			return 0;
	}
	memset(&rec->date, 0, sizeof(rec->date));
	char where[512];
	where_of(ln, where, sizeof(where));
	return dyad_diag_report(ln->diag, DYAD_DIAG_WARNING, where,
	                        "record '%s': \"date\" is not YYYY-MM-DD, YYYY-MM or YYYY; "
	                        "record kept without a date", rec->id);
}

static int from_object(const jsonl_line *ln, json_t *obj, dyad_record *rec)
{
	json_t *text = json_object_get(obj, "text");
	if (!json_is_string(text))
		return skip(ln, text ? "\"text\" is not a string" : "no \"text\" member");
	rec->text_len = json_string_length(text);
	rec->text = dyad_strndup(json_string_value(text), rec->text_len);
	char where[512];
	where_of(ln, where, sizeof(where));
	if (!rec->text || !(rec->origin = dyad_strdup(where)))
		return DYAD_ENOMEM;
	int rc = read_id(ln, obj, rec);
	if (!rc)
		rc = read_date(ln, obj, rec);
	if (!rc)
		rc = opt_string(ln, obj, "title", &rec->title);
	if (!rc)
		rc = opt_string(ln, obj, "url", &rec->url);
	if (!rc)
		rc = opt_string(ln, obj, "source", &rec->outlet);
	return rc ? rc : 1;
}

static int parse_line(const jsonl_line *ln, const char *s, size_t n, dyad_record *rec)
{
	json_error_t err;
	json_t *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES, &err);
	int rc;
	if (!obj)
		rc = skip(ln, "invalid JSON at column %d: %s", err.column, err.text);
	else if (!json_is_object(obj))
		rc = skip(ln, "not a JSON object");
	else
		rc = from_object(ln, obj, rec);
	json_decref(obj);
	if (rc != 1)
		dyad_record_clear(rec);
	return rc;
}

int dyad_record_from_jsonl(dyad_record *rec, const char *name, size_t lineno,
                           const char *line, size_t len, dyad_diag *diag)
{
	memset(rec, 0, sizeof(*rec));
	jsonl_line ln = { name, lineno, diag, NULL };
	return parse_line(&ln, line, len, rec);
}

int dyad_reader_next_jsonl(dyad_reader *r, dyad_record *rec)
{
	dyad_rline ln;
	while (dyad_reader_take_line(r, &ln)) {
		if (dyad_rline_blank(ln.s, ln.n))
			continue;
		jsonl_line where = { r->name, ln.lineno, r->diag, &r->skipped };
		int rc = parse_line(&where, ln.s, ln.n, rec);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int dyad_reader_next_line(dyad_reader *r, const char **line, size_t *len, size_t *lineno)
{
	dyad_rline ln;
	if (r->done)
		return 0;
	while (dyad_reader_take_line(r, &ln)) {
		if (dyad_rline_blank(ln.s, ln.n))
			continue;
		*line = ln.s;
		*len = ln.n;
		*lineno = ln.lineno;
		r->produced++;
		return 1;
	}
	r->done = true;
	return 0;
}
