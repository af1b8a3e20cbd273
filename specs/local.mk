# specs/local.mk
