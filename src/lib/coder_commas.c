/*
 * coder_commas.c - commas: role appositions ("Dmitry Shugaev, director
 * of Russia's Federal Service ..., visited") and TABARI's elimination of
 * comma-delimited nonrestrictive clauses, which compacts the words,
 * mentions and verbs of the sentence.
 */
#include "coder_internal.h"

#include <string.h>

/* Two or more capitalized words the dictionaries do not know just
 * before word p: a person's name ("Dmitry Shugaev"). */
static bool unknown_name_before(const dyad_coder *c, size_t p)
{
	size_t n = 0;
	while (p > 0) {
		const cword *w = &c->w[p - 1];
		if (w->type != CW_WORD || w->mention >= 0 || w->verb >= 0 || !(w->tflags & DYAD_TOKF_CAP))
			break;
		n++;
		p--;
	}
	return n >= 2;
}

/* Is the comma at word p inside a compound actor ("A, B and C")? */
static bool compound_comma(const dyad_coder *c, size_t p)
{
	if (p == 0 || p + 1 >= c->nw)
		return false;
	int a = c->w[p - 1].mention;
	size_t q = p + 1;
	if (q < c->nw && c->w[q].type == CW_WORD && c->w[q].s[0] == 't' && eq(c->w[q].s, c->w[q].len, "the"))
		q++;
	while (q < c->nw && c->w[q].noun == 2)
		q++;
	if (q < c->nw && c->w[q].type == CW_WORD && c->w[q].len == 3 && memcmp(c->w[q].s, "and", 3) == 0)
		q++;
	int b = q < c->nw ? c->w[q].mention : -1;
	return a >= 0 && b >= 0 && c->m[a].group == c->m[b].group;
}

static size_t count_words(const dyad_coder *c, size_t s, size_t e)
{
	size_t n = 0;
	for (size_t i = s; i < e; i++)
		if (c->w[i].type == CW_WORD || c->w[i].type == CW_CONJ)
			n++;
	return n;
}

/*
 * "Dmitry Shugaev, director of Russia's Federal Service for ...,": a
 * comma clause right after a name the dictionaries do not know, naming
 * an actor with "of" or a possessive, gives that person's role. The most
 * specific actor of the clause (the last one) stands for the person; the
 * others of the clause are set aside; the clause is kept from comma
 * elimination.
 */
void cd_role_appositions(dyad_coder *c)
{
	for (size_t open = 1; open < c->nw; open++) {
		if (c->w[open].type != CW_COMMA || c->w[open].s[0] != ',' || !unknown_name_before(c, open))
			continue;
		size_t i = open + 1;
		while (i < c->nw && !(c->w[i].type == CW_COMMA && c->w[i].s[0] == ','))
			i++;
		if (i >= c->nw || i - open > 16)
			continue;     /* an apposition is closed by a comma, and short */
		bool role = false;
		int last = -1;
		for (size_t k = open + 1; k < i; k++) {
			int m = c->w[k].mention;
			if (m < 0 || c->m[m].kind != MK_ACTOR || c->m[m].start != k || c->m[m].null)
				continue;
			size_t e = c->m[m].end;
			if (word_is(c, k - 1, "of") || (e < c->nw && c->w[e].type == CW_POSS) ||
			    (e > k && c->w[e - 1].type == CW_POSS))
				role = true;
			last = m;
		}
		if (!role)
			continue;
		for (size_t k = open + 1; k < i; k++) {
			int m = c->w[k].mention;
			if (m >= 0 && m != last && c->m[m].kind == MK_ACTOR)
				c->m[m].null = 1;
		}
		c->w[open + 1].keep = 1;
		open = i;
	}
}

/*
 * TABARI's elimination of comma-delimited nonrestrictive clauses: a
 * clause between two commas of MIN < n <= MAX words, or between the last
 * comma and the end of EMIN < n <= EMAX words ("..., officials said on
 * Monday.") is removed before coding; counting is chained from the comma
 * that closed the previous clause; commas of compound actors do not count.
 */
/*
 * dyad's dictionaries: a relative clause between commas (", which has
 * close ties to Moscow,", ", who took office in 2019,") is background
 * about the actor before it; it is set aside so that the actor reaches
 * its verb ("The Algerian army, which ..., bought jets from Russia").
 * A clause left open to the end of the sentence is kept. ", who" is set
 * aside after any word (a person, named or not). So is set aside a
 * participle clause naming no actor (participle_clause).
 */
/* ", travelling by armoured train,", ", speaking in Paris,": a clause
 * opened by an -ing participle (or "accompanied/flanked by") that names
 * no actor, up to 10 words to its closing comma: background about the
 * actor before it. */
static bool participle_clause(const dyad_coder *c, size_t s)
{
	const cword *w = &c->w[s];
	bool ing = w->type == CW_WORD && w->len > 5 && memcmp(w->s + w->len - 3, "ing", 3) == 0;
	if (!ing && !word_is(c, s, "accompanied") && !word_is(c, s, "flanked"))
		return false;
	for (size_t k = s; k < c->nw && k < s + 11; k++) {
		if (c->w[k].type == CW_COMMA)
			return c->w[k].s[0] == ',' && k + 1 < c->nw;
		if (c->w[k].mention >= 0 || c->w[k].type == CW_CONJ)
			return false;
	}
	return false;
}

