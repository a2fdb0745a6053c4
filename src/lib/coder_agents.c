/*
 * coder_agents.c - agents joined to the actor they qualify: "Algerian
 * army" (DZAMIL), "Russia's top security official", "the army of
 * Morocco", "the Algerian and Russian navies", "protesters in Niamey",
 * FORMER office holders (~ELI), and a country just before a more
 * specific actor of its own ("his Russian counterpart Sergei Lavrov").
 */
#include "coder_internal.h"

#include <stdio.h>
#include <string.h>

static bool is_state_sector(const char *s)
{
	static const char *const sectors[] = { "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP",
	                                       "REB", "BUS", "MED", "CVL", "ELI", NULL };
	for (int i = 0; sectors[i]; i++)
		if (!strcmp(s, sectors[i]))
			return true;
	return false;
}

/* Append an agent code to an actor mention. */
static void merge_agent(const dyad_coder *c, mention *actor, const mention *agent)
{
	if (actor->null || actor->discard || actor->complex || !agent->code[0])
		return;
	/* dyad's dictionaries: one sector. "Syrian government forces" is
	 * the army (SYRMIL, not SYRGOVMIL); an actor with another sector
	 * already ("Algerian army spokesman") keeps it */
	if (c->lex->own_format && !(agent->ph && agent->ph->agent_prefix) &&
	    strlen(actor->code) == 6 && strlen(agent->code) == 3 && is_state_sector(actor->code + 3)) {
		if (!strcmp(actor->code + 3, "GOV") && is_state_sector(agent->code))
			memcpy(actor->code + 3, agent->code, 4);
		actor->used_agent = 1;
		return;
	}
	/* "White House officials": USAGOV already carries GOV */
	size_t al = strlen(actor->code), gl = strlen(agent->code);
	if (agent->ph && agent->ph->agent_prefix ? strncmp(actor->code, agent->code, gl) == 0
	                                         : (al >= 3 + gl && strstr(actor->code + 3, agent->code)))
		return;
	char buf[DYAD_CODE_MAX * 2];
	/* a seat of government used for its country ("protesters in
	 * Niamey"): the agent's sector replaces GOV */
	if (al == 6 && strcmp(actor->code + 3, "GOV") == 0 && !(agent->ph && agent->ph->agent_prefix) &&
	    strncmp(agent->code, "GOV", 3) != 0 && actor->ph && actor->ph->n == 1 && !actor->used_agent) {
		snprintf(buf, sizeof buf, "%.3s%s", actor->code, agent->code);
		size_t n = strlen(buf) < DYAD_CODE_MAX ? strlen(buf) : DYAD_CODE_MAX - 1;
		memcpy(actor->code, buf, n);
		actor->code[n] = '\0';
		actor->used_agent = 1;
		return;
	}
	if (agent->ph && agent->ph->agent_prefix) {
		size_t a = strlen(agent->code), b = strlen(actor->code);
		memcpy(buf, agent->code, a);
		memcpy(buf + a, actor->code, b + 1);
	} else {
		size_t a = strlen(actor->code), b = strlen(agent->code);
		memcpy(buf, actor->code, a);
		memcpy(buf + a, agent->code, b + 1);
	}
	size_t n = strlen(buf);
	if (n >= DYAD_CODE_MAX)
		n = DYAD_CODE_MAX - 1;
	memcpy(actor->code, buf, n);
	actor->code[n] = '\0';
	actor->used_agent = 1;
}

/* "Hamas commander", "Islamic State militants": a group coded with its
 * own sector (PSEREB, IMGMOSISL) keeps it; a country (3 letters) or a
 * seat of government takes the agent's. */
static bool keeps_own_sector(const mention *a, const mention *ag)
{
	static const char *const sectors[] = { "MIL", "REB", "OPP", "COP", "SPY", "JUD", "LEG",
	                                       "BUS", "MED", "CVL", "ELI", "INS", "UAF", NULL };
	size_t al = strlen(a->code);
	if ((ag->ph && ag->ph->agent_prefix) || strcmp(ag->code, "ELI") == 0)
		return false;
	if (al > 6)
		return true;
	if (al != 6)
		return false;
	for (int i = 0; sectors[i]; i++)
		if (strcmp(a->code + 3, sectors[i]) == 0)
			return true;
	return false;    /* a country with GOV, or an organisation (IGOUNO) */
}

