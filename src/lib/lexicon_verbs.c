/*
 * lexicon_verbs.c - the .verbs reader: synsets, verb roots, irregular
 * forms, patterns (alternatives and synsets expanded at load time into
 * plain patterns, so that the coder's matcher stays simple and fast).
 * The .options reader is in lexicon_options.c.
 */
#include "lexicon_internal.h"
#include "util/alloc.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXPANSIONS 512
#define MAX_SYNSETS    512

static bool is_sp(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool is_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '\'';
}

typedef struct synset {
	char  *name;         /* without '&' */
	char **members;
	size_t n, cap;
} synset;

typedef struct vstate {
	lx_reader *r;
	synset     sets[MAX_SYNSETS];
	size_t     n_sets;
	uint32_t   verb;        /* current verb, UINT32_MAX: none */
	bool       have_verb;
} vstate;

static synset *find_set(vstate *v, const char *name, size_t n)
{
	for (size_t i = 0; i < v->n_sets; i++)
		if (strlen(v->sets[i].name) == n && strncmp(v->sets[i].name, name, n) == 0)
			return &v->sets[i];
	return NULL;
}

static void free_sets(vstate *v)
{
	for (size_t i = 0; i < v->n_sets; i++) {
		for (size_t j = 0; j < v->sets[i].n; j++)
			dyad_free(v->sets[i].members[j]);
		dyad_free(v->sets[i].members);
		dyad_free(v->sets[i].name);
	}
	v->n_sets = 0;
}

/* Parse a verb code block body: 064, 032:033, ---, ###, +++, 023?, 031!. */
static int parse_vcode(lx_reader *r, const char *s, size_t n, lx_vcode *out)
{
	char buf[64];
	size_t b = 0;
	for (size_t i = 0; i < n && b < sizeof buf - 1; i++)
		if (!is_sp(s[i]))
			buf[b++] = s[i];
	buf[b] = '\0';
	memset(out, 0, sizeof *out);
	if (!b) {
		lx_report(r, DYAD_DIAG_WARNING, "no code in []");
		return 0;
	}
	if (strcmp(buf, "---") == 0) { out->flags = LVC_NULL; return 1; }
	if (strcmp(buf, "###") == 0) { out->flags = LVC_DISCARD; return 1; }
	if (strcmp(buf, "+++") == 0) { out->flags = LVC_COMPLEX; return 1; }
	char *colon = strchr(buf, ':');
	char *second = NULL;
	if (colon) {
		*colon = '\0';
		second = colon + 1;
		out->flags |= LVC_PAIRED;
	}
	for (char *q = buf; *q; q++) {
		if (*q == '?') { out->flags |= LVC_SUBORD; *q = '\0'; break; }
		if (*q == '!') { out->flags |= LVC_DOMINANT; *q = '\0'; break; }
	}
	if (second)
		for (char *q = second; *q; q++)
			if (*q == '?' || *q == '!') { *q = '\0'; break; }
	if (!buf[0] || strlen(buf) >= DYAD_CAMEO_MAX || (second && (!second[0] || strlen(second) >= DYAD_CAMEO_MAX))) {
		lx_report(r, DYAD_DIAG_WARNING, "bad verb code [%s]", buf);
		return 0;
	}
	memcpy(out->a, buf, strlen(buf) + 1);
	if (second) {
		if (strcmp(second, "---") == 0)
			out->flags &= ~(uint32_t)LVC_PAIRED;
		else
			memcpy(out->b, second, strlen(second) + 1);
	}
	return 1;
}

