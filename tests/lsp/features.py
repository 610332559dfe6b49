#!/usr/bin/env python3
"""The Language Server's editor features, driven over stdio as an editor
drives them: incremental sync, pull diagnostics, settings, code actions
(replace, remove, add to dictionary, ignore here, disable the rule, fix
all), the commands behind them writing the project's files, hover, and
watched files.  Each case runs in a fresh temporary project.

usage: features.py MTLINT
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

MTLINT = None
FAILED = []


def expect(cond, what, *show):
    if not cond:
        FAILED.append(what)
        print("features: FAILED: %s" % what)
        for s in show:
            print("    " + (s if isinstance(s, str)
                            else json.dumps(s, ensure_ascii=False)))
    return cond


class Project:
    def __init__(self, files):
        self.dir = tempfile.mkdtemp(prefix="mtlint-lsp-")
        for name, text in files.items():
            self.put(name, text)

    def put(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def read(self, name):
        try:
            with open(os.path.join(self.dir, name), encoding="utf-8") as f:
                return f.read()
        except FileNotFoundError:
            return None

    def path(self, name):
        return os.path.join(self.dir, name)

    def done(self):
        shutil.rmtree(self.dir)


def start(project, capabilities=None, options=None):
    server = lspclient.Server(MTLINT, cwd="/")
    params = {"processId": os.getpid(), "rootUri":
              lspclient.file_uri(project.dir),
              "capabilities": capabilities or {}}
    if options is not None:
        params["initializationOptions"] = options
    server.request("initialize", params)
    server.notify("initialized", {})
    return server


def open_doc(server, path, text, language="plaintext"):
    uri = lspclient.file_uri(path)
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": language, "version": 1, "text": text}})
    return uri


def published(server, uri):
    """The next publication, or the full check's after it (see
    lspclient.Server.settled)."""
    first = server.wait_notification("textDocument/publishDiagnostics",
                                     uri)["diagnostics"]
    final = server.settled(uri)
    return final if final is not None else first


def rules(diags):
    return sorted(d["code"] for d in diags)


def actions_at(server, uri, diag, only=None):
    ctx = {"diagnostics": [diag]}
    if only:
        ctx["only"] = only
    return server.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": diag["range"],
        "context": ctx}) or []


def apply_edits(text, edits):
    """Apply LSP TextEdits (UTF-16 positions) to text, as an editor does."""
    lines = text.split("\n")

    def offset(pos):
        before = sum(len(l) + 1 for l in lines[:pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, k = 0, 0
        while k < len(line) and units < pos["character"]:
            units += 2 if ord(line[k]) > 0xFFFF else 1
            k += 1
        return before + k
    for e in sorted(edits, key=lambda e: offset(e["range"]["start"]),
                    reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def find(diags, rule):
    return next((d for d in diags if d["code"] == rule), None)


def case_incremental_sync_and_pull():
    p = Project({"a.txt": ""})
    server = start(p)
    text = "It was the end.\n😀 Second line here.\n"
    uri = open_doc(server, p.path("a.txt"), text)
    expect(published(server, uri) == [], "a clean text is clean")
    # type " the" after "the": "It was the the end."
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {
            "start": {"line": 0, "character": 10},
            "end": {"line": 0, "character": 10}}, "text": " the"}]})
    diags = published(server, uri)
    d = find(diags, "grammar.repeated-word")
    expect(d and d["range"]["start"] == {"line": 0, "character": 7},
           "an incremental insert is checked at its place", diags)
    # after the emoji (two UTF-16 units): "😀 Second line line here."
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 3},
        "contentChanges": [{"range": {
            "start": {"line": 1, "character": 14},
            "end": {"line": 1, "character": 14}}, "text": " line"}]})
    diags = published(server, uri)
    lines = [d["range"]["start"] for d in diags
             if d["code"] == "grammar.repeated-word"]
    expect({"line": 1, "character": 10} in lines,
           "UTF-16 positions after an emoji", diags)
    # pull: full, then unchanged for the same result
    r1 = server.request("textDocument/diagnostic",
                        {"textDocument": {"uri": uri}})
    r2 = server.request("textDocument/diagnostic", {
        "textDocument": {"uri": uri}, "previousResultId": r1["resultId"]})
    expect(r1["kind"] == "full" and len(r1["items"]) == len(diags),
           "a pull answers the current diagnostics", r1)
    expect(r2["kind"] == "unchanged", "the same result is unchanged", r2)
    expect(server.close() == 0, "shutdown")
    p.done()


def case_replace_remove_and_fix_all():
    p = Project({})
    server = start(p)
    # the last line needs two passes of fixes (they overlap), as --fix
    # makes them
    text = ("It was the the end. He said “no ” to it.\n"
            "They met in London , , then left.\n")
    uri = open_doc(server, p.path("a.txt"), text)
    diags = published(server, uri)
    d = find(diags, "grammar.repeated-word")
    acts = actions_at(server, uri, d, ["quickfix"])
    titles = [a["title"] for a in acts]
    expect("Replace with 'the'" in titles, "a replacement", titles)
    expect(any(a.get("isPreferred") for a in acts), "the safe fix is "
           "preferred", acts)
    sp = find(diags, "typography.space-before-closing-quote")
    if expect(sp is not None, "a space before ” is flagged", diags):
        acts = actions_at(server, uri, sp, ["quickfix"])
        titles = [a["title"] for a in acts]
        expect("Remove the space" in titles and
               not any("Replace with ''" in t for t in titles),
               "a deletion reads Remove", titles)
    uri2 = open_doc(server, p.path("b.txt"), "Then  he left.\n")
    ds = find(published(server, uri2), "typography.doubled-space")
    if expect(ds is not None, "a doubled space is flagged", ds):
        titles = [a["title"] for a in
                  actions_at(server, uri2, ds, ["quickfix"])]
        expect("Replace with one space" in titles and
               not any("Replace with ' '" in t for t in titles),
               "a space reads one space", titles)
    acts = actions_at(server, uri, d, ["source.fixAll"])
    expect(len(acts) == 1 and acts[0]["kind"] == "source.fixAll",
           "one fix-all action", acts)
    if acts:
        fixed = apply_edits(text, acts[0]["edit"]["changes"][uri])
        expect(fixed == "It was the end. He said “no” to it.\n"
               "They met in London, then left.\n",
               "fix all applies every safe fix, pass after pass", fixed)
    server.close()
    p.done()


def case_add_word_ignore_and_disable():
    p = Project({".mtlint.yml": "# ours\nlanguage: en_US\n"})
    server = start(p)
    text = "The zorbitron sorted the wires.\nIt was the the end.\n"
    uri = open_doc(server, p.path("a.txt"), text)
    diags = published(server, uri)
    # a made-up word no known word is one edit from: unknown-term
    unknown = ("spelling.unknown-word", "spelling.unknown-term")
    d = find(diags, unknown[0]) or find(diags, unknown[1])
    acts = actions_at(server, uri, d, ["quickfix"])
    add = next((a for a in acts if a["title"].startswith("Add ")), None)
    if expect(add is not None, "add to dictionary is offered",
              [a["title"] for a in acts]):
        server.request("workspace/executeCommand", add["command"])
        diags = published(server, uri)
        expect(all(find(diags, r) is None for r in unknown),
               "the added word is accepted at once", diags)
        expect(p.read("mtlint-words.txt") == "zorbitron\n",
               "the word list holds the word", p.read("mtlint-words.txt"))
        expect("accept: [mtlint-words.txt]" in p.read(".mtlint.yml")
               and p.read(".mtlint.yml").startswith("# ours\n"),
               ".mtlint.yml names the list, comments kept",
               p.read(".mtlint.yml"))
    d = find(diags, "grammar.repeated-word")
    acts = actions_at(server, uri, d, ["quickfix"])
    ign = next((a for a in acts if a["title"].startswith("Ignore")), None)
    if expect(ign is not None, "ignore here is offered"):
        ignored = apply_edits(text, ign["edit"]["changes"][uri])
        expect("<!-- mtlint-disable-next-line grammar.repeated-word -->\n"
               "It was the the end." in ignored, "a comment line above",
               ignored)
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": ignored}]})
        expect(find(published(server, uri), "grammar.repeated-word")
               is None, "the ignored finding is gone")
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"text": text}]})
        diags = published(server, uri)
    dis = next((a for a in acts if a["title"].startswith("Disable")), None)
    if expect(dis is not None, "disable the rule is offered"):
        server.request("workspace/executeCommand", dis["command"])
        diags = published(server, uri)
        expect(find(diags, "grammar.repeated-word") is None,
               "the disabled rule is gone", diags)
        expect("rules:\n  grammar.repeated-word: off\n"
               in p.read(".mtlint.yml"), "rules: holds it",
               p.read(".mtlint.yml"))
    server.close()
    p.done()


def case_markdown_ignore_and_hover():
    p = Project({})
    server = start(p)
    text = "# Title\n\nFirst line of the\nparagraph has a a typo.\n"
    uri = open_doc(server, p.path("a.md"), text, "markdown")
    diags = published(server, uri)
    d = find(diags, "grammar.repeated-word")
    acts = actions_at(server, uri, d, ["quickfix"])
    ign = next((a for a in acts if a["title"].startswith("Ignore")), None)
    if expect(ign is not None, "ignore here in Markdown"):
        ignored = apply_edits(text, ign["edit"]["changes"][uri])
        expect("a a typo. <!-- mtlint-disable-line grammar.repeated-word"
               " -->\n" in ignored, "an end-of-line comment in a "
               "paragraph", ignored)
    hover = server.request("textDocument/hover", {
        "textDocument": {"uri": uri}, "position": d["range"]["start"]})
    value = (hover or {}).get("contents", {}).get("value", "")
    expect("grammar.repeated-word" in value and hover["contents"]["kind"]
           == "markdown", "hover explains the rule", hover)
    expect("Flagged: " in value and "Not flagged: " in value and
           "**the the**" in value, "hover shows the rule's own examples",
           value)
    href = d.get("codeDescription", {}).get("href", "")
    page = os.path.join("docs/rules", "grammar.repeated-word.md")
    expect(href.endswith("/docs/rules/grammar.repeated-word.md") and
           os.path.exists(page) and href in value,
           "codeDescription links the rule's page", href)
    server.close()
    p.done()


def case_settings_and_watched_files():
    p = Project({"a.txt": ""})
    caps = {"workspace": {"didChangeWatchedFiles":
                          {"dynamicRegistration": True}}}
    server = start(p, caps, {"mtlint": {"disable": ["grammar"]}})
    text = "It was the the end.\n"
    uri = open_doc(server, p.path("a.txt"), text)
    expect(find(published(server, uri), "grammar.repeated-word") is None,
           "initializationOptions disable a rule")
    server.notify("workspace/didChangeConfiguration",
                  {"settings": {"mtlint": {}}})
    expect(find(published(server, uri), "grammar.repeated-word")
           is not None, "didChangeConfiguration enables it again")
    p.put(".mtlint.yml", "rules:\n  grammar.repeated-word: off\n")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": lspclient.file_uri(p.path(".mtlint.yml")), "type": 1}]})
    expect(find(published(server, uri), "grammar.repeated-word") is None,
           "a new .mtlint.yml is read when the editor says it changed")
    server.close()
    p.done()


def case_progress_for_a_long_document():
    p = Project({})
    server = start(p, {"window": {"workDoneProgress": True}})
    text = "It was a fine day in the town. " * 2500 + "\n"
    uri = open_doc(server, p.path("long.txt"), text)
    published(server, uri)
    kinds = [m["params"]["value"]["kind"] for m in server.notifications
             if m.get("method") == "$/progress"]
    seen = [m.get("method") for m in server.notifications]
    expect("begin" in kinds and "end" in kinds,
           "a long document reports progress", seen)
    server.close()
    p.done()


def main():
    global MTLINT
    MTLINT = os.path.abspath(sys.argv[1])
    cases = [v for k, v in sorted(globals().items())
             if k.startswith("case_")]
    for c in cases:
        c()
    print("  LSP      %d feature cases, %d failures" % (len(cases),
                                                       len(FAILED)))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
