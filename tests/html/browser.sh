#!/bin/sh
# browser.sh: runs browser.py (see there) with the Python the build found.
exec "${PYTHON:-python3}" "$top_srcdir/tests/html/browser.py" "$@"
