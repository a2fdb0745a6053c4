#include "util/alloc.h"
#include "util/error.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *dyad_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		dyad_error_set(DYAD_ENOMEM, "out of memory (%zu bytes)", size);
	return p;
}

void *dyad_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		dyad_error_set(DYAD_ENOMEM, "out of memory (%zu x %zu bytes)", count, size);
	return p;
}

void *dyad_realloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		dyad_error_set(DYAD_ENOMEM, "out of memory (%zu bytes)", size);
	return p;
}

void *dyad_reallocarray(void *ptr, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		dyad_error_set(DYAD_ENOMEM, "allocation overflow (%zu x %zu)", count, size);
		return NULL;
	}
	return dyad_realloc(ptr, count * size);
}

void *dyad_grow(void *items, size_t *cap, size_t need, size_t elem_size, size_t first)
{
	if (need <= *cap)
		return items;
	size_t n = *cap ? *cap : (first ? first : 1);
	while (n < need) {
		if (n > SIZE_MAX / 2) {
			dyad_error_set(DYAD_ENOMEM, "allocation overflow (%zu elements)", need);
			return NULL;
		}
		n *= 2;
	}
	void *p = dyad_reallocarray(items, n, elem_size);
	if (p)
		*cap = n;
	return p;
}

void dyad_free(void *ptr)
{
	free(ptr);
}

char *dyad_strndup(const char *s, size_t len)
{
	if (!s)
		return NULL;
	char *p = dyad_malloc(len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *dyad_strdup(const char *s)
{
	return s ? dyad_strndup(s, strlen(s)) : NULL;
}
