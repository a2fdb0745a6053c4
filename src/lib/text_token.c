/*
 * text_token.c - tokenization with byte offsets.
 *
 * ASCII is handled by a table-driven fast path (news text is mostly
 * ASCII and the coder's throughput depends on this loop); other code
 * points are decoded with utf8proc and classified by Unicode category,
 * so Arabic and Cyrillic words pass through as words.
 *
 * Normalized forms: lower case (utf8proc_tolower), NFC where the token
 * has non-ASCII letters, typographic quotes/dashes mapped to ASCII.
 */
#include "text_internal.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/error.h"

#include <string.h>
#include <utf8proc.h>

struct dyad_tokens {
	dyad_token *items;
	size_t      count, cap;
	dyad_arena  arena;     /* normalized forms */
	char       *pool;      /* free part of the last arena chunk ... */
	size_t      pool_left; /* ... and its size */
};

/* Room for a normalized form: bump-allocated from a chunk of the arena
 * (one arena call per chunk instead of one per token). */
static char *norm_space(dyad_tokens *t, size_t need)
{
	need = (need + 7u) & ~(size_t)7u;
	if (t->pool_left < need) {
		size_t chunk = need > 4096 ? need : 4096;
		char *p = dyad_arena_alloc(&t->arena, chunk);
		if (!p)
			return NULL;
		t->pool = p;
		t->pool_left = chunk;
	}
	char *r = t->pool;
	t->pool += need;
	t->pool_left -= need;
	return r;
}

int dyad_tokens_new(dyad_tokens **out)
{
	dyad_tokens *t = dyad_calloc(1, sizeof(*t));
	if (!t)
		return DYAD_ENOMEM;
	t->arena.block_size = 16384;
	*out = t;
	return 0;
}

void dyad_tokens_free(dyad_tokens *toks)
{
	if (!toks)
		return;
	dyad_free(toks->items);
	dyad_arena_release(&toks->arena);
	dyad_free(toks);
}

size_t dyad_tokens_count(const dyad_tokens *toks)
{
	return toks->count;
}

const dyad_token *dyad_tokens_array(const dyad_tokens *toks)
{
	return toks->items;
}

/* Character classes of the scanner. */
enum cls { C_SPACE, C_ALPHA, C_DIGIT, C_PUNCT, C_SYMBOL, C_OTHER };

typedef struct cpinfo {
	utf8proc_int32_t cp;
	int len;        /* bytes */
	enum cls cls;
	bool upper, lower, latin;
} cpinfo;

static enum cls classify_cp(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return C_ALPHA;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return C_SYMBOL;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	default:
		return C_OTHER;
	}
}

/* ASCII classes, precomputed: the common case of decode(). */
static const unsigned char ascii_cls[128] = {
#define SP C_SPACE
#define PU C_PUNCT
#define SY C_SYMBOL
#define DI C_DIGIT
#define AL C_ALPHA
	SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
	SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP, SP,
	SP, PU, PU, PU, SY, SY, PU, PU, PU, PU, PU, SY, PU, PU, PU, PU,   /*  !"#$%&'()*+,-./ */
	DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, PU, PU, SY, SY, SY, PU,   /* 0-9 :;<=>? */
	PU, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,   /* @A-O */
	AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, PU, PU, PU, SY, PU,   /* P-Z [\]^_ */
	SY, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL,   /* `a-o */
	AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, AL, PU, SY, PU, SY, SP,   /* p-z {|}~ DEL */
#undef SP
#undef PU
#undef SY
#undef DI
#undef AL
};

static void decode_slow(const char *text, size_t len, size_t i, cpinfo *ci)
{
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
	                                      (utf8proc_ssize_t)(len - i), &ci->cp);
	if (n <= 0) {       /* cannot happen on a decoded document; be safe */
		ci->cp = 0xFFFD;
		n = 1;
	}
	ci->len = (int)n;
	ci->cls = classify_cp(ci->cp);
	ci->upper = utf8proc_isupper(ci->cp);
	ci->lower = utf8proc_islower(ci->cp);
	ci->latin = ci->cp < 0x250 || (ci->cp >= 0x1E00 && ci->cp < 0x1F00);
}

