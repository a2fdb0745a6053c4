/*
 * store_event.c - mentions and their clustering into events.
 *
 * Merge rule (docs/internals/store.md): a mention joins the event with
 * the same actor pair (actors reduced to their country; the pair ordered,
 * or sorted for mutual acts such as meetings, agreements and exercises;
 * a paired code's second half, 043 of 042, under its first half's
 * direction), the same CAMEO root and a date within EVENT_WINDOW_DAYS of
 * the event's date (for day-precise dates; month- or year-precise dates
 * must name the same month or year). Otherwise it starts a new event.
 */
#include "store_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EVENT_WINDOW_DAYS 3

/* ISO 3166-1 alpha-3 codes (and XKX, Kosovo), sorted: an actor code that
 * starts with one is merged at the level of its country. */
static const char iso3[][4] = {
	"ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF",
	"ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN", "BES", "BFA", "BGD", "BGR", "BHR", "BHS",
	"BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF",
	"CAN", "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV",
	"CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU", "DJI", "DMA", "DNK", "DOM", "DZA",
	"ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM",
	"GAB", "GBR", "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD",
	"GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV", "HTI", "HUN", "IDN", "IMN",
	"IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ",
	"KEN", "KGZ", "KHM", "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE",
	"LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA", "MDG", "MDV", "MEX",
	"MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS",
	"MWI", "MYS", "MYT", "NAM", "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL",
	"NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL", "PRI", "PRK",
	"PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP",
	"SGS", "SHN", "SJM", "SLB", "SLE", "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR",
	"SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK", "TKL",
	"TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY",
	"USA", "UZB", "VAT", "VCT", "VEN", "VGB", "VIR", "VNM", "VUT", "WLF", "WSM", "XKX", "YEM",
	"ZAF", "ZMB", "ZWE"
};

static int cmp3(const void *a, const void *b)
{
	return memcmp(a, b, 3);
}

/* The part of an actor code events are merged on: its country (DZA for
 * DZAMIL, DZAGOV) when it starts with one, else the whole code (IGO...,
 * NGO..., MNC...). Reports of one meeting name "the army chief" in one
 * article and "Algeria" in the next; the event keeps the first mention's
 * full codes and `dyad why` shows every mention's. */
static void merge_actor(char out[DYAD_CODE_MAX], const char *code)
{
	size_t n = strnlen(code, DYAD_CODE_MAX - 1);
	if (n >= 3 && bsearch(code, iso3, sizeof(iso3) / sizeof(iso3[0]), sizeof(iso3[0]), cmp3))
		n = 3;
	memcpy(out, code, n);
	out[n] = '\0';
}

/* Codes that name a mutual act: consult, discuss, meet, negotiate (04x
 * but visit/host, paired, and mediate), sign a formal agreement (057),
 * material cooperation (06x). "A and B held an exercise" coded A-B in one
 * article and B-A in another is one event. */
static bool mutual_code(const char *c)
{
	if (c[0] == '0' && c[1] == '6')
		return true;
	if (strcmp(c, "057") == 0)
		return true;
	return c[0] == '0' && c[1] == '4' && c[2] != '2' && c[2] != '3' && c[2] != '5';
}

/* QuadClass and PLOVER type from the CAMEO root alone. */
void dyad_code_attrs_default(dyad_code_attrs *a, const char *cameo)
{
	static const char *const plover[21] = {
		NULL, "SUPPORT", "APPEAL", "AGREE", "CONSULT", "SUPPORT", "COOPERATE",
		"AID", "CONCEDE", "ACCUSE", "DEMAND", "ACCUSE", "REJECT", "THREATEN",
		"PROTEST", "MOBILIZE", "REDUCE", "SANCTION", "ASSAULT", "FIGHT", "ASSAULT"
	};
	/* Approximate Goldstein of each root's generic code (0 digit codes). */
	static const double goldstein[21] = {
		0, 0.0, 3.0, 4.0, 1.0, 3.5, 6.0, 7.0, 5.0, -2.0, -5.0,
		-2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0
	};
	memset(a, 0, sizeof(*a));
	int r = 0;
	if (cameo && cameo[0] >= '0' && cameo[0] <= '9' && cameo[1] >= '0' && cameo[1] <= '9') {
		a->root[0] = cameo[0];
		a->root[1] = cameo[1];
		r = (cameo[0] - '0') * 10 + (cameo[1] - '0');
	}
	if (r < 1 || r > 20)
		return;
	a->quad = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
	a->goldstein = goldstein[r];
	a->plover = plover[r];
}

