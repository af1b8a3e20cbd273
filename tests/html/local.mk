# tests/html/local.mk
