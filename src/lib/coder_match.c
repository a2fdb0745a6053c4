/*
 * coder_match.c - matching a verb's patterns around one occurrence:
 * words before '*' before the verb (right to left), words after it
 * after; '$' '+' '%' '^' place actors; the passive voice's "by" actor and
 * passives of patterns written for the active voice. Split from
 * coder_events.c, which assembles the events.
 */
#include "coder_match.h"

#include <string.h>

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
			    lx_word_matches(e, w->s, w->len, false) &&
			    match_from(x, ei + 1, q + 1, (e->flags & LWF_NEXT) != 0))
				return true;
		} else {
			int m = mention_at(c, q);
			/* a place is an actor only where the pattern asks for one
			 * right after a place preposition ("* IN_ +") */
			if (m >= 0 && c->m[m].place &&
			    !(e->kind == LW_TGT && ei > 0 && cd_place_prep(&x->e[ei - 1])))
				goto next;
			if (m >= 0 && c->m[m].kind == MK_ACTOR && !c->m[m].null) {
				if (e->kind == LW_COMP && c->m[c->m[m].group].n_group < 2)
					goto next;
				size_t end = (e->kind == LW_COMP || e->kind == LW_SKIP) ? cd_group_end(c, m) : c->m[m].end;
				assign save = *x->as;
				if (e->kind == LW_SRC) x->as->src = m;
				else if (e->kind == LW_TGT) x->as->tgt = m;
				else if (e->kind == LW_COMP) x->as->comp = m;
				else if (m < 64) x->as->skipped |= 1ULL << m;
				if (match_from(x, ei + 1, end, (e->flags & LWF_NEXT) != 0))
					return true;
				/* "returned 115 Russian soldiers" for "+ SOLDIER": the
				 * role noun the actor took in is still the pattern's word */
				if (e->kind == LW_TGT && ei + 1 < x->ne && x->e[ei + 1].kind == LW_WORD &&
				    end == c->m[m].end && end >= c->m[m].start + 2 && c->lex->own_format &&
				    match_from(x, ei + 1, end - 1, true))
					return true;
				*x->as = save;
			}
		}
next:
		if (tight)
			break;
	}
	return false;
}

static size_t group_start(const dyad_coder *c, int m)
{
	size_t st = c->m[m].start;
	uint16_t g = c->m[m].group;
	for (size_t k = g; k < c->nm; k++)
		if (c->m[k].group == g && c->m[k].start < st)
			st = c->m[k].start;
	return st;
}

/*
 * The part of a pattern before '*', matched right to left from the verb:
 * each element is the nearest one before the next ("$ *" is the actor
 * closest to the verb, as TABARI's suite expects). Element ei must end
 * at or before `pos` (exactly at `pos` when `tight`), not before `low`.
 */
static bool match_back(mctx *x, size_t low, int ei, size_t pos, bool tight)
{
	if (ei < 0)
		return true;
	const lx_word *e = &x->e[ei];
	const dyad_coder *c = x->c;
	bool next_tight = ei > 0 && (x->e[ei - 1].flags & LWF_NEXT);
	for (size_t q = pos; q > low; q--) {
		size_t at = q - 1;          /* the element's last word */
		const cword *w = &c->w[at];
		if (w->type == CW_COMMA)
			return false;
		if (e->kind == LW_WORD) {
			if (lx_word_matches(e, w->s, w->len, false) &&
			    match_back(x, low, ei - 1, at, next_tight))
				return true;
		} else {
			int m = w->mention;
			if (m >= 0 && c->m[m].end == at + 1 && c->m[m].kind == MK_ACTOR && !c->m[m].null &&
			    (!c->m[m].place ||
			     (e->kind == LW_TGT && ei > 0 && cd_place_prep(&x->e[ei - 1]))) &&
			    !(e->kind == LW_COMP && c->m[c->m[m].group].n_group < 2)) {
				size_t st = (e->kind == LW_COMP || e->kind == LW_SKIP) ? group_start(c, m) : c->m[m].start;
				int who = (e->kind == LW_COMP || e->kind == LW_SKIP) ? c->m[m].group : m;
				assign save = *x->as;
				if (e->kind == LW_SRC) x->as->src = who;
				else if (e->kind == LW_TGT) x->as->tgt = who;
				else if (e->kind == LW_COMP) x->as->comp = who;
				else
					for (size_t k = 0; k < c->nm && k < 64; k++)
						if (c->m[k].group == c->m[m].group)
							x->as->skipped |= 1ULL << k;
				if (st >= low && match_back(x, low, ei - 1, st, next_tight))
					return true;
				*x->as = save;
			}
		}
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
	*as = (assign){ -1, -1, -1, 0 };
	/* lower part: elements [0, star) within [cs, vo->start), right to left */
	mctx lo = { c, e, p->star, vo->start, SIZE_MAX, as };
	if (p->star > 0 && !match_back(&lo, cs, (int)p->star - 1, vo->start,
	                               (e[p->star - 1].flags & LWF_NEXT) != 0))
		return false;
	/* upper part: elements after '*' within [vo->end, ce) */
	mctx up = { c, e + p->star + 1, p->n - p->star - 1, ce, SIZE_MAX, as };
	if (up.ne && !match_from(&up, 0, vo->end, (e[p->star].flags & LWF_NEXT) != 0))
		return false;
	return true;
}

/* ------------------------------------------------------------------ */
/* Source and target                                                   */

bool cd_passive_at(const dyad_coder *c, const verbocc *vo, size_t ce, int *by_actor)
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
			/* "by the United States": the actor's own article */
			int m = q + 1 < c->nw ? mention_at(c, q + 1) : -1;
			if (m < 0 && c->lex->own_format && word_is(c, q + 1, "the") && q + 2 < c->nw)
				m = mention_at(c, q + 2);
			if (m >= 0 && cd_usable(&c->m[m])) {
				*by_actor = m;
				return true;
			}
			return false;
		}
	}
	return false;
}

