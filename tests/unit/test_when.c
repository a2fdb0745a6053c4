/*
 * test_when.c - the single entry point dyad_when_annotate() on whole
 * documents: a document written here, and the Algeria-Russia events of
 * ../shared/seeds/ (skipped with a message when ../shared is absent).
 * Events are built by hand, as the coder would: the verb's span, found by
 * the words around it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/when.h"

#include <jansson.h>

static dyad_when_ctx *ctx;

static int setup(void **state)
{
	(void)state;
	char dir[1024];
	snprintf(dir, sizeof(dir), "%s/data/gazetteer", DYAD_SOURCE_DIR);
	return dyad_when_new(&ctx, dir, NULL);
}

static int teardown(void **state)
{
	(void)state;
	dyad_when_free(ctx);
	return 0;
}

/* One hand-built event: the sentence holding `context`, the verb `verb` in it. */
typedef struct hand_event {
	const char *context;   /* a phrase of the sentence, holding the verb */
	const char *verb;
	const char *want_date; /* YYYY[-MM[-DD]], A..B, or "reported" */
	const char *want_place;/* name as written, or "" */
	const char *want_mod;  /* modality name */
} hand_event;

/* Annotate one hand event of `doc`; the result goes to *ev. */
static bool annotate(dyad_doc *doc, dyad_tokens *toks, const hand_event *h, dyad_event *ev)
{
	size_t len, ns;
	const char *text = dyad_doc_text(doc, &len);
	const char *at = strstr(text, h->context);
	if (!at)
		return false;
	const char *verb = strstr(at, h->verb);
	if (!verb)
		return false;
	uint32_t vpos = (uint32_t)(verb - text);
	const dyad_sentence *s = dyad_doc_sentences(doc, &ns);
	for (size_t i = 0; i < ns; i++) {
		if (vpos < s[i].span.start || vpos >= s[i].span.end)
			continue;
		assert_int_equal(dyad_tokenize(toks, text + s[i].span.start,
		                               s[i].span.end - s[i].span.start, s[i].span.start), 0);
		dyad_event_init(ev);
		ev->sentence = (uint32_t)i;
		ev->verb_span.start = vpos;
		ev->verb_span.end = vpos + (uint32_t)strlen(h->verb);
		assert_int_equal(dyad_when_annotate(ctx, text, dyad_tokens_array(toks),
		                                    dyad_tokens_count(toks), ev, 1), 0);
		return true;
	}
	return false;
}

static void date_text(char *buf, size_t size, const dyad_event *ev)
{
	char a[16], b[16];
	dyad_date_format(a, sizeof(a), ev->date);
	dyad_date_format(b, sizeof(b), ev->date_end);
	if (ev->date_precision == DYAD_PREC_REPORTED)
		snprintf(buf, size, "reported");
	else if (ev->date_precision == DYAD_PREC_RANGE)
		snprintf(buf, size, "%s..%s", a, b);
	else
		snprintf(buf, size, "%s", a);
}

/* Run a table of hand events on a document; print and count matches. */
static int run_table(dyad_doc *doc, const char *name, const hand_event *h, size_t n)
{
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	int ok = 0;
	for (size_t i = 0; i < n; i++) {
		dyad_event ev;
		assert_true(annotate(doc, toks, &h[i], &ev));
		char d[40];
		date_text(d, sizeof(d), &ev);
		const char *mod = dyad_modality_name((dyad_modality)ev.modality);
		bool good = !strcmp(d, h[i].want_date) && !strcmp(ev.place_name, h[i].want_place) &&
		            !strcmp(mod, h[i].want_mod);
		ok += good;
		fprintf(stderr, "%s %-10s | %-24s | %-22s %-4s %-8s | %-12s | want %s / %s / %s\n",
		        good ? "ok  " : "DIFF", name, h[i].verb, d, ev.place_name[0] ? ev.place_country : "",
		        ev.place_name, mod, h[i].want_date, h[i].want_place, h[i].want_mod);
	}
	dyad_tokens_free(toks);
	return ok;
}

