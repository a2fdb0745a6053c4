/*
 * test_coder.c - unit tests of the event coder, one coding feature per
 * test, on a small dictionary written here and sentences of our own:
 * simple events, compound actors, agents with country names and
 * adjectives, passive voice, negation, pronouns, "the two countries",
 * paired codes, discards, subordinate codes, date restrictions, coded
 * compounds, .people roles, lemma-matched verb files, nominal patterns,
 * role appositions, spans and the pattern that explains each event.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dyad/dyad.h"
#include "dyad/pipeline.h"
#include "dyad/records.h"

static const char actors[] =
	"; test actors\n"
	"ALGERIA_ [DZA]\n"
	"+ALGERIAN_\n"
	"RUSSIA_ [RUS]\n"
	"+RUSSIAN_\n"
	"MOROCCO_ [MAR]\n"
	"+MOROCCAN_\n"
	"SPAIN_ [ESP]\n"
	"NIGER_ [NER]\n"
	"KREMLIN_ [RUSGOV]\n"
	"ALGIERS_ [DZAGOV]\n"
	"FEDERAL_SERVICE_FOR_MILITARY-TECHNICAL_COOPERATION_ [RUSGOV]\n"
	"OLD_GENERAL_ [DZAMIL 19900101-19991231] [DZAMIL >20200101] [DZA]\n"
	"NORTH_AND_SOUTH_ [NNN/SSS]\n"
	"FOOTBALL_ [###]\n";

static const char agents[] =
	"ARMY_ [~MIL]\n"
	"DEFENCE_MINISTER_ [~MIL]\n"
	"FOREIGN_MINISTER_ [~GOV]\n"
	"TROOPS_ [~MIL]\n"
	"PROTESTERS_ [~CVL]\n";

static const char verbs[] =
	"CONDEMN_ [111]\n"
	"- NOT_* [---]\n"
	"ATTACK_ [190]\n"
	"HOST_ [043:042]\n"
	"VISIT_ [042:043]\n"
	"MEET_ [040]\n"
	"- % * [040]\n"
	"SAID_ [010?]\n"
	"THREATEN_ [130]\n"
	"PLAY_ [040]\n";

static const char lemma_verbs[] =
	";;dyad match=lemma\n"
	"SUPPLY_ [070]\n"
	"SEND_ [071]\n"
	"HOLD_ [---]\n"
	"{HELD_}\n"
	"- % * JOINT_ EXERCISE [062]\n"
	"EXERCISE_ [---]\n"
	"- % JOINT_ * [062]\n"
	"- JOINT_ * BETWEEN_ $ AND_ + [062:062]\n"
	"STRIKE_ [195]\n";

static const char people[] =
	"name\tvariants\tcode\tstart\tend\toffice\tsource\n"
	"Sergei Shoigu\tSergey Shoigu|Shoigu\tRUSMIL\t2012-11-06\t2024-05-12\tMinister of Defence\tdecree\n"
	"Sergei Shoigu\tSergey Shoigu|Shoigu\tRUSGOV\t2024-05-12\t\tSecurity Council secretary\tdecree\n";

typedef struct fixture {
	dyad_lexicon  *lex;
	dyad_pipeline *pipe;
	dyad_events    evs;
	char           got[2048];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	dyad_dict_buffer b[] = {
		{ "t.actors", actors, sizeof actors - 1 },
		{ "t.agents", agents, sizeof agents - 1 },
		{ "t.verbs", verbs, sizeof verbs - 1 },
		{ "lemma.verbs", lemma_verbs, sizeof lemma_verbs - 1 },
		{ "t.people", people, sizeof people - 1 },
	};
	if (!f || dyad_lexicon_load_buffers(&f->lex, b, 5, NULL) ||
	    dyad_pipeline_new(&f->pipe, f->lex, NULL))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	dyad_events_release(&f->evs);
	dyad_pipeline_free(f->pipe);
	dyad_lexicon_free(f->lex);
	free(f);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Code `text` dated `date` ("YYYY-MM-DD"); events as sorted
 * "SRC TGT CODE" joined by "; ". */
