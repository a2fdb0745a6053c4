/*
 * coder.c - the sentence analysis of the sparse parse: tokens -> words
 * (commas and conjunctions marked, hyphenated words split into their
 * parts as the dictionaries store them), then actors, agents, nouns and
 * verbs located by longest match from the first-word index; agents
 * joined to their actors (coder_agents.c); pronouns, plural pronouns and
 * "the two countries" resolved; compound actors grouped; commas handled
 * (coder_commas.c). Events are assembled by coder_events.c.
 */
#include "coder_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

int dyad_coder_new(dyad_coder **out, const dyad_lexicon *lex)
{
	*out = NULL;
	if (!lex)
		return dyad_error_set(DYAD_EINVAL, "coder needs a lexicon");
	dyad_coder *c = dyad_calloc(1, sizeof *c);
	if (!c)
		return DYAD_ENOMEM;
	c->lex = lex;
	*out = c;
	return 0;
}

void dyad_coder_free(dyad_coder *coder)
{
	dyad_free(coder);
}

void dyad_coder_set_gazetteer(dyad_coder *c, const dyad_gazetteer *gaz)
{
	c->gaz = gaz;
}

void dyad_coder_begin_document(dyad_coder *c, dyad_date date)
{
	c->date = date;
	c->ymd = date.year ? date.year * 10000 + (date.month ? date.month : 6) * 100 +
	                     (date.day ? date.day : 15) : 0;
	memset(&c->mem, 0, sizeof c->mem);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

static bool is_conj(const char *s, size_t n)
{
	return eq(s, n, "and") || eq(s, n, "but") || eq(s, n, "or") || eq(s, n, "nor");
}

static void push_word(dyad_coder *c, const char *s, size_t n, dyad_span sp,
                      uint16_t tflags, uint8_t type)
{
	if (c->nw >= CD_MAX_WORDS) {
		c->truncated = true;
		return;
	}
	cword *w = &c->w[c->nw++];
	w->s = s;
	w->len = (uint32_t)n;
	w->span = sp;
	w->tflags = tflags;
	w->type = type;
	w->noun = 0;
	w->keep = 0;
	w->mention = -1;
	w->verb = -1;
}

static void split_hyphen(dyad_coder *c, const dyad_token *t)
{
	const char *s = t->norm;
	size_t n = t->norm_len, st = 0;
	uint32_t base = t->span.start;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '-')
			continue;
		if (i > st && c->n_split < sizeof c->split / sizeof c->split[0] && i - st < 64) {
			char *d = c->split[c->n_split++];
			memcpy(d, s + st, i - st);
			d[i - st] = '\0';
			dyad_span sp = { base + (uint32_t)st, base + (uint32_t)i };
			if (sp.end > t->span.end)
				sp.end = t->span.end;
			push_word(c, d, i - st, sp, t->flags, CW_WORD);
		}
		st = i + 1;
	}
}

static void build_words(dyad_coder *c, const dyad_token *toks, size_t n)
{
	c->nw = 0;
	c->n_split = 0;
	c->n_conj = 0;
	for (size_t i = 0; i < n; i++) {
		const dyad_token *t = &toks[i];
		switch (t->kind) {
		case DYAD_TOK_POSS:
			push_word(c, "'s", 2, t->span, t->flags, CW_POSS);
			break;
		case DYAD_TOK_PUNCT:
			if (t->norm_len == 1 && (t->norm[0] == ',' || t->norm[0] == ';' || t->norm[0] == ':'))
				push_word(c, t->norm, 1, t->span, t->flags, CW_COMMA);
			else if (t->norm_len == 1 && (t->norm[0] == '(' || t->norm[0] == ')'))
				push_word(c, t->norm, 1, t->span, t->flags, CW_COMMA);
			break;     /* quotes, stops: not words */
		case DYAD_TOK_SYMBOL:
			if (t->norm_len == 1 && t->norm[0] == '&')
				push_word(c, t->norm, 1, t->span, t->flags, CW_WORD);
			break;
		default:
			if (t->flags & DYAD_TOKF_HYPHEN) {
				/* dictionaries store hyphenated words as their parts */
				split_hyphen(c, t);
				break;
			}
			if (is_conj(t->norm, t->norm_len)) {
				push_word(c, t->norm, t->norm_len, t->span, t->flags, CW_CONJ);
				c->n_conj++;
			} else if (c->lex->own_format && t->norm_len == 2 && (t->flags & DYAD_TOKF_ALLCAPS) &&
			           t->norm[0] == 'u' && t->norm[1] == 's') {
				/* dyad's dictionaries list "U.S." but not "us" (the
				 * pronoun): the upper-case "US" is the country */
				push_word(c, "u.s.", 4, t->span, t->flags, CW_WORD);
			} else {
				push_word(c, t->norm, t->norm_len, t->span, t->flags, CW_WORD);
			}
		}
	}
}

