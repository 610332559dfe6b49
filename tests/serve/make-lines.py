#!/usr/bin/env python3
"""make-lines.py N ARTICLE [REFERENCE]: N lines of JSON for `mtlint batch`,
the same N lines on every machine: the article's sentences in turn (a
sentence a line, as MT segments come), every seventh with the reference
article's matching line as its reference, every 50th in Markdown, and
every 997th malformed -- not JSON, not an object, no text -- so the error
records are part of what must come out the same."""
import json
import re
import sys


def sentences(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def main():
    n = int(sys.argv[1])
    art = sentences(sys.argv[2])
    ref = sentences(sys.argv[3]) if len(sys.argv) > 3 else []
    bad = ['not json at all', '[1, 2, 3]', '{"id": "x", "text": 5}', '']
    out = sys.stdout
    for i in range(n):
        if i % 997 == 996:
            out.write(bad[(i // 997) % len(bad)] + "\n")
            continue
        rec = {"id": i, "text": art[i % len(art)]}
        if ref and i % 7 == 3:
            rec["reference"] = ref[i % len(ref)]
        if i % 50 == 49:
            rec["format"] = "markdown"
            rec["text"] = "**" + rec["text"] + "**"
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


main()
