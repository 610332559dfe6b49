/*
 * pattern: ICU regular expressions on UTF-8 UText (see pattern.h).
 */
#include "engine/pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include "engine/regexwords.h"
#include "util/xalloc.h"

/* ICU's unit is 10,000 backtracking state saves; a token or a paragraph
 * of prose never needs more than a few. */
#define TIME_LIMIT 2000

struct pattern {
	/* NULL until first searched when deferred (pattern_defer()) */
	URegularExpression *re;
	char *deferred; /* the expression, while it is not compiled */
	unsigned flags;
	int groups;
	unsigned long timeouts;
	struct pattern_budget *budget; /* NULL: none */
	/* the same pattern as a set of words, for whole-token matches of
	 * ASCII tokens (regexwords.h); NULL when it is not one */
	struct regex_words *words;
	/* whole-token matches: can one start with ASCII character c?
	 * START_UNKNOWN until asked (pattern_matches()) */
	unsigned char start[128];
	int icu_only; /* PATTERN_ICU_ONLY */
};

enum { START_UNKNOWN, START_MAY, START_NEVER };

/* ICU calls this once per unit of work of a search: charge the budget. */
static UBool U_CALLCONV charge(const void *context, int32_t steps)
{
	const struct pattern *p = context;

	(void)steps;
	if (!p->budget)
		return 1;
	p->budget->used++;
	return p->budget->used < p->budget->limit;
}

void pattern_set_budget(struct pattern *p, struct pattern_budget *b)
{
	p->budget = b;
}

/* Before a search: 0 when its budget is spent (do not search). */
static int may_search(const struct pattern *p)
{
	return !p->budget || !pattern_budget_spent(p->budget);
}

/* After a search: a search that gave up spends the budget. */
static void searched(struct pattern *p, UErrorCode st)
{
	if (st != U_REGEX_TIME_OUT && st != U_REGEX_STOPPED_BY_CALLER)
		return;
	if (st == U_REGEX_TIME_OUT)
		p->timeouts++;
	if (p->budget && p->budget->used < p->budget->limit)
		p->budget->used = p->budget->limit;
}

/* ICU's compile of re, made ready for searches: its time limit and the
 * callback that charges the budget of p. */
static URegularExpression *open_icu(struct pattern *p, const char *re,
				    UParseError *pe, UErrorCode *st)
{
	uint32_t f = (p->flags & PATTERN_ICASE) ? UREGEX_CASE_INSENSITIVE : 0;
	UText ut = UTEXT_INITIALIZER;
	URegularExpression *r;

	utext_openUTF8(&ut, re, -1, st);
	r = uregex_openUText(&ut, f, pe, st);
	utext_close(&ut);
	if (U_FAILURE(*st))
		return r;
	uregex_setTimeLimit(r, TIME_LIMIT, st);
	uregex_setMatchCallback(r, charge, p, st);
	return r;
}

static struct pattern *new_pattern(const char *re, unsigned flags)
{
	struct pattern *p = xcalloc(1, sizeof(*p));

	p->flags = flags;
	p->icu_only = (flags & PATTERN_ICU_ONLY) != 0;
	if (!p->icu_only)
		p->words = regex_words_parse(re, (flags & PATTERN_ICASE) != 0);
	return p;
}

struct pattern *pattern_compile(const char *re, unsigned flags, char *msg,
				size_t msg_size, int *offset)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	struct pattern *p = new_pattern(re, flags);

	*offset = -1;
	memset(&pe, 0, sizeof(pe));
	p->re = open_icu(p, re, &pe, &st);
	if (U_FAILURE(st)) {
		snprintf(msg, msg_size, "invalid regular expression: %s",
			 u_errorName(st));
		if (pe.offset >= 0)
			*offset = pe.offset;
		pattern_free(p);
		return NULL;
	}
	p->groups = uregex_groupCount(p->re, &st);
	if (U_FAILURE(st) || p->groups >= PATTERN_MAX_GROUPS) {
		snprintf(msg, msg_size,
			 "regular expression has more than %d groups",
			 PATTERN_MAX_GROUPS - 1);
		pattern_free(p);
		return NULL;
	}
	return p;
}

struct pattern *pattern_defer(const char *re, unsigned flags, int groups)
{
	struct pattern *p = new_pattern(re, flags);

	p->deferred = xstrdup(re);
	p->groups = groups;
	return p;
}

/* Compile a deferred pattern now; 0 when it does not compile as it was
 * said to (with as many groups): its searches then give up. */
static int compiled(struct pattern *p)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;

	if (p->re)
		return 1;
	if (!p->deferred)
		return 0;
	p->re = open_icu(p, p->deferred, &pe, &st);
	if (U_SUCCESS(st) && uregex_groupCount(p->re, &st) == p->groups &&
	    U_SUCCESS(st)) {
		free(p->deferred);
		p->deferred = NULL;
		return 1;
	}
	uregex_close(p->re);
	p->re = NULL;
	free(p->deferred);
	p->deferred = NULL;
	return 0;
}

void pattern_free(struct pattern *p)
{
	if (!p)
		return;
	if (p->re)
		uregex_close(p->re);
	free(p->deferred);
	regex_words_free(p->words);
	free(p);
}

int pattern_groups(const struct pattern *p)
{
	return p->groups;
}

unsigned long pattern_timeouts(const struct pattern *p)
{
	return p->timeouts;
}

const struct regex_words *pattern_words(const struct pattern *p)
{
	return p->words;
}

