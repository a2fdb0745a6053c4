/*
 * output_json.c - events as JSON Lines: dyad's own object (the field
 * names of include/dyad/event.h) and a PLOVER-style object (field names
 * of the PLOVER manual's data chapter, as POLECAT uses them: event_type,
 * mode, context, actor/recipient entity lists, event_loc, text_info,
 * cite_info), for `dyad events --format plover`.
 */
#include "output_internal.h"

#include <math.h>
#include <string.h>

/* Appends `"key":` (keys are ASCII literals: no escaping needed). */
static int key(dyad_buf *b, const char *k, bool first)
{
	return dyad_buf_printf(b, "%s\"%s\":", first ? "" : ",", k);
}

static int kspan(dyad_buf *b, const char *k, const dyad_event_ctx *ctx, dyad_span sp)
{
	const char *s;
	size_t n;
	dyad_out_span(ctx, sp, &s, &n);
	int rc = key(b, k, false);
	return rc ? rc : dyad_out_json_opt(b, s, n);
}

static int kstr(dyad_buf *b, const char *k, const char *s, size_t max)
{
	int rc = key(b, k, false);
	return rc ? rc : dyad_out_json_opt(b, s ? s : "", s ? dyad_out_strlen(s, max) : 0);
}

static int kdate(dyad_buf *b, const char *k, dyad_date d)
{
	int rc = key(b, k, false);
	return rc ? rc : dyad_out_json_date(b, d);
}

static bool has_place(const dyad_event *ev)
{
	return ev->place_name[0] || ev->place_country[0] || ev->place_resolution;
}

static int place_json(dyad_buf *b, const dyad_event *ev)
{
	if (!has_place(ev))
		return dyad_buf_puts(b, "null");
	int rc = dyad_buf_putc(b, '{');
	if (!rc)
		rc = key(b, "name", true);
	if (!rc)
		rc = dyad_out_json_opt(b, ev->place_name, dyad_out_strlen(ev->place_name, DYAD_PLACE_MAX));
	if (!rc)
		rc = kstr(b, "country", ev->place_country, 4);
	if (!rc && !(rc = key(b, "lat", false)))
		rc = dyad_out_json_num(b, "%.5f", ev->lat);
	if (!rc && !(rc = key(b, "lon", false)))
		rc = dyad_out_json_num(b, "%.5f", ev->lon);
	if (!rc)
		rc = kstr(b, "resolution",
		          dyad_resolution_name((dyad_place_resolution)ev->place_resolution), 16);
	return rc ? rc : dyad_buf_putc(b, '}');
}

static int quantities_json(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx)
{
	unsigned n = ev->n_quantities <= DYAD_QTY_MAX ? ev->n_quantities : DYAD_QTY_MAX;
	int rc = dyad_buf_putc(b, '[');
	for (unsigned i = 0; i < n && rc == 0; i++) {
		const dyad_quantity *q = &ev->quantities[i];
		const char *kind = dyad_quantity_kind_name((dyad_quantity_kind)q->kind);
		rc = dyad_buf_printf(b, "%s{\"kind\":", i ? "," : "");
		if (!rc)
			rc = dyad_out_json_opt(b, kind, strlen(kind));
		if (!rc && !(rc = key(b, "value", false)))
			rc = dyad_out_json_num(b, "%.15g", q->value);
		if (!rc)
			rc = kstr(b, "unit", q->unit, sizeof(q->unit));
		if (!rc)
			rc = kspan(b, "text", ctx, q->span);
		if (!rc)
			rc = dyad_buf_putc(b, '}');
	}
	return rc ? rc : dyad_buf_putc(b, ']');
}

static int codes_json(dyad_buf *b, const dyad_event *ev, const dyad_code_facts *f)
{
	int rc = kstr(b, "source", ev->source, DYAD_CODE_MAX);
	if (!rc)
		rc = kstr(b, "target", ev->target, DYAD_CODE_MAX);
	if (!rc)
		rc = kstr(b, "cameo", ev->cameo, DYAD_CAMEO_MAX);
	if (!rc)
		rc = kstr(b, "root", f->root, 3);
	if (!rc && !(rc = key(b, "quad", false)))
		rc = f->quad >= 0 ? dyad_buf_printf(b, "%d", f->quad) : dyad_buf_puts(b, "null");
	if (!rc && !(rc = key(b, "goldstein", false)))
		rc = dyad_out_json_num(b, "%.1f", f->info ? f->info->goldstein : NAN);
	if (!rc)
		rc = kstr(b, "plover", f->info ? f->info->plover : NULL, 32);
	if (!rc)
		rc = kstr(b, "label", f->info ? f->info->label : NULL, 256);
	return rc;
}

