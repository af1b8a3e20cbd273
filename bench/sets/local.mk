# bench/sets/local.mk: `make bench-sets` times the setsc module (and,
# with GUPPY3=<built guppy3 checkout>, the original's beside it).
bench-sets: runtime/stage/.stamp
	$(HEAPY_RUN) $(srcdir)/bench/sets/bench_sets.py \
	  $(if $(GUPPY3),--guppy3 '$(GUPPY3)') $(BENCH_SETS_FLAGS)
.PHONY: bench-sets
EXTRA_DIST += bench/sets/bench_sets.py
