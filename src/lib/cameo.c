/*
 * cameo.c - lookups in the CAMEO codebook compiled from
 * data/cameo/codebook.tsv (binary search: the generator checks order).
 */
#include "lib/cameo_table.h"

#include <string.h>

static int cmp_code(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);
	size_t n = alen < blen ? alen : blen;
	int c = memcmp(a, b, n);
	if (c)
		return c;
	return (alen > blen) - (alen < blen);
}

const dyad_cameo_info *dyad_cameo_lookup_n(const char *code, size_t len)
{
	if (!code || len < 2 || len > 4)
		return NULL;
	size_t lo = 0, hi = dyad_cameo_table_len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_code(code, len, dyad_cameo_table[mid].code);
		if (c == 0)
			return &dyad_cameo_table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const dyad_cameo_info *dyad_cameo_lookup(const char *code)
{
	return code ? dyad_cameo_lookup_n(code, strnlen(code, 5)) : NULL;
}

bool dyad_cameo_valid(const char *code)
{
	return dyad_cameo_lookup(code) != NULL;
}

int dyad_cameo_root_quad(const char *code)
{
	if (!code || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9')
		return -1;
	int root = (code[0] - '0') * 10 + (code[1] - '0');
	if (root < 1 || root > 20)
		return -1;
	if (root <= 2)
		return 0;
	if (root <= 5)
		return 1;
	if (root <= 8)
		return 2;
	if (root <= 13 || root == 16)
		return 3;
	return 4;
}

const char *dyad_cameo_quad_name(int quad)
{
	static const char *const names[] = { "neutral", "verbal cooperation",
	                                     "material cooperation", "verbal conflict",
	                                     "material conflict" };
	return quad >= 0 && quad <= 4 ? names[quad] : "";
}

size_t dyad_cameo_count(void)
{
	return dyad_cameo_table_len;
}

const dyad_cameo_info *dyad_cameo_at(size_t i)
{
	return i < dyad_cameo_table_len ? &dyad_cameo_table[i] : NULL;
}