/* ------------------------------------------------------------------ */
/* Phrase matching                                                     */

/* Match phrase `ph` at word i; returns the end word index or 0. Actor
 * phrases are runs of consecutive words; "'s" elements match the
 * possessive word. */
static size_t match_phrase(const dyad_coder *c, const lx_phrase *ph, size_t i)
{
	const lx_word *w = &c->lex->words[ph->first];
	size_t j = i;
	for (uint32_t k = 0; k < ph->n; k++, j++) {
		if (j >= c->nw)
			return 0;
		const cword *cw = &c->w[j];
		if (cw->type == CW_COMMA)
			return 0;
		const lx_word *e = &w[k];
		if (k > 0 && !(w[k - 1].flags & LWF_NEXT)) {
			/* words written apart ("AL GORE", "DEATH TOLL RISEN") may
			 * have other words between them, as in TABARI, up to a comma */
			bool last = k + 1 == ph->n;
			size_t q = j;
			while (q < c->nw && c->w[q].type != CW_COMMA &&
			       !lx_word_matches(e, c->w[q].s, c->w[q].len, last || ph->kind == PH_VERB))
				q++;
			if (q >= c->nw || c->w[q].type == CW_COMMA)
				return 0;
			j = q;
			continue;
		}
		/* fast rejects before the full comparison: the index already
		 * matched the first word's characters */
		if (!(e->flags & LWF_LEMMA)) {
			if (cw->len < e->len)
				return 0;
			if (!(e->flags & LWF_EXACT) || cw->len == e->len) {
				if (k == 0)
					continue;
				if (cw->s[0] != e->s[0])
					return 0;
			}
		}
		bool last = k + 1 == ph->n;
		if (!lx_word_matches(e, cw->s, cw->len, last || ph->kind == PH_VERB))
			return 0;
	}
	return j;
}

typedef struct best {
	const lx_phrase *ph;
	size_t end;
} best;

/* Longest phrase of each kind starting at word i. */
static void phrases_at(const dyad_coder *c, size_t i, best b[PH__N])
{
	const dyad_lexicon *lex = c->lex;
	const cword *cw = &c->w[i];
	for (int k = 0; k < PH__N; k++)
		b[k] = (best){ NULL, 0 };
	if (!lex->n_slots)
		return;       /* no phrases at all */
	uint8_t c2 = (i + 1 < c->nw && c->w[i + 1].len) ? (uint8_t)c->w[i + 1].s[0] : 1;
	uint64_t h = LX_HASH_INIT;
	for (size_t p = 0; p < cw->len; p++) {
		h = lx_hash_step(h, (unsigned char)cw->s[p]);
		const lx_slot *sl = lx_lookup_next(lex, h, cw->s, (uint32_t)(p + 1));
		if (!sl)
			break;      /* no dictionary word begins like this */
		/* a list is sorted by the first letter of the phrases' second
		 * word (0, one-word phrases, first): only one-word phrases and
		 * those whose second word begins like the next word can match */
		const uint8_t *c2s = lex->list_c2 + sl->list_first;
		uint32_t n1 = sl->n_single, lo = n1, hi = sl->list_n;
		while (lo < hi) {             /* first entry with c2s >= c2 */
			uint32_t mid = lo + (hi - lo) / 2;
			if (c2s[mid] < c2) lo = mid + 1; else hi = mid;
		}
		uint32_t end2 = lo;
		hi = sl->list_n;
		while (end2 < hi) {           /* first entry with c2s > c2 */
			uint32_t mid = end2 + (hi - end2) / 2;
			if (c2s[mid] <= c2) end2 = mid + 1; else hi = mid;
		}
		for (uint32_t q = 0; q < end2; q++) {
			if (q == n1)
				q = lo;
			if (q >= end2)
				break;
			const lx_phrase *ph = &lex->phrases[lex->lists[sl->list_first + q]];
			best *bb = &b[ph->kind];
			if (bb->ph && !ph->gaps && bb->end - i > ph->n)
				continue;   /* already have a longer one */
			size_t e = match_phrase(c, ph, i);
			if (!e)
				continue;
			/* longest, then most letters, then first in the files */
			if (!bb->ph || e > bb->end ||
			    (e == bb->end && (ph->chars > bb->ph->chars ||
			                      (ph->chars == bb->ph->chars && ph < bb->ph))))
				*bb = (best){ ph, e };
		}
	}
}

