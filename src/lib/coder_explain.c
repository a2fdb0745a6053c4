/*
 * coder_explain.c - what the last coded sentence's actors and verbs came
 * from (`dyad dict lookup`): the coder's own mentions after it ran, so
 * the answer is what coding would use, agents merged and dates applied.
 */
#include "coder_internal.h"

#include <stdio.h>

static void fill(const dyad_coder *c, dyad_mention_info *mi, uint32_t s, uint32_t e,
                 const lx_phrase *ph, const char *code)
{
	mi->span.start = c->w[s].span.start;
	mi->span.end = c->w[e - 1].span.end;
	snprintf(mi->code, sizeof mi->code, "%s", code ? code : "");
	mi->entry = ph ? ph->text : NULL;
	mi->file = ph ? ph->file : NULL;
	mi->line = ph ? ph->line : 0;
	if (!ph || !code || (ph->kind != PH_ACTOR && ph->kind != PH_AGENT))
		return;
	/* the row whose code was used (people: the office held that day) */
	const dyad_lexicon *lex = c->lex;
	for (uint32_t i = 0; i < ph->n_codes; i++) {
		const lx_code *k = &lex->codes[ph->code_first + i];
		size_t kl = strlen(k->code);
		if (k->fallback || strncmp(code, k->code, kl) != 0)
			continue;
		if (k->dated && (!c->ymd || (k->from && c->ymd < k->from) || (k->to && c->ymd > k->to)))
			continue;
		if (k->dated && lex->code_src[ph->code_first + i].file) {
			mi->file = lex->code_src[ph->code_first + i].file;
			mi->line = lex->code_src[ph->code_first + i].line;
		}
		return;
	}
}

size_t dyad_coder_last_mentions(const dyad_coder *c, dyad_mention_info *out, size_t cap)
{
	size_t n = 0;
	if (!c)
		return 0;
	for (size_t i = 0; i < c->nm && n < cap; i++) {
		const mention *m = &c->m[i];
		if (m->end <= m->start || m->end > c->nw || m->kind == MK_PRONOUN ||
		    m->kind == MK_COMPOUND_REF)
			continue;
		fill(c, &out[n++], m->start, m->end, m->ph, m->code);
	}
	return n;
}

size_t dyad_coder_last_verbs(const dyad_coder *c, dyad_mention_info *out, size_t cap)
{
	size_t n = 0;
	if (!c)
		return 0;
	for (size_t i = 0; i < c->nv && n < cap; i++) {
		const verbocc *v = &c->v[i];
		if (v->end <= v->start || v->end > c->nw)
			continue;
		const lx_verb *vb = &c->lex->verbs[v->verb];
		fill(c, &out[n], v->start, v->end, v->ph, vb->code.a);
		n++;
	}
	return n;
}
