/*
 * test_records.c - unit tests of the record readers: TABARI records,
 * JSON Lines, plain text, format detection, malformed input reported
 * and counted, CRLF and Latin-1 input, records without a date.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "dyad/records.h"

/* Diagnostics collected as one string, lines separated by '\n'. */
typedef struct seen {
	char text[8192];
	size_t len;
} seen;

static void collect(void *ctx, dyad_severity sev, const char *line)
{
	(void)sev;
	seen *s = ctx;
	int n = snprintf(s->text + s->len, sizeof(s->text) - s->len, "%s\n", line);
	if (n > 0 && (size_t)n < sizeof(s->text) - s->len)
		s->len += (size_t)n;
}

typedef struct fixture {
	seen        seen;
	dyad_diag  *diag;
	dyad_reader *r;
	dyad_record rec;
} fixture;

static void open_mem(fixture *f, const char *name, const char *s, size_t n,
                     dyad_input_format fmt)
{
	memset(f, 0, sizeof(*f));
	assert_int_equal(dyad_diag_new(&f->diag, collect, &f->seen, false), 0);
	assert_int_equal(dyad_reader_open_mem(&f->r, name, s, n, fmt, f->diag), 0);
}

static void close_fx(fixture *f)
{
	dyad_record_clear(&f->rec);
	dyad_reader_free(f->r);
	dyad_diag_free(f->diag);
}

static const char tabari_in[] =
	"\n"
	"#####\r\n"
	"# a banner comment block\r\n"
	"\r\n"
	"950101  DEMO-01\r\n"
	"Arnor restored ties with Gondor on Saturday, \r\n"
	"officials said.\r\n"
	"/*\\n----\r\n"
	"\\n{ ARN / GON / 064 } */  \r\n"
	"\r\n"
	"\r\n"
	"9501201  BAD-DATE\r\n"
	"Gondor welcomed the move.\r\n"
	"\r\n"
	"20150607 YYYY-01\r\n"
	"Bree praised Arnor./*\r\n"
	"\\n{ BRE / ARN / 051 } */\r\n"
	"\r\n"
	"950102 EMPTY\r\n"
	"\r\n"
	"950103 OPEN-COMMENT\r\n"
	"Arnor met Bree.\r\n"
	"/*\\n{ ARN / BRE / 040 }\r\n"
	"\r\n"
	"950104 LAST\r\n"
	"No final blank line.";

static void test_tabari_records(void **state)
{
	(void)state;
	fixture f;
	open_mem(&f, "v.text", tabari_in, sizeof(tabari_in) - 1, DYAD_INPUT_AUTO);
	assert_int_equal(dyad_reader_format(f.r), DYAD_INPUT_TABARI);

	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "DEMO-01");
	assert_int_equal(f.rec.date.year, 1995);
	assert_int_equal(f.rec.date.month, 1);
	assert_int_equal(f.rec.date.day, 1);
	assert_string_equal(f.rec.text,
	                    "Arnor restored ties with Gondor on Saturday,\nofficials said.");
	assert_int_equal(f.rec.text_len, strlen(f.rec.text));
	assert_non_null(f.rec.comment);
	assert_non_null(strstr(f.rec.comment, "{ ARN / GON / 064 }"));
	assert_null(strstr(f.rec.comment, "*/"));
	assert_string_equal(f.rec.origin, "v.text:5");

	/* Seven digits: kept, year 0, reported with its line. */
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "BAD-DATE");
	assert_int_equal(f.rec.date.year, 0);
	assert_string_equal(f.rec.text, "Gondor welcomed the move.");
	assert_non_null(strstr(f.seen.text, "v.text:12: warning"));

	/* Eight-digit date; comment starting on the last text line. */
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "YYYY-01");
	assert_int_equal(f.rec.date.year, 2015);
	assert_int_equal(f.rec.date.month, 6);
	assert_int_equal(f.rec.date.day, 7);
	assert_string_equal(f.rec.text, "Bree praised Arnor.");
	assert_non_null(strstr(f.rec.comment, "{ BRE / ARN / 051 }"));

	/* EMPTY has no text: skipped and counted. OPEN-COMMENT: kept, warned. */
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "OPEN-COMMENT");
	assert_string_equal(f.rec.text, "Arnor met Bree.");
	assert_non_null(strstr(f.rec.comment, "{ ARN / BRE / 040 }"));
	assert_non_null(strstr(f.seen.text, "v.text:19: warning: record 'EMPTY' has no text"));
	assert_non_null(strstr(f.seen.text, "v.text:23: warning"));
	assert_non_null(strstr(f.seen.text, "not closed"));

	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "LAST");
	assert_null(f.rec.comment);
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 0);
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 0);
	assert_int_equal(dyad_reader_skipped(f.r), 1);
	close_fx(&f);
}

