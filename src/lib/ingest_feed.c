/*
 * ingest_feed.c - RSS 2.0 / Atom feeds and PETRARCH XML, read with
 * libxml2's XML parser (no network, no entity expansion), and format
 * sniffing for ingest.
 */
#include "dyad/ingest.h"
#include "ingest_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <libxml/parser.h>
#include <string.h>
#include <strings.h>

static xmlDocPtr parse_xml(const char *bytes, size_t len)
{
	if (len > (size_t)INT32_MAX)
		return NULL;
	return xmlReadMemory(bytes, (int)len, NULL, NULL,
	                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                     XML_PARSE_NOCDATA | XML_PARSE_HUGE * 0);
}

static bool named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (named(c, name))
			return c;
	return NULL;
}

static char *text_of(const xmlNode *n)
{
	if (!n)
		return NULL;
	xmlChar *c = xmlNodeGetContent(n);
	if (!c)
		return NULL;
	char *s = ingest_clean_string((const char *)c, strlen((const char *)c));
	xmlFree(c);
	return s;
}

/* A description may hold HTML: keep its text with paragraph breaks. */
static int set_body(dyad_record *rec, const xmlNode *n)
{
	if (!n)
		return 0;
	xmlChar *c = xmlNodeGetContent(n);
	if (!c)
		return 0;
	size_t len = strlen((const char *)c);
	int rc = 0;
	if (memchr(c, '<', len))
		rc = ingest_html_text((const char *)c, len, &rec->text, &rec->text_len);
	else if ((rec->text = ingest_clean_string((const char *)c, len)))
		rec->text_len = strlen(rec->text);
	else
		rc = DYAD_ENOMEM;
	xmlFree(c);
	return rc;
}

static char *atom_link(const xmlNode *entry)
{
	for (xmlNode *c = entry->children; c; c = c->next) {
		if (!named(c, "link"))
			continue;
		xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
		bool alt = !rel || strcmp((const char *)rel, "alternate") == 0;
		xmlFree(rel);
		if (!alt)
			continue;
		xmlChar *h = xmlGetProp(c, (const xmlChar *)"href");
		char *s = h ? dyad_strdup((const char *)h) : NULL;
		xmlFree(h);
		return s;
	}
	return NULL;
}

static int emit_item(const char *name, const xmlNode *it, bool atom, const char *outlet,
                     size_t index, dyad_record_fn fn, void *ctx)
{
	dyad_record rec;
	memset(&rec, 0, sizeof(rec));
	rec.title = text_of(child(it, "title"));
	rec.url = atom ? atom_link(it) : text_of(child(it, "link"));
	const xmlNode *d = atom ? child(it, "published") : child(it, "pubDate");
	if (!d)
		d = atom ? child(it, "updated") : child(it, "date");
	char *ds = text_of(d);
	if (ds)
		ingest_parse_date(&rec.date, ds);
	dyad_free(ds);
	const xmlNode *body = atom ? child(it, "content") : child(it, "encoded");
	if (!body)
		body = atom ? child(it, "summary") : child(it, "description");
	int rc = set_body(&rec, body);
	char origin[600];
	snprintf(origin, sizeof(origin), "%s#item%zu", name, index + 1);
	rec.origin = dyad_strdup(origin);
	rec.id = rec.url ? dyad_strdup(rec.url) : dyad_strdup(origin);
	rec.outlet = outlet ? dyad_strdup(outlet) : NULL;
	if (!rc && (!rec.origin || !rec.id))
		rc = DYAD_ENOMEM;
	if (!rc)
		rc = fn(ctx, &rec);
	dyad_record_clear(&rec);
	return rc;
}

