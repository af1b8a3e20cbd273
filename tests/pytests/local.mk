# tests/pytests/local.mk
