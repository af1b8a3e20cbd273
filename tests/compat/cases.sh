#!/bin/sh
# cases.sh: every rule of `gslc compat` in both directions, equivalent
# argument grammars, kind hierarchies, conditions and renames
# (tests/compat/cases.txt), each with its verdict and findings.
exec "$PYTHON" "$top_srcdir/tests/compat/run_cases.py" "$top_srcdir/tests/compat/cases.txt"