const char *cd_resolve_code(const dyad_coder *c, const lx_phrase *ph)
{
	const lx_code *codes = &c->lex->codes[ph->code_first];
	const char *dflt = NULL, *fallback = NULL;
	for (uint32_t i = 0; i < ph->n_codes; i++) {
		const lx_code *k = &codes[i];
		if (k->fallback) {
			if (!fallback)
				fallback = k->code;
			continue;
		}
		if (!k->dated) {
			if (!dflt)
				dflt = k->code;
			continue;
		}
		if (!c->ymd)
			continue;
		if ((!k->from || c->ymd >= k->from) && (!k->to || c->ymd <= k->to))
			return k->code;
	}
	if (dflt)
		return dflt;
	if (fallback)
		return fallback;
	/* only dated codes, none in force: the null code */
	return ph->n_codes ? "---" : NULL;
}

static bool is_determiner(const cword *w)
{
	static const char *const dets[] = { "the", "a", "an", NULL };
	for (int i = 0; dets[i]; i++)
		if (eq(w->s, w->len, dets[i]))
			return true;
	return false;
}

/* A one-word lemma verb between an indefinite article and a plain word
 * modifies that word: "a mock camp", "a strike base", "an attack
 * helicopter". As the head of its phrase ("a visit to", "an attack on")
 * it stays a nominal pattern; after "the" the next word is too often the
 * verb ("the exercise strengthened ...") to tell. */
static bool modifier_after_article(const dyad_coder *c, size_t i, size_t ev)
{
	static const char *const heads_end[] = {
		"of", "on", "in", "to", "against", "by", "with", "at", "from", "for", "between",
		"near", "over", "into", "that", "which", "was", "were", "is", "has", "had",
		"will", "would", "could", "may", "might", NULL
	};
	if (i == 0 || ev != i + 1 || ev >= c->nw)
		return false;
	const cword *art = &c->w[i - 1], *next = &c->w[ev];
	if (!eq(art->s, art->len, "a") && !eq(art->s, art->len, "an"))
		return false;
	if (next->type != CW_WORD || (next->tflags & DYAD_TOKF_CAP) ||
	    (next->len > 3 && memcmp(next->s + next->len - 2, "ed", 2) == 0))
		return false;
	for (int k = 0; heads_end[k]; k++)
		if (eq(next->s, next->len, heads_end[k]))
			return false;
	return true;
}

static int add_mention(dyad_coder *c, uint8_t kind, size_t s, size_t e,
                       const lx_phrase *ph, const char *code)
{
	if (c->nm >= CD_MAX_MENTIONS)
		return -1;
	mention *m = &c->m[c->nm];
	memset(m, 0, sizeof *m);
	m->start = (uint32_t)s;
	m->end = (uint32_t)e;
	m->kind = kind;
	m->ph = ph;
	m->group = (uint16_t)c->nm;
	m->n_group = 1;
	if (code) {
		size_t n = strlen(code);
		if (n >= DYAD_CODE_MAX)
			n = DYAD_CODE_MAX - 1;
		memcpy(m->code, code, n);
		m->code[n] = '\0';
		m->null = strcmp(code, "---") == 0;
		m->discard = strcmp(code, "###") == 0;
		m->complex = strcmp(code, "+++") == 0;
	}
	for (size_t k = s; k < e; k++)
		c->w[k].mention = (int16_t)c->nm;
	return (int)c->nm++;
}

static bool is_pronoun(const cword *w)
{
	/* possessives (his, its, their) name an owner, not a participant:
	 * "met his Russian counterpart" */
	static const char *const p[] = { "he", "she", "it", "they", "her", "him", "them", NULL };
	if (w->len > 5 || (w->s[0] != 'h' && w->s[0] != 's' && w->s[0] != 'i' && w->s[0] != 't'))
		return false;
	for (int i = 0; p[i]; i++)
		if (eq(w->s, w->len, p[i]))
			return true;
	return false;
}

