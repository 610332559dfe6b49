/*
 * lexicon: English word classes read from link-grammar's English dictionary
 * (Debian link-grammar-dictionaries-en, /usr/share/link-grammar/en), for
 * the rule engine's class tests ("noun", "verb-base", "modal", ...).
 *
 * Why link-grammar: its dictionary is a hand-checked lexicon of ~100,000
 * English word forms in which every form is listed with its inflection
 * already resolved (believe / believes / believed / believing sit in
 * different entries with different linking requirements), closed classes
 * (determiners, prepositions, modal auxiliaries) included.  WordNet has no
 * inflected forms and no closed classes; Hunspell's affix flags do not say
 * which part of speech a form is.
 *
 * How a class is read (see lexicon.c for the exact tests): a dictionary
 * entry is `word.subscript ... : expression ;`, possibly naming a word file
 * (/en/words/words.v.2.1).  The subscript says the part of speech (.v verb,
 * .n/.s noun, .a adjective (.a-c comparative, .a-s superlative), .e adverb,
 * .g gerund, .l/.f/.m/.b entity names)
 * and the macros the expression uses say the form: <verb-s> third person
 * singular, <verb-pl,i> base form, <verb-sp,pp>/<verb-pp> past participle,
 * <noun-main-s>/-p/-m number; a D connector makes a determiner,
 * <prep-main-*> a preposition, I+ after <verb-x-sp> a modal auxiliary.
 * A word form gets the union of the classes of all its entries.
 *
 * Ownership: the lexicon owns its table; lookups return a bit set.  Open
 * once per checker; read-only afterwards (safe to share between threads).
 */
#ifndef MT_LEXICON_H
#define MT_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "util/common.h"

enum lex_class {
	LEX_NOUN = 1u << 0,	 /* any noun form */
	LEX_NOUN_SG = 1u << 1,	 /* singular count noun */
	LEX_NOUN_PL = 1u << 2,	 /* plural noun */
	LEX_NOUN_MASS = 1u << 3, /* mass noun ("information") */
	LEX_PROPER = 1u << 4,	 /* listed name (city, person, ...) */
	LEX_VERB = 1u << 5,	 /* any verb form */
	LEX_VERB_BASE = 1u << 6, /* "believe" (infinitive, plural present) */
	LEX_VERB_3SG = 1u << 7,	 /* "believes" */
	LEX_VERB_PAST = 1u << 8, /* "believed" (simple past) */
	LEX_VERB_PP = 1u << 9,	 /* "believed", "taken" (participle) */
	LEX_VERB_ING = 1u << 10, /* "believing" */
	LEX_ADJ = 1u << 11,
	LEX_ADV = 1u << 12,
	LEX_DET = 1u << 13,	    /* "the", "every", "this" */
	LEX_PREP = 1u << 14,	    /* "of", "into" */
	LEX_MODAL = 1u << 15,	    /* "will", "can", "must" */
	LEX_KNOWN = 1u << 16,	    /* in the dictionary at all */
	LEX_COMPARATIVE = 1u << 17, /* "bigger", "better" (.a-c) */
	LEX_SUPERLATIVE = 1u << 18, /* "biggest", "best" (.a-s) */
	/* "went", "ate": a simple past with a participle of its own
	 * (lexicon_participle()) */
	LEX_IRREGULAR_PAST = 1u << 19,
	/* "children", "men", "feet": a plural without -s, of a singular
	 * lemma of its own (lexicon_plural()) */
	LEX_IRREGULAR_PLURAL = 1u << 20,
	/* "team", "family", "crew": a noun whose most frequent sense in
	 * WordNet names a group (lexicographer file noun.group) */
	LEX_NOUN_GROUP = 1u << 21,
	/* "drachma", "yuan", "euros": a currency (link-grammar's
	 * words/currency files), whose singular may follow a number */
	LEX_CURRENCY = 1u << 22,
};

struct lexicon;

/* Names of the classes, for rule files: "noun", "verb-base", ...  Returns
 * the bit, or 0 when the name is unknown. */
uint32_t lexicon_class_by_name(const char *name);
/* Space-separated list of all class names, for messages. */
const char *lexicon_class_names(void);

