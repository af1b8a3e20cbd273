"""wellformed.py: pages gslc makes are well formed. check_html (a libxml2
program beside this test) must find no parser error, no id twice in a
page, and the anchor of every link between the pages of a run. The pages
are those of the golden examples, of the project's own specs/index.gsl
and guide.gsl, and, when ../shared is there, of the original's
specifications."""
import os
import subprocess
import sys
import tempfile

import htmltest

CHECK = os.path.join(htmltest.TOP_BUILDDIR, "tests", "html", "check_html")
TOP_SRCDIR = os.environ.get("top_srcdir", os.path.join(htmltest.HERE, "..", ".."))


def runs():
    """Each run: a name and the files compiled together."""
    golden = os.path.join(htmltest.HERE, "golden")
    for f in sorted(os.listdir(golden)):
        if f.endswith(".gsl"):
            yield f, [os.path.join(golden, f)]
    specs = os.path.join(TOP_SRCDIR, "specs")
    yield "specs", [os.path.join(specs, f) for f in ("index.gsl", "guide.gsl")]
    if htmltest.SHARED and os.path.isdir(os.path.join(htmltest.SHARED, "guppy3")):
        originals = os.path.join(htmltest.SHARED, "guppy3", "specs")
        for f in ("docexample.gsl", "genext.gsl", "gsl.gsl", "index.gsl"):
            yield f, [os.path.join(originals, f)]
        yield "seed", [os.path.join(htmltest.SHARED, "seeds", "index.gsl")]


def main():
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, files in runs():
            out = os.path.join(tmp, name)
            htmltest.gslc(out, *files)
            pages = htmltest.pages(out)
            r = subprocess.run([CHECK] + pages)
            print("%s: %d pages %s" % (name, len(pages), "ok" if r.returncode == 0 else "FAIL"))
            failed += r.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
