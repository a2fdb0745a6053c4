/*
 * coder_events.c - from located actors and verbs to events: the
 * sentence is cut into clauses at conjunctions that do not join a
 * compound actor; in each clause the verbs are tried in order, each
 * verb's patterns longest first (words before '*' must occur before the
 * verb in the clause, words after it after; '_' ties words together;
 * '$' '+' '%' '^' place actors), else the verb's own code; source and
 * target come from the pattern or TABARI's default search; compound
 * actors multiply events; passive voice swaps; paired codes give the
 * reverse event.
 */
#include "coder_match.h"

#include <string.h>

static bool negated_at(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	for (size_t k = 1; k <= 3 && k <= vo->start - cs; k++) {
		const cword *w = &c->w[vo->start - k];
		if ((w->len == 3 && memcmp(w->s, "not", 3) == 0) ||
		    (w->len == 2 && memcmp(w->s, "no", 2) == 0) ||
		    (w->len == 5 && memcmp(w->s, "never", 5) == 0) ||
		    (w->len >= 3 && memcmp(w->s + w->len - 3, "n't", 3) == 0))
			return true;
	}
	return false;
}

static dyad_span words_span(const dyad_coder *c, size_t s, size_t e)
{
	if (s >= e || e > c->nw)
		return (dyad_span){ 0, 0 };
	return (dyad_span){ c->w[s].span.start, c->w[e - 1].span.end };
}

typedef struct evctx {
	dyad_coder  *c;
	dyad_events *out;
	int          lead_src;  /* source of a leading "After meeting X," clause */
	int          added;
	bool         more;    /* a later verb of a clause that already coded:
	                         only a pattern that places its target */
	int          first_src; /* the source of that clause's coded verb */
} evctx;

static bool own_country(const dyad_coder *c, const char *cameo, const char *code,
                        const mention *const *S, size_t ns);

static int emit(evctx *x, const mention *s, const mention *t, const char *code,
                const verbocc *vo, const char *pattern, uint32_t flags, uint8_t modality)
{
	dyad_coder *c = x->c;
	if (!code[0])
		return 0;
	if (t && strcmp(s->code, t->code) == 0)
		return 0;
	const mention *one[1] = { s };
	if (t && own_country(c, code, t->code, one, 1))
		return 0;
	/* the same event twice from one sentence is one event */
	for (size_t i = x->out->count - (size_t)x->added; i < x->out->count; i++) {
		const dyad_event *o = &x->out->items[i];
		if (!strcmp(o->source, s->code) && !strcmp(o->target, t ? t->code : "") &&
		    !strcmp(o->cameo, code))
			return 0;
	}
	dyad_event ev;
	dyad_event_init(&ev);
	ev.sentence = c->sentence;
	memcpy(ev.source, s->code, DYAD_CODE_MAX);
	if (t)
		memcpy(ev.target, t->code, DYAD_CODE_MAX);
	size_t cl = strlen(code);
	memcpy(ev.cameo, code, cl < DYAD_CAMEO_MAX ? cl + 1 : DYAD_CAMEO_MAX);
	ev.cameo[DYAD_CAMEO_MAX - 1] = '\0';
	ev.source_span = words_span(c, s->start, s->end);
	if (t)
		ev.target_span = words_span(c, t->start, t->end);
	ev.verb_span = words_span(c, vo->start, vo->end);
	ev.pattern = pattern;
	ev.flags = flags;
	ev.date = c->date;
	ev.date_precision = DYAD_PREC_REPORTED;
	ev.modality = modality;
	int rc = dyad_events_push(x->out, &ev);
	if (rc)
		return rc;
	x->added++;
	return 0;
}

/* Members of the compound group of mention m (or m alone). */
static size_t members(const dyad_coder *c, int m, const mention **out, size_t max)
{
	size_t n = 0;
	if (m < 0)
		return 0;
	uint16_t g = c->m[m].group;
	for (size_t k = g; k < c->nm && n < max; k++)
		if (c->m[k].group == g && cd_usable(&c->m[k]))
			out[n++] = &c->m[k];
	if (!n && cd_usable(&c->m[m]))
		out[n++] = &c->m[m];
	return n;
}

/* dyad's dictionaries: in consultations, diplomatic and material
 * cooperation and force posture, an actor and its own bare country are
 * one side ("Shoigu said Russia ...", "the Algerian army set up a base
 * ... Algeria"), never source and target; a government yielding to or
 * arresting its own people is another matter (other roots). */
