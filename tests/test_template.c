/*
 * template: rule templates and their functions.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "engine/template.h"
#include "text/lexicon.h"
#include "helpers.h"
#include "run/checker.h"

/* Expand tpl with {1} = w1 and {2} = w2 (NULL: unset). */
static char *expand2(struct arena *a, const char *tpl, const char *w1,
		     const char *w2)
{
	static char text[256];
	struct template_groups g;

	for (int k = 0; k < 10; k++)
		g.len[k] = UINT32_MAX;
	snprintf(text, sizeof(text), "%s|%s", w1 ? w1 : "", w2 ? w2 : "");
	if (w1) {
		g.start[1] = 0;
		g.len[1] = (uint32_t)strlen(w1);
	}
	if (w2) {
		g.start[2] = (uint32_t)(w1 ? strlen(w1) : 0) + 1;
		g.len[2] = (uint32_t)strlen(w2);
	}
	return template_expand(NULL, a, text, tpl, &g);
}

Test(template, any_gives_the_non_assertive_form)
{
	struct arena a;
	static const char *const cases[][2] = {
		{ "no", "any" },	 { "nobody", "anybody" },
		{ "no one", "anyone" },	 { "No-one", "anyone" },
		{ "nothing", "anything" }, { "nowhere", "anywhere" },
		{ "none", "any" },	 { "never", "ever" },
		{ "neither", "either" }, { "nor", "or" },
	};

	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *s = expand2(&a, "{1:any}", cases[i][0], NULL);

		cr_assert(s, "no any-form for '%s'", cases[i][0]);
		cr_expect_str_eq(s, cases[i][1]);
	}
	cr_expect_null(expand2(&a, "{1:any}", "some", NULL),
		       "a word that is not negative has no any-form");
	arena_release(&a);
}

Test(template, perfect_gives_the_have_of_be)
{
	struct arena a;

	arena_init(&a, 1 << 20);
	cr_expect_str_eq(expand2(&a, "{1:perfect} been {2}", "is", "living"),
			 "has been living");
	cr_expect_str_eq(expand2(&a, "{1:perfect} been {2}", "Am", "waiting"),
			 "have been waiting");
	cr_expect_str_eq(expand2(&a, "{1:perfect}", "are", NULL), "have");
	cr_expect_null(expand2(&a, "{1:perfect}", "was", NULL),
		       "a past form has no present perfect's 'have'");
	arena_release(&a);
}

Test(template, affirm_drops_the_negation)
{
	struct arena a;
	static const char *const cases[][2] = {
		{ "don't", "do" },	 { "doesn’t", "does" },
		{ "can't", "can" },	 { "cannot", "can" },
		{ "won't", "will" },	 { "shan't", "shall" },
		{ "ain't", "is" },	 { "weren't", "were" },
		{ "never", "ever" },
	};

	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *s = expand2(&a, "{1:affirm}", cases[i][0], NULL);

		cr_assert(s, "no affirmative for '%s'", cases[i][0]);
		cr_expect_str_eq(s, cases[i][1]);
	}
	/* "will not" -> "will": the blank before the empty "not" goes */
	cr_expect_str_eq(expand2(&a, "{1} {2:affirm}", "will", "not"), "will");
	/* nothing left is no suggestion */
	cr_expect_null(expand2(&a, "{1:affirm}", "not", NULL));
	/* an unset mark fails the template */
	cr_expect_null(expand2(&a, "{2} {1:affirm}", "not", NULL));
	cr_expect_null(expand2(&a, "{1:affirm}", "will", NULL));
	arena_release(&a);
}

