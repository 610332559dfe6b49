/*
 * spelling: the spelling pass (see spelling.h).
 *
 * Long-lived state (dictionary, word lists, name index, reject list) is
 * loaded in spelling_open(); per document, the pass builds the set of the
 * reference's words and the counts of the document's capitalised words in
 * the document's arena, then walks the word tokens once.
 */
#include "spelling/spelling.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "util/arena.h"
#include "util/limits.h"
#include "util/listfile.h"
#include "run/checker.h"
#include "util/paths.h"
#include "util/namesim.h"
#include "util/strtab.h"
#include "text/segment.h"
#include "spelling/deliberate.h"
#include "spelling/hunspell.h"
#include "util/xalloc.h"

#define CAT "fluency/spelling"

static const struct rule_info spelling_rules[] = {
	{ "spelling.unknown-word", CAT, MT_SEV_WARNING,
	  "a lower-case word no dictionary knows, with suggestions", NULL,
	  "news 89% of 28 flags on a marked error, ted 67% of 27 (before "
	  "unknown-term took the words no known word is one edit from); "
	  "two known words run together: TED 4 of 4 such flags on a marked "
	  "error, Brown 7 (closed compounds); Brown 26 in 1,490 sentences "
	  "in all: warning",
	  .bad = RULE_EXAMPLES("The [goverment] met on Friday. -> government",
			       "They hope to [recieve] an answer. -> receive",
			       "It is a well-[knwon] fact. -> known",
			       "He lit the [stormlamp] at dusk. -> storm lamp"),
	  .good = RULE_EXAMPLES("The government met on Friday.",
				"Mail news@example.org or see https://example.org/xq.",
				"It felt like deja vu to the 72nd guest.",
				"“Where are you runnin'?” she asked.",
				"He was supercautious that day.",
				"The ante-diluvian rules held.") },
	{ "spelling.misspelled-name", CAT, MT_SEV_WARNING,
	  "a capitalised unknown word close to a known name "
	  "(reference, name lists, the same document)",
	  NULL,
	  "news 93% of 60 flags on a marked error, ted 100% of 5; Brown 11 "
	  "in 1,490 sentences: warning (error would fail gates on the "
	  "correct names one letter from a listed one)",
	  .bad = RULE_EXAMPLES(
		  "Kowalczyk spoke first. Kowalczyk left early. Later "
		  "[Kowalcyk] returned. -> Kowalczyk",
		  "They flew to [Toknyo] in May. -> Tokyo"),
	  .good = RULE_EXAMPLES("They flew to Tokyo in May.",
				"Yesterday Dmitri and Dmitry both spoke.") },
	{ "spelling.unknown-term", CAT, MT_SEV_INFO,
	  "a lower-case word no dictionary knows that looks deliberate: no "
	  "known word is one edit away, or it is an elision the writer "
	  "marks, a prefix on a known word, a compound adjective written "
	  "solid, part of a phrase of unknown words, or used in three "
	  "sentences or more",
	  NULL,
	  "news 4 flags (technical terms such as 'andrological'), Brown 10 "
	  "('nociceptive', 'montmorillonites'), few on a marked error: info. "
	  "The deliberate shapes (spelling/deliberate.h) took 18 Brown "
	  "warnings (dialect, Latin, coined terms); on MQM 'microblogging' "
	  "and 'superblack' (1 of 4 flags on a marked error)",
	  .bad = RULE_EXAMPLES("The samples showed [zenthoquical] layers.",
			       "“Where are you [runnin]'?” she asked.",
			       "He was [supercautious] that day.",
			       "She wore a [rustcolored] coat.",
			       "He wrote quod erat [demonstrandum] under it."),
	  .good = RULE_EXAMPLES("The samples showed geological layers.",
				"The samples showed geolgical layers.",
				"He lit the stormlamp at dusk.",
				"We are runnin to the market.") },
	{ "spelling.unknown-name", CAT, MT_SEV_INFO,
	  "a capitalised word no dictionary knows (usually a name)", NULL,
	  "mostly correct names (213 on 1,490 Brown sentences): info",
	  .bad = RULE_EXAMPLES("The envoy [Zorblattin] said so."),
	  .good = RULE_EXAMPLES("The envoy Smith said so.",
				"The QXZW said so.") },
	{ "spelling.rejected-word", CAT, MT_SEV_WARNING,
	  "a word the --reject lists forbid, with its preferred form", NULL,
	  "the user's own list: what it names is wrong by definition",
	  .bad = RULE_EXAMPLES("The tanks left [Kiev] at dawn. -> Kyiv",
			       "It was, [irregardless], a success."),
	  .good = RULE_EXAMPLES("The tanks left Kyiv at dawn.",
				"It was, regardless, a success."),
	  .reject = "Kiev -> Kyiv\nirregardless\n" },
	{ "spelling.dialect-variant", CAT, MT_SEV_INFO,
	  "a spelling of the other English dialect (behaviour/behavior)",
	  NULL,
	  "a style choice, not an error: MQM 0 flags, Brown 2: info",
	  .bad = RULE_EXAMPLES("Their [behaviour] was odd. -> behavior",
			       "The [colour] faded. -> color"),
	  .good = RULE_EXAMPLES("Their behavior was odd.",
				"The color faded.") },
};

enum {
	R_UNKNOWN,
	R_MISSPELLED_NAME,
	R_UNKNOWN_TERM,
	R_UNKNOWN_NAME,
	R_REJECTED,
	R_VARIANT
};

/* ---- a string map: strtab keys, a value and a count per key ---- */

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

static struct smap_ent *smap_find(const struct smap *m, const char *k,
				  size_t n)
{
	uint32_t id = strtab_find(&m->t, k, n);

	return id == STRTAB_NONE ? NULL : &m->v[id];
}

/* Find or insert (key copied into a).  Valid until the next smap_put(). */
static struct smap_ent *smap_put(struct smap *m, struct arena *a,
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

static size_t smap_count(const struct smap *m)
{
	return strtab_count(&m->t);
}

static void smap_release(struct smap *m)
{
	strtab_release(&m->t);
	free(m->v);
	m->v = NULL;
	m->alloc = 0;
}

/* ---- words ------------------------------------------------------------ */

/* Lower-case copy (ICU simple case mapping) into the arena. */
static char *lower_dup(struct arena *a, const char *w, size_t len,
		       size_t *out_len)
{
	char *out = arena_alloc(a, len * 2 + 8);
	int32_t i = 0, o = 0, cap = (int32_t)(len * 2 + 8);

	while (i < (int32_t)len) {
		UChar32 c;
		UBool bad = 0;

		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0)
			c = 0xFFFD;
		if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
			c = '\'';
		U8_APPEND((uint8_t *)out, o, cap - 1, u_tolower(c), bad);
		if (bad)
			break;
	}
	out[o] = '\0';
	if (out_len)
		*out_len = (size_t)o;
	return out;
}

