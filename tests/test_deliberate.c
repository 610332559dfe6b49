/*
 * deliberate: unknown words written on purpose (spelling/deliberate.h)
 * are information, not warnings; typos without those signs stay
 * warnings.  End to end through the spelling pass, with the real en_US
 * dictionary.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "helpers.h"

/* text gets a spelling.unknown-term note on word and no warning on it */
static void expect_deliberate(const char *text, const char *word,
			      const char *reason)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, text, NULL, &k);
	d = expect_finding(&k, "spelling.unknown-term", word, "");
	cr_expect_eq(d->severity, MT_SEV_INFO);
	cr_expect(strstr(d->message, reason), "'%s': %s", word, d->message);
	expect_no_finding(&k, "spelling.unknown-word", word);
	checked_release(&k);
}

/* text still gets a spelling.unknown-word warning on word */
static void expect_typo(const char *text, const char *word)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, text, NULL, &k);
	d = expect_finding(&k, "spelling.unknown-word", word, NULL);
	cr_expect_eq(d->severity, MT_SEV_WARNING);
	checked_release(&k);
}

Test(deliberate, elision_marked_by_an_apostrophe)
{
	expect_deliberate("“Where are you runnin'?” she asked.", "runnin",
			  "elision");
	expect_deliberate("“Nothin' to see,” he said, “just somethin’.”",
			  "somethin", "elision");
	expect_deliberate("We ate it all, 'cept the crusts.", "cept",
			  "elision");
	/* no apostrophe: a typo; a quoted word: a quotation, no elision */
	expect_typo("We are runnin to the market.", "runnin");
	expect_typo("They called it 'goverment' back then.", "goverment");
}

Test(deliberate, prefix_on_a_known_word)
{
	expect_deliberate("The lamp gave an overbright glare.", "overbright",
			  "prefix");
	expect_deliberate("He was supercautious that day.", "supercautious",
			  "prefix");
	/* a prefix that competes with a listed form, or no known base */
	expect_typo("The reprot was late.", "reprot");
	expect_typo("It was an overcrwoded room.", "overcrwoded");
}

Test(deliberate, a_phrase_of_unknown_words)
{
	expect_deliberate("He wrote quod erat demonstrandum under it.",
			  "demonstrandum", "foreign phrase");
	/* one unknown word repeated is no phrase; a comma parts phrases;
	 * two long unknown words side by side are two typos */
	expect_typo("The goverment offical was late.", "offical");
	expect_typo("The goverment goverment was late.", "goverment");
	expect_typo("The goverment, they said, and the recieve too.",
		    "recieve");
}

Test(deliberate, a_term_used_throughout)
{
	expect_deliberate("The zarp began at noon. Each zarp lasted an hour. "
			  "After the third zarp we slept.",
			  "zarp", "throughout");
	/* two sentences are not enough */
	expect_typo("The goverment met. The goverment left.", "goverment");
}

Test(deliberate, compound_adjective_written_solid)
{
	struct checked k;
	const struct diag *d;

	check_text(NULL, "She wore a rustcolored coat by the stormlamp.",
		   NULL, &k);
	d = expect_finding(&k, "spelling.unknown-term", "rustcolored", "");
	cr_expect(strstr(d->message, "compound adjective"), "%s", d->message);
	/* a noun compound stays a warning (a space may be lost) */
	expect_finding(&k, "spelling.unknown-word", "stormlamp", NULL);
	checked_release(&k);
}

Test(deliberate, hyphenated_spelling_of_a_known_word)
{
	struct checked k;

	check_text(NULL, "The ante-diluvian rules of the kinder-garten.",
		   NULL, &k);
	expect_no_finding(&k, "spelling.", NULL);
	checked_release(&k);
	expect_typo("It is a well-knwon fact.", "knwon");
}

Test(deliberate, plural_of_a_name_is_no_misspelling)
{
	struct checked k;

	check_text(NULL,
		   "Kowalczyk spoke first. Kowalczyk left early. All the "
		   "Kowalczyks of this town came.",
		   NULL, &k);
	expect_no_finding(&k, "spelling.misspelled-name", NULL);
	checked_release(&k);
	check_text(NULL,
		   "Kowalczyk spoke first. Kowalczyk left early. Later "
		   "Kowalcyk returned.",
		   NULL, &k);
	expect_finding(&k, "spelling.misspelled-name", "Kowalcyk",
		       "Kowalczyk");
	checked_release(&k);
}

Test(deliberate, capital_typo_keeps_its_first_letter)
{
	struct checked k;

	/* "Teh" is "The"; "Ahe" is no slip of "He" (a first letter is
	 * rarely the typo): a name */
	check_text(NULL, "Teh dog barked. Ahe smiled.", NULL, &k);
	expect_finding(&k, "spelling.unknown-word", "Teh", "The");
	expect_no_finding(&k, "spelling.unknown-word", "Ahe");
	checked_release(&k);
}
