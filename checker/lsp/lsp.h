/*
 * lsp: a Language Server (LSP 3.17 over stdio) giving the editor what
 * `mtlint check` gives CI, with the editor's actions on top.
 *
 * Every open document is checked through a session (run/session.h) -- the
 * same run as `mtlint check`: the `.mtlint.yml` found from the document's
 * path (the workspace root for an unsaved buffer), its rules, word lists,
 * `language:` and `references:`, suppressions and Markdown -- so the same
 * file gives the same findings in the editor and in CI.  languageId
 * "markdown" reads a buffer as Markdown whatever its name.
 *
 * Keystrokes: text arrives as incremental changes (TextDocumentSyncKind
 * Incremental) applied to the server's copy.  A burst of changes already
 * waiting on the input is applied before anything is checked, so only the
 * last text is checked (debouncing without a timer), and a check that a
 * newer edit made stale is never started.  The checker caches what does
 * not change between checks (parses per sentence, suggestions per word).
 * After an edit the server publishes twice: at once from a quick check
 * (checker_check_quick(): the sentences parsed before, not the edited
 * ones), then from the full check when the input is still quiet, if that
 * reports something else; the last word is always the full check's.
 * Diagnostics are pushed (textDocument/publishDiagnostics) unless the
 * client pulls them (textDocument/diagnostic, answered in order, with
 * "unchanged" for the same result).  Checking a long document reports
 * work-done progress when the client supports it.
 *
 * Actions (textDocument/codeAction, workspace/executeCommand):
 *   - replace the flagged text with a suggestion ("Remove '...'" for a
 *     deletion); the safe fix is preferred;
 *   - add the word to the project's accept list (spelling rules), switch
 *     the rule off in `.mtlint.yml` (run/project.h; the files are written
 *     by the server, then every open document is checked again);
 *   - ignore here: an `mtlint-disable-next-line RULE` comment above the
 *     line (in Markdown, an `mtlint-disable-line RULE` comment at the end
 *     of a line inside a paragraph, where a comment line would split it);
 *   - apply every safe fix of the document (kind source.fixAll): the
 *     edits --fix would write, pass after pass (run/fix.h), worked out
 *     once per check of the document, when first asked for.
 * Hover on a finding explains its rule; each diagnostic's
 * codeDescription.href links the rule's page (rule_info.url).
 *
 * Settings, in initializationOptions or workspace/didChangeConfiguration
 * (`{"mtlint": {...}}` or the keys alone; all optional; they win over the
 * command line's):
 *   reference (string), language (string), config (string),
 *   noConfig (bool), enable, disable, words, reject (arrays of strings),
 *   grammarParser (bool), reportUnusedDisables (bool).
 * workspace/didChangeWatchedFiles for a `.mtlint.yml` or a word list of
 * an open document's profile reloads the configuration and checks every
 * open document again; the server registers for those files when the
 * client allows dynamic registration.
 *
 * Malformed input never ends the server except when the stream itself is
 * broken (see rpc.h): invalid JSON or a bad request gets a JSON-RPC error
 * response and the server goes on.  Limits (util/limits.h): a message is
 * at most LSP_MAX_MESSAGE bytes (over it ends the server) and 32 header
 * lines; a document over MT_LIMIT_LSP_DOCUMENT bytes is not checked (the
 * editor is told why); at most LSP_MAX_DIAGNOSTICS diagnostics or code
 * actions are sent for a document, an info diagnostic saying how many more
 * there were.  A second `initialize` is refused, as is any request after
 * `shutdown`.
 *
 * Methods are rows of a table in lsp.c; adding one: write the handler,
 * add its row (requests answer, notifications do not), test it in
 * tests/test_lsp.c.
 */
#ifndef MT_LSP_H
#define MT_LSP_H

#include <stdio.h>

#include "run/session.h"
#include "util/limits.h"

#define LSP_MAX_MESSAGE MT_LIMIT_LSP_MESSAGE
#define LSP_MAX_DIAGNOSTICS 1000

/* Documents from this size on report progress while they are checked. */
#define LSP_PROGRESS_BYTES (64u * 1024)

/*
 * Serve until "exit" or end of input, checking with sessions opened from
 * `o` (the command line's settings; the client's settings are laid over
 * them; the strings are borrowed).  `s` (may be NULL) is a session already
 * opened with `o`, borrowed and used until the client's settings ask for
 * another (a fuzzer or a test keeps its checkers warm that way).  Returns
 * the process exit status: 0 after shutdown + exit, 1 on exit without
 * shutdown, end of input or a broken stream.
 */
int lsp_serve(const struct session_options *o, struct session *s, FILE *in,
	      FILE *out);

#endif /* MT_LSP_H */
