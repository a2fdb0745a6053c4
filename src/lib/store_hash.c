/*
 * store_hash.c - normalized-text hashes behind deduplication: a 128-bit
 * content key (exact duplicates), a MinHash signature over word shingles
 * (near duplicates) and a 64-bit hash for repeated sentences.
 *
 * Normalization folds what republishing changes without changing the
 * text: runs of white space, ASCII case, typographic quotes and dashes.
 */
#include "store_internal.h"

#include <string.h>

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

/*
 * Next normalized byte of text[*i..len): returns -1 at the end. Space
 * runs give one ' ' (leading/trailing ones none); curly quotes give ' or ";
 * en/em dashes '-'.
 */
/* Inlined into both hash loops: it runs once per byte of every document. */
static inline __attribute__((always_inline))
int norm_next(const char *text, size_t len, size_t *i, bool *pending_space, bool *started)
{
	while (*i < len) {
		unsigned char c = (unsigned char)text[*i];
		if (c > ' ' && c < 0x80 && !*pending_space) {   /* the usual byte */
			*started = true;
			(*i)++;
			return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			(*i)++;
			if (*started)
				*pending_space = true;
			continue;
		}
		if (*pending_space) {
			*pending_space = false;
			return ' ';
		}
		*started = true;
		/* U+2018/2019/201C/201D quotes, U+2013/2014 dashes: E2 80 xx */
		if (c == 0xE2 && *i + 2 < len && (unsigned char)text[*i + 1] == 0x80) {
			unsigned char d = (unsigned char)text[*i + 2];
			if (d == 0x98 || d == 0x99) { *i += 3; return '\''; }
			if (d == 0x9C || d == 0x9D) { *i += 3; return '"'; }
			if (d == 0x93 || d == 0x94) { *i += 3; return '-'; }
		}
		(*i)++;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		return c;
	}
	return -1;
}

void store_content_hash(const char *text, size_t len, char out[33])
{
	uint64_t h1 = FNV_OFFSET, h2 = 0x9e3779b97f4a7c15ULL;
	size_t i = 0;
	bool sp = false, started = false;
	int c;
	while ((c = norm_next(text, len, &i, &sp, &started)) >= 0) {
		h1 = (h1 ^ (uint64_t)c) * FNV_PRIME;
		h2 = (h2 + (uint64_t)c + 1) * 0xff51afd7ed558ccdULL;
		h2 ^= h2 >> 29;
	}
	static const char hex[] = "0123456789abcdef";
	for (int k = 0; k < 16; k++) {
		out[k] = hex[(h1 >> (60 - 4 * k)) & 15];
		out[16 + k] = hex[(h2 >> (60 - 4 * k)) & 15];
	}
	out[32] = '\0';
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool store_content_key_parse(const char *hex, uint64_t *h1, uint64_t *h2)
{
	*h1 = *h2 = 0;
	for (int k = 0; k < 32; k++) {
		int d = hex && hex[k] ? hex_digit(hex[k]) : -1;
		if (d < 0)
			return false;
		if (k < 16)
			*h1 = *h1 << 4 | (uint64_t)d;
		else
			*h2 = *h2 << 4 | (uint64_t)d;
	}
	return hex[32] == '\0';
}

uint64_t store_norm_hash64(const char *text, size_t len)
{
	uint64_t h = FNV_OFFSET;
	size_t i = 0;
	bool sp = false, started = false;
	int c;
	while ((c = norm_next(text, len, &i, &sp, &started)) >= 0)
		h = (h ^ (uint64_t)c) * FNV_PRIME;
	return h;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* Hash of the next word (letters, digits, non-ASCII bytes); 0 at the end. */
static uint64_t next_word(const char *text, size_t len, size_t *i)
{
	while (*i < len) {
		unsigned char c = (unsigned char)text[*i];
		if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c >= 0x80)
			break;
		(*i)++;
	}
	if (*i >= len)
		return 0;
	uint64_t h = FNV_OFFSET;
	while (*i < len) {
		unsigned char c = (unsigned char)text[*i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || c >= 0x80))
			break;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * FNV_PRIME;
		(*i)++;
	}
	return h | 1;
}

void store_minhash(const char *text, size_t len, uint32_t sig[STORE_MINHASH_K], size_t *n_shingles)
{
	for (int k = 0; k < STORE_MINHASH_K; k++)
		sig[k] = UINT32_MAX;
	uint64_t w[3] = { 0, 0, 0 };
	size_t i = 0, n = 0;
	uint64_t h;
	while ((h = next_word(text, len, &i)) != 0) {
		w[0] = w[1];
		w[1] = w[2];
		w[2] = h;
		if (++n < 3)
			continue;
		uint64_t sh = mix64(w[0] * 31 * 31 + w[1] * 31 + w[2]);
		for (int k = 0; k < STORE_MINHASH_K; k++) {
			/* K hash functions from one: distinct odd multipliers, remixed */
			uint32_t v = (uint32_t)(mix64(sh ^ (0x9e3779b97f4a7c15ULL * (uint64_t)(k + 1))) >> 32);
			if (v < sig[k])
				sig[k] = v;
		}
	}
	*n_shingles = n >= 3 ? n - 2 : 0;
}

int64_t store_julian(dyad_date d)
{
	int64_t y = d.year, m = d.month ? d.month : 1, day = d.day ? d.day : 1;
	int64_t a = (14 - m) / 12;
	y = y + 4800 - a;
	m = m + 12 * a - 3;
	return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}