static inline void decode(const char *text, size_t len, size_t i, cpinfo *ci)
{
	unsigned char c = (unsigned char)text[i];
	if (c >= 0x80) {
		decode_slow(text, len, i, ci);
		return;
	}
	ci->cp = c;
	ci->len = 1;
	ci->latin = true;
	ci->upper = c >= 'A' && c <= 'Z';
	ci->lower = c >= 'a' && c <= 'z';
	ci->cls = (enum cls)ascii_cls[c];
}

/* Typographic characters mapped for matching. */
int32_t text_map_typographic(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
	case 0x2033:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
	case 0x2212:
		return '-';
	case 0x00A0: case 0x2009: case 0x202F:
		return ' ';
	default:
		return cp;
	}
}

bool text_needs_nfc(int32_t cp)
{
	/* A string is already NFC when none of its characters decomposes, has
	 * a combining class, or takes part in a composition (Hangul is
	 * composed algorithmically). Most Arabic and Cyrillic text is. */
	if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xAC00 && cp <= 0xD7A3))
		return true;
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	return p->decomp_seqindex != UINT16_MAX || p->comb_index != UINT16_MAX ||
	       p->combining_class != 0;
}

static bool is_apostrophe(utf8proc_int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static bool is_hyphen(utf8proc_int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int push(dyad_tokens *t, const char *text, size_t start, size_t end,
                uint32_t base, int kind, unsigned flags)
{
	if (t->count == t->cap) {
		dyad_token *p = dyad_grow(t->items, &t->cap, t->count + 1, sizeof(*p), 64);
		if (!p)
			return DYAD_ENOMEM;
		t->items = p;
	}
	/* Normalized form: lower case, typographic marks mapped, NFC. */
	size_t n = end - start;
	char *norm = norm_space(t, n * 2 + 8);
	if (!norm)
		return DYAD_ENOMEM;
	size_t o = 0, i = start;
	bool need_nfc = false;
	while (i < end) {
		if (i + 8 <= end) {
			/* eight ASCII bytes lower-cased at once (norm has room) */
			uint64_t w = text_load8(text + i);
			if (!(w & TEXT_HIGHS)) {
				uint64_t upper = (w + TEXT_ONES * (0x80 - 'A')) &
				                 ~(w + TEXT_ONES * (0x7F - 'Z')) & TEXT_HIGHS;
				w |= upper >> 2;
				memcpy(norm + o, &w, 8);
				o += 8;
				i += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80) {
			norm[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
		                                      (utf8proc_ssize_t)(end - i), &cp);
		if (k <= 0) {
			cp = 0xFFFD;
			k = 1;
		}
		i += (size_t)k;
		if (cp == 0x2026) {           /* ellipsis: same form as "..." */
			memcpy(norm + o, "...", 3);
			o += 3;
			continue;
		}
		if (cp == 0xAD)               /* soft hyphen: invisible, dropped */
			continue;
		cp = utf8proc_tolower(text_map_typographic(cp));
		need_nfc |= text_needs_nfc(cp);
		o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)norm + o);
	}
	norm[o] = '\0';
	if (need_nfc) {
		utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)norm);
		if (nfc) {
			size_t m = strlen((char *)nfc);
			if (m <= n * 2 + 7) {
				memcpy(norm, nfc, m + 1);
				o = m;
			}
			free(nfc);
		}
	}
	dyad_token *tok = &t->items[t->count++];
	tok->span.start = base + (uint32_t)start;
	tok->span.end = base + (uint32_t)end;
	tok->norm = norm;
	tok->norm_len = (uint32_t)o;
	tok->kind = (uint16_t)kind;
	tok->flags = (uint16_t)flags;
	return 0;
}

