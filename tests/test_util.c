/*
 * arena, buf, listfile, xalloc and common: the low-level primitives.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/common.h"
#include "util/gencache.h"
#include "util/hash.h"
#include "util/limits.h"
#include "util/listfile.h"
#include "util/paths.h"
#include "util/strtab.h"
#include "check/diag.h"
#include "helpers.h"

Test(arena, allocations_are_aligned_and_distinct)
{
	struct arena a;
	char *p, *q;

	arena_init(&a, 0);
	p = arena_alloc(&a, 3);
	q = arena_alloc(&a, 5);
	cr_assert_neq(p, q);
	cr_assert_eq((uintptr_t)q % _Alignof(max_align_t), 0);
	memset(p, 1, 3);
	memset(q, 2, 5);
	cr_assert_eq(p[2], 1);
	arena_release(&a);
}

Test(arena, big_blocks_and_many_small)
{
	struct arena a;

	arena_init(&a, 0);
	for (int i = 0; i < 10000; i++)
		cr_assert_not_null(arena_alloc(&a, 100));
	char *big = arena_alloc(&a, 1 << 20);

	cr_assert_not_null(big);
	memset(big, 0, 1 << 20);
	cr_assert_not_null(arena_alloc(&a, 8));
	arena_release(&a);
}

Test(arena, limit_refuses_and_reports)
{
	struct arena a;

	arena_init(&a, 1024);
	cr_assert_not_null(arena_alloc(&a, 512));
	cr_assert_null(arena_alloc(&a, 1024));
	cr_assert(arena_over_limit(&a));
	arena_release(&a);
}

Test(arena, printf_and_strdup)
{
	struct arena a;

	arena_init(&a, 0);
	cr_assert_str_eq(arena_printf(&a, "%s-%d", "x", 42), "x-42");
	cr_assert_str_eq(arena_strndup(&a, "hello", 3), "hel");
	cr_assert_null(arena_strdup(&a, NULL));
	arena_release(&a);
}

Test(buf, grows_and_detaches)
{
	struct buf b = BUF_INIT;
	char *s;
	size_t n;

	cr_assert_str_eq(b.buf, "");
	for (int i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i % 10);
	cr_assert_eq(b.len, 2000);
	buf_adds(&b, "end");
	s = buf_detach(&b, &n);
	cr_assert_eq(n, 2003);
	cr_assert_str_eq(s + 2000, "end");
	cr_assert_eq(b.len, 0);
	free(s);
	buf_release(&b);
}

Test(common, errors_and_severities)
{
	struct mt_error e = { 0 };
	enum mt_severity s;

	cr_assert_eq(mt_error(&e, MT_ERR_IO, "cannot open '%s'", "x"),
		     MT_ERR_IO);
	cr_assert_str_eq(e.msg, "cannot open 'x'");
	cr_assert_str_eq(mt_strerror(MT_ERR_BINARY), "binary input");
	cr_assert_eq(mt_severity_parse("warning", 0, &s), 0);
	cr_assert_eq(s, MT_SEV_WARNING);
	cr_assert_eq(mt_severity_parse("never", 0, &s), -1);
	cr_assert_eq(mt_severity_parse("never", 1, &s), 0);
	cr_assert_eq(s, MT_SEV_NONE);
	cr_assert_str_eq(mt_severity_name(MT_SEV_ERROR), "error");
}

Test(diag, add_suggest_sort_dedupe)
{
	struct arena a;
	struct diag_list l;
	struct diag *d;

	arena_init(&a, 0);
	diag_list_init(&l, &a);
	diag_add(&l, "b.rule", "style", MT_SEV_INFO, (struct span){ 10, 12 },
		 "second");
	d = diag_add(&l, "a.rule", "style", MT_SEV_ERROR,
		     (struct span){ 2, 5 }, "first %d", 1);
	diag_suggest(&l, d, "x");
	diag_suggest(&l, d, "y");
	diag_suggest(&l, d, "x"); /* duplicate ignored */
	diag_add(&l, "a.rule", "style", MT_SEV_ERROR, (struct span){ 2, 5 },
		 "first again");
	diag_list_dedupe(&l);
	cr_assert_eq(l.n, 2);
	cr_assert_str_eq(l.v[0].rule, "a.rule");
	cr_assert_eq(l.v[0].n_suggestions, 2);
	cr_assert_str_eq(l.v[0].suggestions[1], "y");
	cr_assert_eq(diag_list_count(&l, MT_SEV_WARNING), 1);
	cr_assert_eq(diag_list_count(&l, MT_SEV_INFO), 2);
	diag_list_release(&l);
	arena_release(&a);
}

