/*
 * util/arena.h - a bump allocator for per-document and per-sentence data
 * (tokens' normalized forms, match state): many small allocations freed
 * in one call. Memory is returned 8-byte aligned.
 */
#ifndef DYAD_UTIL_ARENA_H
#define DYAD_UTIL_ARENA_H

#include <stddef.h>

typedef struct dyad_arena_block dyad_arena_block;

typedef struct dyad_arena {
	dyad_arena_block *head;
	size_t block_size;     /**< default block size; 0 means 64 KiB */
} dyad_arena;

/** Allocate `size` bytes (uninitialized); NULL on out of memory. */
void *dyad_arena_alloc(dyad_arena *a, size_t size);
/** Copy `len` bytes into the arena, NUL-terminated. */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t len);
/** Forget everything allocated but keep the first block for reuse. */
void  dyad_arena_reset(dyad_arena *a);
/** Free all blocks. */
void  dyad_arena_release(dyad_arena *a);

#endif
