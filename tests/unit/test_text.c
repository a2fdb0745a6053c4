/*
 * test_text.c - unit tests of the text stage (reader, segmenter,
 * tokenizer). Golden sentence-boundary cases live in tests/golden/.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
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


/* ---- reading edge cases ------------------------------------------- */

typedef struct diag_log {
	char last[512];
	int n;
} diag_log;

static void log_diag(void *ctx, dyad_severity sev, const char *line)
{
	diag_log *l = ctx;
	(void)sev;
	snprintf(l->last, sizeof(l->last), "%s", line);
	l->n++;
}

static dyad_doc *doc_diag(const char *s, size_t n, diag_log *log)
{
	dyad_diag *d = NULL;
	dyad_doc *doc = NULL;
	memset(log, 0, sizeof(*log));
	assert_int_equal(dyad_diag_new(&d, log_diag, log, false), 0);
	assert_int_equal(dyad_doc_from_bytes(&doc, "f.txt", s, n, d), 0);
	dyad_diag_free(d);
	return doc;
}

static void test_empty_input(void **state)
{
	(void)state;
	diag_log log;
	dyad_doc *doc = doc_diag("", 0, &log);
	size_t n = 99, len = 99;
	assert_string_equal(dyad_doc_text(doc, &len), "");
	assert_int_equal(len, 0);
	assert_non_null(dyad_doc_sentences(doc, &n));
	assert_int_equal(n, 0);
	assert_int_equal(log.n, 1);
	assert_non_null(strstr(log.last, "f.txt: note: empty document"));
	dyad_doc_free(doc);
	/* only white space: no sentence either */
	doc = doc_of(" \n\r\n\t ", 6);
	assert_non_null(dyad_doc_sentences(doc, &n));
	assert_int_equal(n, 0);
	dyad_doc_free(doc);
}

static void test_binary_input(void **state)
{
	(void)state;
	unsigned char bin[512];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (unsigned char)((i * 37u) & 0xFF);     /* many control bytes */
	diag_log log;
	dyad_doc *doc = doc_diag((const char *)bin, sizeof(bin), &log);
	assert_true(dyad_doc_stats(doc)->binary);
	assert_int_equal(log.n, 1);
	assert_non_null(strstr(log.last, "f.txt: warning: looks like a binary file"));
	size_t n, len;
	const char *text = dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);  /* still safe to segment */
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		assert_true(s[i].span.start < s[i].span.end && s[i].span.end <= len);
	assert_int_equal(strlen(text), len);                    /* NULs removed */
	dyad_doc_free(doc);
	/* a UTF-16 byte-order mark is reported the same way */
	doc = doc_diag("\xff\xfe" "A\0B\0", 6, &log);
	assert_true(dyad_doc_stats(doc)->binary);
	dyad_doc_free(doc);
}

static void test_invalid_utf8_reported(void **state)
{
	(void)state;
	/* overlong, surrogate, truncated and stray continuation bytes */
	const char in[] = "ok \xc0\xaf x \xed\xa0\x80 y \xe2\x82 z \x80 \xd9\x85\xd8\xb5\xd8\xb1.";
	diag_log log;
	dyad_doc *doc = doc_diag(in, sizeof(in) - 1, &log);
	const dyad_read_stats *st = dyad_doc_stats(doc);
	assert_false(st->latin1);
	assert_true(st->repaired >= 4);
	assert_non_null(strstr(log.last, "invalid UTF-8 sequence(s) replaced by U+FFFD"));
	assert_non_null(strstr(dyad_doc_text(doc, NULL), "\xd9\x85\xd8\xb5\xd8\xb1."));  /* Arabic kept */
	dyad_doc_free(doc);
}

