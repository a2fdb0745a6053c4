/*
 * lexicon.c - the compiled dictionary set: growable arrays filled by the
 * readers, the first-word hash index built once loading is done, the
 * fingerprint, and the loaders for .project files and directories.
 */
#include "lexicon_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Grow an array of `size`-byte items so that one more fits. */
static int grow(void **items, size_t *cap, size_t count, size_t size)
{
	if (count < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 256;
	void *p = dyad_reallocarray(*items, ncap, size);
	if (!p)
		return DYAD_ENOMEM;
	*items = p;
	*cap = ncap;
	return 0;
}

#define PUSH(arr, n, cap, item) do { \
		int rc_ = grow((void **)&(arr), &(cap), (n), sizeof *(arr)); \
		if (rc_) return rc_; \
		(arr)[(n)++] = *(item); \
	} while (0)

int lx_push_word(dyad_lexicon *lex, const lx_word *w)
{
	PUSH(lex->words, lex->n_words, lex->cap_words, w);
	return 0;
}

/* Stamp an item with the file and line being read, unless it has one. */
#define STAMP(lex, it) do { \
		if (!(it).file && (lex)->src_line) { \
			(it).file = (lex)->src_file; \
			(it).line = (uint32_t)*(lex)->src_line; \
		} \
	} while (0)

int lx_push_phrase(dyad_lexicon *lex, const lx_phrase *p, uint32_t *id)
{
	if (id)
		*id = (uint32_t)lex->n_phrases;
	lx_phrase q = *p;
	STAMP(lex, q);
	PUSH(lex->phrases, lex->n_phrases, lex->cap_phrases, &q);
	return 0;
}

int lx_push_code(dyad_lexicon *lex, const lx_code *c)
{
	lx_src src = { NULL, 0 };
	STAMP(lex, src);
	size_t n = lex->n_codes;
	PUSH(lex->code_src, n, lex->cap_code_src, &src);
	PUSH(lex->codes, lex->n_codes, lex->cap_codes, c);
	return 0;
}

int lx_push_verb(dyad_lexicon *lex, const lx_verb *v, uint32_t *id)
{
	if (id)
		*id = (uint32_t)lex->n_verbs;
	lx_verb q = *v;
	STAMP(lex, q);
	PUSH(lex->verbs, lex->n_verbs, lex->cap_verbs, &q);
	return 0;
}

int lx_push_pattern(dyad_lexicon *lex, const lx_pattern *p)
{
	lx_pattern q = *p;
	STAMP(lex, q);
	PUSH(lex->patterns, lex->n_patterns, lex->cap_patterns, &q);
	return 0;
}

char *lx_strdup(dyad_lexicon *lex, const char *s, size_t len)
{
	return dyad_arena_strndup(&lex->arena, s, len);
}

dyad_lexicon *lx_new(void)
{
	dyad_lexicon *lex = dyad_calloc(1, sizeof *lex);
	if (!lex)
		return NULL;
	lex->arena.block_size = 1u << 20;
	lex->fp_hash = LX_HASH_INIT;
	lx_options_default(&lex->opt);
	return lex;
}

void dyad_lexicon_free(dyad_lexicon *lex)
{
	if (!lex)
		return;
	dyad_arena_release(&lex->arena);
	dyad_free(lex->words);
	dyad_free(lex->phrases);
	dyad_free(lex->codes);
	dyad_free(lex->code_src);
	dyad_free(lex->verbs);
	dyad_free(lex->patterns);
	dyad_free(lex->pat_masks);
	for (size_t i = 0; i < lex->n_buckets; i++)
		dyad_free(lex->buckets[i].items);
	dyad_free(lex->buckets);
	dyad_free(lex->lists);
	dyad_free(lex->list_c2);
	dyad_free(lex->slots);
	dyad_free(lex->slot_keys);
	dyad_free(lex);
}

void lx_fingerprint_add(dyad_lexicon *lex, const char *bytes, size_t len)
{
	uint64_t h = lex->fp_hash;
	for (size_t i = 0; i < len; i++)
		h = lx_hash_step(h, (unsigned char)bytes[i]);
	lex->fp_hash = lx_hash_step(h, 0xff);
}

const char *dyad_lexicon_fingerprint(const dyad_lexicon *lex)
{
	return lex ? lex->fingerprint : "";
}

