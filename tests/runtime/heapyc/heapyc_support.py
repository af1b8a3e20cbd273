"""What the heapyc tests share: the modules under test and small helpers.

The tests run against the staged package (tests/runtime/run-python.sh puts
it first on sys.path).
"""
import unittest

from heapy import heapyc, setsc, immnodeset, mutnodeset

HEAPDEFS = (setsc._NyHeapDefs_,)

# Relation kinds (heapy/heapdef.h), indexes into the tuple relate() gives.
ATTRIBUTE, INDEXVAL, INDEXKEY, INTERATTR, HASATTR = 1, 2, 3, 4, 5
LOCAL_VAR, CELL, STACK, INSET, RELSRC = 6, 7, 8, 9, 10


def view(root):
    """A new view of the heap below root, knowing setsc's types."""
    return heapyc.HeapView(root, HEAPDEFS)


def ids(objects):
    """The identities of objects, to compare collections by identity."""
    return {id(x) for x in objects}


def relations(hv, src, tgt):
    """The nonempty entries of hv.relate(src, tgt), as {kind: relators}."""
    return {kind: rels for kind, rels in enumerate(hv.relate(src, tgt))
            if rels}


class TestCase(unittest.TestCase):
    def assertSameObjects(self, actual, expected):
        """actual and expected hold the same objects, by identity."""
        actual, expected = list(actual), list(expected)
        self.assertEqual(len(ids(actual)), len(actual),
                         'duplicates in the result')
        missing = [x for x in expected if id(x) not in ids(actual)]
        extra = [x for x in actual if id(x) not in ids(expected)]
        self.assertEqual((missing, extra), ([], []))
