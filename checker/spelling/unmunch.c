/*
 * unmunch: a dictionary's word forms through Hunspell's unmunch (see
 * unmunch.h).
 */
#include "spelling/unmunch.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/xalloc.h"

extern char **environ;

/* How the .aff file writes flags, and its NOSUGGEST flag. */
struct affinfo {
	enum { FLAG_CHAR, FLAG_LONG, FLAG_NUM } type;
	char nosuggest[16]; /* "" when none */
};

static void read_aff(const char *path, struct affinfo *ai)
{
	FILE *f = fopen(path, "r");
	char line[512];

	memset(ai, 0, sizeof(*ai));
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char a[64], b[16];

		if (sscanf(line, "%63s %15s", a, b) != 2)
			continue;
		if (strcmp(a, "FLAG") == 0)
			ai->type = strcmp(b, "long") == 0  ? FLAG_LONG
				   : strcmp(b, "num") == 0 ? FLAG_NUM
							   : FLAG_CHAR;
		else if (strcmp(a, "NOSUGGEST") == 0)
			snprintf(ai->nosuggest, sizeof(ai->nosuggest), "%s", b);
	}
	fclose(f);
}

/* Does the flag field (after '/', up to whitespace) hold NOSUGGEST? */
static int no_suggest(const char *flags, size_t n, const struct affinfo *ai)
{
	size_t fl = strlen(ai->nosuggest);

	if (!fl)
		return 0;
	switch (ai->type) {
	case FLAG_LONG:
		for (size_t i = 0; i + 1 < n; i += 2)
			if (fl == 2 && memcmp(flags + i, ai->nosuggest, 2) == 0)
				return 1;
		return 0;
	case FLAG_NUM:
		for (size_t i = 0; i < n;) {
			size_t e = i;

			while (e < n && flags[e] != ',')
				e++;
			if (e - i == fl && memcmp(flags + i, ai->nosuggest, fl) == 0)
				return 1;
			i = e + 1;
		}
		return 0;
	default: /* one character (one UTF-8 sequence) a flag */
		return memmem(flags, n, ai->nosuggest, fl) != NULL;
	}
}

/* Split a .dic line into the word and its flags (a "\/" is a slash of
 * the word); the word is NUL-terminated in place. */
static void split_entry(char *line, char **flags, size_t *n_flags)
{
	char *o = line, *i = line;

	*flags = NULL;
	*n_flags = 0;
	for (; *i && *i != '\t' && *i != ' ' && *i != '\n' && *i != '\r';
	     i++) {
		if (*i == '\\' && i[1] == '/') {
			*o++ = '/';
			i++;
			continue;
		}
		if (*i == '/') {
			char *f = i + 1;

			*o = '\0';
			*flags = f;
			while (*f && *f != '\t' && *f != ' ' && *f != '\n' &&
			       *f != '\r')
				f++;
			*n_flags = (size_t)(f - *flags);
			return;
		}
		*o++ = *i;
	}
	*o = '\0';
}

int unmunch_available(void)
{
	const char *path = getenv("PATH");
	char buf[4096];

	while (path && *path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);

		snprintf(buf, sizeof(buf), "%.*s/unmunch", (int)n, path);
		if (n && access(buf, X_OK) == 0)
			return 1;
		path = colon ? colon + 1 : NULL;
	}
	return 0;
}

/*
 * Write the .dic's entries without NOSUGGEST ones (and without their
 * morphological fields) to a new temporary file in tmpdir (its first
 * line: their count); give the stems to fn when
 * `stems`.  Returns the file's path (free()), or NULL when the .dic cannot
 * be read or the copy cannot be written (*read_ok says which).
 */
static char *filter_dic(const char *dic, const struct affinfo *ai,
			const char *tmpdir, int stems,
			void (*fn)(void *arg, const char *word), void *arg,
			int *read_ok)
{
	FILE *in = fopen(dic, "r"), *out = NULL;
	struct buf keep = BUF_INIT;
	char *line = NULL, *path = NULL, *copy;
	size_t cap = 0, n = 0, lineno = 0;
	int fd;

	*read_ok = in != NULL;
	if (!in)
		return NULL;
	while (getline(&line, &cap, in) >= 0) {
		char *flags;
		size_t nf;

		if (lineno++ == 0)
			continue; /* the approximate count */
		copy = xstrdup(line);
		split_entry(copy, &flags, &nf);
		if (*copy && !(flags && no_suggest(flags, nf, ai))) {
			/* without what follows a tab (morphological fields,
			 * or comments: "carpe<TAB>Latin: carpe diem"), which
			 * unmunch would take for part of the word */
			buf_add(&keep, line, strcspn(line, "\t\r\n"));
			buf_addc(&keep, '\n');
			n++;
			if (stems)
				fn(arg, copy);
		}
		free(copy);
	}
	free(line);
	fclose(in);
	if (!stems && tmpdir) {
		path = xmalloc(strlen(tmpdir) + 32);
		snprintf(path, strlen(tmpdir) + 32, "%s/dic.XXXXXX", tmpdir);
		fd = mkstemp(path);
		out = fd >= 0 ? fdopen(fd, "w") : NULL;
		if (!out || fprintf(out, "%zu\n", n) < 0 ||
		    fwrite(keep.buf, 1, keep.len, out) != keep.len) {
			if (out)
				fclose(out);
			else if (fd >= 0)
				close(fd);
			if (fd >= 0)
				unlink(path);
			free(path);
			path = NULL;
		} else if (fclose(out) != 0) {
			unlink(path);
			free(path);
			path = NULL;
		}
	}
	buf_release(&keep);
	return path;
}

/* Run `unmunch dic aff`, each line of its output to fn; 0, or -1 when it
 * could not be run or failed. */
static int run(const char *dic, const char *aff,
	       void (*fn)(void *arg, const char *word), void *arg)
{
	posix_spawn_file_actions_t fa;
	char *argv[] = { "unmunch", (char *)dic, (char *)aff, NULL };
	int fds[2], status = 0, rc;
	pid_t pid;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, "unmunch", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return -1;
	}
	f = fdopen(fds[0], "r");
	while (f && (len = getline(&line, &cap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len > 0)
			fn(arg, line);
	}
	free(line);
	if (f)
		fclose(f);
	else
		close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int unmunch_each(const char *aff, const char *dic, const char *tmpdir,
		 void (*fn)(void *arg, const char *word), void *arg)
{
	struct affinfo ai;
	char *tmp = NULL;
	int ok, rc = -1;

	read_aff(aff, &ai);
	if (unmunch_available() && tmpdir) {
		tmp = filter_dic(dic, &ai, tmpdir, 0, fn, arg, &ok);
		if (!ok)
			return -1;
		if (tmp) {
			rc = run(tmp, aff, fn, arg);
			unlink(tmp);
			free(tmp);
		}
		if (rc == 0)
			return 1;
		/* a failed run may have given some forms: the stems below
		 * repeat some of them, which the index ignores */
	}
	filter_dic(dic, &ai, NULL, 1, fn, arg, &ok);
	return ok ? 0 : -1;
}