/* "the two countries", "both sides", "the two sides", "both countries" */
static size_t compound_ref_at(const dyad_coder *c, size_t i)
{
	static const char *const heads[] = { "countries", "sides", "nations", "governments",
	                                     "states", "leaders", "armies", "parties", NULL };
	if (i + 1 >= c->nw || (c->w[i].s[0] != 'b' && c->w[i].s[0] != 't'))
		return 0;
	const cword *a = &c->w[i], *b = &c->w[i + 1];
	size_t k = 0;
	if (eq(a->s, a->len, "both"))
		k = i + 1;
	else if (eq(a->s, a->len, "two") && i && eq(c->w[i - 1].s, c->w[i - 1].len, "the"))
		k = i + 1;
	if (!k)
		return 0;
	b = &c->w[k];
	for (int h = 0; heads[h]; h++)
		if (eq(b->s, b->len, heads[h]))
			return k + 1;
	return 0;
}

/* Locate actors, agents, nouns, verbs left to right (longest match). */
static void locate(dyad_coder *c)
{
	c->nm = 0;
	c->nv = 0;
	c->n_verbs_seen = 0;
	best b[PH__N];
	size_t i = 0;
	while (i < c->nw) {
		cword *cw = &c->w[i];
		if (cw->type != CW_WORD) {
			i++;
			continue;
		}
		size_t cr = compound_ref_at(c, i);
		if (cr) {
			add_mention(c, MK_COMPOUND_REF, i, cr, NULL, NULL);
			i = cr;
			continue;
		}
		phrases_at(c, i, b);
		if (b[PH_TIME].ph && c->lex->opt.time_shift && b[PH_TIME].ph->n_codes) {
			const char *tc = c->lex->codes[b[PH_TIME].ph->code_first].code;
			if (tc[0] == '#')
				c->discard = true;
			else if (tc[0] == '+')
				c->complex = true;
		}
		size_t ea = b[PH_ACTOR].ph ? b[PH_ACTOR].end : 0;
		size_t eg = b[PH_AGENT].ph ? b[PH_AGENT].end : 0;
		size_t en = b[PH_NOUN].ph ? b[PH_NOUN].end : 0;
		size_t ev = b[PH_VERB].ph ? b[PH_VERB].end : 0;
		size_t ej = b[PH_ADJ].ph ? b[PH_ADJ].end : 0;
		if (ea && ea >= eg && ea >= ev) {
			add_mention(c, MK_ACTOR, i, ea, b[PH_ACTOR].ph, cd_resolve_code(c, b[PH_ACTOR].ph));
			i = ea;
			continue;
		}
		if (eg && eg >= ev) {
			const lx_code *k = &c->lex->codes[b[PH_AGENT].ph->code_first];
			add_mention(c, MK_AGENT, i, eg, b[PH_AGENT].ph, b[PH_AGENT].ph->n_codes ? k->code : "");
			i = eg;
			continue;
		}
		if ((en && en >= ev) || (ej && ej >= ev)) {
			size_t e = en > ej ? en : ej;
			for (size_t k = i; k < e; k++)
				c->w[k].noun = ej > en ? 2 : 1;
			i = e;
			continue;
		}
		if (ev) {
			/* a verb after a determiner, or capitalized inside the
			 * sentence, is used as a noun ("the restore", "Restore") */
			/* dyad's lemma files write nominal heads on purpose ("the
			 * visit of X to Y"): the determiner rule is TABARI's only */
			bool lemma = c->lex->verbs[b[PH_VERB].ph->verb].lemma != 0;
			bool noun = (i && !lemma && is_determiner(&c->w[i - 1])) ||
			            (lemma && modifier_after_article(c, i, ev)) ||
			            (i && (cw->tflags & DYAD_TOKF_CAP) && !(cw->tflags & DYAD_TOKF_ALLCAPS)) ||
			            (ev < c->nw && c->w[ev].type == CW_POSS);   /* "donate's" */
			/* COMPLEX: VERBS[n] counts "an attack" but not "the
			 * promised" (as TABARI's suite expects) */
			if (!noun || !eq(c->w[i - 1].s, c->w[i - 1].len, "the"))
				c->n_verbs_seen++;
			if (!noun && c->nv < CD_MAX_VERBS) {
				c->v[c->nv] = (verbocc){ (uint32_t)i, (uint32_t)ev, b[PH_VERB].ph->verb, b[PH_VERB].ph };
				cw->verb = (int16_t)c->nv++;
				/* "SHOT_AND_WOUNDED": a conjunction inside a verb
				 * phrase does not split the clause */
				for (size_t k = i + 1; k < ev; k++)
					if (c->w[k].type == CW_CONJ) {
						c->w[k].type = CW_WORD;
						c->n_conj--;
					}
			}
			i = ev;
			continue;
		}
		if (is_pronoun(cw)) {
			int m = add_mention(c, MK_PRONOUN, i, i + 1, NULL, NULL);
			if (m >= 0 && cw->s[0] == 't')    /* they, them, their */
				c->m[m].plural = 1;
		}
		i++;
	}
}