static bool own_country(const dyad_coder *c, const char *cameo, const char *code,
                        const mention *const *S, size_t ns)
{
	if (!c->lex->own_format || !cameo)
		return false;
	if (strncmp(cameo, "04", 2) && strncmp(cameo, "05", 2) && strncmp(cameo, "06", 2) &&
	    strncmp(cameo, "15", 2))
		return false;
	size_t cl = strlen(code);
	for (size_t i = 0; i < ns; i++) {
		size_t sl = strlen(S[i]->code);
		if ((cl == 3 || sl == 3) && cl >= 3 && sl >= 3 && !strncmp(code, S[i]->code, 3))
			return true;
	}
	return false;
}

static bool code_in(const char *code, const mention *const *S, size_t ns)
{
	for (size_t i = 0; i < ns; i++)
		if (strcmp(code, S[i]->code) == 0)
			return true;
	return false;
}

static mention default_mention(const char *code)
{
	mention m;
	memset(&m, 0, sizeof m);
	m.kind = MK_ACTOR;
	size_t n = strlen(code);
	memcpy(m.code, code, n < DYAD_CODE_MAX ? n + 1 : DYAD_CODE_MAX);
	return m;
}


enum { FIND_OK, FIND_NEXT_VERB, FIND_DONE };

/*
 * Source: the pattern's, the passive's "by" actor, else the first actor
 * before the verb (in the clause, else in the sentence); else the
 * DEFAULT source when PRIOR; else the first actor after the verb; else
 * the DEFAULT source.
 */
static int find_source(const dyad_coder *c, vwork *v)
{
	const lx_options *o = &c->lex->opt;
	const verbocc *vo = v->vo;
	if (v->src < 0) {
		const char *avoid = v->tgt >= 0 ? c->m[v->tgt].code : NULL;
		size_t from = v->cs;
		/* an attribution verb ("..., officials said") takes its source
		 * from its own comma-delimited segment */
		if (v->code->flags & LVC_SUBORD)
			for (size_t q = vo->start; q > v->cs; q--)
				if (c->w[q - 1].type == CW_COMMA) {
					from = q;
					break;
				}
		v->src = cd_first_actor(c, from, vo->start, avoid);
		if (v->src < 0 && v->cs > 0 && !(v->code->flags & LVC_SUBORD))
			v->src = cd_first_actor(c, 0, vo->start, avoid);
		/* NOACTPRIOR: no actor at all before the verb */
		if (v->src < 0 && o->noactprior && cd_first_actor(c, 0, vo->start, NULL) < 0)
			return FIND_DONE;
		/* TABARI looks for a source after the verb when there is none
		 * before it; dyad's own (lemma) verbs do not: "A gunman killed
		 * a Japanese official" has no known source */
		if (v->src < 0 && !(o->default_source[0] && o->default_source_prior) &&
		    !c->lex->verbs[vo->verb].lemma) {
			v->src = cd_first_actor(c, vo->end, v->ce, avoid);
			v->after = v->src >= 0;
		}
	}
	if (v->src >= 0 && v->after) {
		v->S[0] = &c->m[v->src];   /* a source found after the verb is that actor alone */
		v->ns = 1;
	} else if (v->src >= 0) {
		v->ns = members(c, v->src, v->S, 32);
	} else if (o->default_source[0]) {
		v->dsrc = default_mention(o->default_source);
		v->S[0] = &v->dsrc;
		v->ns = 1;
	} else {
		return FIND_NEXT_VERB;
	}
	return FIND_OK;
}

/* The target of a visit (042) is a seat of government written as one
 * word (a capital, "the Kremlin"): the visit is to the country. */
static bool seat_visited(const dyad_coder *c, const vwork *v, const mention *t)
{
	(void)c;
	return !strcmp(v->code->a, "042") && strlen(t->code) == 6 && !strcmp(t->code + 3, "GOV") &&
	       t->ph && t->ph->n == 1 && t->ph->kind == PH_ACTOR && t->end == t->start + 1;
}

/* An attack (18x, 19x, 20x) on a seat of government written as one word
 * ("missiles struck Kyiv", "shelled Tripoli") hits the city, the
 * country's, not the government the capital stands for when it speaks. */
static bool seat_attacked(const dyad_coder *c, const vwork *v, const mention *t)
{
	(void)c;
	const char *a = v->code->a;
	return (!strncmp(a, "18", 2) || !strncmp(a, "19", 2) || !strncmp(a, "20", 2)) &&
	       strlen(t->code) == 6 && !strcmp(t->code + 3, "GOV") && t->ph && t->ph->n == 1 &&
	       t->ph->kind == PH_ACTOR && t->end == t->start + 1;
}

static bool skipped(const vwork *v, size_t k)
{
	return k < 64 && (v->as.skipped >> k & 1);
}

