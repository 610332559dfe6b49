#!/usr/bin/env python3
"""brown-lines.py SAMPLE_DIR: the sentences of a Brown corpus sample
(tests/eval/brown-sample.py: OUT_DIR/NNN.txt and sentences.tsv) as JSON
lines for `mtlint batch`, one sentence a line in the sample's order, as a
corpus of distinct segments comes: {"id": N, "text": SENTENCE}."""
import json
import os
import sys


def main():
    sample = sys.argv[1]
    texts = {}
    out = sys.stdout
    with open(os.path.join(sample, "sentences.tsv"), encoding="utf-8") as tsv:
        for i, row in enumerate(tsv):
            name, start, end = row.rstrip("\n").split("\t")
            if name not in texts:
                with open(os.path.join(sample, name), "rb") as f:
                    texts[name] = f.read()
            text = texts[name][int(start):int(end)].decode("utf-8")
            out.write(json.dumps({"id": i, "text": text},
                                 ensure_ascii=False) + "\n")


main()
