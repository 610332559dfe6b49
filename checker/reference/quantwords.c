/*
 * quantwords: the words of quantities (see quantwords.h).
 */
#include "reference/quantwords.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "reference/numbers.h"
#include "util/common.h"

static const char *const small_words[] = {
	"zero",	   "one",     "two",	   "three",    "four",
	"five",	   "six",     "seven",	   "eight",    "nine",
	"ten",	   "eleven",  "twelve",	   "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const tens_words[] = { "twenty", "thirty", "forty",
					  "fifty",  "sixty",  "seventy",
					  "eighty", "ninety" };

struct scale {
	const char *word;
	double value;
};
static const struct scale scales[] = {
	{ "hundred", 1e2 }, { "thousand", 1e3 },  { "million", 1e6 },
	{ "billion", 1e9 }, { "trillion", 1e12 }, { "dozen", 12 },
};

/* Exact conversions only: a mile is 1609.344 m and a pound 453.59237 g by
 * definition; months and years share a dimension of their own. */
static const struct quantwords_unit units[] = {
	{ "second", NULL, "time", 1, 0 },
	{ "sec", "secs", "time", 1, 1 },
	{ "minute", NULL, "time", 60, 0 },
	{ "min", "mins", "time", 60, 1 },
	{ "hour", NULL, "time", 3600, 0 },
	{ "hr", "hrs", "time", 3600, 1 },
	{ "h", "h", "time", 3600, 1 },
	{ "day", NULL, "time", 86400, 0 },
	{ "week", NULL, "time", 604800, 0 },
	{ "fortnight", NULL, "time", 1209600, 0 },
	{ "month", NULL, "months", 1, 0 },
	{ "year", NULL, "months", 12, 0 },
	{ "decade", NULL, "months", 120, 0 },
	{ "century", "centuries", "months", 1200, 0 },
	{ "millimetre", NULL, "length", 0.001, 0 },
	{ "millimeter", NULL, "length", 0.001, 0 },
	{ "mm", "mm", "length", 0.001, 1 },
	{ "centimetre", NULL, "length", 0.01, 0 },
	{ "centimeter", NULL, "length", 0.01, 0 },
	{ "cm", "cm", "length", 0.01, 1 },
	{ "metre", NULL, "length", 1, 0 },
	{ "meter", NULL, "length", 1, 0 },
	{ "m", "m", "length", 1, 1 },
	{ "kilometre", NULL, "length", 1000, 0 },
	{ "kilometer", NULL, "length", 1000, 0 },
	{ "km", "km", "length", 1000, 1 },
	{ "inch", "inches", "length", 0.0254, 0 },
	{ "foot", "feet", "length", 0.3048, 0 },
	{ "yard", NULL, "length", 0.9144, 0 },
	{ "mile", NULL, "length", 1609.344, 0 },
	{ "milligram", NULL, "mass", 0.001, 0 },
	{ "mg", "mg", "mass", 0.001, 1 },
	{ "gram", NULL, "mass", 1, 0 },
	{ "g", "g", "mass", 1, 1 },
	{ "kilogram", NULL, "mass", 1000, 0 },
	{ "kg", "kg", "mass", 1000, 1 },
	{ "tonne", NULL, "mass", 1e6, 0 },
	{ "ounce", NULL, "mass", 28.349523125, 0 },
	{ "percent", "percent", "percent", 1, 0 },
};

static const char *const months[] = {
	"january", "february", "march",	    "april",   "may",	   "june",
	"july",	   "august",   "september", "october", "november", "december",
};

static const char *const weekdays[] = { "monday",   "tuesday", "wednesday",
					"thursday", "friday",  "saturday",
					"sunday" };

/* Words that end the noun phrase after a number: function words. */
static const char *const stop_words[] = {
	"a",	  "an",	     "the",	"of",	     "in",	"on",
	"at",	  "to",	     "for",	"from",	     "by",	"with",
	"within", "and",     "or",	"but",	     "that",	"which",
	"who",	  "whom",    "whose",	"is",	     "are",	"was",
	"were",	  "be",	     "been",	"being",     "will",	"would",
	"shall",  "should",  "can",	"could",     "may",	"might",
	"must",	  "has",     "have",	"had",	     "do",	"does",
	"did",	  "as",	     "than",	"per",	     "like",	"into",
	"over",	  "under",   "after",	"before",    "since",	"during",
	"about",  "against", "among",	"between",   "through", "until",
	"up",	  "down",    "out",	"off",	     "if",	"so",
	"not",	  "no",	     "its",	"their",     "his",	"her",
	"this",	  "these",   "those",	"there",     "here",	"it",
	"they",	  "he",	     "she",	"we",	     "you",	"i",
	"said",	  "says",    "ago",	"each",	     "more",	"less",
	"fewer",  "most",    "least",	"later",     "earlier", "when",
	"where",  "while",   "because", "also",	     "then",	"both",
	"all",	  "some",    "any",	"other",     "such",	"only",
	"just",	  "even",    "still",	"yet",	     "already", "again",
	"too",	  "very",    "was",	"plus",	     "minus",	"times",
	"away",	  "left",    "remain",	"remaining",
};

