#!/bin/sh
# corpus.sh: every GSL file of the original project's corpus and the seed
# home page passes `gslc --check`, and its tree survives unparsing.
set -u
[ -d "$SHARED/guppy3/specs" ] || { echo "no $SHARED: skipped"; exit 77; }
fail=0
for f in "$SHARED"/guppy3/specs/*.gsl "$SHARED"/seeds/index.gsl; do
	if "$GSLC" --check "$f" 2>"${TMPDIR:-/tmp}/corpus.$$"; then
		echo "ok $f"
	else
		echo "FAIL $f"
		cat "${TMPDIR:-/tmp}/corpus.$$"
		fail=1
	fi
done
rm -f "${TMPDIR:-/tmp}/corpus.$$"
UNPARSE_COUNT=0 "$top_builddir/tests/frontend/test_unparse" \
	"$SHARED"/guppy3/specs/*.gsl "$SHARED"/seeds/index.gsl || fail=1
exit $fail
