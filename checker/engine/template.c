/*
 * template: expanding rule templates (see template.h).
 */
#include "engine/template.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/lexicon.h"
#include "util/buf.h"
#include "util/common.h"

const char template_function_names[] =
	"lower, upper, cap, 3sg, pl, any, affirm, thousands, ascii, indef, the, "
	"participle, base, sg, ing, singular, subject, plural, perfect, past";

static const char *const functions[] = {
	"lower",    "upper",	  "cap",    "3sg",     "any",
	"affirm",   "thousands",  "ascii",  "indef",   "pl",
	"the",	    "participle", "base",   "sg",      "ing",
	"singular", "subject",	  "plural", "perfect", "past",
};

int template_function_known(const char *fn, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(functions); i++)
		if (strlen(functions[i]) == len && !strncmp(fn, functions[i], len))
			return 1;
	return 0;
}

/*
 * English third person singular of a base form: "believe" -> "believes",
 * "try" -> "tries", "push" -> "pushes", "have" -> "has", "be" -> "is".
 * Checked against the lexicon: a form it does not know as third person
 * singular is not offered (NULL).
 */
static char *third_singular(const struct lexicon *lex, struct arena *a,
			    const char *w, size_t n)
{
	char *out;

	if (n == 2 && strncasecmp(w, "be", 2) == 0)
		return arena_strdup(a, "is");
	if (n == 4 && strncasecmp(w, "have", 4) == 0)
		return arena_strdup(a, "has");
	if (n >= 2 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
		out = arena_printf(a, "%.*sies", (int)(n - 1), w);
	else if ((n >= 1 && strchr("sxzo", w[n - 1])) ||
		 (n >= 2 && (w[n - 1] == 'h' && strchr("cs", w[n - 2]))))
		out = arena_printf(a, "%.*ses", (int)n, w);
	else
		out = arena_printf(a, "%.*ss", (int)n, w);
	if (!(lexicon_lookup(lex, out, strlen(out)) & LEX_VERB_3SG))
		return NULL;
	return out;
}

/* Whether `s` is known to the lexicon with one of the classes `want`. */
static int known_as(const struct lexicon *lex, const char *s, uint32_t want)
{
	return (lexicon_lookup(lex, s, strlen(s)) & want) != 0;
}

/*
 * The -ing form of a base form: "see" -> "seeing", "hope" -> "hoping",
 * "die" -> "dying", "stop" -> "stopping", "visit" -> "visiting", "panic"
 * -> "panicking".  English spelling rules give the candidates; the lexicon
 * says which is a word it knows as an -ing form (so no list of verbs).
 * Where two candidates are words, the one of another verb is passed over:
 * "hoping" is hope's, so "hop" gives "hopping"; "singing" is sing's, so
 * "singe" gives "singeing".  NULL when no candidate is known.
 */
static char *gerund(const struct lexicon *lex, struct arena *a, const char *w,
		    size_t n)
{
	char *cand[4];
	size_t k = 0;
	char last, prev;
	char *stem, *plain, *dropped, *doubled;

	if (!lex || n < 2 || n > 40)
		return NULL;
	last = (char)tolower((unsigned char)w[n - 1]);
	prev = (char)tolower((unsigned char)w[n - 2]);
	plain = arena_printf(a, "%.*sing", (int)n, w);
	if (last == 'e' && prev == 'i') {
		cand[k++] = arena_printf(a, "%.*sying", (int)(n - 2), w);
	} else if (last == 'e' && !strchr("eoy", prev)) {
		dropped = arena_printf(a, "%.*sing", (int)(n - 1), w);
		stem = arena_strndup(a, w, n - 1);
		if (known_as(lex, stem, LEX_VERB_BASE)) {
			cand[k++] = plain;
			cand[k++] = dropped;
		} else {
			cand[k++] = dropped;
			cand[k++] = plain;
		}
	} else if (last == 'c') {
		cand[k++] = arena_printf(a, "%.*sking", (int)n, w);
		cand[k++] = plain;
	} else {
		doubled = arena_printf(a, "%.*s%cing", (int)n, w, w[n - 1]);
		stem = arena_printf(a, "%.*se", (int)n, w);
		if (known_as(lex, stem, LEX_VERB_BASE)) {
			cand[k++] = doubled;
			cand[k++] = plain;
		} else {
			cand[k++] = plain;
			cand[k++] = doubled;
		}
	}
	for (size_t i = 0; i < k; i++)
		if (known_as(lex, cand[i], LEX_VERB_ING))
			return cand[i];
	return NULL;
}

/*
 * The singular of a regular plural noun: "members" -> "member", "policies"
 * -> "policy", "boxes" -> "box"; offered only when the lexicon knows the
 * form as a singular noun ("men", "news": NULL).
 */
static char *singular_noun(const struct lexicon *lex, struct arena *a,
			   const char *w, size_t n)
{
	char *c;

	if (!lex || n < 3 || tolower((unsigned char)w[n - 1]) != 's')
		return NULL;
	if (n > 3 && !strncasecmp(w + n - 3, "ies", 3)) {
		c = arena_printf(a, "%.*sy", (int)(n - 3), w);
		if (known_as(lex, c, LEX_NOUN_SG))
			return c;
	}
	c = arena_strndup(a, w, n - 1);
	if (known_as(lex, c, LEX_NOUN_SG))
		return c;
	if (tolower((unsigned char)w[n - 2]) == 'e') {
		c = arena_strndup(a, w, n - 2);
		if (known_as(lex, c, LEX_NOUN_SG))
			return c;
	}
	return NULL;
}

/* Object pronouns and the subject form a finite clause takes. */
static const char *const subject_forms[][2] = {
	{ "me", "I" },	    { "him", "he" },   { "her", "she" }, { "us", "we" },
	{ "them", "they" }, { "whom", "who" }, { "you", "you" }, { "it", "it" },
};

/*
 * The plural of a singular noun: the irregular one WordNet lists
 * ("child" -> "children"), else the regular spelling ("tourist" ->
 * "tourists", "city" -> "cities", "box" -> "boxes"), offered only when
 * the lexicon knows it as a plural noun (NULL otherwise: "advice").
 */
static char *noun_plural(const struct lexicon *lex, struct arena *a,
			 const char *w, size_t n)
{
	const char *irr = lexicon_plural(lex, w, n);
	char *out;

	if (irr)
		return arena_strdup(a, irr);
	if (n >= 2 && w[n - 1] == 'y' && !strchr("aeiou", w[n - 2]))
		out = arena_printf(a, "%.*sies", (int)(n - 1), w);
	else if ((n >= 1 && strchr("sxz", w[n - 1])) ||
		 (n >= 2 && (w[n - 1] == 'h' && strchr("cs", w[n - 2]))))
		out = arena_printf(a, "%.*ses", (int)n, w);
	else
		out = arena_printf(a, "%.*ss", (int)n, w);
	if (!(lexicon_lookup(lex, out, strlen(out)) & LEX_NOUN_PL)) {
		/* "hero" -> "heroes", "potato" -> "potatoes" */
		if (n >= 1 && w[n - 1] == 'o')
			out = arena_printf(a, "%.*ses", (int)n, w);
		if (!(lexicon_lookup(lex, out, strlen(out)) & LEX_NOUN_PL))
			return NULL;
	}
	return out;
}

/*
 * Lower-case ASCII copy of a word with the typographic apostrophe (U+2019)
 * written as ', blanks and hyphens kept; 0 when it does not fit.
 */
static size_t fold(const char *w, size_t n, char *out, size_t size)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (k + 1 >= size)
			return 0;
		if (i + 2 < n && !memcmp(w + i, "\xe2\x80\x99", 3)) {
			out[k++] = '\'';
			i += 2;
		} else {
			out[k++] = (char)tolower((unsigned char)w[i]);
		}
	}
	out[k] = '\0';
	return k;
}

