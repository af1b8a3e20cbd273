#!/bin/sh
# witness.sh: the Python witnesses of `gslc compat --witness` pass for an
# implementation of OLD and fail for one of NEW.
exec "$PYTHON" "$top_srcdir/tests/compat/witness/check.py" "$top_srcdir/tests/compat/witness"
