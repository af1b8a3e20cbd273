"""heapy: the runtime of the heap analyser.

Bitsets (sets of ints) and nodesets (sets of objects by identity) come from
the extension module heapy.setsc; the names below are those of Guppy-PE's
guppy.sets, so code written for it works with heapy.
"""
from heapy.setsc import (BitSet, ImmBitSet, CplBitSet, MutBitSet,
                         NodeSet, ImmNodeSet, MutNodeSet,
                         immbit, immbitrange, immbitset)

mutbitset = MutBitSet
immnodeset = ImmNodeSet
mutnodeset = MutNodeSet


def mutnodeset_union(iterable):
    """A new mutable nodeset: the union of the nodesets in iterable."""
    union = mutnodeset()
    for s in iterable:
        union |= s
    return union


def immnodeset_union(iterable, *args):
    """A new immutable nodeset: the union of the nodesets in iterable;
    further arguments (a hiding tag) go to immnodeset."""
    return immnodeset(mutnodeset_union(iterable), *args)


__all__ = ['BitSet', 'ImmBitSet', 'CplBitSet', 'MutBitSet',
           'NodeSet', 'ImmNodeSet', 'MutNodeSet',
           'immbit', 'immbitrange', 'immbitset',
           'mutbitset', 'immnodeset', 'mutnodeset',
           'mutnodeset_union', 'immnodeset_union']
