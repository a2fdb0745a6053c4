/*
 * test_dates.c - the dates stage: calendar arithmetic, the golden date
 * expressions (tests/golden/dates/expressions.txt, target 95%) and the
 * golden attachment cases (tests/golden/dates/attach.txt, target 95%).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/dates.h"
#include "when_golden.h"

/* Parse an expectation: "none", "reported", "A..B", "YYYY[-MM[-DD]]". */
static int parse_expect(const char *s, dyad_date *a, dyad_date *b, int *prec)
{
	memset(a, 0, sizeof(*a));
	memset(b, 0, sizeof(*b));
	if (!strcmp(s, "none") || !strcmp(s, "reported")) {
		*prec = -1;
		return 0;
	}
	const char *dots = strstr(s, "..");
	if (dots) {
		*prec = DYAD_PREC_RANGE;
		return dyad_date_parse(a, s, (size_t)(dots - s)) ||
		       dyad_date_parse(b, dots + 2, strlen(dots + 2));
	}
	size_t len = strlen(s);
	*prec = len == 10 ? DYAD_PREC_DAY : len == 7 ? DYAD_PREC_MONTH : DYAD_PREC_YEAR;
	return dyad_date_parse(a, s, len);
}

static dyad_date pub_of(const char *s)
{
	dyad_date d = { 0, 0, 0 };
	if (strcmp(s, "0000-00-00"))
		assert_int_equal(dyad_date_parse(&d, s, strlen(s)), 0);
	return d;
}

static void show(char *buf, size_t size, dyad_date a, dyad_date b, int prec)
{
	char x[16], y[16];
	dyad_date_format(x, sizeof(x), a);
	dyad_date_format(y, sizeof(y), b);
	snprintf(buf, size, "%s%s%s (%s)", x, prec == DYAD_PREC_RANGE ? ".." : "",
	         prec == DYAD_PREC_RANGE ? y : "", prec < 0 ? "none" : dyad_precision_name(prec));
}

