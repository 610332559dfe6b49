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
