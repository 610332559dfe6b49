#!/bin/bash
# The hostile-input corpus: what a careless or hostile user, document,
# configuration or editor can hand mtlint, one case a behaviour (see
# docs/security.md).  Each case runs mtlint within a bound -- 10 s of CPU
# time (`ulimit -t`) and 512 MiB of address space (`ulimit -v`) with the
# normal build; 60 s of CPU and no address-space limit under the
# sanitizers, which reserve terabytes; and 300 s of wall-clock time for a
# process that blocks (a shared machine's load stretches wall-clock time,
# not CPU time) -- and must end inside it with the exit status it expects (0 or 1: checked; 2: a
# clear error, whose message must name what it is about), no sanitizer
# report, and every file of the case that it was not asked to fix
# unchanged (content, mode, links).
#
#   tests/hostile/run.sh BIN [--sanitized] [CASE...]
#
# The inputs are made here (floods, loops, FIFOs, devices), not committed:
# most are large, special files or links.  `make check-hostile` runs it
# with the build's binary; `make sanitize` again with the sanitizer build.
set -u
bin=$1
shift
san=
if [ "${1:-}" = --sanitized ]; then
	san=1
	shift
fi
only=("$@")
root=$(cd "$(dirname "$0")/../.." && pwd)
case $bin in /*) ;; *) bin=$root/$bin ;; esac
work=$(mktemp -d /tmp/mtlint-hostile-XXXXXX)
chmod 755 "$work"
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
if [ -n "$san" ]; then
	limit_t=60 limit_v=unlimited
else
	limit_t=10 limit_v=524288
fi
limit_wall=300
export NO_COLOR=1 HOME=/nonexistent
pass=0 fail=0
current=

bad() {
	echo "  FAIL     hostile/$current: $*"
	fail=$((fail + 1))
	failed=1
}

# A listing of every file under $T: path, type, mode, link count, and the
# content's hash or a link's target; files named in $FIXED are left out.
snapshot() {
	(cd "$T" && find . -mindepth 1 \( -name .out -o -name .err -o -name .cpu \) \
		-prune -o -printf '%p %y %m %n %l\n' | sort |
		while read -r p y m n l; do
			case " $FIXED " in *" ${p#./} "*) continue ;; esac
			h=
			[ "$y" = f ] && h=$(sha256sum <"$p" | cut -c1-16)
			echo "$p $y $m $n $l $h"
		done)
}

# expect RCS MESSAGE-REGEX CMD...: run CMD (mtlint is $bin) in $T within
# the bound, standard input from $STDIN (default /dev/null), output in
# $T/.out and $T/.err.  RCS lists the exit statuses allowed ("01", "2").
# An exit status 2 needs a message on standard error matching the regex.
expect() {
	local rcs=$1 msg=$2 rc t0 t1
	shift 2
	local before after
	before=$(snapshot)
	t0=$(date +%s%N)
	(
		ulimit -v "$limit_v" -t "$limit_t" 2>/dev/null
		cd "$T" || exit 99
		TIMEFORMAT='%3U %3S'
		{ time timeout -k 5 "$limit_wall" "$@" <"${STDIN:-/dev/null}" \
			>"$T/.out" 2>"$T/.err"; } 2>"$T/.cpu"
	)
	rc=$?
	t1=$(date +%s%N)
	elapsed=$(((t1 - t0) / 1000000))
	# CPU time of the command in ms (user + system)
	cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$T/.cpu")
	after=$(snapshot)
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || [ "$rc" -eq 152 ]; then
		bad "did not end within ${limit_t} s of CPU (exit $rc, ${cpu} ms CPU, ${elapsed} ms)"
		return
	fi
	if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|Segmentation|Aborted' \
		"$T/.err"; then
		bad "sanitizer or crash report:"
		head -n 30 "$T/.err"
		return
	fi
	case $rcs in
	*"$rc"*) ;;
	*)
		bad "exit $rc, expected one of $rcs; standard error:"
		head -n 10 "$T/.err"
		return
		;;
	esac
	if [ "$rc" -eq 2 ] && ! grep -qE -- "$msg" "$T/.err"; then
		bad "exit 2 without a message matching '$msg':"
		head -n 10 "$T/.err"
	fi
	if [ "$before" != "$after" ]; then
		bad "files changed that were not to be fixed:"
		diff <(echo "$before") <(echo "$after") | head -n 10
	fi
}

# out_has / out_lacks / err_has REGEX: standard output or error of the last run
out_has() { grep -qE -- "$1" "$T/.out" || bad "output lacks '$1'"; }
out_lacks() { ! grep -qaE -- "$1" "$T/.out" || bad "output has '$1'"; }
err_has() { grep -qE -- "$1" "$T/.err" || bad "standard error lacks '$1'"; }
same() { cmp -s "$1" "$2" || bad "$1 is not as expected: $(head -c 200 "$1" | od -c | head -n 3)"; }

# known REASON: an open defect; the case is reported as skipped.
known() {
	echo "  SKIP     hostile/$current: $1"
	exit 0
}

article() { printf 'The report was was published on Monday.\n'; }

# --- inputs that are not what they seem ------------------------------

case_empty_file() {
	: >empty.txt
	expect 0 . "$bin" --no-config empty.txt
}

case_binary_file() {
	head -c 65536 "$bin" >prog.txt
	expect 2 "prog.txt.*binary" "$bin" --no-config prog.txt
}

case_dev_zero_as_document() {
	expect 2 "/dev/zero.*binary" "$bin" --no-config /dev/zero
}

case_dev_urandom_as_document() {
	expect 2 "/dev/urandom" "$bin" --no-config /dev/urandom
}

case_sparse_file_over_the_limit() {
	truncate -s 100M big.txt
	expect 2 "big.txt.*(too large|binary)" "$bin" --no-config big.txt
}

case_unreadable_file() {
	article >secret.txt
	chmod 000 secret.txt
	chmod 755 "$T"
	if [ "$(id -u)" = 0 ]; then
		expect 2 "secret.txt.*(Permission denied|cannot)" \
			setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$bin" --no-config secret.txt
	else
		expect 2 "secret.txt.*(Permission denied|cannot)" \
			"$bin" --no-config secret.txt
	fi
}

case_dangling_link() {
	ln -s nowhere.txt gone.txt
	expect 2 "gone.txt" "$bin" --no-config gone.txt
}

case_directory_as_word_list() {
	article >a.txt
	mkdir words
	expect 2 "words.*(directory|not a file)" "$bin" --no-config \
		--words words a.txt
}

case_dev_zero_as_word_list() {
	article >a.txt
	expect 2 "/dev/zero" "$bin" --no-config --words /dev/zero a.txt
}

case_dev_zero_as_baseline() {
	article >a.txt
	expect 2 "/dev/zero" "$bin" --no-config --baseline /dev/zero a.txt
}

case_baseline_not_json() {
	article >a.txt
	printf '{"version": 1, "findings": [\n  {"rule": \001}\n' >b.json
	expect 2 "b.json:[0-9]+" "$bin" --no-config --baseline b.json a.txt
}

case_deeply_nested_baseline() {
	article >a.txt
	python3 -c 'print("[" * 200000 + "]" * 200000)' >b.json
	expect 2 "b.json" "$bin" --no-config --baseline b.json a.txt
}

# --- encodings ----------------------------------------------------------

case_invalid_utf8_byte_named() {
	printf 'Fine line.\nA caf\xc3\xa9 and a bad \xff byte.\n' >bad.txt
	expect 2 "bad.txt: invalid UTF-8 \\(byte 0xFF\\) at line 2" "$bin" --no-config --encoding UTF-8 bad.txt
}

case_mixed_utf8_with_an_invalid_first_byte() {
	printf 'A na\xefve start, then caf\xc3\xa9 and cr\xc3\xa8me.\n' >mixed.txt
	expect 2 "mixed.txt: invalid UTF-8 \\(byte 0xEF\\) at line 1" "$bin" --no-config mixed.txt
}

case_unknown_encoding() {
	article >a.txt
	expect 2 "NO-SUCH-CHARSET" "$bin" --no-config --encoding NO-SUCH-CHARSET a.txt
}

case_utf7_fix_keeps_the_shift_sequence() {
	printf 'It was was +APw-ber.\n' >u7.txt
	FIXED=u7.txt expect 01 . "$bin" --no-config --encoding UTF-7 --fix u7.txt
	printf 'It was +APw-ber.\n' >want
	same u7.txt want
}

case_utf16_without_bom() {
	article | iconv -f UTF-8 -t UTF-16LE >u16.txt
	expect 012 "u16.txt" "$bin" --no-config u16.txt
}

case_truncated_utf16() {
	{ printf '\xff\xfe'; article | iconv -f UTF-8 -t UTF-16LE; printf 'A'; } >t16.txt
	expect 012 "t16.txt" "$bin" --no-config t16.txt
}

case_nul_bytes_after_a_long_text() {
	{ for i in $(seq 2000); do article; done; printf 'x\0y\n'; } >late.txt
	expect 2 "late.txt.*(binary|NUL)" "$bin" --no-config late.txt
}

# --- size and shape -----------------------------------------------------

case_punctuation_flood() {
	python3 -c 'import sys; sys.stdout.write("!?.,;:" * 200000)' >flood.txt
	expect 01 . "$bin" --no-config flood.txt
	echo "  TIME     hostile/punctuation_flood: 1.2 MB in ${cpu} ms of CPU"
}

case_one_huge_line() {
	python3 -c 'import sys; sys.stdout.write("word the the " * 800000)' >line.txt
	expect 01 . "$bin" --no-config line.txt
}

case_eighty_thousand_findings_as_json() {
	python3 -c 'import sys; sys.stdout.write("word the the " * 80000)' >line.txt
	expect 01 . "$bin" --no-config --format json line.txt
}

case_eight_hundred_thousand_findings_as_json() {
	python3 -c 'import sys; sys.stdout.write("word the the " * 800000)' >line.txt
	expect 01 . "$bin" --no-config --format json line.txt
}

case_many_short_lines() {
	python3 -c 'import sys; sys.stdout.write("a\n" * 2000000)' >lines.txt
	expect 01 . "$bin" --no-config lines.txt
}

case_deep_markdown() {
	python3 -c 'import sys; sys.stdout.write(">" * 5000 + " text\n" + "*" * 5000 + "x" + "*" * 5000 + "\n" + "[" * 50000 + "\n" + "- " * 5000 + "x\n")' >deep.md
	expect 01 . "$bin" --no-config deep.md
}

case_very_deep_markdown() {
	python3 -c 'import sys; sys.stdout.write(">" * 100000 + " text\n" + "*" * 50000 + "x" + "*" * 50000 + "\n" + "- " * 100000 + "x\n" + "".join("  " * d + "- item\n" for d in range(2000)))' >deep.md
	expect 01 . "$bin" --no-config deep.md
}

case_terminal_escapes_not_echoed() {
	printf 'The the \033]0;owned\007report \033[2J was \302\23331m here \342\200\256cba.\n' >esc.txt
	expect 1 . "$bin" --no-config --color never esc.txt
	out_lacks $'\033'
	out_lacks $'\302\233'
	out_lacks $'\342\200\256'
	expect 1 . "$bin" --no-config --format github esc.txt
	out_lacks $'\033'
}

case_escape_in_a_file_name() {
	article >$'a\033[31mred.txt'
	expect 1 . "$bin" --no-config .
	out_lacks $'\033'
}

# --- directories, links, special files -------------------------------

case_symlink_loops_in_a_directory() {
	mkdir d
	article >d/a.txt
	ln -s . d/self1
	ln -s . d/self2
	ln -s .. d/parent
	expect 1 . "$bin" --no-config d
	[ "$(grep -c 'was was' .out)" -ge 1 ] || bad "d/a.txt not checked"
}

case_fifo_in_a_glob_and_a_directory() {
	mkdir d
	article >d/a.txt
	mkfifo d/pipe.txt
	expect 1 . "$bin" --no-config 'd/*.txt'
	expect 1 . "$bin" --no-config d
}

case_device_in_a_directory() {
	mkdir d
	article >d/a.txt
	ln -s /dev/zero d/zero.txt
	expect 1 . "$bin" --no-config d
}

case_deep_directories() {
	p=d
	for i in $(seq 100); do p=$p/d; done
	mkdir -p "$p"
	article >"$p/a.txt"
	expect 012 "(deep|nested)" "$bin" --no-config d
}

case_many_jobs() {
	mkdir d
	for i in 1 2 3 4 5 6; do article >d/a$i.txt; done
	expect 1 . "$bin" --no-config -j 1024 d
}

case_many_jobs_in_batch() {
	for i in 1 2 3 4 5 6; do
		printf '{"id": %d, "text": "It was was here."}\n' "$i"
	done >in.jsonl
	STDIN=in.jsonl expect 0 . "$bin" batch --no-config -j 1024
	out_has '"id": ?6'
}

# --- configuration, rule files, paths ----------------------------------

case_config_reference_outside_the_project() {
	mkdir -p proj/.git secrets
	printf 'TOP SECRET line of the secret file.\n' >secrets/ref.txt
	article >proj/a.txt
	printf 'references:\n  "*.txt": ../secrets/ref.txt\n' >proj/.mtlint.yml
	expect 2 "\.mtlint\.yml:[0-9]+:[0-9]+.*outside" "$bin" proj/a.txt
	out_lacks "TOP SECRET"
	! grep -q "TOP SECRET" .err || bad "the secret is quoted on standard error"
}

case_config_word_list_through_a_link_outside() {
	mkdir -p proj/.git
	printf 'secretword\n' >outside.txt
	ln -s ../outside.txt proj/words.txt
	article >proj/a.txt
	printf 'accept: [words.txt]\n' >proj/.mtlint.yml
	expect 2 "\.mtlint\.yml:[0-9]+:[0-9]+.*outside" "$bin" proj/a.txt
}

case_config_deeply_nested_yaml() {
	article >a.txt
	python3 -c 'print("x: " + "[" * 100000 + "]" * 100000)' >.mtlint.yml
	expect 2 "\.mtlint\.yml:[0-9]+" "$bin" a.txt
}

case_config_billion_laughs() {
	article >a.txt
	{
		echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
		prev=a
		for n in b c d e f g h i; do
			echo "$n: &$n [*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev]"
			prev=$n
		done
		echo "accept: *i"
	} >.mtlint.yml
	expect 2 "\.mtlint\.yml:[0-9]+" "$bin" a.txt
}

case_config_binary() {
	article >a.txt
	head -c 4096 "$bin" >.mtlint.yml
	expect 2 "\.mtlint\.yml" "$bin" a.txt
}

case_language_is_not_a_path() {
	article >a.txt
	expect 2 "lang" "$bin" --no-config --lang ../../../../etc/passwd a.txt
}

case_rule_file_with_a_nul_byte() {
	mkdir pack
	printf 'rules:\n  - id: pack.x\n    message: "m"\n    regex: "a\0b"\n' >pack/r.yml
	article >a.txt
	expect 2 "r.yml:[2-9]" "$bin" --no-config --rules-dir pack a.txt
}

case_rule_file_broken_yaml() {
	mkdir pack
	printf 'rules:\n  - id: pack.x\n    message: "unterminated\n    regex: [\n' >pack/r.yml
	article >a.txt
	expect 2 "r.yml:[0-9]+:[0-9]+" "$bin" --no-config --rules-dir pack a.txt
}

case_rule_file_bad_regex() {
	mkdir pack
	printf 'rules:\n  - id: pack.x\n    category: style/house\n    severity: warning\n    message: "m"\n    regex: "(unclosed"\n' >pack/r.yml
	article >a.txt
	expect 2 "r.yml:[0-9]+" "$bin" --no-config --rules-dir pack a.txt
}

case_catastrophic_regex_rule() {
	mkdir pack
	cat >pack/r.yml <<'EOF'
rules:
  - id: pack.slow
    category: style/house
    severity: warning
    message: "slow"
    regex: '(a+)+b'
    examples:
      bad: ["[aab]"]
      good: ["ab ba"]
EOF
	python3 -c 'print(("a" * 3000 + "\n\n") * 40)' >a.txt
	expect 01 . "$bin" --no-config --grammar-parser off --rules-dir pack a.txt
	out_has "limits.regex-work"
}

case_rule_dir_is_a_fifo() {
	mkfifo pack
	article >a.txt
	expect 2 "pack" "$bin" --no-config --rules-dir pack a.txt
}

# --- --fix and file identity -------------------------------------------

case_fix_keeps_mode() {
	article >a.txt
	chmod 640 a.txt
	FIXED=a.txt expect 01 . "$bin" --no-config --fix a.txt
	[ "$(stat -c %a a.txt)" = 640 ] || bad "mode $(stat -c %a a.txt), not 640"
	grep -q 'was was' a.txt && bad "a.txt not fixed"
}

case_fix_refuses_a_hard_link() {
	article >a.txt
	ln a.txt b.txt
	expect 2 "a.txt.*(hard link|--fix-force)" "$bin" --no-config --fix a.txt
	FIXED="a.txt b.txt" expect 01 . "$bin" --no-config --fix-force a.txt
	[ "$(stat -c %h a.txt)" = 2 ] || bad "the hard link was cut"
	grep -q 'was was' b.txt && bad "b.txt does not see the fix"
}

case_fix_refuses_read_only() {
	article >a.txt
	chmod 444 a.txt
	if [ "$(id -u)" = 0 ] || [ -n "$san" ]; then :; fi
	expect 2 "a.txt.*(read-only|--fix-force)" "$bin" --no-config --fix a.txt
	FIXED=a.txt expect 01 . "$bin" --no-config --fix-force a.txt
	[ "$(stat -c %a a.txt)" = 444 ] || bad "mode $(stat -c %a a.txt), not 444"
}

case_fix_never_setuid() {
	article >a.txt
	chmod 4755 a.txt
	expect 2 "a.txt.*(setuid|set-user)" "$bin" --no-config --fix-force a.txt
}

case_fix_through_a_symlink() {
	article >real.txt
	ln -s real.txt link.txt
	FIXED=real.txt expect 01 . "$bin" --no-config --fix link.txt
	[ -L link.txt ] || bad "link.txt is no longer a link"
	grep -q 'was was' real.txt && bad "real.txt not fixed"
}

case_fix_standard_input() {
	article >a.txt
	STDIN=a.txt expect 2 "(standard input|stdin)" "$bin" --no-config --fix -
}

case_fix_dry_run_to_a_full_disk() {
	article >a.txt
	expect 2 "(No space|write)" sh -c "\"$bin\" --no-config --fix-dry-run a.txt >/dev/full"
}

case_output_to_a_full_disk() {
	article >a.txt
	expect 2 "(No space|write)" sh -c "\"$bin\" --no-config --format json a.txt >/dev/full"
}

# --- the Language Server ------------------------------------------------

# lsp_frames FILE PY-EXPR: write frames (a list of JSON objects, or raw
# bytes) made by a Python expression.
lsp_frames() {
	python3 - "$1" "$2" <<'EOF'
import json, sys
def frame(o):
    b = json.dumps(o).encode() if not isinstance(o, bytes) else o
    return b"Content-Length: %d\r\n\r\n" % len(b) + b
def init(i=1):
    return {"jsonrpc": "2.0", "id": i, "method": "initialize",
            "params": {"capabilities": {}}}
def did_open(text, uri="file:///x.txt"):
    return {"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri, "languageId": "plaintext",
                                        "version": 1, "text": text}}}
# a pull (textDocument/diagnostic) checks at once: the server checks a
# document only when its input is quiet, which a file never is
def pull(uri="file:///x.txt", i=50):
    return {"jsonrpc": "2.0", "id": i, "method": "textDocument/diagnostic",
            "params": {"textDocument": {"uri": uri}}}
SHUT = [{"jsonrpc": "2.0", "id": 99, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"}]
out = eval(sys.argv[2])
with open(sys.argv[1], "wb") as f:
    f.write(out if isinstance(out, bytes) else b"".join(map(frame, out)))
EOF
}

case_lsp_huge_document() {
	lsp_frames in.lsp '[init(), did_open("the the " * 2600000), pull()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
	[ "$(stat -c %s .out)" -lt 10000000 ] || bad "$(stat -c %s .out) bytes of answers"
	out_has "over the limit"
}

case_lsp_flood_of_findings() {
	lsp_frames in.lsp '[init(), did_open("the the. " * 100000), pull()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
	[ "$(stat -c %s .out)" -lt 5000000 ] || bad "$(stat -c %s .out) bytes of answers"
	out_has "more findings not shown"
}

case_lsp_initialize_twice() {
	lsp_frames in.lsp '[init(1), init(2), did_open("It was was here."), pull()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
	out_has '"id":2,.*"error"|"error".*"id":2'
}

case_lsp_content_length_huge() {
	printf 'Content-Length: 99999999999999999999\r\n\r\n{}' >in.lsp
	STDIN=in.lsp expect 12 "(Content-Length|header|large)" "$bin" lsp
}

case_lsp_content_length_over_the_limit() {
	printf 'Content-Length: 2000000000\r\n\r\n{}' >in.lsp
	STDIN=in.lsp expect 12 "(Content-Length|large|limit)" "$bin" lsp
}

case_lsp_negative_content_length() {
	printf 'Content-Length: -5\r\n\r\n{}' >in.lsp
	STDIN=in.lsp expect 12 "(Content-Length|header)" "$bin" lsp
}

case_lsp_endless_headers() {
	python3 -c 'import sys; sys.stdout.write("X-Junk: 1\r\n" * 100000)' >in.lsp
	STDIN=in.lsp expect 12 "(header)" "$bin" lsp
}

case_lsp_header_without_end() {
	python3 -c 'import sys; sys.stdout.write("Content-Length: 5" + "5" * 1000000)' >in.lsp
	STDIN=in.lsp expect 12 "(header|Content-Length)" "$bin" lsp
}

case_lsp_truncated_body() {
	printf 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","id":1,' >in.lsp
	STDIN=in.lsp expect 12 "(end of input|truncated|body)" "$bin" lsp
}

case_lsp_garbage_json_then_a_session() {
	lsp_frames in.lsp '[b"{not json", b"[1,2", b"\"str\"", b"null", b"{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":7}", init(), did_open("It was was here."), pull()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
	out_has "publishDiagnostics"
}

case_lsp_deeply_nested_json() {
	lsp_frames in.lsp '[init(), ("[" * 200000 + "]" * 200000).encode()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
}

case_lsp_positions_out_of_range() {
	lsp_frames in.lsp '[init(), did_open("It was was here.\n"), {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///x.txt", "version": 2}, "contentChanges": [{"range": {"start": {"line": 99, "character": -4}, "end": {"line": 2**40, "character": 2**33}}, "text": "x"}]}}, {"jsonrpc": "2.0", "id": 5, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": "file:///x.txt"}, "range": {"start": {"line": -1, "character": 0}, "end": {"line": 4294967296, "character": 0}}, "context": {"diagnostics": []}}}, pull()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
}

case_lsp_invalid_utf8_in_text() {
	lsp_frames in.lsp '[init(), b"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///x.txt\",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"bad \xff\xfe byte \\u0000 nul \\ud800 half\"}}}", pull()] + SHUT'
	STDIN=in.lsp expect 01 . "$bin" lsp
}

# --- run them -----------------------------------------------------------

cases=$(declare -F | sed -n 's/^declare -f case_//p')
for c in $cases; do
	if [ ${#only[@]} -gt 0 ]; then
		case " ${only[*]} " in *" $c "*) ;; *) continue ;; esac
	fi
	current=$c
	failed=
	T=$work/$c
	mkdir -p "$T"
	FIXED= STDIN=
	(cd "$T" && "case_$c")
	# the case ran in a subshell: count its failures from its output
	:
done >"$work/log" 2>&1
cat "$work/log"
fail=$(grep -c '^  FAIL' "$work/log")
total=$(echo "$cases" | wc -w)
[ ${#only[@]} -gt 0 ] && total=${#only[@]}
skipped=$(grep -c '^  SKIP' "$work/log")
failed=$(grep '^  FAIL' "$work/log" | cut -d: -f1 | sort -u | wc -l)
echo "hostile: $((total - skipped - failed)) of $((total - skipped)) cases held, $skipped known defects skipped${san:+ (sanitizer build)}"
[ "$fail" -eq 0 ]
