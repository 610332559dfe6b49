/*
 * lsp: a Language Server (LSP 3.17 over stdio) giving live diagnostics and
 * quick-fixes in editors.
 *
 * Framing: "Content-Length: N\r\n\r\n" then N bytes of JSON-RPC 2.0.  The
 * server keeps one checked document per open URI, replaced whole on every
 * change (full text sync), checks it through the session -- the same run
 * as `mtlint check`: the `.mtlint.yml` found from the document's path (the
 * workspace root for unsaved buffers), its references, suppressions,
 * Markdown -- and publishes textDocument/publishDiagnostics with UTF-16
 * ranges.  languageId "markdown" reads a buffer as Markdown whatever its
 * name.  Quick-fixes (textDocument/codeAction) come from the diagnostics'
 * suggestions.
 *
 * Methods are rows of a table in lsp.c; adding one: write the handler, add
 * its row (requests answer, notifications do not), test it in
 * tests/test_lsp.c.
 *
 * Malformed input never ends the server except when the stream itself is
 * broken: a bad header or body size ends it with an error on stderr
 * (framing cannot be recovered); invalid JSON or a bad request gets a
 * JSON-RPC error response and the server goes on.  Messages are limited to
 * LSP_MAX_MESSAGE bytes.
 *
 * initializationOptions (all optional):
 *   {"reference": "path/to/reference.txt"}   (for every document, over
 *                                              the configuration's mapping)
 */
#ifndef MT_LSP_H
#define MT_LSP_H

#include <stdio.h>

#include "run/session.h"

#define LSP_MAX_MESSAGE (64u * 1024 * 1024)

/*
 * Serve until "exit" or end of input.  Returns the process exit status:
 * 0 after shutdown + exit, 1 on exit without shutdown, end of input or a
 * broken stream.  The session is borrowed; slot 0 is used.
 */
int lsp_serve(struct session *s, FILE *in, FILE *out);

#endif /* MT_LSP_H */