lx_options *lx_lexicon_options(dyad_lexicon *lex)
{
	return &lex->opt;
}

static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t h = LX_HASH_INIT;
	for (size_t i = 0; i < n; i++)
		h = lx_hash_step(h, (unsigned char)s[i]);
	return h;
}

/* Sort key for the per-word phrase lists: kind, then longer first. */
typedef struct entry {
	const char *key;
	uint32_t    len;
	uint32_t    phrase;
	uint32_t    nwords;
	uint32_t    chars;
	uint8_t     c2;        /* first letter of the second word, 0 if none */
} entry;

static int entry_cmp(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	uint32_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->key, y->key, n);
	if (c)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	if (x->c2 != y->c2)
		return x->c2 < y->c2 ? -1 : 1;
	if (x->nwords != y->nwords)
		return x->nwords > y->nwords ? -1 : 1;
	if (x->chars != y->chars)
		return x->chars > y->chars ? -1 : 1;
	return x->phrase < y->phrase ? -1 : (x->phrase > y->phrase);
}

static int pattern_cmp(const void *a, const void *b)
{
	const lx_pattern *x = a, *y = b;
	if (x->length != y->length)
		return x->length > y->length ? -1 : 1;
	if (x->comp_first != y->comp_first)
		return x->comp_first ? -1 : 1;
	return x->first < y->first ? -1 : (x->first > y->first);
}

/* Key bit of a pattern: the signature bit of its longest required word. */
static unsigned key_bit(const dyad_lexicon *lex, const lx_pattern *p)
{
	unsigned best = LX_NO_BIT, best_len = 0;
	for (uint32_t k = 0; k < p->n; k++) {
		const lx_word *w = &lex->words[p->first + k];
		if (w->kind != LW_WORD || !w->len)
			continue;
		if ((w->len < 3 && !(w->flags & LWF_EXACT)) || ((w->flags & LWF_LEMMA) && w->len <= 3))
			continue;
		if (w->len > best_len) {
			best_len = w->len;
			best = lx_sig_bit(w->s, w->len);
		}
	}
	return best;
}

static int build_buckets(dyad_lexicon *lex)
{
	size_t need = 0;
	for (size_t v = 0; v < lex->n_verbs; v++) {
		lex->verbs[v].bucket = -1;
		if (lex->verbs[v].pat_n >= LX_BUCKET_MIN)
			need++;
	}
	if (!need)
		return 0;
	lex->buckets = dyad_calloc(need, sizeof *lex->buckets);
	if (!lex->buckets)
		return DYAD_ENOMEM;
	for (size_t v = 0; v < lex->n_verbs; v++) {
		lx_verb *vb = &lex->verbs[v];
		if (vb->pat_n < LX_BUCKET_MIN)
			continue;
		lx_buckets *b = &lex->buckets[lex->n_buckets];
		b->items = dyad_malloc(vb->pat_n * sizeof *b->items);
		if (!b->items)
			return DYAD_ENOMEM;
		uint32_t count[LX_NO_BIT + 1] = { 0 };
		for (uint32_t i = 0; i < vb->pat_n; i++)
			count[key_bit(lex, &lex->patterns[vb->pat_first + i])]++;
		b->start[0] = 0;
		for (unsigned k = 0; k <= LX_NO_BIT; k++)
			b->start[k + 1] = b->start[k] + count[k];
		uint32_t fill[LX_NO_BIT + 1];
		memcpy(fill, b->start, sizeof fill);
		for (uint32_t i = 0; i < vb->pat_n; i++)
			b->items[fill[key_bit(lex, &lex->patterns[vb->pat_first + i])]++] = i;
		vb->bucket = (int32_t)lex->n_buckets++;
	}
	return 0;
}

