/*
 * ingest_prepare.c - the half of ingest that needs no store: a record
 * becomes a decoded document with metadata, language, dedup keys,
 * sentences and coded events. Runs on worker threads (ingest_pool.c),
 * one ingest_worker each; ingest.c writes the results in reading order.
 */
#include "ingest_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

/* Diagnostics of a worker are kept with their item: the writer passes
 * them on in reading order, on its own thread. */
static void keep_note(void *ctx, dyad_severity sev, const char *line)
{
	ingest_worker *w = ctx;
	ingest_item *it = w->item;
	ingest_note *p = dyad_reallocarray(it->notes, it->n_notes + 1, sizeof(*p));
	char *copy = p ? dyad_strdup(line) : NULL;
	if (p)
		it->notes = p;
	if (!copy) {
		it->rc = DYAD_ENOMEM;
		return;
	}
	p[it->n_notes++] = (ingest_note){ sev, copy };
}

int ingest_worker_init(ingest_worker *w, const dyad_ingest_coder *coder, dyad_store *store)
{
	memset(w, 0, sizeof(*w));
	w->coder = coder;
	w->store = store;
	int rc = dyad_diag_new(&w->diag, keep_note, w, false);
	return rc ? rc : dyad_tokens_new(&w->toks);
}

void ingest_worker_release(ingest_worker *w)
{
	dyad_diag_free(w->diag);
	dyad_tokens_free(w->toks);
	dyad_free(w->seen);
	memset(w, 0, sizeof(*w));
}

const char *ingest_item_where(const ingest_item *it)
{
	return it->rec.origin ? it->rec.origin : (it->rec.id ? it->rec.id : it->input);
}

void ingest_item_release(ingest_item *it)
{
	dyad_record_clear(&it->rec);
	dyad_free(it->input);
	dyad_free(it->line);
	for (size_t i = 0; i < it->n_notes; i++)
		dyad_free(it->notes[i].line);
	dyad_free(it->notes);
	dyad_free(it->error);
	dyad_doc_free(it->doc);
	dyad_free(it->sents);
	dyad_events_release(&it->events);
	memset(it, 0, sizeof(*it));
}

static void set_error(ingest_item *it, const char *msg)
{
	it->error = dyad_strdup(msg);
	if (!it->error)
		it->rc = DYAD_ENOMEM;
}

/* An empty table of sentence hashes for a document of n sentences. */
static int reset_seen(ingest_worker *w, size_t n_sent)
{
	size_t cap = 64;
	while (cap < 2 * n_sent)
		cap *= 2;
	if (cap > w->seen_cap) {
		uint64_t *p = dyad_reallocarray(w->seen, cap, sizeof(*p));
		if (!p)
			return DYAD_ENOMEM;
		w->seen = p;
		w->seen_cap = cap;
	}
	w->seen_size = cap;
	memset(w->seen, 0, cap * sizeof(*w->seen));
	return 0;
}

/* Whether a sentence's normalized text was already seen in this document
 * (a repeated paragraph is stored but coded once). */
static bool seen_before(ingest_worker *w, uint64_t h)
{
	size_t mask = w->seen_size - 1;
	h |= 1;   /* 0 marks an empty slot */
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		if (w->seen[i] == h)
			return true;
		if (w->seen[i] == 0) {
			w->seen[i] = h;
			return false;
		}
	}
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

/* Sentences with their repeated marks. */
static int split(ingest_worker *w, ingest_item *it)
{
	size_t n, len;
	const char *text = dyad_doc_text(it->doc, &len);
	const dyad_sentence *s = dyad_doc_sentences(it->doc, &n);
	if (!s && n == 0 && len)
		return DYAD_ENOMEM;
	if (n && !(it->sents = dyad_calloc(n, sizeof(*it->sents))))
		return DYAD_ENOMEM;
	it->n_sents = n;
	int rc = reset_seen(w, n);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		const char *st = text + s[i].span.start;
		size_t sl = s[i].span.end - s[i].span.start;
		it->sents[i] = (ingest_sentence){ s[i].span.start, s[i].span.end,
		                                  seen_before(w, store_norm_hash64(st, sl)), 0, 0 };
	}
	return 0;
}

/* A code given both ways in one sentence (A-B and B-A: "Algeria and
 * Russia signed ...") reports one symmetric event: both halves are stored
 * as mentions of the same, unordered event. */
static void mark_symmetric(dyad_event *evs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			dyad_event *a = &evs[i], *b = &evs[j];
			if (strcmp(a->cameo, b->cameo) == 0 && strcmp(a->source, b->target) == 0 &&
			    strcmp(a->target, b->source) == 0) {
				a->flags |= DYAD_EVF_SYMMETRIC;
				b->flags |= DYAD_EVF_SYMMETRIC;
			}
		}
}

