#!/usr/bin/env python3
"""Example argument lists: each argument grammar of specs/enumeration.gsl
gives the lists the language reference (9.4) observed the original to
make, in the same order, duplicates dropped; its operators make the
original's statements, and attributes whose names cannot follow a dot
are read with getattr."""
import ast
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

# What follows the calls: items, operators, attributes (statement 25 on).
STATEMENTS = [
    "t25 = arg[1]", "t26 = arg[2]", "arg[1] = 'b'", "arg[2] = 'b'", "del arg[1]", "del arg[2]",
    "t31 = arg + 1", "t32 = arg + 2", "t33 = arg", "t33 -= 'b'", "t34 = 'b' in arg",
    "t35 = len(arg)", "t36 = getattr(arg, 'not an identifier')", "t37 = getattr(arg, 'None')",
]


def main():
    out = support.tmpdir()
    support.compile_gsl(support.spec(os.path.join("specs", "enumeration.gsl")), out)
    module = os.path.join(out, "enumeration.py")
    calls = [s[len("arg."):] for s in support.paths(module, "test_K")][:len(EXPECTED)]
    if calls != EXPECTED:
        print("FAIL: the argument lists are\n  %s\nnot\n  %s" % (calls, EXPECTED))
        return 1
    tree = ast.parse(open(module, encoding="utf-8").read())
    test = next(f for f in tree.body[0].body if isinstance(f, ast.FunctionDef))
    rest = [ast.unparse(s) for s in test.body][len(EXPECTED):]
    if rest != STATEMENTS:
        print("FAIL: the statements of items, operators and attributes are\n  %s\nnot\n  %s"
              % (rest, STATEMENTS))
        return 1
    print("ok: %d argument lists, %d other statements" % (len(calls), len(rest)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
