"""Bitsets of heapy.setsc checked against Python's ints and sets.

Python ints are the oracle for sets of non-negative bits and their
complements (a negative int stands for a complemented set, as in two's
complement); frozensets are the oracle for finite sets with negative bits.
Random data comes from a fixed seed (SETSC_TEST_SEED overrides it).
"""
import operator
import os
import pickle
import random
import sys
import unittest

from heapy.setsc import (BitSet, ImmBitSet, CplBitSet, MutBitSet,
                         immbit, immbitrange, immbitset)

SEED = int(os.environ.get('SETSC_TEST_SEED', '1729'))
MAXBIT = sys.maxsize
MINBIT = -sys.maxsize - 1


def random_bits(rng, kind):
    """A random finite set of ints, as a Python set."""
    if kind == 'empty':
        return set()
    if kind == 'dense':
        lo = rng.randrange(-300, 300)
        return {b for b in range(lo, lo + rng.randrange(1, 700))
                if rng.random() < 0.6}
    if kind == 'sparse':
        return {rng.randrange(-2 ** 62, 2 ** 62) for _ in range(rng.randrange(1, 60))}
    if kind == 'edges':
        return {rng.choice((0, 1, 63, 64, 65, 127, 128, -1, -63, -64, -65,
                            MAXBIT, MINBIT, MAXBIT - 64, MINBIT + 64))
                for _ in range(rng.randrange(1, 10))}
    # mixed: dense runs at scattered places
    s = set()
    for _ in range(rng.randrange(1, 6)):
        base = rng.randrange(-2 ** 40, 2 ** 40)
        s.update(range(base, base + rng.randrange(1, 200)))
    return s


KINDS = ('empty', 'dense', 'sparse', 'edges', 'mixed')

# Each set operator, its in-place form, and what it does to ints.
OPERATORS = ((operator.and_, operator.iand, lambda a, b: a & b),
             (operator.or_, operator.ior, lambda a, b: a | b),
             (operator.xor, operator.ixor, lambda a, b: a ^ b),
             (operator.sub, operator.isub, lambda a, b: a & ~b))


def random_natural(rng):
    """A random int, its bits a set of small non-negative ints."""
    n = 0
    for _ in range(rng.randrange(0, 4)):
        n |= rng.getrandbits(rng.randrange(1, 400)) << rng.randrange(0, 300)
    return -n - 1 if rng.random() < 0.4 else n


def as_kinds(n):
    """The set of int n as every operand kind that can stand for it."""
    imm = immbitset(n)
    return [n, imm, MutBitSet(n), MutBitSet(imm)]


def bits_of(n, limit):
    """The bits of int n below limit (for complemented, the missing ones)."""
    return [b for b in range(limit) if n >> b & 1]