/* Plural nouns without a final -s. */
static const char *const irregular_plurals[][2] = {
	{ "people", "person" },	      { "men", "man" },
	{ "women", "woman" },	      { "children", "child" },
	{ "police", "police" },	      { "feet", "foot" },
	{ "teeth", "tooth" },	      { "mice", "mouse" },
	{ "geese", "goose" },	      { "staff", "staff" },
	{ "personnel", "personnel" }, { "cattle", "cattle" },
	{ "sheep", "sheep" },	      { "fish", "fish" },
	{ "aircraft", "aircraft" },   { "crew", "crew" },
};

/* Words ending in -s that are not plurals of a counted noun. */
static const char *const not_plurals[] = {
	"his",	      "its",	   "this",     "thus",	    "was",
	"is",	      "has",	   "does",     "as",	    "us",
	"yes",	      "less",	   "unless",   "across",    "towards",
	"afterwards", "always",	   "perhaps",  "whereas",   "besides",
	"news",	      "various",   "previous", "serious",   "famous",
	"numerous",   "enormous",  "obvious",  "dangerous", "nervous",
	"anxious",    "generous",  "curious",  "jealous",   "ambitious",
	"suspicious", "religious", "cautious", "conscious",
};

static int in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(w, list[i]) == 0)
			return 1;
	return 0;
}

double numbers_word_value(const char *w, size_t len)
{
	char b[QUANTWORDS_WORD_MAX];

	/* every number word starts with one of these letters */
	if (len < 3 || len > 9 || !strchr("zotfsenhmbd", w[0] | 0x20))
		return -1;
	for (size_t i = 0; i < len; i++)
		b[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] + 32) : w[i];
	b[len] = 0;
	for (size_t i = 0; i < ARRAY_SIZE(small_words); i++)
		if (strcmp(b, small_words[i]) == 0)
			return (double)i;
	for (size_t i = 0; i < ARRAY_SIZE(tens_words); i++)
		if (strcmp(b, tens_words[i]) == 0)
			return (double)(20 + 10 * i);
	for (size_t i = 0; i < ARRAY_SIZE(scales); i++)
		if (strcmp(b, scales[i].word) == 0)
			return scales[i].value;
	return -1;
}

int quantwords_is_scale(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(scales); i++)
		if (strcmp(w, scales[i].word) == 0)
			return 1;
	return 0;
}

const struct quantwords_unit *quantwords_unit(const char *w, int after_digits)
{
	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		const struct quantwords_unit *u = &units[i];
		char pl[QUANTWORDS_WORD_MAX];

		if (u->abbrev && !after_digits)
			continue;
		if (strcmp(w, u->name) == 0)
			return u;
		if (u->plural) {
			if (strcmp(w, u->plural) == 0)
				return u;
		} else {
			snprintf(pl, sizeof(pl), "%ss", u->name);
			if (strcmp(w, pl) == 0)
				return u;
		}
	}
	return NULL;
}

int quantwords_month(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(months); i++) {
		if (strcmp(w, months[i]) == 0)
			return (int)i + 1;
		/* abbreviations: "dec", "sept" (but not "may", "june"...) */
		if (strlen(months[i]) > 5 && strlen(w) >= 3 && strlen(w) <= 4 &&
		    strncmp(w, months[i], strlen(w)) == 0)
			return (int)i + 1;
	}
	return 0;
}

char *quantwords_singular(const char *w, struct arena *a)
{
	size_t n = strlen(w);

	for (size_t i = 0; i < ARRAY_SIZE(irregular_plurals); i++)
		if (strcmp(w, irregular_plurals[i][0]) == 0)
			return arena_strdup(a, irregular_plurals[i][1]);
	if (n < 3 || w[n - 1] != 's' || w[n - 2] == 's' || w[n - 2] == 'u' ||
	    w[n - 2] == '\'' ||
	    in_list(w, not_plurals, ARRAY_SIZE(not_plurals)))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!((w[i] >= 'a' && w[i] <= 'z') || w[i] == '-'))
			return NULL;
	if (n > 4 && strcmp(w + n - 3, "ies") == 0)
		return arena_printf(a, "%.*sy", (int)(n - 3), w);
	if (n > 4 &&
	    (strcmp(w + n - 4, "ches") == 0 || strcmp(w + n - 4, "shes") == 0 ||
	     strcmp(w + n - 4, "sses") == 0 || strcmp(w + n - 3, "xes") == 0))
		return arena_strndup(a, w, n - 2);
	return arena_strndup(a, w, n - 1);
}

int quantwords_weekday(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(weekdays); i++)
		if (strcmp(w, weekdays[i]) == 0)
			return (int)i;
	return -1;
}

int quantwords_ends_phrase(const char *w)
{
	return in_list(w, stop_words, ARRAY_SIZE(stop_words));
}

const char *quantwords_spell(double v, struct arena *a)
{
	if (v < 0 || v >= 100 || v != floor(v))
		return NULL;
	if (v < 20)
		return arena_strdup(a, small_words[(int)v]);
	if ((int)v % 10 == 0)
		return arena_strdup(a, tens_words[(int)v / 10 - 2]);
	return arena_printf(a, "%s-%s", tens_words[(int)v / 10 - 2],
			    small_words[(int)v % 10]);
}
