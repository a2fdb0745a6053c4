/*
 * coder_relatives.c - relative clauses that carry their own event.
 *
 * "Kenyan President William Ruto, who is on a state visit to Washington,
 * held talks with Biden": comma elimination sets the ", who ...," clause
 * aside so that the actor reaches the main verb, and with it went the
 * visit. The clause is coded again as a sentence of its own whose
 * subject is the actor before it ("Kenyan President William Ruto is on a
 * state visit to Washington"), with the same patterns as any sentence.
 * dyad's own dictionaries only; the events of the clause join the
 * sentence's (same sentence index), without duplicates.
 */
#include "coder_internal.h"

#include <string.h>

/* The index in toks of the token holding the word that starts at
 * `start` (hyphen parts share one token). */
static size_t token_of(const dyad_token *toks, size_t n, uint32_t start)
{
	size_t t = 0;
	while (t < n && toks[t].span.end <= start)
		t++;
	return t;
}

/* Word j is part of an actor (a place too: "arrived in Beijing"). */
static bool actor_word(const dyad_coder *c, size_t j)
{
	int m = c->w[j].mention;
	return m >= 0 && c->m[m].kind == MK_ACTOR && !c->m[m].null;
}

/* Participles that give a result or a source of the main act, not an
 * act of the subject's own (", killing 20", ", saying ..."). */
static bool result_participle(const cword *w)
{
	static const char *const stems[] = { "kill", "leav", "wound", "injur", "say", "add", "cit",
	                                     "accord", "includ", "follow", "us", "bring", "mak",
	                                     "rais", "prompt", "spark", "trigger", "caus", "forc",
	                                     "end", "mark", "claim", "destroy", "damag",
	                                     "displac", "left", NULL };
	for (int i = 0; stems[i]; i++) {
		size_t l = strlen(stems[i]);
		if (w->len == l + 3 && memcmp(w->s, stems[i], l) == 0)
			return true;
	}
	return false;
}

/*
 * "Raisi arrived in Islamabad, offering to expand trade with Pakistan":
 * a clause opened by an -ing verb after the main clause, to the next
 * comma or the end of the sentence, is an act of the main subject (the
 * sentence's first actor, before the first verb).
 */
static size_t find_participles(const dyad_coder *c, const dyad_token *toks, size_t n,
                               cd_relative *out, size_t found, size_t max)
{
	size_t v0 = SIZE_MAX;
	for (size_t i = 0; i < c->nw && v0 == SIZE_MAX; i++)
		if (c->w[i].verb >= 0)
			v0 = i;
	int head = v0 == SIZE_MAX ? -1 : cd_first_actor(c, 0, v0, NULL);
	if (head < 0 || (c->m[head].start > 0 &&
	                 !(c->m[head].start == 1 && (word_is(c, 0, "the") || word_is(c, 0, "The")))))
		return found;      /* the subject opens the sentence */
	for (size_t i = v0 + 1; i + 1 < c->nw && found < max; i++) {
		const cword *w = &c->w[i + 1];
		if (c->w[i].type != CW_COMMA || c->w[i].s[0] != ',' || w->verb < 0 || w->len < 6 ||
		    memcmp(w->s + w->len - 3, "ing", 3) != 0 || result_participle(w))
			continue;
		/* to the next comma, or a relative pronoun: "its campaign
		 * against the group that has seized parts of Iraq" is not
		 * against Iraq */
		size_t j = i + 2;
		bool actor = false;
		while (j < c->nw && c->w[j].type != CW_COMMA && !word_is(c, j, "that") &&
		       !word_is(c, j, "which") && !word_is(c, j, "who")) {
			actor |= actor_word(c, j);
			j++;
		}
		if (j - i > 24 || !actor)
			continue;
		cd_relative *r = &out[found++];
		r->head_s = token_of(toks, n, c->w[c->m[head].start].span.start);
		r->head_e = token_of(toks, n, c->w[v0].span.start);    /* the whole subject */
		r->body_s = token_of(toks, n, c->w[i + 1].span.start);
		r->body_e = j < c->nw ? token_of(toks, n, c->w[j].span.start) : n;
		while (j < c->nw && c->w[j].type != CW_COMMA)
			j++;
		i = j - 1;
	}
	return found;
}

