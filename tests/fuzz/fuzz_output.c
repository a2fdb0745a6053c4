/*
 * fuzz_output.c - the event writers on arbitrary text, codes and spans.
 * The first 40 bytes pick spans, codes, enum values and coordinates; the
 * rest is the document text. Every JSON line must parse back (jansson
 * rejects invalid UTF-8 and bad escapes) and no TSV line may contain a
 * line break or more tab-separated fields than the header.
 */
#include "dyad/output.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t u16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static void fill(dyad_event *ev, const uint8_t *h, const char *text, size_t len)
{
	dyad_event_init(ev);
	ev->source_span = (dyad_span){ u16(h), u16(h + 2) };
	ev->target_span = (dyad_span){ u16(h + 4), u16(h + 6) };
	ev->verb_span = (dyad_span){ u16(h + 8), u16(h + 10) };
	ev->date_span = (dyad_span){ u16(h + 12), u16(h + 14) };
	/* Codes copied from the text, possibly without NUL or with bad bytes. */
	size_t n = len < sizeof(ev->cameo) ? len : sizeof(ev->cameo);
	memcpy(ev->cameo, text, n);
	if (h[16] & 1)
		memcpy(ev->cameo, "0421", 5);
	n = len < sizeof(ev->source) ? len : sizeof(ev->source);
	memcpy(ev->source, text, n);
	n = len < sizeof(ev->place_name) ? len : sizeof(ev->place_name);
	memcpy(ev->place_name, text, n);
	ev->date = (dyad_date){ (int16_t)u16(h + 17), h[19], h[20] };
	ev->date_precision = h[21];
	ev->modality = h[22];
	ev->place_resolution = h[23];
	ev->lat = h[24] & 1 ? NAN : (double)(int16_t)u16(h + 25) / 100.0;
	ev->lon = h[24] & 2 ? INFINITY : -1.5;
	ev->n_quantities = h[27];
	for (int i = 0; i < DYAD_QTY_MAX; i++) {
		ev->quantities[i].kind = h[28 + i];
		ev->quantities[i].value = h[32] & 1 ? NAN : (double)u16(h + 33);
		ev->quantities[i].span = (dyad_span){ u16(h + 35), u16(h + 37) };
		memset(ev->quantities[i].unit, 'x', sizeof(ev->quantities[i].unit));
	}
	ev->flags = h[39];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 40)
		return 0;
	const char *text = (const char *)data + 40;
	size_t len = size - 40;
	dyad_event ev;
	fill(&ev, data, text, len);
	dyad_event_ctx c;
	memset(&c, 0, sizeof(c));
	c.doc_id = "fuzz";
	c.doc_text = text;
	c.doc_len = len;
	c.sentence_span = (dyad_span){ data[0], (uint32_t)len };
	for (int fmt = DYAD_OUTPUT_TSV; fmt <= DYAD_OUTPUT_PLOVER; fmt++) {
		dyad_writer *w = NULL;
		if (dyad_writer_new(&w, NULL, (dyad_output_format)fmt))
			abort();
		int rc = dyad_writer_event(w, &ev, &c);
		if (rc < 0)
			abort();
		size_t n;
		const char *line = dyad_writer_last(w, &n);
		if (memchr(line, '\n', n) || memchr(line, '\r', n))
			abort();
		if (fmt == DYAD_OUTPUT_TSV) {
			size_t tabs = 0, want = 0;
			for (size_t i = 0; i < n; i++)
				tabs += line[i] == '\t';
			for (const char *h = dyad_output_tsv_header(); *h; h++)
				want += *h == '\t';
			if (tabs != want)
				abort();
		} else if (rc == 0) {
			json_t *j = json_loadb(line, n, 0, NULL);
			if (!j)
				abort();
			json_decref(j);
		}
		dyad_writer_free(w);
	}
	return 0;
}
