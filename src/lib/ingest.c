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
#include <time.h>

#define MAX_FILE_BYTES ((size_t)256 << 20)
#define CHUNK_DOCS 32   /* documents handed to a worker at once */

/* Records read, in reading order, on their way through a worker. */
typedef struct ingest_chunk {
	size_t      n;
	size_t      bytes;     /* input bytes of its items */
	ingest_item items[CHUNK_DOCS];
} ingest_chunk;

/* Input bytes with the workers at most (besides CHUNKS_PER_WORKER): the
 * queue is deep so that workers go on while the writer commits, but a
 * run of very long documents must not hold gigabytes. */
#define MAX_BYTES_IN_FLIGHT ((size_t)64 << 20)
/* Chunks queued per worker: enough to keep a worker busy through a
 * commit of a batch (measured: 16 left it idle, 2.76 s vs 2.45 s for
 * the 100,000-document benchmark). */
#define CHUNKS_PER_WORKER 64

struct dyad_ingest {
	dyad_store       *store;
	dyad_ingest_opts  opts;
	dyad_ingest_stats stats;
	dyad_diag        *diag;      /* ours: records rejections */
	const char       *input;     /* file or URL being read */
	size_t            pending;   /* documents in the open batch */
	int               depth;     /* directory recursion */
	ingest_worker    *workers;   /* [0]: the caller's thread; [1..threads]: the pool's */
	void            **worker_ctx;
	ingest_pool      *pool;
	ingest_chunk     *filling;   /* records read, not yet handed over */
	ingest_chunk     *spare;     /* a written chunk kept for reuse */
	size_t            bytes_in_flight; /* input bytes of the chunks in the pool */
	double            cpu_start; /* this thread's CPU clock when the run started */
	int               failed;    /* a failure met where it could not be returned (on_diag) */
	char              failed_msg[512];
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
static int handle_diag(dyad_ingest *ing, const char *input, dyad_severity sev, const char *line)
{
	bool skipped = sev == DYAD_DIAG_ERROR ||
	               (sev == DYAD_DIAG_WARNING && strstr(line, "skipped") != NULL);
	static const char *const sevs[] = { "error: ", "warning: ", "note: " };
	bool no_where = false;   /* "error: message": not "where: message" */
	for (int i = 0; i < 3; i++)
		no_where |= strncmp(line, sevs[i], strlen(sevs[i])) == 0;
	const char *sep = no_where ? NULL : strstr(line, ": ");
	char *where = NULL;   /* any length: a feed item's URL can be long */
	if (sep) {
		if (!(where = dyad_strndup(line, (size_t)(sep - line))))
			return DYAD_ENOMEM;
		line = sep + 2;
	}
	for (int i = 0; i < 3; i++)
		if (strncmp(line, sevs[i], strlen(sevs[i])) == 0)
			line += strlen(sevs[i]);
	int rc = 0;
	if (skipped)
		rc = reject(ing, input, where && where[0] ? where : NULL, line);
	else if (ing->opts.diag)
		dyad_diag_report(ing->opts.diag, sev, where && where[0] ? where : NULL, "%s", line);
	dyad_free(where);
	return rc;
}

static int queue_note(dyad_ingest *ing, dyad_severity sev, const char *line);

/* The readers' diagnostics wait behind the records read before them. */
static void on_diag(void *ctx, dyad_severity sev, const char *line)
{
	dyad_ingest *ing = ctx;
	int rc = ing->failed ? 0 : queue_note(ing, sev, line);
	if (rc) {   /* queueing may write the store: the run fails at the next call */
		ing->failed = rc;
		snprintf(ing->failed_msg, sizeof(ing->failed_msg), "%s", dyad_error_last());
	}
}

/* A failure on_diag met, returned now (its message set again). */
static int failure(const dyad_ingest *ing)
{
	return ing->failed ? dyad_error_set(ing->failed, "%s", ing->failed_msg) : 0;
}

/* A file, URL or feed item that could not be read, rejected in reading
 * order (after the records read before it, still with the workers). */
static int read_reject(dyad_ingest *ing, const char *record, const char *error)
{
	dyad_buf b = DYAD_BUF_INIT;
	int rc = dyad_buf_printf(&b, "%s%serror: %s", record ? record : "", record ? ": " : "", error)
	         ? DYAD_ENOMEM : queue_note(ing, DYAD_DIAG_ERROR, b.data);
	dyad_buf_release(&b);
	return rc;
}

static double thread_cpu_s(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void prepare_chunk(void *worker, void *job)
{
	ingest_worker *w = worker;
	ingest_chunk *c = job;
	double t0 = thread_cpu_s();
	for (size_t i = 0; i < c->n; i++)
		ingest_prepare(w, &c->items[i]);
	w->cpu_s += thread_cpu_s() - t0;
}

static void release_chunk(void *job)
{
	ingest_chunk *c = job;
	for (size_t i = 0; c && i < c->n; i++)
		ingest_item_release(&c->items[i]);
	dyad_free(c);
}

/* Per-thread scratch: one for the caller's thread, one per worker, each
 * with its own coder (opts.coder[i]). */
static int start_workers(dyad_ingest *ing)
{
	size_t n = ing->opts.threads + 1;
	if (!(ing->workers = dyad_calloc(n, sizeof(*ing->workers))) ||
	    !(ing->worker_ctx = dyad_calloc(n, sizeof(*ing->worker_ctx))))
		return DYAD_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		int rc = ingest_worker_init(&ing->workers[i], ing->opts.coder ? &ing->opts.coder[i] : NULL,
		                            ing->store);
		if (rc)
			return rc;
	}
	/* the content keys in memory now, so that workers can tell texts the
	 * store has (not coded again) from the first document on */
	int rc = ing->opts.threads && ing->opts.coder ? store_near_refresh(ing->store) : 0;
	/* with threads to spare, checkpoints too leave the writer's thread */
	if (!rc && ing->opts.threads)
		rc = store_ckpt_start(ing->store);
	if (rc)
		return rc;
	/* without threads the pool runs jobs on the caller's worker */
	for (size_t i = 0; i < n; i++)
		ing->worker_ctx[i] = &ing->workers[ing->opts.threads ? i + 1 : 0];
	return ingest_pool_new(&ing->pool, ing->opts.threads, CHUNKS_PER_WORKER * ing->opts.threads + 16,
	                       prepare_chunk, ing->worker_ctx);
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
	if (ing->opts.threads > DYAD_INGEST_MAX_THREADS)
		ing->opts.threads = DYAD_INGEST_MAX_THREADS;
	ing->cpu_start = thread_cpu_s();
	int rc = dyad_diag_new(&ing->diag, on_diag, ing, false);
	if (!rc)
		rc = start_workers(ing);
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
	ingest_pool_free(ing->pool, release_chunk);   /* joins the workers first */
	if (ing->opts.threads)
		store_ckpt_stop(ing->store);
	release_chunk(ing->filling);
	release_chunk(ing->spare);
	for (size_t i = 0; ing->workers && i <= ing->opts.threads; i++)
		ingest_worker_release(&ing->workers[i]);
	dyad_free(ing->workers);
	dyad_free(ing->worker_ctx);
	dyad_diag_free(ing->diag);
	dyad_free(ing);
}

const dyad_ingest_stats *dyad_ingest_stats_get(const dyad_ingest *ing)
{
	return &ing->stats;
}

/* ------------------------------------------------------------------ */
/* Writing a prepared document                                         */

static int write_mentions(dyad_ingest *ing, int64_t doc_id, const ingest_item *it,
                          const ingest_sentence *s, const char *text, size_t len)
{
	const dyad_ingest_coder *c = ing->opts.coder;   /* [0]: this thread's */
	for (uint32_t k = 0; k < s->n_events; k++) {
		const dyad_event *ev = &it->events.items[s->first_event + k];
		dyad_code_attrs at;
		memset(&at, 0, sizeof(at));
		if (c->attrs)
			c->attrs(c->ctx, ev->cameo, &at);
		int rc = dyad_store_add_mention(ing->store, doc_id, ev, text, len, &at,
		                                c->dict_version, NULL);
		if (rc)
			return rc;
		ing->stats.mentions++;
	}
	return 0;
}

/* The document's sentences and, when coding, their mentions (coded here
 * when the worker did not: the store knew the text then). */
static int write_sentences(dyad_ingest *ing, int64_t doc_id, ingest_item *it, bool code)
{
	int rc;
	if (code && !it->coded && (rc = ingest_code_item(&ing->workers[0], it)))
		return rc;
	size_t len;
	const char *text = dyad_doc_text(it->doc, &len);
	for (size_t i = 0; i < it->n_sents; i++) {
		const ingest_sentence *s = &it->sents[i];
		if ((rc = dyad_store_add_sentence(ing->store, doc_id, (uint32_t)i, s->start, s->end,
		                                  text + s->start, s->end - s->start, s->repeated)))
			return rc;
		ing->stats.sentences++;
		if (s->repeated)
			ing->stats.repeated_sentences++;
		else if (code && (rc = write_mentions(ing, doc_id, it, s, text, len)))
			return rc;
	}
	if (code)
		ing->stats.skipped_events += it->skipped_events;
	return 0;
}

/* A copy of a stored text: stored before without coding (--no-code)? code it now. */
static int write_copy(dyad_ingest *ing, int64_t id, ingest_item *it)
{
	bool coded = false;
	int rc = it->code ? dyad_store_is_coded(ing->store, id, &coded) : 0;
	if (rc || !it->code || coded)
		return rc;
	ing->stats.coded_later++;
	rc = write_sentences(ing, id, it, true);
	return rc ? rc : dyad_store_mark_coded(ing->store, id);
}

static int write_item(dyad_ingest *ing, ingest_item *it)
{
	int rc = it->rc;
	if (rc)   /* the message was set on the worker's thread */
		return dyad_error_set(rc, "%s", it->error ? it->error : "out of memory");
	for (size_t i = 0; !rc && i < it->n_notes; i++)
		rc = handle_diag(ing, it->input, it->notes[i].sev, it->notes[i].line);
	if (rc || it->no_record)
		return rc;
	ing->stats.read++;
	if (it->error)
		return reject(ing, it->input, ingest_item_where(it), it->error);
	size_t len;
	const char *text = dyad_doc_text(it->doc, &len);
	/* a new document is coded below, in this batch: stored as coded */
	dyad_store_doc d = { ingest_item_where(it), it->rec.title, it->rec.outlet, it->rec.url,
	                     it->rec.date, it->lang, text, len, it->code };
	int64_t id;
	dyad_doc_status st;
	if ((rc = ensure_batch(ing)) || (rc = store_add_document_keyed(ing->store, &d, &it->keys, &id, &st)))
		return rc;
	switch (st) {
	case DYAD_DOC_SEEN:
	case DYAD_DOC_DUPLICATE:
		if (st == DYAD_DOC_SEEN)
			ing->stats.seen++;
		else
			ing->stats.duplicate++;
		rc = write_copy(ing, id, it);
		return rc ? rc : maybe_commit(ing);
	case DYAD_DOC_NEAR_DUPLICATE: ing->stats.near_duplicate++; break;
	case DYAD_DOC_NEW: break;
	}
	ing->stats.added++;
	if (!it->english)
		ing->stats.non_english++;
	rc = write_sentences(ing, id, it, it->code);
	if (rc && it->code)   /* not coded after all: a later run codes it */
		store_set_coded(ing->store, id, false);
	return rc ? rc : maybe_commit(ing);
}

static int write_chunk(dyad_ingest *ing, ingest_chunk *c)
{
	int rc = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (!rc)
			rc = write_item(ing, &c->items[i]);
		ingest_item_release(&c->items[i]);
	}
	ing->bytes_in_flight -= c->bytes;
	c->n = 0;
	c->bytes = 0;
	if (ing->spare)
		dyad_free(c);
	else
		ing->spare = c;
	return rc;
}

