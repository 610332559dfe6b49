/*
 * lexicon: word classes from link-grammar's English dictionary (see
 * lexicon.h).  The dictionary file format is link-grammar's own and no
 * library exposes its word lists, so it is read here: comments start with
 * '%', an entry is a list of words then ':' then an expression up to ';'.
 * We never interpret the expressions; we only look for the macro and
 * connector names that mark a form.
 */
#include "text/lexicon.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/atomicfile.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "util/xalloc.h"

/* Markers an expression reaches, through macros (see expr_marks()). */
enum marker {
	MK_NOUN_S = 1 << 0,
	MK_NOUN_P = 1 << 1,
	MK_NOUN_M = 1 << 2,
	MK_PREP = 1 << 3,
};

/* While the dictionary is read: a unit's form not spelled as a plural,
 * singular unless another entry makes it a plural ("feet.u"). */
#define UNIT_SG (1u << 31)

struct lexicon {
	struct arena arena;    /* the word forms */
	struct strtab words;   /* word form -> id */
	uint32_t *classes;     /* by id */
	uint32_t *participle;  /* by id: the participle's id, or STRTAB_NONE */
	uint32_t *past;	       /* by id: an irregular past's id, or none */
	uint32_t *plural;      /* by id: the irregular plural's id, or none */
	uint32_t *base;	       /* by id: an exception's base form, or none */
	size_t alloc_classes;
	char dir[512];
};

static const struct {
	const char *name;
	uint32_t bit;
} class_names[] = {
	{ "noun", LEX_NOUN },
	{ "noun-singular", LEX_NOUN_SG },
	{ "noun-plural", LEX_NOUN_PL },
	{ "noun-mass", LEX_NOUN_MASS },
	{ "proper-noun", LEX_PROPER },
	{ "verb", LEX_VERB },
	{ "verb-base", LEX_VERB_BASE },
	{ "verb-3sg", LEX_VERB_3SG },
	{ "verb-past", LEX_VERB_PAST },
	{ "past-participle", LEX_VERB_PP },
	{ "verb-ing", LEX_VERB_ING },
	{ "adjective", LEX_ADJ },
	{ "adverb", LEX_ADV },
	{ "determiner", LEX_DET },
	{ "preposition", LEX_PREP },
	{ "modal", LEX_MODAL },
	{ "known", LEX_KNOWN },
	{ "comparative", LEX_COMPARATIVE },
	{ "superlative", LEX_SUPERLATIVE },
	{ "irregular-past", LEX_IRREGULAR_PAST },
	{ "irregular-plural", LEX_IRREGULAR_PLURAL },
	{ "noun-group", LEX_NOUN_GROUP },
	{ "currency", LEX_CURRENCY },
};

uint32_t lexicon_class_by_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(class_names); i++)
		if (strcmp(name, class_names[i].name) == 0)
			return class_names[i].bit;
	return 0;
}

const char *lexicon_class_names(void)
{
	return "noun noun-singular noun-plural noun-mass proper-noun verb "
	       "verb-base verb-3sg verb-past past-participle verb-ing "
	       "adjective adverb determiner preposition modal known comparative "
	       "superlative irregular-past irregular-plural noun-group "
	       "currency";
}

static void add_word(struct lexicon *lex, const char *w, size_t n,
		     uint32_t classes)
{
	uint32_t id;
	int is_new;

	if (!n || n > 64 || !classes)
		return;
	id = strtab_intern_copy(&lex->words, &lex->arena, w, n, &is_new);
	if (is_new) {
		lex->classes = xgrow(lex->classes, &lex->alloc_classes, id + 1,
				     sizeof(*lex->classes));
		lex->classes[id] = 0;
	}
	lex->classes[id] |= classes | LEX_KNOWN;
}

/* Does the expression name this macro or connector? */
static int has(const char *expr, const char *needle)
{
	return strstr(expr, needle) != NULL;
}

/*
 * A D connector ("D+", "Ds**c+", "D*u+", "Dmc+"): the word is a
 * determiner.  DD+, DG+, DT+ are other connectors (second letter upper
 * case) and do not count.
 */
