/*
 * dyad/dyad.h - umbrella header of libdyad, the political event data
 * engine. Include this, or the module headers you need.
 *
 * Stages, in data-flow order (see docs/ARCHITECTURE.md):
 *   text     read bytes, repair encoding, normalize, sentences, tokens
 *   lexicon  load and compile actor, agent and verb dictionaries
 *   coder    sentence tokens + lexicon -> events (who did what to whom)
 *   cameo    codebook: label, Goldstein weight, QuadClass, PLOVER of a code
 *   records  input records (TABARI, JSON Lines, text) and their metadata
 *   pipeline one record in, its events out (text stage + coder)
 *   when     after the coder: dates, places, quantities, modality
 *   output   events written as TSV, JSON Lines or PLOVER
 *   store    documents, sentences, mentions and events in SQLite
 *   ingest   articles (HTML, feeds, URLs) into the store
 */
#ifndef DYAD_DYAD_H
#define DYAD_DYAD_H

#include "dyad/common.h"
#include "dyad/text.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/coder.h"
#include "dyad/cameo.h"
#include "dyad/records.h"
#include "dyad/pipeline.h"
#include "dyad/dates.h"
#include "dyad/places.h"
#include "dyad/quantities.h"
#include "dyad/modality.h"
#include "dyad/when.h"
#include "dyad/output.h"
#include "dyad/store.h"
#include "dyad/ingest.h"

#endif
