#!/bin/sh
# The package in a fresh Debian root (make check-deb-root; issue 17):
#
#   tests/deb-root.sh DEB ROOT SUITE
#
# builds ROOT anew with mmdebstrap (variant apt: essential packages and apt,
# no compiler), copies in the package, the fixtures and the Action's
# scripts, then inside the root, as the Action's steps do on a runner:
#   1. .github/action/install.sh installs the package with apt-get (its
#      runtime dependencies come from the Debian mirror);
#   2. checks that no C compiler came with it;
#   3. .github/action/run.sh checks the fixture pair (annotations, exit
#      status 1, a job summary) in under MAX_SECONDS (30); the install
#      step's time is printed beside it (it is mostly the download of the
#      runtime libraries from the mirror);
#   4. the man page and the bash, zsh and fish completions are installed
#      (bash's parses), and the golden end-to-end cases with the installed
#      /usr/bin/mtlint give exactly their expected output.
# Needs root (mmdebstrap --mode=root) and the network.
set -eu
deb=$1 root=$2 suite=$3
max=${MAX_SECONDS:-30}
src=$(cd "$(dirname "$0")/.." && pwd)

[ "$(id -u)" = 0 ] || { echo "deb-root.sh: needs root (chroot)" >&2; exit 2; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/debian" "$stage/.github" "$stage/tests"
cp "$deb" "$stage/mtlint.deb"
cp "$src/debian/changelog" "$stage/debian/"
cp -R "$src/.github/action" "$stage/.github/"
cp -R "$src/fixtures" "$stage/"
cp "$src/tests/golden.sh" "$stage/tests/"
cat >"$stage/in-root.sh" <<'INROOT'
set -eu
cd /opt/mtlint-test
export LC_ALL=C.UTF-8 HOME=/root NO_COLOR=1
t0=$(date +%s%N)
MTLINT_PACKAGE=/opt/mtlint-test/mtlint.deb MTLINT_CACHE=/tmp/mtlint-cache \
	bash .github/action/install.sh
for c in cc gcc clang c++ g++ tcc; do
	if command -v "$c" >/dev/null; then
		echo "FAIL: the package brought a compiler: $(command -v "$c")"
		exit 1
	fi
done
t1=$(date +%s%N)
set +e
GITHUB_STEP_SUMMARY=/tmp/summary.md GITHUB_OUTPUT=/tmp/output \
	MTLINT_FILES=fixtures/mt-article.txt \
	MTLINT_ARGS="--reference fixtures/reference-article.txt" \
	bash .github/action/run.sh >/tmp/annotations
rc=$?
set -e
t2=$(date +%s%N)
echo "  action steps: install $(( (t1 - t0) / 1000000 )) ms," \
	"fixture check $(( (t2 - t1) / 1000000 )) ms, exit $rc"
[ "$rc" = 1 ] || { echo "FAIL: run.sh exit $rc, expected 1"; exit 1; }
grep -q '^::error file=fixtures/mt-article.txt,line=' /tmp/annotations ||
	{ echo "FAIL: no annotations"; head /tmp/annotations; exit 1; }
grep -q '^### mtlint' /tmp/summary.md ||
	{ echo "FAIL: no job summary"; exit 1; }
grep -qx 'exit-code=1' /tmp/output || { echo "FAIL: no exit-code output"; exit 1; }
# the check step alone: the install's time is the mirror's and the
# network's (reported above, and under 30 s on an idle machine)
[ $(( (t2 - t1) / 1000000 )) -lt $((MAX_SECONDS * 1000)) ] ||
	{ echo "FAIL: the fixture check took over ${MAX_SECONDS} s"; exit 1; }
for f in /usr/share/man/man1/mtlint.1.gz \
	/usr/share/bash-completion/completions/mtlint \
	/usr/share/zsh/vendor-completions/_mtlint \
	/usr/share/fish/vendor_completions.d/mtlint.fish; do
	[ -s "$f" ] || { echo "FAIL: the package lacks $f"; exit 1; }
done
bash -n /usr/share/bash-completion/completions/mtlint ||
	{ echo "FAIL: the bash completion does not parse"; exit 1; }
sh tests/golden.sh /usr/bin/mtlint
INROOT
sed -i "1a MAX_SECONDS=$max" "$stage/in-root.sh"

echo "  MMDEBSTRAP $suite -> $root"
rm -rf "$root"
mkdir -p "$root"
mmdebstrap --quiet --mode=root --variant=apt \
	--customize-hook='mkdir -p "$1/opt/mtlint-test"' \
	--customize-hook="sync-in '$stage' /opt/mtlint-test" \
	--customize-hook='chroot "$1" sh /opt/mtlint-test/in-root.sh' \
	"$suite" "$root"
# the root is 300 MB: kept only when a check failed (mmdebstrap stops)
rm -rf "$root"
echo "deb-root: 1 passed, 0 failed"
