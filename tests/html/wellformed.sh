#!/bin/sh
# wellformed.sh: runs wellformed.py (see there) with the Python the build found.
exec "${PYTHON:-python3}" "$top_srcdir/tests/html/wellformed.py" "$@"
