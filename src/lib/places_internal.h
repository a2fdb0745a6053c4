/*
 * places_internal.h - shared by the places modules. Not public.
 */
#ifndef DYAD_PLACES_INTERNAL_H
#define DYAD_PLACES_INTERNAL_H

#include <stddef.h>

/**
 * Normalize a place name into `out` (size bytes): accents stripped, case
 * folded, punctuation to single spaces ("." and "'" dropped), a leading
 * "the " removed. Returns the key length, or -1 on invalid UTF-8.
 */
int wg_key(const char *s, size_t len, char *out, size_t size);

#endif
