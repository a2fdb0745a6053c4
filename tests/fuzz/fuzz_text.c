/*
 * fuzz_text.c - reader + segmenter + tokenizer on arbitrary bytes.
 * Checks that every span lies inside the text and is ordered.
 */
#include "dyad/text.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_doc *doc = NULL;
	dyad_tokens *toks = NULL;
	if (dyad_doc_from_bytes(&doc, "fuzz", data, size, NULL) || dyad_tokens_new(&toks))
		goto done;
	size_t len, n;
	const char *text = dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	for (size_t i = 0; s && i < n; i++) {
		if (s[i].span.start >= s[i].span.end || s[i].span.end > len)
			abort();
		if (dyad_tokenize(toks, text + s[i].span.start,
		                  s[i].span.end - s[i].span.start, s[i].span.start))
			break;
		const dyad_token *t = dyad_tokens_array(toks);
		for (size_t k = 0; k < dyad_tokens_count(toks); k++)
			if (t[k].span.start >= t[k].span.end || t[k].span.end > s[i].span.end ||
			    t[k].span.start < s[i].span.start)
				abort();
	}
done:
	dyad_tokens_free(toks);
	dyad_doc_free(doc);
	return 0;
}