/* Hand the records read so far to the workers, writing what they have
 * finished (waiting for the oldest only when the pool is full). */
static int hand_over(dyad_ingest *ing)
{
	ingest_chunk *c = ing->filling, *done;
	ing->filling = NULL;
	if (!c)
		return 0;
	int rc = 0;
	ingest_chunk *oldest;
	while (!rc && (ingest_pool_full(ing->pool) || ing->bytes_in_flight > MAX_BYTES_IN_FLIGHT) &&
	       (oldest = ingest_pool_pop(ing->pool, true)))
		rc = write_chunk(ing, oldest);
	if (rc) {
		release_chunk(c);
		return rc;
	}
	ing->bytes_in_flight += c->bytes;
	ingest_pool_push(ing->pool, c);
	while (!rc && (done = ingest_pool_pop(ing->pool, false)))
		rc = write_chunk(ing, done);
	return rc;
}

/* The next free item of the chunk being filled. */
static ingest_item *next_item(dyad_ingest *ing)
{
	if (!ing->filling) {
		ing->filling = ing->spare ? ing->spare : dyad_calloc(1, sizeof(*ing->filling));
		ing->spare = NULL;
		if (!ing->filling)
			return NULL;
	}
	ingest_item *it = &ing->filling->items[ing->filling->n];
	memset(it, 0, sizeof(*it));
	if (ing->input && !(it->input = dyad_strdup(ing->input)))
		return NULL;
	return it;
}

