#!/usr/bin/env python3
"""Which properties of a reference.word-choice flag tell a mistranslation
from a paraphrase (issue 13)?  Reads the flags wordchoice-dump.py wrote,
computes properties from the Brown corpus (word and bigram counts) and
WordNet 3.0's data files, and prints, for each property and threshold,
the flags kept, their precision (share on a marked span) and the
Accuracy/Mistranslation recall, per talk.  Prints no text of the data.

usage: wordchoice-study.py FLAGS.jsonl BROWN_DIR [WORDNET_DIR]"""
import collections
import json
import math
import os
import re
import sys

TOK = re.compile(r"[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


# --- Brown counts ---------------------------------------------------------

def brown_lines(corpus):
    """Each line of the tagged Brown corpus as its lower-case words."""
    for name in sorted(os.listdir(corpus)):
        if not re.fullmatch(r'c[a-r]\d\d', name):
            continue
        with open(os.path.join(corpus, name), encoding='latin-1') as f:
            for line in f:
                yield [t.rpartition('/')[0].lower() for t in line.split()]


def brown(corpus):
    uni, bi = collections.Counter(), collections.Counter()
    for ws in brown_lines(corpus):
        ws = [w for w in ws if w]
        if not ws:
            continue
        ws = ['<s>'] + ws + ['</s>']
        uni.update(ws)
        bi.update(zip(ws, ws[1:]))
    return uni, bi


# --- WordNet --------------------------------------------------------------

POS = {'n': 'noun', 'v': 'verb', 'a': 'adj', 'r': 'adv'}
SUFFIX = {
    'n': [('s', ''), ('ses', 's'), ('xes', 'x'), ('zes', 'z'),
          ('ches', 'ch'), ('shes', 'sh'), ('men', 'man'), ('ies', 'y')],
    'v': [('s', ''), ('ies', 'y'), ('es', 'e'), ('es', ''), ('ed', 'e'),
          ('ed', ''), ('ing', 'e'), ('ing', '')],
    'a': [('er', ''), ('est', ''), ('er', 'e'), ('est', 'e')],
    'r': [],
}


class WordNet:
    def __init__(self, d):
        self.index = {}   # (lemma, pos) -> [offsets]
        self.exc = {}     # (form, pos) -> [bases]
        self.syn = {}     # (pos, off) -> (lexfile, [(sym, pos, off)], words)
        for p, name in POS.items():
            with open(os.path.join(d, 'index.' + name)) as f:
                for line in f:
                    if line.startswith(' '):
                        continue
                    a = line.split()
                    n_ptr = int(a[3])
                    offs = a[4 + n_ptr + 2:]
                    self.index[(a[0], p)] = offs
            with open(os.path.join(d, name + '.exc')) as f:
                for line in f:
                    a = line.split()
                    self.exc.setdefault((a[0], p), []).extend(a[1:])
            with open(os.path.join(d, 'data.' + name)) as f:
                for line in f:
                    if line.startswith(' '):
                        continue
                    gloss = line.split(' | ', 1)[1] if ' | ' in line else ''
                    a = line.split(' | ')[0].split()
                    off, lex = a[0], int(a[1])
                    wc = int(a[3], 16)
                    words = [a[4 + 2 * i].lower() for i in range(wc)]
                    k = 4 + 2 * wc
                    np_ = int(a[k])
                    ptrs = []
                    for i in range(np_):
                        sym, po, pp = a[k + 1 + 4 * i:k + 4 + 4 * i]
                        ptrs.append((sym, 'a' if pp == 's' else pp, po))
                    sp = 'a' if a[2] == 's' else a[2]
                    self.syn[(sp, off)] = (lex, ptrs, words,
                                           set(re.findall(r'[a-z]+',
                                                          gloss.lower())))

    def lemmas(self, w, p):
        w = w.lower().replace('’', "'")
        out = []
        if (w, p) in self.index:
            out.append(w)
        for b in self.exc.get((w, p), []):
            if (b, p) in self.index and b not in out:
                out.append(b)
        for suf, rep in SUFFIX[p]:
            if w.endswith(suf) and len(w) > len(suf):
                b = w[:len(w) - len(suf)] + rep
                if (b, p) in self.index and b not in out:
                    out.append(b)
        return out

    def synsets(self, w, senses=8):
        out = []
        for p in POS:
            for lem in self.lemmas(w, p):
                for off in self.index[(lem, p)][:senses]:
                    out.append((p, off))
        return out

    def ancestors(self, s, k):
        """{synset: steps} up the hypernym graph, at most k steps."""
        seen = {s: 0}
        front = [s]
        for step in range(1, k + 1):
            nxt = []
            for x in front:
                for sym, p, off in self.syn[x][1]:
                    if sym in ('@', '@i'):
                        y = (p, off)
                        if y not in seen:
                            seen[y] = step
                            nxt.append(y)
            front = nxt
        return seen

    def related(self, x, y, senses=8):
        """Properties of two words' relation."""
        sx, sy = self.synsets(x, senses), self.synsets(y, senses)
        r = {'wn_both': bool(sx and sy)}
        if not (sx and sy):
            return r
        setx, sety = set(sx), set(sy)
        r['syn'] = bool(setx & sety)
        r['lexfile'] = bool({self.syn[s][0] for s in sx} &
                            {self.syn[s][0] for s in sy})
        r['lexfile1'] = self.syn[sx[0]][0] == self.syn[sy[0]][0]
        links = set()
        for s in sx:
            for sym, p, off in self.syn[s][1]:
                if (p, off) in sety:
                    links.add(sym)
        for s in sy:
            for sym, p, off in self.syn[s][1]:
                if (p, off) in setx:
                    links.add(sym)
        r['deriv'] = '+' in links
        r['antonym'] = '!' in links
        r['similar'] = bool(links & {'&', '^', '$', '=', '\\', '<'})
        r['anylink'] = bool(links)
        best = 99
        ax = {}
        for s in sx:
            for a, d in self.ancestors(s, 6).items():
                ax[a] = min(ax.get(a, 99), d)
        for s in sy:
            for a, d in self.ancestors(s, 6).items():
                if a in ax:
                    best = min(best, ax[a] + d)
        r['hyp_dist'] = best
        lx = {w for p in POS for w in self.lemmas(x, p)} | {x}
        ly = {w for p in POS for w in self.lemmas(y, p)} | {y}
        r['gloss'] = any(lx & self.syn[s][3] for s in sy) or \
            any(ly & self.syn[s][3] for s in sx)
        # words of the synsets one link away
        near = set()
        for s in sx:
            for sym, p, off in self.syn[s][1]:
                near.update(self.syn[(p, off)][2])
        r['near_words'] = bool(ly & near)
        # shared words in glosses are not read; words of neighbour synsets:
        return r


# --- per flag -------------------------------------------------------------

def tokens(text):
    return [(m.start(), m.end(), m.group().lower().replace('’', "'"))
            for m in TOK.finditer(text)]


def neighbours(text, cs, ce):
    toks = tokens(text)
    i = next((k for k, (a, b, _) in enumerate(toks) if a >= cs), None)
    if i is None:
        return '<s>', '</s>'
    j = next((k for k, (a, b, _) in enumerate(toks) if b >= ce), i)
    left = toks[i - 1][2] if i > 0 else '<s>'
    right = toks[j + 1][2] if j + 1 < len(toks) else '</s>'
    return left, right


def char_span(text, fs, fe):
    b = text.encode('utf-8')
    return len(b[:fs].decode('utf-8', 'replace')), \
        len(b[:fe].decode('utf-8', 'replace'))


def contexts(corpus, targets, uni, n_ctx=3000, win=2):
    ctx = {w for w, _ in uni.most_common(n_ctx + 2)} - {'<s>', '</s>'}
    vec = collections.defaultdict(collections.Counter)
    for ws in brown_lines(corpus):
        for i, w in enumerate(ws):
            if w in targets:
                for j in range(max(i - win, 0), min(i + win + 1, len(ws))):
                    if j != i and ws[j] in ctx:
                        vec[w][ws[j]] += 1
    tot = sum(uni[c] for c in ctx)
    out = {}
    for w, v in vec.items():
        n = sum(v.values())
        pm = {}
        for c, k in v.items():
            x = math.log(k * tot / (n * uni[c]))
            if x > 0:
                pm[c] = x
        nrm = math.sqrt(sum(x * x for x in pm.values())) or 1
        out[w] = {c: x / nrm for c, x in pm.items()}
    return out


def cosine(a, b):
    if a is None or b is None:
        return -1
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(c, 0) for c, x in a.items())


