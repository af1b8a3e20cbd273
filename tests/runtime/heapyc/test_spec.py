"""The tests generated from the specification, specs/heapyc.gsl, pass:
gslc compiles its documents (manual pages in HTML and LaTeX, tests in the
original's Tester form and as a unittest module), and both forms of tests
run against the staged heapyc. Skipped (exit status 77) without gslc."""
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

GSLC = os.environ.get('GSLC', '')
SPEC = os.path.join(os.environ.get('top_srcdir', ''), 'specs', 'heapyc.gsl')

# How the Tester form's object under test is made, per tested kind: as the
# specification's example of the kind makes it.
EXAMPLES = {
    '.tgt.heapyc.module_heapyc': 'heapyc',
    '.tgt.heapyc.HeapView': "HeapView([[1, 2], (3,), {'k': 'v'}], ())",
    '.tgt.heapyc.AtomClassifier': 'HeapView([], ()).cli_type()',
    '.tgt.heapyc.NodeGraph': 'NodeGraph([((), 1), (1, None), ((), 2)])',
    '.tgt.heapyc.Horizon': "Horizon([(), 'a'])",
    '.tgt.heapyc.Relation': "Relation(1, 'name')",
}
NAMESPACE = ('from heapy import heapyc\n'
             'from heapy.heapyc import HeapView, NodeGraph, Horizon, '
             'Relation\n')


class Spec(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix='heapyc-spec-')
        cls.out = cls.tmp.name
        cls.gslc = subprocess.run(
            [GSLC, '--format=html,xhtml,latex,tester,unittest',
             '-o', cls.out, SPEC], capture_output=True, text=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_compiles(self):
        self.assertEqual(self.gslc.returncode, 0, self.gslc.stderr)
        for name in ('heapyc.html', 'heapyc.tex', 'test_heapyc.py',
                     'test_heapyc_spec.py'):
            self.assertTrue(os.path.getsize(os.path.join(self.out, name)))

    def test_unittest_form(self):
        run = subprocess.run([sys.executable, '-m', 'unittest',
                              'test_heapyc_spec'], cwd=self.out,
                             capture_output=True, text=True, timeout=900)
        self.assertEqual(run.returncode, 0, run.stderr[-3000:])
        self.assertRegex(run.stderr, r'Ran [1-9]\d* tests')

    def test_tester_form(self):
        path = os.path.join(self.out, 'test_heapyc.py')
        spec = importlib.util.spec_from_file_location('tester', path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        tests = module.Tester.tests
        self.assertEqual(sorted(tests), sorted(EXAMPLES))
        namespace = {}
        exec(NAMESPACE, namespace)
        for tgt, test in tests.items():
            with self.subTest(kind=tgt):
                test(module.Tester(), eval(EXAMPLES[tgt], namespace))


if __name__ == '__main__':
    if not os.access(GSLC, os.X_OK) or not os.path.exists(SPEC):
        print('skipped: no gslc (GSLC) or no specs/heapyc.gsl (top_srcdir)')
        sys.exit(77)
    unittest.main()
