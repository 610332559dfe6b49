#!/bin/sh
# bench_serve.sh MTLINT [REQUESTS]: load test of mtlint serve on loopback
# with wrk: 200 connections posting LanguageTool checks of a short
# paragraph (post.lua), in rounds of ROUND seconds until REQUESTS requests
# (default 100,000) were answered (at most 30 rounds).  Prints wrk's
# latency percentiles of the first round, the errors and non-2xx answers of
# every round (there must be none) and the server's resident memory after
# each round, which must stay flat: the last round's at most 10 % above
# the first's.
set -eu
bin=$1
want=${2:-100000}
round=${ROUND:-20}
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtlint-bench-serve.XXXXXX")
"$bin" serve --listen 127.0.0.1:0 --no-config --access-log off \
	2>"$tmp/err" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
while ! grep -q 'listening on' "$tmp/err"; do
	i=$((i + 1))
	[ $i -lt 3000 ] || { cat "$tmp/err"; exit 1; }
	kill -0 $pid 2>/dev/null || { cat "$tmp/err"; exit 1; }
	sleep 0.1
done
port=$(sed -n 's|.*listening on http://[^ ]*:\([0-9]*\)/$|\1|p' "$tmp/err")
url=http://127.0.0.1:$port
rss() { awk '/^VmRSS/ { print $2 }' /proc/$pid/status; }

total=0 n=0 bad=0 first_rss= last_rss=
while [ $total -lt "$want" ] && [ $n -lt 30 ]; do
	n=$((n + 1))
	wrk -t2 -c200 -d"${round}s" --timeout 30s --latency \
		-s "$here/post.lua" "$url" >"$tmp/wrk"
	reqs=$(awk '/requests in/ { print $1 }' "$tmp/wrk")
	non2xx=$(awk '/Non-2xx/ { print $NF }' "$tmp/wrk")
	sockerr=$(awk '/Socket errors/ { s = 0; for (i = 4; i <= NF; i += 2) { v = $i; gsub(",", "", v); s += v } print s }' "$tmp/wrk")
	total=$((total + reqs))
	bad=$((bad + ${non2xx:-0} + ${sockerr:-0}))
	last_rss=$(rss)
	[ -n "$first_rss" ] || {
		first_rss=$last_rss
		echo "serve: round 1 (200 connections, ${round} s):"
		sed -n '/Latency Distribution/,/^ *99%/p; /Requests\/sec/p' "$tmp/wrk"
	}
	echo "serve: round $n: $reqs requests, ${non2xx:-0} non-2xx," \
		"${sockerr:-0} socket errors; $total in all; RSS ${last_rss} kB"
done
fail=0
[ $bad -eq 0 ] || { echo "serve: $bad errors under load"; fail=1; }
[ $total -ge "$want" ] || { echo "serve: only $total requests"; fail=1; }
if [ $((last_rss * 10)) -gt $((first_rss * 11)) ]; then
	echo "serve: memory grew from $first_rss kB to $last_rss kB"
	fail=1
fi
s=$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")
[ "$s" = 200 ] || { echo "serve: healthz $s after the load"; fail=1; }
[ $fail -eq 0 ] && echo "serve: 1 passed, 0 failed" ||
	{ echo "serve: 0 passed, 1 failed"; exit 1; }