static const char *code(fixture *f, const char *date, const char *text)
{
	dyad_record rec = { 0 };
	rec.text = (char *)text;
	rec.text_len = strlen(text);
	rec.id = "t";
	if (date)
		assert_int_equal(dyad_date_parse(&rec.date, date, strlen(date)), 0);
	dyad_events_clear(&f->evs);
	assert_true(dyad_pipeline_code_record(f->pipe, &rec, &f->evs) >= 0);
	static char lines[64][96];
	char *p[64];
	size_t n = 0;
	for (size_t i = 0; i < f->evs.count && n < 64; i++) {
		const dyad_event *e = &f->evs.items[i];
		snprintf(lines[n], sizeof lines[0], "%s %s %s", e->source, e->target, e->cameo);
		p[n] = lines[n];
		n++;
	}
	qsort(p, n, sizeof *p, cmp);
	size_t o = 0;
	f->got[0] = '\0';
	for (size_t i = 0; i < n && o < sizeof f->got; i++)
		o += (size_t)snprintf(f->got + o, sizeof f->got - o, "%s%s", i ? "; " : "", p[i]);
	return f->got;
}

#define F fixture *f = *state

static void test_simple(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "Algeria condemned Morocco on Monday."), "DZA MAR 111");
	assert_string_equal(code(f, "2023-08-02", "The weather was fine in Algiers."), "");
}

static void test_compound_actors(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "Algeria and Russia condemned Morocco."),
	                    "DZA MAR 111; RUS MAR 111");
	assert_string_equal(code(f, "2023-08-02", "Spain condemned Algeria, Niger and Morocco."),
	                    "ESP DZA 111; ESP MAR 111; ESP NER 111");
	/* % pattern: every pair of the compound */
	assert_string_equal(code(f, "2023-08-02", "Algeria and Russia will meet in Moscow."),
	                    "DZA RUS 040; RUS DZA 040");
}

/* A compound subject acting on an object attacked it together, not each
 * other; without an object the fighting verb stays reciprocal. */
static void test_compound_acting_on_object(void **state)
{
	F;
	assert_string_equal(code(f, "2022-11-28", "Algerian and Russian troops attacked a mock camp."), "");
	assert_string_equal(code(f, "2022-11-28", "Algerian and Russian troops attacked each other."),
	                    "DZAMIL RUSMIL 190; RUSMIL DZAMIL 190");
	assert_string_equal(code(f, "2022-11-28", "Algeria and Russia attacked Morocco."),
	                    "DZA MAR 190; RUS MAR 190");
}

/* A lemma verb between a determiner and the noun it modifies is not a
 * verb ("a strike group"); as the head of its phrase it stays one. */
static void test_lemma_verb_as_modifier(void **state)
{
	F;
	assert_string_equal(code(f, "2023-03-01", "Russia sent a strike group to Algeria."), "RUS DZA 071");
	assert_string_equal(code(f, "2023-03-01", "Russia built a strike base near Morocco."), "");
	assert_string_equal(code(f, "2023-03-01", "Russia launched a strike on Morocco."), "RUS MAR 195");
}

static void test_agents(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "The Algerian army attacked Niger."), "DZAMIL NER 190");
	assert_string_equal(code(f, "2023-08-02", "Russia's foreign minister condemned Spain."), "RUSGOV ESP 111");
	assert_string_equal(code(f, "2023-08-02", "The army of Morocco attacked Niger."), "MARMIL NER 190");
	/* an agent shared by two country adjectives */
	assert_string_equal(code(f, "2023-08-02", "Algerian and Russian troops attacked Niger."),
	                    "DZAMIL NER 190; RUSMIL NER 190");
	/* FORMER makes an office holder an elite (~ELI) */
	assert_string_equal(code(f, "2023-08-02", "A former Algerian defence minister condemned Spain."),
	                    "DZAELI ESP 111");
	/* a capital used for its country takes the agent's sector */
	assert_string_equal(code(f, "2023-08-02", "Protesters in Algiers condemned Spain."), "DZACVL ESP 111");
	/* a country adjective before a more specific actor of its own */
	assert_string_equal(code(f, "2023-08-02", "Spain condemned Russian minister Sergei Shoigu."), "ESP RUSMIL 111");
}

