/*
 * numbers: numbers, dates and units found in a document, in a normal form
 * that can be compared across documents ("72 hours" = "three days").
 *
 * numbers_extract() walks a segmented document's tokens and returns every
 *   - count: a number and the noun it counts ("35 diplomats", "two Russian
 *     compounds", "35 (Russian) diplomats"): key = the noun, singular, lower
 *     case ("diplomat"); value = the number;
 *   - measure: a number and a unit that converts exactly ("72 hours",
 *     "three days", "5 km", "3 miles", "12 per cent", "$5 million"): key =
 *     the dimension ("time", "length", "mass", "percent", "months", "usd",
 *     ...), value in the dimension's base unit (seconds, metres, grams;
 *     months for months, years and decades, which do not convert to days);
 *   - date: ISO dates ("2016-12-29") and dates with a month name ("29
 *     December 2016", "December 29", "Dec. 29, 2016", "December 2016"):
 *     key "date", value yyyymmdd with 0 for an unknown year or day;
 *   - relative date: "yesterday", "tomorrow", "next month", "last week",
 *     "this year", weekday names: key "reldate-day" (yesterday, today,
 *     tomorrow, tonight), "reldate-weekday" ("Friday", "next Friday") or
 *     "reldate-rel" ("next month", "last night"), value a code (equal
 *     codes mean the same expression); only one family is compared with
 *     itself, since "yesterday" and "on Friday" may be the same day;
 *   - year: a four-digit number 1000..2099 standing alone as a year ("in
 *     2016", "since 1999"): key "year".
 * Numbers are digits ("35", "1,000", "1.5 million"; five digits or more
 * need a separator: "68000" is a model number) or spelled out ("two",
 * "twenty-five", "three hundred", "a dozen"); ordinals, times of day,
 * ranges and version numbers are left out, as are numbers with no noun or
 * unit ("one of them"), which cannot be compared.
 *
 * Who owns what: the array and its strings live in the arena given
 * (normally the document's); spans are bytes of doc->text.  Nothing fails
 * but memory, which exits.
 */
#ifndef MT_NUMBERS_H
#define MT_NUMBERS_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/common.h"
#include "text/document.h"

enum quantity_kind {
	QTY_COUNT = 1,
	QTY_MEASURE,
	QTY_DATE,
	QTY_RELDATE,
	QTY_YEAR,
};

struct quantity {
	enum quantity_kind kind;
	struct span span;   /* the whole expression: "35 Russian diplomats" */
	struct span number; /* the number alone ("35"), or the date */
	const char *key;    /* "diplomat", "time", "date", ...; see above */
	double value;	    /* in the base unit (see above) */
	double factor;	    /* base units per unit as written (3600 for
			       hours); 1 for counts and dates */
	int spelled;	    /* the number was written in words */
	uint32_t sentence;  /* index into doc->sentences */
};

/*
 * Every quantity of a segmented document, in text order; *out gets the
 * array (in `a`, NULL when none).  Returns the count.
 */
size_t numbers_extract(const struct document *doc, struct arena *a,
		       struct quantity **out);

/* Do two quantities of the same key state the same fact?  Dates with an
 * unknown year or day agree with any year or day, and a year agrees with
 * any date in that year. */
int numbers_agree(const struct quantity *a, const struct quantity *b);

/*
 * How `ref` would read in the place of `art`'s number: the reference's
 * value in the article's unit and style ("72" for "48 hours" when the
 * reference says "three days"; "three" when the article spells out), in
 * `a`.  NULL when it would not be exact (3 days in weeks) or the kinds
 * differ.
 */
char *numbers_format_as(const struct quantity *art, const struct quantity *ref,
			struct arena *a);

/*
 * The value of a spelled-out number word ("seven", "twenty", "dozen",
 * "hundred"); -1 when not one.  For tests and the extractor.
 */
double numbers_word_value(const char *w, size_t len);

#endif /* MT_NUMBERS_H */
