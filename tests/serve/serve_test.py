#!/usr/bin/env python3
"""mtlint serve end to end, with curl on the wire.

usage: serve_test.py MTLINT

Starts `mtlint serve` on a free loopback port and checks, each with curl:
the answers of /healthz, /v2/languages, /v1/check (byte for byte what
`mtlint check --format json -` prints) and /v2/check (LanguageTool's
shape: the same findings as mtlint check, offsets in UTF-16 units, from a
form, a multipart form or the query string; annotated text mapped back
to its markup; the rule filters; the reference); the 4xx answers to
malformed and oversized requests, after each of which the server still
answers; 503 when the queue is full and when a request runs out of time;
50 clients at once; the access log; and SIGTERM, which lets the requests
in hand finish.
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

MTLINT = os.path.abspath(sys.argv[1])
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
ARTICLE = os.path.join(ROOT, "fixtures/mt-article.txt")
REFERENCE = os.path.join(ROOT, "fixtures/reference-article.txt")
UNICODE = os.path.join(ROOT, "fixtures/serve/unicode.txt")
TMP = tempfile.mkdtemp(prefix="mtlint-serve-")
failures = 0
checks = 0


def ok(cond, what, detail=""):
    global failures, checks
    checks += 1
    if not cond:
        failures += 1
        print("FAIL %s%s" % (what, ("\n  " + detail) if detail else ""))
    return cond


class Server:
    def __init__(self, *args):
        self.log = os.path.join(TMP, "access-%d.log" % id(self))
        self.err = open(os.path.join(TMP, "err-%d.log" % id(self)), "w+")
        self.proc = subprocess.Popen(
            [MTLINT, "serve", "--listen", "127.0.0.1:0", "--no-config",
             "--access-log", self.log] + list(args),
            stdout=subprocess.DEVNULL, stderr=self.err)
        deadline = time.time() + 300
        self.port = None
        while time.time() < deadline and self.port is None:
            if self.proc.poll() is not None:
                break
            self.err.seek(0)
            m = re.search(r"listening on http://[^ ]*:(\d+)/",
                          self.err.read())
            if m:
                self.port = int(m.group(1))
            else:
                time.sleep(0.1)
        if self.port is None:
            self.err.seek(0)
            sys.exit("mtlint serve did not start:\n" + self.err.read())
        self.base = "http://127.0.0.1:%d" % self.port

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=120)


def curl(url, *args, data=None):
    """(status, headers, body) of one request with curl."""
    cmd = ["curl", "-sS", "-D", "-", "--max-time", "300"] + list(args)
    cmd.append(url)
    p = subprocess.run(cmd, input=data, capture_output=True)
    if p.returncode != 0:
        return 0, {}, p.stderr
    raw = p.stdout
    # skip "100 Continue" heads
    while True:
        head, _, raw = raw.partition(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 100"):
            break
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers, raw


def post_text(srv, path, text, *more):
    """POST text (a file, url-encoded by curl) and more fields."""
    tf = os.path.join(TMP, "text")
    with open(tf, "wb") as f:
        f.write(text.encode("utf-8") if isinstance(text, str) else text)
    args = ["--data-urlencode", "text@" + tf]
    for m in more:
        args += ["--data-urlencode", m]
    return curl(srv.base + path, *args)


def check_json(mtlint_args, path):
    p = subprocess.run([MTLINT, "check", "--no-config", "--format", "json"]
                       + mtlint_args + [path], capture_output=True)
    return json.loads(p.stdout)["files"][0]["diagnostics"], p.stdout


def units16(b):
    return len(b.decode("utf-8").encode("utf-16-le")) // 2


def slice16(s, off, n):
    """s[off:off+n] counted in UTF-16 units, as JavaScript's substr."""
    return s.encode("utf-16-le")[2 * off:2 * (off + n)].decode("utf-16-le")


# The grammar parser gives each sentence a time limit in seconds
# (grammar/linkgrammar.h): on a loaded machine, and more so in the
# sanitizer build, a sentence may run out of it on one side of a
# comparison and not on the other, which then notes
# grammar.parse-skipped instead of the parser's finding.  Such a
# comparison is made again (the parser's cache is per checker), and when
# the parser ran out of time every time it is reported as a note, not as
# a failure of the server.
PARSER_TIMEOUT = b"grammar.parse-skipped"


