/*
 * paths: where mtlint finds its data (rules/ and dictionaries/).
 *
 * In order: $MTLINT_DATA_DIR; <exe>/../share/mtlint (an installed tree);
 * <exe>/.. when it holds rules/ (running from the build tree); the
 * directory compiled in as MT_DATADIR.  The result is a static string,
 * valid for the life of the process.
 */
#ifndef MT_PATHS_H
#define MT_PATHS_H

const char *mt_data_dir(void);

/* Does path exist (any type)? */
int mt_path_exists(const char *path);

#endif /* MT_PATHS_H */
