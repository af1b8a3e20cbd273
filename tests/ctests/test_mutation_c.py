#!/usr/bin/env python3
"""The mutation check of the Python test backends (tests/pytests/
test_mutation.py), repeated with the C tests: stacks.gsl's C program
passes on stack.py, and each of the same breaks of stack.py (a removed
method, a wrong return kind, a violated postcondition, arguments no
longer accepted, a removed operator) makes it fail, with a failure that
names the line of stacks.gsl that the break violates. The specification,
the implementation and the breaks are the Python check's own."""
import os
import shutil
import sys

import ctsupport
from ctsupport import support

sys.path.insert(0, ctsupport.PYTESTS)
import test_mutation as python_check  # noqa: E402


def main():
    work = support.tmpdir()
    impl = os.path.join(work, "impl")
    os.mkdir(impl)
    names = ctsupport.generate(ctsupport.with_ctest(python_check.SPEC, work), work)
    program, _ = ctsupport.build(work, names[0])
    source = open(python_check.IMPL, encoding="utf-8").read()
    failed = 0
    for what, old, new, spec_line in [("the right implementation", "", "", None)] + \
            python_check.BREAKS:
        assert old in source, old
        with open(os.path.join(impl, "stack.py"), "w", encoding="utf-8") as f:
            f.write(source.replace(old, new, 1) if old else source)
        shutil.rmtree(os.path.join(impl, "__pycache__"), ignore_errors=True)
        status, out, err = ctsupport.run(program, impl)
        results = ctsupport.tap(out)
        if spec_line is None:
            print("%s: %s" % (what, "passes" if status == 0 else "FAILS"))
            if status:
                print(out, err)
                failed = 1
            continue
        where = python_check.line_of(spec_line)
        named = [r for r in results if not r.ok and where in r.why()]
        print("%s: %s" % (what, "caught at " + where if status and named else "MISSED"))
        if status != 1 or not named:
            print(out, err)
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
