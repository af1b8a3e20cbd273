# tests/pytests/local.mk: the Python test backends (tester and unittest
# formats). Scripts ending in .py run through the Python test runner of
# runtime/local.mk, so the tests that run generated modules against our
# runtime find it staged; those needing ../shared or GUPPY3 skip without.
PYTESTS_TESTS = \
	tests/pytests/test_corpus.py \
	tests/pytests/test_heapyc_run.py \
	tests/pytests/test_unittest_run.py \
	tests/pytests/test_mutation.py \
	tests/pytests/test_enumeration.py \
	tests/pytests/test_paths.py \
	tests/pytests/test_either.py \
	tests/pytests/test_errors.py \
	tests/pytests/test_limits.py \
	tests/pytests/test_golden.py
TESTS += $(PYTESTS_TESTS)
EXTRA_DIST += $(PYTESTS_TESTS) \
	tests/pytests/support.py \
	tests/pytests/run_tester.py \
	tests/pytests/specs/enumeration.gsl \
	tests/pytests/specs/paths.gsl \
	tests/pytests/specs/either.gsl \
	tests/pytests/specs/either_impl.py \
	tests/pytests/corpus/heapy_unittest.gsl \
	tests/pytests/stack/stacks.gsl \
	tests/pytests/stack/stack.py \
	tests/pytests/stack/stacks.py.golden \
	tests/pytests/stack/test_stacks.py.golden

# Writes the golden outputs of stack/stacks.gsl anew, to review as a diff.
.PHONY: update-golden-pytests
update-golden-pytests: gslc/gslc
	GSLC='$(abs_top_builddir)/gslc/gslc' $(PYTHON) $(srcdir)/tests/pytests/test_golden.py \
		--update $(srcdir)/tests/pytests/stack