/* Split "WORDS [CODE] ; comment" -> words length, code body. */
static int split_code(lx_reader *r, const char *s, size_t n, size_t *wlen,
                      const char **code, size_t *clen)
{
	size_t i = 0;
	while (i < n && s[i] != '[' && s[i] != ';')
		i++;
	*wlen = i;
	while (*wlen && is_sp(s[*wlen - 1]))
		(*wlen)--;
	if (i >= n || s[i] != '[') {
		*code = NULL;
		*clen = 0;
		return 0;
	}
	const char *close = memchr(s + i, ']', n - i);
	if (!close) {
		lx_report(r, DYAD_DIAG_WARNING, "missing ] in code");
		return -1;
	}
	*code = s + i + 1;
	*clen = (size_t)(close - s - i - 1);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Expansion of {A | B} alternatives and &SYNSET references             */

typedef struct strlist {
	char **items;
	size_t n, cap;
} strlist;

static int sl_push(strlist *l, char *s)
{
	if (!s)
		return DYAD_ENOMEM;
	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 8;
		char **p = dyad_reallocarray(l->items, nc, sizeof *p);
		if (!p) {
			dyad_free(s);
			return DYAD_ENOMEM;
		}
		l->items = p;
		l->cap = nc;
	}
	l->items[l->n++] = s;
	return 0;
}

static void sl_free(strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		dyad_free(l->items[i]);
	dyad_free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

static char *splice(const char *s, size_t at, size_t cut, const char *ins, size_t insl)
{
	size_t n = strlen(s);
	char *o = dyad_malloc(n - cut + insl + 1);
	if (!o)
		return NULL;
	memcpy(o, s, at);
	memcpy(o + at, ins, insl);
	memcpy(o + at + insl, s + at + cut, n - at - cut + 1);
	return o;
}

/* Expand the first {..} or &NAME of `s` into `out`; 0 if none (s final). */
static int expand_one(vstate *v, const char *s, strlist *out, int *found)
{
	*found = 0;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] == '{') {
			const char *close = strchr(s + i, '}');
			if (!close) {
				lx_report(v->r, DYAD_DIAG_WARNING, "missing } in pattern");
				*found = -1;
				return 0;
			}
			*found = 1;
			size_t cut = (size_t)(close - s - i) + 1;
			const char *p = s + i + 1;
			while (p < close) {
				const char *bar = memchr(p, '|', (size_t)(close - p));
				const char *e = bar ? bar : close;
				const char *a = p, *b = e;
				while (a < b && is_sp(*a)) a++;
				while (b > a && is_sp(b[-1])) b--;
				int rc = sl_push(out, splice(s, i, cut, a, (size_t)(b - a)));
				if (rc)
					return rc;
				p = e + 1;
			}
			return 0;
		}
		if (s[i] == '&' && is_name_char(s[i + 1])) {
			size_t j = i + 1;
			while (is_name_char(s[j]))
				j++;
			synset *set = find_set(v, s + i + 1, j - i - 1);
			if (!set) {
				lx_report(v->r, DYAD_DIAG_WARNING, "unknown synset &%.*s", (int)(j - i - 1), s + i + 1);
				*found = -1;
				return 0;
			}
			*found = 1;
			for (size_t k = 0; k < set->n; k++) {
				/* members are marked \1...\2 so that they do not count
				 * in the pattern's length (pattern_length) */
				size_t ml = strlen(set->members[k]);
				char *mk = dyad_malloc(ml + 3);
				if (!mk)
					return DYAD_ENOMEM;
				mk[0] = '\1';
				memcpy(mk + 1, set->members[k], ml);
				mk[ml + 1] = '\2';
				mk[ml + 2] = '\0';
				int rc = sl_push(out, splice(s, i, j - i, mk, ml + 2));
				dyad_free(mk);
				if (rc)
					return rc;
			}
			return 0;
		}
	}
	return 0;
}