static int coarse_of(const dyad_event *ev)
{
	if (ev->date.year == 0)
		return 3;
	if (ev->date_precision == DYAD_PREC_MONTH || (ev->date.day == 0 && ev->date.month))
		return 1;
	if (ev->date_precision == DYAD_PREC_YEAR || ev->date.month == 0)
		return 2;
	return 0;
}

static void bind_span(sqlite3_stmt *st, int i, dyad_span sp, const char *text, size_t len)
{
	if (sp.end <= sp.start || sp.end > len)
		return;
	sqlite3_bind_int64(st, i, sp.start);
	sqlite3_bind_int64(st, i + 1, sp.end);
	sqlite3_bind_text(st, i + 2, text + sp.start, (int)(sp.end - sp.start), SQLITE_TRANSIENT);
}

static int quantities_json(const dyad_event *ev, dyad_buf *b)
{
	dyad_buf_clear(b);
	dyad_buf_putc(b, '[');
	for (unsigned i = 0; i < ev->n_quantities && i < DYAD_QTY_MAX; i++) {
		const dyad_quantity *q = &ev->quantities[i];
		dyad_buf_printf(b, "%s{\"kind\":\"%s\",\"value\":%.17g,\"unit\":\"", i ? "," : "",
		                dyad_quantity_kind_name((dyad_quantity_kind)q->kind), q->value);
		dyad_buf_json_str(b, q->unit, strnlen(q->unit, sizeof(q->unit)));
		dyad_buf_puts(b, "\"}");
	}
	return dyad_buf_putc(b, ']');
}

typedef struct key {
	char a[DYAD_CODE_MAX], b[DYAD_CODE_MAX];
	int symmetric, coarse;
	int64_t day;
	char date[16], date_end[16];
	const char *modality;
} key;

static void make_key(key *k, const dyad_event *ev)
{
	k->symmetric = (ev->flags & DYAD_EVF_SYMMETRIC) || mutual_code(ev->cameo);
	merge_actor(k->a, ev->source);
	merge_actor(k->b, ev->target);
	if (ev->flags & DYAD_EVF_PAIRED) {
		/* the second half of a paired code (043 "host" for 042 "visit")
		 * reports the first half's event: file it under that direction */
		char t[DYAD_CODE_MAX];
		memcpy(t, k->a, sizeof(t));
		memcpy(k->a, k->b, sizeof(t));
		memcpy(k->b, t, sizeof(t));
	}
	if (k->symmetric && strcmp(k->a, k->b) > 0) {   /* a mutual act: the sorted pair */
		char t[DYAD_CODE_MAX];
		memcpy(t, k->a, sizeof(t));
		memcpy(k->a, k->b, sizeof(t));
		memcpy(k->b, t, sizeof(t));
	}
	k->coarse = coarse_of(ev);
	k->modality = dyad_modality_name((dyad_modality)ev->modality);
	k->day = ev->date.year ? store_julian(ev->date) : 0;
	dyad_date_format(k->date, sizeof(k->date), ev->date);
	dyad_date_format(k->date_end, sizeof(k->date_end), ev->date_end);
}

