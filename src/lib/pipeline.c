/*
 * pipeline.c - record -> document -> sentences -> tokens -> coder ->
 * events, the loop shared by `dyad code`, `dyad validate` and `dyad
 * ingest`.
 */
#include "dyad/pipeline.h"
#include "text_internal.h"
#include "dyad/coder.h"
#include "dyad/text.h"
#include "dyad/when.h"
#include "util/alloc.h"
#include "util/error.h"

#include "dyad/dates.h"

#include <string.h>

struct dyad_pipeline {
	const dyad_lexicon *lex;
	dyad_diag   *diag;
	dyad_coder  *coder;
	dyad_tokens *toks;
	dyad_doc    *doc;
	dyad_when_ctx *when;    /* borrowed; NULL: no when stage */
	uint32_t     flags;
	dyad_pipeline_stats st;
};

int dyad_pipeline_new(dyad_pipeline **out, const dyad_lexicon *lex, dyad_diag *diag)
{
	*out = NULL;
	dyad_pipeline *p = dyad_calloc(1, sizeof *p);
	if (!p)
		return DYAD_ENOMEM;
	p->lex = lex;
	p->diag = diag;
	int rc = dyad_coder_new(&p->coder, lex);
	if (!rc)
		rc = dyad_tokens_new(&p->toks);
	if (rc) {
		dyad_pipeline_free(p);
		return rc;
	}
	*out = p;
	return 0;
}

void dyad_pipeline_free(dyad_pipeline *p)
{
	if (!p)
		return;
	dyad_coder_free(p->coder);
	dyad_tokens_free(p->toks);
	dyad_doc_free(p->doc);
	dyad_free(p);
}

void dyad_pipeline_set_when(dyad_pipeline *p, dyad_when_ctx *when)
{
	p->when = when;
	/* the coder reads cities of the gazetteer as places attacked */
	dyad_coder_set_gazetteer(p->coder, when ? dyad_when_gazetteer(when) : NULL);
}

void dyad_pipeline_set_flags(dyad_pipeline *p, uint32_t flags)
{
	p->flags = flags;
}

const char *dyad_pipeline_text(const dyad_pipeline *p, size_t *len)
{
	if (!p->doc) {
		if (len)
			*len = 0;
		return "";
	}
	return dyad_doc_text(p->doc, len);
}

const dyad_pipeline_stats *dyad_pipeline_stats_get(const dyad_pipeline *p)
{
	return &p->st;
}

static const char *rec_name(const dyad_record *rec)
{
	return rec->origin ? rec->origin : rec->id ? rec->id : "record";
}

static int code_span(dyad_pipeline *p, const dyad_record *rec, const char *text,
                     dyad_span sp, uint32_t index, dyad_events *out)
{
	int rc = dyad_tokenize(p->toks, text + sp.start, sp.end - sp.start, sp.start);
	if (rc)
		return rc;
	size_t n = dyad_tokens_count(p->toks);
	if (n > DYAD_PIPELINE_MAX_TOKENS) {
		p->st.overlong++;
		rc = dyad_diag_report(p->diag, DYAD_DIAG_WARNING, rec_name(rec),
		                      "sentence %u has %zu tokens: coded on its first %d",
		                      index, n, DYAD_PIPELINE_MAX_TOKENS);
		if (rc)
			return rc;
		n = DYAD_PIPELINE_MAX_TOKENS;
	}
	p->st.sentences++;
	size_t before = out->count;
	rc = dyad_coder_code_sentence(p->coder, text, dyad_tokens_array(p->toks), n, index, out);
	if (rc < 0)
		return rc;
	bool cx, dc;
	dyad_coder_last_flags(p->coder, &cx, &dc, NULL);
	p->st.complex += cx;
	p->st.discarded += dc;
	/* The when stage reads the same tokens; only sentences with events
	 * pay for it. */
	if (p->when && out->count > before) {
		int wrc = dyad_when_annotate(p->when, text, dyad_tokens_array(p->toks), n,
		                             out->items + before, out->count - before);
		if (wrc < 0)
			return wrc;
	}
	return rc;
}

/*
 * A record without a date (plain text): the date of its dateline
 * ("ALGIERS, Aug. 2, 2023 (Reuters) -", a date stamp line) among its
 * first sentences, read against today, else today. Dated roles (who was
 * defence minister) need some date; the caller says which was used.
 */