class Construction(unittest.TestCase):

    def test_empty_is_one_object(self):
        empty = immbitset()
        for e in (immbitset([]), immbitset(()), immbitset(0),
                  ImmBitSet(), ImmBitSet([]), ImmBitSet(empty),
                  immbitset(MutBitSet()), immbitrange(0), immbitrange(5, 5),
                  immbitset([3]) - [3], immbitset(range(0))):
            self.assertIs(e, empty)
        self.assertEqual(repr(empty), 'ImmBitSet([])')
        self.assertFalse(empty)
        self.assertEqual(len(empty), 0)

    def test_full_set(self):
        omega = ~immbitset()
        self.assertIsInstance(omega, CplBitSet)
        self.assertIs(~omega, immbitset())
        self.assertTrue(omega)
        self.assertEqual(int(omega), -1)
        self.assertEqual(repr(omega), '(~ImmBitSet([]))')
        for b in (0, -1, MAXBIT, MINBIT):
            self.assertIn(b, omega)

    def test_from_iterables(self):
        rng = random.Random(SEED)
        for kind in KINDS:
            s = random_bits(rng, kind)
            expected = sorted(s)
            shuffled = list(s)
            rng.shuffle(shuffled)
            for make in (lambda: shuffled, lambda: tuple(shuffled),
                         lambda: dict.fromkeys(shuffled), lambda: set(s),
                         lambda: iter(shuffled), lambda: shuffled * 2,
                         lambda: sorted(s, reverse=True)):
                for constructor in (immbitset, ImmBitSet, MutBitSet):
                    self.assertEqual(list(constructor(make())), expected)

    def test_from_ranges(self):
        for args in ((0,), (10,), (-5, 70), (70, -5, -1), (100, 0, -7),
                     (-1000, 1000, 3), (0, 1 << 20, 64), (5, 6), (5, 5),
                     (MAXBIT - 100, MAXBIT), (MINBIT, MINBIT + 130, 13),
                     (MAXBIT, MINBIT, -(2 ** 62))):
            r = range(*args)
            self.assertEqual(list(immbitset(r)), sorted(r), args)
            self.assertEqual(list(MutBitSet(r)), sorted(r), args)

    def test_from_ints(self):
        rng = random.Random(SEED)
        for _ in range(200):
            n = random_natural(rng)
            s = immbitset(n)
            self.assertEqual(int(s), n)
            self.assertEqual(int(MutBitSet(n)), n)
            self.assertIsInstance(s, CplBitSet if n < 0 else ImmBitSet)
            if n >= 0:
                self.assertEqual(list(s), bits_of(n, n.bit_length()))

    def test_immbitset_returns_immutable_argument(self):
        a = immbitset([1, 2])
        self.assertIs(immbitset(a), a)
        c = ~a
        self.assertIs(immbitset(c), c)
        self.assertIsNot(ImmBitSet(a), a)
        self.assertEqual(ImmBitSet(a), a)

    def test_refusals(self):
        with self.assertRaises(TypeError):
            ImmBitSet(-1)
        with self.assertRaises(TypeError):
            ImmBitSet(~immbitset([1]))
        with self.assertRaises(TypeError):
            immbitset(['a'])
        with self.assertRaises(TypeError):
            immbitset([1.0])
        with self.assertRaises(TypeError):
            immbitset(1.5)
        with self.assertRaises(OverflowError):
            immbitset([2 ** 63])
        with self.assertRaises(OverflowError):
            immbit(-2 ** 63 - 1)
        with self.assertRaises(TypeError):
            CplBitSet([1])
        with self.assertRaises(TypeError):
            MutBitSet(object())

    def test_immbit(self):
        for b in (0, 1, 63, 64, -1, -64, -65, MAXBIT, MINBIT):
            self.assertEqual(list(immbit(b)), [b])

    def test_immbitrange(self):
        values = (-130, -65, -64, -63, -1, 0, 1, 31, 63, 64, 65, 127, 200)
        for lo in values:
            self.assertEqual(list(immbitrange(lo)), list(range(lo)))
            for hi in values:
                for step in (1, 2, 3, 5, 7, 31, 63, 64, 65, 100, 1000):
                    self.assertEqual(list(immbitrange(lo, hi, step)),
                                     list(range(lo, hi, step)),
                                     (lo, hi, step))
        for args in ((MAXBIT - 70, MAXBIT, 3), (MINBIT, MINBIT + 200, 9),
                     (MINBIT, MAXBIT, MAXBIT), (MINBIT, MAXBIT, 2 ** 62),
                     (-1, MAXBIT, MAXBIT), (MAXBIT - 1, MAXBIT)):
            self.assertEqual(list(immbitrange(*args)), list(range(*args)))
        self.assertEqual(len(immbitrange(10 ** 7)), 10 ** 7)
        with self.assertRaises(ValueError):
            immbitrange(0, 10, 0)
        with self.assertRaises(ValueError):
            immbitrange(0, 10, -1)
        with self.assertRaises(OverflowError):
            immbitrange(MINBIT, MAXBIT)


