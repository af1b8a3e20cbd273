"""NodeGraph: its methods one by one, and random graphs checked against a
model (a list of pairs) large enough for the sort and the search index
to matter."""
import os
import random
import unittest

from heapyc_support import TestCase, heapyc, immnodeset

NodeGraph = heapyc.NodeGraph
SEED = int(os.environ.get('HEAPYC_TEST_SEED', '20240611'))


def by_id(pairs):
    """Edges as the graph orders them: by (source, target) address, once."""
    return sorted(set((id(s), id(t)) for s, t in pairs))


class Methods(TestCase):
    def test_construction(self):
        self.assertEqual(list(NodeGraph()), [])
        ng = NodeGraph([(1, 2)])
        self.assertEqual(list(ng), [(1, 2)])
        self.assertFalse(ng.is_mapping)
        for ng in (NodeGraph([(1, 2)], True),
                   NodeGraph(iterable=[(1, 2)], is_mapping=True),
                   NodeGraph(is_mapping=1, iterable=[(1, 2)])):
            self.assertTrue(ng.is_mapping)
            self.assertEqual(ng[1], 2)
        self.assertRaises(TypeError, NodeGraph, [(1, 2, 3)])
        self.assertRaises(TypeError, NodeGraph, [1])

    def test_adding_and_reading(self):
        ng = NodeGraph()
        ng.add_edge(1, 2)
        ng.add_edges_n1([3, 4], 5)
        self.assertEqual(sorted(ng), [(1, 2), (3, 5), (4, 5)])
        self.assertEqual(sorted(ng.as_flat_list()), [1, 2, 3, 4, 5, 5])
        self.assertEqual(len(ng), 3)
        self.assertEqual(ng[3], (5,))
        self.assertEqual(ng[99], ())

    def test_duplicates_are_dropped(self):
        a, b = [], []
        ng = NodeGraph([(a, b), (b, a), (a, b), (a, b)])
        self.assertEqual(len(ng), 2)
        self.assertEqual(ng[a], (b,))

    def test_is_sorted_flag(self):
        ng = NodeGraph()
        ng.add_edge(1, 2)
        ng.add_edge(2, 1)
        self.assertFalse(ng.is_sorted)
        ng[1]
        self.assertTrue(ng.is_sorted)
        ng.add_edge(3, 3)
        self.assertFalse(ng.is_sorted)

    def test_domain_and_range(self):
        ng = NodeGraph([(1, 2), (3, 5), (4, 5)])
        self.assertTrue(ng.domain_covers([1, 3, 4]))
        self.assertFalse(ng.domain_covers([1, 5]))
        self.assertTrue(ng.domain_covers([]))
        self.assertEqual(ng.get_domain(), immnodeset([1, 3, 4]))
        self.assertEqual(ng.get_range(), immnodeset([2, 5]))
        r = ng.domain_restricted([1, 3])
        self.assertEqual(sorted(r), [(1, 2), (3, 5)])
        self.assertEqual(ng.relimg([3, 4, 9]), immnodeset([5]))

    def test_results_of_many_batches(self):
        # More endpoints than one batch of adds to a set holds (65536).
        objs = [object() for _ in range(70000)]
        ng = NodeGraph([(0, o) for o in objs] + [(o, 1) for o in objs])
        self.assertEqual(len(ng.get_range()), 70001)
        self.assertEqual(len(ng.get_domain()), 70001)
        self.assertEqual(ng.relimg([0]), immnodeset(objs))

    def test_relimg_of_an_iterator_that_clears_the_graph(self):
        # The target found before the clear is referred to by the graph
        # alone until the result holds it.
        ng = NodeGraph([(1, object()), (2, object())])
        found = id(ng[1][0])

        def sources():
            yield 1
            ng.clear()
            yield 2
        self.assertEqual([id(x) for x in ng.relimg(sources())], [found])

    def test_inversion_and_copies(self):
        ng = NodeGraph([(1, 2), (3, 5), (4, 5)])
        inv = ng.inverted()
        self.assertEqual(sorted(inv), [(2, 1), (5, 3), (5, 4)])
        self.assertEqual(sorted(ng), [(1, 2), (3, 5), (4, 5)])
        cp = ng.copy()
        cp.add_edge(5, 6)
        self.assertEqual(len(ng), 3)
        self.assertEqual(len(cp), 4)
        up = ng.updated([(2, 9)])
        self.assertEqual(up[2], (9,))
        self.assertEqual(ng[2], ())
        ng.invert()
        self.assertEqual(sorted(ng), sorted(inv))
        ng.update([(7, 8)])
        self.assertEqual(ng[7], (8,))
        ng.clear()
        self.assertEqual(list(ng), [])

    def test_assignment(self):
        ng = NodeGraph([(1, 2), (1, 3), (4, 5)])
        ng[1] = (7, 6)
        self.assertEqual(sorted(ng[1]), [6, 7])
        self.assertRaises(ValueError, ng.__setitem__, 1, (1,))
        self.assertRaises(TypeError, ng.__setitem__, 1, [6, 7])
        self.assertRaises(NotImplementedError, ng.__delitem__, 1)
        m = NodeGraph([(1, 2), (3, 4), (3, 5)], is_mapping=True)
        m[1] = 9
        self.assertEqual(m[1], 9)
        self.assertRaises(KeyError, m.__getitem__, 2)
        self.assertRaises(ValueError, m.__getitem__, 3)
        self.assertRaises(ValueError, m.__setitem__, 2, 0)

    def test_iteration_sees_changes(self):
        ng = NodeGraph([(1, 2), (3, 4)])
        it = iter(ng)
        next(it)
        ng.add_edge(5, 6)
        self.assertRaises(RuntimeError, next, it)

    def test_hiding_tag(self):
        ng = NodeGraph()
        self.assertIsNone(ng._hiding_tag_)
        tag = []
        ng._hiding_tag_ = tag
        self.assertIs(ng._hiding_tag_, tag)
        self.assertIs(ng.copy()._hiding_tag_, tag)
        self.assertIs(ng.get_domain()._hiding_tag_, tag)

    def test_subclass(self):
        class R(NodeGraph):
            __slots__ = ('stop',)

            def __new__(cls, stop):
                r = NodeGraph.__new__(cls, is_mapping=1)
                r.add_edges_n1(list(range(stop)), 0)
                r.stop = stop
                return r
        r = R(10)
        self.assertEqual(r.stop, 10)
        self.assertTrue(r.is_mapping)
        self.assertIsInstance(r.copy(), R)
        self.assertEqual([r[k] for k in range(10)], [0] * 10)


