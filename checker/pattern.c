/*
 * pattern: ICU regular expressions on UTF-8 UText (see pattern.h).
 */
#include "pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uregex.h>
#include <unicode/utext.h>

#include "xalloc.h"

/* ICU's unit is "steps of the match engine", roughly 1,000 per unit; a
 * token or a paragraph never needs more than a few. */
#define TIME_LIMIT 2000

struct pattern {
	URegularExpression *re;
	int groups;
	unsigned long timeouts;
};

struct pattern *pattern_compile(const char *re, unsigned flags, char *msg,
				size_t msg_size, int *offset)
{
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	uint32_t f = (flags & PATTERN_ICASE) ? UREGEX_CASE_INSENSITIVE : 0;
	URegularExpression *r;
	struct pattern *p;

	*offset = -1;
	memset(&pe, 0, sizeof(pe));
	UText ut = UTEXT_INITIALIZER;

	utext_openUTF8(&ut, re, -1, &st);
	r = uregex_openUText(&ut, f, &pe, &st);
	utext_close(&ut);
	if (U_FAILURE(st)) {
		snprintf(msg, msg_size, "invalid regular expression: %s",
			 u_errorName(st));
		if (pe.offset >= 0)
			*offset = pe.offset;
		uregex_close(r);
		return NULL;
	}
	uregex_setTimeLimit(r, TIME_LIMIT, &st);
	p = xcalloc(1, sizeof(*p));
	p->re = r;
	p->groups = uregex_groupCount(r, &st);
	if (U_FAILURE(st) || p->groups >= PATTERN_MAX_GROUPS) {
		snprintf(msg, msg_size,
			 "regular expression has more than %d groups",
			 PATTERN_MAX_GROUPS - 1);
		pattern_free(p);
		return NULL;
	}
	return p;
}

void pattern_free(struct pattern *p)
{
	if (!p)
		return;
	uregex_close(p->re);
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

int pattern_matches(struct pattern *p, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	UBool ok;

	utext_openUTF8(&ut, s, (int64_t)len, &st);
	uregex_setUText(p->re, &ut, &st);
	ok = uregex_matches64(p->re, 0, &st);
	if (st == U_REGEX_TIME_OUT)
		p->timeouts++;
	/* detach the text before it goes out of scope */
	{
		UErrorCode st2 = U_ZERO_ERROR;
		uregex_setText(p->re, (const UChar *)u"", 0, &st2);
	}
	utext_close(&ut);
	return U_SUCCESS(st) && ok;
}

int pattern_find(struct pattern *p, const char *s, size_t len, size_t from,
		 struct pattern_match *m)
{
	UErrorCode st = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	int found = 0;

	if (from > len)
		return 0;
	utext_openUTF8(&ut, s, (int64_t)len, &st);
	uregex_setUText(p->re, &ut, &st);
	if (U_SUCCESS(st) && uregex_find64(p->re, (int64_t)from, &st) &&
	    U_SUCCESS(st)) {
		found = 1;
		for (int g = 0; g < PATTERN_MAX_GROUPS; g++) {
			int64_t a = -1, b = -1;

			if (g <= p->groups) {
				a = uregex_start64(p->re, g, &st);
				b = uregex_end64(p->re, g, &st);
			}
			m->start[g] = a < 0 ? UINT32_MAX : (uint32_t)a;
			m->end[g] = b < 0 ? UINT32_MAX : (uint32_t)b;
		}
		if (U_FAILURE(st))
			found = 0;
	}
	if (st == U_REGEX_TIME_OUT)
		p->timeouts++;
	{
		UErrorCode st2 = U_ZERO_ERROR;
		uregex_setText(p->re, (const UChar *)u"", 0, &st2);
	}
	utext_close(&ut);
	return found;
}
