/*
 * test_quantities.c - the quantities stage on the golden cases of
 * tests/golden/quantities/cases.txt (target 90%).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/quantities.h"
#include "when_golden.h"

/* Render the event's quantities as the golden format does. */
static void render(const dyad_event *ev, char *buf, size_t size)
{
	buf[0] = 0;
	size_t used = 0;
	for (int k = 0; k < ev->n_quantities && used < size; k++) {
		const dyad_quantity *q = &ev->quantities[k];
		used += (size_t)snprintf(buf + used, size - used, "%s%s %g %s", k ? "; " : "",
		                         dyad_quantity_kind_name((dyad_quantity_kind)q->kind),
		                         q->value, q->unit);
	}
	if (!ev->n_quantities)
		snprintf(buf, size, "none");
}

/* Cut `s` at the first `sep`; return what follows (NULL when none). */
static char *cut(char *s, char sep)
{
	char *p = s ? strchr(s, sep) : NULL;
	if (!p)
		return NULL;
	*p = 0;
	return p + 1;
}

/* Compare one expected item "kind value unit" with a quantity. */
static bool item_ok(char *item, const dyad_quantity *q)
{
	char *kind = item;
	char *val = cut(kind, ' ');
	char *unit = cut(val, ' ');
	if (!unit)
		return false;
	double v = strtod(val, NULL);
	return !strcmp(kind, dyad_quantity_kind_name((dyad_quantity_kind)q->kind)) &&
	       fabs(v - q->value) <= 1e-9 * fabs(v) && !strcmp(unit, q->unit);
}

static bool matches(const char *expect, const dyad_event *ev)
{
	if (!strcmp(expect, "none"))
		return ev->n_quantities == 0;
	char copy[512];
	snprintf(copy, sizeof(copy), "%s", expect);
	int k = 0;
	for (char *it = copy, *next; it; it = next, k++) {
		next = cut(it, ';');
		while (*it == ' ')
			it++;
		if (k >= ev->n_quantities || !item_ok(it, &ev->quantities[k]))
			return false;
	}
	return k == ev->n_quantities;
}

/* Fields: text | verb | expected quantities. */
static bool case_ok(const char *file, const g_line *l, dyad_tokens *toks)
{
	(void)file;
	const char *text = l->f[0];
	dyad_event ev;
	g_verb_event(toks, text, l->f[1], &ev);
	assert_int_equal(dyad_quantities_attach(dyad_tokens_array(toks), dyad_tokens_count(toks), &ev, 1), 0);
	if (matches(l->f[2], &ev))
		return true;
	char got[256];
	render(&ev, got, sizeof(got));
	fprintf(stderr, "quantities:%d: %s / %s: got %s, want %s\n", l->lineno, text, l->f[1], got, l->f[2]);
	return false;
}

static void test_golden_quantities(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	g_run("quantities", "tests/golden/quantities/cases.txt", 3, case_ok, &pass, &total);
	g_run("quantities", "tests/golden/quantities/holdout.txt", 3, case_ok, &pass, &total);
	fprintf(stderr, "quantities: total %d/%d passed (%.1f%%)\n", pass, total,
	        total ? 100.0 * pass / total : 0.0);
	assert_true(total >= 60);
	assert_true(pass * 100 >= total * 90);
}

static void test_find_spans(void **state)
{
	(void)state;
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	const char *text = "worth a total value of $ 180 million.";
	assert_int_equal(dyad_tokenize(toks, text, strlen(text), 0), 0);
	dyad_quantity q[2];
	assert_int_equal(dyad_quantities_find(dyad_tokens_array(toks), dyad_tokens_count(toks), q, 2), 1);
	assert_int_equal(q[0].kind, DYAD_QTY_MONEY);
	assert_string_equal(q[0].unit, "USD");
	assert_int_equal(q[0].span.start, 23);
	assert_int_equal(q[0].span.end, 36);
	assert_true(dyad_quantities_attach(NULL, 1, NULL, 0) < 0);
	dyad_tokens_free(toks);
}

/* A long sentence: numbers of a late date are still not counts. */
static void test_long_sentence(void **state)
{
	(void)state;
	static char text[8192];
	size_t used = 0;
	for (int i = 0; i < 700; i++)
		used += (size_t)snprintf(text + used, sizeof(text) - used, "and ");
	snprintf(text + used, sizeof(text) - used, "100 soldiers left on 16 November 2022.");
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	assert_int_equal(dyad_tokenize(toks, text, strlen(text), 0), 0);
	dyad_quantity q[4];
	assert_int_equal(dyad_quantities_find(dyad_tokens_array(toks), dyad_tokens_count(toks), q, 4), 1);
	assert_int_equal(q[0].kind, DYAD_QTY_PERSONNEL);
	dyad_tokens_free(toks);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_quantities),
		cmocka_unit_test(test_find_spans),
		cmocka_unit_test(test_long_sentence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
