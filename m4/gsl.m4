# gsl.m4: configure helpers for gslc.

# GSL_CHECK_TOOL_VERSION(NAME, PATH, MIN, DEBIAN-PACKAGE, VERSION-COMMAND)
# ------------------------------------------------------------------------
# Fails when the generated sources are missing (a git checkout) and the
# tool is absent or older than MIN. A release tarball ships the outputs.
AC_DEFUN([GSL_CHECK_TOOL_VERSION], [
  AS_IF([test "x$gsl_need_generators" = xyes], [
    AS_IF([test -z "$2"],
      [AC_MSG_ERROR([$1 >= $3 is required to build from git (Debian package: $4)])])
    AC_MSG_CHECKING([$1 version >= $3])
    gsl_tool_version=`$5`
    AS_VERSION_COMPARE([$gsl_tool_version], [$3],
      [AC_MSG_RESULT([$gsl_tool_version, too old])
       AC_MSG_ERROR([$1 >= $3 is required (Debian package: $4)])],
      [AC_MSG_RESULT([$gsl_tool_version])],
      [AC_MSG_RESULT([$gsl_tool_version])])
  ])
])

# GSL_PYTHON_DEV
# --------------
# Sets PYTHON_CFLAGS (for extension modules), PYTHON_EMBED_LIBS (for
# programs that embed the interpreter) and PYTHON_EXT_SUFFIX from the
# interpreter in $PYTHON, and checks that Python.h is there.
AC_DEFUN([GSL_PYTHON_DEV], [
  AC_MSG_CHECKING([for the development headers of $PYTHON])
  PYTHON_INCLUDE=`$PYTHON -c "import sysconfig; print(sysconfig.get_paths()[['include']])"`
  AS_IF([test -f "$PYTHON_INCLUDE/Python.h"],
    [AC_MSG_RESULT([$PYTHON_INCLUDE])],
    [AC_MSG_RESULT([no])
     AC_MSG_ERROR([Python.h not found for $PYTHON (Debian package: python3-dev)])])
  PYTHON_CFLAGS="-I$PYTHON_INCLUDE"
  PYTHON_EXT_SUFFIX=`$PYTHON -c "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"`
  gsl_py_libdir=`$PYTHON -c "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))"`
  gsl_py_ldver=`$PYTHON -c "import sysconfig; print(sysconfig.get_config_var('LDVERSION'))"`
  PYTHON_EMBED_LIBS="-L$gsl_py_libdir -lpython$gsl_py_ldver"
  AC_SUBST([PYTHON_CFLAGS])
  AC_SUBST([PYTHON_EMBED_LIBS])
  AC_SUBST([PYTHON_EXT_SUFFIX])
])
