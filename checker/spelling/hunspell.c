/*
 * speller: Hunspell behind a small API with caches (see speller.h).
 *
 * Hunspell's strings never leave this file: words are converted to the
 * dictionary's encoding on the way in, suggestions back to UTF-8 and copied
 * into the speller's work arena, and Hunspell_free_list() runs at once.
 */
#include "spelling/hunspell.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <hunspell/hunspell.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "spelling/affclosure.h"
#include "spelling/sugindex.h"
#include "spelling/unmunch.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/gencache.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/listfile.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "util/xalloc.h"

/*
 * One word as the speller works on it: its check result and, once asked,
 * its suggestions in each order.  In the cache (util/gencache.h) a word is
 * one value: a struct sval, then the strings of each order it has, each
 * NUL-terminated (entry_get(), entry_put()).
 */
struct entry {
	const char *key;
	uint32_t len;
	int8_t known;
	uint8_t have_sug[SPELLER_N_ORDERS];
	uint8_t n_sug[SPELLER_N_ORDERS];
	const char **sug[SPELLER_N_ORDERS];
};

struct sval {
	int8_t known; /* -1: not asked */
	uint8_t have_sug[SPELLER_N_ORDERS];
	uint8_t n_sug[SPELLER_N_ORDERS]; /* strings that follow, by order */
};

struct speller {
	Hunhandle *h;
	char *dic_path;
	int utf8; /* dictionary encoding is UTF-8: no iconv */
	iconv_t to_dic, from_dic;
	struct gencache cache;	  /* word -> struct sval and strings */
	struct arena work;	  /* the entry being filled: its strings */
	struct arena out;	  /* what speller_suggest() handed out last */
	struct arena freq_arena;
	struct strtab freq;	  /* lower-case word -> id */
	unsigned long *counts;	  /* by id */
	size_t alloc_counts;
	struct speller_weights w;
	/* the suggestion index (sugindex.h), opened on the first suggestion;
	 * the words added at run time are part of its sources */
	char *aff_path;
	struct sugindex *ix;
	const char **added, **added_model;
	size_t n_added, alloc_added, alloc_added_model;
	int ix_tried;	/* the cached index was looked for (checking) */
	int case_ok;	/* capitalised forms of known words are known */
	/* with the index: plain words it lacks are unknown (affclosure.h) */
	struct aff_closure *closure;
	int ix_built; /* index_for_unknown() built the index */
	struct arena added_arena;
	struct speller_index_stats ix_stats;
};

static int case_pattern(const char *w, size_t len);
static const char *match_case(struct speller *sp, int wc, const char *c);
static int index_known(struct speller *sp, const char *w, size_t n);
static int index_unknown(struct speller *sp, const char *w, size_t n);

/* ---- encodings -------------------------------------------------------- */

/*
 * Copy the word with typographic apostrophes made ASCII: "Putin’s" is
 * looked up as "Putin's".  out must hold len + 1 bytes; returns the length.
 */
