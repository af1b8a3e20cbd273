"""What the runtime's spec tests share: gslc compiles one of the runtime's
specifications (specs/NAME.gsl) with every format but ctest (tests/ctests
builds and runs those), and both forms of Python tests it writes run
against the staged package.

A test module defines a subclass of SpecForms naming the spec, its
outputs and, for the Tester form, how each tested kind's object is made,
then calls main(). Skipped (exit status 77) without gslc.
"""
import importlib.util
import os
import subprocess
import sys
import tempfile
import unittest

GSLC = os.environ.get('GSLC', '')


def spec_path(name):
    return os.path.join(os.environ.get('top_srcdir', ''), 'specs', name)


class SpecForms(unittest.TestCase):
    SPEC = None        # 'heapyc.gsl'
    OUTPUTS = ()       # the files the run must write, nonempty
    TESTER = None      # the Tester module's file name
    UNITTEST = None    # the unittest module's name
    EXAMPLES = {}      # tgt name of each tested kind -> expression of its object
    NAMESPACE = ''     # code that gives the expressions their names

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix='spec-forms-')
        cls.out = cls.tmp.name
        cls.gslc = subprocess.run(
            [GSLC, '--format=html,xhtml,latex,tester,unittest',
             '-o', cls.out, spec_path(cls.SPEC)], capture_output=True, text=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_compiles(self):
        self.assertEqual(self.gslc.returncode, 0, self.gslc.stderr)
        for name in self.OUTPUTS:
            self.assertTrue(os.path.getsize(os.path.join(self.out, name)), name)

    def test_unittest_form(self):
        run = subprocess.run([sys.executable, '-m', 'unittest', self.UNITTEST],
                             cwd=self.out, capture_output=True, text=True,
                             timeout=900)
        self.assertEqual(run.returncode, 0, run.stderr[-3000:])
        self.assertRegex(run.stderr, r'Ran [1-9]\d* tests')

    def test_tester_form(self):
        path = os.path.join(self.out, self.TESTER)
        spec = importlib.util.spec_from_file_location('tester', path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        tests = module.Tester.tests
        self.assertEqual(sorted(tests), sorted(self.EXAMPLES))
        namespace = {}
        exec(self.NAMESPACE, namespace)
        for tgt, test in tests.items():
            with self.subTest(kind=tgt):
                test(module.Tester(), eval(self.EXAMPLES[tgt], namespace))


def main(case):
    if not os.access(GSLC, os.X_OK) or not os.path.exists(spec_path(case.SPEC)):
        print('skipped: no gslc (GSLC) or no specs/%s (top_srcdir)' % case.SPEC)
        sys.exit(77)
    unittest.main(defaultTest=case.__name__, module=sys.modules[case.__module__])