/* Negative words and their non-assertive forms (Quirk et al. 10.58). */
static const char *const any_forms[][2] = {
	{ "no", "any" },	   { "none", "any" },
	{ "nobody", "anybody" },   { "no one", "anyone" },
	{ "no-one", "anyone" },	   { "noone", "anyone" },
	{ "nothing", "anything" }, { "nowhere", "anywhere" },
	{ "never", "ever" },	   { "neither", "either" },
	{ "nor", "or" },
};

/*
 * The other column of the row of `pairs` whose column `from` (0 or 1) is
 * the folded word f, or NULL.
 */
static const char *pair_find(const char *const (*pairs)[2], size_t rows,
			     const char *f, int from)
{
	for (size_t i = 0; i < rows; i++)
		if (!strcmp(f, pairs[i][from]))
			return pairs[i][!from];
	return NULL;
}

/* pair_find() of the word w[0..n), folded. */
static const char *pair_lookup(const char *const (*pairs)[2], size_t rows,
			       const char *w, size_t n, int from)
{
	char f[16];

	if (!fold(w, n, f, sizeof(f)))
		return NULL;
	return pair_find(pairs, rows, f, from);
}

/* Singular verb forms and their plural: "is" -> "are". */
static const char *const plural_verbs[][2] = {
	{ "is", "are" },	 { "was", "were" },	   { "has", "have" },
	{ "does", "do" },	 { "isn't", "aren't" },	   { "wasn't", "weren't" },
	{ "hasn't", "haven't" }, { "doesn't", "don't" },
};