static size_t normalise(const char *w, size_t len, char *out)
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
static void read_aff_head(const char *aff, char *enc, size_t cap,
			  int *case_ok)
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
		return mt_error(err, MT_ERR_DICT, "cannot open dictionary '%s': %s",
				aff, strerror(errno));
	fclose(f);
	f = fopen(dic, "r");
	if (!f)
		return mt_error(err, MT_ERR_DICT, "cannot open dictionary '%s': %s",
				dic, strerror(errno));
	fclose(f);

	sp = xcalloc(1, sizeof(*sp));
	gencache_init(&sp->cache, SPELLER_CACHE_BYTES);
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
	sp->w = speller_default_weights;
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
	arena_release(&sp->work);
	arena_release(&sp->out);
	arena_release(&sp->freq_arena);
	strtab_release(&sp->freq);
	free(sp->counts);
	free(sp->dic_path);
	free(sp->aff_path);
	sugindex_close(sp->ix);
	aff_closure_free(sp->closure);
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
static void hun_add(struct speller *sp, size_t i)
{
	char w[4 * SPELLER_MAX_WORD + 16], m[4 * SPELLER_MAX_WORD + 16];
	const char *model = sp->added_model[i];

	if (to_dic(sp, sp->added[i], w, sizeof(w)) < 0)
		return;
	if (model && to_dic(sp, model, m, sizeof(m)) == 0 &&
	    Hunspell_spell(sp->h, m))
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
	if (sp->h)
		return sp->h;
	sp->h = Hunspell_create(sp->aff_path, sp->dic_path);
	if (!sp->h) /* new throws rather than fail; the files were there */
		MT_BUG("Hunspell cannot load '%s'", sp->dic_path);
	for (size_t i = 0; i < sp->n_added; i++)
		hun_add(sp, i);
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
	normalise(word, n, norm);
	if (to_dic(sp, norm, w, sizeof(w)) < 0 ||
	    (model && *model && to_dic(sp, model, m, sizeof(m)) < 0))
		return -1;
	gencache_clear(&sp->cache);
	/* kept: Hunspell, when loaded, gets every added word in order, and
	 * the words are sources of the suggestion index, which the next
	 * look-up maps or builds with them */
	sp->added = xgrow(sp->added, &sp->alloc_added, sp->n_added + 1,
			  sizeof(*sp->added));
	sp->added_model = xgrow(sp->added_model, &sp->alloc_added_model,
				sp->n_added + 1, sizeof(*sp->added_model));
	sp->added_model[sp->n_added] =
		model && *model ? arena_strdup(&sp->added_arena, model) : NULL;
	sp->added[sp->n_added++] = arena_strdup(&sp->added_arena, norm);
	if (sp->h)
		hun_add(sp, sp->n_added - 1);
	sugindex_close(sp->ix);
	sp->ix = NULL;
	aff_closure_free(sp->closure);
	sp->closure = NULL;
	sp->ix_tried = 0;
	sp->ix_built = 0;
	sp->ix_stats.opened = 0;
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
	len = normalise(word, len, norm);
	len = sugindex_fold(norm, len, low, sizeof(low));
	if (len == (size_t)-1)
		return 0;
	id = strtab_find(&sp->freq, low, len);
	return id == STRTAB_NONE ? 0 : sp->counts[id];
}

/* ---- the cache -------------------------------------------------------- */

/*
 * The cached entry for word (w, len), decoded into *e: its strings point
 * into the cache's value (valid until the next gencache call), its arrays
 * are in the work arena.  Not cached: known -1, nothing else.  Returns the
 * value, or NULL when the word is not cached.
 */