class Model(TestCase):
    """Random graphs over a few hundred nodes with many duplicate edges,
    against the set of pairs they should hold."""

    def test_random_graphs(self):
        rnd = random.Random(SEED)
        nodes = [object() for _ in range(300)]
        for trial in range(20):
            pairs = [(rnd.choice(nodes), rnd.choice(nodes))
                     for _ in range(rnd.randrange(1, 3000))]
            ng = NodeGraph()
            for s, t in pairs:
                ng.add_edge(s, t)
            self.assertEqual([(id(s), id(t)) for s, t in ng], by_id(pairs))
            targets = {}
            for s, t in pairs:
                targets.setdefault(id(s), set()).add(id(t))
            # Lookups in random and in ascending order.
            order = nodes[:]
            rnd.shuffle(order)
            for probe in (order, sorted(nodes, key=id)):
                for n in probe:
                    self.assertEqual({id(t) for t in ng[n]},
                                     targets.get(id(n), set()))
            some = rnd.sample(nodes, 50)
            self.assertEqual(
                {id(x) for x in ng.relimg(some)},
                set().union(*(targets.get(id(n), set()) for n in some)))
            self.assertEqual(ng.domain_covers(some),
                             all(id(n) in targets for n in some))
            # Results of more than a batch of adds (1024) at once.
            self.assertEqual({id(x) for x in ng.get_domain()}, set(targets))
            self.assertEqual({id(x) for x in ng.get_range()},
                             {id(t) for s, t in pairs})
            self.assertEqual({id(x) for x in ng.relimg(nodes)},
                             {id(t) for s, t in pairs})


if __name__ == '__main__':
    unittest.main()