/* Build the first-word index and sort patterns; called once at the end. */
int lx_finish(dyad_lexicon *lex)
{
	int rc = 0;
	entry *ents = NULL;
	size_t ne = 0;
	if (lex->n_phrases) {
		ents = dyad_reallocarray(NULL, lex->n_phrases, sizeof *ents);
		if (!ents)
			return DYAD_ENOMEM;
	}
	for (size_t i = 0; i < lex->n_phrases; i++) {
		lx_phrase *p = &lex->phrases[i];
		if (!p->n)
			continue;
		p->gaps = 0;
		for (uint32_t k = 0; k + 1 < p->n; k++)
			if (!(lex->words[p->first + k].flags & LWF_NEXT))
				p->gaps = 1;
		const lx_word *w = &lex->words[p->first];
		uint32_t klen = w->len;
		/* a lemma ending in e or y is indexed without it: "supplies",
		 * "exercising" begin with "suppl", "exercis" */
		if ((w->flags & LWF_LEMMA) && klen > 2 && (w->s[klen - 1] == 'e' || w->s[klen - 1] == 'y'))
			klen--;
		/* only a second word that must follow at once can be checked
		 * against the next word; 0 makes the phrase always a candidate */
		uint8_t c2 = (p->n > 1 && (w->flags & LWF_NEXT)) ? (uint8_t)lex->words[p->first + 1].s[0] : 0;
		ents[ne++] = (entry){ w->s, klen, (uint32_t)i, p->n, p->chars, c2 };
	}
	if (ne)
		qsort(ents, ne, sizeof *ents, entry_cmp);
	/* slots: every distinct first word, and every prefix of one (with an
	 * empty list) so that the coder's prefix walk stops as soon as no
	 * dictionary word begins with the letters read so far */
	size_t uniq = 0;
	for (size_t i = 0; i < ne; i++)
		if (!i || ents[i].len != ents[i - 1].len ||
		    memcmp(ents[i].key, ents[i - 1].key, ents[i].len))
			uniq += ents[i].len;
	size_t ns = 64;
	while (ns < uniq + uniq / 2 + 1)
		ns *= 2;
	lex->slots = dyad_calloc(ns, sizeof *lex->slots);
	lex->slot_keys = dyad_calloc(ns, sizeof *lex->slot_keys);
	lex->lists = ne ? dyad_reallocarray(NULL, ne, sizeof *lex->lists) : NULL;
	lex->list_c2 = ne ? dyad_malloc(ne) : NULL;
	if (!lex->slots || !lex->slot_keys || (ne && (!lex->lists || !lex->list_c2))) {
		rc = DYAD_ENOMEM;
		goto done;
	}
	lex->n_slots = ns;
	lex->n_lists = ne;
	for (size_t i = 0; i < ne;) {
		size_t j = i;
		while (j < ne && ents[j].len == ents[i].len &&
		       memcmp(ents[j].key, ents[i].key, ents[i].len) == 0) {
			lex->lists[j] = ents[j].phrase;
			lex->list_c2[j] = ents[j].c2;
			j++;
		}
		uint64_t h = hash_of(ents[i].key, ents[i].len);
		size_t k = (size_t)h & (ns - 1);
		while (lex->slots[k].hash)
			k = (k + 1) & (ns - 1);
		size_t cnt = j - i;
		if (cnt > UINT16_MAX)
			cnt = UINT16_MAX;   /* more phrases on one word than anyone writes */
		uint16_t single = 0;
		while (single < cnt && !lex->list_c2[i + single])
			single++;
		lex->slots[k] = (lx_slot){ h | 1u, (uint16_t)ents[i].len,
		                           (uint16_t)cnt, (uint32_t)i, single, 0 };
		lex->slot_keys[k] = ents[i].key;
		i = j;
	}
	for (size_t i = 0; i < ne; i++) {
		if (i && ents[i].len == ents[i - 1].len &&
		    !memcmp(ents[i].key, ents[i - 1].key, ents[i].len))
			continue;
		uint64_t h = LX_HASH_INIT;
		for (uint32_t p = 1; p < ents[i].len; p++) {
			h = lx_hash_step(h, (unsigned char)ents[i].key[p - 1]);
			if (lx_lookup(lex, h, ents[i].key, p))
				continue;
			size_t k = (size_t)h & (ns - 1);
			while (lex->slots[k].hash)
				k = (k + 1) & (ns - 1);
			lex->slots[k] = (lx_slot){ h | 1u, (uint16_t)p, 0, 0, 0, 0 };
			lex->slot_keys[k] = ents[i].key;
		}
	}
	/* patterns: longest first within each verb, as TABARI orders them */
	for (size_t v = 0; v < lex->n_verbs; v++) {
		lx_verb *vb = &lex->verbs[v];
		if (vb->pat_n > 1)
			qsort(lex->patterns + vb->pat_first, vb->pat_n,
			      sizeof *lex->patterns, pattern_cmp);
	}
	/* signatures of the words every pattern requires, in their own
	 * array so that the pre-filter reads two patterns per cache line */
	lex->pat_masks = lex->n_patterns ? dyad_calloc(lex->n_patterns, sizeof *lex->pat_masks) : NULL;
	if (lex->n_patterns && !lex->pat_masks) {
		rc = DYAD_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < lex->n_patterns; i++) {
		lx_pattern *p = &lex->patterns[i];
		uint64_t *mask = lex->pat_masks[i];
		for (uint32_t k = 0; k < p->n; k++) {
			const lx_word *w = &lex->words[p->first + k];
			if (w->kind != LW_WORD || !w->len)
				continue;
			bool exact = (w->flags & LWF_EXACT) != 0;
			if (w->len < 3 && !exact)
				continue;   /* a short stem matches longer words */
			if ((w->flags & LWF_LEMMA) && w->len <= 3)
				continue;
			unsigned b = lx_sig_bit(w->s, w->len);
			mask[b >> 6] |= 1ULL << (b & 63);
		}
	}
	rc = build_buckets(lex);
	lex->opt_loaded = lex->opt;
	snprintf(lex->fingerprint, sizeof lex->fingerprint, "%016llx",
	         (unsigned long long)lex->fp_hash);
done:
	dyad_free(ents);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static int read_file(const char *path, char **out, size_t *len_out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return dyad_error_set(errno == ENOENT ? DYAD_ENOTFOUND : DYAD_EIO,
		                      "%s: %s", path, strerror(errno));
	dyad_buf b = DYAD_BUF_INIT;
	char chunk[65536];
	size_t n;
	int rc = 0;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		if ((rc = dyad_buf_append(&b, chunk, n)) != 0)
			break;
	if (!rc && ferror(f))
		rc = dyad_error_set(DYAD_EIO, "%s: read error", path);
	fclose(f);
	if (!rc && !b.data)
		rc = dyad_buf_append(&b, "", 0);
	if (rc) {
		dyad_buf_release(&b);
		return rc;
	}
	*out = dyad_buf_detach(&b, len_out);
	return 0;
}

static int load_text(dyad_lexicon *lex, const char *path, char *text, size_t len,
                     int kind, dyad_diag *diag);

int lx_load_file(dyad_lexicon *lex, const char *path, int kind, dyad_diag *diag)
{
	char *text = NULL;
	size_t len = 0;
	int rc = read_file(path, &text, &len);
	if (rc)
		return rc;
	rc = load_text(lex, path, text, len, kind, diag);
	dyad_free(text);
	return rc;
}

/* Read one dictionary's text (owned by the caller). */
static int load_text(dyad_lexicon *lex, const char *path, char *text, size_t len,
                     int kind, dyad_diag *diag)
{
	int rc = 0;
	lx_fingerprint_add(lex, text, len);
	lx_reader r = { .lex = lex, .diag = diag, .path = path };
	lex->src_file = lx_strdup(lex, path, strlen(path));
	lex->src_line = &r.line;
	switch (kind) {
	case LXF_ACTORS: rc = lx_read_actors(&r, text, len, PH_ACTOR); break;
	case LXF_AGENTS: rc = lx_read_actors(&r, text, len, PH_AGENT); break;
	case LXF_VERBS:  rc = lx_read_verbs(&r, text, len); break;
	case LXF_PEOPLE: rc = lx_read_people(&r, text, len); break;
	default: {
		char *p = text, *end = text + len;
		while (p < end && !rc) {
			char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
			r.line++;
			rc = lx_options_line(&lex->opt, p, n, &r);
			p += n + 1;
		}
	}
	}
	lex->n_files++;
	lex->src_line = NULL;   /* r goes out of scope */
	if (!rc && r.fatal)
		rc = r.fatal;
	return rc;
}

/* Resolve `name` relative to the directory of `base`. */
static char *relative_path(const char *base, const char *name, size_t nlen)
{
	if (nlen && name[0] == '/')
		return dyad_strndup(name, nlen);
	const char *slash = strrchr(base, '/');
	size_t dlen = slash ? (size_t)(slash - base) + 1 : 0;
	char *p = dyad_malloc(dlen + nlen + 1);
	if (!p)
		return NULL;
	memcpy(p, base, dlen);
	memcpy(p + dlen, name, nlen);
	p[dlen + nlen] = '\0';
	return p;
}

static int project_kind(const char *tag, size_t n)
{
	static const struct { const char *t; int k; } tags[] = {
		{ "actorsfile", LXF_ACTORS }, { "agentsfile", LXF_AGENTS },
		{ "verbsfile", LXF_VERBS }, { "optionsfile", LXF_OPTIONS },
		{ "peoplefile", LXF_PEOPLE },
	};
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (strlen(tags[i].t) == n && strncmp(tags[i].t, tag, n) == 0)
			return tags[i].k;
	return -1;
}

static int load_project_text(dyad_lexicon *lex, const char *path,
                             const char *text, size_t len, dyad_diag *diag)
{
	const char *p = text, *end = text + len;
	size_t line = 0;
	int rc = 0;
	while (p < end && !rc) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		line++;
		const char *q = p;
		p = le + 1;
		while (q < le && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= le || *q != '<')
			continue;
		const char *gt = memchr(q, '>', (size_t)(le - q));
		if (!gt)
			continue;
		int kind = project_kind(q + 1, (size_t)(gt - q - 1));
		if (kind < 0)
			continue;
		const char *v = gt + 1;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		const char *ve = le;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r'))
			ve--;
		if (ve == v) {
			char where[512];
			snprintf(where, sizeof where, "%s:%zu", path, line);
			if (dyad_diag_report(diag, DYAD_DIAG_WARNING, where, "file name missing"))
				rc = DYAD_EPARSE;
			continue;
		}
		char *fp = relative_path(path, v, (size_t)(ve - v));
		if (!fp)
			return DYAD_ENOMEM;
		rc = lx_load_file(lex, fp, kind, diag);
		dyad_free(fp);
	}
	return rc;
}