/* ASCII letters and digits for the scanners' fast paths. */
enum { AC_ALPHA = 1, AC_UPPER = 2, AC_DIGIT = 4 };
#define AC_U (AC_ALPHA | AC_UPPER)
static const unsigned char ascii_class[256] = {
	['0'] = AC_DIGIT, ['1'] = AC_DIGIT, ['2'] = AC_DIGIT, ['3'] = AC_DIGIT, ['4'] = AC_DIGIT,
	['5'] = AC_DIGIT, ['6'] = AC_DIGIT, ['7'] = AC_DIGIT, ['8'] = AC_DIGIT, ['9'] = AC_DIGIT,
	['A'] = AC_U, ['B'] = AC_U, ['C'] = AC_U, ['D'] = AC_U, ['E'] = AC_U, ['F'] = AC_U,
	['G'] = AC_U, ['H'] = AC_U, ['I'] = AC_U, ['J'] = AC_U, ['K'] = AC_U, ['L'] = AC_U,
	['M'] = AC_U, ['N'] = AC_U, ['O'] = AC_U, ['P'] = AC_U, ['Q'] = AC_U, ['R'] = AC_U,
	['S'] = AC_U, ['T'] = AC_U, ['U'] = AC_U, ['V'] = AC_U, ['W'] = AC_U, ['X'] = AC_U,
	['Y'] = AC_U, ['Z'] = AC_U,
	['a'] = AC_ALPHA, ['b'] = AC_ALPHA, ['c'] = AC_ALPHA, ['d'] = AC_ALPHA, ['e'] = AC_ALPHA,
	['f'] = AC_ALPHA, ['g'] = AC_ALPHA, ['h'] = AC_ALPHA, ['i'] = AC_ALPHA, ['j'] = AC_ALPHA,
	['k'] = AC_ALPHA, ['l'] = AC_ALPHA, ['m'] = AC_ALPHA, ['n'] = AC_ALPHA, ['o'] = AC_ALPHA,
	['p'] = AC_ALPHA, ['q'] = AC_ALPHA, ['r'] = AC_ALPHA, ['s'] = AC_ALPHA, ['t'] = AC_ALPHA,
	['u'] = AC_ALPHA, ['v'] = AC_ALPHA, ['w'] = AC_ALPHA, ['x'] = AC_ALPHA, ['y'] = AC_ALPHA,
	['z'] = AC_ALPHA,
};

/* End of the run of ASCII lower-case letters from text[i]: eight bytes
 * at a time where the byte order lets the first other byte be found with
 * a count of trailing zeros, then one by one. */
static size_t lower_run(const char *text, size_t i, size_t len)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (i + 8 <= len) {
		uint64_t w = text_load8(text + i);
		uint64_t h = w & ~TEXT_HIGHS;   /* no carry between bytes below */
		uint64_t lower = (h + TEXT_ONES * (0x80 - 'a')) & ~(h + TEXT_ONES * (0x7F - 'z')) &
		                 ~w & TEXT_HIGHS;
		uint64_t other = ~lower & TEXT_HIGHS;
		if (other)
			return i + ((size_t)__builtin_ctzll(other) >> 3);
		i += 8;
	}
#endif
	while (i < len && text[i] >= 'a' && text[i] <= 'z')
		i++;
	return i;
}

