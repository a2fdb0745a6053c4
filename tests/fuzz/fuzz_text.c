/*
 * fuzz_text.c - reader + segmenter + tokenizer on arbitrary bytes.
 * Checks the invariants later stages rely on:
 *  - the decoded text is valid UTF-8 with no NUL before its end;
 *  - sentences are non-empty, ordered, non-overlapping, inside the text,
 *    start and end on code point boundaries, are at most
 *    DYAD_SENTENCE_MAX_BYTES long, and their paragraphs never decrease;
 *  - tokens are non-empty, ordered, inside their sentence, and their
 *    normalized forms are NUL-terminated strings of norm_len bytes.
 */
#include "dyad/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool boundary(const char *text, size_t len, size_t i)
{
	return i >= len || ((unsigned char)text[i] & 0xC0) != 0x80;
}

static void check_text(const char *text, size_t len)
{
	if (strlen(text) != len)
		abort();
	size_t i = 0;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
		                                      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			abort();
		i += (size_t)n;
	}
}

static void check_tokens(const dyad_tokens *toks, uint32_t start, uint32_t end)
{
	const dyad_token *t = dyad_tokens_array(toks);
	uint32_t prev = start;
	for (size_t k = 0; k < dyad_tokens_count(toks); k++) {
		if (t[k].span.start >= t[k].span.end || t[k].span.end > end ||
		    t[k].span.start < prev)
			abort();
		if (strlen(t[k].norm) != t[k].norm_len)
			abort();
		prev = t[k].span.end;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_doc *doc = NULL;
	dyad_tokens *toks = NULL;
	if (dyad_doc_from_bytes(&doc, "fuzz", data, size, NULL) || dyad_tokens_new(&toks))
		goto done;
	size_t len, n;
	const char *text = dyad_doc_text(doc, &len);
	check_text(text, len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	if (!s)
		abort();
	uint32_t prev_end = 0, prev_para = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t a = s[i].span.start, b = s[i].span.end;
		if (a >= b || b > len || a < prev_end || s[i].paragraph < prev_para ||
		    b - a > DYAD_SENTENCE_MAX_BYTES || !boundary(text, len, a) || !boundary(text, len, b))
			abort();
		prev_end = b;
		prev_para = s[i].paragraph;
		if (dyad_tokenize(toks, text + a, b - a, a))
			break;
		check_tokens(toks, a, b);
	}
	/* the tokenizer must also cope with text not cut at sentence boundaries */
	if (len < (1u << 20) && dyad_tokenize(toks, text, len, 0) == 0)
		check_tokens(toks, 0, (uint32_t)len);
done:
	dyad_tokens_free(toks);
	dyad_doc_free(doc);
	return 0;
}
