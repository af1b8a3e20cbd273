"""The walks of a HeapView over graphs built here, whose answers are known:
heap(), reachable(), reachable_x(), relimg(), numedges(), the dominated
set of an object, and the ways objects are hidden from a view.

Only builtin containers and atoms are used where exact sets are expected:
they do not refer to their (static) types, so nothing outside the graph is
reached. Instances of classes are cut off from their class by an avoid set.
"""
import gc
import unittest
import weakref

from heapyc_support import (TestCase, heapyc, immnodeset, mutnodeset, view,
                            HEAPDEFS)


def graph():
    """A root list over a small graph with sharing and a cycle, and the
    objects of the graph (including the root)."""
    atom, name, number = 10 ** 12 + 7, 'a' + str(id(graph)), 2.5
    key = 'k' + name
    leaf = [atom, name]
    pair = (leaf, number)
    table = {name: pair, key: leaf}
    table['me'] = table
    token = (name, number)
    group = frozenset([token, atom])
    root = [leaf, pair, table, group]
    objects = [root, leaf, pair, table, group, token, atom, name, number,
               key, 'me']
    return root, objects


class Heap(TestCase):
    def test_heap_is_everything_reachable(self):
        root, objects = graph()
        self.assertSameObjects(view(root).heap(), objects)

    def test_heap_is_a_mutable_nodeset(self):
        root, _ = graph()
        h = view(root).heap()
        self.assertIsInstance(h, mutnodeset)
        h.add(self)
        self.assertIn(self, h)

    def test_heap_follows_changes(self):
        root, objects = graph()
        hv = view(root)
        extra = [[], {}]
        root.append(extra)
        self.assertSameObjects(hv.heap(), objects + [extra] + extra)
        root.pop()
        self.assertSameObjects(hv.heap(), objects)

    def test_root_may_be_any_object(self):
        t = ('x' * 3, 12345678901)
        self.assertSameObjects(view(t).heap(), [t, t[0], t[1]])
        self.assertSameObjects(view(7 ** 30).heap(), [7 ** 30])

    def test_static_types_found_by_first_heap(self):
        hv = heapyc.HeapView(heapyc.RootState, HEAPDEFS)
        self.assertEqual(len(hv.static_types), 0)
        hv.heap()
        self.assertIn(int, hv.static_types)
        self.assertIn(dict, hv.static_types)
        self.assertNotIn(TestCase, hv.static_types)  # a heap type


class Reachable(TestCase):
    def test_reachable_avoids(self):
        root, _ = graph()
        leaf, pair, table, group = root
        hv = view(root)
        got = hv.reachable(immnodeset([table]), immnodeset([pair]))
        # From table, avoiding pair: table, its keys, leaf and its atoms.
        self.assertSameObjects(got, [table, leaf] + list(table) + leaf)

    def test_reachable_x_ends_in_avoided(self):
        root, _ = graph()
        leaf, pair, table, group = root
        hv = view(root)
        got = hv.reachable_x(immnodeset([table]), immnodeset([pair]))
        self.assertSameObjects(got, [table, leaf, pair] + list(table) + leaf)

    def test_start_in_avoid(self):
        root, _ = graph()
        hv = view(root)
        self.assertSameObjects(
            hv.reachable(immnodeset([root]), immnodeset([root])), [])
        self.assertSameObjects(
            hv.reachable_x(immnodeset([root]), immnodeset([root])), [root])

    def test_relimg_is_the_referents(self):
        root, _ = graph()
        leaf, pair, table, group = root
        hv = view(root)
        self.assertSameObjects(hv.relimg([pair]), [leaf, pair[1]])
        self.assertSameObjects(hv.relimg(immnodeset([leaf, group])),
                               leaf + list(group))
        self.assertSameObjects(hv.relimg([]), [])
        self.assertSameObjects(hv.relimg(iter([table])),
                               list(table) + list(table.values()))

    def test_numedges_counts_references(self):
        x, y = [], []
        src = [x, y, x, x]
        hv = view(src)
        self.assertEqual(hv.numedges(src, x), 3)
        self.assertEqual(hv.numedges(src, y), 1)
        self.assertEqual(hv.numedges(src, src), 0)
        d = {'a': x, 'b': x}
        self.assertEqual(hv.numedges(d, x), 2)

    def test_iterating_a_view_gives_its_heap(self):
        root, objects = graph()
        part = view(root).cli_none().partition(view(root))
        self.assertSameObjects(part[None], objects)


class Node:
    """A node of a tree whose instances can be watched by weak reference."""
    __slots__ = ('kids', '__weakref__')

    def __init__(self, *kids):
        self.kids = list(kids)