/* Scan a word: letters, digits, and inner ' . - joining letters. */
static size_t scan_word(const char *text, size_t len, size_t i, unsigned *flags)
{
	cpinfo ci, nx;
	size_t letters = 0, uppers = 0, periods = 0, part = 0;
	bool first = true, nonlatin = false;
	while (i < len) {
		/* fast path: ASCII letters and digits, most of every news text */
		unsigned char c = (unsigned char)text[i];
		if (c >= 'a' && c <= 'z') {
			/* a run of lower-case ASCII letters, the bulk of a word */
			size_t j = lower_run(text, i + 1, len);
			letters += j - i;
			part += j - i;
			first = false;
			i = j;
			continue;
		}
		if (ascii_class[c]) {
			if (ascii_class[c] & AC_ALPHA) {
				letters++;
				part++;
				if (ascii_class[c] & AC_UPPER) {
					uppers++;
					if (first)
						*flags |= DYAD_TOKF_CAP;
				}
			}
			first = false;
			i++;
			continue;
		}
		/* only - . ' (and non-ASCII joiners) can continue a word */
		if (c < 0x80 && c != '-' && c != '.' && c != '\'')
			break;
		decode(text, len, i, &ci);
		if (ci.cls == C_ALPHA || ci.cls == C_DIGIT) {
			if (ci.cls == C_ALPHA) {
				letters++;
				part++;
				uppers += ci.upper;
				nonlatin |= !ci.latin;
				if (first && ci.upper)
					*flags |= DYAD_TOKF_CAP;
			}
			first = false;
			i += (size_t)ci.len;
			continue;
		}
		if (i + (size_t)ci.len >= len)
			break;
		decode(text, len, i + (size_t)ci.len, &nx);
		if (is_hyphen(ci.cp) && (nx.cls == C_ALPHA || nx.cls == C_DIGIT)) {
			*flags |= DYAD_TOKF_HYPHEN;
			i += (size_t)ci.len;
			part = 0;
			continue;
		}
		if (ci.cp == '.' && nx.cls == C_ALPHA && part && part <= 2 && !nonlatin) {
			/* U.S., U.N., a.m., Ph.D.: short letter groups between periods
			 * (not "end.The" glued by a missing space) */
			periods++;
			i += (size_t)ci.len;
			part = 0;
			continue;
		}
		if ((ci.cp == 0xAD || ci.cp == 0x200C || ci.cp == 0x200D) && nx.cls == C_ALPHA) {
			i += (size_t)ci.len;      /* soft hyphen, ZWNJ, ZWJ inside a word */
			continue;
		}
		/* O'Brien, but not the possessive 's or a closing quote. */
		if (is_apostrophe(ci.cp) && nx.cls == C_ALPHA && !(nx.cp == 's' || nx.cp == 'S')) {
			i += (size_t)ci.len;
			continue;
		}
		if (is_apostrophe(ci.cp) && (nx.cp == 's' || nx.cp == 'S')) {
			/* 's followed by another letter is part of a word (e.g. "Dar'sa") */
			size_t after = i + (size_t)ci.len + 1;
			cpinfo af;
			if (after < len) {
				decode(text, len, after, &af);
				if (af.cls == C_ALPHA) {
					i += (size_t)ci.len;
					continue;
				}
			}
		}
		break;
	}
	if (periods && i < len && text[i] == '.') {
		*flags |= DYAD_TOKF_ACRONYM;
		i++;                   /* the acronym's final period */
	}
	if (letters >= 2 && uppers == letters)
		*flags |= DYAD_TOKF_ALLCAPS;
	if (nonlatin)
		*flags |= DYAD_TOKF_NONLATIN;
	return i;
}

/* Scan a number: digits with inner , . : / joining digits. */
static size_t scan_number(const char *text, size_t len, size_t i)
{
	while (i < len) {
		unsigned char c = (unsigned char)text[i];
		if (c >= '0' && c <= '9') {
			i++;
			continue;
		}
		if ((c == ',' || c == '.' || c == ':' || c == '/') && i + 1 < len &&
		    text[i + 1] >= '0' && text[i + 1] <= '9') {
			i++;
			continue;
		}
		break;
	}
	return i;
}

/* Is [s, e) only digits (of any script)? */
static bool all_digits(const char *text, size_t s, size_t e)
{
	cpinfo ci;
	for (size_t i = s; i < e; i += (size_t)ci.len) {
		decode(text, e, i, &ci);
		if (ci.cls != C_DIGIT)
			return false;
	}
	return true;
}

/* Abbreviations written in lower case too ("vs.", "p. 12"). */
static bool lower_ok(const char *w, size_t n)
{
	static const char *const ok[] = { "vs", "v", "etc", "approx", "cf", "ca", "est", "p",
	                                  "pp", "no", "nos", "vol", "art", "fig", "ch", "para",
	                                  "km", "bn", "mln", NULL };
	for (const char *const *o = ok; *o; o++)
		if (strlen(*o) == n && memcmp(*o, w, n) == 0)
			return true;
	return false;
}

/*
 * A known abbreviation keeps its period (Gen., Jan., No. 5, Inc.) and is
 * flagged DYAD_TOKF_ABBREV; the same table decides that the period does
 * not end the sentence. Capitalized forms only, except the few written
 * in lower case, so "he sat." and "the sun." keep their stop.
 */
