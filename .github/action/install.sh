#!/usr/bin/env bash
# The Action's install step (action.yml), also runnable by hand: put mtlint's
# Debian package on this machine.  No compiler, no test toolchain: only the
# package and its runtime dependencies from the distribution.
#
#   MTLINT_PACKAGE   where the package comes from:
#                    a path or http(s) URL of a mtlint_*.deb: that file;
#                    "release" (default): the release asset of this
#                      action's version built for this distribution and
#                      architecture (.github/workflows/release.yml builds
#                      Debian 12 and Ubuntu 24.04, amd64 and arm64); where
#                      there is none, says so and falls back to "build";
#                    "build": build the package from this action's source
#                      (build dependencies only, never the test tools),
#                      reusing $MTLINT_CACHE/mtlint_<version>_<arch>.deb
#                      when a previous run left it there
#   MTLINT_REPOSITORY  owner/name for release downloads (default mtlint/mtlint)
#   MTLINT_CACHE     directory for downloaded or built packages
#                    (default ~/.cache/mtlint)
#
# Prints the installed version; exits non-zero with a message on failure.
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
package=${MTLINT_PACKAGE:-release}
cache=${MTLINT_CACHE:-$HOME/.cache/mtlint}
version=$(sed -n '1s/^mtlint (\([^)]*\)).*/\1/p' "$src/debian/changelog")
arch=$(dpkg --print-architecture)
deb=mtlint_${version}_${arch}.deb
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo

mkdir -p "$cache"
case $package in
release)
	repo=${MTLINT_REPOSITORY:-mtlint/mtlint}
	os=$(. /etc/os-release && echo "$ID-$VERSION_ID")
	asset=mtlint_${version}_${os}_${arch}.deb
	url=https://github.com/$repo/releases/download/v$version/$asset
	file=$cache/$asset
	if [ ! -f "$file" ] &&
	   ! curl -fsSL --retry 3 -o "$file.part" "$url" 2>/dev/null; then
		rm -f "$file.part"
		echo "mtlint: no release package $asset at $url;" \
		     "building the package from the action's source instead" >&2
		package=build
	elif [ -f "$file.part" ]; then
		mv "$file.part" "$file"
	fi ;;
esac
case $package in
release) ;;
build)
	if [ ! -f "$cache/$deb" ]; then
		make -C "$src" --no-print-directory deb LINTIAN=
		cp "$src/build/deb/$deb" "$cache/$deb"
	fi
	file=$cache/$deb ;;
http://* | https://*)
	file=$cache/${package##*/}
	curl -fsSL --retry 3 -o "$file" "$package" ;;
*)
	file=$(cd "$(dirname "$package")" && pwd)/$(basename "$package")
	[ -f "$file" ] || { echo "mtlint: no package '$package'" >&2; exit 1; } ;;
esac

# The package lists the machine has first (a fresh runner's are recent
# enough for the runtime libraries); refreshed only when that fails.
export DEBIAN_FRONTEND=noninteractive
apt_install() {
	$sudo apt-get install -y -qq --no-install-recommends "$file" >/dev/null
}
if ! apt_install 2>/dev/null; then
	$sudo apt-get update -qq
	apt_install
fi
mtlint --version
