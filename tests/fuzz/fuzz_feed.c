/*
 * fuzz_feed.c - libFuzzer harness for the other ingest readers over
 * bytes: RSS/Atom feeds, PETRARCH XML, format sniffing, datelines and
 * language detection.
 */
#include "dyad/ingest.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_record(void *ctx, dyad_record *rec)
{
	size_t *n = ctx;
	(*n)++;
	if (rec->text && strlen(rec->text) > rec->text_len)
		__builtin_trap();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n = 0;
	(void)dyad_ingest_sniff("fuzz", s, size);
	(void)dyad_feed_read("fuzz.rss", s, size, on_record, &n);
	(void)dyad_petrarch_read("fuzz.xml", s, size, on_record, &n);
	dyad_date d;
	char agency[48];
	(void)dyad_dateline_find(s, size, &d, agency, sizeof(agency));
	if (d.year && (d.month > 12 || d.day > 31))
		__builtin_trap();
	(void)dyad_language_detect(s, size);
	return 0;
}