static void test_tabari_latin1(void **state)
{
	(void)state;
	const char in[] = "950101 L1\nAlg\xe9rie et la Russie ont sign\xe9 un accord.\n";
	fixture f;
	open_mem(&f, "l1.text", in, sizeof(in) - 1, DYAD_INPUT_TABARI);
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.text,
	                    "Alg\xc3\xa9rie et la Russie ont sign\xc3\xa9 un accord.");
	assert_int_equal(dyad_diag_count(f.diag, DYAD_DIAG_NOTE), 1);
	close_fx(&f);
}

static const char jsonl_in[] =
	"{\"id\":\"a1\",\"date\":\"2022-11-16\",\"text\":\"Algeria and Russia held drills.\","
	"\"title\":\"Drills\",\"url\":\"https://x.example/a1\",\"source\":\"APS\",\"extra\":[1,2]}\r\n"
	"\r\n"
	"{\"id\":\"a2\",\"date\":\"2022-11\",\"text\":\"Second.\"}\n"
	"{\"id\":\"trunc\",\"text\":\"cut in the mid\n"
	"{\"id\":\"notext\",\"date\":\"2023\"}\n"
	"[1,2,3]\n"
	"{\"id\":7,\"date\":\"2023\",\"text\":\"Numeric id.\"}\n"
	"{\"text\":\"No id, odd date.\",\"date\":\"16/11/2022\",\"title\":5}\n"
	"{\"id\":\"ts\",\"date\":\"2023-08-02T15:19:00Z\",\"text\":\"Timestamp.\"}\n"
	"{\"id\":\"nodate\",\"date\":null,\"text\":\"\\u00e9t\\u00e9\"}";

static void test_jsonl_records(void **state)
{
	(void)state;
	fixture f;
	open_mem(&f, "in.jsonl", jsonl_in, sizeof(jsonl_in) - 1, DYAD_INPUT_AUTO);
	assert_int_equal(dyad_reader_format(f.r), DYAD_INPUT_JSONL);

	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "a1");
	assert_int_equal(f.rec.date.year, 2022);
	assert_int_equal(f.rec.date.month, 11);
	assert_int_equal(f.rec.date.day, 16);
	assert_string_equal(f.rec.text, "Algeria and Russia held drills.");
	assert_string_equal(f.rec.title, "Drills");
	assert_string_equal(f.rec.url, "https://x.example/a1");
	assert_string_equal(f.rec.outlet, "APS");
	assert_string_equal(f.rec.origin, "in.jsonl:1");
	assert_null(f.rec.comment);

	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "a2");
	assert_int_equal(f.rec.date.month, 11);
	assert_int_equal(f.rec.date.day, 0);
	assert_null(f.rec.title);
	assert_string_equal(f.rec.origin, "in.jsonl:3");

	/* Lines 4 (truncated), 5 (no text), 6 (array) are skipped. */
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "7");
	assert_int_equal(f.rec.date.year, 2023);
	assert_int_equal(f.rec.date.month, 0);
	assert_int_equal(dyad_reader_skipped(f.r), 3);
	assert_non_null(strstr(f.seen.text, "in.jsonl:4: warning: invalid JSON"));
	assert_non_null(strstr(f.seen.text, "in.jsonl:5: warning: no \"text\" member"));
	assert_non_null(strstr(f.seen.text, "in.jsonl:6: warning: not a JSON object"));

	/* Bad date and a wrong-typed title: kept, reported. */
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "in.jsonl:8");
	assert_int_equal(f.rec.date.year, 0);
	assert_null(f.rec.title);
	assert_non_null(strstr(f.seen.text, "in.jsonl:8: warning: \"title\" is not a string"));
	assert_non_null(strstr(f.seen.text, "in.jsonl:8: warning: record 'in.jsonl:8': \"date\""));

	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "ts");
	assert_int_equal(f.rec.date.day, 2);

	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "nodate");
	assert_int_equal(f.rec.date.year, 0);
	assert_string_equal(f.rec.text, "\xc3\xa9t\xc3\xa9");
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 0);
	assert_int_equal(dyad_reader_skipped(f.r), 3);
	close_fx(&f);
}