/* Copy with typographic apostrophes made ASCII and a possessive "'s" or
 * "s'" removed: the form a word list or the reference would hold. */
static size_t base_form(const char *w, size_t len, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < len && o + 1 < cap; i++) {
		const unsigned char *u = (const unsigned char *)w + i;

		if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 &&
		    (u[2] == 0x98 || u[2] == 0x99)) {
			out[o++] = '\'';
			i += 2;
		} else {
			out[o++] = w[i];
		}
	}
	if (o > 2 && out[o - 2] == '\'' && out[o - 1] == 's')
		o -= 2;
	else if (o > 2 && out[o - 1] == '\'' && out[o - 2] == 's')
		o -= 1;
	out[o] = '\0';
	return o;
}

/*
 * The length of the possessive ending of a word ("’s", "'s", "'"), 0 when
 * it has none.  The ending is the word's last bytes: w points into the
 * document, which goes on after the word (never print it with "%s").
 */
static size_t possessive_len(const char *w, size_t n)
{
	if (n > 4 && memcmp(w + n - 4, "\xe2\x80\x99s", 4) == 0)
		return 4;
	if (n > 4 && memcmp(w + n - 4, "s\xe2\x80\x99", 4) == 0)
		return 3;
	if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		return 2;
	if (n > 2 && w[n - 1] == '\'' && w[n - 2] == 's')
		return 1;
	return 0;
}

/*
 * The word without its accents (NFD, combining marks dropped) into out
 * (cap bytes); returns the length, or 0 when it has none or on failure.
 */
static size_t strip_accents(const char *w, size_t n, char *out, size_t cap)
{
	UChar u[2 * SPELLER_MAX_WORD + 8], d[4 * SPELLER_MAX_WORD + 16];
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&st);
	int32_t ul = 0, dl, o = 0, len = 0;

	if (U_FAILURE(st) || n > SPELLER_MAX_WORD)
		return 0;
	u_strFromUTF8(u, (int32_t)ARRAY_SIZE(u), &ul, w, (int32_t)n, &st);
	dl = unorm2_normalize(nfd, u, ul, d, (int32_t)ARRAY_SIZE(d), &st);
	if (U_FAILURE(st))
		return 0;
	for (int32_t i = 0; i < dl; i++)
		if (!(U_GET_GC_MASK(d[i]) & U_GC_MN_MASK))
			d[o++] = d[i];
	if (o == dl)
		return 0;
	u_strToUTF8(out, (int32_t)cap, &len, d, o, &st);
	if (U_FAILURE(st) || len <= 0 || (size_t)len >= cap)
		return 0;
	return (size_t)len;
}

struct wordinfo {
	int letters, upper, digits, nonlatin;
	int other; /* neither letter, mark, digit, apostrophe nor dot */
	int nonascii;
	int first_upper;
};

static void word_info(const char *w, size_t len, struct wordinfo *wi)
{
	int32_t i = 0;

	memset(wi, 0, sizeof(*wi));
	while (i < (int32_t)len) {
		UChar32 c;
		UErrorCode st = U_ZERO_ERROR;
		unsigned char b = (unsigned char)w[i];

		/* ASCII, nearly every byte of English text, without ICU */
		if (b < 0x80) {
			int up = b >= 'A' && b <= 'Z';

			i++;
			if (b >= '0' && b <= '9') {
				wi->digits++;
			} else if (up || (b >= 'a' && b <= 'z')) {
				if (wi->letters == 0)
					wi->first_upper = up;
				wi->letters++;
				wi->upper += up;
			} else if (b != '\'' && b != '.') {
				wi->other++;
			}
			continue;
		}
		U8_NEXT(w, i, (int32_t)len, c);
		if (c < 0)
			continue;
		wi->nonascii++;
		if (u_isdigit(c)) {
			wi->digits++;
		} else if (!u_isalpha(c) && !(U_GET_GC_MASK(c) & U_GC_M_MASK) &&
			   c != '\'' && c != 0x2019 && c != 0x2018 &&
			   c != 0x02BC && c != '.') {
			wi->other++;
		} else if (u_isalpha(c)) {
			UScriptCode sc = uscript_getScript(c, &st);

			if (U_SUCCESS(st) && sc != USCRIPT_LATIN &&
			    sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
				wi->nonlatin++;
			if (wi->letters == 0)
				wi->first_upper = u_isupper(c) != 0;
			wi->letters++;
			if (u_isupper(c))
				wi->upper++;
		}
	}
}

static size_t n_codepoints(const char *w, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)w[i] & 0xC0) != 0x80;
	return n;
}

/* ---- state ------------------------------------------------------------ */

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
	/* name-list answers of known_form(), across documents (the lists do
	 * not change): word -> name, or NULL; count: its source */
	struct smap list_memo;
	struct arena memo_arena; /* list_memo's keys */
};

static void add_name(struct spelling *st, struct name_index *ix,
		     const char *w, size_t len)
{
	unsigned char b = (unsigned char)w[0];
	struct smap_ent *e;

	if (len < 4 || len > SPELLER_MAX_WORD)
		return;
	e = smap_put(&ix->seen, &st->arena, w, len);
	if (e->count++)
		return;
	if (b >= 'A' && b <= 'Z')
		b = (unsigned char)(b - 'A' + 'a');
	ix->v[b] = xgrow(ix->v[b], &ix->alloc[b], ix->n[b] + 1,
			 sizeof(struct name));
	ix->v[b][ix->n[b]++] = (struct name){ e->key, e->len };
}

static void name_index_release(struct name_index *ix)
{
	smap_release(&ix->seen);
	for (size_t i = 0; i < 256; i++)
		free(ix->v[i]);
}

/* A capitalised word that is not all capitals: a name for the index. */
static int is_name(const char *w)
{
	struct wordinfo wi;

	word_info(w, strlen(w), &wi);
	return wi.first_upper && wi.upper < wi.letters && !wi.digits &&
	       !wi.other;
}

