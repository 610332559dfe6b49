/*
 * lsp: a Language Server (LSP 3.17 over stdio) giving live diagnostics and
 * quick-fixes in editors.
 *
 * Framing: "Content-Length: N\r\n\r\n" then N bytes of JSON-RPC 2.0.  The
 * server keeps one struct document per open URI, replaced whole on every
 * change (full text sync), checks it with the shared checker and publishes
 * textDocument/publishDiagnostics with UTF-16 ranges.  Quick-fixes
 * (textDocument/codeAction) come from the diagnostics' suggestions.
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
 *   {"reference": "path/to/reference.txt"}
 */
#ifndef MT_LSP_H
#define MT_LSP_H

#include <stdio.h>

#include "run/checker.h"

#define LSP_MAX_MESSAGE (64u * 1024 * 1024)

/*
 * Serve until "exit" or end of input.  Returns the process exit status:
 * 0 after shutdown + exit, 1 on exit without shutdown, end of input or a
 * broken stream.  The checker is borrowed.
 */
int lsp_serve(struct checker *c, FILE *in, FILE *out);

#endif /* MT_LSP_H */
