/*
 * coder_places.c - rules for dyad's own dictionaries (a lexicon with
 * `;;dyad match=lemma` verb files; TABARI projects never get here):
 *
 * - places: a country or capital right after a place preposition ("in
 *   Moscow", "at the Kremlin", "travelled to Algeria") names where
 *   something happened, not who did it. Such a mention is marked and is
 *   neither source nor target, unless a pattern asks for an actor right
 *   after that preposition ("$ * IN_ +" of ARRIVE: "arrived in Moscow"
 *   -> 042 to Russia); then it is coded as the country alone (RUS, not
 *   the RUSGOV a capital has as a metonym: the visit is to the country).
 * - appositions: "The chief of staff of Algeria's army, Gen. Said
 *   Chengriha, arrived ...": an actor, a comma, a short segment naming
 *   one actor, a comma, then the rest of the clause: the two name one
 *   person; the commas stop blocking the patterns and the less specific
 *   mention is set aside.
 * - counterparts: "... Defence Minister ... met his Algerian
 *   counterpart": a bare country before "counterpart" takes the sector
 *   of the official it is the counterpart of.
 */
#include "coder_internal.h"

#include <string.h>

static bool is_place_word(const char *s, size_t n)
{
	static const char *const preps[] = { "in", "at", "near", "inside", "outside",
	                                     "across", "throughout", "around", NULL };
	for (int i = 0; preps[i]; i++)
		if (eq(s, n, preps[i]))
			return true;
	return false;
}

/* Words after which "to" means a destination ("travelled to Algeria"). */
static bool is_motion_word(const char *s, size_t n)
{
	static const char *const stems[] = { "travel", "flew", "fly", "flies", "went", "go",
	                                     "came", "come", "return", "head", "trip", "visit",
	                                     "journey", "sail", "arriv", "way", NULL };
	for (int i = 0; stems[i]; i++) {
		size_t l = strlen(stems[i]);
		if (n >= l && memcmp(s, stems[i], l) == 0 && n <= l + 4)
			return true;
	}
	return false;
}

/* Words after which "for" means a destination ("left for Moscow"). */
static bool is_departure_word(const char *s, size_t n)
{
	static const char *const words[] = { "leave", "leaves", "leaving", "left", "depart",
	                                     "departs", "departed", "departing", "bound",
	                                     "set", "sets", "headed", "heading", NULL };
	for (int i = 0; words[i]; i++)
		if (eq(s, n, words[i]))
			return true;
	return false;
}

/* "ambassador to Manila", "envoy to the United Nations": the post of an
 * envoy; the envoy speaks for the country that sent him (the actor
 * before, "the Chinese ambassador" -> CHNGOV), not for his host. */
static bool is_envoy_word(const char *s, size_t n)
{
	static const char *const words[] = { "ambassador", "ambassadors", "envoy", "envoys",
	                                     "emissary", "representative", "representatives",
	                                     "consul", "delegate", "delegates", NULL };
	for (int i = 0; words[i]; i++)
		if (eq(s, n, words[i]))
			return true;
	return false;
}

/* A pattern word naming a place preposition (IN_, AT_, TO_, NEAR_ ...). */
bool cd_place_prep(const lx_word *w)
{
	return w->kind == LW_WORD && (is_place_word(w->s, w->len) || eq(w->s, w->len, "to"));
}

/* Country (DZA) or seat of government (DZAGOV): what a place can be. */
static bool place_code(const char *code)
{
	size_t n = strlen(code);
	return n == 3 || (n == 6 && memcmp(code + 3, "GOV", 3) == 0);
}

void cd_mark_places(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *m = &c->m[k];
		if (m->kind != MK_ACTOR || m->null || m->from_pronoun)
			continue;
		size_t p = m->start;
		if (p && word_is(c, p - 1, "the"))
			p--;
		if (!p || c->w[p - 1].type != CW_WORD)
			continue;
		const cword *w = &c->w[p - 1];
		/* "recalled its ambassador to Turkey": the subject's own envoy,
		 * whose host is the target of the recall, stays */
		bool own = p >= 3 && (word_is(c, p - 3, "its") || word_is(c, p - 3, "their") ||
		                      word_is(c, p - 3, "his") || word_is(c, p - 3, "her") ||
		                      word_is(c, p - 3, "our"));
		if (eq(w->s, w->len, "to") && p >= 2 && !own &&
		    is_envoy_word(c->w[p - 2].s, c->w[p - 2].len)) {
			m->place = 1;    /* the host of an envoy, whatever its kind */
			continue;
		}
		if (!place_code(m->code))
			continue;
		bool place = is_place_word(w->s, w->len);
		if (!place && eq(w->s, w->len, "to") && p >= 2 && c->w[p - 2].type == CW_WORD)
			place = is_motion_word(c->w[p - 2].s, c->w[p - 2].len);
		/* "before leaving for Beijing", "departed for Moscow" */
		if (!place && eq(w->s, w->len, "for") && p >= 2 && c->w[p - 2].type == CW_WORD)
			place = is_departure_word(c->w[p - 2].s, c->w[p - 2].len);
		/* one compound: "in Algeria and Mali" are both places */
		if (place)
			for (size_t q = 0; q < c->nm; q++)
				if (c->m[q].group == m->group && c->m[q].kind == MK_ACTOR &&
				    place_code(c->m[q].code))
					c->m[q].place = 1;
	}
}

static bool is_counterpart(const cword *w)
{
	return eq(w->s, w->len, "counterpart") || eq(w->s, w->len, "counterparts");
}

