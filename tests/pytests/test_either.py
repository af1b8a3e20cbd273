#!/usr/bin/env python3
"""Either groups (specs/either.gsl: K.e is a None, an A or a B): the
tester module tries the steps of each kind in nested try blocks, as the
original writes them, leaving out kinds with nothing to test; the
unittest module passes when e is an A or a B and fails, naming the
either and the kinds it tried, when e is neither."""
import ast
import os
import shutil
import sys

import support

SPEC = support.spec(os.path.join("specs", "either.gsl"))
IMPL = support.spec(os.path.join("specs", "either_impl.py"))


def tester_shape(module):
    """The statements of test_K, with try blocks as (body, handler)."""
    tree = ast.parse(open(module, encoding="utf-8").read())
    test = next(f for f in tree.body[0].body if isinstance(f, ast.FunctionDef))

    def shape(stmts):
        out = []
        for s in stmts:
            if isinstance(s, ast.Try):
                bare = all(h.type is None for h in s.handlers)
                out.append(("try" if bare else "try-typed", shape(s.body),
                            shape(s.handlers[0].body)))
            else:
                out.append(ast.unparse(s))
        return out
    return shape(test.body)


def main():
    work = support.tmpdir()
    support.compile_gsl(SPEC, work)
    shutil.copy(IMPL, work)
    failed = 0
    want = ["t0 = arg.e",
            ("try", ["t1 = t0.x"],
             [("try", ["t2 = t0.m()", "t3 = t0.y"], ["raise"])])]
    got = tester_shape(os.path.join(work, "either.py"))
    if got != want:
        print("FAIL: the tester module's test_K is\n  %s\nnot\n  %s" % (got, want))
        failed = 1
    for kind, passes in (("A", True), ("B", True), ("neither", False)):
        os.environ["EITHER"] = kind
        status, out = support.run_python(["-m", "unittest", "test_either"], work, work)
        print("e is %s: %s" % (kind, "passed" if not status else "failed"))
        failed |= (status == 0) != passes
        if not passes and "either.gsl:24: K.either: the object is of none of the kinds A, B" \
                not in out:
            print("FAIL: the failure does not name the either group and its kinds")
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
