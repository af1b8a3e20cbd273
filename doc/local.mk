# doc/local.mk: the manual page, the design notes and the generated
# documentation (see specs/local.mk for `make doc`).
dist_man1_MANS += doc/gslc.1
EXTRA_DIST += doc/model.md

# ---- The stylesheet of HTML outputs (HTML backend) ----
# backends/local.mk compiles it into gslc, which writes it as css/gsl.css
# beside the pages it makes.
EXTRA_DIST += doc/css/gsl.css
# ---- end of the stylesheet ----

# ---- The tester and unittest formats (Python test backends) ----
EXTRA_DIST += doc/unittest.md
# ---- end of the Python test backends ----
