/*
 * document: read a file, decode it (decode.c) and map positions back to
 * the user's bytes: lines, columns in code points and UTF-16 units (see
 * document.h).
 */
#include "text/document.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/decode.h"
#include "text/docmap.h"
#include "util/buf.h"
#include "util/xalloc.h"

#define DOC_CHECKPOINT 1024u

/*
 * Code points and UTF-16 units in src[from, to).  A code point starts at
 * every byte but a continuation byte (10xxxxxx) and takes two UTF-16 units
 * when its first byte is 11110xxx or above.  Eight bytes at a time: in a
 * word x, bit 7 of each byte is a continuation byte's when it is set and
 * bit 6 is not (x & ~(x << 1)), a four-byte start's when bits 7 to 4 are
 * (x & x << 1 & x << 2 & x << 3); a shift by 1 to 3 keeps each byte's bit
 * 7 inside its byte.  Columns are asked for every finding a report
 * writes, so this loop is a hot one.
 */
static void count_units(const char *s, uint32_t from, uint32_t to,
			uint32_t *cps, uint32_t *u16)
{
	const uint64_t top = 0x8080808080808080ull;
	uint32_t cont = 0, four = 0, i = from;

	for (; to - i >= 8; i += 8) {
		uint64_t x;

		memcpy(&x, s + i, sizeof(x));
		cont += (uint32_t)__builtin_popcountll(x & ~(x << 1) & top);
		four += (uint32_t)__builtin_popcountll(x & x << 1 & x << 2 &
						       x << 3 & top);
	}
	for (; i < to; i++) {
		unsigned char c = (unsigned char)s[i];

		cont += (c & 0xC0) == 0x80;
		four += c >= 0xF0;
	}
	*cps += (to - from) - cont;
	*u16 += (to - from) - cont + four;
}

static void build_checkpoints(struct document *doc)
{
	uint32_t n = doc->src_len / DOC_CHECKPOINT + 1, cps = 0, u16 = 0;

	doc->cp_before = arena_alloc(&doc->arena, n * sizeof(uint32_t));
	doc->u16_before = arena_alloc(&doc->arena, n * sizeof(uint32_t));
	for (uint32_t k = 0; k < n; k++) {
		uint32_t from = k * DOC_CHECKPOINT;

		doc->cp_before[k] = cps;
		doc->u16_before[k] = u16;
		if (k + 1 < n)
			count_units(doc->src, from, from + DOC_CHECKPOINT, &cps,
				    &u16);
	}
}

/* Code points and UTF-16 units in src before off. */
static void units_before(const struct document *doc, uint32_t off,
			 uint32_t *cps, uint32_t *u16)
{
	uint32_t k = off / DOC_CHECKPOINT;

	*cps = doc->cp_before[k];
	*u16 = doc->u16_before[k];
	count_units(doc->src, k * DOC_CHECKPOINT, off, cps, u16);
}

static void build_lines(struct document *doc)
{
	const char *s = doc->src;
	uint32_t n = doc->src_len, count = 1;

	for (uint32_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n ||
						       s[i + 1] != '\n')))
			count++;
	doc->line_starts = arena_alloc(&doc->arena, count * sizeof(uint32_t));
	doc->line_starts[0] = 0;
	doc->n_lines = 1;
	for (uint32_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n ||
						       s[i + 1] != '\n')))
			doc->line_starts[doc->n_lines++] = i + 1;
	/* a final line end does not start another line */
	if (doc->n_lines > 1 && doc->line_starts[doc->n_lines - 1] == n)
		doc->n_lines--;
	build_checkpoints(doc);
}

enum mt_err document_load_mem(const char *path, const void *bytes, size_t len,
			      const struct document_options *opts,
			      struct document **out, struct mt_error *err)
{
	struct document *doc = xcalloc(1, sizeof(*doc));
	size_t max = opts && opts->max_bytes &&
				     opts->max_bytes < DOCUMENT_MAX_BYTES
			     ? opts->max_bytes
			     : DOCUMENT_MAX_BYTES;
	struct doc_loader L = { .doc = doc, .err = err };
	enum mt_err rc;

	*out = NULL;
	arena_init(&doc->arena, 0);
	doc->path = arena_strdup(&doc->arena, path);
	doc->name = strcmp(path, "-") == 0 ? "<stdin>" : doc->path;
	doc->kind = opts && opts->kind != DOCUMENT_AUTO ? opts->kind
							   : document_kind_of_path(path);
	if (len > max) {
		rc = mt_error(err, MT_ERR_TOO_LARGE,
			      "%s: file too large (%zu bytes; the limit is %zu)",
			      doc->name, len, max);
		document_free(doc);
		return rc;
	}
	/* one spare NUL so that UTF-8 input can be used in place */
	unsigned char *copy = arena_alloc(&doc->arena, len + 1);

	if (len)
		memcpy(copy, bytes, len);
	copy[len] = '\0';
	doc->orig = copy;
	doc->orig_len = len;
	rc = decode_source(&L, opts ? opts->encoding : NULL);
	if (rc == MT_ERR_OK)
		rc = decode_normalise(&L);
	free(L.src_map.v);
	free(L.text_map.v);
	if (rc != MT_ERR_OK) {
		document_free(doc);
		return rc;
	}
	build_lines(doc);
	*out = doc;
	return MT_ERR_OK;
}

/* Read all of fd; the limit keeps a hostile pipe from exhausting memory. */
/*
 * Does the start of an input show it is binary: a NUL byte, and no UTF-16
 * or UTF-32 BOM (whose text has NULs)?  Then reading stops there and
 * decode_source() reports it, so /dev/zero or a pipe of binary data costs
 * one read, not the whole size limit.
 */
