/*
 * store_near.c - the near-duplicate (MinHash LSH) band index, kept in
 * memory for the run.
 *
 * Each document with enough shingles has its MinHash signature in
 * `near_signatures` (rowid = document id: appended in id order, so a
 * batch writes its rows at the end of one B-tree instead of 8 rows at
 * random places of a (band, value) index, which was the largest write
 * cost of a document). The band index is built in memory from that table
 * on first use, topped up at the start of each batch with rows other
 * connections committed since (ids above the highest one loaded), and
 * extended as this connection stores documents; a rolled-back batch
 * drops it (rebuilt on next use). Lookups are hash-table probes.
 *
 * Candidate order is the one the former SQL lookup had: band 0 to 7, in
 * each band the documents in id order, at most NEAR_MAX_CANDIDATES in
 * all; the first whose signature agrees on NEAR_MIN_SIMILARITY of the
 * minima wins. Only the first NEAR_MAX_CANDIDATES documents of a band
 * value can ever be examined, so only those are kept.
 */
#include "store_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

/* One row of the index: a band value and a document (id << 3 | band). */
typedef struct near_slot {
	int64_t  value;
	uint64_t doc_band;   /* 0: empty */
} near_slot;

/* Signatures of recently compared or stored documents, by id (direct
 * mapped): a band value shared by many documents names the same first
 * ones again and again. Stored signatures never change. */
#define SIG_CACHE 4096
typedef struct sig_entry {
	int64_t  doc;               /* 0: empty */
	uint32_t sig[STORE_MINHASH_K];
} sig_entry;

/* A content key (128 bits) and its document. */
typedef struct key_slot {
	uint64_t h1, h2;
	int64_t  doc;               /* 0: empty */
} key_slot;

/* A band value that has its STORE_NEAR_MAX_CANDIDATES documents (the
 * only ones a lookup examines; later ones are not indexed): its list,
 * so that neither lookups nor additions walk the long probe run. */
typedef struct full_key {
	int64_t value;
	int     band;             /* -1: empty */
	int64_t docs[STORE_NEAR_MAX_CANDIDATES];
} full_key;

struct store_near {
	full_key  *full;
	size_t     fcap, fused;     /* fcap: power of two */
	key_slot  *keys;
	size_t     kcap, kused;     /* kcap: power of two */
	near_slot *slots;
	size_t     cap, used;       /* cap: power of two */
	int64_t    max_doc;         /* highest document id indexed */
	sig_entry *sigs;            /* SIG_CACHE entries */
};

static void cache_sig(store_near *n, int64_t doc, const uint32_t *sig)
{
	sig_entry *e = &n->sigs[(uint64_t)doc % SIG_CACHE];
	e->doc = doc;
	memcpy(e->sig, sig, sizeof(e->sig));
}

static uint64_t slot_hash(int64_t value, int band)
{
	uint64_t h = (uint64_t)value ^ ((uint64_t)(band + 1) * 0x9e3779b97f4a7c15ULL);
	h ^= h >> 31;
	h *= 0xbf58476d1ce4e5b9ULL;
	return h ^ (h >> 29);
}

int64_t store_band_value(const uint32_t *sig, int band)
{
	const uint32_t *p = sig + 4 * band;
	uint64_t h = ((uint64_t)p[0] << 32 | p[1]) * 0x9e3779b97f4a7c15ULL;
	h ^= ((uint64_t)p[2] << 32 | p[3]) + (h >> 29);
	return (int64_t)(h * 0xbf58476d1ce4e5b9ULL);
}

void store_near_free(store_near *n)
{
	if (!n)
		return;
	dyad_free(n->full);
	dyad_free(n->keys);
	dyad_free(n->slots);
	dyad_free(n->sigs);
	dyad_free(n);
}

