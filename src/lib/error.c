/*
 * error.c - the thread's last error message and the diagnostics sink.
 */
#include "dyad/common.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static _Thread_local char last_error[512];

const char *dyad_error_last(void)
{
	return last_error;
}

int dyad_error_set(int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return code;
}

void dyad_error_clear(void)
{
	last_error[0] = '\0';
}

const char *dyad_version(void)
{
	return DYAD_VERSION_STRING;
}

struct dyad_diag {
	dyad_diag_fn fn;
	void *ctx;
	bool strict;
	size_t counts[3];
};

int dyad_diag_new(dyad_diag **out, dyad_diag_fn fn, void *ctx, bool strict)
{
	dyad_diag *d = dyad_calloc(1, sizeof(*d));
	if (!d)
		return DYAD_ENOMEM;
	d->fn = fn;
	d->ctx = ctx;
	d->strict = strict;
	*out = d;
	return 0;
}

void dyad_diag_free(dyad_diag *diag)
{
	dyad_free(diag);
}

int dyad_diag_report(dyad_diag *diag, dyad_severity sev, const char *where,
                     const char *fmt, ...)
{
	if (!diag)
		return 0;
	if ((unsigned)sev > DYAD_DIAG_ERROR)
		sev = DYAD_DIAG_ERROR;
	diag->counts[sev]++;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (diag->fn) {
		static const char *const label[] = { "note", "warning", "error" };
		char line[1400];
		if (where && *where)
			snprintf(line, sizeof(line), "%s: %s: %s", where, label[sev], msg);
		else
			snprintf(line, sizeof(line), "%s: %s", label[sev], msg);
		diag->fn(diag->ctx, sev, line);
	}
	if (diag->strict && sev >= DYAD_DIAG_WARNING)
		return dyad_error_set(DYAD_EPARSE, "%s%s%s", where ? where : "",
		                      where ? ": " : "", msg);
	return 0;
}

size_t dyad_diag_count(const dyad_diag *diag, dyad_severity sev)
{
	if (!diag || (unsigned)sev > DYAD_DIAG_ERROR)
		return 0;
	return diag->counts[sev];
}

bool dyad_diag_strict(const dyad_diag *diag)
{
	return diag && diag->strict;
}

void dyad_diag_print_stderr(void *ctx, dyad_severity sev, const char *line)
{
	(void)ctx;
	(void)sev;
	fprintf(stderr, "dyad: %s\n", line);
}
