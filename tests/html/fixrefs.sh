#!/bin/sh
# fixrefs.sh: runs fixrefs.py (see there) with the Python the build found.
exec "${PYTHON:-python3}" "$top_srcdir/tests/html/fixrefs.py" "$@"