/* Events without a source actor or a code have nothing to be stored under. */
static void drop_unstorable(ingest_item *it, size_t from)
{
	size_t k = from;
	for (size_t i = from; i < it->events.count; i++) {
		const dyad_event *ev = &it->events.items[i];
		if (!ev->source[0] || !ev->cameo[0]) {
			it->skipped_events++;
			continue;
		}
		if (k != i)
			it->events.items[k] = *ev;
		k++;
	}
	it->events.count = k;
}

static int code_one(ingest_worker *w, ingest_item *it, const char *text, ingest_sentence *s,
                    uint32_t idx)
{
	const dyad_ingest_coder *c = w->coder;
	size_t from = it->events.count;
	int rc = dyad_tokenize(w->toks, text + s->start, s->end - s->start, s->start);
	if (rc)
		return rc;
	const dyad_token *toks = dyad_tokens_array(w->toks);
	size_t n_toks = dyad_tokens_count(w->toks);
	if ((rc = c->code(c->ctx, text, toks, n_toks, idx, &it->events)) < 0)
		return rc;
	size_t n = it->events.count - from;
	if (c->annotate && n &&
	    (rc = c->annotate(c->ctx, text, toks, n_toks, it->events.items + from, n)) < 0)
		return rc;
	mark_symmetric(it->events.items + from, n);
	drop_unstorable(it, from);
	s->first_event = (uint32_t)from;
	s->n_events = (uint32_t)(it->events.count - from);
	return 0;
}

int ingest_code_item(ingest_worker *w, ingest_item *it)
{
	size_t len;
	const char *text = dyad_doc_text(it->doc, &len);
	dyad_events_clear(&it->events);
	it->skipped_events = 0;
	w->coder->begin(w->coder->ctx, it->rec.date);
	for (size_t i = 0; i < it->n_sents; i++) {
		ingest_sentence *s = &it->sents[i];
		s->first_event = s->n_events = 0;
		int rc = s->repeated ? 0 : code_one(w, it, text, s, (uint32_t)i);
		if (rc)
			return rc;
	}
	it->coded = true;
	return 0;
}

/* Decoded text, metadata from it, language and keys; false: rejected. */
static bool decode(ingest_item *it)
{
	dyad_record *rec = &it->rec;
	if (!rec->text || rec->text_len == 0) {
		set_error(it, "empty document: no text");
		return false;
	}
	if (dyad_doc_from_bytes(&it->doc, ingest_item_where(it), rec->text, rec->text_len, NULL)) {
		set_error(it, dyad_error_last());
		return false;
	}
	if (dyad_doc_stats(it->doc)->binary) {
		set_error(it, "binary data, not text: document skipped");
		return false;
	}
	size_t len;
	const char *text = dyad_doc_text(it->doc, &len);
	char agency[48] = "";
	dyad_date found;
	if (dyad_dateline_find(text, len, &found, agency, sizeof(agency)) && rec->date.year == 0)
		rec->date = found;
	if (!rec->outlet && agency[0])
		rec->outlet = dyad_strdup(agency);
	if (!rec->title)
		guess_title(rec, text, len);
	it->lang = dyad_language_detect(text, len);
	store_keys_compute(&it->keys, text, len);
	return true;
}

/* The record of a JSON Lines line; false: none (skipped, or no memory). */
static bool parse(ingest_worker *w, ingest_item *it)
{
	w->item = it;
	int rc = dyad_record_from_jsonl(&it->rec, it->input, it->lineno, it->line, it->line_len, w->diag);
	w->item = NULL;
	if (rc < 0)
		it->rc = rc;
	it->no_record = rc == 0;
	return rc == 1 && !it->rc;
}

static void prepare(ingest_worker *w, ingest_item *it)
{
	if (it->no_record)   /* a diagnostic of the reading side, passed on as it is */
		return;
	if (it->line && !parse(w, it))
		return;
	if (!decode(it))
		return;
	it->english = strcmp(it->lang, "en") == 0 || strcmp(it->lang, "und") == 0;
	it->code = w->coder && it->english;
	if ((it->rc = split(w, it)))
		return;
	/* A text the store already has is not coded again unless the store
	 * says so at write time (then ingest.c codes it): re-ingesting a
	 * folder costs reading, not coding. */
	if (it->code && !store_doc_known(w->store, it->keys.hash))
		it->rc = ingest_code_item(w, it);
}

void ingest_prepare(ingest_worker *w, ingest_item *it)
{
	dyad_error_clear();
	prepare(w, it);
	/* The last error is per thread: the writer reports this one. */
	if (it->rc && !it->error) {
		const char *msg = dyad_error_last();
		it->error = dyad_strdup(msg[0] ? msg : it->rc == DYAD_ENOMEM ? "out of memory" : "ingest failed");
	}
}