/* Names go into the index for "close known form" look-ups. */
static int names_line(void *arg, char *line, size_t lineno)
{
	struct spelling *st = arg;
	char *sp = strpbrk(line, " \t");

	(void)lineno;
	if (sp)
		*sp = '\0';
	if (is_name(line))
		add_name(st, &st->names, line, strlen(line));
	return 0;
}

/* The same for the team's accept lists (--words, accept:). */
static int team_names_line(void *arg, char *line, size_t lineno)
{
	struct spelling *st = arg;
	char *sp = strpbrk(line, " \t");

	(void)lineno;
	if (sp)
		*sp = '\0';
	if (is_name(line))
		add_name(st, &st->team_names, line, strlen(line));
	return 0;
}

static int phrases_line(void *arg, char *line, size_t lineno)
{
	struct spelling *st = arg;
	size_t n;
	char *low = lower_dup(&st->arena, line, strlen(line), &n);

	(void)lineno;
	smap_put(&st->phrases, &st->arena, low, n);
	return 0;
}

/* "Kiev -> Kyiv", "Kiev → Kyiv", "Kiev<TAB>Kyiv" or just "Kiev". */
static int reject_line(void *arg, char *line, size_t lineno)
{
	struct spelling *st = arg;
	char *arrow = strstr(line, "->"), *good = NULL, *end;
	size_t n;
	char *low;
	struct smap_ent *e;

	(void)lineno;
	if (!arrow)
		arrow = strstr(line, "\xe2\x86\x92");
	if (arrow) {
		good = arrow + (arrow[0] == '-' ? 2 : 3);
	} else {
		arrow = strchr(line, '\t');
		if (arrow)
			good = arrow + 1;
	}
	end = arrow ? arrow : line + strlen(line);
	while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (end == line)
		return 0;
	if (good)
		while (*good == ' ' || *good == '\t')
			good++;
	low = lower_dup(&st->arena, line, (size_t)(end - line), &n);
	e = smap_put(&st->reject, &st->arena, low, n);
	e->val = arena_strdup(&st->arena, good && *good ? good : "");
	return 0;
}

static enum mt_err load_project_lists(struct spelling *st,
				      const char *data_dir,
				      struct mt_error *err)
{
	char pat[4096], path[4096];
	glob_t g;
	enum mt_err rc = MT_ERR_OK;

	/* *.words: accepted, and their names are near-miss targets;
	 * *.accept: accepted only (big gazetteers, whose obscure entries
	 * would make a real name look like a slip of another) */
	static const char *const kinds[] = { "words", "accept" };

	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		snprintf(pat, sizeof(pat), "%s/dictionaries/%.2s/*.%s",
			 data_dir, st->lang, kinds[k]);
		if (glob(pat, 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; rc == MT_ERR_OK && i < g.gl_pathc; i++) {
			rc = speller_load_words(st->sp, g.gl_pathv[i], "Paris",
						err);
			if (rc == MT_ERR_OK && k == 0)
				rc = listfile_read(g.gl_pathv[i],
						   MT_LIMIT_WORD_LIST,
						   "word list", names_line,
						   st, err);
		}
		globfree(&g);
	}
	if (rc != MT_ERR_OK)
		return rc;
	snprintf(path, sizeof(path), "%s/dictionaries/%.2s/frequency.tsv",
		 data_dir, st->lang);
	if (mt_path_exists(path))
		rc = speller_load_frequencies(st->sp, path, err);
	snprintf(path, sizeof(path), "%s/dictionaries/%.2s/phrases.txt",
		 data_dir, st->lang);
	if (rc == MT_ERR_OK && mt_path_exists(path))
		rc = listfile_read(path, MT_LIMIT_WORD_LIST, "phrase list",
				   phrases_line, st, err);
	return rc;
}

static void spelling_close(void *state)
{
	struct spelling *st = state;

	if (!st)
		return;
	speller_close(st->sp);
	speller_close(st->variant);
	smap_release(&st->reject);
	smap_release(&st->phrases);
	name_index_release(&st->names);
	name_index_release(&st->team_names);
	smap_release(&st->list_memo);
	arena_release(&st->memo_arena);
	arena_release(&st->arena);
	free(st);
}

static enum mt_err spelling_open(struct checker *c,
				 const struct checker_options *opts,
				 void **state, struct mt_error *err)
{
	struct spelling *st = xcalloc(1, sizeof(*st));
	const char *data_dir = opts->data_dir ? opts->data_dir : mt_data_dir();
	enum mt_err rc;

	*state = st;
	st->checker = c;
	arena_init(&st->arena, 0);
	arena_init(&st->memo_arena, 0);
	snprintf(st->lang, sizeof(st->lang), "%s",
		 opts->lang ? opts->lang : "en_US");
	snprintf(st->dict_path, sizeof(st->dict_path), "%s",
		 opts->dict_path ? opts->dict_path : "");
	if (strncmp(st->lang, "en_US", 5) == 0)
		snprintf(st->variant_lang, sizeof(st->variant_lang), "en_GB");
	else if (strncmp(st->lang, "en_", 3) == 0)
		snprintf(st->variant_lang, sizeof(st->variant_lang), "en_US");
	st->acronym_max = opts->acronym_max > 0 ? opts->acronym_max
						: SPELLING_ACRONYM_MAX;
	/* every rule disabled (--disable spelling): nothing to load, and
	 * spelling_run() does nothing */
	for (size_t i = 0; i < ARRAY_SIZE(spelling_rules) && !st->on; i++)
		st->on = checker_rule_enabled(c, spelling_rules[i].id,
					      spelling_rules[i].category);
	if (!st->on)
		return MT_ERR_OK;
	rc = speller_open(st->lang, opts->dict_path, &st->sp, err);
	if (rc == MT_ERR_OK && data_dir)
		rc = load_project_lists(st, data_dir, err);
	for (size_t i = 0; rc == MT_ERR_OK && i < opts->n_word_files; i++) {
		rc = speller_load_words(st->sp, opts->word_files[i], NULL, err);
		if (rc == MT_ERR_OK)
			rc = listfile_read(opts->word_files[i],
					   MT_LIMIT_WORD_LIST, "word list",
					   team_names_line, st, err);
	}
	for (size_t i = 0; rc == MT_ERR_OK && i < opts->n_names; i++) {
		const char *nm = opts->names[i];

		if (speller_add(st->sp, nm, "Paris") != 0)
			rc = mt_error(err, MT_ERR_CONFIG,
				      "name '%s' cannot be added to the "
				      "dictionary (not in its encoding)",
				      nm);
		else if (is_name(nm))
			add_name(st, &st->team_names, nm, strlen(nm));
	}
	for (size_t i = 0; rc == MT_ERR_OK && i < opts->n_reject_files; i++)
		rc = listfile_read(opts->reject_files[i], MT_LIMIT_WORD_LIST,
				   "reject list", reject_line, st, err);
	if (rc != MT_ERR_OK) {
		spelling_close(st);
		*state = NULL;
	}
	return rc;
}