/*
 * Target: the pattern's, else the first actor after the verb with a code
 * none of the sources has; else the DEFAULT target when AFTER; else the
 * first such actor before the verb out of the source's compound, else
 * another member of a parsed compound ("Bree and Arnor ..."); else a
 * compound source with itself; else the DEFAULT target. False: none.
 */
/* Protests, force posture, coercion, assaults, mass violence: "US and
 * British activists staged a protest" is not the one against the other. */
static bool one_sided_root(const char *cameo)
{
	static const char *const roots[] = { "14", "15", "17", "18", "20", NULL };
	for (int i = 0; roots[i]; i++)
		if (!strncmp(cameo, roots[i], 2))
			return true;
	return false;
}

/* Whether an object follows the verb: "attacked a mock camp", "struck
 * Houthi targets". A compound subject then acted together on it, not on
 * each other; "clashed near the border", "fought each other", "fought
 * for hours" have no object and stay reciprocal. */
static bool object_follows(const dyad_coder *c, const verbocc *vo)
{
	static const char *const no_object[] = {
		"with", "near", "in", "on", "at", "for", "over", "along", "across", "around",
		"after", "before", "during", "since", "until", "throughout", "inside", "outside",
		"each", "one", "again", "overnight", "yesterday", "today", "late", "early",
		"and", "but", "as", "when", "while", "which", "who", "that", "to", "from",
		"between", "among", "amid", "there", "here", "briefly", "fiercely", "heavily", NULL
	};
	if (vo->end >= c->nw)
		return false;
	const cword *w = &c->w[vo->end];
	if (w->type != CW_WORD)
		return false;   /* punctuation, end of the clause */
	for (int i = 0; no_object[i]; i++)
		if (w->len == strlen(no_object[i]) && memcmp(w->s, no_object[i], w->len) == 0)
			return false;
	return true;
}

/* Codes the members of a compound can do to each other when the text
 * names no other target: intents, talks, diplomatic and material
 * cooperation, yielding (truces, swaps), cutting ties, fighting. "Both
 * Algeria and Morocco condemned the attack" is not the one condemning
 * the other (statements, appeals, demands, criticism, rejections,
 * threats, aid, investigations). */
static bool mutual_root(const char *cameo)
{
	static const char *const roots[] = { "03", "04", "05", "06", "08", "16", "19", NULL };
	for (int i = 0; roots[i]; i++)
		if (!strncmp(cameo, roots[i], 2))
			return true;
	return false;
}

/* A capitalised name of one to three words at word k, no actor. */
static size_t name_at(const dyad_coder *c, size_t k, size_t ce)
{
	size_t e = k;
	while (e < ce && e < k + 3 && c->w[e].type == CW_WORD && (c->w[e].tflags & DYAD_TOKF_CAP) &&
	       c->w[e].mention < 0 && c->w[e].verb < 0)
		e++;
	return e;
}

/*
 * dyad's dictionaries, with the gazetteer of the when stage: the target
 * of an attack (18x-20x) with no actor is the country of a city named
 * after the verb, as the object ("shelled Kharkiv"), after "the city /
 * town / port of", or after a place preposition ("in Khan Younis",
 * "near Bakhmut"), resolved to a city (or sub-city) of one country
 * other than the sources'. Fills *out with the bare country.
 */
static bool city_attacked(const dyad_coder *c, const vwork *v, mention *out)
{
	static const char *const prep[] = { "in", "near", "of", "on", "outside", "around", NULL };
	const char *a = v->code->a;
	if (strncmp(a, "18", 2) && strncmp(a, "19", 2) && strncmp(a, "20", 2))
		return false;
	for (size_t k = v->vo->end; k < v->ce && k < v->vo->end + 12; k++) {
		if (c->w[k].type == CW_COMMA)
			break;
		bool at = k == v->vo->end;
		for (int i = 0; prep[i] && !at; i++)
			at = k > 0 && word_is(c, k - 1, prep[i]);
		if (!at || !(c->w[k].tflags & DYAD_TOKF_CAP))
			continue;
		size_t e = name_at(c, k, v->ce);
		for (; e > k; e--) {
			dyad_place pl;
			size_t s0 = c->w[k].span.start, len = c->w[e - 1].span.end - s0;
			if (!c->text ||
			    dyad_gazetteer_lookup(c->gaz, c->text + s0, len, NULL, 0, 0, &pl) != 1 ||
			    pl.resolution < DYAD_RES_CITY || !pl.country[0])
				continue;
			mention m;
			memset(&m, 0, sizeof m);
			memcpy(m.code, pl.country, 4);
			m.start = (uint32_t)k;
			m.end = (uint32_t)e;
			m.group = UINT16_MAX;
			if (code_in(m.code, v->S, v->ns))
				return false;
			for (size_t i = 0; i < v->ns; i++)
				if (!strncmp(v->S[i]->code, m.code, 3))
					return false;   /* an army in its own country */
			*out = m;
			return true;
		}
	}
	return false;
}

