/*
 * places_gazetteer.c - load the data/gazetteer TSV tables into a hash of
 * normalized names (accents stripped, case folded, punctuation -> space,
 * leading "the" dropped) and resolve names with the document's countries.
 */
#include "dyad/places.h"
#include "places_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#ifndef DYAD_DATA_DIR
#define DYAD_DATA_DIR "data"
#endif

enum { K_COUNTRY, K_REGION, K_CITY, K_SUBCITY, K_ADMIN1, K_DEMONYM };

typedef struct wg_entry {
	uint32_t key;       /* offset of the normalized key in the pool */
	char     iso3[4];
	float    lat, lon;
	uint32_t pop;
	uint8_t  kind;
} wg_entry;

struct dyad_gazetteer {
	dyad_buf  pool;     /* NUL-terminated keys */
	wg_entry *e;
	size_t    n, cap;
	uint32_t *slots;    /* open addressing: entry index + 1, 0 empty */
	size_t    n_slots;
};

int wg_key(const char *s, size_t len, char *out, size_t size)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &folded,
	                                   UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK |
	                                   UTF8PROC_CASEFOLD);
	if (fl < 0)
		return -1;
	size_t o = 0;
	bool space = true;
	for (utf8proc_ssize_t k = 0; k < fl && o + 1 < size; k++) {
		unsigned char c = folded[k];
		bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
		if (keep) {
			out[o++] = (char)c;
			space = false;
		} else if (!space && c != '\'' && c != '.') {
			out[o++] = ' ';
			space = true;
		}
	}
	free(folded);                    /* allocated by utf8proc */
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = 0;
	if (o > 4 && !memcmp(out, "the ", 4)) {
		memmove(out, out + 4, o - 3);
		o -= 4;
	}
	return (int)o;
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int add(dyad_gazetteer *g, const char *name, size_t len, const char *iso3,
               int kind, float lat, float lon, uint32_t pop)
{
	char key[256];
	if (wg_key(name, len, key, sizeof(key)) <= 0)
		return 0;
	if (g->n == g->cap) {
		wg_entry *e = dyad_grow(g->e, &g->cap, g->n + 1, sizeof(*e), 4096);
		if (!e)
			return DYAD_ENOMEM;
		g->e = e;
	}
	wg_entry *e = &g->e[g->n];
	memset(e, 0, sizeof(*e));
	e->key = (uint32_t)g->pool.len;
	if (dyad_buf_append(&g->pool, key, strlen(key) + 1))
		return DYAD_ENOMEM;
	if (iso3 && strlen(iso3) == 3)
		memcpy(e->iso3, iso3, 4);
	e->kind = (uint8_t)kind;
	e->lat = lat;
	e->lon = lon;
	e->pop = pop;
	g->n++;
	return 0;
}

static int build_index(dyad_gazetteer *g)
{
	size_t ns = 1;
	while (ns < g->n * 2 + 16)
		ns <<= 1;
	g->slots = dyad_calloc(ns, sizeof(*g->slots));
	if (!g->slots)
		return DYAD_ENOMEM;
	g->n_slots = ns;
	for (size_t i = 0; i < g->n; i++) {
		size_t h = (size_t)hash(g->pool.data + g->e[i].key) & (ns - 1);
		while (g->slots[h])
			h = (h + 1) & (ns - 1);
		g->slots[h] = (uint32_t)(i + 1);
	}
	return 0;
}

/* Split a TSV line in place into at most `max` fields. */
static int fields(char *line, char **f, int max)
{
	int n = 0;
	while (n < max) {
		f[n++] = line;
		char *tab = strchr(line, '\t');
		if (!tab)
			break;
		*tab = 0;
		line = tab + 1;
	}
	return n;
}

static float coord(const char *s)
{
	if (!strcmp(s, "-") || !*s)
		return NAN;
	char *end;
	double v = strtod(s, &end);
	return *end ? NAN : (float)v;
}

