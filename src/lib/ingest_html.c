/*
 * ingest_html.c - article text out of an HTML page, with libxml2's
 * forgiving HTML parser.
 *
 * The body is taken from <article>, else <main>, else <body>. Inside it,
 * whole subtrees are dropped by element (nav, header, footer, aside,
 * script, style, form, figure, button, iframe ...) and by class/id words
 * that mark clutter (share, social, ad, related, newsletter, caption,
 * read-more ...). Block elements end paragraphs; short paragraphs that are
 * boilerplate ("Read more", "Advertisement", "Share this") are dropped.
 */
#include "dyad/ingest.h"
#include "ingest_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <libxml/HTMLparser.h>
#include <string.h>
#include <strings.h>

static const char *const drop_tags[] = {
	"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
	"figure", "figcaption", "button", "iframe", "svg", "select", "template",
	"object", "embed", "video", "audio", "canvas", "input", "textarea", "menu", NULL
};

static const char *const block_tags[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
	"blockquote", "section", "article", "main", "br", "tr", "table", "dd",
	"dt", "pre", "hr", "address", NULL
};

/* Words of a class or id that mark clutter. */
static const char *const clutter_words[] = {
	"nav", "navbar", "navigation", "menu", "share", "sharing", "social", "ad",
	"ads", "advert", "advertisement", "adsbygoogle", "banner", "sponsor",
	"sponsored", "promo", "related", "recommended", "newsletter", "subscribe",
	"comments", "comment", "cookie", "cookies", "caption", "sidebar",
	"breadcrumb", "breadcrumbs", "footer", "header", "masthead", "popup",
	"modal", "widget", "tags", "byline-share", "readmore", "outbrain", "taboola", NULL
};

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcasecmp(*list, s) == 0)
			return true;
	return false;
}

/* Whether a class/id value contains a clutter word ("share-buttons",
 * "ad_slot", "read-more"). Words are split on space, '-' and '_'. */
static bool clutter_attr(const char *v)
{
	char w[48];
	size_t n = 0;
	bool prev_read = false;
	for (const char *p = v;; p++) {
		bool sep = !*p || *p == ' ' || *p == '-' || *p == '_' || *p == '\t';
		if (!sep) {
			if (n + 1 < sizeof(w))
				w[n++] = *p;
			continue;
		}
		w[n] = '\0';
		if (n) {
			if (in_list(clutter_words, w) || (prev_read && strcasecmp(w, "more") == 0))
				return true;
			prev_read = strcasecmp(w, "read") == 0;
		}
		n = 0;
		if (!*p)
			return false;
	}
}

static bool node_dropped(xmlNode *n)
{
	if (in_list(drop_tags, (const char *)n->name))
		return true;
	static const char *const attrs[] = { "class", "id", "role", NULL };
	for (int i = 0; attrs[i]; i++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
		bool bad = false;
		if (v) {
			bad = strcmp(attrs[i], "role") == 0
			      ? (strcasecmp((char *)v, "navigation") == 0 || strcasecmp((char *)v, "banner") == 0 ||
			         strcasecmp((char *)v, "complementary") == 0 || strcasecmp((char *)v, "contentinfo") == 0)
			      : clutter_attr((const char *)v);
			xmlFree(v);
		}
		if (bad)
			return true;
	}
	xmlChar *hidden = xmlGetProp(n, (const xmlChar *)"hidden");
	if (hidden) {
		xmlFree(hidden);
		return true;
	}
	return false;
}

typedef struct walker {
	dyad_buf  para;     /* the paragraph being built */
	dyad_buf *out;      /* finished paragraphs, "\n\n" separated */
	int       depth;
	int       rc;
} walker;

/* Boilerplate a whole (short) paragraph may consist of. */
static bool boilerplate(const char *s, size_t n)
{
	static const char *const starts[] = {
		"read more", "read also", "also read", "advertisement", "advertisements",
		"share this", "share on", "follow us", "subscribe", "sign up", "click here",
		"related:", "related articles", "see also", "photo:", "image:", "credit:",
		"exit mobile version", "skip to content", "all rights reserved", NULL
	};
	if (n > 120)
		return false;
	for (int i = 0; starts[i]; i++) {
		size_t k = strlen(starts[i]);
		if (n >= k && strncasecmp(s, starts[i], k) == 0)
			return true;
	}
	return n == 5 && strncasecmp(s, "share", 5) == 0;
}