/*
 * dyad's dictionaries: "Algeria announced its participation in a major
 * Russian strategic exercise": a pattern placed the source (Russia) after
 * another verb; an actor before that verb is its subject, not the
 * target of this (nominal) pattern.
 */
static bool other_verb_between(const dyad_coder *c, const mention *m, int src)
{
	if (!c->lex->own_format || src < 0 || c->m[src].start < m->end)
		return false;
	for (size_t q = m->end; q < c->m[src].start; q++)
		if (c->w[q].verb >= 0)
			return true;
	return false;
}

/*
 * dyad's dictionaries: "support Russia's invasion of Ukraine": an actor
 * after "<actor>'s <noun> of" is the object of that actor's act, not of
 * the governing verb, whose target is the owner or nobody.
 */
static bool nominal_object(const dyad_coder *c, const mention *m)
{
	size_t p = m->start;
	if (p && word_is(c, p - 1, "the"))
		p--;
	if (!c->lex->own_format || p < 4 || !word_is(c, p - 1, "of") || c->w[p - 2].type != CW_WORD ||
	    c->w[p - 2].mention >= 0 || c->w[p - 3].type != CW_POSS)
		return false;
	int o = c->w[p - 4].mention;
	return o >= 0 && c->m[o].kind == MK_ACTOR && !c->m[o].null;
}

static bool find_target(const dyad_coder *c, vwork *v)
{
	const lx_options *o = &c->lex->opt;
	const verbocc *vo = v->vo;
	int src = v->src;
	bool before_ok = !(o->default_target[0] && o->default_target_after);
	if (!v->comp && v->tgt < 0) {
		for (size_t k = 0; k < c->nm && v->tgt < 0; k++) {
			const mention *m = &c->m[k];
			if (m->start >= vo->end && m->start < v->ce && cd_usable(m) && (int)k != src &&
			    !code_in(m->code, v->S, v->ns) && !skipped(v, k) && !nominal_object(c, m) &&
			    !own_country(c, v->code->a, m->code, v->S, v->ns) &&
			    !(c->lex->own_format && cd_modifier_agent(c, vo, m)))
				v->tgt = (int)k;
		}
		for (size_t k = 0; k < c->nm && v->tgt < 0 && before_ok; k++) {
			const mention *m = &c->m[k];
			if (m->start >= v->cs && m->start < vo->start && cd_usable(m) && (int)k != src &&
			    (src < 0 || m->group != c->m[src].group) && !code_in(m->code, v->S, v->ns) &&
			    !skipped(v, k) && !own_country(c, v->code->a, m->code, v->S, v->ns) &&
			    !other_verb_between(c, m, src))
				v->tgt = (int)k;
		}
		bool one_sided = c->lex->own_format &&
		                 (one_sided_root(v->code->a) || !mutual_root(v->code->a) ||
		                  (!strncmp(v->code->a, "19", 2) && object_follows(c, vo)));
		/* dyad's dictionaries: "Indian and French troops took part
		 * in a joint exercise": the members of the source's compound
		 * act on each other, every pair (below), not the first on the
		 * second alone */
		bool pairs = c->lex->own_format && src >= 0 && c->m[c->m[src].group].n_group > 1;
		for (size_t k = 0; k < c->nm && v->tgt < 0 && before_ok && src >= 0 && !one_sided &&
		                   !pairs;
		     k++) {
			const mention *m = &c->m[k];
			if (m->start >= v->cs && m->start < vo->start && cd_usable(m) && (int)k != src &&
			    m->group == c->m[src].group && m->plural != 2 &&
			    strcmp(m->code, v->S[0]->code) != 0)
				v->tgt = (int)k;
		}
		if (v->tgt < 0 && src >= 0 && c->m[c->m[src].group].n_group > 1 && before_ok &&
		    !one_sided)
			v->comp = true;
		/* no actor for a target: the place it happened in stands for
		 * its country or government ("condemned the coup in Niger",
		 * "protesters marched in Algiers") */
		/* not for arrests, jailings, seizures (17x): "jailed a man ...
		 * in Lebanon" says nothing of who the man is */
		bool coerce = c->lex->own_format && !strncmp(v->code->a, "17", 2);
		for (size_t k = 0; k < c->nm && v->tgt < 0 && !v->comp && !coerce; k++) {
			const mention *m = &c->m[k];
			if (m->place && m->start >= vo->end && m->start < v->ce && !m->null &&
			    !code_in(m->code, v->S, v->ns)) {
				v->dtgt = *m;
				v->dtgt.place = 0;
				v->T[0] = &v->dtgt;
				v->nt = 1;
				return true;
			}
		}
		/* an attack on a city of the gazetteer ("shelled the city of
		 * Kherson", "raided a hospital in Khan Younis") is on its country */
		if (v->tgt < 0 && !v->comp && c->lex->own_format && c->gaz &&
		    city_attacked(c, v, &v->dtgt)) {
			v->T[0] = &v->dtgt;
			v->nt = 1;
			return true;
		}
	}
	if (v->comp) {
		memcpy(v->T, v->S, v->ns * sizeof *v->S);
		v->nt = v->ns;
	} else if (v->tgt >= 0 && c->m[v->tgt].place) {
		/* a place the pattern asked for: the country ("arrived in
		 * Moscow" is a visit to Russia) */
		v->dtgt = c->m[v->tgt];
		v->dtgt.code[3] = '\0';
		v->dtgt.place = 0;
		v->T[0] = &v->dtgt;
		v->nt = 1;
	} else if (v->tgt >= 0 && c->lex->own_format &&
	           (seat_visited(c, v, &c->m[v->tgt]) || seat_attacked(c, v, &c->m[v->tgt]))) {
		/* "is to visit Washington": a visit is to the country; so is
		 * an attack on a capital ("missiles struck Kyiv") */
		v->dtgt = c->m[v->tgt];
		v->dtgt.code[3] = '\0';
		v->T[0] = &v->dtgt;
		v->nt = 1;
	} else if (v->tgt >= 0) {
		/* a target out of the source's own compound is that actor alone */
		if (src >= 0 && c->m[v->tgt].group == c->m[src].group)
			v->T[v->nt++] = &c->m[v->tgt];
		else
			v->nt = members(c, v->tgt, v->T, 32);
	} else if (o->default_target[0]) {
		v->dtgt = default_mention(o->default_target);
		v->T[0] = &v->dtgt;
		v->nt = 1;
	} else {
		return false;
	}
	return true;
}