/* ---- one document ----------------------------------------------------- */

struct run {
	struct spelling *st;
	struct check_ctx *ctx;
	struct document *doc;
	struct smap ref_words; /* base forms of the reference's words */
	struct smap caps;      /* capitalised base forms -> count */
	/* candidates for known_form(), by lower-cased first byte: the
	 * reference's capitalised words (source 0) and the document's
	 * capitalised words seen twice or more (source 1), built on demand */
	struct doc_name {
		const char *s;
		uint32_t len, count;
		int source;
	} *cand[256];
	size_t n_cand[256], alloc_cand[256];
	int cand_built;
	struct smap known; /* word -> known_form() answer, for repeats */
	struct deliberate delib; /* why an unknown word looks deliberate */
	const struct span *code;
	size_t n_code, code_i;
	uint32_t ti; /* the token being checked */
};

/* Length of the part separator at text[i] (a hyphen, U+2010, U+2011, or
 * a full stop between words: "interest.One" is two words with a space
 * missing), or 0. */
static size_t separator(const char *text, uint32_t i, uint32_t end)
{
	const unsigned char *u = (const unsigned char *)text + i;

	if (text[i] == '-' || text[i] == '.')
		return 1;
	if (i + 3 <= end && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x90 || u[2] == 0x91))
		return 3;
	return 0;
}

/* Call fn on each hyphen- or dot-separated part of the token. */
static void each_part(const char *text, struct span sp,
		      void (*fn)(struct run *r, struct span part, int whole),
		      struct run *r)
{
	uint32_t s = sp.start;
	int whole = 1;

	for (uint32_t i = sp.start; i < sp.end && whole; i++)
		whole = separator(text, i, sp.end) == 0;
	if (whole) {
		fn(r, sp, 1);
		return;
	}
	for (uint32_t i = sp.start; i <= sp.end; i++) {
		size_t hl = i < sp.end ? separator(text, i, sp.end) : 0;

		if (i == sp.end || hl) {
			if (i > s)
				fn(r, (struct span){ s, i }, 0);
			s = i + (uint32_t)hl;
			i += hl ? (uint32_t)hl - 1 : 0;
		}
	}
}

static void add_ref_part(struct run *r, struct span p, int whole)
{
	char b[SPELLER_MAX_WORD + 1];
	size_t n;

	(void)whole;
	if (p.end - p.start > SPELLER_MAX_WORD)
		return;
	n = base_form(r->ctx->ref->text + p.start, p.end - p.start, b,
		      sizeof(b));
	smap_put(&r->ref_words, &r->doc->arena, b, n);
}

static void count_cap_part(struct run *r, struct span p, int whole)
{
	char b[SPELLER_MAX_WORD + 1];
	size_t n;
	struct wordinfo wi;

	(void)whole;
	if (p.end - p.start > SPELLER_MAX_WORD)
		return;
	n = base_form(r->doc->text + p.start, p.end - p.start, b, sizeof(b));
	word_info(b, n, &wi);
	if (wi.first_upper && wi.upper < wi.letters)
		smap_put(&r->caps, &r->doc->arena, b, n)->count++;
}

/* Is the word a reference word (its base form, exactly)? */
static int in_reference(struct run *r, const char *b, size_t n)
{
	return smap_count(&r->ref_words) && smap_find(&r->ref_words, b, n);
}

/* The best candidate so far: the smaller distance, then the higher
 * similarity (util/namesim.h's order). */
struct nearest {
	int distance;
	double score;
};

#define NEAREST_NONE { INT_MAX, 0 }

/* Lower-case ASCII letters of w into out (cap bytes); 0 if too long. */
static int lower_key(const char *w, size_t n, char *out, size_t cap)
{
	if (n + 1 > cap)
		return 0;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 0x20 : w[i]);
	out[n] = '\0';
	return 1;
}

/* Are the two a transliteration variant of one name (Dmitry/Dmitri)? */
static int same_variant(const char *w, size_t n, const char *cand, size_t cn)
{
	char k1[SPELLER_MAX_WORD + 1], k2[SPELLER_MAX_WORD + 1];

	namesim_variant_key(w, n, k1, sizeof(k1));
	namesim_variant_key(cand, cn, k2, sizeof(k2));
	return strcmp(k1, k2) == 0;
}

/*
 * Is the known name cand a near miss of the unknown word w, and a nearer
 * one than *best?  The measure is the reference comparison's
 * (namesim_near_miss() on lower-case forms), with two conditions of a
 * misspelling without a reference to vouch for it: the same first letter,
 * and not a transliteration variant (namesim_variant_key()).
 */
static int close_name(const char *w, size_t n, const char *cand, size_t cn,
		      struct nearest *best)
{
	char a[SPELLER_MAX_WORD + 1], b[SPELLER_MAX_WORD + 1];
	int d;
	double score;

	if ((w[0] | 0x20) != (cand[0] | 0x20) ||
	    !lower_key(w, n, a, sizeof(a)) || !lower_key(cand, cn, b, sizeof(b)))
		return 0;
	if (!namesim_near_miss(a, b, &d, &score))
		return 0;
	if (d > best->distance || (d == best->distance && score <= best->score))
		return 0;
	if (same_variant(w, n, cand, cn))
		return 0;
	best->distance = d;
	best->score = score;
	return 1;
}

static void add_cand(struct run *r, const struct smap_ent *e, int source)
{
	unsigned char b = (unsigned char)(e->key[0] | 0x20);

	r->cand[b] = xgrow(r->cand[b], &r->alloc_cand[b], r->n_cand[b] + 1,
			   sizeof(struct doc_name));
	r->cand[b][r->n_cand[b]++] =
		(struct doc_name){ e->key, e->len, e->count, source };
}

static void build_cands(struct run *r)
{
	r->cand_built = 1;
	for (size_t i = 0; i < smap_count(&r->ref_words); i++) {
		const struct smap_ent *e = &r->ref_words.v[i];

		if (e->key[0] >= 'A' && e->key[0] <= 'Z')
			add_cand(r, e, 0);
	}
	for (size_t i = 0; i < smap_count(&r->caps); i++) {
		const struct smap_ent *e = &r->caps.v[i];

		if (e->count >= 2)
			add_cand(r, e, 1);
	}
}

