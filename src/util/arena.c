#include "util/arena.h"
#include "util/alloc.h"

#include <string.h>

struct dyad_arena_block {
	dyad_arena_block *next;
	size_t used, size;
	_Alignas(8) unsigned char data[];
};

void *dyad_arena_alloc(dyad_arena *a, size_t size)
{
	size = (size + 7u) & ~(size_t)7u;
	dyad_arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t bs = a->block_size ? a->block_size : 65536;
		if (bs < size)
			bs = size;
		b = dyad_malloc(sizeof(*b) + bs);
		if (!b)
			return NULL;
		b->size = bs;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t len)
{
	char *p = dyad_arena_alloc(a, len + 1);
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void dyad_arena_reset(dyad_arena *a)
{
	if (!a->head)
		return;
	/* Keep the most recent (largest-so-far) block; free the others. */
	dyad_arena_block *keep = a->head, *b = keep->next;
	while (b) {
		dyad_arena_block *next = b->next;
		dyad_free(b);
		b = next;
	}
	keep->next = NULL;
	keep->used = 0;
}

void dyad_arena_release(dyad_arena *a)
{
	dyad_arena_block *b = a->head;
	while (b) {
		dyad_arena_block *next = b->next;
		dyad_free(b);
		b = next;
	}
	a->head = NULL;
}
