"""The C interface of heapy.setsc, called through ctypes: the export
tables NyNodeSet_Exports and NyBitSet_Exports and the heap definitions
_NyHeapDefs_, laid out as runtime/include/heapy/setsc.h and heapdef.h say.
"""
import ctypes
import sys
import unittest

from heapy import setsc
from heapy.setsc import immbitset, ImmNodeSet, MutNodeSet, NodeSet

api = ctypes.pythonapi
api.PyCapsule_GetPointer.restype = ctypes.c_void_p
api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
api.PyCapsule_GetName.restype = ctypes.c_char_p
api.PyCapsule_GetName.argtypes = [ctypes.py_object]
api.Py_IncRef.argtypes = [ctypes.py_object]
api.Py_DecRef.argtypes = [ctypes.c_void_p]

P = ctypes.c_void_p
OBJ = ctypes.py_object
# The tables' functions run with the GIL held, and raise what they set.
FUNC = ctypes.PYFUNCTYPE
INT = ctypes.c_int
BIT = ctypes.c_ssize_t
VISIT_OBJ = ctypes.CFUNCTYPE(INT, OBJ, P)
VISIT_BIT = ctypes.CFUNCTYPE(INT, BIT, P)


def take(address):
    """The object of a new reference returned as an address."""
    obj = ctypes.cast(address, OBJ).value
    api.Py_DecRef(address)
    return obj


class NodeSetExports(ctypes.Structure):
    _fields_ = [('flags', INT), ('size', INT), ('ident', ctypes.c_char_p),
                ('type', P),
                ('newMut', FUNC(P)),
                ('newMutHiding', FUNC(P, OBJ)),
                ('newMutFlags', FUNC(P, INT)),
                ('newImmCopy', FUNC(P, OBJ)),
                ('newImmSingleton', FUNC(P, OBJ, OBJ)),
                ('be_immutable', FUNC(INT, ctypes.POINTER(P))),
                ('setobj', FUNC(INT, OBJ, OBJ)),
                ('clrobj', FUNC(INT, OBJ, OBJ)),
                ('hasobj', FUNC(INT, OBJ, OBJ)),
                ('iterate', FUNC(INT, OBJ, VISIT_OBJ, P))]


class BitSetExports(ctypes.Structure):
    _fields_ = [('flags', INT), ('size', INT), ('ident', ctypes.c_char_p),
                ('mbs_new', FUNC(P)),
                ('mbs_setbit', FUNC(INT, OBJ, BIT)),
                ('mbs_clrbit', FUNC(INT, OBJ, BIT)),
                ('mbs_set_or_clr', FUNC(INT, OBJ, BIT, INT)),
                ('mbs_as_immutable', FUNC(P, OBJ)),
                ('iterate', FUNC(INT, OBJ, VISIT_BIT, P)),
                ('mbs_hasbit', FUNC(INT, OBJ, BIT)),
                ('ibs_hasbit', FUNC(INT, OBJ, BIT)),
                ('cpl_hasbit', FUNC(INT, OBJ, BIT)),
                ('mbs_clear', FUNC(INT, OBJ))]


class HeapTraverse(ctypes.Structure):
    _fields_ = [('flags', INT), ('hv', P), ('obj', OBJ), ('arg', P),
                ('visit', VISIT_OBJ), ('hiding_tag', OBJ)]


class HeapRelate(ctypes.Structure):
    pass


RELATE_VISIT = ctypes.CFUNCTYPE(INT, ctypes.c_uint, P, ctypes.POINTER(HeapRelate))
HeapRelate._fields_ = [('flags', INT), ('hv', P), ('src', OBJ), ('tgt', OBJ),
                       ('visit', RELATE_VISIT)]


class HeapDef(ctypes.Structure):
    _fields_ = [('flags', INT), ('type', P),
                ('size', FUNC(ctypes.c_size_t, OBJ)),
                ('traverse', FUNC(INT, ctypes.POINTER(HeapTraverse))),
                ('relate', FUNC(INT, ctypes.POINTER(HeapRelate))),
                ('resv3', P), ('resv4', P), ('resv5', P)]


def table(name, struct):
    capsule = getattr(setsc, name)
    full = api.PyCapsule_GetName(capsule)
    return full, struct.from_address(api.PyCapsule_GetPointer(capsule, full))