def settled(what, attempt, tries=3):
    """ok(what) for attempt() -> (problems, blobs), made again while it
    fails with the parser out of time in one of the blobs."""
    for _ in range(tries):
        problems, blobs = attempt()
        if not problems:
            return ok(True, what)
        if not any(PARSER_TIMEOUT in b for b in blobs):
            break
    else:
        print("NOTE %s: not compared, the grammar parser ran out of time "
              "(%s)" % (what, problems[0]))
        return ok(True, what)
    for p in problems:
        ok(False, what, p)
    return False


def finding_problems(answer, text_bytes, diags):
    """How LanguageTool matches differ from mtlint check's findings."""
    matches = answer.get("matches", [])
    if len(matches) != len(diags):
        return ["%d matches, %d findings" % (len(matches), len(diags))]
    problems = []
    for m, d in zip(matches, diags):
        off = units16(text_bytes[:d["offset"]])
        end = units16(text_bytes[:d["offset"] + d["length"]])
        got = (m["rule"]["id"], m["offset"], m["length"],
               [r["value"] for r in m["replacements"]])
        want = (d["rule"], off, end - off, d["suggestions"])
        if got != want:
            problems.append("got %r, want %r" % (got, want))
    return problems


def healthy(srv, what):
    s, _, body = curl(srv.base + "/healthz")
    ok(s == 200 and json.loads(body)["status"] == "ok",
       "still serving after " + what, "%s %r" % (s, body))


def test_basics(srv):
    s, h, body = curl(srv.base + "/healthz")
    ok(s == 200 and json.loads(body)["status"] == "ok", "healthz")
    ok(h.get("content-type", "").startswith("application/json"),
       "healthz content type")
    s, _, body = curl(srv.base + "/v2/languages")
    codes = [x["longCode"] for x in json.loads(body)]
    ok(s == 200 and "en-US" in codes and "en-GB" in codes, "languages",
       repr(body))


def test_v1(srv):
    with open(ARTICLE, "rb") as f:
        text = f.read()

    def attempt():
        want = subprocess.run([MTLINT, "check", "--no-config", "--format",
                               "json", "-"], input=text,
                              capture_output=True).stdout
        s, _, body = post_text(srv, "/v1/check", text)
        if s == 200 and body == want:
            return [], []
        return [body[:300].decode("utf-8", "replace")], [want, body]
    settled("/v1/check is `mtlint check --format json -` byte for byte",
            attempt)
    s, _, body = post_text(srv, "/v1/check", "# The the title\n",
                           "format=markdown")
    ok(s == 200 and b"grammar.repeated-word" in body, "/v1/check markdown")


def test_review(srv):
    """The live page at / and /v1/check's report=html (docs/review.md);
    the browser drives them in check-review."""
    s, h, body = curl(srv.base + "/")
    ok(s == 200 and h.get("content-type", "").startswith("text/html")
       and b'<form class="live"' in body
       and b"connect-src 'self'" in body, "/ is the live review page",
       body[:200].decode("utf-8", "replace"))
    with open(ARTICLE, "rb") as f:
        text = f.read()

    def attempt():
        want = subprocess.run([MTLINT, "check", "--no-config", "--format",
                               "html", "-"], input=text,
                              capture_output=True).stdout
        s, h, body = post_text(srv, "/v1/check", text, "report=html")
        if (s == 200 and h.get("content-type", "").startswith("text/html")
                and body == want):
            return [], []
        return [body[:300].decode("utf-8", "replace")], [want, body]
    settled("/v1/check report=html is `mtlint check --format html -`",
            attempt)
    s, _, body = post_text(srv, "/v1/check", "Text.", "report=pdf")
    ok(s == 400 and b"report" in body, "/v1/check report=pdf: 400")


