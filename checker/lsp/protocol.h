/*
 * protocol: conversions between the Language Server Protocol and mtlint.
 *
 * Positions: the protocol counts 0-based lines and UTF-16 code units;
 * mtlint counts bytes of a document's text (document.h maps them back to
 * the user's original text, which is what the editor holds).  Line ends
 * are LF, CRLF or CR, as both count them.
 *
 * Ownership: functions returning json_t give a new reference; strings
 * returned are new (free()).
 */
#ifndef MT_LSP_PROTOCOL_H
#define MT_LSP_PROTOCOL_H

#include <stdint.h>

#include <jansson.h>

#include "check/diag.h"
#include "run/checker.h"
#include "text/document.h"
#include "util/buf.h"

/*
 * The file a URI names: "file:///a/b%20c.md" -> "/a/b c.md".  A buffer
 * that is not a file ("untitled:Untitled-1") lives, for the configuration
 * and references, in `root` (the workspace's directory; NULL: the working
 * one): "root/Untitled-1".
 */
char *lsp_uri_to_path(const char *root, const char *uri);

/*
 * Apply one entry of didChange's contentChanges to the editor's text `t`:
 * with a range, replace it (positions clamped to the line's end and to the
 * text); without, the whole text.  Returns -1 when the entry is malformed
 * (nothing changed).
 */
int lsp_apply_change(struct buf *t, json_t *change);

/* An LSP range for a span of doc's text. */
json_t *lsp_range(const struct document *doc, struct span sp);

/* The text offset of an LSP position object ({line, character}) in doc. */
uint32_t lsp_doc_offset(const struct document *doc, json_t *pos);

/*
 * The Diagnostic for a finding: range, severity, code (the rule id),
 * codeDescription.href (the rule's page, when the checker that found it is
 * given), source "mtlint", message, data {category, suggestions}, and the
 * reference passage as relatedInformation.
 */
json_t *lsp_diagnostic(const struct document *doc, const struct diag *d,
		       const struct checker *c);

/* The string at params.textDocument.uri, or NULL. */
const char *lsp_param_uri(json_t *params);

#endif /* MT_LSP_PROTOCOL_H */