class Algebra(unittest.TestCase):
    """Every operator against Python ints, on every kind of operand."""

    def setUp(self):
        self.rng = random.Random(SEED)

    def check_binary(self, a, b):
        for x in as_kinds(a):
            for y in as_kinds(b):
                if isinstance(x, int) and isinstance(y, int):
                    continue
                for op, _, on_ints in OPERATORS:
                    r = op(x, y)
                    self.assertIsInstance(r, (ImmBitSet, CplBitSet))
                    self.assertEqual(int(r), on_ints(a, b), (a, b, op))

    def test_binary_operators(self):
        for _ in range(60):
            self.check_binary(random_natural(self.rng),
                              random_natural(self.rng))
        for a in (0, -1, 1, -2, 2 ** 64, -2 ** 64):
            for b in (0, -1, 1, -2, 2 ** 64 - 1, -2 ** 64):
                self.check_binary(a, b)

    def test_iterables_on_either_side(self):
        for _ in range(40):
            a, b = random_natural(self.rng), abs(random_natural(self.rng))
            lb = bits_of(b, b.bit_length())
            x = immbitset(a)
            self.assertEqual(int(x | lb), a | b)
            self.assertEqual(int(lb | x), a | b)
            self.assertEqual(int(lb & x), a & b)
            self.assertEqual(int(x - tuple(lb)), a & ~b)
            self.assertEqual(int(lb - x), b & ~a)
            self.assertEqual(int(x ^ iter(lb)), a ^ b)

    def test_unsupported_operands(self):
        x = immbitset([1])
        for bad in (1.5, None, object()):
            for op in (lambda: x | bad, lambda: bad & x, lambda: x - bad):
                self.assertRaises(TypeError, op)
        self.assertRaises(TypeError, lambda: x | ['a'])
        m = MutBitSet()
        with self.assertRaises(TypeError):
            m |= None

    def test_finite_sets_with_negative_bits(self):
        for _ in range(60):
            kind_a, kind_b = self.rng.choice(KINDS), self.rng.choice(KINDS)
            a, b = random_bits(self.rng, kind_a), random_bits(self.rng, kind_b)
            x, y = immbitset(a), MutBitSet(b)
            self.assertEqual(list(x & y), sorted(a & b))
            self.assertEqual(list(x | y), sorted(a | b))
            self.assertEqual(list(x ^ y), sorted(a ^ b))
            self.assertEqual(list(x - y), sorted(a - b))
            self.assertEqual(list(y - x), sorted(b - a))
            self.assertEqual(len(x | y), len(a | b))
            self.assertEqual(x <= y, a <= b)
            self.assertEqual(x < y, a < b)
            self.assertEqual(x == y, a == b)
            self.assertEqual(~x & y, immbitset(b - a))
            self.assertEqual(list(~(~x | ~y)), sorted(a & b))

    def test_in_place_operators(self):
        for _ in range(60):
            a, b = random_natural(self.rng), random_natural(self.rng)
            for y in as_kinds(b):
                for _, iop, on_ints in OPERATORS:
                    m = MutBitSet(a)
                    self.assertIs(iop(m, y), m)
                    self.assertEqual(int(m), on_ints(a, b), (a, b, iop))
                    i = immbitset(a)
                    r = iop(i, y)
                    self.assertEqual(int(r), on_ints(a, b))
                    self.assertEqual(int(i), a)

    def test_self_operations(self):
        for n in (0, -1, 12345, -12345, 2 ** 200 + 7):
            for m in (MutBitSet(n), immbitset(n)):
                self.assertEqual(int(m & m), n)
                self.assertEqual(int(m | m), n)
                self.assertEqual(int(m ^ m), 0)
                self.assertEqual(int(m - m), 0)
            m = MutBitSet(n)
            m &= m
            self.assertEqual(int(m), n)
            m |= m
            self.assertEqual(int(m), n)
            m -= m
            self.assertEqual(int(m), 0)
            m = MutBitSet(n)
            m ^= m
            self.assertEqual(int(m), 0)

    def test_complement(self):
        for _ in range(100):
            a = random_natural(self.rng)
            for x in as_kinds(a)[1:]:
                self.assertEqual(int(~x), ~a)
                self.assertEqual(int(~~x), a)
                self.assertIsInstance(~x, (ImmBitSet, CplBitSet))

    def test_comparisons_are_inclusion(self):
        def subset(p, q):
            return p & ~q == 0
        for _ in range(60):
            a = random_natural(self.rng)
            b = self.rng.choice((a, ~a, a | random_natural(self.rng),
                                 a & random_natural(self.rng),
                                 random_natural(self.rng)))
            for x in as_kinds(a)[1:]:
                for y in as_kinds(b)[1:]:
                    self.assertEqual(x == y, a == b)
                    self.assertEqual(x != y, a != b)
                    self.assertEqual(x <= y, subset(a, b), (a, b))
                    self.assertEqual(x >= y, subset(b, a))
                    self.assertEqual(x < y, subset(a, b) and a != b)
                    self.assertEqual(x > y, subset(b, a) and a != b)

    def test_comparison_with_other_types(self):
        x = immbitset([1])
        self.assertFalse(x == [1])
        self.assertTrue(x != 1)
        self.assertRaises(TypeError, lambda: x <= [1])
        self.assertNotIn(x, [1, 2])

    def test_shift(self):
        for _ in range(100):
            a = random_natural(self.rng)
            sh = self.rng.randrange(-200, 200)
            for x in as_kinds(a)[1:]:
                s = x << sh
                if a >= 0:
                    self.assertEqual(list(s),
                                     [b + sh for b in bits_of(a, a.bit_length())])
                else:
                    self.assertEqual(list(~s),
                                     [b + sh for b in bits_of(~a, (~a).bit_length())])
        b = immbitset([0])
        for sh in (MAXBIT, -MAXBIT, MINBIT):
            self.assertEqual(b << sh, immbit(sh))
        for s, sh in ((immbit(MAXBIT), 1), (immbit(MINBIT), -1),
                      (immbitset([0, MAXBIT]), 1)):
            self.assertRaises(OverflowError, lambda: s << sh)
        self.assertRaises(OverflowError, lambda: b << 2 ** 64)
        for lo, hi in ((0, 10), (0, 10000), (-1000, 1000)):
            for sh in (-257, -64, -1, 0, 1, 63, 64, 257):
                self.assertEqual(immbitrange(lo, hi, 3) << sh,
                                 immbitrange(lo + sh, hi + sh, 3))


