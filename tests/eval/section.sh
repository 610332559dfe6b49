#!/bin/sh
# section.sh: run an evaluation and keep its latest output in the
# evaluation page.
#
#   sh tests/eval/section.sh DOC NAME COMMAND [ARG...]
#
# Runs COMMAND, passing its output (stdout and stderr) through to the
# terminal, and when it succeeds writes that output into DOC between the
# lines
#
#   <!-- NAME: begin (written by make NAME) -->
#   <!-- NAME: end -->
#
# as a fenced text block, leaving every other line of DOC as it was. DOC
# must already hold both markers (a page lists its sections on purpose; a
# missing marker is an error, not a silently added section). A failed
# COMMAND leaves DOC untouched and its exit status is returned.
#
# Every eval target calls it (see tests/*.mk), so `make eval` rewrites
# docs/evaluation.md section by section; review the change with git diff.
set -u
if [ $# -lt 3 ]; then
	echo "usage: section.sh DOC NAME COMMAND [ARG...]" >&2
	exit 2
fi
doc=$1 name=$2
shift 2
begin="<!-- $name: begin (written by make $name) -->"
end="<!-- $name: end -->"
if ! grep -qxF "$begin" "$doc" || ! grep -qxF "$end" "$doc"; then
	echo "section.sh: $doc has no section '$name' (add the lines" >&2
	echo "  $begin" >&2
	echo "  $end" >&2
	echo "where its figures belong)" >&2
	exit 2
fi
out=$(mktemp) || exit 2
new=$(mktemp) || { rm -f "$out"; exit 2; }
trap 'rm -f "$out" "$new"' EXIT INT TERM

# The command's status, not tee's: run it in a group that records it.
exec 4>&1
status=$( { { "$@" 2>&1; echo $? >&3; } | tee "$out" >&4; } 3>&1 )
exec 4>&-
[ "$status" -eq 0 ] || exit "$status"

awk -v begin="$begin" -v end="$end" -v out="$out" '
	$0 == begin {
		print
		print "```text"
		while ((getline line < out) > 0)
			print line
		print "```"
		skip = 1
		next
	}
	$0 == end { skip = 0 }
	!skip { print }
' "$doc" >"$new" && cat "$new" >"$doc"
echo "  (written to $doc, section $name)"
