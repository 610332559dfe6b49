/*
 * hunspell: Hunspell behind a small API with caches (see hunspell.h; the
 * speller's state is speller_internal.h's).
 *
 * The only file that includes hunspell/hunspell.h.  Hunspell's strings
 * never leave it: words are converted to the dictionary's encoding on the
 * way in, results back to UTF-8 and copied into an arena, and
 * Hunspell_free_list() runs at once.  The suggestion index
 * (speller_index.c) answers most checks before Hunspell is even loaded.
 */
#include "spelling/hunspell.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hunspell/hunspell.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "lm/lm.h"
#include "spelling/speller_internal.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/gencache.h"
#include "util/limits.h"
#include "util/listfile.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "util/xalloc.h"

_Static_assert(SPELLER_MAX_WORD == RANK_MAX_WORD,
	       "rank.h compares the words the speller checks");

/* ---- encodings -------------------------------------------------------- */

size_t speller_normalise(const char *w, size_t len, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		const unsigned char *u = (const unsigned char *)w + i;

		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 &&
		    (u[2] == 0x98 || u[2] == 0x99)) {
			out[o++] = '\'';
			i += 2;
		} else if (i + 1 < len && u[0] == 0xCA && u[1] == 0xBC) {
			out[o++] = '\'';
			i += 1;
		} else {
			out[o++] = w[i];
		}
	}
	out[o] = '\0';
	return o;
}

/*
 * Convert NUL-terminated `in` with cd into out (cap bytes, NUL-terminated).
 * Returns 0, or -1 when a character has no equivalent or out is too small.
 */
static int convert(iconv_t cd, const char *in, char *out, size_t cap)
{
	char *ip = (char *)in, *op = out;
	size_t il = strlen(in), ol = cap - 1;

	iconv(cd, NULL, NULL, NULL, NULL);
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1)
		return -1;
	*op = '\0';
	return 0;
}

/* UTF-8 word -> dictionary encoding, in out (cap bytes). */
static int to_dic(struct speller *sp, const char *w, char *out, size_t cap)
{
	if (sp->utf8) {
		size_t n = strlen(w);

		if (n >= cap)
			return -1;
		memcpy(out, w, n + 1);
		return 0;
	}
	return convert(sp->to_dic, w, out, cap);
}

/* Dictionary encoding -> UTF-8, as a copy in the arena (NULL on failure). */
static char *from_dic(struct speller *sp, const char *s, struct arena *a)
{
	char buf[4 * SPELLER_MAX_WORD + 16];

	if (sp->utf8)
		return arena_strdup(a, s);
	if (convert(sp->from_dic, s, buf, sizeof(buf)) < 0)
		return NULL;
	return arena_strdup(a, buf);
}

/* ---- opening ---------------------------------------------------------- */

/*
 * What the .aff file says that matters before Hunspell is loaded: the
 * encoding (SET; Hunspell's default is ISO8859-1), and whether a word's
 * capitalised and upper-case forms are always accepted with it (not with
 * KEEPCASE, FORCEUCASE, CHECKSHARPS or FORBIDDENWORD, which Hunspell alone
 * can judge).
 */
static void read_aff_head(const char *aff, char *enc, size_t cap, int *case_ok)
{
	FILE *f = fopen(aff, "r");
	char line[512];

	snprintf(enc, cap, "ISO8859-1");
	*case_ok = 1;
	while (f && fgets(line, sizeof(line), f)) {
		char a[64], b[64];
		int k = sscanf(line, "%63s %63s", a, b);

		if (k == 2 && strcmp(a, "SET") == 0)
			snprintf(enc, cap, "%s", b);
		else if (k >= 1 && (strcmp(a, "KEEPCASE") == 0 ||
				    strcmp(a, "FORCEUCASE") == 0 ||
				    strcmp(a, "CHECKSHARPS") == 0 ||
				    strcmp(a, "FORBIDDENWORD") == 0))
			*case_ok = 0;
	}
	if (f)
		fclose(f);
}