/* "awful and evil", "sheep and goats": a conjunction between two words
 * of the noun/adjective lists joins a compound noun or adjective phrase
 * and does not split the clause (TABARI manual 7.5.1). */
static void noun_compounds(dyad_coder *c)
{
	for (size_t i = 1; i + 1 < c->nw; i++)
		if (c->w[i].type == CW_CONJ && c->w[i - 1].noun && c->w[i + 1].noun) {
			c->w[i].type = CW_WORD;
			c->n_conj--;
		}
}

/* A force, weapon or relief noun, singular or plural ("warships",
 * "jets", "rescue teams", "supplies"). */
static bool is_force_noun(const cword *w)
{
	static const char *const f[] = { "troop", "soldier", "warship", "ship", "vessel", "frigate",
	                                 "destroyer", "submarine", "jet", "aircraft", "plane",
	                                 "warplane", "bomber", "drone", "helicopter", "tank",
	                                 "missile", "artillery", "marine", "paratrooper", "weapon",
	                                 "ammunition", "team", "hospital", "rescuer", "doctor",
	                                 "tent", "medicine", "supplie", "blanket", NULL };
	size_t n = w->len;
	if (w->type != CW_WORD)
		return false;
	for (int k = 0; f[k]; k++) {
		size_t fl = strlen(f[k]);
		if ((n == fl || (n == fl + 1 && w->s[n - 1] == 's')) && memcmp(w->s, f[k], fl) == 0)
			return true;
	}
	return false;
}

/* dyad's dictionaries: "sent warships and fighter jets toward Taiwan",
 * "troops and tanks", "rescue teams and field hospitals": a conjunction
 * between two force or relief nouns (up to two modifiers before the
 * second) lists the means of one action and does not split the clause;
 * nor does the "and" of "search and rescue". */
static void force_compounds(dyad_coder *c)
{
	if (!c->lex->own_format)
		return;
	for (size_t i = 1; i + 1 < c->nw; i++) {
		/* "search and rescue", "command and control": one noun */
		if (c->w[i].type == CW_CONJ &&
		    ((word_is(c, i - 1, "search") && word_is(c, i + 1, "rescue")) ||
		     (word_is(c, i - 1, "command") && word_is(c, i + 1, "control")) ||
		     (word_is(c, i - 1, "research") && word_is(c, i + 1, "development")))) {
			c->w[i].type = CW_WORD;
			c->n_conj--;
			continue;
		}
		if (c->w[i].type != CW_CONJ || !is_force_noun(&c->w[i - 1]))
			continue;
		for (size_t j = i + 1; j < c->nw && j <= i + 3; j++) {
			if (c->w[j].type != CW_WORD ||
			    (c->w[j].mention >= 0 && c->m[c->w[j].mention].kind == MK_ACTOR))
				break;
			if (is_force_noun(&c->w[j])) {
				c->w[i].type = CW_WORD;
				c->n_conj--;
				break;
			}
		}
	}
}

/* Pronouns: the first actor of the sentence before them, else the last
 * actor of the document. "The two countries": the last compound. */
static void resolve_refs(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *m = &c->m[k];
		if (m->kind == MK_PRONOUN) {
			const char *code = NULL;
			for (size_t q = 0; q < k; q++)
				if (c->m[q].kind == MK_ACTOR && !c->m[q].null) {
					code = c->m[q].code;
					break;
				}
			if (!code && c->mem.last[0]) {
				code = c->mem.last;
				m->from_pronoun = 1;
			}
			if (code) {
				memcpy(m->code, code, DYAD_CODE_MAX);
				m->kind = MK_ACTOR;
			} else {
				m->null = 1;
			}
		}
	}
}

/* dyad's dictionaries: "the European Union (EU)": an actor's own
 * abbreviation in brackets right after it is part of that mention, so
 * that "A and the European Union (EU) agree" reads as A and B agree. */