/* Fully expand `s` into `done`. */
static int expand_all(vstate *v, const char *s, strlist *done)
{
	strlist work = { 0 }, next = { 0 };
	int rc = sl_push(&work, dyad_strdup(s));
	for (int round = 0; !rc && work.n && round < 16; round++) {
		for (size_t i = 0; i < work.n && !rc; i++) {
			int found;
			rc = expand_one(v, work.items[i], &next, &found);
			if (rc)
				break;
			if (found < 0)
				continue;
			if (!found) {
				rc = sl_push(done, work.items[i]);
				work.items[i] = NULL;
			}
			if (done->n + next.n > MAX_EXPANSIONS) {
				lx_report(v->r, DYAD_DIAG_WARNING, "pattern expands to more than %d forms: truncated", MAX_EXPANSIONS);
				sl_free(&next);
				sl_free(&work);
				return 0;
			}
		}
		sl_free(&work);
		work = next;
		next = (strlist){ 0 };
	}
	sl_free(&work);
	sl_free(&next);
	return rc;
}

/* ------------------------------------------------------------------ */

/*
 * TABARI's pattern length, of one expanded form: letters and digits of
 * the fixed text and of the alternative chosen (TABARI tries longer
 * patterns before accepting a match through a shorter alternative, which
 * sorting the expansions by their own length reproduces); the words a
 * &SYNSET put in (marked \1...\2) count nothing. The markers are
 * removed from `s`.
 */