static size_t take_abbrev_period(const char *text, size_t len, size_t s, size_t e,
                                 unsigned *flags)
{
	size_t n = e - s;
	if (e >= len || text[e] != '.' || n > 6 || (*flags & DYAD_TOKF_ACRONYM))
		return e;
	bool cap = text[s] >= 'A' && text[s] <= 'Z';
	if (!(cap && n > 1) && !lower_ok(text + s, n))
		return e;
	enum seg_abbr k = seg_abbrev_kind(text + s, n);
	if (k == SEG_AB_NONE)
		return e;
	if (k == SEG_AB_NUMBER) {
		size_t j = e + 1;
		while (j < len && text[j] == ' ')
			j++;
		if (!seg_next_is_numberish(text, j, len))
			return e;
	}
	*flags |= DYAD_TOKF_ABBREV;
	return e + 1;
}

int dyad_tokenize(dyad_tokens *t, const char *text, size_t len, uint32_t base)
{
	t->count = 0;
	dyad_arena_reset(&t->arena);
	t->pool = NULL;
	t->pool_left = 0;
	size_t i = 0;
	bool space = true;
	cpinfo ci;
	while (i < len) {
		if (text[i] == ' ') {
			space = true;
			i++;
			continue;
		}
		decode(text, len, i, &ci);
		if (ci.cls == C_SPACE || (ci.cp >= 0x80 && text_map_typographic(ci.cp) == ' ')) {
			space = true;
			i += (size_t)ci.len;
			continue;
		}
		unsigned flags = space ? DYAD_TOKF_SPACE : 0;
		space = false;
		size_t end;
		int kind, rc;
		if (ci.cls == C_ALPHA) {
			end = scan_word(text, len, i, &flags);
			kind = DYAD_TOK_WORD;
			end = take_abbrev_period(text, len, i, end, &flags);
		} else if (ci.cls == C_DIGIT && ci.cp >= 0x80) {
			/* Arabic-Indic and other digits: a run of them is a number */
			end = scan_word(text, len, i, &flags);
			kind = all_digits(text, i, end) ? DYAD_TOK_NUMBER : DYAD_TOK_WORD;
		} else if (ci.cls == C_DIGIT) {
			end = scan_number(text, len, i);
			kind = DYAD_TOK_NUMBER;
			/* 22160-class, 5th: a number glued to letters is a word. */
			if (end < len && (is_hyphen((unsigned char)text[end]) ||
			                  ((text[end] | 32) >= 'a' && (text[end] | 32) <= 'z'))) {
				unsigned wf = flags;
				size_t wend = scan_word(text, len, i, &wf);
				if (wend > end) {
					end = wend;
					flags = wf;
					kind = DYAD_TOK_WORD;
				}
			}
		} else if (is_apostrophe(ci.cp) && t->count && !(flags & DYAD_TOKF_SPACE) &&
		           t->items[t->count - 1].kind == DYAD_TOK_WORD) {
			/* possessive: 's, or a bare ' after a plural in s */
			end = i + (size_t)ci.len;
			if (end < len && (text[end] == 's' || text[end] == 'S') &&
			    (end + 1 >= len || !(((text[end + 1] | 32) >= 'a' && (text[end + 1] | 32) <= 'z'))))
				end++;
			const dyad_token *prev = &t->items[t->count - 1];
			bool plural = prev->norm_len && prev->norm[prev->norm_len - 1] == 's';
			kind = (end > i + (size_t)ci.len || plural) ? DYAD_TOK_POSS : DYAD_TOK_PUNCT;
		} else if (ci.cp == '.' && i + 2 < len && text[i + 1] == '.' && text[i + 2] == '.') {
			end = i + 3;       /* ellipsis as one token */
			kind = DYAD_TOK_PUNCT;
		} else {
			end = i + (size_t)ci.len;
			kind = ci.cls == C_SYMBOL ? DYAD_TOK_SYMBOL : DYAD_TOK_PUNCT;
		}
		if (end <= i)          /* never stall, whatever the input */
			end = i + (size_t)ci.len;
		if ((rc = push(t, text, i, end, base, kind, flags)) != 0)
			return rc;
		i = end;
	}
	return 0;
}
