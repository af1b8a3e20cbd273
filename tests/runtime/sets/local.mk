# tests/runtime/sets/local.mk: tests of the setsc module: properties of
# bitsets and nodesets against Python's ints and sets, the C interface
# through ctypes, the tests gslc generates from specs/sets.gsl, and,
# given GUPPY3=<built guppy3 checkout>, the original's own suite run on
# our module and side-by-side comparisons.
SETS_TESTS = \
	tests/runtime/sets/test_bitset.py \
	tests/runtime/sets/test_nodeset.py \
	tests/runtime/sets/test_capi.py \
	tests/runtime/sets/test_spec.py \
	tests/runtime/sets/test_guppy3.py
TESTS += $(SETS_TESTS)
EXTRA_DIST += $(SETS_TESTS) tests/runtime/spec_forms.py
