"""The table through which extension modules teach a view about their
types (heapy/heapdef.h): an array of NyHeapDef in a capsule named
"<module>._NyHeapDefs_". Here the table is built with ctypes for a type
defined in Python, with size, traverse and relate functions that say
something tp_traverse and sys.getsizeof would not."""
import ctypes
import unittest

from heapyc_support import (TestCase, heapyc, view, relations, HEAPDEFS,
                            ATTRIBUTE, INTERATTR)

c_int, c_size_t, c_void_p, py_object = (ctypes.c_int, ctypes.c_size_t,
                                        ctypes.c_void_p, ctypes.py_object)
# The view's visit functions need the GIL kept while they run.
VISIT = ctypes.PYFUNCTYPE(c_int, py_object, c_void_p)
RELATE_VISIT = ctypes.PYFUNCTYPE(c_int, ctypes.c_uint, py_object, c_void_p)


class NyHeapTraverse(ctypes.Structure):
    _fields_ = [('flags', c_int), ('hv', py_object), ('obj', py_object),
                ('arg', c_void_p), ('visit', VISIT),
                ('_hiding_tag_', py_object)]


class NyHeapRelate(ctypes.Structure):
    _fields_ = [('flags', c_int), ('hv', py_object), ('src', py_object),
                ('tgt', py_object), ('visit', RELATE_VISIT)]


SIZE = ctypes.CFUNCTYPE(c_size_t, py_object)
TRAVERSE = ctypes.CFUNCTYPE(c_int, ctypes.POINTER(NyHeapTraverse))
RELATE = ctypes.CFUNCTYPE(c_int, ctypes.POINTER(NyHeapRelate))


class NyHeapDef(ctypes.Structure):
    _fields_ = [('flags', c_int), ('type', c_void_p), ('size', SIZE),
                ('traverse', TRAVERSE), ('relate', RELATE),
                ('resv3', c_void_p), ('resv4', c_void_p),
                ('resv5', c_void_p)]


class Box:
    """Holds its content where Python cannot see it: in a side table."""
    __slots__ = ('__weakref__',)


class SubBox(Box):
    __slots__ = ()


CONTENTS = {}


def box(content):
    b = Box() if content is not None else SubBox()
    CONTENTS[id(b)] = content
    return b


@SIZE
def box_size(obj):
    return 12345


@TRAVERSE
def box_traverse(ta):
    content = CONTENTS.get(id(ta.contents.obj))
    if content is None:
        return 0
    return ta.contents.visit(content, ta.contents.arg)


@RELATE
def box_relate(r):
    if CONTENTS.get(id(r.contents.src)) is r.contents.tgt:
        name = 'content'
        ctypes.pythonapi.Py_IncRef(py_object(name))   # visit steals it
        return r.contents.visit(ATTRIBUTE, name, ctypes.cast(r, c_void_p))
    return 0


capsule_new = ctypes.pythonapi.PyCapsule_New
capsule_new.restype = py_object
capsule_new.argtypes = [c_void_p, ctypes.c_char_p, c_void_p]


def capsule(defs, name):
    table = (NyHeapDef * (len(defs) + 1))(*defs)
    cap = capsule_new(ctypes.cast(table, c_void_p), name, None)
    KEEP.append((table, name))
    return cap


KEEP = []
BOX_DEFS = capsule([NyHeapDef(0, id(Box), box_size, box_traverse,
                              box_relate)], b'test_heapdefs._NyHeapDefs_')


class HeapDefs(TestCase):
    def test_definition_is_used(self):
        content = ['content']
        b = box(content)
        root = [b]
        hv = heapyc.HeapView(root, HEAPDEFS + (BOX_DEFS,))
        self.assertEqual(hv.indisize_sum([b]), 12345)
        self.assertSameObjects(hv.relimg([b]), [content])
        self.assertEqual(relations(hv, b, content), {ATTRIBUTE: ('content',)})
        self.assertEqual(relations(hv, b, Box), {INTERATTR: ('ob_type',)})
        self.assertIn(content, hv.heap())
        self.assertNotIn(content, view(root).heap())

    def test_subtypes_inherit_size_and_traversal(self):
        empty = box(None)
        hv = heapyc.HeapView([empty], (BOX_DEFS,))
        self.assertEqual(hv.indisize_sum([empty]), 12345)
        self.assertSameObjects(hv.relimg([empty]), [])

    def test_capsules_are_checked(self):
        self.assertRaises(TypeError, heapyc.HeapView, [], (1,))
        wrong = capsule([NyHeapDef(0, id(Box), box_size)], b'wrong_name')
        self.assertRaises(TypeError, heapyc.HeapView, [], (wrong,))
        self.assertRaises(TypeError, heapyc.HeapView, [], [BOX_DEFS])

    def test_one_type_one_definition(self):
        heapyc.HeapView([], (BOX_DEFS, BOX_DEFS))   # the same one twice
        other = capsule([NyHeapDef(0, id(Box), box_size)],
                        b'other._NyHeapDefs_')
        self.assertRaises(ValueError, heapyc.HeapView, [], (BOX_DEFS, other))
        for_list = capsule([NyHeapDef(0, id(list), box_size)],
                           b'lists._NyHeapDefs_')
        self.assertRaises(ValueError, heapyc.HeapView, [], (for_list,))


if __name__ == '__main__':
    unittest.main()