enum mt_err speller_open_files(const char *aff, const char *dic,
			       struct speller **out, struct mt_error *err)
{
	struct speller *sp;
	char encbuf[64];
	const char *enc;
	FILE *f;

	*out = NULL;
	/* Hunspell reports a missing file only on stderr: look first */
	f = fopen(aff, "r");
	if (!f)
		return mt_error(err, MT_ERR_DICT,
				"cannot open dictionary '%s': %s", aff,
				strerror(errno));
	fclose(f);
	f = fopen(dic, "r");
	if (!f)
		return mt_error(err, MT_ERR_DICT,
				"cannot open dictionary '%s': %s", dic,
				strerror(errno));
	fclose(f);

	sp = xcalloc(1, sizeof(*sp));
	gencache_init(&sp->cache, SPELLER_CACHE_BYTES);
	gencache_init(&sp->stems, SPELLER_STEMS_CACHE_BYTES);
	gencache_init(&sp->neighbours, SPELLER_NEIGHBOURS_CACHE_BYTES);
	arena_init(&sp->work, 0);
	arena_init(&sp->out, 0);
	sp->to_dic = sp->from_dic = (iconv_t)-1;
	sp->dic_path = xstrdup(dic);
	sp->aff_path = xstrdup(aff);
	arena_init(&sp->added_arena, 0);
	read_aff_head(aff, encbuf, sizeof(encbuf), &sp->case_ok);
	enc = encbuf;
	if (strcasecmp(enc, "UTF-8") == 0 || strcasecmp(enc, "UTF8") == 0) {
		sp->utf8 = 1;
	} else {
		sp->to_dic = iconv_open(enc, "UTF-8");
		sp->from_dic = iconv_open("UTF-8", enc);
		if (sp->to_dic == (iconv_t)-1 || sp->from_dic == (iconv_t)-1) {
			mt_error(err, MT_ERR_DICT,
				 "dictionary '%s': unknown encoding '%s'", dic,
				 enc);
			speller_close(sp);
			return MT_ERR_DICT;
		}
	}
	arena_init(&sp->freq_arena, 0);
	sp->w = rank_default_weights;
	*out = sp;
	return MT_ERR_OK;
}

/* Try dir/lang.aff + dir/lang.dic; 1 if opened (or failed loading). */
static int try_dir(const char *dir, size_t dlen, const char *lang,
		   struct speller **out, enum mt_err *rc, struct mt_error *err)
{
	char aff[4096], dic[4096];

	if (dlen == 0)
		return 0;
	snprintf(aff, sizeof(aff), "%.*s/%s.aff", (int)dlen, dir, lang);
	snprintf(dic, sizeof(dic), "%.*s/%s.dic", (int)dlen, dir, lang);
	if (!mt_path_exists(aff) || !mt_path_exists(dic))
		return 0;
	*rc = speller_open_files(aff, dic, out, err);
	return 1;
}

/* Try each ':'-separated directory of list. */
static int try_list(const char *list, const char *lang, struct speller **out,
		    enum mt_err *rc, struct mt_error *err)
{
	while (list && *list) {
		const char *colon = strchr(list, ':');
		size_t n = colon ? (size_t)(colon - list) : strlen(list);

		if (try_dir(list, n, lang, out, rc, err))
			return 1;
		list = colon ? colon + 1 : NULL;
	}
	return 0;
}

enum mt_err speller_open(const char *lang, const char *dict_path,
			 struct speller **out, struct mt_error *err)
{
	static const char *const system_dirs =
		"/usr/share/hunspell:/usr/share/myspell:"
		"/usr/share/myspell/dicts:/usr/local/share/hunspell";
	enum mt_err rc = MT_ERR_DICT;