def features(r, uni, bi, wn, V, vec=None):
    f = {}
    x, y = r['word'].lower(), r['ref_word'].lower()
    cs, ce = char_span(r['text'], r['fs'], r['fe'])
    al, ar = neighbours(r['text'], cs, ce)
    rl = tokens(r['ref_left'])
    rr = tokens(r['ref_right'])
    yl = rl[-1][2] if rl else '<s>'
    yr = rr[0][2] if rr else '</s>'
    if r['ref_left'].endswith('\n\n') or not rl:
        yl = '<s>'
    f['same_left'] = al == yl
    f['same_right'] = ar == yr
    f['same_both'] = al == yl and ar == yr
    f['same_either'] = al == yl or ar == yr

    def fit(w, l, rt):
        a = 0.1
        p1 = (bi[(l, w)] + a * (uni[w] + 1) / 1e6) / (uni[l] + a)
        p2 = (bi[(w, rt)] + a * (uni[rt] + 1) / 1e6) / (uni[w] + a)
        return math.log(p1) + math.log(p2)

    f['fit_x'] = fit(x, al, ar)
    f['fit_y'] = fit(y, al, ar)
    f['fit_diff'] = f['fit_x'] - f['fit_y']  # >0: article word fits better
    f['bi_x'] = bi[(al, x)] + bi[(x, ar)]
    f['bi_y'] = bi[(al, y)] + bi[(y, ar)]
    f['bi_y_own'] = bi[(yl, y)] + bi[(y, yr)]
    f['bi_x_refslot'] = bi[(yl, x)] + bi[(x, yr)]
    f['cnt_x'] = uni[x]
    f['cnt_y'] = uni[y]
    f['ratio'] = math.log((uni[x] + 1) / (uni[y] + 1))
    f['len_x'] = len(x)
    f['y_in_article'] = re.search(r'(?<![\w])' + re.escape(y) + r'(?![\w])',
                                  r['text'].lower()) is not None
    f['x_in_refsent'] = re.search(r'(?<![\w])' + re.escape(x) + r'(?![\w])',
                                  r['ref_sentence'].lower()) is not None
    f['fix'] = r['fix']
    f['x_once_in_article'] = r['x_article'] == 1
    f['x_3_in_article'] = r['x_article'] >= 3
    f['y_in_article_anywhere'] = r['y_article'] > 0
    f['other_in_seg'] = bool(r.get('others'))
    f['other_on_word'] = bool(r.get('over'))
    f['score'] = r['score'] or 0
    f['cap'] = r['word'][:1].isupper()
    f['dist_cos'] = cosine(vec.get(x), vec.get(y)) if vec else -1
    rel = wn.related(x, y)
    f.update(rel)
    f['n_x'] = bool(wn.lemmas(x, 'n'))
    f['v_x'] = bool(wn.lemmas(x, 'v'))
    f['a_x'] = bool(wn.lemmas(x, 'a'))
    f['r_x'] = bool(wn.lemmas(x, 'r'))
    f['n_only'] = f['n_x'] and not (f['v_x'] or f['a_x'] or f['r_x'])
    f['v_only'] = f['v_x'] and not (f['n_x'] or f['a_x'] or f['r_x'])
    f['a_only'] = f['a_x'] and not (f['n_x'] or f['v_x'] or f['r_x'])
    f['senses_x'] = len(wn.synsets(x, 99))
    f['senses_y'] = len(wn.synsets(y, 99))
    return f