int dyad_lexicon_load_project(dyad_lexicon **out, const char *project_path,
                              dyad_diag *diag)
{
	*out = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = read_file(project_path, &text, &len);
	if (rc)
		return rc;
	dyad_lexicon *lex = lx_new();
	if (!lex) {
		dyad_free(text);
		return DYAD_ENOMEM;
	}
	lex->opt.comma_on = true;     /* TABARI's defaults */
	lex->opt.minimum_words = 5;
	rc = load_project_text(lex, project_path, text, len, diag);
	dyad_free(text);
	if (!rc)
		rc = lx_finish(lex);
	if (rc) {
		dyad_lexicon_free(lex);
		return rc;
	}
	*out = lex;
	return 0;
}

static int suffix_kind(const char *name)
{
	static const struct { const char *s; int k; } sx[] = {
		{ ".actors", LXF_ACTORS }, { ".agents", LXF_AGENTS },
		{ ".verbs", LXF_VERBS }, { ".options", LXF_OPTIONS },
		{ ".people", LXF_PEOPLE },
	};
	size_t n = strlen(name);
	for (size_t i = 0; i < sizeof sx / sizeof sx[0]; i++) {
		size_t m = strlen(sx[i].s);
		if (n > m && strcmp(name + n - m, sx[i].s) == 0)
			return sx[i].k;
	}
	return -1;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load a directory tree, files in name order (deterministic fingerprint). */
static int load_tree(dyad_lexicon *lex, const char *dir, dyad_diag *diag, int depth)
{
	if (depth > 8)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return dyad_error_set(DYAD_ENOTFOUND, "%s: %s", dir, strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			char **nn = dyad_reallocarray(names, cap, sizeof *names);
			if (!nn) { rc = DYAD_ENOMEM; break; }
			names = nn;
		}
		if (!(names[n] = dyad_strdup(e->d_name))) { rc = DYAD_ENOMEM; break; }
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, name_cmp);
	for (size_t i = 0; i < n && !rc; i++) {
		dyad_buf p = DYAD_BUF_INIT;
		if (dyad_buf_printf(&p, "%s/%s", dir, names[i])) { rc = DYAD_ENOMEM; break; }
		struct stat st;
		if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode))
			rc = load_tree(lex, p.data, diag, depth + 1);
		else if (suffix_kind(names[i]) >= 0)
			rc = lx_load_file(lex, p.data, suffix_kind(names[i]), diag);
		dyad_buf_release(&p);
	}
	for (size_t i = 0; i < n; i++)
		dyad_free(names[i]);
	dyad_free(names);
	return rc;
}

