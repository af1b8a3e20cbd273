# tests/compat/local.mk: `gslc compat`. Every rule in both directions
# with equivalent grammars, hierarchies, conditions and renames
# (cases.txt), argument lists against brute force, the command line and ignore files, sides read from git,
# each report format against golden files, and witnesses run against an
# implementation of each side.
TESTS += \
	tests/compat/cases.sh \
	tests/compat/grammars.sh \
	tests/compat/cli.sh \
	tests/compat/git.sh \
	tests/compat/formats.sh \
	tests/compat/witness.sh
EXTRA_DIST += \
	tests/compat/cases.sh \
	tests/compat/grammars.sh \
	tests/compat/grammars.py \
	tests/compat/cli.sh \
	tests/compat/git.sh \
	tests/compat/formats.sh \
	tests/compat/witness.sh \
	tests/compat/run_cases.py \
	tests/compat/cases.txt \
	tests/compat/formats/old.gsl \
	tests/compat/formats/new.gsl \
	tests/compat/formats/ignore \
	tests/compat/formats/report.txt \
	tests/compat/formats/report.json \
	tests/compat/formats/report.md \
	tests/compat/formats/report.html \
	tests/compat/formats/report.github \
	tests/compat/witness/check.py \
	tests/compat/witness/impl.py \
	tests/compat/witness/old.gsl \
	tests/compat/witness/new.gsl

# Rewrites the golden reports from what gslc compat gives now, so that a
# change shows as a reviewed diff.
.PHONY: update-golden-compat
update-golden-compat: gslc/gslc$(EXEEXT)
	UPDATE=1 GSLC='$(abs_top_builddir)/gslc/gslc' top_srcdir='$(abs_top_srcdir)' \
		$(SHELL) '$(srcdir)/tests/compat/formats.sh'
