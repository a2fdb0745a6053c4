/*
 * when_json.c - the when fields of an event as JSON members
 * (dyad_when_json), so that `dyad code` and the store write the same
 * names and forms.
 */
#include "dyad/when.h"
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static int put_date(dyad_buf *b, const char *name, dyad_date d)
{
	char tmp[16];
	if (!d.year)
		return dyad_buf_printf(b, "\"%s\":null,", name);
	dyad_date_format(tmp, sizeof(tmp), d);
	return dyad_buf_printf(b, "\"%s\":\"%s\",", name, tmp);
}

static int put_text(dyad_buf *b, const char *name, const char *text, dyad_span sp)
{
	if (!text || sp.end <= sp.start)
		return dyad_buf_printf(b, "\"%s\":null", name);
	int rc = dyad_buf_printf(b, "\"%s\":\"", name);
	if (!rc)
		rc = dyad_buf_json_str(b, text + sp.start, sp.end - sp.start);
	return rc ? rc : dyad_buf_putc(b, '"');
}

/* '"date_source":"carried",' (null when not set). */
static int put_source(dyad_buf *b, const char *name, dyad_value_source src)
{
	const char *v = dyad_source_name(src);
	return v ? dyad_buf_printf(b, "\"%s\":\"%s\",", name, v)
	         : dyad_buf_printf(b, "\"%s\":null,", name);
}

static int put_coord(dyad_buf *b, const char *name, double v)
{
	if (isnan(v))
		return dyad_buf_printf(b, "\"%s\":null,", name);
	return dyad_buf_printf(b, "\"%s\":%.5f,", name, v);
}

static int put_place(dyad_buf *b, const dyad_event *ev)
{
	if (!ev->place_name[0])
		return dyad_buf_puts(b, "\"place\":null,");
	int rc = dyad_buf_puts(b, "\"place\":{\"name\":\"");
	if (!rc)
		rc = dyad_buf_json_str(b, ev->place_name, strnlen(ev->place_name, DYAD_PLACE_MAX));
	if (!rc)
		rc = ev->place_country[0]
		         ? dyad_buf_printf(b, "\",\"country\":\"%.3s\",", ev->place_country)
		         : dyad_buf_puts(b, "\",\"country\":null,");
	bool point = ev->place_resolution >= DYAD_RES_CITY;
	if (!rc)
		rc = put_coord(b, "lat", point ? ev->lat : NAN);
	if (!rc)
		rc = put_coord(b, "lon", point ? ev->lon : NAN);
	if (!rc)
		rc = dyad_buf_printf(b, "\"resolution\":\"%s\"},",
		                     dyad_resolution_name((dyad_place_resolution)ev->place_resolution));
	return rc;
}

static int put_quantities(dyad_buf *b, const dyad_event *ev, const char *text)
{
	int rc = dyad_buf_puts(b, "\"quantities\":[");
	for (int k = 0; !rc && k < ev->n_quantities && k < DYAD_QTY_MAX; k++) {
		const dyad_quantity *q = &ev->quantities[k];
		rc = dyad_buf_printf(b, "%s{\"kind\":\"%s\",\"value\":%.15g,\"unit\":\"", k ? "," : "",
		                     dyad_quantity_kind_name((dyad_quantity_kind)q->kind), q->value);
		if (!rc)
			rc = dyad_buf_json_str(b, q->unit, strnlen(q->unit, sizeof(q->unit)));
		if (!rc)
			rc = dyad_buf_puts(b, "\",");
		if (!rc)
			rc = put_text(b, "text", text, q->span);
		if (!rc)
			rc = dyad_buf_putc(b, '}');
	}
	return rc ? rc : dyad_buf_puts(b, "],");
}

size_t dyad_when_json(char *buf, size_t size, const dyad_event *ev, const char *doc_text)
{
	dyad_buf b = DYAD_BUF_INIT;
	bool range = ev->date_precision == DYAD_PREC_RANGE;
	int rc = put_date(&b, "date", ev->date);
	if (!rc)
		rc = put_date(&b, "date_end", range ? ev->date_end : (dyad_date){ 0, 0, 0 });
	if (!rc)
		rc = dyad_buf_printf(&b, "\"date_precision\":\"%s\",",
		                     dyad_precision_name((dyad_date_precision)ev->date_precision));
	if (!rc)
		rc = put_text(&b, "date_text", doc_text, ev->date_span);
	if (!rc)
		rc = dyad_buf_putc(&b, ',');
	if (!rc)
		rc = put_source(&b, "date_source", (dyad_value_source)ev->date_source);
	if (!rc)
		rc = put_date(&b, "pub_date", ev->pub_date);
	if (!rc)
		rc = put_date(&b, "ingest_date", ev->ingest_date);
	if (!rc)
		rc = put_place(&b, ev);
	if (!rc)
		rc = put_source(&b, "place_source", ev->place_name[0]
		                    ? (dyad_value_source)ev->place_source : DYAD_SRC_NONE);
	if (!rc)
		rc = put_quantities(&b, ev, doc_text);
	if (!rc)
		rc = dyad_buf_printf(&b, "\"modality\":\"%s\"",
		                     dyad_modality_name((dyad_modality)ev->modality));
	size_t need = rc ? 0 : b.len;
	if (size) {
		size_t n = need < size - 1 ? need : size - 1;
		if (n)
			memcpy(buf, b.data, n);
		buf[n] = 0;
	}
	dyad_buf_release(&b);
	return need;
}
