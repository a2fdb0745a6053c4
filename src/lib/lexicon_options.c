/*
 * lexicon_options.c - the .options reader (the subset of TABARI's
 * options the coder uses), also applied to the validation suite's
 * OPTION records. Moved out of lexicon_verbs.c (files under ~1,000
 * lines).
 */
#include "lexicon_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* ------------------------------------------------------------------ */
/* Options                                                             */

void lx_options_default(lx_options *o)
{
	memset(o, 0, sizeof *o);
	/* TABARI's limits: comma-delimited clauses of 3-10 words inside the
	 * sentence and at its end are dropped, the first one never. On by
	 * default for TABARI projects only (dyad_lexicon_load_project): in
	 * dyad's own set it would drop "On Monday, X did Y"'s main clause. */
	o->comma_on = false;
	o->comma_min = 2; o->comma_max = 10;
	o->comma_emin = 2; o->comma_emax = 10;
	o->comma_bmin = 128; o->comma_bmax = 0;
}

static bool has(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	for (size_t i = 0; i + wl <= n; i++)
		if (strncmp(s + i, w, wl) == 0)
			return true;
	return false;
}

static int num_after(const char *s, size_t n, const char *key, int dflt)
{
	size_t kl = strlen(key);
	for (size_t i = 0; i + kl <= n; i++) {
		if (strncmp(s + i, key, kl) != 0)
			continue;
		if (i && ((s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
			continue;
		size_t j = i + kl;
		while (j < n && (s[j] == ' ' || s[j] == '=' || s[j] == '['))
			j++;
		if (j < n && s[j] >= '0' && s[j] <= '9') {
			int v = 0;
			while (j < n && s[j] >= '0' && s[j] <= '9' && v < 100000)
				v = v * 10 + (s[j++] - '0');
			return v;
		}
	}
	return dflt;
}

static void bracket_code(const char *s, size_t n, const char *after, char *out, size_t cap)
{
	out[0] = '\0';
	size_t al = strlen(after);
	for (size_t i = 0; i + al <= n; i++) {
		if (strncmp(s + i, after, al) != 0)
			continue;
		const char *o = memchr(s + i, '[', n - i);
		const char *c = o ? memchr(o, ']', n - (size_t)(o - s)) : NULL;
		if (!o || !c)
			return;
		size_t k = 0;
		for (const char *p = o + 1; p < c && k < cap - 1; p++)
			if (!is_sp(*p))
				out[k++] = *p;
		out[k] = '\0';
		return;
	}
}

int lx_options_line(lx_options *o, const char *line, size_t n, lx_reader *r)
{
	char up[512];
	size_t k = 0;
	while (n && (is_sp(*line))) { line++; n--; }
	while (n && (is_sp(line[n - 1]) || line[n - 1] == '\n')) n--;
	if (!n || (n > 1 && line[0] == '/' && line[1] == '/') || line[0] == ';' || line[0] == '#')
		return 0;
	for (size_t i = 0; i < n && k < sizeof up - 1; i++)
		up[k++] = (line[i] >= 'a' && line[i] <= 'z') ? (char)(line[i] - 32) : line[i];
	up[k] = '\0';
	n = k;
	if (!strncmp(up, "COMPLEX:", 8)) {
		o->complex_verbs = num_after(up, n, "VERBS", 0);
		o->complex_conj = num_after(up, n, "CONJ", 0);
		o->complex_actors = num_after(up, n, "ACTORS", 0);
		o->noactprior = has(up, n, "NOACTPRIOR");
		return 0;
	}
	if (!strncmp(up, "DEFAULT:", 8)) {
		if (has(up, n, "OFF")) {
			o->default_source[0] = o->default_target[0] = '\0';
			return 0;
		}
		bracket_code(up, n, "SOURCE", o->default_source, sizeof o->default_source);
		bracket_code(up, n, "TARGET", o->default_target, sizeof o->default_target);
		const char *t = strstr(up, "TARGET");
		o->default_source_prior = has(up, t ? (size_t)(t - up) : n, "PRIOR");
		o->default_target_after = t && has(t, strlen(t), "AFTER");
		return 0;
	}
	if (!strncmp(up, "COMMA:", 6)) {
		if (has(up, n, "OFF")) {
			o->comma_on = false;
			return 0;
		}
		o->comma_on = true;
		o->comma_min = num_after(up, n, "MIN", o->comma_min);
		o->comma_max = num_after(up, n, "MAX", o->comma_max);
		o->comma_emin = num_after(up, n, "EMIN", o->comma_emin);
		o->comma_emax = num_after(up, n, "EMAX", o->comma_emax);
		o->comma_bmin = num_after(up, n, "BMIN", o->comma_bmin);
		o->comma_bmax = num_after(up, n, "BMAX", o->comma_bmax);
		return 0;
	}
	if (!strncmp(up, "SET:", 4)) {
		if (has(up, n, "CODE BY SENTENCE")) o->code_by = 1;
		else if (has(up, n, "CODE ALL")) o->code_by = 2;
		else if (has(up, n, "CODE BY CLAUSE")) o->code_by = 0;
		else if (has(up, n, "CONVERT AGENT")) o->convert_agents = has(up, n, "TRUE");
		else if (has(up, n, "MINIMUM WORDS")) o->minimum_words = num_after(up, n, "WORDS", 0);
		else if (has(up, n, "TIME SHIFT")) o->time_shift = has(up, n, "TRUE");
		else if (has(up, n, "SKIP RECORDS") || has(up, n, "USAGE") || has(up, n, "LABEL") ||
		         has(up, n, "YYYY") || has(up, n, "FBIS") ||
		         has(up, n, "DUP WARNING") || has(up, n, "ALLCAPS") || has(up, n, "CHECK DOMINANT") ||
		         has(up, n, "HAIKU") || has(up, n, "MATCH"))
			return 0;     /* output/interface settings: no effect on coding */
		else if (r)
			return lx_report(r, DYAD_DIAG_WARNING, "unknown option %.*s", (int)n, up);
		return 0;
	}
	if (!strncmp(up, "LABEL:", 6) || !strncmp(up, "OUTPUT:", 7) || !strncmp(up, "FORWARD:", 8) ||
	    !strncmp(up, "NONEVENTS:", 10) || !strncmp(up, "ISSUES:", 7) || !strncmp(up, "~~", 2))
		return 0;
	if (r)
		return lx_report(r, DYAD_DIAG_WARNING, "unknown option %.*s", (int)n, up);
	return 0;
}
