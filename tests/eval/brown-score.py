#!/usr/bin/env python3
"""brown-score: how often mtlint cries wolf on clean, edited prose.

  brown-score.py MTLINT SAMPLE_DIR [--show N] [-- ARGS...]

SAMPLE_DIR is what brown-sample.py wrote: NNN.txt files and
sentences.tsv.  mtlint checks all the files in one run with its default
settings (--no-config; ARGS after '--' are passed on); a sentence is
flagged when a warning or an error starts inside it.  Prints the share of
flagged sentences, the findings per rule and severity, and with --show the
first N flagged sentences with their findings."""
import collections
import json
import os
import subprocess
import sys


def main():
    a = sys.argv[1:]
    extra = a[a.index('--') + 1:] if '--' in a else []
    a = a[:a.index('--')] if '--' in a else a
    show = int(a[a.index('--show') + 1]) if '--show' in a else 0
    mtlint, sample = a[0], a[1]
    sents = collections.defaultdict(list)
    with open(os.path.join(sample, 'sentences.tsv')) as f:
        for line in f:
            name, s, e = line.split('\t')
            sents[name].append((int(s), int(e)))
    names = sorted(sents)
    p = subprocess.run([mtlint, '--format', 'json', '--no-config'] + extra +
                       [os.path.join(sample, n) for n in names],
                       capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f'brown-score: mtlint exit {p.returncode}: '
                 f'{p.stderr.decode(errors="replace")[:400]}')
    flagged = collections.defaultdict(list)
    per_rule = collections.Counter()
    for f in json.loads(p.stdout)['files']:
        name = os.path.basename(f['path'])
        for d in f['diagnostics']:
            per_rule[(d['rule'], d['severity'])] += 1
            if d['severity'] not in ('warning', 'error'):
                continue
            for s, e in sents[name]:
                if s <= d['offset'] < e:
                    flagged[(name, s, e)].append(d)
                    break
    n = sum(len(v) for v in sents.values())
    print(f'brown: {len(flagged)}/{n} sentences get a warning or an error '
          f'({len(flagged) / max(n, 1):.1%})')
    for (rule, sev), c in sorted(per_rule.items(), key=lambda x: (-x[1], x[0])):
        print(f'  {rule} ({sev}): {c}')
    for key in sorted(flagged)[:show]:
        name, s, e = key
        data = open(os.path.join(sample, name), 'rb').read()
        marks = ', '.join(
            f'{d["rule"]} "{data[d["offset"]:d["offset"] + d["length"]].decode(errors="replace")}"'
            for d in flagged[key])
        print(f'  {name}: {marks}\n      {data[s:e].decode(errors="replace")}')


if __name__ == '__main__':
    main()
