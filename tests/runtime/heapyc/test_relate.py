"""How one object refers to another, per standard type: HeapView.relate()
names each reference by a kind and a relator, and the view's traversal
visits each reference that relate() names (checked with numedges)."""
import asyncio
import sys
import types
import unittest

from heapyc_support import (TestCase, heapyc, mutnodeset, view, relations,
                            ATTRIBUTE, INDEXVAL, INDEXKEY, INTERATTR, HASATTR,
                            LOCAL_VAR, CELL, INSET)


def total(rel):
    return sum(len(r) for r in rel.values())


class Relate(TestCase):
    def setUp(self):
        self.hv = view([])

    def rel(self, src, tgt, edges=None):
        """relate(src, tgt), checking that numedges counts one reference
        per relator (or edges, where relate names references that go
        through another object, e.g. an instance's __dict__)."""
        r = relations(self.hv, src, tgt)
        self.assertEqual(self.hv.numedges(src, tgt),
                         total(r) if edges is None else edges)
        return r

    def test_result_shape(self):
        r = self.hv.relate([1], 2)
        self.assertIsInstance(r, tuple)
        self.assertEqual(len(r), 11)
        self.assertEqual(r, ((),) * 11)

    def test_list_and_tuple_by_index(self):
        x = []
        self.assertEqual(self.rel([x, 1, x], x), {INDEXVAL: (0, 2)})
        self.assertEqual(self.rel((1, x), x), {INDEXVAL: (1,)})

    def test_dict_keys_and_values(self):
        k, v = ('key',), ['value']
        d = {1: 2, k: v, 'other': k}
        self.assertEqual(self.rel(d, k), {INDEXKEY: (1,), INDEXVAL: ('other',)})
        self.assertEqual(self.rel(d, v), {INDEXVAL: (k,)})

    def test_string_keyed_dict_refers_to_its_keys(self):
        key = ''.join(['not', 'interned'])
        d = {key: 1}
        self.assertEqual(self.rel(d, key), {INDEXKEY: (0,)})

    def test_split_instance_dict(self):
        # The keys of split dicts are held by the class they share them
        # through.
        class Split:
            def __init__(self):
                self.a, self.b = 1, [2]
        s = Split()
        Split()
        d = s.__dict__
        self.assertEqual(self.rel(d, s.b), {INDEXVAL: ('b',)})
        self.assertEqual(self.rel(d, 'a'), {})
        self.assertEqual(self.rel(Split, 'a'),
                         {INTERATTR: ('ht_cached_keys',)})

    def test_set_and_frozenset_by_position(self):
        x = ('in', 'set')
        for s in ({x}, frozenset([x])):
            self.assertEqual(self.rel(s, x), {INSET: (0,)})
        s = {1, 2, x}
        position = list(s).index(x)
        self.assertEqual(self.rel(s, x), {INSET: (position,)})

    def test_nodeset_by_position(self):
        x = []
        ns = mutnodeset([x])
        self.assertEqual(self.rel(ns, x), {INSET: (0,)})

    def test_function(self):
        def f(a=[1], *, b=[2]):
            "doc"
            return a, b, self
        f.attr = ['attr']
        f.__annotations__ = {'a': 1}
        self.assertEqual(self.rel(f, f.__code__), {ATTRIBUTE: ('__code__',)})
        self.assertEqual(self.rel(f, f.__globals__),
                         {ATTRIBUTE: ('__globals__',)})
        self.assertEqual(self.rel(f, f.__builtins__),
                         {ATTRIBUTE: ('__builtins__',)})
        self.assertEqual(self.rel(f, f.__defaults__),
                         {ATTRIBUTE: ('__defaults__',)})
        self.assertEqual(self.rel(f, f.__kwdefaults__),
                         {ATTRIBUTE: ('__kwdefaults__',)})
        self.assertEqual(self.rel(f, f.__closure__),
                         {ATTRIBUTE: ('__closure__',)})
        self.assertEqual(self.rel(f, f.__doc__), {ATTRIBUTE: ('__doc__',)})
        self.assertEqual(self.rel(f, f.__dict__), {ATTRIBUTE: ('__dict__',)})
        self.assertEqual(self.rel(f, f.__annotations__),
                         {ATTRIBUTE: ('__annotations__',)})
        self.assertEqual(self.rel(f, f.attr, 0), {ATTRIBUTE: ('attr',)})
        self.assertEqual(self.rel(f, 'attr', 0), {HASATTR: (0,)})

    def test_closure_cell(self):
        box = ['boxed']

        def f():
            return box
        cell = f.__closure__[0]
        self.assertEqual(self.rel(cell, box), {ATTRIBUTE: ('cell_contents',)})

    def test_methods(self):
        class C:
            def m(self):
                pass
        c = C()
        bound = c.m
        self.assertEqual(self.rel(bound, c), {ATTRIBUTE: ('__self__',)})
        self.assertEqual(self.rel(bound, C.m), {ATTRIBUTE: ('__func__',)})
        lst = []
        builtin = lst.append
        self.assertEqual(self.rel(builtin, lst), {ATTRIBUTE: ('__self__',)})

    def test_property(self):
        def get(self):
            return 1
        p = property(get, None, None, 'the doc')
        self.assertEqual(self.rel(p, get), {ATTRIBUTE: ('fget',)})
        self.assertEqual(self.rel(p, p.__doc__), {ATTRIBUTE: ('__doc__',)})

    def test_code(self):
        def f():
            return 'a constant', len
        code = f.__code__
        self.assertEqual(self.rel(code, code.co_consts),
                         {ATTRIBUTE: ('co_consts',)})
        self.assertEqual(self.rel(code, code.co_names),
                         {ATTRIBUTE: ('co_names',)})
        self.assertEqual(self.rel(code, code.co_filename),
                         {ATTRIBUTE: ('co_filename',)})
        code.co_code
        self.assertEqual(self.rel(code, code.co_code),
                         {ATTRIBUTE: ('co_code',)})

    def test_module(self):
        m = types.ModuleType('m')
        m.x = ['x']
        self.assertEqual(self.rel(m, m.__dict__), {ATTRIBUTE: ('__dict__',)})
        self.assertEqual(self.rel(m, m.x, 0), {ATTRIBUTE: ('x',)})

    def test_instance_dict_and_slots(self):
        class D:
            pass

        class S:
            __slots__ = ('first', 'second')
        d, s = D(), S()
        d.x = ['x']
        s.first, s.second = ['1'], ['2']
        self.assertEqual(self.rel(d, d.__dict__), {ATTRIBUTE: ('__dict__',)})
        self.assertEqual(self.rel(d, d.x, 0), {ATTRIBUTE: ('x',)})
        self.assertEqual(self.rel(s, s.second), {ATTRIBUTE: ('second',)})
        self.assertEqual(self.rel(s, S), {INTERATTR: ('ob_type',)})

    def test_subclass_of_list_with_slots(self):
        class L(list):
            __slots__ = ('extra',)
        x = ['item']
        l = L([0, x])
        l.extra = x
        self.assertEqual(self.rel(l, x),
                         {ATTRIBUTE: ('extra',), INDEXVAL: (1,)})

    def test_type(self):
        class Base:
            pass

        class T(Base):
            pass
        self.assertEqual(self.rel(T, Base),
                         {ATTRIBUTE: ('__base__',)})
        self.assertEqual(self.rel(T, T.__bases__), {ATTRIBUTE: ('__bases__',)})
        self.assertEqual(self.rel(T, T.__mro__), {ATTRIBUTE: ('__mro__',)})
        self.assertEqual(self.rel(T, T.__name__), {ATTRIBUTE: ('__name__',)})
        self.assertEqual(self.rel(int, int.__mro__),
                         {ATTRIBUTE: ('__mro__',)})

    def test_frame_locals_and_cells(self):
        local = ['local']
        shared = ['shared']

        def uses():
            return shared
        frame = sys._getframe()
        r = relations(self.hv, frame, local)
        self.assertEqual(r, {LOCAL_VAR: ('local',)})
        r = relations(self.hv, frame, shared)
        self.assertEqual(r, {CELL: ('shared',)})
        self.assertEqual(relations(self.hv, frame, frame.f_code),
                         {ATTRIBUTE: ('f_code',)})
        self.assertEqual(relations(self.hv, frame, frame.f_back),
                         {ATTRIBUTE: ('f_back',)})
        self.assertIn(local, self.hv.relimg([frame]))
        del uses

    def test_generator_and_coroutine(self):
        def gen():
            inside = ['inside']
            yield inside
        g = gen()
        inside = next(g)
        self.assertEqual(relations(self.hv, g, inside), {LOCAL_VAR: ('inside',)})
        self.assertEqual(relations(self.hv, g, g.gi_code),
                         {ATTRIBUTE: ('gi_code',), INTERATTR: ('gi_frame.f_code',)})
        self.assertIn(inside, self.hv.relimg([g]))

        async def coro():
            waiting = ['waiting']
            await asyncio.sleep(0)
            return waiting
        c = coro()
        self.assertEqual(relations(self.hv, c, c.cr_code),
                         {ATTRIBUTE: ('cr_code',), INTERATTR: ('cr_frame.f_code',)})
        c.close()

    def test_traceback(self):
        try:
            raise ValueError
        except ValueError as e:
            tb = e.__traceback__
        self.assertEqual(relations(self.hv, tb, tb.tb_frame),
                         {ATTRIBUTE: ('tb_frame',)})

    def test_mappingproxy(self):
        class C:
            pass
        proxy = C.__dict__
        self.assertEqual(relations(self.hv, proxy, C.__dict__['__module__']),
                         {INDEXVAL: ('__module__',)})

    def test_nodegraph(self):
        a, b = [], []
        ng = heapyc.NodeGraph([(a, b), (b, a)])
        len(ng)
        r = self.rel(ng, a)
        self.assertEqual(sorted(r[INTERATTR]),
                         sorted(['edges[0].%s' % ('src' if id(a) < id(b)
                                                  else 'tgt'),
                                 'edges[1].%s' % ('tgt' if id(a) < id(b)
                                                  else 'src')]))

    def test_relation_objects(self):
        r1 = heapyc.Relation(ATTRIBUTE, 'a')
        r2 = heapyc.Relation(ATTRIBUTE, 'b')
        r3 = heapyc.Relation(INDEXVAL, 0)
        self.assertLess(r1, r2)
        self.assertLess(r2, r3)
        self.assertEqual(r1, heapyc.Relation(ATTRIBUTE, 'a'))
        self.assertEqual(hash(r1), hash(heapyc.Relation(ATTRIBUTE, 'a')))
        self.assertEqual((r3.kind, r3.relator), (INDEXVAL, 0))
        self.assertRaises(ValueError, heapyc.Relation, 0, 'x')
        self.assertRaises(ValueError, heapyc.Relation, 11, 'x')


if __name__ == '__main__':
    unittest.main()