def test_v2(srv):
    for path in (ARTICLE, UNICODE):
        with open(path, "rb") as f:
            text = f.read()
        name = os.path.basename(path)
        got = {}

        def attempt():
            diags, raw = check_json([], path)
            s, _, body = post_text(srv, "/v2/check", text, "language=en-US")
            if s != 200:
                return ["status %d: %r" % (s, body[:200])], []
            got["answer"] = json.loads(body)
            return (finding_problems(got["answer"], text, diags),
                    [raw, body])
        if not settled("/v2/check form " + name, attempt):
            continue
        answer = got["answer"]
        for m in answer["matches"]:
            c = m["context"]
            ok(slice16(c["text"], c["offset"], c["length"]) ==
               slice16(text.decode(), m["offset"], m["length"])
               .replace("\n", " "),
               "context of " + m["rule"]["id"],
               json.dumps(c, ensure_ascii=False))
            ok(m["sentence"] and m["rule"]["category"]["id"]
               and m["rule"]["issueType"], "sentence and rule fields")
        # multipart, and the query string
        s2, _, body2 = curl(srv.base + "/v2/check", "-F",
                            "text=<" + path, "-F", "language=en-US")
        settled("multipart answer = form answer " + name,
                lambda: ([] if s2 == 200 and json.loads(body2) == answer
                         else ["differs"], [body2, json.dumps(answer)
                                            .encode()]))
        s3, _, body3 = curl(srv.base + "/v2/check", "-G",
                            "--data-urlencode", "text@" + path,
                            "--data-urlencode", "language=en-US")
        settled("query-string answer = form answer " + name,
                lambda: ([] if s3 == 200 and json.loads(body3) == answer
                         else ["differs"], [body3, json.dumps(answer)
                                            .encode()]))
    # en-GB is its own checker: the dialect's spelling
    s, _, body = post_text(srv, "/v2/check", "The colour of the sky.",
                           "language=en-GB")
    a = json.loads(body)
    ok(s == 200 and a["language"]["code"] == "en-GB" and not a["matches"],
       "en-GB", repr(body[:300]))
    s, _, body = post_text(srv, "/v2/check", "The colour of the sky.",
                           "language=auto", "preferredVariants=en-GB")
    ok(json.loads(body)["language"]["code"] == "en-GB",
       "auto with preferredVariants")


def test_filters(srv):
    text = "He saw teh the the cat."
    s, _, body = post_text(srv, "/v2/check", text, "language=en-US")
    ids = {m["rule"]["id"] for m in json.loads(body)["matches"]}
    ok({"spelling.unknown-word", "grammar.repeated-word"} <= ids,
       "filters: the findings to filter", repr(ids))
    for field, value, gone in (
            ("disabledRules", "spelling.unknown-word",
             "spelling.unknown-word"),
            ("disabledRules", "grammar", "grammar.repeated-word"),
            ("disabledCategories", "fluency/spelling",
             "spelling.unknown-word")):
        s, _, body = post_text(srv, "/v2/check", text, "language=en-US",
                               "%s=%s" % (field, value))
        got = {m["rule"]["id"] for m in json.loads(body)["matches"]}
        ok(gone not in got and got, "%s=%s" % (field, value), repr(got))
    s, _, body = post_text(srv, "/v2/check", text, "language=en-US",
                           "enabledOnly=true",
                           "enabledRules=grammar.repeated-word")
    got = {m["rule"]["id"] for m in json.loads(body)["matches"]}
    ok(got == {"grammar.repeated-word"}, "enabledOnly", repr(got))


def test_reference(srv):
    text = "Officials said 12 people were hurt in Kharkiv on Tuesday."
    ref = "Officials said 21 people were hurt in Kharkiv on Tuesday."
    s, _, body = post_text(srv, "/v2/check", text, "language=en-US")
    without = {m["rule"]["id"] for m in json.loads(body)["matches"]}
    s, _, body = post_text(srv, "/v2/check", text, "language=en-US",
                           "reference=" + ref)
    a = json.loads(body)
    got = {m["rule"]["id"] for m in a["matches"]}
    ok(s == 200 and any(r.startswith("reference.") for r in got - without),
       "reference parameter", repr(got))
    s, _, body = post_text(srv, "/v1/check", text, "reference=" + ref)
    ok(b"reference.number-mismatch" in body, "/v1/check reference")


