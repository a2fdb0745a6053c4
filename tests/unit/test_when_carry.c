/*
 * test_when_carry.c - dates and places carried across the sentences of a
 * document by dyad_when_annotate(): the multi-sentence golden cases of
 * tests/golden/carry/cases.txt (cases where carrying is right and cases
 * where it would be wrong), and the rules that need actor codes, sentence
 * order or the JSON members.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "dyad/when.h"
#include "when_golden.h"

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

/* "\n" written in a golden text is a line break. */
static size_t unescape(char *s)
{
	size_t o = 0;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '\\' && s[i + 1] == 'n') {
			s[o++] = '\n';
			i++;
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = 0;
	return o;
}

/* "062 DZAMIL RUSMIL" or "-". */
static void set_codes(dyad_event *ev, const char *spec)
{
	char cameo[8] = "", src[40] = "", tgt[40] = "";
	if (!strcmp(spec, "-"))
		return;
	int n = sscanf(spec, "%7s %39s %39s", cameo, src, tgt);
	assert_true(n >= 2);
	snprintf(ev->cameo, sizeof(ev->cameo), "%s", cameo);
	snprintf(ev->source, sizeof(ev->source), "%s", src);
	if (n == 3 && strcmp(tgt, "-"))
		snprintf(ev->target, sizeof(ev->target), "%s", tgt);
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

/* Annotate the event of `phrase`/`verb` in `doc`; false when not found. */
static bool annotate(dyad_doc *doc, dyad_tokens *toks, const char *phrase, const char *verb,
                     const char *codes, dyad_event *ev)
{
	size_t len, ns;
	const char *text = dyad_doc_text(doc, &len);
	const char *at = strstr(text, phrase);
	const char *v = at ? strstr(at, verb) : NULL;
	if (!v)
		return false;
	uint32_t vpos = (uint32_t)(v - text);
	const dyad_sentence *s = dyad_doc_sentences(doc, &ns);
	for (size_t i = 0; i < ns; i++) {
		if (vpos < s[i].span.start || vpos >= s[i].span.end)
			continue;
		assert_int_equal(dyad_tokenize(toks, text + s[i].span.start,
		                               s[i].span.end - s[i].span.start, s[i].span.start), 0);
		dyad_event_init(ev);
		set_codes(ev, codes);
		ev->sentence = (uint32_t)i;
		ev->verb_span.start = vpos;
		ev->verb_span.end = vpos + (uint32_t)strlen(verb);
		assert_int_equal(dyad_when_annotate(ctx, text, dyad_tokens_array(toks),
		                                    dyad_tokens_count(toks), ev, 1), 0);
		return true;
	}
	return false;
}

static const char *source_or_dash(const dyad_event *ev, bool place)
{
	if (place && !ev->place_name[0])
		return "-";
	const char *n = dyad_source_name((dyad_value_source)(place ? ev->place_source
	                                                           : ev->date_source));
	return n ? n : "-";
}

/* One "ev" line of the current document. */
static bool event_ok(dyad_doc *doc, dyad_tokens *toks, const g_line *l)
{
	dyad_event ev;
	if (!annotate(doc, toks, l->f[1], l->f[2], l->f[3], &ev)) {
		fprintf(stderr, "carry:%d: phrase or verb not found\n", l->lineno);
		return false;
	}
	char d[48];
	date_text(d, sizeof(d), &ev);
	const char *place = ev.place_name[0] ? ev.place_name : "-";
	const char *ds = source_or_dash(&ev, false), *ps = source_or_dash(&ev, true);
	bool ok = !strcmp(d, l->f[4]) && !strcmp(ds, l->f[5]) && !strcmp(place, l->f[6]) &&
	          !strcmp(ps, l->f[7]);
	if (!ok)
		fprintf(stderr, "carry:%d: %s: got %s %s / %s %s, want %s %s / %s %s\n", l->lineno,
		        l->f[2], d, ds, place, ps, l->f[4], l->f[5], l->f[6], l->f[7]);
	return ok;
}

static void test_golden(void **state)
{
	(void)state;
	FILE *fp = g_open("tests/golden/carry/cases.txt");
	assert_non_null(fp);
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	dyad_doc *doc = NULL;
	g_line l = { .lineno = 0 };
	int total = 0, pass = 0, carried = 0, docs = 0;
	while (g_next(fp, &l)) {
		if (!strcmp(l.f[0], "doc")) {
			assert_int_equal(l.nf, 3);
			dyad_doc_free(doc);
			doc = NULL;
			size_t len = unescape(l.f[2]);
			assert_int_equal(dyad_doc_from_bytes(&doc, "golden", l.f[2], len, NULL), 0);
			dyad_date pub, none = { 0, 0, 0 };
			assert_int_equal(dyad_date_parse(&pub, l.f[1], strlen(l.f[1])), 0);
			assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
			docs++;
			continue;
		}
		assert_string_equal(l.f[0], "ev");
		assert_int_equal(l.nf, 8);
		assert_non_null(doc);
		total++;
		pass += event_ok(doc, toks, &l);
		carried += !strcmp(l.f[5], "carried") || !strcmp(l.f[7], "carried");
	}
	fclose(fp);
	dyad_doc_free(doc);
	dyad_tokens_free(toks);
	fprintf(stderr, "carry: %d/%d events as expected (%d documents, %d events with a carried value)\n",
	        pass, total, docs, carried);
	assert_true(carried >= 10 && total - carried >= 10);
	assert_int_equal(pass, total);
}

/* A document of two sentences: an exercise, then "The exercise ...". */
static const char two[] =
	"Algerian and Russian troops held drills near Bechar on 16 November 2022. "
	"The exercise involved tanks.";

static void annotate_two(dyad_tokens *toks, uint32_t s0, uint32_t s1, dyad_event *ev1)
{
	const char *second = strstr(two, "The exercise");
	uint32_t cut = (uint32_t)(second - two);
	dyad_event ev0;
	dyad_event_init(&ev0);
	ev0.sentence = s0;
	ev0.verb_span.start = (uint32_t)(strstr(two, "held") - two);
	ev0.verb_span.end = ev0.verb_span.start + 4;
	assert_int_equal(dyad_tokenize(toks, two, cut - 1, 0), 0);
	assert_int_equal(dyad_when_annotate(ctx, two, dyad_tokens_array(toks),
	                                    dyad_tokens_count(toks), &ev0, 1), 0);
	assert_int_equal(ev0.date_source, DYAD_SRC_SENTENCE);
	dyad_event_init(ev1);
	ev1->sentence = s1;
	ev1->verb_span.start = (uint32_t)(strstr(two, "involved") - two);
	ev1->verb_span.end = ev1->verb_span.start + 8;
	assert_int_equal(dyad_tokenize(toks, second, strlen(second), cut), 0);
	assert_int_equal(dyad_when_annotate(ctx, two, dyad_tokens_array(toks),
	                                    dyad_tokens_count(toks), ev1, 1), 0);
}

/* Sentence order: carried forward only; a smaller index starts afresh,
 * and dyad_when_set_document() forgets the previous document. */
static void test_sentence_order(void **state)
{
	(void)state;
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	dyad_date pub = { 2022, 11, 30 }, none = { 0, 0, 0 };
	dyad_event ev;

	assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
	annotate_two(toks, 0, 1, &ev);
	assert_int_equal(ev.date_source, DYAD_SRC_CARRIED);
	assert_int_equal(ev.date.day, 16);
	assert_int_equal(ev.date_precision, DYAD_PREC_DAY);
	assert_int_equal(ev.place_source, DYAD_SRC_CARRIED);
	assert_string_equal(ev.place_name, "Bechar");
	/* the carried date shows the words that gave it */
	assert_int_equal(strncmp(two + ev.date_span.start, "16 November 2022", 16), 0);

	/* the same sentence index: nothing earlier to refer to */
	assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
	annotate_two(toks, 4, 4, &ev);
	assert_int_equal(ev.date_source, DYAD_SRC_PUBLICATION);
	assert_int_equal(ev.place_source, DYAD_SRC_NONE);
	assert_string_equal(ev.place_name, "");

	/* five sentences apart: out of reach */
	assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
	annotate_two(toks, 0, 5, &ev);
	assert_int_equal(ev.date_source, DYAD_SRC_PUBLICATION);

	/* a new document in between */
	assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
	annotate_two(toks, 0, 1, &ev);
	assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
	const char *second = strstr(two, "The exercise");
	uint32_t cut = (uint32_t)(second - two);
	dyad_event_init(&ev);
	ev.sentence = 1;
	ev.verb_span.start = (uint32_t)(strstr(two, "involved") - two);
	ev.verb_span.end = ev.verb_span.start + 8;
	assert_int_equal(dyad_tokenize(toks, second, strlen(second), cut), 0);
	assert_int_equal(dyad_when_annotate(ctx, two, dyad_tokens_array(toks),
	                                    dyad_tokens_count(toks), &ev, 1), 0);
	assert_int_equal(ev.date_source, DYAD_SRC_PUBLICATION);
	dyad_tokens_free(toks);
}

/* Actors: when both events have codes, they must share a country. */
static void test_actors(void **state)
{
	(void)state;
	static const char text[] = "French troops held drills in Gao on 3 March 2023. "
	                           "The exercise worried Algeria.";
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	dyad_date pub = { 2023, 3, 30 }, none = { 0, 0, 0 };
	const char *second = strstr(text, "The exercise");
	uint32_t cut = (uint32_t)(second - text);
	for (int same = 0; same < 2; same++) {
		assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
		dyad_event a, b;
		dyad_event_init(&a);
		snprintf(a.cameo, sizeof(a.cameo), "062");
		snprintf(a.source, sizeof(a.source), "FRAMIL");
		snprintf(a.target, sizeof(a.target), "MLIMIL");
		a.verb_span.start = (uint32_t)(strstr(text, "held") - text);
		a.verb_span.end = a.verb_span.start + 4;
		assert_int_equal(dyad_tokenize(toks, text, cut - 1, 0), 0);
		assert_int_equal(dyad_when_annotate(ctx, text, dyad_tokens_array(toks),
		                                    dyad_tokens_count(toks), &a, 1), 0);
		dyad_event_init(&b);
		b.sentence = 1;
		snprintf(b.cameo, sizeof(b.cameo), "062");
		snprintf(b.source, sizeof(b.source), same ? "FRAMIL" : "DZAGOV");
		b.verb_span.start = (uint32_t)(strstr(text, "worried") - text);
		b.verb_span.end = b.verb_span.start + 7;
		assert_int_equal(dyad_tokenize(toks, second, strlen(second), cut), 0);
		assert_int_equal(dyad_when_annotate(ctx, text, dyad_tokens_array(toks),
		                                    dyad_tokens_count(toks), &b, 1), 0);
		assert_int_equal(b.date_source, same ? DYAD_SRC_CARRIED : DYAD_SRC_PUBLICATION);
		assert_int_equal(b.place_source, same ? DYAD_SRC_CARRIED : DYAD_SRC_NONE);
	}
	dyad_tokens_free(toks);
}

/* dyad_when_json names where the date and place came from. */
static void test_json_sources(void **state)
{
	(void)state;
	dyad_tokens *toks = NULL;
	assert_int_equal(dyad_tokens_new(&toks), 0);
	dyad_date pub = { 2022, 11, 30 }, none = { 0, 0, 0 };
	assert_int_equal(dyad_when_set_document(ctx, pub, none, NULL, 0), 0);
	dyad_event ev;
	annotate_two(toks, 0, 1, &ev);
	char buf[1024];
	size_t need = dyad_when_json(buf, sizeof(buf), &ev, two);
	assert_true(need > 0 && need < sizeof(buf));
	assert_non_null(strstr(buf, "\"date_source\":\"carried\""));
	assert_non_null(strstr(buf, "\"place_source\":\"carried\""));
	assert_non_null(strstr(buf, "\"date_text\":\"16 November 2022\""));
	ev.date_source = DYAD_SRC_PUBLICATION;
	ev.place_name[0] = 0;
	dyad_when_json(buf, sizeof(buf), &ev, two);
	assert_non_null(strstr(buf, "\"date_source\":\"publication\""));
	assert_non_null(strstr(buf, "\"place\":null,\"place_source\":null,"));
	assert_null(dyad_source_name(DYAD_SRC_NONE));
	assert_string_equal(dyad_source_name(DYAD_SRC_SENTENCE), "sentence");
	dyad_tokens_free(toks);
}

int main(void)
{
	(void)g_run;          /* when_golden.h helpers this runner does not need */
	(void)g_verb_event;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_sentence_order),
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_json_sources),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