/* Load one table; `want` fields per line, `kind` -1 = per line (regions). */
static int load_file(dyad_gazetteer *g, const char *dir, const char *file, int want,
                     int kind, dyad_diag *diag)
{
	char path[1024], line[1024], where[1100];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return dyad_error_set(DYAD_ENOTFOUND, "gazetteer: cannot open %s", path);
	int rc = 0;
	for (long ln = 1; rc == 0 && fgets(line, sizeof(line), fp); ln++) {
		line[strcspn(line, "\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		char *f[6] = { 0 };   /* fields() fills at least `want` of them */
		if (fields(line, f, 6) < want) {
			snprintf(where, sizeof(where), "%s:%ld", path, ln);
			dyad_diag_report(diag, DYAD_DIAG_WARNING, where, "expected %d tab-separated fields", want);
			continue;
		}
		if (kind == K_CITY)
			rc = add(g, f[0], strlen(f[0]), f[1], K_CITY, coord(f[3]), coord(f[4]),
			         (uint32_t)strtoul(f[5], NULL, 10));
		else if (kind >= 0)
			rc = add(g, f[1], strlen(f[1]), f[0], kind, NAN, NAN, 0);
		else {
			int k = !strcmp(f[2], "city") ? K_CITY : !strcmp(f[2], "subcity") ? K_SUBCITY : K_REGION;
			rc = add(g, f[0], strlen(f[0]), f[1], k, coord(f[3]), coord(f[4]), 0);
		}
	}
	fclose(fp);
	return rc;
}

int dyad_gazetteer_load(dyad_gazetteer **out, const char *dir, dyad_diag *diag)
{
	*out = NULL;
	dyad_gazetteer *g = dyad_calloc(1, sizeof(*g));
	if (!g)
		return dyad_error_set(DYAD_ENOMEM, "out of memory");
	if (!dir)
		dir = DYAD_DATA_DIR "/gazetteer";
	int rc = load_file(g, dir, "countries.tsv", 2, K_COUNTRY, diag);
	if (!rc)
		rc = load_file(g, dir, "aliases.tsv", 2, K_COUNTRY, diag);
	if (!rc)
		rc = load_file(g, dir, "demonyms.tsv", 2, K_DEMONYM, diag);
	if (!rc)
		rc = load_file(g, dir, "regions.tsv", 5, -1, diag);
	if (!rc)
		rc = load_file(g, dir, "admin1.tsv", 2, K_ADMIN1, diag);
	if (!rc)
		rc = load_file(g, dir, "cities.tsv", 6, K_CITY, diag);
	if (!rc)
		rc = build_index(g);
	if (rc) {
		if (rc == DYAD_ENOMEM)
			dyad_error_set(rc, "out of memory");
		dyad_gazetteer_free(g);
		return rc;
	}
	*out = g;
	return 0;
}

void dyad_gazetteer_free(dyad_gazetteer *g)
{
	if (!g)
		return;
	dyad_buf_release(&g->pool);
	dyad_free(g->e);
	dyad_free(g->slots);
	dyad_free(g);
}

int wg_is_country(const dyad_gazetteer *g, const char *code)
{
	/* Countries are loaded first, so they are the first entries. */
	for (size_t i = 0; g && i < g->n && g->e[i].kind == K_COUNTRY; i++)
		if (!memcmp(g->e[i].iso3, code, 3))
			return 1;
	return 0;
}

size_t dyad_gazetteer_size(const dyad_gazetteer *g)
{
	return g ? g->n : 0;
}

static bool in_doc(const char *iso3, const char (*countries)[4], size_t nc)
{
	for (size_t i = 0; iso3[0] && i < nc; i++)
		if (!strncmp(iso3, countries[i], 3))
			return true;
	return false;
}

/* Higher is better: document countries first, then kind, then size. */
static double score(const wg_entry *e, const char (*countries)[4], size_t nc, int hint)
{
	static const double kind_score[] = { 5, 4, 3, 4, 2, 5 };
	double s = kind_score[e->kind];
	/* "the Tindouf region": the division beats a city of the same name,
	 * not one of our named regions ("the Sahel region"). */
	if (hint == DYAD_PLACE_HINT_DIVISION && e->kind == K_ADMIN1)
		s = 3.9;
	if (in_doc(e->iso3, countries, nc))
		s += 10;
	return s + (e->pop > 0 ? log10((double)e->pop) / 10.0 : 0);
}

static uint8_t resolution_of(int kind)
{
	switch (kind) {
	case K_COUNTRY:
	case K_DEMONYM: return DYAD_RES_COUNTRY;
	case K_CITY:    return DYAD_RES_CITY;
	case K_SUBCITY: return DYAD_RES_SUBCITY;
	default:        return DYAD_RES_REGION;
	}
}

int dyad_gazetteer_lookup(const dyad_gazetteer *g, const char *name, size_t len,
                          const char (*countries)[4], size_t nc, int hint, dyad_place *out)
{
	memset(out, 0, sizeof(*out));
	out->lat = out->lon = NAN;
	snprintf(out->name, sizeof(out->name), "%.*s", (int)(len < DYAD_PLACE_MAX ? len : DYAD_PLACE_MAX - 1), name);
	char key[256];
	if (!g || !g->n_slots || wg_key(name, len, key, sizeof(key)) <= 0)
		return 0;
	const wg_entry *best = NULL;
	double best_s = -1;
	size_t h = (size_t)hash(key) & (g->n_slots - 1);
	for (; g->slots[h]; h = (h + 1) & (g->n_slots - 1)) {
		const wg_entry *e = &g->e[g->slots[h] - 1];
		if (strcmp(g->pool.data + e->key, key))
			continue;
		/* Adjectives name a country only before a geographic noun. */
		if ((e->kind == K_DEMONYM) != (hint == DYAD_PLACE_HINT_DEMONYM))
			continue;
		double s = score(e, countries, nc, hint);
		if (s > best_s) {
			best = e;
			best_s = s;
		}
	}
	if (!best)
		return 0;
	memcpy(out->country, best->iso3, 4);
	out->resolution = resolution_of(best->kind);
	if (out->resolution >= DYAD_RES_CITY && !isnan(best->lat)) {
		out->lat = best->lat;
		out->lon = best->lon;
	}
	return 1;
}