static void test_document(void **state)
{
	(void)state;
	static const char doc_text[] =
		"Algeria and Russia hold drills\n\n"
		"The two armies held joint drills from 16 to 28 November 2022 in the region of "
		"Hammaguir in Bechar, the ministry said on Tuesday. Last October, both navies "
		"carried out an exercise in the Mediterranean Sea. Tebboune is set to visit "
		"Russia in May. Algeria did not sign the deal. Russia delivered four corvettes "
		"worth $ 180 million to Algeria in 2019.\n";
	dyad_doc *doc = NULL;
	assert_int_equal(dyad_doc_from_bytes(&doc, "t", doc_text, sizeof(doc_text) - 1, NULL), 0);
	const char countries[][4] = { "DZA", "RUS" };
	dyad_date pub = { 2022, 11, 30 }, ingest = { 2024, 1, 2 };
	assert_int_equal(dyad_when_set_document(ctx, pub, ingest, countries, 2), 0);
	static const hand_event h[] = {
		{ "held joint drills", "held", "2022-11-16..2022-11-28", "Hammaguir", "asserted" },
		{ "both navies", "carried", "2022-10", "Mediterranean Sea", "asserted" },
		{ "set to visit", "visit", "2023-05", "Russia", "future" },
		{ "did not sign", "sign", "reported", "", "negated" },
		{ "delivered four", "delivered", "2019", "", "asserted" },
	};
	assert_int_equal(run_table(doc, "inline", h, 5), 5);
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	dyad_event ev;
	assert_true(annotate(doc, toks, &h[4], &ev));
	assert_int_equal(ev.n_quantities, 2);
	assert_int_equal(ev.quantities[0].kind, DYAD_QTY_EQUIPMENT);
	assert_int_equal(ev.quantities[1].kind, DYAD_QTY_MONEY);
	assert_int_equal(ev.pub_date.year, 2022);
	assert_int_equal(ev.ingest_date.year, 2024);
	assert_true(annotate(doc, toks, &h[0], &ev));
	assert_string_equal(ev.place_country, "DZA");
	assert_false(isnan(ev.lat));
	dyad_tokens_free(toks);
	dyad_doc_free(doc);
	assert_true(dyad_when_annotate(NULL, "", NULL, 0, NULL, 0) < 0);
}

static dyad_doc *seed(const char *file)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/seeds/%s", DYAD_SHARED_DIR, file);
	dyad_doc *doc = NULL;
	if (dyad_doc_from_file(&doc, path, NULL))
		return NULL;
	return doc;
}

/*
 * The seeds carry no publication date (but 004's "15:19 02.08.2023"
 * dateline); the dates used here are assumptions stated in the report.
 */
static void test_seeds(void **state)
{
	(void)state;
	dyad_doc *d0 = seed("000_70257f8f9f0fc3ba.txt");
	if (!d0) {
		fprintf(stderr, "test_seeds: skipped, %s/seeds not found\n", DYAD_SHARED_DIR);
		skip();
	}
	const char dzarus[][4] = { "DZA", "RUS" };
	dyad_date p0 = { 2022, 11, 20 };
	dyad_date none = { 0, 0, 0 };
	assert_int_equal(dyad_when_set_document(ctx, p0, none, dzarus, 2), 0);
	static const hand_event h0[] = {
		{ "are conducting joint", "conducting", "2022-11-16..2022-11-28", "Hammaguir", "asserted" },
		{ "the two countries held", "held", "2021-11", "South Ossetia", "asserted" },
		{ "of the ANP participated", "participated", "2022-09", "Far East of Russia", "asserted" },
		{ "regularly carried out", "carried", "2020-11-20..2022-11-20", "", "asserted" },
		{ "CHOUGAEV, travelled", "travelled", "2022-11-10", "Algeria", "asserted" },
		{ "where he met", "met", "2022-11-10", "Algeria", "asserted" },
		{ "Moscow will reap", "reap", "reported", "", "future" },
	};
	int ok = run_table(d0, "seed000", h0, sizeof(h0) / sizeof(h0[0]));
	dyad_doc_free(d0);

	dyad_doc *d1 = seed("001_e875bc3e70eee7ce.txt");
	assert_non_null(d1);
	dyad_date p1 = { 2023, 2, 8 };
	assert_int_equal(dyad_when_set_document(ctx, p1, none, dzarus, 2), 0);
	static const hand_event h1[] = {
		{ "army hosted", "hosted", "2023-02-06", "", "asserted" },
		{ "He also met", "met", "reported", "", "asserted" },
		{ "is set to visit", "visit", "2023-05", "Russia", "future" },
		{ "Last October, both", "carried", "2022-10", "Mediterranean Sea", "asserted" },
		{ "for decades been", "supplier", "reported", "", "historical" },
		{ "was worth $3", "worth", "2021", "", "asserted" },
		{ "Algeria floated", "floated", "2018-09..2018-12", "", "historical" },
		{ "to acquire four", "acquire", "reported", "", "asserted" },
		{ "agreement signed on", "signed", "2018-05-14", "", "historical" },
		{ "will receive the first", "receive", "2018-09", "", "future" },
		{ "has signed large", "signed", "2020-02-08..2023-02-08", "", "asserted" },
	};
	ok += run_table(d1, "seed001", h1, sizeof(h1) / sizeof(h1[0]));
	dyad_doc_free(d1);

	dyad_doc *d2 = seed("002_bc85b4d9c18085e0.txt");
	assert_non_null(d2);
	dyad_date p2 = { 2022, 6, 15 };
	const char dzarusmar[][4] = { "DZA", "RUS", "MAR", "ESP" };
	assert_int_equal(dyad_when_set_document(ctx, p2, none, dzarusmar, 4), 0);
	static const hand_event h2[] = {
		{ "plans to hold joint", "hold", "2022-11", "", "planned" },
		{ "led a group", "led", "2022-06-01..2022-06-10", "Russia", "asserted" },
		{ "downgraded its political", "downgraded", "2022-06-01..2022-06-10", "", "asserted" },
		{ "conducted nighttime", "conducted", "reported", "Tindouf", "asserted" },
		{ "held discussion", "held", "2022-05-16", "", "asserted" },
		{ "exercises, scheduled", "exercises", "2022-11", "Algerian desert", "planned" },
	};
	ok += run_table(d2, "seed002", h2, sizeof(h2) / sizeof(h2[0]));
	dyad_doc_free(d2);

	dyad_doc *d4 = seed("004_4d66be06cf9a4aa3.txt");
	assert_non_null(d4);
	dyad_date p4 = { 2023, 8, 2 };
	assert_int_equal(dyad_when_set_document(ctx, p4, none, dzarus, 2), 0);
	static const hand_event h4[] = {
		{ "has arrived in Russia", "arrived", "reported", "Russia", "asserted" },
		{ "hold talks with", "talks", "reported", "", "asserted" },
		{ "was signed,'", "signed", "reported", "", "reported" },
		{ "positions held by", "held", "1954", "", "historical" },
	};
	ok += run_table(d4, "seed004", h4, sizeof(h4) / sizeof(h4[0]));
	dyad_doc_free(d4);
	size_t total = sizeof(h0) / sizeof(h0[0]) + sizeof(h1) / sizeof(h1[0]) +
	               sizeof(h2) / sizeof(h2[0]) + sizeof(h4) / sizeof(h4[0]);
	fprintf(stderr, "seeds: %d/%zu events as expected\n", ok, total);
	/* Known misses (docs/internals/dates.md): a trip dated by a meeting in
	 * its sentence, "yesterday" of a quoted source, demonym places. */
	assert_true((size_t)ok * 100 >= total * 75);
}

