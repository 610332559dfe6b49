/*
 * xml: the little XML the checkstyle and junit reporters need -- escaping
 * of text and attribute values into a struct buf.
 *
 * Everything is escaped for use in either place: & < > " ' become entity
 * references; tab, line feed and carriage return become character
 * references (so they survive attribute-value normalisation); the other C0
 * control characters and U+FFFE/U+FFFF, which XML 1.0 cannot represent at
 * all, become U+FFFD.  Input is UTF-8 (mtlint's strings are validated by
 * document.c); other bytes are copied through.
 *
 * Depends on buf only.
 */
#ifndef MT_XML_H
#define MT_XML_H

#include <stddef.h>

#include "util/buf.h"

/* Append s (NUL-terminated; NULL appends nothing) escaped. */
void xml_escape(struct buf *b, const char *s);

/* Append `name="value"` with a leading space, value escaped. */
void xml_attr(struct buf *b, const char *name, const char *value);

/* As xml_attr() for an unsigned number. */
void xml_attr_u(struct buf *b, const char *name, unsigned long value);

#endif /* MT_XML_H */
