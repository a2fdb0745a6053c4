/*
 * text_norm.c - the document's normalized view and its offset map.
 *
 * The view is built character by character: ASCII is lower-cased byte
 * for byte; every other character, with the combining marks that follow
 * it (a cluster, at most 32 code points), is mapped like token norms and
 * recomposed with utf8proc's NFC. The offset map is a sorted list of
 * checkpoints: an "identity" checkpoint starts a run where norm and text
 * advance together (ASCII), any other marks one cluster, whose norm bytes
 * all map back to the cluster's first byte. A pure ASCII document has a
 * single checkpoint.
 */
#include "text_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct norm_mark {
	uint32_t norm, text;
	bool identity;
};

typedef struct marks {
	struct norm_mark *items;
	size_t n, cap;
} marks;

static int add_mark(marks *m, size_t norm, size_t text, bool identity)
{
	if (m->n == m->cap) {
		struct norm_mark *p = dyad_grow(m->items, &m->cap, m->n + 1, sizeof(*p), 16);
		if (!p)
			return DYAD_ENOMEM;
		m->items = p;
	}
	m->items[m->n].norm = (uint32_t)norm;
	m->items[m->n].text = (uint32_t)text;
	m->items[m->n].identity = identity;
	m->n++;
	return 0;
}

static bool is_mark(utf8proc_int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

static utf8proc_ssize_t next_cp(const char *t, size_t i, size_t len, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
	                                      (utf8proc_ssize_t)(len - i), cp);
	if (n <= 0) {          /* cannot happen on a decoded document */
		*cp = 0xFFFD;
		n = 1;
	}
	return n;
}

/* Is the ASCII byte t[j] followed by a combining mark ("e" U+0301)? */
static bool before_mark(const char *t, size_t j, size_t len)
{
	if (j + 1 >= len || (unsigned char)t[j + 1] < 0x80)
		return false;
	utf8proc_int32_t cp;
	next_cp(t, j + 1, len, &cp);
	return is_mark(cp);
}

/* Normalize the cluster [i, *end) starting at a non-ASCII byte into `b`. */
static int cluster(dyad_buf *b, const char *t, size_t i, size_t len, size_t *end)
{
	utf8proc_uint8_t tmp[32 * 4 + 8];
	size_t o = 0, ncp = 0;
	bool decomposes = false;
	do {
		utf8proc_int32_t cp;
		i += (size_t)next_cp(t, i, len, &cp);
		ncp++;
		if (cp == 0x2026) {
			memcpy(tmp + o, "...", 3);
			o += 3;
		} else if (cp != 0xAD) {
			cp = utf8proc_tolower(text_map_typographic(cp));
			decomposes |= text_needs_nfc(cp);
			o += (size_t)utf8proc_encode_char(cp, tmp + o);
		}
		if (i >= len || ncp >= 32 || (unsigned char)t[i] < 0x80)
			break;
		utf8proc_int32_t nx;
		next_cp(t, i, len, &nx);
		if (!is_mark(nx))
			break;
	} while (1);
	*end = i;
	tmp[o] = '\0';
	if (!decomposes)
		return dyad_buf_append(b, tmp, o);
	utf8proc_uint8_t *nfc = utf8proc_NFC(tmp);
	if (!nfc)
		return dyad_buf_append(b, tmp, o);
	int rc = dyad_buf_append(b, nfc, strlen((char *)nfc));
	free(nfc);       /* allocated by utf8proc */
	return rc;
}

static int build(dyad_doc *doc)
{
	const char *t = doc->text;
	size_t len = doc->len, i = 0;
	dyad_buf b = DYAD_BUF_INIT;
	marks m = { 0 };
	int rc = dyad_buf_append(&b, "", 0);
	while (rc == 0 && i < len) {
		size_t j = i;
		while (j < len && (unsigned char)t[j] < 0x80 && !before_mark(t, j, len))
			j++;
		if (j > i) {             /* an ASCII run, norm and text in step */
			size_t at = b.len;
			if ((rc = add_mark(&m, at, i, true)) == 0 &&
			    (rc = dyad_buf_append(&b, t + i, j - i)) == 0)
				for (size_t k = at; k < b.len; k++)
					if (b.data[k] >= 'A' && b.data[k] <= 'Z')
						b.data[k] = (char)(b.data[k] + 32);
			i = j;
			continue;
		}
		size_t end = len;
		if ((rc = add_mark(&m, b.len, i, false)) == 0)
			rc = cluster(&b, t, i, len, &end);
		i = end;
	}
	if (rc) {
		dyad_buf_release(&b);
		dyad_free(m.items);
		return dyad_error_set(DYAD_ENOMEM, "%s: normalizing: out of memory", doc->name);
	}
	doc->norm = dyad_buf_detach(&b, &doc->norm_len);
	doc->marks = m.items;
	doc->n_marks = m.n;
	return 0;
}

const char *dyad_doc_norm_text(dyad_doc *doc, size_t *len_out)
{
	if (!doc->norm && build(doc)) {
		if (len_out)
			*len_out = 0;
		return NULL;
	}
	if (len_out)
		*len_out = doc->norm_len;
	return doc->norm;
}

uint32_t dyad_doc_norm_offset(dyad_doc *doc, uint32_t norm_off)
{
	if (!dyad_doc_norm_text(doc, NULL))
		return 0;
	if (norm_off >= doc->norm_len || doc->n_marks == 0)
		return (uint32_t)doc->len;
	size_t lo = 0, hi = doc->n_marks;        /* last mark with norm <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->marks[mid].norm <= norm_off)
			lo = mid;
		else
			hi = mid;
	}
	const struct norm_mark *k = &doc->marks[lo];
	return k->identity ? k->text + (norm_off - k->norm) : k->text;
}

void text_norm_release(dyad_doc *doc)
{
	dyad_free(doc->norm);
	dyad_free(doc->marks);
	doc->norm = NULL;
	doc->marks = NULL;
	doc->n_marks = 0;
}