def test_annotated(srv):
    parts = [{"markup": "<p>", "interpretAs": "\n\n"},
             {"text": "Thé "}, {"markup": "<b>"}, {"text": "recieve"},
             {"markup": "</b>"}, {"text": " 😀 desk saw teh cat."},
             {"markup": "</p>"}]
    original = "".join(p.get("text", p.get("markup")) for p in parts)
    s, _, body = post_text(srv, "/v2/check", "x", "language=en-US",
                           "data=" + json.dumps({"annotation": parts}))
    # curl sent text= too: LanguageTool refuses both
    ok(s == 400, "text and data together", repr(body))
    tf = os.path.join(TMP, "data")
    with open(tf, "w") as f:
        f.write(json.dumps({"annotation": parts}))
    s, _, body = curl(srv.base + "/v2/check", "--data-urlencode",
                      "data@" + tf, "-d", "language=en-US")
    words = [slice16(original, m["offset"], m["length"])
             for m in json.loads(body).get("matches", [])]
    ok(s == 200 and "recieve" in words and "teh" in words,
       "annotated text mapped to the markup", repr(words))


def test_errors(srv):
    cases = [
        ("no language", ["-d", "text=hi"], 400),
        ("no text", ["-d", "language=en-US"], 400),
        ("unsupported language", ["-d", "text=hi", "-d", "language=xx"],
         400),
        ("bad level", ["-d", "text=hi", "-d", "language=en", "-d",
                       "level=loud"], 400),
        ("bad data", ["-d", "language=en", "--data-urlencode",
                      "data={\"annotation\": 5}"], 400),
        ("not UTF-8", ["-d", "language=en", "-d", "text=caf%E9%28"], 400),
        ("NUL byte", ["-d", "language=en", "-d", "text=a%00b"], 400),
        ("not a form", ["-H", "Content-Type: application/json",
                        "--data-binary", "{\"text\": \"hi\"}"], 415),
        ("bad method", ["-X", "PUT", "-d", "text=hi"], 405),
        ("65 fields", ["-d", "language=en", "-d", "text=hi"] +
         sum((["-d", "f%d=x" % i] for i in range(65)), []), 400),
    ]
    for what, args, want in cases:
        s, h, body = curl(srv.base + "/v2/check", *args)
        try:
            err = json.loads(body)
        except ValueError:
            err = {}
        ok(s == want and err.get("status") == want and err.get("error"),
           "%s: %d with a JSON error" % (what, want), "%s %r" % (s, body))
    s, _, body = curl(srv.base + "/nowhere")
    ok(s == 404 and json.loads(body)["status"] == 404, "404")
    big = os.path.join(TMP, "big")
    with open(big, "wb") as f:
        f.write(b"text=" + b"a" * (70 * 1024) + b"&language=en")
    s, _, body = curl(srv.base + "/v2/check", "--data-binary", "@" + big)
    ok(s == 413 and json.loads(body)["status"] == 413,
       "oversized (Content-Length): 413", "%s %r" % (s, body[:200]))
    s, _, body = curl(srv.base + "/v2/check", "-H",
                      "Transfer-Encoding: chunked", "--data-binary",
                      "@" + big)
    ok(s == 413, "oversized (chunked): 413", "%s %r" % (s, body[:200]))
    healthy(srv, "malformed and oversized requests")


def test_concurrent(srv, n=50):
    with open(UNICODE, "rb") as f:
        text = f.read()
    results = [None] * n

    def one(i):
        results[i] = post_text_thread(srv, text, i)
    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = [r[0] for r in results]
    bodies = {r[2] for r in results}
    ok(statuses == [200] * n and len(bodies) == 1,
       "%d clients at once: all 200, one answer" % n,
       repr(sorted(set(statuses))))


def post_text_thread(srv, text, i):
    tf = os.path.join(TMP, "t%s" % i)
    with open(tf, "wb") as f:
        f.write(text)
    return curl(srv.base + "/v2/check", "--data-urlencode", "text@" + tf,
                "-d", "language=en-US")


