# runtime/local.mk: the heapy runtime, CPython extension modules that are
# installed as the Python package `heapy` (setsc: bitsets and nodesets;
# heapyc: heap views). Each module keeps its rules beside its sources.
heapydir = $(pyexecdir)/heapy
include $(srcdir)/runtime/setsc/local.mk
include $(srcdir)/runtime/heapyc/local.mk
