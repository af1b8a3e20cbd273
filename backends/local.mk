# backends/local.mk: the emitters, one per output format, and what they
# share. Only html.c sees libxml2.
noinst_LIBRARIES += backends/libbackends.a
backends_libbackends_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/backends $(LIBXML2_CFLAGS)
backends_libbackends_a_SOURCES = \
	backends/emit.h backends/backends.c backends/emit_jobs.c \
	backends/render.c backends/render.h \
	backends/doctree.c backends/doctree.h \
	backends/document.c backends/document.h backends/directives.c \
	backends/gsml.c backends/links.c \
	backends/manpage.c backends/manpage.h backends/aspects.c backends/kinds.c \
	backends/arguments.c backends/mapping.c backends/operators.c \
	backends/html.c backends/html.h backends/html_page.c backends/html_mem.c
nodist_backends_libbackends_a_SOURCES = backends/stylesheet.c

# The stylesheet of HTML outputs is compiled into gslc, so an installed
# gslc needs no data files: doc/css/gsl.css as an array of bytes (C
# compilers need not take string literals that long).
backends/stylesheet.c: $(srcdir)/doc/css/gsl.css
	$(AM_V_GEN){ \
	  echo '/* Made by the build from doc/css/gsl.css. */'; \
	  echo 'const unsigned char gsl_html_stylesheet[] = {'; \
	  od -An -v -tx1 $(srcdir)/doc/css/gsl.css | sed -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00 };'; \
	} > $@-t && mv $@-t $@
CLEANFILES += backends/stylesheet.c
# The Python test emitters (tester and unittest formats) and the test
# plan, which a C test emitter can share.
backends_libbackends_a_SOURCES += \
	backends/testplan.c backends/testplan.h backends/testplan_int.h \
	backends/testplan_graph.c backends/testplan_args.c backends/testplan_conds.c \
	backends/testplan_paths.c backends/testplan_origin.c \
	backends/pycode.c backends/pycode.h backends/pyemit.h \
	backends/tester.c backends/unittest.c
# The LaTeX emitter.
backends_libbackends_a_SOURCES += \
	backends/latex.c backends/latex.h backends/latex_render.h backends/latex_out.c \
	backends/latex_links.c backends/latex_blocks.c backends/latex_escape.c \
	backends/latex_frame.c backends/charref.c backends/charref.h
# The C test emitter (ctest format). Each program it writes begins with
# ctest_engine.c, which gslc holds as text; gslc also prints the flags of
# the Python configure found, for building the programs.
backends_libbackends_a_SOURCES += \
	backends/ctest.c backends/ctest.h backends/ccode.c backends/ccode.h
nodist_backends_libbackends_a_SOURCES += backends/ctest_text.c
EXTRA_DIST += backends/ctest_engine.c
backends/ctest_text.c: $(srcdir)/backends/ctest_engine.c Makefile
	$(AM_V_GEN){ \
	  echo '/* Made by the build from backends/ctest_engine.c and the Python flags of configure. */'; \
	  echo '#include "ctest.h"'; \
	  echo 'const char gsl_ctest_cflags[] = "$(PYTHON_CFLAGS)";'; \
	  echo 'const char gsl_ctest_libs[] = "$(PYTHON_EMBED_LIBS)";'; \
	  echo 'const unsigned char gsl_ctest_engine[] = {'; \
	  od -An -v -tx1 $(srcdir)/backends/ctest_engine.c | sed -e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00 };'; \
	} > $@-t && mv $@-t $@
CLEANFILES += backends/ctest_text.c