/* The item is filled: hand the chunk over when it is full. */
static int item_added(dyad_ingest *ing)
{
	return ++ing->filling->n < CHUNK_DOCS ? 0 : hand_over(ing);
}

/* A diagnostic of the reading side as an item of its own (no record), so
 * that the writer passes it on after those of the records read before. */
static int queue_note(dyad_ingest *ing, dyad_severity sev, const char *line)
{
	ingest_item *it = next_item(ing);
	if (!it)
		return DYAD_ENOMEM;
	it->no_record = true;
	if (!(it->notes = dyad_malloc(sizeof(*it->notes))) ||
	    !(it->notes[0].line = dyad_strdup(line))) {
		ingest_item_release(it);
		return DYAD_ENOMEM;
	}
	it->notes[0].sev = sev;
	it->n_notes = 1;
	return item_added(ing);
}

int dyad_ingest_record(dyad_ingest *ing, dyad_record *rec)
{
	if (ing->failed)
		return failure(ing);
	ingest_item *it = next_item(ing);
	if (!it)
		return DYAD_ENOMEM;
	it->rec = *rec;   /* the record's strings are the item's now */
	ing->filling->bytes += rec->text_len;
	memset(rec, 0, sizeof(*rec));
	return item_added(ing);
}

/* A JSON Lines record, parsed by the worker (parsing is a good share of
 * the reading cost, and the reading thread is also the writing thread). */