/* Every source with every target; paired codes give the reverse event.
 * A paired code on a compound ("% *" [044:045]) gives each pair once:
 * first -> second with the first code, second -> first with the other. */
static int emit_pairs(evctx *x, vwork *v, uint8_t modality)
{
	const lx_vcode *code = v->code;
	bool once = v->comp && (code->flags & LVC_PAIRED) && code->b[0];
	if (v->comp)
		v->flags |= DYAD_EVF_SYMMETRIC;   /* "% *": coded both ways */
	int rc = 0;
	for (size_t i = 0; i < v->ns && !rc; i++)
		for (size_t j = once ? i + 1 : 0; j < v->nt && !rc; j++) {
			if (v->S[i] == v->T[j])
				continue;
			rc = emit(x, v->S[i], v->T[j], code->a, v->vo, v->pattern, v->flags, modality);
			if (!rc && (code->flags & LVC_PAIRED) && code->b[0])
				rc = emit(x, v->T[j], v->S[i], code->b, v->vo, v->pattern,
				          v->flags | DYAD_EVF_PAIRED, modality);
		}
	return rc;
}

/* Every source and target of the verb is one actor (one code), the
 * target a pronoun opening the next clause ("warned it would attack",
 * "said they were ready to"). */
static bool same_actors(const dyad_coder *c, const vwork *v)
{
	static const char *const aux[] = { "would", "will", "could", "can", "might", "may", "was",
	                                   "were", "is", "are", NULL };
	for (size_t i = 0; i < v->ns; i++)
		for (size_t j = 0; j < v->nt; j++)
			if (strcmp(v->S[i]->code, v->T[j]->code) != 0)
				return false;
	if (!v->ns || v->nt != 1 || v->T[0]->end != v->T[0]->start + 1)
		return false;
	size_t t = v->T[0]->start;
	if (!(word_is(c, t, "it") || word_is(c, t, "they") || word_is(c, t, "he") ||
	      word_is(c, t, "she")))
		return false;
	for (int k = 0; aux[k]; k++)
		if (word_is(c, t + 1, aux[k]))
			return true;
	return false;
}

/* Code one verb occurrence in clause [cs, ce). Returns 1 if it coded
 * (events, or a discard/complex/negated decision), 0 to try the next
 * verb, or a negative error. `sub_only` set: a subordinate code ([023?])
 * is put aside for when nothing else codes. */
