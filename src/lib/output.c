/*
 * output.c - the event writer: formats, the TSV line, and the helpers
 * the JSON writers share (codebook facts, span texts, JSON strings that
 * stay valid whatever bytes they are given).
 */
#include "output_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <utf8proc.h>

static const char *const format_names[] = { "tsv", "jsonl", "plover" };

const char *dyad_output_format_name(dyad_output_format fmt)
{
	return (unsigned)fmt < 3 ? format_names[fmt] : "unknown";
}

int dyad_output_format_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int i = 0; i < 3; i++)
		if (strcmp(name, format_names[i]) == 0)
			return i;
	if (strcmp(name, "json") == 0)
		return DYAD_OUTPUT_JSONL;
	return -1;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

size_t dyad_out_strlen(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

void dyad_out_facts(const dyad_event *ev, dyad_code_facts *f)
{
	size_t n = dyad_out_strlen(ev->cameo, sizeof(ev->cameo));
	f->info = dyad_cameo_lookup_n(ev->cameo, n);
	f->root[0] = '\0';
	f->quad = -1;
	if (f->info) {
		memcpy(f->root, f->info->root, 3);
		f->quad = f->info->quad;
	} else if (n >= 2 && ev->cameo[0] >= '0' && ev->cameo[0] <= '9' &&
	           ev->cameo[1] >= '0' && ev->cameo[1] <= '9') {
		f->root[0] = ev->cameo[0];
		f->root[1] = ev->cameo[1];
		f->root[2] = '\0';
		f->quad = dyad_cameo_root_quad(f->root);
	}
}

bool dyad_out_span(const dyad_event_ctx *ctx, dyad_span sp, const char **s, size_t *n)
{
	*s = "";
	*n = 0;
	if (!ctx->doc_text || sp.start >= sp.end || sp.end > ctx->doc_len)
		return false;
	*s = ctx->doc_text + sp.start;
	*n = sp.end - sp.start;
	return true;
}

void dyad_out_sentence(const dyad_event_ctx *ctx, const char **s, size_t *n)
{
	if (ctx->sentence_text) {
		*s = ctx->sentence_text;
		*n = ctx->sentence_len;
		return;
	}
	dyad_out_span(ctx, ctx->sentence_span, s, n);
}

/* NUL bytes and invalid UTF-8 become U+FFFD: the line stays valid JSON. */
int dyad_out_json_str(dyad_buf *b, const char *s, size_t n)
{
	static const char replacement[] = "\xef\xbf\xbd";
	const uint8_t *u = (const uint8_t *)s;
	int rc = dyad_buf_putc(b, '"');
	size_t i = 0;
	while (rc == 0 && i < n) {
		size_t run = i;
		while (run < n && u[run] < 0x80 && u[run])
			run++;
		if (run > i) {
			rc = dyad_buf_json_str(b, s + i, run - i);
			i = run;
			continue;
		}
		if (u[i] == 0) {   /* valid JSON as \u0000, but many readers refuse it */
			rc = dyad_buf_append(b, replacement, 3);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k > 0) {
			rc = dyad_buf_append(b, s + i, (size_t)k);
			i += (size_t)k;
		} else {
			rc = dyad_buf_append(b, replacement, 3);
			i++;
		}
	}
	return rc ? rc : dyad_buf_putc(b, '"');
}

int dyad_out_json_opt(dyad_buf *b, const char *s, size_t n)
{
	return n ? dyad_out_json_str(b, s, n) : dyad_buf_puts(b, "null");
}

int dyad_out_json_date(dyad_buf *b, dyad_date d)
{
	char tmp[16];
	dyad_date_format(tmp, sizeof(tmp), d);
	return dyad_out_json_opt(b, tmp, strlen(tmp));
}

int dyad_out_json_num(dyad_buf *b, const char *fmt, double v)
{
	if (!isfinite(v))
		return dyad_buf_puts(b, "null");
	return dyad_buf_printf(b, fmt, v);
}

/* ------------------------------------------------------------------ */
/* TSV                                                                 */

static const char tsv_header[] =
	"doc\tsentence\tdate\tsource\ttarget\tcameo\troot\tquad\tgoldstein\tplover\t"
	"source_text\ttarget_text\tverb_text\tpattern\tlabel\tdate_end\tdate_precision\t"
	"date_text\tpub_date\tplace.name\tplace.country\tplace.lat\tplace.lon\t"
	"place.resolution\tquantities\tmodality\tsymmetric\ttext";

const char *dyad_output_tsv_header(void)
{
	return tsv_header;
}

/* A field: control characters (tabs, line breaks) become spaces. */
static int tsv_text(dyad_buf *b, const char *s, size_t n)
{
	int rc = dyad_buf_grow(b, n + 1);
	for (size_t i = 0; i < n && rc == 0; i++) {
		unsigned char c = (unsigned char)s[i];
		rc = dyad_buf_putc(b, c < 0x20 || c == 0x7f ? ' ' : (char)c);
	}
	return rc ? rc : dyad_buf_putc(b, '\t');
}

static int tsv_str(dyad_buf *b, const char *s)
{
	return tsv_text(b, s ? s : "", s ? strlen(s) : 0);
}

static int tsv_span(dyad_buf *b, const dyad_event_ctx *ctx, dyad_span sp)
{
	const char *s;
	size_t n;
	dyad_out_span(ctx, sp, &s, &n);
	return tsv_text(b, s, n);
}

static int tsv_date(dyad_buf *b, dyad_date d)
{
	char tmp[16];
	dyad_date_format(tmp, sizeof(tmp), d);
	return tsv_str(b, tmp);
}

static int tsv_num(dyad_buf *b, const char *fmt, double v)
{
	char tmp[64] = "";
	if (isfinite(v))
		snprintf(tmp, sizeof(tmp), fmt, v);
	return tsv_str(b, tmp);
}

/* "kind:value:unit" items joined by ';'. */
static int tsv_quantities(dyad_buf *b, const dyad_event *ev)
{
	int rc = 0;
	unsigned n = ev->n_quantities <= DYAD_QTY_MAX ? ev->n_quantities : DYAD_QTY_MAX;
	for (unsigned i = 0; i < n && rc == 0; i++) {
		const dyad_quantity *q = &ev->quantities[i];
		char tmp[160];
		snprintf(tmp, sizeof(tmp), "%s%s:%.15g:%.*s", i ? ";" : "",
		         dyad_quantity_kind_name((dyad_quantity_kind)q->kind),
		         isfinite(q->value) ? q->value : 0.0,
		         (int)dyad_out_strlen(q->unit, sizeof(q->unit)), q->unit);
		for (char *p = tmp; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = ' ';
		rc = dyad_buf_puts(b, tmp);
	}
	return rc ? rc : dyad_buf_putc(b, '\t');
}

static int tsv_codes(dyad_buf *b, const dyad_event *ev, const dyad_code_facts *f)
{
	int rc = tsv_text(b, ev->source, dyad_out_strlen(ev->source, DYAD_CODE_MAX));
	if (!rc)
		rc = tsv_text(b, ev->target, dyad_out_strlen(ev->target, DYAD_CODE_MAX));
	if (!rc)
		rc = tsv_text(b, ev->cameo, dyad_out_strlen(ev->cameo, DYAD_CAMEO_MAX));
	if (!rc)
		rc = tsv_str(b, f->root);
	if (!rc)
		rc = f->quad >= 0 ? dyad_buf_printf(b, "%d\t", f->quad) : tsv_str(b, "");
	if (!rc)
		rc = tsv_num(b, "%.1f", f->info ? f->info->goldstein : NAN);
	if (!rc)
		rc = tsv_str(b, f->info ? f->info->plover : "");
	return rc;
}

static int tsv_place(dyad_buf *b, const dyad_event *ev)
{
	int rc = tsv_text(b, ev->place_name, dyad_out_strlen(ev->place_name, DYAD_PLACE_MAX));
	if (!rc)
		rc = tsv_text(b, ev->place_country, dyad_out_strlen(ev->place_country, 4));
	if (!rc)
		rc = tsv_num(b, "%.5f", ev->lat);
	if (!rc)
		rc = tsv_num(b, "%.5f", ev->lon);
	if (!rc)
		rc = tsv_str(b, ev->place_resolution
		                    ? dyad_resolution_name((dyad_place_resolution)ev->place_resolution)
		                    : "");
	return rc;
}

static int event_tsv(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx)
{
	dyad_code_facts f;
	dyad_out_facts(ev, &f);
	const char *s;
	size_t n;
	int rc = tsv_str(b, ctx->doc_id);
	if (!rc)
		rc = dyad_buf_printf(b, "%u\t", (unsigned)ev->sentence);
	if (!rc)
		rc = tsv_date(b, ev->date);
	if (!rc)
		rc = tsv_codes(b, ev, &f);
	if (!rc)
		rc = tsv_span(b, ctx, ev->source_span);
	if (!rc)
		rc = tsv_span(b, ctx, ev->target_span);
	if (!rc)
		rc = tsv_span(b, ctx, ev->verb_span);
	if (!rc)
		rc = tsv_str(b, ev->pattern);
	if (!rc)
		rc = tsv_str(b, f.info ? f.info->label : "");
	if (!rc)
		rc = tsv_date(b, ev->date_end);
	if (!rc)
		rc = tsv_str(b, dyad_precision_name((dyad_date_precision)ev->date_precision));
	if (!rc)
		rc = tsv_span(b, ctx, ev->date_span);
	if (!rc)
		rc = tsv_date(b, ctx->pub_date);
	if (!rc)
		rc = tsv_place(b, ev);
	if (!rc)
		rc = tsv_quantities(b, ev);
	if (!rc)
		rc = tsv_str(b, dyad_modality_name((dyad_modality)ev->modality));
	if (!rc)
		rc = tsv_str(b, ev->flags & DYAD_EVF_SYMMETRIC ? "1" : "0");
	if (!rc) {
		dyad_out_sentence(ctx, &s, &n);
		rc = tsv_text(b, s, n);
	}
	if (!rc)
		b->data[--b->len] = '\0';   /* no tab after the last column */
	return rc;
}

/* ------------------------------------------------------------------ */
/* The writer                                                          */

struct dyad_writer {
	FILE              *fp;
	dyad_output_format fmt;
	dyad_buf           line;
	char              *last_doc;     /* for generated PLOVER ids */
	uint32_t           last_sentence;
	unsigned           k;
	char               id[512];
};

int dyad_writer_new(dyad_writer **out, FILE *fp, dyad_output_format fmt)
{
	*out = NULL;
	if ((unsigned)fmt > DYAD_OUTPUT_PLOVER)
		return dyad_error_set(DYAD_EINVAL, "unknown output format %d", (int)fmt);
	dyad_writer *w = dyad_calloc(1, sizeof(*w));
	if (!w)
		return DYAD_ENOMEM;
	w->fp = fp;
	w->fmt = fmt;
	*out = w;
	return 0;
}

void dyad_writer_free(dyad_writer *w)
{
	if (!w)
		return;
	dyad_buf_release(&w->line);
	dyad_free(w->last_doc);
	dyad_free(w);
}

static int emit(dyad_writer *w)
{
	if (!w->fp)
		return 0;
	if (fwrite(w->line.data, 1, w->line.len, w->fp) != w->line.len || putc('\n', w->fp) == EOF)
		return dyad_error_set(DYAD_EIO, "writing events: %s", strerror(errno));
	return 0;
}

int dyad_writer_header(dyad_writer *w)
{
	dyad_buf_clear(&w->line);
	if (w->fmt != DYAD_OUTPUT_TSV)
		return 0;
	int rc = dyad_buf_puts(&w->line, tsv_header);
	return rc ? rc : emit(w);
}

/* "doc-sentence-k": k counts the events of one sentence in a row. */
static int plover_id(dyad_writer *w, const dyad_event *ev, const dyad_event_ctx *ctx,
                     const char **id)
{
	if (ctx->event_id) {
		*id = ctx->event_id;
		return 0;
	}
	const char *doc = ctx->doc_id ? ctx->doc_id : "";
	if (w->last_doc && strcmp(w->last_doc, doc) == 0 && w->last_sentence == ev->sentence) {
		w->k++;
	} else {
		dyad_free(w->last_doc);
		if (!(w->last_doc = dyad_strdup(doc)))
			return DYAD_ENOMEM;
		w->last_sentence = ev->sentence;
		w->k = 0;
	}
	snprintf(w->id, sizeof(w->id), "%s-%u-%u", doc, (unsigned)ev->sentence, w->k);
	*id = w->id;
	return 0;
}

int dyad_writer_event(dyad_writer *w, const dyad_event *ev, const dyad_event_ctx *ctx)
{
	if (!w || !ev || !ctx)
		return dyad_error_set(DYAD_EINVAL, "dyad_writer_event: NULL argument");
	dyad_buf_clear(&w->line);
	int rc;
	const char *id;
	switch (w->fmt) {
	case DYAD_OUTPUT_TSV:
		rc = event_tsv(&w->line, ev, ctx);
		break;
	case DYAD_OUTPUT_JSONL:
		rc = dyad_out_event_json(&w->line, ev, ctx);
		break;
	default:
		rc = plover_id(w, ev, ctx, &id);
		if (!rc)
			rc = dyad_out_event_plover(&w->line, ev, ctx, id);
		break;
	}
	if (rc) {
		dyad_buf_clear(&w->line);
		return rc < 0 ? rc : 1;
	}
	return emit(w);
}

const char *dyad_writer_last(const dyad_writer *w, size_t *len_out)
{
	if (len_out)
		*len_out = w->line.len;
	return w->line.data ? w->line.data : "";
}
