/*
 * ingest.c - the ingest run: paths, directories and URLs -> records ->
 * documents in the store (dedup) -> language -> sentences -> coded
 * mentions -> events, committed in batches.
 *
 * Problems with outside input never stop the run: each becomes a row of
 * the store's `rejected` table (input, record, error) and is also sent to
 * the caller's diagnostics sink.
 */
#include "dyad/ingest.h"
#include "ingest_internal.h"
#include "store_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FILE_BYTES ((size_t)256 << 20)

struct dyad_ingest {
	dyad_store       *store;
	dyad_ingest_opts  opts;
	dyad_ingest_stats stats;
	dyad_diag        *diag;      /* ours: records rejections */
	dyad_tokens      *toks;
	dyad_events       events;
	const char       *input;     /* file or URL being read */
	size_t            pending;   /* documents in the open batch */
	uint64_t         *seen;      /* sentence hashes of the current document */
	size_t            seen_cap;
	int               depth;     /* directory recursion */
};

static int ensure_batch(dyad_ingest *ing)
{
	return dyad_store_begin(ing->store);
}

static int maybe_commit(dyad_ingest *ing)
{
	if (++ing->pending < ing->opts.batch)
		return 0;
	ing->pending = 0;
	return dyad_store_commit(ing->store);
}

static int reject(dyad_ingest *ing, const char *input, const char *record, const char *error)
{
	ing->stats.rejected++;
	/* "input: message" -> "message": the input has its own column */
	size_t n = input ? strlen(input) : 0;
	if (n && strncmp(error, input, n) == 0 && strncmp(error + n, ": ", 2) == 0)
		error += n + 2;
	if (ing->opts.diag)
		dyad_diag_report(ing->opts.diag, DYAD_DIAG_ERROR, record ? record : input, "%s", error);
	int rc = ensure_batch(ing);
	return rc ? rc : dyad_store_reject(ing->store, input, record, error);
}

/* Diagnostics from the record readers, "where: severity: message". A
 * record or file the reader skipped (an error, or a warning ending in
 * "skipped") becomes a row of `rejected`; repairs (bytes replaced, NULs
 * removed) are only passed on to the caller's sink. */
static void on_diag(void *ctx, dyad_severity sev, const char *line)
{
	dyad_ingest *ing = ctx;
	bool skipped = sev == DYAD_DIAG_ERROR ||
	               (sev == DYAD_DIAG_WARNING && strstr(line, "skipped") != NULL);
	if (!skipped) {
		if (ing->opts.diag)
			dyad_diag_report(ing->opts.diag, sev, NULL, "%s", line);
		return;
	}
	const char *sep = strstr(line, ": ");
	char where[512] = "";
	if (sep && (size_t)(sep - line) < sizeof(where)) {
		memcpy(where, line, (size_t)(sep - line));
		where[sep - line] = '\0';
		line = sep + 2;
	}
	static const char *const sevs[] = { "error: ", "warning: ", "note: " };
	for (int i = 0; i < 3; i++)
		if (strncmp(line, sevs[i], strlen(sevs[i])) == 0)
			line += strlen(sevs[i]);
	reject(ing, ing->input, where[0] ? where : NULL, line);
}

int dyad_ingest_new(dyad_ingest **out, dyad_store *store, const dyad_ingest_opts *opts)
{
	*out = NULL;
	dyad_ingest *ing = dyad_calloc(1, sizeof(*ing));
	if (!ing)
		return DYAD_ENOMEM;
	ing->store = store;
	if (opts)
		ing->opts = *opts;
	if (!ing->opts.batch)
		ing->opts.batch = 1000;
	int rc = dyad_diag_new(&ing->diag, on_diag, ing, false);
	if (!rc)
		rc = dyad_tokens_new(&ing->toks);
	if (rc) {
		dyad_ingest_free(ing);
		return rc;
	}
	*out = ing;
	return 0;
}

void dyad_ingest_free(dyad_ingest *ing)
{
	if (!ing)
		return;
	dyad_diag_free(ing->diag);
	dyad_tokens_free(ing->toks);
	dyad_events_release(&ing->events);
	dyad_free(ing->seen);
	dyad_free(ing);
}

const dyad_ingest_stats *dyad_ingest_stats_get(const dyad_ingest *ing)
{
	return &ing->stats;
}

int dyad_ingest_finish(dyad_ingest *ing)
{
	ing->pending = 0;
	return dyad_store_commit(ing->store);
}

/* ------------------------------------------------------------------ */
/* One document                                                        */

/* Whether a sentence's normalized text was already seen in this document
 * (a repeated paragraph is stored but coded once). */