static void bracketed_abbreviations(dyad_coder *c)
{
	for (size_t k = 0; k + 1 < c->nm; k++) {
		mention *a = &c->m[k], *b = &c->m[k + 1];
		size_t o = a->end;
		if (a->kind != MK_ACTOR || b->kind != MK_ACTOR || a->null || b->null ||
		    o + 2 >= c->nw || b->start != o + 1 || b->end != o + 2 ||
		    !eq(c->w[o].s, c->w[o].len, "(") || !eq(c->w[b->end].s, c->w[b->end].len, ")") ||
		    strcmp(a->code, b->code) != 0)
			continue;
		b->null = 1;
		a->end = b->end + 1;
		for (size_t i = o; i < a->end; i++) {
			c->w[i].mention = (int16_t)k;
			c->w[i].type = CW_WORD;
		}
	}
}

/* Group compounds: A and B; A, B and C; with "the" allowed between. */
static void group_compounds(dyad_coder *c)
{
	for (size_t k = 0; k + 1 < c->nm; k++) {
		mention *a = &c->m[k];
		if (a->kind != MK_ACTOR)
			continue;
		size_t first = a->group;
		mention *b = &c->m[k + 1];
		if (b->kind != MK_ACTOR)
			continue;
		size_t j = a->end;
		bool ok = false;
		if (j < c->nw && (c->w[j].type == CW_CONJ || c->w[j].type == CW_COMMA) &&
		    !(c->w[j].type == CW_COMMA && c->w[j].s[0] != ',') &&
		    !eq(c->w[j].s, c->w[j].len, "but")) {     /* "A but B" is two clauses */
			bool conj = c->w[j].type == CW_CONJ;
			j++;
			if (!conj && j < c->nw && c->w[j].type == CW_CONJ) {
				conj = true;
				j++;
			}
			/* "and the United Nations": "the" may be the actor's own */
			if (word_is(c, j, "the") && j < b->start)
				j++;
			while (j < b->start && c->w[j].noun == 2)
				j++;
			if (j == b->start) {
				/* dyad's dictionaries: "A, and B ..." with A alone (no
				 * list before it) or B the same actor as A is a new
				 * clause ("met Tebboune, and Tebboune is to visit") */
				bool comma_and = c->w[a->end].type == CW_COMMA && conj;
				if (c->lex->own_format && comma_and && first == k &&
				    (!strcmp(a->code, b->code) || b->end >= c->nw ||
				     c->w[b->end].type == CW_WORD))
					ok = false;
				/* "A, B" needs a conjunction later in the list */
				else if (conj)
					ok = true;
				else {
					for (size_t q = k + 1; q + 1 < c->nm; q++) {
						size_t e = c->m[q].end;
						if (e < c->nw && c->w[e].type == CW_CONJ) { ok = true; break; }
						if (e + 1 < c->nw && c->w[e].type == CW_COMMA &&
						    c->w[e + 1].type == CW_CONJ) { ok = true; break; }
						if (e < c->nw && c->w[e].type == CW_COMMA) continue;
						break;
					}
				}
			}
		}
		if (!ok)
			continue;
		b->group = (uint16_t)first;
		c->m[first].n_group++;
		/* the conjunction inside a compound does not split clauses */
		for (size_t q = a->end; q < b->start; q++)
			if (c->w[q].type == CW_CONJ) {
				c->w[q].type = CW_WORD;
				c->n_conj--;
			}
	}
}

/* A phrase of a .people file (they alone carry a fallback code). */
static bool is_person(const dyad_lexicon *lex, const lx_phrase *ph)
{
	if (!ph || ph->kind != PH_ACTOR)
		return false;
	for (uint32_t i = 0; i < ph->n_codes; i++)
		if (lex->codes[ph->code_first + i].fallback)
			return true;
	return false;
}