/* An agent right after such a group is part of its name: absorbed. */
static bool absorbed_by_group(dyad_coder *c, size_t k)
{
	if (k == 0 || c->m[k - 1].kind != MK_ACTOR)
		return false;
	mention *a = &c->m[k - 1], *ag = &c->m[k];
	if (a->end != ag->start || !keeps_own_sector(a, ag))
		return false;
	a->end = ag->end;
	ag->kind = 0xff;
	return true;
}

/* The actor an agent at mention k follows: actor ['s] agent, where up
 * to two lower-case words may come between the possessive and the agent
 * ("Russia's top security official"; "Dagolath's first Deputy Prime
 * Minister" keeps DAG alone, as TABARI's suite expects). */
static mention *agent_actor_before(dyad_coder *c, size_t k)
{
	if (k == 0 || c->m[k - 1].kind != MK_ACTOR || c->m[k - 1].used_agent)
		return NULL;
	mention *a = &c->m[k - 1], *ag = &c->m[k];
	if (keeps_own_sector(a, ag))
		return NULL;
	size_t j = a->end;
	bool poss = j < c->nw && c->w[j].type == CW_POSS;
	if (poss)
		j++;
	size_t gap = ag->start - j;
	bool former = j < ag->start && eq(c->w[j].s, c->w[j].len, "former");
	if (gap > ((poss || former) ? 2u : 0u))
		return NULL;
	for (size_t q = j; q < ag->start; q++)
		if (c->w[q].type != CW_WORD || c->w[q].verb >= 0 || (c->w[q].tflags & DYAD_TOKF_CAP))
			return NULL;
	return a;
}

/* Weapons and platforms (WARSHIP_, FIGHTER_JET_ [~MIL]): the force
 * that operates them in "Russian warships docked", goods in "bought
 * fighter jets from Russia". */
static bool hardware_agent(const dyad_coder *c, const mention *ag)
{
	static const char *const hw[] = { "warship", "warplane", "fighter", "bomber", "submarine",
	                                  "frigate", "corvette", "aircraft", "jet", "drone",
	                                  "helicopter", "tank", "missile", NULL };
	if (!ag->ph)
		return false;
	for (uint32_t k = 0; k < ag->ph->n; k++) {
		const lx_word *w = &c->lex->words[ag->ph->first + k];
		for (int i = 0; hw[i]; i++)
			if (w->len == strlen(hw[i]) && memcmp(w->s, hw[i], w->len) == 0)
				return true;
	}
	return false;
}

/* The actor after an agent: agent [of|from|for|in [the]] actor. */
static mention *agent_actor_after(dyad_coder *c, size_t k)
{
	if (k + 1 >= c->nm || c->m[k + 1].kind != MK_ACTOR || c->m[k + 1].used_agent)
		return NULL;
	mention *a = &c->m[k + 1], *ag = &c->m[k];
	/* "a delegation of the Algerian army": an actor that has its sector
	 * already keeps it (prefix agents such as [NGM~] still apply) */
	size_t al = strlen(a->code);
	bool seat = al == 6 && strcmp(a->code + 3, "GOV") == 0 && a->ph && a->ph->n == 1;
	if (al > 3 && !seat && !(ag->ph && ag->ph->agent_prefix) && strcmp(ag->code, "ELI") != 0)
		return NULL;
	size_t j = ag->end;
	if (j == a->start)
		return a;
	if (word_is(c, j, "of") || word_is(c, j, "from") || word_is(c, j, "for") || word_is(c, j, "in")) {
		/* dyad's dictionaries: "submarines from Russia" are goods from
		 * Russia, not Russia's navy */
		if (c->lex->own_format && hardware_agent(c, ag))
			return NULL;
		/* "the withdrawal of its troops from Mali": the troops are the
		 * owner's (its, their), not Mali's */
		if (c->lex->own_format && ag->start > 0 &&
		    (word_is(c, ag->start - 1, "its") || word_is(c, ag->start - 1, "their") ||
		     word_is(c, ag->start - 1, "his") || word_is(c, ag->start - 1, "her") ||
		     word_is(c, ag->start - 1, "our")))
			return NULL;
		j++;
		if (word_is(c, j, "the"))
			j++;
		if (j == a->start)
			return a;
	}
	return NULL;
}

/* "former security officials", "former Gondor prosecutors": FORMER
 * before an agent (across at most two words) makes it an elite, ~ELI,
 * as CAMEO codes former office holders. */
