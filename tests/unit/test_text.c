/*
 * test_text.c - unit tests of the text stage (reader, segmenter,
 * tokenizer). Golden sentence-boundary cases live in tests/golden/.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/text.h"

static dyad_doc *doc_of(const char *s, size_t n)
{
	dyad_doc *doc = NULL;
	assert_int_equal(dyad_doc_from_bytes(&doc, "t", s, n, NULL), 0);
	return doc;
}

static void test_invalid_utf8_repaired(void **state)
{
	(void)state;
	const char in[] = "caf\xc3\xa9 and \xff\xfe bad";   /* one valid, two invalid */
	dyad_doc *doc = doc_of(in, sizeof(in) - 1);
	assert_int_equal(dyad_doc_stats(doc)->repaired, 2);
	assert_false(dyad_doc_stats(doc)->latin1);
	assert_non_null(strstr(dyad_doc_text(doc, NULL), "\xef\xbf\xbd"));
	dyad_doc_free(doc);
}

static void test_latin1_file(void **state)
{
	(void)state;
	const char in[] = "Alg\xe9rie et Maroc";           /* no valid UTF-8 at all */
	dyad_doc *doc = doc_of(in, sizeof(in) - 1);
	assert_true(dyad_doc_stats(doc)->latin1);
	assert_string_equal(dyad_doc_text(doc, NULL), "Alg\xc3\xa9rie et Maroc");
	dyad_doc_free(doc);
}

static void test_bom_and_nul(void **state)
{
	(void)state;
	const char in[] = "\xef\xbb\xbfHi\0 there";
	dyad_doc *doc = doc_of(in, sizeof(in) - 1);
	assert_true(dyad_doc_stats(doc)->bom);
	assert_int_equal(dyad_doc_stats(doc)->nul_bytes, 1);
	assert_string_equal(dyad_doc_text(doc, NULL), "Hi there");
	dyad_doc_free(doc);
}

static void test_tokens_offsets(void **state)
{
	(void)state;
	const char *s = "Algeria\xe2\x80\x99s army, U.S. $3.5 billion.";
	dyad_tokens *t = NULL;
	assert_int_equal(dyad_tokens_new(&t), 0);
	assert_int_equal(dyad_tokenize(t, s, strlen(s), 100), 0);
	const dyad_token *k = dyad_tokens_array(t);
	const char *want[] = { "algeria", "'s", "army", ",", "u.s.", "$", "3.5", "billion", "." };
	assert_int_equal(dyad_tokens_count(t), 9);
	for (size_t i = 0; i < 9; i++)
		assert_string_equal(k[i].norm, want[i]);
	assert_int_equal(k[0].span.start, 100);
	assert_int_equal(k[0].span.end, 107);
	assert_int_equal(k[1].kind, DYAD_TOK_POSS);
	assert_true(k[4].flags & DYAD_TOKF_ACRONYM);
	dyad_tokens_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_utf8_repaired),
		cmocka_unit_test(test_latin1_file),
		cmocka_unit_test(test_bom_and_nul),
		cmocka_unit_test(test_tokens_offsets),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
