#!/bin/sh
# reference.sh: runs reference.py (see there) with the Python the build found.
exec "${PYTHON:-python3}" "$top_srcdir/tests/html/reference.py" "$@"
