/*
 * paths: data directory lookup (see paths.h).
 */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef MT_DATADIR
#define MT_DATADIR "/usr/local/share/mtlint"
#endif

int mt_path_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
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
