# tests/ctests/local.mk: the C test backend (ctest format). The scripts
# make C tests with gslc, build them with the fragment that
# `gslc --ctest-makefile` prints, and run them: on the project's own
# specifications against the staged runtime (with the sanitizers when
# the build has them), on the original's genext.gsl against GUPPY3, and
# on small specifications of their own. They run through the Python test
# runner of runtime/local.mk and read the build's settings from build.env.
CTESTS_TESTS = \
	tests/ctests/test_build.py \
	tests/ctests/test_mutation_c.py \
	tests/ctests/test_either_c.py \
	tests/ctests/test_refcounts.py \
	tests/ctests/test_valgrind.py \
	tests/ctests/test_own_specs.py \
	tests/ctests/test_guppy3.py
TESTS += $(CTESTS_TESTS)
EXTRA_DIST += $(CTESTS_TESTS) \
	tests/ctests/ctsupport.py \
	tests/ctests/builtins.gsl \
	tests/ctests/refbugs.c \
	tests/ctests/refbugs.gsl \
	tests/ctests/python.supp

# How the scripts compile: the compiler and flags of this build.
check_SCRIPTS += tests/ctests/build.env
CLEANFILES += tests/ctests/build.env
tests/ctests/build.env: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/ctests && { \
	  echo 'CC=$(CC)'; \
	  echo 'CFLAGS=$(CFLAGS)'; \
	  echo 'WARN_CFLAGS=$(WARN_CFLAGS)'; \
	  echo 'SAN_CFLAGS=$(SAN_CFLAGS)'; \
	  echo 'SAN_LDFLAGS=$(SAN_LDFLAGS)'; \
	  echo 'PYTHON_CFLAGS=$(PYTHON_CFLAGS)'; \
	  echo 'VALGRIND=$(VALGRIND)'; \
	  echo 'MAKE=$(MAKE)'; \
	} > $@-t && mv $@-t $@