/*
 * Read the dictionary in `dir` (the directory holding 4.0.dict; NULL:
 * $MTLINT_LEXICON_DIR, else /usr/share/link-grammar/en).  Fails with
 * MT_ERR_DICT naming the file when it cannot be read.  The result is kept
 * in the cache directory (util/paths.h) under a hash of the checker's
 * build and of every file it is read from, and read back from there by
 * the next open: the same lexicon in a fifth of the time (lexicon.c).
 */
MT_NODISCARD enum mt_err lexicon_open(const char *dir, struct lexicon **out,
				      struct mt_error *err);
void lexicon_close(struct lexicon *lex); /* NULL is a no-op */

/*
 * Classes of a word form (UTF-8, `len` bytes).  Looks up the form as
 * written, then in lower case; 0 when unknown.  A listed name whose lower
 * case form is a verb, adjective, adverb or function word ("See",
 * "Major") loses LEX_PROPER.
 */
uint32_t lexicon_lookup(const struct lexicon *lex, const char *word,
			size_t len);

/*
 * The past participle of an irregular simple past (a word of class
 * LEX_IRREGULAR_PAST, any case): "went" -> "gone", "ate" -> "eaten",
 * "came" -> "come"; NULL for any other word.  From WordNet's verb
 * exception list (verb.exc in $MTLINT_WORDNET_DIR, else
 * /usr/share/wordnet; Debian wordnet-base), read by lexicon_open(): a
 * form the dictionary knows as a simple past and not as a base form
 * whose lemmas give exactly one other form (an exception form or the
 * lemma itself) that the dictionary knows as a participle.  Not when the
 * two are past and participle alike ("overdrove", "overdriven") nor for
 * -ed forms ("fitted", "fit").  Without the file no word has the class.
 */
const char *lexicon_participle(const struct lexicon *lex, const char *word,
			       size_t len);

/*
 * The irregular plural of a singular noun (any case): "child" ->
 * "children", "woman" -> "women", "foot" -> "feet"; NULL for any other
 * word.  From WordNet's noun exception list (noun.exc, read by
 * lexicon_open() from the directory of verb.exc): a form the dictionary
 * knows as a plural noun, listed as the plural of a lemma the dictionary
 * knows as a noun; a lemma with two such plurals has none.  The forms
 * that are plural nouns only (not singular, not mass: "data" is a mass
 * noun too) and do not end in -s get the class LEX_IRREGULAR_PLURAL.
 * Regular plurals ("tourist" -> "tourists") are left to the caller,
 * which checks its guess with lexicon_lookup().
 */
const char *lexicon_plural(const struct lexicon *lex, const char *word,
			   size_t len);

/*
 * The base form of an inflected verb (any case): "went" -> "go", "has" ->
 * "have" (WordNet's verb.exc, as for lexicon_participle()), and by its
 * regular ending "tries" -> "try", "uses" -> "use", "goes" -> "go",
 * "hoped" -> "hope", "wanted" -> "want", "stopped" -> "stop" -- each a
 * form the dictionary knows as a base form.  NULL for a word that is a
 * base form itself ("saw", "put"), that is not a third person singular,
 * past or participle, or whose base cannot be told.
 */
const char *lexicon_base(const struct lexicon *lex, const char *word,
			 size_t len);

/*
 * The simple past of a base form or of a past participle (any case:
 * "seen" -> "saw", "visited" -> "visited"): "leave" -> "left", "go" ->
 * "went" (WordNet's verb.exc: the one form of the lemma the dictionary
 * knows as a simple past), "hope" -> "hoped", "try" -> "tried", "stop" ->
 * "stopped" (the regular endings, each checked against the dictionary and
 * lexicon_base()), "put" -> "put".  NULL for a word that is no base form,
 * a verb with two pasts ("be") or one the dictionary lacks.  A regular
 * past is written into buf (size bytes); the result is buf or a string
 * of the lexicon.
 */
const char *lexicon_past(const struct lexicon *lex, const char *word,
			 size_t len, char *buf, size_t size);

/* Number of word forms loaded. */
size_t lexicon_size(const struct lexicon *lex);

#endif /* MT_LEXICON_H */
