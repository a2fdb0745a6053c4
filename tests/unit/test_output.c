/*
 * test_output.c - unit tests of the event writers: dyad JSON Lines (parsed
 * back with jansson, exact field names), TSV (fixed columns, no stray
 * tabs or line breaks), PLOVER JSON Lines, hostile text and spans.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "dyad/output.h"

static const char doc[] =
	"Algeria and Russia held joint drills near Bechar on 16 November 2022, "
	"with 200 soldiers.";

static void set(char *dst, size_t size, const char *s)
{
	snprintf(dst, size, "%s", s);
}
#define SET(dst, s) set((dst), sizeof(dst), (s))

static dyad_span span_of(const char *needle)
{
	const char *p = strstr(doc, needle);
	assert_non_null(p);
	dyad_span s = { (uint32_t)(p - doc), (uint32_t)(p - doc + strlen(needle)) };
	return s;
}

static void full_event(dyad_event *ev)
{
	dyad_event_init(ev);
	ev->sentence = 3;
	SET(ev->source, "DZAMIL");
	SET(ev->target, "RUSMIL");
	SET(ev->cameo, "042");
	ev->source_span = span_of("Algeria");
	ev->target_span = span_of("Russia");
	ev->verb_span = span_of("held joint drills");
	ev->pattern = "HOLD * DRILLS";
	ev->flags = DYAD_EVF_SYMMETRIC;
	ev->date = (dyad_date){ 2022, 11, 16 };
	ev->date_end = (dyad_date){ 2022, 11, 28 };
	ev->date_precision = DYAD_PREC_RANGE;
	ev->date_span = span_of("16 November 2022");
	ev->date_source = DYAD_SRC_SENTENCE;
	SET(ev->place_name, "Bechar");
	SET(ev->place_country, "DZA");
	ev->lat = 31.61667;
	ev->lon = -2.21667;
	ev->place_resolution = DYAD_RES_CITY;
	ev->place_source = DYAD_SRC_CARRIED;
	ev->modality = DYAD_MOD_ASSERTED;
	ev->n_quantities = 1;
	ev->quantities[0].kind = DYAD_QTY_PERSONNEL;
	ev->quantities[0].value = 200;
	SET(ev->quantities[0].unit, "soldiers");
	ev->quantities[0].span = span_of("200 soldiers");
}

static dyad_event_ctx ctx_of(void)
{
	dyad_event_ctx c;
	memset(&c, 0, sizeof(c));
	c.doc_id = "aps-2022-11-16";
	c.doc_text = doc;
	c.doc_len = sizeof(doc) - 1;
	c.sentence_span = (dyad_span){ 0, (uint32_t)(sizeof(doc) - 1) };
	c.pub_date = (dyad_date){ 2022, 11, 17 };
	c.outlet = "APS";
	return c;
}

static json_t *format_json(dyad_output_format fmt, const dyad_event *ev,
                           const dyad_event_ctx *c)
{
	dyad_writer *w = NULL;
	assert_int_equal(dyad_writer_new(&w, NULL, fmt), 0);
	assert_int_equal(dyad_writer_event(w, ev, c), 0);
	size_t len;
	const char *line = dyad_writer_last(w, &len);
	assert_null(memchr(line, '\n', len));
	json_error_t err;
	json_t *j = json_loadb(line, len, 0, &err);
	if (!j)
		fail_msg("invalid JSON (%s): %s", err.text, line);
	dyad_writer_free(w);
	return j;
}

static const char *jstr(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (!json_is_string(v))
		fail_msg("\"%s\" is not a string", k);
	return json_string_value(v);
}

static void test_json_fields(void **state)
{
	(void)state;
	dyad_event ev;
	full_event(&ev);
	dyad_event_ctx c = ctx_of();
	json_t *j = format_json(DYAD_OUTPUT_JSONL, &ev, &c);

	/* Exactly the interface's field names, in this order. */
	static const char *const names[] = {
		"doc", "sentence", "date", "date_end", "date_precision", "date_text", "date_source",
		"pub_date", "source", "target", "cameo", "root", "quad", "goldstein", "plover", "label",
		"source_text", "target_text", "verb_text", "pattern", "place", "place_source",
		"quantities",
		"modality", "symmetric", "text",
	};
	size_t n = sizeof(names) / sizeof(names[0]);
	assert_int_equal(json_object_size(j), n);
	for (size_t i = 0; i < n; i++)
		assert_non_null(json_object_get(j, names[i]));

	assert_string_equal(jstr(j, "doc"), "aps-2022-11-16");
	assert_int_equal(json_integer_value(json_object_get(j, "sentence")), 3);
	assert_string_equal(jstr(j, "date"), "2022-11-16");
	assert_string_equal(jstr(j, "date_end"), "2022-11-28");
	assert_string_equal(jstr(j, "date_precision"), "range");
	assert_string_equal(jstr(j, "date_text"), "16 November 2022");
	assert_string_equal(jstr(j, "date_source"), "sentence");
	assert_string_equal(jstr(j, "place_source"), "carried");
	assert_string_equal(jstr(j, "pub_date"), "2022-11-17");
	assert_string_equal(jstr(j, "source"), "DZAMIL");
	assert_string_equal(jstr(j, "target"), "RUSMIL");
	assert_string_equal(jstr(j, "cameo"), "042");
	assert_string_equal(jstr(j, "root"), "04");
	assert_int_equal(json_integer_value(json_object_get(j, "quad")), 1);
	assert_true(fabs(json_real_value(json_object_get(j, "goldstein")) - 1.9) < 1e-9);
	assert_string_equal(jstr(j, "plover"), "CONSULT");
	assert_string_equal(jstr(j, "label"), "Make a visit");
	assert_string_equal(jstr(j, "source_text"), "Algeria");
	assert_string_equal(jstr(j, "target_text"), "Russia");
	assert_string_equal(jstr(j, "verb_text"), "held joint drills");
	assert_string_equal(jstr(j, "pattern"), "HOLD * DRILLS");
	json_t *p = json_object_get(j, "place");
	assert_string_equal(jstr(p, "name"), "Bechar");
	assert_string_equal(jstr(p, "country"), "DZA");
	assert_true(fabs(json_number_value(json_object_get(p, "lat")) - 31.61667) < 1e-5);
	assert_true(fabs(json_number_value(json_object_get(p, "lon")) + 2.21667) < 1e-5);
	assert_string_equal(jstr(p, "resolution"), "city");
	json_t *q = json_array_get(json_object_get(j, "quantities"), 0);
	assert_int_equal(json_array_size(json_object_get(j, "quantities")), 1);
	assert_string_equal(jstr(q, "kind"), "personnel");
	assert_true(fabs(json_number_value(json_object_get(q, "value")) - 200) < 1e-9);
	assert_string_equal(jstr(q, "unit"), "soldiers");
	assert_string_equal(jstr(q, "text"), "200 soldiers");
	assert_string_equal(jstr(j, "modality"), "asserted");
	assert_true(json_is_true(json_object_get(j, "symmetric")));
	assert_string_equal(jstr(j, "text"), doc);
	json_decref(j);
}

