# bench/gslc/local.mk: gslc on the synthetic corpus, beside the original
# when GUPPY3 names a built guppy3 checkout.
EXTRA_DIST += bench/gslc/bench_gslc.py
BENCH_SIZES = 256,1024,4096

.PHONY: bench-gslc
bench-gslc: gslc/gslc
	$(PYTHON) $(srcdir)/bench/gslc/bench_gslc.py --gslc gslc/gslc --sizes $(BENCH_SIZES) \
		--shared $(abs_top_srcdir)/../shared
