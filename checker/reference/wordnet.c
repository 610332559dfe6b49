/*
 * wordnet: the WordNet index and exception files, in memory (see
 * wordnet.h).
 *
 * An index line is "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt
 * tagsense_cnt synset_offset [synset_offset...]" (wndb(5WN)); lines that
 * start with a space are the licence.  Every (lemma, synset) pair is
 * collected, then the pairs are laid out by lemma id (counting sort), so a
 * lemma's synsets are one contiguous run, noun senses first, each part of
 * speech in WordNet's sense order.  A synset is coded as its part of speech
 * (2 bits) above its byte offset in the data file (under 2^26).
 */
#include "reference/wordnet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/strtab.h"
#include "util/xalloc.h"

#define WN_FILE_LIMIT (64u << 20)
#define WN_OFFSET_BITS 26

static const char *const pos_names[] = { "noun", "verb", "adj", "adv" };

struct wordnet {
	char *text[8]; /* the four index files, then the four .exc files */
	struct strtab lemmas;
	uint8_t *pos;	    /* by lemma id: enum wordnet_pos bits */
	uint32_t *syn_off;  /* by lemma id: first synset in syn[] */
	uint32_t *syn;	    /* synset codes */
	struct strtab forms; /* exception forms */
	uint32_t *exc_off;  /* by form id: first base in exc[] */
	uint32_t *exc;	    /* lemma ids */
};

/* The next whitespace-separated field of *p (up to end); NULL at the end
 * of the line.  *len gets its length. */
static const char *field(const char **p, const char *end, size_t *len)
{
	const char *s = *p, *f;

	while (s < end && *s == ' ')
		s++;
	if (s >= end || *s == '\n')
		return NULL;
	f = s;
	while (s < end && *s != ' ' && *s != '\n')
		s++;
	*len = (size_t)(s - f);
	*p = s;
	return f;
}