static bool seen_before(dyad_ingest *ing, uint64_t h, size_t n_sent)
{
	size_t cap = 64;
	while (cap < 2 * n_sent)
		cap *= 2;
	if (cap != ing->seen_cap) {
		uint64_t *p = dyad_reallocarray(ing->seen, cap, sizeof(*p));
		if (!p)
			return false;
		ing->seen = p;
		ing->seen_cap = cap;
		memset(ing->seen, 0, cap * sizeof(*p));
	}
	h |= 1;   /* 0 marks an empty slot */
	for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1)) {
		if (ing->seen[i] == h)
			return true;
		if (ing->seen[i] == 0) {
			ing->seen[i] = h;
			return false;
		}
	}
}

/* A code given both ways in one sentence (A-B and B-A: "Algeria and
 * Russia signed ...") reports one symmetric event: both halves are stored
 * as mentions of the same, unordered event. */
static void mark_symmetric(dyad_events *evs)
{
	for (size_t i = 0; i < evs->count; i++)
		for (size_t j = i + 1; j < evs->count; j++) {
			dyad_event *a = &evs->items[i], *b = &evs->items[j];
			if (strcmp(a->cameo, b->cameo) == 0 && strcmp(a->source, b->target) == 0 &&
			    strcmp(a->target, b->source) == 0) {
				a->flags |= DYAD_EVF_SYMMETRIC;
				b->flags |= DYAD_EVF_SYMMETRIC;
			}
		}
}

static int code_sentence(dyad_ingest *ing, int64_t doc_id, const char *text, size_t len,
                         const dyad_sentence *s, uint32_t idx)
{
	const dyad_ingest_coder *c = ing->opts.coder;
	dyad_events_clear(&ing->events);
	int rc = dyad_tokenize(ing->toks, text + s->span.start, s->span.end - s->span.start, s->span.start);
	if (rc)
		return rc;
	rc = c->code(c->ctx, text, dyad_tokens_array(ing->toks), dyad_tokens_count(ing->toks),
	             idx, &ing->events);
	if (rc < 0)
		return rc;
	if (c->annotate && ing->events.count &&
	    (rc = c->annotate(c->ctx, text, dyad_tokens_array(ing->toks), dyad_tokens_count(ing->toks),
	                      ing->events.items, ing->events.count)) < 0)
		return rc;
	mark_symmetric(&ing->events);
	for (size_t i = 0; i < ing->events.count; i++) {
		const dyad_event *ev = &ing->events.items[i];
		if (!ev->source[0] || !ev->cameo[0]) {
			ing->stats.skipped_events++;   /* nothing to store it under */
			continue;
		}
		dyad_code_attrs at;
		memset(&at, 0, sizeof(at));
		if (c->attrs)
			c->attrs(c->ctx, ev->cameo, &at);
		rc = dyad_store_add_mention(ing->store, doc_id, ev, text, len, &at,
		                            c->dict_version, NULL);
		if (rc)
			return rc;
		ing->stats.mentions++;
	}
	return 0;
}

