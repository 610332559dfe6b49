/*
 * spelling_internal: the spelling pass's state and one run of it, shared
 * by the files of the pass; internal to checker/spelling/ (nothing but
 * those files includes it).
 *
 *   spelling.c        the pass: its rules, the walk over the word tokens,
 *                     each word's checks and the findings they make
 *   spelling_lists.c  opening and closing: the dictionaries and the
 *                     project's and the user's lists
 *   spelling_names.c  the index of known names and which one a
 *                     capitalised unknown word misspells
 *
 * Ownership: struct spelling lives as long as the checker (its strings in
 * st->arena, the name-list memo in st->memo_arena); struct run lives on
 * spelling_run()'s stack for one document, its strings in the document's
 * arena, its arrays on the heap until the run ends.
 */
#ifndef MT_SPELLING_INTERNAL_H
#define MT_SPELLING_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "check/pass.h"
#include "spelling/deliberate.h"
#include "spelling/hunspell.h"
#include "util/arena.h"
#include "util/strtab.h"
#include "util/xalloc.h"

/* ---- a string map: strtab keys, a value and a count per key ---------- */

struct smap_ent {
	const char *key; /* in the arena given to smap_put() */
	const char *val;
	uint32_t len;
	uint32_t count;
};

struct smap {
	struct strtab t;
	struct smap_ent *v; /* by id: in order of insertion */
	size_t alloc;
};

/* The entry of k[0..n), or NULL.  Valid until the next smap_put(). */
static inline struct smap_ent *smap_find(const struct smap *m, const char *k,
					 size_t n)
{
	uint32_t id = strtab_find(&m->t, k, n);

	return id == STRTAB_NONE ? NULL : &m->v[id];
}

/* Find or insert (key copied into a; val NULL, count 0 when new).  Valid
 * until the next smap_put(). */
static inline struct smap_ent *smap_put(struct smap *m, struct arena *a,
					const char *k, size_t n)
{
	int is_new;
	uint32_t id = strtab_intern_copy(&m->t, a, k, n, &is_new);

	if (is_new) {
		m->v = xgrow(m->v, &m->alloc, id + 1, sizeof(*m->v));
		m->v[id] = (struct smap_ent){ NULL, NULL, 0, 0 };
		m->v[id].key = strtab_str(&m->t, id, &m->v[id].len);
	}
	return &m->v[id];
}

static inline size_t smap_count(const struct smap *m)
{
	return strtab_count(&m->t);
}

/* Free the map's arrays (not the keys: they are the arena's). */
static inline void smap_release(struct smap *m)
{
	strtab_release(&m->t);
	free(m->v);
	m->v = NULL;
	m->alloc = 0;
}

/* ---- the pass's state ------------------------------------------------- */

/* A name from the project lists, indexed by its lower-cased first byte. */
struct name {
	const char *s;
	uint32_t len;
};

/* Names by lower-cased first byte; `seen` keeps them unique. */
struct name_index {
	struct name *v[256];
	size_t n[256], alloc[256];
	struct smap seen;
};

struct spelling {
	struct checker *checker;
	struct speller *sp;
	/* the other dialect, opened on the first lower-case unknown word
	 * (most documents have none: about 50 ms of start-up saved); NULL
	 * when not installed, which only loses spelling.dialect-variant */
	struct speller *variant;
	int variant_tried;
	int on; /* a spelling rule is enabled: the dictionaries are open */
	char lang[16], variant_lang[16], dict_path[1024];
	int acronym_max;
	struct arena arena;
	struct smap reject;  /* lower-case word -> preferred form ("" none) */
	struct smap phrases; /* lower-case, accents kept: "deja vu" */
	/* the newsroom lists (dictionaries/), and the team's names: the
	 * capitalised words of its accept lists and checker_options.names */
	struct name_index names, team_names;
	/* name-list answers of spelling_known_name(), across documents (the
	 * lists do not change): word -> name, or NULL; count: its source */
	struct smap list_memo;
	struct arena memo_arena; /* list_memo's keys */
};

/* ---- one document ----------------------------------------------------- */

struct run {
	struct spelling *st;
	struct check_ctx *ctx;
	struct document *doc;
	struct smap ref_words; /* base forms of the reference's words */
	struct smap caps;      /* capitalised base forms -> count */
	/* candidates for spelling_known_name(), by lower-cased first byte:
	 * the reference's capitalised words (source 0) and the document's
	 * capitalised words seen twice or more (source 1), built on demand */
	struct doc_name {
		const char *s;
		uint32_t len, count;
		int source;
	} * cand[256];
	size_t n_cand[256], alloc_cand[256];
	int cand_built;
	struct smap known;	 /* word -> spelling_known_name() answer */
	struct deliberate delib; /* why an unknown word looks deliberate */
	const struct span *code;
	size_t n_code, code_i;
	uint32_t ti; /* the token being checked */
};

/* ---- spelling.c ------------------------------------------------------- */

/* Is any of the pass's rules enabled in c? */
int spelling_any_enabled(const struct checker *c);

/* Is the word a reference word (its base form b, exactly)? */
int spelling_in_reference(struct run *r, const char *b, size_t n);

/* ---- spelling_lists.c ------------------------------------------------- */

/* The pass's open and close (check/pass.h): dictionaries and lists. */
enum mt_err spelling_open(struct checker *c, const struct checker_options *opts,
			  void **state, struct mt_error *err);
void spelling_close(void *state);

/* The other dialect's dictionary, opened on first use (see struct
 * spelling); NULL when there is none. */
struct speller *spelling_variant(struct spelling *st);

/* ---- spelling_names.c ------------------------------------------------- */

/* A capitalised word that is not all capitals, without digits or
 * symbols: a name for the index. */
int spelling_is_name(const char *w);

/* Add the name w (len bytes; ignored under 4 or over SPELLER_MAX_WORD) to
 * ix, once; its bytes are copied into st->arena. */
void spelling_add_name(struct spelling *st, struct name_index *ix,
		       const char *w, size_t len);
void spelling_name_index_release(struct name_index *ix);

/*
 * A known name the capitalised unknown word w (its base form, n bytes) is
 * likely a misspelling of: from the reference, a spelling the same
 * document uses at least twice and more often, or the project's and the
 * team's name lists (where only a typing slip counts:
 * namesim_one_slip()).  NULL when none; else *source says where it is
 * known from ("the reference article", ...).  Answers are kept per word
 * for the document (r->known) and, from the lists, for the checker.
 */
const char *spelling_known_name(struct run *r, const char *w, size_t n,
				const char **source);

#endif /* MT_SPELLING_INTERNAL_H */