static bool same(dyad_date a, dyad_date b)
{
	return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void test_calendar(void **state)
{
	(void)state;
	dyad_date d = { 2022, 11, 20 };
	assert_int_equal(dyad_date_weekday(d), 6);          /* Sunday */
	dyad_date e = dyad_date_from_days(dyad_date_days(d) + 41);
	assert_int_equal(e.year, 2022);
	assert_int_equal(e.month, 12);
	assert_int_equal(e.day, 31);
	dyad_date leap = { 2024, 2, 29 };
	e = dyad_date_from_days(dyad_date_days(leap) + 1);
	assert_int_equal(e.month, 3);
	assert_int_equal(e.day, 1);
	assert_int_equal(dyad_date_month_days(1900, 2), 28);
	assert_int_equal(dyad_date_month_days(2000, 2), 29);
	dyad_date epoch = { 1970, 1, 1 };
	assert_int_equal(dyad_date_days(epoch), 0);
}

static void run_expressions(const char *file, int *pass_out, int *total_out)
{
	FILE *fp = g_open(file);
	assert_non_null(fp);
	g_line l = { .lineno = 0 };
	int total = 0, pass = 0;
	while (g_next(fp, &l)) {
		assert_true(l.nf >= 3);
		dyad_date pub = pub_of(l.f[0]), ea, eb;
		int eprec;
		assert_int_equal(parse_expect(l.f[2], &ea, &eb, &eprec), 0);
		dyad_date_expr x;
		int rc = dyad_dates_parse_text(l.f[1], strlen(l.f[1]), pub, &x);
		assert_true(rc >= 0);
		bool ok;
		if (eprec < 0)
			ok = rc == 0;
		else
			ok = rc == 1 && x.precision == eprec && same(x.date, ea) &&
			     (eprec != DYAD_PREC_RANGE || same(x.date_end, eb));
		if (ok && rc == 1 && l.nf >= 4)
			ok = strlen(l.f[3]) == x.span.end - x.span.start &&
			     !memcmp(l.f[1] + x.span.start, l.f[3], strlen(l.f[3]));
		total++;
		if (ok) {
			pass++;
			continue;
		}
		char got[64] = "none", want[64];
		if (rc == 1)
			show(got, sizeof(got), x.date, x.date_end, x.precision);
		show(want, sizeof(want), ea, eb, eprec);
		fprintf(stderr, "%s:%d: \"%s\": got %s \"%.*s\", want %s\n", file, l.lineno, l.f[1], got,
		        rc == 1 ? (int)(x.span.end - x.span.start) : 0,
		        rc == 1 ? l.f[1] + x.span.start : "", want);
	}
	fclose(fp);
	fprintf(stderr, "dates: %s %d/%d passed (%.1f%%)\n", file, pass, total,
	        total ? 100.0 * pass / total : 0.0);
	*pass_out += pass;
	*total_out += total;
}

static void test_golden_expressions(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	run_expressions("tests/golden/dates/expressions.txt", &pass, &total);
	run_expressions("tests/golden/dates/holdout.txt", &pass, &total);
	fprintf(stderr, "dates: expressions total %d/%d passed (%.1f%%)\n", pass, total,
	        total ? 100.0 * pass / total : 0.0);
	assert_true(total >= 200);
	assert_true(pass * 100 >= total * 95);
}

static void test_golden_attach(void **state)
{
	(void)state;
	FILE *fp = g_open("tests/golden/dates/attach.txt");
	assert_non_null(fp);
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	g_line l = { .lineno = 0 };
	int total = 0, pass = 0;
	while (g_next(fp, &l)) {
		assert_true(l.nf >= 4);
		dyad_date pub = pub_of(l.f[0]), ea, eb;
		int eprec;
		assert_int_equal(parse_expect(l.f[3], &ea, &eb, &eprec), 0);
		const char *text = l.f[1];
		assert_int_equal(dyad_tokenize(toks, text, strlen(text), 0), 0);
		const dyad_token *t = dyad_tokens_array(toks);
		size_t n = dyad_tokens_count(toks);
		dyad_event ev;
		dyad_event_init(&ev);
		ev.verb_span = g_find_word(text, t, n, l.f[2]);
		assert_true(ev.verb_span.end > ev.verb_span.start);
		assert_int_equal(dyad_dates_attach(t, n, pub, &ev, 1), 0);
		bool ok = same(ev.pub_date, pub);
		if (eprec < 0)
			ok = ok && ev.date_precision == DYAD_PREC_REPORTED && same(ev.date, pub);
		else
			ok = ok && ev.date_precision == eprec && same(ev.date, ea) &&
			     (eprec != DYAD_PREC_RANGE || same(ev.date_end, eb));
		total++;
		if (ok) {
			pass++;
			continue;
		}
		char got[64];
		show(got, sizeof(got), ev.date, ev.date_end,
		     ev.date_precision == DYAD_PREC_REPORTED ? -1 : ev.date_precision);
		fprintf(stderr, "attach:%d: %s / %s: got %s, want %s\n", l.lineno, text, l.f[2], got, l.f[3]);
	}
	fclose(fp);
	dyad_tokens_free(toks);
	fprintf(stderr, "dates: attachment %d/%d passed (%.1f%%)\n", pass, total,
	        total ? 100.0 * pass / total : 0.0);
	assert_true(total >= 40);
	assert_true(pass * 100 >= total * 95);
}

static void test_bad_arguments(void **state)
{
	(void)state;
	dyad_date pub = { 2022, 11, 20 };
	dyad_date_expr x;
	assert_int_equal(dyad_dates_parse_text("", 0, pub, &x), 0);
	assert_true(dyad_dates_attach(NULL, 3, pub, NULL, 0) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_golden_expressions),
		cmocka_unit_test(test_golden_attach),
		cmocka_unit_test(test_bad_arguments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