static uint32_t pattern_length(char *s, bool relax)
{
	uint32_t len = 0;
	bool in_set = false;
	size_t o = 0;
	for (size_t i = 0; s[i]; i++) {
		char c = s[i];
		if (c == '\1' || c == '\2') {
			in_set = c == '\1';
			/* "&NEGATVAUXVRB_EVER": TABARI does not hold the word after
			 * a synset to follow it at once */
			if (relax && c == '\2' && s[i + 1] == '_')
				s[i + 1] = ' ';
			continue;
		}
		s[o++] = c;
		if (!in_set && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			len++;
	}
	s[o] = '\0';
	return len;
}

static int irregular_variants(strlist *l, size_t from);

static int add_pattern(vstate *v, const char *words, size_t wl, const lx_vcode *code,
                       const char *line, size_t line_len)
{
	lx_reader *r = v->r;
	char *w = dyad_strndup(words, wl);
	if (!w)
		return DYAD_ENOMEM;
	strlist forms = { 0 };
	int rc = expand_all(v, w, &forms);
	dyad_free(w);
	if (!rc && r->lemma)
		rc = irregular_variants(&forms, 0);
	const char *text = NULL;
	if (!rc && forms.n && !(text = lx_strdup(r->lex, line, line_len)))
		rc = DYAD_ENOMEM;
	for (size_t i = 0; i < forms.n && !rc; i++) {
		lx_pattern p = { 0 };
		uint32_t first, n;
		uint32_t plen = pattern_length(forms.items[i], true);
		if ((rc = lx_parse_words(r, forms.items[i], strlen(forms.items[i]), true, &first, &n)))
			break;
		int stars = 0;
		for (uint32_t k = 0; k < n; k++) {
			const lx_word *e = &r->lex->words[first + k];
			if (e->kind == LW_VERB) {
				stars++;
				p.star = k;
			}
			if (e->kind == LW_COMP && r->lemma)
				p.comp_first = 1;
		}
		p.length = plen;
		if (stars != 1) {
			lx_report(r, DYAD_DIAG_WARNING, "pattern needs exactly one * (has %d)", stars);
			continue;
		}
		p.first = first;
		p.n = n;
		p.code = *code;
		p.text = text;
		if ((rc = lx_push_pattern(r->lex, &p)))
			break;
		r->lex->verbs[v->verb].pat_n++;
	}
	sl_free(&forms);
	return rc;
}

static int add_verb_phrase(vstate *v, const char *words, size_t wl,
                           const char *line, size_t line_len)
{
	lx_reader *r = v->r;
	uint32_t first, n;
	int rc = lx_parse_words(r, words, wl, false, &first, &n);
	if (rc)
		return rc;
	if (!n) {
		lx_report(r, DYAD_DIAG_WARNING, "verb phrase missing");
		return 0;
	}
	lx_phrase ph = { 0 };
	ph.first = first;
	ph.n = n;
	ph.kind = PH_VERB;
	ph.verb = v->verb;
	for (uint32_t i = 0; i < n; i++)
		ph.chars += r->lex->words[first + i].len;
	ph.text = lx_strdup(r->lex, line, line_len);
	if (!ph.text)
		return DYAD_ENOMEM;
	return lx_push_phrase(r->lex, &ph, NULL);
}

/* Irregular past forms for ;;dyad match=lemma files: a root in base form
 * also matches these ("HOLD_" matches "held"). */
static const char *const irregular[][3] = {
	{ "arise", "arose", "arisen" }, { "begin", "began", "begun" },
	{ "break", "broke", "broken" }, { "bring", "brought", NULL },
	{ "build", "built", NULL }, { "buy", "bought", NULL },
	{ "catch", "caught", NULL }, { "choose", "chose", "chosen" },
	{ "come", "came", NULL }, { "cut", "cut", NULL },
	{ "deal", "dealt", NULL }, { "do", "did", "done" },
	{ "draw", "drew", "drawn" }, { "drive", "drove", "driven" },
	{ "fall", "fell", "fallen" }, { "fight", "fought", NULL },
	{ "find", "found", NULL }, { "flee", "fled", NULL },
	{ "fly", "flew", "flown" }, { "forbid", "forbade", "forbidden" },
	{ "forgive", "forgave", "forgiven" }, { "freeze", "froze", "frozen" },
	{ "get", "got", "gotten" }, { "give", "gave", "given" },
	{ "go", "went", "gone" }, { "hang", "hung", NULL },
	{ "have", "had", "has" }, { "hear", "heard", NULL },
	{ "hide", "hid", "hidden" }, { "hit", "hit", NULL },
	{ "hold", "held", NULL }, { "hurt", "hurt", NULL },
	{ "keep", "kept", NULL }, { "know", "knew", "known" },
	{ "lay", "laid", NULL }, { "lead", "led", NULL },
	{ "leave", "left", NULL }, { "lend", "lent", NULL },
	{ "let", "let", NULL }, { "lose", "lost", NULL },
	{ "make", "made", NULL }, { "meet", "met", NULL },
	{ "pay", "paid", NULL }, { "put", "put", NULL },
	{ "quit", "quit", NULL }, { "read", "read", NULL },
	{ "ride", "rode", "ridden" }, { "rise", "rose", "risen" },
	{ "run", "ran", NULL }, { "say", "said", NULL },
	{ "see", "saw", "seen" }, { "seek", "sought", NULL },
	{ "sell", "sold", NULL }, { "send", "sent", NULL },
	{ "set", "set", NULL }, { "shake", "shook", "shaken" },
	{ "shoot", "shot", NULL }, { "shut", "shut", NULL },
	{ "sign", NULL, NULL }, { "sink", "sank", "sunk" },
	{ "sit", "sat", NULL }, { "speak", "spoke", "spoken" },
	{ "spend", "spent", NULL }, { "split", "split", NULL },
	{ "spread", "spread", NULL }, { "stand", "stood", NULL },
	{ "steal", "stole", "stolen" }, { "strike", "struck", "stricken" },
	{ "swear", "swore", "sworn" }, { "take", "took", "taken" },
	{ "teach", "taught", NULL }, { "tell", "told", NULL },
	{ "think", "thought", NULL }, { "throw", "threw", "thrown" },
	{ "undertake", "undertook", "undertaken" }, { "understand", "understood", NULL },
	{ "upset", "upset", NULL }, { "wage", NULL, NULL },
	{ "win", "won", NULL }, { "withdraw", "withdrew", "withdrawn" },
	{ "write", "wrote", "written" },
};

/* The irregular forms of a pattern word (lemma files): the verb table,
 * and BE, whose forms are more than two. NULL-terminated; NULL if none. */
static const char *const *word_forms(const char *w, size_t n, const char *tmp[3])
{
	static const char *const be[] = { "am", "is", "are", "was", "were", "been", NULL };
	char low[32];
	if (n >= sizeof low)
		return NULL;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
	low[n] = '\0';
	if (!strcmp(low, "be"))
		return be;
	for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++) {
		if (strcmp(irregular[i][0], low) != 0)
			continue;
		size_t k = 0;
		for (int j = 1; j <= 2; j++)
			if (irregular[i][j] && strcmp(irregular[i][j], low) != 0)
				tmp[k++] = irregular[i][j];
		tmp[k] = NULL;
		return k ? tmp : NULL;
	}
	return NULL;
}

