#!/usr/bin/env python3
"""gslc's tester output for the original's corpus has the original's
statements: docexample.py and test_heapyc.py pass the shared
testcompare.py against the reference outputs (at least 95% of the
reference's expanded statements, and the same share the other way), and
two runs give the same bytes."""
import filecmp
import os
import subprocess
import sys

import support


def main():
    specs = support.need_shared()
    expected = os.path.join(support.SHARED, "guppy3", "expected")
    compare = os.path.join(support.SHARED, "checks", "testcompare.py")
    failed = 0
    for driver, output in (("docexample.gsl", "docexample.py"), ("genext.gsl", "test_heapyc.py")):
        outs = []
        for _ in range(2):
            out = support.tmpdir()
            support.compile_gsl(os.path.join(specs, driver), out)
            outs.append(os.path.join(out, output))
        p = subprocess.run([support.PYTHON, compare, os.path.join(expected, output), outs[0]],
                           capture_output=True, text=True)
        print(p.stdout, end="")
        if p.returncode:
            print(p.stderr, "FAIL: %s differs from the reference" % output)
            failed = 1
        if not filecmp.cmp(outs[0], outs[1], shallow=False):
            print("FAIL: two runs wrote different %s" % output)
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