class NodeSetTable(unittest.TestCase):

    def setUp(self):
        self.name, self.x = table('NyNodeSet_Exports', NodeSetExports)

    def test_identity(self):
        self.assertEqual(self.name, b'heapy.setsc.NyNodeSet_Exports')
        self.assertEqual(self.x.size, ctypes.sizeof(NodeSetExports))
        self.assertEqual(self.x.ident, b'NyNodeSet_Exports v1.0')
        self.assertEqual(self.x.type, id(NodeSet))

    def elements(self, ns):
        seen = []

        @VISIT_OBJ
        def visit(obj, arg):
            seen.append(obj)
            return 0
        self.assertEqual(self.x.iterate(ns, visit, None), 0)
        return seen

    def test_element_functions(self):
        a, b = [], {}
        ns = take(self.x.newMut())
        self.assertIs(type(ns), MutNodeSet)
        self.assertEqual(self.x.setobj(ns, a), 0)
        self.assertEqual(self.x.setobj(ns, a), 1)
        self.assertEqual(self.x.hasobj(ns, a), 1)
        self.assertEqual(self.x.hasobj(ns, b), 0)
        self.assertEqual(self.x.setobj(ns, b), 0)
        self.assertEqual({id(e) for e in self.elements(ns)}, {id(a), id(b)})
        self.assertEqual(self.x.clrobj(ns, a), 1)
        self.assertEqual(self.x.clrobj(ns, a), 0)
        self.assertEqual(len(ns), 1)
        self.assertRaises(ValueError, self.x.setobj, ImmNodeSet([a]), b)

    def test_constructors(self):
        tag, a = [], []
        ns = take(self.x.newMutHiding(tag))
        self.assertIs(ns._hiding_tag_, tag)
        single = take(self.x.newImmSingleton(a, tag))
        self.assertIs(type(single), ImmNodeSet)
        self.assertIs(single._hiding_tag_, tag)
        self.assertEqual(self.elements(single), [a])
        self.x.setobj(ns, a)
        copy = take(self.x.newImmCopy(ns))
        self.assertIs(type(copy), ImmNodeSet)
        self.assertEqual(copy, single)
        self.assertIs(copy._hiding_tag_, tag)

    def test_be_immutable_replaces_its_argument(self):
        a = []
        ns = MutNodeSet([a])
        api.Py_IncRef(ns)     # the reference be_immutable steals
        slot = P(id(ns))
        self.assertEqual(self.x.be_immutable(ctypes.byref(slot)), 0)
        imm = take(slot.value)
        self.assertIs(type(imm), ImmNodeSet)
        self.assertEqual(list(imm), [a])

    def test_addresses_only(self):
        a = []
        ns = take(self.x.newMutFlags(0))
        before = sys.getrefcount(a)
        self.assertEqual(self.x.setobj(ns, a), 0)
        self.assertEqual(sys.getrefcount(a), before)
        self.assertEqual(list(ns), [id(a)])
        self.assertRaises(ValueError, self.x.iterate, ns,
                          VISIT_OBJ(lambda o, p: 0), None)
        self.assertRaises(ValueError, lambda: ImmNodeSet() | ns)
        self.x.clrobj(ns, a)

    def test_iterate_stops_on_error(self):
        calls = []

        @VISIT_OBJ
        def visit(obj, arg):
            calls.append(obj)
            return -1
        self.assertEqual(self.x.iterate(MutNodeSet([1, 2, 3]), visit, None), -1)
        self.assertEqual(len(calls), 1)

    def test_iterate_survives_changes(self):
        pool = [[] for _ in range(200)]
        ns = MutNodeSet(pool)

        @VISIT_OBJ
        def visit(obj, arg):
            self.x.clrobj(ns, obj)
            return 0
        self.assertEqual(self.x.iterate(ns, visit, None), 0)
        self.assertEqual(len(ns), 0)


