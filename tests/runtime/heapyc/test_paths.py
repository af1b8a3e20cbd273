"""Breadth-first steps (shpathstep) and referrer graphs (update_referrers,
update_referrers_completely) over graphs built here."""
import gc
import unittest

from heapyc_support import TestCase, heapyc, immnodeset, mutnodeset, view

NodeGraph = heapyc.NodeGraph


def diamond():
    """root -> a, b; a -> c; b -> c, e; c -> d. Lists only."""
    d, e = ['d'], ['e']
    c = [d]
    a, b = [c], [c, e]
    root = [a, b]
    return root, a, b, c, d, e


def edges(ng):
    return {(id(s), id(t)) for s, t in ng}


def pairs(*objs):
    return {(id(s), id(t)) for s, t in objs}


class ShortestPaths(TestCase):
    def steps(self, hv, start, avoid=None, find_one=0):
        """Run the search to the end: the graph and the frontiers."""
        G, U, S = NodeGraph(), immnodeset([start]), mutnodeset()
        frontiers = []
        while U:
            S |= U
            args = (G, U, S) if avoid is None else (G, U, S, avoid, find_one)
            U = hv.shpathstep(*args)
            frontiers.append(U)
        return G, frontiers

    def test_breadth_first(self):
        root, a, b, c, d, e = diamond()
        G, frontiers = self.steps(view(root), root)
        self.assertSameObjects(frontiers[0], [a, b])
        self.assertSameObjects(frontiers[1], [c, e])
        self.assertSameObjects(frontiers[2], [d, 'e'])
        self.assertSameObjects(frontiers[3], ['d'])
        self.assertEqual(len(frontiers), 5)
        self.assertEqual(len(frontiers[4]), 0)
        self.assertEqual(edges(G), pairs((a, root), (b, root), (c, a), (c, b),
                                         (e, b), (d, c), ('d', d), ('e', e)))

    def test_avoided_edges(self):
        root, a, b, c, d, e = diamond()
        G, _ = self.steps(view(root), root, NodeGraph([(a, c)]))
        self.assertNotIn((id(c), id(a)), edges(G))
        self.assertIn((id(c), id(b)), edges(G))

    def test_find_one(self):
        root, a, b, c, d, e = diamond()
        G, _ = self.steps(view(root), root, NodeGraph(), 1)
        self.assertEqual(len(G[c]), 1)
        self.assertIn(G[c][0], (a, b))


class ReferrerGraphs(TestCase):
    def test_paths_to_targets(self):
        root, a, b, c, d, e = diamond()
        rg = NodeGraph()
        view(root).update_referrers(rg, immnodeset([d]))
        self.assertEqual(edges(rg), pairs((d, c), (c, a), (c, b), (a, root),
                                          (b, root)))

    def test_every_target(self):
        root, a, b, c, d, e = diamond()
        rg = NodeGraph()
        view(root).update_referrers(rg, immnodeset([a, b, c, d, e, 'd']))
        self.assertEqual(edges(rg), pairs(
            (d, c), (c, a), (c, b), (a, root), (b, root), (e, b), ('d', d)))

    def test_cycles(self):
        x, y = [], []
        x.append(y)
        y.append(x)
        target = ['t']
        y.append(target)
        root = [x]
        rg = NodeGraph()
        view(root).update_referrers(rg, immnodeset([target]))
        # The edge back to x, on the path to the target, is kept too.
        self.assertEqual(edges(rg), pairs((target, y), (y, x), (x, root),
                                          (x, y)))

    def test_objects_met_again(self):
        shared = ['shared']
        target = ['t']
        shared.append(target)
        parents = [[shared] for _ in range(5)]
        root = list(parents)
        rg = NodeGraph()
        view(root).update_referrers(rg, immnodeset([target]))
        self.assertSameObjects(rg[shared], parents)
        self.assertEqual(rg[target], (shared,))

    def test_completely(self):
        leaf = ['leaf']
        holders = [[leaf], (leaf,), {'k': leaf}]
        rg = NodeGraph()
        view([]).update_referrers_completely(rg)
        self.assertSameObjects([r for r in rg[leaf] if r is not None],
                               holders)


if __name__ == '__main__':
    unittest.main()
