/*
 * lexicon_read.c - readers for .actors and .agents files (TABARI syntax
 * plus the 8-digit date extension) and dyad's .people TSV, and the
 * phrase and word-matching primitives shared with the verbs reader.
 *
 * Real files are messy: CRLF, Latin-1 bytes, '#' and ';' comments, code
 * blocks on the lines after an entry, stray quotes. Each problem is
 * reported as "file:line: message"; the line is skipped and reading
 * goes on (a strict sink stops the load instead).
 */
#include "lexicon_internal.h"
#include "util/alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

int lx_report(lx_reader *r, dyad_severity sev, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(r->where, sizeof r->where, "%s:%zu", r->path, r->line);
	r->lex->n_problems++;
	int rc = dyad_diag_report(r->diag, sev, r->where, "%s", msg);
	if (rc && !r->fatal)
		r->fatal = rc;
	return rc;
}

static bool is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

int32_t lx_parse_date(const char *s, size_t len)
{
	while (len && is_sp(*s)) { s++; len--; }
	while (len && is_sp(s[len - 1])) len--;
	if (len != 6 && len != 8)
		return -1;
	int32_t v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (len == 6) {
		/* TABARI's two-digit years: the dictionaries date from 1990-2012
		 * and name offices back to the 1930s, and TABARI reads 00-30 as 20YY. */
		int yy = v / 10000;
		v += (yy <= 30 ? 2000 : 1900) * 10000;
	}
	int m = (v / 100) % 100, d = v % 100;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	return v;
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* Copy one character of `s` into buf (lower-cased ASCII, valid UTF-8
 * kept, a stray Latin-1 byte folded to its ASCII letter so that old
 * files still match normalized text). Returns bytes consumed. */
static size_t fold_char(const unsigned char *s, size_t n, char *buf, size_t *b, size_t cap)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		if (*b < cap)
			buf[(*b)++] = lower((char)c);
		return 1;
	}
	size_t need = (c >= 0xf0 && c < 0xf8) ? 4 : (c >= 0xe0) ? 3 : (c >= 0xc2) ? 2 : 0;
	if (need && need <= n) {
		size_t k = 1;
		while (k < need && (s[k] & 0xc0) == 0x80)
			k++;
		if (k == need) {
			/* lower-case as the tokenizer does ("CÔTE" -> "côte",
			 * "İlker" -> "ilker"), so accented entries match */
			utf8proc_int32_t cp;
			utf8proc_uint8_t enc[4];
			if (utf8proc_iterate(s, (utf8proc_ssize_t)k, &cp) == (utf8proc_ssize_t)k) {
				utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
				for (utf8proc_ssize_t j = 0; j < el && *b < cap; j++)
					buf[(*b)++] = (char)enc[j];
				return k;
			}
			for (size_t j = 0; j < k && *b < cap; j++)
				buf[(*b)++] = (char)s[j];
			return k;
		}
	}
	static const char map[] = /* 0xc0 .. 0xff */
		"aaaaaaaceeeeiiiidnooooo0ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
	if (c >= 0xc0 && *b < cap)
		buf[(*b)++] = map[c - 0xc0];
	return 1;
}

/* Append one element. */
static int add_elem(lx_reader *r, uint8_t kind, const char *s, size_t n,
                    uint8_t flags, uint32_t *count)
{
	if (n > 255)
		n = 255;
	lx_word w = { "", 0, kind, flags };
	if (n) {
		char *c = lx_strdup(r->lex, s, n);
		if (!c)
			return DYAD_ENOMEM;
		w.s = c;
		w.len = (uint16_t)n;
	}
	if (r->lemma && kind == LW_WORD)
		w.flags |= LWF_LEMMA;
	(*count)++;
	return lx_push_word(r->lex, &w);
}

static bool is_alnum_byte(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (unsigned char)c >= 0x80;
}

static bool is_word_sep(char c)
{
	return c == ' ' || c == '\t' || c == '_' || c == '~' || c == '=';
}

