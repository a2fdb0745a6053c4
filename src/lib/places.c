/*
 * places.c - place phrases of a sentence and their attachment to events
 * (rules in include/dyad/places.h and docs/internals/places.md).
 *
 * A place phrase is a cue ("in", "near", "at", "off", "outside",
 * "inside", "into", "across", "to" after a verb of motion, or a visit
 * verb) followed by an optional article, an optional head ("the region
 * of", "the oasis town of"), an optional direction ("western") and a run
 * of capitalized words ("Far East of Russia", "Mediterranean Sea").
 * The longest prefix of the run found in the gazetteer wins.
 */
#include "dyad/places.h"
#include "when_internal.h"
#include "util/error.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define WP_MAX   16    /* place phrases kept per sentence */
#define NAME_MAX_ATOMS 6

typedef struct wp_item {
	dyad_place p;
	size_t first, last;   /* atoms of the name */
} wp_item;

typedef struct wp_ctx {
	const dyad_gazetteer *g;
	const char *text;
	const char (*countries)[4];
	size_t nc;
	const wh_sent *s;
} wp_ctx;

static const char *const cues[] = {
	"in", "near", "at", "off", "outside", "inside", "into", "across", "within",
	"around", NULL
};
static const char *const motion[] = {
	"travelled", "traveled", "travel", "travels", "travelling", "went", "go", "flew",
	"fly", "sailed", "headed", "came", "come", "returned", "return", "deployed",
	"sent", "moved", "arrived", "trip", "journey", "visit", "visits", "delegation",
	"deploy", "send", "docked", "redeployed", NULL
};
/* Verbs whose object is where the event happened ("visited Spain"). */
static const char *const visit_verbs[] = {
	"visited", "visiting", "toured", "visit", "visits", "entered", "patrolled",
	"patrolling", "reached", "shelled", "bombed", "captured", "besieged", "violated",
	"crossed", "invaded", "occupied", NULL
};
/* Verbs after which "from" names the place of the event. */
static const char *const from_verbs[] = {
	"withdrew", "withdrawn", "withdraw", "withdrawing", "evacuated", "expelled",
	"fired", "launched", "out", NULL
};
static const char *const directions[] = {
	"western", "eastern", "northern", "southern", "central", "north", "south", "east",
	"west", "northeastern", "northwestern", "southeastern", "southwestern", NULL
};
static const char *const division_words[] = {
	"region", "province", "governorate", "wilaya", "oblast", "state", "district",
	"department", "prefecture", NULL
};
static const char *const not_places[] = {
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "i", NULL
};
static const char *const joiners[] = { "el", "al", "de", "du", "la", "le", "di", "da", NULL };
/* Particles joined to the next word by a hyphen: "Deir ez-Zor", "Deir
 * al-Balah", "Bab el-Mandeb", "Mazar-i-Sharif". */
static const char *const hyphen_particles[] = {
	"el", "al", "ez", "es", "ed", "ad", "az", "ar", "as", "ash", "an", "at", "ul", "ur",
	"i", "e", "um", NULL
};

static bool capw(const wh_sent *s, size_t i)
{
	return i < s->n && s->a[i].kind == DYAD_TOK_WORD &&
	       (s->a[i].flags & (DYAD_TOKF_CAP | DYAD_TOKF_ALLCAPS));
}

static bool loww(const wh_sent *s, size_t i)
{
	return i < s->n && s->a[i].kind == DYAD_TOK_WORD && !capw(s, i);
}

/* End (exclusive) of the capitalized run at j. */
static size_t name_end(const wh_sent *s, size_t j)
{
	size_t k = j;
	while (k < s->n && k - j < NAME_MAX_ATOMS) {
		if (capw(s, k) && !wh_in(s, k, not_places)) {
			k++;
		} else if (k > j && s->a[k].len > 2 && s->a[k].s[1] == '\'' &&
		           (s->a[k].s[0] == 'd' || s->a[k].s[0] == 'l')) {
			k++;                               /* "Côte d'Ivoire" */
		} else if (k > j && (wh_is(s, k, "-") || wh_in(s, k, joiners)) && capw(s, k + 1)) {
			k++;
		} else if (k > j && wh_in(s, k, hyphen_particles) && wh_is(s, k + 1, "-") &&
		           k + 2 < s->n && s->a[k + 2].kind == DYAD_TOK_WORD &&
		           (capw(s, k + 2) || s->a[k + 2].tok == s->a[k].tok)) {
			/* "ez-Zor" of "Deir ez-Zor": one token, whose atoms share
			 * its flags, so "Zor" does not look capitalized and is
			 * taken here with the particle */
			k += capw(s, k + 2) ? 2 : 3;
		} else if (k > j && wh_is(s, k, "-") && wh_in(s, k + 1, hyphen_particles) &&
		           wh_is(s, k + 2, "-") && capw(s, k + 3)) {
			k += 3;                            /* "-i-" of "Mazar-i-Sharif" */
		} else if (k > j && wh_is(s, k, "of") && capw(s, k + 1)) {
			k++;
		} else if (k > j && wh_is(s, k, "of") && wh_is(s, k + 1, "the") && capw(s, k + 2)) {
			k += 2;
		} else {
			break;
		}
	}
	return k;
}

