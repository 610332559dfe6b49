"""A minimal Language Server client and the CLI's findings in LSP terms.

Shared by the editor tests (tests/lsp/*): drive `mtlint lsp` over stdio
with real framing, and turn `mtlint check --format json` output into the
diagnostics an editor should show for the same file, so the two can be
compared exactly.  Standard library only.
"""
import json
import os
import subprocess
import urllib.parse

SEVERITY = {"error": 1, "warning": 2, "info": 3}


def utf16_len(s):
    """Length of s in UTF-16 code units, as LSP positions count."""
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


def file_uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def lines_of(text):
    """The lines of text as mtlint numbers them (LF, CRLF and CR end one)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def lsp_position(lines, line, column):
    """1-based line and code point column -> LSP {line, character}."""
    text = lines[line - 1] if line - 1 < len(lines) else ""
    return {"line": line - 1, "character": utf16_len(text[: column - 1])}


def expected_from_cli(mtlint, path, args=(), cwd=None):
    """The diagnostics `mtlint check --format json` reports for path, as
    (rule, range, severity, message, suggestions) dictionaries in LSP
    terms, sorted."""
    run = subprocess.run(
        [mtlint, "check", "--format", "json", *args, path],
        capture_output=True, cwd=cwd)
    if run.returncode not in (0, 1):
        raise RuntimeError("mtlint check %s exited %d: %s" % (
            path, run.returncode, run.stderr.decode(errors="replace")))
    report = json.loads(run.stdout)
    with open(os.path.join(cwd or ".", path), encoding="utf-8") as f:
        lines = lines_of(f.read())
    out = []
    for d in report["files"][0]["diagnostics"]:
        out.append({
            "rule": d["rule"],
            "range": {
                "start": lsp_position(lines, d["line"], d["column"]),
                "end": lsp_position(lines, d["end_line"], d["end_column"]),
            },
            "severity": SEVERITY[d["severity"]],
            "message": d["message"],
            "suggestions": d.get("suggestions", []),
        })
    return sorted(out, key=diag_key)


def from_lsp(diagnostics):
    """publishDiagnostics' diagnostics in the same shape, sorted."""
    out = []
    for d in diagnostics:
        out.append({
            "rule": d["code"],
            "range": d["range"],
            "severity": d["severity"],
            "message": d["message"],
            "suggestions": d.get("data", {}).get("suggestions", []),
        })
    return sorted(out, key=diag_key)


def diag_key(d):
    r = d["range"]
    return (r["start"]["line"], r["start"]["character"], r["end"]["line"],
            r["end"]["character"], d["rule"], d["message"])


class Server:
    """`mtlint lsp` as a subprocess; requests are answered in order."""

    def __init__(self, mtlint, args=(), cwd=None):
        self.proc = subprocess.Popen(
            [mtlint, "lsp", *args], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 1
        self.notifications = []

    def send(self, msg):
        msg = dict(msg, jsonrpc="2.0")
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body))
        self.proc.stdin.write(body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == rid and "method" not in m:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result")
            self.notifications.append(m)

    def wait_notification(self, method, uri=None):
        """The next (or an already received) notification of method for
        uri; earlier ones are dropped."""
        while True:
            for i, m in enumerate(self.notifications):
                if m.get("method") == method and (
                        uri is None or m["params"].get("uri") == uri):
                    del self.notifications[: i + 1]
                    return m["params"]
            self.notifications.append(self.read())

    def settled(self, uri):
        """The diagnostics last published for uri once the server has
        finished with it: after the quick publication a full one may
        follow, so a request is sent as a barrier (the server answers in
        order, after the checks before it)."""
        last = None
        self.request("textDocument/hover", {
            "textDocument": {"uri": uri},
            "position": {"line": 0, "character": 0}})
        for m in self.notifications:
            if (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"].get("uri") == uri):
                last = m["params"]["diagnostics"]
        self.notifications = [
            m for m in self.notifications
            if m.get("method") != "textDocument/publishDiagnostics"
            or m["params"].get("uri") != uri]
        return last

    def initialize(self, root, options=None):
        params = {"processId": os.getpid(), "capabilities": {},
                  "rootUri": file_uri(root)}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.stdin.close()
        status = self.proc.wait(timeout=30)
        self.proc.stdout.close()
        return status
