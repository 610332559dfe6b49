/*
 * xml: escaping for XML text and attributes (see xml.h).
 */
#include "util/xml.h"

#include <string.h>

void xml_escape(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return;
	for (; *p; p++) {
		switch (*p) {
		case '&': buf_adds(b, "&amp;"); continue;
		case '<': buf_adds(b, "&lt;"); continue;
		case '>': buf_adds(b, "&gt;"); continue;
		case '"': buf_adds(b, "&quot;"); continue;
		case '\'': buf_adds(b, "&apos;"); continue;
		case '\t': buf_adds(b, "&#9;"); continue;
		case '\n': buf_adds(b, "&#10;"); continue;
		case '\r': buf_adds(b, "&#13;"); continue;
		default: break;
		}
		if (*p < 0x20) {
			buf_adds(b, "\xEF\xBF\xBD"); /* U+FFFD */
			continue;
		}
		/* U+FFFE and U+FFFF are not XML characters either */
		if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
			buf_adds(b, "\xEF\xBF\xBD");
			p += 2;
			continue;
		}
		buf_addc(b, (char)*p);
	}
}

void xml_attr(struct buf *b, const char *name, const char *value)
{
	buf_addf(b, " %s=\"", name);
	xml_escape(b, value);
	buf_addc(b, '"');
}

void xml_attr_u(struct buf *b, const char *name, unsigned long value)
{
	buf_addf(b, " %s=\"%lu\"", name, value);
}
