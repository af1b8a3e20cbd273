# specs/local.mk: the project's own specifications (the heapy runtime,
# the home page, the language guide). `make doc` compiles their
# documentation into doc/; rules elsewhere may add prerequisites to `doc`
# (the PDF manuals, for one).
EXTRA_DIST += specs
SPEC_FILES = $(wildcard $(srcdir)/specs/*.gsl)

.PHONY: doc doc-html
doc: doc-html
doc-html: gslc/gslc
	$(AM_V_GEN)$(top_builddir)/gslc/gslc --format=html,xhtml,latex -o $(top_builddir)/doc $(SPEC_FILES)
