/*
 * parsestore: parse results shared between processes (see parsestore.h).
 *
 * A record: "PSR1", the text's and the value's lengths (32 bits each, this
 * machine's order: the key names the layout), a 64-bit digest of the
 * lengths and bytes, the text, the value.
 */
#include "grammar/parsestore.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/atomicfile.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "util/xalloc.h"

#define MAGIC "PSR1"
#define MAX_PART ((size_t)1 << 16) /* a text or a value, in bytes */
#define BATCH_BYTES ((size_t)256 << 10)

struct header {
	char magic[4];
	uint32_t tlen, vlen;
	uint64_t digest;
};

struct parse_store {
	char *path;
	struct buf log; /* the records read at open (kept: keys point in) */
	struct strtab texts; /* text -> id */
	struct value {
		const unsigned char *v;
		uint32_t len;
	} * values;
	size_t alloc;
	struct buf pending; /* records to append */
};

static uint64_t digest(uint32_t tlen, uint32_t vlen, const void *t,
		       const void *v)
{
	uint64_t h = hash_bytes(HASH_INIT, &tlen, sizeof(tlen));

	h = hash_bytes(h, &vlen, sizeof(vlen));
	h = hash_block(h, t, tlen);
	return hash_block(h, v, vlen);
}

/* Index the records of the log; stop at the first damaged one.  A text
 * logged twice keeps its last record: a later one is the answer to a
 * fuller question (linkgrammar.c parses again, and logs, a sentence whose
 * record only says that it has no complete parse when a caller needs to
 * know which words are unlinked). */
static void index_log(struct parse_store *s)
{
	const unsigned char *p = (const unsigned char *)s->log.buf;
	size_t at = 0, len = s->log.len;

	while (len - at >= sizeof(struct header)) {
		struct header h;
		const unsigned char *t, *v;
		uint32_t id;
		int is_new;

		memcpy(&h, p + at, sizeof(h));
		if (memcmp(h.magic, MAGIC, 4) != 0 || h.tlen > MAX_PART ||
		    h.vlen > MAX_PART ||
		    len - at - sizeof(h) < (size_t)h.tlen + h.vlen)
			return;
		t = p + at + sizeof(h);
		v = t + h.tlen;
		if (digest(h.tlen, h.vlen, t, v) != h.digest)
			return;
		id = strtab_intern(&s->texts, (const char *)t, h.tlen, &is_new);
		if (is_new)
			s->values = xgrow(s->values, &s->alloc, id + 1,
					  sizeof(*s->values));
		s->values[id].v = v;
		s->values[id].len = h.vlen;
		at += sizeof(h) + h.tlen + h.vlen;
	}
}

struct parse_store *parse_store_open_file(const char *path)
{
	struct parse_store *s = xcalloc(1, sizeof(*s));
	int r;

	s->path = xstrdup(path);
	buf_init(&s->log);
	buf_init(&s->pending);
	strtab_init(&s->texts);
	r = buf_read_file(&s->log, path, PARSE_STORE_MAX_BYTES);
	if (r == -2)
		unlink(path); /* full: the next writer starts it again */
	if (r != 0)
		buf_reset(&s->log);
	else
		index_log(s);
	return s;
}

struct parse_store *parse_store_open(const char *key)
{
	char dir[400], path[480];

	if (mt_cache_dir(dir, sizeof(dir)) != 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/parses-%016llx.log", dir,
		 (unsigned long long)hash_bytes(HASH_INIT, key, strlen(key)));
	if (mt_path_exists(path))
		mt_cache_used(path);
	else /* a new set-up's log: the old ones' may go */
		mt_cache_prune(dir, "parses-", ".log", path);
	return parse_store_open_file(path);
}

const void *parse_store_get(struct parse_store *s, const char *text, size_t len,
			    size_t *vlen)
{
	uint32_t id = strtab_find(&s->texts, text, len);

	if (id == STRTAB_NONE)
		return NULL;
	*vlen = s->values[id].len;
	return s->values[id].v;
}

/* Append the pending records to the log in one write (errors ignored:
 * the store is a cache). */
static void flush(struct parse_store *s)
{
	int fd;

	if (!s->pending.len)
		return;
	fd = open(s->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd >= 0) {
		(void)atomicfile_write_all(fd, s->pending.buf, s->pending.len);
		close(fd);
	}
	buf_reset(&s->pending);
}

void parse_store_put(struct parse_store *s, const char *text, size_t len,
		     const void *v, size_t vlen)
{
	struct header h;

	if (len > MAX_PART || vlen > MAX_PART)
		return;
	memset(&h, 0, sizeof(h)); /* the padding too: the bytes are written */
	memcpy(h.magic, MAGIC, 4);
	h.tlen = (uint32_t)len;
	h.vlen = (uint32_t)vlen;
	h.digest = digest(h.tlen, h.vlen, text, v);
	buf_add(&s->pending, &h, sizeof(h));
	buf_add(&s->pending, text, len);
	buf_add(&s->pending, v, vlen);
	if (s->pending.len >= BATCH_BYTES)
		flush(s);
}

void parse_store_close(struct parse_store *s)
{
	if (!s)
		return;
	flush(s);
	buf_release(&s->pending);
	buf_release(&s->log);
	strtab_release(&s->texts);
	free(s->values);
	free(s->path);
	free(s);
}