static bool letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
 * A lemma pattern's words in base form match regular inflections; their
 * irregular forms ("BE" -> is, was, were; "HOLD" -> held) are added as
 * variants of the pattern, the form in place of the word. Variants are
 * appended to `l` from index `from`; one pass per word position.
 */
static int irregular_variants(strlist *l, size_t from)
{
	for (size_t i = from; i < l->n && l->n < 4096; i++) {
		const char *s = l->items[i];
		for (size_t p = 0; s[p];) {
			if (!letter(s[p]) || (p && (letter(s[p - 1]) || s[p - 1] == '\'' || s[p - 1] == '-'))) {
				p++;
				continue;
			}
			size_t e = p;
			while (letter(s[e]))
				e++;
			const char *tmp[3];
			const char *const *forms = (s[e] == '\'' || s[e] == '-') ? NULL : word_forms(s + p, e - p, tmp);
			for (size_t f = 0; forms && forms[f]; f++) {
				char up[16];
				size_t fl = strlen(forms[f]);
				if (fl >= sizeof up)
					continue;
				for (size_t k = 0; k < fl; k++)
					up[k] = (char)(forms[f][k] - 32);
				char *nv = splice(s, p, e - p, up, fl);
				if (!nv)
					return DYAD_ENOMEM;
				bool dup = false;   /* "BE .. HOLD": two ways to "IS .. HELD" */
				for (size_t q = 0; q < l->n && !dup; q++)
					dup = strcmp(l->items[q], nv) == 0;
				if (dup) {
					dyad_free(nv);
					continue;
				}
				int rc = sl_push(l, nv);
				if (rc)
					return rc;
				s = l->items[i];   /* the list may have moved */
			}
			p = e;
		}
	}
	return 0;
}

/* Add the irregular forms of a lemma root (first word replaced). */
static int irregular_forms(vstate *v, const char *words, size_t wl,
                           const char *line, size_t n)
{
	size_t fw = 0;
	while (fw < wl && words[fw] != '_' && words[fw] != ' ' && words[fw] != '~')
		fw++;
	char base[32];
	if (!fw || fw >= sizeof base)
		return 0;
	for (size_t i = 0; i < fw; i++)
		base[i] = (char)((words[i] >= 'A' && words[i] <= 'Z') ? words[i] + 32 : words[i]);
	base[fw] = '\0';
	for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++) {
		if (strcmp(irregular[i][0], base) != 0)
			continue;
		for (int k = 1; k <= 2; k++) {
			const char *f = irregular[i][k];
			if (!f || strcmp(f, base) == 0)
				continue;
			char buf[512];
			int m = snprintf(buf, sizeof buf, "%s_%.*s", f, (int)(wl - fw), words + fw);
			if (m <= 0 || (size_t)m >= sizeof buf)
				continue;
			size_t bl = (size_t)m;
			if (fw < wl && words[fw] == '_')   /* "HOLD_TALKS": one '_' is enough */
				memmove(buf + strlen(f) + 1, buf + strlen(f) + 2, bl - strlen(f) - 1), bl--;
			bool save = v->r->lemma;
			v->r->lemma = false;       /* the form itself is matched exactly */
			int rc = add_verb_phrase(v, buf, bl, line, n);
			v->r->lemma = save;
			if (rc)
				return rc;
		}
		break;
	}
	return 0;
}

