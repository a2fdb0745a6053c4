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
#include "coder_internal.h"

#include <string.h>

typedef struct assign {
	int src, tgt, comp;     /* mention indices, -1 none */
} assign;

typedef struct mctx {
	const dyad_coder *c;
	const lx_word    *e;
	uint32_t          ne;
	size_t            limit;    /* words usable: [.., limit) */
	size_t            anchor;   /* the run must end exactly here (lower part), or SIZE_MAX */
	assign           *as;
} mctx;

static int mention_at(const dyad_coder *c, size_t i)
{
	int m = c->w[i].mention;
	if (m < 0 || c->m[m].start != i)
		return -1;
	return m;
}

static size_t group_end(const dyad_coder *c, int m)
{
	size_t e = c->m[m].end;
	for (size_t k = (size_t)m + 1; k < c->nm; k++)
		if (c->m[k].group == c->m[m].group && c->m[k].end > e)
			e = c->m[k].end;
	return e;
}

/* Match elements [ei, ne) from word pos; `tight`: must start at pos. */
static bool match_from(mctx *x, uint32_t ei, size_t pos, bool tight)
{
	if (ei == x->ne)
		return x->anchor == SIZE_MAX || pos == x->anchor;
	const lx_word *e = &x->e[ei];
	const dyad_coder *c = x->c;
	for (size_t q = pos; q < x->limit; q++) {
		const cword *w = &c->w[q];
		if (w->type == CW_COMMA)
			return false;
		if (e->kind == LW_WORD) {
			if (w->type != CW_COMMA &&
			    lx_word_matches(e, w->s, w->len, true) &&
			    match_from(x, ei + 1, q + 1, (e->flags & LWF_NEXT) != 0))
				return true;
		} else {
			int m = mention_at(c, q);
			if (m >= 0 && c->m[m].kind == MK_ACTOR && !c->m[m].null) {
				if (e->kind == LW_COMP && c->m[c->m[m].group].n_group < 2)
					goto next;
				size_t end = (e->kind == LW_COMP || e->kind == LW_SKIP) ? group_end(c, m) : c->m[m].end;
				int save_s = x->as->src, save_t = x->as->tgt, save_c = x->as->comp;
				if (e->kind == LW_SRC) x->as->src = m;
				else if (e->kind == LW_TGT) x->as->tgt = m;
				else if (e->kind == LW_COMP) x->as->comp = m;
				if (match_from(x, ei + 1, end, (e->flags & LWF_NEXT) != 0))
					return true;
				x->as->src = save_s;
				x->as->tgt = save_t;
				x->as->comp = save_c;
			}
		}
next:
		if (tight)
			break;
	}
	return false;
}

/* Try pattern p for verb occurrence vo in clause [cs, ce). */
static bool match_pattern(const dyad_coder *c, const lx_pattern *p, const verbocc *vo,
                          size_t cs, size_t ce, assign *as)
{
	const lx_word *e = &c->lex->words[p->first];
	*as = (assign){ -1, -1, -1 };
	/* lower part: elements [0, star) within [cs, vo->start) */
	mctx lo = { c, e, p->star, vo->start, SIZE_MAX, as };
	if (p->star > 0 && (e[p->star - 1].flags & LWF_NEXT))
		lo.anchor = vo->start;
	if (p->star > 0 && !match_from(&lo, 0, cs, false))
		return false;
	/* upper part: elements after '*' within [vo->end, ce) */
	mctx up = { c, e + p->star + 1, p->n - p->star - 1, ce, SIZE_MAX, as };
	if (up.ne && !match_from(&up, 0, vo->end, (e[p->star].flags & LWF_NEXT) != 0))
		return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Source and target                                                   */

static bool usable(const mention *m)
{
	return m->kind == MK_ACTOR && !m->null && m->code[0];
}

static int first_actor(const dyad_coder *c, size_t from, size_t to, const char *not_code)
{
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (m->start < from || m->start >= to || !usable(m))
			continue;
		if (not_code && strcmp(m->code, not_code) == 0)
			continue;
		return (int)k;
	}
	return -1;
}

static bool passive_at(const dyad_coder *c, const verbocc *vo, size_t ce, int *by_actor)
{
	static const char *const be[] = { "was", "were", "been", "being", "is", "are", "be", NULL };
	bool aux = false;
	for (size_t k = 1; k <= 2 && k <= vo->start; k++) {
		const cword *w = &c->w[vo->start - k];
		for (int i = 0; be[i]; i++)
			if (w->len == strlen(be[i]) && memcmp(w->s, be[i], w->len) == 0)
				aux = true;
	}
	if (!aux)
		return false;
	for (size_t q = vo->end; q < ce && q < vo->end + 4; q++) {
		const cword *w = &c->w[q];
		if (w->type == CW_COMMA)
			break;
		if (w->len == 2 && memcmp(w->s, "by", 2) == 0) {
			int m = q + 1 < c->nw ? mention_at(c, q + 1) : -1;
			if (m >= 0 && usable(&c->m[m])) {
				*by_actor = m;
				return true;
			}
			return false;
		}
	}
	return false;
}

