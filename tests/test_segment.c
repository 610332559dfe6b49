/*
 * segment: sentences, paragraphs and the tokens editors see.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "text/segment.h"

/* The token whose text is exactly w, or NULL. */
static const struct token *tok(const struct document *doc, const char *w)
{
	size_t n = strlen(w);

	for (uint32_t i = 0; i < doc->n_tokens; i++) {
		const struct token *t = &doc->tokens[i];

		if (token_len(t) == n &&
		    memcmp(doc->text + t->span.start, w, n) == 0)
			return t;
	}
	return NULL;
}

static void expect_token(const char *text, const char *w,
			 enum token_kind kind, unsigned flags)
{
	struct document *doc = segment_str(text);
	const struct token *t = tok(doc, w);

	cr_assert_not_null(t, "'%s' is not one token in '%s'", w, text);
	cr_assert_eq(t->kind, kind, "'%s': kind %d, want %d", w, t->kind,
		     kind);
	cr_assert_eq(t->flags & flags, flags, "'%s': flags %x, want %x", w,
		     t->flags, flags);
	document_free(doc);
}

Test(segment, apostrophes_curly_and_straight)
{
	expect_token("Happy New Year\xE2\x80\x99s Eve.", "Year\xE2\x80\x99s",
		     TOK_WORD, TOKF_CAP | TOKF_APOS);
	expect_token("I don't know.", "don't", TOK_WORD, TOKF_APOS);
	expect_token("We don\xE2\x80\x99t know.", "don\xE2\x80\x99t", TOK_WORD,
		     TOKF_APOS);
}

Test(segment, hyphenated_compounds)
{
	expect_token("He met President-elect Donald Trump.", "President-elect",
		     TOK_WORD, TOKF_HYPHEN | TOKF_CAP);
	expect_token("A 72-hour deadline.", "72-hour", TOK_WORD, TOKF_HYPHEN);
	expect_token("US-Russia relations.", "US-Russia", TOK_WORD,
		     TOKF_HYPHEN);
}

Test(segment, dash_between_spaces_is_punctuation)
{
	struct document *doc = segment_str(
		"He left \xE2\x80\x93 then came back - later.");

	cr_assert_not_null(tok(doc, "\xE2\x80\x93"));
	cr_assert_eq(tok(doc, "\xE2\x80\x93")->kind, TOK_PUNCT);
	cr_assert_eq(tok(doc, "-")->kind, TOK_PUNCT);
	document_free(doc);
}

Test(segment, abbreviations)
{
	expect_token("The U.S. Army said so.", "U.S.", TOK_WORD, TOKF_ABBREV);
	expect_token("He met Mr. Smith.", "Mr.", TOK_WORD, TOKF_ABBREV);
	expect_token("Mr Peskov said so.", "Mr", TOK_WORD, TOKF_CAP);
	expect_token("He met J. Smith.", "J.", TOK_WORD, TOKF_ABBREV);
}

Test(segment, abbreviations_do_not_end_sentences)
{
	struct document *doc = segment_str(
		"He met Mr. Smith at noon. Then he left.");

	cr_assert_eq(doc->n_sentences, 2);
	document_free(doc);
	doc = segment_str("Dr. Jones and Prof. Brown spoke. They agreed.");
	cr_assert_eq(doc->n_sentences, 2);
	document_free(doc);
}

Test(segment, numbers_and_dates)
{
	expect_token("There were 72 of them.", "72", TOK_NUMBER, 0);
	expect_token("On 2016-12-29 it began.", "2016-12-29", TOK_NUMBER, 0);
	expect_token("It cost 1,000.5 dollars.", "1,000.5", TOK_NUMBER, 0);
	expect_token("The 72nd time.", "72nd", TOK_NUMBER, 0);
	expect_token("In the 1990s it grew.", "1990s", TOK_NUMBER, 0);
	expect_token("At 10:30 today.", "10:30", TOK_NUMBER, 0);
}

Test(segment, urls_and_emails_are_one_token)
{
	expect_token("See https://example.com/a-b?c=1&d=2. Then go.",
		     "https://example.com/a-b?c=1&d=2", TOK_URL, 0);
	expect_token("Visit www.bbc.co.uk today.", "www.bbc.co.uk", TOK_URL, 0);
	expect_token("Write to news.desk@example.org now.",
		     "news.desk@example.org", TOK_EMAIL, 0);
}

Test(segment, handles_and_hashtags)
{
	expect_token("Follow @RussianEmbassy now.", "@RussianEmbassy",
		     TOK_HANDLE, 0);
	expect_token("Trending: #Brexit today.", "#Brexit", TOK_HASHTAG, 0);
}

Test(segment, acronyms_flagged_allcaps)
{
	expect_token("The FSB and GRU.", "FSB", TOK_WORD,
		     TOKF_CAP | TOKF_ALLCAPS);
}

Test(segment, curly_quotes_are_punctuation)
{
	struct document *doc = segment_str(
		"He said \xE2\x80\x9Cno\xE2\x80\x9D.");

	cr_assert_eq(tok(doc, "\xE2\x80\x9C")->kind, TOK_PUNCT);
	cr_assert_eq(tok(doc, "\xE2\x80\x9D")->kind, TOK_PUNCT);
	cr_assert_eq(tok(doc, "no")->kind, TOK_WORD);
	document_free(doc);
}

