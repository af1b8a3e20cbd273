# tests/runtime/sets/local.mk
