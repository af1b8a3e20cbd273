# tests/fuzz/local.mk: the libFuzzer target over parsing, resolution,
# every backend and the unparser. It is built with clang, from the same
# sources as gslc, and run by `make fuzz` for FUZZ_SECONDS.
FUZZ_SECONDS = 60
FUZZ_FILES = $(filter %.c,$(gslc_libgsl_a_SOURCES) $(backends_libbackends_a_SOURCES))
FUZZ_BUILT = $(nodist_backends_libbackends_a_SOURCES)
FUZZ_CFLAGS = -g -O1 -std=c11 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -I$(srcdir)/gslc -I$(srcdir)/backends -I$(top_builddir) \
	-D_GNU_SOURCE $(LIBXML2_CFLAGS)
EXTRA_DIST += tests/fuzz/fuzz_gsl.c tests/fuzz/gsl.dict tests/fuzz/seeds
CLEANFILES += tests/fuzz/fuzz-gsl

tests/fuzz/fuzz-gsl: $(srcdir)/tests/fuzz/fuzz_gsl.c $(FUZZ_FILES:%=$(srcdir)/%) $(FUZZ_BUILT)
	@mkdir -p tests/fuzz
	$(AM_V_CCLD)$(CLANG) $(FUZZ_CFLAGS) -o $@ $(srcdir)/tests/fuzz/fuzz_gsl.c \
		$(FUZZ_FILES:%=$(srcdir)/%) $(FUZZ_BUILT) $(LIBXML2_LIBS)

.PHONY: fuzz
fuzz:
	@if test -z "$(CLANG)"; then echo "fuzz: clang not found; skipped"; exit 0; fi; \
	$(MAKE) $(AM_MAKEFLAGS) tests/fuzz/fuzz-gsl && \
	mkdir -p tests/fuzz/corpus && \
	ASAN_OPTIONS=detect_leaks=1 ./tests/fuzz/fuzz-gsl -max_total_time=$(FUZZ_SECONDS) \
		-max_len=4096 -dict=$(srcdir)/tests/fuzz/gsl.dict -print_final_stats=1 \
		tests/fuzz/corpus $(srcdir)/tests/fuzz/seeds
