# tests/frontend/local.mk
