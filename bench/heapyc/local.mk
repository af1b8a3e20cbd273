# bench/heapyc/local.mk: `make bench-heapyc` times the heapyc module on a
# heap of a million extra objects and prints the figures; with
# GUPPY3=<built guppy3 checkout>, the original's beside them, with ratios.
# BENCH_HEAPYC_FLAGS passes options (--objects N, --repeats R, --rounds K).
bench-heapyc: runtime/stage/.stamp
	$(HEAPY_RUN) $(srcdir)/bench/heapyc/bench_heapyc.py \
	  $(if $(GUPPY3),--guppy3 '$(GUPPY3)') $(BENCH_HEAPYC_FLAGS)
.PHONY: bench-heapyc
EXTRA_DIST += bench/heapyc/bench_heapyc.py
