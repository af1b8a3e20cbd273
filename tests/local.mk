# tests/local.mk: the test suite. Each area keeps its tests and rules in a
# folder of its own.
include $(srcdir)/tests/runtime/sets/local.mk
include $(srcdir)/tests/runtime/heapyc/local.mk
