#!/usr/bin/env python3
"""Building C tests: gslc --ctest-flags and --ctest-makefile give the
flags of the Python configure found; the engine that every C test
carries compiles alone, without a warning, into a program with no tests;
the C tests of builtins.gsl compile without a warning and pass on
Python's str and int, calling the C API function of each operator and
builtin, in the right operand order; and an operator that no C API call
applies is an error."""
import os
import re
import subprocess
import sys

import ctsupport
from ctsupport import support

SPEC = os.path.join(ctsupport.HERE, "builtins.gsl")
ENGINE = os.path.join(os.environ.get("top_srcdir", "."), "backends", "ctest_engine.c")

# What the C of builtins.gsl must call.
CALLS = [".binary = PyNumber_Add", ".binary = PyNumber_Subtract",
         ".ternary = PyNumber_Power", ".binary = PyNumber_InPlaceAdd",
         ".compare = Py_EQ", ".compare = Py_LT", ".size = PyObject_Size",
         ".size = PyObject_Hash", ".truth = PyObject_IsTrue", ".unary = PyObject_GetIter",
         ".unary = PyObject_Repr", ".unary = PyNumber_Absolute",
         '.op = CT_BUILTIN, .name = "oct"', '.op = CT_CONTAINS, .name = "in", .reversed = true',
         '.op = CT_CONTAINS, .name = "not in", .reversed = true, .negated = true',
         '.op = CT_IDENTITY, .name = "is not", .negated = true',
         '.op = CT_GETITEM', '.op = CT_CALLATTR, .name = "count"']

ODD = """.kind:: K
..eg: 1
.superkind:: x+
..eg: 2
.and: K
..op: and
...arg: e: x+
.document: odd
..output: ctest
..test of: K
"""


def output(*args):
    return subprocess.run([support.GSLC, *args], capture_output=True, text=True, check=True).stdout


def main():
    failed = 0
    b = ctsupport.BUILD
    flags = output("--ctest-flags")
    makefile = output("--ctest-makefile")
    if b["PYTHON_CFLAGS"] not in flags or "-lpython" not in flags or \
            "GSLC_CTEST_CFLAGS = " + b["PYTHON_CFLAGS"] not in makefile or \
            not re.search(r"(?m)^\.c:\n\t\$\(CC\) .*\$\(GSLC_CTEST_LIBS\)", makefile):
        print("FAIL: --ctest-flags said %r\n--ctest-makefile said\n%s" % (flags, makefile))
        failed = 1

    work = support.tmpdir()
    alone = os.path.join(work, "alone")
    cmd = "%s %s %s -Werror -x c %s -o %s %s" % (b["CC"], b["WARN_CFLAGS"], b["PYTHON_CFLAGS"],
                                                 ENGINE, alone, flags.strip())
    p = subprocess.run(cmd, shell=True, capture_output=True, text=True, env=ctsupport.child_env())
    status, out, err = ctsupport.run(alone, "") if not p.returncode else (p.returncode, "", "")
    print("the engine alone: %r" % out)
    if p.returncode or p.stderr or status or out != "1..0\n0 passed, 0 failed\n":
        print("FAIL: %s\n%s%s" % (cmd, p.stderr, err))
        failed = 1

    name = ctsupport.generate(SPEC, work)[0]
    program, warnings = ctsupport.build(work, name, werror=True)
    status, out, err = ctsupport.run(program, "")
    results = ctsupport.tap(out)
    print("builtins: %d tests, %d passed" % (len(results), sum(r.ok for r in results)))
    if status or warnings or not all(r.ok for r in results) or len(results) < 20:
        print(out, err, warnings)
        failed = 1
    if not any("'ab\\#c'" in r.description for r in results):
        print("FAIL: '#' is not escaped in TAP descriptions")
        failed = 1
    source = open(os.path.join(work, name + ".c"), encoding="utf-8").read()
    for call in CALLS:
        if call not in source:
            print("FAIL: the C does not have", call)
            failed = 1

    odd = os.path.join(work, "odd.gsl")
    with open(odd, "w", encoding="utf-8") as f:
        f.write(ODD)
    status, err = support.gslc("-o", work, odd)
    print("odd.gsl: exit status %d: %s" % (status, err.strip()))
    if status != 1 or "odd.gsl:6:3: error: the ctest format has no C API call for the " \
            "operator 'and'" not in err or os.path.exists(os.path.join(work, "odd.c")):
        failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
