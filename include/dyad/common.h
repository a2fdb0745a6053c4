/*
 * dyad/common.h - error codes, diagnostics and version of libdyad.
 *
 * Conventions used by every public header of libdyad:
 *  - functions are named dyad_<module>_<verb>();
 *  - fallible functions return int: DYAD_OK (0) or a negative DYAD_E* code,
 *    and leave a message readable with dyad_error_last();
 *  - `T **out` parameters come first; the caller owns *out and releases it
 *    with the NULL-safe dyad_<T>_free();
 *  - a returned `const` pointer is borrowed from its owner and lives as
 *    long as that owner.
 */
#ifndef DYAD_COMMON_H
#define DYAD_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Error codes returned by fallible functions (always negative). */
enum dyad_error_code {
	DYAD_OK        =  0,
	DYAD_ENOMEM    = -1,  /**< allocation failed */
	DYAD_EIO       = -2,  /**< file or network I/O failed */
	DYAD_EINVAL    = -3,  /**< invalid argument */
	DYAD_EPARSE    = -4,  /**< malformed input (fatal only in strict mode) */
	DYAD_ENOTFOUND = -5,  /**< no such file, entry or record */
	DYAD_EDB       = -6,  /**< database error (message from SQLite) */
	DYAD_ELIMIT    = -7,  /**< a hard size limit was reached */
};

/**
 * Message describing the last error raised on this thread; never NULL
 * (empty string when there was none). Borrowed: valid until the next
 * failing call on the same thread.
 */
const char *dyad_error_last(void);

/** Library version as "MAJOR.MINOR.PATCH". */
const char *dyad_version(void);

/* ---------------------------------------------------------------------
 * Diagnostics: problems found in outside input (a dictionary line, a
 * record, a byte sequence) that do not stop the run. Each is reported
 * once as "where: message" and counted, so nothing is dropped silently.
 */

/** Severity of a diagnostic. */
typedef enum dyad_severity {
	DYAD_DIAG_NOTE,     /**< informative (e.g. bytes repaired) */
	DYAD_DIAG_WARNING,  /**< input skipped or repaired; run goes on */
	DYAD_DIAG_ERROR     /**< input rejected; fatal in strict mode */
} dyad_severity;

/** Callback receiving one formatted diagnostic line (no newline). */
typedef void (*dyad_diag_fn)(void *ctx, dyad_severity sev, const char *line);

/** A diagnostics sink with counters. Opaque. */
typedef struct dyad_diag dyad_diag;

/**
 * Create a sink. `fn` may be NULL (diagnostics are only counted);
 * `strict` makes callers treat any warning or error as fatal.
 */
int dyad_diag_new(dyad_diag **out, dyad_diag_fn fn, void *ctx, bool strict);

/** Free a sink; NULL is ignored. */
void dyad_diag_free(dyad_diag *diag);

/**
 * Report a problem found at `where` (e.g. "file.verbs:12" or a record
 * id; may be NULL) with a printf-style message. NULL `diag` is allowed
 * and only drops the report (used by tests that do not care).
 * Returns DYAD_EPARSE when the sink is strict and sev >= WARNING, else 0.
 */
int dyad_diag_report(dyad_diag *diag, dyad_severity sev, const char *where,
                     const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/** Number of reports of severity `sev` so far. */
size_t dyad_diag_count(const dyad_diag *diag, dyad_severity sev);

/** Whether the sink was created strict. */
bool dyad_diag_strict(const dyad_diag *diag);

/** A ready-made callback printing "dyad: line" to stderr (ctx unused). */
void dyad_diag_print_stderr(void *ctx, dyad_severity sev, const char *line);

#ifdef __cplusplus
}
#endif
#endif
