#!/bin/sh
# golden.sh: runs golden.py (see there) with the Python the build found.
exec "${PYTHON:-python3}" "$top_srcdir/tests/html/golden.py" "$@"
