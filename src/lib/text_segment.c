/*
 * text_segment.c - sentence segmentation of news prose: the layout level.
 *
 * 1. The text is cut into lines (LF, CRLF or CR).
 * 2. Lines are grouped into paragraphs at blank lines, except where a
 *    blank line falls inside a hard-wrapped sentence (a line without a
 *    stop followed by a lower-case continuation, a line ending in a comma
 *    or a function word, or long lines of a document that is wrapped
 *    that way throughout, like PDF extractions).
 * 3. Inside a paragraph, lines that begin a bullet item, a dateline, a
 *    date/time stamp or a byline, and short lines without a stop before a
 *    capital (a headline glued to its article), start a new piece; a
 *    dateline becomes a sentence of its own.
 * 4. Each piece is split at sentence boundaries (text_boundary.c); a
 *    stop-less last sentence on lines of its own is a headline.
 * 5. Each sentence is trimmed, flagged, and cut at DYAD_SENTENCE_MAX_BYTES
 *    so that a 10 MB line never becomes one giant sentence; quotations
 *    are followed through the paragraph for DYAD_SENT_QUOTE.
 * Everything is linear in the text size; look-backs are bounded.
 */
#include "text_internal.h"
#include "util/alloc.h"
#include "util/error.h"

#include <string.h>

/* A non-blank line; blank lines are only counted, so that a file of
 * empty lines costs no memory. 12 bytes a line. */
typedef struct line {
	uint32_t s, e;    /* content without its line ending */
	uint32_t blanks;  /* blank lines just before this one */
} line;

typedef struct seg {
	const char    *t;
	size_t         len;
	line          *lines;
	size_t         n_lines;
	bool           hardwrapped;
	dyad_sentence *items;
	size_t         n, cap;
	uint32_t       para;
	uint32_t       flags;     /* given to the sentences being emitted */
} seg;

static size_t skip_space(const char *t, size_t i, size_t e)
{
	size_t n;
	while (i < e && (n = seg_space_len(t, i, e)) != 0)
		i += n;
	return i;
}

static size_t trim_back(const char *t, size_t s, size_t e)
{
	while (e > s) {
		unsigned char c = (unsigned char)t[e - 1];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			e--;
		else if (e - s >= 2 && (unsigned char)t[e - 2] == 0xC2 && c == 0xA0)
			e -= 2;
		else
			break;
	}
	return e;
}

static int split_lines(seg *g)
{
	const char *t = g->t;
	size_t cap = 64, n = 0, s = 0;
	uint32_t blanks = 0;
	line *l = dyad_reallocarray(NULL, cap, sizeof(*l));
	if (!l)
		return DYAD_ENOMEM;
	for (size_t i = 0; i <= g->len; i++) {
		if (i < g->len)    /* to the line end */
			i = text_find2(t, i, g->len, '\n', '\r');
		if (skip_space(t, s, i) == i) {
			blanks += blanks < UINT32_MAX;
		} else {
			if (n == cap) {
				line *p = dyad_grow(l, &cap, n + 1, sizeof(*l), 64);
				if (!p) {
					dyad_free(l);
					return DYAD_ENOMEM;
				}
				l = p;
			}
			l[n].s = (uint32_t)s;
			l[n].e = (uint32_t)i;
			l[n].blanks = blanks;
			blanks = 0;
			n++;
		}
		if (i + 1 < g->len && t[i] == '\r' && t[i + 1] == '\n')
			i++;
		s = i + 1;
	}
	g->lines = l;
	g->n_lines = n;
	return 0;
}

/* ---- emitting sentences ------------------------------------------- */

static int push(seg *g, size_t s, size_t e, uint32_t flags)
{
	if (g->n == g->cap) {
		dyad_sentence *p = dyad_grow(g->items, &g->cap, g->n + 1, sizeof(*p), 16);
		if (!p)
			return DYAD_ENOMEM;
		g->items = p;
	}
	dyad_sentence *it = &g->items[g->n++];
	it->span.start = (uint32_t)s;
	it->span.end = (uint32_t)e;
	it->paragraph = g->para;
	it->flags = flags;
	return 0;
}

