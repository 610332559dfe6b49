/*
 * batch and walk: parallel jobs in input order; directories and globs.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/batch.h"
#include "run/walk.h"
#include "helpers.h"

struct order {
	size_t seen[64], n;
	int value[64];
};

static void work(void *ctx, size_t w, size_t job)
{
	struct order *o = ctx;

	(void)w;
	if (job % 3 == 0)
		usleep(2000); /* finish out of order */
	o->value[job] = (int)job * 2;
}

static void done(void *ctx, size_t job)
{
	struct order *o = ctx;

	cr_assert_eq(o->value[job], (int)job * 2, "done before work");
	o->seen[o->n++] = job;
}

Test(batch, results_in_job_order)
{
	for (size_t workers = 1; workers <= 4; workers++) {
		struct order o = { 0 };

		batch_run(40, workers, work, done, &o);
		cr_assert_eq(o.n, 40);
		for (size_t i = 0; i < 40; i++)
			cr_assert_eq(o.seen[i], i);
	}
	cr_assert(batch_cpus() >= 1);
}

/* -j 1024 opened 1024 checkers (some 65 MB each) and ran out of memory */
Test(batch, workers_are_at_most_the_processors)
{
	size_t cpus = batch_cpus();

	cr_expect_eq(batch_workers(0), cpus < 256 ? cpus : 256);
	cr_expect_eq(batch_workers(1), 1);
	cr_expect_eq(batch_workers(1024), batch_workers(0));
	cr_expect_leq(batch_workers(1024), cpus);
}

static int ignore_b(void *arg, const char *path, int is_dir)
{
	(void)arg;
	(void)is_dir;
	return strstr(path, "/skip") != NULL;
}

Test(walk, directories_globs_and_ignores)
{
	char dir[] = "/tmp/mtlint-walk-XXXXXX", cmd[512];
	struct walk_list l = { 0 };
	struct mt_error err = { 0 };

	cr_assert(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && mkdir -p a/b skip .hidden && touch z.txt a/y.md "
		 "a/b/x.txt a/b/w.bin skip/v.txt .hidden/u.txt a/.t.txt",
		 dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(walk_input(dir, ignore_b, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 3);
	cr_assert(strstr(l.v[0], "/a/b/x.txt"), "%s", l.v[0]);
	cr_assert(strstr(l.v[1], "/a/y.md"));
	cr_assert(strstr(l.v[2], "/z.txt"));
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/a/**/*.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 1);
	cr_assert(strstr(l.v[0], "/a/b/x.txt"));
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/a/b/*", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 2, "an explicit glob takes any file");
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/nothing/*.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_IO);
	cr_assert(strstr(err.msg, "no files match"));
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(walk, symlink_loops_end_and_each_directory_is_walked_once)
{
	char dir[] = "/tmp/mtlint-walk-XXXXXX", cmd[1024];
	struct walk_list l = { 0 };
	struct mt_error err = { 0 };

	cr_assert(mkdtemp(dir));
	/* two links to "." made the walk exponential; a link to the parent
	 * made it fail ("nested too deeply") without checking anything */
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && mkdir -p sub && touch a.txt sub/b.txt && "
		 "ln -s . l1 && ln -s . l2 && ln -s .. sub/up && "
		 "ln -s sub twin",
		 dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(walk_input(dir, NULL, NULL, &l, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_assert_eq(l.n, 2, "%zu files", l.n);
	cr_expect(strstr(l.v[0], "/a.txt"), "%s", l.v[0]);
	cr_expect(strstr(l.v[1], "/sub/b.txt"), "%s", l.v[1]);
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/**/*.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK, "%s",
		     err.msg);
	cr_expect_eq(l.n, 2, "%zu files", l.n);
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(walk, globs_and_directories_skip_pipes_and_devices)
{
	char dir[] = "/tmp/mtlint-walk-XXXXXX", cmd[1024];
	struct walk_list l = { 0 };
	struct mt_error err = { 0 };

	cr_assert(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "cd '%s' && touch a.txt && mkfifo pipe.txt && "
		 "ln -s /dev/zero zero.txt",
		 dir);
	cr_assert_eq(system(cmd), 0);
	cr_assert_eq(walk_input(dir, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_expect_eq(l.n, 1, "%zu files", l.n);
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "%s/*.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_assert_eq(l.n, 1, "%zu files", l.n);
	cr_expect(strstr(l.v[0], "/a.txt"), "%s", l.v[0]);
	walk_list_release(&l);
	/* named on the command line, a pipe is the user's choice */
	snprintf(cmd, sizeof(cmd), "%s/pipe.txt", dir);
	cr_assert_eq(walk_input(cmd, NULL, NULL, &l, &err), MT_ERR_OK);
	cr_expect_eq(l.n, 1);
	walk_list_release(&l);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}