/* Evidence quotes another file into logs and SARIF: a sentence of it,
 * never the whole file (a reference could be a secret). */
Test(diag, evidence_quotes_are_capped_at_a_character_boundary)
{
	struct arena a;
	struct diag_list l;
	struct buf text = BUF_INIT;
	struct evidence ev = { .path = "ref.txt", .line = 1, .score = -1 };
	struct diag *d;
	const char *q;

	for (int i = 0; i < 1000; i++)
		buf_adds(&text, "\xc3\xa9"); /* é: a cut must not split it */
	ev.text = "Peskov";
	ev.context = text.buf;
	arena_init(&a, 0);
	diag_list_init(&l, &a);
	d = diag_add(&l, "r", "c", MT_SEV_ERROR, (struct span){ 0, 1 }, "m");
	diag_set_evidence(&l, d, &ev);
	q = l.v[0].evidence->context;
	cr_expect_leq(strlen(q), MT_LIMIT_EVIDENCE);
	cr_expect(strlen(q) > 200, "%zu bytes kept", strlen(q));
	cr_expect_str_eq(q + strlen(q) - 3, "...");
	cr_expect_eq((strlen(q) - 3) % 2, 0, "cut inside a character");
	cr_expect_str_eq(l.v[0].evidence->text, "Peskov");
	diag_list_release(&l);
	arena_release(&a);
	buf_release(&text);
}

Test(diag, evidence_is_copied)
{
	struct arena a;
	struct diag_list l;
	char path[] = "ref.txt";
	struct evidence ev = { .path = path, .line = 3, .text = "Peskov",
			       .score = 0.9 };
	struct diag *d;

	arena_init(&a, 0);
	diag_list_init(&l, &a);
	d = diag_add(&l, "r", "c", MT_SEV_ERROR, (struct span){ 0, 1 }, "m");
	diag_set_evidence(&l, d, &ev);
	path[0] = 'X';
	cr_assert_str_eq(l.v[0].evidence->path, "ref.txt");
	cr_assert_eq(l.v[0].evidence->line, 3);
	diag_list_release(&l);
	arena_release(&a);
}

Test(buf, read_file_whole_limited_and_missing)
{
	struct buf b = BUF_INIT;
	FILE *f = fopen("/tmp/mtlint-buf-read.txt", "w");

	cr_assert_not_null(f);
	for (int i = 0; i < 20000; i++)
		fputs("0123456789", f);
	fclose(f);
	cr_assert_eq(buf_read_file(&b, "/tmp/mtlint-buf-read.txt", 0), 0);
	cr_assert_eq(b.len, 200000);
	cr_assert_eq(b.buf[199999], '9');
	buf_reset(&b);
	cr_assert_eq(buf_read_file(&b, "/tmp/mtlint-buf-read.txt", 1000), -2);
	buf_reset(&b);
	cr_assert_eq(buf_read_file(&b, "/nonexistent/x", 0), -1);
	cr_assert_eq(b.len, 0);
	remove("/tmp/mtlint-buf-read.txt");
	buf_release(&b);
}

Test(buf, read_file_refuses_directories_and_stops_devices_at_the_limit)
{
	struct buf b = BUF_INIT;

	errno = 0;
	cr_assert_eq(buf_read_file(&b, "/tmp", 1000), -1);
	cr_expect_eq(errno, EISDIR);
	/* /dev/zero never ends: the limit ends it, after limit + 1 bytes */
	cr_assert_eq(buf_read_file(&b, "/dev/zero", 100000), -2);
	cr_expect_eq(b.len, 100001);
	buf_release(&b);
}

static int collect(void *arg, char *line, size_t lineno)
{
	struct buf *b = arg;

	buf_addf(b, "%zu:%s|", lineno, line);
	return strcmp(line, "bad") == 0 ? -1 : 0;
}