static unsigned long number(const char *s, size_t len)
{
	unsigned long v = 0;

	for (size_t i = 0; i < len && i < 12; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	return v;
}

struct pairs {
	uint32_t *v; /* id, code, id, code ... */
	size_t n, alloc;
};

static void pair_add(struct pairs *p, uint32_t id, uint32_t code)
{
	p->v = xgrow(p->v, &p->alloc, p->n + 2, sizeof(*p->v));
	p->v[p->n++] = id;
	p->v[p->n++] = code;
}

/* One index file: lemmas and their synsets into wn and pairs. */
static void parse_index(struct wordnet *wn, const char *t, size_t len,
			unsigned pos, struct pairs *pairs)
{
	const char *end = t + len;

	for (const char *p = t; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *f, *lemma;
		size_t fl, ll;
		unsigned long n_syn, p_cnt;
		uint32_t id;

		if (*p == ' ')
			goto next; /* licence */
		lemma = field(&p, le, &ll);
		if (!lemma || !field(&p, le, &fl))
			goto next;
		f = field(&p, le, &fl);
		n_syn = f ? number(f, fl) : 0;
		f = field(&p, le, &fl);
		p_cnt = f ? number(f, fl) : 0;
		for (unsigned long i = 0; i < p_cnt + 2 && f; i++)
			f = field(&p, le, &fl); /* pointers, two counts */
		if (!f || !n_syn)
			goto next;
		id = strtab_intern(&wn->lemmas, lemma, ll, NULL);
		for (unsigned long i = 0; i < n_syn; i++) {
			unsigned long off;

			f = field(&p, le, &fl);
			if (!f)
				break;
			off = number(f, fl);
			if (off >= (1ul << WN_OFFSET_BITS))
				continue;
			pair_add(pairs, id,
				 (uint32_t)((pos << WN_OFFSET_BITS) | off));
		}
next:
		p = nl ? nl + 1 : end;
	}
}

/* One exception file: "form base [base...]" lines. */
static void parse_exc(struct wordnet *wn, const char *t, size_t len,
		      struct pairs *pairs)
{
	const char *end = t + len;

	for (const char *p = t; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end, *form, *b;
		size_t fl, bl;
		uint32_t fid = STRTAB_NONE;

		form = field(&p, le, &fl);
		while (form && (b = field(&p, le, &bl)) != NULL) {
			uint32_t lid = strtab_find(&wn->lemmas, b, bl);

			if (lid == STRTAB_NONE)
				continue;
			if (fid == STRTAB_NONE)
				fid = strtab_intern(&wn->forms, form, fl, NULL);
			pair_add(pairs, fid, lid);
		}
		p = nl ? nl + 1 : end;
	}
}

/* Lay pairs out by key: off[k]..off[k + 1] in *vals. */
static void by_key(const struct pairs *p, uint32_t n_keys, uint32_t **off,
		   uint32_t **vals)
{
	size_t n = p->n / 2;

	*off = xcalloc((size_t)n_keys + 2, sizeof(**off));
	*vals = xmalloc((n + 1) * sizeof(**vals));
	for (size_t i = 0; i < n; i++)
		(*off)[p->v[2 * i] + 2]++;
	for (uint32_t k = 0; k < n_keys; k++)
		(*off)[k + 2] += (*off)[k + 1];
	for (size_t i = 0; i < n; i++)
		(*vals)[(*off)[p->v[2 * i] + 1]++] = p->v[2 * i + 1];
}

static enum mt_err read_one(const char *dir, const char *name, char **out,
			    size_t *len, struct mt_error *err)
{
	struct buf b = BUF_INIT, path = BUF_INIT;
	int rc;

	buf_addf(&path, "%s/%s", dir, name);
	rc = buf_read_file(&b, path.buf, WN_FILE_LIMIT);
	if (rc != 0) {
		enum mt_err e = mt_error(err, MT_ERR_DICT,
					 "cannot read WordNet file '%s' "
					 "(Debian package wordnet-base)",
					 path.buf);

		buf_release(&b);
		buf_release(&path);
		return e;
	}
	buf_release(&path);
	*out = buf_detach(&b, len);
	return MT_ERR_OK;
}

enum mt_err wordnet_open(const char *dir, struct wordnet **out,
			 struct mt_error *err)
{
	struct wordnet *wn = xcalloc(1, sizeof(*wn));
	struct pairs syn = { 0 }, exc = { 0 };
	size_t len[8];
	uint32_t n;
	enum mt_err rc = MT_ERR_OK;

	*out = NULL;
	if (!dir)
		dir = getenv("MTLINT_WORDNET_DIR");
	if (!dir || !*dir)
		dir = "/usr/share/wordnet";
	strtab_init(&wn->lemmas);
	strtab_init(&wn->forms);
	for (int i = 0; i < 8 && rc == MT_ERR_OK; i++) {
		char name[32];

		snprintf(name, sizeof(name), i < 4 ? "index.%s" : "%s.exc",
			 pos_names[i % 4]);
		rc = read_one(dir, name, &wn->text[i], &len[i], err);
	}
	if (rc != MT_ERR_OK) {
		wordnet_close(wn);
		return rc;
	}
	for (unsigned p = 0; p < 4; p++)
		parse_index(wn, wn->text[p], len[p], p, &syn);
	n = strtab_count(&wn->lemmas);
	by_key(&syn, n, &wn->syn_off, &wn->syn);
	wn->pos = xcalloc((size_t)n + 1, 1);
	for (size_t i = 0; i < syn.n; i += 2)
		wn->pos[syn.v[i]] |= (uint8_t)(1u << (syn.v[i + 1] >>
						       WN_OFFSET_BITS));
	for (int i = 4; i < 8; i++)
		parse_exc(wn, wn->text[i], len[i], &exc);
	by_key(&exc, strtab_count(&wn->forms), &wn->exc_off, &wn->exc);
	free(syn.v);
	free(exc.v);
	*out = wn;
	return MT_ERR_OK;
}

void wordnet_close(struct wordnet *wn)
{
	if (!wn)
		return;
	for (int i = 0; i < 8; i++)
		free(wn->text[i]);
	strtab_release(&wn->lemmas);
	strtab_release(&wn->forms);
	free(wn->pos);
	free(wn->syn_off);
	free(wn->syn);
	free(wn->exc_off);
	free(wn->exc);
	free(wn);
}

size_t wordnet_size(const struct wordnet *wn)
{
	return strtab_count(&wn->lemmas);
}

uint32_t wordnet_find(const struct wordnet *wn, const char *lemma, size_t len)
{
	uint32_t id = strtab_find(&wn->lemmas, lemma, len);

	return id == STRTAB_NONE ? WORDNET_NONE : id;
}

unsigned wordnet_pos(const struct wordnet *wn, uint32_t id)
{
	return id < strtab_count(&wn->lemmas) ? wn->pos[id] : 0;
}

static void add_id(uint32_t *ids, size_t max, size_t *n, uint32_t id)
{
	for (size_t i = 0; i < *n; i++)
		if (ids[i] == id)
			return;
	if (*n < max)
		ids[(*n)++] = id;
}

/* WordNet's detachment rules (morphy), with the part of speech the base
 * must have. */
static const struct {
	const char *suffix, *ending;
	unsigned pos;
} detach[] = {
	{ "s", "", WN_NOUN },	  { "ses", "s", WN_NOUN },
	{ "xes", "x", WN_NOUN },  { "zes", "z", WN_NOUN },
	{ "ches", "ch", WN_NOUN }, { "shes", "sh", WN_NOUN },
	{ "men", "man", WN_NOUN }, { "ies", "y", WN_NOUN },
	{ "s", "", WN_VERB },	  { "ies", "y", WN_VERB },
	{ "es", "e", WN_VERB },	  { "es", "", WN_VERB },
	{ "ed", "e", WN_VERB },	  { "ed", "", WN_VERB },
	{ "ing", "e", WN_VERB },  { "ing", "", WN_VERB },
	{ "er", "", WN_ADJ },	  { "est", "", WN_ADJ },
	{ "er", "e", WN_ADJ },	  { "est", "e", WN_ADJ },
};

size_t wordnet_lemmas(const struct wordnet *wn, const char *word, size_t len,
		      uint32_t *ids, size_t max)
{
	char w[64], b[72];
	size_t n = 0;
	uint32_t id;

	if (len == 0 || len >= sizeof(w))
		return 0;
	for (size_t i = 0; i < len; i++)
		w[i] = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] + 32)
							 : word[i];
	id = strtab_find(&wn->lemmas, w, len);
	if (id != STRTAB_NONE)
		add_id(ids, max, &n, id);
	id = strtab_find(&wn->forms, w, len);
	if (id != STRTAB_NONE)
		for (uint32_t k = wn->exc_off[id]; k < wn->exc_off[id + 1]; k++)
			add_id(ids, max, &n, wn->exc[k]);
	for (size_t r = 0; r < ARRAY_SIZE(detach); r++) {
		size_t sl = strlen(detach[r].suffix), el, bl;

		if (len <= sl + 1 || memcmp(w + len - sl, detach[r].suffix, sl))
			continue;
		el = strlen(detach[r].ending);
		bl = len - sl;
		memcpy(b, w, bl);
		memcpy(b + bl, detach[r].ending, el);
		id = strtab_find(&wn->lemmas, b, bl + el);
		if (id != STRTAB_NONE && (wn->pos[id] & detach[r].pos))
			add_id(ids, max, &n, id);
		/* a doubled final consonant: "stopped", "bigger" */
		if (!el && bl >= 3 && b[bl - 1] == b[bl - 2] &&
		    !strchr("aeiou", b[bl - 1]) &&
		    (detach[r].pos & (WN_VERB | WN_ADJ))) {
			id = strtab_find(&wn->lemmas, b, bl - 1);
			if (id != STRTAB_NONE && (wn->pos[id] & detach[r].pos))
				add_id(ids, max, &n, id);
		}
	}
	return n;
}

int wordnet_synonyms(const struct wordnet *wn, uint32_t a, uint32_t b,
		     unsigned senses)
{
	uint32_t n = strtab_count(&wn->lemmas);

	if (a >= n || b >= n)
		return 0;
	if (a == b)
		return 1;
	for (uint32_t i = wn->syn_off[a], ia = 0; i < wn->syn_off[a + 1];
	     i++) {
		uint32_t pa = wn->syn[i] >> WN_OFFSET_BITS;

		/* the sense number within its part of speech */
		ia = i > wn->syn_off[a] &&
				     (wn->syn[i - 1] >> WN_OFFSET_BITS) == pa
			     ? ia + 1
			     : 0;
		if (senses && ia >= senses)
			continue;
		for (uint32_t k = wn->syn_off[b], ib = 0;
		     k < wn->syn_off[b + 1]; k++) {
			uint32_t pb = wn->syn[k] >> WN_OFFSET_BITS;

			ib = k > wn->syn_off[b] &&
					     (wn->syn[k - 1] >>
					      WN_OFFSET_BITS) == pb
				     ? ib + 1
				     : 0;
			if (senses && ib >= senses)
				continue;
			if (wn->syn[i] == wn->syn[k])
				return 1;
		}
	}
	return 0;
}