def stat(rows, doc, keep, totals):
    rs = [r for r, f in rows if r['doc'] == doc and keep(f)]
    mis = {(r['system'], r['seg'], k) for r in rs for k in r['mis']}
    return (len(rs), sum(r['hit'] for r in rs) / max(len(rs), 1),
            len(mis) / totals[doc])


def report(rows, totals, name, keep):
    out = []
    for doc in sorted(totals):
        n, p, rc = stat(rows, doc, keep, totals)
        out.append(f'{doc}: {n:4d} flags {p:5.1%} rec {rc:5.1%}')
    print(f'{name:34s} ' + ' | '.join(out))


def predicates(rows):
    """Every boolean property, both ways; every numeric one at its
    deciles 1, 2.5, 5, 7.5 and 9, both ways."""
    preds = {}
    keys = sorted({k for _, f in rows for k in f})
    for k in keys:
        vals = sorted(f[k] for _, f in rows if k in f)
        if isinstance(vals[0], bool):
            preds[k] = lambda f, k=k: f.get(k) is True
            preds['not ' + k] = lambda f, k=k: f.get(k) is False
            continue
        for t in sorted({vals[int(len(vals) * q)]
                         for q in (0.1, 0.25, 0.5, 0.75, 0.9)}):
            preds[f'{k} <= {t:.3g}'] = \
                lambda f, k=k, t=t: k in f and f[k] <= t
            preds[f'{k} > {t:.3g}'] = \
                lambda f, k=k, t=t: k in f and f[k] > t
    return preds


def slot(f):
    """the word between the same neighbours as the reference's word"""
    return f['same_left'] or f['same_right']


def unrelated(f):
    """no WordNet path of six steps, no gloss or neighbour synset"""
    return f.get('wn_both') and f.get('hyp_dist', 99) > 6 and \
        not f.get('gloss') and not f.get('near_words')


