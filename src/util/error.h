/*
 * util/error.h - setting the thread's last error (read with the public
 * dyad_error_last()). Functions set it where the failure is detected and
 * return the same code, so `return dyad_error_set(...)` is the idiom.
 */
#ifndef DYAD_UTIL_ERROR_H
#define DYAD_UTIL_ERROR_H

#include "dyad/common.h"

/** Record a formatted message for `code` and return `code`. */
int dyad_error_set(int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/** Forget the last error. */
void dyad_error_clear(void);

#endif
