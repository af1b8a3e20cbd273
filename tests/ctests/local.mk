# tests/ctests/local.mk
