#!/bin/sh
# cli.sh: the command line of `gslc compat`: exit statuses, severities,
# the rule catalogue, and ignore files (accepted breaks, stale entries,
# malformed files).
set -u
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() { # expect STATUS DESCRIPTION COMMAND...
	want=$1 what=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: $what: exit status $got, expected $want"
		cat "$tmp/out" "$tmp/err"
		fail=1
	fi
}
contains() { # contains FILE TEXT DESCRIPTION
	grep -qF -- "$2" "$1" || { echo "FAIL: $3: no '$2' in:"; cat "$1"; fail=1; }
}

mkdir "$tmp/old" "$tmp/new"
printf '.kind:: K\n..attr:: a\n..attr:: b\n' >"$tmp/old/spec.gsl"
printf '.kind:: K\n..attr:: b\n' >"$tmp/new/spec.gsl"
printf '.kind:: K\n..attr:: b\n...kind of: Nowhere\n' >"$tmp/bad.gsl"

expect 0 "same spec" "$GSLC" compat "$tmp/old/spec.gsl" "$tmp/old/spec.gsl"
expect 1 "attribute removed" "$GSLC" compat "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
contains "$tmp/out" "attr-removed" "text report"
expect 0 "attribute added" "$GSLC" compat "$tmp/new/spec.gsl" "$tmp/old/spec.gsl"
expect 2 "no arguments" "$GSLC" compat
expect 2 "one argument" "$GSLC" compat "$tmp/old/spec.gsl"
expect 2 "missing file" "$GSLC" compat "$tmp/old/spec.gsl" "$tmp/none.gsl"
expect 2 "errors in a side" "$GSLC" compat "$tmp/old/spec.gsl" "$tmp/bad.gsl"
contains "$tmp/err" "Nowhere" "the front end's diagnostic"
expect 2 "unknown format" "$GSLC" compat --format=pdf "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
expect 2 "bad severity" "$GSLC" compat --severity=attr-removed=fatal "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
expect 2 "unknown rule" "$GSLC" compat --severity=no-such-rule=info "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
expect 0 "rule made a warning" "$GSLC" compat --severity=attr-removed=warning "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
contains "$tmp/out" "warning: attribute 'a'" "overridden severity"
expect 1 "addition made breaking" "$GSLC" compat --severity=attr-added=breaking "$tmp/new/spec.gsl" "$tmp/old/spec.gsl"
expect 0 "help" "$GSLC" compat --help
contains "$tmp/out" "Exit status" "help text"

# The catalogue: every rule once, as text and as JSON.
expect 0 "list rules" "$GSLC" compat --list-rules --format=json
"$PYTHON" - "$tmp/out" <<'PY' || fail=1
import json, sys
rules = json.load(open(sys.argv[1]))["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)), ids
assert {r["severity"] for r in rules} <= {"breaking", "warning", "info"}, rules
assert "args-narrowed" in ids and "postcondition-removed" in ids, ids
PY

# The catalogue in doc/compat.md is the one gslc prints.
expect 0 "list rules as markdown" "$GSLC" compat --list-rules --format=markdown
"$PYTHON" - "$tmp/out" "$top_srcdir/doc/compat.md" <<'PY' || fail=1
import sys
table, doc = (open(p, encoding="utf-8").read() for p in sys.argv[1:])
assert table in doc, "doc/compat.md does not hold the table of gslc compat --list-rules"
PY

# Ignore files: an accepted break does not count; a stale entry is
# reported; a malformed file stops the comparison.
cat >"$tmp/ignore" <<'IG'
# accepted breaks
attr-removed spec.K.a  dropped in 2.0, announced in 1.5
attr-removed spec.K.zzz  an entry that matches nothing
IG
expect 0 "accepted break" "$GSLC" compat --format=json --ignore="$tmp/ignore" "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
"$PYTHON" - "$tmp/out" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
by_rule = {f["rule"]: f for f in r["findings"]}
assert r["verdict"] == "compatible", r
assert by_rule["attr-removed"]["ignored"] == "dropped in 2.0, announced in 1.5", r
stale = by_rule["ignore-stale"]
assert stale["symbol"] == "spec.K.zzz" and stale["where"]["line"] == 3, stale
assert r["summary"] == {"breaking": 0, "warning": 1, "info": 0, "ignored": 1}, r
PY
printf 'attr-removed spec.K.a\n' >"$tmp/noreason"
expect 2 "ignore entry without a reason" "$GSLC" compat --ignore="$tmp/noreason" "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
contains "$tmp/err" "noreason:1:" "place of the bad entry"
printf 'attr-gone spec.K.a because\n' >"$tmp/badrule"
expect 2 "ignore entry with an unknown rule" "$GSLC" compat --ignore="$tmp/badrule" "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"

# Fingerprints do not move with lines.
expect 1 "fingerprint" "$GSLC" compat --format=json "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
mv "$tmp/out" "$tmp/before"
printf '.c: a comment that moves everything\n\n' | cat - "$tmp/old/spec.gsl" >"$tmp/old/moved.gsl"
mv "$tmp/old/moved.gsl" "$tmp/old/spec.gsl"
expect 1 "fingerprint after moving lines" "$GSLC" compat --format=json "$tmp/old/spec.gsl" "$tmp/new/spec.gsl"
"$PYTHON" - "$tmp/before" "$tmp/out" <<'PY' || fail=1
import json, sys
a, b = (json.load(open(p))["findings"] for p in sys.argv[1:])
assert [f["fingerprint"] for f in a] == [f["fingerprint"] for f in b], (a, b)
assert a[0]["old"]["line"] != b[0]["old"]["line"], (a, b)
PY
exit $fail
