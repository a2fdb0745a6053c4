/*
 * test_places.c - the gazetteer and the places stage on the golden cases
 * of tests/golden/places/cases.txt (target 90%).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/places.h"
#include "when_golden.h"

static dyad_gazetteer *gaz;

static int setup(void **state)
{
	(void)state;
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/data/gazetteer", DYAD_SOURCE_DIR);
	return dyad_gazetteer_load(&gaz, dir, NULL);
}

static int teardown(void **state)
{
	(void)state;
	dyad_gazetteer_free(gaz);
	return 0;
}

/* "DZA,RUS" -> codes; returns the count. */
static size_t parse_countries(const char *s, char (*out)[4], size_t max)
{
	size_t n = 0;
	while (*s && n < max && strcmp(s, "-")) {
		if (strlen(s) < 3)
			break;
		memcpy(out[n], s, 3);
		out[n++][3] = 0;
		s += 3;
		if (*s == ',')
			s++;
	}
	return n;
}

/* Compare "name/ISO3/resolution[/lat,lon]" or "none" with the event. */
static bool place_ok(const char *expect, const dyad_event *ev)
{
	if (!strcmp(expect, "none"))
		return ev->place_name[0] == 0 && ev->place_resolution == DYAD_RES_NONE;
	char copy[256];
	snprintf(copy, sizeof(copy), "%s", expect);
	char *f[4] = { copy, NULL, NULL, NULL };
	for (int k = 1; k < 4; k++) {
		char *slash = f[k - 1] ? strchr(f[k - 1], '/') : NULL;
		if (slash) {
			*slash = 0;
			f[k] = slash + 1;
		}
	}
	if (!f[2] || strcmp(f[0], ev->place_name))
		return false;
	if (strcmp(f[1], "-") ? strcmp(f[1], ev->place_country) : ev->place_country[0] != 0)
		return false;
	if (strcmp(f[2], dyad_resolution_name((dyad_place_resolution)ev->place_resolution)))
		return false;
	if (!f[3])
		return isnan(ev->lat) && isnan(ev->lon);
	double lat = strtod(f[3], NULL), lon = strtod(strchr(f[3], ',') + 1, NULL);
	return fabs(lat - ev->lat) <= 0.05 && fabs(lon - ev->lon) <= 0.05;
}

/* Fields: countries | text | verb | expected place. */
static bool case_ok(const char *file, const g_line *l, dyad_tokens *toks)
{
	(void)file;
	char countries[8][4];
	size_t nc = parse_countries(l->f[0], countries, 8);
	const char *text = l->f[1];
	dyad_event ev;
	g_verb_event(toks, text, l->f[2], &ev);
	assert_int_equal(dyad_places_attach(gaz, text, dyad_tokens_array(toks), dyad_tokens_count(toks),
	                                    (const char(*)[4])countries, nc, &ev, 1), 0);
	/* Never a country or region presented as a point. */
	if (ev.place_resolution < DYAD_RES_CITY)
		assert_true(isnan(ev.lat) && isnan(ev.lon));
	if (place_ok(l->f[3], &ev))
		return true;
	fprintf(stderr, "places:%d: %s / %s: got %s/%s/%s/%.2f,%.2f, want %s\n", l->lineno, text, l->f[2],
	        ev.place_name, ev.place_country,
	        dyad_resolution_name((dyad_place_resolution)ev.place_resolution), ev.lat, ev.lon, l->f[3]);
	return false;
}

static void test_golden_places(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	g_run("places", "tests/golden/places/cases.txt", 4, case_ok, &pass, &total);
	g_run("places", "tests/golden/places/holdout.txt", 4, case_ok, &pass, &total);
	fprintf(stderr, "places: total %d/%d passed (%.1f%%)\n", pass, total,
	        total ? 100.0 * pass / total : 0.0);
	assert_true(total >= 100);
	assert_true(pass * 100 >= total * 90);
}

/* Names with a particle joined by hyphens, one token for the tokenizer
 * ("ez-Zor"): all must resolve, none is left to the 90% above. */
static void test_hyphenated_names(void **state)
{
	(void)state;
	int pass = 0, total = 0;
	g_run("places", "tests/golden/places/hyphenated.txt", 4, case_ok, &pass, &total);
	assert_true(total >= 3);
	assert_int_equal(pass, total);
}

static void test_lookup(void **state)
{
	(void)state;
	dyad_place p;
	assert_true(dyad_gazetteer_size(gaz) > 20000);
	assert_int_equal(dyad_gazetteer_lookup(gaz, "ALGERIA", 7, NULL, 0, 0, &p), 1);
	assert_string_equal(p.country, "DZA");
	assert_int_equal(p.resolution, DYAD_RES_COUNTRY);
	assert_true(isnan(p.lat));
	assert_int_equal(dyad_gazetteer_lookup(gaz, "Nowhere-upon-Zzz", 16, NULL, 0, 0, &p), 0);
	assert_int_equal(p.resolution, DYAD_RES_NONE);
	assert_string_equal(p.name, "Nowhere-upon-Zzz");
	const char us[][4] = { "USA" };
	assert_int_equal(dyad_gazetteer_lookup(gaz, "Georgia", 7, NULL, 0, 0, &p), 1);
	assert_string_equal(p.country, "GEO");
	assert_int_equal(dyad_gazetteer_lookup(gaz, "Georgia", 7, us, 1, 0, &p), 1);
	assert_string_equal(p.country, "USA");
	assert_int_equal(p.resolution, DYAD_RES_REGION);
}

static void test_missing_dir(void **state)
{
	(void)state;
	dyad_gazetteer *g = NULL;
	assert_int_equal(dyad_gazetteer_load(&g, "/nonexistent/gazetteer", NULL), DYAD_ENOTFOUND);
	assert_null(g);
	dyad_gazetteer_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_places),
		cmocka_unit_test(test_hyphenated_names),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_missing_dir),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