Test(listfile, entries_trimmed_comments_and_blanks_skipped)
{
	static const char text[] = "# a comment\n  Kyiv \t\r\n\nKiev -> Kyiv\n"
				   "\tlast";
	char *path = write_temp(text, sizeof(text) - 1, ".txt");
	struct buf got = BUF_INIT;
	struct mt_error err = { 0 };

	cr_assert_eq(listfile_read(path, 1000, "word list", collect, &got,
				   &err),
		     MT_ERR_OK, "%s", err.msg);
	cr_expect_str_eq(got.buf, "2:Kyiv|4:Kiev -> Kyiv|5:last|");
	buf_release(&got);
	remove(path);
	free(path);
}

Test(listfile, bad_files_fail_with_the_reason_never_as_an_empty_list)
{
	static const char bad_utf8[] = "ok\nbad \xff byte\n";
	static const char nul[] = "ok\nnul\0byte\n";
	static const char rejected[] = "ok\nbad\nnever\n";
	char *p1 = write_temp(bad_utf8, sizeof(bad_utf8) - 1, ".txt");
	char *p2 = write_temp(nul, sizeof(nul) - 1, ".txt");
	char *p3 = write_temp(rejected, sizeof(rejected) - 1, ".txt");
	struct buf got = BUF_INIT;
	struct mt_error err = { 0 };

	cr_expect_eq(listfile_read("/dev/zero", 4096, "word list", collect,
				   &got, &err),
		     MT_ERR_TOO_LARGE);
	cr_expect(strstr(err.msg, "word list '/dev/zero' is too large"), "%s",
		  err.msg);
	cr_expect_eq(listfile_read("/tmp", 4096, "word list", collect, &got,
				   &err),
		     MT_ERR_IO);
	cr_expect(strstr(err.msg, "Is a directory"), "%s", err.msg);
	cr_expect_eq(listfile_read(p1, 4096, "word list", collect, &got, &err),
		     MT_ERR_ENCODING);
	cr_expect(strstr(err.msg, ":2: line is not valid UTF-8"), "%s",
		  err.msg);
	cr_expect_eq(listfile_read(p2, 4096, "word list", collect, &got, &err),
		     MT_ERR_ENCODING);
	cr_expect(strstr(err.msg, ":2: "), "%s", err.msg);
	buf_reset(&got);
	cr_expect_eq(listfile_read(p3, 4096, "word list", collect, &got, &err),
		     MT_ERR_IO);
	cr_expect(strstr(err.msg, ":2: invalid line"), "%s", err.msg);
	cr_expect_str_eq(got.buf, "1:ok|2:bad|");
	buf_release(&got);
	remove(p1);
	remove(p2);
	remove(p3);
	free(p1);
	free(p2);
	free(p3);
}

/* gencache: bounded by bytes, the entries in use kept, the others dropped
 * a generation later, and what comes back is what went in. */
