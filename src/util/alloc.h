/*
 * util/alloc.h - the one allocation wrapper. Every allocation of libdyad
 * goes through these so that out-of-memory is handled in one place: they
 * return NULL and set DYAD_ENOMEM's message; callers propagate it.
 */
#ifndef DYAD_UTIL_ALLOC_H
#define DYAD_UTIL_ALLOC_H

#include <stddef.h>

void *dyad_malloc(size_t size);
void *dyad_calloc(size_t count, size_t size);
void *dyad_realloc(void *ptr, size_t size);
/** realloc of count*size with overflow check. */
void *dyad_reallocarray(void *ptr, size_t count, size_t size);
/**
 * Make room for `need` elements of `elem_size` bytes in a growable array.
 * If `need` <= *cap, returns `items` unchanged. Otherwise the capacity
 * doubles (starting at `first`) until it holds `need`, the array is
 * reallocated, *cap is updated and the new pointer returned. On overflow or
 * out of memory returns NULL with *cap and `items` untouched (still valid,
 * still owned by the caller).
 */
void *dyad_grow(void *items, size_t *cap, size_t need, size_t elem_size, size_t first);
void  dyad_free(void *ptr);
/** Copy of a NUL-terminated string; NULL in gives NULL out. */
char *dyad_strdup(const char *s);
/** Copy of `len` bytes, NUL-terminated. */
char *dyad_strndup(const char *s, size_t len);

#endif
