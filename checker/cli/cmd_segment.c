/*
 * cmd_segment: `mtlint segment FILE` shows paragraphs, sentences and
 * tokens, one token a line with its kind and flags -- what every check
 * sees.  For rule authors and bug reports.
 */
#include "cli/commands.h"

#include <stdio.h>

#include "cli/cli.h"
#include "text/segment.h"

static const char *const kind_names[] = { "?",	 "word",  "number",
					  "punct", "symbol", "url",
					  "email", "handle", "hashtag" };

static void print_sentence(const struct document *doc, uint32_t i)
{
	const struct sentence *s = &doc->sentences[i];
	struct doc_pos p = document_position(doc, s->span.start, 0);

	printf("sentence %u (paragraph %u, %u:%u): %.*s\n", i + 1,
	       s->paragraph + 1, p.line, p.column,
	       (int)(s->span.end - s->span.start), doc->text + s->span.start);
	for (uint32_t k = 0; k < s->n_tokens; k++) {
		const struct token *t = &doc->tokens[s->first_token + k];

		printf("  %-8s %-24.*s%s%s%s%s%s\n",
		       t->kind < ARRAY_SIZE(kind_names) ? kind_names[t->kind]
							: "?",
		       (int)token_len(t), doc->text + t->span.start,
		       t->flags & TOKF_CAP ? " cap" : "",
		       t->flags & TOKF_ALLCAPS ? " allcaps" : "",
		       t->flags & TOKF_HYPHEN ? " hyphen" : "",
		       t->flags & TOKF_ABBREV ? " abbrev" : "",
		       t->flags & TOKF_APOS ? " apos" : "");
	}
}

int cmd_segment(struct cli_opts *o)
{
	struct checker_options co = cli_checker_options(o);
	struct checker *checker = NULL;
	struct document *doc = NULL;
	struct mt_error err = { 0 };
	int rc = CLI_EXIT_ERROR;

	if (o->files.n != 1)
		return cli_bad_usage("%s", "segment takes one file");
	if (checker_new(&co, &checker, &err) != MT_ERR_OK ||
	    document_load_file(o->files.v[0], &o->so.dopts, &doc, &err) !=
		    MT_ERR_OK ||
	    checker_segment(checker, doc, &err) != MT_ERR_OK) {
		fprintf(stderr, "mtlint: error: %s\n", err.msg);
		goto out;
	}
	for (uint32_t i = 0; i < doc->n_sentences; i++)
		print_sentence(doc, i);
	rc = CLI_EXIT_CLEAN;
out:
	document_free(doc);
	checker_free(checker);
	return rc;
}
