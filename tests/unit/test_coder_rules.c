/*
 * test_coder_rules.c - unit tests of the coder rules for dyad's own
 * (lemma) dictionaries that read the frame around a verb: suppliers
 * named only by a hyphen modifier ("Chinese-made"), warnings of an act
 * (threats), a pronoun subject after a verb (no object of it),
 * reported speech ("X said Y had ..."), possible and
 * conditional acts, acts named by a noun after "by <actor>", and
 * compounds ("and the United Nations", members acting on each other),
 * police facing a crowd of a known country, attacks on a capital,
 * leading "According to X," and "After meeting X," segments, ", who"
 * clauses after any word, agents of a participle modifier, groups "in
 * the north of the country", match results, a set-aside pattern with
 * an actor as direct object, cities of the gazetteer attacked, ", who"
 * clauses coded as sentences of their own, the host of an envoy, "the
 * government" faced by a domestic group, supporters of an actor, a
 * country's possessive before its named actor, passives of patterns
 * written for the active voice, trailing participle clauses, role nouns
 * inside an actor as pattern words, the target of a nominal pattern,
 * owners that are no guests, objects of a nominalisation. Small
 * dictionaries written here; sentences of our own.
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
#include "dyad/when.h"

static const char actors[] =
	"ALGERIA_ [DZA]\n"
	"+ALGERIAN_\n"
	"RUSSIA_ [RUS]\n"
	"+RUSSIAN_\n"
	"MOROCCO_ [MAR]\n"
	"+MOROCCAN_\n"
	"CHINA_ [CHN]\n"
	"+CHINESE_\n"
	"SERBIA_ [SRB]\n"
	"SPAIN_ [ESP]\n"
	"ALGIERS_ [DZAGOV]\n"
	"UKRAINE_ [UKR]\n"
	"EUROPEAN_UNION_ [IGOEUREEC]\n"
	"+EU_\n"
	"UNITED_NATIONS_ [IGOUNO]\n"
	"+THE_UNITED_NATIONS_\n"
	"+UKRAINIAN_\n"
	"SONATRACH_ [DZABUS]\n";

static const char agents[] =
	"ARMY_ [~MIL]\n"
	"TROOPS_ [~MIL]\n"
	"SOLDIERS_ [~MIL]\n"
	"PROTESTERS_ [~CVL]\n"
	"POLICE_ [~COP]\n"
	"MINISTER_ [~GOV]\n"
	"GUNMEN_ [~REB]\n"
	"VILLAGERS_ [~CVL]\n"
	"AMBASSADOR_ [~GOV]\n"
	"GOVERNMENT_ [~GOV]\n"
	"OPPOSITION_ [~OPP]\n"
	"SUPPORTERS_ [~CVL]\n"
	"JUNTA_ [~GOV]\n";

static const char verbs[] =
	";;dyad match=lemma\n"
	"ATTACK_ [190]\n"
	"- * BETWEEN_ % [190]\n"
	"SHELL_ [194]\n"
	"STRIKE_ [195]\n"
	"HIT_ [---]\n"
	"CONDEMN_ [111]\n"
	"IMPOSE_ [---]\n"
	"- $ * SANCTION ON_ + [163]\n"
	"RECEIVE_ [043:042]\n"
	"- $ * + [043:042]\n"
	"TAKE_ [---]\n"
	"{TOOK_ TAKEN_}\n"
	"- * PART IN_ JOINT EXERCISE [062]\n"
	"WARN_ [---]\n"
	"PROMISE_ [---]\n"
	"- * + [030]\n"
	"DELIVER_ [072]\n"
	"HOST_ [043:042]\n"
	"- $ * + [043:042]\n"
	"- * { SUMMIT | CONFERENCE } [---]\n"
	"CLASH_ [145]\n"
	"MEET_ [040:040]\n"
	"{MET_}\n"
	"- $ * + [040:040]\n"
	"AGREE_ [030]\n"
	"- % * THAT [---]\n"
	"ARREST_ [173]\n"
	"ACCUSE_ [112]\n"
	"BROKER_ [---]\n"
	"KILL_ [180]\n"
	"BEAT_ [182]\n"
	"SUPPORT_ [051]\n"
	"- $ * + [051]\n"
	"EXERCISE_ [---]\n"
	"- $ STRATEGIC * [150]\n"
	"ANNOUNCE_ [---]\n"
	"RETURN_ [---]\n"
	"- $ * + SOLDIER [0841]\n"
	"VISIT_ [042:043]\n"
	"- $ * + [042:043]\n";

typedef struct fixture {
	dyad_lexicon  *lex;
	dyad_pipeline *pipe;
	dyad_events    evs;
	char           got[1024];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	dyad_dict_buffer b[] = {
		{ "t.actors", actors, sizeof actors - 1 },
		{ "t.agents", agents, sizeof agents - 1 },
		{ "t.verbs", verbs, sizeof verbs - 1 },
	};
	if (!f || dyad_lexicon_load_buffers(&f->lex, b, 3, NULL) ||
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

/* Code `text` (dated 2024-01-15); events as sorted "SRC TGT CODE"
 * joined by "; ". */
