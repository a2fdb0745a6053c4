/*
 * when_cues.c - the words of a sentence that refer back to an earlier
 * one, for when_carry.c: definite occasion phrases ("the exercise"),
 * "also" after an anaphoric subject, times counted from the previous
 * event ("the next day") and place anaphors ("there", "in the capital").
 * Rules in docs/internals/dates.md, "Carrying across sentences".
 */
#include "dates_internal.h"
#include "when_carry_internal.h"

#include <string.h>

/* The cue words, by first letter (the stage looks every word up). */
typedef struct wc_word {
	const char *word;
	uint8_t     kind;   /* WC_K_* of an occasion noun, else 0 */
	uint8_t     cues;   /* CUE_* */
} wc_word;

#define N_(w, k) { w, k, CUE_NOUN }
static const wc_word w_a[] = { N_("agreement", WC_K_DEAL), N_("agreements", WC_K_DEAL),
	N_("accord", WC_K_DEAL), { "also", 0, CUE_ALSO }, { "after", 0, CUE_REL },
	{ "afterwards", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_c[] = { N_("consultations", WC_K_TALKS), N_("contract", WC_K_DEAL),
	N_("contracts", WC_K_DEAL), N_("ceremony", WC_K_CEREMONY), { "capital", 0, CUE_PLACE },
	{ "city", 0, CUE_PLACE }, { "country", 0, CUE_PLACE }, { NULL, 0, 0 } };
static const wc_word w_d[] = { N_("deal", WC_K_DEAL), N_("deals", WC_K_DEAL),
	N_("discussions", WC_K_TALKS), N_("drill", WC_K_EXERCISE), N_("drills", WC_K_EXERCISE),
	N_("declaration", WC_K_DEAL), { NULL, 0, 0 } };
static const wc_word w_e[] = { N_("exercise", WC_K_EXERCISE), N_("exercises", WC_K_EXERCISE),
	{ "earlier", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_f[] = { { "following", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_l[] = { { "later", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_m[] = { N_("meeting", WC_K_TALKS), N_("meetings", WC_K_TALKS),
	N_("manoeuvres", WC_K_EXERCISE), N_("maneuvers", WC_K_EXERCISE),
	N_("manoeuvre", WC_K_EXERCISE), N_("maneuver", WC_K_EXERCISE),
	N_("memorandum", WC_K_DEAL), { NULL, 0, 0 } };
static const wc_word w_n[] = { N_("negotiations", WC_K_TALKS), { "next", 0, CUE_REL },
	{ NULL, 0, 0 } };
static const wc_word w_p[] = { N_("pact", WC_K_DEAL), { "previous", 0, CUE_REL }, { NULL, 0, 0 } };
static const wc_word w_s[] = { N_("stay", WC_K_VISIT), N_("stopover", WC_K_VISIT),
	N_("summit", WC_K_TALKS), N_("signing", WC_K_CEREMONY),
	{ "same", 0, CUE_REL | CUE_PLACE }, { NULL, 0, 0 } };
static const wc_word w_t[] = { N_("talks", WC_K_TALKS), N_("trip", WC_K_VISIT),
	N_("tour", WC_K_VISIT), N_("treaty", WC_K_DEAL), { "there", 0, CUE_PLACE },
	{ "town", 0, CUE_PLACE }, { NULL, 0, 0 } };
static const wc_word w_v[] = { N_("visit", WC_K_VISIT), N_("visits", WC_K_VISIT), { NULL, 0, 0 } };
static const wc_word w_w[] = { N_("wargames", WC_K_EXERCISE), { NULL, 0, 0 } };
#undef N_

static const wc_word *cue_word(const wh_sent *s, size_t i)
{
	if (i >= s->n || s->a[i].kind != DYAD_TOK_WORD || s->a[i].len < 4)
		return NULL;
	const wc_word *w;
	switch (s->a[i].s[0]) {
	case 'a': w = w_a; break;
	case 'c': w = w_c; break;
	case 'd': w = w_d; break;
	case 'e': w = w_e; break;
	case 'f': w = w_f; break;
	case 'l': w = w_l; break;
	case 'm': w = w_m; break;
	case 'n': w = w_n; break;
	case 'p': w = w_p; break;
	case 's': w = w_s; break;
	case 't': w = w_t; break;
	case 'v': w = w_v; break;
	case 'w': w = w_w; break;
	default:  return NULL;
	}
	for (; w->word; w++)
		if (wh_is(s, i, w->word))
			return w;
	return NULL;
}

/* What an anaphor of each kind may refer to: a visit is the occasion of
 * its meetings and the reverse; a ceremony is a signing's or a visit's. */
uint16_t wc_compatible(uint16_t kind)
{
	switch (kind) {
	case WC_K_VISIT:
	case WC_K_TALKS:    return WC_K_VISIT | WC_K_TALKS;
	case WC_K_CEREMONY: return WC_K_CEREMONY | WC_K_DEAL | WC_K_VISIT | WC_K_TALKS;
	default:            return kind;
	}
}

static const char *const determiners[] = {
	"the", "this", "that", "these", "those", "their", "its", "his", "her", NULL
};
/* "the next visit", "another exercise", "a similar deal": another occasion. */
static const char *const other_mods[] = {
	"next", "previous", "last", "first", "second", "third", "another", "new", "upcoming",
	"future", "similar", "earlier", "later", "other", "former", "past", "coming", "planned",
	"proposed", "possible", "potential", "such", "same", "following", "preceding", NULL
};
/* "after the talks", "until the exercise": another time than the occasion's. */
static const char *const time_preps[] = {
	"after", "before", "since", "following", "until", "till", "than", "for", "like",
	"unlike", "preceding", "afterwards", NULL
};
static const char *const before_of_to[] = {
	"ahead", "prior", "preparation", "preparations", "eve", "run", "up", NULL
};
/* After the verb, only these make the noun phrase the event's occasion. */
static const char *const within_preps[] = { "during", "at", "throughout", "amid", NULL };
static const char *const part_nouns[] = {
	"course", "sidelines", "margins", "margin", "end", "close", "conclusion", "opening",
	"start", "beginning", NULL
};
static const char *const subject_pronouns[] = { "he", "she", "they", "we", "both", NULL };

static uint16_t noun_kind(const wh_sent *s, size_t i)
{
	const wc_word *w = cue_word(s, i);
	return w ? w->kind : 0;
}

uint16_t wc_cameo_kinds(const char *c)
{
	if (!strncmp(c, "036", 3) || !strncmp(c, "040", 3) || !strncmp(c, "042", 3) ||
	    !strncmp(c, "043", 3))
		return WC_K_VISIT | WC_K_TALKS;
	if (!strncmp(c, "044", 3) || !strncmp(c, "045", 3) || !strncmp(c, "046", 3))
		return WC_K_TALKS;
	if (!strncmp(c, "057", 3))
		return WC_K_DEAL;
	if (!strncmp(c, "062", 3) || !strncmp(c, "15", 2))
		return WC_K_EXERCISE;
	return 0;
}

static bool same_clause(const wh_sent *s, size_t i, size_t v)
{
	return i < s->n && v < s->n && s->a[i].clause == s->a[v].clause;
}

/* Occasion nouns near the verb ("held joint military exercises", "paid a visit"). */
uint16_t wc_near_nouns(const wh_sent *s, size_t v)
{
	uint16_t k = 0;
	size_t lo = v > 4 ? v - 4 : 0;
	for (size_t i = lo; i < s->n && i <= v + 4; i++)
		if (same_clause(s, i, v))
			k |= noun_kind(s, i);
	return k;
}

/* Words that may stand between the determiner and the occasion noun:
 * "the joint military exercise", "this two-day state visit". Only these,
 * capitalized words ("the Russian-Algerian talks") and hyphenated parts:
 * "the army held talks" is not a noun phrase. */
static const char *const np_mods[] = {
	"joint", "military", "naval", "air", "land", "bilateral", "trilateral", "multilateral",
	"official", "state", "working", "recent", "latest", "annual", "tactical", "strategic",
	"ministerial", "presidential", "high", "level", "defence", "defense", "security", "arms",
	"trade", "energy", "gas", "weapons", "cooperation", "technical", "historic", "important",
	"successful", "final", "whole", "entire", "large", "scale", "counter", "anti",
	"terrorism", "terrorist", "combat", "live", "fire", "search", "rescue", "day", "week",
	"closed", "door", "private", "formal", "landmark", "major", "two", "three", "four",
	"five", "six", "seven", "ten", "one", NULL
};

static bool np_mod(const wh_sent *s, size_t j)
{
	if (j >= s->n)
		return false;
	if (wh_is(s, j, "-"))
		return true;
	if (s->a[j].kind == DYAD_TOK_NUMBER)
		return s->a[j].len < 4 && wh_is(s, j + 1, "-");      /* "the 10-day exercise" */
	if (s->a[j].kind != DYAD_TOK_WORD)
		return false;
	if (s->a[j].flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS))
		return true;
	return wh_in(s, j, np_mods) || (j > 0 && wh_is(s, j - 1, "-"));
}

/* A definite noun phrase at determiner i naming an occasion ("the joint
 * exercise", "this two-day visit"): its kind, or 0. */
static uint16_t definite_np(const wh_sent *s, size_t i)
{
	if (!wh_in(s, i, determiners))
		return 0;
	for (size_t j = i + 1; j < s->n && j <= i + 4; j++) {
		uint16_t k = noun_kind(s, j);
		if (k)
			return k;
		if (!np_mod(s, j) || wh_in(s, j, other_mods))
			return 0;
	}
	return 0;
}

/* May a definite phrase at i be the occasion of the event at v? Before the
 * verb (subject, fronted "During the exercise,") unless a preposition puts
 * it at another time; after the verb only inside "during", "at", "on the
 * sidelines of" ... */
static bool np_position_ok(const wh_sent *s, size_t i, size_t v)
{
	bool of_to = i > 1 && (wh_is(s, i - 1, "of") || wh_is(s, i - 1, "to"));
	if (i < v) {
		if (i > 0 && wh_in(s, i - 1, time_preps))
			return false;
		return !(of_to && wh_in(s, i - 2, before_of_to));
	}
	if (i > v + 12)
		return false;
	if (i > 0 && wh_in(s, i - 1, within_preps))
		return true;
	return of_to && wh_is(s, i - 1, "of") && wh_in(s, i - 2, part_nouns);
}

/* The kind of the anaphoric occasion phrase of the event at v, or 0. */
uint16_t wc_anaphor_np(const wh_sent *s, size_t v)
{
	uint32_t c = s->a[v].clause;
	for (size_t i = s->clause_first[c]; i < s->n && s->a[i].clause == c; i++) {
		uint16_t k = definite_np(s, i);
		if (k && np_position_ok(s, i, v))
			return k;
	}
	return 0;
}

/* "The two ministers also signed", "He also met", "Both sides also agreed":
 * "also" just before the verb after an anaphoric subject opening the clause. */
bool wc_also_cue(const wh_sent *s, size_t v)
{
	size_t at = s->n;
	for (size_t i = v > 3 ? v - 3 : 0; i <= v && i < s->n; i++)
		if (wh_is(s, i, "also") && same_clause(s, i, v))
			at = i;
	if (at == s->n)
		return false;
	size_t f = s->clause_first[s->a[v].clause];
	if (wh_is(s, f, "and") || wh_is(s, f, "but"))
		f++;
	if (at < f || at - f > 6)
		return false;
	if (wh_in(s, f, subject_pronouns))
		return true;
	return wh_is(s, f, "the") && f + 1 < at && s->a[f + 1].kind == DYAD_TOK_WORD &&
	       !(s->a[f + 1].flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS));
}

/* ------------------------------------------------------------------ */
/* Time relative to the previous event                                */

static int unit_of(const wh_sent *s, size_t i)
{
	static const char *const u[] = { "day", "days", "week", "weeks", "month", "months",
	                                 "year", "years", NULL };
	if (i >= s->n || s->a[i].len < 3 || !strchr("dwmy", s->a[i].s[0]))
		return -1;
	for (int k = 0; u[k]; k++)
		if (wh_is(s, i, u[k]))
			return k / 2;
	return -1;
}

static long count_of(const wh_sent *s, size_t i)
{
	static const char *const w[] = { "zero", "one", "two", "three", "four", "five", "six",
	                                 "seven", "eight", "nine", "ten", NULL };
	long v = wh_int(s, i);
	if (v >= 0)
		return v;
	for (int k = 0; w[k]; k++)
		if (wh_is(s, i, w[k]))
			return k;
	return wh_is(s, i, "a") || wh_is(s, i, "an") ? 1 : -1;
}

static bool ends_phrase(const wh_sent *s, size_t i)
{
	return i >= s->n || s->a[i].kind == DYAD_TOK_PUNCT;
}

/* One relative phrase at atom i; true with *r filled. */
static bool rel_at(const wh_sent *s, size_t i, wc_rel *r)
{
	bool the = wh_is(s, i, "the");
	int u;
	/* every form starts with the, that, earlier, later or a count before a unit */
	if (!the && !wh_is(s, i, "that") && !wh_is(s, i, "earlier") && !wh_is(s, i, "later") &&
	    unit_of(s, i + 1) < 0)
		return false;
	r->first = i;
	/* the next/following day|week|month|year, the previous ... */
	if (the && (wh_is(s, i + 1, "next") || wh_is(s, i + 1, "following") ||
	            wh_is(s, i + 1, "previous")) && (u = unit_of(s, i + 2)) >= 0 &&
	    !(s->a[i + 2].s[s->a[i + 2].len - 1] == 's')) {
		r->n = wh_is(s, i + 1, "previous") ? -1 : 1;
		r->unit = u;
		r->how = u == RT_WEEK ? RT_NEXT_WEEK : RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	/* the day after / the day before (nothing after it) */
	if (the && wh_is(s, i + 1, "day") && (wh_is(s, i + 2, "after") || wh_is(s, i + 2, "before")) &&
	    ends_phrase(s, i + 3)) {
		r->n = wh_is(s, i + 2, "after") ? 1 : -1;
		r->unit = RT_DAY;
		r->how = RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	/* the same day, that same day, that day, later/earlier that day|week|month|year */
	if ((the || wh_is(s, i, "that")) && wh_is(s, i + 1, "same") && wh_is(s, i + 2, "day")) {
		r->n = 0, r->unit = RT_DAY, r->how = RT_SHIFT, r->last = i + 2;
		return true;
	}
	if ((wh_is(s, i, "earlier") || wh_is(s, i, "later")) && wh_is(s, i + 1, "that") &&
	    (u = unit_of(s, i + 2)) >= 0) {
		r->unit = u;
		r->n = 0;
		r->how = wh_is(s, i, "earlier") ? RT_EARLIER_IN : RT_LATER_IN;
		if (u == RT_DAY)
			r->how = RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	/* two days later, a week later, three months earlier, a day after */
	long n = count_of(s, i);
	if (n >= 1 && n <= 60 && (u = unit_of(s, i + 1)) >= 0 &&
	    (wh_is(s, i + 2, "later") || wh_is(s, i + 2, "earlier") ||
	     ((wh_is(s, i + 2, "after") || wh_is(s, i + 2, "afterwards")) && ends_phrase(s, i + 3)))) {
		r->n = wh_is(s, i + 2, "earlier") ? -n : n;
		r->unit = u;
		r->how = RT_SHIFT;
		r->last = i + 2;
		return true;
	}
	return false;
}

/* Does the clause of verb v speak of the future before v? The words of a
 * relative phrase do not count ("The next day, it met ..." is past). */
bool wc_clause_future(const wh_sent *s, size_t v, bool rel)
{
	wc_rel r;
	uint32_t c = s->a[v].clause;
	size_t skip_to = 0;
	for (size_t i = s->clause_first[c]; i < v && i < s->n; i++) {
		if (rel && i >= skip_to && rel_at(s, i, &r))
			skip_to = r.last + 1;
		if (i >= skip_to && wh_future_cue(s, i))
			return true;
	}
	return false;
}

/* A relative phrase in the clause of verb v. */
bool wc_find_rel(const wh_sent *s, size_t v, wc_rel *r)
{
	uint32_t c = s->a[v].clause;
	for (size_t i = s->clause_first[c]; i < s->n && s->a[i].clause == c; i++)
		if (rel_at(s, i, r))
			return true;
	return false;
}

/* "there", "in the capital", "in the city", "at the same place" at atom i
 * (clause starting at atom f): the minimum resolution the earlier place
 * needs, or -1. */
static int place_cue_at(const wh_sent *s, size_t i, size_t f)
{
	static const char *const be[] = {
		"is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "should",
		"may", "might", "must", "can", "has", "have", "had", "seems", "seem", "appears",
		"appear", "remains", "remain", "exists", "exist", "'s", "to", NULL
	};
	if (wh_is(s, i, "there"))
		return i > f && !wh_in(s, i + 1, be) && !wh_is(s, i - 1, "from") &&
		       !wh_in(s, i - 1, be) ? DYAD_RES_NONE : -1;
	if (!(wh_is(s, i, "in") || wh_is(s, i, "at")) || !wh_is(s, i + 1, "the"))
		return -1;
	if (wh_is(s, i + 3, "of") || wh_is(s, i + 3, "'s"))
		return -1;
	if (wh_is(s, i + 2, "capital") || wh_is(s, i + 2, "city") || wh_is(s, i + 2, "town"))
		return DYAD_RES_CITY;
	if (wh_is(s, i + 2, "country"))
		return DYAD_RES_COUNTRY;
	if (wh_is(s, i + 2, "same") && (wh_is(s, i + 3, "place") || wh_is(s, i + 3, "venue") ||
	                                wh_is(s, i + 3, "location")))
		return DYAD_RES_NONE;
	return -1;
}

/* The place anaphor of the clause of verb v (place_cue_at()), or -1. */
int wc_place_anaphor(const wh_sent *s, size_t v)
{
	uint32_t c = s->a[v].clause;
	size_t f = s->clause_first[c];
	for (size_t i = f; i < s->n && s->a[i].clause == c; i++) {
		int need = place_cue_at(s, i, f);
		if (need >= 0)
			return need;
	}
	return -1;
}

/*
 * Which cues the sentence has at all, checked where a cue word is: a
 * definite occasion phrase (CUE_DEF; CUE_NOUN for any occasion noun),
 * "also", a relative time phrase, a place anaphor. Most sentences have
 * none, and then nothing else is looked at.
 */
unsigned wc_sentence_cues(const wh_sent *s)
{
	/* first letters of the cue words (cue_word()), tested before the call */
	const uint32_t letters = 1u << ('a' - 'a') | 1u << ('c' - 'a') | 1u << ('d' - 'a') |
	                         1u << ('e' - 'a') | 1u << ('f' - 'a') | 1u << ('l' - 'a') |
	                         1u << ('m' - 'a') | 1u << ('n' - 'a') | 1u << ('p' - 'a') |
	                         1u << ('s' - 'a') | 1u << ('t' - 'a') | 1u << ('v' - 'a') |
	                         1u << ('w' - 'a');
	unsigned c = 0;
	wc_rel r;
	for (size_t i = 0; i < s->n; i++) {
		unsigned ch = (unsigned char)s->a[i].s[0] - 'a';
		if (s->a[i].len < 4 || ch >= 26 || !(letters >> ch & 1))
			continue;
		const wc_word *w = cue_word(s, i);
		if (!w)
			continue;
		c |= w->cues & (CUE_NOUN | CUE_ALSO);
		for (size_t k = i > 4 ? i - 4 : 0; (w->cues & CUE_NOUN) && !(c & CUE_DEF) && k < i; k++)
			if (definite_np(s, k) == w->kind)
				c |= CUE_DEF;
		for (size_t k = i > 3 ? i - 3 : 0; (w->cues & CUE_REL) && !(c & CUE_REL) && k <= i; k++)
			if (rel_at(s, k, &r))
				c |= CUE_REL;
		for (size_t k = i > 2 ? i - 2 : 0; (w->cues & CUE_PLACE) && !(c & CUE_PLACE) && k <= i; k++)
			if (place_cue_at(s, k, s->clause_first[s->a[k].clause]) >= 0)
				c |= CUE_PLACE;
	}
	return c;
}