int dyad_lexicon_load_dir(dyad_lexicon **out, const char *dir, dyad_diag *diag)
{
	*out = NULL;
	dyad_lexicon *lex = lx_new();
	if (!lex)
		return DYAD_ENOMEM;
	int rc = load_tree(lex, dir, diag, 0);
	if (!rc)
		rc = lx_finish(lex);
	if (rc) {
		dyad_lexicon_free(lex);
		return rc;
	}
	*out = lex;
	return 0;
}

int dyad_lexicon_load_default(dyad_lexicon **out, dyad_diag *diag)
{
	const char *dir = getenv("DYAD_DATA_DIR");
#ifdef DYAD_DATA_DIR
	if (!dir || !*dir)
		dir = DYAD_DATA_DIR;
#endif
	if (!dir)
		return dyad_error_set(DYAD_ENOTFOUND, "no data directory configured");
	return dyad_lexicon_load_dir(out, dir, diag);
}

size_t dyad_lexicon_count(const dyad_lexicon *lex, int what)
{
	if (!lex)
		return 0;
	switch (what) {
	case 0: return lex->n_phrases;
	case 1: return lex->n_verbs;
	case 2: return lex->n_patterns;
	default: return lex->n_files;
	}
}

int dyad_lexicon_set_option(dyad_lexicon *lex, const char *line,
                            const char *where, dyad_diag *diag)
{
	lx_reader r = { .lex = lex, .diag = diag, .path = where ? where : "option" };
	int rc = lx_options_line(&lex->opt, line, strlen(line), &r);
	return rc ? rc : r.fatal;
}