static int root_line(vstate *v, const char *line, size_t n)
{
	lx_reader *r = v->r;
	size_t wl, cl;
	const char *code;
	if (split_code(r, line, n, &wl, &code, &cl) < 0)
		return 0;
	v->have_verb = false;
	if (!wl) {
		lx_report(r, DYAD_DIAG_WARNING, "verb missing");
		return 0;
	}
	lx_vcode vc;
	if (!code) {
		lx_report(r, DYAD_DIAG_WARNING, "verb without [code]");
		return 0;
	}
	if (!parse_vcode(r, code, cl, &vc))
		return 0;
	lx_verb vb = { 0 };
	vb.code = vc;
	vb.lemma = r->lemma;
	vb.pat_first = (uint32_t)r->lex->n_patterns;
	if (!(vb.text = lx_strdup(r->lex, line, n)))
		return DYAD_ENOMEM;
	int rc = lx_push_verb(r->lex, &vb, &v->verb);
	if (rc)
		return rc;
	v->have_verb = true;
	rc = add_verb_phrase(v, line, wl, line, n);
	if (!rc && r->lemma)
		rc = irregular_forms(v, line, wl, line, n);
	return rc;
}

static int forms_line(vstate *v, const char *line, size_t n)
{
	if (!v->have_verb) {
		lx_report(v->r, DYAD_DIAG_WARNING, "verb forms without a verb");
		return 0;
	}
	const char *close = memchr(line, '}', n);
	const char *e = close ? close : line + n;
	const char *p = line + 1;
	while (p < e) {
		while (p < e && is_sp(*p)) p++;
		const char *q = p;
		while (q < e && !is_sp(*q)) q++;
		if (q > p) {
			int rc = add_verb_phrase(v, p, (size_t)(q - p), line, n);
			if (rc)
				return rc;
		}
		p = q;
	}
	return 0;
}

static int pattern_line(vstate *v, const char *line, size_t n)
{
	lx_reader *r = v->r;
	if (!v->have_verb) {
		lx_report(r, DYAD_DIAG_WARNING, "pattern without a verb");
		return 0;
	}
	/* patterns of a verb must be contiguous in lex->patterns */
	lx_verb *vb = &r->lex->verbs[v->verb];
	if (vb->pat_first + vb->pat_n != r->lex->n_patterns) {
		lx_report(r, DYAD_DIAG_WARNING, "pattern separated from its verb: ignored");
		return 0;
	}
	size_t wl, cl;
	const char *code;
	const char *body = line + 1;
	size_t bn = n - 1;
	if (split_code(r, body, bn, &wl, &code, &cl) < 0)
		return 0;
	if (!code) {
		lx_report(r, DYAD_DIAG_WARNING, "pattern without [code]");
		return 0;
	}
	lx_vcode vc;
	if (!parse_vcode(r, code, cl, &vc))
		return 0;
	return add_pattern(v, body, wl, &vc, line, n);
}

/* "JAVANESE_YEN" -> "JAVANESE=_YEN": exact words of a synset member get
 * no regular endings (TABARI manual 5.6: "KRONER_" is not "kroneren") */
static char *exactify(const char *m)
{
	size_t n = strlen(m);
	char *o = dyad_malloc(2 * n + 1);
	if (!o)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		o[k++] = m[i];
		/* an exact word (written WORD_) loses its regular endings;
		 * stems stay stems */
		bool word = is_name_char(m[i]) || m[i] == '.' || (unsigned char)m[i] >= 0x80;
		if (word && i + 1 < n && m[i + 1] == '_')
			o[k++] = '=';
		else if (word && i + 1 == n && n >= 2 && m[i] == '_')
			o[k++] = '=';
	}
	o[k] = '\0';
	return o;
}

