"""Nodesets of heapy.setsc checked against Python sets of ids.

Elements are compared by identity: the oracle for a nodeset is the set of
the ids of its elements. References are counted with sys.getrefcount, and
garbage cycles through nodesets must be collected.
"""
import gc
import operator
import os
import random
import sys
import unittest
import weakref

from heapy.setsc import NodeSet, ImmNodeSet, MutNodeSet
from heapy import immnodeset, mutnodeset, immnodeset_union, mutnodeset_union

SEED = int(os.environ.get('SETSC_TEST_SEED', '1729'))

OPERATORS = ((operator.and_, operator.iand, operator.and_),
             (operator.or_, operator.ior, operator.or_),
             (operator.xor, operator.ixor, operator.xor),
             (operator.sub, operator.isub, operator.sub))


class Unhashable:
    """An object whose equality and hashing must not be used."""

    def __eq__(self, other):
        raise AssertionError('nodesets compare by identity')

    __hash__ = None


def make_pool(n):
    """n distinct objects of many kinds and sizes, so addresses vary."""
    kinds = (list, dict, object, Unhashable, lambda: [0] * 20,
             lambda: ''.join(['x'] * 50), lambda: tuple([1, 2, 3]))
    return [kinds[i % len(kinds)]() for i in range(n)]


def ids(s):
    return {id(x) for x in s}


