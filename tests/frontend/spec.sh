#!/bin/sh
# spec.sh: the examples of tests/spec/frontend.txt, the front end's
# reference, each with its exact output.
exec "$PYTHON" "$top_srcdir/tests/spec/run_spec.py" "$top_srcdir/tests/spec/frontend.txt"
