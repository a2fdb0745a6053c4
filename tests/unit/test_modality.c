/*
 * test_modality.c - the modality stage on the golden cases of
 * tests/golden/modality/cases.txt (target 90%), run after the dates
 * stage as in the pipeline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/dates.h"
#include "dyad/modality.h"
#include "when_golden.h"

/* Fields: publication date | text | verb | expected modality. */
static bool case_ok(const char *file, const g_line *l, dyad_tokens *toks)
{
	(void)file;
	dyad_date pub;
	assert_int_equal(dyad_date_parse(&pub, l->f[0], strlen(l->f[0])), 0);
	const char *text = l->f[1];
	dyad_event ev;
	g_verb_event(toks, text, l->f[2], &ev);
	const dyad_token *t = dyad_tokens_array(toks);
	size_t n = dyad_tokens_count(toks);
	assert_int_equal(dyad_dates_attach(t, n, pub, &ev, 1), 0);
	assert_int_equal(dyad_modality_attach(t, n, pub, &ev, 1), 0);
	const char *got = dyad_modality_name((dyad_modality)ev.modality);
	if (!strcmp(got, l->f[3]))
		return true;
	fprintf(stderr, "modality:%d: %s / %s: got %s, want %s\n", l->lineno, text, l->f[2], got, l->f[3]);
	return false;
}

static void test_golden_modality(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	g_run("modality", "tests/golden/modality/cases.txt", 4, case_ok, &pass, &total);
	g_run("modality", "tests/golden/modality/holdout.txt", 4, case_ok, &pass, &total);
	fprintf(stderr, "modality: total %d/%d passed (%.1f%%)\n", pass, total,
	        total ? 100.0 * pass / total : 0.0);
	assert_true(total >= 80);
	assert_true(pass * 100 >= total * 90);
}

static void test_no_verb_is_asserted(void **state)
{
	(void)state;
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	const char *text = "Algeria did not sign.";
	assert_int_equal(dyad_tokenize(toks, text, strlen(text), 0), 0);
	dyad_event ev;
	dyad_event_init(&ev);
	ev.modality = DYAD_MOD_FUTURE;
	dyad_date pub = { 2022, 11, 20 };
	assert_int_equal(dyad_modality_attach(dyad_tokens_array(toks), dyad_tokens_count(toks), pub, &ev, 1), 0);
	assert_int_equal(ev.modality, DYAD_MOD_ASSERTED);
	assert_true(dyad_modality_attach(NULL, 2, pub, NULL, 0) < 0);
	dyad_tokens_free(toks);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_modality),
		cmocka_unit_test(test_no_verb_is_asserted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
