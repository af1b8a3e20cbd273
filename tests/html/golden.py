"""golden.py: the pages gslc makes from the small examples in golden/
(NAME.gsl, whose pages are in golden/NAME/), compared byte for byte. The
version in the footer is written as VERSION. With --update, the golden
pages are made again instead (`make update-golden-html`), so that every
change shows as a diff to review."""
import filecmp
import os
import shutil
import sys
import tempfile

import htmltest

GOLDEN = os.path.join(htmltest.HERE, "golden")


def make(source, out):
    """The pages of one example, with the version replaced."""
    htmltest.gslc(out, source)
    version = htmltest.version()
    os.remove(os.path.join(out, "css", "gsl.css"))
    os.rmdir(os.path.join(out, "css"))
    for page in htmltest.pages(out):
        with open(page, encoding="utf-8") as f:
            text = f.read()
        with open(page, "w", encoding="utf-8") as f:
            f.write(text.replace(version, "gslc VERSION"))


def main():
    update = "--update" in sys.argv[1:]
    sources = sorted(f for f in os.listdir(GOLDEN) if f.endswith(".gsl"))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            name = source[:-len(".gsl")]
            out = os.path.join(tmp, name)
            make(os.path.join(GOLDEN, source), out)
            golden = os.path.join(GOLDEN, name)
            if update:
                shutil.rmtree(golden, ignore_errors=True)
                shutil.copytree(out, golden)
                print("updated", golden)
                continue
            ours = sorted(os.listdir(out))
            theirs = sorted(os.listdir(golden)) if os.path.isdir(golden) else []
            if ours != theirs:
                print("%s: pages %s, golden %s" % (name, ours, theirs))
                failed += 1
            for page in ours:
                if page in theirs and not filecmp.cmp(os.path.join(out, page),
                                                      os.path.join(golden, page), shallow=False):
                    print("%s/%s differs from the golden page:" % (name, page))
                    os.system("diff -u '%s' '%s' | head -40" % (os.path.join(golden, page),
                                                                os.path.join(out, page)))
                    failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
