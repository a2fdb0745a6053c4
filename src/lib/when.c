/*
 * when.c - the single entry point running dates, places, quantities and
 * modality on one sentence's events (include/dyad/when.h). The sentence
 * is cut into atoms and clauses once and shared by the four stages. The
 * context keeps the document's recent events, so that "the exercise" or
 * "the next day" in a later sentence takes its date and place from them
 * (when_carry.c).
 */
#include "dyad/when.h"
#include "places_internal.h"
#include "when_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

struct dyad_when_ctx {
	dyad_gazetteer *gaz;
	dyad_date       pub, ingest;
	char            countries[DYAD_WHEN_MAX_COUNTRIES][4];
	size_t          n_countries;
	wc_state        carry;      /* the document's recent events (when_carry.c) */
};

int dyad_when_new(dyad_when_ctx **out, const char *gazetteer_dir, dyad_diag *diag)
{
	if (!out)
		return dyad_error_set(DYAD_EINVAL, "when: no output pointer");
	*out = NULL;
	dyad_when_ctx *ctx = dyad_calloc(1, sizeof(*ctx));
	if (!ctx)
		return dyad_error_set(DYAD_ENOMEM, "out of memory");
	int rc = dyad_gazetteer_load(&ctx->gaz, gazetteer_dir, diag);
	if (rc) {
		dyad_free(ctx);
		return rc;
	}
	*out = ctx;
	return 0;
}

void dyad_when_free(dyad_when_ctx *ctx)
{
	if (!ctx)
		return;
	dyad_gazetteer_free(ctx->gaz);
	dyad_free(ctx);
}

int dyad_when_set_document(dyad_when_ctx *ctx, dyad_date pub, dyad_date ingest,
                           const char (*countries)[4], size_t n_countries)
{
	if (!ctx || (!countries && n_countries))
		return dyad_error_set(DYAD_EINVAL, "when: bad arguments");
	ctx->pub = pub;
	ctx->ingest = ingest;
	wc_reset(&ctx->carry);
	ctx->n_countries = 0;
	for (size_t i = 0; i < n_countries && ctx->n_countries < DYAD_WHEN_MAX_COUNTRIES; i++) {
		if (strnlen(countries[i], 4) != 3)
			continue;
		memcpy(ctx->countries[ctx->n_countries], countries[i], 3);
		ctx->countries[ctx->n_countries++][3] = 0;
	}
	return 0;
}

const dyad_gazetteer *dyad_when_gazetteer(const dyad_when_ctx *ctx)
{
	return ctx ? ctx->gaz : NULL;
}

/* Add the country of an actor code ("DZAMIL" -> DZA) to the document's. */
static void note_actor(dyad_when_ctx *ctx, const char *code)
{
	if (strnlen(code, 4) < 3 || ctx->n_countries >= DYAD_WHEN_MAX_COUNTRIES)
		return;
	for (size_t i = 0; i < ctx->n_countries; i++)
		if (!memcmp(ctx->countries[i], code, 3))
			return;
	if (!wg_is_country(ctx->gaz, code))
		return;
	memcpy(ctx->countries[ctx->n_countries], code, 3);
	ctx->countries[ctx->n_countries++][3] = 0;
}

/* The publication date for this sentence: the document's, else what the
 * coder left on the first event (its pub_date, or its record date). */
static dyad_date pub_for(const dyad_when_ctx *ctx, const dyad_event *events, size_t n)
{
	if (ctx->pub.year || !n)
		return ctx->pub;
	if (events[0].pub_date.year)
		return events[0].pub_date;
	return events[0].date_precision == DYAD_PREC_REPORTED ? events[0].date : ctx->pub;
}

int dyad_when_annotate(dyad_when_ctx *ctx, const char *doc_text,
                       const dyad_token *toks, size_t n,
                       dyad_event *events, size_t n_events)
{
	if (!ctx || !doc_text || (!toks && n) || (!events && n_events))
		return dyad_error_set(DYAD_EINVAL, "when: bad arguments");
	if (!n_events)
		return 0;
	dyad_date pub = pub_for(ctx, events, n_events);
	for (size_t k = 0; k < n_events; k++) {
		note_actor(ctx, events[k].source);
		note_actor(ctx, events[k].target);
	}
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wh_dates_attach(&s, pub, events, n_events);
	wh_places_attach(&s, ctx->gaz, doc_text, (const char(*)[4])ctx->countries,
	                 ctx->n_countries, events, n_events);
	/* before modality: a carried date can make an event historical */
	wc_carry(&ctx->carry, &s, doc_text, events, n_events);
	rc = wh_quantities_attach(&s, events, n_events);
	wh_modality_attach(&s, pub, events, n_events);
	wc_remember(&ctx->carry, &s, events, n_events);
	for (size_t k = 0; k < n_events; k++)
		if (ctx->ingest.year)
			events[k].ingest_date = ctx->ingest;
	wh_sent_free(&s);
	return rc;
}
