# tests/frontend/local.mk: the front end's tests: its reference examples
# (tests/spec/frontend.txt), unit tests, the unparser's round-trip
# property, allocation failures, pathological inputs, the shared corpus
# and the driver's command-line contract.
check_PROGRAMS += tests/frontend/test_units tests/frontend/test_unparse tests/frontend/test_oom
tests_frontend_test_units_LDADD = gslc/libgsl.a
tests_frontend_test_unparse_LDADD = gslc/libgsl.a
tests_frontend_test_oom_LDADD = gslc/libgsl.a
TESTS += \
	tests/frontend/test_units \
	tests/frontend/test_unparse \
	tests/frontend/test_oom \
	tests/frontend/spec.sh \
	tests/frontend/corpus.sh \
	tests/frontend/pathological.sh \
	tests/frontend/cli.sh
EXTRA_DIST += \
	tests/frontend/spec.sh \
	tests/frontend/corpus.sh \
	tests/frontend/pathological.sh \
	tests/frontend/cli.sh \
	tests/spec/run_spec.py \
	tests/spec/frontend.txt
