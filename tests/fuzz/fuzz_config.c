/*
 * fuzz_config: libFuzzer target for `.mtlint.yml` on arbitrary bytes.
 *
 * Reaches: config_parse (libyaml's loader, every key's value checks, the
 * collection of every error with its quoted source line and caret, the
 * character-to-byte mapping of libyaml's marks, UTF-8, UTF-16 and BOMs),
 * yamlfile_errors_format, and with a configuration that parsed: the glob
 * matcher (wildmatch, through config_ignored for files and
 * directories) and reference mapping (config_reference, wildcard captures
 * copied into the target pattern) on a few fixed paths, deep and shallow.
 * Seeds: fixtures/ (the config fixtures under fixtures/gate/config/).
 * Dictionary: fuzz_config.dict (the keys, values and YAML syntax).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "run/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const paths[] = {
	"proj/articles/a.txt",
	"proj/articles/2016/12/news.md",
	"proj/drafts/x.bak.txt",
	("proj/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/"
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.txt"),
	"/elsewhere/file.txt",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg = NULL;
	struct yamlfile_errors errs = { 0 };
	struct mt_error err = { 0 };
	char *msg;

	if (config_parse("proj/.mtlint.yml", (const char *)data, size, &cfg,
			 &errs, &err) != MT_ERR_OK) {
		if (err.code != MT_ERR_CONFIG || !errs.n || cfg)
			abort();
		msg = yamlfile_errors_format(&errs);
		if (!msg || !*msg)
			abort();
		free(msg);
		yamlfile_errors_release(&errs);
		return 0;
	}
	if (errs.n)
		abort();
	for (size_t i = 0; i < sizeof(paths) / sizeof(*paths); i++) {
		char *ref = config_reference(cfg, paths[i]);

		(void)config_ignored(cfg, paths[i], 0);
		(void)config_ignored(cfg, paths[i], 1);
		free(ref);
	}
	config_free(cfg);
	return 0;
}