static int has_connector(const char *e, char letter)
{
	for (const char *p = e; (p = strchr(p, letter)); p++) {
		const char *q = p + 1;

		if (p > e && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
			continue;
		while (islower((unsigned char)*q) || *q == '*')
			q++;
		if (*q == '+')
			return 1;
	}
	return 0;
}

/*
 * The verb-form macros an expression uses, as LEX_VERB_* bits: "<verb-s>"
 * (3sg), "<verb-pl,i>" (base), "<verb-pp>" (participle), "<verb-pg>"
 * (-ing) and their kin.  The dictionary writes them plain and, for verbs
 * that take a filler "it" or an auxiliary's subject, with a letter before
 * the form: "take.v" has "<verb-s-pl,i>", "have.v" "<verb-x-pl,i>"
 * (4.0.dict, "verb-form expressions for special verbs").  One pass over
 * the expression: it is read for every word of the dictionary.
 */
static uint32_t verb_forms(const char *e)
{
	static const struct {
		const char *form;
		uint32_t bit;
	} forms[] = {
		{ "s", LEX_VERB_3SG },	   { "s,u", LEX_VERB_3SG },
		{ "pl,i", LEX_VERB_BASE }, { "i", LEX_VERB_BASE },
		{ "ico", LEX_VERB_BASE },  { "pl", LEX_VERB_BASE },
		{ "pp", LEX_VERB_PP },	   { "sp,pp", LEX_VERB_PP },
		{ "pv", LEX_VERB_PP },	   { "pv-b", LEX_VERB_PP },
		{ "pg", LEX_VERB_ING },	   { "pg,ge", LEX_VERB_ING },
	};
	uint32_t c = 0;

	for (const char *p = e; (p = strstr(p, "<verb-")); p++) {
		const char *f = p + 6, *end = strchr(f, '>');
		size_t n;

		if (!end)
			break;
		if (strchr("sxyz", f[0]) && f[0] && f[1] == '-')
			f += 2;
		n = (size_t)(end - f);
		for (size_t i = 0; i < ARRAY_SIZE(forms); i++)
			if (strlen(forms[i].form) == n &&
			    !memcmp(f, forms[i].form, n))
				c |= forms[i].bit;
	}
	return c;
}

/*
 * For entries whose macros allow either number: "-s" but not "-ss"/"-us"/
 * "-is" reads as plural ("allegations", not "status"), and so does "-men".
 */
static int spelled_plural(const char *w, size_t n)
{
	return n > 3 && ((w[n - 1] == 's' && !strchr("sui", w[n - 2])) ||
			 !memcmp(w + n - 3, "men", 3));
}

/* Three or more ASCII lower-case letters: a word, not an abbreviation. */
static int all_lower(const char *w, size_t n)
{
	if (n < 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	return 1;
}

/*
 * The classes of one dictionary word with subscript `sub` ("" when none)
 * and expression `e`, read from the word file named `file` (NULL when the
 * word is inline); plural_spelling is spelled_plural() of the word.
 */
static uint32_t classify(int plural_spelling, const char *sub, const char *e,
			 unsigned mk, const char *file)
{
	uint32_t c = 0;

	if (sub[0] == 'v') {
		c |= LEX_VERB | verb_forms(e);
		if (has(e, "<verb-and-s-"))
			c |= LEX_VERB_3SG;
		if (has(e, "<verb-and-pl-"))
			c |= LEX_VERB_BASE;
		if (strcmp(sub, "v-d") == 0)
			c |= LEX_VERB_PAST;
		if (has(e, "<verb-and-pg-") || has(e, "Pg-"))
			c |= LEX_VERB_ING;
		if (has(e, "<verb-x-sp>") && has(e, "I+") &&
		    has(e, "<verb-rq-aux>"))
			c |= LEX_MODAL;
	} else if (sub[0] == 'n' || sub[0] == 's' ||
		   (sub[0] == 'p' && file && strstr(file, "words.n."))) {
		c |= LEX_NOUN;
		if ((file && strstr(file, "words.n.2")) ||
		    (!file && (mk & MK_NOUN_P) && !(mk & MK_NOUN_S)))
			c |= LEX_NOUN_PL;
		else if ((file && strstr(file, "words.n.3")) ||
			 (!file && (mk & MK_NOUN_M)))
			c |= LEX_NOUN_MASS;
		else if ((file && strstr(file, "words.n.1")) || sub[0] == 's' ||
			 (!file && (mk & MK_NOUN_S) && !(mk & MK_NOUN_P)))
			c |= LEX_NOUN_SG;
		else
			/* no marker settles it: go by the spelling */
			c |= plural_spelling ? LEX_NOUN_PL : LEX_NOUN_SG;
	} else if (sub[0] == 'g') {
		c |= LEX_NOUN | LEX_NOUN_MASS | LEX_VERB_ING | LEX_VERB;
	} else if (sub[0] == 'a') {
		c |= LEX_ADJ;
		if (!strncmp(sub, "a-c", 3))
			c |= LEX_COMPARATIVE;
		else if (!strncmp(sub, "a-s", 3))
			c |= LEX_SUPERLATIVE;
	} else if (sub[0] == 'e') {
		c |= LEX_ADV;
	} else if (file && strstr(file, "entities.")) {
		c |= LEX_PROPER | LEX_NOUN;
	} else if (sub[0] == 'u' ||
		   (sub[0] == 'i' &&
		    (has(e, "NS-") || has(e, "<units-funky-plural>")))) {
		/* units of measure and time ("kilometer.i", "hours.u"):
		 * count nouns that follow a number, their number by their
		 * spelling (not the currencies, ".c": "12 drachma", "5
		 * yuan" keep the singular) */
		c |= LEX_NOUN;
		if (plural_spelling || has(e, "<units-funky-plural>"))
			c |= LEX_NOUN_PL;
		else
			c |= UNIT_SG; /* unless a plural ("feet"): units_sg() */
	}
	if (file && strstr(file, "/currency"))
		c |= LEX_CURRENCY;
	if (has_connector(e, 'D'))
		c |= LEX_DET;
	/* prepositions: the <prep-main-*> macros, or a bare word taking a J
	 * object ("of: ... Js+ or Jp+ ...") */
	if ((mk & MK_PREP) || (!sub[0] && !file && has_connector(e, 'J')))
		c |= LEX_PREP;
	return c;
}

/*
 * What classify() said for the words of one word file: they share the
 * expression, and nearly all of them one subscript, so the expression is
 * searched once per subscript and spelling rather than once per word.
 */
struct class_memo {
	char sub[16];
	uint32_t c[2];	/* by spelled_plural() */
	unsigned known; /* bit i: c[i] is set */
};

/* Split "believe.v" into word and subscript and add it (memo: NULL for a
 * word of the dictionary file itself). */
static void add_dict_word(struct lexicon *lex, const char *w, size_t n,
			  const char *e, unsigned mk, const char *file,
			  struct class_memo *memo)
{
	char sub[16] = "";
	size_t k = n;
	uint32_t c;
	int pl;

	/* words of several parts ("as_well_as") and the special tokens
	 * ("LEFT-WALL", "<...>") are not word forms */
	if (!n || memchr(w, '_', n) || w[0] == '<' ||
	    (!file && n > 1 && isupper((unsigned char)w[0]) &&
	     isupper((unsigned char)w[1])))
		return;
	while (k > 0 && w[k - 1] != '.')
		k--;
	if (k > 1 && k < n && n - k < sizeof(sub)) {
		memcpy(sub, w + k, n - k);
		sub[n - k] = '\0';
		n = k - 1;
	}
	pl = spelled_plural(w, n);
	if (memo && !strcmp(memo->sub, sub) && (memo->known >> pl & 1)) {
		c = memo->c[pl];
	} else {
		c = classify(pl, sub, e, mk, file);
		if (memo && strcmp(memo->sub, sub)) {
			memcpy(memo->sub, sub, sizeof(sub));
			memo->known = 0;
		}
		if (memo) {
			memo->c[pl] = c;
			memo->known |= 1u << pl;
		}
	}
	/* a unit's abbreviation ("in", "s", "pm", "km") is no noun */
	if (sub[0] && strchr("ui", sub[0]) && !all_lower(w, n))
		c &= ~(LEX_NOUN | LEX_NOUN_SG | LEX_NOUN_PL | UNIT_SG);
	add_word(lex, w, n, c);
}

/*
 * Noun number is often one macro away: "allegations.n: <noun-modifiers> &
 * ... <generic-plural-id>", and <generic-plural-id> uses <noun-main-p>.
 * So each macro gets the set of markers it reaches (NOUN_P etc.), and an
 * expression's markers are its own plus those of the macros it names.
 */

static const struct {
	const char *needle;
	unsigned bit;
} markers[] = {
	{ "<noun-main-s>", MK_NOUN_S }, { "<noun-main-p>", MK_NOUN_P },
	{ "<noun-main-m>", MK_NOUN_M }, { "<noun-main-u>", MK_NOUN_M },
	{ "<prep-main-", MK_PREP },	{ "<common-prep>", MK_PREP },
};

struct macro {
	const char *name; /* "<generic-plural-id>" */
	size_t name_len;
	size_t expr;	  /* offset in parse.text */
	int state;	  /* 0 unvisited, 1 visiting, 2 done */
	unsigned marks;
};

struct entry {
	size_t words, n_words_bytes; /* offsets in parse.text */
	size_t expr;
};

struct parse {
	struct lexicon *lex;
	struct buf text;  /* NUL-terminated words and expressions */
	struct buf words; /* NUL-separated words of the current entry */
	struct buf expr;
	struct entry *entries;
	size_t n_entries, alloc_entries;
	struct macro *macros;
	size_t n_macros, alloc_macros;
	struct mt_error *err;
	/* a word file outside <dir>/words/, which the cache's key does not
	 * cover (see lexicon_cache_key()) */
	int uncacheable;
};

static unsigned expr_marks(struct parse *p, const char *e, int depth);

static struct macro *find_macro(struct parse *p, const char *name, size_t n)
{
	for (size_t i = 0; i < p->n_macros; i++)
		if (p->macros[i].name_len == n &&
		    memcmp(p->macros[i].name, name, n) == 0)
			return &p->macros[i];
	return NULL;
}

static unsigned macro_marks(struct parse *p, struct macro *m, int depth)
{
	if (m->state == 2)
		return m->marks;
	if (m->state == 1 || depth > 32)
		return 0; /* a cycle: its marks come from elsewhere */
	m->state = 1;
	m->marks = expr_marks(p, p->text.buf + m->expr, depth + 1);
	m->state = 2;
	return m->marks;
}

static unsigned expr_marks(struct parse *p, const char *e, int depth)
{
	unsigned marks = 0;

	for (size_t i = 0; i < ARRAY_SIZE(markers); i++)
		if (strstr(e, markers[i].needle))
			marks |= markers[i].bit;
	for (const char *q = strchr(e, '<'); q; q = strchr(q + 1, '<')) {
		const char *end = strchr(q, '>');
		struct macro *m;

		if (!end)
			break;
		m = find_macro(p, q, (size_t)(end - q + 1));
		if (m)
			marks |= macro_marks(p, m, depth);
	}
	return marks;
}

/*
 * The whole file in a new heap string (free it); -1 when unreadable (errno
 * says why; EFBIG when over MT_LIMIT_LEXICON).
 */
static int read_file(const char *path, char **out, size_t *len)
{
	struct buf b = BUF_INIT;
	int r = buf_read_file(&b, path, MT_LIMIT_LEXICON);

	if (r < 0) {
		buf_release(&b);
		if (r == -2)
			errno = EFBIG;
		return -1;
	}
	*out = buf_detach(&b, len);
	return 0;
}

/* A word file: words separated by white space, '%' comments. */
static enum mt_err add_word_file(struct parse *p, const char *name,
				 const char *expr, unsigned mk)
{
	char path[1024];
	char *text;
	size_t len;
	struct class_memo memo = { .known = 0 };

	/* "/en/words/words.v.2.1" is relative to the dictionary's parent */
	if (strncmp(name, "/en/words/", 10) != 0 || strchr(name + 10, '/'))
		p->uncacheable = 1;
	snprintf(path, sizeof(path), "%s/%s", p->lex->dir,
		 strncmp(name, "/en/", 4) == 0 ? name + 4 : name);
	if (read_file(path, &text, &len) < 0)
		return mt_error(p->err, MT_ERR_DICT,
				"cannot read word list '%s': %s", path,
				strerror(errno));
	for (size_t i = 0; i < len;) {
		size_t s;

		if (text[i] == '%') {
			while (i < len && text[i] != '\n')
				i++;
			continue;
		}
		if (isspace((unsigned char)text[i])) {
			i++;
			continue;
		}
		s = i;
		while (i < len && !isspace((unsigned char)text[i]))
			i++;
		add_dict_word(p->lex, text + s, i - s, expr, mk, name, &memo);
	}
	free(text);
	return MT_ERR_OK;
}

/* Keep an entry (or a macro definition) for the second pass. */
static enum mt_err end_entry(struct parse *p)
{
	size_t words = p->text.len, expr;

	buf_add(&p->text, p->words.buf, p->words.len);
	expr = p->text.len;
	buf_add(&p->text, p->expr.buf, p->expr.len);
	buf_addc(&p->text, '\0');
	if (p->words.len && p->words.buf[0] == '<') {
		p->macros = xgrow(p->macros, &p->alloc_macros,
				  p->n_macros + 1, sizeof(*p->macros));
		p->macros[p->n_macros++] = (struct macro){
			.name = NULL, .name_len = strlen(p->words.buf),
			.expr = expr, .state = 0, .marks = 0 };
		p->macros[p->n_macros - 1].expr = expr;
		p->macros[p->n_macros - 1].name = (const char *)(uintptr_t)words;
	} else {
		p->entries = xgrow(p->entries, &p->alloc_entries,
				   p->n_entries + 1, sizeof(*p->entries));
		p->entries[p->n_entries++] =
			(struct entry){ words, p->words.len, expr };
	}
	buf_reset(&p->words);
	buf_reset(&p->expr);
	return MT_ERR_OK;
}

/* Second pass: every entry's words with their classes. */
static enum mt_err add_entries(struct parse *p)
{
	enum mt_err rc = MT_ERR_OK;

	/* the text buffer no longer moves: macro names become pointers */
	for (size_t i = 0; i < p->n_macros; i++)
		p->macros[i].name =
			p->text.buf + (size_t)(uintptr_t)p->macros[i].name;
	for (size_t k = 0; k < p->n_entries && rc == MT_ERR_OK; k++) {
		const struct entry *en = &p->entries[k];
		const char *e = p->text.buf + en->expr;
		unsigned mk = expr_marks(p, e, 0);

		for (size_t i = 0; i < en->n_words_bytes && rc == MT_ERR_OK;) {
			const char *w = p->text.buf + en->words + i;
			size_t n = strlen(w);

			if (w[0] == '/')
				rc = add_word_file(p, w, e, mk);
			else
				add_dict_word(p->lex, w, n, e, mk, NULL, NULL);
			i += n + 1;
		}
	}
	return rc;
}

/*
 * Scan 4.0.dict.  Quoted words ("%", ":") are taken whole; '#define' and
 * '#include' lines are skipped.
 */
static enum mt_err parse_dict(struct parse *p, const char *t, size_t len)
{
	int in_expr = 0;
	enum mt_err rc = MT_ERR_OK;

	for (size_t i = 0; i < len && rc == MT_ERR_OK;) {
		char ch = t[i];

		if (ch == '%') {
			while (i < len && t[i] != '\n')
				i++;
		} else if (!in_expr && ch == '#' && (i == 0 || t[i - 1] == '\n')) {
			while (i < len && t[i] != '\n')
				i++;
		} else if (in_expr) {
			if (ch == ';') {
				in_expr = 0;
				rc = end_entry(p);
			} else {
				buf_addc(&p->expr, ch);
			}
			i++;
		} else if (isspace((unsigned char)ch)) {
			i++;
		} else if (ch == ':') {
			in_expr = 1;
			i++;
		} else if (ch == ';') {
			buf_reset(&p->words);
			i++;
		} else {
			size_t s = i;

			if (ch == '"') {
				i++;
				while (i < len && t[i] != '"' && t[i] != '\n')
					i++;
				if (i < len && t[i] == '"')
					i++;
				/* quoted punctuation is not a word form */
				continue;
			}
			while (i < len && !isspace((unsigned char)t[i]) &&
			       t[i] != ':' && t[i] != ';')
				i++;
			buf_add(&p->words, t + s, i - s);
			buf_addc(&p->words, '\0');
		}
	}
	return rc;
}

/* One line of verb.exc: a form and its lemma (WordNet's order). */
struct exc_pair {
	const char *form, *lemma;
	size_t form_len, lemma_len;
};

static int by_lemma(const void *a, const void *b)
{
	const struct exc_pair *x = a, *y = b;
	size_t n = x->lemma_len < y->lemma_len ? x->lemma_len : y->lemma_len;
	int c = memcmp(x->lemma, y->lemma, n);

	if (c)
		return c;
	return (x->lemma_len > y->lemma_len) - (x->lemma_len < y->lemma_len);
}

static int ends_ed(const char *w, size_t n)
{
	return n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* The classes of a form exactly as written, and its id (STRTAB_NONE). */
static uint32_t exact_classes(const struct lexicon *lex, const char *w,
			      size_t n, uint32_t *id)
{
	*id = strtab_find(&lex->words, w, n);
	return *id == STRTAB_NONE ? 0 : lex->classes[*id];
}

/*
 * Can p be the participle of the past w?  p a participle (not an -ing
 * form nor an -ed one) and not both of them past and participle alike.
 */
static int participle_of(const struct lexicon *lex, uint32_t wc, const char *p,
			 size_t n, uint32_t *id)
{
	uint32_t pc = exact_classes(lex, p, n, id);

	if (!(pc & LEX_VERB_PP) || (pc & LEX_VERB_ING) || ends_ed(p, n))
		return 0;
	return !((pc & LEX_VERB_PAST) && (wc & LEX_VERB_PP));
}

/* Record p (an id) as w's participle; a second one makes it ambiguous. */
static void offer(uint32_t *slot, uint32_t p)
{
	if (*slot == STRTAB_NONE)
		*slot = p;
	else if (*slot != p)
		*slot = STRTAB_NONE - 1;
}

/* A base form: so classed, or a verb the dictionary gives no form class
 * ("have", "do" have entries of their own). */
static int is_base(uint32_t c)
{
	return (c & LEX_VERB_BASE) ||
	       ((c & LEX_VERB) && !(c & (LEX_VERB_3SG | LEX_VERB_PAST |
					 LEX_VERB_PP | LEX_VERB_ING)));
}

/*
 * The pairs of a WordNet exception list (verb.exc, noun.exc in
 * $MTLINT_WORDNET_DIR, else /usr/share/wordnet), sorted by lemma; they
 * point into *text, which the caller frees with the pairs.  An unreadable
 * file gives none.
 */
static size_t read_exceptions(const char *name, char **text,
			      struct exc_pair **out)
{
	const char *dir = getenv("MTLINT_WORDNET_DIR");
	struct exc_pair *pairs = NULL;
	size_t n = 0, alloc = 0;
	char path[1100], *end;
	size_t len;

	*out = NULL;
	*text = NULL;
	if (!dir || !*dir)
		dir = "/usr/share/wordnet";
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (read_file(path, text, &len) < 0)
		return 0;
	end = *text + len;
	for (char *p = *text; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end, *f = p, *sp;

		sp = memchr(f, ' ', (size_t)(le - f));
		for (char *l = sp; l && l < le;) {
			char *e;

			while (l < le && *l == ' ')
				l++;
			e = l;
			while (e < le && *e != ' ')
				e++;
			if (e == l)
				break;
			pairs = xgrow(pairs, &alloc, n + 1, sizeof(*pairs));
			pairs[n++] = (struct exc_pair){ f, l, (size_t)(sp - f),
							(size_t)(e - l) };
			l = e;
		}
		p = nl ? nl + 1 : end;
	}
	if (n)
		qsort(pairs, n, sizeof(*pairs), by_lemma);
	*out = pairs;
	return n;
}

/* The units not spelled as plurals are singular nouns, but for the plurals
 * without -s other entries give ("feet"). */
static void units_sg(struct lexicon *lex)
{
	for (size_t i = 0; i < strtab_count(&lex->words); i++)
		if (lex->classes[i] & UNIT_SG) {
			lex->classes[i] &= ~UNIT_SG;
			if (!(lex->classes[i] & LEX_NOUN_PL))
				lex->classes[i] |= LEX_NOUN_SG;
		}
}

/*
 * Irregular pasts and their participles from WordNet's verb.exc (see
 * lexicon_participle() in lexicon.h).  An unreadable file gives none.
 */
static void add_participles(struct lexicon *lex)
{
	struct exc_pair *pairs;
	size_t count = strtab_count(&lex->words);
	char *text;
	size_t n = read_exceptions("verb.exc", &text, &pairs);

	if (!n) {
		free(text);
		return;
	}
	lex->participle = xmalloc((count + 1) * sizeof(*lex->participle));
	lex->base = xmalloc((count + 1) * sizeof(*lex->base));
	lex->past = xmalloc((count + 1) * sizeof(*lex->past));
	for (size_t i = 0; i < count; i++)
		lex->participle[i] = lex->base[i] = lex->past[i] = STRTAB_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct exc_pair *w = &pairs[i];
		uint32_t wid, pid, lid;
		uint32_t wc = exact_classes(lex, w->form, w->form_len, &wid);
		size_t from = i, to = i;

		/* "went" -> "go", "has" -> "have": an inflected form, not a
		 * base form itself ("saw", "left" are) */
		if ((wc & (LEX_VERB_PAST | LEX_VERB_3SG | LEX_VERB_PP)) &&
		    !(wc & LEX_VERB_BASE) &&
		    is_base(exact_classes(lex, w->lemma, w->lemma_len, &lid)))
			offer(&lex->base[wid], lid);
		/* "left" -> "leave", "found" -> "find": the lemma's past,
		 * a base form of its own or not */
		if ((wc & LEX_VERB_PAST) &&
		    is_base(exact_classes(lex, w->lemma, w->lemma_len, &lid)))
			offer(&lex->past[lid], wid);
		if (!(wc & LEX_VERB_PAST) || (wc & LEX_VERB_BASE) ||
		    ends_ed(w->form, w->form_len))
			continue;
		while (from > 0 && !by_lemma(&pairs[from - 1], w))
			from--;
		while (to + 1 < n && !by_lemma(&pairs[to + 1], w))
			to++;
		for (size_t k = from; k <= to; k++)
			if (pairs[k].form_len != w->form_len ||
			    memcmp(pairs[k].form, w->form, w->form_len))
				if (participle_of(lex, wc, pairs[k].form,
						  pairs[k].form_len, &pid))
					offer(&lex->participle[wid], pid);
		if (participle_of(lex, wc, w->lemma, w->lemma_len, &pid))
			offer(&lex->participle[wid], pid);
	}
	for (size_t i = 0; i < count; i++) {
		if (lex->base[i] >= STRTAB_NONE - 1)
			lex->base[i] = STRTAB_NONE;
		if (lex->participle[i] >= STRTAB_NONE - 1)
			lex->participle[i] = STRTAB_NONE;
		else
			lex->classes[i] |= LEX_IRREGULAR_PAST;
	}
	free(pairs);
	free(text);
}

/*
 * Irregular plurals from WordNet's noun.exc (see lexicon_plural() in
 * lexicon.h).  An unreadable file gives none.
 */
static void add_plurals(struct lexicon *lex)
{
	struct exc_pair *pairs;
	size_t count = strtab_count(&lex->words);
	char *text;
	size_t n = read_exceptions("noun.exc", &text, &pairs);

	if (!n) {
		free(text);
		return;
	}
	lex->plural = xmalloc((count + 1) * sizeof(*lex->plural));
	for (size_t i = 0; i < count; i++)
		lex->plural[i] = STRTAB_NONE;
	for (size_t i = 0; i < n; i++) {
		const struct exc_pair *w = &pairs[i];
		uint32_t fid, lid;
		uint32_t fc = exact_classes(lex, w->form, w->form_len, &fid);
		uint32_t lc = exact_classes(lex, w->lemma, w->lemma_len, &lid);

		if (!(fc & LEX_NOUN_PL) || !(lc & LEX_NOUN) || fid == lid)
			continue;
		offer(&lex->plural[lid], fid);
		if (!(fc & (LEX_NOUN_SG | LEX_NOUN_MASS)) &&
		    w->form[w->form_len - 1] != 's')
			lex->classes[fid] |= LEX_IRREGULAR_PLURAL;
	}
	/* WordNet's morphy finds "-men" plurals by a rule ("men" -> "man"),
	 * not in the list: "women", "spokesmen" */
	for (uint32_t i = 0; i < count; i++) {
		uint32_t fl, lid;
		const char *f = strtab_str(&lex->words, i, &fl);
		char lemma[72];

		if (fl < 4 || fl > 64 || memcmp(f + fl - 3, "men", 3) ||
		    (lex->classes[i] & (LEX_NOUN_SG | LEX_NOUN_MASS)) ||
		    !(lex->classes[i] & LEX_NOUN_PL))
			continue;
		memcpy(lemma, f, fl);
		lemma[fl - 2] = 'a';
		if (!(exact_classes(lex, lemma, fl, &lid) & LEX_NOUN_SG))
			continue;
		offer(&lex->plural[lid], i);
		lex->classes[i] |= LEX_IRREGULAR_PLURAL;
	}
	for (size_t i = 0; i < count; i++)
		if (lex->plural[i] >= STRTAB_NONE - 1)
			lex->plural[i] = STRTAB_NONE;
	free(pairs);
	free(text);
}

/*
 * Nouns naming a group, from WordNet's sense counts (cntlist.rev, lines
 * "lemma%1:14:...:: 1 count"): a lemma whose first noun sense (WordNet's
 * most frequent) is in the lexicographer file noun.group (14).  An
 * unreadable file gives none.
 */
static void add_groups(struct lexicon *lex)
{
	const char *dir = getenv("MTLINT_WORDNET_DIR");
	static const char key[] = "%1:14:";
	char path[1100], *text, *end;
	size_t len;

	if (!dir || !*dir)
		dir = "/usr/share/wordnet";
	snprintf(path, sizeof(path), "%s/cntlist.rev", dir);
	if (read_file(path, &text, &len) < 0)
		return;
	end = text + len;
	for (char *p = text; p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *le = nl ? nl : end;
		char *pct = memchr(p, '%', (size_t)(le - p));
		uint32_t id;

		if (pct && (size_t)(le - pct) > sizeof(key) &&
		    !memcmp(pct, key, sizeof(key) - 1)) {
			char *sp = memchr(pct, ' ', (size_t)(le - pct));

			if (sp && le - sp > 3 && !memcmp(sp, " 1 ", 3) &&
			    (exact_classes(lex, p, (size_t)(pct - p), &id) &
			     LEX_NOUN))
				lex->classes[id] |= LEX_NOUN_GROUP;
		}
		p = nl ? nl + 1 : end;
	}
	free(text);
}

/*
 * The lexicon's cache.  Reading the dictionary classifies 100,000 forms
 * through their expressions, a quarter of a start with the parser off;
 * its result is kept in the cache directory (paths.h) as one file named
 * after a hash of all it is made of -- the checker's code
 * (mt_build_digest()), the dictionary's directory and the bytes of
 * 4.0.dict, of every file in words/ and of the WordNet files read -- and
 * read back instead.  A file that is missing, damaged or written for
 * another key is passed over (and written anew); with no cache directory
 * or build ID, or a dictionary that names word files outside words/,
 * nothing is cached.
 *
 * The file (native byte order: a cache never leaves its machine): the
 * header below, then `n` class sets by id, then each map of `maps` (in
 * the order of enum lexcache_map) as `n` ids, then the `n` word forms in
 * id order, each NUL-terminated (`blob` bytes).
 */
#define LEXCACHE_MAGIC "mtlex-1\n"

enum lexcache_map { MAP_PARTICIPLE, MAP_BASE, MAP_PAST, MAP_PLURAL, N_MAPS };

struct lexcache_head {
	char magic[8];
	uint64_t key;
	uint32_t n;    /* word forms */
	uint32_t blob; /* bytes of the word forms */
	uint32_t maps; /* bit m: map m follows */
	uint32_t pad;
};

static uint32_t **lexcache_map(struct lexicon *lex, int m)
{
	switch (m) {
	case MAP_PARTICIPLE:
		return &lex->participle;
	case MAP_BASE:
		return &lex->base;
	case MAP_PAST:
		return &lex->past;
	default:
		return &lex->plural;
	}
}

/* h extended by the name and bytes of a file (a mark when unreadable). */
static uint64_t hash_file(uint64_t h, const char *path)
{
	char *text;
	size_t len;

	h = hash_bytes(h, path, strlen(path) + 1);
	if (read_file(path, &text, &len) < 0)
		return hash_bytes(h, "-", 1);
	h = hash_bytes(h, &len, sizeof(len));
	h = hash_block(h, text, len);
	free(text);
	return h;
}

static int regular_file(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* The key of the lexicon read from lex->dir: 0, or -1 when it cannot be
 * cached (no build ID). */
static int lexicon_cache_key(const struct lexicon *lex, uint64_t *key)
{
	const char *wn = getenv("MTLINT_WORDNET_DIR");
	static const char *const wordnet[] = { "verb.exc", "noun.exc",
					       "cntlist.rev" };
	uint64_t h = HASH_INIT, build;
	char path[1100];
	struct dirent **names;
	int n;

	if (mt_build_digest(&build) != 0)
		return -1;
	h = hash_bytes(h, LEXCACHE_MAGIC, 8);
	h = hash_bytes(h, &build, sizeof(build));
	snprintf(path, sizeof(path), "%s/4.0.dict", lex->dir);
	h = hash_file(h, path);
	snprintf(path, sizeof(path), "%s/words", lex->dir);
	n = scandir(path, &names, regular_file, alphasort);
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/words/%s", lex->dir,
			 names[i]->d_name);
		h = hash_file(h, path);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	if (!wn || !*wn)
		wn = "/usr/share/wordnet";
	for (size_t i = 0; i < ARRAY_SIZE(wordnet); i++) {
		snprintf(path, sizeof(path), "%s/%s", wn, wordnet[i]);
		h = hash_file(h, path);
	}
	*key = h;
	return 0;
}

/* The cache file for key in path (cap bytes), and its directory in dir;
 * -1 when there is no cache directory. */
static int lexicon_cache_path(uint64_t key, char *dir, size_t dir_cap,
			      char *path, size_t cap)
{
	if (mt_cache_dir(dir, dir_cap) != 0)
		return -1;
	snprintf(path, cap, "%s/lexicon-%016llx.lex", dir,
		 (unsigned long long)key);
	return 0;
}

/* Free what lex holds (a failed read, or lexicon_close()): lex is empty
 * and can be filled again. */
static void lexicon_empty(struct lexicon *lex)
{
	strtab_release(&lex->words);
	arena_release(&lex->arena);
	free(lex->classes);
	lex->classes = NULL;
	lex->alloc_classes = 0;
	for (int m = 0; m < N_MAPS; m++) {
		free(*lexcache_map(lex, m));
		*lexcache_map(lex, m) = NULL;
	}
}

/* Fill lex from the cache file at path, made for key: 0, or -1 (lex
 * left empty) when it is missing, damaged or of another key. */
static int lexicon_cache_read(struct lexicon *lex, const char *path,
			      uint64_t key)
{
	struct lexcache_head h;
	char *text, *blob;
	size_t len, need, off = 0;
	int n_maps = 0;

	if (read_file(path, &text, &len) < 0)
		return -1;
	if (len < sizeof(h))
		goto bad;
	memcpy(&h, text, sizeof(h));
	for (int m = 0; m < N_MAPS; m++)
		n_maps += (h.maps >> m) & 1;
	need = sizeof(h) + (size_t)h.n * 4 * (size_t)(1 + n_maps) + h.blob;
	if (memcmp(h.magic, LEXCACHE_MAGIC, 8) != 0 || h.key != key ||
	    h.n < 1000 || h.maps >> N_MAPS || len != need)
		goto bad;
	lex->classes = xmalloc((size_t)h.n * sizeof(*lex->classes));
	lex->alloc_classes = h.n;
	memcpy(lex->classes, text + sizeof(h), (size_t)h.n * 4);
	for (int m = 0, k = 1; m < N_MAPS; m++) {
		uint32_t **map = lexcache_map(lex, m);

		if (!((h.maps >> m) & 1))
			continue;
		*map = xmalloc(((size_t)h.n + 1) * sizeof(**map));
		memcpy(*map, text + sizeof(h) + (size_t)h.n * 4 * (size_t)k++,
		       (size_t)h.n * 4);
	}
	blob = text + len - h.blob;
	strtab_reserve(&lex->words, h.n + 1);
	for (uint32_t i = 0; i < h.n; i++) {
		const char *w = blob + off;
		const char *nul = memchr(w, '\0', h.blob - off);
		int is_new;

		if (!nul ||
		    strtab_intern_copy(&lex->words, &lex->arena, w,
				       (size_t)(nul - w), &is_new) != i ||
		    !is_new)
			goto bad;
		off = (size_t)(nul - blob) + 1;
	}
	if (off != h.blob)
		goto bad;
	free(text);
	return 0;
bad:
	free(text);
	lexicon_empty(lex);
	return -1;
}

/* Write lex to the cache file at path (errors ignored: a cache). */
static void lexicon_cache_write(struct lexicon *lex, const char *dir,
				const char *path, uint64_t key)
{
	struct lexcache_head h = { .key = key };
	struct buf b = BUF_INIT, words = BUF_INIT;
	struct mt_error err = { 0 };

	memcpy(h.magic, LEXCACHE_MAGIC, 8);
	h.n = strtab_count(&lex->words);
	for (int m = 0; m < N_MAPS; m++)
		if (*lexcache_map(lex, m))
			h.maps |= 1u << m;
	for (uint32_t i = 0; i < h.n; i++) {
		uint32_t wl;
		const char *w = strtab_str(&lex->words, i, &wl);

		buf_add(&words, w, wl);
		buf_addc(&words, '\0');
	}
	h.blob = (uint32_t)words.len;
	buf_add(&b, &h, sizeof(h));
	buf_add(&b, lex->classes, (size_t)h.n * 4);
	for (int m = 0; m < N_MAPS; m++)
		if (*lexcache_map(lex, m))
			buf_add(&b, *lexcache_map(lex, m), (size_t)h.n * 4);
	buf_add(&b, words.buf, words.len);
	if (atomicfile_write(path, b.buf, b.len, NULL, 0, 0, &err) == MT_ERR_OK)
		mt_cache_prune(dir, "lexicon-", ".lex", path);
	buf_release(&b);
	buf_release(&words);
}

enum mt_err lexicon_open(const char *dir, struct lexicon **out,
			 struct mt_error *err)
{
	struct lexicon *lex = xcalloc(1, sizeof(*lex));
	struct parse p = { .lex = lex, .err = err };
	char path[1100], cache_dir[400], cache_path[512];
	char *text;
	size_t len;
	enum mt_err rc;
	uint64_t key;
	int cached;

	*out = NULL;
	if (!dir)
		dir = getenv("MTLINT_LEXICON_DIR");
	if (!dir || !*dir)
		dir = "/usr/share/link-grammar/en";
	snprintf(lex->dir, sizeof(lex->dir), "%s", dir);
	/* word files are named /en/words/..., relative to <dir>/.. */
	arena_init(&lex->arena, 0);
	cached = lexicon_cache_key(lex, &key) == 0 &&
		 lexicon_cache_path(key, cache_dir, sizeof(cache_dir),
				    cache_path, sizeof(cache_path)) == 0;
	if (cached && lexicon_cache_read(lex, cache_path, key) == 0) {
		mt_cache_used(cache_path);
		*out = lex;
		return MT_ERR_OK;
	}
	snprintf(path, sizeof(path), "%s/4.0.dict", dir);
	if (read_file(path, &text, &len) < 0) {
		rc = mt_error(err, MT_ERR_DICT,
			      "cannot read link-grammar dictionary '%s': %s "
			      "(install link-grammar-dictionaries-en)",
			      path, strerror(errno));
		lexicon_close(lex);
		return rc;
	}
	buf_init(&p.text);
	buf_init(&p.words);
	buf_init(&p.expr);
	rc = parse_dict(&p, text, len);
	if (rc == MT_ERR_OK)
		rc = add_entries(&p);
	free(text);
	buf_release(&p.text);
	buf_release(&p.words);
	buf_release(&p.expr);
	free(p.entries);
	free(p.macros);
	if (rc == MT_ERR_OK && strtab_count(&lex->words) < 1000)
		rc = mt_error(err, MT_ERR_DICT,
			      "link-grammar dictionary '%s' holds only %zu "
			      "words",
			      path, (size_t)strtab_count(&lex->words));
	if (rc != MT_ERR_OK) {
		lexicon_close(lex);
		return rc;
	}
	units_sg(lex);
	add_participles(lex);
	add_plurals(lex);
	add_groups(lex);
	if (cached && !p.uncacheable)
		lexicon_cache_write(lex, cache_dir, cache_path, key);
	*out = lex;
	return MT_ERR_OK;
}

void lexicon_close(struct lexicon *lex)
{
	if (!lex)
		return;
	lexicon_empty(lex);
	free(lex);
}

uint32_t lexicon_lookup(const struct lexicon *lex, const char *word,
			size_t len)
{
	char low[72];
	uint32_t id, c = 0;
	int upper = 0;

	if (!len || len > 64)
		return 0;
	id = strtab_find(&lex->words, word, len);
	if (id != STRTAB_NONE)
		c = lex->classes[id];
	for (size_t i = 0; i < len; i++) {
		low[i] = (char)tolower((unsigned char)word[i]);
		upper |= low[i] != word[i];
	}
	if (upper) {
		id = strtab_find(&lex->words, low, len);
		if (id != STRTAB_NONE) {
			uint32_t lc = lex->classes[id];

			c |= lc & ~LEX_PROPER;
			/* "See", "Major", "Will": a name that is also a
			 * common verb or function word is not taken for a
			 * name on the strength of the list alone */
			if (lc & (LEX_VERB | LEX_DET | LEX_PREP |
					  LEX_ADV | LEX_MODAL | LEX_ADJ))
				c &= ~(uint32_t)LEX_PROPER;
		}
	}
	return c;
}

/* word[0..len) lowered into low (room for 72 bytes); 0 when it is empty
 * or longer than 64 bytes. */
static int lowered(const char *word, size_t len, char *low)
{
	if (!len || len > 64)
		return 0;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)tolower((unsigned char)word[i]);
	return 1;
}

/* The form `table` (one word id per word id, or NULL) maps the lowered
 * word to, or NULL. */
static const char *mapped_form(const struct lexicon *lex, const uint32_t *table,
			       const char *word, size_t len)
{
	char low[72];
	uint32_t id, n;

	if (!table || !lowered(word, len, low))
		return NULL;
	id = strtab_find(&lex->words, low, len);
	if (id == STRTAB_NONE || table[id] == STRTAB_NONE)
		return NULL;
	return strtab_str(&lex->words, table[id], &n);
}

const char *lexicon_participle(const struct lexicon *lex, const char *word,
			       size_t len)
{
	return mapped_form(lex, lex->participle, word, len);
}

const char *lexicon_plural(const struct lexicon *lex, const char *word,
			   size_t len)
{
	return mapped_form(lex, lex->plural, word, len);
}

/* The id of w[0..n) with its last `cut` bytes replaced by `add`, when the
 * dictionary knows that as a base form; else STRTAB_NONE. */
static uint32_t base_candidate(const struct lexicon *lex, const char *w,
			       size_t n, size_t cut, const char *add)
{
	char b[72];
	size_t k = strlen(add);
	uint32_t id;

	if (cut >= n || n - cut + k >= sizeof(b))
		return STRTAB_NONE;
	memcpy(b, w, n - cut);
	memcpy(b + n - cut, add, k);
	return is_base(exact_classes(lex, b, n - cut + k, &id)) ? id
								: STRTAB_NONE;
}

static int ends(const char *w, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n > k && !memcmp(w + n - k, s, k);
}

const char *lexicon_base(const struct lexicon *lex, const char *word,
			 size_t len)
{
	char low[72];
	uint32_t id, n, c, b = STRTAB_NONE;

	if (!lowered(word, len, low))
		return NULL;
	c = exact_classes(lex, low, len, &id);
	if (!(c & (LEX_VERB_3SG | LEX_VERB_PAST | LEX_VERB_PP)) ||
	    (c & LEX_VERB_BASE))
		return NULL;
	if (lex->base && lex->base[id] != STRTAB_NONE)
		b = lex->base[id];
	else if (c & LEX_VERB_3SG) {
		/* tries -> try, uses -> use, goes -> go */
		if (ends(low, len, "ies"))
			b = base_candidate(lex, low, len, 3, "y");
		if (b == STRTAB_NONE && ends(low, len, "s"))
			b = base_candidate(lex, low, len, 1, "");
		if (b == STRTAB_NONE && ends(low, len, "es"))
			b = base_candidate(lex, low, len, 2, "");
	} else if (ends(low, len, "ed")) {
		/* tried -> try, hoped -> hope (not "hop"), wanted -> want,
		 * stopped -> stop */
		if (ends(low, len, "ied"))
			b = base_candidate(lex, low, len, 3, "y");
		if (b == STRTAB_NONE)
			b = base_candidate(lex, low, len, 1, "");
		if (b == STRTAB_NONE)
			b = base_candidate(lex, low, len, 2, "");
		if (b == STRTAB_NONE && len > 4 && low[len - 3] == low[len - 4])
			b = base_candidate(lex, low, len, 3, "");
	}
	return b == STRTAB_NONE ? NULL : strtab_str(&lex->words, b, &n);
}

/* Is `cand` a simple past the dictionary knows, of the base form `base`? */
static int past_of(const struct lexicon *lex, const char *cand,
		   const char *base)
{
	uint32_t id;
	const char *b;

	if (!(exact_classes(lex, cand, strlen(cand), &id) & LEX_VERB_PAST))
		return 0;
	b = lexicon_base(lex, cand, strlen(cand));
	return b && strcmp(b, base) == 0;
}

const char *lexicon_past(const struct lexicon *lex, const char *word,
			 size_t len, char *buf, size_t size)
{
	char low[72];
	uint32_t id, c, n;

	if (size < len + 4 || !lowered(word, len, low))
		return NULL;
	low[len] = '\0';
	c = exact_classes(lex, low, len, &id);
	if (!is_base(c)) {
		/* a participle: its base form's past ("seen" -> "saw") */
		const char *b = (c & LEX_VERB_PP) ? lexicon_base(lex, low, len)
						  : NULL;

		return b && strcmp(b, low) ? lexicon_past(lex, b, strlen(b),
							   buf, size)
					   : NULL;
	}
	/* an irregular past: WordNet's exceptions give it this lemma (two
	 * of them, "was" and "were": none) */
	if (lex->past && lex->past[id] == STRTAB_NONE - 1)
		return NULL;
	if (lex->past && lex->past[id] != STRTAB_NONE)
		return strtab_str(&lex->words, lex->past[id], &n);
	/* the regular endings: hope -> hoped, try -> tried, stop ->
	 * stopped, want -> wanted */
	if (low[len - 1] == 'e')
		snprintf(buf, size, "%sd", low);
	else if (len > 1 && low[len - 1] == 'y' &&
		 !strchr("aeiou", low[len - 2]))
		snprintf(buf, size, "%.*sied", (int)(len - 1), low);
	else
		snprintf(buf, size, "%sed", low);
	if (past_of(lex, buf, low))
		return buf;
	snprintf(buf, size, "%s%ced", low, low[len - 1]);
	if (past_of(lex, buf, low))
		return buf;
	/* put, cut, hit: the base form is the past */
	if (c & LEX_VERB_PAST)
		return strtab_str(&lex->words, id, &n);
	return NULL;
}

size_t lexicon_size(const struct lexicon *lex)
{
	return strtab_count(&lex->words);
}
