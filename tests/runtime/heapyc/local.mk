# tests/runtime/heapyc/local.mk: tests of the heapyc module on graphs
# whose answers are known (walks, relations, sizes, nodegraphs,
# classifiers, paths and referrers, RootState, Horizon, heap definitions
# from other modules); the tests gslc generates from specs/heapyc.gsl;
# and, given GUPPY3=<built guppy3 checkout>, the original's own suites
# run on our modules and side-by-side comparisons.
HEAPYC_TESTS = \
	tests/runtime/heapyc/test_walks.py \
	tests/runtime/heapyc/test_relate.py \
	tests/runtime/heapyc/test_sizes.py \
	tests/runtime/heapyc/test_nodegraph.py \
	tests/runtime/heapyc/test_classifiers.py \
	tests/runtime/heapyc/test_paths.py \
	tests/runtime/heapyc/test_rootstate.py \
	tests/runtime/heapyc/test_horizon.py \
	tests/runtime/heapyc/test_heapdefs.py \
	tests/runtime/heapyc/test_spec.py \
	tests/runtime/heapyc/test_guppy3.py
TESTS += $(HEAPYC_TESTS)
EXTRA_DIST += $(HEAPYC_TESTS) tests/runtime/heapyc/heapyc_support.py \
	tests/runtime/heapyc/guppy3_tree.py