static int find_or_create_event(dyad_store *s, int64_t doc_id, const dyad_event *ev, const key *k,
                                const dyad_code_attrs *at, int64_t *id, bool *created)
{
	*created = false;
	sqlite3_stmt *st = store_stmt(s, ST_EVENT_FIND);
	if (!st)
		return DYAD_EDB;
	store_bind_text(st, 1, k->a, -1);
	store_bind_text(st, 2, k->b, -1);
	store_bind_text(st, 3, at->root, -1);
	sqlite3_bind_int64(st, 4, k->day);
	sqlite3_bind_int(st, 6, k->coarse == 0 ? EVENT_WINDOW_DAYS : 0);
	sqlite3_bind_int(st, 7, k->coarse);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		return 0;
	}
	if (rc != SQLITE_DONE)
		return store_db_error(s, "event lookup");
	st = store_stmt(s, ST_EVENT_INSERT);
	if (!st)
		return DYAD_EDB;
	store_bind_text(st, 1, ev->source, -1);
	store_bind_text(st, 2, ev->target, -1);
	store_bind_text(st, 3, k->a, -1);
	store_bind_text(st, 4, k->b, -1);
	sqlite3_bind_int(st, 5, k->symmetric);
	store_bind_text(st, 6, ev->cameo, -1);
	store_bind_text(st, 7, at->root, -1);
	if (at->quad)
		sqlite3_bind_int(st, 8, at->quad);
	sqlite3_bind_double(st, 9, at->goldstein);
	store_bind_text(st, 10, at->plover, -1);
	store_bind_text(st, 11, k->date[0] ? k->date : NULL, -1);
	store_bind_text(st, 12, k->date_end[0] ? k->date_end : NULL, -1);
	store_bind_text(st, 13, dyad_precision_name((dyad_date_precision)ev->date_precision), -1);
	sqlite3_bind_int64(st, 14, k->day);
	sqlite3_bind_int(st, 15, k->coarse);
	store_bind_text(st, 16, dyad_modality_name((dyad_modality)ev->modality), -1);
	store_bind_text(st, 17, ev->place_name[0] ? ev->place_name : NULL, -1);
	store_bind_text(st, 18, ev->place_country[0] ? ev->place_country : NULL, -1);
	if (!isnan(ev->lat) && !isnan(ev->lon)) {
		sqlite3_bind_double(st, 19, ev->lat);
		sqlite3_bind_double(st, 20, ev->lon);
	}
	store_bind_text(st, 21, s->now, -1);
	sqlite3_bind_int64(st, 22, doc_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "creating an event");
	*id = sqlite3_last_insert_rowid(s->db);
	*created = true;
	return 0;
}

/* Counts: one more mention unless this sentence already reported the
 * event (a symmetric event coded both ways); one more article unless this
 * document already did; one more source when the outlet is new to it. */
void store_fresh_clear(dyad_store *s)
{
	s->fresh_doc = 0;
	s->fresh_n = 0;
	dyad_free(s->fresh_outlet);
	s->fresh_outlet = NULL;
}

int store_fresh_set(dyad_store *s, int64_t doc_id, const char *outlet)
{
	store_fresh_clear(s);
	if (!(s->fresh_outlet = dyad_strdup(outlet ? outlet : "")))
		return DYAD_ENOMEM;
	s->fresh_doc = doc_id;
	return 0;
}

/* Whether the document already reported the event (*new_article false)
 * and in this sentence (*new_sentence false). For the document inserted
 * last, every earlier mention went through here: the answer comes from
 * the list kept for it; otherwise from the mentions table. */
static int doc_reported(dyad_store *s, int64_t event_id, int64_t doc_id, uint32_t sentence,
                        bool *new_article, bool *new_sentence)
{
	if (doc_id == s->fresh_doc) {
		*new_article = *new_sentence = true;
		for (size_t i = 0; i < s->fresh_n; i++)
			if (s->fresh_seen[i].event_id == event_id) {
				*new_article = false;
				if (s->fresh_seen[i].sentence == sentence)
					*new_sentence = false;
			}
		if (s->fresh_n == s->fresh_cap) {
			store_seen_mention *p = dyad_grow(s->fresh_seen, &s->fresh_cap, s->fresh_n + 1,
			                                  sizeof(*p), 16);
			if (!p)
				return DYAD_ENOMEM;
			s->fresh_seen = p;
		}
		s->fresh_seen[s->fresh_n++] = (store_seen_mention){ event_id, sentence };
		return 0;
	}
	sqlite3_stmt *st = store_stmt(s, ST_MENTION_SAME_DOC);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, event_id);
	sqlite3_bind_int64(st, 2, doc_id);
	sqlite3_bind_int64(st, 3, sentence);
	if (sqlite3_step(st) != SQLITE_ROW)
		return store_db_error(s, "event counts");
	*new_article = sqlite3_column_type(st, 0) == SQLITE_NULL;
	*new_sentence = *new_article || sqlite3_column_int(st, 0) == 0;
	return 0;
}

