"""heapy.setsc beside the original: Guppy-PE's setsc from the built guppy3
checkout that GUPPY3 names. Without it the tests are skipped (run as a
script: exit status 77).

- The original's own test suite for sets, guppy/sets/test.py, runs with
  our module in place of theirs, in a copy of their Python tree.
- The original heapyc runs on our module, through the export tables.
- Random programs give the same results on both modules.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

from heapy import setsc as ours

GUPPY3 = os.environ.get('GUPPY3', '')
HAVE_GUPPY3 = os.path.isdir(os.path.join(GUPPY3, 'guppy', 'sets'))
SEED = int(os.environ.get('SETSC_TEST_SEED', '1729'))
needs_guppy3 = unittest.skipUnless(HAVE_GUPPY3,
                                   'GUPPY3 names no built guppy3 checkout')


def original_module():
    if GUPPY3 not in sys.path:
        sys.path.append(GUPPY3)
    import guppy.sets.setsc
    return guppy.sets.setsc


@needs_guppy3
class OurModuleInTheirTree(unittest.TestCase):
    """Their Python code and heapyc, with our setsc substituted."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='setsc-in-guppy3-')
        tree = os.path.join(cls.tmp, 'guppy')
        shutil.copytree(os.path.join(GUPPY3, 'guppy'), tree,
                        ignore=shutil.ignore_patterns('setsc*.so',
                                                      '__pycache__'))
        shutil.copy(ours.__file__, os.path.join(tree, 'sets', 'setsc.so'))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_python(self, *args):
        env = dict(os.environ, PYTHONPATH=self.tmp)
        done = subprocess.run([sys.executable] + list(args), env=env,
                              cwd=self.tmp, capture_output=True, text=True,
                              timeout=1200)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        return done.stdout + done.stderr

    def test_their_sets_suite(self):
        out = self.run_python(os.path.join(self.tmp, 'guppy', 'sets',
                                           'test.py'))
        self.assertIn('Test #36', out)

    def test_their_heapyc_uses_our_module(self):
        out = self.run_python('-c', '''
import guppy.sets.setsc as s, os
assert s.__file__.startswith(os.getcwd()), s.__file__
from guppy import hpy
h = hpy()
keep = [[i] for i in range(5000)]
heap = h.heap()
assert heap.count > 5000, heap.count
assert str(h.iso(keep[7]).sp)
print('heap', heap.count)
''')
        self.assertIn('heap', out)

    def test_their_heapyc_tests(self):
        out = self.run_python('-m', 'unittest', 'guppy.heapy.test.test_heapyc')
        self.assertIn('OK', out)


def random_int(rng):
    n = 0
    for _ in range(rng.randrange(0, 4)):
        n |= rng.getrandbits(rng.randrange(1, 300)) << rng.randrange(0, 200)
    return -n - 1 if rng.random() < 0.3 else n


@needs_guppy3
class SameResults(unittest.TestCase):
    """Random programs run on both modules; every result must agree."""

    def setUp(self):
        self.theirs = original_module()
        self.rng = random.Random(SEED)

    def outcome(self, f):
        try:
            r = f()
        except Exception as e:
            return type(e)
        if isinstance(r, (ours.BitSet, self.theirs.BitSet)):
            try:
                return int(r)
            except OverflowError:     # negative bits: the reprs agree
                return repr(r)
        return r

    def test_bitset_algebra(self):
        for _ in range(300):
            a, b = random_int(self.rng), random_int(self.rng)
            sh = self.rng.randrange(-100, 100)
            exprs = (lambda s, x, y: s.immbitset(x) & y,
                     lambda s, x, y: s.immbitset(x) | s.MutBitSet(y),
                     lambda s, x, y: s.MutBitSet(x) ^ s.immbitset(y),
                     lambda s, x, y: s.immbitset(x) - y,
                     lambda s, x, y: y - s.immbitset(x),
                     lambda s, x, y: ~s.immbitset(x),
                     lambda s, x, y: s.immbitset(x) << sh,
                     lambda s, x, y: s.immbitset(x) <= s.immbitset(y),
                     lambda s, x, y: s.MutBitSet(x) < s.immbitset(y),
                     lambda s, x, y: s.immbitset(x) == s.MutBitSet(y),
                     lambda s, x, y: len(s.immbitset(abs(x))),
                     lambda s, x, y: s.immbitset(abs(x))[-1],
                     lambda s, x, y: s.immbitset(abs(x))[:5],
                     lambda s, x, y: 37 in s.immbitset(x))
            for e in exprs:
                self.assertEqual(self.outcome(lambda: e(ours, a, b)),
                                 self.outcome(lambda: e(self.theirs, a, b)),
                                 (a, b))

    def test_mutable_bitset_programs(self):
        for _ in range(20):
            start = random_int(self.rng)
            sets = [ours.MutBitSet(start), self.theirs.MutBitSet(start)]
            for _ in range(300):
                bit = self.rng.randrange(-300, 300)
                name = self.rng.choice(('add', 'discard', 'tas', 'tac',
                                        'append', 'remove', 'pop', 'pop0',
                                        'ior', 'iand', 'ixor', 'isub'))
                results = []
                for s in sets:
                    if name == 'pop0':
                        results.append(self.outcome(lambda: s.pop(0)))
                    elif name.startswith('i'):
                        other = random.Random(bit).getrandbits(400) - 2 ** 399
                        op = getattr(s, '__%s__' % name)
                        results.append(self.outcome(lambda: int(op(other))))
                    else:
                        results.append(self.outcome(
                            lambda: getattr(s, name)(*(() if name == 'pop' else (bit,)))))
                self.assertEqual(results[0], results[1], name)
                self.assertEqual(repr(sets[0]), repr(sets[1]))

    def test_nodeset_programs(self):
        pool = [[] for _ in range(200)]
        for _ in range(20):
            sets = [ours.MutNodeSet(), self.theirs.MutNodeSet()]
            for _ in range(300):
                x = self.rng.choice(pool)
                sample = self.rng.sample(pool, self.rng.randrange(0, 30))
                name = self.rng.choice(('add', 'discard', 'tas', 'tac',
                                        'append', 'remove', 'ior', 'iand',
                                        'ixor', 'isub', 'contains'))
                results = []
                for s in sets:
                    if name == 'contains':
                        results.append(x in s)
                    elif name.startswith('i'):
                        results.append(self.outcome(
                            lambda: len(getattr(s, '__%s__' % name)(sample))))
                    else:
                        results.append(self.outcome(lambda: getattr(s, name)(x)))
                self.assertEqual(results[0], results[1], name)
                self.assertEqual({id(e) for e in sets[0]},
                                 {id(e) for e in sets[1]})
            for s, module in zip(sets, (ours, self.theirs)):
                imm = module.ImmNodeSet(s)
                self.assertEqual(len(imm & pool[:50]), len({id(e) for e in s} &
                                                           {id(e) for e in pool[:50]}))


if __name__ == '__main__':
    if not HAVE_GUPPY3:
        print('skipped: set GUPPY3 to a built guppy3 checkout')
        sys.exit(77)
    unittest.main()