/*
 * dyad's dictionaries: a verb in the passive ("was attacked", "were
 * killed") under a pattern written for the active voice. A pattern
 * that handles the passive itself (BY_ $, IS/WAS ...) is left alone.
 */
bool cd_passive_pattern(const char *text)
{
	return text && (strstr(text, "BY_ $") || strstr(text, "BY $") || strstr(text, "| WAS |") ||
	                strstr(text, "| WERE |"));
}

bool cd_passive_verb(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	static const char *const be[] = { "was", "were", "been", "being", "is", "are", "be", NULL };
	if (vo->start <= cs || c->w[vo->start].type != CW_WORD || !cd_participle(&c->w[vo->start]))
		return false;
	if (vo->end < c->nw && word_is(c, vo->end, "to"))
		return false;     /* "was set to", "is expected to" */
	for (size_t k = 1; k <= 2 && k <= vo->start - cs; k++)
		for (int i = 0; be[i]; i++)
			if (word_is(c, vo->start - k, be[i]))
				return true;
	return false;
}

/* The first pattern of the verb that matches (longest first), else the
 * verb's own code. For verbs with many patterns only those whose key
 * word's bucket is present in the sentence are tried, in order. */
/*
 * dyad's dictionaries: "New sanctions on Russia were imposed by the EU":
 * the patterns are written for the active voice ("$ * SANCTION ON_ +"),
 * whose object words come after the verb; in the passive they are its
 * subject, before it. A pattern whose lower part is at most the source
 * and whose upper part names words and the target is matched on the
 * words before the verb; the source is then the "by" actor.
 */
bool cd_passive_object_pattern(const dyad_coder *c, const lx_verb *vb, vwork *v, int by)
{
	/* the object words before the verb ("sanctions on Russia were
	 * imposed"), else around it ("sanctions were imposed on Russia")
	 * when the pattern's first word is before it */
	for (int pass = 0; pass < 2; pass++)
	for (uint32_t i = 0; i < vb->pat_n; i++) {
		const uint64_t *pm = c->lex->pat_masks[vb->pat_first + i];
		if ((pm[0] & ~c->mask[0]) | (pm[1] & ~c->mask[1]) |
		    (pm[2] & ~c->mask[2]) | (pm[3] & ~c->mask[3]))
			continue;
		const lx_pattern *p = &c->lex->patterns[vb->pat_first + i];
		const lx_word *e = &c->lex->words[p->first];
		if (p->code.flags & (LVC_NULL | LVC_DISCARD | LVC_COMPLEX) || p->star > 1 ||
		    (p->star == 1 && e[0].kind != LW_SRC))
			continue;
		bool word = false, tgt = false;
		for (uint32_t k = p->star + 1; k < p->n; k++) {
			word |= e[k].kind == LW_WORD;
			tgt |= e[k].kind == LW_TGT;
			if (e[k].kind == LW_SRC || e[k].kind == LW_COMP)
				tgt = word = false, k = p->n;
		}
		if (!word || !tgt)
			continue;
		/* the object words first ("SANCTION ON_ +"); "+ BASE" is left
		 * to the noun after "by" (cd_by_noun_actor) */
		if (e[p->star + 1].kind != LW_WORD)
			continue;
		assign a = { -1, -1, -1, 0 };
		mctx up = { c, e + p->star + 1, p->n - p->star - 1, pass ? v->ce : v->vo->start, SIZE_MAX, &a };
		if (!match_from(&up, 0, v->cs, false) || a.tgt < 0 || a.tgt == by)
			continue;
		if (pass == 1) {
			/* its first word before the verb */
			bool before = false;
			for (size_t q = v->cs; q < v->vo->start && !before; q++)
				before = c->w[q].type == CW_WORD &&
				         lx_word_matches(&e[p->star + 1], c->w[q].s, c->w[q].len, false);
			if (!before)
				continue;
		}
		v->code = &p->code;
		v->pattern = p->text;
		v->as = a;
		return true;
	}
	return false;
}

/* dyad's dictionaries: "welcomed North Korea's support", "welcomed
 * Algeria's participation in ...": a target written as the owner of a
 * noun is no guest of a hosting or visit pattern (042, 043). */
bool cd_owner_as_guest(const dyad_coder *c, const char *cameo, int tgt)
{
	if (!c->lex->own_format || tgt < 0 || strncmp(cameo, "04", 2) != 0 ||
	    (cameo[2] != '2' && cameo[2] != '3'))
		return false;
	size_t e = c->m[tgt].end;
	return e + 1 < c->nw && c->w[e].type == CW_POSS && c->w[e + 1].mention < 0;
}

void cd_choose_pattern(const dyad_coder *c, const lx_verb *vb, vwork *v, bool skip_null)
{
	uint64_t cand[(65536 + 63) / 64];
	const lx_buckets *bk = vb->bucket >= 0 ? &c->lex->buckets[vb->bucket] : NULL;
	if (bk && vb->pat_n <= 65536) {
		memset(cand, 0, ((vb->pat_n + 63) / 64) * sizeof *cand);
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
		if (skip_null && (p->code.flags & LVC_NULL))
			continue;
		assign a;
		if (match_pattern(c, p, v->vo, v->cs, v->ce, &a) && !cd_owner_as_guest(c, p->code.a, a.tgt)) {
			v->code = &p->code;
			v->pattern = p->text;
			v->as = a;
			return;
		}
	}
}

