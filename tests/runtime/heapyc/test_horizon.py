"""Horizon: the objects of a moment, less those deallocated since, so
that news() tells the objects made after it, even at reused addresses."""
import gc
import unittest

from heapyc_support import TestCase, heapyc, view


class Thing:
    pass


class Horizon(TestCase):
    def test_news_are_the_objects_made_after(self):
        old = [Thing() for _ in range(100)]
        h = heapyc.Horizon(old)
        new = [Thing() for _ in range(10)]
        self.assertSameObjects(h.news(old + new), new)
        self.assertSameObjects(h.news(old), [])

    def test_reused_addresses_are_news(self):
        old = [Thing() for _ in range(1000)]
        kept = old[::2]
        h = heapyc.Horizon(old)
        addresses = {id(x) for x in old[1::2]}
        del old
        gc.collect()
        new = [Thing() for _ in range(2000)]
        if not any(id(x) in addresses for x in new):
            # As under AddressSanitizer, which holds freed memory back.
            self.skipTest('the allocator reused no address')
        self.assertSameObjects(h.news(new + kept), new)

    def test_horizon_of_a_view(self):
        root = [[1], (2,), {3: 4}]
        h = heapyc.Horizon(view(root))
        five = 5     # existed before, but was not in the view
        root.append([five])
        self.assertSameObjects(h.news(view(root)), [root[-1], five])

    def test_several_horizons(self):
        a = [Thing()]
        h1 = heapyc.Horizon(a)
        b = [Thing()]
        h2 = heapyc.Horizon(a + b)
        c = [Thing()]
        self.assertSameObjects(h1.news(a + b + c), b + c)
        self.assertSameObjects(h2.news(a + b + c), c)
        del h1
        self.assertSameObjects(h2.news(a + b + c), c)
        del h2
        d = [Thing()]
        h3 = heapyc.Horizon(a)
        self.assertSameObjects(h3.news(a + d), d)


if __name__ == '__main__':
    unittest.main()