static int grow(store_near *n)
{
	size_t cap = n->cap ? n->cap * 2 : 4096;
	near_slot *slots = dyad_calloc(cap, sizeof(*slots));
	if (!slots)
		return dyad_error_set(DYAD_ENOMEM, "store: near-duplicate index: out of memory");
	/* re-insert in the old probe order; candidates are sorted by id anyway */
	for (size_t i = 0; i < n->cap; i++) {
		near_slot *o = &n->slots[i];
		if (!o->doc_band)
			continue;
		size_t j = slot_hash(o->value, (int)(o->doc_band & 7)) & (cap - 1);
		while (slots[j].doc_band)
			j = (j + 1) & (cap - 1);
		slots[j] = *o;
	}
	dyad_free(n->slots);
	n->slots = slots;
	n->cap = cap;
	return 0;
}

static full_key *full_find(const store_near *n, int band, int64_t value)
{
	if (!n->fcap)
		return NULL;
	size_t mask = n->fcap - 1;
	for (size_t i = slot_hash(value, band) & mask; n->full[i].band >= 0; i = (i + 1) & mask)
		if (n->full[i].value == value && n->full[i].band == band)
			return &n->full[i];
	return NULL;
}

static full_key *full_slot(full_key *tab, size_t cap, int band, int64_t value)
{
	size_t i = slot_hash(value, band) & (cap - 1);
	while (tab[i].band >= 0)
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

static int full_add(store_near *n, int band, int64_t value, const int64_t *docs)
{
	if ((n->fused + 1) * 2 > n->fcap) {
		size_t cap = n->fcap ? n->fcap * 2 : 64;
		full_key *tab = dyad_malloc(cap * sizeof(*tab));
		if (!tab)
			return dyad_error_set(DYAD_ENOMEM, "store: near-duplicate index: out of memory");
		for (size_t i = 0; i < cap; i++)
			tab[i].band = -1;
		for (size_t i = 0; i < n->fcap; i++)
			if (n->full[i].band >= 0)
				*full_slot(tab, cap, n->full[i].band, n->full[i].value) = n->full[i];
		dyad_free(n->full);
		n->full = tab;
		n->fcap = cap;
	}
	full_key *f = full_slot(n->full, n->fcap, band, value);
	f->value = value;
	f->band = band;
	memcpy(f->docs, docs, sizeof(f->docs));
	n->fused++;
	return 0;
}

static void sort_ids(int64_t *v, size_t n);

/* The documents indexed under (band, value) in the probe run, unsorted. */
static size_t chain_docs(const store_near *n, int band, int64_t value,
                         int64_t out[STORE_NEAR_MAX_CANDIDATES])
{
	size_t k = 0, mask = n->cap - 1;
	if (!n->cap)
		return 0;
	for (size_t i = slot_hash(value, band) & mask; n->slots[i].doc_band; i = (i + 1) & mask)
		if (n->slots[i].value == value && (int)(n->slots[i].doc_band & 7) == band &&
		    k < STORE_NEAR_MAX_CANDIDATES)
			out[k++] = (int64_t)(n->slots[i].doc_band >> 3);
	return k;
}

/* Add (band, value) -> doc unless the value already has the maximum
 * number of documents in that band (later ones are never examined). */
static int index_add(store_near *n, int band, int64_t value, int64_t doc)
{
	if (full_find(n, band, value))
		return 0;
	if ((n->used + 1) * 2 > n->cap) {
		int rc = grow(n);
		if (rc)
			return rc;
	}
	size_t mask = n->cap - 1, i = slot_hash(value, band) & mask;
	int same = 0;
	for (; n->slots[i].doc_band; i = (i + 1) & mask)
		if (n->slots[i].value == value && (int)(n->slots[i].doc_band & 7) == band)
			same++;
	n->slots[i].value = value;
	n->slots[i].doc_band = (uint64_t)doc << 3 | (uint64_t)band;
	n->used++;
	if (same + 1 < STORE_NEAR_MAX_CANDIDATES)
		return 0;
	int64_t docs[STORE_NEAR_MAX_CANDIDATES];   /* now full: keep its list */
	size_t k = chain_docs(n, band, value, docs);
	sort_ids(docs, k);
	return full_add(n, band, value, docs);
}

static int add_signature(store_near *n, int64_t doc, const uint32_t *sig)
{
	for (int band = 0; band < STORE_NEAR_BANDS; band++) {
		int rc = index_add(n, band, store_band_value(sig, band), doc);
		if (rc)
			return rc;
	}
	return 0;
}

static size_t key_pos(uint64_t h1, uint64_t h2, size_t mask)
{
	uint64_t h = (h1 ^ (h2 * 0x9e3779b97f4a7c15ULL));
	return (size_t)(h ^ (h >> 29)) & mask;
}

static int keys_grow(store_near *n)
{
	size_t cap = n->kcap ? n->kcap * 2 : 4096;
	key_slot *keys = dyad_calloc(cap, sizeof(*keys));
	if (!keys)
		return dyad_error_set(DYAD_ENOMEM, "store: document index: out of memory");
	for (size_t i = 0; i < n->kcap; i++) {
		if (!n->keys[i].doc)
			continue;
		size_t j = key_pos(n->keys[i].h1, n->keys[i].h2, cap - 1);
		while (keys[j].doc)
			j = (j + 1) & (cap - 1);
		keys[j] = n->keys[i];
	}
	dyad_free(n->keys);
	n->keys = keys;
	n->kcap = cap;
	return 0;
}

/* The document of a content key; 0 if none. */
static int64_t key_find(const store_near *n, uint64_t h1, uint64_t h2)
{
	if (!n->kcap)
		return 0;
	size_t mask = n->kcap - 1;
	for (size_t i = key_pos(h1, h2, mask); n->keys[i].doc; i = (i + 1) & mask)
		if (n->keys[i].h1 == h1 && n->keys[i].h2 == h2)
			return n->keys[i].doc;
	return 0;
}

/* Index a document's content key (the first document keeps a key). */
static int key_add(store_near *n, const char *hash, int64_t doc)
{
	uint64_t h1, h2;
	if (!store_content_key_parse(hash, &h1, &h2))
		return dyad_error_set(DYAD_EDB, "store: document %lld: bad content key", (long long)doc);
	if ((n->kused + 1) * 2 > n->kcap) {
		int rc = keys_grow(n);
		if (rc)
			return rc;
	}
	size_t mask = n->kcap - 1, i = key_pos(h1, h2, mask);
	for (; n->keys[i].doc; i = (i + 1) & mask)
		if (n->keys[i].h1 == h1 && n->keys[i].h2 == h2)
			return 0;
	n->keys[i] = (key_slot){ h1, h2, doc };
	n->kused++;
	return 0;
}

/* A document's key and signature (NULL: not indexed for near duplicates). */
static int add_document(dyad_store *s, store_near *n, int64_t doc, const char *hash,
                        const uint32_t *sig)
{
	pthread_mutex_lock(&s->keys_lock);
	int rc = key_add(n, hash, doc);
	pthread_mutex_unlock(&s->keys_lock);
	if (!rc && sig)
		rc = add_signature(n, doc, sig);
	if (!rc && doc > n->max_doc)
		n->max_doc = doc;
	return rc;
}

/* Signatures committed above the highest id indexed (all of them on first use). */
static int load_from(dyad_store *s, store_near *n)
{
	sqlite3_stmt *st = store_stmt(s, ST_NEAR_LOAD);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, n->max_doc);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		uint32_t sig[STORE_MINHASH_K];
		bool banded = sqlite3_column_bytes(st, 2) == (int)sizeof(sig);
		if (banded)
			memcpy(sig, sqlite3_column_blob(st, 2), sizeof(sig));
		int e = add_document(s, n, sqlite3_column_int64(st, 0),
		                     (const char *)sqlite3_column_text(st, 1), banded ? sig : NULL);
		if (e) {
			sqlite3_reset(st);
			return e;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : store_db_error(s, "loading near-duplicate signatures");
}

int store_near_refresh(dyad_store *s)
{
	if (!s->near) {
		store_near *n = dyad_calloc(1, sizeof(*n));
		if (!n || !(n->sigs = dyad_calloc(SIG_CACHE, sizeof(sig_entry)))) {
			store_near_free(n);
			return DYAD_ENOMEM;
		}
		pthread_mutex_lock(&s->keys_lock);
		s->near = n;
		pthread_mutex_unlock(&s->keys_lock);
	}
	return load_from(s, s->near);
}

void store_near_drop(dyad_store *s)
{
	pthread_mutex_lock(&s->keys_lock);
	store_near_free(s->near);
	s->near = NULL;
	pthread_mutex_unlock(&s->keys_lock);
}

/* At most STORE_NEAR_MAX_CANDIDATES ids, nearly always in order already. */
static void sort_ids(int64_t *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int64_t x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Documents indexed under (band, value), in id order. */
static size_t band_docs(const store_near *n, int band, int64_t value,
                        int64_t out[STORE_NEAR_MAX_CANDIDATES])
{
	const full_key *f = full_find(n, band, value);
	if (f) {
		memcpy(out, f->docs, sizeof(f->docs));
		return STORE_NEAR_MAX_CANDIDATES;
	}
	size_t k = chain_docs(n, band, value, out);
	sort_ids(out, k);
	return k;
}

static int signature_of(dyad_store *s, int64_t doc, uint32_t sig[STORE_MINHASH_K], bool *found)
{
	*found = false;
	const sig_entry *e = &s->near->sigs[(uint64_t)doc % SIG_CACHE];
	if (e->doc == doc) {
		memcpy(sig, e->sig, sizeof(e->sig));
		*found = true;
		return 0;
	}
	sqlite3_stmt *st = store_stmt(s, ST_NEAR_SIG);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == (int)(STORE_MINHASH_K * sizeof(uint32_t))) {
		memcpy(sig, sqlite3_column_blob(st, 0), STORE_MINHASH_K * sizeof(uint32_t));
		*found = true;
		cache_sig(s->near, doc, sig);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_db_error(s, "near-duplicate lookup");
}

int store_near_find(dyad_store *s, const uint32_t *sig, double min_sim, int64_t *best_id,
                    double *best_sim)
{
	*best_id = 0;
	*best_sim = 0;
	int rc = s->near ? 0 : store_near_refresh(s);
	if (rc)
		return rc;
	int examined = 0;
	for (int band = 0; band < STORE_NEAR_BANDS && examined < STORE_NEAR_MAX_CANDIDATES; band++) {
		int64_t docs[STORE_NEAR_MAX_CANDIDATES];
		size_t k = band_docs(s->near, band, store_band_value(sig, band), docs);
		for (size_t i = 0; i < k && examined < STORE_NEAR_MAX_CANDIDATES; i++, examined++) {
			uint32_t other[STORE_MINHASH_K];
			bool found;
			if ((rc = signature_of(s, docs[i], other, &found)))
				return rc;
			if (!found)
				continue;
			int same = 0;
			for (int m = 0; m < STORE_MINHASH_K; m++)
				same += sig[m] == other[m];
			double sim = (double)same / STORE_MINHASH_K;
			if (sim >= min_sim) {
				*best_id = docs[i];
				*best_sim = sim;
				return 0;
			}
		}
	}
	return 0;
}

int store_doc_by_key(dyad_store *s, const char *hash, int64_t *id)
{
	*id = 0;
	/* outside a batch, other connections may have committed since */
	int rc = s->near && s->in_tx ? 0 : store_near_refresh(s);
	if (rc)
		return rc;
	uint64_t h1, h2;
	if (store_content_key_parse(hash, &h1, &h2))
		*id = key_find(s->near, h1, h2);
	return 0;
}

bool store_doc_known(dyad_store *s, const char *hash)
{
	uint64_t h1, h2;
	if (!s || !store_content_key_parse(hash, &h1, &h2))
		return false;
	pthread_mutex_lock(&s->keys_lock);
	bool known = s->near && key_find(s->near, h1, h2) != 0;
	pthread_mutex_unlock(&s->keys_lock);
	return known;
}

int store_near_add(dyad_store *s, int64_t doc, const char *hash, const uint32_t *sig)
{
	int rc = s->near ? 0 : store_near_refresh(s);
	if (rc)
		return rc;
	sqlite3_stmt *st = store_stmt(s, ST_NEAR_INSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	if (sig)
		sqlite3_bind_blob(st, 3, sig, STORE_MINHASH_K * sizeof(uint32_t), SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 3);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "storing a document key");
	if (sig)
		cache_sig(s->near, doc, sig);
	return add_document(s, s->near, doc, hash, sig);
}
