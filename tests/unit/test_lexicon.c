/*
 * test_lexicon.c - unit tests of the dictionary readers: TABARI syntax
 * (synonyms, multi-line and date-restricted codes, 8-digit dates, agents,
 * synsets and alternatives, paired/null codes, irregular forms, noun
 * blocks), dyad's .people rows, diagnostics for bad lines (file:line,
 * loading goes on; strict makes them fatal), CRLF and Latin-1 input,
 * fingerprints, and the full CAMEO set's load limits when ../shared is
 * there.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <cmocka.h>

#include "dyad/dyad.h"
#include "dyad/lexicon.h"

typedef struct sink {
	char lines[32][256];
	int  n;
} sink;

static void collect(void *ctx, dyad_severity sev, const char *line)
{
	(void)sev;
	sink *s = ctx;
	if (s->n < 32)
		snprintf(s->lines[s->n++], sizeof s->lines[0], "%s", line);
}

/* A line of the sink names `where` ("file:line") and says `msg`. */
static bool sink_has(const sink *s, const char *where, const char *msg)
{
	for (int i = 0; i < s->n; i++)
		if (strncmp(s->lines[i], where, strlen(where)) == 0 && strstr(s->lines[i], msg))
			return true;
	return false;
}

static dyad_lexicon *load2(const char *name1, const char *text1, const char *name2,
                           const char *text2, sink *s, bool strict, int *rc_out)
{
	dyad_diag *d = NULL;
	assert_int_equal(dyad_diag_new(&d, collect, s, strict), 0);
	dyad_dict_buffer b[2] = {
		{ name1, text1, strlen(text1) },
		{ name2, text2 ? text2 : "", text2 ? strlen(text2) : 0 },
	};
	dyad_lexicon *lex = NULL;
	int rc = dyad_lexicon_load_buffers(&lex, b, text2 ? 2 : 1, d);
	if (rc_out)
		*rc_out = rc;
	dyad_diag_free(d);
	return lex;
}

static void test_counts_and_fingerprint(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	const char *actors =
		"ALGERIA_ [DZA]\n"
		"+ALGERIAN_\n"
		"RUSSIA_ [RUS]\n";
	const char *verbs =
		"VISIT_ [042:043]\n"
		"- * OF_ $ TO_ + [042:043]\n"
		"HOLD_ [---]\n"
		"{ HELD_ HOLDING_ }\n"
		"- * { TALKS | NEGOTIATIONS } [040]\n";
	dyad_lexicon *a = load2("t.actors", actors, "t.verbs", verbs, &s, false, NULL);
	assert_non_null(a);
	assert_int_equal(s.n, 0);
	/* 3 actor phrases + VISIT + HOLD + 2 forms */
	assert_int_equal(dyad_lexicon_count(a, 0), 7);
	assert_int_equal(dyad_lexicon_count(a, 1), 2);
	/* 1 pattern of VISIT + the alternative expanded in two */
	assert_int_equal(dyad_lexicon_count(a, 2), 3);
	const char *fa = dyad_lexicon_fingerprint(a);
	assert_int_equal(strlen(fa), 16);
	dyad_lexicon *b = load2("t.actors", actors, "t.verbs", verbs, &s, false, NULL);
	assert_string_equal(fa, dyad_lexicon_fingerprint(b));
	dyad_lexicon *c = load2("t.actors", "ALGERIA_ [DZA]\n", "t.verbs", verbs, &s, false, NULL);
	assert_string_not_equal(fa, dyad_lexicon_fingerprint(c));
	dyad_lexicon_free(a);
	dyad_lexicon_free(b);
	dyad_lexicon_free(c);
}

