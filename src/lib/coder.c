/*
 * coder.c - the sentence analysis of the sparse parse: tokens -> words
 * (commas and conjunctions marked, hyphenated compounds split when the
 * whole form is not in the dictionaries), then actors, agents, nouns and
 * verbs located by longest match from the first-word index, agents
 * merged into the actor next to them ("Russia's defence minister" ->
 * RUSGOV..., "Algerian army" -> DZAMIL), pronouns and "the two
 * countries" resolved, compound actors grouped. Events are assembled by
 * coder_events.c.
 */
#include "coder_internal.h"
#include "util/alloc.h"
#include "util/error.h"

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

void dyad_coder_begin_document(dyad_coder *c, dyad_date date)
{
	c->date = date;
	c->ymd = date.year ? date.year * 10000 + (date.month ? date.month : 6) * 100 +
	                     (date.day ? date.day : 15) : 0;
	memset(&c->mem, 0, sizeof c->mem);
}

/* ------------------------------------------------------------------ */
/* Words                                                               */

static bool eq(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	return n == wl && memcmp(s, w, n) == 0;
}

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
	w->mention = -1;
	w->verb = -1;
}

/* Does any phrase begin with (a prefix of) this word? */
static bool starts_phrase(const dyad_lexicon *lex, const char *s, size_t n)
{
	uint64_t h = LX_HASH_INIT;
	for (size_t i = 0; i < n; i++) {
		h = lx_hash_step(h, (unsigned char)s[i]);
		const lx_slot *sl = lx_lookup(lex, h ? h : 1, s, (uint32_t)(i + 1));
		if (sl && (i + 1 == n))
			return true;
	}
	return false;
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
			if ((t->flags & DYAD_TOKF_HYPHEN) && !starts_phrase(c->lex, t->norm, t->norm_len)) {
				split_hyphen(c, t);
				break;
			}
			if (is_conj(t->norm, t->norm_len)) {
				push_word(c, t->norm, t->norm_len, t->span, t->flags, CW_CONJ);
				c->n_conj++;
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
		bool last = k + 1 == ph->n;
		if (!lx_word_matches(&w[k], cw->s, cw->len, last || ph->kind == PH_VERB))
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
	uint64_t h = LX_HASH_INIT;
	for (size_t p = 0; p < cw->len; p++) {
		h = lx_hash_step(h, (unsigned char)cw->s[p]);
		const lx_slot *sl = lx_lookup(lex, h ? h : 1, cw->s, (uint32_t)(p + 1));
		if (!sl)
			continue;
		for (uint32_t q = 0; q < sl->list_n; q++) {
			const lx_phrase *ph = &lex->phrases[lex->lists[sl->list_first + q]];
			best *bb = &b[ph->kind];
			if (bb->ph && bb->end - i >= ph->n)
				continue;   /* already have one at least as long */
			size_t e = match_phrase(c, ph, i);
			if (!e)
				continue;
			if (!bb->ph || e > bb->end ||
			    (e == bb->end && ph->chars > bb->ph->chars))
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
	static const char *const dets[] = { "the", "a", "an", "its", "his", "her", "their",
	                                     "this", "these", "those", "our", "my", NULL };
	for (int i = 0; dets[i]; i++)
		if (eq(w->s, w->len, dets[i]))
			return true;
	return false;
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
	static const char *const p[] = { "he", "she", "it", "they", "his", "its", "their",
	                                 "her", "him", "them", NULL };
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
	if (i + 1 >= c->nw)
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
				c->w[k].noun = 1;
			i = e;
			continue;
		}
		if (ev) {
			/* a verb after a determiner, or capitalized inside the
			 * sentence, is used as a noun ("the restore", "Restore") */
			bool noun = (i && is_determiner(&c->w[i - 1])) ||
			            (i && (cw->tflags & DYAD_TOKF_CAP) && !(cw->tflags & DYAD_TOKF_ALLCAPS));
			if (!noun && c->nv < CD_MAX_VERBS) {
				c->v[c->nv] = (verbocc){ (uint32_t)i, (uint32_t)ev, b[PH_VERB].ph->verb, b[PH_VERB].ph };
				cw->verb = (int16_t)c->nv++;
			}
			i = ev;
			continue;
		}
		if (is_pronoun(cw))
			add_mention(c, MK_PRONOUN, i, i + 1, NULL, NULL);
		i++;
	}
}

/* Append an agent code to an actor mention. */
static void merge_agent(mention *actor, const mention *agent)
{
	if (actor->null || actor->discard || actor->complex || !agent->code[0])
		return;
	char buf[DYAD_CODE_MAX * 2];
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

static bool word_is(const dyad_coder *c, size_t i, const char *w)
{
	return i < c->nw && eq(c->w[i].s, c->w[i].len, w);
}

/* Agents: "Gondor's Prime Minister", "Algerian army", "minister of
 * Gondor", "the army of Algeria". The agent's words join the actor. */
static void merge_agents(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *ag = &c->m[k];
		if (ag->kind != MK_AGENT)
			continue;
		/* actor before: actor ['s] [up to two plain words] agent */
		mention *tgt_actor = NULL;
		if (k > 0 && c->m[k - 1].kind == MK_ACTOR && !c->m[k - 1].used_agent) {
			mention *a = &c->m[k - 1];
			size_t gap = ag->start - a->end, j = a->end;
			if (j < c->nw && c->w[j].type == CW_POSS) {
				j++;
				gap--;
			}
			bool clean = gap <= 2;
			for (size_t q = j; q < ag->start && clean; q++)
				if (c->w[q].type != CW_WORD || c->w[q].verb >= 0)
					clean = false;
			if (clean)
				tgt_actor = a;
		}
		/* actor after: agent of/in/from [the] actor */
		if (!tgt_actor && k + 1 < c->nm && c->m[k + 1].kind == MK_ACTOR) {
			mention *a = &c->m[k + 1];
			size_t j = ag->end;
			if (word_is(c, j, "of") || word_is(c, j, "from") || word_is(c, j, "for") || word_is(c, j, "in")) {
				j++;
				if (word_is(c, j, "the"))
					j++;
				if (j == a->start)
					tgt_actor = a;
			}
		}
		if (tgt_actor) {
			merge_agent(tgt_actor, ag);
			if (tgt_actor->start > ag->start)
				tgt_actor->start = ag->start;
			if (tgt_actor->end < ag->end)
				tgt_actor->end = ag->end;
			ag->kind = 0xff;   /* consumed */
		}
	}
	/* drop consumed agents; unattached agents stay out of the search */
	size_t o = 0;
	for (size_t k = 0; k < c->nm; k++) {
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
			if (!code && c->mem.last[0])
				code = c->mem.last;
			if (code) {
				memcpy(m->code, code, DYAD_CODE_MAX);
				m->kind = MK_ACTOR;
			} else {
				m->null = 1;
			}
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
		    !(c->w[j].type == CW_COMMA && c->w[j].s[0] != ',')) {
			bool conj = c->w[j].type == CW_CONJ;
			j++;
			if (!conj && j < c->nw && c->w[j].type == CW_CONJ) {
				conj = true;
				j++;
			}
			if (word_is(c, j, "the"))
				j++;
			if (j == b->start) {
				/* "A, B" needs a conjunction later in the list */
				if (conj)
					ok = true;
				else {
					for (size_t q = k + 1; q + 1 < c->nm; q++) {
						size_t e = c->m[q].end;
						if (e < c->nw && c->w[e].type == CW_CONJ) { ok = true; break; }
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

static void remember(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (m->kind == MK_ACTOR && !m->null && m->code[0]) {
			memcpy(c->mem.last, m->code, DYAD_CODE_MAX);
			break;   /* the subject-like first actor */
		}
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

/* "the two countries": becomes a compound of the remembered actors. */
static void expand_compound_refs(dyad_coder *c)
{
	for (size_t k = 0; k < c->nm; k++) {
		mention *m = &c->m[k];
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
	locate(c);
	merge_agents(c);
	resolve_refs(c);
	expand_compound_refs(c);
	group_compounds(c);
	int rc = cd_code_events(c, out);
	remember(c);
	return rc;
}

bool dyad_coder_last_flags(const dyad_coder *c, bool *complex, bool *discard, bool *truncated)
{
	if (complex) *complex = c->complex;
	if (discard) *discard = c->discard;
	if (truncated) *truncated = c->truncated;
	return c->complex || c->discard;
}
