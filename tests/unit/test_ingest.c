/*
 * test_ingest.c - unit tests of the ingest readers over bytes: datelines,
 * language, HTML extraction, feeds, PETRARCH XML and format sniffing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/ingest.h"
#include "dyad/store.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdlib.h>
#include <unistd.h>

static void check_dateline(const char *text, int y, int m, int d, const char *agency)
{
	dyad_date dt;
	char ag[48];
	bool found = dyad_dateline_find(text, strlen(text), &dt, ag, sizeof(ag));
	assert_true(found == (y != 0));
	assert_int_equal(dt.year, y);
	assert_int_equal(dt.month, m);
	assert_int_equal(dt.day, d);
	assert_string_equal(ag, agency);
}

static void test_datelines(void **state)
{
	(void)state;
	check_dateline("Russian-Algerian military ties\n\n15:19 02.08.2023 \xe2\x80\xa2\n\nPhoto: MoD", 2023, 8, 2, "");
	check_dateline("ALGIERS, Nov. 10 (APS) - The army chief met ... in 2022.", 2022, 11, 10, "APS");
	check_dateline("MOSCOW, Aug 2 (TASS) \xe2\x80\x94 Talks were held. The 2023 plan ...", 2023, 8, 2, "TASS");
	check_dateline("ALGIERS, June 8, 2022 (North Africa Monitor) - Algeria suspended ...", 2022, 6, 8, "North Africa Monitor");
	check_dateline("Headline\n\nNovember 10, 2022\n\nText.", 2022, 11, 10, "");
	/* no year anywhere: no date, the agency still read */
	check_dateline("RABAT, Sept. 22 (MAP) - Morocco said ...", 0, 0, 0, "MAP");
	/* a date deep in the body is an event date, not the publication's */
	check_dateline("Headline\n\nThe two armies held drills in the desert, far from the coast, and many "
	               "other things happened that are told here at length, so that what follows is well past "
	               "the byline zone of the article. Officials recalled that on 16 November 2022 the troops met.",
	               0, 0, 0, "");
}

static void test_language(void **state)
{
	(void)state;
	const char en[] = "The Algerian army said on Monday that it had held talks with the Russian delegation.";
	const char fr[] = "Les forces algériennes et russes ont lancé mercredi un exercice conjoint dans la wilaya.";
	const char es[] = "El gobierno de Argelia suspendió el tratado con España por el cambio de posición sobre el Sáhara.";
	const char ar[] = "\xd8\xa7\xd9\x84\xd8\xac\xd8\xb2\xd8\xa7\xd8\xa6\xd8\xb1 \xd9\x88\xd8\xb1\xd9\x88\xd8\xb3\xd9\x8a\xd8\xa7 "
	                  "\xd8\xaa\xd8\xac\xd8\xb1\xd9\x8a\xd8\xa7\xd9\x86 \xd9\x85\xd9\x86\xd8\xa7\xd9\x88\xd8\xb1\xd8\xa7\xd8\xaa";
	assert_string_equal(dyad_language_detect(en, strlen(en)), "en");
	assert_string_equal(dyad_language_detect(fr, strlen(fr)), "fr");
	assert_string_equal(dyad_language_detect(es, strlen(es)), "es");
	assert_string_equal(dyad_language_detect(ar, strlen(ar)), "ar");
	assert_string_equal(dyad_language_detect("Ok.", 3), "und");
}

static void test_html_extract(void **state)
{
	(void)state;
	const char page[] =
		"<html><head><title>Site | Story</title><meta property=\"og:title\" content=\"Story\">"
		"<meta property=\"og:site_name\" content=\"Wire\"><meta property=\"article:published_time\" content=\"2022-11-16T08:00:00Z\">"
		"<script>var x = 1;</script></head><body><nav>Menu</nav><header>Top</header>"
		"<article><h1>Story</h1><div class=\"share-bar\">Share</div><p>First   paragraph\nof text.</p>"
		"<figure><img src=x><figcaption>A caption</figcaption></figure><div class=\"ad_slot\">Buy now</div>"
		"<p>Second paragraph.</p><p>Read more: other story</p><aside>Related</aside></article>"
		"<footer>Copyright</footer></body></html>";
	dyad_record rec;
	assert_int_equal(dyad_html_extract(&rec, "p.html", page, sizeof(page) - 1), 0);
	assert_string_equal(rec.title, "Story");
	assert_string_equal(rec.outlet, "Wire");
	assert_int_equal(rec.date.year, 2022);
	assert_int_equal(rec.date.day, 16);
	assert_string_equal(rec.text, "Story\n\nFirst paragraph of text.\n\nSecond paragraph.");
	assert_int_equal(rec.text_len, strlen(rec.text));
	dyad_record_clear(&rec);
	/* a page of navigation only has no article */
	const char nav[] = "<html><body><nav>Home</nav><div class=\"menu\">About</div></body></html>";
	assert_int_equal(dyad_html_extract(&rec, "n.html", nav, sizeof(nav) - 1), DYAD_EPARSE);
	assert_int_equal(dyad_html_extract(&rec, "e.html", "", 0), DYAD_EPARSE);
}