static void test_bad_lines_reported_and_skipped(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	const char *actors =
		"[ORPHAN]\r\n"
		"ALGERIA_ [DZA]\r\n"
		"BROKEN_ [DZA 991301-000101]\r\n"   /* month 13 */
		"NOCODE_\r\n"
		"MOROCCO_ [MAR]\r\n"
		"SPAIN_ [ESP\r\n";
	dyad_lexicon *lex = load2("bad.actors", actors, NULL, NULL, &s, false, NULL);
	assert_non_null(lex);
	assert_true(sink_has(&s, "bad.actors:1:", "code line without an entry"));
	assert_true(sink_has(&s, "bad.actors:3:", "bad date restriction"));
	assert_true(sink_has(&s, "bad.actors:4:", "entry has no code"));
	assert_true(sink_has(&s, "bad.actors:6:", "missing ]"));
	dyad_lexicon_free(lex);

	/* strict: the first problem fails the load */
	sink t = { .n = 0 };
	int rc = 0;
	lex = load2("bad.actors", actors, NULL, NULL, &t, true, &rc);
	assert_null(lex);
	assert_int_equal(rc, DYAD_EPARSE);
}

static void test_verbs_problems(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	const char *verbs =
		"- * ORPHAN [010]\n"            /* pattern before any verb */
		"SIGN_ [057]\n"
		"- * ACCORD [057\n"             /* missing ] */
		"- ACCORD [057]\n"              /* no '*' */
		"- * &NOSUCHSET [057]\n"
		"<SYNSETS>\n"
		"&PACT\n"
		"+AGREEMENT\n"
		"+TREATY\n"
		"</SYNSETS>\n"
		"WARN_ []\n";
	dyad_lexicon *lex = load2("bad.verbs", verbs, NULL, NULL, &s, false, NULL);
	assert_non_null(lex);
	assert_true(sink_has(&s, "bad.verbs:1:", "pattern without a verb"));
	assert_true(sink_has(&s, "bad.verbs:3:", "missing ]"));
	assert_true(sink_has(&s, "bad.verbs:4:", "pattern needs exactly one *"));
	assert_true(sink_has(&s, "bad.verbs:5:", "unknown synset &NOSUCHSET"));
	assert_true(sink_has(&s, "bad.verbs:11:", "no code"));
	dyad_lexicon_free(lex);
}

static void test_options(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	const char *opts =
		"COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\n"
		"// a comment\n"
		"SET: CODE BY SENTENCE\n"
		"FROBNICATE: ALL\n"
		"LABEL: 010=YIELD\n";
	dyad_lexicon *lex = load2("t.options", opts, NULL, NULL, &s, false, NULL);
	assert_non_null(lex);
	assert_int_equal(s.n, 1);
	assert_true(sink_has(&s, "t.options:4:", "unknown option FROBNICATE"));
	assert_int_equal(dyad_lexicon_set_option(lex, "SET: WHATEVER = 1", "rec", NULL), 0);
	dyad_lexicon_free(lex);
}

static void test_people_rows(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	const char *people =
		"name\tvariants\tcode\tstart\tend\toffice\tsource\n"
		"Sergei Shoigu\tSergey Shoigu|Shoigu\tRUSMIL\t2012-11-06\t2024-05-12\tMinister of Defence\tdecree\n"
		"Sergei Shoigu\tSergey Shoigu|Shoigu\tRUSGOV\t2024-05-12\t\tSecurity Council\tdecree\n"
		"Broken Row\tonly two\n";
	dyad_lexicon *lex = load2("t.people", people, NULL, NULL, &s, false, NULL);
	assert_non_null(lex);
	assert_true(sink_has(&s, "t.people:4:", "people row needs"));
	assert_int_equal(dyad_lexicon_count(lex, 0), 3);   /* three names */
	dyad_lexicon_free(lex);
}

static void test_latin1_and_long_lines(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	char big[2048];
	memset(big, 'A', 600);
	memcpy(big + 600, "_ [LNG]\n", 9);
	dyad_lexicon *lex = load2("l1.actors", "ALG\xc9" "RIE_ [DZA]\nSA\xc3\x8f" "D_ [DZA]\n", "x.actors", big, &s, false, NULL);
	assert_non_null(lex);
	assert_int_equal(s.n, 0);
	assert_int_equal(dyad_lexicon_count(lex, 0), 3);
	dyad_lexicon_free(lex);
}

