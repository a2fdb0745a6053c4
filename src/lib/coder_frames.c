/*
 * coder_frames.c - the frame around a verb, for dyad's own (lemma)
 * dictionaries: who supplies goods received ("Chinese-made"), warnings
 * that make an act a threat, reported speech, possible and conditional
 * acts, acts named by nouns (after "by <actor>", as objects of another
 * verb), leading attribution and time segments, match results, and the
 * direct object or modifier agents of a verb; announced, purposed,
 * desired acts and the weapon of an attack. coder_events.c asks these
 * while it codes a verb (docs/accuracy.md, round 4).
 */
#include "coder_internal.h"

#include <string.h>

/* A weapon noun at word k. */
static bool weapon_word(const dyad_coder *c, size_t k)
{
	static const char *const arms[] = { "tanks", "tank", "jets", "jet", "warplane", "bomber",
	                                    "systems", "system", "missiles", "missile", "drones",
	                                    "drone", "submarines", "submarine", "frigates", "frigate",
	                                    "corvettes", "corvette", "helicopters", "helicopter",
	                                    "aircraft", "howitzers", "howitzer", "weapons", "arms",
	                                    "ammunition", "shells", "warships", "warship", "rifles",
	                                    "launchers", "rockets", "bombers", "warplanes", NULL };
	for (int a = 0; arms[a]; a++)
		if (word_is(c, k, arms[a]))
			return true;
	return false;
}

/* A hardware agent merged into the actor: "a Russian submarine". */
static bool weapons_in(const dyad_coder *c, const mention *m)
{
	for (size_t k = m->start + 1; k < m->end; k++)
		if (weapon_word(c, k))
			return true;
	return false;
}

/* Weapons named within 6 words from word i, no comma or actor between:
 * "(American) Abrams tanks", "(Russian) S-400 air defence systems". */
static bool weapons_after(const dyad_coder *c, size_t i, size_t ce)
{
	for (size_t k = i; k < ce && k < i + 6; k++) {
		if (c->w[k].type != CW_WORD ||
		    (c->w[k].mention >= 0 && c->m[c->w[k].mention].kind == MK_ACTOR))
			return false;
		if (weapon_word(c, k))
			return true;
	}
	return false;
}

/*
 * dyad's dictionaries: goods received whose maker is named only by a
 * hyphen modifier ("took delivery of Chinese-made air defence systems",
 * "received its first French-built Rafale jets") come from that
 * country: the maker supplies (072) the receiver, as "received jets
 * from France" does; so does a nationality right before weapons
 * ("received American Abrams tanks"). Returns the supplier mention, or
 * -1. The modifier must be in the verb's clause, within a few words.
 */
int cd_supplier_at(const dyad_coder *c, const verbocc *vo, size_t ce)
{
	static const char *const recv[] = { "received", "receives", "receive", "receiving",
	                                    "acquired", "acquires", "acquire", "bought", "buys",
	                                    "buy", "purchased", "purchases", "purchase",
	                                    "obtained", "imported", "imports", NULL };
	static const char *const take[] = { "took", "taken", "take", "takes", "taking", NULL };
	bool ok = false;
	for (int i = 0; recv[i] && !ok; i++)
		ok = word_is(c, vo->start, recv[i]);
	for (int i = 0; take[i] && !ok; i++)
		ok = word_is(c, vo->start, take[i]) &&
		     (word_is(c, vo->start + 1, "delivery") || word_is(c, vo->start + 2, "delivery"));
	if (!ok)
		return -1;
	/* "a deal to buy ...": not (yet) received */
	if (vo->start > 0 && word_is(c, vo->start - 1, "to"))
		return -1;
	size_t lim = vo->end + 10 < ce ? vo->end + 10 : ce;
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (m->start < vo->end || m->start >= lim)
			continue;
		if (m->supplier && m->kind == MK_ACTOR && m->code[0])
			return (int)k;
		/* "received American Abrams tanks": a nationality before
		 * weapons is their maker (the first actor after the verb) */
		if (cd_usable(m))
			return weapons_in(c, m) || weapons_after(c, m->end, ce) ? (int)k : -1;
	}
	return -1;
}

