/*
 * store_pending.c - the per-actor and per-dyad counts of a batch, kept in
 * memory and written at commit: one upsert per distinct actor or pair of
 * the batch instead of three per mention.
 *
 * The rows are exactly those the former per-mention upserts produced:
 * counts add up; actors.first_date/last_date follow the same fold
 * (min/max of the dates, where an undated mention leaves them NULL and
 * the dated mentions after it start again), so a batch reduces to "was
 * there an undated mention" and the min/max of the dates after the last
 * one. Queries through the store API write the pending counts first.
 */
#include "store_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <stdio.h>
#include <string.h>

typedef struct pend_entry {
	char     a[DYAD_CODE_MAX], b[DYAD_CODE_MAX];  /* actor: b empty */
	bool     pair, used;
	int64_t  n1, n2;         /* actor: mentions; pair: events, mentions */
	bool     reset;          /* actor: an undated mention in the batch */
	char     first[16], last[16];   /* actor: dates since the last reset ("" none) */
} pend_entry;

struct store_pending {
	pend_entry *e;
	size_t      cap, used;
};

static uint64_t key_hash(const char *a, const char *b, bool pair)
{
	uint64_t h = pair ? 0x84222325ULL : 0xcbf29ce4ULL;
	for (const char *p = a; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	h = (h ^ 0xff) * 0x100000001b3ULL;
	for (const char *p = b; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	return h ^ (h >> 32);
}

void store_pending_free(store_pending *p)
{
	if (!p)
		return;
	dyad_free(p->e);
	dyad_free(p);
}

static void reset_table(store_pending *p)
{
	if (p && p->e)
		memset(p->e, 0, p->cap * sizeof(*p->e));
	if (p)
		p->used = 0;
}

static int grow(store_pending *p)
{
	size_t cap = p->cap ? p->cap * 2 : 256;
	pend_entry *e = dyad_calloc(cap, sizeof(*e));
	if (!e)
		return dyad_error_set(DYAD_ENOMEM, "store: pending counts: out of memory");
	for (size_t i = 0; i < p->cap; i++) {
		if (!p->e[i].used)
			continue;
		size_t j = key_hash(p->e[i].a, p->e[i].b, p->e[i].pair) & (cap - 1);
		while (e[j].used)
			j = (j + 1) & (cap - 1);
		e[j] = p->e[i];
	}
	dyad_free(p->e);
	p->e = e;
	p->cap = cap;
	return 0;
}

static int entry(dyad_store *s, const char *a, const char *b, bool pair, pend_entry **out)
{
	if (!s->pending && !(s->pending = dyad_calloc(1, sizeof(*s->pending))))
		return DYAD_ENOMEM;
	store_pending *p = s->pending;
	if ((p->used + 1) * 2 > p->cap) {
		int rc = grow(p);
		if (rc)
			return rc;
	}
	size_t mask = p->cap - 1;
	size_t i = key_hash(a, b, pair) & mask;
	for (; p->e[i].used; i = (i + 1) & mask)
		if (p->e[i].pair == pair && strcmp(p->e[i].a, a) == 0 && strcmp(p->e[i].b, b) == 0) {
			*out = &p->e[i];
			return 0;
		}
	pend_entry *e = &p->e[i];
	memset(e, 0, sizeof(*e));
	e->used = true;
	e->pair = pair;
	snprintf(e->a, sizeof(e->a), "%s", a);
	snprintf(e->b, sizeof(e->b), "%s", b);
	p->used++;
	*out = e;
	return 0;
}

int store_pending_actor(dyad_store *s, const char *code, const char *date)
{
	pend_entry *e;
	int rc = entry(s, code, "", false, &e);
	if (rc)
		return rc;
	e->n1++;
	if (!date || !*date) {   /* the former upsert set both dates to NULL */
		e->reset = true;
		e->first[0] = e->last[0] = '\0';
	} else {
		if (!e->first[0] || strcmp(date, e->first) < 0)
			snprintf(e->first, sizeof(e->first), "%s", date);
		if (!e->last[0] || strcmp(date, e->last) > 0)
			snprintf(e->last, sizeof(e->last), "%s", date);
	}
	return s->in_tx ? 0 : store_pending_flush(s);
}

int store_pending_dyad(dyad_store *s, const char *a, const char *b, bool new_event)
{
	pend_entry *e;
	int rc = entry(s, a, b, true, &e);
	if (rc)
		return rc;
	e->n1 += new_event;
	e->n2++;
	return s->in_tx ? 0 : store_pending_flush(s);
}

static int flush_entry(dyad_store *s, const pend_entry *e)
{
	sqlite3_stmt *st = store_stmt(s, e->pair ? ST_DYAD_UPSERT : ST_ACTOR_UPSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_text(st, 1, e->a, -1, SQLITE_STATIC);
	if (e->pair) {
		sqlite3_bind_text(st, 2, e->b, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, e->n1);
		sqlite3_bind_int64(st, 4, e->n2);
	} else {
		sqlite3_bind_int64(st, 2, e->n1);
		store_bind_text(st, 3, e->first[0] ? e->first : NULL, -1);
		store_bind_text(st, 4, e->last[0] ? e->last : NULL, -1);
		sqlite3_bind_int(st, 5, e->reset);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, e->pair ? "dyad counts" : "actor counts");
	sqlite3_reset(st);
	return 0;
}

int store_pending_flush(dyad_store *s)
{
	store_pending *p = s->pending;
	if (!p || !p->used)
		return 0;
	for (size_t i = 0; i < p->cap; i++) {
		if (!p->e[i].used)
			continue;
		int rc = flush_entry(s, &p->e[i]);
		if (rc)
			return rc;
	}
	reset_table(p);
	return 0;
}

void store_pending_drop(dyad_store *s)
{
	reset_table(s->pending);
}