static void test_text_record(void **state)
{
	(void)state;
	const char in[] = "ALGIERS, Nov. 10 (APS) - Talks were held.\r\n\r\nSecond paragraph.\r\n";
	fixture f;
	open_mem(&f, "story.txt", in, sizeof(in) - 1, DYAD_INPUT_AUTO);
	assert_int_equal(dyad_reader_format(f.r), DYAD_INPUT_TEXT);
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 1);
	assert_string_equal(f.rec.id, "story.txt");
	assert_int_equal(f.rec.date.year, 0);
	assert_int_equal(f.rec.text_len, sizeof(in) - 1);
	assert_memory_equal(f.rec.text, in, sizeof(in) - 1);
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 0);
	close_fx(&f);
}

static dyad_input_format detect(const char *s)
{
	dyad_reader *r = NULL;
	assert_int_equal(dyad_reader_open_mem(&r, "d", s, strlen(s), DYAD_INPUT_AUTO, NULL), 0);
	dyad_input_format f = dyad_reader_format(r);
	dyad_reader_free(r);
	return f;
}

static void test_detection(void **state)
{
	(void)state;
	assert_int_equal(detect("  \n\t{\"text\":\"x\"}\n"), DYAD_INPUT_JSONL);
	assert_int_equal(detect("950101 ID\nText.\n"), DYAD_INPUT_TABARI);
	assert_int_equal(detect("\n# banner\n#\n\n000101  START\nText.\n"), DYAD_INPUT_TABARI);
	assert_int_equal(detect("20150607 Y\nText.\n"), DYAD_INPUT_TABARI);
	assert_int_equal(detect("950101*INTRO\nText.\n"), DYAD_INPUT_TABARI);
	assert_int_equal(detect("950101\nno id on the header line\n"), DYAD_INPUT_TEXT);
	assert_int_equal(detect("12345 is not a date line\n"), DYAD_INPUT_TEXT);
	assert_int_equal(detect("Plain prose.\n950101 ID\n"), DYAD_INPUT_TEXT);
	assert_int_equal(detect(""), DYAD_INPUT_TEXT);
	assert_int_equal(dyad_input_format_from_name("jsonl"), DYAD_INPUT_JSONL);
	assert_int_equal(dyad_input_format_from_name("tabari"), DYAD_INPUT_TABARI);
	assert_int_equal(dyad_input_format_from_name("nope"), -1);
	assert_string_equal(dyad_input_format_name(DYAD_INPUT_TEXT), "text");
}

