/*
 * patternmemo: the regexes known to compile, kept in the cache directory
 * (see patternmemo.h).
 *
 * The file: a header line naming the format and ICU's version, then one
 * record per regex -- "FLAG GROUPS LENGTH\n", the regex's LENGTH bytes,
 * "\n" -- where FLAG is 1 for case-insensitive.
 */
#include "engine/patternmemo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uversion.h>

#include "engine/pattern.h"
#include "util/arena.h"
#include "util/atomicfile.h"
#include "util/buf.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "util/xalloc.h"

#define HEADER "mtlint pattern memo 1, ICU " U_ICU_VERSION "\n"

struct pattern_memo {
	char *path;
	struct strtab keys; /* flag byte + regex */
	struct arena arena;
	struct entry {
		int groups;
		int used; /* asked for or added by this load */
	} * entries;
	size_t alloc;
	int added;
	struct buf key; /* scratch */
};

static const char *make_key(struct pattern_memo *m, const char *re, size_t n,
			    unsigned flags)
{
	buf_reset(&m->key);
	buf_addc(&m->key, (flags & PATTERN_ICASE) ? '1' : '0');
	buf_add(&m->key, re, n);
	return m->key.buf;
}

static void put(struct pattern_memo *m, const char *re, size_t n,
		unsigned flags, int groups, int used)
{
	int is_new;
	const char *k = make_key(m, re, n, flags);
	uint32_t id = strtab_intern_copy(&m->keys, &m->arena, k, n + 1,
					 &is_new);

	if (is_new) {
		m->entries = xgrow(m->entries, &m->alloc, id + 1,
				   sizeof(*m->entries));
		m->entries[id].used = 0;
	}
	m->entries[id].groups = groups;
	m->entries[id].used |= used;
}

/* Read the records of a memo file; stop at the first damaged one (what
 * came before it is kept: each record stands alone). */
static void parse(struct pattern_memo *m, const char *s, size_t len)
{
	const char *end = s + len;
	size_t hl = strlen(HEADER);

	if (len < hl || memcmp(s, HEADER, hl) != 0)
		return;
	s += hl;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		unsigned flag, groups;
		unsigned long n;
		size_t avail; /* bytes after the record's first line */
		char line[64];

		if (!nl || (size_t)(nl - s) >= sizeof(line))
			return;
		avail = (size_t)(end - nl - 1);
		memcpy(line, s, (size_t)(nl - s));
		line[nl - s] = '\0';
		if (sscanf(line, "%u %u %lu", &flag, &groups, &n) != 3 ||
		    flag > 1 || groups >= PATTERN_MAX_GROUPS || avail < 1 ||
		    n > avail - 1 || nl[1 + n] != '\n' ||
		    memchr(nl + 1, '\0', n))
			return;
		put(m, nl + 1, n, flag ? PATTERN_ICASE : 0, (int)groups, 0);
		s = nl + 1 + n + 1;
	}
}

struct pattern_memo *pattern_memo_open_file(const char *path)
{
	struct pattern_memo *m = xcalloc(1, sizeof(*m));
	struct buf b = BUF_INIT;

	m->path = xstrdup(path);
	strtab_init(&m->keys);
	arena_init(&m->arena, 0);
	buf_init(&m->key);
	if (buf_read_file(&b, path, PATTERN_MEMO_MAX_BYTES + 4096) == 0)
		parse(m, b.buf, b.len);
	buf_release(&b);
	return m;
}

struct pattern_memo *pattern_memo_open(void)
{
	char dir[400], path[480];

	if (mt_cache_dir(dir, sizeof(dir)) != 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/patterns-icu%s.memo", dir,
		 U_ICU_VERSION);
	return pattern_memo_open_file(path);
}

int pattern_memo_groups(struct pattern_memo *m, const char *re, unsigned flags)
{
	size_t n = strlen(re);
	uint32_t id;

	if (!m)
		return -1;
	id = strtab_find(&m->keys, make_key(m, re, n, flags), n + 1);
	if (id == STRTAB_NONE)
		return -1;
	m->entries[id].used = 1;
	return m->entries[id].groups;
}

void pattern_memo_add(struct pattern_memo *m, const char *re, unsigned flags,
		      int groups)
{
	if (!m || groups < 0 || groups >= PATTERN_MAX_GROUPS ||
	    strlen(re) > PATTERN_MEMO_MAX_BYTES / 2)
		return;
	put(m, re, strlen(re), flags, groups, 1);
	m->added = 1;
}

/* The records of the entries used (or not) by this load, while the file
 * stays within its bound. */
static void write_entries(struct pattern_memo *m, struct buf *out, int used)
{
	for (uint32_t id = 0; id < strtab_count(&m->keys); id++) {
		uint32_t len;
		const char *k = strtab_str(&m->keys, id, &len);

		if (m->entries[id].used != used)
			continue;
		if (out->len + len + 32 > PATTERN_MEMO_MAX_BYTES)
			return;
		buf_addf(out, "%c %d %u\n", k[0], m->entries[id].groups,
			 len - 1);
		buf_add(out, k + 1, len - 1);
		buf_addc(out, '\n');
	}
}

void pattern_memo_close(struct pattern_memo *m)
{
	if (!m)
		return;
	if (m->added) {
		struct buf out = BUF_INIT;
		struct mt_error err = { 0 };

		buf_adds(&out, HEADER);
		write_entries(m, &out, 1);
		write_entries(m, &out, 0);
		if (atomicfile_write(m->path, out.buf, out.len, NULL, 0, 0,
				     &err) != MT_ERR_OK) {
			/* ignored: the next run compiles again */
		}
		buf_release(&out);
	}
	buf_release(&m->key);
	strtab_release(&m->keys);
	arena_release(&m->arena);
	free(m->entries);
	free(m->path);
	free(m);
}
