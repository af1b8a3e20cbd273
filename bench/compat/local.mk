# bench/compat/local.mk: `make bench-compat` times `gslc compat` on the
# synthetic corpus of 10,000 kinds: identical versions, edited ones, and
# two seeds (every kind renamed and changed).
.PHONY: bench-compat
bench-compat: gslc/gslc$(EXEEXT)
	$(PYTHON) '$(srcdir)/bench/compat/bench_compat.py' --gslc '$(abs_top_builddir)/gslc/gslc' \
		--shared '$(abs_top_srcdir)/../shared'
EXTRA_DIST += bench/compat/bench_compat.py
