# gslc/local.mk: the compiler front end and driver.
bin_PROGRAMS += gslc/gslc
noinst_LIBRARIES += gslc/libgsl.a

# The front end as a library, so that unit tests and the fuzz target link
# exactly what the driver links.
gslc_libgsl_a_SOURCES = \
	gslc/arena.c gslc/arena.h \
	gslc/buf.c gslc/buf.h \
	gslc/context.c gslc/context.h \
	gslc/diag.c gslc/diag.h \
	gslc/json.c gslc/json.h \
	gslc/strmap.c gslc/strmap.h \
	gslc/ptrmap.c gslc/ptrmap.h \
	gslc/lexer.c gslc/lexer.h \
	gslc/parser.c gslc/parser.h \
	gslc/ast.c gslc/ast.h gslc/tags.h \
	gslc/tree.c \
	gslc/unparse.c gslc/unparse.h \
	gslc/iter.c gslc/iter.h \
	gslc/model.c gslc/model.h \
	gslc/resolve.c gslc/resolve.h \
	gslc/check.c \
	gslc/dump.h gslc/dump_ast.c gslc/dump_model.c
gslc_gslc_SOURCES = gslc/driver.c
gslc_gslc_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/backends
gslc_gslc_LDADD = gslc/compat/libcompat.a backends/libbackends.a gslc/libgsl.a $(LIBXML2_LIBS)
include $(srcdir)/gslc/compat/local.mk

# Generated sources are written into the source tree and shipped in the
# tarball, so a release builds without re2c and Bison.
EXTRA_DIST += gslc/lexer.re gslc/parser.y
BUILT_SOURCES += $(srcdir)/gslc/lexer.c $(srcdir)/gslc/parser.c $(srcdir)/gslc/parser.h
MAINTAINERCLEANFILES += $(srcdir)/gslc/lexer.c $(srcdir)/gslc/parser.c $(srcdir)/gslc/parser.h

$(srcdir)/gslc/lexer.c: $(srcdir)/gslc/lexer.re
	$(AM_V_GEN)$(RE2C) -c -W -Werror --no-generation-date -o $@ $(srcdir)/gslc/lexer.re

$(srcdir)/gslc/parser.c $(srcdir)/gslc/parser.h: $(srcdir)/gslc/parser.y
	$(AM_V_GEN)$(BISON) -Wall -Werror -o $(srcdir)/gslc/parser.c -d $(srcdir)/gslc/parser.y

# The lexer returns the parser's token kinds.
gslc/lexer.$(OBJEXT): $(srcdir)/gslc/parser.h