def test_access_log(srv):
    with open(srv.log) as f:
        lines = f.read().splitlines()
    combined = re.compile(r'^[0-9.:a-f]+ - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:'
                          r'\d\d \+0000\] "[A-Z]+ \S+ HTTP/1\.[01]" \d{3} '
                          r'\d+ "[^"]*" "[^"]*"$')
    bad = [x for x in lines if not combined.match(x)]
    ok(len(lines) > 50 and not bad, "access log in the Combined Log Format",
       "%d lines; not matching: %r" % (len(lines), bad[:3]))


def slow_text(kb):
    with open(ARTICLE, "rb") as f:
        art = f.read()
    return (art + b"\n") * (kb * 1024 // len(art) + 1)


def test_queue_and_timeout():
    """-j1, a queue of one: a request runs, one waits, the next gets
    503 at once; a request over --timeout gets 503."""
    srv = Server("-j1", "--queue", "1", "--max-request", "16777216",
                 "--timeout", "1")
    big = slow_text(2048)
    res = {}

    def send(name):
        res[name] = post_text_thread(srv, big, name)
    a = threading.Thread(target=send, args=("a",))
    a.start()
    deadline = time.time() + 120
    while time.time() < deadline:
        s, _, body = curl(srv.base + "/healthz")
        if s == 200 and json.loads(body)["running"] == 1:
            break
        time.sleep(0.05)
    b = threading.Thread(target=send, args=("b",))
    b.start()
    while time.time() < deadline:
        s, _, body = curl(srv.base + "/healthz")
        h = json.loads(body)
        if h["queued"] == 1 or "b" in res:
            break
        time.sleep(0.02)
    s, h, body = post_text(srv, "/v2/check", "A short text.",
                           "language=en-US")
    ok(s == 503 and h.get("retry-after") == "1",
       "queue full: 503 with Retry-After", "%s %r" % (s, body[:200]))
    a.join()
    b.join()
    ok(res["a"][0] == 503 and b"too long" in res["a"][2],
       "over --timeout: 503", "%s %r" % (res["a"][0], res["a"][2][:200]))
    while time.time() < deadline:
        s, _, body = curl(srv.base + "/healthz")
        h = json.loads(body)
        if h["running"] == 0 and h["queued"] == 0:
            break
        time.sleep(0.1)
    s, _, body = post_text(srv, "/v2/check", "A short text.",
                           "language=en-US")
    ok(s == 200, "serving after time-outs", "%s %r" % (s, body[:200]))
    ok(srv.stop() == 0, "exit status 0 after SIGTERM")


def test_sigterm():
    """SIGTERM while requests are in hand: they are answered."""
    srv = Server("-j1")
    text = slow_text(64)
    res = {}

    def send(i):
        res[i] = post_text_thread(srv, text, i)
    threads = [threading.Thread(target=send, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    deadline = time.time() + 120
    while time.time() < deadline:
        s, _, body = curl(srv.base + "/healthz")
        h = json.loads(body)
        if h["running"] + h["queued"] >= 3:
            break
        time.sleep(0.02)
    srv.proc.send_signal(signal.SIGTERM)
    for t in threads:
        t.join()
    ok(all(res[i][0] == 200 for i in range(3)),
       "SIGTERM: the requests in hand are answered",
       repr([res[i][0] for i in range(3)]))
    ok(srv.proc.wait(timeout=120) == 0, "SIGTERM: exit status 0")
    s, _, _ = curl(srv.base + "/healthz")
    ok(s == 0, "SIGTERM: no longer listening")


def main():
    srv = Server("-j2")
    try:
        test_basics(srv)
        test_v1(srv)
        test_review(srv)
        test_v2(srv)
        test_filters(srv)
        test_reference(srv)
        test_annotated(srv)
        test_concurrent(srv)
        small = Server("-j1", "--max-request", "65536")
        try:
            test_errors(small)
        finally:
            small.stop()
        test_access_log(srv)
    finally:
        ok(srv.stop() == 0, "exit status 0 after SIGTERM")
    test_queue_and_timeout()
    test_sigterm()
    print("serve: %d passed, %d failed" % (checks - failures, failures))
    if failures:
        print("serve: the servers' logs and requests are in " + TMP)
        return 1
    shutil.rmtree(TMP, ignore_errors=True)
    return 0


sys.exit(main())