class Queries(unittest.TestCase):

    def test_length_iteration_membership(self):
        rng = random.Random(SEED)
        for kind in KINDS * 4:
            s = random_bits(rng, kind)
            for x in (immbitset(s), MutBitSet(s)):
                self.assertEqual(len(x), len(s))
                self.assertEqual(list(x), sorted(s))
                self.assertEqual(bool(x), bool(s))
                for b in list(s)[:50]:
                    self.assertIn(b, x)
                    self.assertIn(b, ~~x)
                    self.assertNotIn(b, ~x)
                for b in (rng.randrange(-2 ** 62, 2 ** 62) for _ in range(50)):
                    self.assertEqual(b in x, b in s)
        self.assertRaises(TypeError, lambda: 'a' in immbitset([1]))
        self.assertRaises(TypeError, len, ~immbitset([1]))
        self.assertRaises(TypeError, len, MutBitSet(-1))
        self.assertRaises(TypeError, iter, ~immbitset([1]))
        self.assertRaises(TypeError, iter, MutBitSet(-1))

    def test_membership_in_large_uneven_sets(self):
        # Large sets are searched by guessing from their spread: clusters
        # far apart and single outliers must not mislead the search.
        rng = random.Random(SEED)
        for clusters in (1, 2, 3, 7):
            s = set()
            for _ in range(clusters):
                base = rng.randrange(-2 ** 62, 2 ** 62)
                step = rng.choice((1, 3, 64, 65, 1000))
                s.update(range(base, base + step * rng.randrange(100, 3000), step))
            s.update((MINBIT, MAXBIT, 0))
            x, m = immbitset(s), MutBitSet(s)
            for b in rng.sample(sorted(s), 500) + [MINBIT, MAXBIT, 0]:
                for probe in (b - 1, b, b + 1):
                    if MINBIT <= probe <= MAXBIT:
                        self.assertEqual(probe in x, probe in s, probe)
                        self.assertEqual(probe in m, probe in s, probe)

    def test_indexing_and_slicing(self):
        rng = random.Random(SEED)
        for kind in KINDS[1:] * 3:
            s = sorted(random_bits(rng, kind))
            for x in (immbitset(s), MutBitSet(s)):
                self.assertEqual(x[0], s[0])
                self.assertEqual(x[-1], s[-1])
                self.assertEqual(x[:], immbitset(s))
                for k in (1, 2, 31, 64, 65, 200, len(s), len(s) + 5):
                    self.assertEqual(list(x[:k]), s[:k])
                    self.assertEqual(list(x[-k:]), s[-k:])
                for bad in (1, -2, 5):
                    self.assertRaises(IndexError, lambda: x[bad])
                for bad in (slice(1, 3), slice(0, 5, 2), slice(-3, -1)):
                    self.assertRaises(IndexError, lambda: x[bad])
        a = immbitset([5])
        self.assertIs(a[:], a)
        self.assertRaises(IndexError, lambda: immbitset()[0])
        self.assertRaises(IndexError, lambda: MutBitSet()[-1])
        m = MutBitSet(-8)
        self.assertEqual(m[:], ~immbitset([0, 1, 2]))
        self.assertRaises(IndexError, lambda: m[0])
        self.assertRaises(IndexError, lambda: m[:2])

    def test_int_conversion(self):
        self.assertEqual(int(immbitset(2 ** 1000 + 1)), 2 ** 1000 + 1)
        self.assertEqual(int(immbitset([5000, 1])), 2 ** 5000 + 2)
        self.assertEqual(int(immbitset(sys.maxsize)), sys.maxsize)
        self.assertEqual(int(immbitset(sys.maxsize + 1)), sys.maxsize + 1)
        self.assertEqual(int(immbitset(MINBIT)), MINBIT)
        self.assertRaises(OverflowError, int, immbitset([-1]))
        self.assertRaises(OverflowError, int, ~immbitset([-1]))

    def test_hashing(self):
        rng = random.Random(SEED)
        seen = {}
        for kind in KINDS * 4:
            s = random_bits(rng, kind)
            a = immbitset(s)
            b = immbitset(sorted(s, reverse=True))
            self.assertEqual(hash(a), hash(b))
            self.assertEqual(hash(~a), hash(~b))
            seen[a] = 1
            seen[~a] = -1
            self.assertEqual(seen[b], 1)
            self.assertEqual(seen[~b], -1)
        self.assertRaises(TypeError, hash, MutBitSet())

    def test_is_immutable(self):
        self.assertTrue(immbitset([1]).is_immutable)
        self.assertTrue((~immbitset([1])).is_immutable)
        self.assertFalse(MutBitSet().is_immutable)

    def test_repr(self):
        self.assertEqual(repr(immbitset([1, -3])), 'ImmBitSet([-3, 1])')
        self.assertEqual(repr(~immbitset([2])), '(~ImmBitSet([2]))')
        self.assertEqual(repr(MutBitSet([4])), 'MutBitSet([4])')
        self.assertEqual(repr(MutBitSet(-2)), 'MutBitSet(~ImmBitSet([0]))')

    def test_types(self):
        for t in (ImmBitSet, CplBitSet, MutBitSet):
            self.assertTrue(issubclass(t, BitSet))
        self.assertIsInstance(immbitset([1]).mutcopy(), MutBitSet)
        self.assertEqual(int((~immbitset([1])).mutcopy()), ~2)


