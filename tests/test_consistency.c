/*
 * consistency: the whole-article checks that need no reference --
 * abbreviations written with and without full stops, reporting verbs in
 * the present in a report told in the past.
 */
#include <criterion/criterion.h>

#include "helpers.h"

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
