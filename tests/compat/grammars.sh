#!/bin/sh
# grammars.sh: the decision on argument lists (inclusion, counterexamples
# and their length) agrees with brute-force enumeration on 300 pairs of
# random grammars.
exec "$PYTHON" "$top_srcdir/tests/compat/grammars.py" 300 1