static int store_sentences(dyad_ingest *ing, int64_t doc_id, dyad_doc *doc, dyad_date date, bool code)
{
	size_t n, len;
	const char *text = dyad_doc_text(doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(doc, &n);
	if (!s && n == 0 && len)
		return DYAD_ENOMEM;
	if (code)
		ing->opts.coder->begin(ing->opts.coder->ctx, date);
	ing->seen_cap = 0;
	for (size_t i = 0; i < n; i++) {
		const char *st = text + s[i].span.start;
		size_t sl = s[i].span.end - s[i].span.start;
		bool rep = seen_before(ing, store_norm_hash64(st, sl), n);
		int rc = dyad_store_add_sentence(ing->store, doc_id, (uint32_t)i, s[i].span.start,
		                                 s[i].span.end, st, sl, rep);
		if (rc)
			return rc;
		ing->stats.sentences++;
		if (rep) {
			ing->stats.repeated_sentences++;
			continue;
		}
		if (code && (rc = code_sentence(ing, doc_id, text, len, &s[i], (uint32_t)i)))
			return rc;
	}
	return 0;
}

/* The first line as title when it looks like a headline. */
static void guess_title(dyad_record *rec, const char *text, size_t len)
{
	size_t e = 0;
	while (e < len && text[e] != '\n' && e < 300)
		e++;
	if (e == 0 || e >= 300 || e >= len)
		return;
	size_t t = e;
	while (t && (text[t - 1] == ' ' || text[t - 1] == '\r'))
		t--;
	if (!t || text[t - 1] == '.')
		return;
	size_t k = e + 1;
	if (k < len && text[k] == '\r')
		k++;
	if (k < len && text[k] != '\n')
		return;   /* not followed by a blank line */
	rec->title = ingest_clean_string(text, t);
}

static bool is_english(const char *lang)
{
	return strcmp(lang, "en") == 0 || strcmp(lang, "und") == 0;
}

int dyad_ingest_record(dyad_ingest *ing, dyad_record *rec)
{
	ing->stats.read++;
	const char *where = rec->origin ? rec->origin : (rec->id ? rec->id : ing->input);
	if (!rec->text || rec->text_len == 0)
		return reject(ing, ing->input, where, "empty document: no text");
	dyad_doc *doc = NULL;
	int rc = dyad_doc_from_bytes(&doc, where, rec->text, rec->text_len, NULL);
	if (rc)
		return reject(ing, ing->input, where, dyad_error_last());
	if (dyad_doc_stats(doc)->binary) {
		dyad_doc_free(doc);
		return reject(ing, ing->input, where, "binary data, not text: document skipped");
	}
	size_t len;
	const char *text = dyad_doc_text(doc, &len);
	char agency[48] = "";
	dyad_date found;
	if (dyad_dateline_find(text, len, &found, agency, sizeof(agency)) && rec->date.year == 0)
		rec->date = found;
	if (!rec->outlet && agency[0])
		rec->outlet = dyad_strdup(agency);
	if (!rec->title)
		guess_title(rec, text, len);
	const char *lang = dyad_language_detect(text, len);
	bool code = ing->opts.coder && is_english(lang);
	/* a new document is coded below, in this batch: stored as coded */
	dyad_store_doc d = { where, rec->title, rec->outlet, rec->url, rec->date, lang, text, len, code };
	int64_t id;
	dyad_doc_status st;
	bool coded = false;
	if ((rc = ensure_batch(ing)) || (rc = dyad_store_add_document(ing->store, &d, &id, &st)))
		goto done;
	switch (st) {
	case DYAD_DOC_SEEN:
	case DYAD_DOC_DUPLICATE:
		if (st == DYAD_DOC_SEEN)
			ing->stats.seen++;
		else
			ing->stats.duplicate++;
		/* stored before without coding (--no-code): code it now */
		if (code && !(rc = dyad_store_is_coded(ing->store, id, &coded)) && !coded) {
			ing->stats.coded_later++;
			rc = store_sentences(ing, id, doc, rec->date, true);
			if (!rc)
				rc = dyad_store_mark_coded(ing->store, id);
		}
		goto done;
	case DYAD_DOC_NEAR_DUPLICATE: ing->stats.near_duplicate++; break;
	case DYAD_DOC_NEW: break;
	}
	ing->stats.added++;
	if (!is_english(lang))
		ing->stats.non_english++;
	rc = store_sentences(ing, id, doc, rec->date, code);
	if (rc && code)   /* not coded after all: a later run codes it */
		store_set_coded(ing->store, id, false);
done:
	dyad_doc_free(doc);
	return rc ? rc : maybe_commit(ing);
}

/* ------------------------------------------------------------------ */
/* Inputs                                                              */

static int on_feed_item(void *ctx, dyad_record *rec)
{
	dyad_ingest *ing = ctx;
	if (!ing->opts.follow || !rec->url)
		return dyad_ingest_record(ing, rec);
	char *body = NULL;
	size_t len = 0;
	int rc = dyad_fetch(rec->url, &ing->opts.fetch, &body, &len);
	if (rc) {
		ing->stats.read++;
		return reject(ing, ing->input, rec->url, dyad_error_last());
	}
	dyad_record page;
	rc = dyad_html_extract(&page, rec->url, body, len);
	dyad_free(body);
	if (rc) {
		ing->stats.read++;
		return reject(ing, ing->input, rec->url, dyad_error_last());
	}
	/* The feed's metadata fills what the page lacks. */
	if (!page.title) { page.title = rec->title; rec->title = NULL; }
	if (!page.outlet) { page.outlet = rec->outlet; rec->outlet = NULL; }
	if (page.date.year == 0)
		page.date = rec->date;
	dyad_free(page.url);
	page.url = rec->url;
	rec->url = NULL;
	rc = dyad_ingest_record(ing, &page);
	dyad_record_clear(&page);
	return rc;
}

static int on_record(void *ctx, dyad_record *rec)
{
	return dyad_ingest_record(ctx, rec);
}

static int ingest_records(dyad_ingest *ing, const char *name, const char *bytes, size_t len,
                          dyad_input_format fmt)
{
	dyad_reader *r = NULL;
	int rc = dyad_reader_open_mem(&r, name, bytes, len, fmt, ing->diag);
	if (rc) {
		dyad_reader_free(r);
		return reject(ing, name, NULL, dyad_error_last());
	}
	dyad_record rec;
	memset(&rec, 0, sizeof(rec));
	while ((rc = dyad_reader_next(r, &rec)) == 1) {
		if ((rc = dyad_ingest_record(ing, &rec)))
			break;
	}
	dyad_record_clear(&rec);
	dyad_reader_free(r);
	return rc < 0 ? rc : 0;
}

static int ingest_bytes(dyad_ingest *ing, const char *name, const char *bytes, size_t len, bool is_url)
{
	dyad_input_format fmt = ing->opts.format;
	if (fmt == DYAD_INPUT_AUTO)
		fmt = dyad_ingest_sniff(name, bytes, len);
	int rc;
	switch (fmt) {
	case DYAD_INPUT_HTML: {
		dyad_record rec;
		if (dyad_html_extract(&rec, name, bytes, len)) {
			ing->stats.read++;
			return reject(ing, name, NULL, dyad_error_last());
		}
		if (is_url && !rec.url)
			rec.url = dyad_strdup(name);
		rc = dyad_ingest_record(ing, &rec);
		dyad_record_clear(&rec);
		return rc;
	}
	case DYAD_INPUT_FEED:
		rc = dyad_feed_read(name, bytes, len, on_feed_item, ing);
		break;
	case DYAD_INPUT_PETRARCH:
		rc = dyad_petrarch_read(name, bytes, len, on_record, ing);
		break;
	default:
		return ingest_records(ing, name, bytes, len, fmt);
	}
	if (rc == DYAD_EPARSE)
		return reject(ing, name, NULL, dyad_error_last());
	return rc < 0 ? rc : 0;
}

static int read_file(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return dyad_error_set(DYAD_EIO, "%s: %s", path, strerror(errno));
	dyad_buf b = DYAD_BUF_INIT;
	b.max = MAX_FILE_BYTES;
	char chunk[65536];
	size_t n;
	int rc = 0;
	while (!rc && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (dyad_buf_append(&b, chunk, n))
			rc = dyad_error_set(DYAD_ELIMIT, "%s: larger than %zu bytes", path, MAX_FILE_BYTES);
	if (!rc && ferror(f))
		rc = dyad_error_set(DYAD_EIO, "%s: read error", path);
	fclose(f);
	if (rc) {
		dyad_buf_release(&b);
		return rc;
	}
	if (!b.data && dyad_buf_puts(&b, ""))
		return DYAD_ENOMEM;
	*out = dyad_buf_detach(&b, len);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Entries of a directory in name order, so runs are reproducible. */
static int ingest_dir(dyad_ingest *ing, const char *path)
{
	if (ing->depth >= 32)
		return reject(ing, path, NULL, "directory nesting deeper than 32: not followed");
	DIR *d = opendir(path);
	if (!d)
		return reject(ing, path, NULL, strerror(errno));
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while (!rc && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p = dyad_grow(names, &cap, n + 1, sizeof(*p), 64);
			if (!p) { rc = DYAD_ENOMEM; break; }
			names = p;
		}
		size_t pl = strlen(path) + strlen(e->d_name) + 2;
		if (!(names[n] = dyad_malloc(pl))) { rc = DYAD_ENOMEM; break; }
		snprintf(names[n++], pl, "%s/%s", path, e->d_name);
	}
	closedir(d);
	if (!rc)
		qsort(names, n, sizeof(*names), cmp_names);
	ing->depth++;
	for (size_t i = 0; i < n && !rc; i++)
		rc = dyad_ingest_path(ing, names[i]);
	ing->depth--;
	for (size_t i = 0; i < n; i++)
		dyad_free(names[i]);
	dyad_free(names);
	return rc;
}

int dyad_ingest_path(dyad_ingest *ing, const char *path)
{
	char *bytes = NULL;
	size_t len = 0;
	int rc;
	const char *prev = ing->input;
	ing->input = path;
	if (strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0) {
		if (dyad_fetch(path, &ing->opts.fetch, &bytes, &len)) {
			ing->stats.read++;
			rc = reject(ing, path, NULL, dyad_error_last());
			goto done;
		}
		rc = ingest_bytes(ing, path, bytes, len, true);
		goto done;
	}
	struct stat sb;
	if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		rc = ingest_dir(ing, path);
		goto done;
	}
	if (strcmp(path, "-") == 0 ? read_file("/dev/stdin", &bytes, &len) : read_file(path, &bytes, &len)) {
		ing->stats.read++;
		rc = reject(ing, path, NULL, dyad_error_last());
		goto done;
	}
	rc = ingest_bytes(ing, path, bytes, len, false);
done:
	dyad_free(bytes);
	ing->input = prev;
	return rc;
}