static bool negated_at(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	for (size_t k = 1; k <= 3 && k <= vo->start - cs; k++) {
		const cword *w = &c->w[vo->start - k];
		if ((w->len == 3 && memcmp(w->s, "not", 3) == 0) ||
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
	int          added;
} evctx;

static int emit(evctx *x, const mention *s, const mention *t, const char *code,
                const verbocc *vo, const char *pattern, uint32_t flags, uint8_t modality)
{
	dyad_coder *c = x->c;
	if (!code[0])
		return 0;
	if (t && strcmp(s->code, t->code) == 0)
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
		if (c->m[k].group == g && usable(&c->m[k]))
			out[n++] = &c->m[k];
	if (!n && usable(&c->m[m]))
		out[n++] = &c->m[m];
	return n;
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

/* Code one verb occurrence in clause [cs, ce). Returns 1 if it coded
 * (events, or a null/discard/complex decision), 0 to try the next verb. */
static int code_verb(evctx *x, const verbocc *vo, size_t cs, size_t ce, bool *sub_only)
{
	dyad_coder *c = x->c;
	const lx_verb *vb = &c->lex->verbs[vo->verb];
	const lx_vcode *code = &vb->code;
	const char *pattern = vo->ph->text;
	assign as = { -1, -1, -1 };
	/* candidate patterns, in order: all of them, or for verbs with many
	 * patterns those whose key word's bucket is present in the sentence */
	uint64_t cand[(65536 + 63) / 64];
	const lx_buckets *bk = vb->bucket >= 0 ? &c->lex->buckets[vb->bucket] : NULL;
	if (bk && vb->pat_n <= 65536) {
		size_t nwords = (vb->pat_n + 63) / 64;
		memset(cand, 0, nwords * sizeof *cand);
		for (unsigned wd = 0; wd <= 4; wd++) {
			uint64_t bits = wd < 4 ? c->mask[wd] : 1;
			while (bits) {
				unsigned k = wd * 64 + (unsigned)__builtin_ctzll(bits);
				bits &= bits - 1;
				for (uint32_t q = bk->start[k]; q < bk->start[k + 1]; q++) {
					uint32_t pi = bk->items[q];
					cand[pi >> 6] |= 1ULL << (pi & 63);
				}
			}
		}
	} else {
		bk = NULL;
	}
	for (uint32_t i = 0; i < vb->pat_n; i++) {
		if (bk) {
			uint64_t word = cand[i >> 6] >> (i & 63);
			if (!word) {
				i = (i | 63);      /* nothing left in this word */
				continue;
			}
			i += (uint32_t)__builtin_ctzll(word);
			if (i >= vb->pat_n)
				break;
		}
		const uint64_t *pm = c->lex->pat_masks[vb->pat_first + i];
		if ((pm[0] & ~c->mask[0]) | (pm[1] & ~c->mask[1]) |
		    (pm[2] & ~c->mask[2]) | (pm[3] & ~c->mask[3]))
			continue;   /* a word it needs is not in the sentence */
		const lx_pattern *p = &c->lex->patterns[vb->pat_first + i];
		assign a;
		if (match_pattern(c, p, vo, cs, ce, &a)) {
			code = &p->code;
			pattern = p->text;
			as = a;
			break;
		}
	}
	if (code->flags & LVC_DISCARD) {
		c->discard = true;
		return 1;
	}
	if (code->flags & LVC_COMPLEX) {
		c->complex = true;
		return 1;
	}
	if (code->flags & LVC_NULL)
		return 0;     /* not used as a verb here: the next verb is tried */
	if ((code->flags & LVC_SUBORD) && sub_only) {
		*sub_only = true;
		return 0;
	}
	const lx_options *o = &c->lex->opt;
	uint32_t flags = 0;
	uint8_t modality = negated_at(c, vo, cs) ? DYAD_MOD_NEGATED : DYAD_MOD_ASSERTED;
	int src = as.src, tgt = as.tgt;
	bool comp = false;
	if (as.comp >= 0) {
		src = as.comp;
		comp = true;
	}
	int by;
	if (src < 0 && tgt < 0 && !comp && passive_at(c, vo, ce, &by)) {
		src = by;
		tgt = first_actor(c, cs, vo->start, c->m[by].code);
		flags |= DYAD_EVF_PASSIVE;
	}
	mention dsrc, dtgt;
	bool after = false;
	const mention *S[32], *T[32];
	size_t ns = 0, nt = 0;
	/* source: the first actor before the verb (in the clause, else in
	 * the sentence); else the DEFAULT source when PRIOR; else the first
	 * actor after the verb; else the DEFAULT source */
	if (src < 0) {
		const char *avoid = tgt >= 0 ? c->m[tgt].code : NULL;
		size_t from = cs;
		/* an attribution verb ("..., officials said") takes its source
		 * from its own comma-delimited segment */
		if (code->flags & LVC_SUBORD)
			for (size_t q = vo->start; q > cs; q--)
				if (c->w[q - 1].type == CW_COMMA) {
					from = q;
					break;
				}
		src = first_actor(c, from, vo->start, avoid);
		if (src < 0 && cs > 0 && !(code->flags & LVC_SUBORD))
			src = first_actor(c, 0, vo->start, avoid);
		if (src < 0 && o->noactprior)
			return 1;
		if (src < 0 && !(o->default_source[0] && o->default_source_prior)) {
			src = first_actor(c, vo->end, ce, avoid);
			after = src >= 0;
		}
	}
	if (src >= 0 && after) {
		S[0] = &c->m[src];   /* a source found after the verb is that actor alone */
		ns = 1;
	} else if (src >= 0) {
		ns = members(c, src, S, 32);
	} else if (o->default_source[0]) {
		dsrc = default_mention(o->default_source);
		S[0] = &dsrc;
		ns = 1;
	} else {
		return 0;     /* no source: try the next verb */
	}
	/* target: the first actor after the verb with another code; else
	 * the DEFAULT target when AFTER; else the first actor before the verb
	 * with another code; else a compound source with itself; else the
	 * DEFAULT target */
	if (!comp && tgt < 0) {
		/* a code distinct from the source's (any member of a compound) */
		for (size_t k = 0; k < c->nm && tgt < 0; k++) {
			const mention *m = &c->m[k];
			if (m->start >= vo->end && m->start < ce && usable(m) && (int)k != src &&
			    !code_in(m->code, S, ns))
				tgt = (int)k;
		}
		/* before the verb: an actor out of the source's compound, else
		 * another member of a parsed compound ("Bree and Arnor ...") */
		bool before_ok = !(o->default_target[0] && o->default_target_after);
		for (size_t k = 0; k < c->nm && tgt < 0 && before_ok; k++) {
			const mention *m = &c->m[k];
			if (m->start >= cs && m->start < vo->start && usable(m) && (int)k != src &&
			    (src < 0 || m->group != c->m[src].group) && !code_in(m->code, S, ns))
				tgt = (int)k;
		}
		for (size_t k = 0; k < c->nm && tgt < 0 && before_ok && src >= 0; k++) {
			const mention *m = &c->m[k];
			if (m->start >= cs && m->start < vo->start && usable(m) && (int)k != src &&
			    m->group == c->m[src].group && m->plural != 2 &&
			    strcmp(m->code, S[0]->code) != 0)
				tgt = (int)k;
		}
		if (tgt < 0 && src >= 0 && c->m[c->m[src].group].n_group > 1 &&
		    !(o->default_target[0] && o->default_target_after))
			comp = true;
	}
	if (comp) {
		memcpy(T, S, ns * sizeof *S);
		nt = ns;
	} else if (tgt >= 0) {
		/* a target out of the source's own compound is that actor alone */
		if (src >= 0 && c->m[tgt].group == c->m[src].group)
			T[nt++] = &c->m[tgt];
		else
			nt = members(c, tgt, T, 32);
	} else if (o->default_target[0]) {
		dtgt = default_mention(o->default_target);
		T[0] = &dtgt;
		nt = 1;
	} else {
		return 0;     /* no target: no event */
	}
	int rc = 0;
	/* a paired code on a compound ("% *" [044:045]) gives each pair once:
	 * first -> second with the first code, second -> first with the other */
	bool once = comp && (code->flags & LVC_PAIRED) && code->b[0];
	for (size_t i = 0; i < ns && !rc; i++)
		for (size_t j = once ? i + 1 : 0; j < nt && !rc; j++) {
			if (S[i] == T[j])
				continue;
			rc = emit(x, S[i], T[j], code->a, vo, pattern, flags, modality);
			if (!rc && (code->flags & LVC_PAIRED) && code->b[0])
				rc = emit(x, T[j], S[i], code->b, vo, pattern, flags | DYAD_EVF_PAIRED, modality);
		}
	return rc < 0 ? rc : 1;
}

/* Clause boundaries: conjunctions left after compounds were grouped. */
static size_t clause_end(const dyad_coder *c, size_t cs, int code_by)
{
	if (code_by != 0)
		return c->nw;
	for (size_t i = cs; i < c->nw; i++)
		if (c->w[i].type == CW_CONJ)
			return i;
	return c->nw;
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
	evctx x = { c, out, 0 };
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
	if ((o->complex_verbs && c->nv > (size_t)o->complex_verbs) ||
	    (o->complex_conj && c->n_conj > (size_t)o->complex_conj) ||
	    (o->minimum_words && count_words(c) < (size_t)o->minimum_words))
		c->complex = true;
	if (c->discard || c->complex)
		return 0;
	const verbocc *sub = NULL;
	size_t sub_cs = 0, sub_ce = 0;
	size_t cs = 0;
	while (cs < c->nw) {
		size_t ce = clause_end(c, cs, o->code_by);
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
			if (r == 1 && o->code_by != 2)
				break;
		}
		cs = ce + 1;
	}
	if (!x.added && sub) {
		int r = code_verb(&x, sub, sub_cs, sub_ce, NULL);
		if (r < 0)
			return r;
	}
	return x.added;
}
