#!/usr/bin/env python3
"""Inputs that would explode or nest deeply are handled within bounds
and without recursion over depth (gslc runs with a 1 MB stack): 10,000
nested optionals in one method (an error: too many argument lists to
enumerate), attributes nested 10,000 deep and a chain of 20,000 kinds
(each compiled: one statement per level), and a test whose coverage asks
for more statements than the limit (an error)."""
import os
import re
import resource
import subprocess
import sys
import time

import support

DEPTH = 10000  # the file grows with the square of the depth: 50 MB


def nested_optionals():
    """[x0 [x1 [x2 ...]]]: DEPTH + 1 lists, of DEPTH ** 2 / 2 values."""
    lines = [".superkind:: int+", "..eg: 1", ".kind:: K", "..method:: m"]
    for i in range(DEPTH):
        lines += ["." * (3 + i) + "optionals", "." * (4 + i) + "arg: x%d: int+" % i]
    return lines, 1, "too many example argument lists"


def nested_attributes():
    lines = [".kind:: K"]
    lines += ["." * (2 + i) + "attr:: a%d" % i for i in range(DEPTH)]
    return lines, 0, DEPTH


def chain_of_kinds():
    n = 20000
    lines = [".kind:: K%d" % i for i in range(n + 1)]
    for i in range(n):
        lines += [".and: K%d" % i, "..method:: next", "...returns: K%d" % (i + 1)]
    return lines, 0, n


def too_many():
    lines = [".kind:: K", ".and: K"]
    for m in "abcdefgh":
        lines += ["..method:: " + m, "...returns: K"]
    return lines + ["...coverage: length 9"], 1, "lower its coverage"


def small_stack():
    resource.setrlimit(resource.RLIMIT_STACK, (1 << 20, 1 << 20))


def main():
    failed = 0
    for make in (nested_optionals, nested_attributes, chain_of_kinds, too_many):
        lines, status, expect = make()
        work = support.tmpdir()
        path = os.path.join(work, "t.gsl")
        test_of = ["..test of: K0" if make is chain_of_kinds else "..test of: K"]
        if make is too_many:
            lines, coverage = lines[:-1], lines[-1:]
            test_of += coverage
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines + [".document: d", "..output: tester"] + test_of) + "\n")
        t0 = time.perf_counter()
        p = subprocess.run([support.GSLC, "-o", work, path], capture_output=True, text=True,
                           preexec_fn=small_stack)
        got, err = p.returncode, p.stderr
        seconds = time.perf_counter() - t0
        if status:
            ok = got == status and expect in err
        else:
            text = open(os.path.join(work, "d.py"), encoding="utf-8").read() if not got else ""
            ok = not got and len(re.findall(r"(?m)^ *t\d+ = ", text)) == expect
        print("%s %s (%.2f s)" % ("ok" if ok else "FAIL", make.__name__, seconds))
        if not ok:
            print("  exit %d, expected %d: %s" % (got, status, err[-1000:]))
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