static void end_paragraph(walker *w)
{
	size_t n = w->para.len;
	while (n && w->para.data[n - 1] == ' ')
		n--;
	if (n && !boilerplate(w->para.data, n)) {
		if (w->out->len)
			dyad_buf_puts(w->out, "\n\n");
		if (dyad_buf_append(w->out, w->para.data, n))
			w->rc = DYAD_ELIMIT;
	}
	dyad_buf_clear(&w->para);
}

/* Append text with runs of white space collapsed to one space. */
static void add_text(walker *w, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			if (w->para.len && w->para.data[w->para.len - 1] != ' ')
				dyad_buf_putc(&w->para, ' ');
			continue;
		}
		/* U+00A0 no-break space as a space */
		if (c == 0xC2 && (unsigned char)s[1] == 0xA0) {
			s++;
			if (w->para.len && w->para.data[w->para.len - 1] != ' ')
				dyad_buf_putc(&w->para, ' ');
			continue;
		}
		if (dyad_buf_putc(&w->para, (char)c))
			w->rc = DYAD_ELIMIT;
	}
}

static void walk(walker *w, xmlNode *n)
{
	if (++w->depth > 200) {   /* deeply nested junk: stop descending */
		w->depth--;
		return;
	}
	for (; n && !w->rc; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				add_text(w, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || node_dropped(n))
			continue;
		bool block = in_list(block_tags, (const char *)n->name);
		if (block)
			end_paragraph(w);
		walk(w, n->children);
		if (block)
			end_paragraph(w);
	}
	w->depth--;
}

static xmlNode *find_elem(xmlNode *n, const char *name, int depth)
{
	for (; n && depth < 200; n = n->next) {
		if (n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0)
			return n;
		xmlNode *f = find_elem(n->children, name, depth + 1);
		if (f)
			return f;
	}
	return NULL;
}

/* Text content of a node, white space collapsed, or NULL. */
static char *node_text(xmlNode *n)
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

/* <meta property|name=KEY content=...> anywhere in the head. */
static char *meta_content(xmlNode *head, const char *key)
{
	for (xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcasecmp((const char *)n->name, "meta") != 0)
			continue;
		xmlChar *p = xmlGetProp(n, (const xmlChar *)"property");
		if (!p)
			p = xmlGetProp(n, (const xmlChar *)"name");
		bool hit = p && strcasecmp((const char *)p, key) == 0;
		xmlFree(p);
		if (!hit)
			continue;
		xmlChar *c = xmlGetProp(n, (const xmlChar *)"content");
		char *s = c ? ingest_clean_string((const char *)c, strlen((const char *)c)) : NULL;
		xmlFree(c);
		if (s && *s)
			return s;
		dyad_free(s);
	}
	return NULL;
}

static char *canonical_url(xmlNode *head)
{
	for (xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcasecmp((const char *)n->name, "link") != 0)
			continue;
		xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
		bool hit = rel && strcasecmp((const char *)rel, "canonical") == 0;
		xmlFree(rel);
		if (!hit)
			continue;
		xmlChar *h = xmlGetProp(n, (const xmlChar *)"href");
		char *s = h ? dyad_strdup((const char *)h) : NULL;
		xmlFree(h);
		return s;
	}
	return NULL;
}