static void test_long_line(void **state)
{
	(void)state;
	size_t n = 10u << 20;
	char *big = malloc(n);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = (i % 7 == 6) ? ' ' : "abcdef"[i % 7];     /* words, no stop */
	diag_log log;
	dyad_doc *doc = doc_diag(big, n, &log);
	assert_int_equal(dyad_doc_stats(doc)->longest_line, n);
	assert_non_null(strstr(log.last, "a line of 10485760 bytes"));
	size_t ns, len;
	dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &ns);
	assert_non_null(s);
	assert_true(ns >= n / DYAD_SENTENCE_MAX_BYTES);
	size_t covered = 0;
	for (size_t i = 0; i < ns; i++) {
		assert_true(s[i].span.end - s[i].span.start <= DYAD_SENTENCE_MAX_BYTES);
		assert_true(s[i].flags & DYAD_SENT_TRUNCATED);
		if (i)
			assert_true(s[i].span.start >= s[i - 1].span.end);
		covered += s[i].span.end - s[i].span.start;
	}
	assert_true(covered + ns >= n - 1);                     /* only spaces lost */
	dyad_doc_free(doc);
	/* no space at all: cut at UTF-8 boundaries */
	for (size_t i = 0; i + 1 < n; i += 2) {
		big[i] = '\xd0';
		big[i + 1] = '\xb4';                                /* Cyrillic de */
	}
	doc = doc_of(big, n);
	s = dyad_doc_sentences(doc, &ns);
	const char *text = dyad_doc_text(doc, &len);
	for (size_t i = 0; i < ns; i++) {
		assert_true(s[i].span.end - s[i].span.start <= DYAD_SENTENCE_MAX_BYTES);
		assert_true(((unsigned char)text[s[i].span.start] & 0xC0) != 0x80);
	}
	dyad_doc_free(doc);
	free(big);
}

static void test_line_endings(void **state)
{
	(void)state;
	const char *cases[] = { "One.\nTwo\n\nThree.\n", "One.\r\nTwo\r\n\r\nThree.\r\n",
	                        "One.\rTwo\r\rThree.\r" };
	for (int c = 0; c < 3; c++) {
		dyad_doc *doc = doc_of(cases[c], strlen(cases[c]));
		assert_int_equal(dyad_doc_stats(doc)->lines, 4);
		size_t n;
		const dyad_sentence *s = dyad_doc_sentences(doc, &n);
		assert_int_equal(n, 3);
		assert_int_equal(s[0].paragraph, 0);
		assert_int_equal(s[1].paragraph, 0);
		assert_int_equal(s[2].paragraph, 1);
		const char *t = dyad_doc_text(doc, NULL);
		assert_memory_equal(t + s[2].span.start, "Three.", 6);
		assert_int_equal(s[2].span.end - s[2].span.start, 6);
		dyad_doc_free(doc);
	}
}

static void test_latin1_detection(void **state)
{
	(void)state;
	/* Windows-1252 quotes and dash, accented letters */
	const char in[] = "\x93" "D\xe9j\xe0 vu\x94 \x96 l'arm\xe9" "e alg\xe9rienne.";
	diag_log log;
	dyad_doc *doc = doc_diag(in, sizeof(in) - 1, &log);
	assert_true(dyad_doc_stats(doc)->latin1);
	assert_int_equal(dyad_doc_stats(doc)->repaired, 0);
	assert_string_equal(dyad_doc_text(doc, NULL),
	                    "\xe2\x80\x9c" "D\xc3\xa9j\xc3\xa0 vu\xe2\x80\x9d \xe2\x80\x93 l'arm\xc3\xa9" "e alg\xc3\xa9rienne.");
	assert_non_null(strstr(log.last, "read as Latin-1"));
	dyad_doc_free(doc);
	/* a UTF-8 file with one bad byte is not Latin-1 */
	const char in2[] = "Alg\xc3\xa9rie, R\xc3\xa9publique, \xe9t\xc3\xa9 arm\xc3\xa9" "e.";
	doc = doc_of(in2, sizeof(in2) - 1);
	assert_false(dyad_doc_stats(doc)->latin1);
	assert_int_equal(dyad_doc_stats(doc)->repaired, 1);
	dyad_doc_free(doc);
}