void cd_former_agents(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *ag = &c->m[k];
		if (ag->kind != MK_AGENT || (ag->ph && ag->ph->agent_prefix))
			continue;
		size_t from = ag->start > 3 ? ag->start - 3 : 0;
		for (size_t q = from; q < ag->start; q++)
			if (c->w[q].type == CW_WORD && eq(c->w[q].s, c->w[q].len, "former")) {
				memcpy(ag->code, "ELI", 4);
				break;
			}
	}
}

/* Agents: "Gondor's Prime Minister", "Algerian army", "minister of
 * Gondor", "the army of Algeria". The agent's words join the actor. */
/*
 * dyad's dictionaries: a crowd with no nationality ("thousands of
 * protesters", "villagers") takes the country of the place named after
 * it in the same stretch of text ("... rallied outside the French
 * embassy in Niamey" -> NERCVL), as a human coder reads it; so do
 * gunmen and jihadists (REB) and counted soldiers. The place is
 * "in/at/across/throughout [the] [northern] X" with X a country or a
 * one-word seat of government, within 14 words and no comma.
 */
static bool is_region_word(const dyad_coder *c, size_t i)
{
	static const char *const w[] = { "north", "south", "east", "west", "northern", "southern",
	                                 "eastern", "western", "central", "northeastern",
	                                 "northwestern", "southeastern", "southwestern", "north-east",
	                                 "north-west", "south-east", "south-west", "northeast",
	                                 "northwest", "southeast", "southwest", "restive", "rural",
	                                 "neighbouring", "neighboring", NULL };
	for (int k = 0; w[k]; k++)
		if (word_is(c, i, w[k]))
			return true;
	return false;
}

/* A number just before word i ("killed 12 soldiers", "at least 20
 * soldiers"): counted victims. */
static bool counted(const dyad_coder *c, size_t i)
{
	if (i == 0)
		return false;
	const cword *w = &c->w[i - 1];
	return w->len > 0 && ((w->s[0] >= '0' && w->s[0] <= '9') || word_is(c, i - 1, "dozens") ||
	                      word_is(c, i - 1, "hundreds") || word_is(c, i - 1, "several"));
}

/* Unnamed groups that take the place's country: crowds (CVL, OPP),
 * police (COP: "police in Tbilisi"), armed groups with no nationality ("gunmen", "jihadists": REB), and
 * counted soldiers ("killed 20 soldiers in central Mali": MIL). */
static bool takes_place_country(const dyad_coder *c, const mention *ag)
{
	/* "foreign workers", "foreign fighters" are not the place's */
	if (ag->start > 0 && (word_is(c, ag->start - 1, "foreign") || word_is(c, ag->start - 1, "expatriate")))
		return false;
	if (!strcmp(ag->code, "CVL") || !strcmp(ag->code, "OPP") || !strcmp(ag->code, "REB") ||
	    !strcmp(ag->code, "COP"))
		return true;
	return !strcmp(ag->code, "MIL") && counted(c, ag->start);
}

/* "the country", "the north of the country", "the country's north" at
 * word p. */
static bool the_country_at(const dyad_coder *c, size_t p)
{
	if (!word_is(c, p, "the"))
		return false;
	p++;
	if (word_is(c, p, "country"))
		return true;
	if (!is_region_word(c, p) && !word_is(c, p, "centre") && !word_is(c, p, "center"))
		return false;
	return word_is(c, p + 1, "of") && word_is(c, p + 2, "the") && word_is(c, p + 3, "country");
}

/* The country a sentence is about: its first actor with a country code
 * before the agent (a state, "Burkinabe authorities"), not a place. */
static const mention *sentence_country(const dyad_coder *c, const mention *ag)
{
	for (size_t j = 0; j < c->nm && c->m[j].start < ag->start; j++) {
		const mention *m = &c->m[j];
		if (m->kind == MK_ACTOR && !m->null && strlen(m->code) >= 3 &&
		    strncmp(m->code, "IGO", 3) != 0 && strncmp(m->code, "NGO", 3) != 0 &&
		    strncmp(m->code, "IMG", 3) != 0)
			return m;
	}
	return NULL;
}