int dyad_out_event_json(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx)
{
	dyad_code_facts f;
	dyad_out_facts(ev, &f);
	const char *s;
	size_t n;
	int rc = dyad_buf_putc(b, '{');
	if (!rc && !(rc = key(b, "doc", true)))
		rc = dyad_out_json_str(b, ctx->doc_id ? ctx->doc_id : "",
		                       ctx->doc_id ? strlen(ctx->doc_id) : 0);
	if (!rc)
		rc = dyad_buf_printf(b, ",\"sentence\":%u", (unsigned)ev->sentence);
	if (!rc)
		rc = kdate(b, "date", ev->date);
	if (!rc)
		rc = kdate(b, "date_end", ev->date_end);
	if (!rc)
		rc = kstr(b, "date_precision",
		          dyad_precision_name((dyad_date_precision)ev->date_precision), 16);
	if (!rc)
		rc = kspan(b, "date_text", ctx, ev->date_span);
	if (!rc)
		rc = kstr(b, "date_source", dyad_source_name((dyad_value_source)ev->date_source), 16);
	if (!rc)
		rc = kdate(b, "pub_date", ctx->pub_date);
	if (!rc)
		rc = codes_json(b, ev, &f);
	if (!rc)
		rc = kspan(b, "source_text", ctx, ev->source_span);
	if (!rc)
		rc = kspan(b, "target_text", ctx, ev->target_span);
	if (!rc)
		rc = kspan(b, "verb_text", ctx, ev->verb_span);
	if (!rc)
		rc = kstr(b, "pattern", ev->pattern, 4096);
	if (!rc && !(rc = key(b, "place", false)))
		rc = place_json(b, ev);
	if (!rc)
		rc = kstr(b, "place_source", has_place(ev) ? dyad_source_name(
		                  (dyad_value_source)ev->place_source) : NULL, 16);
	if (!rc && !(rc = key(b, "quantities", false)))
		rc = quantities_json(b, ev, ctx);
	if (!rc)
		rc = kstr(b, "modality", dyad_modality_name((dyad_modality)ev->modality), 16);
	if (!rc)
		rc = dyad_buf_printf(b, ",\"symmetric\":%s",
		                     ev->flags & DYAD_EVF_SYMMETRIC ? "true" : "false");
	if (!rc && !(rc = key(b, "text", false))) {
		dyad_out_sentence(ctx, &s, &n);
		rc = dyad_out_json_str(b, s, n);
	}
	return rc ? rc : dyad_buf_putc(b, '}');
}

/* ------------------------------------------------------------------ */
/* PLOVER                                                              */

/* PLOVER's own quad of an event type (PLOVER README: 1 verbal
 * cooperation ... 4 material conflict); 0 when not listed. */
static int plover_quad(const char *type)
{
	static const struct { const char *type; int quad; } q[] = {
		{ "AGREE", 1 }, { "CONSULT", 1 }, { "SUPPORT", 1 }, { "CONCEDE", 1 },
		{ "COOPERATE", 2 }, { "AID", 2 }, { "RETREAT", 2 }, { "INVESTIGATE", 2 },
		{ "REQUEST", 3 }, { "DEMAND", 3 }, { "ACCUSE", 3 }, { "DISAPPROVE", 3 },
		{ "REJECT", 3 }, { "THREATEN", 3 }, { "SANCTION", 3 },
		{ "PROTEST", 4 }, { "CRIME", 4 }, { "MOBILIZE", 4 }, { "COERCE", 4 },
		{ "ASSAULT", 4 },
	};
	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		if (strcmp(type, q[i].type) == 0)
			return q[i].quad;
	return 0;
}

/* [{"code":"DZA","sector":"MIL","entity_text":"..."}] or [] for no actor. */
static int entity_list(dyad_buf *b, const char *code, const dyad_event_ctx *ctx, dyad_span sp)
{
	size_t n = dyad_out_strlen(code, DYAD_CODE_MAX);
	if (!n)
		return dyad_buf_puts(b, "[]");
	size_t head = n < 3 ? n : 3;
	int rc = dyad_buf_puts(b, "[{\"code\":");
	if (!rc)
		rc = dyad_out_json_str(b, code, head);
	if (!rc && !(rc = key(b, "sector", false)))
		rc = dyad_out_json_opt(b, code + head, n - head);
	if (!rc)
		rc = kspan(b, "entity_text", ctx, sp);
	return rc ? rc : dyad_buf_puts(b, "}]");
}

/* PLOVER location resolution: 5 sub-city, 4 city, 2 province, 1 country. */
static int event_loc(dyad_buf *b, const dyad_event *ev)
{
	static const int res[] = { 0, 1, 2, 4, 5 };
	int r = ev->place_resolution <= DYAD_RES_SUBCITY ? res[ev->place_resolution] : 0;
	int rc = key(b, "event_loc", false);
	if (rc || !has_place(ev))
		return rc ? rc : dyad_buf_puts(b, "null");
	rc = dyad_buf_putc(b, '{');
	if (!rc && !(rc = key(b, "extracted_place", true)))
		rc = dyad_out_json_opt(b, ev->place_name, dyad_out_strlen(ev->place_name, DYAD_PLACE_MAX));
	if (!rc)
		rc = kstr(b, "country_code", ev->place_country, 4);
	if (!rc && !(rc = key(b, "lat", false)))
		rc = dyad_out_json_num(b, "%.5f", ev->lat);
	if (!rc && !(rc = key(b, "lon", false)))
		rc = dyad_out_json_num(b, "%.5f", ev->lon);
	if (!rc && !(rc = key(b, "resolution", false)))
		rc = r ? dyad_buf_printf(b, "%d", r) : dyad_buf_puts(b, "null");
	return rc ? rc : dyad_buf_putc(b, '}');
}