void dyad_lexicon_reset_options(dyad_lexicon *lex)
{
	lex->opt = lex->opt_loaded;
}

int dyad_project_file(const char *project_path, const char *tag, char **out)
{
	*out = NULL;
	char *text = NULL;
	size_t len = 0;
	int rc = read_file(project_path, &text, &len);
	if (rc)
		return rc;
	size_t tl = strlen(tag);
	const char *p = text, *end = text + len;
	rc = dyad_error_set(DYAD_ENOTFOUND, "%s: no <%s> line", project_path, tag);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *q = p;
		p = le + 1;
		while (q < le && (*q == ' ' || *q == '\t'))
			q++;
		if ((size_t)(le - q) < tl + 2 || q[0] != '<' || strncmp(q + 1, tag, tl) || q[tl + 1] != '>')
			continue;
		const char *v = q + tl + 2;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		const char *ve = le;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t' || ve[-1] == '\r'))
			ve--;
		if (ve == v)
			continue;
		*out = relative_path(project_path, v, (size_t)(ve - v));
		rc = *out ? 0 : DYAD_ENOMEM;
		break;
	}
	dyad_free(text);
	return rc;
}

int dyad_lexicon_load_buffers(dyad_lexicon **out, const dyad_dict_buffer *bufs,
                              size_t n, dyad_diag *diag)
{
	*out = NULL;
	dyad_lexicon *lex = lx_new();
	if (!lex)
		return DYAD_ENOMEM;
	int rc = 0;
	for (size_t i = 0; i < n && !rc; i++) {
		int kind = suffix_kind(bufs[i].name ? bufs[i].name : "");
		if (kind < 0) {
			rc = dyad_error_set(DYAD_EINVAL, "%s: unknown dictionary kind (suffix)",
			                    bufs[i].name ? bufs[i].name : "(null)");
			break;
		}
		char *copy = dyad_strndup(bufs[i].bytes ? bufs[i].bytes : "", bufs[i].bytes ? bufs[i].len : 0);
		if (!copy) {
			rc = DYAD_ENOMEM;
			break;
		}
		rc = load_text(lex, bufs[i].name, copy, bufs[i].bytes ? bufs[i].len : 0, kind, diag);
		dyad_free(copy);
	}
	if (!rc)
		rc = lx_finish(lex);
	if (rc) {
		dyad_lexicon_free(lex);
		return rc;
	}
	*out = lex;
	return 0;
}
