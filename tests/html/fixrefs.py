"""fixrefs.py: --fix-refs. The golden example refs.gsl links as the
original does without the option (golden.py checks its page byte for
byte); with it, `.ref: .myfile.x` links to the definition x of the file
and a `.ref` to a label of the man page's kind to the label's anchor.
Only those links change: every other line of the page is the golden
one, and check_html finds the anchor of every link."""
import os
import re
import subprocess
import sys
import tempfile

import htmltest

GOLDEN = os.path.join(htmltest.HERE, "golden")
CHECK = os.path.join(htmltest.TOP_BUILDDIR, "tests", "html", "check_html")

# What the references of refs.gsl link to with --fix-refs: .myfile
# names (a kind, its attribute, an imported kind) and a label.
FIXED = {
    "Sizes": "#refs.Box.label:Sizes",
    "Lid": "#refs.Lid",
    " hinge": "#refs.Lid.hinge",
    "Shape": "#lib.shapes.Shape",
}


def links(line):
    """The links of a line of HTML in order: (text, href), and the
    unresolved references, shown emphasized: (text, None)."""
    pattern = r'<a href="([^"]*)">([^<]*)</a>|<em>([^<]*)</em>'
    return [(m.group(2), m.group(1)) if m.group(1) else (m.group(3), None)
            for m in re.finditer(pattern, line)]


def main():
    with open(os.path.join(GOLDEN, "refs", "refs.html"), encoding="utf-8") as f:
        golden = f.read().replace("gslc VERSION", htmltest.version()).split("\n")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        htmltest.gslc(tmp, os.path.join(GOLDEN, "refs.gsl"), formats="html",
                      options=["--fix-refs"])
        page = os.path.join(tmp, "refs.html")
        with open(page, encoding="utf-8") as f:
            fixed = f.read().split("\n")
        if len(fixed) != len(golden):
            print("FAIL: %d lines, the golden page has %d" % (len(fixed), len(golden)))
            return 1
        changed = [(g, x) for g, x in zip(golden, fixed) if g != x]
        before = [l for g, _ in changed for l in links(g)]
        after = [l for _, x in changed for l in links(x)]
        want_before = [(t, h if t not in FIXED else None) for t, h in after]
        if len(changed) != 1 or before != want_before:
            print("FAIL: the lines that changed are not the references':")
            for g, x in changed:
                print("-", g)
                print("+", x)
            failed += 1
        # The references, in the description of Box.
        refs = [l for x in fixed if "A box holds" in x for l in links(x)]
        for text, href in FIXED.items():
            ok = (text, href) in refs
            print("%s %r -> %s" % ("ok" if ok else "FAIL", text, href))
            failed += not ok
        if ("Nowhere", None) not in refs:
            print("FAIL: the reference to a label the kind does not have resolved")
            failed += 1
        if subprocess.run([CHECK, page]).returncode:
            print("FAIL: check_html")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
