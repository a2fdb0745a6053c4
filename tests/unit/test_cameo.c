/*
 * test_cameo.c - unit tests of the CAMEO codebook compiled into the
 * library: every line of data/cameo/codebook.tsv resolves to the same
 * values, QuadClass follows the Phoenix convention root by root, and a
 * few known weights and PLOVER types.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/cameo.h"

/* Split a TSV line in place into at most n fields. */
static size_t split_tabs(char *line, char **f, size_t n)
{
	size_t k = 0;
	f[k++] = line;
	for (char *p = line; *p && k < n; p++)
		if (*p == '\t') {
			*p = '\0';
			f[k++] = p + 1;
		}
	return k;
}

static void test_every_code_resolves(void **state)
{
	(void)state;
	FILE *fp = fopen(DYAD_SOURCE_DIR "/data/cameo/codebook.tsv", "r");
	assert_non_null(fp);
	char line[512];
	size_t rows = 0;
	while (fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0' || strncmp(line, "code\t", 5) == 0)
			continue;
		char *f[7];
		assert_int_equal(split_tabs(line, f, 7), 7);
		const dyad_cameo_info *c = dyad_cameo_lookup(f[0]);
		if (!c)
			fail_msg("code %s does not resolve", f[0]);
		assert_string_equal(c->code, f[0]);
		assert_string_equal(c->label, f[1]);
		assert_true(fabs(c->goldstein - strtod(f[2], NULL)) < 1e-9);
		assert_int_equal(c->quad, (int)strtol(f[3], NULL, 10));
		assert_memory_equal(c->root, f[0], 2);
		assert_int_equal(c->root[2], '\0');
		assert_string_equal(c->plover, f[4]);
		assert_string_equal(c->plover_mode, f[5]);
		assert_string_equal(c->plover_context, f[6]);
		assert_true(dyad_cameo_valid(f[0]));
		rows++;
	}
	fclose(fp);
	assert_int_equal(rows, dyad_cameo_count());
	assert_true(rows > 300);
	/* Iteration is in strictly increasing code order. */
	for (size_t i = 1; i < dyad_cameo_count(); i++)
		assert_true(strcmp(dyad_cameo_at(i - 1)->code, dyad_cameo_at(i)->code) < 0);
	assert_null(dyad_cameo_at(dyad_cameo_count()));
}

static void test_quad_convention(void **state)
{
	(void)state;
	/* Phoenix: 0 neutral 01-02, 1 verbal coop 03-05, 2 material coop
	 * 06-08, 3 verbal conflict 09-13 and 16, 4 material conflict 14, 15,
	 * 17-20. Written out per root so the test does not share code. */
	static const int want[21] = { -1, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3,
	                              3, 3, 3, 4, 4, 3, 4, 4, 4, 4 };
	for (int root = 1; root <= 20; root++) {
		char code[3];
		snprintf(code, sizeof(code), "%02d", root);
		const dyad_cameo_info *c = dyad_cameo_lookup(code);
		assert_non_null(c);
		assert_int_equal(c->quad, want[root]);
		assert_int_equal(dyad_cameo_root_quad(code), want[root]);
	}
	for (size_t i = 0; i < dyad_cameo_count(); i++) {
		const dyad_cameo_info *c = dyad_cameo_at(i);
		int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
		assert_int_equal(c->quad, want[root]);
	}
	assert_int_equal(dyad_cameo_root_quad("0431"), 1);  /* unknown code, known root */
	assert_int_equal(dyad_cameo_root_quad("21"), -1);
	assert_int_equal(dyad_cameo_root_quad("00"), -1);
	assert_int_equal(dyad_cameo_root_quad("x"), -1);
	assert_string_equal(dyad_cameo_quad_name(2), "material cooperation");
	assert_string_equal(dyad_cameo_quad_name(5), "");
}

static void test_known_weights(void **state)
{
	(void)state;
	static const struct { const char *code; double w; } k[] = {
		{ "042", 1.9 }, { "190", -10.0 }, { "057", 8.0 }, { "062", 7.4 },
		{ "072", 8.3 }, { "111", -2.0 }, { "130", -4.4 }, { "1384", -7.0 },
		{ "161", -4.0 }, { "14", -6.5 }, { "020", 3.0 }, { "175", -9.0 },
	};
	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		const dyad_cameo_info *c = dyad_cameo_lookup(k[i].code);
		assert_non_null(c);
		assert_true(fabs(c->goldstein - k[i].w) < 1e-9);
	}
	assert_string_equal(dyad_cameo_lookup("042")->label, "Make a visit");
}

static void test_plover(void **state)
{
	(void)state;
	static const struct { const char *code, *type, *mode; } k[] = {
		{ "042", "CONSULT", "visit" },   { "043", "CONSULT", "visit" },
		{ "057", "SUPPORT", "" },        { "062", "COOPERATE", "" },
		{ "072", "AID", "" },            { "111", "ACCUSE", "disapprove" },
		{ "130", "THREATEN", "" },       { "138", "THREATEN", "violence" },
		{ "1384", "THREATEN", "violence" }, { "161", "SANCTION", "withdraw" },
		{ "190", "ASSAULT", "" },        { "084", "RETREAT", "" },
		{ "081", "CONCEDE", "" },        { "010", "", "" },
		{ "02", "", "" },                { "18", "ASSAULT", "" },
	};
	for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++) {
		const dyad_cameo_info *c = dyad_cameo_lookup(k[i].code);
		assert_non_null(c);
		assert_string_equal(c->plover, k[i].type);
		assert_string_equal(c->plover_mode, k[i].mode);
	}
	assert_string_equal(dyad_cameo_lookup("062")->plover_context, "military");
	assert_string_equal(dyad_cameo_lookup("190")->plover_context, "military");
	/* Every 13x code is THREATEN. */
	for (size_t i = 0; i < dyad_cameo_count(); i++) {
		const dyad_cameo_info *c = dyad_cameo_at(i);
		if (strncmp(c->code, "13", 2) == 0)
			assert_string_equal(c->plover, "THREATEN");
	}
}

static void test_unknown_codes(void **state)
{
	(void)state;
	const char *bad[] = { "", "0", "999", "0429", "21", "04a", "04200", "-42", "abc" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(dyad_cameo_lookup(bad[i]));
		assert_false(dyad_cameo_valid(bad[i]));
	}
	assert_null(dyad_cameo_lookup(NULL));
	assert_false(dyad_cameo_valid(NULL));
	assert_non_null(dyad_cameo_lookup_n("0421", 3));  /* "042" */
	assert_string_equal(dyad_cameo_lookup_n("0421", 3)->code, "042");
	assert_null(dyad_cameo_lookup_n("0421", 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_resolves),
		cmocka_unit_test(test_quad_convention),
		cmocka_unit_test(test_known_weights),
		cmocka_unit_test(test_plover),
		cmocka_unit_test(test_unknown_codes),
	};
	return cmocka_run_group_tests_name("cameo", tests, NULL, NULL);
}