/* Where to cut a sentence longer than the limit: a space, else a UTF-8 boundary. */
static size_t cut_point(const char *t, size_t s)
{
	size_t c = s + DYAD_SENTENCE_MAX_BYTES;
	for (size_t k = c; k > s + DYAD_SENTENCE_MAX_BYTES / 2; k--)
		if (t[k] == ' ' || t[k] == '\n' || t[k] == '\r' || t[k] == '\t')
			return k;
	while (c > s + 1 && ((unsigned char)t[c] & 0xC0) == 0x80)
		c--;
	return c;
}

static int emit(void *ctx, size_t s, size_t e)
{
	seg *g = ctx;
	const char *t = g->t;
	s = skip_space(t, s, e);
	e = trim_back(t, s, e);
	uint32_t flags = g->flags;
	int rc = 0;
	while (rc == 0 && e - s > DYAD_SENTENCE_MAX_BYTES) {
		size_t c = cut_point(t, s);
		flags |= DYAD_SENT_TRUNCATED;
		rc = push(g, s, trim_back(t, s, c), flags);
		s = skip_space(t, c, e);
	}
	if (rc == 0 && s < e)
		rc = push(g, s, e, flags);
	return rc;
}

static bool letters_before(const char *t, size_t i, size_t n)
{
	for (size_t k = 1; k <= n; k++)
		if (!((t[i - k] | 32) >= 'a' && (t[i - k] | 32) <= 'z'))
			return false;
	return true;
}

/* A stop after a word (not an abbreviation like "vol.") followed by a
 * space inside [s, e): prose that was not split, not a headline. */
static bool has_inner_stop(const char *t, size_t s, size_t e)
{
	for (size_t i = s + 4; i + 1 < e; i++)
		if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
		    letters_before(t, i, 4))
			return true;
	return false;
}

