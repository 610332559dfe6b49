/*
 * paths: data directory lookup (see paths.h).
 */
#include "util/paths.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/hash.h"
#include "util/xalloc.h"

#ifndef MT_DATADIR
#define MT_DATADIR "/usr/local/share/mtlint"
#endif

int mt_path_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

int mt_lang_valid(const char *lang)
{
	const char *c = lang;
	size_t n = 0;

	/* the language: two or three letters */
	while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))
		c++, n++;
	if (n < 2 || n > 3)
		return 0;
	/* then region or variant parts: "_US", "-GB" */
	while (*c == '_' || *c == '-') {
		const char *start = ++c;

		while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		       (*c >= '0' && *c <= '9'))
			c++;
		if (c - start < 2 || c - start > 8)
			return 0;
	}
	return !*c && c - lang <= 16;
}

/* mkdir that accepts an existing directory. */
static int make_dir(const char *path)
{
	struct stat st;

	if (mkdir(path, 0755) == 0)
		return 0;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

int mt_cache_dir(char *out, size_t cap)
{
	const char *env = getenv("MTLINT_CACHE_DIR");
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	int n;

	if (env && env[0] == '/') {
		n = snprintf(out, cap, "%s", env);
	} else if (xdg && xdg[0] == '/') {
		if (make_dir(xdg) != 0)
			return -1;
		n = snprintf(out, cap, "%s/mtlint", xdg);
	} else if (home && home[0] == '/') {
		char parent[PATH_MAX];

		snprintf(parent, sizeof(parent), "%s/.cache", home);
		if (make_dir(parent) != 0)
			return -1;
		n = snprintf(out, cap, "%s/.cache/mtlint", home);
	} else {
		return -1;
	}
	if (n < 0 || (size_t)n >= cap || make_dir(out) != 0 ||
	    access(out, W_OK) != 0)
		return -1;
	return 0;
}

void mt_cache_used(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0 && st.st_mtime < time(NULL) - 86400)
		(void)utimensat(AT_FDCWD, path, NULL, 0);
}

void mt_cache_prune(const char *dir, const char *prefix, const char *suffix,
		    const char *keep)
{
	const char *base = strrchr(keep, '/');
	size_t np = strlen(prefix), ns = strlen(suffix);
	time_t old = time(NULL) - (time_t)MT_CACHE_MAX_AGE_DAYS * 86400;
	DIR *d = opendir(dir);
	struct dirent *e;

	base = base ? base + 1 : keep;
	while (d && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char path[PATH_MAX];
		struct stat st;

		if (n < np + ns || strncmp(e->d_name, prefix, np) != 0 ||
		    strcmp(e->d_name + n - ns, suffix) != 0 ||
		    strcmp(e->d_name, base) == 0 ||
		    snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >=
			    (int)sizeof(path))
			continue;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_mtime < old)
			(void)unlink(path);
	}
	if (d)
		closedir(d);
}

/* While the loaded objects are visited: the one holding `addr`, and the
 * digest of its build ID once found. */
struct build_id {
	uintptr_t addr;
	uint64_t digest;
	int found;
};

/* The GNU build ID note among the notes of segment ph, hashed. */
static int note_build_id(const struct dl_phdr_info *info, const ElfW(Phdr) * ph,
			 struct build_id *b)
{
	const unsigned char *p = (const unsigned char *)(info->dlpi_addr +
							 ph->p_vaddr);
	const unsigned char *end = p + ph->p_filesz;

	while ((size_t)(end - p) >= sizeof(ElfW(Nhdr))) {
		const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)(const void *)p;
		size_t name = (nh->n_namesz + 3) & ~(size_t)3;
		size_t desc = (nh->n_descsz + 3) & ~(size_t)3;
		const unsigned char *d = p + sizeof(*nh) + name;

		if ((size_t)(end - p) < sizeof(*nh) + name + desc)
			break;
		if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
		    memcmp(p + sizeof(*nh), "GNU", 4) == 0 && nh->n_descsz) {
			b->digest = hash_bytes(HASH_INIT, d, nh->n_descsz);
			return 1;
		}
		p = d + desc;
	}
	return 0;
}