static int ingest_line(dyad_ingest *ing, const char *line, size_t len, size_t lineno)
{
	if (ing->failed)
		return failure(ing);
	ingest_item *it = next_item(ing);
	if (!it || !(it->line = dyad_strndup(line, len))) {
		if (it)
			ingest_item_release(it);
		return DYAD_ENOMEM;
	}
	it->line_len = len;
	ing->filling->bytes += len;
	it->lineno = lineno;
	return item_added(ing);
}

int dyad_ingest_finish(dyad_ingest *ing)
{
	int rc = ing->failed ? failure(ing) : hand_over(ing);
	ingest_chunk *c;
	while (!rc && (c = ingest_pool_pop(ing->pool, true)))
		rc = write_chunk(ing, c);
	if (rc)
		return rc;
	ing->pending = 0;
	rc = dyad_store_commit(ing->store);
	ing->stats.cpu_writer_s = thread_cpu_s() - ing->cpu_start;
	/* the workers are idle now: every job was popped */
	ing->stats.cpu_worker_s = 0;
	for (size_t i = ing->opts.threads ? 1 : 0; i <= ing->opts.threads; i++)
		if (ing->workers[i].cpu_s > ing->stats.cpu_worker_s)
			ing->stats.cpu_worker_s = ing->workers[i].cpu_s;
	return rc;
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
		return read_reject(ing, rec->url, dyad_error_last());
	}
	dyad_record page;
	rc = dyad_html_extract(&page, rec->url, body, len);
	dyad_free(body);
	if (rc) {
		ing->stats.read++;
		return read_reject(ing, rec->url, dyad_error_last());
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
		return read_reject(ing, NULL, dyad_error_last());
	}
	if (dyad_reader_format(r) == DYAD_INPUT_JSONL) {
		const char *line;
		size_t n, lineno;
		while ((rc = dyad_reader_next_line(r, &line, &n, &lineno)) == 1)
			if ((rc = ingest_line(ing, line, n, lineno)))
				break;
		dyad_reader_free(r);
		return rc < 0 ? rc : 0;
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
			return read_reject(ing, NULL, dyad_error_last());
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
		return read_reject(ing, NULL, dyad_error_last());
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
		return read_reject(ing, NULL, "directory nesting deeper than 32: not followed");
	DIR *d = opendir(path);
	if (!d)
		return read_reject(ing, NULL, strerror(errno));
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
			rc = read_reject(ing, NULL, dyad_error_last());
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
		rc = read_reject(ing, NULL, dyad_error_last());
		goto done;
	}
	rc = ingest_bytes(ing, path, bytes, len, false);
done:
	dyad_free(bytes);
	ing->input = prev;
	return rc ? rc : failure(ing);
}