/* The other number of a verb form: from column `from` of plural_verbs
 * (0 singular, 1 plural) to the other -- "is" -> "are" (from 0), "don't" ->
 * "doesn't" (from 1). */
static const char *verb_number(const char *w, size_t n, int from)
{
	return pair_lookup(plural_verbs, ARRAY_SIZE(plural_verbs), w, n, from);
}

/* A present form of "be" and the "have" of its present perfect: "is
 * living" -> "has been living". */
static const char *const perfect_forms[][2] = {
	{ "am", "have" },
	{ "are", "have" },
	{ "is", "has" },
};

/* Contractions whose positive form is not the word minus "n't". */
static const char *const affirm_forms[][2] = {
	{ "can't", "can" },   { "cannot", "can" },   { "won't", "will" },
	{ "shan't", "shall" }, { "ain't", "is" },     { "never", "ever" },
	{ "not", "" },
};

static const char *negative_to_any(const char *w, size_t n)
{
	return pair_lookup(any_forms, ARRAY_SIZE(any_forms), w, n, 0);
}

static const char *subject_pronoun(const char *w, size_t n)
{
	return pair_lookup(subject_forms, ARRAY_SIZE(subject_forms), w, n, 0);
}

static char *affirm(struct arena *a, const char *w, size_t n)
{
	char f[16];
	size_t k = fold(w, n, f, sizeof(f));
	const char *v;

	if (!k)
		return NULL;
	v = pair_find(affirm_forms, ARRAY_SIZE(affirm_forms), f, 0);
	if (v)
		return arena_strdup(a, v);
	if (k > 3 && !strcmp(f + k - 3, "n't"))
		return arena_strndup(a, f, k - 3);
	return NULL;
}

/*
 * Digits grouped by threes with commas: "250000" -> "250,000".  Only a
 * run of plain digits; anything else (a sign, a decimal point) fails.
 */
static char *thousands(struct arena *a, const char *w, size_t n)
{
	char out[64];
	size_t k = 0;

	if (!n || n > 40)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)w[i]))
			return NULL;
		if (i && (n - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = w[i];
	}
	return arena_strndup(a, out, k);
}

/* Full-width and CJK punctuation and their English counterparts. */
static const char *const ascii_forms[][2] = {
	{ "\xef\xbc\x8c", "," }, /* ， */	 { "\xe3\x80\x82", "." }, /* 。 */
	{ "\xef\xbc\x9a", ":" }, /* ： */	 { "\xef\xbc\x9b", ";" }, /* ； */
	{ "\xef\xbc\x9f", "?" }, /* ？ */	 { "\xef\xbc\x81", "!" }, /* ！ */
	{ "\xe3\x80\x81", "," }, /* 、 */	 { "\xef\xbc\x88", "(" }, /* （ */
	{ "\xef\xbc\x89", ")" }, /* ） */	 { "\xe3\x80\x90", "[" }, /* 【 */
	{ "\xe3\x80\x91", "]" }, /* 】 */	 { "\xe3\x80\x8a", "\xe2\x80\x9c" }, /* 《 “ */
	{ "\xe3\x80\x8b", "\xe2\x80\x9d" }, /* 》 ” */
	{ "\xe3\x80\x8c", "\xe2\x80\x9c" }, /* 「 “ */
	{ "\xe3\x80\x8d", "\xe2\x80\x9d" }, /* 」 ” */
	{ "\xe3\x80\x8e", "\xe2\x80\x98" }, /* 『 ‘ */
	{ "\xe3\x80\x8f", "\xe2\x80\x99" }, /* 』 ’ */
	{ "\xe3\x80\x80", " " }, /* ideographic space */
};

