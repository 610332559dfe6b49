#!/usr/bin/env python3
"""An independent implementation of sacreBLEU 2.x's default chrF and BLEU,
to test `mtlint score` against (tests/reference.mk, check-score).

    sacrebleu-ref.py make OUT_DIR SOURCE...   write OUT_DIR/{hyp,ref}.txt
    sacrebleu-ref.py score HYP REF            print the expected scores

`make` builds a line-aligned pair from the SOURCE texts: each non-empty
line is a reference segment; its hypothesis is the same line edited with a
fixed pseudo-random generator (words dropped, swapped, repeated, changed in
case, punctuation and numbers moved), plus segments that test the edges
(an empty line on either side, HTML entities, digits with commas and
hyphens).  The same sources give the same bytes.

`score` prints four lines, "corpus chrF", "corpus BLEU", "whole chrF",
"whole BLEU", each with the score to two decimals: corpus-level over lines
(n-gram statistics of all segments added up, as sacreBLEU's corpus_score)
and the whole file as one segment.  Written from the published definitions
(Popovic 2015 with sacreBLEU's effective-order averaging; Papineni et al.
2002 with mteval-v13a tokenisation and sacreBLEU's "exp" smoothing), in
Python's own regular expressions and Counter, sharing nothing with the C
implementation.
"""
import math
import re
import sys
from collections import Counter


def tok_13a(line):
    line = line.replace("<skipped>", "").replace("-\n", "")
    line = line.replace("\n", " ")
    if "&" in line:
        line = (line.replace("&quot;", '"').replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">"))
    line = " " + line + " "
    line = re.sub(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])", r" \1 ", line)
    line = re.sub(r"([^0-9])([\.,])", r"\1 \2 ", line)
    line = re.sub(r"([\.,])([^0-9])", r" \1 \2", line)
    line = re.sub(r"([0-9])(-)", r"\1 \2 ", line)
    return line.split()


def ngrams(seq, n):
    return Counter(tuple(seq[i:i + n]) for i in range(len(seq) - n + 1))


def chrf_stats(hyp, ref):
    h, r = "".join(hyp.split()), "".join(ref.split())
    out = []
    for n in range(1, 7):
        hc, rc = ngrams(h, n), ngrams(r, n)
        out += [sum(hc.values()), sum(rc.values()), sum((hc & rc).values())]
    return out


def chrf_score(st):
    eff, p, r = 0, 0.0, 0.0
    for n in range(6):
        nh, nr, m = st[3 * n:3 * n + 3]
        if nh > 0 and nr > 0:
            eff += 1
            p += m / nh
            r += m / nr
    if not eff:
        return 0.0
    p, r = p / eff, r / eff
    return 100 * 5 * p * r / (4 * p + r) if p + r > 0 else 0.0


def bleu_stats(hyp, ref):
    h, r = tok_13a(hyp), tok_13a(ref)
    out = [len(h), len(r)]
    for n in range(1, 5):
        hc, rc = ngrams(h, n), ngrams(r, n)
        out += [sum((hc & rc).values()), max(len(h) - n + 1, 0)]
    return out


def bleu_score(st):
    sys_len, ref_len = st[0], st[1]
    prec, smooth = [0.0] * 4, 1.0
    for n in range(4):
        match, total = st[2 + 2 * n], st[3 + 2 * n]
        if total == 0:
            break
        if match == 0:
            smooth *= 2
            prec[n] = 100.0 / (smooth * total)
        else:
            prec[n] = 100.0 * match / total
    if min(prec) <= 0:
        return 0.0
    bp = 1.0 if sys_len >= ref_len else (
        math.exp(1 - ref_len / sys_len) if sys_len else 0.0)
    return bp * math.exp(sum(math.log(p) for p in prec) / 4)


def read_lines(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return text, lines if text else []


def score(hyp_path, ref_path):
    htext, hl = read_lines(hyp_path)
    rtext, rl = read_lines(ref_path)
    assert len(hl) == len(rl), "line counts differ"
    cs = [0] * 18
    bs = [0] * 10
    for h, r in zip(hl, rl):
        cs = [a + b for a, b in zip(cs, chrf_stats(h, r))]
        bs = [a + b for a, b in zip(bs, bleu_stats(h, r))]
    print(f"corpus chrF {chrf_score(cs):.2f}")
    print(f"corpus BLEU {bleu_score(bs):.2f}")
    print(f"whole chrF {chrf_score(chrf_stats(htext, rtext)):.2f}")
    print(f"whole BLEU {bleu_score(bleu_stats(htext, rtext)):.2f}")


class Rand:
    """A fixed linear congruential generator: the same pair everywhere."""

    def __init__(self, seed):
        self.s = seed

    def next(self, n):
        self.s = (self.s * 1103515245 + 12345) % (1 << 31)
        return (self.s >> 8) % n


def edit(line, rnd):
    words = line.split()
    out = []
    for w in words:
        k = rnd.next(20)
        if k == 0:
            continue                      # dropped
        if k == 1 and out:
            out[-1], w = w, out[-1]       # swapped with the one before
        if k == 2:
            out.append(w)                 # repeated
        if k == 3:
            w = w.lower() if w[:1].isupper() else w.capitalize()
        if k == 4:
            w = w.rstrip(".,;:") + rnd.next(3) * ","
        out.append(w)
    return " ".join(out)


def make(out_dir, sources):
    rnd = Rand(14)
    refs = []
    for path in sources:
        with open(path, encoding="utf-8") as f:
            refs += [line.strip() for line in f if line.strip()]
    hyps = [edit(r, rnd) for r in refs]
    # edges: empty segments, entities, numbers, hyphens, non-ASCII
    refs += ["", "The 1,000-strong crowd paid $12.50 on 2016-12-29.",
             "She said: &quot;no&quot; &amp; left.", "Déjà vu — naïve café."]
    hyps += ["Nothing here matches at all.",
             "The 1,000 strong crowd paid $ 12.50 on 2016 - 12-29 .",
             "She said \"no\" & left.", ""]
    with open(f"{out_dir}/ref.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(refs) + "\n")
    with open(f"{out_dir}/hyp.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(hyps) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3:])
    else:
        score(sys.argv[2], sys.argv[3])