	*out = NULL;
	if (!lang)
		lang = "en_US";
	/* a language name is a file stem, never a path */
	if (!*lang || strchr(lang, '/') || strlen(lang) > 64)
		return mt_error(err, MT_ERR_DICT, "invalid language '%s'",
				lang);
	if (try_list(dict_path, lang, out, &rc, err) ||
	    try_list(getenv("DICPATH"), lang, out, &rc, err) ||
	    try_list(system_dirs, lang, out, &rc, err))
		return rc;
	return mt_error(err, MT_ERR_DICT,
			"no Hunspell dictionary for '%s' (looked in %s%s%s) "
			"-- install a hunspell-%.2s package or use --dict-path",
			lang, dict_path ? dict_path : "", dict_path ? ":" : "",
			system_dirs, lang);
}

void speller_close(struct speller *sp)
{
	if (!sp)
		return;
	if (sp->h)
		Hunspell_destroy(sp->h);
	if (sp->to_dic != (iconv_t)-1)
		iconv_close(sp->to_dic);
	if (sp->from_dic != (iconv_t)-1)
		iconv_close(sp->from_dic);
	gencache_release(&sp->cache);
	gencache_release(&sp->stems);
	gencache_release(&sp->neighbours);
	arena_release(&sp->work);
	arena_release(&sp->out);
	arena_release(&sp->freq_arena);
	strtab_release(&sp->freq);
	free(sp->counts);
	free(sp->dic_path);
	free(sp->aff_path);
	speller_index_forget(sp);
	lm_close(sp->lm);
	free(sp->lm_path);
	free(sp->added);
	free(sp->added_model);
	arena_release(&sp->added_arena);
	free(sp);
}

const char *speller_dic_path(const struct speller *sp)
{
	return sp->dic_path;
}

/* ---- loading Hunspell ------------------------------------------------- */

/* Give Hunspell added word i (with its model's affixes when Hunspell
 * knows the model). */
/*
 * Give Hunspell added word i, with its model's affixes when Hunspell knows
 * the model.  known_models (or NULL) remembers the models found known: a
 * few models serve tens of thousands of words, and adding words never
 * makes a known word unknown.
 */
static void hun_add(struct speller *sp, size_t i, struct strtab *known_models)
{
	char w[4 * SPELLER_MAX_WORD + 16], m[4 * SPELLER_MAX_WORD + 16];
	const char *model = sp->added_model[i];
	int known;

	if (to_dic(sp, sp->added[i], w, sizeof(w)) < 0)
		return;
	known = model && to_dic(sp, model, m, sizeof(m)) == 0;
	if (known &&
	    (!known_models ||
	     strtab_find(known_models, model, strlen(model)) == STRTAB_NONE)) {
		known = Hunspell_spell(sp->h, m) != 0;
		if (known && known_models) {
			int is_new;

			strtab_intern(known_models, model, strlen(model),
				      &is_new);
		}
	}
	if (known)
		Hunspell_add_with_affix(sp->h, w, m);
	else
		Hunspell_add(sp->h, w);
}

/*
 * The Hunspell handle, loaded on first use (tens of milliseconds a
 * dictionary): a document whose words the suggestion index knows never
 * needs it.  The words added so far are given to it in their order.
 */
static Hunhandle *hun(struct speller *sp)
{
	struct strtab known_models;

	if (sp->h)
		return sp->h;
	sp->h = Hunspell_create(sp->aff_path, sp->dic_path);
	if (!sp->h) /* new throws rather than fail; the files were there */
		MT_BUG("Hunspell cannot load '%s'", sp->dic_path);
	strtab_init(&known_models);
	for (size_t i = 0; i < sp->n_added; i++)
		hun_add(sp, i, &known_models);
	strtab_release(&known_models);
	return sp->h;
}

/* ---- adding words ----------------------------------------------------- */

