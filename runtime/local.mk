# runtime/local.mk: the heapy runtime, CPython extension modules that are
# installed as the Python package `heapy` (setsc: bitsets and nodesets;
# heapyc: heap views). Each module keeps its rules beside its sources.
heapydir = $(pyexecdir)/heapy

# Every module compiles against Python.h and the public headers of
# runtime/include/heapy/, and links as a loadable module exporting only
# its PyInit_ function.
HEAPY_MODULE_CPPFLAGS = -I$(srcdir)/runtime/include $(PYTHON_CFLAGS)
HEAPY_MODULE_LDFLAGS = -module -avoid-version -shared \
	-export-symbols-regex '^PyInit_'

heapy_PYTHON += runtime/heapy/__init__.py

# The public C headers: the export tables of setsc and the heap
# definitions heapyc reads, installed for other extension modules.
heapyincludedir = $(includedir)/heapy
heapyinclude_HEADERS = \
	runtime/include/heapy/setsc.h \
	runtime/include/heapy/heapdef.h

include $(srcdir)/runtime/setsc/local.mk
include $(srcdir)/runtime/heapyc/local.mk

# The staged package. `make` copies the Python files of heapy_PYTHON and
# the shared object of every module in heapy_LTLIBRARIES into
# $(builddir)/runtime/stage/heapy/, so the build tree holds an importable
# `heapy` (PYTHONPATH=$(abs_builddir)/runtime/stage). A module joins the
# stage just by being added to heapy_LTLIBRARIES; the file names are the
# ones `make install` gives them (the .la file's dlname).
runtime/stage/.stamp: $(heapy_LTLIBRARIES) $(heapy_PYTHON)
	$(AM_V_GEN)rm -rf runtime/stage/heapy && \
	$(MKDIR_P) runtime/stage/heapy && \
	for py in $(heapy_PYTHON); do \
	  if test -f "$$py"; then d=; else d="$(srcdir)/"; fi; \
	  cp "$$d$$py" runtime/stage/heapy/ || exit 1; \
	done && \
	for la in $(heapy_LTLIBRARIES); do \
	  so=`sed -n "s/^dlname='\(.*\)'$$/\1/p" "$$la"`; \
	  cp "`dirname $$la`/.libs/$$so" runtime/stage/heapy/ || exit 1; \
	done && \
	touch $@

all-local: runtime/stage/.stamp

clean-local: clean-runtime-stage
clean-runtime-stage:
	-rm -rf runtime/stage
.PHONY: clean-runtime-stage

# How tests and benchmarks run Python: `$(HEAPY_RUN) script args`
# runs $(PYTHON) on the staged package, preloading the sanitizer runtime
# when the build uses sanitizers. Test scripts ending in .py are run
# through it; exit status 77 means skipped.
HEAPY_RUN = env PYTHON='$(PYTHON)' \
	HEAPY_STAGE='$(abs_top_builddir)/runtime/stage' \
	ASAN_LIB='$(ASAN_LIB)' GUPPY3='$(GUPPY3)' \
	$(SHELL) $(top_srcdir)/tests/runtime/run-python.sh
TEST_EXTENSIONS = .py
PY_LOG_COMPILER = $(HEAPY_RUN)
EXTRA_DIST += tests/runtime/run-python.sh
