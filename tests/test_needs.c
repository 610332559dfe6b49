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

Test(needs, finds_the_first_of_several_texts_in_one_pass)
{
	static const char *texts[] = { " ,", "\xE2\x80\x9D", "--" };
	struct needles nd;
	const char *s = "a -- b \xE2\x80\x9D c , d";

	init(&nd, texts, 3);
	cr_expect_eq(needles_find(&nd, s, strlen(s), 0), 2);
	cr_expect_eq(needles_find(&nd, s, strlen(s), 3), 7);
	cr_expect_eq(needles_find(&nd, s, strlen(s), 8), 12);
	cr_expect_eq(needles_find(&nd, s, strlen(s), 13), strlen(s));
	/* a text cut by the end of the range is not there */
	cr_expect_eq(needles_find(&nd, "ab -", 4, 0), 4);
	arena_release(&arena);
}

Test(needs, one_text_and_no_text)
{
	static const char *one[] = { "  " };
	struct needles nd;

	init(&nd, one, 1);
	cr_expect_eq(needles_find(&nd, "a b  c", 6, 0), 3);
	cr_expect_eq(needles_find(&nd, "a b c", 5, 0), 5);
	arena_release(&arena);
}

static struct document *seg(const char *s)
{
	struct document *doc = load_str(s);
	struct mt_error err = { 0 };

	cr_assert_eq(checker_segment(test_checker(), doc, &err), MT_ERR_OK,
		     "%s", err.msg);
	return doc;
}

Test(needs, windows_are_the_sentences_holding_a_text)
{
	static const char *hyphen[] = { "-" };
	struct needles nd;
	/* sentences: 0 "One.", 1 "A well-known two.", 2 "Three.",
	 * 3 "Four-fold." */
	const char *text = "One. A well-known two. Three. Four-fold.";
	struct document *doc = seg(text);
	struct span *win = NULL;
	size_t alloc = 0, n;

	init(&nd, hyphen, 1);
	cr_assert_eq(doc->n_paragraphs, 1);
	n = needles_windows(&nd, 1, doc, &doc->paragraphs[0], &win, &alloc);
	cr_assert_eq(n, 2, "%zu windows", n);
	/* from the end of the sentence before to the start of the next */
	cr_expect_eq(win[0].start, 4);
	cr_expect_eq(win[0].end, 23);
	cr_expect_eq(win[1].start, 29);
	cr_expect_eq(win[1].end, (uint32_t)strlen(text));
	/* without within: sentence, the whole paragraph */
	n = needles_windows(&nd, 0, doc, &doc->paragraphs[0], &win, &alloc);
	cr_assert_eq(n, 1);
	cr_expect_eq(win[0].end, (uint32_t)strlen(text));
	free(win);
	document_free(doc);
	arena_release(&arena);
}

Test(needs, nothing_held_is_no_window_and_nothing_needed_is_all)
{
	static const char *dash[] = { "\xE2\x80\x94" };
	struct needles nd, none;
	struct document *doc = seg("No dash here. None at all.");
	struct span *win = NULL;
	size_t alloc = 0;

	init(&nd, dash, 1);
	init(&none, NULL, 0);
	cr_expect_eq(needles_windows(&nd, 1, doc, &doc->paragraphs[0], &win,
				     &alloc),
		     0);
	cr_expect_eq(needles_windows(&nd, 0, doc, &doc->paragraphs[0], &win,
				     &alloc),
		     0);
	cr_expect_eq(needles_windows(&none, 1, doc, &doc->paragraphs[0], &win,
				     &alloc),
		     1);
	free(win);
	document_free(doc);
	arena_release(&arena);
}
