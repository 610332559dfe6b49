/*
 * decode: the bytes of a document made into its text, for document.c.
 *
 * decode_source() finds the encoding -- a BOM, else --encoding, else UTF-8
 * when the bytes are valid UTF-8, else ICU's charset detector for a file
 * with no sign of UTF-8 at all -- and converts to UTF-8 with iconv,
 * character by character so that the source map (docmap.h) knows which
 * original bytes each character came from.  decode_normalise() then puts
 * the source in NFC, line by line, with the text map.  Valid UTF-8 already
 * in NFC -- nearly everything -- is used in place, uncopied.
 *
 * The only user of iconv and of ICU's normaliser and charset detector.
 * Everything lands in the document's arena.  Fails with MT_ERR_BINARY (a
 * NUL byte or character), MT_ERR_ENCODING (bytes that are not text in the
 * encoding, with line and byte offset), MT_ERR_TOO_LARGE or
 * MT_ERR_UNICODE, each message naming the document.
 */
#ifndef MT_DECODE_H
#define MT_DECODE_H

#include "text/docmap.h"
#include "text/document.h"
#include "util/common.h"

/* One load in progress: the maps grow on the heap until finished.  The
 * caller zeroes it, sets doc and err, and frees src_map.v and text_map.v
 * afterwards (whatever happened). */
struct doc_loader {
	struct document *doc;
	struct mt_error *err;
	struct doc_map src_map;
	struct doc_map text_map;
};

/* doc->orig, orig_len and name are set: fill doc->encoding, src, src_len
 * and src_map.  `forced` (--encoding, or NULL) wins over detection but not
 * over a UTF-16 or UTF-32 BOM. */
MT_NODISCARD enum mt_err decode_source(struct doc_loader *L,
				       const char *forced);

/* After decode_source(): fill doc->text, len and text_map (NFC). */
MT_NODISCARD enum mt_err decode_normalise(struct doc_loader *L);

#endif /* MT_DECODE_H */
