"""The tests generated from the specification, specs/heapyc.gsl, pass:
gslc compiles its documents (manual pages in HTML and LaTeX, tests in the
original's Tester form and as a unittest module), and both forms of tests
run against the staged heapyc (tests/runtime/spec_forms.py)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))
from spec_forms import SpecForms, main  # noqa: E402


class Spec(SpecForms):
    SPEC = 'heapyc.gsl'
    OUTPUTS = ('heapyc.html', 'heapyc.tex', 'test_heapyc.py', 'test_heapyc_spec.py')
    TESTER = 'test_heapyc.py'
    UNITTEST = 'test_heapyc_spec'
    # How the Tester form's object under test is made, per tested kind: as
    # the specification's example of the kind makes it.
    EXAMPLES = {
        '.tgt.heapyc.module_heapyc': 'heapyc',
        '.tgt.heapyc.HeapView': "HeapView([[1, 2], (3,), {'k': 'v'}], ())",
        '.tgt.heapyc.AtomClassifier': 'HeapView([], ()).cli_type()',
        '.tgt.heapyc.NodeGraph': 'NodeGraph([((), 1), (1, None), ((), 2)])',
        '.tgt.heapyc.Horizon': "Horizon([(), 'a'])",
        '.tgt.heapyc.Relation': "Relation(1, 'name')",
    }
    NAMESPACE = ('from heapy import heapyc\n'
                 'from heapy.heapyc import HeapView, NodeGraph, Horizon, Relation\n')


if __name__ == '__main__':
    main(Spec)
