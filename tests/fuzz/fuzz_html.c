/*
 * fuzz_html.c - libFuzzer harness for the HTML article extractor: any
 * bytes must give an article or a clean error, never a crash or leak.
 */
#include "dyad/ingest.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dyad_record rec;
	if (dyad_html_extract(&rec, "fuzz.html", (const char *)data, size) == 0) {
		/* the result is text: NUL-terminated at its length */
		if (rec.text && strlen(rec.text) > rec.text_len)
			__builtin_trap();
		dyad_record_clear(&rec);
	}
	return 0;
}