static void test_passive(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "Morocco was attacked by Algeria."), "DZA MAR 190");
	assert_true(f->evs.items[0].flags & DYAD_EVF_PASSIVE);
}

static void test_negation(void **state)
{
	F;
	/* a null-coded pattern: "not condemn" is not an event */
	assert_string_equal(code(f, "2023-08-02", "Spain did not condemn Morocco."), "");
	/* negation next to a verb without such a pattern: coded, marked negated */
	assert_string_equal(code(f, "2023-08-02", "Algeria never attacked Morocco."), "DZA MAR 190");
	assert_int_equal(f->evs.items[0].modality, DYAD_MOD_NEGATED);
}

static void test_pronouns_and_subordinate(void **state)
{
	F;
	/* SAID is subordinate ([010?]): the reported event is coded; "it"
	 * is Algeria */
	assert_string_equal(code(f, "2023-08-02", "Algeria said it condemned Morocco."), "DZA MAR 111");
	/* across sentences of one document */
	assert_string_equal(code(f, "2023-08-02", "Algeria hosted a summit. It condemned Morocco."), "DZA MAR 111");
}

static void test_two_countries(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02",
	                         "Russia's defence minister visited Algeria. The two countries will meet again."),
	                    "DZA RUSMIL 040; DZA RUSMIL 043; RUSMIL DZA 040; RUSMIL DZA 042");
	assert_string_equal(code(f, "2023-08-02",
	                         "Algeria and Niger condemned Spain. Both sides will meet in May."),
	                    "DZA ESP 111; DZA NER 040; NER DZA 040; NER ESP 111");
}

static void test_paired_codes(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "The Algerian army hosted Russia's defence minister."),
	                    "DZAMIL RUSMIL 043; RUSMIL DZAMIL 042");
	assert_true(f->evs.count == 2 && (f->evs.items[1].flags & DYAD_EVF_PAIRED));
}

static void test_discard(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "Algeria attacked Morocco in a football match."), "");
	bool complex, discard;
	(void)complex;
	(void)discard;
}

static void test_date_restrictions(void **state)
{
	F;
	assert_string_equal(code(f, "1995-03-01", "The old general condemned Morocco."), "DZAMIL MAR 111");
	assert_string_equal(code(f, "2010-03-01", "The old general condemned Morocco."), "DZA MAR 111");
	assert_string_equal(code(f, "2021-03-01", "The old general condemned Morocco."), "DZAMIL MAR 111");
	/* no date: the undated default */
	assert_string_equal(code(f, NULL, "The old general condemned Morocco."), "DZA MAR 111");
}

static void test_people_roles(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "Sergei Shoigu threatened Spain."), "RUSMIL ESP 130");
	assert_string_equal(code(f, "2024-08-02", "Shoigu threatened Spain."), "RUSGOV ESP 130");
	/* before all rows: the country alone */
	assert_string_equal(code(f, "2005-08-02", "Sergey Shoigu threatened Spain."), "RUS ESP 130");
}

static void test_coded_compound(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "North and South attacked Spain."), "NNN ESP 190; SSS ESP 190");
}

static void test_lemma_verbs(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02", "Russia supplies Algeria."), "RUS DZA 070");
	assert_string_equal(code(f, "2023-08-02", "Russia supplied Algeria."), "RUS DZA 070");
	/* negation in a lemma file: not an event */
	assert_string_equal(code(f, "2023-08-02", "Russia did not supply Algeria."), "");
	assert_string_equal(code(f, "2023-08-02", "Algeria and Russia held no joint exercise."), "");
	/* irregular forms from the engine's table */
	assert_string_equal(code(f, "2023-08-02", "Russia sent Algeria grain."), "RUS DZA 071");
	assert_string_equal(code(f, "2023-08-02", "Algeria and Russia held joint exercises."),
	                    "DZA RUS 062; RUS DZA 062");
	/* a nominal event head: "joint military exercises between X and Y" */
	assert_string_equal(code(f, "2023-08-02", "The joint exercises between Algeria and Russia ended."),
	                    "DZA RUS 062; RUS DZA 062");
}