int speller_add(struct speller *sp, const char *word, const char *model)
{
	char w[4 * SPELLER_MAX_WORD + 16], m[4 * SPELLER_MAX_WORD + 16];
	char norm[4 * SPELLER_MAX_WORD + 16];
	size_t n = strlen(word);

	if (n == 0 || n > SPELLER_MAX_WORD)
		return -1;
	speller_normalise(word, n, norm);
	if (to_dic(sp, norm, w, sizeof(w)) < 0 ||
	    (model && *model && to_dic(sp, model, m, sizeof(m)) < 0))
		return -1;
	gencache_clear(&sp->cache);
	gencache_clear(&sp->stems);
	gencache_clear(&sp->neighbours);
	/* kept: Hunspell, when loaded, gets every added word in order, and
	 * the words are sources of the suggestion index, which the next
	 * look-up maps or builds with them */
	sp->added = xgrow(sp->added, &sp->alloc_added, sp->n_added + 1,
			  sizeof(*sp->added));
	sp->added_model = xgrow(sp->added_model, &sp->alloc_added_model,
				sp->n_added + 1, sizeof(*sp->added_model));
	/* a word list gives most of its words one model ("Paris"): kept
	 * once */
	if (model && *model &&
	    (!sp->last_model || strcmp(sp->last_model, model) != 0))
		sp->last_model = arena_strdup(&sp->added_arena, model);
	sp->added_model[sp->n_added] = model && *model ? sp->last_model : NULL;
	sp->added[sp->n_added++] = arena_strdup(&sp->added_arena, norm);
	if (sp->h)
		hun_add(sp, sp->n_added - 1, NULL);
	speller_index_forget(sp);
	return 0;
}

struct words_arg {
	struct speller *sp;
	const char *model;
};

static int add_line(void *arg, char *line, size_t lineno)
{
	struct words_arg *wa = arg;
	char *sp = strpbrk(line, " \t");
	const char *model = NULL;
	UChar32 c;
	int32_t i = 0;

	(void)lineno;
	if (sp) {
		*sp++ = '\0';
		while (*sp == ' ' || *sp == '\t')
			sp++;
		model = *sp ? sp : NULL;
	}
	U8_NEXT(line, i, (int32_t)strlen(line), c);
	if (!model && c >= 0 && u_isupper(c))
		model = wa->model;
	/* words the dictionary's encoding cannot hold are skipped: they
	 * cannot occur in what the dictionary checks either */
	speller_add(wa->sp, line, model);
	return 0;
}

enum mt_err speller_load_words(struct speller *sp, const char *path,
			       const char *model, struct mt_error *err)
{
	struct words_arg wa = { sp, model };

	return listfile_read(path, MT_LIMIT_WORD_LIST, "word list", add_line,
			     &wa, err);
}

static int freq_line(void *arg, char *line, size_t lineno)
{
	struct speller *sp = arg;
	char *p = strpbrk(line, " \t"), *end;
	char low[4 * SPELLER_MAX_WORD + 16];
	unsigned long count;
	size_t len;
	uint32_t id;
	int is_new;

	(void)lineno;
	if (!p)
		return -1;
	*p++ = '\0';
	errno = 0;
	count = strtoul(p, &end, 10);
	if (errno || end == p)
		return -1;
	len = sugindex_fold(line, strlen(line), low, sizeof(low));
	if (len == (size_t)-1 || len == 0)
		return 0;
	id = strtab_intern_copy(&sp->freq, &sp->freq_arena, low, len, &is_new);
	if (is_new) {
		sp->counts = xgrow(sp->counts, &sp->alloc_counts, id + 1,
				   sizeof(*sp->counts));
		sp->counts[id] = 0;
	}
	sp->counts[id] += count;
	return 0;
}

enum mt_err speller_load_frequencies(struct speller *sp, const char *path,
				     struct mt_error *err)
{
	return listfile_read(path, MT_LIMIT_WORD_LIST, "frequency list",
			     freq_line, sp, err);
}

unsigned long speller_frequency(const struct speller *sp, const char *word,
				size_t len)
{
	char low[4 * SPELLER_MAX_WORD + 16], norm[SPELLER_MAX_WORD + 1];
	uint32_t id;

	if (len == 0 || len > SPELLER_MAX_WORD)
		return 0;
	len = speller_normalise(word, len, norm);
	len = sugindex_fold(norm, len, low, sizeof(low));
	if (len == (size_t)-1)
		return 0;
	id = strtab_find(&sp->freq, low, len);
	return id == STRTAB_NONE ? 0 : sp->counts[id];
}

