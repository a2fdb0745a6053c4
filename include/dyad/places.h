/*
 * dyad/places.h - where an event happened: place phrases of a sentence
 * ("in Hammaguir", "near Tindouf", "in the Mediterranean Sea", "in the Far
 * East of Russia", "travelled to Algeria") resolved against a gazetteer
 * that ships with dyad (data/gazetteer/, docs/internals/places.md):
 *
 *   countries.tsv  ISO 3166-1 names (from iso-codes) + aliases.tsv (ours)
 *   admin1.tsv     first-level divisions (ISO 3166-2 and GeoNames states)
 *   cities.tsv     GeoNames cities of 15,000+ people, converted from
 *                  Debian's libgeonames by scripts/gen-gazetteer
 *   regions.tsv    seas, named regions, a few extra places (ours)
 *   demonyms.tsv   country adjectives (ours), read only before a
 *                  geographic noun: "the Algerian desert" -> DZA
 *
 * Resolution: country, region (first-level division, sea, named region),
 * city, sub-city. Latitude and longitude are set only for city and
 * sub-city: a country or region is never presented as a point (lat/lon
 * stay NaN; the ISO-3 country is set when known). Ambiguous names prefer
 * an entry in the document's countries, then by kind: country > named
 * region or sub-city > city (the most populous) > division. "the Tindouf
 * region" / "the region of Tindouf" prefer the division. Unresolved names
 * keep their raw text with resolution NONE.
 */
#ifndef DYAD_PLACES_H
#define DYAD_PLACES_H

#include "dyad/event.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A loaded gazetteer (read-only after loading; share across threads). */
typedef struct dyad_gazetteer dyad_gazetteer;

/** A resolved (or not) place. */
typedef struct dyad_place {
	char      name[DYAD_PLACE_MAX]; /**< as written in the text (or the lookup key) */
	char      country[4];           /**< ISO-3, "" when unknown */
	double    lat, lon;             /**< NaN unless resolution >= CITY */
	uint8_t   resolution;           /**< dyad_place_resolution */
	dyad_span span;                 /**< in the document text ({0,0} for lookups) */
} dyad_place;

/**
 * Load the gazetteer tables from directory `dir` (NULL: the data/gazetteer
 * directory of the source tree the library was built from). Bad lines are
 * reported to `diag` (may be NULL) as file:line and skipped.
 */
int dyad_gazetteer_load(dyad_gazetteer **out, const char *dir, dyad_diag *diag);

/** Free a gazetteer; NULL is ignored. */
void dyad_gazetteer_free(dyad_gazetteer *g);

/** Number of names indexed. */
size_t dyad_gazetteer_size(const dyad_gazetteer *g);

/** Hints for dyad_gazetteer_lookup(). */
enum dyad_place_hint {
	DYAD_PLACE_HINT_NONE = 0,
	DYAD_PLACE_HINT_DIVISION = 1,  /**< "the Tindouf region": prefer a division */
	DYAD_PLACE_HINT_DEMONYM  = 2   /**< "Algerian" before "desert": a country adjective */
};

/**
 * Resolve `len` bytes of `name` (case, accents and punctuation ignored).
 * `countries` are the document's ISO-3 codes (n_countries may be 0).
 * Returns 1 and fills `out` when found, 0 when not (out->resolution NONE).
 */
int dyad_gazetteer_lookup(const dyad_gazetteer *g, const char *name, size_t len,
                          const char (*countries)[4], size_t n_countries,
                          int hint, dyad_place *out);

/**
 * The place phrases of one sentence, resolved; `text` is the document
 * text the token spans point into. At most `max` written to `out`.
 * Returns how many were found or a negative DYAD_E*.
 */
int dyad_places_find(const dyad_gazetteer *g, const char *text,
                     const dyad_token *toks, size_t n,
                     const char (*countries)[4], size_t n_countries,
                     dyad_place *out, size_t max);

/**
 * Give each event the place of its verb's clause: the most specific
 * resolved one, the nearest to the verb on ties; an unresolved name only
 * when nothing resolves. A "where"/relative clause without a place takes
 * the place just before it ("travelled to Algeria where he met ...").
 * Sets place_name, place_country, lat, lon, place_resolution, place_span.
 */
int dyad_places_attach(const dyad_gazetteer *g, const char *text,
                       const dyad_token *toks, size_t n,
                       const char (*countries)[4], size_t n_countries,
                       dyad_event *events, size_t n_events);

#ifdef __cplusplus
}
#endif
#endif