/* Skip "the region of", "the oasis town of": lower-case words then "of".
 * A division word in the head ("the region of Tindouf") sets *division. */
static size_t skip_head(const wh_sent *s, size_t j, bool *division)
{
	for (size_t k = j; k < s->n && k <= j + 3; k++) {
		if (wh_is(s, k, "of")) {
			size_t n = k + 1 + (wh_is(s, k + 1, "the") ? 1 : 0);
			if (!capw(s, n))
				return j;
			for (size_t h = j; h < k; h++)
				*division = *division || wh_in(s, h, division_words);
			return n;
		}
		if (!loww(s, k) || wh_in(s, k, directions))
			return j;
	}
	return j;
}

static int lookup_run(const wp_ctx *c, size_t first, size_t last, int hint, dyad_place *p)
{
	const wh_sent *s = c->s;
	uint32_t a = s->a[first].span.start, b = s->a[last].span.end;
	return dyad_gazetteer_lookup(c->g, c->text + a, b - a, c->countries, c->nc, hint, p);
}

/* Is the unresolved run an adjective ("the Algerian desert")? */
static bool adjective_use(const wh_sent *s, size_t end)
{
	static const char *const ok_after[] = {
		"and", "or", "in", "on", "at", "near", "where", "which", "with", "to", "from",
		"for", "during", "since", "while", "as", "after", "before", "by", "of", "who",
		"that", "when", "last", "this", "next", "early", "late", "until", "on", NULL
	};
	return loww(s, end) && !wh_in(s, end, ok_after);
}

static void set_span(const wh_sent *s, wp_item *it)
{
	it->p.span.start = s->a[it->first].span.start;
	it->p.span.end = s->a[it->last].span.end;
}

/* "the Algerian desert", "off the Syrian coast", "in Russian territorial
 * waters": a country adjective before a geographic noun is the country. */
static bool demonym_phrase(const wp_ctx *c, size_t j, size_t end, wp_item *it)
{
	static const char *const geo_nouns[] = {
		"desert", "coast", "coastline", "territory", "waters", "border", "borders",
		"soil", "airspace", "mountains", "countryside", "interior", "shores",
		"hinterland", "steppe", "mainland", "capital", NULL
	};
	const wh_sent *s = c->s;
	size_t noun = end + (wh_is(s, end, "territorial") ? 1 : 0);
	if (end != j + 1 || !wh_in(s, noun, geo_nouns))
		return false;
	if (!lookup_run(c, j, j, DYAD_PLACE_HINT_DEMONYM, &it->p))
		return false;
	it->first = j;
	it->last = noun;
	set_span(s, it);
	return true;
}

/* The name run after a cue ending at atom i; true with *it filled. */
static bool phrase_after(const wp_ctx *c, size_t i, wp_item *it)
{
	const wh_sent *s = c->s;
	size_t j = i + 1;
	if (wh_is(s, j, "the") || wh_is(s, j, "a"))
		j++;
	bool division = false;
	j = skip_head(s, j, &division);
	size_t dir = s->n;
	if (wh_in(s, j, directions) && capw(s, j + 1)) {
		dir = j;
		j++;
	}
	size_t end = name_end(s, j);
	if (end == j)
		return false;
	int hint = division || wh_in(s, end, division_words) ? DYAD_PLACE_HINT_DIVISION
	                                                      : DYAD_PLACE_HINT_NONE;
	memset(it, 0, sizeof(*it));
	if (dir < s->n && lookup_run(c, dir, end - 1, hint, &it->p)) {
		it->first = dir;
		it->last = end - 1;
		set_span(s, it);
		return true;
	}
	for (size_t last = end; last > j; last--) {
		if (wh_is(s, last - 1, "of") || wh_is(s, last - 1, "-") || wh_is(s, last - 1, "the"))
			continue;
		/* "the Russian Federation Council" names a body, not a place. */
		if (last < end && capw(s, last))
			continue;
		if (lookup_run(c, j, last - 1, last == end ? hint : 0, &it->p)) {
			it->first = j;
			it->last = last - 1;
			set_span(s, it);
			return true;
		}
	}
	if (adjective_use(s, end))
		return demonym_phrase(c, j, end, it);
	lookup_run(c, j, end - 1, hint, &it->p);   /* keeps the raw name, resolution NONE */
	it->first = j;
	it->last = end - 1;
	set_span(s, it);
	return true;
}

/* "the war in Ukraine", "its presence in Africa": the place of a topic
 * noun, not of the event. */
static const char *const topic_nouns[] = {
	"war", "crisis", "conflict", "situation", "invasion", "developments", "events",
	"presence", "influence", "investment", "investments", "instability",
	"insecurity", NULL
};