class Pickling(unittest.TestCase):

    def test_round_trip(self):
        rng = random.Random(SEED)
        sets = []
        for kind in KINDS:
            s = immbitset(random_bits(rng, kind))
            sets += [s, ~s, MutBitSet(s), MutBitSet(~s)]
        for x in sets:
            for proto in range(pickle.HIGHEST_PROTOCOL + 1):
                y = pickle.loads(pickle.dumps(x, proto))
                self.assertIs(type(y), type(x))
                self.assertEqual(y, x)

    def test_any_data_gives_a_valid_set(self):
        from heapy.setsc import _bs
        rng = random.Random(SEED)
        for _ in range(100):
            data = bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 100)))
            for flags in range(4):
                s = _bs(flags, data)
                if flags & 1:
                    s = ~s
                bits = list(s)
                self.assertEqual(bits, sorted(set(bits)))
                self.assertEqual(immbitset(bits), s)


class Mutation(unittest.TestCase):

    def test_methods_against_a_set(self):
        rng = random.Random(SEED)
        for split in (None, 1, 2, 5):
            m, model = MutBitSet(), set()
            if split:
                m._splitting_size = split
            pool = [rng.randrange(-5000, 5000) for _ in range(300)] + \
                   [rng.randrange(-2 ** 62, 2 ** 62) for _ in range(30)]
            for _ in range(4000):
                b = rng.choice(pool)
                op = rng.randrange(7)
                if op == 0:
                    m.add(b)
                    model.add(b)
                elif op == 1:
                    m.discard(b)
                    model.discard(b)
                elif op == 2:
                    self.assertEqual(m.tas(b), int(b in model))
                    model.add(b)
                elif op == 3:
                    self.assertEqual(m.tac(b), int(b in model))
                    model.discard(b)
                elif op == 4:
                    if b in model:
                        self.assertRaises(ValueError, m.append, b)
                    else:
                        m.append(b)
                        model.add(b)
                elif op == 5:
                    if b in model:
                        m.remove(b)
                        model.remove(b)
                    else:
                        self.assertRaises(ValueError, m.remove, b)
                elif model:
                    end = rng.choice((0, -1))
                    popped = m.pop(end)
                    self.assertEqual(popped, min(model) if end == 0 else max(model))
                    model.remove(popped)
                self.assertEqual(b in m, b in model)
            self.assertEqual(list(m), sorted(model))
            self.assertEqual(len(m), len(model))
            if split:
                self.assertGreater(m._num_seg, 1)
            c = m.mutcopy()
            c |= [7, 8]
            self.assertEqual(list(m), sorted(model))
            self.assertEqual(list(c), sorted(model | {7, 8}))

    def test_complemented_methods(self):
        m = MutBitSet(-1)
        m.remove(5)
        self.assertNotIn(5, m)
        self.assertIn(6, m)
        self.assertEqual(list(~m), [5])
        self.assertRaises(ValueError, m.remove, 5)
        self.assertEqual(m.tas(5), 0)
        self.assertEqual(m.tac(5), 1)
        self.assertEqual(m.tac(5), 0)
        m.append(5)
        self.assertRaises(ValueError, m.append, 5)
        self.assertRaises(ValueError, m.pop)
        self.assertTrue(m)
        m.clear()
        self.assertFalse(m)
        self.assertEqual(list(m), [])

    def test_pop_errors(self):
        m = MutBitSet([1, 2])
        self.assertRaises(IndexError, m.pop, 1)
        self.assertEqual(m.pop(), 2)
        self.assertEqual(m.pop(0), 1)
        self.assertRaises(ValueError, m.pop)

    def test_iteration_sees_the_bits_at_its_start(self):
        m = MutBitSet(range(100))
        seen = []
        for b in m:
            seen.append(b)
            m.discard(b + 1)
            m.add(b + 1000)
        self.assertEqual(seen, list(range(100)))

    def test_big_sets_stay_exact(self):
        rng = random.Random(SEED)
        bits = rng.sample(range(-10 ** 6, 10 ** 6), 50000)
        m = MutBitSet()
        m._splitting_size = 16
        for b in bits[:20000]:
            m.add(b)
        m |= bits[20000:]
        self.assertEqual(list(m), sorted(bits))
        drop = bits[::3]
        for b in drop[:5000]:
            m.remove(b)
        m -= drop[5000:]
        self.assertEqual(list(m), sorted(set(bits) - set(drop)))
        self.assertEqual(immbitset(m), immbitset(set(bits) - set(drop)))

    def test_size_is_stable_when_emptied_and_refilled(self):
        for n in (31, 33, 64, 65, 255, 257):
            m = MutBitSet()
            m |= range(n)
            while m:
                m.pop()
            m |= range(n)
            size = m._indisize
            for start in range(0, 10 * n, n):
                while m:
                    m.pop(0)
                m |= range(start, start + n)
                self.assertEqual(m._indisize, size, n)
                self.assertEqual(list(m), list(range(start, start + n)))

    def test_splitting_size_must_be_positive(self):
        m = MutBitSet()
        self.assertRaises(ValueError, setattr, m, '_splitting_size', 0)
        m._splitting_size = 3
        self.assertEqual(m._splitting_size, 3)

    def test_sizeof_counts_storage(self):
        small, big = MutBitSet([1]), MutBitSet(range(0, 10 ** 6, 7))
        self.assertGreater(sys.getsizeof(big) - sys.getsizeof(small),
                           10 ** 6 // 64 * 8)


class Subclassing(unittest.TestCase):

    def test_subclass_iteration_shows_in_repr(self):
        class Colors(ImmBitSet):
            names = ['red', 'green', 'blue']

            def __new__(cls, *names):
                return ImmBitSet.__new__(cls, [cls.names.index(n) for n in names])

            def __iter__(self):
                return (self.names[b] for b in ImmBitSet.__iter__(self))

        c = Colors('red', 'blue')
        self.assertEqual(list(c), ['red', 'blue'])
        self.assertEqual(repr(CplBitSet(c)), "(~ImmBitSet(['red', 'blue']))")
        self.assertEqual(len(c), 2)
        self.assertEqual(Colors(), immbitset())
        self.assertEqual(hash(c), hash(immbitset([0, 2])))


if __name__ == '__main__':
    unittest.main()
