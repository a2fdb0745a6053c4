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

static void run_file(const char *file, int *pass_out, int *total_out)
{
	FILE *fp = g_open(file);
	assert_non_null(fp);
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	g_line l = { .lineno = 0 };
	int total = 0, pass = 0;
	while (g_next(fp, &l)) {
		assert_true(l.nf >= 4);
		dyad_date pub;
		assert_int_equal(dyad_date_parse(&pub, l.f[0], strlen(l.f[0])), 0);
		const char *text = l.f[1];
		assert_int_equal(dyad_tokenize(toks, text, strlen(text), 0), 0);
		const dyad_token *t = dyad_tokens_array(toks);
		size_t n = dyad_tokens_count(toks);
		dyad_event ev;
		dyad_event_init(&ev);
		ev.verb_span = g_find_word(text, t, n, l.f[2]);
		assert_true(ev.verb_span.end > ev.verb_span.start);
		assert_int_equal(dyad_dates_attach(t, n, pub, &ev, 1), 0);
		assert_int_equal(dyad_modality_attach(t, n, pub, &ev, 1), 0);
		const char *got = dyad_modality_name((dyad_modality)ev.modality);
		total++;
		if (!strcmp(got, l.f[3])) {
			pass++;
			continue;
		}
		fprintf(stderr, "modality:%d: %s / %s: got %s, want %s\n", l.lineno, text, l.f[2], got, l.f[3]);
	}
	fclose(fp);
	dyad_tokens_free(toks);
	fprintf(stderr, "modality: %s %d/%d passed (%.1f%%)\n", file, pass, total,
	        total ? 100.0 * pass / total : 0.0);
	*pass_out += pass;
	*total_out += total;
}

static void test_golden_modality(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	run_file("tests/golden/modality/cases.txt", &pass, &total);
	run_file("tests/golden/modality/holdout.txt", &pass, &total);
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
