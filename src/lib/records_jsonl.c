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
#include <stdio.h>
#include <string.h>

/* Copy an optional string member; report (not skip) a wrong type. */
static int opt_string(dyad_reader *r, json_t *obj, const char *key, size_t lineno,
                      char **out)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		char where[512];
		dyad_reader_where(r, lineno, where, sizeof(where));
		return dyad_diag_report(r->diag, DYAD_DIAG_WARNING, where,
		                        "\"%s\" is not a string; ignored", key);
	}
	*out = dyad_strndup(json_string_value(v), json_string_length(v));
	return *out ? 0 : DYAD_ENOMEM;
}

static int read_id(dyad_reader *r, json_t *obj, size_t lineno, dyad_record *rec)
{
	json_t *v = json_object_get(obj, "id");
	char buf[64];
	if (json_is_integer(v)) {
		snprintf(buf, sizeof(buf), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		rec->id = dyad_strdup(buf);
		return rec->id ? 0 : DYAD_ENOMEM;
	}
	int rc = opt_string(r, obj, "id", lineno, &rec->id);
	if (rc == 0 && (!rec->id || !rec->id[0])) {
		dyad_free(rec->id);
		char where[512];
		dyad_reader_where(r, lineno, where, sizeof(where));
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

static int read_date(dyad_reader *r, json_t *obj, size_t lineno, dyad_record *rec)
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
	dyad_reader_where(r, lineno, where, sizeof(where));
	return dyad_diag_report(r->diag, DYAD_DIAG_WARNING, where,
	                        "record '%s': \"date\" is not YYYY-MM-DD, YYYY-MM or YYYY; "
	                        "record kept without a date", rec->id);
}

static int from_object(dyad_reader *r, json_t *obj, size_t lineno, dyad_record *rec)
{
	json_t *text = json_object_get(obj, "text");
	if (!json_is_string(text))
		return dyad_reader_skip(r, lineno, text ? "\"text\" is not a string"
		                                        : "no \"text\" member");
	rec->text_len = json_string_length(text);
	rec->text = dyad_strndup(json_string_value(text), rec->text_len);
	if (!rec->text || dyad_reader_set_origin(r, rec, lineno))
		return DYAD_ENOMEM;
	int rc = read_id(r, obj, lineno, rec);
	if (!rc)
		rc = read_date(r, obj, lineno, rec);
	if (!rc)
		rc = opt_string(r, obj, "title", lineno, &rec->title);
	if (!rc)
		rc = opt_string(r, obj, "url", lineno, &rec->url);
	if (!rc)
		rc = opt_string(r, obj, "source", lineno, &rec->outlet);
	return rc ? rc : 1;
}

static int parse_line(dyad_reader *r, const dyad_rline *ln, dyad_record *rec)
{
	json_error_t err;
	json_t *obj = json_loadb(ln->s, ln->n, JSON_REJECT_DUPLICATES, &err);
	int rc;
	if (!obj)
		rc = dyad_reader_skip(r, ln->lineno, "invalid JSON at column %d: %s",
		                      err.column, err.text);
	else if (!json_is_object(obj))
		rc = dyad_reader_skip(r, ln->lineno, "not a JSON object");
	else
		rc = from_object(r, obj, ln->lineno, rec);
	json_decref(obj);
	return rc;
}

int dyad_reader_next_jsonl(dyad_reader *r, dyad_record *rec)
{
	dyad_rline ln;
	while (dyad_reader_take_line(r, &ln)) {
		if (dyad_rline_blank(ln.s, ln.n))
			continue;
		int rc = parse_line(r, &ln, rec);
		if (rc != 0)
			return rc;
		dyad_record_clear(rec);
	}
	return 0;
}
