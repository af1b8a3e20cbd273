#!/usr/bin/env python3
"""Either groups in C (tests/pytests/specs/either.gsl: K.e is a None, an A
or a B): the C test tries the steps of each kind in turn, so it passes
when e is an A or a B, and fails when e is neither, naming the either
group and the kinds it tried."""
import os
import sys

import ctsupport
from ctsupport import support

SPEC = os.path.join(ctsupport.PYTESTS, "specs", "either.gsl")
IMPL_DIR = os.path.join(ctsupport.PYTESTS, "specs")


def main():
    work = support.tmpdir()
    # either_impl.py is imported as `either_impl` from its own folder.
    names = ctsupport.generate(ctsupport.with_ctest(SPEC, work), work)
    program, _ = ctsupport.build(work, names[0])
    failed = 0
    for kind, passes in (("A", True), ("B", True), ("neither", False)):
        status, out, err = ctsupport.run(program, IMPL_DIR, EITHER=kind)
        results = ctsupport.tap(out)
        print("e is %s: %s" % (kind, "passed" if status == 0 else "failed"))
        if (status == 0) != passes:
            print(out, err)
            failed = 1
        why = "\n".join(r.why() for r in results)
        if not passes and "either.gsl:24: K.either: the object is of none of the kinds A, B" \
                not in why:
            print(out, "FAIL: the failure does not name the either group and its kinds")
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