static void remember(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (m->kind == MK_ACTOR && !m->null && m->code[0]) {
			/*
			 * The subject-like first actor, without its agent ("He" after
			 * "Fornost President Umbardacil" is Fornost), is what a
			 * pronoun of the next sentence refers to. When that actor was
			 * itself a forwarded pronoun, TABARI goes back to the
			 * document's first one; so do we.
			 */
			if (m->from_pronoun) {
				if (c->mem.original[0])
					memcpy(c->mem.last, c->mem.original, DYAD_CODE_MAX);
			} else {
				memset(c->mem.last, 0, DYAD_CODE_MAX);
				memcpy(c->mem.last, m->code, 3);
				/* dyad's dictionaries: "He" after a person of the
				 * .people files is that person in office (RUSGOV) */
				if (c->lex->own_format && is_person(c->lex, m->ph))
					memcpy(c->mem.last, m->code, DYAD_CODE_MAX);
				if (!c->mem.original[0])
					memcpy(c->mem.original, c->mem.last, DYAD_CODE_MAX);
			}
			break;
		}
	}
	/* without a compound, two distinct actors of one sentence are what
	 * "the two countries" of the next sentences refers to */
	int distinct = 0;
	char pair[2][DYAD_CODE_MAX];
	for (size_t k = 0; k < c->nm && distinct < 2; k++) {
		const mention *m = &c->m[k];
		if (m->kind != MK_ACTOR || m->null || !m->code[0])
			continue;
		if (distinct == 1 && strncmp(pair[0], m->code, 3) == 0)
			continue;
		memcpy(pair[distinct++], m->code, DYAD_CODE_MAX);
	}
	if (distinct == 2) {
		memcpy(c->mem.compound[0], pair[0], DYAD_CODE_MAX);
		memcpy(c->mem.compound[1], pair[1], DYAD_CODE_MAX);
		c->mem.n_compound = 2;
	}
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (m->kind != MK_ACTOR || m->group != k || m->n_group < 2)
			continue;
		int n = 0;
		for (size_t q = k; q < c->nm && n < 8; q++)
			if (c->m[q].group == k && c->m[q].kind == MK_ACTOR)
				memcpy(c->mem.compound[n++], c->m[q].code, DYAD_CODE_MAX);
		c->mem.n_compound = n;
	}
}

/* "Algeria and Russia ... they": a plural pronoun after a compound in
 * the same sentence stands for the whole compound. */
static void expand_plural_pronouns(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *m = &c->m[k];
		if (!m->plural || m->kind != MK_ACTOR || m->from_pronoun)
			continue;
		int lead = -1;
		for (size_t q = 0; q < k; q++)
			if (c->m[q].kind == MK_ACTOR && c->m[c->m[q].group].n_group > 1) {
				lead = c->m[q].group;
				break;
			}
		if (lead < 0)
			continue;
		char codes[8][DYAD_CODE_MAX];
		size_t n = 0;
		for (size_t q = (size_t)lead; q < k && n < 8; q++)
			if (c->m[q].group == lead && c->m[q].kind == MK_ACTOR && !c->m[q].null)
				memcpy(codes[n++], c->m[q].code, DYAD_CODE_MAX);
		if (n < 2 || c->nm + n - 1 > CD_MAX_MENTIONS)
			continue;
		size_t extra = n - 1;
		mention save = *m;
		memmove(&c->m[k + 1 + extra], &c->m[k + 1], (c->nm - k - 1) * sizeof *c->m);
		c->nm += extra;
		for (size_t q = k + 1 + extra; q < c->nm; q++)
			if (c->m[q].group > k)
				c->m[q].group = (uint16_t)(c->m[q].group + extra);
		for (size_t q = 0; q <= extra; q++) {
			c->m[k + q] = save;
			memcpy(c->m[k + q].code, codes[q], DYAD_CODE_MAX);
			c->m[k + q].group = (uint16_t)k;
			c->m[k + q].n_group = q ? 1 : (uint16_t)n;
			c->m[k + q].plural = 2;   /* a copy standing for the compound */
		}
		k += extra;
	}
	for (size_t i = 0; i < c->nw; i++)
		c->w[i].mention = -1;
	for (size_t k = 0; k < c->nm; k++)
		for (size_t i = c->m[k].start; i < c->m[k].end; i++)
			if (c->w[i].mention < 0)
				c->w[i].mention = (int16_t)k;
}

/* "the two countries": becomes a compound of the remembered actors; a
 * coded compound [A/B] becomes its members. */