static int text_info(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx)
{
	int rc = dyad_buf_printf(b, ",\"text_info\":{\"sequence\":%u", (unsigned)ev->sentence);
	if (!rc && ctx->sentence_span.end > ctx->sentence_span.start)
		rc = dyad_buf_printf(b, ",\"start\":%u,\"end\":%u",
		                     (unsigned)ctx->sentence_span.start,
		                     (unsigned)ctx->sentence_span.end);
	return rc ? rc : dyad_buf_putc(b, '}');
}

static int cite_info(dyad_buf *b, const dyad_event_ctx *ctx)
{
	int rc = key(b, "cite_info", false);
	if (!rc)
		rc = dyad_buf_putc(b, '{');
	if (!rc && !(rc = key(b, "publication", true)))
		rc = dyad_out_json_opt(b, ctx->outlet ? ctx->outlet : "",
		                       ctx->outlet ? strlen(ctx->outlet) : 0);
	if (!rc)
		rc = kstr(b, "url", ctx->url, 65536);
	if (!rc)
		rc = kstr(b, "title", ctx->title, 65536);
	return rc ? rc : dyad_buf_putc(b, '}');
}

static int plover_event(dyad_buf *b, const dyad_event *ev, const dyad_code_facts *f)
{
	const dyad_cameo_info *c = f->info;
	int rc = kstr(b, "event_type", c->plover, 32);
	if (!rc)
		rc = kstr(b, "mode", c->plover_mode, 64);
	if (!rc)
		rc = kstr(b, "context", c->plover_context, 64);
	int q = plover_quad(c->plover);
	if (!rc && !(rc = key(b, "quad_code", false)))
		rc = q ? dyad_buf_printf(b, "%d", q) : dyad_buf_puts(b, "null");
	if (!rc)
		rc = kstr(b, "cameo", ev->cameo, DYAD_CAMEO_MAX);
	if (!rc && !(rc = key(b, "goldstein", false)))
		rc = dyad_out_json_num(b, "%.1f", c->goldstein);
	return rc;
}

int dyad_out_event_plover(dyad_buf *b, const dyad_event *ev, const dyad_event_ctx *ctx,
                          const char *id)
{
	dyad_code_facts f;
	dyad_out_facts(ev, &f);
	if (!f.info || !f.info->plover[0])
		return 1;   /* PLOVER has no category for it (01, 02, unknown code) */
	const char *s;
	size_t n;
	int rc = dyad_buf_putc(b, '{');
	if (!rc && !(rc = key(b, "id", true)))
		rc = dyad_out_json_str(b, id, strlen(id));
	if (!rc)
		rc = kstr(b, "story_id", ctx->doc_id, 65536);
	if (!rc)
		rc = kdate(b, "date", ev->date.year ? ev->date : ctx->pub_date);
	if (!rc && ev->date_precision == DYAD_PREC_RANGE && ev->date_end.year)
		rc = kdate(b, "enddate", ev->date_end);
	if (!rc)
		rc = kdate(b, "story_date", ctx->pub_date);
	if (!rc)
		rc = plover_event(b, ev, &f);
	if (!rc && !(rc = key(b, "actor", false)))
		rc = entity_list(b, ev->source, ctx, ev->source_span);
	if (!rc && !(rc = key(b, "recipient", false)))
		rc = entity_list(b, ev->target, ctx, ev->target_span);
	if (!rc && !(rc = key(b, "event_text", false))) {
		dyad_out_span(ctx, ev->verb_span, &s, &n);
		rc = n ? dyad_buf_putc(b, '[') : dyad_buf_puts(b, "[]");
		if (!rc && n && !(rc = dyad_out_json_str(b, s, n)))
			rc = dyad_buf_putc(b, ']');
	}
	if (!rc)
		rc = event_loc(b, ev);
	if (!rc)
		rc = kstr(b, "modality", dyad_modality_name((dyad_modality)ev->modality), 16);
	if (!rc && !(rc = key(b, "text", false))) {
		dyad_out_sentence(ctx, &s, &n);
		rc = dyad_out_json_str(b, s, n);
	}
	if (!rc)
		rc = text_info(b, ev, ctx);
	if (!rc)
		rc = cite_info(b, ctx);
	if (!rc)
		rc = dyad_buf_printf(b, ",\"coder\":\"dyad %s\"", dyad_version());
	return rc ? rc : dyad_buf_putc(b, '}');
}
