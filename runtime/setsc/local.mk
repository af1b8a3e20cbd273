# runtime/setsc/local.mk
