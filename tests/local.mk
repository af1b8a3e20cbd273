# tests/local.mk: the test suite. Each area keeps its tests and rules in a
# folder of its own. Tests that need ../shared (the original's corpus and
# checkers) or a built guppy3 checkout (GUPPY3=...) skip cleanly, with
# exit status 77, when those are absent.
SHARED = $(abs_top_srcdir)/../shared
AM_TESTS_ENVIRONMENT = \
	GSLC='$(abs_top_builddir)/gslc/gslc'; export GSLC; \
	SHARED='$(SHARED)'; export SHARED; \
	PYTHON='$(PYTHON)'; export PYTHON; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir;
EXTRA_DIST += tests/check.h
include $(srcdir)/tests/frontend/local.mk
include $(srcdir)/tests/html/local.mk
include $(srcdir)/tests/latex/local.mk
include $(srcdir)/tests/pytests/local.mk
include $(srcdir)/tests/ctests/local.mk
include $(srcdir)/tests/compat/local.mk
include $(srcdir)/tests/fuzz/local.mk
include $(srcdir)/tests/runtime/sets/local.mk
include $(srcdir)/tests/runtime/heapyc/local.mk