static void crowds_of_place(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *ag = &c->m[k];
		if (ag->kind != MK_AGENT || (ag->ph && ag->ph->agent_prefix) || !takes_place_country(c, ag))
			continue;
		for (size_t i = ag->end; i + 1 < c->nw && i < ag->end + 14; i++) {
			if (c->w[i].type == CW_COMMA)
				break;
			if (!(word_is(c, i, "in") || word_is(c, i, "at") || word_is(c, i, "across") ||
			      word_is(c, i, "throughout")))
				continue;
			size_t p = i + 1;
			if (p < c->nw && word_is(c, p, "the"))
				p++;
			for (int r = 0; r < 2 && p < c->nw && is_region_word(c, p); r++)
				p++;
			const mention *pl = NULL;
			for (size_t j = 0; j < c->nm && !pl; j++)
				if (c->m[j].kind == MK_ACTOR && c->m[j].start == p && !c->m[j].null)
					pl = &c->m[j];
			/* "in the north of the country", "across the country":
			 * the sentence's country */
			if (!pl && the_country_at(c, i + 1))
				pl = sentence_country(c, ag);
			size_t n = pl ? strlen(pl->code) : 0;
			if (!pl || !(n == 3 || (n == 6 && !strcmp(pl->code + 3, "GOV") && pl->end == p + 1) ||
			             (n >= 3 && the_country_at(c, i + 1))))
				continue;
			char code[DYAD_CODE_MAX];
			snprintf(code, sizeof code, "%.3s%.3s", pl->code, ag->code);
			memcpy(ag->code, code, sizeof code);
			ag->kind = MK_ACTOR;
			break;
		}
	}
}

/*
 * dyad's dictionaries: police with no nationality facing a crowd whose
 * country is known ("demonstrators in Algiers clashed with police",
 * "Moroccan protesters were dispersed by police") are that country's
 * police, as a human coder reads it: a protest meets its own state's
 * police ("police arrested protesters in Algiers" too).
 */
static void police_of_crowd(dyad_coder *c)
{
	const mention *crowd = NULL;
	for (size_t k = 0; k < c->nm && !crowd; k++) {
		const mention *m = &c->m[k];
		if (m->kind == MK_ACTOR && !m->null && !m->place && strlen(m->code) == 6 &&
		    (!strcmp(m->code + 3, "CVL") || !strcmp(m->code + 3, "OPP")))
			crowd = m;
	}
	for (size_t k = 0; k < c->nm && crowd; k++) {
		mention *m = &c->m[k];
		if (m->kind != MK_AGENT || (m->ph && m->ph->agent_prefix) || strcmp(m->code, "COP") != 0 ||
		    (m->start > 0 && word_is(c, m->start - 1, "foreign")))
			continue;
		char code[DYAD_CODE_MAX];
		snprintf(code, sizeof code, "%.3sCOP", crowd->code);
		memcpy(m->code, code, sizeof code);
		m->kind = MK_ACTOR;
	}
}

/*
 * dyad's dictionaries: "the government" or "the authorities" with no
 * country, after a domestic non-state group of known country as the
 * sentence's first actor ("Pakistan's opposition party accused the
 * government of rigging the vote", "Kenyan protesters demanded that the
 * authorities ..."): that country's government, the one such a group
 * faces. After a state or a foreign actor "the government" stays unknown.
 */
static void government_of_domestic(dyad_coder *c)
{
	static const char *const domestic[] = { "OPP", "CVL", "REB", "MED", "LAB", "EDU", "JUD",
	                                        "REL", NULL };
	const mention *first = NULL;
	for (size_t k = 0; k < c->nm && !first; k++)
		if (c->m[k].kind == MK_ACTOR && !c->m[k].null && !c->m[k].place)
			first = &c->m[k];
	if (!first || strlen(first->code) != 6 || !strncmp(first->code, "IGO", 3) ||
	    !strncmp(first->code, "NGO", 3))
		return;
	bool dom = false;
	for (int i = 0; domestic[i] && !dom; i++)
		dom = !strcmp(first->code + 3, domestic[i]);
	for (size_t k = 0; k < c->nm && dom; k++) {
		mention *m = &c->m[k];
		if (m->kind != MK_AGENT || (m->ph && m->ph->agent_prefix) || strcmp(m->code, "GOV") != 0 ||
		    m->start < first->end || m->start == 0 || !word_is(c, m->start - 1, "the") ||
		    !(word_is(c, m->start, "government") || word_is(c, m->start, "authorities")) ||
		    m->end != m->start + 1)
			continue;
		char code[DYAD_CODE_MAX];
		snprintf(code, sizeof code, "%.3sGOV", first->code);
		memcpy(m->code, code, sizeof code);
		m->kind = MK_ACTOR;
	}
}

/* The list member before m: "A and m", "A, m" (a bare country, not a
 * place, one separator word between). */