static const char *code(fixture *f, const char *text)
{
	dyad_record rec = { 0 };
	rec.text = (char *)text;
	rec.text_len = strlen(text);
	rec.id = "t";
	assert_int_equal(dyad_date_parse(&rec.date, "2024-01-15", 10), 0);
	dyad_events_clear(&f->evs);
	assert_true(dyad_pipeline_code_record(f->pipe, &rec, &f->evs) >= 0);
	static char lines[32][96];
	char *p[32];
	size_t n = 0;
	for (size_t i = 0; i < f->evs.count && n < 32; i++) {
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

static void test_supplier_modifier(void **state)
{
	F;
	assert_string_equal(code(f, "Serbia took delivery of Chinese-made air defence systems."),
	                    "CHN SRB 072");
	/* not a visit hosted: the maker supplies the receiver */
	assert_string_equal(code(f, "The Algerian army received two Russian-built submarines."),
	                    "RUS DZAMIL 072");
	/* announced: the intent to supply */
	assert_string_equal(code(f, "Algeria will receive Russian-built submarines next year."),
	                    "RUS DZA 0332");
	/* goods not received: the maker does nothing */
	assert_string_equal(code(f, "Chinese-made cars are popular in Serbia."), "");
	assert_string_equal(code(f, "Morocco attacked Algeria with Chinese-made drones."),
	                    "MAR DZA 190");
	/* a nationality before weapons received is their maker */
	assert_string_equal(code(f, "Algeria received Russian T-90 tanks."), "RUS DZA 072");
	assert_string_equal(code(f, "Algeria received the Russian minister."),
	                    "DZA RUSGOV 043; RUSGOV DZA 042");
	/* to buy: not received */
	assert_string_equal(code(f, "Algeria wanted a deal to buy Russian tanks."), "");
}

static void test_warning_is_threat(void **state)
{
	F;
	assert_string_equal(code(f, "Russia warned that it would attack Ukraine."), "RUS UKR 138");
	assert_string_equal(code(f, "Russia warned that it would impose sanctions on Morocco."),
	                    "RUS MAR 1312");
	/* another actor's act in a warning is a prediction */
	assert_string_equal(code(f, "Russia warned that Ukraine would attack Morocco."), "");
	/* no modal between: a warning said after the act */
	assert_string_equal(code(f, "Russia attacked Ukraine, and Algeria warned Morocco."),
	                    "RUS UKR 190");
}

static void test_pronoun_subject_no_object(void **state)
{
	F;
	/* "promised it would": the pronoun, the source again, is the
	 * subject of the next clause, not the object: the next verb codes */
	assert_string_equal(code(f, "Russia promised it would attack Ukraine."), "RUS UKR 190");
	assert_string_equal(code(f, "Russia promised Algeria to attack Ukraine."), "RUS DZA 030");
}

static void test_reported_speech(void **state)
{
	F;
	/* the speaker is not the source of the reported act */
	assert_string_equal(code(f, "Ukraine's army said Russian troops had shelled Algeria."),
	                    "RUSMIL DZA 194");
	/* nor its target */
	assert_string_equal(code(f, "Ukraine's army said Russian troops had shelled the city."), "");
	/* the speaker doing the act itself */
	assert_string_equal(code(f, "Algeria said it had condemned Morocco."), "DZA MAR 111");
}

static void test_hypothetical(void **state)
{
	F;
	assert_string_equal(code(f, "Russia attacked Ukraine."), "RUS UKR 190");
	assert_string_equal(code(f, "Russia could attack Ukraine."), "");
	assert_string_equal(code(f, "Russia might try to attack Ukraine."), "");
	assert_string_equal(code(f, "If Russia attacked Ukraine, Algeria would condemn Russia."), "");
	assert_string_equal(code(f, "Algeria condemned Morocco if Russia attacked Ukraine."),
	                    "DZA MAR 111");
	/* an act named by a noun, subject of "could" */
	assert_string_equal(code(f, "The attack between Russia and Ukraine began at dawn."),
	                    "RUS UKR 190; UKR RUS 190");
	assert_string_equal(code(f, "The attack between Russia and Ukraine could begin at dawn."), "");
}

static void test_by_noun_actor(void **state)
{
	F;
	assert_string_equal(code(f, "An Algerian army base was hit by Moroccan air strikes."),
	                    "MAR DZAMIL 195");
	assert_string_equal(code(f, "Moroccan air strikes hit an Algerian army base."),
	                    "MAR DZAMIL 195");
}

static void test_compounds(void **state)
{
	F;
	/* "and the United Nations": the actor's own "the" */
	assert_string_equal(code(f, "Spain condemned Morocco and the United Nations."),
	                    "ESP IGOUNO 111; ESP MAR 111");
	/* the members of a compound source with no other target: each
	 * with each, not the first with the second alone */
	assert_string_equal(code(f, "Algeria and Russia took part in a joint exercise."),
	                    "DZA RUS 062; RUS DZA 062");
	/* criticism is not between the members, nor is the attack
	 * condemned (a noun, object of the verb) theirs */
	assert_string_equal(code(f, "Algeria and Russia condemned the attack."), "");
	/* "the European Union (EU)": the bracketed abbreviation is the
	 * actor's own, the compound is right before the verb */
	assert_string_equal(code(f, "Spain and the European Union agree that talks must go on."), "");
	assert_string_equal(code(f, "Spain and the European Union (EU) agree that talks must go on."),
	                    "");
}

static void test_police_of_crowd(void **state)
{
	F;
	/* the crowd takes the place's country, the police the crowd's */
	assert_string_equal(code(f, "Protesters in Algiers clashed with police."), "DZACVL DZACOP 145");
	assert_string_equal(code(f, "Police arrested protesters in Algiers."), "DZACOP DZACVL 173");
	/* no crowd with a country: the police stay unnamed */
	assert_string_equal(code(f, "Protesters clashed with police."), "");
}

static void test_capital_attacked(void **state)
{
	F;
	/* an attack on a capital is on the country; words stay the
	 * government's */
	assert_string_equal(code(f, "Russian troops attacked Algiers."), "RUSMIL DZA 190");
	assert_string_equal(code(f, "Russia condemned Algiers."), "RUS DZAGOV 111");
}

static void test_leading_segments(void **state)
{
	F;
	/* "According to X,": the speaker is no participant */
	assert_string_equal(code(f, "According to Algeria's army, Moroccan troops attacked Ukraine."),
	                    "MARMIL UKR 190");
	/* "After meeting X, Y ...": the main subject met X */
	assert_string_equal(code(f, "After meeting Russia, Algeria condemned Morocco."),
	                    "DZA MAR 111; DZA RUS 040; RUS DZA 040");
}

static void test_clauses_and_modifiers(void **state)
{
	F;
	/* ", who ...," after a person with no country is set aside */
	assert_string_equal(code(f, "The minister, who returned from Algiers on Sunday, accused Morocco."),
	                    "");
	assert_string_equal(code(f, "The Algerian minister, who returned on Sunday, accused Morocco."),
	                    "DZAGOV MAR 112");
	/* "a truce brokered by Qatar": the modifier's agent is no target */
	assert_string_equal(code(f, "Algeria and Morocco agreed to a truce brokered by Russia."),
	                    "DZA MAR 030; MAR DZA 030");
}

static void test_the_country(void **state)
{
	F;
	/* "in the north of the country": the country the sentence is about */
	assert_string_equal(
	    code(f, "Algerian officials said gunmen killed 12 villagers in the north of the country."),
	    "DZAREB DZACVL 180");
	assert_string_equal(code(f, "Gunmen killed 12 villagers in the north of the country."), "");
}

static void test_match_result(void **state)
{
	F;
	assert_string_equal(code(f, "Algeria beat Morocco 2-1 on Tuesday."), "");
	assert_string_equal(code(f, "Algerian soldiers beat Moroccan soldiers."), "DZAMIL MARMIL 182");
	/* a score with no verb of winning is no match */
	assert_string_equal(code(f, "Algeria condemned Morocco after a 2-1 vote."), "DZA MAR 111");
}

static void test_null_pattern_object(void **state)
{
	F;
	/* "hosted a summit" is no visit ... */
	assert_string_equal(code(f, "Algeria hosted a summit in November."), "");
	/* ... but an actor as direct object is the visitor */
	assert_string_equal(code(f, "Algeria hosted the Moroccan minister in Algiers for a summit."),
	                    "DZA MARGOV 043; MARGOV DZA 042");
	/* the actor modifies the summit */
	assert_string_equal(code(f, "Algeria hosted the Moroccan summit."), "");
}

static void test_city_attacked(void **state)
{
	F;
	/* without the gazetteer (no when stage) a city is no target */
	assert_string_equal(code(f, "Russian troops shelled the city of Kharkiv."), "");
	dyad_when_ctx *w = NULL;
	assert_int_equal(dyad_when_new(&w, DYAD_SOURCE_DIR "/data/gazetteer", NULL), 0);
	dyad_pipeline_set_when(f->pipe, w);
	assert_string_equal(code(f, "Russian troops shelled the city of Kharkiv."), "RUSMIL UKR 194");
	assert_string_equal(code(f, "Moroccan troops attacked a convoy near Tindouf."), "MARMIL DZA 190");
	/* an army in its own country: no target */
	assert_string_equal(code(f, "Algerian troops attacked a convoy near Tindouf."), "");
	/* not an attack: the city is where it happened */
	assert_string_equal(code(f, "Algeria condemned the attack in Kharkiv."), "");
	dyad_pipeline_set_when(f->pipe, NULL);
	dyad_when_free(w);
}

static void test_relative_clause_event(void **state)
{
	F;
	/* the ", who ...," clause is set aside for the main verb, and coded
	 * as a sentence of its own with the actor before it as subject */
	assert_string_equal(code(f, "The Algerian minister, who visited Morocco on Monday, condemned Russia."),
	                    "DZAGOV MAR 042; DZAGOV RUS 111; MAR DZAGOV 043");
	/* no actor before ", who": nothing to give the clause */
	assert_string_equal(code(f, "The minister, who visited Morocco on Monday, condemned Russia."), "");
	/* an event of both: coded once */
	assert_string_equal(code(f, "The Algerian minister, who condemned Russia, condemned Russia again."),
	                    "DZAGOV RUS 111");
	/* a clause left open to the end of the sentence is coded as before */
	assert_string_equal(code(f, "Algeria condemned Russia, who attacked Ukraine."), "DZA RUS 111");
}

static void test_envoy_host(void **state)
{
	F;
	/* the envoy speaks for the country that sent him, not his host */
	assert_string_equal(code(f, "The Russian ambassador to Algiers condemned Morocco."), "RUSGOV MAR 111");
	assert_string_equal(code(f, "Russia's ambassador to the European Union condemned Morocco."),
	                    "RUSGOV MAR 111");
	/* a host named alone is no source */
	assert_string_equal(code(f, "The ambassador to Algiers condemned Morocco."), "");
}

static void test_government_of_domestic(void **state)
{
	F;
	/* a domestic group faces its own country's government */
	assert_string_equal(code(f, "Moroccan protesters accused the government of lying."), "MARCVL MARGOV 112");
	assert_string_equal(code(f, "The Algerian opposition condemned the government."), "DZAOPP DZAGOV 111");
	/* after a state, "the government" stays unknown */
	assert_string_equal(code(f, "Russia condemned the government."), "");
}

static void test_crowd_of_actor(void **state)
{
	F;
	/* supporters of an actor are a crowd of its country, not the actor */
	assert_string_equal(code(f, "Supporters of Morocco's junta condemned Algeria."), "MARCVL DZA 111");
	assert_string_equal(code(f, "Supporters of the Algerian opposition condemned Russia."), "DZACVL RUS 111");
}

static void test_possessive_owner(void **state)
{
	F;
	/* the owner in the possessive is the named actor's country */
	assert_string_equal(code(f, "Morocco condemned Algeria's Sonatrach."), "MAR DZABUS 111");
	/* after a comma clause set aside too */
	assert_string_equal(code(f, "Morocco, which attacked Ukraine last year, condemned Algeria's Sonatrach."),
	                    "MAR DZABUS 111");
	/* another country's possessive stays an actor of its own */
	assert_string_equal(code(f, "Morocco condemned Russia's Sonatrach."), "MAR RUS 111");
}

static void test_passive_object_words(void **state)
{
	F;
	/* an active pattern's object words are the passive's subject */
	assert_string_equal(code(f, "New sanctions on Morocco were imposed by Algeria."), "DZA MAR 163");
	/* no doer named: nothing */
	assert_string_equal(code(f, "New sanctions on Morocco were imposed on Monday."), "");
	/* the doer is no target of its own act */
	assert_string_equal(code(f, "New sanctions were imposed by Algeria."), "");
	/* "by the <actor>": the article is no end of the search */
	assert_string_equal(code(f, "Morocco was attacked by the Algerian army."), "DZAMIL MAR 190");
	assert_string_equal(code(f, "New sanctions on Morocco were imposed by the European Union."),
	                    "IGOEUREEC MAR 163");
}

static void test_participle_clause_event(void **state)
{
	F;
	/* ", condemning ...": an act of the main subject */
	assert_string_equal(code(f, "The Algerian minister met the Moroccan minister, condemning Russia."),
	                    "DZAGOV MARGOV 040; DZAGOV RUS 111; MARGOV DZAGOV 040");
	/* a result of the main act is not coded again */
	assert_string_equal(code(f, "Russia attacked Ukraine, killing Ukrainian soldiers."), "RUS UKR 190");
}

static void test_role_noun_pattern_word(void **state)
{
	F;
	/* the role noun the actor took in is still the pattern's word */
	assert_string_equal(code(f, "Algeria returned 20 Moroccan soldiers."), "DZA MARMIL 0841");
	/* not after some other noun */
	assert_string_equal(code(f, "Algeria returned Morocco's ambassador."), "");
}

static void test_nominal_pattern_target(void **state)
{
	F;
	/* the subject of another verb is no target of a nominal pattern */
	assert_string_equal(code(f, "Algeria announced its participation in a Russian strategic exercise."), "");
	/* a target after the noun still is */
	assert_string_equal(code(f, "A Russian strategic exercise began near Morocco."), "RUS MAR 150");
}

static void test_owner_no_guest(void **state)
{
	F;
	/* an owner of a noun is no guest received or hosted */
	assert_string_equal(code(f, "Algeria received Morocco's proposal."), "");
	assert_string_equal(code(f, "Algeria hosted Morocco's proposal."), "");
	/* a guest named alone still is */
	assert_string_equal(code(f, "Algeria hosted Morocco."), "DZA MAR 043; MAR DZA 042");
}

static void test_nominal_object(void **state)
{
	F;
	/* the object of another actor's act is no target of the verb */
	assert_string_equal(code(f, "Algeria condemned Algeria's annexation of Morocco."), "");
	/* the owner is */
	assert_string_equal(code(f, "Spain condemned Algeria's annexation of Morocco."), "ESP DZA 111");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_supplier_modifier),
		cmocka_unit_test(test_warning_is_threat),
		cmocka_unit_test(test_pronoun_subject_no_object),
		cmocka_unit_test(test_reported_speech),
		cmocka_unit_test(test_hypothetical),
		cmocka_unit_test(test_by_noun_actor),
		cmocka_unit_test(test_compounds),
		cmocka_unit_test(test_police_of_crowd),
		cmocka_unit_test(test_capital_attacked),
		cmocka_unit_test(test_leading_segments),
		cmocka_unit_test(test_clauses_and_modifiers),
		cmocka_unit_test(test_the_country),
		cmocka_unit_test(test_match_result),
		cmocka_unit_test(test_null_pattern_object),
		cmocka_unit_test(test_city_attacked),
		cmocka_unit_test(test_relative_clause_event),
		cmocka_unit_test(test_envoy_host),
		cmocka_unit_test(test_government_of_domestic),
		cmocka_unit_test(test_crowd_of_actor),
		cmocka_unit_test(test_possessive_owner),
		cmocka_unit_test(test_passive_object_words),
		cmocka_unit_test(test_participle_clause_event),
		cmocka_unit_test(test_role_noun_pattern_word),
		cmocka_unit_test(test_nominal_pattern_target),
		cmocka_unit_test(test_owner_no_guest),
		cmocka_unit_test(test_nominal_object),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
