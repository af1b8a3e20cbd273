#!/usr/bin/env python3
"""The outputs of stack/stacks.gsl in both formats are byte for byte the
golden files beside it (stack/stacks.py.golden, the tester module, and
stack/test_stacks.py.golden, the unittest module), so every change to
what the backends write is a reviewed diff: `make update-golden-pytests`
writes them anew."""
import difflib
import os
import sys

import support

SPEC = support.spec(os.path.join("stack", "stacks.gsl"))
OUTPUTS = ("stacks.py", "test_stacks.py")


def main():
    out = support.tmpdir()
    support.compile_gsl(SPEC, out)
    if len(sys.argv) > 2 and sys.argv[1] == "--update":
        for name in OUTPUTS:
            with open(os.path.join(out, name), encoding="utf-8") as f, \
                    open(os.path.join(sys.argv[2], name + ".golden"), "w", encoding="utf-8") as g:
                g.write(f.read())
        return 0
    failed = 0
    for name in OUTPUTS:
        golden = support.spec(os.path.join("stack", name + ".golden"))
        want = open(golden, encoding="utf-8").read().splitlines(True)
        got = open(os.path.join(out, name), encoding="utf-8").read().splitlines(True)
        if want != got:
            sys.stdout.writelines(difflib.unified_diff(want, got, golden, name))
            print("FAIL: %s differs from its golden file (make update-golden-pytests)" % name)
            failed = 1
        else:
            print("ok", name)
    return failed


if __name__ == "__main__":
    sys.exit(main())
