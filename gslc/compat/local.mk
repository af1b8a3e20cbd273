# gslc/compat/local.mk: `gslc compat`, compatibility reports between two
# versions of a specification. A library of its own, linked into the
# driver; its HTML report lives with the backends, the only place that
# sees libxml2.
noinst_LIBRARIES += gslc/compat/libcompat.a
gslc_compat_libcompat_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/gslc/compat -I$(srcdir)/backends $(LIBXML2_CFLAGS)
gslc_compat_libcompat_a_SOURCES = \
	gslc/compat/gslc_compat.h gslc/compat/main.c \
	gslc/compat/compat.h \
	gslc/compat/sources.c gslc/compat/sources.h \
	gslc/compat/git.c gslc/compat/git.h \
	gslc/compat/surface.c gslc/compat/surface.h \
	gslc/compat/surface_call.c \
	gslc/compat/inherit.c \
	gslc/compat/relate.c \
	gslc/compat/match.c gslc/compat/match.h \
	gslc/compat/grammar.h \
	gslc/compat/alphabet.c \
	gslc/compat/grammar_nfa.c \
	gslc/compat/nfa.c \
	gslc/compat/inclusion.c \
	gslc/compat/diff.c gslc/compat/diff.h \
	gslc/compat/diff_kind.c \
	gslc/compat/diff_value.c \
	gslc/compat/diff_calls.c \
	gslc/compat/diff_reach.c \
	gslc/compat/pytext.c gslc/compat/pytext.h \
	gslc/compat/rules.c gslc/compat/rules.h \
	gslc/compat/findings.c gslc/compat/report.h \
	gslc/compat/ignore.c gslc/compat/ignore.h \
	gslc/compat/witness.c gslc/compat/witness.h \
	gslc/compat/report_text.c \
	gslc/compat/report_json.c \
	gslc/compat/report_markdown.c \
	gslc/compat/report_github.c \
	backends/compat_html.c
EXTRA_DIST += doc/compat.md
