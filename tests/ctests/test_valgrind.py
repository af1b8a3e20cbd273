#!/usr/bin/env python3
"""Passing runs of C tests leak nothing and touch no memory wrongly under
valgrind: stacks.gsl's C test on stack.py, and either.gsl's when the
first kind of its either group fails and the second holds (which goes
through the unwinding of a failed alternative). Python allocates with
malloc (PYTHONMALLOC=malloc) and ends with Py_FinalizeEx, so that what it
keeps at exit is "still reachable" or "possibly lost", not definite
leaks; python.supp leaves out the interpreter's own reads of
uninitialised memory (those inside libpython). Skipped without valgrind."""
import os
import sys

import ctsupport
from ctsupport import support

SUPPRESSIONS = os.path.join(ctsupport.HERE, "python.supp")
VALGRIND = ctsupport.BUILD["VALGRIND"]


def main():
    if not VALGRIND:
        support.skip("no valgrind")
    work = support.tmpdir()
    stacks = os.path.join(ctsupport.PYTESTS, "stack")
    specs = os.path.join(ctsupport.PYTESTS, "specs")
    runs = []
    for spec, impl, env in ((os.path.join(stacks, "stacks.gsl"), stacks, {}),
                            (os.path.join(specs, "either.gsl"), specs, {"EITHER": "B"})):
        name = ctsupport.generate(ctsupport.with_ctest(spec, work), work)[0]
        program, _ = ctsupport.build(work, name, sanitize=False)
        runs.append((name, program, impl, env))
    failed = 0
    for name, program, impl, env in runs:
        status, out, err = ctsupport.run(
            program, impl, prefix=(VALGRIND, "-q", "--leak-check=full",
                                   "--errors-for-leak-kinds=definite", "--error-exitcode=99",
                                   "--suppressions=" + SUPPRESSIONS),
            PYTHONMALLOC="malloc", ASAN_OPTIONS="", **env)
        results = ctsupport.tap(out)
        print("%s: exit status %d, %d tests, valgrind said %d lines" % (
            name, status, len(results), len(err.splitlines())))
        if status or not results or not all(r.ok for r in results) or "==" in err:
            print(out, err)
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