static const char *const sources[] = { "the reference article",
				       "this article",
				       "the newsroom name lists",
				       "the team's names" };

/*
 * A listed name that the word is one typing slip from (namesim_one_slip()),
 * or NULL.  The newsroom lists also ask for a word of 5 letters or more
 * and no transliteration variant of the name (Dmitri for Dmitry); of
 * several slips, the most similar name (Jaro-Winkler) wins.
 * The team's names are its house spellings, so a variant of one is
 * flagged too (Zelenskyy where the team writes Zelensky), from 4 letters.
 */
static const char *slip_of_listed(const struct name_index *ix, int team,
				  const char *w, size_t n, unsigned char b)
{
	const char *found = NULL;
	double best = -1;
	size_t cp = n_codepoints(w, n);
	char a[SPELLER_MAX_WORD + 1], c[SPELLER_MAX_WORD + 1];

	if (cp < (team ? 4u : 5u) || !lower_key(w, n, a, sizeof(a)))
		return NULL;
	for (size_t i = 0; i < ix->n[b]; i++) {
		const struct name *nm = &ix->v[b][i];
		double score;

		if (!namesim_one_slip(w, n, nm->s, nm->len))
			continue;
		if (team)
			return nm->s;
		/* a slip is one edit: of several, the most similar */
		if (same_variant(w, n, nm->s, nm->len) ||
		    !lower_key(nm->s, nm->len, c, sizeof(c)))
			continue;
		score = namesim_jaro_winkler(a, n, c, nm->len);
		if (score > best) {
			best = score;
			found = nm->s;
		}
	}
	return found;
}

/*
 * A known name the capitalised unknown word is likely a misspelling of:
 * from the reference, a spelling the same document uses at least twice
 * and more often, or the project's name lists (where only a typing slip
 * counts: see namesim_one_slip()).  NULL when none.  Answers are cached per word
 * for the document; the candidates are indexed by first letter, so a long
 * document costs no more per word than a short one.
 */
static const char *known_form(struct run *r, const char *w, size_t n,
			      const char **source)
{
	const char *best_s = NULL;
	struct nearest best = NEAREST_NONE;
	int best_src = 0;
	unsigned char b = (unsigned char)(w[0] | 0x20);
	struct smap_ent *self = smap_find(&r->caps, w, n), *memo;
	uint32_t self_count = self ? self->count : 0;

	memo = smap_find(&r->known, w, n);
	if (memo) {
		*source = sources[memo->count];
		return memo->val;
	}
	/* "the Krims of the world": the plural of a name the document or
	 * the reference uses, not a slip of it */
	if (n > 2 && w[n - 1] == 's' &&
	    (smap_find(&r->caps, w, n - 1) || in_reference(r, w, n - 1)))
		return NULL;
	if (!r->cand_built)
		build_cands(r);
	for (int src = 0; src < 2 && !best_s; src++)
		for (size_t i = 0; i < r->n_cand[b]; i++) {
			const struct doc_name *c = &r->cand[b][i];

			if (c->source != src ||
			    (src == 1 && c->count <= self_count))
				continue;
			if (close_name(w, n, c->s, c->len, &best)) {
				best_s = c->s;
				best_src = src;
			}
		}
	if (!best_s) {
		struct spelling *st = r->st;
		struct smap_ent *lm = smap_find(&st->list_memo, w, n);

		if (!lm) {
			const char *found =
				slip_of_listed(&st->team_names, 1, w, n, b);
			uint32_t src = 3;

			if (!found) {
				found = slip_of_listed(&st->names, 0, w, n, b);
				src = 2;
			}
			if (smap_count(&st->list_memo) >= 100000) {
				smap_release(&st->list_memo);
				arena_release(&st->memo_arena);
			}
			lm = smap_put(&st->list_memo, &st->memo_arena, w, n);
			lm->val = found;
			lm->count = src;
		}
		if (lm->val) {
			best_s = lm->val;
			best_src = (int)lm->count;
		}
	}
	memo = smap_put(&r->known, &r->doc->arena, w, n);
	memo->val = best_s;
	memo->count = (uint32_t)best_src;
	*source = sources[best_src];
	return best_s;
}

/* Is the word, with the words around it, a listed phrase ("deja vu")? */
static int in_phrase(struct run *r, uint32_t ti)
{
	struct document *doc = r->doc;
	struct smap *ph = &r->st->phrases;

	if (!smap_count(ph))
		return 0;
	/* windows of 2 and 3 word tokens holding ti */
	for (uint32_t len = 2; len <= 3; len++) {
		for (uint32_t first = ti >= len - 1 ? ti - (len - 1) : 0;
		     first <= ti; first++) {
			uint32_t last = first + len - 1;
			const struct token *a, *z;
			size_t n;
			char *low;
			int ok = 1;

			if (last >= doc->n_tokens)
				break;
			for (uint32_t k = first; k <= last; k++)
				if (doc->tokens[k].kind != TOK_WORD ||
				    (k > first &&
				     (doc->tokens[k].flags &
				      TOKF_LINE_BEFORE)))
					ok = 0;
			if (!ok)
				continue;
			a = &doc->tokens[first];
			z = &doc->tokens[last];
			if (z->span.end - a->span.start > 200)
				continue;
			low = lower_dup(&doc->arena, doc->text + a->span.start,
					z->span.end - a->span.start, &n);
			/* collapse runs of whitespace to one space */
			{
				size_t o = 0;

				for (size_t i = 0; i < n; i++) {
					char c = low[i];

					if (c == '\n' || c == '\t' || c == '\r')
						c = ' ';
					if (c == ' ' && o && low[o - 1] == ' ')
						continue;
					low[o++] = c;
				}
				n = o;
			}
			if (smap_find(ph, low, n))
				return 1;
		}
	}
	return 0;
}

/*
 * Does the dictionary know the hyphenated token ti written solid
 * ("ante-bellum" as "antebellum", "co-operate")?  Then its parts are a
 * spelling of a known word, whatever they are alone.
 */
