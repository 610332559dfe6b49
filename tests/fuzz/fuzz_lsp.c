/*
 * fuzz_lsp: libFuzzer target for the Language Server on arbitrary input.
 *
 * Reaches: header framing (Content-Length, limits, truncation), JSON-RPC
 * parsing and dispatch through the method table, document open/change/
 * close and incremental changes with arbitrary text and ranges, checked
 * through one warm session (no configuration files: --no-config; the
 * parser off, for speed; settings sent by the input open sessions of
 * their own), pull diagnostics, cancellation, code actions, hover and
 * commands with arbitrary arguments (refused under --no-config, so the
 * fuzzer writes no files), and the JSON it writes back.  Dictionary:
 * fuzz_lsp.dict.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lsp/lsp.h"
#include "run/session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct session_options o = { .no_config = 1 };
static struct session *session;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in, *out;
	struct mt_error err = { 0 };

	if (!session) {
		o.co = (struct checker_options)CHECKER_OPTIONS_INIT;
		o.co.lang = NULL;
		o.co.grammar_parser = 0;
		if (session_new(&o, &session, NULL, &err) != MT_ERR_OK)
			abort();
	}
	if (size == 0)
		return 0;
	in = fmemopen((void *)data, size, "r");
	out = fopen("/dev/null", "w");
	if (in && out)
		lsp_serve(&o, session, in, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	return 0;
}