static void test_role_apposition(void **state)
{
	F;
	assert_string_equal(code(f, "2023-08-02",
	                         "Dmitry Shugaev, director of Russia's Federal Service for Military-Technical "
	                         "Cooperation, visited Algeria on Monday."),
	                    "DZA RUSGOV 043; RUSGOV DZA 042");
}

static void test_spans_and_pattern(void **state)
{
	F;
	const char *text = "On Monday, the Algerian army attacked Niger.";
	assert_string_equal(code(f, "2023-08-02", text), "DZAMIL NER 190");
	const dyad_event *e = &f->evs.items[0];
	size_t len;
	const char *t = dyad_pipeline_text(f->pipe, &len);
	assert_int_equal(e->verb_span.end - e->verb_span.start, 8);
	assert_memory_equal(t + e->verb_span.start, "attacked", 8);
	assert_memory_equal(t + e->source_span.start, "Algerian army", 13);
	assert_memory_equal(t + e->target_span.start, "Niger", 5);
	assert_non_null(e->pattern);
	assert_non_null(strstr(e->pattern, "ATTACK_"));
	assert_int_equal(e->date.year, 2023);
	assert_int_equal(e->date_precision, DYAD_PREC_REPORTED);
}

static void test_overlong_sentence(void **state)
{
	F;
	/* 1,500 words in one sentence: coded on its first 1,000 tokens */
	static char big[20000];
	size_t o = (size_t)snprintf(big, sizeof big, "Algeria condemned Morocco");
	for (int i = 0; i < 1500; i++)
		o += (size_t)snprintf(big + o, sizeof big - o, " and");
	snprintf(big + o, sizeof big - o, ".");
	code(f, "2023-08-02", big);
	assert_int_equal(dyad_pipeline_stats_get(f->pipe)->overlong, 1);
}

/* An actor or agent word written whole ("MAK_", "BASE_") takes the
 * plural, not a verb ending: "making" is not the movement MAK, a
 * "Moscow-based" bank is not a military base. */
static void test_actor_word_endings(void **state)
{
	(void)state;
	static const char a[] = "MAK_ [DZAOPP]\nSPAIN_ [ESP]\nALGERIA_ [DZA]\n";
	static const char g[] = "BASE_ [~MIL]\n";
	static const char v[] = "CONDEMN_ [111]\n";
	dyad_dict_buffer b[] = {
		{ "e.actors", a, sizeof a - 1 },
		{ "e.agents", g, sizeof g - 1 },
		{ "e.verbs", v, sizeof v - 1 },
	};
	fixture *f = calloc(1, sizeof *f);
	assert_non_null(f);
	assert_int_equal(dyad_lexicon_load_buffers(&f->lex, b, 3, NULL), 0);
	assert_int_equal(dyad_pipeline_new(&f->pipe, f->lex, NULL), 0);
	assert_string_equal(code(f, "2023-08-02", "Spain condemned the MAK."), "ESP DZAOPP 111");
	assert_string_equal(code(f, "2023-08-02", "Spain condemned the making of bombs."), "");
	assert_string_equal(code(f, "2023-08-02", "Spain condemned the Algeria bases."), "ESP DZAMIL 111");
	assert_string_equal(code(f, "2023-08-02", "Spain condemned the Algeria-based group."), "ESP DZA 111");
	teardown((void **)&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_compound_actors),
		cmocka_unit_test(test_agents),
		cmocka_unit_test(test_compound_acting_on_object),
		cmocka_unit_test(test_lemma_verb_as_modifier),
		cmocka_unit_test(test_passive),
		cmocka_unit_test(test_negation),
		cmocka_unit_test(test_pronouns_and_subordinate),
		cmocka_unit_test(test_two_countries),
		cmocka_unit_test(test_paired_codes),
		cmocka_unit_test(test_discard),
		cmocka_unit_test(test_date_restrictions),
		cmocka_unit_test(test_people_roles),
		cmocka_unit_test(test_coded_compound),
		cmocka_unit_test(test_lemma_verbs),
		cmocka_unit_test(test_role_apposition),
		cmocka_unit_test(test_spans_and_pattern),
		cmocka_unit_test(test_overlong_sentence),
		cmocka_unit_test(test_actor_word_endings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