static bool mark_relative_clauses(const dyad_coder *c, uint8_t *del)
{
	bool any = false;
	for (size_t i = 0; i + 1 < c->nw; i++) {
		if (c->w[i].type != CW_COMMA || c->w[i].s[0] != ',' || i == 0)
			continue;
		/* after an actor; a participle clause also after a name (people
		 * are resolved later) */
		bool after_actor = c->w[i - 1].mention >= 0;
		bool after_name = (c->w[i - 1].tflags & DYAD_TOKF_CAP) != 0;
		bool rel = word_is(c, i + 1, "which") || word_is(c, i + 1, "who") || word_is(c, i + 1, "whose");
		/* ", who ...," is about a person, named by an actor or not ("The
		 * president, who returned from Moscow on Sunday, accused ...") */
		bool person = word_is(c, i + 1, "who") || word_is(c, i + 1, "whose");
		if (!(rel ? after_actor || person
		          : (after_actor || after_name) && participle_clause(c, i + 1)))
			continue;
		size_t j = i + 2;
		while (j < c->nw && j < i + 24 && c->w[j].type != CW_COMMA)
			j++;
		if (j >= c->nw || j >= i + 24 || c->w[j].s[0] != ',' || j + 1 >= c->nw)
			continue;
		for (size_t k = i; k <= j; k++)
			del[k] = 1;
		any = true;
		i = j;
	}
	return any;
}

void cd_eliminate_commas(dyad_coder *c)
{
	const lx_options *o = &c->lex->opt;
	if (c->nw < 3 || (!o->comma_on && !c->lex->own_format))
		return;
	uint8_t del[CD_MAX_WORDS];
	memset(del, 0, c->nw);
	bool any = c->lex->own_format && mark_relative_clauses(c, del);
	size_t open = SIZE_MAX;        /* comma opening the current clause */
	size_t begin = 0;              /* first word of the current clause */
	for (size_t i = 0; i <= c->nw && o->comma_on; i++) {
		bool comma = i < c->nw && c->w[i].type == CW_COMMA && c->w[i].s[0] == ',' &&
		             !compound_comma(c, i);
		if (!comma && i < c->nw)
			continue;
		size_t n = count_words(c, begin, i);
		bool drop;
		if (open == SIZE_MAX)
			drop = begin == 0 && (int)n > o->comma_bmin && (int)n <= o->comma_bmax;
		else if (i == c->nw)
			drop = (int)n > o->comma_emin && (int)n <= o->comma_emax;
		else
			drop = (int)n > o->comma_min && (int)n <= o->comma_max;
		/* a role apposition stays (cd_role_appositions) */
		if (drop && open != SIZE_MAX && open + 1 < c->nw && c->w[open + 1].keep)
			drop = false;
		if (drop) {
			size_t from = open == SIZE_MAX ? begin : open;
			size_t to = i < c->nw ? i + 1 : i;   /* closing comma goes too */
			for (size_t k = from; k < to; k++)
				del[k] = 1;
			any = true;
			open = SIZE_MAX;       /* the chain restarts without a comma */
			begin = to;
			if (i < c->nw && to == i + 1)
				continue;
		} else {
			open = i;
			begin = i + 1;
		}
	}
	if (!any)
		return;
	/* compact words, mentions and verbs */
	uint32_t map[CD_MAX_WORDS + 1];
	size_t nw = 0;
	for (size_t i = 0; i < c->nw; i++) {
		map[i] = (uint32_t)nw;
		if (!del[i])
			c->w[nw++] = c->w[i];
	}
	map[c->nw] = (uint32_t)nw;
	int16_t mmap[CD_MAX_MENTIONS];
	size_t nm = 0;
	for (size_t k = 0; k < c->nm; k++) {
		mmap[k] = -1;
		if (del[c->m[k].start])
			continue;
		mmap[k] = (int16_t)nm;
		mention m = c->m[k];
		size_t e = m.end;
		while (e > m.start && del[e - 1])
			e--;
		m.start = map[m.start];
		m.end = map[e];
		c->m[nm++] = m;
	}
	for (size_t k = 0; k < nm; k++) {
		int16_t g = mmap[c->m[k].group];
		c->m[k].group = g >= 0 ? (uint16_t)g : (uint16_t)k;
	}
	for (size_t k = 0; k < nm; k++)
		c->m[k].n_group = 0;
	for (size_t k = 0; k < nm; k++)
		c->m[c->m[k].group].n_group++;
	c->nm = nm;
	size_t nv = 0;
	for (size_t k = 0; k < c->nv; k++) {
		if (del[c->v[k].start])
			continue;
		verbocc v = c->v[k];
		v.start = map[v.start];
		v.end = map[v.end];
		c->v[nv++] = v;
	}
	c->nv = nv;
	c->nw = nw;
	/* n_conj keeps the count of the whole sentence for COMPLEX: CONJ */
	for (size_t i = 0; i < nw; i++) {
		c->w[i].mention = -1;
		c->w[i].verb = -1;
	}
	/* a word shared by a set-aside mention and a live one ("China's"
	 * of "China's CNPC") is the live one's */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < nm; k++)
			for (size_t i = c->m[k].start; i < c->m[k].end && (c->m[k].null != 0) == pass; i++)
				if (c->w[i].mention < 0)
					c->w[i].mention = (int16_t)k;
	for (size_t k = 0; k < nv; k++)
		c->w[c->v[k].start].verb = (int16_t)k;
}
