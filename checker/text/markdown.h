/*
 * markdown: check only the prose of a Markdown document.
 *
 * markdown_prose() parses doc->text as GitHub-flavoured Markdown with
 * cmark-gfm (CommonMark plus tables, strikethrough, task lists and
 * autolinks; source positions on) and returns a copy of it in which
 * everything that is not prose is replaced by spaces, byte for byte: code
 * blocks, raw HTML (comments included), link and image destinations,
 * autolinks (<https://...>, and bare www. and https:// links), images,
 * markup characters (#, *, _, ~~, >, |, list markers, task boxes,
 * backslashes...), and YAML/TOML front matter (`---` or `+++` fences at
 * the very start).  Table cells and struck-through text are prose.  Line
 * ends are kept, so offsets, lines and paragraph breaks are unchanged and
 * every finding on the copy points at the right place of the original.
 *
 * An inline code span is not blanked but replaced by a neutral placeholder
 * word, MARKDOWN_PLACEHOLDER, at the end of its bytes (backticks
 * included; the rest blank), so a sentence around it still parses: "Run
 * `make test` now." reads "Run      Zed now.".  The placeholders' spans are
 * listed: a finding on or next to one is about the placeholder, not the
 * article (checker.c drops it).
 *
 * markdown_parse() also says where the raw HTML is (HTML blocks and inline
 * HTML, as cmark parsed them): only an HTML comment there is a real
 * comment.  `<!-- ... -->` written inside a code span or a code block is
 * text the article shows, so suppress_scan() must not read it as a
 * directive.
 *
 * The only file that includes cmark-gfm's headers.
 */
#ifndef MT_MARKDOWN_H
#define MT_MARKDOWN_H

#include "text/document.h"

/* A word every parser and dictionary take as a name, three bytes long:
 * the shortest code span (`x`) holds it; after "an", one that starts with
 * a vowel, as link-grammar wants ("an `apt` call"). */
#define MARKDOWN_PLACEHOLDER "Zed"
#define MARKDOWN_PLACEHOLDER_AN "Eve"

/* What markdown_parse() found; everything lives in doc's arena. */
struct markdown {
	const char *prose;	 /* the masked copy */
	const struct span *html; /* raw HTML, sorted, not overlapping */
	size_t n_html;
	const struct span *placeholders; /* in prose, sorted */
	size_t n_placeholders;
};

/*
 * Parse doc->text: `prose` is the masked copy described above,
 * NUL-terminated, doc->len bytes; `html` the byte ranges of doc->text that
 * are raw HTML (each inline HTML literal exactly; each HTML block from its
 * first to its last line); `placeholders` where the placeholders stand.
 * All in doc's arena (valid until document_free()).  doc->text itself is
 * never modified.  Thread-safe.
 */
void markdown_parse(struct document *doc, struct markdown *out);

/* markdown_parse()'s prose alone. */
const char *markdown_prose(struct document *doc);

#endif /* MT_MARKDOWN_H */
