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

/** One dictionary given in memory: `name` ends with its kind's suffix. */
typedef struct dyad_dict_buffer {
	const char *name;     /**< "test.actors", "x.verbs" ... (used in messages) */
	const void *bytes;
	size_t      len;
} dyad_dict_buffer;

/** Load dictionaries from memory (tests, fuzzing, embedding). */
int dyad_lexicon_load_buffers(dyad_lexicon **out, const dyad_dict_buffer *bufs,
                              size_t n, dyad_diag *diag);

/**
 * Load dyad's own dictionaries: $DYAD_DATA_DIR if set, else the data/
 * directory the build was configured with.
 */
int dyad_lexicon_load_default(dyad_lexicon **out, dyad_diag *diag);

/** Free a lexicon; NULL is ignored. */
void dyad_lexicon_free(dyad_lexicon *lex);

/**
 * A short hex string identifying the dictionaries' contents (a hash of
 * every file read, in load order): the "dictionary version" stored with
 * each event. Borrowed; "" for NULL.
 */
const char *dyad_lexicon_fingerprint(const dyad_lexicon *lex);

/** Counts for reports: 0 phrases, 1 verbs, 2 patterns, 3 files. */
size_t dyad_lexicon_count(const dyad_lexicon *lex, int what);

/**
 * Apply one TABARI options line ("COMPLEX: VERBS[5] ...", "SET: CODE BY
 * SENTENCE", "DEFAULT: OFF" ...) to a loaded lexicon, as the validation
 * suite's OPTION records do. Unknown options are reported to `diag` with
 * `where`. Returns 0, or DYAD_EPARSE from a strict sink.
 */
int dyad_lexicon_set_option(dyad_lexicon *lex, const char *line,
                            const char *where, dyad_diag *diag);

/** Reset the options to those the dictionaries' .options files gave. */
void dyad_lexicon_reset_options(dyad_lexicon *lex);

/** What dyad_lexicon_check() looked at and found. */
typedef struct dyad_dict_check_stats {
	size_t files, phrases, patterns;
	size_t errors, warnings;
} dyad_dict_check_stats;

/**
 * Lint a loaded dictionary set (`dyad dict check`): duplicate phrases
 * and patterns (warnings), conflicting codes for the same phrase,
 * malformed actor/agent codes, unknown CAMEO codes, dated codes of one
 * entry that overlap with different codes or are out of order, patterns
 * shadowed by an identical earlier one, words the tokenizer never
 * produces (errors). Each is reported to `diag` as "file:line: message";
 * `st` (may be NULL) gets the counts. Problems the loader itself reported
 * are not repeated. Returns 0 or a negative error (out of memory).
 */
int dyad_lexicon_check(const dyad_lexicon *lex, dyad_diag *diag,
                       dyad_dict_check_stats *st);

/** Where a pattern (its text, as in dyad_event.pattern) was read. */
int dyad_lexicon_pattern_source(const dyad_lexicon *lex, const char *pattern,
                                const char **file, unsigned *line);

/**
 * The file a TABARI .project names with `<tag>` ("textfile" ...),
 * resolved against the project's directory. *out is allocated (free with
 * free()); DYAD_ENOTFOUND when the tag is absent.
 */
int dyad_project_file(const char *project_path, const char *tag, char **out);

#ifdef __cplusplus
}
#endif
#endif
