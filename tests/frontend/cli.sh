#!/bin/sh
# cli.sh: the driver's contract: exit status 0, 1 for errors in the
# input, 2 for usage errors; several errors reported in one run; nothing
# written when the input has errors, outputs replaced whole, no
# temporary file left behind, and a failed write said as it is.
: "${GSLC:?GSLC must name gslc}"
dir=$(mktemp -d "${TMPDIR:-/tmp}/cli.XXXXXX")
trap 'rm -rf "$dir"' EXIT
fail=0

# expect_status STATUS ARGS...: gslc ARGS exits with STATUS.
expect_status() {
	want=$1
	shift
	"$GSLC" "$@" >"$dir/out" 2>"$dir/err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL gslc $*: status $got, want $want"
		head -3 "$dir/err"
		fail=1
	else
		echo "ok gslc $*: status $got"
	fi
}

# check WHAT CONDITION...: reports whether the shell condition holds.
check() {
	what=$1
	shift
	if "$@"; then echo "ok $what"; else echo "FAIL $what"; fail=1; fi
}

cat >"$dir/good.gsl" <<'GSL'
.kind:: Box
..d: A box.
.document: box
..output: html, tester
..man page of: Box
GSL
cat >"$dir/bad.gsl" <<'GSL'
.kind:: Box
..method: open
..d: see
...ref: .mykind.nowhere
.kind:: Box
.document: box
..output: html, pdf
..man page of: Bag
GSL

expect_status 0 --help
check "--help names the options" grep -q -- '--check' "$dir/out"
expect_status 0 --version
check "--version names gslc" grep -q '^gslc [0-9]' "$dir/out"
expect_status 2
expect_status 2 --no-such-option "$dir/good.gsl"
expect_status 2 --dump=everything "$dir/good.gsl"
expect_status 1 "$dir/missing.gsl"
check "a missing file is named" grep -q "missing.gsl" "$dir/err"

# Errors: each at its own line, all in one run, nothing written.
mkdir "$dir/out1"
echo "old" >"$dir/out1/box.html"
expect_status 1 -o "$dir/out1" "$dir/bad.gsl"
errors=$(grep -c '^[^:]*bad.gsl:[0-9]*:[0-9]*: error: ' "$dir/err")
check "several errors in one run ($errors)" [ "$errors" -ge 3 ]
check "the run says nothing was written" grep -q 'no file written' "$dir/err"
check "the old output is untouched" [ "$(cat "$dir/out1/box.html")" = old ]
check "no file was added" [ "$(ls "$dir/out1")" = box.html ]

# Success replaces the old output whole and leaves no temporary file.
expect_status 0 -o "$dir/out1" "$dir/good.gsl"
check "the output was replaced" grep -q '<!DOCTYPE html>' "$dir/out1/box.html"
check "the tests were written" [ -s "$dir/out1/box.py" ]
check "no temporary file is left" [ "$(ls "$dir/out1" | tr '\n' ' ')" = "box.html box.py css " ]

# A file that cannot be written: an error, the count of files written,
# and no temporary file.
mkdir -p "$dir/out2/box.py"   # a directory where the tests go
expect_status 1 -o "$dir/out2" "$dir/good.gsl"
check "the failed write is named" grep -q "cannot write '.*box.py'" "$dir/err"
check "the run says what it wrote" grep -q 'of [0-9]* files written' "$dir/err"
check "no temporary file is left after a failed write" \
	[ "$(ls "$dir/out2" | tr '\n' ' ')" = "box.html box.py " ]

exit $fail