static void test_json_absent_and_hostile(void **state)
{
	(void)state;
	/* Quotes, backslash, tab, newline, a control byte, invalid UTF-8. */
	static const char nasty[] = "He said \"no\\\"\tthen\nleft\x01 \xff\xc3 caf\xc3\xa9";
	dyad_event ev;
	dyad_event_init(&ev);
	SET(ev.source, "RUS");
	SET(ev.cameo, "0999");        /* not in the codebook, root 09 */
	ev.source_span = (dyad_span){ 0, 3 };
	ev.verb_span = (dyad_span){ 5, 900 };      /* past the end */
	ev.target_span = (dyad_span){ 7, 2 };      /* reversed */
	SET(ev.place_name, "Somewhere");        /* place without coordinates */
	dyad_event_ctx c;
	memset(&c, 0, sizeof(c));
	c.doc_id = "d\"1";
	c.doc_text = nasty;
	c.doc_len = sizeof(nasty) - 1;
	c.sentence_text = nasty;
	c.sentence_len = sizeof(nasty) - 1;
	json_t *j = format_json(DYAD_OUTPUT_JSONL, &ev, &c);
	assert_string_equal(jstr(j, "doc"), "d\"1");
	assert_true(json_is_null(json_object_get(j, "date")));
	assert_true(json_is_null(json_object_get(j, "pub_date")));
	assert_true(json_is_null(json_object_get(j, "target")));
	assert_string_equal(jstr(j, "root"), "09");
	assert_int_equal(json_integer_value(json_object_get(j, "quad")), 3);
	assert_true(json_is_null(json_object_get(j, "goldstein")));
	assert_true(json_is_null(json_object_get(j, "plover")));
	assert_true(json_is_null(json_object_get(j, "label")));
	assert_string_equal(jstr(j, "source_text"), "He ");
	assert_true(json_is_null(json_object_get(j, "verb_text")));
	assert_true(json_is_null(json_object_get(j, "target_text")));
	assert_true(json_is_null(json_object_get(j, "pattern")));
	json_t *p = json_object_get(j, "place");
	assert_true(json_is_null(json_object_get(p, "lat")));
	assert_true(json_is_null(json_object_get(p, "lon")));
	assert_false(json_is_true(json_object_get(j, "symmetric")));
	assert_string_equal(jstr(j, "text"),
	                    "He said \"no\\\"\tthen\nleft\x01 \xef\xbf\xbd\xef\xbf\xbd caf\xc3\xa9");
	json_decref(j);

	/* A NUL byte (never in a decoded document, but possible from a caller). */
	static const char with_nul[] = "a\0b";
	c.sentence_text = with_nul;
	c.sentence_len = sizeof(with_nul) - 1;
	j = format_json(DYAD_OUTPUT_JSONL, &ev, &c);
	assert_string_equal(jstr(j, "text"), "a\xef\xbf\xbd" "b");
	json_decref(j);
	c.sentence_text = nasty;
	c.sentence_len = sizeof(nasty) - 1;

	/* No place at all: null. */
	ev.place_name[0] = '\0';
	j = format_json(DYAD_OUTPUT_JSONL, &ev, &c);
	assert_true(json_is_null(json_object_get(j, "place")));
	assert_int_equal(json_array_size(json_object_get(j, "quantities")), 0);
	json_decref(j);
}