/* ---- the cache -------------------------------------------------------- */

struct sval *speller_entry_get(struct speller *sp, const char *w, size_t len,
			       struct entry *e)
{
	size_t vlen;
	struct sval *v = gencache_get(&sp->cache, w, len, &vlen);
	const char *p;

	memset(e, 0, sizeof(*e));
	e->key = w;
	e->len = (uint32_t)len;
	e->known = -1;
	if (!v)
		return NULL;
	e->known = v->known;
	p = (const char *)(v + 1);
	for (int o = 0; o < SPELLER_N_ORDERS; o++) {
		const char **a = arena_alloc(&sp->work,
					     (v->n_sug[o] + 1) * sizeof(*a));

		for (size_t i = 0; i < v->n_sug[o]; i++) {
			a[i] = p;
			p += strlen(p) + 1;
		}
		if (!v->have_sug[o])
			continue; /* forgotten by speller_set_weights() */
		e->have_sug[o] = 1;
		e->n_sug[o] = v->n_sug[o];
		e->sug[o] = a;
	}
	return v;
}

void speller_entry_put(struct speller *sp, const struct entry *e)
{
	struct sval h = { 0 };
	struct buf b = BUF_INIT;

	h.known = e->known;
	for (int o = 0; o < SPELLER_N_ORDERS; o++)
		if (e->have_sug[o]) {
			h.have_sug[o] = 1;
			h.n_sug[o] = e->n_sug[o];
		}
	buf_add(&b, &h, sizeof(h));
	for (int o = 0; o < SPELLER_N_ORDERS; o++)
		for (size_t i = 0; i < h.n_sug[o]; i++)
			buf_add(&b, e->sug[o][i], strlen(e->sug[o][i]) + 1);
	gencache_put(&sp->cache, e->key, e->len, b.buf, b.len);
	buf_release(&b);
}

void speller_set_cache_budget(struct speller *sp, size_t bytes)
{
	gencache_release(&sp->cache);
	gencache_init(&sp->cache, bytes);
}

size_t speller_cache_bytes(const struct speller *sp)
{
	return gencache_bytes(&sp->cache) + gencache_bytes(&sp->stems) +
	       gencache_bytes(&sp->neighbours);
}

/* ---- checking --------------------------------------------------------- */

static int first_is_upper(const char *w, size_t len)
{
	int32_t i = 0;
	UChar32 c;

	U8_NEXT(w, i, (int32_t)len, c);
	return c >= 0 && u_isupper(c);
}

/* Hunspell on a normalised NUL-terminated UTF-8 word. */
static int hun_spell(struct speller *sp, const char *norm)
{
	char w[4 * SPELLER_MAX_WORD + 16];

	if (to_dic(sp, norm, w, sizeof(w)) < 0)
		return 0;
	return Hunspell_spell(hun(sp), w) != 0;
}

int speller_spelled(struct speller *sp, const char *w, size_t n)
{
	return speller_index_known(sp, w, n) ||
	       (!speller_index_unknown(sp, w, n) && hun_spell(sp, w));
}

/*
 * The uncached check.  A capitalised word Hunspell does not know with a
 * possessive ending is known when its stem is: word lists add names
 * without the dictionary's possessive flag, and "Jones'" has none anyway.
 */
static int check_uncached(struct speller *sp, const char *w, size_t len)
{
	char norm[SPELLER_MAX_WORD + 1];
	size_t n = speller_normalise(w, len, norm);

	if (speller_index_known(sp, norm, n))
		return 1;
	if (speller_index_unknown(sp, norm, n))
		return 0;
	if (hun_spell(sp, norm))
		return 1;
	if (n > 3 && first_is_upper(norm, n)) {
		if (norm[n - 2] == '\'' && norm[n - 1] == 's') {
			norm[n - 2] = '\0';
			return speller_index_known(sp, norm, n - 2) ||
			       hun_spell(sp, norm);
		}
		if (norm[n - 1] == '\'' && norm[n - 2] == 's') {
			norm[n - 1] = '\0';
			return speller_index_known(sp, norm, n - 1) ||
			       hun_spell(sp, norm);
		}
	}
	return 0;
}