static void test_nul_bytes_offsets(void **state)
{
	(void)state;
	const char in[] = "\0\0Army\0 moved. Navy\0 stayed.\0";
	dyad_doc *doc = doc_of(in, sizeof(in) - 1);
	assert_int_equal(dyad_doc_stats(doc)->nul_bytes, 5);
	size_t n;
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	const char *t = dyad_doc_text(doc, NULL);
	assert_int_equal(n, 2);
	assert_memory_equal(t + s[0].span.start, "Army moved.", 11);
	assert_memory_equal(t + s[1].span.start, "Navy stayed.", 12);
	dyad_doc_free(doc);
}

static void test_file_errors(void **state)
{
	(void)state;
	dyad_doc *doc = (dyad_doc *)1;
	assert_int_equal(dyad_doc_from_file(&doc, "/nonexistent/dir/x.txt", NULL), DYAD_EIO);
	assert_null(doc);
	assert_non_null(strstr(dyad_error_last(), "/nonexistent/dir/x.txt: No such file"));
	assert_int_equal(dyad_doc_from_file(&doc, "/", NULL), DYAD_EIO);
	assert_non_null(strstr(dyad_error_last(), "Is a directory"));
	assert_int_equal(dyad_doc_from_file(&doc, DYAD_SOURCE_DIR "/tests/golden/sentences/README.md", NULL), 0);
	assert_true(dyad_doc_stats(doc)->bytes_in > 100);
	dyad_doc_free(doc);
}

/* ---- tokenizer ------------------------------------------------------ */

typedef struct want_tok {
	const char *norm;
	int kind;
	unsigned flags;     /* flags that must be set (SPACE ignored) */
} want_tok;

static void check_tokens(const char *s, const want_tok *w, size_t n)
{
	dyad_tokens *t = NULL;
	assert_int_equal(dyad_tokens_new(&t), 0);
	assert_int_equal(dyad_tokenize(t, s, strlen(s), 0), 0);
	const dyad_token *k = dyad_tokens_array(t);
	if (dyad_tokens_count(t) != n)
		for (size_t i = 0; i < dyad_tokens_count(t); i++)
			fprintf(stderr, "  token %zu: %s\n", i, k[i].norm);
	assert_int_equal(dyad_tokens_count(t), n);
	uint32_t prev_end = 0;
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(k[i].norm, w[i].norm);
		assert_int_equal(k[i].norm_len, strlen(w[i].norm));
		assert_int_equal(k[i].kind, w[i].kind);
		assert_int_equal(k[i].flags & w[i].flags, w[i].flags);
		assert_true(k[i].span.start >= prev_end && k[i].span.end > k[i].span.start);
		prev_end = k[i].span.end;
	}
	dyad_tokens_free(t);
}

#define CHECK(s, ...) do { \
	const want_tok w_[] = { __VA_ARGS__ }; \
	check_tokens(s, w_, sizeof(w_) / sizeof(w_[0])); \
} while (0)

enum { W = DYAD_TOK_WORD, N = DYAD_TOK_NUMBER, P = DYAD_TOK_PUNCT, S = DYAD_TOK_SYMBOL,
       POSS = DYAD_TOK_POSS };

static void test_tok_words_and_case(void **state)
{
	(void)state;
	CHECK("The ANP and NATO met",
	      { "the", W, DYAD_TOKF_CAP }, { "anp", W, DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS },
	      { "and", W, 0 }, { "nato", W, DYAD_TOKF_ALLCAPS }, { "met", W, 0 });
}

static void test_tok_numbers(void **state)
{
	(void)state;
	CHECK("3.5 1,200 02.08.2023 15:19 16/11/2022 2022.",
	      { "3.5", N, 0 }, { "1,200", N, 0 }, { "02.08.2023", N, 0 }, { "15:19", N, 0 },
	      { "16/11/2022", N, 0 }, { "2022", N, 0 }, { ".", P, 0 });
}

