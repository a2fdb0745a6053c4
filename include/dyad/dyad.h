/*
 * dyad/dyad.h - umbrella header of libdyad, the political event data
 * engine. Include this, or the module headers you need.
 *
 * Stages, in data-flow order (see docs/ARCHITECTURE.md):
 *   text     read bytes, repair encoding, normalize, sentences, tokens
 *   lexicon  load and compile actor, agent and verb dictionaries
 *   coder    sentence tokens + lexicon -> events (who did what to whom)
 */
#ifndef DYAD_DYAD_H
#define DYAD_DYAD_H

#include "dyad/common.h"
#include "dyad/text.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/coder.h"

#endif
