# bench/local.mk: benchmarks. They print figures (ours beside the
# original's when GUPPY3 names a built guppy3 checkout); they are run by
# `make bench`, never as timed tests.
.PHONY: bench
bench: bench-gslc bench-compat bench-sets bench-heapyc
include $(srcdir)/bench/gslc/local.mk
include $(srcdir)/bench/compat/local.mk
include $(srcdir)/bench/sets/local.mk
include $(srcdir)/bench/heapyc/local.mk
