/*
 * numbers: extraction and normal forms of counts, measures and dates.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"
#include "reference/numbers.h"
#include "text/segment.h"

struct got {
	struct document *doc;
	struct quantity *q;
	size_t n;
};

static void extract(const char *s, struct got *g)
{
	struct mt_error err = { 0 };

	g->doc = load_str(s);
	cr_assert_eq(checker_segment(test_checker(), g->doc, &err), MT_ERR_OK);
	g->n = numbers_extract(g->doc, &g->doc->arena, &g->q);
}

static const struct quantity *find(const struct got *g, const char *key)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->q[i].key, key) == 0)
			return &g->q[i];
	return NULL;
}

static int span_is(const struct got *g, struct span sp, const char *text)
{
	return sp.end - sp.start == strlen(text) &&
	       memcmp(g->doc->text + sp.start, text, strlen(text)) == 0;
}

Test(numbers, counts_with_nouns)
{
	struct got g;
	const struct quantity *q;

	extract("The US expelled 35 Russian diplomats and closed two "
		"compounds.",
		&g);
	q = find(&g, "diplomat");
	cr_assert(q);
	cr_expect_eq(q->kind, QTY_COUNT);
	cr_expect_float_eq(q->value, 35, 1e-9);
	cr_expect(span_is(&g, q->number, "35"));
	cr_expect(span_is(&g, q->span, "35 Russian diplomats"));
	q = find(&g, "compound");
	cr_assert(q);
	cr_expect_float_eq(q->value, 2, 1e-9);
	cr_expect(q->spelled);
	document_free(g.doc);
}

Test(numbers, spelled_out_and_scaled)
{
	struct got g;

	extract("There were twenty-five officers, three hundred and five "
		"soldiers, 1.5 million voters and 1,200 people.",
		&g);
	cr_assert(find(&g, "officer"));
	cr_expect_float_eq(find(&g, "officer")->value, 25, 1e-9);
	cr_assert(find(&g, "soldier"));
	cr_expect_float_eq(find(&g, "soldier")->value, 305, 1e-9);
	cr_assert(find(&g, "voter"));
	cr_expect_float_eq(find(&g, "voter")->value, 1.5e6, 1e-3);
	cr_assert(find(&g, "person"));
	cr_expect_float_eq(find(&g, "person")->value, 1200, 1e-9);
	document_free(g.doc);
}

Test(numbers, units_convert_exactly)
{
	struct got a, b;
	const struct quantity *x, *y;

	extract("They must leave within 72 hours.", &a);
	extract("They will have three days to leave.", &b);
	x = find(&a, "time");
	y = find(&b, "time");
	cr_assert(x && y);
	cr_expect(numbers_agree(x, y));
	cr_expect_float_eq(x->factor, 3600, 1e-9);
	document_free(a.doc);
	document_free(b.doc);
}

Test(numbers, format_in_the_articles_unit)
{
	struct got a, b;
	char *s;

	extract("They must leave within 48 hours.", &a);
	extract("They will have three days to leave.", &b);
	cr_assert(find(&a, "time") && find(&b, "time"));
	cr_expect(!numbers_agree(find(&a, "time"), find(&b, "time")));
	s = numbers_format_as(find(&a, "time"), find(&b, "time"),
			      &a.doc->arena);
	cr_assert(s);
	cr_expect_str_eq(s, "72");
	/* and the other way round, spelled like the article */
	s = numbers_format_as(find(&b, "time"), find(&a, "time"),
			      &a.doc->arena);
	cr_assert(s);
	cr_expect_str_eq(s, "two");
	document_free(a.doc);
	document_free(b.doc);
}

Test(numbers, dates)
{
	struct got g;

	extract("On 2016-12-29 it began. By December 30, 2016 it ended. "
		"Talks resume 3 January.",
		&g);
	cr_assert(g.n >= 3);
	cr_expect_eq(g.q[0].kind, QTY_DATE);
	cr_expect_float_eq(g.q[0].value, 20161229, 1e-9);
	cr_expect_float_eq(g.q[1].value, 20161230, 1e-9);
	cr_expect(span_is(&g, g.q[1].span, "December 30, 2016"));
	cr_expect_float_eq(g.q[2].value, 103, 1e-9);
	/* an unknown year agrees with any year */
	cr_expect(!numbers_agree(&g.q[0], &g.q[1]));
	document_free(g.doc);
}

Test(numbers, relative_dates_and_years)
{
	struct got g;

	extract("He takes office next month, as decided in 2016, and met "
		"them yesterday.",
		&g);
	cr_assert(find(&g, "reldate-rel"));
	cr_expect(span_is(&g, find(&g, "reldate-rel")->span, "next month"));
	cr_assert(find(&g, "year"));
	cr_expect_float_eq(find(&g, "year")->value, 2016, 1e-9);
	cr_assert(find(&g, "reldate-day"));
	document_free(g.doc);
}

Test(numbers, not_quantities)
{
	static const char *const good[] = {
		"One of them left.",	     /* no noun */
		"It was the 72nd attempt.",  /* ordinal */
		"The meeting is at 10:30.",  /* time of day */
		"Version 1.2.3 was fixed.",  /* version */
		"You may go now.",	     /* not the month */
		"They march in March.",	     /* a month without a day */
		"He said no one would go.",
	};

	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) {
		struct got g;

		extract(good[i], &g);
		cr_expect_eq(g.n, 0, "quantity found in '%s': %s", good[i],
			     g.n ? g.q[0].key : "");
		document_free(g.doc);
	}
}

Test(numbers, word_values)
{
	cr_expect_float_eq(numbers_word_value("seven", 5), 7, 1e-9);
	cr_expect_float_eq(numbers_word_value("Twenty", 6), 20, 1e-9);
	cr_expect_float_eq(numbers_word_value("dozen", 5), 12, 1e-9);
	cr_expect_float_eq(numbers_word_value("seventh", 7), -1, 1e-9);
}