typedef struct got { int n; char title[64]; char url[64]; int year, month, day; char outlet[32]; } got;

static int on_rec(void *ctx, dyad_record *rec)
{
	got *g = ctx;
	if (g->n++ == 0) {
		snprintf(g->title, sizeof(g->title), "%s", rec->title ? rec->title : "");
		snprintf(g->url, sizeof(g->url), "%s", rec->url ? rec->url : "");
		snprintf(g->outlet, sizeof(g->outlet), "%s", rec->outlet ? rec->outlet : "");
		g->year = rec->date.year;
		g->month = rec->date.month;
		g->day = rec->date.day;
	}
	return 0;
}

static void test_feeds(void **state)
{
	(void)state;
	const char rss[] = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
		"<item><title>One</title><link>https://x.example/1</link><pubDate>Tue, 10 May 2022 18:00:00 GMT</pubDate>"
		"<description>&lt;p&gt;Lavrov met Tebboune.&lt;/p&gt;</description></item>"
		"<item><title>Two</title><link>https://x.example/2</link></item></channel></rss>";
	got g = { 0 };
	assert_int_equal(dyad_feed_read("f.rss", rss, sizeof(rss) - 1, on_rec, &g), 2);
	assert_string_equal(g.title, "One");
	assert_string_equal(g.url, "https://x.example/1");
	assert_string_equal(g.outlet, "Desk");
	assert_int_equal(g.year * 10000 + g.month * 100 + g.day, 20220510);
	const char px[] = "<Sentences><Sentence date=\"20081104\" id=\"A1\" source=\"AFP\"><Text>Talks held.</Text>"
	                  "</Sentence></Sentences>";
	got p = { 0 };
	assert_int_equal(dyad_petrarch_read("p.xml", px, sizeof(px) - 1, on_rec, &p), 1);
	assert_int_equal(p.year * 10000 + p.month * 100 + p.day, 20081104);
	assert_string_equal(p.outlet, "AFP");
	got z = { 0 };
	assert_int_equal(dyad_feed_read("bad", "<rss><channel>", 14, on_rec, &z) < 0 || z.n == 0, 1);
	assert_int_equal(dyad_petrarch_read("bad", "<html></html>", 13, on_rec, &z), DYAD_EPARSE);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(dyad_ingest_sniff("x", "  <!DOCTYPE html><html>", 23), DYAD_INPUT_HTML);
	assert_int_equal(dyad_ingest_sniff("x", "<?xml version='1.0'?><rss>", 26), DYAD_INPUT_FEED);
	assert_int_equal(dyad_ingest_sniff("x", "<feed xmlns='http://www.w3.org/2005/Atom'>", 42), DYAD_INPUT_FEED);
	assert_int_equal(dyad_ingest_sniff("x", "<Sentences><Sentence>", 21), DYAD_INPUT_PETRARCH);
	assert_int_equal(dyad_ingest_sniff("x.txt", "{\"id\":1}", 8), DYAD_INPUT_AUTO);
}

/* A coder that fails on every sentence, as a coder out of memory does. */
static void fail_begin(void *ctx, dyad_date date)
{
	(void)ctx;
	(void)date;
}

static int fail_code(void *ctx, const char *text, const dyad_token *toks, size_t n_toks,
                     uint32_t idx, dyad_events *out)
{
	(void)ctx, (void)text, (void)toks, (void)n_toks, (void)idx, (void)out;
	return dyad_error_set(DYAD_EINVAL, "coder exploded");
}

/* The message of an error met on a worker thread reaches the caller
 * (the last error is per thread: the writer must pass it on). */
static void test_worker_error_reaches_caller(void **state)
{
	(void)state;
	for (size_t threads = 0; threads <= 2; threads++) {
		char path[] = "/tmp/dyad-test-ingest-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		close(fd);
		dyad_store *store = NULL;
		assert_int_equal(dyad_store_open(&store, path), 0);
		dyad_ingest_coder coders[3];
		for (size_t i = 0; i < 3; i++)
			coders[i] = (dyad_ingest_coder){ NULL, fail_begin, fail_code, NULL, NULL, "t" };
		dyad_ingest_opts opts = { .threads = threads, .coder = coders };
		dyad_ingest *ing = NULL;
		assert_int_equal(dyad_ingest_new(&ing, store, &opts), 0);
		dyad_record rec;
		memset(&rec, 0, sizeof(rec));
		rec.id = dyad_strdup("r1");
		rec.text = dyad_strdup("Russia and Algeria signed a deal on Monday.");
		rec.text_len = strlen(rec.text);
		dyad_error_clear();   /* no message left from the last round */
		int rc = dyad_ingest_record(ing, &rec);
		if (!rc)
			rc = dyad_ingest_finish(ing);
		assert_true(rc < 0);
		assert_non_null(strstr(dyad_error_last(), "coder exploded"));
		dyad_record_clear(&rec);
		dyad_ingest_free(ing);
		dyad_store_free(store);
		unlink(path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_language),
		cmocka_unit_test(test_html_extract),
		cmocka_unit_test(test_feeds),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_worker_error_reaches_caller),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