Test(gencache, eviction_by_bytes_keeps_what_is_used)
{
	enum { BUDGET = 64 * 1024 };
	struct gencache c;
	char key[32], val[200];
	size_t len, max_bytes = 0;
	const char *v;

	gencache_init(&c, BUDGET);
	cr_expect_null(gencache_get(&c, "absent", 6, &len));
	for (int i = 0; i < 5000; i++) {
		int n = snprintf(key, sizeof(key), "sentence %d", i);

		/* a value of its own per key, of varying size */
		memset(val, 'a' + i % 26, sizeof(val));
		cr_assert_not_null(
			gencache_put(&c, key, (size_t)n, val, 50 + i % 150));
		/* "the open document": asked for all along */
		if (i >= 7)
			cr_assert_not_null(
				gencache_get(&c, "sentence 7", 10, &len),
				"the entry in use was dropped at %d", i);
		if (gencache_bytes(&c) > max_bytes)
			max_bytes = gencache_bytes(&c);
	}
	cr_expect_leq(max_bytes, (size_t)BUDGET,
		      "the cache grew to %zu bytes (budget %d)", max_bytes,
		      BUDGET);
	cr_expect_gt(c.turns, 10, "only %llu turns",
		     (unsigned long long)c.turns);
	cr_expect_lt(gencache_count(&c), 2000, "%zu entries held",
		     gencache_count(&c));
	/* the oldest entries are gone, the last ones there, intact */
	cr_expect_null(gencache_get(&c, "sentence 0", 10, &len));
	v = gencache_get(&c, "sentence 4999", 13, &len);
	cr_assert_not_null(v);
	cr_expect_eq(len, 50 + 4999 % 150);
	for (size_t i = 0; i < len; i++)
		cr_assert_eq(v[i], 'a' + 4999 % 26, "byte %zu changed", i);
	v = gencache_get(&c, "sentence 7", 10, &len);
	cr_assert_not_null(v);
	cr_expect_eq(len, 50 + 7);
	cr_expect_eq(v[0], 'a' + 7);

	/* a value replaced; too big an entry refused, nothing dropped */
	cr_assert_not_null(gencache_put(&c, "sentence 7", 10, "xyz", 3));
	v = gencache_get(&c, "sentence 7", 10, &len);
	cr_expect(len == 3 && memcmp(v, "xyz", 3) == 0);
	cr_expect_null(gencache_put(&c, "big", 3, val, BUDGET));
	cr_expect_not_null(gencache_get(&c, "sentence 7", 10, &len));

	gencache_clear(&c);
	cr_expect_eq(gencache_count(&c), 0);
	cr_expect_eq(gencache_bytes(&c), 0);
	cr_expect_null(gencache_get(&c, "sentence 7", 10, &len));
	/* cleared again while empty (nothing to do), then used */
	gencache_clear(&c);
	cr_assert_not_null(gencache_put(&c, "again", 5, "v", 1));
	cr_expect_not_null(gencache_get(&c, "again", 5, &len));
	cr_expect_eq(gencache_count(&c), 1);
	gencache_release(&c);
}

/* Keys hashed by the caller: found by their bytes whatever the hash, even
 * when every key has the same one (all collide) or only one bit differs. */
Test(strtab, keys_hashed_by_the_caller_found_by_their_bytes)
{
	for (int same = 0; same < 2; same++) {
		struct strtab t = STRTAB_INIT;
		struct arena a;
		char key[16];
		int is_new;

		arena_init(&a, 0);
		for (uint32_t i = 0; i < 200; i++) {
			uint32_t h = same ? 7 : i * 2654435761u;

			snprintf(key, sizeof(key), "k%u", i);
			cr_assert_eq(strtab_find_hashed(&t, key, strlen(key), h),
				     STRTAB_NONE);
			cr_assert_eq(strtab_intern_hashed(&t, &a, key,
							  strlen(key), h,
							  &is_new),
				     i);
			cr_assert(is_new);
		}
		for (uint32_t i = 0; i < 200; i++) {
			uint32_t h = same ? 7 : i * 2654435761u, len;

			snprintf(key, sizeof(key), "k%u", i);
			cr_assert_eq(strtab_find_hashed(&t, key, strlen(key), h),
				     i, "key %u (same hash: %d)", i, same);
			cr_assert_eq(strtab_intern_hashed(&t, &a, key,
							  strlen(key), h,
							  &is_new),
				     i);
			cr_assert(!is_new);
			/* the table holds a copy */
			cr_assert_str_eq(strtab_str(&t, i, &len), key);
		}
		cr_assert_eq(strtab_count(&t), 200);
		strtab_release(&t);
		arena_release(&a);
	}
}

Test(strtab, clear_forgets_the_keys_and_keeps_the_arrays)
{
	struct strtab t = STRTAB_INIT;
	struct arena a;
	char key[16];
	size_t bytes;
	int is_new;

	arena_init(&a, 0);
	for (int i = 0; i < 100; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		cr_assert_eq(strtab_intern_copy(&t, &a, key, strlen(key),
						&is_new),
			     (uint32_t)i);
	}
	bytes = strtab_bytes(&t);
	strtab_clear(&t);
	cr_assert_eq(strtab_count(&t), 0);
	cr_assert_eq(strtab_find(&t, "k5", 2), STRTAB_NONE);
	cr_assert_eq(strtab_bytes(&t), bytes);
	/* ids start again at 0, in the new order, and nothing grows */
	for (int i = 99; i >= 0; i--) {
		snprintf(key, sizeof(key), "k%d", i);
		cr_assert_eq(strtab_intern_copy(&t, &a, key, strlen(key),
						&is_new),
			     (uint32_t)(99 - i));
		cr_assert(is_new);
	}
	cr_assert_eq(strtab_find(&t, "k99", 3), 0);
	cr_assert_eq(strtab_bytes(&t), bytes);
	strtab_clear(&t);
	strtab_release(&t);
	arena_release(&a);
	/* clearing an empty table does nothing */
	strtab_clear(&t);
	cr_assert_eq(strtab_count(&t), 0);
}