static void test_tok_money(void **state)
{
	(void)state;
	CHECK("($ 180 million) $3.5 \xe2\x82\xac" "750 23.7%",
	      { "(", P, 0 }, { "$", S, 0 }, { "180", N, 0 }, { "million", W, 0 }, { ")", P, 0 },
	      { "$", S, 0 }, { "3.5", N, 0 }, { "\xe2\x82\xac", S, 0 }, { "750", N, 0 },
	      { "23.7", N, 0 }, { "%", S, 0 });
}

static void test_tok_possessives(void **state)
{
	(void)state;
	CHECK("Algeria's army, Russia\xe2\x80\x99s envoy, the generals' plan, O'Brien",
	      { "algeria", W, DYAD_TOKF_CAP }, { "'s", POSS, 0 }, { "army", W, 0 }, { ",", P, 0 },
	      { "russia", W, 0 }, { "'s", POSS, 0 }, { "envoy", W, 0 }, { ",", P, 0 },
	      { "the", W, 0 }, { "generals", W, 0 }, { "'", POSS, 0 }, { "plan", W, 0 },
	      { ",", P, 0 }, { "o'brien", W, DYAD_TOKF_CAP });
	/* a quote after a word not ending in s is punctuation */
	CHECK("'said war'", { "'", P, 0 }, { "said", W, 0 }, { "war", W, 0 }, { "'", P, 0 });
}

static void test_tok_hyphens(void **state)
{
	(void)state;
	CHECK("Algerian-Russian 22160-class Su-57 al-Sharq S-400 well - known",
	      { "algerian-russian", W, DYAD_TOKF_HYPHEN | DYAD_TOKF_CAP },
	      { "22160-class", W, DYAD_TOKF_HYPHEN }, { "su-57", W, DYAD_TOKF_HYPHEN },
	      { "al-sharq", W, DYAD_TOKF_HYPHEN }, { "s-400", W, DYAD_TOKF_HYPHEN },
	      { "well", W, 0 }, { "-", P, 0 }, { "known", W, 0 });
	/* typographic dashes are mapped; a non-breaking hyphen joins */
	CHECK("war \xe2\x80\x94 peace Russian\xe2\x80\x91" "Algerian",
	      { "war", W, 0 }, { "-", P, 0 }, { "peace", W, 0 },
	      { "russian-algerian", W, DYAD_TOKF_HYPHEN });
}

static void test_tok_acronyms_abbrevs(void **state)
{
	(void)state;
	CHECK("U.S. U.N. a.m. Gen. Lt. Col. Jan. 5 No. 7 no. vs. end.Then",
	      { "u.s.", W, DYAD_TOKF_ACRONYM | DYAD_TOKF_ALLCAPS }, { "u.n.", W, DYAD_TOKF_ACRONYM },
	      { "a.m.", W, DYAD_TOKF_ACRONYM }, { "gen.", W, DYAD_TOKF_ABBREV },
	      { "lt.", W, DYAD_TOKF_ABBREV }, { "col.", W, DYAD_TOKF_ABBREV },
	      { "jan.", W, DYAD_TOKF_ABBREV }, { "5", N, 0 }, { "no.", W, DYAD_TOKF_ABBREV },
	      { "7", N, 0 }, { "no", W, 0 }, { ".", P, 0 }, { "vs.", W, DYAD_TOKF_ABBREV },
	      { "end", W, 0 }, { ".", P, 0 }, { "then", W, DYAD_TOKF_CAP });
}

static void test_tok_punct(void **state)
{
	(void)state;
	CHECK("Wait... \xe2\x80\x9cNo\xe2\x80\xa6\xe2\x80\x9d (sic)!?",
	      { "wait", W, 0 }, { "...", P, 0 }, { "\"", P, 0 }, { "no", W, 0 }, { "...", P, 0 },
	      { "\"", P, 0 }, { "(", P, 0 }, { "sic", W, 0 }, { ")", P, 0 }, { "!", P, 0 },
	      { "?", P, 0 });
}

