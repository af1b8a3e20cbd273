#!/usr/bin/env python3
"""What the C tests check that Python cannot see: refbugs.c is a module
whose bad members break the rules of the C API, each in one way, beside
good members that keep them. Its C tests (refbugs.gsl) pass every good
member and fail every bad one, each with the message of its bug."""
import os
import subprocess
import sys

import ctsupport
from ctsupport import support

SPEC = os.path.join(ctsupport.HERE, "refbugs.gsl")
MODULE = os.path.join(ctsupport.HERE, "refbugs.c")

# Each test (its description's start) and what its failure says; None:
# it passes. The test of module_refbugs.Box runs every member on the box
# it makes, and stops at the first bad one.
EXPECTED = {
    "module_refbugs.Box ": "Box.get_borrowed, on what module_refbugs.Box",
    "Box.put ": None,
    "Box.get ": None,
    "Box.same ": None,
    "Box.view ": None,  # a View holds the box without telling the collector
    "Box.fop:len ": None,
    "Box.get_borrowed ": "what it returned has 1 reference, but the test holds 1 and the "
                         "objects of the call 1 more: a borrowed reference returned as a "
                         "new one",
    "Box.same_borrowed ": "the object it was called on, which it returned, has 2 references, "
                          "but the test holds 3",
    "Box.release_arg ": "argument 1 has 1 reference, but the test holds 2 and the objects "
                        "of the call 0 more: the call released a reference that it did "
                        "not own",
    "Box.leak_arg ": "the test alone held argument 1 before the call, which gave it 1 "
                     "reference that no object of the test holds; 1 outlived every object "
                     "of the test: a leaked reference",
    "Box.leak_self ": "the test alone held the object it was called on before the call, "
                      "which gave it 1 reference that no object of the test holds; 1 "
                      "outlived every object of the test: a leaked reference",
    "Box.null_without_error ": "t0 = arg.null_without_error(): it returned NULL without "
                               "setting an exception",
    "Box.value_with_error ": "t0 = arg.value_with_error(): it returned a value with an "
                             "exception set",
    "BadSlots.fop:len ": "t0 = len(arg): it returned -1 without setting an exception",
    "BadSlots.op:+ ": "t0 = arg + []: it returned NULL without setting an exception",
}


def main():
    work = support.tmpdir()
    b = ctsupport.BUILD
    cmd = "%s %s %s %s -shared -fPIC -o %s %s %s" % (
        b["CC"], b["CFLAGS"], b["PYTHON_CFLAGS"], b["SAN_CFLAGS"],
        os.path.join(work, "refbugs.so"), MODULE, b["SAN_LDFLAGS"])
    subprocess.run(cmd, shell=True, check=True, env=ctsupport.child_env())
    names = ctsupport.generate(SPEC, work)
    program, _ = ctsupport.build(work, names[0])
    status, out, err = ctsupport.run(program, work)
    print(out)
    failed = 0
    results = ctsupport.tap(out)
    if status != 1 or len(results) != len(EXPECTED):
        print("FAIL: exit status %d, %d tests (%d expected)\n%s" % (
            status, len(results), len(EXPECTED), err))
        failed = 1
    for r in results:
        key = next((k for k in EXPECTED if r.description.startswith(k)), None)
        if key is None:
            print("FAIL: unexpected test", r.description)
            failed = 1
        elif EXPECTED[key] is None and not r.ok:
            print("FAIL: %s failed" % key)
            failed = 1
        elif EXPECTED[key] is not None and (r.ok or EXPECTED[key] not in r.why()):
            print("FAIL: %s: expected a failure saying %r" % (key, EXPECTED[key]))
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
