"""A copy of the Python tree of a built guppy3 checkout in which the
modules guppy.sets.setsc and guppy.heapy.heapyc are ours: their names
are made aliases of heapy.setsc and heapy.heapyc, so that the original's
Python layer, its tests and its benchmark run on our modules. Used by
test_guppy3.py and by bench/heapyc."""
import os
import shutil

ALIAS = 'import sys, {ours}\nsys.modules[__name__] = {ours}\n'


def make(guppy3, tmp):
    """Copy guppy3's tree into the directory tmp, ours in place of its
    extension modules."""
    tree = os.path.join(tmp, 'guppy')
    shutil.copytree(os.path.join(guppy3, 'guppy'), tree,
                    ignore=shutil.ignore_patterns('setsc*.so', 'heapyc*.so',
                                                  '__pycache__'))
    for name, ours in (('sets/setsc.py', 'heapy.setsc'),
                       ('heapy/heapyc.py', 'heapy.heapyc')):
        with open(os.path.join(tree, name), 'w') as f:
            f.write(ALIAS.format(ours=ours))


def environment(stage, tmp):
    """The environment that runs Python on the tree in tmp with our staged
    package (the directory stage) importable."""
    return dict(os.environ, PYTHONPATH=stage + os.pathsep + tmp)