static void test_tok_scripts(void **state)
{
	(void)state;
	/* Arabic headline words, Arabic comma, Cyrillic, NFC of a decomposed e-acute */
	CHECK("\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9 \xd8\xaa\xd9\x86\xd8\xaf\xd9\x88\xd9\x81\xd8\x8c "
	      "\xd0\xa8\xd0\xbe\xd0\xb9\xd0\xb3\xd1\x83 Re\xcc\x81sume\xcc\x81",
	      { "\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9", W, DYAD_TOKF_NONLATIN },
	      { "\xd8\xaa\xd9\x86\xd8\xaf\xd9\x88\xd9\x81", W, DYAD_TOKF_NONLATIN },
	      { "\xd8\x8c", P, 0 },
	      { "\xd1\x88\xd0\xbe\xd0\xb9\xd0\xb3\xd1\x83", W, DYAD_TOKF_NONLATIN | DYAD_TOKF_CAP },
	      { "r\xc3\xa9sum\xc3\xa9", W, DYAD_TOKF_CAP });
	/* Arabic letters with a diacritic stay one token; soft hyphen dropped */
	CHECK("\xd9\x85\xd9\x8e\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9 mili\xc2\xadtary",
	      { "\xd9\x85\xd9\x8e\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9", W, DYAD_TOKF_NONLATIN },
	      { "military", W, 0 });
}

static void test_tok_nonascii_digits(void **state)
{
	(void)state;
	/* Arabic-Indic year; an NKo digit after a letter (found by the fuzzer:
	 * a non-ASCII digit used to stall the tokenizer) */
	CHECK("\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3 \xdf\x89\xdf\x89 a\xdf\x89",
	      { "\xd9\xa2\xd9\xa0\xd9\xa2\xd9\xa3", N, 0 }, { "\xdf\x89\xdf\x89", N, 0 },
	      { "a\xdf\x89", W, 0 });
}

static void test_tok_offsets_base(void **state)
{
	(void)state;
	const char *s = "  Shoigu\xc2\xa0met\tthem.";
	dyad_tokens *t = NULL;
	assert_int_equal(dyad_tokens_new(&t), 0);
	assert_int_equal(dyad_tokenize(t, s, strlen(s), 1000), 0);
	const dyad_token *k = dyad_tokens_array(t);
	assert_int_equal(dyad_tokens_count(t), 4);
	assert_int_equal(k[0].span.start, 1002);
	assert_int_equal(k[0].span.end, 1008);
	assert_int_equal(k[1].span.start, 1010);     /* after the 2-byte NBSP */
	assert_true(k[1].flags & DYAD_TOKF_SPACE);
	assert_false(k[3].flags & DYAD_TOKF_SPACE);  /* the period */
	/* the buffer is reused: a second call replaces the tokens */
	assert_int_equal(dyad_tokenize(t, "x", 1, 0), 0);
	assert_int_equal(dyad_tokens_count(t), 1);
	dyad_tokens_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invalid_utf8_repaired),
		cmocka_unit_test(test_latin1_file),
		cmocka_unit_test(test_bom_and_nul),
		cmocka_unit_test(test_tokens_offsets),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_binary_input),
		cmocka_unit_test(test_invalid_utf8_reported),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_line_endings),
		cmocka_unit_test(test_latin1_detection),
		cmocka_unit_test(test_nul_bytes_offsets),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_tok_words_and_case),
		cmocka_unit_test(test_tok_numbers),
		cmocka_unit_test(test_tok_money),
		cmocka_unit_test(test_tok_possessives),
		cmocka_unit_test(test_tok_hyphens),
		cmocka_unit_test(test_tok_acronyms_abbrevs),
		cmocka_unit_test(test_tok_punct),
		cmocka_unit_test(test_tok_scripts),
		cmocka_unit_test(test_tok_nonascii_digits),
		cmocka_unit_test(test_tok_offsets_base),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
