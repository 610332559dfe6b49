/*
 * spell-filter: read words (one per line) on stdin and print those the
 * Hunspell dictionary for LANG does NOT know, through mtlint's own speller
 * (checker/spelling/hunspell.h).  Used by dictionaries/build-lists.py; not part of
 * mtlint.  Usage: spell-filter [LANG]
 */
#include <stdio.h>
#include <string.h>

#include "spelling/hunspell.h"

int main(int argc, char **argv)
{
	struct speller *sp;
	struct mt_error err = { 0 };
	char line[512];

	if (speller_open(argc > 1 ? argv[1] : "en_US", NULL, &sp, &err)) {
		fprintf(stderr, "spell-filter: %s\n", err.msg);
		return 1;
	}
	while (fgets(line, sizeof(line), stdin)) {
		size_t n = strcspn(line, "\r\n");

		if (n && !speller_check(sp, line, n))
			printf("%.*s\n", (int)n, line);
	}
	speller_close(sp);
	return 0;
}