int dyad_feed_read(const char *name, const char *bytes, size_t len,
                   dyad_record_fn fn, void *ctx)
{
	xmlDocPtr doc = parse_xml(bytes, len);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	bool atom = named(root, "feed");
	xmlNode *chan = atom ? root : child(root, "channel");
	if (!named(root, "rss") && !atom) {
		if (!named(root, "RDF")) {
			xmlFreeDoc(doc);
			return dyad_error_set(DYAD_EPARSE, "%s: not an RSS or Atom feed%s", name,
			                      doc ? "" : " (malformed XML)");
		}
		chan = root;   /* RSS 1.0: items are children of rdf:RDF */
	}
	char *outlet = text_of(child(chan, "title"));
	int rc = 0;
	size_t n = 0;
	for (xmlNode *c = chan ? chan->children : NULL; c && !rc; c = c->next)
		if (named(c, atom ? "entry" : "item"))
			rc = emit_item(name, c, atom, outlet, n++, fn, ctx);
	dyad_free(outlet);
	xmlFreeDoc(doc);
	return rc ? rc : (int)n;
}

int dyad_petrarch_read(const char *name, const char *bytes, size_t len,
                       dyad_record_fn fn, void *ctx)
{
	xmlDocPtr doc = parse_xml(bytes, len);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!named(root, "Sentences")) {
		xmlFreeDoc(doc);
		return dyad_error_set(DYAD_EPARSE, "%s: not PETRARCH XML (no <Sentences>)%s", name,
		                      doc ? "" : ": malformed XML");
	}
	int rc = 0;
	size_t n = 0;
	for (xmlNode *c = root->children; c && !rc; c = c->next) {
		if (!named(c, "Sentence"))
			continue;
		dyad_record rec;
		memset(&rec, 0, sizeof(rec));
		xmlChar *id = xmlGetProp(c, (const xmlChar *)"id");
		xmlChar *date = xmlGetProp(c, (const xmlChar *)"date");
		xmlChar *src = xmlGetProp(c, (const xmlChar *)"source");
		char origin[600];
		snprintf(origin, sizeof(origin), "%s#%s", name, id ? (const char *)id : "?");
		if (date)
			ingest_parse_date(&rec.date, (const char *)date);
		rec.id = dyad_strdup(id ? (const char *)id : origin);
		rec.outlet = src ? dyad_strdup((const char *)src) : NULL;
		rec.origin = dyad_strdup(origin);
		xmlFree(id);
		xmlFree(date);
		xmlFree(src);
		rec.text = text_of(child(c, "Text"));
		rec.text_len = rec.text ? strlen(rec.text) : 0;
		n++;
		rc = (!rec.id || !rec.origin) ? DYAD_ENOMEM : fn(ctx, &rec);
		dyad_record_clear(&rec);
	}
	xmlFreeDoc(doc);
	return rc ? rc : (int)n;
}

static bool ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && strcasecmp(s + n - k, suf) == 0;
}

/* Whether `what` occurs (case-insensitively) in the first `n` bytes. */
static bool head_has(const char *b, size_t len, size_t n, const char *what)
{
	size_t k = strlen(what);
	if (len < n)
		n = len;
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(b + i, what, k) == 0)
			return true;
	return false;
}

dyad_input_format dyad_ingest_sniff(const char *name, const char *bytes, size_t len)
{
	size_t i = 0;
	if (len >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB)
		i = 3;
	while (i < len && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
		i++;
	if (i < len && bytes[i] == '<') {
		if (head_has(bytes + i, len - i, 2048, "<Sentences"))
			return DYAD_INPUT_PETRARCH;
		if (head_has(bytes + i, len - i, 2048, "<rss") || head_has(bytes + i, len - i, 2048, "<feed") ||
		    head_has(bytes + i, len - i, 2048, "<rdf:RDF"))
			return DYAD_INPUT_FEED;
		return DYAD_INPUT_HTML;
	}
	if (name && (ends_with(name, ".html") || ends_with(name, ".htm")))
		return DYAD_INPUT_HTML;
	if (name && (ends_with(name, ".rss") || ends_with(name, ".atom")))
		return DYAD_INPUT_FEED;
	return DYAD_INPUT_AUTO;   /* records.h decides: JSONL, TABARI or text */
}