static struct sval *entry_get(struct speller *sp, const char *w, size_t len,
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
		const char **a = arena_alloc(&sp->work, (v->n_sug[o] + 1) *
							   sizeof(*a));

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

/* Store *e in the cache (its strings copied: they may point anywhere). */
static void entry_put(struct speller *sp, const struct entry *e)
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
	return gencache_bytes(&sp->cache);
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

/* Is the NUL-terminated normalised word w (n bytes) spelled right: by
 * the index when it can tell, else by Hunspell. */
static int spelled(struct speller *sp, const char *w, size_t n)
{
	return index_known(sp, w, n) ||
	       (!index_unknown(sp, w, n) && hun_spell(sp, w));
}

/*
 * The uncached check.  A capitalised word Hunspell does not know with a
 * possessive ending is known when its stem is: word lists add names
 * without the dictionary's possessive flag, and "Jones'" has none anyway.
 */
static int check_uncached(struct speller *sp, const char *w, size_t len)
{
	char norm[SPELLER_MAX_WORD + 1];
	size_t n = normalise(w, len, norm);

	if (index_known(sp, norm, n))
		return 1;
	if (index_unknown(sp, norm, n))
		return 0;
	if (hun_spell(sp, norm))
		return 1;
	if (n > 3 && first_is_upper(norm, n)) {
		if (norm[n - 2] == '\'' && norm[n - 1] == 's') {
			norm[n - 2] = '\0';
			return index_known(sp, norm, n - 2) ||
			       hun_spell(sp, norm);
		}
		if (norm[n - 1] == '\'' && norm[n - 2] == 's') {
			norm[n - 1] = '\0';
			return index_known(sp, norm, n - 1) ||
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

/* ---- the suggestion index -------------------------------------------- */

/* Bump when what goes into the index changes (not its file format: that
 * is sugindex.c's VERSION). */
#define INDEX_SOURCES "mtlint suggestion index sources 2"

/*
 * Hash of everything the index is made of (see speller.h); and, read from
 * the same sources, whether a plain word the expanded index lacks is
 * unknown (sp->closure, affclosure.h).
 */
static uint64_t index_hash(struct speller *sp, int expanded)
{
	uint64_t h = HASH_INIT;
	const char *files[] = { sp->aff_path, sp->dic_path };
	struct buf b[2] = { BUF_INIT, BUF_INIT };

	h = hash_bytes(h, INDEX_SOURCES, sizeof(INDEX_SOURCES));
	h = hash_bytes(h, &expanded, sizeof(expanded));
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		if (buf_read_file(&b[i], files[i], 0) == 0)
			h = hash_bytes(h, b[i].buf, b[i].len);
		h = hash_bytes(h, "\n--\n", 4);
	}
	aff_closure_free(sp->closure);
	sp->closure = NULL;
	if (expanded && b[0].len && b[1].len)
		sp->closure = aff_closure_open(b[0].buf, b[0].len, b[1].buf,
					       b[1].len, sp->added_model,
					       sp->n_added);
	buf_release(&b[0]);
	buf_release(&b[1]);
	for (size_t i = 0; i < sp->n_added; i++)
		h = hash_bytes(h, sp->added[i], strlen(sp->added[i]) + 1);
	return h;
}

struct forms {
	struct speller *sp;
	struct arena a;
	const char **v;
	size_t n, alloc;
};

/* One form from unmunch (dictionary encoding): kept when Hunspell accepts
 * it, in UTF-8. */
static void add_form(void *arg, const char *word)
{
	struct forms *f = arg;
	char *u;

	if (strlen(word) > 4 * SPELLER_MAX_WORD ||
	    !Hunspell_spell(hun(f->sp), word))
		return;
	u = from_dic(f->sp, word, &f->a);
	if (!u || !*u || strlen(u) > SPELLER_MAX_WORD)
		return;
	f->v = xgrow(f->v, &f->alloc, f->n + 1, sizeof(*f->v));
	f->v[f->n++] = u;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The cache file of the index for hash h, in path (cap bytes); 0, or -1
 * when there is no cache directory. */
static int index_path(const struct speller *sp, uint64_t h, char *path,
		      size_t cap)
{
	char dir[400];
	const char *stem = strrchr(sp->dic_path, '/');

	stem = stem ? stem + 1 : sp->dic_path;
	if (mt_cache_dir(dir, sizeof(dir)) != 0)
		return -1;
	snprintf(path, cap, "%s/%.*s-%016llx.sugidx", dir,
		 (int)strcspn(stem, "."), stem, (unsigned long long)h);
	return 0;
}

/* Map the cached index when its file is there; 1 when mapped. */
static int index_map(struct speller *sp)
{
	struct speller_index_stats *st = &sp->ix_stats;
	int expanded = unmunch_available();
	uint64_t h = index_hash(sp, expanded);
	double t0 = now_ms();
	struct mt_error err = { 0 };
	char path[sizeof(st->path)];

	if (index_path(sp, h, path, sizeof(path)) != 0 ||
	    sugindex_map(path, h, &sp->ix, &err) != MT_ERR_OK)
		return 0;
	memset(st, 0, sizeof(*st));
	st->opened = 1;
	st->expanded = expanded;
	snprintf(st->path, sizeof(st->path), "%s", path);
	st->build_ms = now_ms() - t0;
	st->words = sugindex_size(sp->ix);
	return 1;
}

/* Build the index (and cache it when possible): needs Hunspell. */
static void index_build(struct speller *sp)
{
	struct speller_index_stats *st = &sp->ix_stats;
	char dir[400], path[sizeof(st->path)];
	int expanded = unmunch_available(), have_dir;
	uint64_t h = index_hash(sp, expanded);
	double t0 = now_ms();
	struct mt_error err = { 0 };
	struct forms f = { .sp = sp };

	memset(st, 0, sizeof(*st));
	have_dir = mt_cache_dir(dir, sizeof(dir)) == 0 &&
		   index_path(sp, h, path, sizeof(path)) == 0;
	arena_init(&f.a, 0);
	st->expanded = unmunch_each(sp->aff_path, sp->dic_path,
				    have_dir ? dir : NULL, add_form, &f) == 1;
	for (size_t i = 0; i < sp->n_added; i++) {
		f.v = xgrow(f.v, &f.alloc, f.n + 1, sizeof(*f.v));
		f.v[f.n++] = sp->added[i];
	}
	sp->ix = sugindex_build(f.v, f.n, h);
	st->opened = 2;
	/* a forms list from a failed unmunch must not be cached as the
	 * expanded one: the hash said "expanded" */
	if (have_dir && st->expanded == expanded &&
	    sugindex_write(sp->ix, path, &err) == MT_ERR_OK)
		snprintf(st->path, sizeof(st->path), "%s", path);
	free(f.v);
	arena_release(&f.a);
	st->build_ms = now_ms() - t0;
	st->words = sugindex_size(sp->ix);
}

/* The index for suggestions: mapped, or built. */
static void index_open(struct speller *sp)
{
	if (!sp->ix && !index_map(sp))
		index_build(sp);
	sp->ix_tried = 1;
}

/*
 * Does the index say the word is known?  Only a cached index is used (a
 * file mapped in microseconds; a known word never builds one), and a yes
 * counts here: every indexed form is one Hunspell accepts, and so are the
 * capitalised and upper-case forms of an indexed word ("The", "THE",
 * "PARIS") unless the .aff file says otherwise (see read_aff_head()).  A
 * no is index_unknown()'s or Hunspell's to confirm.
 */
static int index_known(struct speller *sp, const char *w, size_t n)
{
	char low[4 * SPELLER_MAX_WORD + 16];
	size_t ln;
	int cp;

	if (!sp->ix && !sp->ix_tried) {
		sp->ix_tried = 1;
		index_map(sp);
	}
	if (!sp->ix)
		return 0;
	if (sugindex_has(sp->ix, w, n))
		return 1;
	cp = sp->case_ok ? case_pattern(w, n) : 0;
	if (cp != 1 && cp != 2)
		return 0;
	ln = sugindex_fold(w, n, low, sizeof(low));
	if (ln == (size_t)-1)
		return 0;
	if (sugindex_has(sp->ix, low, ln))
		return 1;
	if (cp == 2) { /* "PARIS": is "Paris" indexed? */
		const char *c = match_case(sp, 1, low);

		return sugindex_has(sp->ix, c, strlen(c));
	}
	return 0;
}

/*
 * The index for a word the dictionary may not know: the cached one, or,
 * with no cached index yet, one built and cached now (once for all runs)
 * rather than load Hunspell, which a build needs anyway, for this word
 * and again in every later run.  1 when it was built now.  Every question
 * about an unknown word goes through here, so that the first run, with an
 * empty cache, answers as every later one does.
 */
static int index_for_unknown(struct speller *sp)
{
	char dir[400];

	if (!sp->ix && !sp->ix_tried) {
		sp->ix_tried = 1;
		index_map(sp);
	}
	if (sp->ix || sp->ix_built || mt_cache_dir(dir, sizeof(dir)) != 0)
		return 0;
	sp->ix_built = 1;
	index_build(sp);
	return 1;
}

/*
 * Does the index say the word is unknown?  Only for a plain word in lower
 * case or capitalised (when capitalised forms go with their lower-case
 * one), with an index of the expanded forms and a dictionary that accepts
 * no other plain words (affclosure.h).  Mixed and upper case ("McDONALD",
 * "MCDONALD" for "McDonald") are Hunspell's to judge.
 */
static int index_unknown(struct speller *sp, const char *w, size_t n)
{
	int cp;

	if (index_for_unknown(sp) && index_known(sp, w, n))
		return 0;
	if (!sp->ix || !sp->closure || !sp->ix_stats.expanded ||
	    aff_closure_open_to(sp->closure, w, n))
		return 0;
	cp = case_pattern(w, n);
	return cp == 0 || (cp == 1 && sp->case_ok);
}

int speller_lower_neighbour(struct speller *sp, const char *w, size_t n)
{
	struct sugindex_hit hits[64];
	size_t k;

	if (n == 0 || n > SPELLER_MAX_WORD)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return -1;
	index_for_unknown(sp);
	/* only an index of every form, of a dictionary closed for plain
	 * words, knows all the plain words Hunspell accepts */
	if (!sp->ix || !sp->closure || !sp->ix_stats.expanded)
		return -1;
	k = sugindex_lookup(sp->ix, w, n, 1, hits, ARRAY_SIZE(hits));
	for (size_t i = 0; i < k; i++) {
		int plain = hits[i].dist == 1;

		for (uint32_t j = 0; plain && j < hits[i].len; j++)
			plain = hits[i].word[j] >= 'a' && hits[i].word[j] <= 'z';
		if (plain)
			return 1;
	}
	/* the list may have been cut before the plain ones */
	return k == ARRAY_SIZE(hits) ? -1 : 0;
}

void speller_index_stats(const struct speller *sp,
			 struct speller_index_stats *out)
{
	*out = sp->ix_stats;
}

/* ---- distance and ranking --------------------------------------------- */

#define MAXCP (SPELLER_MAX_WORD + 1)

/* Lower-cased code points of a UTF-8 word; -1 when too long or bad. */
static int to_cps(const char *w, size_t len, UChar32 *out)
{
	int32_t i = 0, n = 0;

	while (i < (int32_t)len) {
		UChar32 c;

		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0 || n >= MAXCP - 1)
			return -1;
		if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
			c = '\'';
		out[n++] = u_tolower(c);
	}
	return n;
}

static int is_vowel(UChar32 c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
	       c == 'y';
}

/* Are a and b neighbours on a QWERTY keyboard?  Key centres as (column,
 * row), rows offset by a quarter and three quarters of a key; a table,
 * since this runs in the inner loop of every distance. */
static int adjacent_keys(UChar32 a, UChar32 b)
{
	static const float x[26] = {
		/* a */ 0.25f, 4.75f, 2.75f, 2.25f, 2.0f, 3.25f, 4.25f, 5.25f,
		/* i */ 7.0f,  6.25f, 7.25f, 8.25f, 6.75f, 5.75f, 8.0f,  9.0f,
		/* q */ 0.0f,  3.0f,  1.25f, 4.0f,  6.0f,  3.75f, 1.0f,  1.75f,
		/* y */ 5.0f,  0.75f,
	};
	static const unsigned char y[26] = {
		1, 2, 2, 1, 0, 1, 1, 1, 0, 1, 1, 1, 2,
		2, 0, 0, 0, 0, 1, 0, 0, 2, 0, 2, 0, 2,
	};
	float dx, dy;

	if (a > 'z' || b > 'z' || a < 'a' || b < 'a')
		return 0;
	dx = x[a - 'a'] - x[b - 'a'];
	dy = (float)y[a - 'a'] - (float)y[b - 'a'];
	return dx * dx + dy * dy <= 1.3f * 1.3f;
}

static double sub_cost(UChar32 a, UChar32 b)
{
	if (a == b)
		return 0;
	if (is_vowel(a) && is_vowel(b))
		return 0.6;
	if (adjacent_keys(a, b))
		return 0.7;
	return 1;
}

/* Cost of inserting (or deleting) c next to prev: doubling is cheap. */
static double indel_cost(UChar32 c, UChar32 prev, UChar32 next)
{
	if (c == prev || c == next)
		return 0.4;
	if (c == '\'' || c == '-')
		return 0.5;
	return 1;
}

double speller_distance(const char *a, size_t alen, const char *b,
			size_t blen)
{
	UChar32 x[MAXCP], y[MAXCP];
	double d[3][MAXCP]; /* rows i-2, i-1, i (rotating) */
	int n, m;

	n = alen > SPELLER_MAX_WORD ? -1 : to_cps(a, alen, x);
	m = blen > SPELLER_MAX_WORD ? -1 : to_cps(b, blen, y);
	if (n < 0 || m < 0)
		return 1000;
	d[0][0] = 0;
	for (int j = 1; j <= m; j++)
		d[0][j] = d[0][j - 1] +
			  indel_cost(y[j - 1], j > 1 ? y[j - 2] : 0,
				     j < m ? y[j] : 0);
	for (int i = 1; i <= n; i++) {
		double *cur = d[i % 3], *prev = d[(i - 1) % 3];
		double *prev2 = d[(i + 1) % 3];

		cur[0] = prev[0] + indel_cost(x[i - 1], i > 1 ? x[i - 2] : 0,
					      i < n ? x[i] : 0);
		for (int j = 1; j <= m; j++) {
			double best = prev[j - 1] + sub_cost(x[i - 1], y[j - 1]);
			double del = prev[j] +
				     indel_cost(x[i - 1], i > 1 ? x[i - 2] : 0,
						j <= m ? y[j - 1] : 0);
			double ins = cur[j - 1] +
				     indel_cost(y[j - 1], j > 1 ? y[j - 2] : 0,
						x[i - 1]);

			if (del < best)
				best = del;
			if (ins < best)
				best = ins;
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && prev2[j - 2] + 0.6 < best)
				best = prev2[j - 2] + 0.6;
			cur[j] = best;
		}
	}
	return d[n % 3][m];
}

/*
 * A phonetic key in the manner of Soundex, over the whole word: the first
 * letter, then consonant classes (b f p v / c g j k q s x z / d t / l /
 * m n / r), vowels and h w y dropped, repeats collapsed.  "recieve" and
 * "receive" share one.
 */
static int phonetic_key(const UChar32 *w, int n, char *out, size_t cap)
{
	static const char classes[] = "01230120022455012623010202";
	size_t o = 0;
	char last = 0;

	for (int i = 0; i < n; i++) {
		UChar32 c = w[i];
		char k;

		if (c < 'a' || c > 'z')
			continue;
		k = classes[c - 'a'];
		if (o == 0) {
			out[o++] = (char)c;
			last = k;
			continue;
		}
		if (k != '0' && k != last) {
			if (o + 1 >= cap)
				break;
			out[o++] = k;
		}
		last = k;
	}
	out[o] = '\0';
	return (int)o;
}

/* Case pattern: 0 lower, 1 capitalised, 2 all caps, 3 mixed. */
static int case_pattern(const char *w, size_t len)
{
	int32_t i = 0;
	int first = -1, upper = 0, lower = 0;

	while (i < (int32_t)len) {
		UChar32 c;

		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0 || !u_isalpha(c))
			continue;
		if (first < 0)
			first = u_isupper(c) != 0;
		if (u_isupper(c))
			upper++;
		else
			lower++;
	}
	if (!upper)
		return 0;
	if (!lower)
		return upper > 1 ? 2 : 1;
	return first == 1 && upper == 1 ? 1 : 3;
}

/* The ranking weights, chosen on the odd-numbered half of the evaluation
 * list (`make eval`, spelling-eval --tune). */
const struct speller_weights speller_default_weights = {
	.phonetic = 0.7,
	.freq = 0.10,
	.proper = 1.5,
	.split = 3.0,
	.rank = 0.2,
};

double speller_rank_score(const struct speller *sp, const char *word,
			  size_t len, const char *cand, size_t rank)
{
	size_t clen = strlen(cand);
	UChar32 x[MAXCP], y[MAXCP];
	char kx[MAXCP], ky[MAXCP];
	int n, m, wc, cc;
	double s;

	s = -speller_distance(word, len, cand, clen);
	n = len > SPELLER_MAX_WORD ? -1 : to_cps(word, len, x);
	m = clen > SPELLER_MAX_WORD ? -1 : to_cps(cand, clen, y);
	if (n > 0 && m > 0) {
		phonetic_key(x, n, kx, sizeof(kx));
		phonetic_key(y, m, ky, sizeof(ky));
		if (strcmp(kx, ky) == 0)
			s += sp->w.phonetic;
	}
	s += sp->w.freq * log1p((double)speller_frequency(sp, cand, clen));
	wc = case_pattern(word, len);
	cc = case_pattern(cand, clen);
	if (wc == 0 && cc != 0)
		s -= sp->w.proper;
	else if (wc == 2 && cc != 2 && cc != 1)
		s -= sp->w.proper / 2;
	if (strpbrk(cand, " -"))
		s -= sp->w.split;
	s -= sp->w.rank * (double)rank;
	return s;
}

struct scored {
	const char *s;
	double score;
	size_t rank;
};

static int by_score(const void *a, const void *b)
{
	const struct scored *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->rank < y->rank ? -1 : x->rank > y->rank;
}

void speller_rank(const struct speller *sp, const char *word, size_t len,
		  const char **cands, size_t k)
{
	struct scored sc[SPELLER_RANK_MAX];

	if (k > SPELLER_RANK_MAX)
		k = SPELLER_RANK_MAX;
	for (size_t i = 0; i < k; i++) {
		sc[i].s = cands[i];
		sc[i].rank = i;
		sc[i].score = speller_rank_score(sp, word, len, cands[i], i);
	}
	qsort(sc, k, sizeof(*sc), by_score);
	for (size_t i = 0; i < k; i++)
		cands[i] = sc[i].s;
}

/* Copy the first cnt of v into the cache arena as order o of e. */
static void keep_order(struct speller *sp, struct entry *e, int o,
		       const char *const *v, size_t cnt)
{
	e->sug[o] = arena_alloc(&sp->work, (cnt ? cnt : 1) * sizeof(char *));
	for (size_t i = 0; i < cnt; i++)
		e->sug[o][i] = v[i];
	e->n_sug[o] = (uint8_t)cnt;
	e->have_sug[o] = 1;
}

/* Hunspell's suggestions for the word, converted, in its order, into e. */
static void fill_hunspell(struct speller *sp, struct entry *e)
{
	char norm[SPELLER_MAX_WORD + 1], w[4 * SPELLER_MAX_WORD + 16];
	char **list = NULL;
	const char *v[SPELLER_RANK_MAX];
	size_t k = 0;
	int n = 0;

	normalise(e->key, e->len, norm);
	if (to_dic(sp, norm, w, sizeof(w)) == 0)
		n = Hunspell_suggest(hun(sp), &list, w);
	for (int i = 0; i < n && k < ARRAY_SIZE(v); i++) {
		char *u = from_dic(sp, list[i], &sp->work);

		if (!u || !*u || strlen(u) > SPELLER_MAX_WORD)
			continue;
		v[k++] = u;
	}
	if (list)
		Hunspell_free_list(sp->h, &list, n);
	/* all of them (up to SPELLER_RANK_MAX): the ranked fallback of
	 * fill_index() re-ranks the whole list, speller_suggest() hands out
	 * at most SPELLER_MAX_SUGGESTIONS */
	keep_order(sp, e, SPELLER_ORDER_HUNSPELL, v, k);
}

/*
 * The candidate in the misspelling's case: "Teh" wants "The", "TEH"
 * wants "THE"; a candidate with capitals of its own ("Paris") stays.
 */
static const char *match_case(struct speller *sp, int wc, const char *c)
{
	char buf[4 * SPELLER_MAX_WORD + 16];
	int32_t i = 0, o = 0, n = (int32_t)strlen(c);
	int first = 1;

	if ((wc != 1 && wc != 2) || case_pattern(c, (size_t)n) != 0)
		return c;
	while (i < n) {
		UChar32 ch;
		UBool bad = 0;

		U8_NEXT(c, i, n, ch);
		if (ch < 0)
			return c;
		if (first || wc == 2)
			ch = u_toupper(ch);
		first = 0;
		U8_APPEND((uint8_t *)buf, o, (int32_t)sizeof(buf) - 1, ch, bad);
		if (bad)
			return c;
	}
	return arena_strndup(&sp->work, buf, (size_t)o);
}

struct cand {
	const char *s;
	uint32_t dist;
	unsigned long freq;
	size_t pos; /* index order */
};

/* Fewer edits first, then more frequent, then index order. */
static int by_edits(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;

	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	if (a->freq != b->freq)
		return a->freq > b->freq ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/*
 * Two words run together ("lefthander", "semipublic"): each split into
 * two words Hunspell knows, of two letters or more, as "left hander" and,
 * when Hunspell accepts it, "left-hander"; into v (at most max); returns
 * how many.  The index's and Hunspell's checks only (microseconds), not
 * the speller's cache: the caller holds a pointer into that.
 */
static size_t split_candidates(struct speller *sp, const char *w, size_t n,
			       const char **v, size_t max)
{
	char a[SPELLER_MAX_WORD + 2];
	size_t k = 0;

	for (size_t i = 2; i + 2 <= n && k + 2 <= max; i++) {
		if (((unsigned char)w[i] & 0xC0) == 0x80)
			continue; /* inside a UTF-8 sequence */
		memcpy(a, w, i);
		a[i] = '\0';
		if (!spelled(sp, a, i) || !spelled(sp, w + i, n - i))
			continue;
		memcpy(a + i + 1, w + i, n - i + 1);
		a[i] = '-';
		/* both halves are words: so is the hyphenated pair, where
		 * Hunspell breaks words at hyphens */
		if ((sp->ix && aff_closure_hyphen_breaks(sp->closure)) ||
		    spelled(sp, a, n + 1))
			v[k++] = arena_strdup(&sp->work, a);
		a[i] = ' ';
		v[k++] = arena_strdup(&sp->work, a);
	}
	return k;
}

/* The index's candidates for e's word, the best SPELLER_RANK_MAX by
 * by_edits(), in the word's case, distinct, into v; returns how many. */
static size_t index_candidates(struct speller *sp, const struct entry *e,
			       const char **v)
{
	char norm[SPELLER_MAX_WORD + 1];
	struct sugindex_hit hits[512];
	struct cand c[ARRAY_SIZE(hits)];
	size_t n, nl, k = 0;
	int wc;

	if (!sp->ix)
		index_open(sp);
	nl = normalise(e->key, e->len, norm);
	n = sugindex_lookup(sp->ix, norm, nl, SUGINDEX_MAX_DIST, hits,
			    ARRAY_SIZE(hits));
	for (size_t i = 0; i < n; i++)
		c[i] = (struct cand){ hits[i].word, hits[i].dist,
				      speller_frequency(sp, hits[i].word,
							hits[i].len),
				      i };
	qsort(c, n, sizeof(*c), by_edits);
	wc = case_pattern(e->key, e->len);
	for (size_t i = 0; i < n && k < SPELLER_RANK_MAX; i++) {
		const char *s = match_case(sp, wc, c[i].s);
		size_t j;

		for (j = 0; j < k && strcmp(v[j], s) != 0; j++)
			;
		if (j == k)
			v[k++] = s;
	}
	return k + split_candidates(sp, norm, nl, v + k,
				    SPELLER_RANK_MAX - k);
}

/*
 * Ranked suggestions into e's order o: the index's candidates, or when it
 * has none and o is SPELLER_ORDER_RANKED, Hunspell's list.
 */
static void fill_index(struct speller *sp, struct entry *e, int o)
{
	const char *v[SPELLER_RANK_MAX];
	size_t k = index_candidates(sp, e, v);

	if (!k && o == SPELLER_ORDER_RANKED) {
		if (!e->have_sug[SPELLER_ORDER_HUNSPELL])
			fill_hunspell(sp, e);
		k = e->n_sug[SPELLER_ORDER_HUNSPELL];
		memcpy(v, e->sug[SPELLER_ORDER_HUNSPELL], k * sizeof(*v));
	}
	speller_rank(sp, e->key, e->len, v, k);
	/* "government" and "Government" are one suggestion: the better */
	for (size_t i = 0, j; i < k;) {
		for (j = 0; j < i && strcasecmp(v[j], v[i]) != 0; j++)
			;
		if (j < i)
			memmove(&v[i], &v[i + 1], (--k - i) * sizeof(*v));
		else
			i++;
	}
	keep_order(sp, e, o, v, k < SPELLER_MAX_SUGGESTIONS
					? k
					: SPELLER_MAX_SUGGESTIONS);
}

size_t speller_stems(struct speller *sp, const char *word, size_t len,
		     struct arena *a, const char **out, size_t max)
{
	char norm[SPELLER_MAX_WORD + 1], w[4 * SPELLER_MAX_WORD + 16];
	char **list = NULL;
	size_t k = 0;
	int n = 0;

	if (len == 0 || len > SPELLER_MAX_WORD)
		return 0;
	normalise(word, len, norm);
	if (to_dic(sp, norm, w, sizeof(w)) == 0)
		n = Hunspell_stem(hun(sp), &list, w);
	for (int i = 0; i < n && k < max; i++) {
		char *u = from_dic(sp, list[i], a);

		if (u && *u)
			out[k++] = u;
	}
	if (list)
		Hunspell_free_list(hun(sp), &list, n);
	return k;
}

static void forget_ranked(void *val, size_t vlen, void *arg)
{
	struct sval *v = val;

	(void)vlen;
	(void)arg;
	v->have_sug[SPELLER_ORDER_RANKED] = 0;
	v->have_sug[SPELLER_ORDER_INDEX] = 0;
}

void speller_set_weights(struct speller *sp, const struct speller_weights *w)
{
	sp->w = *w;
	/* Hunspell's own lists stay: ranking does not change them */
	gencache_each(&sp->cache, forget_ranked, NULL);
}

size_t speller_suggest(struct speller *sp, const char *word, size_t len,
		       enum speller_order order, const char *const **out)
{
	struct entry e;
	int o = (int)order, filled;
	const char **v;
	size_t n;

	*out = NULL;
	arena_release(&sp->out);
	if (len == 0 || len > SPELLER_MAX_WORD || o < 0 ||
	    o >= SPELLER_N_ORDERS)
		return 0;
	arena_release(&sp->work);
	entry_get(sp, word, len, &e);
	filled = !e.have_sug[o];
	if (filled) {
		/* the work uses the index and Hunspell, not the cache: e's
		 * strings stay valid until entry_put() */
		if (o == SPELLER_ORDER_HUNSPELL)
			fill_hunspell(sp, &e);
		else
			fill_index(sp, &e, o);
	}
	n = e.n_sug[o];
	if (n > SPELLER_MAX_SUGGESTIONS)
		n = SPELLER_MAX_SUGGESTIONS;
	/* copies of their own: the cache may move its copy */
	v = arena_alloc(&sp->out, (n ? n : 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = arena_strdup(&sp->out, e.sug[o][i]);
	if (filled)
		entry_put(sp, &e);
	arena_release(&sp->work);
	if (!n)
		return 0;
	*out = v;
	return n;
}