static int binary_start(const struct buf *b, const struct document_options *o)
{
	const unsigned char *p = (const unsigned char *)b->buf;

	if ((o && o->encoding) || b->len < 4 || !memchr(p, '\0', b->len))
		return 0;
	return !((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) ||
		 (!p[0] && !p[1] && p[2] == 0xFE && p[3] == 0xFF));
}

enum mt_err document_load_file(const char *path,
			       const struct document_options *opts,
			       struct document **out, struct mt_error *err)
{
	size_t max = opts && opts->max_bytes &&
				     opts->max_bytes < DOCUMENT_MAX_BYTES
			     ? opts->max_bytes
			     : DOCUMENT_MAX_BYTES;
	struct buf b = BUF_INIT;
	struct stat st;
	enum mt_err rc;
	int fd, r, e, is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;

	*out = NULL;
	fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return mt_error(err, MT_ERR_IO, "cannot open '%s': %s", path,
				strerror(errno));
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			if (!is_stdin)
				close(fd);
			return mt_error(err, MT_ERR_IO,
					"cannot read '%s': is a directory",
					path);
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size > max) {
			if (!is_stdin)
				close(fd);
			return mt_error(err, MT_ERR_TOO_LARGE,
					"%s: file too large (%lld bytes; the "
					"limit is %zu)",
					name, (long long)st.st_size, max);
		}
		if (S_ISREG(st.st_mode))
			buf_grow(&b, (size_t)st.st_size);
	}
	/* a first look, then the rest */
	r = buf_read_fd(&b, fd, 65536);
	if (r == -2 && !binary_start(&b, opts))
		r = buf_read_fd(&b, fd, max - b.len);
	else if (r == -2)
		r = 0; /* binary: decode_source() says where */
	e = errno;
	if (!is_stdin)
		close(fd);
	if (r == -1)
		rc = mt_error(err, MT_ERR_IO, "cannot read '%s': %s", name,
			      strerror(e));
	else if (r == -2)
		rc = mt_error(err, MT_ERR_TOO_LARGE,
			      "%s: file too large (the limit is %zu bytes)",
			      name, max);
	else
		rc = document_load_mem(path, b.buf, b.len, opts, out, err);
	buf_release(&b);
	return rc;
}

enum document_kind document_kind_of_path(const char *path)
{
	static const char *const ext[] = { ".md",  ".markdown", ".mdown",
					   ".mkd", ".mkdn",	".mdx",
					   ".qmd" };
	const char *dot = strrchr(path, '.');

	if (!dot || strchr(dot, '/'))
		return DOCUMENT_TEXT;
	for (size_t i = 0; i < ARRAY_SIZE(ext); i++)
		if (!strcasecmp(dot, ext[i]))
			return DOCUMENT_MARKDOWN;
	return DOCUMENT_TEXT;
}

void document_free(struct document *doc)
{
	if (!doc)
		return;
	arena_release(&doc->arena);
	free(doc);
}

static uint32_t line_of(const struct document *doc, uint32_t src_off)
{
	uint32_t lo = 0, hi = doc->n_lines;

	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (doc->line_starts[mid] <= src_off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

struct doc_pos document_position(const struct document *doc, uint32_t off,
				 int is_end)
{
	struct doc_pos p;
	uint32_t src_off, li;

	if (off > doc->len)
		off = doc->len;
	src_off = doc_map_lookup(doc->text_map, off, is_end);
	if (src_off > doc->src_len)
		src_off = doc->src_len;
	p.offset = doc_map_lookup(doc->src_map, src_off, is_end);
	li = line_of(doc, src_off);
	p.line = li + 1;
	{
		uint32_t c0, u0, c1, u1;

		units_before(doc, doc->line_starts[li], &c0, &u0);
		units_before(doc, src_off, &c1, &u1);
		p.column = 1 + (c1 - c0);
		p.column16 = u1 - u0;
		p.line_byte = src_off - doc->line_starts[li];
		p.offset16 = u1;
	}
	return p;
}

uint32_t document_offset_at(const struct document *doc, uint32_t line,
			    uint32_t column16)
{
	uint32_t i, end, units = 0;

	if (line < 1)
		return 0;
	if (line > doc->n_lines)
		return doc->len;
	i = doc->line_starts[line - 1];
	end = line < doc->n_lines ? doc->line_starts[line] : doc->src_len;
	while (i < end && units < column16) {
		unsigned char c = (unsigned char)doc->src[i];

		if (c == '\n' || c == '\r')
			break;
		units += c >= 0xF0 ? 2 : 1;
		i++;
		while (i < end && ((unsigned char)doc->src[i] & 0xC0) == 0x80)
			i++;
	}
	return doc_map_lookup_inverse(doc->text_map, i);
}

const char *document_line(const struct document *doc, uint32_t line,
			  size_t *len)
{
	uint32_t start, end;

	if (line < 1 || line > doc->n_lines)
		return NULL;
	start = doc->line_starts[line - 1];
	end = line < doc->n_lines ? doc->line_starts[line] : doc->src_len;
	while (end > start && (doc->src[end - 1] == '\n' ||
			       doc->src[end - 1] == '\r'))
		end--;
	*len = end - start;
	return doc->src + start;
}

uint32_t document_line_count(const struct document *doc)
{
	return doc->src_len ? doc->n_lines : 0;
}

const unsigned char *document_original(const struct document *doc,
				       size_t *len)
{
	*len = doc->orig_len;
	return doc->orig;
}