# Decision lists stated before looking (each reads as a reason).
LISTS = {
    'same slot, unrelated in WordNet': lambda f: slot(f) and unrelated(f),
    'article word fits its slot worse': lambda f: f['fit_diff'] < -2,
    'same slot, fits worse': lambda f: slot(f) and f['fit_diff'] < -2,
    'same slot, fits worse, unrelated':
        lambda f: slot(f) and f['fit_diff'] < -2 and unrelated(f),
    'odd collocation (x unseen, y seen)':
        lambda f: f['bi_x'] == 0 and f['bi_y'] > 0,
    'odd collocation, unrelated':
        lambda f: f['bi_x'] == 0 and f['bi_y'] > 0 and unrelated(f),
    'distributionally remote (cos<.02)': lambda f: 0 <= f['dist_cos'] < .02,
    'article word rarer, same slot': lambda f: f['ratio'] < 0 and slot(f),
    'rare article word (<=7), same slot':
        lambda f: f['cnt_x'] <= 7 and slot(f),
}


def main():
    path, corpus = sys.argv[1:3]
    wndir = sys.argv[3] if len(sys.argv) > 3 else '/usr/share/wordnet'
    lines = [json.loads(l) for l in open(path, encoding='utf-8')]
    totals = lines[-1]['totals']
    recs = lines[:-1]
    uni, bi = brown(corpus)
    wn = WordNet(wndir)
    targets = {r['word'].lower() for r in recs} | \
        {r['ref_word'].lower() for r in recs}
    vec = contexts(corpus, targets, uni)
    rows = [(r, features(r, uni, bi, wn, len(uni), vec)) for r in recs]
    per_seg = collections.Counter((r['system'], r['doc'], r['seg'])
                                  for r in recs)
    per_pair = collections.Counter((r['system'], r['doc'], r['word'].lower(),
                                    r['ref_word'].lower()) for r in recs)
    for r, f in rows:
        f['seg_flags'] = per_seg[(r['system'], r['doc'], r['seg'])]
        f['seg_density'] = f['seg_flags'] / max(len(tokens(r['text'])), 1)
        f['pair_again'] = per_pair[(r['system'], r['doc'], r['word'].lower(),
                                    r['ref_word'].lower())] > 1
    print('== base rate: words of 3+ letters that Brown has fewer than '
          '1,500 times, on a marked span')
    for doc, ws in sorted(lines[-1].get('words', {}).items()):
        n = sum(c[0] for w, c in ws.items() if uni[w] < 1500)
        h = sum(c[1] for w, c in ws.items() if uni[w] < 1500)
        print(f'  {doc}: {n} words, {h / max(n, 1):.1%}')
    print('== one property (flags kept, precision, mistranslation recall)')
    report(rows, totals, 'all', lambda f: True)
    preds = predicates(rows)
    for name, keep in preds.items():
        report(rows, totals, name, keep)
    print('== decision lists stated beforehand')
    for name, keep in LISTS.items():
        report(rows, totals, name, keep)
    docs = sorted(totals)
    print('== every pair of properties, at least 40 flags on each talk: '
          'the best by the lower precision of the two talks')
    best = []
    names = list(preds)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            def keep(f, a=a, b=b):
                return preds[a](f) and preds[b](f)
            st = [stat(rows, d, keep, totals) for d in docs]
            if min(x[0] for x in st) >= 40:
                best.append((min(x[1] for x in st), a, b, st))
    best.sort(key=lambda x: -x[0])
    print(f'  ({len(best)} pairs)')
    for _, a, b, st in best[:10]:
        print(f'  {a + " & " + b:50s} ' + ' | '.join(
            f'{d}: {n:4d} {p:5.1%} rec {rc:5.1%}'
            for d, (n, p, rc) in zip(docs, st)))
    for train, test in ((docs[0], docs[1]), (docs[1], docs[0])):
        print(f'== pairs chosen on {train} (at least 25 flags), '
              f'checked on {test}')
        ch = []
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                def keep(f, a=a, b=b):
                    return preds[a](f) and preds[b](f)
                n, p, rc = stat(rows, train, keep, totals)
                if n >= 25:
                    ch.append((p, a, b, keep))
        ch.sort(key=lambda x: -x[0])
        for p, a, b, keep in ch[:5]:
            n, p, rc = stat(rows, train, keep, totals)
            n2, p2, rc2 = stat(rows, test, keep, totals)
            print(f'  {a + " & " + b:50s} {train}: {n:4d} {p:5.1%} rec '
                  f'{rc:5.1%} | {test}: {n2:4d} {p2:5.1%} rec {rc2:5.1%}')


if __name__ == '__main__':
    main()
