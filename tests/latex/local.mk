# tests/latex/local.mk: the LaTeX emitter's tests: unit tests of its
# escaping, golden .tex files of small examples (make update-golden-latex
# rewrites them, to review the diff), and pdflatex compiles of the shared
# corpus, the project's specs, a torture spec and generated ones (skipped
# without pdflatex).
check_PROGRAMS += tests/latex/test_latex
tests_latex_test_latex_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/backends
tests_latex_test_latex_LDADD = backends/libbackends.a gslc/libgsl.a
TESTS += tests/latex/test_latex tests/latex/golden.sh tests/latex/compile.sh
EXTRA_DIST += \
	tests/latex/golden.sh tests/latex/compile.sh tests/latex/pdfcheck.py \
	tests/latex/nesting_spec.py tests/latex/unicode_spec.py \
	tests/latex/torture.gsl \
	tests/latex/golden/manpage.gsl tests/latex/golden/manpage.tex \
	tests/latex/golden/markup.gsl tests/latex/golden/markup.tex \
	tests/latex/golden/escapes.gsl tests/latex/golden/escapes.tex \
	tests/latex/golden/links.gsl tests/latex/golden/links_a.tex \
	tests/latex/golden/links_b.tex tests/latex/golden/links_body.gsl \
	tests/latex/golden/links_body_a.tex tests/latex/golden/links_body_b.tex

# What configure found, for compile.sh.
tests/latex/env.sh: Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/latex && echo "PDFLATEX='$(PDFLATEX)'" > $@
check_SCRIPTS += tests/latex/env.sh
CLEANFILES += tests/latex/env.sh

.PHONY: update-golden update-golden-latex
update-golden: update-golden-latex
update-golden-latex: gslc/gslc
	GSLC=$(abs_top_builddir)/gslc/gslc top_srcdir=$(abs_top_srcdir) \
		$(SHELL) $(srcdir)/tests/latex/golden.sh --update