static int undated_record(dyad_pipeline *p, dyad_date *date, bool *from_text)
{
	dyad_date today = dyad_date_today();
	dyad_date none = { 0, 0, 0 };
	*date = (p->flags & DYAD_PIPE_UNDATED_TODAY) ? today : none;
	*from_text = false;
	size_t ns, len;
	const dyad_sentence *s = dyad_doc_sentences(p->doc, &ns);
	const char *text = dyad_doc_text(p->doc, &len);
	for (size_t i = 0; s && i < ns && i < 4; i++) {
		if (!(s[i].flags & DYAD_SENT_DATELINE))
			continue;
		int rc = dyad_tokenize(p->toks, text + s[i].span.start,
		                       s[i].span.end - s[i].span.start, s[i].span.start);
		if (rc)
			return rc;
		dyad_date_expr ex;
		int k = dyad_dates_find(dyad_tokens_array(p->toks), dyad_tokens_count(p->toks),
		                        today, &ex, 1);
		if (k < 0)
			return k;
		if (k > 0 && ex.date.year && ex.date.month) {
			*date = ex.date;
			if (!date->day)
				date->day = 1;
			*from_text = true;
			return 0;
		}
	}
	return 0;
}

int dyad_pipeline_code_record(dyad_pipeline *p, const dyad_record *rec, dyad_events *out)
{
	p->st.records++;
	/* one document per record, its buffers reused from record to record */
	int rc = text_doc_reload(&p->doc, rec_name(rec), rec->text ? rec->text : "",
	                         rec->text ? rec->text_len : 0, p->diag);
	if (rc)
		return rc;
	dyad_date date = rec->date;
	if (!date.year) {
		p->st.undated++;
		bool from_text = false;
		if ((rc = undated_record(p, &date, &from_text)) < 0)
			return rc;
		if (date.year)
			rc = dyad_diag_report(p->diag, DYAD_DIAG_WARNING, rec_name(rec),
			                      "record has no date: coded as of %04d-%02d-%02d, %s",
			                      date.year, date.month, date.day,
			                      from_text ? "the date of its dateline"
			                                : "today (no dateline date): dated roles may be wrong");
		else
			rc = dyad_diag_report(p->diag, DYAD_DIAG_WARNING, rec_name(rec),
			                      "record has no date: coded with undated actor codes");
		if (rc)
			return rc;
	}
	if (!(p->flags & DYAD_PIPE_SAME_DOCUMENT)) {
		dyad_coder_begin_document(p->coder, date);
		if (p->when && (rc = dyad_when_set_document(p->when, date,
		                                            dyad_date_today(), NULL, 0)) != 0)
			return rc;
	}
	size_t len;
	const char *text = dyad_doc_text(p->doc, &len);
	size_t before = out->count;
	if (p->flags & DYAD_PIPE_ONE_SENTENCE) {
		dyad_span sp = { 0, (uint32_t)len };
		rc = code_span(p, rec, text, sp, 0, out);
	} else {
		size_t ns;
		const dyad_sentence *s = dyad_doc_sentences(p->doc, &ns);
		if (!s && len)
			return DYAD_ENOMEM;
		for (size_t i = 0; i < ns && rc >= 0; i++)
			rc = code_span(p, rec, text, s[i].span, (uint32_t)i, out);
	}
	if (rc < 0)
		return rc;
	/* the document date is the event date until the dates stage runs */
	for (size_t i = before; i < out->count; i++)
		if (!out->items[i].date.year)
			out->items[i].date = date;
	p->st.events += out->count - before;
	return (int)(out->count - before);
}

dyad_span dyad_pipeline_sentence(dyad_pipeline *p, uint32_t index)
{
	dyad_span none = { 0, 0 };
	if (!p->doc)
		return none;
	size_t len;
	dyad_doc_text(p->doc, &len);
	if (p->flags & DYAD_PIPE_ONE_SENTENCE)
		return index == 0 ? (dyad_span){ 0, (uint32_t)len } : none;
	size_t n;
	const dyad_sentence *s = dyad_doc_sentences(p->doc, &n);
	return (s && index < n) ? s[index].span : none;
}