static int synset_line(vstate *v, const char *line, size_t n, synset **cur)
{
	lx_reader *r = v->r;
	if (line[0] == '&') {
		size_t j = 1;
		while (j < n && is_name_char(line[j]))
			j++;
		if (j == 1) {
			lx_report(r, DYAD_DIAG_WARNING, "synset name missing");
			*cur = NULL;
			return 0;
		}
		if (find_set(v, line + 1, j - 1)) {
			*cur = find_set(v, line + 1, j - 1);
			return 0;
		}
		if (v->n_sets == MAX_SYNSETS) {
			lx_report(r, DYAD_DIAG_WARNING, "too many synsets");
			*cur = NULL;
			return 0;
		}
		synset *s = &v->sets[v->n_sets];
		memset(s, 0, sizeof *s);
		if (!(s->name = dyad_strndup(line + 1, j - 1)))
			return DYAD_ENOMEM;
		v->n_sets++;
		*cur = s;
		return 0;
	}
	if (line[0] != '+' || !*cur) {
		lx_report(r, DYAD_DIAG_WARNING, "synset member outside a synset");
		return 0;
	}
	size_t e = 1;
	while (e < n && line[e] != ';')
		e++;
	while (e > 1 && is_sp(line[e - 1]))
		e--;
	if (e <= 1)
		return 0;
	/* a member naming its own set would loop */
	if (memchr(line, '&', e)) {
		const char *a = memchr(line, '&', e);
		size_t k = 1;
		while (a + k < line + e && is_name_char(a[k]))
			k++;
		if (k - 1 == strlen((*cur)->name) && strncmp(a + 1, (*cur)->name, k - 1) == 0) {
			lx_report(r, DYAD_DIAG_WARNING, "synset refers to itself");
			return 0;
		}
	}
	synset *s = *cur;
	if (s->n == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 8;
		char **p = dyad_reallocarray(s->members, nc, sizeof *p);
		if (!p)
			return DYAD_ENOMEM;
		s->members = p;
		s->cap = nc;
	}
	/* expand nested references now so that later use is one level */
	strlist forms = { 0 };
	char *m = dyad_strndup(line + 1, e - 1);
	if (!m)
		return DYAD_ENOMEM;
	int rc = expand_all(v, m, &forms);
	dyad_free(m);
	for (size_t i = 0; i < forms.n && !rc; i++) {
		/* synset members match whole words, without stems or endings
		 * (TABARI manual 5.6): each word gets the '=' marker */
		(void)pattern_length(forms.items[i], false);   /* drops nested markers */
		char *ex = exactify(forms.items[i]);
		if (!ex) {
			rc = DYAD_ENOMEM;
			break;
		}
		dyad_free(forms.items[i]);
		forms.items[i] = ex;
		if (s->n == s->cap) {
			size_t nc = s->cap * 2;
			char **p = dyad_reallocarray(s->members, nc, sizeof *p);
			if (!p) { rc = DYAD_ENOMEM; break; }
			s->members = p;
			s->cap = nc;
		}
		s->members[s->n++] = forms.items[i];
		forms.items[i] = NULL;
	}
	sl_free(&forms);
	return rc;
}

static int time_line(lx_reader *r, const char *line, size_t n)
{
	size_t wl, cl;
	const char *code;
	if (split_code(r, line, n, &wl, &code, &cl) < 0 || !code || !wl)
		return 0;
	char buf[16];
	size_t k = 0;
	for (size_t i = 0; i < cl && k < sizeof buf - 1; i++)
		if (!is_sp(code[i]))
			buf[k++] = code[i];
	buf[k] = '\0';
	if (strcmp(buf, "###") && strcmp(buf, "+++"))
		return 0;        /* a day shift: not used */
	uint32_t first, cnt;
	int rc = lx_parse_words(r, line, wl, false, &first, &cnt);
	if (rc || !cnt)
		return rc;
	lx_code c = { buf[0] == '#' ? "###" : "+++", 0, 0, 0, 0 };
	lx_phrase ph = { 0 };
	ph.first = first;
	ph.n = cnt;
	ph.kind = PH_TIME;
	ph.code_first = (uint32_t)r->lex->n_codes;
	ph.n_codes = 1;
	if ((rc = lx_push_code(r->lex, &c)))
		return rc;
	for (uint32_t i = 0; i < cnt; i++)
		ph.chars += r->lex->words[first + i].len;
	ph.text = lx_strdup(r->lex, line, n);
	return ph.text ? lx_push_phrase(r->lex, &ph, NULL) : DYAD_ENOMEM;
}