static int code_verb(evctx *x, const verbocc *vo, size_t cs, size_t ce, bool *sub_only)
{
	dyad_coder *c = x->c;
	const lx_verb *vb = &c->lex->verbs[vo->verb];
	vwork v;
	memset(&v, 0, sizeof v);
	v.vo = vo;
	v.cs = cs;
	v.ce = ce;
	v.code = &vb->code;
	v.pattern = vo->ph->text;
	v.as = (assign){ -1, -1, -1, 0 };
	v.warner = -1;
	cd_choose_pattern(c, vb, &v, false);
	/* dyad's dictionaries: "hosted the presidents of Russia and Turkey
	 * for a summit": a pattern that sets the verb aside ("hosted a
	 * summit") does not hold when an actor is its direct object */
	if ((v.code->flags & LVC_NULL) && v.code != &vb->code && c->lex->own_format && vb->lemma &&
	    cd_object_actor(c, vo, ce)) {
		v.code = &vb->code;
		v.pattern = vo->ph->text;
		v.as = (assign){ -1, -1, -1, 0 };
		cd_choose_pattern(c, vb, &v, true);
	}
	int by;
	bool pobj = (v.code->flags & LVC_NULL) && c->lex->own_format && vb->lemma &&
	            cd_passive_verb(c, vo, cs) && cd_passive_at(c, vo, ce, &by) &&
	            cd_passive_object_pattern(c, vb, &v, by);
	if (v.code->flags & LVC_DISCARD) {
		c->discard = true;
		return 1;
	}
	if (v.code->flags & LVC_COMPLEX) {
		c->complex = true;
		return 1;
	}
	/* "took delivery of Chinese-made systems": the maker supplies */
	lx_vcode supply;
	int maker = c->lex->own_format && vb->lemma ? cd_supplier_at(c, vo, ce) : -1;
	if (maker >= 0) {
		int recv = cd_first_actor(c, cs, vo->start, c->m[maker].code);
		if (recv < 0)
			return 0;
		memset(&supply, 0, sizeof supply);
		memcpy(supply.a, "072", 4);
		v.code = &supply;
		v.as = (assign){ maker, recv, -1, 0 };
	}
	if (v.code->flags & LVC_NULL)
		return 0;     /* not used as a verb here: the next verb is tried */
	if (x->more && ((v.as.tgt < 0 && v.as.comp < 0) || !cd_purpose_at(c, vo) ||
	                strncmp(v.code->a, "04", 2) != 0))
		return 0;
	if ((v.code->flags & LVC_SUBORD) && sub_only) {
		*sub_only = true;
		return 0;
	}
	bool negated = negated_at(c, vo, cs) ||
	               (vo->end < ce && c->w[vo->end].len == 2 && memcmp(c->w[vo->end].s, "no", 2) == 0);
	/* dyad's own (lemma) verb files write no NOT patterns: a negated
	 * event ("did not sign", "reached no agreement") is not coded.
	 * TABARI files handle NOT in their patterns; there the event is coded
	 * and marked negated. */
	if (negated && vb->lemma)
		return 1;
	if (c->lex->own_format && vb->lemma && cd_desired_at(c, vo, cs))
		return 1;
	/* "warned that it would respond with force": a threat, the
	 * warner's; another actor's act in a warning is a prediction */
	lx_vcode threat;
	size_t warned = c->lex->own_format && vb->lemma &&
	                        (cd_threat_code(v.code->a) || !strncmp(v.code->a, "13", 2))
	                    ? cd_warning_at(c, vo, cs)
	                    : SIZE_MAX;
	if (warned != SIZE_MAX) {
		int who = cd_first_actor(c, cs, warned, NULL);
		if (who < 0)
			return 1;
		/* "warned that Ukraine would attack": another subject of the
		 * modal, a prediction */
		for (size_t k = 0; k < c->nm; k++) {
			const mention *m = &c->m[k];
			if (m->start > warned && m->end < vo->start && cd_usable(m) &&
			    (word_is(c, m->end, "would") || word_is(c, m->end, "will") ||
			     word_is(c, m->end, "could")) &&
			    strcmp(m->code, c->m[who].code) != 0)
				return 1;
		}
		const char *tc = cd_threat_code(v.code->a);
		if (tc) {     /* a 13x code of the pattern stays */
			memset(&threat, 0, sizeof threat);
			memcpy(threat.a, tc, strlen(tc) + 1);
			v.code = &threat;
		}
		v.warner = who;
	}
	if (warned == SIZE_MAX && c->lex->own_format && vb->lemma && cd_hypothetical_at(c, vo, cs))
		return 1;
	if (c->lex->own_format && vb->lemma && v.as.src < 0 && v.as.comp < 0 && maker < 0 &&
	    cd_object_noun(c, vo, cs))
		return 0;
	lx_vcode fut;
	const char *fc = c->lex->own_format && vb->lemma ? cd_future_code(v.code->a) : NULL;
	if (fc && cd_future_at(c, vo, cs)) {
		memset(&fut, 0, sizeof fut);
		memcpy(fut.a, fc, strlen(fc) + 1);
		v.code = &fut;
	}
	v.src = v.as.src;
	v.tgt = v.as.tgt;
	/* "visited Beijing for talks with Chinese military leaders": the
	 * visitor holds the talks, not the city visited */
	if (x->more && x->first_src >= 0 && v.as.comp < 0)
		v.src = x->first_src;
	v.after = maker >= 0;     /* the maker alone (a null mention, no group) */
	if (v.as.comp >= 0) {
		v.src = v.as.comp;
		v.comp = true;
	}
	/* an active pattern on a passive verb: "Ukraine was attacked by
	 * Russia" is Russia's act; with no by-actor the doer is unknown */
	if (c->lex->own_format && vb->lemma && !v.comp && !cd_passive_pattern(v.pattern) &&
	    cd_passive_verb(c, vo, cs)) {
		if (!cd_passive_at(c, vo, ce, &by))
			return 1;
		int subj = v.as.src >= 0 ? v.as.src
		         : pobj      ? v.as.tgt
		                     : cd_first_actor(c, cs, vo->start, c->m[by].code);
		v.src = by;
		v.tgt = subj;
		v.flags |= DYAD_EVF_PASSIVE;
	}
	/* "After meeting Putin, Tebboune flew ...": the main subject's */
	if (x->lead_src >= 0 && cs == 0 && v.src < 0 && !v.comp && ce < c->nw &&
	    c->w[ce].type == CW_COMMA && ce < (size_t)c->m[x->lead_src].start)
		v.src = x->lead_src;
	/* "was hit by Israeli air strikes": the noun's actor does it */
	if (c->lex->own_format && vb->lemma && v.src < 0 && !v.comp &&
	    (by = cd_by_noun_actor(c, vo, cs)) >= 0) {
		v.src = by;
		if (v.tgt < 0)
			v.tgt = cd_first_actor(c, cs, c->m[by].start, c->m[by].code);
		v.flags |= DYAD_EVF_PASSIVE;
	}
	if (v.src < 0 && v.tgt < 0 && !v.comp && cd_passive_at(c, vo, ce, &by)) {
		v.src = by;
		v.tgt = cd_first_actor(c, cs, vo->start, c->m[by].code);
		v.flags |= DYAD_EVF_PASSIVE;
	}
	/* "X said Y had shelled Z": the clause of the act starts after
	 * "said" */
	if (c->lex->own_format && vb->lemma && !v.comp) {
		size_t sp = cd_speech_after(c, cs, vo->start);
		if (sp != SIZE_MAX && (v.src < 0 || c->m[v.src].start >= sp))
			v.cs = sp;
	}
	int f = find_source(c, &v);
	if (f != FIND_OK)
		return f == FIND_DONE ? 1 : 0;
	if (maker >= 0) {
		/* the maker is the country ("a German air defence system") */
		v.dsrc = c->m[maker];
		v.dsrc.code[3] = '\0';
		v.S[0] = &v.dsrc;
	}
	if (v.warner >= 0 && strcmp(v.S[0]->code, c->m[v.warner].code) != 0)
		return 1;     /* "warned that Y would attack": a prediction */
	if (!find_target(c, &v))
		return 0;     /* no target: no event */
	if (!v.comp && cd_owner_as_guest(c, v.code->a, v.tgt))
		return 0;     /* "welcomed Algeria's participation": no visit */
	/* dyad's dictionaries: "Azerbaijan warned it would attack
	 * Armenia": a target that is the source itself again (the pronoun
	 * subject of the next clause) is no object of this verb; the next
	 * verb is tried */
	if (c->lex->own_format && vb->lemma && !v.comp && same_actors(c, &v))
		return 0;
	lx_vcode weap;
	const char *wc = c->lex->own_format && vb->lemma && !strcmp(v.code->a, "190") && v.src >= 0 &&
	                         c->m[v.src].start < vo->start
	                     ? cd_weapon_code(c, c->m[v.src].start, vo->start)
	                     : NULL;
	if (wc) {
		weap = *v.code;
		memcpy(weap.a, wc, strlen(wc) + 1);
		v.code = &weap;
	}
	int rc = emit_pairs(x, &v, negated ? DYAD_MOD_NEGATED : DYAD_MOD_ASSERTED);
	if (!x->more)
		x->first_src = v.src;
	return rc < 0 ? rc : 1;
}