static const char *to_ascii(const char *w, size_t n)
{
	for (size_t i = 0; i < ARRAY_SIZE(ascii_forms); i++)
		if (strlen(ascii_forms[i][0]) == n &&
		    !memcmp(w, ascii_forms[i][0], n))
			return ascii_forms[i][1];
	return NULL;
}

/*
 * Does a word start with a vowel sound?  By its letters, with the
 * exceptions the grammar.a-an rule knows: "one", "eu", "uni", "use"...
 * sound /w/ or /j/; "hour", "honest", "heir" have a silent h.
 */
static int vowel_sound(const char *w, size_t n)
{
	static const char *const yu[] = { "one", "once", "eu", "ewe", "uni",
					  "use", "usu", "uti", "ure", "uro",
					  "ubiq", "uga", "ura", "uto" };
	static const char *const silent_h[] = { "hour", "honest", "hono",
						"heir" };
	char f[8];
	size_t k = fold(w, n < 7 ? n : 7, f, sizeof(f));

	if (!k)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(silent_h); i++)
		if (!strncmp(f, silent_h[i], strlen(silent_h[i])))
			return 1;
	if (!strchr("aeiou", f[0]))
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(yu); i++)
		if (!strncmp(f, yu[i], strlen(yu[i])))
			return 0;
	return 1;
}

/*
 * A noun phrase with the indefinite article before it: "senior official"
 * -> "a senior official", "Italian team" -> "an Italian team".  A first
 * word capitalised only because it opens the sentence ("Senior") is put in
 * lower case when the lexicon knows it in lower case; names and proper
 * adjectives ("Russian") keep their capital.
 */
static char *indefinite(const struct lexicon *lex, struct arena *a,
			const char *s, size_t n)
{
	size_t w = 0;
	char *out;

	while (w < n && s[w] != ' ')
		w++;
	if (!w)
		return NULL;
	out = arena_printf(a, "%s %.*s", vowel_sound(s, w) ? "an" : "a",
			   (int)n, s);
	if (lex && isupper((unsigned char)s[0])) {
		char *first = arena_strndup(a, s, w);

		first[0] = (char)tolower((unsigned char)first[0]);
		if (lexicon_lookup(lex, first, w) &&
		    !(lexicon_lookup(lex, s, w) & LEX_PROPER))
			out[strchr(out, ' ') - out + 1] = first[0];
	}
	return out;
}

/*
 * The phrase with "the" before its name, the first word that starts with a
 * capital: "to United States" -> "to the United States", "Bahamas" -> "the
 * Bahamas".  NULL when no word is capitalised.
 */
static char *definite_name(struct arena *a, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isupper((unsigned char)s[i]) && (i == 0 || s[i - 1] == ' '))
			return arena_printf(a, "%.*sthe %.*s", (int)i, s,
					    (int)(n - i), s + i);
	return NULL;
}

