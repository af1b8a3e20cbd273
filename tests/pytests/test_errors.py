#!/usr/bin/env python3
"""Problems in test documents are errors, reported GCC-style at the
offending node (file:line:col), and then no file of the run is written.
The Python test backends check what the front end leaves to them: kinds
without examples, conditions without code, unmakeable objects,
preconditions nothing sets up, equations, condition arguments, markup in
tester documents, tests too large to write; a problem two documents
find is said once."""
import os
import re
import sys

import support

HEAD = """.superkind:: int+
..eg: 1
.superkind:: nothing+
.kind:: K
"""

# (name, the document after HEAD, the error's line (1-based) in the
# whole file, a fragment of its message)
CASES = [
    ("no examples", """.and: K
..method:: m
...arg: x: nothing+
.document: d
..output: tester
..test of: K
""", 7, "the kind 'nothing+' of this argument has no examples"),
    ("no python code", """.and: K
..self: k
..condition:: c
...self: k
..method:: m
...postcondition: K.c(k)
.document: d
..output: tester
..test of: K
""", 7, "condition 'c' has no '.python code'"),
    ("nothing sets up a precondition", """.and: K
..self: k
..condition:: full
...self: k
...python code: k.full
..method:: m
...precondition: K.full(k)
.document: d
..output: tester
..test of: K
""", 11, "no method of '.tgt.t.K' without preconditions"),
    ("an equation of two preconditions", """.and: K
..self: k
..condition:: c
...self: k
...python code: True
..method:: m
...equation:
....precondition: K.c(k)
....precondition: K.c(k)
....postcondition: K.c(k)
.document: d
..output: tester
..test of: K
""", 11, "an equation takes one precondition"),
    ("a condition argument that is nothing", """.and: K
..self: k
..condition:: c
...self: k
...arg: v
...python code: True
..method:: m
...arg: x: int+
...postcondition: K.c(k, y)
.document: d
..output: tester
..test of: K
""", 13, "'y' names no argument of the call"),
    ("markup in a tester document", """.and: K
..method:: m
.document: d
..output: tester
..p: Some text.
..test of: K
""", 9, "holds only 'test of' directives, not 'p'"),
    ("an object no unittest can make", """.and: K
..method:: m
.document: d
..output: unittest
..test of: K
""", 9, "no way to make a 'K'"),
    ("too many paths", """.and: K
..method:: a
...returns: K
..method:: b
...returns: K
..method:: c
...returns: K
..method:: d
...returns: K
..method:: e
...returns: K
..method:: f
...returns: K
..method:: g
...returns: K
..method:: h
...returns: K
.document: d
..output: tester
..test of: K
...coverage: length 7
""", 24, "take more than 1000000 statements"),
]


# Two documents that test one kind find the same problem at one place.
SHARED_PROBLEM = """.superkind:: int+
..eg: 1
.kind:: K
.superkind:: K+
..superkind of: K
..eg: object()
.and: K
..op: <=>
...arg: x: int+
.document: a
..output: ctest
..test of: K
.document: b
..output: ctest
..test of: K
"""


def said_once():
    """A problem found by several documents is said once, and counted once."""
    work = support.tmpdir()
    path = os.path.join(work, "t.gsl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(SHARED_PROBLEM)
    status, err = support.gslc("-o", work, path)
    said = err.count("t.gsl:8:3: error: the ctest format has no C API call")
    ok = status == 1 and said == 1 and "gslc: 1 error;" in err
    print("%s a problem two documents find is said once" % ("ok" if ok else "FAIL"))
    if not ok:
        print("  exit %d, said %d times\n%s" % (status, said, err))
    return not ok


def main():
    failed = said_once()
    for name, document, line, fragment in CASES:
        work = support.tmpdir()
        path = os.path.join(work, "t.gsl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEAD + document)
        out = os.path.join(work, "out")
        os.mkdir(out)
        status, err = support.gslc("-o", out, path)
        where = re.search(r"t\.gsl:(\d+):\d+: error: (.*)", err)
        ok = (status == 1 and where and int(where.group(1)) == line and fragment in err
              and not os.listdir(out))
        print("%s %s" % ("ok" if ok else "FAIL", name))
        if not ok:
            print("  expected an error at line %d: %s; exit %d, wrote %s\n%s" % (
                line, fragment, status, os.listdir(out), err))
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