/*
 * Parse the words of a phrase. `_` after a word: exact word, and the
 * next element follows immediately; `~`: stem, next follows
 * immediately; `=`: exact without regular endings; a space: stem, gap
 * allowed (patterns) / contiguous (actor phrases are matched as runs).
 */
int lx_parse_words(lx_reader *r, const char *s, size_t len, bool pattern,
                   uint32_t *first, uint32_t *n)
{
	*first = (uint32_t)r->lex->n_words;
	*n = 0;
	char buf[512];
	size_t i = 0;
	int rc = 0;
	bool hyphen = false;
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '_'))
			i++;
		if (i >= len)
			break;
		uint8_t kind = LW_WORD, flags = 0;
		size_t b = 0;
		char c = s[i];
		if (pattern && (c == '*' || c == '$' || c == '+' || c == '%' || c == '^')) {
			kind = c == '*' ? LW_VERB : c == '$' ? LW_SRC : c == '+' ? LW_TGT :
			       c == '%' ? LW_COMP : LW_SKIP;
			i++;
		} else {
			while (i < len && !is_word_sep(s[i]) &&
			       !(pattern && (s[i] == '*' || s[i] == '$' || s[i] == '%' || s[i] == '^')) &&
			       !(!pattern && s[i] == '&' && b)) {
				/* BARAD-DUR, MILITARY-TECHNICAL: the coder reads a
				 * hyphenated word as its parts, so the phrase does too */
				if (s[i] == '-' && b && i + 1 < len && is_alnum_byte(s[i + 1]) &&
				    is_alnum_byte(s[i - 1])) {
					hyphen = true;
					i++;
					break;
				}
				i += fold_char((const unsigned char *)s + i, len - i, buf, &b, sizeof buf - 1);
				if (!pattern && s[i - 1] == '&')
					break;   /* AT&T: '&' is a token of its own */
			}
		}
		if (hyphen) {
			hyphen = false;
			if ((rc = add_elem(r, LW_WORD, buf, b, LWF_EXACT | LWF_NEXT, n)))
				return rc;
			continue;
		}
		/* separator after the element */
		if (i < len && s[i] == '=') {
			flags |= LWF_EXACT | LWF_NOEND;
			i++;
		}
		if (i < len && s[i] == '_') {
			if (kind == LW_WORD)
				flags |= LWF_EXACT;
			size_t j = i;
			while (j < len && s[j] == '_')
				j++;
			if (j < len && s[j] != ' ' && s[j] != '\t')
				flags |= LWF_NEXT;
		} else if (i < len && s[i] == '~') {
			flags |= LWF_NEXT;
			i++;
		} else if (!pattern && i < len && (s[i] == '&' || (b && buf[b - 1] == '&'))) {
			flags |= LWF_NEXT | LWF_EXACT;
		}
		/* "ANTI-": the text splits the hyphen off; the word must be
		 * followed at once by the next element */
		while (kind == LW_WORD && b > 1 && buf[b - 1] == '-') {
			b--;
			flags |= LWF_NEXT;
		}
		/* an initial or abbreviation with one final period ("W.",
		 * "ST.", "JR."): the tokenizer splits the period off (an inner
		 * period, as in U.S., keeps the acronym whole) */
		if (kind == LW_WORD && b >= 2 && buf[b - 1] == '.' && !memchr(buf, '.', b - 1))
			b--;
		if (kind == LW_WORD && !b)
			continue;
		/* possessive: PEOPLE'S -> people + 's; MILLS' -> mills + 's */
		if (kind == LW_WORD && b >= 2 && buf[b - 1] == 's' && buf[b - 2] == '\'') {
			if ((rc = add_elem(r, LW_WORD, buf, b - 2, LWF_EXACT | LWF_NEXT, n)))
				return rc;
			if ((rc = add_elem(r, LW_WORD, "'s", 2, (uint8_t)(LWF_POSS | LWF_EXACT | (flags & LWF_NEXT)), n)))
				return rc;
			continue;
		}
		if (kind == LW_WORD && b >= 2 && buf[b - 1] == '\'') {
			if ((rc = add_elem(r, LW_WORD, buf, b - 1, LWF_EXACT | LWF_NEXT, n)))
				return rc;
			if ((rc = add_elem(r, LW_WORD, "'s", 2, (uint8_t)(LWF_POSS | LWF_EXACT | (flags & LWF_NEXT)), n)))
				return rc;
			continue;
		}
		if ((rc = add_elem(r, kind, buf, kind == LW_WORD ? b : 0, flags, n)))
			return rc;
	}
	/* a trailing connector means nothing after the last element */
	if (*n)
		r->lex->words[r->lex->n_words - 1].flags &= (uint8_t)~LWF_NEXT;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Codes                                                               */

