/*
 * dates_internal.h - shared by the dates modules. Not public.
 */
#ifndef DYAD_DATES_INTERNAL_H
#define DYAD_DATES_INTERNAL_H

#include "dyad/dates.h"
#include "when_internal.h"

#include <stdbool.h>

dyad_date wd_make(int y, int m, int d);
dyad_date wd_add_days(dyad_date d, long n);
dyad_date wd_add_months(dyad_date d, int n);
bool      wd_valid(int y, int m, int d);

/** Date expressions over an already built sentence (atoms, clauses). */
int wd_find(const wh_sent *s, dyad_date pub, dyad_date_expr *out, size_t max);

/** Atom i is a future cue: will, plans, next, set to, due to ... */
bool wh_future_cue(const wh_sent *s, size_t i);

/** Does atom `at`'s clause speak of the future (will, is set to, plans
 *  to ...) before `at`? */
bool wh_clause_future(const wh_sent *s, size_t at);

/** Atom index of a token index (first atom of that token). */
size_t wh_atom_of_tok(const wh_sent *s, uint32_t tok);

#endif
