#!/usr/bin/env python3
"""The generated tests catch broken implementations and say where the
specification was broken. stack/stacks.gsl specifies a stack that
stack/stack.py implements: its unittest module (run by python3 -m
unittest) and its tester module (run by run_tester.py) pass. Each break
of the implementation below (a removed method, a wrong return kind, a
violated postcondition, arguments no longer accepted, a removed
operator) makes the unittest module fail with a message that names the
line of stacks.gsl that the break violates; the violated postcondition
also fails the tester module, naming its line."""
import os
import re
import shutil
import subprocess
import sys

import support

SPEC = support.spec(os.path.join("stack", "stacks.gsl"))
IMPL = support.spec(os.path.join("stack", "stack.py"))
RUNNER = os.path.join(support.HERE, "run_tester.py")

# (what is broken, the text replaced in stack.py, its replacement, the
# spec line, as written in stacks.gsl, that the failure must name)
BREAKS = [
    ("a removed method", "    def copy(self):\n        return Stack(self._items)\n", "",
     "..method:: copy"),
    ("a wrong return kind", "return Stack(self._items)", "return list(self._items)",
     "..method:: copy"),
    ("a violated postcondition", "self._items.append(x)", "self._items.insert(0, x)",
     "...postcondition: Stack.on_top(s, x)"),
    ("arguments no longer accepted", "def extend(self, *xs):", "def extend(self, xs=()):",
     "..method:: extend"),
    ("a removed operator", "    def __contains__(self, x):\n        return x in self._items\n", "",
     "..rop: in"),
]


def line_of(text):
    lines = open(SPEC, encoding="utf-8").read().split("\n")
    return "stacks.gsl:%d" % (lines.index(text) + 1)


def setup(work, source):
    with open(os.path.join(work, "stack.py"), "w", encoding="utf-8") as f:
        f.write(source)
    shutil.rmtree(os.path.join(work, "__pycache__"), ignore_errors=True)


def unittest(work):
    p = subprocess.run([support.PYTHON, "-m", "unittest", "test_stacks"], cwd=work,
                       capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def tester(work):
    p = subprocess.run([support.PYTHON, RUNNER, os.path.join(work, "stacks.py"),
                        "--alias", "stack=stack",
                        "--object", ".tgt.stacks.Stack=stack.Stack()",
                        "--object", ".tgt.stacks.module_stack=stack"],
                       cwd=work, capture_output=True, text=True,
                       env=dict(os.environ, PYTHONPATH=work))
    return p.returncode, p.stdout + p.stderr


def main():
    work = support.tmpdir()
    support.compile_gsl(SPEC, work)
    source = open(IMPL, encoding="utf-8").read()
    failed = 0
    setup(work, source)
    for name, run in (("unittest", unittest), ("tester", tester)):
        status, out = run(work)
        if status:
            print(out, "FAIL: the %s module fails on the right implementation" % name)
            failed = 1
    for what, old, new, spec_line in BREAKS:
        assert old in source, old
        setup(work, source.replace(old, new, 1))
        status, out = unittest(work)
        where = line_of(spec_line)
        named = re.search(r"AssertionError: .*%s" % re.escape(where), out)
        print("%s: %s" % (what, "caught at " + where if status and named else "MISSED"))
        if not status or not named:
            print(out)
            failed = 1
        if what == "a violated postcondition":
            status, out = tester(work)
            if not status or where not in out:
                print(out, "FAIL: the tester module misses it")
                failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
