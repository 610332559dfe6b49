/*
 * parsestore: parse results shared between processes through a log file.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grammar/parsestore.h"
#include "helpers.h"

static int has(struct parse_store *s, const char *text, const char *want)
{
	size_t n;
	const char *v = parse_store_get(s, text, strlen(text), &n);

	return v && n == strlen(want) && memcmp(v, want, n) == 0;
}

Test(parsestore, results_written_by_one_store_are_read_by_the_next)
{
	char *dir = tmpdir(), *path = path_in(dir, "p.log");
	struct parse_store *a = parse_store_open_file(path);
	struct parse_store *b = parse_store_open_file(path);
	struct parse_store *c;

	cr_expect(!has(a, "It rains.", "x"), "empty at first");
	parse_store_put(a, "It rains.", 9, "AAAA", 4);
	parse_store_put(b, "It snows.", 9, "BB", 2);
	parse_store_put(b, "It rains.", 9, "AAAA", 4); /* twice: harmless */
	cr_expect(!has(a, "It rains.", "AAAA"), "written when closed");
	parse_store_close(a);
	parse_store_close(b); /* two writers, one file */
	c = parse_store_open_file(path);
	cr_expect(has(c, "It rains.", "AAAA"));
	cr_expect(has(c, "It snows.", "BB"));
	cr_expect(!has(c, "It rains", "AAAA"), "the whole text is the key");
	parse_store_close(c);
	free(path);
	rmdir_all(dir);
}

Test(parsestore, a_text_logged_twice_is_answered_by_its_last_record)
{
	char *dir = tmpdir(), *path = path_in(dir, "p.log");
	struct parse_store *a = parse_store_open_file(path);
	struct parse_store *b;

	parse_store_put(a, "It rains.", 9, "short", 5);
	parse_store_close(a);
	a = parse_store_open_file(path);
	cr_expect(has(a, "It rains.", "short"));
	/* the first answer did not do: parsed again, the fuller one logged */
	parse_store_put(a, "It rains.", 9, "fuller", 6);
	parse_store_close(a);
	b = parse_store_open_file(path);
	cr_expect(has(b, "It rains.", "fuller"),
		  "the last record of a text is its answer");
	parse_store_close(b);
	free(path);
	rmdir_all(dir);
}

Test(parsestore, a_damaged_record_ends_what_is_read)
{
	char *dir = tmpdir(), *path = path_in(dir, "p.log");
	struct parse_store *s = parse_store_open_file(path);
	size_t len;
	char *log;
	FILE *f;

	parse_store_put(s, "one", 3, "1", 1);
	parse_store_put(s, "two", 3, "2", 1);
	parse_store_close(s);
	cr_assert(log = read_file(path, &len));
	/* a byte of the second record's value changed: its digest fails */
	log[len - 1] ^= 1;
	f = fopen(path, "wb");
	cr_assert(f);
	fwrite(log, 1, len, f);
	fwrite("PSR1\1\0", 1, 6, f); /* and a record cut short */
	fclose(f);
	s = parse_store_open_file(path);
	cr_expect(has(s, "one", "1"));
	cr_expect(!has(s, "two", "2"));
	cr_expect(!has(s, "two", "3"));
	/* what is added after the damage is written, but not read back:
	 * the log is a cache */
	parse_store_put(s, "three", 5, "3", 1);
	parse_store_close(s);
	s = parse_store_open_file(path);
	cr_expect(has(s, "one", "1"));
	cr_expect(!has(s, "three", "3"));
	parse_store_close(s);
	free(log);
	free(path);
	rmdir_all(dir);
}

Test(parsestore, a_full_log_is_started_again)
{
	char *dir = tmpdir(), *path = path_in(dir, "p.log");
	struct parse_store *s;
	struct stat st;

	s = parse_store_open_file(path);
	parse_store_put(s, "one", 3, "1", 1);
	parse_store_close(s);
	cr_assert_eq(truncate(path, (off_t)PARSE_STORE_MAX_BYTES + 1), 0);
	s = parse_store_open_file(path);
	cr_expect(!has(s, "one", "1"));
	cr_expect_neq(stat(path, &st), 0, "removed");
	parse_store_put(s, "two", 3, "2", 1);
	parse_store_close(s);
	s = parse_store_open_file(path);
	cr_expect(has(s, "two", "2"));
	parse_store_close(s);
	free(path);
	rmdir_all(dir);
}

Test(parsestore, no_cache_directory_no_store)
{
	unsetenv("MTLINT_CACHE_DIR");
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	cr_expect_null(parse_store_open("key"));
	parse_store_close(NULL);
}