/* Parse one "[...]" block body into a code. 1 = ok, 0 = reported. */
static int parse_code_block(lx_reader *r, const char *s, size_t n, lx_code *out)
{
	while (n && is_sp(*s)) { s++; n--; }
	while (n && is_sp(s[n - 1])) n--;
	size_t cl = 0;
	while (cl < n && !is_sp(s[cl]))
		cl++;
	/* "- - -" written with spaces is the null code */
	if (n >= 5 && s[0] == '-' && s[1] == ' ' && s[2] == '-') {
		*out = (lx_code){ "---", 0, 0, 0, 0 };
		return 1;
	}
	if (!cl || (s[0] >= '0' && s[0] <= '9') || s[0] == '<' || s[0] == '>') {
		lx_report(r, DYAD_DIAG_WARNING, "no code in [%.*s]", (int)n, s);
		return 0;
	}
	if (cl >= DYAD_CODE_MAX) {
		lx_report(r, DYAD_DIAG_WARNING, "code too long in [%.*s]", (int)n, s);
		return 0;
	}
	char *code = lx_strdup(r->lex, s, cl);
	if (!code)
		return -1;
	*out = (lx_code){ code, 0, 0, 0, 0 };
	const char *d = s + cl;
	size_t dn = n - cl;
	while (dn && is_sp(*d)) { d++; dn--; }
	if (!dn)
		return 1;
	out->dated = 1;
	if (*d == '<' || *d == '>') {
		int32_t v = lx_parse_date(d + 1, dn - 1);
		if (v < 0)
			goto bad;
		if (*d == '<') out->to = v; else out->from = v;
		return 1;
	}
	const char *dash = memchr(d, '-', dn);
	if (!dash)
		goto bad;
	int32_t a = lx_parse_date(d, (size_t)(dash - d));
	int32_t b = lx_parse_date(dash + 1, dn - (size_t)(dash - d) - 1);
	if (a < 0 || b < 0)
		goto bad;
	out->from = a;
	out->to = b;
	return 1;
bad:
	lx_report(r, DYAD_DIAG_WARNING, "bad date restriction in [%.*s]", (int)n, s);
	return 0;
}

