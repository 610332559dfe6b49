/*
 * quantwords: the words of quantities, the vocabulary numbers.c's scan
 * reads (numbers.h): number words and scales, units with their exact
 * conversion factors, month and weekday names, the function words that end
 * the noun phrase after a number, and how a counted plural becomes its
 * singular. English only; words come in lower-case ASCII.
 *
 * Lookups in small constant tables, pure functions of their arguments.
 * Results point into the tables, or into the arena given (which owns them
 * until it is released). Depends on nothing but util/arena.h.
 */
#ifndef MT_QUANTWORDS_H
#define MT_QUANTWORDS_H

#include "util/arena.h"

/* Longer words are never quantity words (callers' buffers take this). */
#define QUANTWORDS_WORD_MAX 48

/* A unit: exact conversions only (a mile is 1609.344 m and a pound
 * 453.59237 g by definition; months and years share a dimension of their
 * own, "months", since they do not convert to days). */
struct quantwords_unit {
	const char *name;   /* singular, lower case */
	const char *plural; /* NULL: add "s" */
	const char *key;    /* dimension: "time", "length", "mass", ... */
	double factor;	    /* base units per unit */
	int abbrev;	    /* "km", "hrs": only right after digits */
};

/* Is w a scale ("hundred", "thousand", "million", "billion", "trillion",
 * "dozen")? */
int quantwords_is_scale(const char *w);

/* The unit w names (singular or plural; an abbreviation only when
 * after_digits), or NULL. */
const struct quantwords_unit *quantwords_unit(const char *w, int after_digits);

/* 1..12 for a month name, or the first three or four letters of one of
 * six letters or more ("jan", "sept", "dec"; not "mar" or "jun"), else
 * 0. */
int quantwords_month(const char *w);

/* 0..6 for a weekday name (Monday first), else -1. */
int quantwords_weekday(const char *w);

/* Does w end the noun phrase after a number ("35 of", "35 were")? The
 * function words, and a few others that never name what is counted. */
int quantwords_ends_phrase(const char *w);

/* The singular of a plural-looking word ("diplomats" -> "diplomat",
 * "people" -> "person"), in a; NULL when w does not look like a plural
 * noun. */
char *quantwords_singular(const char *w, struct arena *a);

/* A whole number 0..99 spelled out ("seven", "forty", "twenty-five"), in
 * a; NULL for any other value. */
const char *quantwords_spell(double v, struct arena *a);

#endif /* MT_QUANTWORDS_H */
