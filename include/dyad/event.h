/*
 * dyad/event.h - the event record every stage after the coder reads or
 * fills: who did what to whom (coder), when and where and how sure
 * (dates, places, quantities, modality), stored and queried (store).
 *
 * The JSON field names given in comments are an interface: `dyad code`
 * output, the store and the web API use exactly these names.
 */
#ifndef DYAD_EVENT_H
#define DYAD_EVENT_H

#include "dyad/common.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_CODE_MAX   40   /**< actor code buffer, NUL included */
#define DYAD_CAMEO_MAX   8   /**< CAMEO code buffer, NUL included */
#define DYAD_PLACE_MAX  96   /**< place name buffer, NUL included */
#define DYAD_QTY_MAX     4   /**< quantities kept per event */

/** A calendar date; month and day are 0 when unknown. year 0: no date. */
typedef struct dyad_date {
	int16_t year;
	uint8_t month;   /**< 1-12, or 0 */
	uint8_t day;     /**< 1-31, or 0 */
} dyad_date;

/** How precisely an event date is known ("date_precision"). */
typedef enum dyad_date_precision {
	DYAD_PREC_REPORTED = 0, /**< no date in the text: publication date */
	DYAD_PREC_DAY,
	DYAD_PREC_MONTH,
	DYAD_PREC_YEAR,
	DYAD_PREC_RANGE         /**< date .. date_end */
} dyad_date_precision;

/**
 * Where an event's date or place came from ("date_source",
 * "place_source"; docs/internals/dates.md, "Carrying across sentences").
 */
typedef enum dyad_value_source {
	DYAD_SRC_NONE = 0,      /**< not set (no when stage; no place): JSON null */
	DYAD_SRC_SENTENCE,      /**< read in the event's own sentence */
	DYAD_SRC_CARRIED,       /**< from an earlier sentence of the document: the
	                             event an anaphor ("the visit", "there") refers
	                             to, or the anchor of "the next day" */
	DYAD_SRC_PUBLICATION    /**< no date in the text: the publication date */
} dyad_value_source;

/** Whether and how the event happened ("modality"). */
typedef enum dyad_modality {
	DYAD_MOD_ASSERTED = 0,
	DYAD_MOD_NEGATED,
	DYAD_MOD_FUTURE,
	DYAD_MOD_PLANNED,
	DYAD_MOD_HYPOTHETICAL,
	DYAD_MOD_REPORTED,      /**< "reported speech" */
	DYAD_MOD_HISTORICAL
} dyad_modality;

/** Resolution of a place ("place.resolution"). */
typedef enum dyad_place_resolution {
	DYAD_RES_NONE = 0,      /**< name kept, not resolved */
	DYAD_RES_COUNTRY,
	DYAD_RES_REGION,        /**< first-level division, sea or named region */
	DYAD_RES_CITY,
	DYAD_RES_SUBCITY
} dyad_place_resolution;

/** Kinds of quantity ("quantities[].kind"). */
typedef enum dyad_quantity_kind {
	DYAD_QTY_MONEY = 1,
	DYAD_QTY_PERSONNEL,     /**< troops, soldiers, officers */
	DYAD_QTY_EQUIPMENT,     /**< ships, aircraft, tanks ... */
	DYAD_QTY_CASUALTIES,    /**< killed, wounded */
	DYAD_QTY_OTHER
} dyad_quantity_kind;

/** One quantity attached to an event. */
typedef struct dyad_quantity {
	uint8_t   kind;         /**< dyad_quantity_kind */
	double    value;        /**< 180e6 for "$ 180 million" */
	char      unit[24];     /**< ISO 4217 currency or a unit noun ("soldiers") */
	dyad_span span;
} dyad_quantity;

/** Event flags. */
enum dyad_event_flag {
	DYAD_EVF_SYMMETRIC = 1u << 0, /**< coded both ways (talks, exercises) */
	DYAD_EVF_PAIRED    = 1u << 1, /**< second half of a paired code (043 of 042) */
	DYAD_EVF_PASSIVE   = 1u << 2, /**< source and target from a passive clause */
	DYAD_EVF_ISSUE     = 1u << 3  /**< carries an issue annotation */
};

