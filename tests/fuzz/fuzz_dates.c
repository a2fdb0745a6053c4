/*
 * fuzz_dates.c - the date parser, and the whole when stage (places,
 * quantities, modality) on arbitrary bytes. The first 4 bytes choose the
 * publication date; the rest is the text. Checks that every expression
 * lies in the text, that resolved dates are real calendar dates, that a
 * range does not end before it starts, and that a place without city
 * resolution carries no coordinates.
 */
#include "dyad/when.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static dyad_when_ctx *ctx;   /* loaded once: the gazetteer does not change */
static int ctx_tried;

static void check_date(dyad_date d, bool may_be_empty)
{
	if (!d.year && may_be_empty)
		return;
	if (d.month > 12 || (d.day && (!d.month || d.day > dyad_date_month_days(d.year, d.month))))
		abort();
}

static void check_exprs(const dyad_token *t, size_t n, dyad_date pub, size_t len)
{
	dyad_date_expr ex[16];
	int found = dyad_dates_find(t, n, pub, ex, 16);
	for (int k = 0; k < found && k < 16; k++) {
		if (ex[k].span.start >= ex[k].span.end || ex[k].span.end > len)
			abort();
		check_date(ex[k].date, false);
		if (ex[k].precision == DYAD_PREC_RANGE) {
			check_date(ex[k].date_end, false);
			if (dyad_date_cmp(ex[k].date_end, ex[k].date) < 0)
				abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 4)
		return 0;
	if (!ctx_tried) {
		ctx_tried = 1;
		if (dyad_when_new(&ctx, NULL, NULL))
			ctx = NULL;
	}
	dyad_date pub = { (int16_t)(1900 + data[0] % 200), (uint8_t)(1 + data[1] % 12), 0 };
	pub.day = (uint8_t)(1 + data[2] % dyad_date_month_days(pub.year, pub.month));
	dyad_doc *doc = NULL;
	dyad_tokens *toks = NULL;
	if (dyad_doc_from_bytes(&doc, "fuzz", data + 4, size - 4, NULL) || dyad_tokens_new(&toks))
		goto done;
	size_t len, ns;
	const char *text = dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &ns);
	/* one document: events of later sentences may take dates and places
	 * carried from earlier ones (when_carry.c) */
	if (ctx && dyad_when_set_document(ctx, pub, pub, NULL, 0))
		abort();
	for (size_t i = 0; s && i < ns; i++) {
		if (dyad_tokenize(toks, text + s[i].span.start, s[i].span.end - s[i].span.start,
		                  s[i].span.start))
			break;
		const dyad_token *t = dyad_tokens_array(toks);
		size_t n = dyad_tokens_count(toks);
		check_exprs(t, n, pub, len);
		if (!ctx || !n)
			continue;
		dyad_event ev[2];
		dyad_event_init(&ev[0]);
		dyad_event_init(&ev[1]);
		ev[0].verb_span = t[data[3] % n].span;
		ev[1].verb_span = t[n - 1].span;
		ev[0].sentence = ev[1].sentence = (uint32_t)i;
		if (dyad_when_annotate(ctx, text, t, n, ev, 2))
			abort();
		for (int k = 0; k < 2; k++) {
			if (ev[k].place_resolution < DYAD_RES_CITY && !(isnan(ev[k].lat) && isnan(ev[k].lon)))
				abort();
			if (ev[k].n_quantities > DYAD_QTY_MAX || ev[k].date_span.end > len ||
			    ev[k].place_span.end > len)
				abort();
			/* a carried value comes from this sentence or an earlier one */
			if (ev[k].date_source == DYAD_SRC_CARRIED && ev[k].date_span.start >= s[i].span.end)
				abort();
			if (ev[k].place_source == DYAD_SRC_CARRIED && ev[k].place_span.start >= s[i].span.end)
				abort();
			if ((ev[k].date_source == DYAD_SRC_PUBLICATION) != (ev[k].date_precision == DYAD_PREC_REPORTED))
				abort();
			check_date(ev[k].date, true);
		}
	}
done:
	dyad_tokens_free(toks);
	dyad_doc_free(doc);
	return 0;
}
