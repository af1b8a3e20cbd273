# bench/sets/local.mk