int speller_check(struct speller *sp, const char *word, size_t len)
{
	size_t vlen;
	struct sval *v, h = { 0 };

	if (len == 0 || len > SPELLER_MAX_WORD)
		return 1;
	v = gencache_get(&sp->cache, word, len, &vlen);
	if (v && v->known >= 0)
		return v->known;
	/* check_uncached() leaves the cache alone: v stays valid */
	h.known = (int8_t)check_uncached(sp, word, len);
	if (v)
		v->known = h.known;
	else
		gencache_put(&sp->cache, word, len, &h, sizeof(h));
	return h.known;
}

/* Hunspell's stems of the word, converted to UTF-8 (those that convert
 * and are not empty, in Hunspell's order; the conversions in `a`), into b
 * as speller_stems() caches them: a count byte, then each stem
 * NUL-terminated. */
static void stems_uncached(struct speller *sp, const char *word, size_t len,
			   struct arena *a, struct buf *b)
{
	char norm[SPELLER_MAX_WORD + 1], w[4 * SPELLER_MAX_WORD + 16];
	char **list = NULL;
	unsigned char k = 0;
	int n = 0;

	buf_addc(b, 0);
	speller_normalise(word, len, norm);
	if (to_dic(sp, norm, w, sizeof(w)) == 0)
		n = Hunspell_stem(hun(sp), &list, w);
	for (int i = 0; i < n && k < UCHAR_MAX; i++) {
		char *u = from_dic(sp, list[i], a);

		if (u && *u) {
			buf_add(b, u, strlen(u) + 1);
			k++;
		}
	}
	if (list)
		Hunspell_free_list(hun(sp), &list, n);
	b->buf[0] = (char)k;
}

size_t speller_stems(struct speller *sp, const char *word, size_t len,
		     struct arena *a, const char **out, size_t max)
{
	struct buf b = BUF_INIT;
	const char *v, *p;
	size_t vlen, k = 0;

	if (len == 0 || len > SPELLER_MAX_WORD)
		return 0;
	v = gencache_get(&sp->stems, word, len, &vlen);
	if (!v) {
		stems_uncached(sp, word, len, a, &b);
		/* NULL when over the budget's half: then b is the answer */
		v = gencache_put(&sp->stems, word, len, b.buf, b.len);
		if (!v)
			v = b.buf;
	}
	p = v + 1;
	for (unsigned char i = 0; i < (unsigned char)v[0] && k < max; i++) {
		out[k++] = arena_strdup(a, p);
		p += strlen(p) + 1;
	}
	buf_release(&b);
	return k;
}

/* ---- for the suggestion index and suggestions ------------------------- */

char *speller_accepted_form(struct speller *sp, const char *word,
			    struct arena *a)
{
	char *u;

	if (strlen(word) > 4 * SPELLER_MAX_WORD ||
	    !Hunspell_spell(hun(sp), word))
		return NULL;
	u = from_dic(sp, word, a);
	if (!u || !*u || strlen(u) > SPELLER_MAX_WORD)
		return NULL;
	return u;
}

size_t speller_hunspell_suggest(struct speller *sp, const char *word,
				size_t len, const char **out, size_t max)
{
	char norm[SPELLER_MAX_WORD + 1], w[4 * SPELLER_MAX_WORD + 16];
	char **list = NULL;
	size_t k = 0;
	int n = 0;

	if (len == 0 || len > SPELLER_MAX_WORD)
		return 0;
	speller_normalise(word, len, norm);
	if (to_dic(sp, norm, w, sizeof(w)) == 0)
		n = Hunspell_suggest(hun(sp), &list, w);
	for (int i = 0; i < n && k < max; i++) {
		char *u = from_dic(sp, list[i], &sp->work);

		if (!u || !*u || strlen(u) > SPELLER_MAX_WORD)
			continue;
		out[k++] = u;
	}
	if (list)
		Hunspell_free_list(sp->h, &list, n);
	return k;
}