void cd_counterparts(dyad_coder *c)
{
	/* "met her Moroccan counterpart": "her" before an actor is the
	 * possessive, not a participant */
	for (size_t k = 0; k + 1 < c->nm; k++) {
		mention *m = &c->m[k];
		if (m->ph == NULL && m->end == m->start + 1 && word_is(c, m->start, "her") &&
		    c->m[k + 1].start == m->end)
			m->null = 1;
	}
	for (size_t k = 1; k < c->nm; k++) {
		mention *m = &c->m[k];
		if (m->kind != MK_ACTOR || m->null || strlen(m->code) != 3 ||
		    m->end >= c->nw || !is_counterpart(&c->w[m->end]))
			continue;
		/* the nearest official before it, of another country, with a
		 * state sector */
		for (size_t q = k; q-- > 0;) {
			const mention *o = &c->m[q];
			size_t ol = strlen(o->code);
			if (o->kind != MK_ACTOR || o->null || ol != 6 || !memcmp(o->code, m->code, 3))
				continue;
			memcpy(m->code + 3, o->code + 3, 3);
			m->code[6] = '\0';
			break;
		}
	}
}

/* Mentions covering word i (actor or agent), -1 none. */
static int actor_at(const dyad_coder *c, size_t i)
{
	int m = c->w[i].mention;
	return m >= 0 && c->m[m].kind == MK_ACTOR && !c->m[m].null ? m : -1;
}

/*
 * "a deal with China's CNPC", "Russia's Gazprom said": a country in the
 * possessive right before a named actor of that country (CHNBUS) is the
 * actor's owner, not a second actor: the named one stands for both.
 */
void cd_possessive_owners(dyad_coder *c)
{
	for (size_t k = 0; k + 1 < c->nm; k++) {
		mention *a = &c->m[k];
		size_t e = a->end;
		if (a->kind != MK_ACTOR || a->null || strlen(a->code) != 3 || e + 1 >= c->nw ||
		    c->w[e].type != CW_POSS || a->n_group > 1)
			continue;
		int b = actor_at(c, e + 1);
		if (b < 0 || c->m[b].start != e + 1 || strlen(c->m[b].code) != 6 ||
		    memcmp(c->m[b].code, a->code, 3) != 0 || c->m[b].n_group > 1)
			continue;
		a->null = 1;
		c->m[b].start = a->start;
		for (size_t i = a->start; i <= e; i++)
			c->w[i].mention = (int16_t)b;
	}
}

void cd_actor_appositions(dyad_coder *c)
{
	for (size_t open = 1; open + 2 < c->nw; open++) {
		const cword *ow = &c->w[open];
		if (ow->type != CW_COMMA || ow->s[0] != ',')
			continue;
		int a = actor_at(c, open - 1);
		if (a < 0)
			continue;
		size_t close = open + 1;
		while (close < c->nw && c->w[close].type != CW_COMMA)
			close++;
		if (close >= c->nw || c->w[close].s[0] != ',' || close - open > 8 ||
		    close + 1 >= c->nw || c->w[close + 1].type != CW_WORD)
			continue;
		/* the segment: one actor, no verb, nothing that starts a list */
		int b = -1;
		bool ok = true;
		for (size_t k = open + 1; k < close && ok; k++) {
			const cword *w = &c->w[k];
			if (w->verb >= 0 || w->type == CW_CONJ)
				ok = false;
			int m = actor_at(c, k);
			if (m >= 0 && m != b) {
				if (b >= 0 || c->m[m].group != m || c->m[m].n_group > 1)
					ok = false;
				b = m;
			}
		}
		if (!ok || b < 0 || c->m[a].group != a || c->m[a].n_group > 1 ||
		    word_is(c, close + 1, "and"))
			continue;
		/* one person: keep the more specific code, the name on a tie */
		mention *ma = &c->m[a], *mb = &c->m[b];
		if (strlen(ma->code) > strlen(mb->code))
			mb->null = 1;
		else
			ma->null = 1;
		c->w[open].type = CW_WORD;
		c->w[close].type = CW_WORD;
		open = close;
	}
}

/* "Qatari-aligned daily", "Russian-made jets", "Iran-backed militias",
 * "Paris-based group": a country joined by a hyphen to such a participle
 * describes something else; it is no actor. */
void cd_hyphen_modifiers(dyad_coder *c)
{
	static const char *const parts[] = { "aligned", "made", "built", "designed", "owned",
	                                     "based", "backed", "funded", "sponsored", "supplied",
	                                     "produced", "manufactured", "affiliated", "linked",
	                                     "leaning", "friendly", "controlled", "run", NULL };
	for (size_t k = 0; k < c->nm; k++) {
		mention *m = &c->m[k];
		if (m->kind != MK_ACTOR || m->null || m->end >= c->nw || m->end == m->start)
			continue;
		const cword *last = &c->w[m->end - 1], *next = &c->w[m->end];
		if (next->type != CW_WORD || next->span.start != last->span.end + 1 ||
		    !c->text || c->text[last->span.end] != '-')
			continue;
		for (int i = 0; parts[i]; i++)
			if (eq(next->s, next->len, parts[i])) {
				m->null = 1;
				/* made, built, supplied, produced, manufactured:
				 * the maker, a supplier if the goods are received */
				m->supplier = eq(next->s, next->len, "made") ||
				              eq(next->s, next->len, "built") ||
				              eq(next->s, next->len, "supplied") ||
				              eq(next->s, next->len, "produced") ||
				              eq(next->s, next->len, "manufactured");
				break;
			}
	}
}