class Algebra(unittest.TestCase):

    def setUp(self):
        self.rng = random.Random(SEED)
        self.pool = make_pool(3000)

    def sample(self):
        return self.rng.sample(self.pool, self.rng.randrange(0, 400))

    def operands(self, elements):
        """The same elements as every kind of operand."""
        return (immnodeset(elements), mutnodeset(elements), list(elements),
                tuple(elements), iter(list(elements)), elements + elements)

    def test_binary_operators(self):
        for _ in range(30):
            a, b = self.sample(), self.sample()
            for x in self.operands(a)[:2]:
                for y in self.operands(b):
                    for op, _, on_sets in OPERATORS:
                        if hasattr(y, '__next__'):
                            y = iter(list(b))
                        r = op(x, y)
                        self.assertIs(type(r), ImmNodeSet)
                        self.assertEqual(ids(r), on_sets(ids(a), ids(b)))
                        self.assertEqual(len(r), len(on_sets(ids(a), ids(b))))

    def test_in_place_operators(self):
        for _ in range(30):
            a, b = self.sample(), self.sample()
            for y in self.operands(b):
                for _, iop, on_sets in OPERATORS:
                    if hasattr(y, '__next__'):
                        y = iter(list(b))
                    m = mutnodeset(a)
                    self.assertIs(iop(m, y), m)
                    self.assertEqual(ids(m), on_sets(ids(a), ids(b)))
                    self.assertEqual(len(m), len(ids(m)))
                    i = immnodeset(a)
                    r = iop(i, list(b))
                    self.assertIsNot(r, i)
                    self.assertEqual(ids(r), on_sets(ids(a), ids(b)))
                    self.assertEqual(ids(i), ids(a))

    def test_self_operations(self):
        a = self.sample()
        for s in (immnodeset(a), mutnodeset(a)):
            self.assertEqual(ids(s & s), ids(a))
            self.assertEqual(ids(s | s), ids(a))
            self.assertEqual(len(s ^ s), 0)
            self.assertEqual(len(s - s), 0)
        m = mutnodeset(a)
        m &= m
        m |= m
        self.assertEqual(ids(m), ids(a))
        m ^= m
        self.assertEqual(len(m), 0)
        m = mutnodeset(a)
        m -= m
        self.assertEqual(len(m), 0)

    def test_left_operand_must_be_a_nodeset(self):
        s = immnodeset([1])
        for op in (lambda: [2] | s, lambda: (2,) & s, lambda: [2] - s):
            self.assertRaises(TypeError, op)
        self.assertRaises(TypeError, lambda: s | 5)

    def test_comparisons(self):
        for _ in range(40):
            a = self.sample()
            b = self.rng.choice((a, a[: len(a) // 2], a + self.sample(),
                                 self.sample()))
            for x in (immnodeset(a), mutnodeset(a)):
                for y in (immnodeset(b), mutnodeset(b)):
                    self.assertEqual(x == y, ids(a) == ids(b))
                    self.assertEqual(x != y, ids(a) != ids(b))
                    self.assertEqual(x <= y, ids(a) <= ids(b))
                    self.assertEqual(x < y, ids(a) < ids(b))
                    self.assertEqual(x >= y, ids(a) >= ids(b))
                    self.assertEqual(x > y, ids(a) > ids(b))
        s = immnodeset([1])
        self.assertFalse(s == [1])
        self.assertTrue(s != {1})
        self.assertRaises(TypeError, lambda: s <= [1])

    def test_membership_length_iteration(self):
        for _ in range(20):
            a = self.sample()
            for s in (immnodeset(a), mutnodeset(a)):
                self.assertEqual(len(s), len(ids(a)))
                self.assertEqual(bool(s), bool(a))
                self.assertEqual(ids(list(s)), ids(a))
                self.assertEqual(len(list(s)), len(s))
                addresses = [id(x) for x in s]
                self.assertEqual(addresses, sorted(addresses))
                for x in self.pool[:300]:
                    self.assertEqual(x in s, id(x) in ids(a))

    def test_membership_in_large_sets(self):
        # Objects of many sizes lie in separate regions of memory; large
        # sets are searched by guessing from the spread of addresses.
        pool = make_pool(20000) + [bytes(10 ** 6), list(range(10 ** 5))]
        members = pool[::3]
        others = [x for i, x in enumerate(pool) if i % 3]
        for s in (immnodeset(members), mutnodeset(members)):
            self.assertTrue(all(x in s for x in members))
            self.assertFalse(any(x in s for x in others))
            self.assertNotIn(s, s)

    def test_unions_of_many(self):
        parts = [self.sample() for _ in range(5)]
        everything = set().union(*map(ids, parts))
        self.assertEqual(ids(mutnodeset_union(map(immnodeset, parts))),
                         everything)
        tag = []
        u = immnodeset_union(map(immnodeset, parts), tag)
        self.assertEqual(ids(u), everything)
        self.assertIs(u._hiding_tag_, tag)


class Mutation(unittest.TestCase):

    def test_methods_against_a_set(self):
        rng = random.Random(SEED)
        pool = make_pool(500)
        m, model = mutnodeset(), set()
        for _ in range(5000):
            x = rng.choice(pool)
            op = rng.randrange(7)
            if op == 0:
                m.add(x)
                model.add(id(x))
            elif op == 1:
                m.discard(x)
                model.discard(id(x))
            elif op == 2:
                self.assertIs(m.tas(x), id(x) in model)
                model.add(id(x))
            elif op == 3:
                self.assertIs(m.tac(x), id(x) in model)
                model.discard(id(x))
            elif op == 4:
                if id(x) in model:
                    self.assertRaises(ValueError, m.append, x)
                else:
                    m.append(x)
                    model.add(id(x))
            elif op == 5:
                if id(x) in model:
                    m.remove(x)
                    model.remove(id(x))
                else:
                    self.assertRaises(ValueError, m.remove, x)
            elif model:
                y = m.pop()
                self.assertIn(id(y), model)
                model.remove(id(y))
            self.assertEqual(len(m), len(model))
        self.assertEqual(ids(m), model)
        m.clear()
        self.assertEqual(len(m), 0)
        self.assertEqual(list(m), [])
        self.assertRaises(ValueError, m.pop)

    def test_elements_of_iterators_are_kept(self):
        m = mutnodeset()
        m |= (object() for _ in range(50))
        self.assertEqual(len(m), 50)
        self.assertEqual(len(list(m)), 50)
        s = immnodeset(object() for _ in range(50))
        self.assertEqual(len(list(s)), 50)
        r = s | (object() for _ in range(50))
        self.assertEqual(len(r), 100)

    def test_changing_during_iteration_raises(self):
        pool = make_pool(100)
        m = mutnodeset(pool)
        it = iter(m)
        next(it)
        m.add([])
        self.assertRaises(RuntimeError, next, it)
        self.assertRaises(RuntimeError, next, it)
        it = iter(m)
        next(it)
        m.remove(pool[0])
        self.assertRaises(RuntimeError, next, it)
        with self.assertRaises(RuntimeError):
            for x in m:
                m.discard(x)
        with self.assertRaises(RuntimeError):
            for x in m:
                m.clear()
        n = len(m)
        for x in m:
            m.discard([])     # not an element: nothing changes
        self.assertEqual(len(m), n)

    def test_immutable_sets_do_not_change(self):
        s = immnodeset([1, 2])
        self.assertFalse(hasattr(s, 'add'))
        t = s
        t |= [3]
        self.assertEqual(len(s), 2)
        self.assertEqual(len(t), 3)

    def test_is_immutable(self):
        self.assertTrue(immnodeset().is_immutable)
        self.assertFalse(mutnodeset().is_immutable)


class Identity(unittest.TestCase):

    def test_equal_objects_are_distinct(self):
        a, b = [1], [1]
        s = immnodeset([a, b, a])
        self.assertEqual(len(s), 2)
        self.assertIn(a, s)
        self.assertNotIn([1], s)
        u = Unhashable()
        m = mutnodeset([u, Unhashable()])
        self.assertIn(u, m)
        self.assertEqual(len(m | [u]), 2)

    def test_hashing(self):
        pool = make_pool(100)
        a = immnodeset(pool)
        b = immnodeset(reversed(pool))
        self.assertEqual(hash(a), hash(b))
        self.assertEqual({a: 1}[b], 1)
        self.assertRaises(TypeError, hash, mutnodeset())

    def test_copy_of_immutable_is_itself(self):
        a = immnodeset([1, 2])
        self.assertIs(immnodeset(a), a)
        self.assertIsNot(immnodeset(a, []), a)
        self.assertIsNot(immnodeset(mutnodeset(a)), a)

    def test_obj_at(self):
        pool = make_pool(50)
        s = immnodeset(pool)
        for x in pool:
            self.assertIs(s.obj_at(id(x)), x)
        self.assertRaises(ValueError, s.obj_at, id(s))

    def test_nodeset_is_abstract(self):
        self.assertRaises(TypeError, NodeSet)
        self.assertTrue(issubclass(ImmNodeSet, NodeSet))
        self.assertTrue(issubclass(MutNodeSet, NodeSet))

    def test_subclassing(self):
        class Extensible(MutNodeSet):
            def extend(self, xs):
                for x in xs:
                    self.append(x)

        e, x = Extensible(), []
        e.extend([x, ()])
        self.assertIn(x, e)
        self.assertEqual(len(e), 2)


class HidingTag(unittest.TestCase):

    def test_tags(self):
        tag = []
        self.assertIs(immnodeset([], tag)._hiding_tag_, tag)
        self.assertRaises(AttributeError, lambda: immnodeset()._hiding_tag_)
        m = mutnodeset()
        self.assertRaises(AttributeError, lambda: m._hiding_tag_)
        m._hiding_tag_ = tag
        self.assertIs(m._hiding_tag_, tag)
        with self.assertRaises(AttributeError):
            immnodeset([], tag)._hiding_tag_ = None

    def test_results_carry_the_left_tag(self):
        tag = []
        a = immnodeset([1, 2], tag)
        self.assertIs((a | [3])._hiding_tag_, tag)
        self.assertIs((a & immnodeset([1]))._hiding_tag_, tag)

    def test_mixed_tags(self):
        a, b = immnodeset([1], []), immnodeset([2], [])
        self.assertEqual(len(a | b), 2)     # both immutable: allowed
        m = mutnodeset([3])
        m._hiding_tag_ = []
        self.assertRaises(ValueError, lambda: m | a)
        self.assertRaises(ValueError, lambda: a | m)
        m |= a                              # in place: allowed
        self.assertEqual(len(m), 2)


class References(unittest.TestCase):

    def test_counts_follow_membership(self):
        e1, e2, e3 = [], [], []

        def refs():
            return [sys.getrefcount(e) for e in (e1, e2, e3)]

        before = refs()

        def counts():
            return [r - b for r, b in zip(refs(), before)]

        m = mutnodeset()
        m.add(e1)
        m.append(e2)
        m.tas(e3)
        m.add(e1)
        self.assertEqual(counts(), [1, 1, 1])
        m.tac(e3)
        m.discard(e2)
        self.assertEqual(counts(), [1, 0, 0])
        m |= [e1, e2, e3]
        m -= [e1]
        m ^= [e3, e1]
        self.assertEqual(counts(), [1, 1, 0])
        m &= [e2]
        self.assertEqual(counts(), [0, 1, 0])
        s = immnodeset([e1, e2, e3, e1])
        t = s | m
        self.assertEqual(counts(), [2, 3, 2])
        del s, t
        self.assertEqual(counts(), [0, 1, 0])
        self.assertIs(m.pop(), e2)
        self.assertEqual(counts(), [0, 0, 0])
        m |= [e1, e2]
        m.clear()
        m |= [e3]
        del m
        self.assertEqual(counts(), [0, 0, 0])

    def test_cycles_are_collected(self):
        class Thing:
            pass

        for make in (mutnodeset, lambda xs: immnodeset(xs)):
            t = Thing()
            t.set = make([t])
            probe = weakref.ref(t)
            del t
            gc.collect()
            self.assertIsNone(probe())
        class Referable(MutNodeSet):
            pass

        m = Referable()
        m.add(m)
        probe = weakref.ref(m)
        del m
        gc.collect()
        self.assertIsNone(probe())

    def test_iterators_keep_their_set(self):
        pool = make_pool(10)
        it = iter(immnodeset(pool))
        gc.collect()
        self.assertEqual(len(list(it)), 10)
        it = iter(mutnodeset(pool))
        gc.collect()
        self.assertEqual(len(list(it)), 10)

    def test_releasing_elements_may_touch_the_set(self):
        m = mutnodeset()

        class Finalized:
            def __del__(self):
                m.add([])          # the set is consistent while released

        m.add(Finalized())
        m.clear()
        self.assertEqual(len(m), 1)
        m.add(Finalized())
        m -= list(m)
        self.assertEqual(len(m), 1)


if __name__ == '__main__':
    unittest.main()
