#!/bin/sh
# golden.sh: the LaTeX of each small example tests/latex/golden/NAME.gsl
# (with --body-only for NAME_body.gsl) must equal the .tex files next to
# it byte for byte. With --update it rewrites them instead (make
# update-golden-latex), so that every change shows as a reviewed diff.
set -u
: "${GSLC:?}" "${top_srcdir:?}"
dir=$top_srcdir/tests/latex/golden
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for gsl in "$dir"/*.gsl; do
	name=$(basename "$gsl" .gsl)
	opts=--format=latex
	case $name in *_body) opts="$opts --body-only" ;; esac
	mkdir "$out/$name"
	if ! "$GSLC" $opts -o "$out/$name" "$gsl"; then
		echo "FAIL: gslc $opts $gsl"
		status=1
		continue
	fi
	for tex in "$out/$name"/*.tex; do
		golden=$dir/$(basename "$tex")
		if [ "${1:-}" = --update ]; then
			cp "$tex" "$golden"
		elif ! diff -u "$golden" "$tex"; then
			echo "FAIL: $golden differs (make update-golden-latex, then review)"
			status=1
		fi
	done
done
exit $status
