/*
 * wordform: what a word is made of and the forms the spelling pass looks
 * it up in, word by word.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "spelling/wordform.h"
#include "util/arena.h"

#define S(lit) lit, sizeof(lit) - 1

Test(wordform, scan_counts_letters_case_digits_and_scripts)
{
	struct wordform wf;

	wordform_scan(S("Z\xc3\xbcrich"), &wf); /* Zürich */
	cr_expect_eq(wf.letters, 6, "letters %d", wf.letters);
	cr_expect_eq(wf.upper, 1);
	cr_expect_eq(wf.first_upper, 1);
	cr_expect_eq(wf.nonascii, 1);
	cr_expect_eq(wf.nonlatin + wf.digits + wf.other, 0);
	wordform_scan(S("G7"), &wf);
	cr_expect_eq(wf.digits, 1);
	wordform_scan(S("@name"), &wf);
	cr_expect_eq(wf.other, 1, "'@' is a symbol: other %d", wf.other);
	wordform_scan(S("don\xe2\x80\x99t"),
		      &wf); /* an apostrophe is no symbol */
	cr_expect_eq(wf.other, 0);
	cr_expect_eq(wf.first_upper, 0);
	wordform_scan(S("\xd0\x9c\xd0\xb8\xd1\x80"), &wf); /* Мир */
	cr_expect_eq(wf.nonlatin, 3, "nonlatin %d", wf.nonlatin);
	cr_expect_eq(wf.first_upper, 1);
}

Test(wordform, codepoints)
{
	cr_expect_eq(wordform_codepoints(S("caf\xc3\xa9")), 4);
	cr_expect_eq(wordform_codepoints(S("")), 0);
}

Test(wordform, lower_case_copy_with_ascii_apostrophe)
{
	struct arena a;
	size_t n;
	char *s;

	arena_init(&a, 0);
	s = wordform_lower(&a,
			   S("\xc3\x89"
			     "COLE\xe2\x80\x99S"),
			   &n); /* ÉCOLE’S */
	cr_expect_str_eq(s, "\xc3\xa9"
			    "cole's");
	cr_expect_eq(n, strlen(s));
	cr_expect_str_eq(wordform_lower(&a, S("Deja Vu"), NULL), "deja vu");
	arena_release(&a);
}

Test(wordform, base_form_drops_the_possessive)
{
	char b[64];

	cr_expect_eq(wordform_base(S("Putin\xe2\x80\x99s"), b, sizeof(b)), 5);
	cr_expect_str_eq(b, "Putin");
	wordform_base(S("Jones'"), b, sizeof(b));
	cr_expect_str_eq(b, "Jones");
	wordform_base(S("Paris"), b, sizeof(b));
	cr_expect_str_eq(b, "Paris");
	/* too short to hold a possessive: "'s" alone stays */
	wordform_base(S("'s"), b, sizeof(b));
	cr_expect_str_eq(b, "'s");
}

Test(wordform, possessive_ending_length)
{
	cr_expect_eq(wordform_possessive_len(S("Putin\xe2\x80\x99s")), 4);
	cr_expect_eq(wordform_possessive_len(S("Putin's")), 2);
	cr_expect_eq(wordform_possessive_len(S("Jones'")), 1);
	cr_expect_eq(wordform_possessive_len(S("Jone'")), 0,
		     "an apostrophe after another letter is no possessive");
	cr_expect_eq(wordform_possessive_len(S("Paris")), 0);
}

Test(wordform, accents_stripped)
{
	char out[64];

	cr_expect_eq(wordform_strip_accents(S("caf\xc3\xa9"), out, sizeof(out)),
		     4);
	cr_expect_str_eq(out, "cafe");
	cr_expect_eq(
		wordform_strip_accents(S("na\xc3\xafve"), out, sizeof(out)), 5);
	cr_expect_str_eq(out, "naive");
	cr_expect_eq(wordform_strip_accents(S("cafe"), out, sizeof(out)), 0,
		     "no accents: nothing to say");
}
