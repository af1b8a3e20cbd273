# runtime/heapyc/local.mk: the heapyc extension module (heap views,
# classifiers, nodegraphs, roots), installed as heapy/heapyc.so. It uses
# nodesets only through heapy.setsc's export table.
heapy_LTLIBRARIES += runtime/heapyc.la
runtime_heapyc_la_SOURCES = \
	runtime/heapyc/heapyc.h \
	runtime/heapyc/stack.h \
	runtime/heapyc/recent.h \
	runtime/heapyc/module.c \
	runtime/heapyc/sets.c \
	runtime/heapyc/iterable.c \
	runtime/heapyc/hv_object.c \
	runtime/heapyc/typetable.c \
	runtime/heapyc/traverse.c \
	runtime/heapyc/walk.c \
	runtime/heapyc/relate.c \
	runtime/heapyc/size.c \
	runtime/heapyc/shpath.c \
	runtime/heapyc/referrers.c \
	runtime/heapyc/dictowners.c \
	runtime/heapyc/objat.c \
	runtime/heapyc/std_common.c \
	runtime/heapyc/std_dict.c \
	runtime/heapyc/std_sequence.c \
	runtime/heapyc/std_function.c \
	runtime/heapyc/std_module.c \
	runtime/heapyc/std_type.c \
	runtime/heapyc/std_code.c \
	runtime/heapyc/std_frame.c \
	runtime/heapyc/cpy_object.c \
	runtime/heapyc/roots.c \
	runtime/heapyc/rootstate.c \
	runtime/heapyc/classifier.c \
	runtime/heapyc/memo.c \
	runtime/heapyc/kindcache.c \
	runtime/heapyc/nodetuple.c \
	runtime/heapyc/cli_none.c \
	runtime/heapyc/cli_type.c \
	runtime/heapyc/cli_id.c \
	runtime/heapyc/cli_idset.c \
	runtime/heapyc/cli_indisize.c \
	runtime/heapyc/cli_dictof.c \
	runtime/heapyc/cli_rcs.c \
	runtime/heapyc/cli_inrel.c \
	runtime/heapyc/cli_findex.c \
	runtime/heapyc/cli_and.c \
	runtime/heapyc/cli_prod.c \
	runtime/heapyc/cli_user.c \
	runtime/heapyc/relation.c \
	runtime/heapyc/nodegraph.c \
	runtime/heapyc/edges.c \
	runtime/heapyc/horizon.c \
	runtime/heapyc/dealloc_hook.c \
	runtime/heapyc/xmemstats.c
runtime_heapyc_la_CPPFLAGS = $(HEAPY_MODULE_CPPFLAGS)
runtime_heapyc_la_LDFLAGS = $(HEAPY_MODULE_LDFLAGS)