static void expand_compound_refs(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *m = &c->m[k];
		if (m->kind == MK_ACTOR && strchr(m->code, '/')) {
			/* coded compound actor [FRO/BIL/SAM] */
			char parts[8][DYAD_CODE_MAX];
			int np = 0;
			const char *p = m->code;
			while (*p && np < 8) {
				const char *sl = strchr(p, '/');
				size_t n = sl ? (size_t)(sl - p) : strlen(p);
				if (n && n < DYAD_CODE_MAX) {
					memcpy(parts[np], p, n);
					parts[np++][n] = '\0';
				}
				p += n + (sl ? 1 : 0);
			}
			if (np < 1 || c->nm + (size_t)np > CD_MAX_MENTIONS) {
				m->null = 1;
				continue;
			}
			size_t extra = (size_t)np - 1;
			memmove(&c->m[k + 1 + extra], &c->m[k + 1], (c->nm - k - 1) * sizeof *c->m);
			c->nm += extra;
			for (size_t q = 0; q <= extra; q++) {
				c->m[k + q] = c->m[k];
				memcpy(c->m[k + q].code, parts[q], DYAD_CODE_MAX);
			}
			k += extra;
			continue;
		}
		if (m->kind != MK_COMPOUND_REF)
			continue;
		if (c->mem.n_compound < 2 || c->nm + (size_t)c->mem.n_compound > CD_MAX_MENTIONS) {
			m->null = 1;
			m->kind = MK_ACTOR;
			continue;
		}
		/* insert members after m: shift the rest */
		size_t extra = (size_t)c->mem.n_compound - 1;
		memmove(&c->m[k + 1 + extra], &c->m[k + 1], (c->nm - k - 1) * sizeof *c->m);
		c->nm += extra;
		for (size_t q = 0; q <= extra; q++) {
			mention *x = &c->m[k + q];
			*x = *m;
			x->kind = MK_ACTOR;
			memcpy(x->code, c->mem.compound[q], DYAD_CODE_MAX);
		}
		k += extra;
	}
	for (size_t k = 0; k < c->nm; k++) {
		c->m[k].group = (uint16_t)k;
		c->m[k].n_group = 1;
	}
	/* members of one expanded reference share a span: group them */
	for (size_t k = 1; k < c->nm; k++)
		if (c->m[k].start == c->m[k - 1].start && c->m[k].end == c->m[k - 1].end) {
			c->m[k].group = c->m[k - 1].group;
			c->m[c->m[k].group].n_group++;
		}
	for (size_t i = 0; i < c->nw; i++)
		c->w[i].mention = -1;
	for (size_t k = 0; k < c->nm; k++)
		for (size_t i = c->m[k].start; i < c->m[k].end; i++)
			if (c->w[i].mention < 0)
				c->w[i].mention = (int16_t)k;
}

int dyad_coder_code_sentence(dyad_coder *c, const char *text,
                             const dyad_token *toks, size_t n_toks,
                             uint32_t sentence_index, dyad_events *out)
{
	if (!c || !out || (n_toks && !toks))
		return dyad_error_set(DYAD_EINVAL, "code_sentence: bad arguments");
	c->text = text;
	c->sentence = sentence_index;
	c->discard = c->complex = c->truncated = false;
	build_words(c, toks, n_toks);
	memset(c->mask, 0, sizeof c->mask);
	for (size_t i = 0; i < c->nw; i++) {
		const cword *w = &c->w[i];
		unsigned b = lx_sig_bit(w->s, w->len);
		c->mask[b >> 6] |= 1ULL << (b & 63);
		if (w->len >= 3) {
			/* a 1-2 letter exact pattern word can match this word's stem
			 * plus a regular ending ("US" + "S" is rare; "IN" never) */
			b = lx_sig_bit(w->s, 2);
			c->mask[b >> 6] |= 1ULL << (b & 63);
		}
	}
	locate(c);
	noun_compounds(c);
	force_compounds(c);
	cd_former_agents(c);
	cd_merge_agents(c);
	cd_merge_same_country(c);
	resolve_refs(c);
	expand_compound_refs(c);
	if (c->lex->own_format)
		bracketed_abbreviations(c);
	group_compounds(c);
	expand_plural_pronouns(c);
	if (c->lex->own_format) {
		cd_hyphen_modifiers(c);
		cd_mark_places(c);
		cd_counterparts(c);
		cd_actor_appositions(c);
		cd_possessive_owners(c);
	}
	cd_role_appositions(c);
	cd_relative rel[4];
	size_t n_rel = c->lex->own_format && !c->in_relative ? cd_find_relatives(c, toks, n_toks, rel, 4) : 0;
	size_t base = out->count;
	cd_eliminate_commas(c);
	int rc = cd_code_events(c, out);
	remember(c);
	if (rc >= 0 && n_rel) {
		int r = cd_relative_events(c, text, toks, rel, n_rel, sentence_index, base, out);
		rc = r < 0 ? r : rc + r;
	}
	return rc;
}

bool dyad_coder_last_flags(const dyad_coder *c, bool *complex, bool *discard, bool *truncated)
{
	if (complex) *complex = c->complex;
	if (discard) *discard = c->discard;
	if (truncated) *truncated = c->truncated;
	return c->complex || c->discard;
}
