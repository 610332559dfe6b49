/*
 * quoted: the quoted speech of a paragraph, as rules with
 * `outside-quotes: true` see it (engine/quoted.h).
 */
#include <criterion/criterion.h>
#include <string.h>

#include "engine/quoted.h"
#include "helpers.h"
#include "text/segment.h"

/* Is the first occurrence of `word` in doc's text inside quoted speech? */
static int word_quoted(struct quoted *q, const struct document *doc,
		       const char *word)
{
	const char *at = strstr(doc->text, word);

	cr_assert(at, "'%s' not in the text", word);
	return quoted_at(q, (uint32_t)(at - doc->text));
}

Test(quoted, curly_quotes_closed_and_unclosed)
{
	struct document *doc = segment_str(
		"“Yes,” she said. Alpha left.\n\n"
		"He shrugged. “Beta stayed. Gamma too.\n\n"
		"Delta ran.\n");
	struct quoted q = { 0 };

	quoted_reset(&q, doc);
	cr_expect(word_quoted(&q, doc, "Yes"));
	cr_expect(!word_quoted(&q, doc, "she"));
	cr_expect(!word_quoted(&q, doc, "Alpha"));
	cr_expect(!word_quoted(&q, doc, "He"));
	/* unclosed: to the end of its paragraph, not beyond */
	cr_expect(word_quoted(&q, doc, "Beta"));
	cr_expect(word_quoted(&q, doc, "Gamma"));
	cr_expect(!word_quoted(&q, doc, "Delta"));
	quoted_release(&q);
	document_free(doc);
}

Test(quoted, straight_quotes_pair_by_position)
{
	struct document *doc = segment_str(
		"\"Yes,\" she said. Alpha left. \"Beta,\" he said.\n");
	struct quoted q = { 0 };

	quoted_reset(&q, doc);
	cr_expect(word_quoted(&q, doc, "Yes"));
	/* the closing mark closes: what follows it is no speech */
	cr_expect(!word_quoted(&q, doc, "Alpha"));
	cr_expect(word_quoted(&q, doc, "Beta"));
	cr_expect(!word_quoted(&q, doc, "he said"));
	quoted_release(&q);
	document_free(doc);
}

Test(quoted, lone_closing_mark_covers_what_came_before)
{
	struct document *doc = segment_str("Alpha went home,” Beta said.\n");
	struct quoted q = { 0 };

	quoted_reset(&q, doc);
	cr_expect(word_quoted(&q, doc, "Alpha"));
	cr_expect(!word_quoted(&q, doc, "Beta"));
	quoted_release(&q);
	document_free(doc);
}

Test(quoted, single_marks_in_pairs_apostrophes_not)
{
	struct document *doc = segment_str(
		"‘Alpha left,’ she said. The boys’ Beta stayed.\n");
	struct quoted q = { 0 };

	quoted_reset(&q, doc);
	cr_expect(word_quoted(&q, doc, "Alpha"));
	cr_expect(!word_quoted(&q, doc, "Beta"));
	quoted_release(&q);
	document_free(doc);
}

Test(quoted, a_paragraph_opening_with_a_dash_is_dialogue)
{
	struct document *doc = segment_str("— Alpha left. Beta stayed.\n\n"
					   "Gamma — a dash inside — ran.\n");
	struct quoted q = { 0 };

	quoted_reset(&q, doc);
	cr_expect(word_quoted(&q, doc, "Alpha"));
	cr_expect(word_quoted(&q, doc, "Beta"));
	cr_expect(!word_quoted(&q, doc, "Gamma"));
	cr_expect(!word_quoted(&q, doc, "ran"));
	quoted_release(&q);
	document_free(doc);
}

/* A reset forgets the last document; paragraphs are asked in any order. */
Test(quoted, reset_for_another_document)
{
	struct document *a = segment_str("Alpha.\n\n“Beta.\n");
	struct document *b = segment_str("“Gamma.\n\nDelta.\n\n“Eps.\n");
	struct quoted q = { 0 };

	quoted_reset(&q, a);
	cr_expect(word_quoted(&q, a, "Beta"));
	cr_expect(!word_quoted(&q, a, "Alpha"));
	quoted_reset(&q, b);
	cr_expect(word_quoted(&q, b, "Eps"));
	cr_expect(!word_quoted(&q, b, "Delta"));
	cr_expect(word_quoted(&q, b, "Gamma"));
	cr_expect(!quoted_at(&q, (uint32_t)b->len + 10));
	quoted_release(&q);
	document_free(a);
	document_free(b);
}
