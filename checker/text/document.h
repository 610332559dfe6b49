/*
 * document: one input text, decoded, normalised and mapped back.
 *
 * Memory law: everything derived from a document -- its decoded and
 * normalised text, line map, segmentation, diagnostics and their strings --
 * lives in the document's arena (doc->arena) and stays valid until
 * document_free().  Nothing else frees it.
 *
 * Loading runs three stages and keeps a map back through each, so every
 * position found in the normalised text points at the bytes the user has:
 *
 *   original bytes --decode--> UTF-8 "source" --NFC--> text
 *
 * - decode: a UTF-8 BOM is skipped; a UTF-16/32 BOM selects that encoding;
 *   otherwise the input must be valid UTF-8.  Input that is not, and has no
 *   valid multi-byte UTF-8 sequence at all, is handed to ICU's charset
 *   detector (windows-1252, ISO-8859-x, KOI8-R, ...) and converted with
 *   iconv; input that mixes valid UTF-8 with invalid bytes is corrupt and
 *   fails with MT_ERR_ENCODING naming line and byte offset.
 *   `encoding` in the options forces a source encoding (converted with
 *   iconv; bytes it cannot decode fail the same way).  A NUL byte outside
 *   UTF-16/32 input means binary input: MT_ERR_BINARY.
 * - line ends: LF, CRLF and CR are all line ends; the text keeps them as
 *   they are.
 * - NFC: ICU normalisation; already-normalised lines (nearly all) are copied.
 *
 * Positions: struct span offsets are bytes of doc->text.  document_position()
 * turns one into the original file's byte offset, a 1-based line, a 1-based
 * column in Unicode code points and a 0-based column in UTF-16 code units
 * (for LSP), all measured on the user's original text (before NFC).
 *
 * Segmentation (paragraphs, sentences, tokens) is filled in by segment.c;
 * see segment.h for those structures.
 */
#ifndef MT_DOCUMENT_H
#define MT_DOCUMENT_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/common.h"
#include "util/limits.h"

struct paragraph;
struct sentence;
struct token;
struct doc_map;

/* Default and hard limit on the size of an input, in bytes. */
#define DOCUMENT_MAX_BYTES MT_LIMIT_DOCUMENT

/*
 * What a document is written in: how checker_check() reads it.  AUTO is an
 * option only: document_kind_of_path() decides.
 */
enum document_kind {
	DOCUMENT_AUTO = 0,
	DOCUMENT_TEXT,
	DOCUMENT_MARKDOWN,
};

struct document_options {
	const char *encoding; /* NULL: detect (see above); else an iconv name */
	size_t max_bytes;     /* 0: DOCUMENT_MAX_BYTES; never more */
	enum document_kind kind; /* AUTO: by the path's extension */
};

struct document {
	const char *path;     /* as given; "-" for standard input */
	const char *name;     /* for messages: the path, or "<stdin>" */
	const char *encoding; /* source encoding, e.g. "UTF-8", "UTF-16LE" */
	int encoding_detected; /* 1 when found by the charset detector */
	/* TEXT or MARKDOWN, from the options at load; a caller may change it
	 * before checking (an editor knows the buffer's language) */
	enum document_kind kind;

	const char *text; /* NFC UTF-8, NUL-terminated; no NUL inside */
	uint32_t len;

	/* Filled by segmenter_run(); empty until then. */
	struct paragraph *paragraphs;
	uint32_t n_paragraphs;
	struct sentence *sentences;
	uint32_t n_sentences;
	struct token *tokens;
	uint32_t n_tokens;

	struct arena arena;

	/* private: original bytes, decoded source, maps and line table */
	const unsigned char *orig;
	size_t orig_len;
	const char *src;
	uint32_t src_len;
	struct doc_map *src_map;  /* src offset -> orig offset */
	struct doc_map *text_map; /* text offset -> src offset */
	uint32_t *line_starts;	  /* src offsets; line_starts[0] == 0 */
	uint32_t n_lines;
	/* code points and UTF-16 units in src before every DOC_CHECKPOINT
	 * bytes, so a column costs at most DOC_CHECKPOINT steps however long
	 * the line */
	uint32_t *cp_before, *u16_before;
};

/*
 * Load the file at `path` ("-" reads standard input).  On success *out owns
 * a new document (free with document_free()).  Fails with MT_ERR_IO (cannot
 * open or read; the message names the path and the system's reason),
 * MT_ERR_TOO_LARGE, MT_ERR_BINARY or MT_ERR_ENCODING (message names file,
 * line and byte offset of the first undecodable byte), leaving *out NULL.
 */
MT_NODISCARD enum mt_err document_load_file(const char *path,
					    const struct document_options *opts,
					    struct document **out,
					    struct mt_error *err);

/*
 * As document_load_file(), from memory: `name` names the document in
 * messages and `path` (may equal name) is recorded as doc->path.  The
 * bytes are copied.
 */
MT_NODISCARD enum mt_err document_load_mem(const char *path, const void *bytes,
					   size_t len,
					   const struct document_options *opts,
					   struct document **out,
					   struct mt_error *err);

/*
 * The kind a path's extension says: DOCUMENT_MARKDOWN for .md, .markdown,
 * .mdown, .mkd, .mkdn, .mdx and .qmd (any case), else DOCUMENT_TEXT.
 */
enum document_kind document_kind_of_path(const char *path);

/* Free the document and everything in its arena.  NULL is a no-op. */
void document_free(struct document *doc);

/* Where a byte offset of doc->text lies in the user's file. */
struct doc_pos {
	uint32_t offset;   /* byte offset in the original file */
	uint32_t line;	   /* 1-based */
	uint32_t column;   /* 1-based, in code points */
	uint32_t column16; /* 0-based, in UTF-16 code units (LSP) */
	uint32_t line_byte; /* byte offset into document_line()'s text */
	/* 0-based, in UTF-16 code units from the start of the decoded text
	 * (what a JavaScript string of the text counts: LanguageTool) */
	uint32_t offset16;
};

/*
 * Position of text offset `off` (0 <= off <= doc->len).  Offsets inside a
 * character that normalisation or decoding changed map to that character's
 * start, or to its end when `is_end` is set, so a span [start, end) maps to
 * the smallest original range covering it.
 */
struct doc_pos document_position(const struct document *doc, uint32_t off,
				 int is_end);

/*
 * The inverse for LSP: text offset of a 1-based line and 0-based UTF-16
 * column, clamped to the line's end and to the document.
 */
uint32_t document_offset_at(const struct document *doc, uint32_t line,
			    uint32_t column16);

/*
 * Line `line` (1-based) of the user's text as UTF-8 (before NFC), without
 * its line end; *len gets its length.  Points into the document; NULL when
 * out of range.
 */
const char *document_line(const struct document *doc, uint32_t line,
			  size_t *len);

/* Number of lines (a final line without a line end counts). */
uint32_t document_line_count(const struct document *doc);

/* The original bytes, as read. */
const unsigned char *document_original(const struct document *doc,
				       size_t *len);

#endif /* MT_DOCUMENT_H */