enum { VB_NONE, VB_SYNSETS, VB_TIME, VB_NOUN, VB_ADJ, VB_OTHER };

static int block_of(const char *s, size_t n, bool *end)
{
	if (n < 3 || s[0] != '<')
		return -1;
	*end = s[1] == '/';
	const char *t = s + 1 + *end;
	if (!strncmp(t, "SYNSET", 6)) return VB_SYNSETS;
	if (!strncmp(t, "TIME", 4)) return VB_TIME;
	if (!strncmp(t, "NOUN", 4)) return VB_NOUN;
	if (!strncmp(t, "ADJ", 3)) return VB_ADJ;
	return VB_OTHER;
}

int lx_read_verbs(lx_reader *r, char *text, size_t len)
{
	vstate *v = dyad_calloc(1, sizeof *v);
	if (!v)
		return DYAD_ENOMEM;
	v->r = r;
	synset *cur = NULL;
	int block = VB_NONE, rc = 0;
	char *s = text, *end = text + len;
	while (s < end && !rc && !r->fatal) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		char *line = s;
		s += n + 1;
		r->line++;
		while (n && (is_sp(line[n - 1]) || line[n - 1] == '\f'))
			n--;
		while (n && is_sp(*line)) { line++; n--; }
		if (!n)
			continue;
		if (r->line <= 5 && n >= 16 && strncmp(line, ";;dyad match=lemma", 18) == 0) {
			r->lemma = true;
			r->lex->own_format = true;
			continue;
		}
		if (line[0] == ';' || line[0] == '#' || (n > 1 && line[0] == '/' && line[1] == '/'))
			continue;
		bool bend;
		int b = block_of(line, n, &bend);
		if (b >= 0) {
			if (b == VB_OTHER)
				lx_report(r, DYAD_DIAG_WARNING, "unknown block %.*s", (int)n, line);
			block = bend ? VB_NONE : b;
			cur = NULL;
			continue;
		}
		switch (block) {
		case VB_SYNSETS:
			rc = synset_line(v, line, n, &cur);
			continue;
		case VB_TIME:
			/* time phrases: the coder uses only their discard [###] and
			 * complex [+++] codes (when SET: TIME SHIFT is on) */
			r->lex->opt.time_shift = true;
			if (line[0] != '-')
				rc = time_line(r, line, n);
			continue;
		case VB_NOUN: case VB_ADJ: {
			size_t i = 0;
			while (i < n && line[i] != '[' && line[i] != ';') i++;
			while (i && is_sp(line[i - 1])) i--;
			uint32_t first, cnt;
			if (!i || (rc = lx_parse_words(r, line, i, false, &first, &cnt)) || !cnt)
				continue;
			lx_phrase ph = { 0 };
			ph.first = first;
			ph.n = cnt;
			ph.kind = block == VB_NOUN ? PH_NOUN : PH_ADJ;
			ph.text = lx_strdup(r->lex, line, n);
			rc = ph.text ? lx_push_phrase(r->lex, &ph, NULL) : DYAD_ENOMEM;
			continue;
		}
		default:
			break;
		}
		if (line[0] == '-')
			rc = pattern_line(v, line, n);
		else if (line[0] == '{')
			rc = forms_line(v, line, n);
		else if (line[0] == '&' || line[0] == '+')
			lx_report(r, DYAD_DIAG_WARNING, "synset line outside <SYNSETS>");
		else
			rc = root_line(v, line, n);
	}
	free_sets(v);
	dyad_free(v);
	return rc;
}
