/*
 * needs: the texts a character-level rule needs, and the windows of a
 * paragraph where it searches.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "engine/needs.h"
#include "util/arena.h"

static struct arena arena = ARENA_INIT;

static void init(struct needles *nd, const char **texts, size_t n)
{
	needles_init(nd, texts, n, &arena);
}

Test(needs, windows_are_the_sentences_holding_a_text)
{
	static const char *hyphen[] = { "-" };
	struct needles nd;
	/* sentences: 0 "One.", 1 "A well-known two.", 2 "Three.",
	 * 3 "Four-fold." */
	const char *text = "One. A well-known two. Three. Four-fold.";
	struct document *doc = segment_str(text);
	struct span *win = NULL;
	size_t alloc = 0, n;

	init(&nd, hyphen, 1);
	cr_assert_eq(doc->n_paragraphs, 1);
	n = needles_windows(&nd, WITHIN_SENTENCE, doc, &doc->paragraphs[0],
			    &win, &alloc);
	cr_assert_eq(n, 2, "%zu windows", n);
	/* from the end of the sentence before to the start of the next */
	cr_expect_eq(win[0].start, 4);
	cr_expect_eq(win[0].end, 23);
	cr_expect_eq(win[1].start, 29);
	cr_expect_eq(win[1].end, (uint32_t)strlen(text));
	/* without within: sentence, the whole paragraph */
	n = needles_windows(&nd, WITHIN_PARAGRAPH, doc, &doc->paragraphs[0],
			    &win, &alloc);
	cr_assert_eq(n, 1);
	cr_expect_eq(win[0].end, (uint32_t)strlen(text));
	free(win);
	document_free(doc);
	arena_release(&arena);
}

Test(needs, word_windows_are_the_runs_of_non_blanks_holding_a_text)
{
	static const char *hyphen[] = { "-" };
	struct needles nd;
	/* runs: "A" "well-known" "two." "Three" "(x-ray)-like" "lines" */
	const char *text = "A well-known two. Three (x-ray)-like\tlines-";
	struct document *doc = segment_str(text);
	struct span *win = NULL;
	size_t alloc = 0, n;

	init(&nd, hyphen, 1);
	n = needles_windows(&nd, WITHIN_WORD, doc, &doc->paragraphs[0], &win,
			    &alloc);
	cr_assert_eq(n, 3, "%zu windows", n);
	cr_expect_eq(win[0].start, 2);
	cr_expect_eq(win[0].end, 12);
	/* two hyphens in one run: one window */
	cr_expect_eq(win[1].start, 24);
	cr_expect_eq(win[1].end, 36);
	cr_expect_eq(win[2].start, 37);
	cr_expect_eq(win[2].end, (uint32_t)strlen(text));
	cr_expect(needs_blank('\t') && needs_blank('\n') && !needs_blank('-'));
	free(win);
	document_free(doc);
	arena_release(&arena);
}

Test(needs, any_of_several_texts_and_none_cut_by_the_end)
{
	static const char *texts[] = { " ,", "\xE2\x80\x9D", "--" };
	struct needles nd;
	struct span *win = NULL;
	size_t alloc = 0;
	struct document *one = segment_str("One. Two -- three. Four.");
	struct document *two = segment_str("One , two. Three.");
	struct document *cut = segment_str("No dash at all -");

	init(&nd, texts, 3);
	cr_expect_eq(needles_windows(&nd, WITHIN_SENTENCE, one,
				     &one->paragraphs[0], &win, &alloc),
		     1);
	cr_expect_eq(win[0].start, 4);
	cr_expect_eq(win[0].end, 19);
	cr_expect_eq(needles_windows(&nd, WITHIN_SENTENCE, two,
				     &two->paragraphs[0], &win, &alloc),
		     1);
	cr_expect_eq(win[0].start, 0);
	/* "-" is the start of "--" but the paragraph ends there */
	cr_expect_eq(needles_windows(&nd, WITHIN_PARAGRAPH, cut,
				     &cut->paragraphs[0], &win, &alloc),
		     0);
	free(win);
	document_free(one);
	document_free(two);
	document_free(cut);
	arena_release(&arena);
}

Test(needs, nothing_held_is_no_window_and_nothing_needed_is_all)
{
	static const char *dash[] = { "\xE2\x80\x94" };
	struct needles nd, none;
	struct document *doc = segment_str("No dash here. None at all.");
	struct span *win = NULL;
	size_t alloc = 0;

	init(&nd, dash, 1);
	init(&none, NULL, 0);
	cr_expect_eq(needles_windows(&nd, WITHIN_SENTENCE, doc,
				     &doc->paragraphs[0], &win, &alloc),
		     0);
	cr_expect_eq(needles_windows(&nd, WITHIN_PARAGRAPH, doc,
				     &doc->paragraphs[0], &win, &alloc),
		     0);
	cr_expect_eq(needles_windows(&none, WITHIN_SENTENCE, doc,
				     &doc->paragraphs[0], &win, &alloc),
		     1);
	free(win);
	document_free(doc);
	arena_release(&arena);
}

Test(needs, held_is_any_text_anywhere_and_nothing_needed_is_held)
{
	static const char *curly[] = { "\xe2\x80\x9c", "\xe2\x80\x9d" };
	struct needles nd, none;
	const char *mixed =
		"He said \"no\".\n\nShe said \xe2\x80\x9cyes\xe2\x80\x9d.";
	const char *straight = "He said \"no\".\n\nShe said \"yes\".";

	init(&nd, curly, 2);
	init(&none, NULL, 0);
	cr_expect(needles_held(&nd, mixed, strlen(mixed)));
	/* the closing quote alone, in the last bytes */
	cr_expect(needles_held(&nd, mixed + 28, strlen(mixed + 28)));
	cr_expect(!needles_held(&nd, straight, strlen(straight)));
	/* a text cut by the end of the range is not held */
	cr_expect(!needles_held(&nd, mixed + 30, 2));
	cr_expect(needles_held(&none, straight, strlen(straight)));
	cr_expect(needles_held(&none, "", 0));
	arena_release(&arena);
}
