/*
 * text_read.c - outside bytes -> a document of valid UTF-8.
 *
 * Decoding uses utf8proc (utf8proc_iterate validates one code point at a
 * time; we do not hand-roll a decoder). Policy:
 *  - valid UTF-8: kept as is, a leading BOM removed;
 *  - mostly invalid (no valid multi-byte sequence but some high bytes):
 *    the whole input is read as Windows-1252/Latin-1;
 *  - otherwise each invalid sequence becomes U+FFFD and is counted;
 *  - NUL bytes are removed and counted; line endings are left as they
 *    are (the segmenter understands LF, CRLF and CR).
 */
#include "text_internal.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* Windows-1252 0x80..0x9F; 0 where undefined (then read as Latin-1 C1). */
static const uint16_t cp1252_c1[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Lines longer than this get a note (a whole article on one line is
 * common; megabytes are not). */
#define DYAD_LONG_LINE_BYTES (1u << 16)

#define ONES  0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Word-at-a-time tests on 8 bytes: any byte with its high bit set, any
 * byte below n (n <= 0x80; exact as to whether one exists). */
static uint64_t load8(const uint8_t *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

static bool any_below(uint64_t w, uint8_t n)
{
	return ((w - ONES * n) & ~w & HIGHS) != 0;
}

/* End of the run of bytes 0x01..0x7F starting at s[i]: the bytes that
 * decode as themselves. Eight at a time, then one by one. */
static size_t ascii_run(const uint8_t *s, size_t i, size_t len)
{
	while (i + 8 <= len) {
		uint64_t w = load8(s + i);
		if ((w & HIGHS) || any_below(w, 1))
			break;
		i += 8;
	}
	while (i < len && s[i] && s[i] < 0x80)
		i++;
	return i;
}

static int put_cp(dyad_buf *b, utf8proc_int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
	return dyad_buf_append(b, tmp, (size_t)n);
}

static bool ascii_letter(uint8_t c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* Count valid multi-byte sequences, invalid bytes, and invalid bytes that
 * touch an ASCII letter (an accented letter inside a Latin-1 word, such
 * as "Alg\xe9rie", rather than stray bytes), to pick a policy. */
static void survey(const uint8_t *s, size_t len, size_t *valid_mb, size_t *invalid,
                   size_t *in_words)
{
	size_t i = 0;
	*valid_mb = *invalid = *in_words = 0;
	while (i < len) {
		if (s[i] < 0x80) {
			i = s[i] ? ascii_run(s, i, len) : i + 1;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n > 0) {
			(*valid_mb)++;
			i += (size_t)n;
		} else {
			(*invalid)++;
			*in_words += (i > 0 && ascii_letter(s[i - 1])) ||
			             (i + 1 < len && ascii_letter(s[i + 1]));
			i++;
		}
	}
}

static int decode_latin1(dyad_buf *b, const uint8_t *s, size_t len, dyad_read_stats *st)
{
	int rc = 0;
	for (size_t i = 0; i < len && rc == 0; i++) {
		if (s[i] == 0) {
			st->nul_bytes++;
			continue;
		}
		if (s[i] < 0x80) {
			rc = dyad_buf_putc(b, (char)s[i]);
			continue;
		}
		utf8proc_int32_t cp = s[i];
		if (s[i] < 0xA0 && cp1252_c1[s[i] - 0x80])
			cp = cp1252_c1[s[i] - 0x80];
		rc = put_cp(b, cp);
	}
	return rc;
}

static int decode_utf8(dyad_buf *b, const uint8_t *s, size_t len, dyad_read_stats *st)
{
	size_t i = 0;
	int rc = 0;
	while (i < len && rc == 0) {
		size_t run = ascii_run(s, i, len);
		if (run > i) {
			rc = dyad_buf_append(b, s + i, run - i);
			i = run;
			continue;
		}
		if (s[i] == 0) {
			st->nul_bytes++;
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n > 0) {
			rc = dyad_buf_append(b, s + i, (size_t)n);
			i += (size_t)n;
		} else {
			st->repaired++;
			rc = put_cp(b, 0xFFFD);
			i++;
			/* Swallow the continuation bytes of the broken sequence. */
			while (i < len && (s[i] & 0xC0) == 0x80)
				i++;
		}
	}
	return rc;
}

static void count_lines(const char *t, size_t len, dyad_read_stats *st)
{
	size_t pos = 0;
	while (pos < len) {
		const char *lf = memchr(t + pos, '\n', len - pos);
		size_t e = lf ? (size_t)(lf - t) : len;
		const char *cr = memchr(t + pos, '\r', e - pos);
		if (cr)
			e = (size_t)(cr - t);
		if (e - pos > st->longest_line)
			st->longest_line = e - pos;
		st->lines++;   /* a line ended by LF/CR/CRLF, or the last, unended one */
		if (e == len)
			break;
		pos = e + 1;
		if (t[e] == '\r' && pos < len && t[pos] == '\n')
			pos++;
	}
}

/* More than 10% control bytes in the first 8 KiB, or a UTF-16 BOM
 * (UTF-16 is not read: it would decode as text full of NULs). */
static bool looks_binary(const uint8_t *s, size_t len)
{
	if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return true;
	size_t n = len < 8192 ? len : 8192, ctl = 0, i = 0;
	while (i < n) {
		/* eight bytes without any control byte need no closer look */
		if (i + 8 <= n && !any_below(load8(s + i), 0x20)) {
			i += 8;
			continue;
		}
		size_t e = i + 8 <= n ? i + 8 : n;
		for (; i < e; i++)
			if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f')
				ctl++;
	}
	return n && ctl * 10 > n;
}

/* The name into the document's own buffer, grown when too small. */
static int set_name(dyad_doc *doc, const char *name)
{
	size_t n = strlen(name) + 1;
	if (n > doc->name_cap) {
		char *p = dyad_realloc(doc->name, n);
		if (!p)
			return DYAD_ENOMEM;
		doc->name = p;
		doc->name_cap = n;
	}
	memcpy(doc->name, name, n);
	return 0;
}

/*
 * Decode `bytes` into `doc`, a fresh (zeroed) document or one emptied by
 * text_doc_reload whose name and text buffers are written over. On error
 * the caller frees the document.
 */
static int doc_fill(dyad_doc *doc, const char *name, const void *bytes, size_t len,
                    dyad_diag *diag)
{
	const uint8_t *s = bytes;
	dyad_buf b = { doc->text, 0, doc->text_cap, 0 };
	doc->text = NULL;
	doc->text_cap = 0;
	int rc = set_name(doc, name ? name : "-");
	if (rc)
		goto done;
	doc->stats.bytes_in = len;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		doc->stats.bom = true;
		s += 3;
		len -= 3;
	}
	doc->stats.binary = looks_binary(s, len);
	size_t valid_mb = 0, invalid = 0, in_words = 0;
	if (ascii_run(s, 0, len) == len) {
		/* what decode_utf8 would produce, without its byte-wise copy */
		rc = dyad_buf_append(&b, s, len);
		goto decoded;
	}
	survey(s, len, &valid_mb, &invalid, &in_words);
	/* Latin-1 text has many lone high bytes, mostly letters inside words,
	 * and (almost) no valid multi-byte sequences; UTF-8 with a few bad
	 * bytes is the reverse, and stray bytes between spaces are repaired. */
	if (invalid && valid_mb * 8 < invalid && in_words * 2 >= invalid) {
		doc->stats.latin1 = true;
		rc = decode_latin1(&b, s, len, &doc->stats);
	} else {
		rc = decode_utf8(&b, s, len, &doc->stats);
	}
decoded:
	if (rc)
		goto done;
	/* (a reused buffer holds old bytes: terminate it even when empty) */
	if ((!b.data || !b.len) && (rc = dyad_buf_append(&b, "", 0)) != 0)
		goto done;
	doc->text_cap = b.cap;
	doc->text = dyad_buf_detach(&b, &doc->len);
	count_lines(doc->text, doc->len, &doc->stats);

	const char *nm = doc->name;
	if (len == 0)
		rc = dyad_diag_report(diag, DYAD_DIAG_NOTE, nm, "empty document: no sentences");
	if (doc->stats.binary)
		rc = dyad_diag_report(diag, DYAD_DIAG_WARNING, nm,
		                      "looks like a binary file (or UTF-16), not text (%zu bytes)", len);
	if (!rc && doc->stats.latin1 && !doc->stats.binary)
		rc = dyad_diag_report(diag, DYAD_DIAG_NOTE, nm,
		                      "not UTF-8: read as Latin-1/Windows-1252 (%zu high bytes)", invalid);
	if (!rc && doc->stats.repaired && !doc->stats.binary)
		rc = dyad_diag_report(diag, DYAD_DIAG_WARNING, nm,
		                      "%zu invalid UTF-8 sequence(s) replaced by U+FFFD",
		                      doc->stats.repaired);
	if (!rc && doc->stats.nul_bytes && !doc->stats.binary)
		rc = dyad_diag_report(diag, DYAD_DIAG_WARNING, nm, "%zu NUL byte(s) removed",
		                      doc->stats.nul_bytes);
	if (!rc && doc->stats.longest_line > DYAD_LONG_LINE_BYTES)
		rc = dyad_diag_report(diag, DYAD_DIAG_NOTE, nm,
		                      "a line of %zu bytes: sentences longer than %d bytes are cut",
		                      doc->stats.longest_line, DYAD_SENTENCE_MAX_BYTES);
done:
	dyad_buf_release(&b);
	return rc;
}

int dyad_doc_from_bytes(dyad_doc **out, const char *name,
                        const void *bytes, size_t len, dyad_diag *diag)
{
	*out = NULL;
	dyad_doc *doc = dyad_calloc(1, sizeof(*doc));
	if (!doc)
		return DYAD_ENOMEM;
	int rc = doc_fill(doc, name, bytes, len, diag);
	if (rc) {
		dyad_doc_free(doc);
		return rc;
	}
	*out = doc;
	return 0;
}

int text_doc_reload(dyad_doc **doc, const char *name, const void *bytes, size_t len,
                    dyad_diag *diag)
{
	dyad_doc *d = *doc;
	if (!d)
		return dyad_doc_from_bytes(doc, name, bytes, len, diag);
	dyad_free(d->sentences);
	d->sentences = NULL;
	d->n_sentences = 0;
	d->segmented = false;
	text_norm_release(d);
	d->norm_len = 0;
	memset(&d->stats, 0, sizeof(d->stats));
	d->len = 0;
	int rc = doc_fill(d, name, bytes, len, diag);
	if (rc) {
		dyad_doc_free(d);
		*doc = NULL;
	}
	return rc;
}

int dyad_doc_from_file(dyad_doc **out, const char *path, dyad_diag *diag)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	dyad_buf b = DYAD_BUF_INIT;
	int rc = 0;
	*out = NULL;
	if (!f)
		return dyad_error_set(DYAD_EIO, "%s: %s", path, strerror(errno));
	char chunk[65536];
	size_t n;
	errno = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if ((rc = dyad_buf_append(&b, chunk, n)) != 0) {
			rc = dyad_error_set(rc, "%s: %s", path, rc == DYAD_ELIMIT ?
			                    "file too large to read as one document" : "out of memory");
			break;
		}
	if (!rc && ferror(f))
		rc = dyad_error_set(DYAD_EIO, "%s: %s", path, errno ? strerror(errno) : "read error");
	if (!is_stdin)
		fclose(f);
	if (!rc)
		rc = dyad_doc_from_bytes(out, is_stdin ? "<stdin>" : path, b.data, b.len, diag);
	dyad_buf_release(&b);
	return rc;
}

void dyad_doc_free(dyad_doc *doc)
{
	if (!doc)
		return;
	dyad_free(doc->name);
	dyad_free(doc->text);
	dyad_free(doc->sentences);
	text_norm_release(doc);
	dyad_free(doc);
}

const char *dyad_doc_name(const dyad_doc *doc)
{
	return doc->name;
}

const char *dyad_doc_text(const dyad_doc *doc, size_t *len_out)
{
	if (len_out)
		*len_out = doc->len;
	return doc->text;
}

const dyad_read_stats *dyad_doc_stats(const dyad_doc *doc)
{
	return &doc->stats;
}

const dyad_sentence *dyad_doc_sentences(dyad_doc *doc, size_t *n_out)
{
	if (!doc->segmented) {
		if (dyad_text_segment(doc->text, doc->len, &doc->sentences, &doc->n_sentences)) {
			*n_out = 0;
			return NULL;
		}
		doc->segmented = true;
	}
	*n_out = doc->n_sentences;
	static const dyad_sentence none;
	return doc->sentences ? doc->sentences : &none;
}
