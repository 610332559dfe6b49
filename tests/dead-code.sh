#!/bin/sh
# dead-code.sh: every function libmtlint.a exports has a caller outside its
# own file.
#
#   sh tests/dead-code.sh LIB CALLER.o... [-- TEST.o...]
#
# LIB is build/libmtlint.a. The CALLER objects are the programs built on
# the library (main.o, the benchmarks, the evaluation tools, the
# dictionary tools, the fuzzers): a function they call is alive. The TEST
# objects (the unit suite) count as callers only for the functions listed
# in tests/test-only-functions, each with the reason a test needs it
# (`function  # reason`): a function whose only other caller is a test is
# dead code, unless testing is what it is for. An exported function whose
# only callers are in its own file should be static.
#
# tests/dead-code.known lists offenders known and owned by work in
# progress (`function  # owner: plan`): they are reported as KNOWN, not
# failed, and an entry that is no longer an offender is an error, so the
# list only shrinks.
#
# Exit 1 with the list of offenders; 0 when there is none. Data symbols
# (tables such as engine_pass) are not checked: the linker and -Wunused
# see to those.
set -eu
lib=$1
shift
callers='' tests='' in_tests=''
for o in "$@"; do
	if [ "$o" = -- ]; then
		in_tests=1
	elif [ -n "$in_tests" ]; then
		tests="$tests $o"
	else
		callers="$callers $o"
	fi
done
allow=$(dirname "$0")/test-only-functions
known=$(dirname "$0")/dead-code.known
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# member<TAB>symbol for the library's defined functions and its references
nm -A --defined-only "$lib" 2>/dev/null |
	awk '$(NF-1) == "T" { print member($1) "\t" $NF }
		function member(f) { sub(/:[0-9a-f]*$/, "", f); sub(/^.*:/, "", f)
			return f }' | sort -u >"$tmp/defined"
nm -A --undefined-only "$lib" 2>/dev/null |
	awk 'NF >= 2 { print member($1) "\t" $NF }
		function member(f) { sub(/:[0-9a-f]*$/, "", f); sub(/^.*:/, "", f)
			return f }' | sort -u >"$tmp/used-in-lib"
# symbols the programs and the tests reference
# shellcheck disable=SC2086
[ -z "$callers" ] || nm --undefined-only $callers 2>/dev/null |
	awk 'NF { print $NF }' | sort -u >"$tmp/used-by-programs"
touch "$tmp/used-by-programs"
# shellcheck disable=SC2086
[ -z "$tests" ] || nm --undefined-only $tests 2>/dev/null |
	awk 'NF { print $NF }' | sort -u >"$tmp/used-by-tests"
touch "$tmp/used-by-tests"
sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$allow" | sort -u >"$tmp/allow"
touch "$tmp/known"
[ ! -f "$known" ] ||
	sed 's/#.*//; s/[[:space:]]//g; /^$/d' "$known" | sort -u >"$tmp/known"

bad=0
while IFS="$(printf '\t')" read -r member sym; do
	# a reference from another member of the library
	if awk -F '\t' -v m="$member" -v s="$sym" \
		'$2 == s && $1 != m { f = 1; exit } END { exit !f }' \
		"$tmp/used-in-lib"; then
		continue
	fi
	grep -qxF "$sym" "$tmp/used-by-programs" && continue
	if grep -qxF "$sym" "$tmp/known"; then
		echo "$member: $sym: KNOWN (tests/dead-code.known)"
		echo "$sym" >>"$tmp/known-seen"
		continue
	fi
	if grep -qxF "$sym" "$tmp/used-by-tests"; then
		grep -qxF "$sym" "$tmp/allow" && continue
		echo "$member: $sym: only tests call it (make it static or" \
			"list it in tests/test-only-functions with a reason)"
	else
		echo "$member: $sym: no caller outside its file" \
			"(make it static, or remove it)"
	fi
	bad=1
done <"$tmp/defined"
# a stale allow-list entry is an error too: it would hide dead code later
while read -r sym; do
	grep -q "	$sym\$" "$tmp/defined" ||
		{ echo "tests/test-only-functions: '$sym' is not a library" \
			"function"; bad=1; }
done <"$tmp/allow"
touch "$tmp/known-seen"
while read -r sym; do
	grep -qxF "$sym" "$tmp/known-seen" ||
		{ echo "tests/dead-code.known: '$sym' has a caller now (or is" \
			"gone): remove the line"; bad=1; }
done <"$tmp/known"
exit $bad
