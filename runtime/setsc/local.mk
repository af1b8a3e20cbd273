# runtime/setsc/local.mk: the setsc extension module (bitsets and
# nodesets), installed as heapy/setsc.so.
heapy_LTLIBRARIES += runtime/setsc.la
runtime_setsc_la_SOURCES = \
	runtime/setsc/bits.h \
	runtime/setsc/fields.c runtime/setsc/fields.h runtime/setsc/merge_loops.h \
	runtime/setsc/sortkeys.c runtime/setsc/sortkeys.h \
	runtime/setsc/search.c runtime/setsc/search.h \
	runtime/setsc/bitstore.c runtime/setsc/bitstore.h \
	runtime/setsc/setsc.h \
	runtime/setsc/bitview.c \
	runtime/setsc/bitrange.c runtime/setsc/bitrange.h \
	runtime/setsc/bitset_ops.c \
	runtime/setsc/immbitset.c \
	runtime/setsc/cplbitset.c \
	runtime/setsc/mutbitset.c \
	runtime/setsc/bitset_module.c \
	runtime/setsc/nodeview.c \
	runtime/setsc/immnodeset.c \
	runtime/setsc/mutnodeset.c \
	runtime/setsc/nodeset.c \
	runtime/setsc/exports.c \
	runtime/setsc/module.c
runtime_setsc_la_CPPFLAGS = $(HEAPY_MODULE_CPPFLAGS)
runtime_setsc_la_LDFLAGS = $(HEAPY_MODULE_LDFLAGS)