/* Split a line on tabs into at most max fields; returns the count. */
static size_t split(char *line, char **f, size_t max)
{
	size_t n = 0;
	f[n++] = line;
	for (char *s = line; *s; s++)
		if (*s == '\t') {
			*s = '\0';
			if (n == max)
				return n + 1;
			f[n++] = s + 1;
		}
	return n;
}

static const char *column(char **names, char **vals, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return vals[i];
	fail_msg("no column %s", name);
	return NULL;
}

static void test_tsv(void **state)
{
	(void)state;
	dyad_event ev;
	full_event(&ev);
	static const char sent[] = "Algeria\tand Russia\r\nheld drills.";
	dyad_event_ctx c = ctx_of();
	c.sentence_text = sent;
	c.sentence_len = sizeof(sent) - 1;
	FILE *fp = tmpfile();
	assert_non_null(fp);
	dyad_writer *w = NULL;
	assert_int_equal(dyad_writer_new(&w, fp, DYAD_OUTPUT_TSV), 0);
	assert_int_equal(dyad_writer_header(w), 0);
	assert_int_equal(dyad_writer_event(w, &ev, &c), 0);
	ev.lat = ev.lon = NAN;
	ev.target[0] = '\0';
	assert_int_equal(dyad_writer_event(w, &ev, &c), 0);
	dyad_writer_free(w);

	rewind(fp);
	char hdr[1024], l1[2048], l2[2048];
	assert_non_null(fgets(hdr, sizeof(hdr), fp));
	assert_non_null(fgets(l1, sizeof(l1), fp));
	assert_non_null(fgets(l2, sizeof(l2), fp));
	assert_null(fgets(l2 + 1000, 10, fp));   /* exactly three lines */
	fclose(fp);
	hdr[strcspn(hdr, "\n")] = '\0';
	l1[strcspn(l1, "\n")] = '\0';
	l2[strcspn(l2, "\n")] = '\0';
	assert_string_equal(hdr, dyad_output_tsv_header());

	char *h[64], *v[64], *v2[64];
	size_t nh = split(hdr, h, 64);
	assert_int_equal(split(l1, v, 64), nh);
	assert_int_equal(split(l2, v2, 64), nh);
	/* Issue 3's columns come first, in its order. */
	const char *first[] = { "doc", "sentence", "date", "source", "target", "cameo", "root",
	                        "quad", "goldstein", "plover", "source_text", "target_text",
	                        "verb_text", "pattern" };
	for (size_t i = 0; i < sizeof(first) / sizeof(first[0]); i++)
		assert_string_equal(h[i], first[i]);
	assert_string_equal(h[nh - 1], "text");
	assert_string_equal(column(h, v, nh, "doc"), "aps-2022-11-16");
	assert_string_equal(column(h, v, nh, "sentence"), "3");
	assert_string_equal(column(h, v, nh, "date"), "2022-11-16");
	assert_string_equal(column(h, v, nh, "cameo"), "042");
	assert_string_equal(column(h, v, nh, "quad"), "1");
	assert_string_equal(column(h, v, nh, "goldstein"), "1.9");
	assert_string_equal(column(h, v, nh, "plover"), "CONSULT");
	assert_string_equal(column(h, v, nh, "verb_text"), "held joint drills");
	assert_string_equal(column(h, v, nh, "place.lat"), "31.61667");
	assert_string_equal(column(h, v, nh, "place.resolution"), "city");
	assert_string_equal(column(h, v, nh, "quantities"), "personnel:200:soldiers");
	assert_string_equal(column(h, v, nh, "symmetric"), "1");
	assert_string_equal(column(h, v, nh, "text"), "Algeria and Russia  held drills.");
	assert_string_equal(column(h, v2, nh, "place.lat"), "");
	assert_string_equal(column(h, v2, nh, "target"), "");
}