static mention *list_member_before(dyad_coder *c, mention *m, bool conj)
{
	if (m == c->m || m[-1].kind != MK_ACTOR || m[-1].used_agent || m[-1].place ||
	    strlen(m[-1].code) != 3 || m[-1].end + 1 != m->start)
		return NULL;
	int t = c->w[m[-1].end].type;
	return (t == CW_CONJ || (!conj && t == CW_COMMA)) ? &m[-1] : NULL;
}

/* "the Algerian and Russian navies", "Russian, Chinese and South
 * African warships": the sector goes to every member of the list; the
 * link next to the agent's actor is the conjunction. */
static void share_back(dyad_coder *c, mention *a, const mention *ag)
{
	mention *p = list_member_before(c, a, true);
	while (p) {
		merge_agent(c, p, ag);
		p = list_member_before(c, p, false);
	}
}

/* "the defence ministers of Japan and Australia", "the presidents of
 * Russia, Turkey and Iran": a plural role before a list of countries
 * belongs to each (dyad's dictionaries only). */
static void share_forward(dyad_coder *c, mention *a, const mention *ag)
{
	const cword *last = ag->end > 0 ? &c->w[ag->end - 1] : NULL;
	if (!c->lex->own_format || !last || last->len < 2 || last->s[last->len - 1] != 's')
		return;
	mention *end = c->m + c->nm;
	for (mention *q = a; q + 1 < end;) {
		mention *n = q + 1;
		if (n->kind != MK_ACTOR || n->used_agent || n->place || strlen(n->code) != 3 ||
		    q->end + 1 != n->start)
			return;
		int t = c->w[q->end].type;
		if (t != CW_CONJ && t != CW_COMMA)
			return;
		merge_agent(c, n, ag);
		if (t == CW_CONJ)
			return;
		q = n;
	}
}

/* A nationality adjective ("Egyptian", "Chinese", "British", "Israeli",
 * "French"), not a country name. */
static bool demonym(const dyad_coder *c, const mention *m)
{
	if (m->end != m->start + 1)
		return false;
	const cword *w = &c->w[m->start];
	static const char *const end[] = { "an", "ese", "ish", "i", "ch", NULL };
	for (int k = 0; end[k]; k++) {
		size_t n = strlen(end[k]);
		if (w->len > n + 2 && memcmp(w->s + w->len - n, end[k], n) == 0)
			return true;
	}
	return false;
}

/* "Egyptian and US troops": the second member is one dictionary phrase
 * with its sector (U.S._TROOPS_ -> USAMIL); the nationality before the
 * conjunction shares it (dyad's dictionaries). */
static void share_phrase_sector(dyad_coder *c)
{
	if (!c->lex->own_format)
		return;
	for (size_t k = 1; k < c->nm; k++) {
		mention *b = &c->m[k], *a = &c->m[k - 1];
		if (b->kind != MK_ACTOR || !b->ph || b->ph->n < 2 || strlen(b->code) != 6 ||
		    !strcmp(b->code + 3, "GOV") || !is_state_sector(b->code + 3))
			continue;
		if (a->kind != MK_ACTOR || a->used_agent || strlen(a->code) != 3 ||
		    a->end + 1 != b->start || c->w[a->end].type != CW_CONJ || !demonym(c, a))
			continue;
		memcpy(a->code + 3, b->code + 3, 4);
		a->used_agent = 1;
	}
}

/*
 * dyad's dictionaries: "supporters of Niger's junta", "followers of the
 * Algerian opposition": a crowd agent (~CVL) followed by "of [the] A",
 * A an actor of a country, is a crowd of A's country (NERCVL), not A;
 * A is absorbed into the mention. Runs after the actor-before pass, so
 * "Niger's junta" is already NERGOV.
 */
static void crowds_of_actor(dyad_coder *c)
{
	for (size_t k = 0; k + 1 < c->nm; k++) {
		mention *ag = &c->m[k];
		if (ag->kind != MK_AGENT || (ag->ph && ag->ph->agent_prefix) || strcmp(ag->code, "CVL") != 0)
			continue;
		size_t p = ag->end;
		if (!word_is(c, p, "of"))
			continue;
		p++;
		if (word_is(c, p, "the"))
			p++;
		if (word_is(c, p, "former"))
			p++;
		mention *a = NULL;
		for (size_t j = k + 1; j < c->nm && !a; j++)
			if (c->m[j].kind == MK_ACTOR && c->m[j].start == p)
				a = &c->m[j];
		if (!a || a->null || strlen(a->code) < 3 || !strncmp(a->code, "IGO", 3) ||
		    !strncmp(a->code, "NGO", 3) || !strncmp(a->code, "IMG", 3))
			continue;
		char code[DYAD_CODE_MAX];
		snprintf(code, sizeof code, "%.3sCVL", a->code);
		memcpy(a->code, code, sizeof code);
		a->start = ag->start;
		a->used_agent = 1;
		ag->kind = 0xff;
	}
}

