#!/usr/bin/env bash
# The Action's check step (action.yml), also runnable by hand: run the
# installed mtlint on the inputs, print the report (or write it to a file),
# annotate the pull request and write a summary.
#
# Inputs, from the environment (action.yml passes its inputs so):
#   MTLINT_FILES      files, directories, quoted globs (space-separated)
#   MTLINT_FORMAT     github (default), sarif, rdjsonl, checkstyle, junit,
#                     json or text
#   MTLINT_OUTPUT     write the report there instead of the log
#   MTLINT_FAIL_ON    error, warning, info or never (empty: the config's)
#   MTLINT_BASELINE   a baseline file (only new findings fail)
#   MTLINT_ARGS       further options (word-split)
#   MTLINT_CHANGED_ONLY  "true": annotate and summarise only findings on
#                     lines changed since MTLINT_BASE (default: the pull
#                     request's base branch, else the previous commit);
#                     needs the history (actions/checkout fetch-depth: 0)
#   GITHUB_OUTPUT, GITHUB_STEP_SUMMARY: as GitHub sets them (optional)
#
# The exit status is mtlint's (0 clean, 1 findings, 2 error); with
# MTLINT_CHANGED_ONLY it is 1 only when a finding at or above the
# threshold lies on a changed line.
set -uo pipefail

format=${MTLINT_FORMAT:-github}
opts=(--format "$format")
[ -n "${MTLINT_FAIL_ON:-}" ] && opts+=(--fail-on "$MTLINT_FAIL_ON")
[ -n "${MTLINT_BASELINE:-}" ] && opts+=(--baseline "$MTLINT_BASELINE")
# word splitting of files and args is intended
# shellcheck disable=SC2206
args=(${MTLINT_ARGS:-})
# shellcheck disable=SC2206
files=(${MTLINT_FILES:-.})
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Lines changed since the base, as "file start end" (git diff -U0 hunks).
changed_lines() {
	local base=${MTLINT_BASE:-}
	if [ -z "$base" ]; then
		if [ -n "${GITHUB_BASE_REF:-}" ]; then
			base=origin/$GITHUB_BASE_REF
		else
			base=HEAD^
		fi
	fi
	git diff -U0 --no-color --no-ext-diff "$base"...HEAD 2>/dev/null ||
		git diff -U0 --no-color --no-ext-diff "$base" ||
		{ echo "mtlint: cannot diff against '$base'" >&2; return 1; }
}

# Keep the annotation lines (::level file=F,line=N,...) that lie on a
# changed line; drop the others.
keep_changed() {
	awk -v diff="$1" '
	BEGIN {
		while ((getline l < diff) > 0) {
			if (l ~ /^\+\+\+ b\//) { f = substr(l, 7); continue }
			if (l ~ /^@@ /) {
				split(l, p, " "); split(substr(p[3], 2), r, ",")
				n = (r[2] == "") ? 1 : r[2]
				for (i = 0; i < n; i++) ok[f SUBSEP (r[1] + i)] = 1
			}
		}
	}
	match($0, /file=[^,]*,line=[0-9]+/) {
		s = substr($0, RSTART + 5, RLENGTH - 5)
		split(s, q, ",line=")
		if ((q[1] SUBSEP q[2]) in ok) print
		next
	}'
}

run_mtlint() {
	mtlint "$@" "${args[@]}" "${files[@]}"
}

if [ "$format" = github ]; then
	run_mtlint "${opts[@]}" >"$tmp/annotations"
	rc=$?
else
	if [ -n "${MTLINT_OUTPUT:-}" ]; then
		run_mtlint "${opts[@]}" >"$MTLINT_OUTPUT"
	else
		run_mtlint "${opts[@]}"
	fi
	rc=$?
	# annotations and the summary come from a second, github-format run
	gopts=(--format github)
	[ -n "${MTLINT_FAIL_ON:-}" ] && gopts+=(--fail-on "$MTLINT_FAIL_ON")
	[ -n "${MTLINT_BASELINE:-}" ] && gopts+=(--baseline "$MTLINT_BASELINE")
	run_mtlint "${gopts[@]}" >"$tmp/annotations" 2>/dev/null
fi

if [ "${MTLINT_CHANGED_ONLY:-false}" = true ] && [ "$rc" -le 1 ]; then
	changed_lines >"$tmp/diff" || exit 2
	keep_changed "$tmp/diff" <"$tmp/annotations" >"$tmp/kept"
	mv "$tmp/kept" "$tmp/annotations"
	# the gate: a kept finding at or above the threshold
	case ${MTLINT_FAIL_ON:-warning} in
	never) levels='^$' ;;
	error) levels='^::error ' ;;
	info) levels='^::(error|warning|notice) ' ;;
	*) levels='^::(error|warning) ' ;;
	esac
	if grep -Eq "$levels" "$tmp/annotations"; then rc=1; else rc=0; fi
fi

if [ "$format" = github ]; then
	if [ -n "${MTLINT_OUTPUT:-}" ]; then
		cat "$tmp/annotations" >"$MTLINT_OUTPUT"
	else
		cat "$tmp/annotations"
	fi
elif [ "${MTLINT_CHANGED_ONLY:-false}" = true ]; then
	cat "$tmp/annotations"
fi

# The job summary: counts, then a table of up to 50 findings.
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$rc" -le 1 ]; then
	awk -v rc="$rc" -v only="${MTLINT_CHANGED_ONLY:-false}" '
	function md(s) { gsub(/\|/, "\\|", s); gsub(/%0A/, " ", s);
		gsub(/%0D/, " ", s); gsub(/%25/, "%", s); return s }
	/^::(error|warning|notice) / {
		lvl = substr($1, 3); n[lvl]++; total++
		if (lvl == "notice") lvl = "info"
		if (total > 50) next
		match($0, /file=[^,]*/); f = substr($0, RSTART + 5, RLENGTH - 5)
		match($0, /,line=[0-9]+/); l = substr($0, RSTART + 6, RLENGTH - 6)
		match($0, /,title=[^:]*::/); r = substr($0, RSTART + 7, RLENGTH - 9)
		m = substr($0, RSTART + RLENGTH); sub(/ \[[^]]*\]$/, "", m)
		row[total] = "| " lvl " | `" md(f) ":" l "` | `" r "` | " md(m) " |"
	}
	END {
		lab["error"] = "errors"; lab["warning"] = "warnings";
		lab["notice"] = "info"
		print "### mtlint" (only == "true" ? " (changed lines)" : "")
		print ""
		printf "%d errors, %d warnings, %d info: %s\n\n", n["error"],
		       n["warning"], n["notice"],
		       rc == 0 ? "passed" : "**failed**"
		if (total == 0) exit
		print "| level | where | rule | message |"
		print "|---|---|---|---|"
		for (i = 1; i <= total && i <= 50; i++) print row[i]
		if (total > 50) printf "\n(%d more)\n", total - 50
	}' "$tmp/annotations" >>"$GITHUB_STEP_SUMMARY"
fi

[ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=$rc" >>"$GITHUB_OUTPUT"
exit "$rc"