static int joined_known(struct run *r, uint32_t ti)
{
	const struct token *t = &r->doc->tokens[ti];
	const char *w = r->doc->text + t->span.start;
	char b[SPELLER_MAX_WORD + 1];
	size_t o = 0;

	if (!(t->flags & TOKF_HYPHEN))
		return 0;
	for (uint32_t i = 0; i < t->span.end - t->span.start; i++) {
		if (w[i] == '-')
			continue;
		if (w[i] == '.' || o + 1 >= sizeof(b))
			return 0;
		b[o++] = w[i];
	}
	return o > 0 && speller_check(r->st->sp, b, o);
}

static int sentence_initial(const struct document *doc, uint32_t ti)
{
	uint32_t s = document_sentence_at(doc, doc->tokens[ti].span.start);
	uint32_t k;

	if (s == UINT32_MAX)
		return 0;
	for (k = doc->sentences[s].first_token; k < ti; k++)
		if (doc->tokens[k].kind == TOK_WORD ||
		    doc->tokens[k].kind == TOK_NUMBER)
			return 0;
	return 1;
}

/*
 * Append ranked suggestions: the index's (speller.h), never Hunspell's own
 * search, whose time limit would make them depend on the machine.  A word
 * with no dictionary word within two edits gets none.
 */
static void suggest(struct run *r, struct diag *d, const char *w, size_t n,
		    size_t max)
{
	const char *const *v;
	size_t k = speller_suggest(r->st->sp, w, n, SPELLER_ORDER_INDEX, &v);

	for (size_t i = 0; i < k && i < max; i++)
		diag_suggest(r->ctx->diags, d, v[i]);
}

static const struct rule_info *rule(int i)
{
	return &spelling_rules[i];
}

static struct diag *report(struct run *r, int ri, struct span sp,
			   const char *fmt, const char *w, int n,
			   const char *extra)
{
	const struct rule_info *ru = rule(ri);

	if (!checker_rule_enabled(r->ctx->checker, ru->id, ru->category))
		return NULL;
	return diag_add(r->ctx->diags, ru->id, ru->category, ru->severity, sp,
			fmt, n, w, extra ? extra : "");
}

/*
 * The regular differences between British and American spelling, as
 * (British, American) pieces of a word: colour/color, realise/realize,
 * analyse/analyze, centre/center, catalogue/catalog, defence/defense,
 * travelled/traveled, anaemia/anemia, manoeuvre/maneuver.
 */
static const char *const dialect_pairs[][2] = {
	{ "our", "or" },   { "ise", "ize" }, { "isa", "iza" },
	{ "ising", "izing" }, { "yse", "yze" }, { "tre", "ter" },
	{ "ogue", "og" },  { "ence", "ense" }, { "lled", "led" },
	{ "lling", "ling" }, { "ller", "ler" }, { "ae", "e" },
	{ "oe", "e" },	   { "oeu", "eu" }, { "mme", "m" },
};

/*
 * The other dialect's form of w that our dictionary knows and the other
 * dialect's does not, made by one change from dialect_pairs; NULL when
 * there is none.  Lookups only (cached), no suggestion search.
 */
static char *dialect_form(struct run *r, const char *w, size_t n)
{
	int from = strcmp(r->st->variant_lang, "en_GB") == 0 ? 0 : 1;
	char buf[2 * SPELLER_MAX_WORD + 16];

	for (size_t p = 0; p < ARRAY_SIZE(dialect_pairs); p++) {
		const char *a = dialect_pairs[p][from];
		const char *b = dialect_pairs[p][1 - from];
		size_t al = strlen(a);

		for (size_t i = 0; i + al <= n; i++) {
			size_t m;

			if (memcmp(w + i, a, al) != 0)
				continue;
			m = (size_t)snprintf(buf, sizeof(buf), "%.*s%s%.*s",
					     (int)i, w, b,
					     (int)(n - i - al), w + i + al);
			if (m < sizeof(buf) && speller_check(r->st->sp, buf, m) &&
			    !speller_check(r->st->variant, buf, m))
				return arena_strndup(&r->doc->arena, buf, m);
		}
	}
	return NULL;
}

/* What typo_shaped() finds one edit from a word. */
enum shape {
	SHAPE_TERM,	 /* nothing: a term the dictionary lacks */
	SHAPE_TYPO,	 /* a letter deleted, inserted, replaced, swapped */
	SHAPE_COMPOUND,	 /* only two known words of 3+ letters run together */
};

/*
 * Is a known lower-case word one edit from the lower-case ASCII word w (a
 * letter deleted, inserted, replaced or two swapped) by the dictionary's
 * look-ups (about 55 per letter)?  For when the suggestion index cannot
 * tell (speller_lower_neighbour()).
 */
static int edit_known(struct speller *sp, const char *w, size_t n)
{
	char b[SPELLER_MAX_WORD + 2];

	for (size_t i = 0; i <= n; i++) {
		/* deletion of w[i] */
		if (i < n) {
			memcpy(b, w, i);
			memcpy(b + i, w + i + 1, n - i - 1);
			if (speller_check(sp, b, n - 1))
				return 1;
		}
		/* swap of w[i] and w[i+1] */
		if (i + 1 < n) {
			memcpy(b, w, n);
			b[i] = w[i + 1];
			b[i + 1] = w[i];
			if (speller_check(sp, b, n))
				return 1;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			/* replacement of w[i] */
			if (i < n && c != w[i]) {
				memcpy(b, w, n);
				b[i] = c;
				if (speller_check(sp, b, n))
					return 1;
			}
			/* insertion before w[i] */
			memcpy(b, w, i);
			b[i] = c;
			memcpy(b + i + 1, w + i, n - i);
			if (speller_check(sp, b, n + 1))
				return 1;
		}
	}
	return 0;
}

/*
 * Is a known word one edit away from the lower-case ASCII word w: a letter
 * deleted, inserted, replaced or two swapped (SHAPE_TYPO)?  Typos have
 * that shape; technical and foreign terms the dictionary lacks
 * ("nociceptive", "montmorillonites") mostly do not (SHAPE_TERM).  A word
 * that only splits into two known words of three letters or more
 * ("stormlamp", "copperleaf") is SHAPE_COMPOUND: in edited prose a closed
 * compound the dictionary lacks more often than a lost space (a short
 * part, "thecar", still counts as a typo).  One look-up in the suggestion
 * index when it can tell (else the dictionary's look-ups, edit_known())
 * and two per split point, never the suggestion search.  Words that are
 * not plain ASCII letters count as typo-shaped.  *split is where a
 * compound splits.
 */
