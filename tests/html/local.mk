# tests/html/local.mk: the HTML backend's tests. reference: htmlcompare
# against the original's pages in ../shared; golden: the pages of small
# examples of our own, byte for byte (`make update-golden-html` makes them
# again, to review as a diff); wellformed: libxml2 parses every page
# without error and every anchor link finds its anchor; pathological:
# inputs built to break it fail cleanly; browser: headless Chromium shows
# the pages at phone and desktop widths; fixrefs: what --fix-refs
# changes in the golden example refs.gsl; test_errors: the emitters on
# models the front end found errors in.
HTML_TESTS = \
	tests/html/reference.sh tests/html/golden.sh tests/html/wellformed.sh \
	tests/html/fixrefs.sh tests/html/pathological.sh tests/html/browser.sh
TESTS += $(HTML_TESTS)
EXTRA_DIST += $(HTML_TESTS) \
	tests/html/htmltest.py tests/html/reference.py tests/html/golden.py \
	tests/html/wellformed.py tests/html/fixrefs.py tests/html/browser.py \
	tests/html/golden/kinds.gsl tests/html/golden/lib/shapes.gsl \
	tests/html/golden/kinds/kinds.html \
	tests/html/golden/plain.gsl tests/html/golden/plain/index.html \
	tests/html/golden/plain/plain.html tests/html/golden/plain/plain_x.html \
	tests/html/golden/refs.gsl tests/html/golden/refs/refs.html \
	tests/expect_check.sh

check_PROGRAMS += tests/html/check_html
tests_html_check_html_SOURCES = tests/html/check_html.c
tests_html_check_html_CPPFLAGS = $(LIBXML2_CFLAGS)
tests_html_check_html_LDADD = $(LIBXML2_LIBS)

check_PROGRAMS += tests/html/test_errors
TESTS += tests/html/test_errors
tests_html_test_errors_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/backends
tests_html_test_errors_LDADD = backends/libbackends.a gslc/libgsl.a $(LIBXML2_LIBS)

CLEANFILES += tests/html/screenshots/*.png

.PHONY: update-golden-html
update-golden-html: gslc/gslc
	GSLC='$(abs_top_builddir)/gslc/gslc' \
	  $(PYTHON) $(srcdir)/tests/html/golden.py --update
