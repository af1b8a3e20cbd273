#!/usr/bin/env python3
"""The tests gslc generates from the original's genext.gsl (the
test_heapyc document: HeapView, MutNodeSet, ImmNodeSet and the sets
module, with pre- and postconditions) pass against guppy3's runtime
(GUPPY3=<built checkout>), and against ours when it is staged (heapy:
the sets module; heapy.heapyc, once it exists, for HeapView)."""
import importlib.util
import os
import sys

import support

RUNNER = os.path.join(support.HERE, "run_tester.py")

# How the runner makes the object under test of each kind: `sets` and
# `heapyc` are the modules the aliases name.
SETS_OBJECTS = {
    ".tgt.kindnames.MutNodeSet": "sets.mutnodeset()",
    ".tgt.kindnames.ImmNodeSet": "sets.immnodeset()",
    ".tgt.sets.module_sets": "sets",
}
HEAPYC_OBJECTS = {".tgt.kindnames.HeapView": "heapyc.HeapView((), ())"}


def run(module, objects, aliases, pythonpath):
    argv = [RUNNER, module]
    for name, target in aliases.items():
        argv += ["--alias", "%s=%s" % (name, target)]
    for tgt, expr in objects.items():
        argv += ["--object", "%s=%s" % (tgt, expr)]
    return support.run_python(argv, pythonpath)[0]


def ours_staged():
    """The modules of our runtime that can be imported, as aliases."""
    aliases = {}
    if importlib.util.find_spec("heapy") and importlib.util.find_spec("heapy.setsc"):
        aliases["guppy.sets"] = "heapy"
        if importlib.util.find_spec("heapy.heapyc"):
            aliases["guppy.heapy.heapyc"] = "heapy.heapyc"
    return aliases


def main():
    specs = support.need_shared()
    out = support.tmpdir()
    path = support.tester_only(os.path.join(specs, "genext.gsl"), out)
    support.compile_gsl(path, out, specs)
    module = os.path.join(out, "test_heapyc.py")
    ran = failed = 0
    if support.GUPPY3:
        guppy3 = support.need_guppy3()
        print("guppy3 (%s):" % guppy3)
        failed |= run(module, {**SETS_OBJECTS, **HEAPYC_OBJECTS},
                      {"guppy.sets": "guppy.sets", "guppy.heapy.heapyc": "guppy.heapy.heapyc"},
                      guppy3)
        ran += 1
    aliases = ours_staged()
    if aliases:
        print("ours (%s):" % ", ".join(sorted(aliases.values())))
        objects = dict(SETS_OBJECTS)
        if "guppy.heapy.heapyc" in aliases:
            objects.update(HEAPYC_OBJECTS)
        failed |= run(module, objects, aliases, os.environ.get("PYTHONPATH", ""))
        ran += 1
    if not ran:
        support.skip("neither GUPPY3 nor our runtime to run the tests on")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