static int bump_event(dyad_store *s, int64_t id, int64_t doc_id, uint32_t sentence,
                      const char *outlet, const key *k)
{
	bool new_article = true, new_sentence = true;
	int rc = doc_reported(s, id, doc_id, sentence, &new_article, &new_sentence);
	if (rc)
		return rc;
	sqlite3_stmt *st = store_stmt(s, ST_EVENT_BUMP);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, new_article);
	sqlite3_bind_int(st, 4, new_sentence);
	store_bind_text(st, 5, k->modality, -1);
	store_bind_text(st, 3, k->date_end[0] ? k->date_end : (k->date[0] ? k->date : NULL), -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "event counts");
	if (!new_article)
		return 0;
	st = store_stmt(s, ST_OUTLET_INSERT);
	sqlite3_bind_int64(st, 1, id);
	store_bind_text(st, 2, outlet && *outlet ? outlet : "(unknown)", -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "event sources");
	if (sqlite3_changes(s->db) == 0)
		return 0;
	st = store_stmt(s, ST_EVENT_OUTLET_BUMP);
	sqlite3_bind_int64(st, 1, id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_db_error(s, "event sources");
}

static int doc_outlet(dyad_store *s, int64_t doc_id, dyad_buf *out)
{
	dyad_buf_clear(out);
	if (doc_id == s->fresh_doc)
		return dyad_buf_puts(out, s->fresh_outlet);
	sqlite3_stmt *st = store_stmt(s, ST_DOC_BY_ID);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, doc_id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		return dyad_buf_puts(out, (const char *)sqlite3_column_text(st, 0));
	return dyad_buf_puts(out, "");
}

static int insert_mention(dyad_store *s, int64_t event_id, int64_t doc_id, const dyad_event *ev,
                          const char *text, size_t len, const dyad_code_attrs *at,
                          const char *dict_version, const key *k, const char *outlet, dyad_buf *qty,
                          int64_t sentence_id)
{
	sqlite3_stmt *st = store_stmt(s, ST_MENTION_INSERT);
	if (!st)
		return DYAD_EDB;
	sqlite3_bind_int64(st, 1, event_id);
	sqlite3_bind_int64(st, 2, doc_id);
	sqlite3_bind_int64(st, 3, ev->sentence);
	store_bind_text(st, 4, *outlet ? outlet : NULL, -1);
	store_bind_text(st, 5, ev->source, -1);
	store_bind_text(st, 6, ev->target, -1);
	store_bind_text(st, 7, ev->cameo, -1);
	store_bind_text(st, 8, at->root, -1);
	if (at->quad)
		sqlite3_bind_int(st, 9, at->quad);
	sqlite3_bind_double(st, 10, at->goldstein);
	store_bind_text(st, 11, at->plover, -1);
	bind_span(st, 12, ev->source_span, text, len);
	bind_span(st, 15, ev->target_span, text, len);
	bind_span(st, 18, ev->verb_span, text, len);
	store_bind_text(st, 21, ev->pattern, -1);
	store_bind_text(st, 22, dict_version, -1);
	sqlite3_bind_int64(st, 23, ev->flags);
	store_bind_text(st, 24, k->date[0] ? k->date : NULL, -1);
	store_bind_text(st, 25, k->date_end[0] ? k->date_end : NULL, -1);
	store_bind_text(st, 26, dyad_precision_name((dyad_date_precision)ev->date_precision), -1);
	if (ev->date_span.end > ev->date_span.start && ev->date_span.end <= len)
		sqlite3_bind_text(st, 27, text + ev->date_span.start,
		                  (int)(ev->date_span.end - ev->date_span.start), SQLITE_TRANSIENT);
	store_bind_text(st, 28, ev->place_name[0] ? ev->place_name : NULL, -1);
	store_bind_text(st, 29, ev->place_country[0] ? ev->place_country : NULL, -1);
	if (!isnan(ev->lat) && !isnan(ev->lon)) {
		sqlite3_bind_double(st, 30, ev->lat);
		sqlite3_bind_double(st, 31, ev->lon);
	}
	store_bind_text(st, 32, dyad_resolution_name((dyad_place_resolution)ev->place_resolution), -1);
	store_bind_text(st, 33, dyad_modality_name((dyad_modality)ev->modality), -1);
	if (ev->n_quantities && quantities_json(ev, qty) == 0)
		store_bind_text(st, 34, qty->data, (int)qty->len);
	if (sentence_id)
		sqlite3_bind_int64(st, 35, sentence_id);
	if (ev->date_source != DYAD_SRC_NONE)
		store_bind_text(st, 36, dyad_source_name((dyad_value_source)ev->date_source), -1);
	if (ev->place_name[0] && ev->place_source != DYAD_SRC_NONE)
		store_bind_text(st, 37, dyad_source_name((dyad_value_source)ev->place_source), -1);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_db_error(s, "storing a mention");
	return 0;
}

