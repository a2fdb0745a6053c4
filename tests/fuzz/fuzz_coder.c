/*
 * fuzz_coder.c - the coder on arbitrary sentences: the input is decoded,
 * split and tokenized by the text stage and coded with a small fixed
 * dictionary set exercising compounds, agents, patterns with $ + % ^,
 * pronouns and "the two countries". Every event must name a source and
 * lie inside the text.
 */
#include "dyad/dyad.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char actors[] =
	"ALGERIA_ [DZA]\n+ALGERIAN_\nRUSSIA_ [RUS]\nMOROCCO_ [MAR]\nSPAIN_ [ESP]\n"
	"NORTH_AND_SOUTH_ [NNN/SSS]\nOLD_GENERAL_ [DZAMIL 19900101-19991231] [DZA]\nFOOTBALL_ [###]\n"
	"AL GORE [USA]\n";
static const char agents[] = "ARMY_ [~MIL]\nDEFENCE_MINISTER_ [~MIL]\nACTIVISTS_ [NGO~]\n";
static const char verbs[] =
	"ATTACK_ [190]\n- + WAS_ * BY_ $ [190]\n- * AT ^ + [191]\nMEET_ [040]\n- % * [040]\n"
	"VISIT_ [042:043]\nSAID_ [010?]\nCONDEMN_ [111]\n- NOT_* [---]\nBRUSH ASIDE [111]\n";

static dyad_lexicon *lex;
static dyad_pipeline *pipe_;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!lex) {
		dyad_dict_buffer b[] = {
			{ "f.actors", actors, sizeof actors - 1 },
			{ "f.agents", agents, sizeof agents - 1 },
			{ "f.verbs", verbs, sizeof verbs - 1 },
		};
		if (dyad_lexicon_load_buffers(&lex, b, 3, NULL) || dyad_pipeline_new(&pipe_, lex, NULL))
			abort();
	}
	dyad_record rec = { 0 };
	rec.id = "fuzz";
	rec.text = (char *)data;
	rec.text_len = size;
	rec.date = (dyad_date){ 1995, 6, 1 };
	dyad_events evs = { 0 };
	int n = dyad_pipeline_code_record(pipe_, &rec, &evs);
	if (n < 0 || (size_t)n != evs.count)
		abort();
	size_t len;
	dyad_pipeline_text(pipe_, &len);
	for (size_t i = 0; i < evs.count; i++) {
		const dyad_event *e = &evs.items[i];
		if (!e->source[0] || !e->cameo[0] || e->verb_span.end > len ||
		    e->verb_span.start > e->verb_span.end || e->source_span.end > len)
			abort();
	}
	dyad_events_release(&evs);
	return 0;
}
