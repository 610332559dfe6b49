/*
 * lt: LanguageTool's HTTP API (version 2), the protocol newsroom CMSs,
 * browser add-ons, LibreOffice and note-taking apps already speak: what
 * a /v2/check request asks for, and the JSON answer, with mtlint's
 * findings in LanguageTool's shapes.  No HTTP here (server.h does it).
 *
 * Request parameters (form fields or query string, as LanguageTool):
 *   text | data        the text, or annotated text (annotated.h); one
 *                      is required
 *   language           required: "auto", "en", "en-US", "en-GB" (any
 *                      case, "_" for "-"); "auto" and "en" take the
 *                      first of preferredVariants that is supported, else
 *                      the server's language
 *   enabledRules, disabledRules, enabledCategories, disabledCategories
 *                      comma-separated rule ids or categories, which also
 *                      take mtlint's id prefixes ("grammar") and category
 *                      prefixes ("fluency"), the more specific name
 *                      winning, as --enable/--disable
 *   enabledOnly        "true": only what the enabled lists name
 *   level              "default" or "picky" (every rule of mtlint is on
 *                      at the default level: both give the same)
 *   reference          mtlint's own: the text of the clean reference
 *                      article, for the comparison only mtlint makes
 *   anything else (motherTongue, username, apiKey, ...) is ignored.
 *
 * The rules are filtered after the check (the checker stays the one
 * loaded once per worker): a disabled rule is dropped from the answer.
 * Since every rule of mtlint is on by default, enabledRules matters only
 * with enabledOnly.  (A disabled pattern rule that made the parser stay
 * quiet on the same words does not bring the parser's finding back, as
 * --disable would.)
 *
 * The answer (offsets and lengths in UTF-16 code units of the text sent,
 * or of the original of annotated text, as LanguageTool gives them):
 *   {"software": {"name": "mtlint", "version", "apiVersion": 1, ...},
 *    "warnings": {"incompleteResults": false},
 *    "language": {"name", "code", "detectedLanguage": {...}},
 *    "matches": [{"message", "shortMessage", "replacements": [{"value"}],
 *                 "offset", "length",
 *                 "context": {"text", "offset", "length"}, "sentence",
 *                 "type": {"typeName"},
 *                 "rule": {"id", "description", "issueType",
 *                          "urls": [{"value"}], "category": {"id","name"}},
 *                 "ignoreForIncompleteSentence": false,
 *                 "contextForSureMatch": 0,
 *                 "mtlint": {"severity", "evidence"?}}],
 *    "sentenceRanges": [[offset, length]...]}
 * issueType is the ITS 2.0 issue type of the finding's MQM category
 * (fluency/spelling: misspelling, fluency/grammar: grammar, ...); the
 * category's id is mtlint's category ("fluency/grammar").
 *
 * Ownership: a request owns its copies of the lists and the annotated
 * text until lt_request_release(); `text` and `reference` point into the
 * form or the annotated text.  Answers are new strings (free()).
 */
#ifndef MT_LT_H
#define MT_LT_H

#include <stddef.h>

#include "check/diag.h"
#include "run/checker.h"
#include "serve/annotated.h"
#include "serve/form.h"
#include "text/document.h"
#include "util/common.h"

/* A language the server answers for. */
struct lt_language {
	const char *code; /* "en-US": LanguageTool's longCode */
	const char *name; /* "English (US)" */
	const char *lang; /* "en_US": the checker's */
};

/* The languages, in order (the first is the default of "auto" unless the
 * server was given another). */
const struct lt_language *lt_languages(size_t *n);

/* The language of a checker language ("en_US", "en-gb", ...), or NULL. */
const struct lt_language *lt_language_of(const char *lang);

struct lt_list {
	char **v;
	size_t n;
};

struct lt_request {
	const struct lt_language *language;
	int detected; /* "auto" or "en": chosen by the server */
	const char *text; /* what is checked; NUL-terminated */
	size_t len;
	int annotated; /* text is ann.text */
	struct annotated ann;
	const char *reference; /* NULL: none */
	size_t reference_len;
	struct lt_list enabled_rules, disabled_rules;
	struct lt_list enabled_categories, disabled_categories;
	int enabled_only;
};

/*
 * Read the parameters of a /v2/check request from `f` into *r (need not be
 * initialised; release it whatever the outcome).  `fallback` answers
 * "auto" and "en" without a supported preferred variant.  Fails with
 * MT_ERR_USAGE and a message for LanguageTool's client errors: no text,
 * no or an unsupported language, bad data, an unknown level, text or
 * reference that is not UTF-8.
 */
MT_NODISCARD enum mt_err lt_request_parse(struct lt_request *r,
					  const struct form *f,
					  const struct lt_language *fallback,
					  struct mt_error *err);
void lt_request_release(struct lt_request *r);

/*
 * The answer to *r: the findings of `diags` on `doc` (the request's text,
 * checked by `c`) that the request's rule lists keep.  A new string
 * (free()); *len gets its length.
 */
char *lt_answer(const struct lt_request *r, const struct checker *c,
		const struct document *doc, const struct diag_list *diags,
		size_t *len);

/* GET /v2/languages: [{"name", "code", "longCode"}...]. */
char *lt_languages_answer(size_t *len);

/* The ITS 2.0 issue type LanguageTool reports for an MQM category. */
const char *lt_issue_type(const char *category);

#endif /* MT_LT_H */