Test(template, case_functions)
{
	struct arena a;

	arena_init(&a, 1 << 20);
	cr_expect_str_eq(expand2(&a, "{1:lower}-{2:cap}", "ELECT", "president"),
			 "elect-President");
	cr_expect_str_eq(expand2(&a, "{1:upper}", "nato", NULL), "NATO");
	cr_expect_str_eq(expand2(&a, "{1:thousands}", "250000", NULL),
			 "250,000");
	cr_expect_str_eq(expand2(&a, "{1:thousands}", "1234567", NULL),
			 "1,234,567");
	cr_expect_str_eq(expand2(&a, "{1:thousands}", "4500", NULL), "4,500");
	cr_expect_null(expand2(&a, "{1:thousands}", "12.5", NULL));
	cr_expect_str_eq(expand2(&a, "{1:pl}", "doesn't", NULL), "don't");
	cr_expect_str_eq(expand2(&a, "{1} {2:pl}", "members", "is"),
			 "members are");
	cr_expect_str_eq(expand2(&a, "{1:sg}", "are", NULL), "is");
	cr_expect_str_eq(expand2(&a, "{1:sg}", "don't", NULL), "doesn't");
	cr_expect_str_eq(expand2(&a, "{1:sg}", "Were", NULL), "was");
	cr_expect_null(expand2(&a, "{1:sg}", "is", NULL));
	/* without a lexicon the first word keeps its case */
	cr_expect_str_eq(expand2(&a, "{1:indef}", "senior official", NULL),
			 "a senior official");
	cr_expect_str_eq(expand2(&a, "{1:indef}", "Italian team", NULL),
			 "an Italian team");
	cr_expect_str_eq(expand2(&a, "{1:indef}", "unique case", NULL),
			 "a unique case");
	cr_expect_str_eq(expand2(&a, "{1:indef}", "hour", NULL), "an hour");
	cr_expect_str_eq(expand2(&a, "{1:the}", "to United States", NULL),
			 "to the United States");
	cr_expect_str_eq(expand2(&a, "{1:the}", "Bahamas", NULL),
			 "the Bahamas");
	cr_expect_null(expand2(&a, "{1:the}", "in here", NULL));
	cr_expect(template_function_known("affirm", 6));
	cr_expect(template_function_known("the", 3));
	cr_expect(!template_function_known("shout", 5));
	arena_release(&a);
}

/* {1:fn} on w with a real lexicon. */
static char *expand_lex(const struct lexicon *lex, struct arena *a,
			const char *tpl, const char *w)
{
	struct template_groups g;

	for (int k = 0; k < 10; k++)
		g.len[k] = UINT32_MAX;
	g.start[1] = 0;
	g.len[1] = (uint32_t)strlen(w);
	return template_expand(lex, a, w, tpl, &g);
}

Test(template, participle_from_wordnet)
{
	struct lexicon *lex;
	struct mt_error err = { 0 };
	struct arena a;
	static const char *const cases[][2] = {
		{ "went", "gone" },   { "wrote", "written" },
		{ "ate", "eaten" },   { "became", "become" },
		{ "began", "begun" }, { "came", "come" },
		{ "ran", "run" },     { "saw", "seen" },
		{ "took", "taken" },  { "sang", "sung" },
		{ "Rose", "risen" },  { "forgot", "forgotten" },
	};

	cr_assert_eq(lexicon_open(NULL, &lex, &err), MT_ERR_OK, "%s", err.msg);
	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *s = expand_lex(lex, &a, "{1:participle}", cases[i][0]);

		cr_assert(s, "no participle for '%s'", cases[i][0]);
		cr_expect_str_eq(s, cases[i][1]);
		cr_expect(lexicon_lookup(lex, cases[i][0],
					 strlen(cases[i][0])) &
				  LEX_IRREGULAR_PAST,
			  "'%s' not irregular-past", cases[i][0]);
	}
	/* a regular past is its own participle; a participle, a base form
	 * and a past with two participles ("bore": born, borne) have none */
	static const char *const none[] = { "walked", "written", "gone",
					    "kept",   "beat",	 "bore",
					    "go",     "fitted" };
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++) {
		cr_expect_null(expand_lex(lex, &a, "{1:participle}", none[i]),
			       "'%s' given a participle", none[i]);
		cr_expect(!(lexicon_lookup(lex, none[i], strlen(none[i])) &
			    LEX_IRREGULAR_PAST),
			  "'%s' irregular-past", none[i]);
	}
	/* without a lexicon nothing is offered */
	cr_expect_null(expand2(&a, "{1:participle}", "went", NULL));
	cr_expect(template_function_known("participle", 10));
	cr_expect_eq(lexicon_class_by_name("irregular-past"),
		     LEX_IRREGULAR_PAST);
	arena_release(&a);
	lexicon_close(lex);
}