class BitSetTable(unittest.TestCase):

    def setUp(self):
        self.name, self.x = table('NyBitSet_Exports', BitSetExports)

    def test_identity(self):
        self.assertEqual(self.name, b'heapy.setsc.NyBitSet_Exports')
        self.assertEqual(self.x.size, ctypes.sizeof(BitSetExports))
        self.assertEqual(self.x.ident, b'NyBitSet_Exports v1.0')

    def test_functions(self):
        ms = take(self.x.mbs_new())
        self.assertEqual(self.x.mbs_setbit(ms, 5), 0)
        self.assertEqual(self.x.mbs_setbit(ms, 5), 1)
        self.assertEqual(self.x.mbs_set_or_clr(ms, -70, 1), 0)
        self.assertEqual(self.x.mbs_hasbit(ms, -70), 1)
        self.assertEqual(self.x.mbs_clrbit(ms, -70), 1)
        self.assertEqual(self.x.mbs_set_or_clr(ms, -70, 0), 0)
        self.assertEqual(self.x.mbs_setbit(ms, 1 << 40), 0)
        self.assertEqual(list(ms), [5, 1 << 40])
        imm = take(self.x.mbs_as_immutable(ms))
        self.assertEqual(imm, immbitset([5, 1 << 40]))
        self.assertEqual(self.x.ibs_hasbit(imm, 5), 1)
        self.assertEqual(self.x.ibs_hasbit(imm, 6), 0)
        self.assertEqual(self.x.cpl_hasbit(~imm, 6), 1)
        self.assertEqual(self.x.cpl_hasbit(~imm, 5), 0)
        seen = []
        visit = VISIT_BIT(lambda bit, arg: seen.append(bit) or 0)
        self.assertEqual(self.x.iterate(ms, visit, None), 0)
        self.assertEqual(self.x.iterate(imm, visit, None), 0)
        self.assertEqual(seen, [5, 1 << 40] * 2)
        self.assertRaises(TypeError, self.x.iterate, ~imm, visit, None)
        self.assertEqual(self.x.mbs_clear(ms), 0)
        self.assertEqual(list(ms), [])


class HeapDefs(unittest.TestCase):

    def setUp(self):
        capsule = setsc._NyHeapDefs_
        name = api.PyCapsule_GetName(capsule)
        self.assertEqual(name, b'heapy.setsc._NyHeapDefs_')
        base = api.PyCapsule_GetPointer(capsule, name)
        self.defs = {}
        for i in range(10):
            d = HeapDef.from_address(base + i * ctypes.sizeof(HeapDef))
            if not d.type:
                break
            self.defs[d.type] = d

    def test_types(self):
        self.assertEqual(set(self.defs),
                         {id(setsc.MutBitSet), id(setsc.CplBitSet), id(NodeSet)})

    def test_sizes(self):
        size = self.defs[id(NodeSet)].size
        small, big = MutNodeSet([1]), MutNodeSet([[] for _ in range(1000)])
        self.assertGreater(size(big), size(small))
        self.assertEqual(size(ImmNodeSet([1, 2])),
                         ImmNodeSet.__basicsize__ + 2 * ctypes.sizeof(P))
        bits = self.defs[id(setsc.MutBitSet)].size
        self.assertEqual(bits(setsc.MutBitSet(range(10 ** 5))),
                         setsc.MutBitSet(range(10 ** 5)).__sizeof__())

    def traversed(self, obj, tag):
        seen = []
        t = HeapTraverse(obj=obj, hiding_tag=tag,
                         visit=VISIT_OBJ(lambda o, arg: seen.append(o) or 0))
        d = self.defs[id(NodeSet) if isinstance(obj, NodeSet) else id(type(obj))]
        self.assertEqual(d.traverse(ctypes.byref(t)), 0)
        return seen

    def test_hiding(self):
        tag, other, a = [], [], []
        hidden = ImmNodeSet([a], tag)
        self.assertEqual(self.traversed(hidden, tag), [])
        self.assertIn(a, self.traversed(hidden, other))
        m = MutNodeSet([a])
        m._hiding_tag_ = tag
        self.assertEqual(self.traversed(m, tag), [])
        self.assertIn(a, self.traversed(m, other))
        s = immbitset([1])
        self.assertEqual(self.traversed(~s, None), [s])

    def test_relate(self):
        pool = [[] for _ in range(20)]
        ns = ImmNodeSet(pool)
        order = list(ns)
        found = []

        @RELATE_VISIT
        def visit(kind, relator, r):
            found.append((kind, take(relator)))
            return 0
        for index in (0, 7, len(order) - 1):
            found.clear()
            r = HeapRelate(src=ns, tgt=order[index], visit=visit)
            self.defs[id(NodeSet)].relate(ctypes.byref(r))
            self.assertEqual(found, [(9, index)])     # 9: NYHR_INSET


if __name__ == '__main__':
    unittest.main()