/* dyad_when_json gives members that parse, with the documented names. */
static void test_json(void **state)
{
	(void)state;
	static const char text[] = "The two armies held \"drills\" from 16 to 28 November 2022 in "
	                           "Hammaguir with four \"Buyan-M\" corvettes worth $ 180 million.";
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	assert_int_equal(dyad_tokenize(toks, text, sizeof(text) - 1, 0), 0);
	const char countries[][4] = { "DZA" };
	dyad_date pub = { 2022, 11, 30 }, none = { 0, 0, 0 };
	assert_int_equal(dyad_when_set_document(ctx, pub, none, countries, 1), 0);
	dyad_event ev;
	dyad_event_init(&ev);
	ev.verb_span.start = (uint32_t)(strstr(text, "held") - text);
	ev.verb_span.end = ev.verb_span.start + 4;
	assert_int_equal(dyad_when_annotate(ctx, text, dyad_tokens_array(toks),
	                                    dyad_tokens_count(toks), &ev, 1), 0);
	char buf[2048];
	size_t need = dyad_when_json(buf + 1, sizeof(buf) - 2, &ev, text);
	assert_true(need > 0 && need < sizeof(buf) - 3);
	buf[0] = '{';
	buf[need + 1] = '}';
	buf[need + 2] = 0;
	json_error_t err;
	json_t *o = json_loads(buf, 0, &err);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "date")), "2022-11-16");
	assert_string_equal(json_string_value(json_object_get(o, "date_end")), "2022-11-28");
	assert_string_equal(json_string_value(json_object_get(o, "date_precision")), "range");
	assert_string_equal(json_string_value(json_object_get(o, "date_text")), "from 16 to 28 November 2022");
	assert_string_equal(json_string_value(json_object_get(o, "pub_date")), "2022-11-30");
	assert_true(json_is_null(json_object_get(o, "ingest_date")));
	json_t *place = json_object_get(o, "place");
	assert_string_equal(json_string_value(json_object_get(place, "country")), "DZA");
	assert_string_equal(json_string_value(json_object_get(place, "resolution")), "city");
	assert_true(json_is_real(json_object_get(place, "lat")));
	json_t *q = json_object_get(o, "quantities");
	assert_int_equal(json_array_size(q), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(q, 1), "unit")), "USD");
	assert_string_equal(json_string_value(json_object_get(json_array_get(q, 1), "text")), "$ 180 million");
	assert_string_equal(json_string_value(json_object_get(o, "modality")), "asserted");
	json_decref(o);
	/* Truncation: snprintf-like. */
	char small[8];
	assert_int_equal(dyad_when_json(small, sizeof(small), &ev, text), need);
	assert_int_equal(strlen(small), 7);
	/* A country is never a point. */
	ev.place_resolution = DYAD_RES_COUNTRY;
	dyad_when_json(buf, sizeof(buf), &ev, NULL);
	assert_non_null(strstr(buf, "\"lat\":null"));
	assert_non_null(strstr(buf, "\"date_text\":null"));
	dyad_tokens_free(toks);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_document),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_seeds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
