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

/* Fields: publication date | text | expected date [| expected words]. */
static bool expression_ok(const char *file, const g_line *l, dyad_tokens *toks)
{
	(void)toks;
	dyad_date pub = pub_of(l->f[0]), ea, eb;
	int eprec;
	assert_int_equal(parse_expect(l->f[2], &ea, &eb, &eprec), 0);
	dyad_date_expr x;
	int rc = dyad_dates_parse_text(l->f[1], strlen(l->f[1]), pub, &x);
	assert_true(rc >= 0);
	bool ok;
	if (eprec < 0)
		ok = rc == 0;
	else
		ok = rc == 1 && x.precision == eprec && same(x.date, ea) &&
		     (eprec != DYAD_PREC_RANGE || same(x.date_end, eb));
	if (ok && rc == 1 && l->nf >= 4)
		ok = strlen(l->f[3]) == x.span.end - x.span.start &&
		     !memcmp(l->f[1] + x.span.start, l->f[3], strlen(l->f[3]));
	if (ok)
		return true;
	char got[64] = "none", want[64];
	if (rc == 1)
		show(got, sizeof(got), x.date, x.date_end, x.precision);
	show(want, sizeof(want), ea, eb, eprec);
	fprintf(stderr, "%s:%d: \"%s\": got %s \"%.*s\", want %s\n", file, l->lineno, l->f[1], got,
	        rc == 1 ? (int)(x.span.end - x.span.start) : 0,
	        rc == 1 ? l->f[1] + x.span.start : "", want);
	return false;
}

static void test_golden_expressions(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	g_run("dates", "tests/golden/dates/expressions.txt", 3, expression_ok, &pass, &total);
	g_run("dates", "tests/golden/dates/holdout.txt", 3, expression_ok, &pass, &total);
	fprintf(stderr, "dates: expressions total %d/%d passed (%.1f%%)\n", pass, total,
	        total ? 100.0 * pass / total : 0.0);
	assert_true(total >= 200);
	assert_true(pass * 100 >= total * 95);
}

/* Fields: publication date | text | verb | expected date. */
static bool attach_ok(const char *file, const g_line *l, dyad_tokens *toks)
{
	(void)file;
	dyad_date pub = pub_of(l->f[0]), ea, eb;
	int eprec;
	assert_int_equal(parse_expect(l->f[3], &ea, &eb, &eprec), 0);
	const char *text = l->f[1];
	dyad_event ev;
	g_verb_event(toks, text, l->f[2], &ev);
	assert_int_equal(dyad_dates_attach(dyad_tokens_array(toks), dyad_tokens_count(toks), pub, &ev, 1), 0);
	bool ok = same(ev.pub_date, pub);
	if (eprec < 0)
		ok = ok && ev.date_precision == DYAD_PREC_REPORTED && same(ev.date, pub);
	else
		ok = ok && ev.date_precision == eprec && same(ev.date, ea) &&
		     (eprec != DYAD_PREC_RANGE || same(ev.date_end, eb));
	if (ok)
		return true;
	char got[64];
	show(got, sizeof(got), ev.date, ev.date_end,
	     ev.date_precision == DYAD_PREC_REPORTED ? -1 : ev.date_precision);
	fprintf(stderr, "attach:%d: %s / %s: got %s, want %s\n", l->lineno, text, l->f[2], got, l->f[3]);
	return false;
}

static void test_golden_attach(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	g_run("dates", "tests/golden/dates/attach.txt", 4, attach_ok, &pass, &total);
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
