"""The tests generated from the specification, specs/sets.gsl, pass:
gslc compiles its documents (manual pages in HTML and LaTeX, tests in the
original's Tester form and as a unittest module), and both forms of tests
run against the staged setsc (tests/runtime/spec_forms.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from spec_forms import SpecForms, main  # noqa: E402


class Spec(SpecForms):
    SPEC = 'sets.gsl'
    OUTPUTS = ('sets.html', 'sets.tex', 'test_sets.py', 'test_sets_spec.py')
    TESTER = 'test_sets.py'
    UNITTEST = 'test_sets_spec'
    # The object under test of each kind the Tester form tests: the
    # specification's first example of the kind.
    EXAMPLES = {
        '.tgt.sets.module_setsc': 'heapy',
        '.tgt.sets.ImmBitSet': 'immbitset([1, 2, 90])',
        '.tgt.sets.CplBitSet': '~immbitset([2, 7])',
        '.tgt.sets.MutBitSet': 'mutbitset([0, 130, 9])',
        '.tgt.sets.ImmNodeSet': 'immnodeset([(), 1, None])',
        '.tgt.sets.MutNodeSet': 'mutnodeset([(), 1])',
    }
    NAMESPACE = ('import heapy\n'
                 'from heapy import immbitset, mutbitset, immnodeset, mutnodeset\n')


if __name__ == '__main__':
    main(Spec)
