/*
 * annotated: LanguageTool's annotated text -- the `data` parameter of
 * /v2/check, with which an editor sends a document with its markup:
 *
 *   {"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "test"},
 *                   {"markup": "</b>"},
 *                   {"markup": "<p>", "interpretAs": "\n\n"}]}
 *
 * The text checked is the concatenation of the `text` parts and of the
 * `interpretAs` of the markup parts (markup without one contributes
 * nothing); positions found in it are mapped back to the original -- the
 * concatenation of every part's `text` or `markup` -- in UTF-16 code units,
 * as LanguageTool answers them.  A position inside the stand-in of a
 * markup part maps to that markup's start (a start) or end (an end).
 *
 * Errors: annotated_parse() fails on input that is not such an object
 * (not JSON, no "annotation" array, a part with neither or both of
 * "text" and "markup", a value that is not a string), with a message
 * naming the part; nothing is kept.
 *
 * Ownership: the struct owns the text and the map until
 * annotated_release().  Depends on util/ and jansson.
 */
#ifndef MT_ANNOTATED_H
#define MT_ANNOTATED_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/common.h"

struct annotated_part {
	uint32_t plain16, plain_len16; /* in the text checked */
	uint32_t orig16, orig_len16;   /* in the original */
	int markup;
};

struct annotated {
	struct buf text; /* what is checked (UTF-8) */
	struct annotated_part *v;
	size_t n, alloc;
	uint32_t orig_len16; /* the original's length */
};

/* Parse `data` (len bytes of JSON) into *a (need not be initialised).
 * Fails with MT_ERR_USAGE and a message in err; *a is then empty. */
MT_NODISCARD enum mt_err annotated_parse(struct annotated *a,
					 const char *data, size_t len,
					 struct mt_error *err);
void annotated_release(struct annotated *a);

/* The original position of text position `pos16` (UTF-16 units of
 * a->text), as a start or (is_end) as an end. */
uint32_t annotated_map(const struct annotated *a, uint32_t pos16,
		       int is_end);

#endif /* MT_ANNOTATED_H */
