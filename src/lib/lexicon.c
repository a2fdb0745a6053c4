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

int lx_push_phrase(dyad_lexicon *lex, const lx_phrase *p, uint32_t *id)
{
	if (id)
		*id = (uint32_t)lex->n_phrases;
	PUSH(lex->phrases, lex->n_phrases, lex->cap_phrases, p);
	return 0;
}

int lx_push_code(dyad_lexicon *lex, const lx_code *c)
{
	PUSH(lex->codes, lex->n_codes, lex->cap_codes, c);
	return 0;
}

int lx_push_verb(dyad_lexicon *lex, const lx_verb *v, uint32_t *id)
{
	if (id)
		*id = (uint32_t)lex->n_verbs;
	PUSH(lex->verbs, lex->n_verbs, lex->cap_verbs, v);
	return 0;
}

int lx_push_pattern(dyad_lexicon *lex, const lx_pattern *p)
{
	PUSH(lex->patterns, lex->n_patterns, lex->cap_patterns, p);
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
	dyad_free(lex->verbs);
	dyad_free(lex->patterns);
	dyad_free(lex->lists);
	dyad_free(lex->slots);
	dyad_free(lex);
}

uint64_t lx_hash_step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 1099511628211ULL;
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

const lx_slot *lx_lookup(const dyad_lexicon *lex, uint64_t hash,
                         const char *key, uint32_t len)
{
	if (!lex->n_slots)
		return NULL;
	if (!hash)
		hash = 1;
	size_t mask = lex->n_slots - 1;
	for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
		const lx_slot *s = &lex->slots[i];
		if (!s->hash)
			return NULL;
		if (s->hash == hash && s->len == len && memcmp(s->key, key, len) == 0)
			return s;
	}
}

static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t h = LX_HASH_INIT;
	for (size_t i = 0; i < n; i++)
		h = lx_hash_step(h, (unsigned char)s[i]);
	return h ? h : 1;
}

/* Sort key for the per-word phrase lists: kind, then longer first. */
typedef struct entry {
	const char *key;
	uint32_t    len;
	uint32_t    phrase;
	uint32_t    nwords;
	uint32_t    chars;
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
	return x->first < y->first ? -1 : (x->first > y->first);
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
		const lx_phrase *p = &lex->phrases[i];
		if (!p->n)
			continue;
		const lx_word *w = &lex->words[p->first];
		ents[ne++] = (entry){ w->s, w->len, (uint32_t)i, p->n, p->chars };
	}
	qsort(ents, ne, sizeof *ents, entry_cmp);
	size_t uniq = 0;
	for (size_t i = 0; i < ne; i++)
		if (!i || ents[i].len != ents[i - 1].len ||
		    memcmp(ents[i].key, ents[i - 1].key, ents[i].len))
			uniq++;
	size_t ns = 64;
	while (ns < uniq * 2 + 1)
		ns *= 2;
	lex->slots = dyad_calloc(ns, sizeof *lex->slots);
	lex->lists = ne ? dyad_reallocarray(NULL, ne, sizeof *lex->lists) : NULL;
	if (!lex->slots || (ne && !lex->lists)) {
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
			j++;
		}
		uint64_t h = hash_of(ents[i].key, ents[i].len);
		size_t k = (size_t)h & (ns - 1);
		while (lex->slots[k].hash)
			k = (k + 1) & (ns - 1);
		lex->slots[k] = (lx_slot){ h, ents[i].key, ents[i].len,
		                           (uint32_t)i, (uint32_t)(j - i) };
		i = j;
	}
	/* patterns: longest first within each verb, as TABARI orders them */
	for (size_t v = 0; v < lex->n_verbs; v++) {
		lx_verb *vb = &lex->verbs[v];
		if (vb->pat_n > 1)
			qsort(lex->patterns + vb->pat_first, vb->pat_n,
			      sizeof *lex->patterns, pattern_cmp);
	}
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

int lx_load_file(dyad_lexicon *lex, const char *path, int kind, dyad_diag *diag)
{
	char *text = NULL;
	size_t len = 0;
	int rc = read_file(path, &text, &len);
	if (rc)
		return rc;
	lx_fingerprint_add(lex, text, len);
	lx_reader r = { .lex = lex, .diag = diag, .path = path };
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
	dyad_free(text);
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