/* The value of {num:fn} (fn up to '}'), appended to b; -1: cannot apply. */
static int apply(const struct lexicon *lex, struct arena *a, struct buf *b,
		 const char *s, size_t n, const char *fn)
{
	size_t at = b->len;
	const char *v;

	if (!strncmp(fn, "3sg}", 4)) {
		v = third_singular(lex, a, s, n);
	} else if (!strncmp(fn, "participle}", 11)) {
		v = lex ? lexicon_participle(lex, s, n) : NULL;
	} else if (!strncmp(fn, "plural}", 7)) {
		v = lex ? noun_plural(lex, a, s, n) : NULL;
	} else if (!strncmp(fn, "base}", 5)) {
		v = lex ? lexicon_base(lex, s, n) : NULL;
	} else if (!strncmp(fn, "past}", 5)) {
		char buf[80];

		v = lex ? lexicon_past(lex, s, n, buf, sizeof(buf)) : NULL;
		v = v ? arena_strdup(a, v) : NULL;
	} else if (!strncmp(fn, "ing}", 4)) {
		v = gerund(lex, a, s, n);
	} else if (!strncmp(fn, "singular}", 9)) {
		v = singular_noun(lex, a, s, n);
	} else if (!strncmp(fn, "subject}", 8)) {
		v = subject_pronoun(s, n);
	} else if (!strncmp(fn, "pl}", 3)) {
		v = verb_number(s, n, 0);
	} else if (!strncmp(fn, "sg}", 3)) {
		v = verb_number(s, n, 1);
	} else if (!strncmp(fn, "perfect}", 8)) {
		v = pair_lookup(perfect_forms, ARRAY_SIZE(perfect_forms), s, n,
				0);
	} else if (!strncmp(fn, "any}", 4)) {
		v = negative_to_any(s, n);
	} else if (!strncmp(fn, "affirm}", 7)) {
		v = affirm(a, s, n);
	} else if (!strncmp(fn, "indef}", 6)) {
		v = indefinite(lex, a, s, n);
	} else if (!strncmp(fn, "the}", 4)) {
		v = definite_name(a, s, n);
	} else if (!strncmp(fn, "ascii}", 6)) {
		v = to_ascii(s, n);
	} else if (!strncmp(fn, "thousands}", 10)) {
		v = thousands(a, s, n);
	} else {
		buf_add(b, s, n);
		for (size_t i = at; i < b->len; i++) {
			char *c = &b->buf[i];

			if (!strncmp(fn, "lower}", 6))
				*c = (char)tolower((unsigned char)*c);
			else if (!strncmp(fn, "upper}", 6))
				*c = (char)toupper((unsigned char)*c);
		}
		if (!strncmp(fn, "cap}", 4) && b->len > at)
			b->buf[at] = (char)toupper((unsigned char)b->buf[at]);
		return 0;
	}
	if (!v)
		return -1;
	buf_adds(b, v);
	return 0;
}

/* Squeeze the blanks an empty expansion leaves: "will " -> "will". */
static void squeeze(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++)
		if (*r != ' ' || (w > s && w[-1] != ' '))
			*w++ = *r;
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

char *template_expand(const struct lexicon *lex, struct arena *a,
		      const char *text, const char *tpl,
		      const struct template_groups *g)
{
	struct buf b = BUF_INIT;
	int emptied = 0;
	char *res, *r;
	size_t len;

	for (const char *p = tpl; *p;) {
		const char *q = p + 1;
		int num = 0;

		if (*p != '{' || !isdigit((unsigned char)*q)) {
			buf_addc(&b, *p++);
			continue;
		}
		while (isdigit((unsigned char)*q))
			num = num * 10 + (*q++ - '0');
		if (num > 9 || g->len[num] == UINT32_MAX) {
			buf_release(&b);
			return NULL;
		}
		if (*q == ':') {
			size_t before = b.len;

			if (apply(lex, a, &b, text + g->start[num], g->len[num],
				  q + 1) < 0) {
				buf_release(&b);
				return NULL;
			}
			emptied |= b.len == before;
			q = strchr(q, '}');
		} else {
			buf_add(&b, text + g->start[num], g->len[num]);
			emptied |= g->len[num] == 0;
		}
		p = q + 1;
	}
	res = buf_detach(&b, &len);
	r = arena_strndup(a, res, len);
	free(res);
	if (emptied) {
		squeeze(r);
		if (!*r)
			return NULL; /* nothing left to offer */
	}
	return r;
}

void template_preserve_case(const char *orig, char *sug)
{
	if (isupper((unsigned char)orig[0]) && islower((unsigned char)sug[0]))
		sug[0] = (char)toupper((unsigned char)sug[0]);
}
