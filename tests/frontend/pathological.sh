#!/bin/sh
# pathological.sh: inputs built to break a naive compiler complete
# without a crash: a line of 100,000 dots, a tree 10,000 levels deep (the
# file grows with the square of the depth: 50 MB), 100,000 siblings, a
# 1 MB line, and 5,000 undefined names, each reported. gslc runs with a
# 1 MB stack, so any recursion over depth would overflow it.
set -u
: "${GSLC:?}" "${PYTHON:?}" "${top_srcdir:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

run() {
	"$GSLC" --check "$1"
}
. "$top_srcdir/tests/expect_check.sh"

"$PYTHON" - "$dir" <<'PY'
import sys
d = sys.argv[1]
with open(f"{d}/dots.gsl", "w") as f:
    f.write(".kind:: K\n" + "." * 100000 + "d: deep\n")
with open(f"{d}/deep.gsl", "w") as f:
    f.write(".macro:: m\n")
    for i in range(2, 10001):
        f.write("." * i + "p: level %d\n" % i)
with open(f"{d}/deepattr.gsl", "w") as f:
    f.write(".kind:: K\n")
    for i in range(2, 5001):
        f.write("." * i + "attr:: a%d\n" % i)
with open(f"{d}/siblings.gsl", "w") as f:
    f.write(".kind:: K\n")
    for i in range(100000):
        f.write("..attr:: a%d\n" % i)
with open(f"{d}/longline.gsl", "w") as f:
    f.write(".kind:: K\n..d: " + "word " * 200000 + "\n")
with open(f"{d}/undefined.gsl", "w") as f:
    f.write(".kind:: K\n")
    for i in range(5000):
        f.write("..attr:: a%d\n...kind of: Missing%d\n" % (i, i))
PY

expect dots.gsl 1 1
expect deep.gsl 0 0
expect deepattr.gsl 0 0
expect siblings.gsl 0 0
expect longline.gsl 0 0
expect undefined.gsl 1 5000
exit $fail
