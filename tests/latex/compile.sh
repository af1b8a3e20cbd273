#!/bin/sh
# compile.sh: pdflatex compiles the LaTeX of the shared corpus (genext.gsl:
# sets and heapyc), of the project's specs, of the torture spec, of the
# golden examples, of every element inside every other and of every
# character up to U+2FFF, twice (for the cross-references), with no error
# and no undefined or duplicate label; the text of each PDF (pdftotext)
# names every kind it has a man page of and their members. Skips (77)
# without pdflatex.
set -u
: "${GSLC:?}" "${top_srcdir:?}" "${top_builddir:?}" "${PYTHON:?}"
. "$top_builddir/tests/latex/env.sh"
if [ -z "$PDFLATEX" ]; then
	echo "SKIP: configure found no pdflatex"
	exit 77
fi
here=$top_srcdir/tests/latex
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}

# compile NAME GSLC-ARGUMENTS...: the LaTeX of a run into $out/NAME, each
# .tex compiled twice, each PDF's text checked against the model.
compile() {
	name=$1
	shift
	dir=$out/$name
	mkdir "$dir"
	"$GSLC" --format=latex -o "$dir" "$@" || { fail "gslc $*"; return; }
	"$GSLC" --dump=model "$@" > "$dir/model.json" || { fail "gslc --dump=model $*"; return; }
	for tex in "$dir"/*.tex; do
		[ -f "$tex" ] || continue
		base=$(basename "$tex" .tex)
		for run in 1 2; do
			(cd "$dir" && "$PDFLATEX" -interaction=nonstopmode -halt-on-error \
				"$base.tex" > "$base.stdout" 2>&1) ||
				{ fail "pdflatex $name/$base.tex, run $run:"; grep -A3 '^!' "$dir/$base.log"; continue 2; }
		done
		if grep -E "undefined|multiply defined|does not exist|may have changed|same identifier" "$dir/$base.log"; then
			fail "$name/$base.log: references"
		fi
		echo "$name/$base.pdf: $(grep -c . "$dir/$base.tex") lines of LaTeX compiled"
		if command -v pdftotext > /dev/null; then
			pdftotext -enc UTF-8 "$dir/$base.pdf" "$dir/$base.txt"
		fi
	done
	if command -v pdftotext > /dev/null; then
		"$PYTHON" "$here/pdfcheck.py" "$dir/model.json" "$dir" || fail "$name: names missing from the PDFs"
	fi
}

command -v pdftotext > /dev/null || echo "NOTE: no pdftotext: the text of the PDFs is not checked"
if [ -f "${SHARED:-}/guppy3/specs/genext.gsl" ]; then
	compile genext -I "$SHARED/guppy3/specs" "$SHARED/guppy3/specs/genext.gsl"
else
	echo "NOTE: no ../shared: the corpus is not compiled"
fi
for spec in "$top_srcdir"/specs/*.gsl; do
	[ -f "$spec" ] && compile "specs-$(basename "$spec" .gsl)" -I "$top_srcdir/specs" "$spec"
done
compile torture "$here/torture.gsl"
for gsl in "$here"/golden/*.gsl; do
	case $gsl in *_body.gsl) continue ;; esac
	compile "golden-$(basename "$gsl" .gsl)" "$gsl"
done
# The bodies of links_body.gsl (--body-only) in one manual of our own,
# whose links between them must all resolve.
dir=$out/manual
mkdir "$dir"
"$GSLC" --format=latex --body-only -o "$dir" "$here/golden/links_body.gsl" || fail "gslc --body-only"
cat > "$dir/manual.tex" <<'TEX'
\documentclass{article}
\usepackage[utf8]{inputenc}
\usepackage[T1]{fontenc}
\usepackage{textcomp,alltt,array,longtable,hyperref}
\begin{document}
\input{links_body_a}
\input{links_body_b}
\end{document}
TEX
for run in 1 2; do
	(cd "$dir" && "$PDFLATEX" -interaction=nonstopmode -halt-on-error manual.tex > /dev/null 2>&1) ||
		{ fail "pdflatex manual.tex, run $run"; break; }
done
if grep -E "undefined|multiply defined|does not exist|may have changed|same identifier" "$dir/manual.log"; then
	fail "manual.log: references"
fi
echo "manual.pdf: two bodies compiled into one manual"

for spec in nesting unicode; do
	"$PYTHON" "$here/${spec}_spec.py" "$out/$spec.gsl"
	compile "$spec" "$out/$spec.gsl"
done
exit $status