/** One coded event (a "mention" once stored). */
typedef struct dyad_event {
	uint32_t  sentence;                  /**< "sentence": index in its document */
	char      source[DYAD_CODE_MAX];     /**< "source": actor code, e.g. DZAMIL */
	char      target[DYAD_CODE_MAX];     /**< "target" ("" when none) */
	char      cameo[DYAD_CAMEO_MAX];     /**< "cameo": e.g. "042" */
	dyad_span source_span;               /**< "source_text" */
	dyad_span target_span;               /**< "target_text" */
	dyad_span verb_span;                 /**< "verb_text" */
	const char *pattern;                 /**< "pattern" that fired; borrowed from the lexicon */
	uint32_t  flags;                     /**< dyad_event_flag bits */

	/* when: filled by the dates stage; the coder sets date = record date */
	dyad_date date;                      /**< "date" */
	dyad_date date_end;                  /**< "date_end" (ranges) */
	uint8_t   date_precision;            /**< "date_precision" */
	dyad_span date_span;                 /**< "date_text" ({0,0} when none); may lie in
	                                          an earlier sentence when date_source is carried */
	dyad_date pub_date;                  /**< "pub_date": the article's publication date */
	dyad_date ingest_date;               /**< "ingest_date": when dyad read the article */
	uint8_t   date_source;               /**< "date_source": dyad_value_source */

	/* where: filled by the places stage */
	char      place_name[DYAD_PLACE_MAX];/**< "place.name" ("" when none) */
	char      place_country[4];          /**< "place.country" ISO-3 */
	double    lat, lon;                  /**< "place.lat"/"lon"; NaN unless resolution >= CITY */
	uint8_t   place_resolution;          /**< "place.resolution" */
	dyad_span place_span;                /**< may lie in an earlier sentence when carried */
	uint8_t   place_source;              /**< "place_source": dyad_value_source */

	/* how sure */
	uint8_t   modality;                  /**< "modality" */
	uint8_t   n_quantities;
	dyad_quantity quantities[DYAD_QTY_MAX]; /**< "quantities" */
} dyad_event;

/** A growable list of events. Zero-initialize, then dyad_events_clear(). */
typedef struct dyad_events {
	dyad_event *items;
	size_t      count;
	size_t      cap;
} dyad_events;

/** Append a copy of `ev`. */
int dyad_events_push(dyad_events *list, const dyad_event *ev);

/** Forget all events, keeping the storage. */
void dyad_events_clear(dyad_events *list);

/** Release the storage; the list is left empty and reusable. */
void dyad_events_release(dyad_events *list);

/** Set `ev` to an empty event (no codes, NaN coordinates). */
void dyad_event_init(dyad_event *ev);

/** Names of enum values as used in JSON ("day", "planned", "city" ...). */
const char *dyad_precision_name(dyad_date_precision p);
const char *dyad_modality_name(dyad_modality m);
const char *dyad_resolution_name(dyad_place_resolution r);
const char *dyad_quantity_kind_name(dyad_quantity_kind k);
/** "sentence", "carried", "publication"; NULL for DYAD_SRC_NONE (JSON null). */
const char *dyad_source_name(dyad_value_source s);

/** Format a date as YYYY, YYYY-MM or YYYY-MM-DD into buf (>= 11 bytes); "" for none. */
void dyad_date_format(char *buf, size_t size, dyad_date d);

/**
 * Parse "YYYY-MM-DD", "YYYY-MM" or "YYYY" (and TABARI's "YYMMDD", read as
 * 19YY when YY >= 50 else 20YY). Returns 0 or DYAD_EPARSE.
 */
int dyad_date_parse(dyad_date *out, const char *s, size_t len);

/** Today's date (UTC): the ingest date of what is coded now. */
dyad_date dyad_date_today(void);

/** Compare two dates (unknown parts sort first): <0, 0, >0. */
int dyad_date_cmp(dyad_date a, dyad_date b);

#ifdef __cplusplus
}
#endif
#endif