/* Parse every [..] block of `s`; push codes. Returns codes added or <0. */
static int parse_codes(lx_reader *r, const char *s, size_t n, bool agent,
                       uint8_t *agent_prefix)
{
	int added = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ';')
			break;
		if (s[i] != '[')
			continue;
		const char *close = memchr(s + i, ']', n - i);
		if (!close) {
			lx_report(r, DYAD_DIAG_WARNING, "missing ] in code");
			return added;
		}
		const char *b = s + i + 1;
		size_t bn = (size_t)(close - b);
		i = (size_t)(close - s);
		lx_code c;
		if (agent) {
			while (bn && is_sp(*b)) { b++; bn--; }
			while (bn && is_sp(b[bn - 1])) bn--;
			const char *t = memchr(b, '~', bn);
			if (!t) {
				lx_report(r, DYAD_DIAG_WARNING, "agent code without ~ in [%.*s]", (int)bn, b);
				continue;
			}
			bool prefix = t != b;   /* [NGM~]: code goes in front */
			const char *cs = prefix ? b : t + 1;
			size_t cn = prefix ? (size_t)(t - b) : bn - 1;
			while (cn && is_sp(cs[cn - 1])) cn--;
			if (!cn || cn >= DYAD_CODE_MAX) {
				lx_report(r, DYAD_DIAG_WARNING, "empty agent code");
				continue;
			}
			char *code = lx_strdup(r->lex, cs, cn);
			if (!code)
				return -1;
			c = (lx_code){ code, 0, 0, 0, 0 };
			*agent_prefix = prefix;
		} else {
			int k = parse_code_block(r, b, bn, &c);
			if (k < 0)
				return -1;
			if (!k)
				continue;
		}
		if (lx_push_code(r->lex, &c))
			return -1;
		added++;
	}
	return added;
}

/* ------------------------------------------------------------------ */
/* Actors and agents                                                   */

typedef struct pending {
	uint32_t ids[256];
	size_t   n;
	size_t   code_first;
	bool     dropped;         /* too many synonyms reported */
	size_t   line;
} pending;

static void finish_entry(lx_reader *r, pending *p)
{
	if (!p->n)
		return;
	size_t nc = r->lex->n_codes - p->code_first;
	if (!nc) {
		size_t save = r->line;
		r->line = p->line;
		lx_report(r, DYAD_DIAG_WARNING, "entry has no code");
		r->line = save;
	}
	for (size_t i = 0; i < p->n; i++) {
		lx_phrase *ph = &r->lex->phrases[p->ids[i]];
		ph->code_first = (uint32_t)p->code_first;
		ph->n_codes = (uint32_t)nc;
		if (!nc)
			ph->n = 0;   /* unusable: keep out of the index */
	}
	p->n = 0;
}

static int add_phrase(lx_reader *r, const char *s, size_t n, int kind,
                      const char *line, size_t line_len, uint32_t *id)
{
	uint32_t first, cnt;
	int rc = lx_parse_words(r, s, n, false, &first, &cnt);
	if (rc)
		return rc;
	if (!cnt) {
		lx_report(r, DYAD_DIAG_WARNING, "empty phrase");
		*id = UINT32_MAX;
		return 0;
	}
	lx_phrase ph = { 0 };
	ph.first = first;
	ph.n = cnt;
	ph.kind = (uint8_t)kind;
	if (kind == PH_ACTOR || kind == PH_AGENT)
		for (uint32_t i = 0; i < cnt; i++)
			r->lex->words[first + i].flags |= LWF_NOUN;
	for (uint32_t i = 0; i < cnt; i++)
		ph.chars += r->lex->words[first + i].len;
	ph.text = lx_strdup(r->lex, line, line_len);
	if (!ph.text)
		return DYAD_ENOMEM;
	return lx_push_phrase(r->lex, &ph, id);
}

/* Length of the phrase part of a line: up to '[', ';' or end. */
static size_t phrase_part(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] != '[' && s[i] != ';' && s[i] != '"')
		i++;
	while (i && is_sp(s[i - 1]))
		i--;
	return i;
}

static int block_kind(const char *s, size_t n, int *kind, bool *end)
{
	static const struct { const char *t; int k; } tags[] = {
		{ "NOUN", PH_NOUN }, { "ADJECTIVE", PH_ADJ }, { "ADJ", PH_ADJ },
		{ "TIME", PH_TIME }, { "SYNSETS", -2 }, { "SYNSET", -2 },
	};
	if (n < 3 || s[0] != '<')
		return 0;
	*end = s[1] == '/';
	const char *t = s + 1 + *end;
	const char *gt = memchr(t, '>', n - 1 - *end);
	if (!gt)
		return 0;
	size_t tl = (size_t)(gt - t);
	for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
		if (strlen(tags[i].t) == tl && strncmp(t, tags[i].t, tl) == 0) {
			*kind = tags[i].k;
			return 1;
		}
	*kind = -1;
	return 1;
}

