# doc/local.mk: the manual page, the design notes and the generated
# documentation (see specs/local.mk for `make doc`).
dist_man1_MANS += doc/gslc.1
EXTRA_DIST += doc/model.md