static void test_plover(void **state)
{
	(void)state;
	dyad_event ev;
	full_event(&ev);
	dyad_event_ctx c = ctx_of();
	c.url = "https://example.org/a";
	dyad_writer *w = NULL;
	assert_int_equal(dyad_writer_new(&w, NULL, DYAD_OUTPUT_PLOVER), 0);
	const char *want_ids[] = { "aps-2022-11-16-3-0", "aps-2022-11-16-3-1",
	                           "aps-2022-11-16-4-0" };
	for (int i = 0; i < 3; i++) {
		ev.sentence = i < 2 ? 3 : 4;
		assert_int_equal(dyad_writer_event(w, &ev, &c), 0);
		size_t len;
		const char *line = dyad_writer_last(w, &len);
		json_error_t err;
		json_t *j = json_loadb(line, len, 0, &err);
		if (!j)
			fail_msg("invalid JSON (%s): %s", err.text, line);
		assert_string_equal(jstr(j, "id"), want_ids[i]);
		assert_string_equal(jstr(j, "event_type"), "CONSULT");
		assert_string_equal(jstr(j, "mode"), "visit");
		assert_int_equal(json_integer_value(json_object_get(j, "quad_code")), 1);
		assert_string_equal(jstr(j, "date"), "2022-11-16");
		assert_string_equal(jstr(j, "enddate"), "2022-11-28");
		json_t *a = json_array_get(json_object_get(j, "actor"), 0);
		assert_string_equal(jstr(a, "code"), "DZA");
		assert_string_equal(jstr(a, "sector"), "MIL");
		assert_string_equal(jstr(a, "entity_text"), "Algeria");
		json_t *r = json_array_get(json_object_get(j, "recipient"), 0);
		assert_string_equal(jstr(r, "code"), "RUS");
		json_t *loc = json_object_get(j, "event_loc");
		assert_string_equal(jstr(loc, "extracted_place"), "Bechar");
		assert_int_equal(json_integer_value(json_object_get(loc, "resolution")), 4);
		json_t *ci = json_object_get(j, "cite_info");
		assert_string_equal(jstr(ci, "publication"), "APS");
		assert_string_equal(jstr(ci, "url"), "https://example.org/a");
		json_decref(j);
	}

	/* Without a target, a material-conflict code, the publication date. */
	ev.target[0] = '\0';
	SET(ev.cameo, "190");
	ev.date = (dyad_date){ 0, 0, 0 };
	ev.date_precision = DYAD_PREC_REPORTED;
	c.event_id = "E-7";
	assert_int_equal(dyad_writer_event(w, &ev, &c), 0);
	size_t len;
	const char *line = dyad_writer_last(w, &len);
	json_t *j = json_loadb(line, len, 0, NULL);
	assert_non_null(j);
	assert_string_equal(jstr(j, "id"), "E-7");
	assert_string_equal(jstr(j, "event_type"), "ASSAULT");
	assert_int_equal(json_integer_value(json_object_get(j, "quad_code")), 4);
	assert_string_equal(jstr(j, "date"), "2022-11-17");
	assert_null(json_object_get(j, "enddate"));
	assert_int_equal(json_array_size(json_object_get(j, "recipient")), 0);
	json_decref(j);

	/* PLOVER drops CAMEO 01 and 02: nothing written, 1 returned. */
	SET(ev.cameo, "010");
	assert_int_equal(dyad_writer_event(w, &ev, &c), 1);
	dyad_writer_last(w, &len);
	assert_int_equal(len, 0);
	dyad_writer_free(w);
}

static void test_formats_and_errors(void **state)
{
	(void)state;
	assert_int_equal(dyad_output_format_from_name("tsv"), DYAD_OUTPUT_TSV);
	assert_int_equal(dyad_output_format_from_name("jsonl"), DYAD_OUTPUT_JSONL);
	assert_int_equal(dyad_output_format_from_name("plover"), DYAD_OUTPUT_PLOVER);
	assert_int_equal(dyad_output_format_from_name("csv"), -1);
	assert_string_equal(dyad_output_format_name(DYAD_OUTPUT_PLOVER), "plover");
	dyad_writer *w = NULL;
	assert_int_equal(dyad_writer_new(&w, NULL, (dyad_output_format)9), DYAD_EINVAL);
	assert_int_equal(dyad_writer_new(&w, NULL, DYAD_OUTPUT_JSONL), 0);
	assert_string_equal(dyad_writer_last(w, NULL), "");
	assert_int_equal(dyad_writer_event(w, NULL, NULL), DYAD_EINVAL);
	assert_int_equal(dyad_writer_header(w), 0);   /* no header in JSON */
	assert_string_equal(dyad_writer_last(w, NULL), "");
	dyad_writer_free(w);
	dyad_writer_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_json_absent_and_hostile),
		cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_plover),
		cmocka_unit_test(test_formats_and_errors),
	};
	return cmocka_run_group_tests_name("output", tests, NULL, NULL);
}