/* Clause boundaries: conjunctions left after compounds were grouped. */
static size_t clause_end(const dyad_coder *c, size_t cs, int code_by)
{
	if (code_by == 1)          /* SET: CODE BY SENTENCE */
		return c->nw;
	for (size_t i = cs; i < c->nw; i++)
		if (c->w[i].type == CW_CONJ)
			return i;
	return c->nw;
}

/*
 * dyad's dictionaries: "..., South Korea's military said." - the last
 * comma segment, when it reports who said it, is a clause of its own:
 * its actor is the speaker, not a target of the reported event.
 */
static size_t attribution_start(const dyad_coder *c)
{
	static const char *const rep[] = { "said", "says", "say", "told", "reported", "added",
	                                   "announced", "stated", "according", "claimed", NULL };
	if (!c->lex->own_format)
		return SIZE_MAX;
	size_t lc = SIZE_MAX;
	for (size_t i = c->nw; i-- > 0;)
		if (c->w[i].type == CW_COMMA && c->w[i].s[0] == ',') {
			lc = i;
			break;
		}
	if (lc == SIZE_MAX || lc == 0)
		return SIZE_MAX;
	for (size_t i = lc + 1; i < c->nw; i++)
		for (int k = 0; rep[k]; k++)
			if (word_is(c, i, rep[k]))
				return lc;
	return SIZE_MAX;
}

