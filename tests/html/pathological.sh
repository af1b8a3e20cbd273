#!/bin/sh
# pathological.sh: inputs built to break the document layer and the HTML
# backend complete without a crash, with a 1 MB stack (recursion over
# depth would overflow it): markup 10,000 levels deep in a document and
# in a man page's description, 100,000 siblings, attributes and argument
# groups nested past the layout's bound, a macro, a description and a
# man page that include themselves, macros that use one another many
# times over (a billion nodes); and markup HTML has no place for,
# reported at its own line, once for HTML and XHTML.
set -u
: "${GSLC:?}" "${PYTHON:?}" "${top_srcdir:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

run() {
	"$GSLC" -o "$dir/out" "$1"
}
. "$top_srcdir/tests/expect_check.sh"

"$PYTHON" - "$dir" <<'PY'
import sys
d = sys.argv[1]
def write(name, text):
    with open(f"{d}/{name}", "w") as f:
        f.write(text)
doc = ".document: d\n..output: html, xhtml\n"
write("deepdoc.gsl", doc + "".join("." * i + "em: level %d\n" % i for i in range(2, 10001)))
write("deepdesc.gsl", ".kind:: K\n..d: deep\n"
      + "".join("." * i + "em: level %d\n" % i for i in range(3, 10001))
      + doc + "..man page of: K\n")
write("siblings.gsl", doc + "..p\n" + "".join("...t: word %d\n" % i for i in range(100000)))
write("deepattr.gsl", ".kind:: K\n" + "".join("." * i + "attr:: a%d\n" % i for i in range(2, 5001))
      + doc + "..man page of: K\n")
write("deepalt.gsl", ".kind:: K\n..method:: m\n" + "".join("." * i + "alt\n" for i in range(3, 3001))
      + "." * 3001 + "arg: a\n" + doc + "..man page of: K\n")
write("macro.gsl", ".macro:: m\n..p\n...use: m\n" + doc + "..use: m\n")
write("describe.gsl", ".kind:: K\n..d\n...description of: K\n" + doc
      + "..man page of: K\n..description of: K\n")
write("manpage.gsl", ".kind:: K\n..d\n...man page of: K\n...description of: K\n" + doc
      + "..man page of: K\n")
write("laughs.gsl", ".macro:: m0\n..t: lol\n" + "".join(
      ".macro:: m%d\n" % i + "..use: m%d\n" % (i - 1) * 10 for i in range(1, 10))
      + doc + "..use: m9\n")
write("markup.gsl", doc + "..p: fine\n..blink: no such element\n..p\n...char: nosuch\n"
      "..link: in the body\n...href=x.css\n..img: with content\n")
PY

expect deepdoc.gsl 0 0
expect deepdesc.gsl 0 0
expect siblings.gsl 0 0
expect deepattr.gsl 1 1 102
expect deepalt.gsl 1 1 103
expect macro.gsl 1 1 3
expect describe.gsl 1 1 3   # found by the man page and the document, said once
expect manpage.gsl 1 2 3
expect laughs.gsl 1 1 2
expect markup.gsl 1 4 4
exit $fail
