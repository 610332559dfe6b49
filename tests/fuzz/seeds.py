#!/usr/bin/env python3
"""Seed inputs for the libFuzzer targets of tests/fuzz, made from the
fixtures (and the shipped rules and configurations), small enough for
libFuzzer's short inputs:

    python3 tests/fuzz/seeds.py OUTDIR

writes OUTDIR/<target>/<n> for every target.  `make fuzz-corpus` runs it and
minimises the result into tests/fuzz/corpus/<target>/ (libFuzzer -merge=1),
which is what is committed; `make fuzz` starts from there.
"""
import glob
import json
import os
import sys

MAX = 1024  # bytes: libFuzzer is fast on short inputs, -max_len agrees

ENCODINGS = ["UTF-7", "ISO-2022-JP", "ISO-2022-KR", "IBM930", "CP1258",
             "UTF-16LE", "UTF-16BE", "UTF-32", "GB18030", "SHIFT_JIS",
             "BIG5", "KOI8-R", "CP1252", "ISO-8859-7", "UTF-8"]
# python's codec names for those it knows (the others get UTF-8 bytes)
PY_CODEC = {"UTF-7": "utf-7", "ISO-2022-JP": "iso2022_jp",
            "ISO-2022-KR": "iso2022_kr", "CP1258": "cp1258",
            "UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be",
            "UTF-32": "utf-32", "GB18030": "gb18030",
            "SHIFT_JIS": "shift_jis", "BIG5": "big5", "KOI8-R": "koi8_r",
            "CP1252": "cp1252", "ISO-8859-7": "iso8859_7", "UTF-8": "utf-8"}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def paragraphs(data):
    """Chunks of at most MAX bytes, cut at blank lines, then at lines."""
    out, cur = [], b""
    for para in data.replace(b"\r\n", b"\n").split(b"\n\n"):
        para = para.strip(b"\n")
        if not para:
            continue
        if len(cur) + len(para) + 2 <= MAX:
            cur = cur + b"\n\n" + para if cur else para
            continue
        if cur:
            out.append(cur)
        cur = para[:MAX]
    if cur:
        out.append(cur)
    return out


def texts():
    files = sorted(glob.glob("fixtures/*.txt") +
                   glob.glob("fixtures/golden/*/article.*") +
                   glob.glob("fixtures/identity/*/*.md") +
                   glob.glob("fixtures/identity/*/*.txt") +
                   glob.glob("fixtures/identity/*/articles/*"))
    for f in files:
        if os.path.isfile(f):
            yield from paragraphs(read(f))


def frame(obj):
    body = json.dumps(obj).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_session(text):
    t = text.decode("utf-8", "replace")
    return (frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
                   "params": {"capabilities": {}}}) +
            frame({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                   "params": {"textDocument": {
                       "uri": "file:///f.txt", "languageId": "plaintext",
                       "version": 1, "text": t}}}) +
            frame({"jsonrpc": "2.0", "id": 2,
                   "method": "textDocument/codeAction",
                   "params": {"textDocument": {"uri": "file:///f.txt"},
                              "range": {"start": {"line": 0, "character": 0},
                                        "end": {"line": 9, "character": 0}},
                              "context": {"diagnostics": []}}}) +
            frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                   "params": {"textDocument": {"uri": "file:///f.txt",
                                               "version": 2},
                              "contentChanges": [{"text": t[:40]}]}}) +
            frame({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}) +
            frame({"jsonrpc": "2.0", "method": "exit"}))


def rule_chunks():
    """Each rule of the shipped files on its own, with the classes."""
    for f in sorted(glob.glob("rules/en/*.yml")):
        lines = read(f).split(b"\n")
        start = None
        for i, line in enumerate(lines + [b"  - id: end"]):
            if line.startswith(b"  - id:"):
                if start is not None:
                    chunk = b"rules:\n" + b"\n".join(lines[start:i]) + b"\n"
                    if len(chunk) <= MAX:
                        yield chunk
                start = i
    for f in sorted(glob.glob("fixtures/rulefile-errors/*.yml")):
        yield read(f)[:MAX]


def configs():
    for f in sorted(glob.glob("fixtures/gate/config/*.yml") +
                    glob.glob("fixtures/identity/*/.mtlint.yml")):
        yield read(f)[:MAX]


def main():
    out = sys.argv[1]
    seeds = {t: [] for t in ["fuzz_check", "fuzz_spelling", "fuzz_parser",
                             "fuzz_segment", "fuzz_gate", "fuzz_decode",
                             "fuzz_reference", "fuzz_score", "fuzz_lsp",
                             "fuzz_rules", "fuzz_config", "fuzz_report"]}
    all_texts = list(texts())
    for t in all_texts:
        for target in ["fuzz_check", "fuzz_spelling", "fuzz_segment",
                       "fuzz_gate"]:
            seeds[target].append(t)
        seeds["fuzz_parser"].append(t[:256])
        seeds["fuzz_lsp"].append(lsp_session(t[:400]))
    for i, t in enumerate(all_texts[:20]):
        enc = ENCODINGS[i % len(ENCODINGS)]
        try:
            data = t.decode("utf-8").encode(PY_CODEC[enc])
        except (UnicodeError, LookupError):
            data = t
        seeds["fuzz_decode"].append(bytes([ENCODINGS.index(enc)]) + data)
        seeds["fuzz_decode"].append(bytes([len(ENCODINGS)]) + t)
    art = paragraphs(read("fixtures/mt-article.txt"))
    ref = paragraphs(read("fixtures/reference-article.txt"))
    for a, r in zip(art, ref):
        seeds["fuzz_reference"].append(a[:MAX // 2] + b"\n===\n" +
                                       r[:MAX // 2])
        seeds["fuzz_score"].append(a[:MAX // 2] + b"\n===\n" +
                                   r[:MAX // 2])
    # line by line (score_corpus): as many lines on both sides
    a_lines = read("fixtures/mt-article.txt").split(b"\n")
    r_lines = read("fixtures/reference-article.txt").split(b"\n")
    for n in (2, 4, 8):
        seeds["fuzz_score"].append(
            b"\n".join(x[:MAX // (2 * n)] for x in a_lines[:n]) +
            b"\n===\n" +
            b"\n".join(x[:MAX // (2 * n)] for x in r_lines[:n]))
    seeds["fuzz_report"] = seeds["fuzz_reference"] + all_texts
    seeds["fuzz_rules"] = list(rule_chunks())
    seeds["fuzz_config"] = list(configs())
    for target, items in seeds.items():
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for i, data in enumerate(items):
            with open(os.path.join(d, "%04d" % i), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