int lx_read_actors(lx_reader *r, char *text, size_t len, int kind)
{
	pending p = { .n = 0 };
	int block = -1;   /* inside <NOUN> etc. */
	char *s = text, *end = text + len;
	int rc = 0;
	while (s < end && !rc && !r->fatal) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		char *line = s;
		s += n + 1;
		r->line++;
		while (n && is_sp(line[n - 1]))
			n--;
		bool indented = n && is_sp(line[0]);
		while (n && is_sp(*line)) { line++; n--; }
		if (n && line[0] == '"') { line++; n--; }
		if (!n || line[0] == '#' || line[0] == ';' || (n > 1 && line[0] == '/' && line[1] == '/'))
			continue;
		int bk; bool bend;
		if (block_kind(line, n, &bk, &bend)) {
			finish_entry(r, &p);
			if (bk == -1)
				lx_report(r, DYAD_DIAG_WARNING, "unknown block %.*s", (int)n, line);
			block = bend ? -1 : bk;
			continue;
		}
		if (block >= 0) {      /* noun/adjective lists: phrases without codes */
			uint32_t id;
			size_t pl = phrase_part(line, n);
			if ((rc = add_phrase(r, line, pl, block, line, n, &id)))
				break;
			continue;
		}
		if (line[0] == '[' || (indented && line[0] == '[')) {
			if (!p.n) {
				lx_report(r, DYAD_DIAG_WARNING, "code line without an entry");
				continue;
			}
			uint8_t pre = 0;
			if (parse_codes(r, line, n, kind == PH_AGENT, &pre) < 0)
				return DYAD_ENOMEM;
			if (pre)
				for (size_t i = 0; i < p.n; i++)
					r->lex->phrases[p.ids[i]].agent_prefix = 1;
			continue;
		}
		bool synonym = line[0] == '+';
		if (synonym) {
			line++; n--;
			if (!p.n) {
				lx_report(r, DYAD_DIAG_WARNING, "synonym without an entry");
				continue;
			}
		} else {
			finish_entry(r, &p);
			p.code_first = r->lex->n_codes;
			p.line = r->line;
		}
		size_t pl = phrase_part(line, n);
		if (!pl) {
			lx_report(r, DYAD_DIAG_WARNING, "phrase missing");
			continue;
		}
		uint32_t id;
		if ((rc = add_phrase(r, line, pl, kind, line, n, &id)))
			break;
		if (id == UINT32_MAX)
			continue;
		if (p.n < sizeof p.ids / sizeof p.ids[0])
			p.ids[p.n++] = id;
		else if (!p.dropped) {
			lx_report(r, DYAD_DIAG_WARNING, "more than 256 synonyms: the rest ignored");
			p.dropped = true;
			r->lex->phrases[id].n = 0;
		} else {
			r->lex->phrases[id].n = 0;
		}
		uint8_t pre = 0;
		if (parse_codes(r, line + pl, n - pl, kind == PH_AGENT, &pre) < 0)
			return DYAD_ENOMEM;
		if (pre)
			r->lex->phrases[id].agent_prefix = 1;
		if (synonym && r->lex->n_codes > p.code_first && line[pl] == '[')
			lx_report(r, DYAD_DIAG_NOTE, "synonym carries codes: shared with its entry");
	}
	finish_entry(r, &p);
	return rc;
}

/* ------------------------------------------------------------------ */
/* People (.people TSV, dyad extension)                                */

static int32_t iso_date(const char *s, size_t n, bool end)
{
	while (n && is_sp(*s)) { s++; n--; }
	while (n && is_sp(s[n - 1])) n--;
	if (!n)
		return 0;
	dyad_date d;
	if (dyad_date_parse(&d, s, n))
		return -1;
	int m = d.month ? d.month : (end ? 12 : 1);
	int dd = d.day ? d.day : (end ? 31 : 1);
	return d.year * 10000 + m * 100 + dd;
}

