# bench/heapyc/local.mk
