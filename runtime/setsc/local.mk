# runtime/setsc/local.mk: the setsc extension module (bitsets and
# nodesets), installed as heapy/setsc.so.
heapy_LTLIBRARIES += runtime/setsc.la
runtime_setsc_la_SOURCES = \
	runtime/setsc/module.c
runtime_setsc_la_CPPFLAGS = $(HEAPY_MODULE_CPPFLAGS)
runtime_setsc_la_LDFLAGS = $(HEAPY_MODULE_LDFLAGS)
