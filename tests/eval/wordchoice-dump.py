#!/usr/bin/env python3
"""Dump reference.word-choice flags on the TED MQM set with what a study
of them needs (issue 13): one JSON object a line.

usage: wordchoice-dump.py MQM_DIR CHECKER DATA.tsv OUT.jsonl [REF]

REF: the human translation given as the reference ('ref', as the scorer
does, or 'refB'; the other one is the reference of REF itself).

Articles and references are made and checked by mqm-reference.py's own
checked_articles().  Each
line: system, doc, seg, the flag's byte span in the segment, the article
word, the reference word and its sentence (evidence), the segment's text,
the reference file's text around the reference word, whether the flag hits
a marked span (any category) and which Accuracy/Mistranslation spans it
hits, the other rules' findings in the segment and on the word, and how
often the two words occur in the whole article.  A last
line gives the mistranslation spans per doc ("totals") and, per doc, every
word of three letters or more with how often it occurs and how often on a
marked span ("words": the base rate a flag must beat).  Local use only: the output holds text of the data and stays in
build/."""
import collections
import importlib.util
import json
import os
import re
import sys


def count_words(text, w):
    return len(re.findall(r'(?<!\w)' + re.escape(w) + r'(?!\w)', text)) \
        if w else 0


def main():
    mqm_dir, checker, data, out_path = sys.argv[1:5]
    first = sys.argv[5] if len(sys.argv) > 5 else 'ref'
    spec = importlib.util.spec_from_file_location(
        'mqm_reference', os.path.join(os.path.dirname(
            os.path.abspath(__file__)), 'mqm-reference.py'))
    mr = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mr)
    m = mr.load_scorer(mqm_dir)
    segs = m.load(data)
    by = m.articles(segs)
    totals = collections.Counter()
    words = collections.defaultdict(dict)  # doc -> word -> [n, on a span]
    for (system, doc, seg), s in segs.items():
        for _, _, c in s['spans']:
            if c == 'Accuracy/Mistranslation':
                totals[doc] += 1
        for w in re.finditer(r'[A-Za-z]{3,}', s['text']):
            a = len(s['text'][:w.start()].encode('utf-8'))
            b = a + len(w.group())
            c = words[doc].setdefault(w.group().lower(), [0, 0])
            c[0] += 1
            c[1] += any(m.hits(a, b, x, y) for x, y, _ in s['spans'])
    out = open(out_path, 'w', encoding='utf-8')
    for system, doc, ref, f, starts in mr.checked_articles(m, by, checker,
                                                           first):
        with open(ref, 'rb') as rf:
            ref_text = rf.read()
        article = ' '.join(t for _, t in by[(system, doc)]).lower()
        others = collections.defaultdict(list)
        for dg in f['diagnostics']:
            if not dg['rule'].startswith('reference.'):
                seg, st = mr.segment_at(starts, dg['offset'])
                others[seg].append((dg['rule'], dg['offset'] - st,
                                    dg['offset'] - st + max(dg['length'], 1)))
        for dg in f['diagnostics']:
            if dg['rule'] != 'reference.word-choice':
                continue
            seg, st = mr.segment_at(starts, dg['offset'])
            s = segs[(system, doc, seg)]
            fs = dg['offset'] - st
            fe = fs + max(dg['length'], 1)
            ev = dg.get('evidence') or {}
            ro = ev.get('offset', 0)
            rl = ev.get('length', 0)
            seg_b = s['text'].encode('utf-8')
            word = seg_b[fs:fe].decode('utf-8', 'replace')
            rec = {
                'system': system, 'doc': doc, 'seg': seg,
                'fs': fs, 'fe': fe,
                'word': word,
                'ref_word': ev.get('text', ''),
                'ref_sentence': ev.get('context', ''),
                'ref_left': ref_text[max(ro - 200, 0):ro].decode(
                    'utf-8', 'replace'),
                'ref_right': ref_text[ro + rl:ro + rl + 200].decode(
                    'utf-8', 'replace'),
                'score': ev.get('score'),
                'message': dg['message'],
                'fix': bool(dg.get('suggestions')),
                'text': s['text'],
                'hit': any(m.hits(fs, fe, a, b) for a, b, _ in s['spans']),
                'mis': [k for k, (a, b, c) in enumerate(s['spans'])
                        if c == 'Accuracy/Mistranslation' and
                        m.hits(fs, fe, a, b)],
                'clean': s['clean'],
                'x_article': count_words(article, word.lower()),
                'y_article': count_words(article, ev.get('text', '').lower()),
                'others': [o[0] for o in others[seg]],
                'over': [o[0] for o in others[seg] if o[1] < fe and o[2] > fs],
            }
            out.write(json.dumps(rec) + '\n')
    out.write(json.dumps({'totals': totals, 'words': words}) + '\n')
    out.close()


if __name__ == '__main__':
    main()