static bool is_cue(const wh_sent *s, size_t i)
{
	if (wh_in(s, i, cues))
		return !(i > 0 && wh_in(s, i - 1, topic_nouns));
	if (wh_in(s, i, visit_verbs))
		return true;
	if (wh_is(s, i, "from") && i > 0)
		return wh_in(s, i - 1, from_verbs) || (i > 1 && wh_in(s, i - 2, from_verbs));
	/* "travelled to Algeria", "deployed troops to Mali" */
	return wh_is(s, i, "to") && i > 0 &&
	       (wh_in(s, i - 1, motion) || (i > 1 && wh_in(s, i - 2, motion)));
}

static int wp_find(const wp_ctx *c, wp_item *out, size_t max)
{
	const wh_sent *s = c->s;
	size_t found = 0;
	for (size_t i = 0; i < s->n; i++) {
		wp_item it;
		if (!is_cue(s, i) || !phrase_after(c, i, &it))
			continue;
		if (found < max)
			out[found] = it;
		found++;
		i = it.last;
	}
	return (int)found;
}

int dyad_places_find(const dyad_gazetteer *g, const char *text, const dyad_token *toks,
                     size_t n, const char (*countries)[4], size_t nc,
                     dyad_place *out, size_t max)
{
	if ((!toks && n) || !text)
		return dyad_error_set(DYAD_EINVAL, "places: bad arguments");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wp_ctx c = { g, text, countries, nc, &s };
	wp_item items[WP_MAX];
	int found = wp_find(&c, items, WP_MAX);
	for (int k = 0; k < found && (size_t)k < max && k < WP_MAX; k++)
		out[k] = items[k].p;
	wh_sent_free(&s);
	return found;
}

static size_t gap(size_t a, size_t b)
{
	return a > b ? a - b : b - a;
}

/* The best place for verb atom v: see dyad_places_attach(). */
static int pick(const wh_sent *s, const wp_item *it, size_t n_it, size_t v)
{
	int best = -1;
	uint32_t c = s->a[v].clause;
	for (size_t k = 0; k < n_it; k++) {
		if (s->a[it[k].first].clause != c)
			continue;
		if (best < 0 || it[k].p.resolution > it[best].p.resolution ||
		    (it[k].p.resolution == it[best].p.resolution &&
		     gap(it[k].first, v) < gap(it[best].first, v)))
			best = (int)k;
	}
	uint8_t kind = s->clause_kind[c];
	if (best >= 0 || (kind != WH_CL_RELATIVE && kind != WH_CL_SUB) || c == 0)
		return best;
	/* "travelled to Algeria where he met": the place just before the clause. */
	for (size_t k = 0; k < n_it; k++)
		if (s->a[it[k].first].clause == c - 1 && it[k].p.resolution > DYAD_RES_NONE)
			best = (int)k;
	return kind == WH_CL_RELATIVE ? best : -1;
}

static void clear_place(dyad_event *ev)
{
	ev->place_name[0] = 0;
	ev->place_country[0] = 0;
	ev->lat = ev->lon = NAN;
	ev->place_resolution = DYAD_RES_NONE;
	ev->place_span.start = ev->place_span.end = 0;
	ev->place_source = DYAD_SRC_NONE;
}

void wh_places_attach(const wh_sent *sp, const dyad_gazetteer *g, const char *text,
                      const char (*countries)[4], size_t nc,
                      dyad_event *events, size_t n_events)
{
	const wh_sent s = *sp;
	wp_ctx c = { g, text, countries, nc, &s };
	wp_item items[WP_MAX];
	int found = wp_find(&c, items, WP_MAX);
	size_t n_it = found > WP_MAX ? WP_MAX : (size_t)found;
	for (size_t k = 0; k < n_events; k++) {
		dyad_event *ev = &events[k];
		clear_place(ev);
		size_t v = wh_event_verb(&s, ev);
		int b = v < s.n ? pick(&s, items, n_it, v) : -1;
		if (b < 0)
			continue;
		const dyad_place *p = &items[b].p;
		uint32_t len = p->span.end - p->span.start;
		snprintf(ev->place_name, sizeof(ev->place_name), "%.*s",
		         (int)(len < DYAD_PLACE_MAX ? len : DYAD_PLACE_MAX - 1), text + p->span.start);
		memcpy(ev->place_country, p->country, sizeof(ev->place_country));
		ev->lat = p->lat;
		ev->lon = p->lon;
		ev->place_resolution = p->resolution;
		ev->place_span = p->span;
		ev->place_source = DYAD_SRC_SENTENCE;
	}
}

int dyad_places_attach(const dyad_gazetteer *g, const char *text, const dyad_token *toks,
                       size_t n, const char (*countries)[4], size_t nc,
                       dyad_event *events, size_t n_events)
{
	if ((!toks && n) || !text || (!events && n_events))
		return dyad_error_set(DYAD_EINVAL, "places: bad arguments");
	wh_sent s;
	int rc = wh_sent_build(&s, toks, n);
	if (rc)
		return rc;
	wh_places_attach(&s, g, text, countries, nc, events, n_events);
	wh_sent_free(&s);
	return 0;
}
