/*
 * coder_match.h - pattern matching around a verb occurrence, shared by
 * the event assembly (coder_events.c) and the matcher (coder_match.c):
 * the actors a pattern places, and the work record of one verb.
 */
#ifndef DYAD_CODER_MATCH_H
#define DYAD_CODER_MATCH_H

#include "coder_internal.h"

typedef struct assign {
	int src, tgt, comp;     /* mention indices, -1 none */
	uint64_t skipped;       /* mentions passed over by '^' (bits, first 64) */
} assign;

/* What is being worked out for one verb occurrence. */
typedef struct vwork {
	const verbocc  *vo;
	size_t          cs, ce;        /* its clause */
	const lx_vcode *code;          /* the verb's or the pattern's */
	const char     *pattern;       /* the explanation */
	assign          as;            /* actors the pattern placed */
	int             src, tgt;
	bool            comp, after;
	const mention  *S[32], *T[32]; /* sources and targets (compounds) */
	size_t          ns, nt;
	mention         dsrc, dtgt;    /* DEFAULT codes */
	uint32_t        flags;
	int             warner;        /* who warned of the act, -1 none */
} vwork;

/* The first pattern of the verb that matches (longest first), else the
 * verb's own code; skip_null: patterns that set the verb aside too. */
void cd_choose_pattern(const dyad_coder *c, const lx_verb *vb, vwork *v, bool skip_null);
/* A passive whose active pattern names its object words before the
 * verb (dyad's own dictionaries); by is the "by" actor. */
bool cd_passive_object_pattern(const dyad_coder *c, const lx_verb *vb, vwork *v, int by);
/* "welcomed North Korea's support": a target written as the owner of a
 * noun is no guest of a hosting or visit code (042, 043). */
bool cd_owner_as_guest(const dyad_coder *c, const char *cameo, int tgt);
/* "was attacked by X": X in *by_actor. */
bool cd_passive_at(const dyad_coder *c, const verbocc *vo, size_t ce, int *by_actor);
/* A pattern that handles the passive itself (BY_ $, WAS ...). */
bool cd_passive_pattern(const char *text);
/* A participle after "was/were/been ..." in the clause. */
bool cd_passive_verb(const dyad_coder *c, const verbocc *vo, size_t cs);

#endif