/* Dyad counts for `dyad actors`: events and mentions per actor pair
 * (written at commit, store_pending.c). */
static int touch_dyad(dyad_store *s, const key *k, bool new_event)
{
	return k->b[0] ? store_pending_dyad(s, k->a, k->b, new_event) : 0;
}

/* Row id of a stored sentence (the one just stored, usually); 0 if none. */
static int64_t sentence_id_of(dyad_store *s, int64_t doc_id, uint32_t idx)
{
	if (s->sent_doc == doc_id && s->sent_idx == idx)
		return s->sent_id;
	sqlite3_stmt *st = store_stmt(s, ST_SENT_ID);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, doc_id);
	sqlite3_bind_int64(st, 2, idx);
	return sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
}

static int touch_actor(dyad_store *s, const char *code, const char *date)
{
	return code[0] ? store_pending_actor(s, code, date) : 0;
}

int dyad_store_add_mention(dyad_store *s, int64_t doc_id, const dyad_event *ev,
                           const char *doc_text, size_t doc_len,
                           const dyad_code_attrs *attrs,
                           const char *dict_version, int64_t *event_id)
{
	dyad_code_attrs def;
	if (!attrs || !attrs->root[0]) {
		dyad_code_attrs_default(&def, ev->cameo);
		if (attrs) {   /* keep the caller's values where it gave them */
			def.goldstein = attrs->goldstein != 0 ? attrs->goldstein : def.goldstein;
			def.plover = attrs->plover ? attrs->plover : def.plover;
			def.quad = attrs->quad ? attrs->quad : def.quad;
		}
		attrs = &def;
	}
	if (!ev->source[0] || !ev->cameo[0])
		return dyad_error_set(DYAD_EINVAL, "store: a mention needs a source and a code");
	key k;
	make_key(&k, ev);
	dyad_buf outlet = DYAD_BUF_INIT, qty = DYAD_BUF_INIT;
	int64_t id = 0;
	bool created = false;
	int rc = doc_outlet(s, doc_id, &outlet);
	if (!rc)
		rc = find_or_create_event(s, doc_id, ev, &k, attrs, &id, &created);
	if (!rc)
		rc = touch_dyad(s, &k, created);
	if (!rc)
		rc = bump_event(s, id, doc_id, ev->sentence, outlet.data, &k);
	if (!rc)
		rc = insert_mention(s, id, doc_id, ev, doc_text, doc_len, attrs, dict_version, &k,
		                    outlet.data, &qty, sentence_id_of(s, doc_id, ev->sentence));
	if (!rc)
		rc = touch_actor(s, ev->source, k.date);
	if (!rc)
		rc = touch_actor(s, ev->target, k.date);
	dyad_buf_release(&outlet);
	dyad_buf_release(&qty);
	if (!rc && event_id)
		*event_id = id;
	return rc;
}