/*
 * dyad's dictionaries: an act announced in a warning ("North Korea
 * warned that it would respond with force to the drills", "Iran warned
 * Israel that any attack would trigger a devastating response") is a
 * threat of that act, not the act: a warning word before the verb with
 * "would", "will" or "could" between them. Returns the index of the
 * warning word, or SIZE_MAX.
 */
size_t cd_warning_at(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	static const char *const warn[] = { "warned", "warns", "warn", "warning", "threatened",
	                                    "threatens", "threaten", NULL };
	size_t low = vo->start > cs + 16 ? vo->start - 16 : cs;
	bool modal = false;
	for (size_t i = vo->start; i-- > low;) {
		if (c->w[i].type == CW_COMMA || c->w[i].type == CW_STOP)
			return SIZE_MAX;
		if (word_is(c, i, "would") || word_is(c, i, "will") || word_is(c, i, "could"))
			modal = true;
		for (int k = 0; warn[k]; k++)
			if (word_is(c, i, warn[k]))
				return modal ? i : SIZE_MAX;
	}
	return SIZE_MAX;
}

/* The threat (13x) of an act: force 138, sanctions 1312, relations
 * 1313, aid 1311, repression 137; NULL: no threat code for it. */
const char *cd_threat_code(const char *a)
{
	static const char *const map[][2] = {
		{ "18", "138" }, { "19", "138" }, { "20", "138" }, { "163", "1312" },
		{ "161", "1313" }, { "162", "1311" }, { "164", "134" }, { "165", "135" },
		{ "166", "136" }, { "17", "137" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strncmp(a, map[i][0], strlen(map[i][0])))
			return map[i][1];
	return NULL;
}

/*
 * dyad's dictionaries: reported speech, "Ukraine's military said Russian
 * forces had shelled Kherson": the act is the reported subject's, and
 * the speaker is neither its source nor its target. Returns the word
 * after the last speech verb before the event verb that has an actor
 * between itself and the verb, or SIZE_MAX.
 */
size_t cd_speech_after(const dyad_coder *c, size_t cs, size_t verb)
{
	static const char *const say[] = { "said", "says", "say", "told", "claimed", "claims",
	                                   "reported", "stated", "confirmed", "alleged",
	                                   "insisted", "added", NULL };
	int n = 0;     /* a speaker and a reported subject before the verb */
	for (size_t k = 0; k < c->nm && n < 2; k++)
		n += c->m[k].start >= cs && c->m[k].start < verb && cd_usable(&c->m[k]);
	if (n < 2)
		return SIZE_MAX;
	for (size_t i = verb; i-- > cs;) {
		bool sp = false;
		for (int k = 0; say[k] && !sp; k++)
			sp = word_is(c, i, say[k]);
		if (!sp)
			continue;
		if (cd_first_actor(c, i + 1, verb, NULL) < 0 || cd_first_actor(c, cs, i, NULL) < 0)
			return SIZE_MAX;
		return i + 1;
	}
	return SIZE_MAX;
}

/*
 * dyad's dictionaries: an act named by a noun after "by" and its actor
 * ("a base was hit by Israeli air strikes", "destroyed by Russian
 * shelling"): that actor is its source, the clause's subject before
 * "by" its target. Returns the actor, or -1.
 */
int cd_by_noun_actor(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	for (size_t k = 0; k < c->nm; k++) {
		const mention *m = &c->m[k];
		if (!cd_usable(m) || m->end > vo->start || m->end + 1 < vo->start || m->start <= cs)
			continue;
		if (word_is(c, m->start - 1, "by"))
			return (int)k;
	}
	return -1;
}

/*
 * dyad's dictionaries: a possible or conditional act is no event, as
 * the coding conventions leave speculation and counterfactuals out:
 * "China could attempt to blockade Taiwan", "talks could resume", "if
 * Iran attacked Israel", and every act of a sentence that opens with
 * "If" or "Unless" (its main clause says what would follow); an act
 * named by a noun that is the subject of such a modal.
 */
bool cd_hypothetical_at(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	static const char *const pass[] = { "attempt", "try", "seek", "to", "be", "have", "also",
	                                    "still", "soon", "eventually", "even", "then", NULL };
	if (c->has_if && (word_is(c, 0, "if") || word_is(c, 0, "unless") || word_is(c, 0, "If") ||
	                  word_is(c, 0, "Unless")))
		return true;
	size_t p = vo->start, low = vo->start > cs + 4 ? vo->start - 4 : cs;
	while (p > low) {
		if (word_is(c, p - 1, "could") || word_is(c, p - 1, "might") || word_is(c, p - 1, "may"))
			return true;
		bool skip = false;
		for (int k = 0; pass[k] && !skip; k++)
			skip = word_is(c, p - 1, pass[k]);
		if (!skip)
			break;
		p--;
	}
	for (size_t i = vo->start; c->has_if && i-- > cs;) {
		if (c->w[i].type == CW_COMMA)
			break;
		if (word_is(c, i, "if") || word_is(c, i, "unless"))
			return true;
	}
	/* an act named by a noun, the subject of "could" ("the talks
	 * between X and Y could resume", "a deal may follow") */
	if (vo->start > cs && (word_is(c, vo->start - 1, "the") || word_is(c, vo->start - 1, "a") ||
	                       word_is(c, vo->start - 1, "an") || word_is(c, vo->start - 1, "of"))) {
		for (size_t i = vo->end; i < c->nw && i < vo->end + 10; i++) {
			if (c->w[i].type != CW_WORD || c->w[i].verb >= 0)
				break;
			if (word_is(c, i, "could") || word_is(c, i, "might") || word_is(c, i, "may"))
				return true;
		}
	}
	return false;
}

static bool digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool letter(char ch)
{
	return (ch | 32) >= 'a' && (ch | 32) <= 'z';
}

/*
 * dyad's dictionaries: a match result ("Brazil beat Argentina 1-0",
 * "defeated Morocco 2-1") is sport, not an assault: a score (one or two
 * digits, a hyphen, one or two digits) with a verb of winning codes
 * nothing. ("voted 13-0" has no such verb.)
 */
bool cd_match_result(const dyad_coder *c)
{
	static const char *const win[] = { "beat", "beats", "defeated", "defeats", "thrashed",
	                                   "edged", "drew", "draw", "won", "wins", "routed",
	                                   "lost", "loses", NULL };
	if (!c->text || !c->nw)
		return false;
	/* the score is in the sentence's text (numbers are not words) */
	const char *t = c->text;
	size_t s = c->w[0].span.start, e = c->w[c->nw - 1].span.end;
	bool score = false;
	for (const char *h = memchr(t + s, '-', e - s); h && !score;
	     h = memchr(h + 1, '-', (size_t)(t + e - (h + 1)))) {
		size_t i = (size_t)(h - t);
		if (i == s || i + 1 >= e || !digit(t[i - 1]) || !digit(t[i + 1]))
			continue;
		size_t a = i, b = i + 1;
		while (a > s && digit(t[a - 1]))
			a--;
		while (b < e && digit(t[b]))
			b++;
		bool left = a == s || !(digit(t[a - 1]) || t[a - 1] == '-' || t[a - 1] == '/' ||
		                        letter(t[a - 1]));
		bool right = b == e || !(t[b] == '-' || t[b] == '/' || letter(t[b]));
		score = i - a <= 2 && b - i - 1 <= 2 && left && right;
	}
	for (size_t i = 0; i < c->nw && score; i++)
		for (int k = 0; win[k]; k++)
			if (word_is(c, i, win[k]))
				return true;
	return false;
}

/*
 * dyad's dictionaries: a leading segment up to the first comma that is
 * an attribution ("According to Ukraine's military, ...": its actor is
 * the speaker, no participant) or a time clause with no subject of its
 * own ("After meeting Putin in Moscow, Tebboune flew to Beijing",
 * "During talks with X, Y ..."), whose acts are the main subject's.
 * Returns the comma, or SIZE_MAX; *attrib tells which.
 */
size_t cd_lead_segment(const dyad_coder *c, bool *attrib)
{
	static const char *const time[] = { "after", "before", "while", "when", "upon", "following",
	                                    "during", "After", "Before", "While", "When", "Upon",
	                                    "Following", "During", NULL };
	*attrib = false;
	if (!c->lex->own_format || c->nw < 4)
		return SIZE_MAX;
	size_t comma = SIZE_MAX;
	for (size_t i = 1; i < c->nw && i < 16; i++)
		if (c->w[i].type == CW_COMMA) {
			comma = c->w[i].s[0] == ',' ? i : SIZE_MAX;
			break;
		}
	if (comma == SIZE_MAX)
		return SIZE_MAX;
	if ((word_is(c, 0, "according") || word_is(c, 0, "According")) && word_is(c, 1, "to")) {
		*attrib = true;
		return comma;
	}
	bool lead = false;
	for (int k = 0; time[k] && !lead; k++)
		lead = word_is(c, 0, time[k]);
	/* the segment has no subject of its own: its first word after the
	 * time word is the act ("After meeting", "During talks") */
	if (!lead || c->w[1].verb < 0)
		return SIZE_MAX;
	return comma;
}

/*
 * dyad's dictionaries: an act named by a noun that is the object of an
 * earlier verb of its clause ("Algeria and Morocco condemned the
 * attack", "denounced the invasion") is not the subject's act: without
 * a source of its own pattern it is not coded.
 */
bool cd_object_noun(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	if (vo->start <= cs || !(word_is(c, vo->start - 1, "the") || word_is(c, vo->start - 1, "a") ||
	                         word_is(c, vo->start - 1, "an")))
		return false;
	for (size_t i = cs; i + 1 < vo->start; i++)
		if (c->w[i].verb >= 0)
			return true;
	return false;
}

/* An actor right after the verb (a determiner and role words between):
 * "hosted the presidents of Russia", "received Tebboune". */
bool cd_object_actor(const dyad_coder *c, const verbocc *vo, size_t ce)
{
	size_t k = vo->end;
	if (k < ce && (word_is(c, k, "the") || word_is(c, k, "his") || word_is(c, k, "her") ||
	               word_is(c, k, "its") || word_is(c, k, "their")))
		k++;
	if (!cd_participle(&c->w[vo->start]) || k >= ce || c->w[k].mention < 0)
		return false;
	const mention *m = &c->m[c->w[k].mention];
	if (!cd_usable(m) || m->start > k)
		return false;
	/* not a modifier: "hosted the Arab League summit" */
	size_t e = cd_group_end(c, c->w[k].mention);
	static const char *const after[] = { "in", "on", "at", "for", "to", "with", "during", "last",
	                                     "this", "after", "before", "and", NULL };
	if (e >= c->nw || c->w[e].type != CW_WORD)
		return true;
	for (int i = 0; after[i]; i++)
		if (word_is(c, e, after[i]))
			return true;
	return false;
}

/* dyad's dictionaries: the actor after "<participle> by" that modifies
 * a noun after the verb ("agreed to a truce brokered by Qatar", "a plan
 * backed by the EU") is the agent of that participle, no target of the
 * verb. */
bool cd_modifier_agent(const dyad_coder *c, const verbocc *vo, const mention *m)
{
	if (m->start < vo->end + 3 || !word_is(c, m->start - 1, "by"))
		return false;
	const cword *p = &c->w[m->start - 2];
	return p->type == CW_WORD && cd_participle(p) && m->start - 2 >= vo->end;
}

/*
 * dyad's dictionaries: an action announced for later ("will travel to
 * Beijing", "plans to deliver", "is set to sign") is coded as the intent
 * (03x), as the coding conventions do for planned exercises: the visit
 * 042 becomes 036, joint exercises 062 0312, an agreement 057 030, a
 * delivery 072 0332, a ceasefire or withdrawal 087x 0356 ... Patterns that code the intent already are left.
 */
const char *cd_future_code(const char *a)
{
	static const char *const map[][2] = {
		{ "040", "036" }, { "042", "036" }, { "043", "036" }, { "044", "036" },
		{ "046", "036" }, { "057", "030" }, { "060", "031" }, { "061", "0311" },
		{ "062", "0312" }, { "063", "0313" }, { "064", "0314" }, { "070", "033" },
		{ "071", "0331" }, { "072", "0332" }, { "073", "0333" }, { "074", "0334" },
		/* yielding announced: "would release", "will scale back" */
		{ "081", "0351" }, { "084", "0353" }, { "0841", "0353" }, { "085", "0354" },
		{ "087", "0356" }, { "0871", "0356" }, { "0872", "0356" }, { "0873", "0356" },
		{ "0874", "0356" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(a, map[i][0]))
			return map[i][1];
	return NULL;
}

bool cd_future_at(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	static const char *const before_to[] = { "plan", "plans", "planned", "planning", "set",
	                                         "due", "expected", "intends", "intend",
	                                         "scheduled", "going", NULL };
	size_t p = vo->start;
	while (p > cs && (word_is(c, p - 1, "also") || word_is(c, p - 1, "soon") ||
	                  word_is(c, p - 1, "later") || word_is(c, p - 1, "then")))
		p--;
	if (p == cs)
		return false;
	if (word_is(c, p - 1, "will") || word_is(c, p - 1, "would") || word_is(c, p - 1, "shall"))
		return true;
	if (!word_is(c, p - 1, "to") || p - 1 == cs)
		return false;
	for (int i = 0; before_to[i]; i++)
		if (word_is(c, p - 2, before_to[i]))
			return true;
	return false;
}

/* "for talks with", "for a meeting with": the purpose of a visit. */
bool cd_purpose_at(const dyad_coder *c, const verbocc *vo)
{
	size_t p = vo->start;
	if (p && (word_is(c, p - 1, "a") || word_is(c, p - 1, "the")))
		p--;
	if (!p || !word_is(c, p - 1, "for"))
		return false;
	return true;
}

/*
 * dyad's dictionaries: the weapon named with the attacker refines a
 * generic attack (190): "Ukrainian drones struck", "Israeli warplanes
 * hit" are aerial (195), "Russian artillery pounded" artillery (194).
 * Looks at the words from the source's start to the verb.
 */
const char *cd_weapon_code(const dyad_coder *c, size_t from, size_t to)
{
	static const char *const air[] = { "drone", "drones", "missile", "missiles", "warplane",
	                                   "warplanes", "jet", "jets", "bomber", "bombers",
	                                   "aircraft", "helicopter", "helicopters", NULL };
	static const char *const art[] = { "artillery", "tank", "tanks", "rocket", "rockets",
	                                   "mortar", "mortars", "howitzer", "howitzers", NULL };
	for (size_t i = from; i < to; i++) {
		for (int k = 0; air[k]; k++)
			if (word_is(c, i, air[k]))
				return "195";
		for (int k = 0; art[k]; k++)
			if (word_is(c, i, art[k]))
				return "194";
	}
	return NULL;
}

/*
 * dyad's dictionaries: an action someone only wants or hopes for is no
 * event ("Obama wants to attack", "Kigali hoped French officials would
 * be indicted"): a desire word shortly before the verb, with "to",
 * "would" or "will" between them.
 */
bool cd_desired_at(const dyad_coder *c, const verbocc *vo, size_t cs)
{
	static const char *const want[] = { "want", "wants", "wanted", "wanting", "hope", "hopes",
	                                    "hoped", "hoping", "wish", "wishes", "wished",
	                                    "wishing", NULL };
	size_t low = vo->start > cs + 6 ? vo->start - 6 : cs;
	bool link = false;
	for (size_t i = vo->start; i-- > low;) {
		if (word_is(c, i, "to") || word_is(c, i, "would") || word_is(c, i, "will"))
			link = true;
		for (int k = 0; want[k]; k++)
			if (word_is(c, i, want[k]))
				return link;
	}
	return false;
}
