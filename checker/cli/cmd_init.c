/*
 * cmd_init: `mtlint init [DIR]` writes a commented starter .mtlint.yml in
 * DIR (default: the working directory), never over an existing one.  The
 * starter parses as it is (tests/test_cli.c checks); every key but
 * fail-on is commented out, with what it does.
 */
#include "cli/commands.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "run/config.h"
#include "util/buf.h"

static const char starter[] =
	"# mtlint configuration: applies to the files in this folder and "
	"below it.\n"
	"# Every key is optional; paths and globs are relative to this "
	"file.  The\n"
	"# command line wins over it; `mtlint --help` and docs/config.md "
	"say more.\n"
	"\n"
	"# language: en_GB                  # en_US (the default) or en_GB\n"
	"# input: auto                      # auto (Markdown by extension) | "
	"text | markdown\n"
	"\n"
	"# Words and names\n"
	"# accept: [styleguide/words.txt]   # accepted words, one a line; "
	"their\n"
	"#                                  # capitalised ones are the house "
	"spellings\n"
	"#                                  # of names: a slip of one is a "
	"warning\n"
	"# names: [Kwarteleigh, Tamsworthy] # house spellings of names, "
	"inline\n"
	"# reject: [styleguide/banned.txt]  # words to flag, 'bad -> good' "
	"a line\n"
	"# dictionary-path: dictionaries    # an extra Hunspell dictionary "
	"folder\n"
	"\n"
	"# Rules\n"
	"# packs: [styleguide/house]        # house-style rule folders, added "
	"to the\n"
	"#                                  # built-in rules (see "
	"rules/examples/)\n"
	"# rules:                           # a rule id, id prefix or "
	"category:\n"
	"#   grammar.parse: off             #   on | off\n"
	"#   spelling.unknown-name: warning #   error | warning | info\n"
	"# extends: ../.mtlint.yml          # build on another configuration "
	"(a\n"
	"#                                  # newsroom-wide base, then this "
	"desk's)\n"
	"\n"
	"# Reference articles: the clean article each translation is checked "
	"against\n"
	"# references:\n"
	"#   \"articles/*.txt\": \"references/*.txt\"\n"
	"\n"
	"# The gate\n"
	"fail-on: warning                   # exit 1 on findings at or above: "
	"error |\n"
	"                                   # warning | info | never\n"
	"# max-warnings: 20                 # and on more warnings than this\n"
	"# ignore: [\"drafts/\", \"*.bak.txt\"] # files not checked\n";

int cmd_init(struct cli_opts *o)
{
	struct buf path = BUF_INIT;
	FILE *f;
	int rc = CLI_EXIT_CLEAN;

	if (o->files.n > 1)
		return cli_bad_usage("%s", "init takes one folder");
	buf_addf(&path, "%s/%s", o->files.n ? o->files.v[0] : ".",
		 CONFIG_FILE_NAME);
	/* "x": never over an existing file, not even one made meanwhile */
	f = fopen(path.buf, "wx");
	if (!f) {
		if (errno == EEXIST)
			fprintf(stderr,
				"mtlint: error: '%s' exists; not overwritten\n",
				path.buf);
		else
			fprintf(stderr, "mtlint: error: cannot create '%s': %s\n",
				path.buf, strerror(errno));
		buf_release(&path);
		return CLI_EXIT_ERROR;
	}
	if (fputs(starter, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "mtlint: error: cannot write '%s': %s\n",
			path.buf, strerror(errno));
		rc = CLI_EXIT_ERROR;
	} else {
		printf("wrote %s: a starter configuration, every key "
		       "explained\n",
		       path.buf);
	}
	buf_release(&path);
	return rc;
}