/* {N:ing}, {N:singular}: spelling rules, the lexicon deciding; {N:subject}:
 * a closed list. */
Test(template, gerund_singular_subject)
{
	struct lexicon *lex;
	struct mt_error err = { 0 };
	struct arena a;
	static const char *const ing[][2] = {
		{ "see", "seeing" },	    { "hope", "hoping" },
		{ "hop", "hopping" },	    { "stop", "stopping" },
		{ "visit", "visiting" },    { "die", "dying" },
		{ "be", "being" },	    { "begin", "beginning" },
		{ "receive", "receiving" }, { "panic", "panicking" },
		{ "agree", "agreeing" },    { "Meet", "Meeting" },
	};
	static const char *const sing[][2] = {
		{ "members", "member" },    { "policies", "policy" },
		{ "boxes", "box" },	    { "houses", "house" },
		{ "factories", "factory" }, { "Diplomats", "Diplomat" },
	};
	static const char *const subj[][2] = {
		{ "him", "he" }, { "them", "they" }, { "me", "I" },
		{ "us", "we" },	 { "her", "she" },   { "Them", "they" },
	};

	cr_assert_eq(lexicon_open(NULL, &lex, &err), MT_ERR_OK, "%s", err.msg);
	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(ing) / sizeof(*ing); i++) {
		char *s = expand_lex(lex, &a, "{1:ing}", ing[i][0]);

		cr_assert(s, "no -ing form for '%s'", ing[i][0]);
		cr_expect_str_eq(s, ing[i][1]);
	}
	for (size_t i = 0; i < sizeof(sing) / sizeof(*sing); i++) {
		char *s = expand_lex(lex, &a, "{1:singular}", sing[i][0]);

		cr_assert(s, "no singular for '%s'", sing[i][0]);
		cr_expect_str_eq(s, sing[i][1]);
	}
	for (size_t i = 0; i < sizeof(subj) / sizeof(*subj); i++)
		cr_expect_str_eq(expand_lex(lex, &a, "{1:subject}", subj[i][0]),
				 subj[i][1]);
	/* the suggestion takes the capital of the text it replaces later
	 * (template_preserve_case()); not a verb, an irregular plural, not an
	 * object pronoun */
	cr_expect_null(expand_lex(lex, &a, "{1:ing}", "xqzt"));
	cr_expect_null(expand_lex(lex, &a, "{1:singular}", "men"));
	cr_expect_null(expand_lex(lex, &a, "{1:singular}", "news"));
	cr_expect_null(expand_lex(lex, &a, "{1:subject}", "the"));
	/* without a lexicon no -ing form nor singular is offered */
	cr_expect_null(expand2(&a, "{1:ing}", "see", NULL));
	cr_expect_null(expand2(&a, "{1:singular}", "members", NULL));
	cr_expect(template_function_known("ing", 3));
	cr_expect(template_function_known("singular", 8));
	cr_expect(template_function_known("subject", 7));
	arena_release(&a);
	lexicon_close(lex);
}

Test(template, participle_needs_wordnet)
{
	struct lexicon *lex;
	struct mt_error err = { 0 };

	setenv("MTLINT_WORDNET_DIR", "/nonexistent", 1);
	cr_assert_eq(lexicon_open(NULL, &lex, &err), MT_ERR_OK, "%s", err.msg);
	cr_expect_null(lexicon_participle(lex, "went", 4));
	cr_expect(!(lexicon_lookup(lex, "went", 4) & LEX_IRREGULAR_PAST));
	cr_expect(lexicon_lookup(lex, "went", 4) & LEX_VERB_PAST);
	cr_expect_null(lexicon_plural(lex, "child", 5));
	cr_expect(!(lexicon_lookup(lex, "children", 8) & LEX_IRREGULAR_PLURAL));
	cr_expect(!(lexicon_lookup(lex, "team", 4) & LEX_NOUN_GROUP));
	lexicon_close(lex);
}