Test(hash, fnv1a_and_the_block_digest_have_fixed_values)
{
	const char *s = "The quick brown fox jumps over the lazy dog.";
	size_t n = strlen(s);
	char t[64];
	uint64_t h = hash_block(HASH_INIT, s, n);

	/* FNV-1a's published value for "a"; both are the same on every
	 * machine (the block digest reads its words little-endian) */
	cr_expect_eq(hash_bytes(HASH_INIT, "a", 1),
		     UINT64_C(0xaf63dc4c8601ec8c));
	cr_expect_eq(h, UINT64_C(0x81d01d60feb56a19), "%016llx",
		     (unsigned long long)h);
	cr_expect_eq(hash_block(HASH_INIT, "abc", 3),
		     hash_bytes(HASH_INIT, "abc", 3),
		     "under eight bytes: byte by byte");
	/* every byte counts, in a word or in the tail */
	for (size_t i = 0; i < n; i++) {
		memcpy(t, s, n);
		t[i] ^= 1;
		cr_expect_neq(hash_block(HASH_INIT, t, n), h, "byte %zu", i);
	}
	cr_expect_neq(hash_block(HASH_INIT, s, n - 1), h);
}

/* A file at dir/name, last modified `days` ago. */
static char *cache_file(const char *dir, const char *name, int days)
{
	char *p = path_in(dir, name);
	struct timespec t[2];
	FILE *f = fopen(p, "w");

	cr_assert(f, "cannot write %s", p);
	fputs("x", f);
	fclose(f);
	t[0].tv_sec = t[1].tv_sec = time(NULL) - (time_t)days * 86400;
	t[0].tv_nsec = t[1].tv_nsec = 0;
	cr_assert(utimensat(AT_FDCWD, p, t, 0) == 0);
	return p;
}

static time_t age_days(const char *path)
{
	struct stat st;

	cr_assert(stat(path, &st) == 0, "%s is gone", path);
	return (time(NULL) - st.st_mtime) / 86400;
}

Test(cache, files_unused_for_a_month_go_when_a_new_one_is_made)
{
	char *dir = tmpdir();
	char *now = cache_file(dir, "en_US-new.sugidx", 0);
	char *old = cache_file(dir, "en_US-old.sugidx", 45);
	char *used = cache_file(dir, "en_US-other.sugidx", 3);
	char *other = cache_file(dir, "en_GB-old.sugidx", 45);
	char *log = cache_file(dir, "en_US-old.log", 45);

	mt_cache_prune(dir, "en_US-", ".sugidx", now);
	cr_expect(access(old, F_OK) != 0, "a month unused: removed");
	cr_expect(access(used, F_OK) == 0, "another set-up's, in use: kept");
	cr_expect(access(now, F_OK) == 0, "the new one: kept");
	cr_expect(access(other, F_OK) == 0, "another dictionary's: kept");
	cr_expect(access(log, F_OK) == 0, "another kind of file: kept");
	free(now);
	free(old);
	free(used);
	free(other);
	free(log);
	rmdir_all(dir);
}

Test(cache, a_file_in_use_is_marked_once_a_day)
{
	char *dir = tmpdir();
	char *a = cache_file(dir, "a.sugidx", 40);
	char *b = cache_file(dir, "b.sugidx", 0);
	struct stat before, after;

	mt_cache_used(a);
	cr_expect(age_days(a) == 0, "used now: not pruned for a month");
	cr_assert(stat(b, &before) == 0);
	mt_cache_used(b);
	cr_assert(stat(b, &after) == 0);
	cr_expect(before.st_mtime == after.st_mtime,
		  "marked today already: not written again");
	mt_cache_used("/nonexistent/no/such.sugidx"); /* ignored */
	free(a);
	free(b);
	rmdir_all(dir);
}
