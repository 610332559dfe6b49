/*
 * consistency: the whole-article checks that need no reference --
 * abbreviations written with and without full stops, reporting verbs in
 * the present in a report told in the past.
 */
#include <criterion/criterion.h>
#include <stdio.h>

#include "helpers.h"

/* head, then `n` times an eight-word sentence, then tail: a text whose two
 * ends stand 8 * n words apart (in buf, of size cap). */
static const char *spaced(char *buf, size_t cap, const char *head, int n,
			  const char *tail)
{
	size_t k = (size_t)snprintf(buf, cap, "%s", head);

	for (int i = 0; i < n && k < cap; i++)
		k += (size_t)snprintf(buf + k, cap - k,
				      " Engineers checked "
				      "the bridge cables again before "
				      "noon.");
	if (k < cap)
		snprintf(buf + k, cap - k, " %s", tail);
	cr_assert_lt(k, cap, "the test's buffer is too small");
	return buf;
}

Test(consistency, an_abbreviation_written_two_ways_gets_the_dotted_form)
{
	struct checked p;

	check_text(NULL,
		   "The U.N. envoy met E.U. staff on Monday. The UN "
		   "envoy left. LET US PRAY, a banner said. Some US firms and "
		   "the U.S. agreed at 10 A.M. on the AM band.",
		   NULL, &p);
	expect_finding(&p, "abbreviations.inconsistent", "UN", "U.N.");
	expect_finding(&p, "abbreviations.inconsistent", "US", "U.S.");
	/* the shout is no abbreviation, "A.M." after a number a time */
	cr_expect_eq(count_findings(&p.l, "abbreviations."), 2, "%s",
		     findings_dump(p.doc, &p.l));
	checked_release(&p);
	/* a sentence's full stop ends the abbreviation too */
	check_text(NULL, "The U.S. envoy left. Talks went on in the US.", NULL,
		   &p);
	expect_finding(&p, "abbreviations.inconsistent", "US", "U.S");
	checked_release(&p);
	/* one form throughout: nothing */
	check_text(NULL, "The UN envoy met US staff. The UN envoy left.", NULL,
		   &p);
	expect_no_finding(&p, "abbreviations.", NULL);
	checked_release(&p);
}

Test(consistency, the_two_forms_count_only_near_each_other)
{
	static char text[16384];
	struct checked p;

	/* 480 words apart, either form first: one article */
	check_text(NULL,
		   spaced(text, sizeof(text),
			  "The W.T.O. panel heard the case.", 60,
			  "Then the WTO panel adjourned."),
		   NULL, &p);
	expect_finding(&p, "abbreviations.inconsistent", "WTO", "W.T.O.");
	checked_release(&p);
	check_text(NULL,
		   spaced(text, sizeof(text), "The WTO panel heard the case.",
			  60, "Then the W.T.O. panel adjourned."),
		   NULL, &p);
	expect_finding(&p, "abbreviations.inconsistent", "WTO", "W.T.O.");
	checked_release(&p);
	/* deep in a long document, next to each other: still reported */
	check_text(NULL,
		   spaced(text, sizeof(text), "Work began.", 120,
			  "The W.T.O. panel met. The WTO panel left."),
		   NULL, &p);
	expect_finding(&p, "abbreviations.inconsistent", "WTO", "W.T.O.");
	cr_expect_eq(count_findings(&p.l, "abbreviations."), 1, "%s",
		     findings_dump(p.doc, &p.l));
	checked_release(&p);
	/* 960 words apart: texts run together, not one article's style */
	check_text(NULL,
		   spaced(text, sizeof(text),
			  "The W.T.O. panel heard the case.", 120,
			  "Then the WTO panel adjourned."),
		   NULL, &p);
	expect_no_finding(&p, "abbreviations.", NULL);
	checked_release(&p);
}

Test(consistency, a_present_reporting_verb_in_a_past_report)
{
	struct checked p;

	/* the headline, first of two paragraphs, keeps its present even
	 * with a full stop; the body's "say" gets "said" */
	check_text(NULL,
		   "Officials say talks will resume.\n\nThe minister said "
		   "on Monday that talks would resume. Diplomats say the "
		   "first round opens in May. The envoy said nothing.",
		   NULL, &p);
	expect_finding(&p, "grammar.reporting-tense", "say", "said");
	cr_expect_eq(count_findings(&p.l, "grammar.reporting-tense"), 1, "%s",
		     findings_dump(p.doc, &p.l));
	checked_release(&p);
	/* as many in the present as in the past: no tense to keep */
	check_text(NULL,
		   "The minister said so. Officials say talks resume. "
		   "Diplomats say May. The envoy said nothing.",
		   NULL, &p);
	expect_no_finding(&p, "grammar.reporting-tense", NULL);
	checked_release(&p);
	/* quoted words and a question are not the report's */
	check_text(NULL,
		   "The minister said so. \u201cOfficials say talks "
		   "resume,\u201d she said. What did the envoy say to that?",
		   NULL, &p);
	expect_no_finding(&p, "grammar.reporting-tense", NULL);
	checked_release(&p);
}

Test(consistency, british_usage_drops_the_full_stops)
{
	struct checker_options o = CHECKER_OPTIONS_INIT;
	struct mt_error err = { 0 };
	struct checker *c;
	struct checked p;

	o.lang = "en_GB";
	cr_assert_eq(checker_new(&o, &c, &err), MT_ERR_OK, "%s", err.msg);
	check_text(c,
		   "US officials flew to the U.S. Army base. They met in "
		   "the U.S.",
		   NULL, &p);
	/* before a capital no fix: "U.S. Army", or a sentence end the
	 * segmenter did not see; at the end, the full stop stays */
	expect_finding(&p, "abbreviations.inconsistent", "U.S.", "");
	expect_finding(&p, "abbreviations.inconsistent", "U.S.", "US.");
	cr_expect_eq(count_findings(&p.l, "abbreviations."), 2, "%s",
		     findings_dump(p.doc, &p.l));
	checked_release(&p);
	checker_free(c);
}
