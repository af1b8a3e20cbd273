#!/bin/sh
# run-python.sh: runs a Python script (a test or a benchmark) against the
# heapy package staged in the build tree. The makefile passes PYTHON,
# HEAPY_STAGE and ASAN_LIB (empty unless the build uses sanitizers, whose
# runtime must then be preloaded into the uninstrumented interpreter).
# The script's exit status passes through; 77 means skipped.
: "${PYTHON:?PYTHON must name the interpreter}"
: "${HEAPY_STAGE:?HEAPY_STAGE must name the staged package directory}"

PYTHONPATH="$HEAPY_STAGE${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH

if test -n "${ASAN_LIB:-}"; then
  LD_PRELOAD="$ASAN_LIB${LD_PRELOAD:+ $LD_PRELOAD}"
  # Python's own allocations are not instrumented; leak reports about
  # the interpreter are noise. Plain malloc lets ASan see object bounds.
  ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
  PYTHONMALLOC=malloc
  export LD_PRELOAD ASAN_OPTIONS UBSAN_OPTIONS PYTHONMALLOC
fi

exec "$PYTHON" "$@"
