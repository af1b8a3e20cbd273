#!/usr/bin/env python3
"""Example argument lists: each argument grammar of specs/enumeration.gsl
gives the lists the language reference (9.4) observed the original to
make, in the same order, duplicates dropped."""
import os
import sys

import support

EXPECTED = [
    "opt3()", "opt3(1)", "opt3(2)", "opt3(1, 'b')", "opt3(2, 'b')", "opt3(1, 'b', 'b')",
    "opt3(2, 'b', 'b')",
    "alts(1)", "alts(2)", "alts(k='b')", "alts('b', 'b')", "alts()",
    "rep('b')", "rep('b', 'b')", "rep('b', 'b', 'b')",
    "repstar('b')", "repstar('b', 'b')",
    "draw2()", "draw2(p='b')", "draw2(q='b', r='b')", "draw2(p='b', q='b', r='b')",
    "args2(1, 'b')", "args2(2, 'b')",
    "twice(1)", "twice(2)",
]


def main():
    out = support.tmpdir()
    support.compile_gsl(support.spec(os.path.join("specs", "enumeration.gsl")), out)
    calls = [s[len("arg."):] for s in support.paths(os.path.join(out, "enumeration.py"), "test_K")]
    if calls != EXPECTED:
        print("FAIL: the argument lists are\n  %s\nnot\n  %s" % (calls, EXPECTED))
        return 1
    print("ok: %d argument lists" % len(calls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
