"""RootState, the root of the interpreter's heap: its attributes name the
interpreter's and the threads' roots, relate() uses the same names, and a
view starting from it sees the modules and the frames (down to its
limitframe when it has one)."""
import builtins
import sys
import threading
import unittest
import warnings

from heapyc_support import (TestCase, heapyc, HEAPDEFS, relations,
                            ATTRIBUTE)

RootState = heapyc.RootState


def tid():
    return threading.get_ident()


class Attributes(TestCase):
    def test_singleton(self):
        self.assertIs(heapyc.RootStateType(), RootState)
        self.assertIs(type(RootState), heapyc.RootStateType)
        self.assertEqual(repr(RootState), 'RootState')

    def test_interpreter_fields(self):
        self.assertIs(RootState.i0_modules, sys.modules)
        self.assertIs(RootState.i0_sysdict, sys.__dict__)
        self.assertIs(RootState.i0_builtins, builtins.__dict__)
        self.assertRaises(AttributeError, getattr, RootState, 'i0_nothing')
        self.assertRaises(AttributeError, getattr, RootState, 'i9_modules')
        self.assertRaises(AttributeError, getattr, RootState, 'nothing')

    def test_frames_counted_from_the_oldest(self):
        frames = []
        f = sys._getframe()
        while f:
            frames.append(f)
            f = f.f_back
        newest = len(frames) - 1
        name = 'i0_t%d_f%d' % (tid(), newest)
        self.assertIs(getattr(RootState, name), sys._getframe())
        self.assertIs(getattr(RootState, 'i0_t%d_f0' % tid()), frames[-1])
        self.assertRaises(AttributeError, getattr, RootState,
                          'i0_t%d_f%d' % (tid(), newest + 100))

    def test_thread_fields(self):
        self.assertIs(getattr(RootState, 'i0_t%d_dict' % tid()),
                      getattr(RootState, 'i0_t%d_dict' % tid()))
        self.assertRaises(AttributeError, getattr, RootState,
                          'i0_t%d_nothing' % tid())
        self.assertRaises(AttributeError, getattr, RootState, 'i0_t1_dict')

    def test_name_without_interpreter_is_deprecated(self):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            frame = getattr(RootState, 't%d_f0' % tid())
        self.assertIs(frame, getattr(RootState, 'i0_t%d_f0' % tid()))
        self.assertTrue(issubclass(w[0].category, DeprecationWarning))

    def test_dir_lists_the_names(self):
        names = dir(RootState)
        self.assertIn('i0_modules', names)
        self.assertIn('i0_t%d_f0' % tid(), names)
        for name in names:
            if name.startswith('i0_'):
                getattr(RootState, name)    # every listed name works


class Heap(TestCase):
    def view(self):
        return heapyc.HeapView(RootState, HEAPDEFS)

    def test_relate_names(self):
        hv = self.view()
        self.assertEqual(relations(hv, RootState, sys.modules),
                         {ATTRIBUTE: ('i0_modules',)})
        frame = sys._getframe()
        name = relations(hv, RootState, frame)[ATTRIBUTE][0]
        self.assertIs(getattr(RootState, name), frame)

    def test_heap_holds_modules_and_frame_locals(self):
        only_here = ['only in this frame']
        h = self.view().heap()
        self.assertIn(sys.modules, h)
        self.assertIn(unittest, h)
        self.assertIn(only_here, h)
        self.assertNotIn(RootState, h)

    def test_limitframe_hides_newer_frames(self):
        hv = self.view()

        def newer():
            secret = ['secret']
            return secret, hv.heap()
        hv.limitframe = sys._getframe()
        secret, h = newer()
        self.assertNotIn(secret, h)
        hv.limitframe = None
        self.assertIs(hv.limitframe, None)
        secret, h = newer()
        self.assertIn(secret, h)
        self.assertRaises(TypeError, setattr, hv, 'limitframe', 1)

    def test_hiding_the_calling_interpreter(self):
        hv = self.view()
        hv.is_hiding_calling_interpreter = True
        self.assertEqual(len(hv.heap()), 0)

    def test_frames_with_hiding_local(self):
        hv = self.view()
        tag = hv._hiding_tag_ = []

        def hidden():
            _hiding_tag_ = tag
            mine = ['mine']
            return mine, hv.heap()
        mine, h = hidden()
        self.assertNotIn(mine, h)


if __name__ == '__main__':
    unittest.main()
