"""The individual size of objects: what sys.getsizeof reports (the
object's __sizeof__ and its GC header) for the standard types, and what a
heap definition says for the types that have one (nodesets, nodegraphs)."""
import struct
import sys
import unittest

from heapyc_support import TestCase, heapyc, mutnodeset, immnodeset, view


class Split:
    def __init__(self):
        self.a = self.b = 1


def samples():
    """Objects of the standard types, in their usual states."""
    def f(x=1):
        return x
    big = list(range(1000))
    grown = []
    for i in range(17):
        grown.append(i)
    s = Split()
    return [
        [], big, grown, (), (1, 2, 3), {}, dict.fromkeys(range(100)),
        s.__dict__, set(), set(range(100)), frozenset('abc'), '', 'abc',
        'é' * 10, b'bytes', bytearray(b'x' * 50), 0, 10 ** 100, 1.5,
        1j, None, f, f.__code__, Split, s, sys._getframe(), range(3),
        slice(1, 2), property(f), object(), type, sys, len, [].append,
    ]


class Sizes(TestCase):
    def setUp(self):
        self.hv = view([])

    def test_standard_types_as_getsizeof(self):
        for obj in samples():
            with self.subTest(type=type(obj).__name__):
                self.assertEqual(self.hv.indisize_sum([obj]),
                                 sys.getsizeof(obj))

    def test_sum(self):
        objs = samples()
        self.assertEqual(self.hv.indisize_sum(objs),
                         sum(sys.getsizeof(x) for x in objs))
        self.assertEqual(self.hv.indisize_sum([]), 0)

    def test_size_classifier_agrees(self):
        cli = self.hv.cli_indisize({})
        for obj in samples():
            self.assertEqual(cli.classify(obj), self.hv.indisize_sum([obj]))

    def test_nodegraph_counts_its_edges(self):
        edge = struct.calcsize('PP')      # a source and a target pointer
        empty = heapyc.NodeGraph()
        self.assertEqual(self.hv.indisize_sum([empty]), sys.getsizeof(empty))
        ng = heapyc.NodeGraph([(i, i) for i in range(10)])
        len(ng)     # sorted: the edge array is trimmed to its length
        self.assertEqual(self.hv.indisize_sum([ng]),
                         sys.getsizeof(empty) + 10 * edge)

    def test_nodesets_count_their_elements(self):
        small = self.hv.indisize_sum([immnodeset(range(10))])
        large = self.hv.indisize_sum([immnodeset(range(1000))])
        self.assertEqual(large - small, 990 * 8)
        self.assertGreater(self.hv.indisize_sum([mutnodeset(range(1000))]),
                           self.hv.indisize_sum([mutnodeset()]))

    def test_subtypes_grow_with_their_slots(self):
        class T(list):
            __slots__ = ('t',)

        class U(T):
            __slots__ = ('u',)
        a, t, u = [0] * 8, T([0] * 8), U([0] * 8)
        za, zt, zu = (self.hv.indisize_sum([x]) for x in (a, t, u))
        self.assertLess(za, zt)
        self.assertLess(zt, zu)

    def test_sizeof_of_python_classes(self):
        class Declared:
            def __sizeof__(self):
                return 1000
        self.assertEqual(self.hv.indisize_sum([Declared()]),
                         sys.getsizeof(Declared()))

        class Negative:
            def __sizeof__(self):
                return -1
        with self.assertRaises(ValueError):
            self.hv.indisize_sum([Negative()])

    def test_sizeof_borrowed_from_another_type(self):
        # dict's __sizeof__ refuses to measure another type's object; the
        # view then measures it as an object without __sizeof__: its basic
        # size and the GC header (two pointers).
        class Borrower:
            __sizeof__ = dict.__sizeof__
        b = Borrower()
        with self.assertRaises(TypeError):
            sys.getsizeof(b)
        self.assertEqual(self.hv.indisize_sum([b]),
                         Borrower.__basicsize__ + 2 * struct.calcsize('P'))

    def test_sizeof_changed_after_the_view_saw_the_type(self):
        class Later:
            pass
        obj = Later()
        before = self.hv.indisize_sum([obj])
        self.assertEqual(before, sys.getsizeof(obj))
        Later.__sizeof__ = lambda self: 4096
        after = sys.getsizeof(obj)   # the type, looked up anew, is valid again
        self.assertNotEqual(after, before)
        self.assertEqual(self.hv.indisize_sum([obj]), after)


if __name__ == '__main__':
    unittest.main()
