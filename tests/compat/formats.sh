#!/bin/sh
# formats.sh: one comparison in every report format, compared byte for
# byte with the golden files beside its inputs (tests/compat/formats).
# With UPDATE=1 (make update-golden-compat) the golden files are written.
set -u
src="$top_srcdir/tests/compat/formats"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/old" "$tmp/new"
cp "$src/old.gsl" "$tmp/old/spec.gsl" && cp "$src/new.gsl" "$tmp/new/spec.gsl" || exit 99
cp "$src/ignore" "$tmp/ignore" || exit 99
fail=0
for format in text json markdown html github; do
	case $format in text) ext=txt ;; markdown) ext=md ;; *) ext=$format ;; esac
	(cd "$tmp" && "$GSLC" compat --format=$format --ignore=ignore old/spec.gsl new/spec.gsl) \
		>"$tmp/report.$ext"
	status=$?
	if [ $format = html ]; then
		# The page carries the HTML backend's stylesheet, which is not
		# this test's business: it is checked to be there, then dropped.
		grep -q 'gsl.css: the stylesheet' "$tmp/report.html" || {
			echo "FAIL: html: the stylesheet of the HTML backend is missing"
			fail=1
		}
		sed '/<style>/,/<\/style>/d' "$tmp/report.html" >"$tmp/page" && mv "$tmp/page" "$tmp/report.html"
	fi
	if [ $status != 1 ]; then
		echo "FAIL: $format: exit status $status, expected 1"
		fail=1
	fi
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$tmp/report.$ext" "$src/report.$ext"
	elif ! diff -u "$src/report.$ext" "$tmp/report.$ext"; then
		echo "FAIL: $format differs from tests/compat/formats/report.$ext"
		fail=1
	fi
done
exit $fail
