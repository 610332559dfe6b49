#!/usr/bin/env bash
# pre-commit's entry for the mtlint hooks (.pre-commit-hooks.yaml): runs an
# installed mtlint (the Debian package, `make install`) when there is one,
# else builds mtlint once inside pre-commit's clone of this repository
# (`make deps all`: the runtime and build packages, never the test tools;
# through sudo when not root) and runs that build.
#   MTLINT_PRE_COMMIT_BUILD=1   always use the build in the clone
set -euo pipefail

src=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${MTLINT_PRE_COMMIT_BUILD:-}" ] && command -v mtlint >/dev/null; then
	exec mtlint "$@"
fi
bin=$src/build/mtlint
if [ ! -x "$bin" ]; then
	# pre-commit runs hooks in parallel: one build at a time
	exec 9>"$src/.pre-commit-build.lock"
	flock 9
	if [ ! -x "$bin" ]; then
		echo "mtlint: building in $src (once)" >&2
		make -C "$src" --no-print-directory deps DEPS_GROUPS="runtime build" >&2
		make -C "$src" --no-print-directory -j"$(nproc)" all >&2
	fi
	flock -u 9
fi
exec "$bin" "$@"