/* Does t[i] begin a line (only spaces or tabs since a line break or s)? */
static bool at_line_start(const char *t, size_t s, size_t i)
{
	while (i > s && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	return i == s || t[i - 1] == '\n' || t[i - 1] == '\r';
}

/*
 * Split a piece of a paragraph. Its last sentence is a headline when it
 * has no stop and stands on lines of its own (the whole piece, or lines
 * after the piece's prose: "Read also").
 */
static int flush(seg *g, size_t s, size_t e, uint32_t flags)
{
	size_t first = g->n;
	g->flags = flags;
	int rc = seg_split_run(g->t, s, e, emit, g);
	if (rc || g->n == first || (flags & (DYAD_SENT_BULLET | DYAD_SENT_DATELINE)))
		return rc;
	dyad_sentence *last = &g->items[g->n - 1];
	if (!seg_ends_with_stop(g->t, last->span.start, last->span.end) &&
	    !has_inner_stop(g->t, last->span.start, last->span.end) &&
	    at_line_start(g->t, s, last->span.start))
		last->flags |= DYAD_SENT_HEADLINE;
	return rc;
}

static int emit_as(seg *g, size_t s, size_t e, uint32_t flags)
{
	g->flags = flags;
	return emit(g, s, e);
}

/* ---- paragraphs ------------------------------------------------------ */

static size_t line_len(const seg *g, const line *l)
{
	size_t s = skip_space(g->t, l->s, l->e);
	return trim_back(g->t, s, l->e) - s;
}

static bool starts_structure(const seg *g, const line *l)
{
	size_t s = skip_space(g->t, l->s, l->e);
	return seg_bullet_len(g->t, s, l->e) || seg_dateline_end(g->t, s, l->e) ||
	       seg_is_datetime_line(g->t, s, l->e) || seg_is_byline(g->t, s, l->e);
}

/* May the blank line between lines p and q be inside a sentence? */
static bool joins_across(const seg *g, const line *p, const line *q)
{
	const char *t = g->t;
	if (seg_ends_with_stop(t, p->s, p->e) || starts_structure(g, q))
		return false;
	size_t qs = skip_space(t, q->s, q->e);
	seg_start k = seg_start_at(t, qs, q->e);
	if (seg_ends_open(t, p->s, p->e))
		return true;
	if (k == SS_LOWER)         /* short lines are bylines, labels: not wrapped */
		return line_len(g, p) >= 40;
	return g->hardwrapped && (k == SS_UPPER || k == SS_DIGIT) &&
	       line_len(g, p) >= 50 && line_len(g, q) >= 50;
}

/* Is the document wrapped with blank lines inside its sentences? */
static bool detect_hardwrap(const seg *g)
{
	size_t hits = 0;
	for (size_t i = 0; i + 1 < g->n_lines; i++) {
		const line *p = &g->lines[i], *q = &g->lines[i + 1];
		if (q->blanks != 1)
			continue;
		size_t qs = skip_space(g->t, q->s, q->e);
		if (!seg_ends_with_stop(g->t, p->s, p->e) &&
		    seg_start_at(g->t, qs, q->e) == SS_LOWER && ++hits >= 2)
			return true;
	}
	return false;
}

/* Are at least 3 words of 4+ letters in [s, e), 80% of them capitalized? */
static bool title_case(const char *t, size_t s, size_t e)
{
	size_t words = 0, caps = 0;
	for (size_t i = s; i < e;) {
		while (i < e && !((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z'))
			i++;
		size_t w = i;
		while (i < e && (((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z') || t[i] == '\''))
			i++;
		if (i - w >= 4 && (w == s || t[w - 1] == ' ' || t[w - 1] == '-')) {
			words++;
			caps += t[w] >= 'A' && t[w] <= 'Z';
		}
	}
	return words >= 3 && caps * 5 >= words * 4;
}

/* Must a new piece start at line l (not the first of its piece)? */
static bool breaks_before(const seg *g, const line *prev, const line *l,
                          size_t maxlen, uint32_t piece_flags)
{
	const char *t = g->t;
	size_t s = skip_space(t, l->s, l->e);
	if (seg_bullet_len(t, s, l->e))
		/* a list goes on, or starts after a stop or colon; otherwise
		 * "- who ..." is a dash that a hard wrap put at a line start */
		return (piece_flags & DYAD_SENT_BULLET) || seg_ends_with_stop(t, prev->s, prev->e);
	if (starts_structure(g, l))
		return true;
	if (seg_ends_with_stop(t, prev->s, prev->e)) {
		/* a stop ends a bullet item before ordinary text */
		return (piece_flags & DYAD_SENT_BULLET) && seg_start_at(t, s, l->e) == SS_UPPER;
	}
	if (seg_ends_open(t, prev->s, prev->e))
		return false;
	seg_start k = seg_start_at(t, s, l->e);
	if (k != SS_UPPER && k != SS_DIGIT && k != SS_CASELESS)
		return false;
	/* the document's first line in Title Case: a headline, however long */
	if (prev == &g->lines[0] && title_case(t, prev->s, prev->e))
		return true;
	/* a short line without a stop before longer text: a headline */
	return line_len(g, prev) * 10 < maxlen * 6;
}

/* ---- quotations ------------------------------------------------------ */

enum { Q_NONE, Q_OPEN, Q_CLOSE, Q_TOGGLE };

/* A double quotation mark at t[i]: its role and *n its bytes. */
static int dquote_at(const char *t, size_t i, size_t e, size_t *n)
{
	unsigned char c = (unsigned char)t[i];
	*n = 1;
	if (c == '"')
		return Q_TOGGLE;
	if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80) {
		*n = 3;
		unsigned char d = (unsigned char)t[i + 2];
		return d == 0x9C || d == 0x9E ? Q_OPEN : d == 0x9D ? Q_CLOSE : Q_NONE;
	}
	if (c == 0xC2 && i + 1 < e) {
		*n = 2;
		unsigned char d = (unsigned char)t[i + 1];
		return d == 0xAB ? Q_OPEN : d == 0xBB ? Q_CLOSE : Q_NONE;
	}
	return Q_NONE;
}

/* Bytes that can start a double quotation mark: " and the lead bytes of
 * “ ” „ (E2) and « » (C2). */
static const unsigned char quote_lead[256] = { ['"'] = 1, [0xE2] = 1, [0xC2] = 1 };

/* Only stops, closing marks and spaces in [i, e)? */
static bool only_tail(const char *t, size_t i, size_t e)
{
	while (i < e) {
		size_t n = seg_closer_len(t, i, e);
		if (!n)
			n = seg_space_len(t, i, e);
		if (!n && (t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ','))
			n = 1;
		if (!n)
			return false;
		i += n;
	}
	return true;
}

/* Single quotes are also apostrophes: only 'whole sentence' counts. */
static bool single_quoted(const char *t, size_t s, size_t e)
{
	bool open = t[s] == '\'' || (e - s >= 3 && (unsigned char)t[s] == 0xE2 &&
	                             (unsigned char)t[s + 1] == 0x80 && (unsigned char)t[s + 2] == 0x98);
	unsigned char c = (unsigned char)t[e - 1];
	return open && e - s >= 4 &&
	       (c == '\'' || (c == 0x99 && (unsigned char)t[e - 3] == 0xE2 && (unsigned char)t[e - 2] == 0x80));
}

/* Is [s, e) wholly inside quotation marks, given whether a quotation was
 * open at s? Updates *open to the state at e. */
static bool wholly_quoted(const char *t, size_t s, size_t e, bool *open)
{
	size_t n0;
	bool whole = *open || dquote_at(t, s, e, &n0) != Q_NONE;
	for (size_t i = s; i < e; i++) {
		/* skip to a possible quote, eight bytes at a time while none
		 * holds '"' or a high byte (the lead bytes are high bytes) */
		while (i + 8 <= e) {
			uint64_t w = text_load8(t + i);
			if ((w & TEXT_HIGHS) || text_has_byte(w, '"'))
				break;
			i += 8;
		}
		while (i < e && !quote_lead[(unsigned char)t[i]])
			i++;
		if (i >= e)
			break;
		size_t n;
		int q = dquote_at(t, i, e, &n);
		if (q == Q_NONE)
			continue;
		if (q == Q_TOGGLE)
			q = *open ? Q_CLOSE : Q_OPEN;
		if (q == Q_OPEN) {
			if (!*open && i != s)
				whole = false;     /* unquoted words before the quotation */
			*open = true;
		} else {
			if (*open && !only_tail(t, i + n, e))
				whole = false;     /* unquoted words after it: "...," he said */
			*open = false;
		}
		i += n - 1;
	}
	return whole || single_quoted(t, s, e);
}

static void flag_quotes(seg *g, size_t from)
{
	bool open = false;
	for (size_t k = from; k < g->n; k++) {
		dyad_sentence *it = &g->items[k];
		if (wholly_quoted(g->t, it->span.start, it->span.end, &open))
			it->flags |= DYAD_SENT_QUOTE;
	}
}

static int paragraph(seg *g, size_t first, size_t last)
{
	const char *t = g->t;
	size_t maxlen = 0, before = g->n;
	for (size_t i = first; i <= last; i++) {
		size_t n = line_len(g, &g->lines[i]);
		maxlen = n > maxlen ? n : maxlen;
	}
	size_t piece = 0;
	uint32_t pflags = 0;
	bool fresh = true;
	const line *prev = NULL;
	int rc = 0;
	for (size_t i = first; i <= last && rc == 0; i++) {
		const line *l = &g->lines[i];
		size_t s = skip_space(t, l->s, l->e);
		if (!fresh && breaks_before(g, prev, l, maxlen, pflags)) {
			rc = flush(g, piece, prev->e, pflags);
			fresh = true;
		}
		prev = l;
		if (rc)
			break;
		if (!fresh)
			continue;
		if (seg_is_datetime_line(t, s, l->e)) {
			rc = emit_as(g, s, l->e, DYAD_SENT_DATELINE);
			continue;
		}
		fresh = false;
		piece = s;
		pflags = seg_bullet_len(t, s, l->e) ? DYAD_SENT_BULLET : 0;
		size_t d = pflags ? 0 : seg_dateline_end(t, s, g->lines[last].e);
		if (d) {
			rc = emit_as(g, s, d, DYAD_SENT_DATELINE);
			piece = d;
		}
	}
	if (rc == 0 && !fresh)
		rc = flush(g, piece, prev->e, pflags);
	flag_quotes(g, before);
	if (g->n > before)
		g->para++;
	return rc;
}

int dyad_text_segment(const char *t, size_t len, dyad_sentence **out, size_t *n_out)
{
	seg g = { .t = t, .len = len };
	int rc = split_lines(&g);
	if (rc)
		return dyad_error_set(rc, "segmenting: out of memory");
	g.hardwrapped = detect_hardwrap(&g);
	size_t i = 0;
	while (i < g.n_lines && rc == 0) {
		size_t first = i, last = i;
		while (last + 1 < g.n_lines &&
		       (g.lines[last + 1].blanks == 0 ||
		        (g.lines[last + 1].blanks == 1 &&
		         joins_across(&g, &g.lines[last], &g.lines[last + 1]))))
			last++;
		rc = paragraph(&g, first, last);
		i = last + 1;
	}
	dyad_free(g.lines);
	if (rc) {
		dyad_free(g.items);
		return dyad_error_set(rc, "segmenting: out of memory");
	}
	*out = g.items;
	*n_out = g.n;
	return 0;
}
