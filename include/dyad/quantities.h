/*
 * dyad/quantities.h - numbers that say how much: money ("$23 billion",
 * "worth a total value of $ 180 million", "EUR1.2bn", "11.8 million
 * ducats"), personnel ("100 soldiers", "two battalions"), equipment
 * ("four Project 22160-class patrol ships", "12 Su-35 fighter jets"),
 * casualties ("killed 15 people", "15 people were killed") and other
 * measures ("950 kilometers").
 *
 * Units: a currency symbol becomes its ISO 4217 code ($ USD, EUR sign
 * EUR, pound sign GBP, ruble sign RUB); "dollars", "euros", "rubles",
 * "yuan", "yen" likewise; any other currency word is kept as written
 * ("ducats", "dinars"). Other kinds keep the noun as written
 * ("soldiers", "ships", "people", "kilometers").
 *
 * Not counted: numbers of a hyphenated name ("Su-35", "22160-class"),
 * years and the other numbers of date expressions, numbers with no unit.
 */
#ifndef DYAD_QUANTITIES_H
#define DYAD_QUANTITIES_H

#include "dyad/event.h"
#include "dyad/text.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Find the quantities of one sentence's tokens; at most `max` written to
 * `out` in text order. Returns how many were found or a negative DYAD_E*.
 */
int dyad_quantities_find(const dyad_token *toks, size_t n,
                         dyad_quantity *out, size_t max);

/**
 * Give each event the quantities of its verb's clause (at most
 * DYAD_QTY_MAX, in text order); sets n_quantities and quantities[].
 */
int dyad_quantities_attach(const dyad_token *toks, size_t n,
                           dyad_event *events, size_t n_events);

#ifdef __cplusplus
}
#endif
#endif
