"""The classifiers a HeapView makes: the kind each gives, memoization (equal
kinds are one object), the order select() uses, and partition,
epartition and select over collections."""
import gc
import sys
import tracemalloc
import unittest

from heapyc_support import (TestCase, heapyc, immnodeset, view, INDEXVAL)


class Owner:
    pass


def caller_line():
    """The line number of the caller."""
    return sys._getframe(1).f_lineno


class Simple(TestCase):
    def setUp(self):
        self.hv = view([])

    def test_none_type_id_idset(self):
        hv = self.hv
        x = []
        self.assertIsNone(hv.cli_none().classify(x))
        self.assertIs(hv.cli_type().classify(x), list)
        self.assertIs(hv.cli_id().classify(x), x)
        self.assertEqual(hv.cli_idset().classify(x), immnodeset([x]))

    def test_partition_and_epartition(self):
        items = [1, 2, 'a', 3, 'b', 'c', 4]
        cli = self.hv.cli_type()
        self.assertEqual(cli.partition(items),
                         {int: [1, 2, 3, 4], str: ['a', 'b', 'c']})
        ep = cli.epartition(items)
        self.assertIsInstance(ep, heapyc.NodeGraph)
        self.assertEqual(sorted(ep[str]), ['a', 'b', 'c'])
        self.assertEqual(sorted(ep[int]), [1, 2, 3, 4])

    def test_select_by_type_order(self):
        class Sub(list):
            pass
        plain, sub = [], Sub()
        items = [plain, sub, {}, 1]
        cli = self.hv.cli_type()
        self.assertEqual(cli.select(items, list, '=='), [plain])
        self.assertEqual(cli.select(items, list, '<='), [plain, sub])
        self.assertEqual(cli.select(items, list, '<'), [sub])
        self.assertEqual(cli.select(items, Sub, '>'), [plain])
        self.assertEqual(cli.select(items, list, '!='), [sub, {}, 1])
        self.assertRaises(ValueError, cli.select, items, list, '=<')
        self.assertRaises(TypeError, cli.select, items, list, 1)

    def test_equality_only_classifiers(self):
        cli = self.hv.cli_and((self.hv.cli_type(),), {})
        self.assertRaises(ValueError, cli.select, [1], (int,), '<')
        self.assertEqual(cli.select([1, 'a'], (int,), '=='), [1])

    def test_indisize_memoized_and_ordered(self):
        cli = self.hv.cli_indisize({})
        small = cli.classify([])
        self.assertIs(cli.classify([]), small)
        self.assertEqual(cli.select([[], [1] * 100], small, '<='), [[]])

    def test_findex(self):
        hv = self.hv
        cli = hv.cli_findex(((hv.cli_type(), int, '=='),
                             (hv.cli_type(), list, '<=')), {})
        self.assertEqual([cli.classify(x) for x in (5, [], 's')], [0, 1, 2])
        self.assertIs(cli.classify('t'), cli.classify('u'))
        self.assertRaises(TypeError, hv.cli_findex, ((1, 2, 3),), {})
        self.assertRaises(ValueError, hv.cli_findex,
                          ((hv.cli_and((), {}), (), '<'),), {})

    def test_user_defined(self):
        hv = self.hv
        cli = hv.cli_user_defined(hv.cli_type(), list, len, lambda k: k)
        self.assertEqual(cli.classify([1, 2]), 2)
        self.assertIsNone(cli.classify('not a list'))
        self.assertEqual(cli.select([[1] * 10, 'x', [1]], 10, '=='),
                         [[1] * 10])


class And(TestCase):
    def setUp(self):
        self.hv = view([])

    def test_kinds_are_memoized_tuples(self):
        hv = self.hv
        memo = {}
        cli = hv.cli_and((hv.cli_type(), hv.cli_id()), memo)
        x = []
        kind = cli.classify(x)
        self.assertIs(cli.classify(x), kind)
        self.assertEqual(tuple(kind), (list, x))
        self.assertIs(memo[kind], kind)
        self.assertEqual(cli.select([x, []], (list, x), '=='), [x])

    def test_nodetuple_compares_by_address(self):
        cli = self.hv.cli_and((self.hv.cli_id(),), {})
        a, b = cli.classify(1), cli.classify(2)
        self.assertNotEqual(a, b)
        self.assertNotEqual(a < b, a > b)
        self.assertEqual(cli.classify(1), a)

    def test_classification_within_itself(self):
        hv = self.hv

        def classify(obj):
            # Classifies with cli while cli classifies obj.
            return len(cli.partition([1, 'a', 2]))
        user = hv.cli_user_defined(hv.cli_type(), list, classify, None)
        cli = hv.cli_and((user, hv.cli_type()), {})
        self.assertEqual(tuple(cli.classify([])), (2, list))
        self.assertEqual(tuple(cli.classify(3)), (None, int))