class Dominated(TestCase):
    def test_dominated_set_is_freed_with_its_root(self):
        shared = Node()
        a = Node(Node(), Node(Node(), shared))
        b = Node(shared)
        root = [a, b]
        hv = view(root)
        # What stays reachable without a, then what a reaches besides.
        others = hv.reachable(immnodeset([root]), immnodeset([a, Node]))
        dominated = hv.reachable(immnodeset([a]),
                                 immnodeset(list(others) + [Node]))
        nodes = [x for x in dominated if isinstance(x, Node)]
        self.assertEqual(len(nodes), 4)
        self.assertNotIn(shared, dominated)
        watched = [weakref.ref(x) for x in nodes]
        del nodes, dominated
        root.remove(a)
        del a
        gc.collect()
        self.assertEqual([w() for w in watched], [None] * 4)
        self.assertEqual(b.kids, [shared])


class Hiding(TestCase):
    def test_dict_tag_hides_an_instance_and_what_it_holds(self):
        class Holder:
            pass
        tag = []
        secret = ['secret']
        h = Holder()
        h.x = secret
        h._hiding_tag_ = tag
        root = [h, 'visible']
        hv = view(root)
        seen = hv.heap()
        self.assertIn(h, seen)
        self.assertIn(secret, seen)
        hv._hiding_tag_ = tag
        self.assertSameObjects(hv.heap(), [root, 'visible'])

    def test_registered_slot_hides(self):
        class Tagged:
            __slots__ = ('_hiding_tag_', 'value')

        class Sub(Tagged):
            __slots__ = ()
        tag = object()
        t, s, open_ = Tagged(), Sub(), Tagged()
        t.value, s.value, open_.value = [1], [2], [3]
        t._hiding_tag_ = s._hiding_tag_ = tag
        root = [t, s, open_]
        hv = view(root)
        hv._hiding_tag_ = tag
        hv.register__hiding_tag__type(Tagged)
        seen = hv.reachable(immnodeset([root]), immnodeset([Tagged, Sub]))
        self.assertSameObjects(seen, [root, open_, open_.value, 3])
        self.assertRaises(ValueError, hv.register__hiding_tag__type, Tagged)
        self.assertRaises(ValueError, hv.register__hiding_tag__type, Node)

    def test_registration_reaches_subtypes_seen_before(self):
        class Tagged:
            __slots__ = ('_hiding_tag_',)

        class Sub(Tagged):
            __slots__ = ()
        tag = object()
        s = Sub()
        s._hiding_tag_ = tag
        root = [s]
        hv = view(root)
        hv._hiding_tag_ = tag
        self.assertIn(s, hv.heap())          # Sub met, not yet hidden
        hv.register__hiding_tag__type(Tagged)
        self.assertNotIn(s, hv.heap())

    def test_exact_type_hidden_but_not_subtypes(self):
        class Hidden:
            __slots__ = ('v',)

        class Shown(Hidden):
            __slots__ = ()
        a, b = Hidden(), Shown()
        a.v, b.v = ['a'], ['b']
        root = [a, b]
        hv = view(root)
        hv.register_hidden_exact_type(Hidden)
        seen = hv.reachable(immnodeset([root]), immnodeset([Shown]))
        self.assertSameObjects(seen, [root, b, b.v, 'b'])
        self.assertRaises(ValueError, hv.register_hidden_exact_type, Hidden)

    def test_tagged_nodeset_and_nodegraph_hide_their_contents(self):
        tag = []
        inner = ['in set']
        edge_src, edge_tgt = ['src'], ['tgt']
        ns = mutnodeset([inner])
        ng = heapyc.NodeGraph([(edge_src, edge_tgt)])
        hv = view([ns, ng])
        hv._hiding_tag_ = tag
        self.assertSameObjects(hv.relimg([ns]), [inner])
        self.assertSameObjects(hv.relimg([ng]), [edge_src, edge_tgt])
        ns._hiding_tag_ = ng._hiding_tag_ = tag
        self.assertSameObjects(hv.relimg([ns, ng]), [])
        self.assertNotIn(inner, hv.heap())

    def test_hidden_objects_are_not_reported_as_referents(self):
        class Holder:
            pass
        tag = []
        h = Holder()
        h._hiding_tag_ = tag
        box = [h]
        hv = view(box)
        hv._hiding_tag_ = tag
        self.assertSameObjects(hv.relimg([box]), [])
        self.assertSameObjects(hv.heap(), [box])


if __name__ == '__main__':
    unittest.main()