static void read_meta(dyad_record *rec, xmlNode *root)
{
	xmlNode *head = find_elem(root, "head", 0);
	rec->title = meta_content(head, "og:title");
	if (!rec->title)
		rec->title = node_text(find_elem(root, "title", 0));
	rec->outlet = meta_content(head, "og:site_name");
	rec->url = meta_content(head, "og:url");
	if (!rec->url)
		rec->url = canonical_url(head);
	static const char *const date_keys[] = {
		"article:published_time", "date", "pubdate", "dc.date", "publish-date", NULL
	};
	for (int i = 0; date_keys[i] && rec->date.year == 0; i++) {
		char *d = meta_content(head, date_keys[i]);
		if (d)
			ingest_parse_date(&rec->date, d);
		dyad_free(d);
	}
	if (rec->date.year == 0) {
		xmlNode *t = find_elem(root, "time", 0);
		xmlChar *dt = t ? xmlGetProp(t, (const xmlChar *)"datetime") : NULL;
		if (dt)
			ingest_parse_date(&rec->date, (const char *)dt);
		xmlFree(dt);
	}
}

/* The title as headline, unless the body already starts with it. */
static int compose(dyad_record *rec, dyad_buf *body)
{
	dyad_buf text = DYAD_BUF_INIT;
	int rc = 0;
	if (rec->title && *rec->title && strncmp(body->data, rec->title, strlen(rec->title)) != 0) {
		rc = dyad_buf_puts(&text, rec->title);
		rc = rc ? rc : dyad_buf_puts(&text, "\n\n");
	}
	rc = rc ? rc : dyad_buf_append(&text, body->data, body->len);
	if (rc) {
		dyad_buf_release(&text);
		return rc;
	}
	rec->text = dyad_buf_detach(&text, &rec->text_len);
	return rec->text ? 0 : DYAD_ENOMEM;
}

int ingest_html_text(const char *bytes, size_t len, char **out, size_t *out_len)
{
	*out = NULL;
	*out_len = 0;
	if (len > (size_t)INT32_MAX)
		return dyad_error_set(DYAD_ELIMIT, "html: page too large");
	htmlDocPtr doc = htmlReadMemory(bytes, (int)len, NULL, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!doc)
		return dyad_error_set(DYAD_EPARSE, "html: not parseable");
	dyad_buf body = DYAD_BUF_INIT;
	body.max = (size_t)64 << 20;
	walker w = { DYAD_BUF_INIT, &body, 0, 0 };
	walk(&w, xmlDocGetRootElement(doc));
	end_paragraph(&w);
	dyad_buf_release(&w.para);
	xmlFreeDoc(doc);
	if (w.rc) {
		dyad_buf_release(&body);
		return dyad_error_set(w.rc, "html: text too large");
	}
	*out = dyad_buf_detach(&body, out_len);
	if (!*out) {
		*out = dyad_strdup("");
		return *out ? 0 : DYAD_ENOMEM;
	}
	return 0;
}

int dyad_html_extract(dyad_record *rec, const char *name, const char *bytes, size_t len)
{
	memset(rec, 0, sizeof(*rec));
	if (len > (size_t)INT32_MAX)
		return dyad_error_set(DYAD_ELIMIT, "%s: page too large", name);
	htmlDocPtr doc = htmlReadMemory(bytes, (int)len, NULL, "UTF-8",
	                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (!doc)
		return dyad_error_set(DYAD_EPARSE, "%s: not parseable as HTML", name);
	xmlNode *root = xmlDocGetRootElement(doc);
	read_meta(rec, root);
	xmlNode *art = find_elem(root, "article", 0);
	if (!art)
		art = find_elem(root, "main", 0);
	if (!art)
		art = find_elem(root, "body", 0);
	dyad_buf body = DYAD_BUF_INIT;
	body.max = (size_t)64 << 20;
	walker w = { DYAD_BUF_INIT, &body, 0, 0 };
	if (art && !node_dropped(art))
		walk(&w, art->children);
	end_paragraph(&w);
	dyad_buf_release(&w.para);
	xmlFreeDoc(doc);
	int rc = w.rc;
	if (!rc && body.len == 0)
		rc = dyad_error_set(DYAD_EPARSE, "%s: no article text found in the HTML", name);
	if (!rc)
		rc = compose(rec, &body);
	if (!rc) {
		rec->origin = dyad_strdup(name);
		rec->id = dyad_strdup(name);
		if (!rec->origin || !rec->id)
			rc = DYAD_ENOMEM;
	}
	dyad_buf_release(&body);
	if (rc)
		dyad_record_clear(rec);
	return rc;
}