/* ", who <verb> ... ," right after a usable actor: the actor's tokens
 * and the clause's (without "who" and the commas). */
size_t cd_find_relatives(const dyad_coder *c, const dyad_token *toks, size_t n,
                         cd_relative *out, size_t max)
{
	size_t found = 0;
	for (size_t i = 1; i + 2 < c->nw && found < max; i++) {
		if (c->w[i].type != CW_COMMA || c->w[i].s[0] != ',' || !word_is(c, i + 1, "who"))
			continue;
		int m = c->w[i - 1].mention;
		if (m < 0 || c->m[m].end != i || !cd_usable(&c->m[m]))
			continue;
		size_t j = i + 2;
		bool verb = false;
		bool actor = false;
		while (j < c->nw && j < i + 24 && c->w[j].type != CW_COMMA) {
			verb |= c->w[j].verb >= 0;
			actor |= actor_word(c, j);
			j++;
		}
		/* closed by a comma (not the end of the sentence), with a verb
		 * and an actor for its target (else nothing to code: the
		 * clause is not coded again, which costs time) */
		if (j >= c->nw || j >= i + 24 || c->w[j].s[0] != ',' || j == i + 2 || !verb || !actor)
			continue;
		cd_relative *r = &out[found++];
		r->head_s = token_of(toks, n, c->w[c->m[m].start].span.start);
		r->head_e = token_of(toks, n, c->w[i].span.start);
		r->body_s = token_of(toks, n, c->w[i + 2].span.start);
		r->body_e = token_of(toks, n, c->w[j].span.start);
		i = j;
	}
	return find_participles(c, toks, n, out, found, max);
}

/* Drop the events from index `from` on that repeat one before them. */
static void drop_repeats(dyad_events *out, size_t base, size_t from)
{
	size_t w = from;
	for (size_t i = from; i < out->count; i++) {
		const dyad_event *e = &out->items[i];
		bool seen = false;
		for (size_t k = base; k < w && !seen; k++) {
			const dyad_event *o = &out->items[k];
			seen = !strcmp(o->source, e->source) && !strcmp(o->target, e->target) &&
			       !strcmp(o->cameo, e->cameo);
		}
		if (seen)
			continue;
		if (w != i)
			out->items[w] = out->items[i];
		w++;
	}
	out->count = w;
}

int cd_relative_events(dyad_coder *c, const char *text, const dyad_token *toks,
                       const cd_relative *rel, size_t n_rel, uint32_t sentence,
                       size_t base, dyad_events *out)
{
	dyad_token sub[CD_RELATIVE_MAX_TOKENS];
	memory mem = c->mem;
	bool complex = c->complex, discard = c->discard, truncated = c->truncated;
	int added = 0;
	c->in_relative = true;
	for (size_t r = 0; r < n_rel; r++) {
		size_t hn = rel[r].head_e - rel[r].head_s, bn = rel[r].body_e - rel[r].body_s;
		if (!hn || !bn || hn + bn > CD_RELATIVE_MAX_TOKENS)
			continue;
		memcpy(sub, toks + rel[r].head_s, hn * sizeof *sub);
		memcpy(sub + hn, toks + rel[r].body_s, bn * sizeof *sub);
		size_t from = out->count;
		int rc = dyad_coder_code_sentence(c, text, sub, hn + bn, sentence, out);
		if (rc < 0) {
			added = rc;
			break;
		}
		drop_repeats(out, base, from);
		added += (int)(out->count - from);
	}
	c->in_relative = false;
	c->mem = mem;
	c->complex = complex;
	c->discard = discard;
	c->truncated = truncated;
	return added;
}