Test(segment, paragraphs_and_line_breaks)
{
	struct document *doc = segment_str(
		"First one. Second one.\n\n\nThird\r\n\r\n"
		"Fourth line\nfifth line");

	cr_assert_eq(doc->n_paragraphs, 3);
	cr_assert_eq(doc->n_sentences, 5);
	cr_assert_eq(doc->sentences[2].paragraph, 1);
	cr_assert_eq(doc->sentences[4].paragraph, 2);
	cr_assert_eq(doc->paragraphs[2].n_sentences, 2);
	document_free(doc);
}

/* ICU joins the indent and a format character after it (a soft hyphen)
 * into one piece: the line break before the indent still counts, and a
 * sentence ending in an abbreviation does not run over the blank line */
Test(segment, line_break_kept_before_indent_and_format_character)
{
	struct document *doc = segment_str(
		"She works for the U.S. \n\n   \xC2\xADpre-war data");
	const struct token *t = tok(doc, "\xC2\xAD");

	cr_assert_not_null(t);
	cr_assert(t->flags & TOKF_LINE_BEFORE, "flags %x", t->flags);
	cr_assert_eq(doc->n_paragraphs, 2);
	cr_assert_eq(doc->n_sentences, 2, "%u sentences", doc->n_sentences);
	for (uint32_t i = 0; i < doc->n_sentences; i++) {
		const struct paragraph *p =
			&doc->paragraphs[doc->sentences[i].paragraph];

		cr_assert(doc->sentences[i].span.start >= p->span.start &&
				  doc->sentences[i].span.end <= p->span.end,
			  "sentence %u [%u, %u) outside its paragraph [%u, %u)",
			  i, doc->sentences[i].span.start,
			  doc->sentences[i].span.end, p->span.start,
			  p->span.end);
	}
	document_free(doc);
}

Test(segment, lone_closing_quote_joins_sentence)
{
	struct document *doc = segment_str(
		"He said \xE2\x80\x9CWe will go. \xE2\x80\x9D "
		"Then he left.");

	cr_assert_eq(doc->n_sentences, 2, "%u sentences", doc->n_sentences);
	document_free(doc);
}

Test(segment, whitespace_flags)
{
	struct document *doc = segment_str("in Moscow .\nNext");
	const struct token *dot = tok(doc, ".");
	const struct token *next = tok(doc, "Next");

	cr_assert(dot->flags & TOKF_SPACE_BEFORE);
	cr_assert(next->flags & TOKF_LINE_BEFORE);
	cr_assert(!(tok(doc, "in")->flags & TOKF_SPACE_BEFORE));
	document_free(doc);
}

Test(segment, every_token_inside_its_sentence)
{
	struct document *doc = segment_str("A b. \xE2\x80\x9C"
					   "C d.\xE2\x80\x9D E f? G!\n\nH.");

	for (uint32_t s = 0; s < doc->n_sentences; s++) {
		const struct sentence *se = &doc->sentences[s];

		for (uint32_t k = 0; k < se->n_tokens; k++) {
			const struct token *t = &doc->tokens[se->first_token + k];

			cr_assert(t->span.start >= se->span.start &&
				  t->span.end <= se->span.end);
		}
		if (s)
			cr_assert_eq(se->first_token,
				     doc->sentences[s - 1].first_token +
					     doc->sentences[s - 1].n_tokens);
	}
	document_free(doc);
}

Test(segment, empty_and_whitespace_documents)
{
	struct document *doc = segment_str("");

	cr_assert_eq(doc->n_tokens, 0);
	cr_assert_eq(doc->n_sentences, 0);
	document_free(doc);
	doc = segment_str(" \n\n\t \n");
	cr_assert_eq(doc->n_tokens, 0);
	cr_assert_eq(doc->n_paragraphs, 0);
	document_free(doc);
}

Test(segment, sentence_at)
{
	struct document *doc = segment_str("One two. Three four.");

	cr_assert_eq(document_sentence_at(doc, 0), 0);
	cr_assert_eq(document_sentence_at(doc, 10), 1);
	cr_assert_eq(document_sentence_at(doc, 8), UINT32_MAX); /* the space */
	/* the first sentence ending after an offset: the blank after
	 * sentence 0 belongs to the search from sentence 1 */
	cr_expect_eq(document_sentence_after(doc, 0, 2, 0), 0);
	cr_expect_eq(document_sentence_after(doc, 0, 2, 8), 1);
	cr_expect_eq(document_sentence_after(doc, 0, 2, 19), 1);
	cr_expect_eq(document_sentence_after(doc, 0, 2, 20), 2);
	cr_expect_eq(document_sentence_after(doc, 1, 2, 0), 1);
	document_free(doc);
}

Test(segment, hard_wrapped_lines_continue_a_sentence)
{
	struct document *doc = segment_str(
		"The staff of the\nlibrary left. Then\nthey ate.\n");

	cr_assert_eq(doc->n_sentences, 4, "%u sentences", doc->n_sentences);
	cr_expect(document_starts_sentence(doc, &doc->sentences[0]));
	cr_expect(!document_starts_sentence(doc, &doc->sentences[1]),
		  "a line after 'of the' continues it");
	cr_expect(document_starts_sentence(doc, &doc->sentences[2]),
		  "'Then' follows a full stop");
	cr_expect(!document_starts_sentence(doc, &doc->sentences[3]));
	document_free(doc);
}