Test(template, plural_from_lexicon_and_wordnet)
{
	struct lexicon *lex;
	struct mt_error err = { 0 };
	struct arena a;
	static const char *const cases[][2] = {
		{ "tourist", "tourists" }, { "city", "cities" },
		{ "box", "boxes" },	   { "church", "churches" },
		{ "child", "children" },   { "woman", "women" },
		{ "foot", "feet" },	   { "mouse", "mice" },
		{ "hero", "heroes" },	   { "Player", "Players" },
	};

	cr_assert_eq(lexicon_open(NULL, &lex, &err), MT_ERR_OK, "%s", err.msg);
	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *s = expand_lex(lex, &a, "{1:plural}", cases[i][0]);

		cr_assert(s, "no plural for '%s'", cases[i][0]);
		template_preserve_case(cases[i][0], s);
		cr_expect_str_eq(s, cases[i][1]);
	}
	/* a mass noun has no plural the dictionary knows */
	cr_expect_null(expand_lex(lex, &a, "{1:plural}", "advice"));
	cr_expect_null(expand2(&a, "{1:plural}", "tourist", NULL));
	/* plurals without -s, not mass nor singular: irregular-plural */
	static const char *const irr[] = { "children", "men", "women", "feet",
					   "spokesmen" };
	for (size_t i = 0; i < sizeof(irr) / sizeof(*irr); i++)
		cr_expect(lexicon_lookup(lex, irr[i], strlen(irr[i])) &
				  LEX_IRREGULAR_PLURAL,
			  "'%s' not irregular-plural", irr[i]);
	static const char *const not_irr[] = { "data", "media", "sheep",
					       "tourists", "child" };
	for (size_t i = 0; i < sizeof(not_irr) / sizeof(*not_irr); i++)
		cr_expect(!(lexicon_lookup(lex, not_irr[i],
					   strlen(not_irr[i])) &
			    LEX_IRREGULAR_PLURAL),
			  "'%s' irregular-plural", not_irr[i]);
	/* nouns naming a group, from WordNet's first sense */
	cr_expect(lexicon_lookup(lex, "team", 4) & LEX_NOUN_GROUP);
	cr_expect(lexicon_lookup(lex, "family", 6) & LEX_NOUN_GROUP);
	cr_expect(!(lexicon_lookup(lex, "player", 6) & LEX_NOUN_GROUP));
	cr_expect(template_function_known("plural", 6));
	cr_expect_eq(lexicon_class_by_name("irregular-plural"),
		     LEX_IRREGULAR_PLURAL);
	cr_expect_eq(lexicon_class_by_name("noun-group"), LEX_NOUN_GROUP);
	arena_release(&a);
	lexicon_close(lex);
}

/* {N:base}: the base form of an inflected verb, from WordNet's exceptions
 * ("went") or the regular endings, each checked against the lexicon. */
Test(template, base_form)
{
	static const char *const cases[][2] = {
		{ "went", "go" },	{ "has", "have" },
		{ "did", "do" },	{ "does", "do" },
		{ "knew", "know" },	{ "Went", "go" },
		{ "speaks", "speak" },	{ "tries", "try" },
		{ "goes", "go" },	{ "uses", "use" },
		{ "watches", "watch" }, { "hoped", "hope" },
		{ "wanted", "want" },	{ "stopped", "stop" },
		{ "tried", "try" },	{ "gone", "go" },
		{ "saw", "see" },
	};
	struct lexicon *lex;
	struct mt_error err = { 0 };
	struct arena a;

	cr_assert_eq(lexicon_open(NULL, &lex, &err), MT_ERR_OK, "%s", err.msg);
	arena_init(&a, 1 << 20);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *s = expand_lex(lex, &a, "{1:base}", cases[i][0]);

		cr_assert(s, "no base form for '%s'", cases[i][0]);
		cr_expect_str_eq(s, cases[i][1], "'%s' -> '%s', want '%s'",
				 cases[i][0], s, cases[i][1]);
	}
	/* base forms themselves ("put" is past and base alike), other words
	 * and unknown ones have none */
	static const char *const none[] = { "go", "put", "table", "quickly",
					    "zzxqed" };
	for (size_t i = 0; i < sizeof(none) / sizeof(*none); i++)
		cr_expect_null(expand_lex(lex, &a, "{1:base}", none[i]),
			       "'%s' given a base form", none[i]);
	cr_expect_null(expand2(&a, "{1:base}", "went", NULL));
	cr_expect(template_function_known("base", 4));
	arena_release(&a);
	lexicon_close(lex);
}