static enum shape typo_shaped(struct run *r, const char *w, size_t n,
			      size_t *split)
{
	struct speller *sp = r->st->sp;
	int near;

	if (n < 2 || n + 1 >= SPELLER_MAX_WORD + 2)
		return SHAPE_TYPO;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return SHAPE_TYPO;
	near = speller_lower_neighbour(sp, w, n);
	if (near > 0 || (near < 0 && edit_known(sp, w, n)))
		return SHAPE_TYPO;
	/* two words: w[..i) and w[i..) */
	for (size_t i = 2; i + 2 <= n; i++)
		if (speller_check(sp, w, i) && speller_check(sp, w + i, n - i)) {
			if (i < 3 || n - i < 3)
				return SHAPE_TYPO;
			if (!*split)
				*split = i;
		}
	return *split ? SHAPE_COMPOUND : SHAPE_TERM;
}

/* The other dialect's dictionary, opened on first use (see struct
 * spelling); NULL when there is none. */
static struct speller *variant(struct spelling *st)
{
	struct mt_error e = { 0 };

	if (!st->variant_tried && st->variant_lang[0] &&
	    speller_open(st->variant_lang,
			 st->dict_path[0] ? st->dict_path : NULL,
			 &st->variant, &e) != MT_ERR_OK)
		st->variant = NULL;
	st->variant_tried = 1;
	return st->variant;
}

/* Lower-case words: look in the other dialect's dictionary, then report. */
static void unknown_lower(struct run *r, struct span sp, const char *w,
			  size_t n)
{
	struct spelling *st = r->st;
	struct diag *d;
	size_t split = 0;
	enum deliberate_kind why;

	if (variant(st) && speller_check(st->variant, w, n)) {
		char *other = dialect_form(r, w, n);

		/* A dialect pair (behaviour/behavior) when a regular change
		 * gives a word only our dictionary knows; otherwise a word
		 * the other dictionary knows (the British one is much
		 * larger): accepted. */
		if (other) {
			d = report(r, R_VARIANT, sp,
				   "'%.*s' is %s spelling", w, (int)n,
				   strcmp(st->variant_lang, "en_GB") == 0
					   ? "the British"
					   : "the American");
			if (d) {
				d->message = arena_printf(
					&r->doc->arena, "%s; %s has '%s'",
					d->message, st->lang, other);
				diag_suggest(r->ctx->diags, d, other);
			}
		}
		return;
	}
	why = deliberate_why(&r->delib, r->ti, sp);
	if (why != DELIBERATE_NONE) {
		report(r, R_UNKNOWN_TERM, sp, "unknown word '%.*s'%s", w,
		       (int)n,
		       arena_printf(&r->doc->arena, ": %s",
				    deliberate_reason(why)));
		return;
	}
	switch (typo_shaped(r, w, n, &split)) {
	case SHAPE_TERM:
		report(r, R_UNKNOWN_TERM, sp,
		       "unknown word '%.*s'%s: no known word is one edit away "
		       "(a term the dictionary lacks?)",
		       w, (int)n, "");
		return;
	case SHAPE_COMPOUND:
		/* A noun and a participle or -ed adjective written solid
		 * ("olivefaced", "citybred"): a compound adjective, whose
		 * hyphen is a matter of style */
		if (n - split >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd') {
			report(r, R_UNKNOWN_TERM, sp,
			       "unknown word '%.*s'%s: a compound adjective "
			       "written solid (usually hyphenated)",
			       w, (int)n, "");
			return;
		}
		/* On real MT output such words were marked as errors as
		 * often as other typos (a lost space: make eval-mqm); in
		 * edited prose they are often closed compounds (Brown): a
		 * warning, whose fixes are the two words apart, joined by a
		 * space or a hyphen. */
		d = report(r, R_UNKNOWN, sp,
			   "unknown word '%.*s'%s: two words run together?", w,
			   (int)n, "");
		if (d) {
			diag_suggest(r->ctx->diags, d,
				     arena_printf(&r->doc->arena, "%.*s %.*s",
						  (int)split, w,
						  (int)(n - split), w + split));
			diag_suggest(r->ctx->diags, d,
				     arena_printf(&r->doc->arena, "%.*s-%.*s",
						  (int)split, w,
						  (int)(n - split), w + split));
		}
		return;
	case SHAPE_TYPO:
		break;
	}
	d = report(r, R_UNKNOWN, sp, "unknown word '%.*s'%s", w, (int)n, "");
	if (d)
		suggest(r, d, w, n, 5);
}

