# bench/gslc/local.mk