/* Before a search through ICU: 0 when p cannot be compiled (a deferred
 * pattern that no longer compiles), and the search gives up as one that
 * ran out of work does. */
static int ready(struct pattern *p)
{
	if (compiled(p))
		return 1;
	searched(p, U_REGEX_STOPPED_BY_CALLER);
	return 0;
}

/* Can a whole-token match start with byte b?  Yes for every non-ASCII
 * byte; for ASCII, ICU's answer on b alone, remembered (see pattern.h). */
static int may_start_with(struct pattern *p, unsigned char b)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar c = b;
	UBool m, end;

	if (b >= 128)
		return 1;
	if (p->start[b] == START_UNKNOWN) {
		if (!compiled(p))
			return 1; /* the search gives up (ready()) */
		uregex_setText(p->re, &c, 1, &st);
		m = uregex_matches(p->re, 0, &st);
		end = uregex_hitEnd(p->re, &st);
		p->start[b] = U_FAILURE(st) || m || end ? START_MAY
							: START_NEVER;
		st = U_ZERO_ERROR;
		uregex_setText(p->re, (const UChar *)u"", 0, &st);
	}
	return p->start[b] == START_MAY;
}

int pattern_matches(struct pattern *p, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	UBool ok;

	/* a spent budget gives up on every search, words or not */
	if (!may_search(p))
		return 0;
	if (p->words && regex_words_takes(s, len))
		return regex_words_match(p->words, s, len);
	if (!p->icu_only && len && !may_start_with(p, (unsigned char)s[0]))
		return 0;
	if (!ready(p))
		return 0;
	utext_openUTF8(&ut, s, (int64_t)len, &st);
	uregex_setUText(p->re, &ut, &st);
	ok = uregex_matches64(p->re, 0, &st);
	searched(p, st);
	/* detach the text before it goes out of scope */
	{
		UErrorCode st2 = U_ZERO_ERROR;
		uregex_setText(p->re, (const UChar *)u"", 0, &st2);
	}
	utext_close(&ut);
	return U_SUCCESS(st) && ok;
}

struct pattern_text {
	UChar *u16;
	int32_t len16;
	uint32_t *to_byte; /* UTF-16 index -> byte offset; len16 + 1 */
	uint32_t *to_u16;  /* byte offset -> UTF-16 index; len + 1 */
	size_t len;
};

struct pattern_text *pattern_text_new(const char *s, size_t len)
{
	struct pattern_text *t = xcalloc(1, sizeof(*t));
	size_t i = 0;
	int32_t k = 0;

	/* at most one UTF-16 unit per byte */
	t->u16 = xmalloc((len + 1) * sizeof(*t->u16));
	t->to_byte = xmalloc((len + 1) * sizeof(*t->to_byte));
	t->to_u16 = xmalloc((len + 1) * sizeof(*t->to_u16));
	t->len = len;
	while (i < len) {
		UChar32 c;
		size_t start = i;

		U8_NEXT((const uint8_t *)s, i, len, c);
		if (c < 0)
			c = 0xFFFD;
		for (size_t b = start; b < i; b++)
			t->to_u16[b] = (uint32_t)k;
		if (U_IS_BMP(c)) {
			t->to_byte[k] = (uint32_t)start;
			t->u16[k++] = (UChar)c;
		} else {
			t->to_byte[k] = (uint32_t)start;
			t->u16[k++] = U16_LEAD(c);
			t->to_byte[k] = (uint32_t)start;
			t->u16[k++] = U16_TRAIL(c);
		}
	}
	t->to_u16[len] = (uint32_t)k;
	t->to_byte[k] = (uint32_t)len;
	t->len16 = k;
	return t;
}

void pattern_text_free(struct pattern_text *t)
{
	if (!t)
		return;
	free(t->u16);
	free(t->to_byte);
	free(t->to_u16);
	free(t);
}

int pattern_find_window(struct pattern *p, struct pattern_text *t, size_t from,
			size_t limit, struct pattern_match *m)
{
	UErrorCode st = U_ZERO_ERROR;
	int found = 0;

	if (limit > t->len)
		limit = t->len;
	if (from > limit || !may_search(p))
		return 0;
	if (!ready(p))
		return 0;
	uregex_setText(p->re, t->u16, t->len16, &st);
	if (limit == t->len) {
		found = uregex_find(p->re, (int32_t)t->to_u16[from], &st);
	} else {
		/* look-arounds and anchors see the whole text: only where a
		 * match may lie is bounded */
		uregex_setRegion(p->re, (int32_t)t->to_u16[from],
				 (int32_t)t->to_u16[limit], &st);
		uregex_useTransparentBounds(p->re, 1, &st);
		uregex_useAnchoringBounds(p->re, 0, &st);
		found = uregex_findNext(p->re, &st);
	}
	if (found && U_SUCCESS(st)) {
		for (int g = 0; g < PATTERN_MAX_GROUPS; g++) {
			int32_t a = -1, b = -1;

			if (g <= p->groups) {
				a = uregex_start(p->re, g, &st);
				b = uregex_end(p->re, g, &st);
			}
			m->start[g] = a < 0 ? UINT32_MAX : t->to_byte[a];
			m->end[g] = b < 0 ? UINT32_MAX : t->to_byte[b];
		}
	}
	found = found && U_SUCCESS(st);
	searched(p, st);
	{
		UErrorCode st2 = U_ZERO_ERROR;

		uregex_setText(p->re, (const UChar *)u"", 0, &st2);
	}
	return found;
}
