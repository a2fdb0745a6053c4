/*
 * fuzz_records.c - the record readers on arbitrary bytes, in each format
 * (auto-detected, TABARI, JSON Lines, plain text). Checks that every
 * record has an id, an origin and a NUL-free text of the stated length.
 */
#include "dyad/records.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void read_all(const uint8_t *data, size_t size, dyad_input_format fmt)
{
	dyad_reader *r = NULL;
	dyad_record rec = { 0 };
	if (dyad_reader_open_mem(&r, "fuzz", data, size, fmt, NULL))
		return;
	int rc;
	size_t n = 0;
	while ((rc = dyad_reader_next(r, &rec)) == 1) {
		if (!rec.id || !rec.origin || !rec.text || strlen(rec.text) != rec.text_len)
			abort();
		if (++n > size + 1)   /* each record consumes input */
			abort();
	}
	if (rc < 0 || dyad_reader_next(r, &rec) != 0)
		abort();
	dyad_record_clear(&rec);
	dyad_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_all(data, size, DYAD_INPUT_AUTO);
	read_all(data, size, DYAD_INPUT_TABARI);
	read_all(data, size, DYAD_INPUT_JSONL);
	read_all(data, size, DYAD_INPUT_TEXT);
	return 0;
}
