/*
 * main: the mtlint binary; everything else is in libmtlint.
 */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
