#!/bin/sh
# Validate mtlint's machine formats with real validators (issue 6):
#   sarif      against the SARIF 2.1.0 JSON schema (fixtures/gate/), with
#              python3-jsonschema from Debian;
#   checkstyle, junit   well-formed XML (xmllint from libxml2-utils);
#   rdjsonl    every line a JSON object (python3's json).
# Inputs: the fixture pair, and a file whose name and text need escaping.
# Usage: tests/gate-formats.sh BUILD/mtlint
set -eu
BIN=$1
PY=/usr/bin/python3
SCHEMA=fixtures/gate/sarif-schema-2.1.0.json
tmp=$(mktemp -d /tmp/mtlint-formats-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

nasty="$tmp/q\"<&>,:%$(printf '\001') é.txt"
printf 'Caf\303\251 was the the "end" <b> & more.\nAnd a a line.\n' >"$nasty"
printf 'It was the the end.\n\n```\nthe the\n```\n' >"$tmp/doc.md"

run() { # format, then inputs; exit 0 or 1 is fine
	"$BIN" --no-config --format "$@" >"$tmp/out" 2>"$tmp/err" || {
		rc=$?
		[ $rc -le 1 ] || { echo "mtlint exit $rc:"; cat "$tmp/err"; exit 1; }
	}
}

# validate_sarif INPUT [DESCRIPTION]: $tmp/out against the schema, and
# every artifact location (resolved through originalUriBaseIds when it has
# a uriBaseId, as code scanning does) names INPUT exactly
validate_sarif() {
	$PY - "$SCHEMA" "$tmp/out" "$1" <<'PY'
import json, os, re, sys, urllib.parse
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
want = os.fsencode(os.path.abspath(sys.argv[3]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
for e in errors:
    print("SARIF schema violation at %s: %s" % (list(e.path), e.message))
run = log["runs"][0]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
bases = run.get("originalUriBaseIds", {})
for b in bases.values():
    assert b["uri"].startswith("file:///") and b["uri"].endswith("/"), b
def resolve(loc):
    uri = loc["uri"]
    if "uriBaseId" in loc:
        # a relative reference: no scheme, no leading '/', no raw space
        assert not uri.startswith("/") and ":" not in uri, uri
        uri = urllib.parse.urljoin(bases[loc["uriBaseId"]]["uri"], uri)
    assert uri.startswith("file:///"), uri
    # only unreserved characters, '/', and well-formed %XX escapes
    assert re.fullmatch(r"file://(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})*", uri), uri
    path = urllib.parse.unquote_to_bytes(uri[len("file://"):])
    assert path == want, (path, want)
    return "uriBaseId" in loc
rel = 0
for res in run["results"]:
    assert res["ruleId"] in ids, res["ruleId"]
    assert ids[res["ruleIndex"]] == res["ruleId"]
    phys = res["locations"][0]["physicalLocation"]
    reg = phys["region"]
    assert reg["startLine"] >= 1 and reg["startColumn"] >= 1
    rel += resolve(phys["artifactLocation"])
    for fix in res.get("fixes", []):
        for ch in fix["artifactChanges"]:
            resolve(ch["artifactLocation"])
print("  SARIF    %d results, %d on %%SRCROOT%%" % (len(run["results"]), rel))
sys.exit(1 if errors else 0)
PY
}

for input in fixtures/mt-article.txt \
	fixtures/golden/repeated-crlf-utf16/article.txt "$nasty" "$tmp/doc.md"; do
	run sarif --reference fixtures/reference-article.txt "$input"
	validate_sarif "$input"
	echo "  SARIF    $input: valid against the 2.1.0 schema"
	for f in checkstyle junit; do
		run $f "$input"
		xmllint --noout "$tmp/out"
		echo "  XML      $f $input: well-formed"
	done
	run rdjsonl "$input"
	$PY -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    assert d["location"]["range"]["start"]["line"] >= 1
    n += 1
print("  RDJSONL  %d diagnostics" % n)' "$tmp/out"
done
# the hostile name relative to --sarif-root, percent-encoded
run sarif --sarif-root "$tmp" "$nasty"
validate_sarif "$nasty"
grep -q '"uri": "q%22%3C%26%3E%2C%3A%25%01%20%C3%A9.txt"' "$tmp/out" || {
	echo "SARIF: the hostile name is not a relative, encoded URI"; exit 1; }
echo "  SARIF    --sarif-root: relative, percent-encoded URI"
# the hostile file name survives the round trip in each JSON format
run rdjsonl "$nasty"
$PY -c '
import json, sys
d = json.loads(open(sys.argv[1], encoding="utf-8").readline())
assert d["location"]["path"] == sys.argv[2], d["location"]["path"]' \
	"$tmp/out" "$nasty"
echo "gate formats: ok"
