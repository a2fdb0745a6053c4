/*
 * cli.c - option parsing and help from option tables.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("dyad: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void cli_list_free(cli_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

void cli_help(const char *cmd, const cli_opt *opts, const char *usage,
              const char *description)
{
	printf("usage: dyad %s %s\n\n", cmd, usage ? usage : "");
	if (description)
		printf("%s\n\n", description);
	printf("options:\n");
	for (const cli_opt *o = opts; o && o->name; o++) {
		char left[64];
		if (o->shortc)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->shortc, o->name,
			         o->metavar ? " " : "", o->metavar ? o->metavar : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->name,
			         o->metavar ? " " : "", o->metavar ? o->metavar : "");
		printf("  %-28s %s\n", left, o->help);
	}
	printf("  %-28s %s\n", "-h, --help", "show this help");
}

static const cli_opt *find_long(const cli_opt *opts, const char *name, size_t n)
{
	for (const cli_opt *o = opts; o && o->name; o++)
		if (strlen(o->name) == n && strncmp(o->name, name, n) == 0)
			return o;
	return NULL;
}

static const cli_opt *find_short(const cli_opt *opts, char c)
{
	for (const cli_opt *o = opts; o && o->name; o++)
		if (o->shortc == c)
			return o;
	return NULL;
}

static int set_value(const cli_opt *o, const char *val)
{
	switch (o->kind) {
	case CLI_FLAG:
		*(bool *)o->value = true;
		return 0;
	case CLI_STRING:
		*(const char **)o->value = val;
		return 0;
	case CLI_INT: {
		char *end;
		errno = 0;
		long v = strtol(val, &end, 10);
		if (errno || end == val || *end) {
			cli_error("--%s: not a number: '%s'", o->name, val);
			return CLI_USAGE;
		}
		*(long *)o->value = v;
		return 0;
	}
	case CLI_LIST: {
		cli_list *l = o->value;
		const char **p = realloc(l->items, (l->n + 1) * sizeof(*p));
		if (!p) {
			cli_error("out of memory");
			return CLI_ERROR;
		}
		p[l->n++] = val;
		l->items = p;
		return 0;
	}
	}
	return 0;
}

int cli_parse(int argc, char **argv, const cli_opt *opts, const char *usage,
              const char *description, int *npos)
{
	int pos = 1;
	bool only_pos = false;
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (only_pos || a[0] != '-' || a[1] == '\0') {
			argv[pos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			cli_help(argv[0], opts, usage, description);
			return -1;
		}
		const cli_opt *o;
		const char *val = NULL;
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
			o = find_long(opts, a + 2, n);
			if (eq)
				val = eq + 1;
		} else {
			o = a[2] == '\0' ? find_short(opts, a[1]) : NULL;
		}
		if (!o) {
			cli_error("%s: unknown option '%s' (see 'dyad %s --help')", argv[0], a, argv[0]);
			return CLI_USAGE;
		}
		if (o->kind == CLI_FLAG) {
			if (val) {
				cli_error("--%s takes no value", o->name);
				return CLI_USAGE;
			}
		} else if (!val) {
			if (i + 1 >= argc) {
				cli_error("--%s needs a value (%s)", o->name, o->metavar ? o->metavar : "VALUE");
				return CLI_USAGE;
			}
			val = argv[++i];
		}
		int rc = set_value(o, val);
		if (rc)
			return rc;
	}
	*npos = pos - 1;
	return 0;
}
