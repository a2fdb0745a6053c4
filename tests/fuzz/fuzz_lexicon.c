/*
 * fuzz_lexicon.c - the dictionary readers on arbitrary bytes. The first
 * byte picks the kind (.actors, .agents, .verbs, .options, .people); the
 * rest is the file. Loading must never crash, hang or leak, whatever it
 * reports; a lexicon that loads is linted (dyad_lexicon_check) and then
 * used to code a few sentences so
 * that what the readers build is exercised by the coder too.
 */
#include "dyad/dyad.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = { "f.actors", "f.agents", "f.verbs", "f.options", "f.people" };

static const char sentences[] =
	"Algeria and Russia held joint exercises, officials said on Monday. "
	"The army of Morocco was attacked by Spain's navy. They did not meet.";

static const char fixed_verbs[] =
	"HOLD_ [---]\n{HELD_}\n- % * JOINT_ EXERCISES [062]\nATTACK_ [190]\nMEET_ [040]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	dyad_dict_buffer b[2] = {
		{ names[data[0] % 5], data + 1, size - 1 },
		/* a fixed verbs file so that actor files have verbs to code with */
		{ "fixed.verbs", fixed_verbs, sizeof fixed_verbs - 1 },
	};
	dyad_diag *d = NULL;
	if (dyad_diag_new(&d, NULL, NULL, false))
		return 0;
	dyad_lexicon *lex = NULL;
	if (dyad_lexicon_load_buffers(&lex, b, 2, d) == 0) {
		if (strlen(dyad_lexicon_fingerprint(lex)) != 16)
			abort();
		/* dict check walks every phrase, code and pattern built */
		dyad_dict_check_stats st;
		if (dyad_lexicon_check(lex, d, &st) || st.phrases != dyad_lexicon_count(lex, 0))
			abort();
		dyad_pipeline *p = NULL;
		if (dyad_pipeline_new(&p, lex, d) == 0) {
			dyad_record rec = { 0 };
			rec.id = "fuzz";
			rec.text = (char *)sentences;
			rec.text_len = strlen(sentences);
			rec.date = (dyad_date){ 2023, 8, 2 };
			dyad_events evs = { 0 };
			int n = dyad_pipeline_code_record(p, &rec, &evs);
			if (n < 0 || (size_t)n != evs.count)
				abort();
			for (size_t i = 0; i < evs.count; i++)
				if (!evs.items[i].source[0] || evs.items[i].verb_span.end > rec.text_len)
					abort();
			dyad_events_release(&evs);
			dyad_pipeline_free(p);
		}
		dyad_lexicon_free(lex);
	}
	dyad_diag_free(d);
	return 0;
}