static size_t split_tabs(char *line, size_t n, const char **f, size_t *fl, size_t max)
{
	size_t k = 0, st = 0;
	for (size_t i = 0; i <= n && k < max; i++) {
		if (i == n || line[i] == '\t') {
			f[k] = line + st;
			fl[k] = i - st;
			k++;
			st = i + 1;
		}
	}
	return k;
}

static int add_name(lx_reader *r, const char *name, size_t nl, pending *p,
                    const char *line, size_t line_len)
{
	char buf[512];
	size_t b = 0;
	for (size_t i = 0; i < nl && b < sizeof buf - 1; i++)
		buf[b++] = name[i] == ' ' ? '_' : name[i];
	if (!b)
		return 0;
	buf[b++] = '_';
	uint32_t id;
	int rc = add_phrase(r, buf, b, PH_ACTOR, line, line_len, &id);
	if (rc || id == UINT32_MAX)
		return rc;
	if (p->n < sizeof p->ids / sizeof p->ids[0])
		p->ids[p->n++] = id;
	return 0;
}

int lx_read_people(lx_reader *r, char *text, size_t len)
{
	pending p = { .n = 0 };
	char last[256] = "";
	char country[4] = "";
	char *s = text, *end = text + len;
	int rc = 0;
	while (s < end && !rc && !r->fatal) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		char *line = s;
		s += n + 1;
		r->line++;
		while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
			n--;
		if (!n || line[0] == '#' || (r->line == 1 && strncmp(line, "name\t", 5) == 0))
			continue;
		const char *f[7];
		size_t fl[7];
		size_t k = split_tabs(line, n, f, fl, 7);
		if (k < 5 || !fl[0] || fl[2] < 3 || fl[2] >= DYAD_CODE_MAX) {
			lx_report(r, DYAD_DIAG_WARNING, "people row needs name, variants, code, start, end");
			continue;
		}
		int32_t from = iso_date(f[3], fl[3], false), to = iso_date(f[4], fl[4], true);
		if (from < 0 || to < 0) {
			lx_report(r, DYAD_DIAG_WARNING, "bad date in people row");
			continue;
		}
		bool same = fl[0] < sizeof last && strlen(last) == fl[0] &&
		            memcmp(last, f[0], fl[0]) == 0;
		if (!same) {
			if (p.n && country[0]) {
				lx_code fb = { lx_strdup(r->lex, country, 3), 0, 0, 0, 1 };
				if (!fb.code || lx_push_code(r->lex, &fb))
					return DYAD_ENOMEM;
			}
			finish_entry(r, &p);
			p.code_first = r->lex->n_codes;
			p.line = r->line;
			size_t cl = fl[0] < sizeof last - 1 ? fl[0] : sizeof last - 1;
			memcpy(last, f[0], cl);
			last[cl] = '\0';
			memcpy(country, f[2], 3);
			country[3] = '\0';
			if ((rc = add_name(r, f[0], fl[0], &p, line, n)))
				break;
			const char *v = f[1], *ve = f[1] + fl[1];
			while (v < ve) {
				const char *bar = memchr(v, '|', (size_t)(ve - v));
				const char *e2 = bar ? bar : ve;
				if ((rc = add_name(r, v, (size_t)(e2 - v), &p, line, n)))
					break;
				v = e2 + 1;
			}
		}
		lx_code c = { lx_strdup(r->lex, f[2], fl[2]), from, to, 1, 0 };
		if (!c.code || lx_push_code(r->lex, &c))
			return DYAD_ENOMEM;
	}
	if (p.n && country[0]) {
		lx_code fb = { lx_strdup(r->lex, country, 3), 0, 0, 0, 1 };
		if (!fb.code || lx_push_code(r->lex, &fb))
			return DYAD_ENOMEM;
	}
	finish_entry(r, &p);
	return rc;
}