static void check_part(struct run *r, struct span sp, int whole,
		       uint32_t ti)
{
	struct spelling *st = r->st;
	const char *w = r->doc->text + sp.start;
	size_t n = sp.end - sp.start;
	char b[SPELLER_MAX_WORD + 1];
	size_t bn;
	struct wordinfo wi;
	struct smap_ent *rej;

	if (n == 0 || n > SPELLER_MAX_WORD)
		return;
	word_info(w, n, &wi);
	/* codes, foreign scripts, "@name" the segmenter left as a word */
	if (wi.letters < 2 || wi.digits || wi.nonlatin || wi.other)
		return; /* single letters: initials, list markers, "é" */
	bn = base_form(w, n, b, sizeof(b));
	if (smap_count(&st->reject)) {
		size_t ln;
		char *low = lower_dup(&r->doc->arena, b, bn, &ln);

		rej = smap_find(&st->reject, low, ln);
		if (rej) {
			struct diag *d;

			d = report(r, R_REJECTED, sp,
				   "'%.*s' is on the reject list%s", w,
				   (int)n, *rej->val ? "; use " : "");
			if (d && *rej->val) {
				d->message = arena_printf(
					&r->doc->arena, "%s'%s'", d->message,
					rej->val);
				diag_suggest(r->ctx->diags, d, rej->val);
			}
			return;
		}
	}
	/* acronyms: FSB, GRU (and their plural or possessive) */
	if (wi.upper == wi.letters && wi.letters <= st->acronym_max)
		return;
	if (wi.upper > 1 && wi.letters - wi.upper <= 1 &&
	    wi.letters <= st->acronym_max + 1 && (w[n - 1] == 's'))
		return; /* "MPs", "NGOs" */
	if (speller_check(st->sp, w, n))
		return;
	if (!whole && joined_known(r, ti))
		return;
	if (in_reference(r, b, bn))
		return;
	/* loanwords written with their accents: café, déjà, naïve */
	if (wi.nonascii) {
		char plain[SPELLER_MAX_WORD + 1];
		size_t pn = strip_accents(w, n, plain, sizeof(plain));

		if (pn && speller_check(st->sp, plain, pn))
			return;
	}
	if (in_phrase(r, ti))
		return;
	if (wi.first_upper) {
		const char *src = NULL, *known;

		/* "Teh" opening a sentence is "the" misspelt */
		if (whole && wi.upper == 1 && sentence_initial(r->doc, ti)) {
			const char *const *v;
			size_t k;

			/* the index's candidates only: a close common word
			 * is among them when there is one */
			k = speller_suggest(st->sp, w, n, SPELLER_ORDER_INDEX,
					    &v);
			/* the first letter is right in nearly every typo
			 * ("Teh"): a common word without it ("Oso", "so")
			 * is no evidence */
			if (k && (v[0][0] | 0x20) == (w[0] | 0x20) &&
			    speller_frequency(st->sp, v[0],
						   strlen(v[0])) >= 100 &&
			    speller_distance(w, n, v[0], strlen(v[0])) <= 1.0) {
				char *low = lower_dup(&r->doc->arena, v[0],
						      strlen(v[0]), NULL);

				/* a common lower-case word */
				if (speller_check(st->sp, low, strlen(low))) {
					unknown_lower(r, sp, w, n);
					return;
				}
			}
		}
		known = known_form(r, b, bn, &src);
		if (known) {
			struct diag *d = report(
				r, R_MISSPELLED_NAME, sp,
				"'%.*s' looks like a misspelling of '%s'", w,
				(int)n, known);

			if (d) {
				size_t pl = possessive_len(w, n);

				d->message = arena_printf(&r->doc->arena,
							  "%s, known from %s",
							  d->message, src);
				diag_suggest(r->ctx->diags, d,
					     arena_printf(&r->doc->arena,
							  "%s%.*s", known,
							  (int)pl,
							  w + n - pl));
			}
			return;
		}
		report(r, R_UNKNOWN_NAME, sp, "unknown name '%.*s'%s", w,
		       (int)n, "");
		return;
	}
	/* mL, kDa, iPhone, eBay: a capital inside a lower-case word marks a
	 * unit, symbol or brand, not a misspelt common word */
	if (wi.upper > 0) {
		report(r, R_UNKNOWN_NAME, sp, "unknown name or symbol '%.*s'%s",
		       w, (int)n, "");
		return;
	}
	unknown_lower(r, sp, w, n);
}

static void check_part_cb(struct run *r, struct span p, int whole)
{
	check_part(r, p, whole, r->ti);
}

static void add_code_span(struct run *r, struct span **v, size_t *n,
			  size_t *cap, size_t start, size_t end)
{
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct span *nv = arena_alloc(&r->doc->arena,
					      ncap * sizeof(*nv));

		if (*n)
			memcpy(nv, *v, *n * sizeof(**v));
		*v = nv;
		*cap = ncap;
	}
	(*v)[(*n)++] = (struct span){ (uint32_t)start, (uint32_t)end };
}

/*
 * Text that is not prose, never checked: spans between backticks on one
 * line (code) and HTML comments ("<!-- mtlint-disable ... -->"
 * suppressions among them).  In text order, not overlapping.
 */
static void find_code_spans(struct run *r)
{
	const char *t = r->doc->text;
	size_t len = r->doc->len, n = 0, cap = 0;
	struct span *v = NULL;

	for (size_t i = 0; i < len; i++) {
		if (t[i] == '<' && i + 4 <= len && memcmp(t + i, "<!--", 4) == 0) {
			const char *e = memmem(t + i + 4, len - i - 4, "-->", 3);
			size_t end = e ? (size_t)(e - t) + 3 : len;

			add_code_span(r, &v, &n, &cap, i, end);
			i = end - 1;
			continue;
		}
		if (t[i] != '`')
			continue;
		for (size_t j = i + 1; j < len && t[j] != '\n'; j++)
			if (t[j] == '`') {
				add_code_span(r, &v, &n, &cap, i, j + 1);
				i = j;
				break;
			}
	}
	r->code = v;
	r->n_code = n;
}

static int in_code(struct run *r, const struct token *t)
{
	while (r->code_i < r->n_code &&
	       r->code[r->code_i].end <= t->span.start)
		r->code_i++;
	return r->code_i < r->n_code &&
	       r->code[r->code_i].start <= t->span.start;
}

static enum mt_err spelling_run(void *state, struct check_ctx *ctx,
				struct mt_error *err)
{
	struct spelling *st = state;
	struct document *doc = ctx->doc;
	struct run r = { .st = st, .ctx = ctx, .doc = doc };
	int any = 0;

	(void)err;
	for (size_t i = 0; st->on && i < ARRAY_SIZE(spelling_rules); i++)
		any |= checker_rule_enabled(ctx->checker, spelling_rules[i].id,
					    spelling_rules[i].category);
	if (!any)
		return MT_ERR_OK;
	if (ctx->ref)
		for (uint32_t i = 0; i < ctx->ref->n_tokens; i++)
			if (ctx->ref->tokens[i].kind == TOK_WORD)
				each_part(ctx->ref->text,
					  ctx->ref->tokens[i].span,
					  add_ref_part, &r);
	for (uint32_t i = 0; i < doc->n_tokens; i++)
		if (doc->tokens[i].kind == TOK_WORD)
			each_part(doc->text, doc->tokens[i].span,
				  count_cap_part, &r);
	find_code_spans(&r);
	deliberate_init(&r.delib, doc, st->sp);
	for (uint32_t i = 0; i < doc->n_tokens; i++) {
		const struct token *t = &doc->tokens[i];

		if (t->kind != TOK_WORD || (t->flags & (TOKF_ABBREV | TOKF_IDEO)))
			continue;
		if (in_code(&r, t))
			continue;
		r.ti = i;
		each_part(doc->text, t->span, check_part_cb, &r);
	}
	smap_release(&r.ref_words);
	smap_release(&r.caps);
	smap_release(&r.known);
	deliberate_release(&r.delib);
	for (size_t i = 0; i < 256; i++)
		free(r.cand[i]);
	return MT_ERR_OK;
}

static size_t spelling_rule_list(void *state, const struct rule_info **out)
{
	(void)state;
	*out = spelling_rules;
	return ARRAY_SIZE(spelling_rules);
}

const struct check_pass spelling_pass = {
	.name = "spelling",
	.open = spelling_open,
	.run = spelling_run,
	.close = spelling_close,
	.rules = spelling_rule_list,
};
