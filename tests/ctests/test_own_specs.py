#!/usr/bin/env python3
"""The C tests of the project's own specifications (specs/*.gsl, their
documents with output: ctest) build, with the sanitizers when the build
has them, and pass against the runtime staged in the build tree."""
import glob
import os
import re
import sys

import ctsupport
from ctsupport import support


def main():
    stage = os.environ.get("HEAPY_STAGE")
    if not stage or not os.path.isdir(os.path.join(stage, "heapy")):
        support.skip("no staged runtime (HEAPY_STAGE=%r)" % stage)
    specs = sorted(glob.glob(os.path.join(os.environ["top_srcdir"], "specs", "*.gsl")))
    work = support.tmpdir()
    failed = ran = 0
    for spec in specs:
        if not re.search(r"(?m)^\.\.output:.*\bctest\b", open(spec, encoding="utf-8").read()):
            continue
        for name in ctsupport.generate(spec, work):
            program, _ = ctsupport.build(work, name)
            status, out, err = ctsupport.run(program, stage)
            results = ctsupport.tap(out)
            bad = [r for r in results if not r.ok]
            print("%s (%s): %d tests, %d failed" % (name, os.path.basename(spec), len(results),
                                                    len(bad)))
            for r in bad:
                print("  not ok %d - %s\n    %s" % (r.number, r.description, r.why()))
            if status or bad or not results:
                print(err[-4000:])
                failed = 1
            ran += 1
    if not ran:
        support.skip("no specification has a ctest document")
    return failed


if __name__ == "__main__":
    sys.exit(main())