static int visit_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct build_id *b = arg;
	int mine = 0;

	(void)size;
	for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t start = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type == PT_LOAD && b->addr >= start &&
		    b->addr - start < ph->p_memsz)
			mine = 1;
	}
	if (!mine)
		return 0;
	for (ElfW(Half) i = 0; i < info->dlpi_phnum && !b->found; i++)
		if (info->dlpi_phdr[i].p_type == PT_NOTE)
			b->found = note_build_id(info, &info->dlpi_phdr[i], b);
	return 1;
}

int mt_build_digest(uint64_t *out)
{
	/* an address inside this object */
	static const char here;
	struct build_id b = { (uintptr_t)&here, 0, 0 };

	dl_iterate_phdr(visit_object, &b);
	*out = b.digest;
	return b.found ? 0 : -1;
}

static char data_dir[PATH_MAX];

static int try_dir(const char *dir, const char *sub)
{
	char probe[PATH_MAX];

	if (snprintf(probe, sizeof(probe), "%s/%s", dir, sub) >=
	    (int)sizeof(probe))
		return 0;
	if (!mt_path_exists(probe))
		return 0;
	snprintf(data_dir, sizeof(data_dir), "%s", dir);
	return 1;
}

const char *mt_data_dir(void)
{
	const char *env = getenv("MTLINT_DATA_DIR");
	char exe[PATH_MAX], cand[PATH_MAX];
	ssize_t n;

	if (data_dir[0])
		return data_dir;
	if (env && *env) {
		snprintf(data_dir, sizeof(data_dir), "%s", env);
		return data_dir;
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		/* installed tree, build tree, nested build (build/sanitize) */
		static const char *const ups[] = { "/../share/mtlint", "/..",
						   "/../.." };
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		for (size_t i = 0; slash && i < sizeof(ups) / sizeof(*ups);
		     i++) {
			if (strlen(exe) + strlen(ups[i]) >= sizeof(cand))
				break;
			strcpy(cand, exe);
			strcat(cand, ups[i]);
			if (try_dir(cand, "rules") ||
			    try_dir(cand, "dictionaries"))
				return data_dir;
		}
	}
	snprintf(data_dir, sizeof(data_dir), "%s", MT_DATADIR);
	return data_dir;
}

/*
 * `path` relative to the config's directory, in a new string, or NULL when
 * it lies outside.  Both are made absolute lexically (no symlinks: the
 * file may not exist yet), with "." and ".." resolved.
 */
char *mt_path_absolute(const char *path)
{
	struct buf b = BUF_INIT;
	char cwd[PATH_MAX];
	char *out, *w;
	const char *p;

	if (path[0] != '/') {
		if (!getcwd(cwd, sizeof(cwd)))
			return NULL;
		buf_adds(&b, cwd);
		buf_addc(&b, '/');
	}
	buf_adds(&b, path);
	/* normalise in place: collapse //, /./ and /x/../ */
	out = w = xmalloc(b.len + 2);
	for (p = b.buf; *p;) {
		const char *e = p;
		size_t n;

		while (*p == '/')
			p++;
		e = p;
		while (*e && *e != '/')
			e++;
		n = (size_t)(e - p);
		if (n == 0)
			break;
		if (n == 1 && p[0] == '.') {
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (w > out && *--w != '/')
				;
		} else {
			*w++ = '/';
			memcpy(w, p, n);
			w += n;
		}
		p = e;
	}
	if (w == out)
		*w++ = '/';
	*w = '\0';
	buf_release(&b);
	return out;
}

char *mt_path_relative(const char *dir, const char *path)
{
	char *ad = mt_path_absolute(dir), *ap = mt_path_absolute(path), *r = NULL;
	size_t n;

	if (!ad || !ap)
		goto out;
	n = strlen(ad);
	if (!strcmp(ad, "/"))
		r = xstrdup(ap + 1);
	else if (!strncmp(ap, ad, n) && ap[n] == '/')
		r = xstrdup(ap + n + 1);
out:
	free(ad);
	free(ap);
	return r;
}

int mt_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	char *pa, *pb;
	int same;

	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	pa = mt_path_absolute(a);
	pb = mt_path_absolute(b);
	same = pa && pb && !strcmp(pa, pb);
	free(pa);
	free(pb);
	return same;
}

char *mt_path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}