void cd_merge_agents(dyad_coder *c)
{
	/* pass 1: the actor just before ("Algerian army", "Russia's top
	 * security official"); pass 2: the actor after ("army of Algeria",
	 * "delegation of the Algerian army" keeps the army's sector) */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1 && c->lex->own_format)
			crowds_of_actor(c);
		for (size_t k = 0; k < c->nm; k++) {
			mention *ag = &c->m[k];
			if (ag->kind != MK_AGENT)
				continue;
			if (pass == 0 && absorbed_by_group(c, k))
				continue;
			mention *tgt_actor = pass == 0 ? agent_actor_before(c, k) : agent_actor_after(c, k);
			if (!tgt_actor)
				continue;
			merge_agent(c, tgt_actor, ag);
			if (pass == 0)
				share_back(c, tgt_actor, ag);
			else
				share_forward(c, tgt_actor, ag);
			if (tgt_actor->start > ag->start)
				tgt_actor->start = ag->start;
			if (tgt_actor->end < ag->end)
				tgt_actor->end = ag->end;
			ag->kind = 0xff;   /* consumed */
		}
	}
	/* drop consumed agents; unattached agents stay out of the search,
	 * unless SET: CONVERT AGENTS makes them actors of their own ("~MIL") */
	if (c->lex->own_format) {
		crowds_of_place(c);
		police_of_crowd(c);
		government_of_domestic(c);
		share_phrase_sector(c);
	}
	size_t o = 0;
	bool convert = c->lex->opt.convert_agents;
	for (size_t k = 0; k < c->nm; k++) {
		if (c->m[k].kind == MK_AGENT && convert && c->m[k].code[0]) {
			mention *m = &c->m[k];
			char buf[DYAD_CODE_MAX];
			bool pre = m->ph && m->ph->agent_prefix;
			snprintf(buf, sizeof buf, pre ? "%.30s~" : "~%.30s", m->code);
			memcpy(m->code, buf, DYAD_CODE_MAX);
			m->kind = MK_ACTOR;
		}
		if (c->m[k].kind == 0xff || c->m[k].kind == MK_AGENT)
			continue;
		c->m[o++] = c->m[k];
	}
	c->nm = o;
	for (size_t i = 0; i < c->nw; i++)
		c->w[i].mention = -1;
	for (size_t k = 0; k < c->nm; k++) {
		c->m[k].group = (uint16_t)k;
		c->m[k].n_group = 1;
		for (size_t i = c->m[k].start; i < c->m[k].end; i++)
			c->w[i].mention = (int16_t)k;
	}
}

static bool is_function_word(const cword *w)
{
	static const char *const fw[] = { "outside", "inside", "near", "from", "with", "into",
	                                  "against", "after", "before", "during", "over",
	                                  "under", "through", "about", "their", NULL };
	for (int i = 0; fw[i]; i++)
		if (eq(w->s, w->len, fw[i]))
			return true;
	return false;
}

/* "his Russian counterpart Sergei Lavrov": a country followed, across at
 * most one lower-case noun, by a more specific actor of the same country
 * is that actor. */
void cd_merge_same_country(dyad_coder *c)
{
	for (size_t k = 0; k + 1 < c->nm; k++) {
		mention *a = &c->m[k], *b = &c->m[k + 1];
		if (a->kind != MK_ACTOR || b->kind != MK_ACTOR || a->null || b->null)
			continue;
		size_t al = strlen(a->code);
		if (al != 3 || strlen(b->code) <= al || strncmp(a->code, b->code, al) != 0)
			continue;
		if (b->start < a->end || b->start - a->end > 1)
			continue;
		bool plain = true;
		for (size_t q = a->end; q < b->start; q++)
			if (c->w[q].type != CW_WORD || c->w[q].verb >= 0 || (c->w[q].tflags & DYAD_TOKF_CAP) ||
			    c->w[q].len <= 3 || is_function_word(&c->w[q]))
				plain = false;
		if (!plain)
			continue;
		a->null = 1;
	}
}
