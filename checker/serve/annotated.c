/*
 * annotated: LanguageTool's annotated text (see annotated.h).
 */
#include "serve/annotated.h"

#include <string.h>

#include <jansson.h>

#include "util/utf8.h"
#include "util/xalloc.h"

static void add_part(struct annotated *a, const char *orig, size_t orig_len,
		     const char *plain, size_t plain_len, int markup)
{
	struct annotated_part *p;
	uint32_t plain16 = a->n ? a->v[a->n - 1].plain16 +
					  a->v[a->n - 1].plain_len16
				: 0;

	a->v = xgrow(a->v, &a->alloc, a->n + 1, sizeof(*a->v));
	p = &a->v[a->n++];
	p->markup = markup;
	p->plain16 = plain16;
	p->plain_len16 = (uint32_t)utf8_units16(plain, plain_len);
	p->orig16 = a->orig_len16;
	p->orig_len16 = (uint32_t)utf8_units16(orig, orig_len);
	a->orig_len16 += p->orig_len16;
	buf_add(&a->text, plain, plain_len);
}

enum mt_err annotated_parse(struct annotated *a, const char *data,
			    size_t len, struct mt_error *err)
{
	json_error_t jerr;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	json_t *arr = json_object_get(root, "annotation");
	enum mt_err rc = MT_ERR_OK;
	size_t i;
	json_t *part;

	memset(a, 0, sizeof(*a));
	buf_init(&a->text);
	if (!root) {
		rc = mt_error(err, MT_ERR_USAGE,
			      "data is not JSON: %s at line %d, column %d",
			      jerr.text, jerr.line, jerr.column);
		goto out;
	}
	if (!json_is_array(arr)) {
		rc = mt_error(err, MT_ERR_USAGE,
			      "data has no \"annotation\" array");
		goto out;
	}
	json_array_foreach(arr, i, part)
	{
		json_t *t = json_object_get(part, "text");
		json_t *m = json_object_get(part, "markup");
		json_t *as = json_object_get(part, "interpretAs");

		if (!json_is_object(part) || !t == !m ||
		    (t && !json_is_string(t)) || (m && !json_is_string(m)) ||
		    (as && !json_is_string(as)) || (t && as)) {
			rc = mt_error(err, MT_ERR_USAGE,
				      "data: annotation part %zu needs either "
				      "\"text\" or \"markup\" (with an "
				      "optional \"interpretAs\"), as strings",
				      i + 1);
			goto out;
		}
		if (t)
			add_part(a, json_string_value(t),
				 json_string_length(t), json_string_value(t),
				 json_string_length(t), 0);
		else
			add_part(a, json_string_value(m),
				 json_string_length(m),
				 as ? json_string_value(as) : "",
				 as ? json_string_length(as) : 0, 1);
	}
out:
	json_decref(root);
	if (rc != MT_ERR_OK)
		annotated_release(a);
	return rc;
}

void annotated_release(struct annotated *a)
{
	buf_release(&a->text);
	free(a->v);
	memset(a, 0, sizeof(*a));
	buf_init(&a->text);
}

/*
 * A start maps through the part whose text holds it (a text part at its
 * first unit rather than the empty markup before it); an end through the
 * part it closes.  The parts tile the text checked in order, so the part
 * is the last non-empty one starting before the position (at it, for a
 * start): a binary search, as a long document has many parts.
 */
uint32_t annotated_map(const struct annotated *a, uint32_t pos16, int is_end)
{
	size_t lo = 0, hi = a->n; /* first part starting past pos16 */
	const struct annotated_part *p = NULL;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (is_end ? a->v[mid].plain16 < pos16
			   : a->v[mid].plain16 <= pos16)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo-- > 0)
		if (a->v[lo].plain_len16) {
			p = &a->v[lo];
			break;
		}
	if (!p || pos16 > p->plain16 + p->plain_len16 ||
	    (!is_end && pos16 == p->plain16 + p->plain_len16))
		return pos16 == 0 ? 0 : a->orig_len16;
	if (p->markup)
		return is_end ? p->orig16 + p->orig_len16 : p->orig16;
	return p->orig16 + (pos16 - p->plain16);
}
