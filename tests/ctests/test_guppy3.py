#!/usr/bin/env python3
"""The C tests of the original's genext.gsl (its test_heapyc document:
HeapView, MutNodeSet, ImmNodeSet and the sets module, with pre- and
postconditions) pass against guppy3's runtime (GUPPY3=<built checkout>).
The C tests make their own objects: the copy of genext.gsl that asks for
them gives the modules superkinds with examples, from which the kinds'
constructors make the rest. The same copy's unittest module has one test
method per C test."""
import os
import re
import sys

import ctsupport
from ctsupport import support

# Appended to the copy: how the tests get the two modules.
MODULES = """
.superkind:: module_sets+
..superkind of: module_sets
..eg: sets
...in context:
from guppy import sets

.superkind:: module heapyc+
..superkind of: module heapyc
..eg: heapyc
...in context:
from guppy.heapy import heapyc
"""


def main():
    specs = support.need_shared()
    guppy3 = support.need_guppy3()
    work = support.tmpdir()
    copy = ctsupport.with_ctest(os.path.join(specs, "genext.gsl"), work, "test_heapyc")
    with open(copy, "a", encoding="utf-8") as f:
        f.write(MODULES)
    name = ctsupport.generate(copy, work, specs)[0]
    program, _ = ctsupport.build(work, name, sanitize=False)
    status, out, err = ctsupport.run(program, guppy3)
    results = ctsupport.tap(out)
    print(out.splitlines()[-1])
    failed = 0
    if status or not results or not all(r.ok for r in results):
        print(out, err[-4000:])
        failed = 1
    text = open(copy, encoding="utf-8").read()
    with open(copy, "w", encoding="utf-8") as f:
        f.write(text.replace("..output: tester, ctest", "..output: unittest"))
    support.compile_gsl(copy, work, specs)
    methods = re.findall(r"(?m)^    def test_\d+_", open(
        os.path.join(work, "test_test_heapyc.py"), encoding="utf-8").read())
    print("%d C tests, %d unittest methods" % (len(results), len(methods)))
    if len(methods) != len(results):
        failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
