/*
 * dyad/lexicon.h - dictionaries: actors, agents, verbs, options, read from
 * TABARI-format files (and dyad's documented extensions, see
 * docs/dictionaries.md) and compiled into lookup structures.
 *
 * Loading never stops at a bad line: each problem is reported to the
 * diagnostics sink as "file:line: message" and counted; a strict sink
 * makes the load fail at the first problem instead.
 */
#ifndef DYAD_LEXICON_H
#define DYAD_LEXICON_H

#include "dyad/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A compiled set of dictionaries. Immutable once loaded; shareable. */
typedef struct dyad_lexicon dyad_lexicon;

/** Load the dictionaries a TABARI .project file names. */
int dyad_lexicon_load_project(dyad_lexicon **out, const char *project_path,
                              dyad_diag *diag);

/**
 * Load every dictionary file of a directory (*.actors, *.agents, *.verbs,
 * *.options and dyad's own formats, see docs/dictionaries.md).
 */
int dyad_lexicon_load_dir(dyad_lexicon **out, const char *dir, dyad_diag *diag);

/**
 * Load dyad's own dictionaries: $DYAD_DATA_DIR if set, else the data/
 * directory the build was configured with.
 */
int dyad_lexicon_load_default(dyad_lexicon **out, dyad_diag *diag);

/** Free a lexicon; NULL is ignored. */
void dyad_lexicon_free(dyad_lexicon *lex);

#ifdef __cplusplus
}
#endif
#endif
