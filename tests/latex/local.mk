# tests/latex/local.mk