class DictOwner(TestCase):
    def test_dicts_by_owner(self):
        hv = view([])
        owners = heapyc.NodeGraph()
        notdict, notowned = object(), object()
        cli = hv.cli_dictof(owners, hv.cli_type(), notdict, notowned)
        o = Owner()
        o.x = 1
        held = [{'held': 1}]     # by a container the collector tracks
        self.assertIs(cli.classify(o.__dict__), Owner)
        self.assertIs(cli.classify(held[0]), notowned)
        self.assertIs(cli.classify({'anywhere': 1}), notowned)
        self.assertIs(cli.classify(o), notdict)
        self.assertEqual(owners[o.__dict__], (o,))
        self.assertEqual(owners[held[0]], (None,))

    def test_update_dictowners(self):
        hv = view([])
        owners = heapyc.NodeGraph()
        o = Owner()
        o.y = 2
        untracked = {'atoms': 1}          # the collector does not track it
        tracked = {'list': []}
        held = ([untracked, tracked], [untracked])
        self.assertFalse(gc.is_tracked(untracked))
        self.assertTrue(gc.is_tracked(tracked))
        hv.update_dictowners(owners)
        self.assertEqual(owners[o.__dict__], (o,))
        self.assertEqual(owners[vars(sys)], (sys,))
        self.assertEqual(owners[untracked], (None,))
        self.assertEqual(owners[tracked], (None,))
        del held


class Referrers(TestCase):
    def test_rcs_classifies_by_referrer_kinds(self):
        hv = view([])
        x, y, z = [], [], []
        rg = heapyc.NodeGraph([(x, (x,)), (x, {}), (y, (y,)), (z, None)])
        cli = hv.cli_rcs(rg, hv.cli_type(), {})
        kx, ky, kz = cli.classify(x), cli.classify(y), cli.classify(z)
        self.assertEqual(kx, immnodeset([tuple, dict]))
        self.assertEqual(ky, immnodeset([tuple]))
        self.assertEqual(kz, immnodeset([]))
        self.assertIs(cli.classify(x), kx)
        tuples = immnodeset([tuple])
        self.assertEqual(cli.select([x, y, z], tuples, '<='), [y, z])
        self.assertEqual(cli.select([x, y, z], tuples, '>='), [x, y])

    def test_rcs_memo_cleared_behind_its_back(self):
        hv = view([])
        x = []
        memo = {}
        cli = hv.cli_rcs(heapyc.NodeGraph([(x, (x,))]), hv.cli_type(), memo)
        first = cli.classify(x)
        memo.clear()
        second = cli.classify(x)
        self.assertEqual(first, second)
        self.assertIs(memo[second], second)

    def test_inrel_classifies_by_relations(self):
        hv = view([])
        x = []
        y = [x, x]
        d = {'key': x}
        rg = heapyc.NodeGraph([(x, y), (x, d)])
        memokind, memorel = {}, {}
        cli = hv.cli_inrel(rg, memokind, memorel)
        kind = cli.classify(x)
        self.assertEqual({(r.kind, r.relator) for r in kind},
                         {(INDEXVAL, 0), (INDEXVAL, 1), (INDEXVAL, 'key')})
        self.assertIs(cli.classify(x), kind)
        self.assertEqual(len(memorel), 3)
        state = cli.self
        self.assertEqual(state[:2] + state[3:], (hv, rg, memokind, memorel))


class Producer(TestCase):
    def test_classified_by_allocation_site(self):
        # Instances of a class: lists and dicts may come from free lists
        # that tracemalloc did not see filled.
        hv = view([])
        untraced = Owner()
        tracemalloc.start()
        try:
            here = [Owner() for _ in range(3)]
            line = caller_line()
            there = [Owner()]
            cli = hv.cli_prod({})
            kinds = [cli.classify(x) for x in here]
            self.assertIs(kinds[1], kinds[0])
            self.assertEqual(kinds[0], (__file__, line - 1))
            self.assertEqual(cli.classify(there[0]), (__file__, line + 1))
            self.assertIsNone(cli.classify(untraced))
            self.assertEqual(cli.select(here + there, (__file__, line),
                                        '<='), here)
            self.assertEqual(cli.select(here + there, (__file__[:5], None),
                                        '<='), here + there)
        finally:
            tracemalloc.stop()


if __name__ == '__main__':
    unittest.main()
