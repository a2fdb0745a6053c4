/*
 * dyad/dates.h - date expressions in a sentence, resolved against the
 * article's publication date, and attached to the events they modify.
 *
 * Forms read (docs/internals/dates.md has the full list and the rules):
 *   absolute  16 November 2022, Nov. 16, 2022, May 14 2018, 2022-11-16,
 *             16/11/2022 and 02.08.2023 (numeric dates are read day first;
 *             month first only when the second number cannot be a month:
 *             11/16/2022 is 16 November), September 2022, in 2021, the year
 *             2023, in the 1990s
 *   partial   on November 10, in November, early June, late 2018, mid-2021
 *   ranges    from 16 to 28 November 2022, 16-28 November, between 3 and
 *             5 May, from 2019 to 2021
 *   relative  today, yesterday, tomorrow, on Monday, last/next/this
 *             October, last/next/this week|month|year, earlier this year,
 *             two years ago, in the last two years, in the coming years
 *
 * Relative expressions need the clause's tense: "on Monday" is the last
 * Monday on or before the publication date in a past clause, the next one
 * on or after it in a future clause ("will", "is set to", "plans to" ...).
 */
#ifndef DYAD_DATES_H
#define DYAD_DATES_H

#include "dyad/event.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of a date expression. */
enum dyad_datex_flag {
	DYAD_DATEX_RELATIVE = 1u << 0, /**< resolved against the publication date */
	DYAD_DATEX_FUTURE   = 1u << 1  /**< read in a future clause */
};

/** One date expression found in a sentence. */
typedef struct dyad_date_expr {
	dyad_date date;        /**< start (or the date) */
	dyad_date date_end;    /**< end of a range; year 0 otherwise */
	uint8_t   precision;   /**< dyad_date_precision (never REPORTED) */
	uint8_t   flags;       /**< dyad_datex_flag bits */
	dyad_span span;        /**< the raw expression in the document text */
	uint32_t  tok_first;   /**< first token of the expression */
	uint32_t  tok_last;    /**< last token (inclusive) */
} dyad_date_expr;

/**
 * Find the date expressions of one sentence's tokens, resolved against
 * `pub` (the publication date; year 0 leaves relative forms unresolved
 * and skipped). At most `max` are written to `out`, in text order;
 * returns how many were found (may exceed `max`) or a negative DYAD_E*.
 */
int dyad_dates_find(const dyad_token *toks, size_t n, dyad_date pub,
                    dyad_date_expr *out, size_t max);

/**
 * Convenience for tests and tools: tokenize `len` bytes of `text` and
 * return the first date expression in `*out` (spans relative to `text`).
 * Returns 1 when one was found, 0 when none, or a negative DYAD_E*.
 */
int dyad_dates_parse_text(const char *text, size_t len, dyad_date pub,
                          dyad_date_expr *out);

/**
 * Date the events of one sentence: each event gets the nearest expression
 * in its verb's clause (a date in a reporting clause - "..., the ministry
 * said on Tuesday" - never dates the reported event), else one from an
 * earlier non-reporting clause of the sentence, else the publication date
 * with precision REPORTED. Sets date, date_end, date_precision, date_span
 * and pub_date.
 */
int dyad_dates_attach(const dyad_token *toks, size_t n, dyad_date pub,
                      dyad_event *events, size_t n_events);

/** Days since 1970-01-01 of a full date (proleptic Gregorian). */
long dyad_date_days(dyad_date d);
/** The date `days` after 1970-01-01. */
dyad_date dyad_date_from_days(long days);
/** 0 = Monday ... 6 = Sunday. */
int dyad_date_weekday(dyad_date d);
/** Days in a month (1-12) of a year. */
int dyad_date_month_days(int year, int month);

#ifdef __cplusplus
}
#endif
#endif