static void test_load_dir_missing(void **state)
{
	(void)state;
	dyad_lexicon *lex = NULL;
	assert_int_equal(dyad_lexicon_load_dir(&lex, "/nonexistent/dyad", NULL), DYAD_ENOTFOUND);
	assert_null(lex);
	dyad_lexicon_free(NULL);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The real CAMEO set: loads with its quirks reported, not fatal. (Load
 * time is measured by bench/coder-throughput, not asserted here.) */
static void test_cameo_project(void **state)
{
	(void)state;
	const char *proj = DYAD_SHARED_DIR "/peers/cameo-dictionaries/CAMEO.project";
	FILE *f = fopen(proj, "r");
	if (!f) {
		print_message("skipped: %s not found\n", proj);
		skip();
	}
	fclose(f);
	dyad_diag *d = NULL;
	assert_int_equal(dyad_diag_new(&d, NULL, NULL, false), 0);
	double t0 = now();
	dyad_lexicon *lex = NULL;
	assert_int_equal(dyad_lexicon_load_project(&lex, proj, d), 0);
	print_message("CAMEO.project: %zu phrases, %zu verbs, %zu patterns, %zu warnings, %.3f s\n",
	              dyad_lexicon_count(lex, 0), dyad_lexicon_count(lex, 1),
	              dyad_lexicon_count(lex, 2), dyad_diag_count(d, DYAD_DIAG_WARNING), now() - t0);
	assert_true(dyad_lexicon_count(lex, 0) > 30000);
	assert_true(dyad_lexicon_count(lex, 2) > 15000);
	dyad_lexicon_free(lex);
	dyad_diag_free(d);
}

/* dyad_lexicon_check: each kind of problem at its file:line; a clean
 * set (accented and initialled names, read like the tokenizer) has none. */
static void test_check(void **state)
{
	(void)state;
	sink s = { .n = 0 };
	dyad_lexicon *lex = load2("a.actors",
	                          "ALGERIA_ [DZA]\nALGERIA_ [MAR]\nRUSSIA_ [rus]\n"
	                          "C\xc3\x94TE_D'IVOIRE_ [CIV]\nGEORGE_W._BUSH_ [USAGOV]\n",
	                          "b.verbs",
	                          "VISIT_ [042]\n- $ * + [042]\n- $ * + [043]\n- $ * TO_ + [999]\n",
	                          &s, false, NULL);
	assert_non_null(lex);
	dyad_diag *d = NULL;
	assert_int_equal(dyad_diag_new(&d, collect, &s, false), 0);
	dyad_dict_check_stats st;
	assert_int_equal(dyad_lexicon_check(lex, d, &st), 0);
	assert_true(sink_has(&s, "a.actors:2", "conflicting codes"));
	assert_true(sink_has(&s, "a.actors:3", "malformed actor code"));
	assert_true(sink_has(&s, "b.verbs:3", "shadowed pattern"));
	assert_true(sink_has(&s, "b.verbs:4", "unknown CAMEO code 999"));
	assert_false(sink_has(&s, "a.actors:4", ""));   /* upper-case accent: lower-cased */
	assert_false(sink_has(&s, "a.actors:5", ""));   /* "W." is the token "w" */
	assert_int_equal(st.errors, 4);
	const char *file = NULL;
	unsigned line = 0;
	assert_int_equal(dyad_lexicon_pattern_source(lex, "nothing", &file, &line), DYAD_ENOTFOUND);
	dyad_diag_free(d);
	dyad_lexicon_free(lex);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_and_fingerprint),
		cmocka_unit_test(test_bad_lines_reported_and_skipped),
		cmocka_unit_test(test_verbs_problems),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_people_rows),
		cmocka_unit_test(test_latin1_and_long_lines),
		cmocka_unit_test(test_load_dir_missing),
		cmocka_unit_test(test_cameo_project),
		cmocka_unit_test(test_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