static void test_binary_and_strict(void **state)
{
	(void)state;
	unsigned char bin[256];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (unsigned char)(i * 7);
	fixture f;
	open_mem(&f, "blob", (const char *)bin, sizeof(bin), DYAD_INPUT_AUTO);
	assert_int_equal(dyad_reader_next(f.r, &f.rec), 0);
	assert_int_equal(dyad_reader_skipped(f.r), 1);
	assert_non_null(strstr(f.seen.text, "blob: error: binary data"));
	close_fx(&f);

	/* Strict: the first malformed line is fatal. */
	dyad_diag *d = NULL;
	dyad_reader *r = NULL;
	dyad_record rec = { 0 };
	const char in[] = "{\"text\":\"ok\"}\n{\"bad\"\n{\"text\":\"never\"}\n";
	assert_int_equal(dyad_diag_new(&d, NULL, NULL, true), 0);
	assert_int_equal(dyad_reader_open_mem(&r, "s", in, sizeof(in) - 1,
	                                      DYAD_INPUT_JSONL, d), 0);
	assert_int_equal(dyad_reader_next(r, &rec), 1);
	assert_int_equal(dyad_reader_next(r, &rec), DYAD_EPARSE);
	assert_int_equal(dyad_reader_next(r, &rec), 0);
	dyad_record_clear(&rec);
	dyad_reader_free(r);
	dyad_diag_free(d);

	assert_int_equal(dyad_reader_open_mem(&r, "h", "x", 1, DYAD_INPUT_HTML, NULL),
	                 DYAD_EINVAL);
	assert_null(r);
}

static void test_open_file(void **state)
{
	(void)state;
	char path[] = "/tmp/dyad_test_records_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char in[] = "{\"id\":\"f\",\"text\":\"From a file.\"}\n";
	assert_int_equal(write(fd, in, sizeof(in) - 1), (ssize_t)(sizeof(in) - 1));
	close(fd);
	dyad_reader *r = NULL;
	dyad_record rec = { 0 };
	assert_int_equal(dyad_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
	assert_int_equal(dyad_reader_next(r, &rec), 1);
	assert_string_equal(rec.text, "From a file.");
	assert_non_null(strstr(rec.origin, ":1"));
	dyad_record_clear(&rec);
	dyad_reader_free(r);
	unlink(path);
	assert_int_equal(dyad_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), DYAD_EIO);
	assert_null(r);
}

/* The TABARI validation suite: every record with a header is read. */
static void test_validation_suite(void **state)
{
	(void)state;
	const char *path = DYAD_SHARED_DIR "/peers/tabari/Validate.text";
	if (access(path, R_OK) != 0) {
		print_message("skipped: %s not present\n", path);
		skip();
	}
	dyad_reader *r = NULL;
	dyad_record rec = { 0 };
	assert_int_equal(dyad_reader_open(&r, path, DYAD_INPUT_AUTO, NULL), 0);
	assert_int_equal(dyad_reader_format(r), DYAD_INPUT_TABARI);
	size_t n = 0, with_comment = 0, undated = 0;
	bool demo01 = false;
	while (dyad_reader_next(r, &rec) == 1) {
		n++;
		with_comment += rec.comment != NULL;
		undated += rec.date.year == 0;
		if (strcmp(rec.id, "DEMO-01") == 0)
			demo01 = strstr(rec.comment, "{ ARN / GON / 064 }") != NULL;
	}
	print_message("%zu records, %zu with comments, %zu undated, %zu skipped\n",
	              n, with_comment, undated, dyad_reader_skipped(r));
	assert_true(demo01);
	assert_true(n > 400);
	assert_true(with_comment > 400);
	assert_true(undated >= 2);  /* 9501201 and 186010029 */
	dyad_record_clear(&rec);
	dyad_reader_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tabari_records),
		cmocka_unit_test(test_tabari_latin1),
		cmocka_unit_test(test_jsonl_records),
		cmocka_unit_test(test_text_record),
		cmocka_unit_test(test_detection),
		cmocka_unit_test(test_binary_and_strict),
		cmocka_unit_test(test_open_file),
		cmocka_unit_test(test_validation_suite),
	};
	return cmocka_run_group_tests_name("records", tests, NULL, NULL);
}
