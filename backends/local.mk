# backends/local.mk: the emitters, one per output format, and what they
# share. Only html.c sees libxml2.
noinst_LIBRARIES += backends/libbackends.a
backends_libbackends_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(srcdir)/backends $(LIBXML2_CFLAGS)
backends_libbackends_a_SOURCES = \
	backends/emit.h backends/backends.c \
	backends/render.c backends/render.h
