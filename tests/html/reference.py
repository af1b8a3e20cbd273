"""reference.py: gslc's HTML against the original's. Each reference page
in ../shared (what the original made from its own specifications, and
the seed home page) must pass htmlcompare.py: all its anchors, all its
internal link targets, 95% of its words. The test compiles the original's
specifications with the built gslc into a temporary directory, each
driver in a run of its own as the original did."""
import os
import subprocess
import sys
import tempfile

import htmltest

SPECS = htmltest.shared("guppy3", "specs")
EXPECTED = htmltest.shared("guppy3", "expected")
SEEDS = htmltest.shared("seeds")
COMPARE = htmltest.shared("checks", "htmlcompare.py")
RUNS = ["docexample.gsl", "genext.gsl", "gsl.gsl", "index.gsl"]


def quoted(text):
    """Text as GSL text lines: a line that would be read as markup (it
    starts with a dot), or that starts with the quote itself, gets a
    backslash before it."""
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "\\.", "\\\\.")):
            line = "\\" + line
        lines.append(line)
    return "\n".join(lines)


def example_document(spec, tests):
    """The document of the original's gslexample.html: a specification
    and the test class generated from it, each under an anchor."""
    return """.document: gslexample
..output: html
..h1: A specification and the test made from it
..ul
...li
....a: The specification
.....href=#source
...li
....a: The generated test class
.....href=#test
...li
....a: The generated man pages
.....href=docexample.html
..a
...name=source
...h2: The specification, docexample.gsl
..pre
%s
..c: end of the specification
..a
...name=test
...h2: The generated test class, docexample.py
..pre
%s
..c: end of the test class
""" % (quoted(spec), quoted(tests))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        for run in RUNS:
            htmltest.gslc(out, os.path.join(SPECS, run), formats="html")
        with open(os.path.join(SPECS, "docexample.gsl"), encoding="utf-8") as f:
            spec = f.read()
        with open(os.path.join(EXPECTED, "docexample.py"), encoding="utf-8") as f:
            tests = f.read()
        example = os.path.join(tmp, "gslexample.gsl")
        with open(example, "w", encoding="utf-8") as f:
            f.write(example_document(spec, tests))
        htmltest.gslc(out, example, formats="html")
        seed = os.path.join(tmp, "seed")
        htmltest.gslc(seed, os.path.join(SEEDS, "index.gsl"), formats="html")

        pairs = [(os.path.join(EXPECTED, f), os.path.join(out, f))
                 for f in sorted(os.listdir(EXPECTED)) if f.endswith(".html")]
        pairs.append((os.path.join(SEEDS, "index.expected.html"),
                      os.path.join(seed, "index.html")))
        failed = 0
        for reference, ours in pairs:
            if not os.path.exists(ours):
                print("missing:", ours)
                failed += 1
                continue
            r = subprocess.run([sys.executable, COMPARE, "-v", reference, ours])
            failed += r.returncode != 0
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
