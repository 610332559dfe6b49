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

/* In text, each word of `in` is inside quoted speech and each of `out`
 * is not (NULL-terminated lists; the first occurrence of each). */
static void expect_speech(const char *text, const char *const *in,
			  const char *const *out)
{
	struct document *doc = segment_str(text);
	struct quoted q = { 0 };

	quoted_reset(&q, doc);
	for (; *in; in++)
		cr_expect(word_quoted(&q, doc, *in), "'%s' is quoted in: %s",
			  *in, text);
	for (; *out; out++)
		cr_expect(!word_quoted(&q, doc, *out),
			  "'%s' is not quoted in: %s", *out, text);
	quoted_release(&q);
	document_free(doc);
}

#define WORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* An unclosed quote runs to the end of its paragraph, not beyond. */
Test(quoted, curly_quotes_closed_and_unclosed)
{
	expect_speech("“Yes,” she said. Alpha left.\n\n"
		      "He shrugged. “Beta stayed. Gamma too.\n\n"
		      "Delta ran.\n",
		      WORDS("Yes", "Beta", "Gamma"),
		      WORDS("she", "Alpha", "He", "Delta"));
}

/* A straight closing mark closes: what follows it is no speech. */
Test(quoted, straight_quotes_pair_by_position)
{
	expect_speech("\"Yes,\" she said. Alpha left. \"Beta,\" he said.\n",
		      WORDS("Yes", "Beta"), WORDS("Alpha", "he said"));
}

Test(quoted, lone_closing_mark_covers_what_came_before)
{
	expect_speech("Alpha went home,” Beta said.\n", WORDS("Alpha"),
		      WORDS("Beta"));
}

Test(quoted, single_marks_in_pairs_apostrophes_not)
{
	expect_speech("‘Alpha left,’ she said. The boys’ Beta stayed.\n",
		      WORDS("Alpha"), WORDS("Beta"));
}

Test(quoted, a_paragraph_opening_with_a_dash_is_dialogue)
{
	expect_speech("— Alpha left. Beta stayed.\n\n"
		      "Gamma — a dash inside — ran.\n",
		      WORDS("Alpha", "Beta"), WORDS("Gamma", "ran"));
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