/* Words of the sentence for SET: MINIMUM WORDS (no punctuation, no 's). */
static size_t count_words(const dyad_coder *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nw; i++)
		n += c->w[i].type == CW_WORD || c->w[i].type == CW_CONJ;
	return n;
}

int cd_code_events(dyad_coder *c, dyad_events *out)
{
	const lx_options *o = &c->lex->opt;
	evctx x = { c, out, -1, 0, false, -1 };
	for (size_t k = 0; k < c->nm; k++) {
		if (c->m[k].discard)
			c->discard = true;
		if (c->m[k].complex)
			c->complex = true;
	}
	for (size_t i = 0; i < c->nv; i++) {
		const lx_verb *vb = &c->lex->verbs[c->v[i].verb];
		if (vb->code.flags & LVC_DISCARD)
			c->discard = true;
		if (vb->code.flags & LVC_COMPLEX)
			c->complex = true;
	}
	if ((o->complex_verbs && c->n_verbs_seen > (size_t)o->complex_verbs) ||
	    (o->complex_conj && c->n_conj >= (size_t)o->complex_conj) ||
	    (o->minimum_words && count_words(c) < (size_t)o->minimum_words))
		c->complex = true;
	if (c->discard || c->complex)
		return 0;
	if (c->lex->own_format && cd_match_result(c))
		return 0;
	c->has_if = false;
	for (size_t i = 0; i < c->nw && c->lex->own_format && !c->has_if; i++)
		c->has_if = word_is(c, i, "if") || word_is(c, i, "unless") || word_is(c, i, "If") ||
		            word_is(c, i, "Unless");
	const verbocc *sub = NULL;
	size_t sub_cs = 0, sub_ce = 0;
	size_t cs = 0;
	size_t attrib = attribution_start(c);
	bool lead_attrib;
	size_t lead = cd_lead_segment(c, &lead_attrib);
	if (lead != SIZE_MAX && lead_attrib)
		cs = lead + 1;       /* the speaker's segment is no clause */
	else if (lead != SIZE_MAX)
		x.lead_src = cd_first_actor(c, lead + 1, clause_end(c, lead + 1, o->code_by), NULL);
	while (cs < c->nw) {
		size_t ce = clause_end(c, cs, o->code_by);
		if (attrib != SIZE_MAX && cs < attrib && ce > attrib)
			ce = attrib;
		if (lead != SIZE_MAX && !lead_attrib && cs < lead && ce > lead)
			ce = lead;       /* the time clause is a clause of its own */
		for (size_t i = 0; i < c->nv; i++) {
			const verbocc *vo = &c->v[i];
			if (vo->start < cs || vo->start >= ce)
				continue;
			bool sub_only = false;
			int r = code_verb(&x, vo, cs, ce, &sub_only);
			if (r < 0)
				return r;
			if (sub_only && !sub) {
				sub = vo;
				sub_cs = cs;
				sub_ce = ce;
			}
			if (c->discard || c->complex) {
				/* a discard or complex code anywhere drops the sentence */
				out->count -= (size_t)x.added;
				return 0;
			}
			/* dyad's own dictionaries: "arrived in Moscow for talks
			 * with Shoigu" is a visit and a meeting; a later verb of
			 * the clause codes too when its pattern names the target */
			if (r == 1 && x.added && c->lex->own_format && o->code_by != 2)
				x.more = true;
			else if (r == 1 && o->code_by != 2)
				break;
		}
		cs = ce + 1;
		x.more = false;
	}
	if (!x.added && sub) {
		int r = code_verb(&x, sub, sub_cs, sub_ce, NULL);
		if (r < 0)
			return r;
	}
	return x.added;
}
