"""heapy.heapyc beside the original: Guppy-PE's heapyc from the built
guppy3 checkout that GUPPY3 names. Without it the tests are skipped (run
as a script: exit status 77).

- The original's own tests of heapyc and of the heapy Python layer above
  it run on our setsc and heapyc: in a copy of the original's Python tree,
  guppy.sets.setsc and guppy.heapy.heapyc are made names of ours.
- The original heapyc and ours see the same heap, the same referents, the
  same relations and sizes, on random graphs of containers.
"""
import os
import random
import re
import subprocess
import sys
import tempfile
import unittest

import guppy3_tree
from heapyc_support import TestCase, heapyc, setsc, immnodeset

GUPPY3 = os.environ.get('GUPPY3', '')
HAVE_GUPPY3 = os.path.isdir(os.path.join(GUPPY3, 'guppy', 'heapy'))
SEED = int(os.environ.get('HEAPYC_TEST_SEED', '20240611'))
needs_guppy3 = unittest.skipUnless(HAVE_GUPPY3,
                                   'GUPPY3 names no built guppy3 checkout')

# The original's test modules that its own runner (test_all) runs.
SUITES = ['dependencies', 'gsl', 'Classifiers', 'heapyc', 'ER',
          'OutputHandling', 'Part', 'Path', 'RefPat', 'UniSet', 'View']

def original():
    """The original's heapyc, setsc and sets package."""
    if GUPPY3 not in sys.path:
        sys.path.append(GUPPY3)
    import guppy.heapy.heapyc
    import guppy.sets
    return guppy.heapy.heapyc, guppy.sets.setsc, guppy.sets


@needs_guppy3
class OriginalSuites(unittest.TestCase):
    def test_original_suites_pass(self):
        with tempfile.TemporaryDirectory(prefix='heapyc-in-guppy3-') as tmp:
            guppy3_tree.make(GUPPY3, tmp)
            stage = os.path.dirname(os.path.dirname(heapyc.__file__))
            env = guppy3_tree.environment(stage, tmp)
            check = ('import guppy.heapy.heapyc as h, guppy.sets.setsc as s;'
                     'print(h.__file__, s.__file__)')
            used = subprocess.run([sys.executable, '-c', check], env=env,
                                  cwd=tmp, capture_output=True, text=True)
            self.assertEqual(used.stdout.split(),
                             [heapyc.__file__, setsc.__file__])
            modules = ['guppy.heapy.test.test_' + s for s in SUITES]
            run = subprocess.run([sys.executable, '-m', 'unittest'] + modules,
                                 env=env, cwd=tmp, capture_output=True,
                                 text=True, timeout=1800)
            counts = re.findall(r'^Ran (\d+) tests?', run.stderr, re.M)
            print('\noriginal suites: %s tests, %s'
                  % (counts[-1] if counts else '?',
                     'OK' if run.returncode == 0 else 'FAILED'),
                  file=sys.stderr)
            self.assertEqual(run.returncode, 0, run.stderr[-3000:])
            self.assertGreaterEqual(int(counts[-1]), 100)


def random_graph(rnd, n):
    """Containers referring to each other and to atoms: lists, tuples,
    int-keyed dicts, sets; returns the root (a list) and all of them."""
    atoms = [10 ** 15 + i for i in range(20)] + ['atom%d' % i
                                                 for i in range(20)]
    lists = [[] for _ in range(n)]
    for l in lists:
        for _ in range(rnd.randrange(4)):
            l.append(rnd.choice(lists + atoms))
    tuples = [tuple(rnd.sample(lists + atoms, 3)) for _ in range(n // 4)]
    keys = [tuple(rnd.sample(atoms, 2)) for _ in range(n // 4)]
    dicts = [{i: rnd.choice(lists + tuples) for i in range(3)}
             for _ in range(n // 4)]
    sets = [set(rnd.sample(keys + atoms, 3)) for _ in range(n // 4)]
    for l in lists:
        if rnd.random() < 0.5:
            l.append(rnd.choice(tuples + dicts + sets))
    return lists[0], lists + tuples + keys + dicts + sets + atoms


@needs_guppy3
class SideBySide(TestCase):
    def setUp(self):
        self.th, self.ts, self.sets = original()

    def views(self, root):
        return (heapyc.HeapView(root, (setsc._NyHeapDefs_,)),
                self.th.HeapView(root, (self.ts._NyHeapDefs_,)))

    def test_random_graphs(self):
        rnd = random.Random(SEED)
        for trial in range(10):
            root, objects = random_graph(rnd, 200)
            ours, theirs = self.views(root)
            self.assertSameObjects(ours.heap(), theirs.heap())
            for obj in rnd.sample(objects, 60):
                self.assertSameObjects(ours.relimg([obj]),
                                       theirs.relimg([obj]))
                self.assertEqual(ours.indisize_sum([obj]),
                                 theirs.indisize_sum([obj]))
                for ref in ours.relimg([obj]):
                    a, b = ours.relate(obj, ref), theirs.relate(obj, ref)
                    if isinstance(obj, set):
                        # The original numbers every set member 0.
                        a, b = ([len(x) for x in r] for r in (a, b))
                    self.assertEqual(a, b)

    def test_referrer_graphs(self):
        rnd = random.Random(SEED + 1)
        root, objects = random_graph(rnd, 300)
        ours, theirs = self.views(root)
        targets = rnd.sample(objects, 40)
        rg_ours, rg_theirs = heapyc.NodeGraph(), self.th.NodeGraph()
        ours.update_referrers(rg_ours, immnodeset(targets))
        theirs.update_referrers(rg_theirs, self.sets.immnodeset(targets))
        self.assertEqual([(id(s), id(t)) for s, t in rg_ours],
                         [(id(s), id(t)) for s, t in rg_theirs])

    def test_interpreter_heap(self):
        ours = heapyc.HeapView(heapyc.RootState, (setsc._NyHeapDefs_,))
        theirs = self.th.HeapView(self.th.RootState, (self.ts._NyHeapDefs_,))
        # A first walk meets new types, and the views record them.
        ours.heap(), theirs.heap()
        mine, other = ours.heap(), theirs.heap()
        # Each sees the other's RootState. Ours sees more (the string keys
        # of dicts, the metaclasses of classes): none of theirs is missing.
        missing = [x for x in other if x not in mine]
        self.assertSameObjects(missing, [heapyc.RootState])


if __name__ == '__main__':
    if not HAVE_GUPPY3:
        print('skipped: GUPPY3 names no built guppy3 checkout')
        sys.exit(77)
    unittest.main()
