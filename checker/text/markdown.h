/*
 * markdown: check only the prose of a Markdown document.
 *
 * markdown_prose() parses doc->text with cmark (CommonMark, source
 * positions on) and returns a copy of it in which everything that is not
 * prose is replaced by spaces, byte for byte: code spans and code blocks,
 * raw HTML (comments included), link and image destinations, autolinks,
 * images, markup characters (#, *, _, >, list markers, backslashes...), and
 * YAML/TOML front matter (`---` or `+++` fences at the very start).  Line
 * ends are kept, so offsets, lines and paragraph breaks are unchanged and
 * every finding on the copy points at the right place of the original.
 *
 * markdown_parse() also says where the raw HTML is (HTML blocks and inline
 * HTML, as cmark parsed them): only an HTML comment there is a real
 * comment.  `<!-- ... -->` written inside a code span or a code block is
 * text the article shows, so suppress_scan() must not read it as a
 * directive.
 *
 * The only file that includes cmark.h.
 */
#ifndef MT_MARKDOWN_H
#define MT_MARKDOWN_H

#include "text/document.h"

/* What markdown_parse() found; everything lives in doc's arena. */
struct markdown {
	const char *prose;	 /* the masked copy */
	const struct span *html; /* raw HTML, sorted, not overlapping */
	size_t n_html;
};

/*
 * Parse doc->text: `prose` is the masked copy described above,
 * NUL-terminated, doc->len bytes; `html` the byte ranges of doc->text that
 * are raw HTML (each inline HTML literal exactly; each HTML block from its
 * first to its last line).  All in doc's arena (valid until
 * document_free()).  doc->text itself is never modified.
 */
void markdown_parse(struct document *doc, struct markdown *out);

/* markdown_parse()'s prose alone. */
const char *markdown_prose(struct document *doc);

#endif /* MT_MARKDOWN_H */
