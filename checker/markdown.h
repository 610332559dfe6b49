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
 * The only file that includes cmark.h.
 */
#ifndef MT_MARKDOWN_H
#define MT_MARKDOWN_H

#include "document.h"

/* Does the path name a Markdown file (.md, .markdown, .mdown, .mkd,
 * .mkdn, any case)? */
int markdown_path(const char *path);

/*
 * The masked copy of doc->text described above, NUL-terminated, doc->len
 * bytes, in doc's arena (valid until document_free()).  doc->text itself is
 * never modified.
 */
const char *markdown_prose(struct document *doc);

#endif /* MT_MARKDOWN_H */
