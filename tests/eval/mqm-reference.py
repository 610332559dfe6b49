#!/usr/bin/env python3
"""The reference comparison on MQM data with human translations
(make eval-mqm): which kind of reference mtlint detects for each article,
and each reference.* rule's flags at every severity (the MQM scorer counts
warnings and errors only, and the word rules are info until they earn
more).

usage: mqm-reference.py MQM_DIR CHECKER DATA.tsv

The articles and references are made exactly as the scorer makes them
(its own functions, imported from MQM_DIR/mqm-score.py): one article per
(system, doc), the human translation 'ref' as the reference ('refB' for
'ref' itself).  Prints, per rule: flags, the share on a marked span
(precision, the scorer's hit test), the Accuracy/Mistranslation spans hit
(recall) and the flags on segments every rater found error-free.  Prints
no text of the data."""
import bisect
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile


def load_scorer(mqm_dir):
    """The scorer MQM_DIR/mqm-score.py, imported as a module."""
    spec = importlib.util.spec_from_file_location(
        'mqm_score', os.path.join(mqm_dir, 'mqm-score.py'))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def checked_articles(m, by, checker, first='ref'):
    """Check every article of `by` (the scorer's articles) that has a
    human reference: `first` ('ref' as the scorer does, or 'refB'), and
    the other one for `first` itself.  Yields (system, doc, ref_path,
    the checker's JSON of the file, starts: [(seg, byte offset)]); the
    files live until the next item is asked for."""
    other = 'refB' if first == 'ref' else 'ref'
    with tempfile.TemporaryDirectory() as tmp:
        for doc in sorted({d for _, d in by}):
            safe = re.sub(r'[^A-Za-z0-9_.-]', '_', doc)
            refs = {}
            for name in ('ref', 'refB'):
                if (name, doc) in by:
                    refs[name] = os.path.join(tmp, f'{name}@{safe}.ref.txt')
                    m.write_article(refs[name], by[(name, doc)])
            for (system, d), items in sorted(by.items()):
                if d != doc:
                    continue
                ref = refs.get(other if system == first else first)
                if not ref:
                    continue
                p = os.path.join(tmp, re.sub(r'[^A-Za-z0-9_.-]', '_',
                                             system) + '@' + safe + '.txt')
                starts = m.write_article(p, items)
                out = subprocess.run([checker, '--format', 'json',
                                      '--no-config', '--reference', ref, p],
                                     capture_output=True)
                if out.returncode not in (0, 1):
                    sys.exit(f'checker exit {out.returncode}: '
                             f'{out.stderr.decode(errors="replace")[:400]}')
                yield (system, doc, ref, json.loads(out.stdout)['files'][0],
                       starts)


def segment_at(starts, offset):
    """The (seg, byte offset of the segment) holding an article offset."""
    i = bisect.bisect_right([st for _, st in starts], offset) - 1
    return starts[max(i, 0)]


def main():
    mqm_dir, checker, data = sys.argv[1:4]
    m = load_scorer(mqm_dir)
    segs = m.load(data)
    by = m.articles(segs)
    kinds = collections.Counter()
    n, hit, clean = (collections.Counter() for _ in range(3))
    mis = collections.defaultdict(set)
    n_mis = sum(1 for s in segs.values() for _, _, c in s['spans']
                if c == 'Accuracy/Mistranslation')
    for system, doc, _, f, starts in checked_articles(m, by, checker):
        kinds[f.get('reference', {}).get('kind', 'none')] += 1
        for dg in f['diagnostics']:
            rule = dg['rule']
            if not rule.startswith('reference.'):
                continue
            seg, st = segment_at(starts, dg['offset'])
            s = segs[(system, doc, seg)]
            fs = dg['offset'] - st
            fe = fs + max(dg['length'], 1)
            key = f'{rule} ({dg["severity"]})'
            n[key] += 1
            hit[key] += any(m.hits(fs, fe, a, b) for a, b, _ in s['spans'])
            clean[key] += s['clean']
            for k, (a, b, c) in enumerate(s['spans']):
                if c == 'Accuracy/Mistranslation' and m.hits(fs, fe, a, b):
                    mis[key].add((system, doc, seg, k))
    print('reference kind detected: ' + ', '.join(
        f'{k} {v}' for k, v in sorted(kinds.items())) +
        f' (of {sum(kinds.values())} articles)')
    for key in sorted(n, key=lambda k: -n[k]):
        print(f'  {key}: {n[key]} flags, {hit[key] / n[key]:.0%} on a '
              f'marked error, mistranslation recall {len(mis[key])}/{n_mis} '
              f'({len(mis[key]) / max(n_mis, 1):.1%}), {clean[key]} on '
              f'error-free segments')


if __name__ == '__main__':
    main()
