/*
 * dyad/modality.h - whether and how each event happened: asserted,
 * negated, future, planned, hypothetical, reported speech, historical.
 *
 * Rules (docs/internals/dates.md, "Modality"), read in the event verb's
 * clause, first match wins in this order:
 *   negated       not / n't / never / no longer, refused to, declined to,
 *                 failed to, denied, without - in the 5 words before the verb
 *   hypothetical  could, might, may, should, would (outside reported
 *                 content), if / unless / whether earlier in the clause,
 *                 "the possibility of", potential(ly)
 *   planned       plans to, intends to, aims to, agreed to, decided to,
 *                 prepares to, proposed, "planned"/"scheduled" before or
 *                 just after the verb ("exercises, scheduled for ...")
 *   future        will, shall, 'll, is set to, is to, is due to, is
 *                 expected to, going to, "would" in reported content; or
 *                 an event date after the publication date
 *   historical    an event date ending more than DYAD_HISTORICAL_YEARS
 *                 before the publication date, or "since independence",
 *                 "during the Cold War", "for decades", "historically"
 *   reported      the verb is in the content of a reporting verb ("X said
 *                 (that) ...") or inside quotation marks. The reporting
 *                 event itself ("X said") and facts with a trailing
 *                 attribution ("..., the ministry said") stay asserted:
 *                 the journalist asserts them, naming a source.
 *   asserted      otherwise
 */
#ifndef DYAD_MODALITY_H
#define DYAD_MODALITY_H

#include "dyad/event.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Years before the publication date beyond which an event is historical. */
#define DYAD_HISTORICAL_YEARS 3

/**
 * Set `modality` of each event of one sentence. Run after the dates stage
 * (it reads date, date_end, date_precision); `pub` is the publication
 * date (year 0: no date-based rules).
 */
int dyad_modality_attach(const dyad_token *toks, size_t n, dyad_date pub,
                         dyad_event *events, size_t n_events);

#ifdef __cplusplus
}
#endif
#endif
