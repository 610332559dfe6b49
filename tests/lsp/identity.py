#!/usr/bin/env python3
"""CLI/editor identity: for every case in fixtures/identity/, the document
checked by `mtlint check --format json` and by `mtlint lsp` (driven over
stdio, the document opened from memory as an editor does) gives identical
diagnostics -- rule, range, severity, message, suggestions -- and the
quick fixes of the LSP are exactly the suggestions.  Each case's
`.mtlint.yml` must also matter: checked without it (--no-config), the CLI
reports something else, so the identity is not the trivial one.

usage: identity.py MTLINT [CASE_DIR...]
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402


def fail(case, what, cli, lsp):
    print("identity %s: %s" % (case, what))
    print("  mtlint check:")
    for d in cli:
        print("    " + json.dumps(d, ensure_ascii=False))
    print("  mtlint lsp:")
    for d in lsp:
        print("    " + json.dumps(d, ensure_ascii=False))
    return 1


def quick_fixes(server, uri, n_lines):
    """Every replacement the quick fixes offer over the whole document, as
    (range, newText) pairs."""
    actions = server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": n_lines, "character": 0}},
        "context": {"diagnostics": [], "only": ["quickfix"]}})
    edits = []
    for a in actions or []:
        if not a["title"].startswith(("Replace with ", "Remove ")):
            continue
        for e in a.get("edit", {}).get("changes", {}).get(uri, []):
            edits.append((json.dumps(e["range"], sort_keys=True),
                          e["newText"]))
    return sorted(edits)


def check_case(mtlint, case):
    with open(os.path.join(case, "document")) as f:
        rel, language = f.read().split()
    path = os.path.join(case, rel)
    name = os.path.basename(os.path.normpath(case))
    cli = lspclient.expected_from_cli(mtlint, rel, cwd=case)
    bare = lspclient.expected_from_cli(mtlint, rel, ["--no-config"],
                                       cwd=case)
    if cli == bare:
        return fail(name, "the .mtlint.yml changes nothing", cli, bare)
    if not cli:
        return fail(name, "no findings to compare", cli, [])
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # the server runs elsewhere, as an editor starts it: only the
    # document's path leads it to the configuration
    server = lspclient.Server(mtlint, cwd="/")
    server.initialize(os.path.abspath(case))
    uri = lspclient.file_uri(path)
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": 1, "text": text}})
    first = server.wait_notification("textDocument/publishDiagnostics",
                                     uri)["diagnostics"]
    final = server.settled(uri)
    lsp = lspclient.from_lsp(final if final is not None else first)
    fixes = quick_fixes(server, uri, len(lspclient.lines_of(text)))
    status = server.close()
    if status != 0:
        return fail(name, "the server exited %d" % status, cli, lsp)
    if cli != lsp:
        return fail(name, "the diagnostics differ", cli, lsp)
    want = sorted((json.dumps(d["range"], sort_keys=True), s)
                  for d in cli for s in d["suggestions"])
    if fixes != want:
        return fail(name, "the quick fixes are not the suggestions",
                    want, fixes)
    print("  IDENTITY %s: %d diagnostics, %d quick fixes alike (%d "
          "without its .mtlint.yml)" % (name, len(cli), len(fixes),
                                        len(bare)))
    return 0


def main():
    mtlint = os.path.abspath(sys.argv[1])
    cases = sys.argv[2:] or sorted(
        os.path.join("fixtures/identity", c)
        for c in os.listdir("fixtures/identity")
        if os.path.isdir(os.path.join("fixtures/identity", c)))
    failed = 0
    for case in cases:
        failed += check_case(mtlint, case)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
