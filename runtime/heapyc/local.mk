# runtime/heapyc/local.mk
