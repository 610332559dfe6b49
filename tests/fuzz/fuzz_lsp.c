/*
 * fuzz_lsp: libFuzzer target for the Language Server on arbitrary input.
 *
 * Reaches: header framing (Content-Length, limits, truncation), JSON-RPC
 * parsing and dispatch through the method table, document open/change/
 * close with arbitrary text, code actions with arbitrary ranges, and the
 * JSON it writes back.  Dictionary: fuzz_lsp.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "run/checker.h"
#include "lsp/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct checker *checker;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mt_error err = { 0 };
	FILE *in, *out;

	if (!checker && checker_new(NULL, &checker, &err) != MT_ERR_OK)
		abort();
	if (size == 0)
		return 0;
	in = fmemopen((void *)data, size, "r");
	out = fopen("/dev/null", "w");
	if (in && out)
		lsp_serve(checker, in, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	return 0;
}
