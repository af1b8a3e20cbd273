# tests/runtime/heapyc/local.mk
