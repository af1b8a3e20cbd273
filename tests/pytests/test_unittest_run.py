#!/usr/bin/env python3
"""The unittest format, which makes its own objects, on the kinds the
original tests in genext.gsl: corpus/heapy_unittest.gsl imports them and
gives superkinds that make the modules; the module gslc generates runs
green under python3 -m unittest and is collected by pytest, against
guppy3's runtime (GUPPY3=<built checkout>) and against ours when it is
staged (heapy, and heapy.heapyc once it exists)."""
import importlib.util
import os
import sys

import support

SPEC = support.spec(os.path.join("corpus", "heapy_unittest.gsl"))
MODULE = "test_heapy_unittest"

# Runs the module's tests after making `guppy.sets` and
# `guppy.heapy.heapyc` our modules; argv[1] is the directory of
# run_tester.py, argv[2:] the classes to run.
ALIASED = """
import importlib.util, sys, unittest
sys.path.insert(0, sys.argv[1])
from run_tester import install_alias
install_alias('guppy.sets', 'heapy')
if importlib.util.find_spec('heapy.heapyc'):
    install_alias('guppy.heapy.heapyc', 'heapy.heapyc')
unittest.main(module=None, argv=['unittest'] + sys.argv[2:])
"""


def main():
    specs = support.need_shared()
    work = support.tmpdir()
    support.compile_gsl(SPEC, work, specs)
    failed = ran = 0
    if support.GUPPY3:
        guppy3 = support.need_guppy3()
        print("guppy3 (%s):" % guppy3)
        path = os.pathsep.join((work, guppy3))
        failed |= support.run_python(["-m", "unittest", MODULE], path, work)[0]
        if importlib.util.find_spec("pytest"):
            failed |= support.run_python(["-m", "pytest", "-q", "-p", "no:cacheprovider",
                                          MODULE + ".py"], path, work)[0]
        ran += 1
    if importlib.util.find_spec("heapy") and importlib.util.find_spec("heapy.setsc"):
        print("ours:")
        classes = ["%s.Test_%s" % (MODULE, k) for k in ("MutNodeSet", "ImmNodeSet", "module_sets")]
        if importlib.util.find_spec("heapy.heapyc"):
            classes.append("%s.Test_HeapView" % MODULE)
        path = os.pathsep.join(p for p in (work, os.environ.get("PYTHONPATH")) if p)
        failed |= support.run_python(["-c", ALIASED, support.HERE, *classes], path, work)[0]
        ran += 1
    if not ran:
        support.skip("neither GUPPY3 nor our runtime to run the tests on")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
