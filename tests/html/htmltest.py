"""htmltest.py: what the HTML backend's tests share: the environment the
test harness gives (GSLC, SHARED, PYTHON, top_srcdir, top_builddir),
running gslc, and skipping."""
import os
import subprocess
import sys

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
GSLC = os.environ.get("GSLC", "gslc")
SHARED = os.environ.get("SHARED", "")
TOP_BUILDDIR = os.environ.get("top_builddir", ".")


def skip(why):
    print("SKIP:", why)
    sys.exit(SKIP)


def shared(*parts):
    """A path in ../shared, skipping the test when it is absent."""
    path = os.path.join(SHARED, *parts)
    if not SHARED or not os.path.exists(path):
        skip("no %s (../shared is absent)" % os.path.join(*parts))
    return path


def gslc(out, *files, formats="html,xhtml", options=()):
    """Compiles files into the directory out; fails the test on errors."""
    cmd = [GSLC, "--format=" + formats, "-o", out] + list(options) + list(files)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        sys.stderr.write(r.stderr)
        raise SystemExit("gslc failed: " + " ".join(cmd))
    return r.stderr


def version():
    """The version gslc writes in its pages' footer ("gslc 1.2")."""
    return subprocess.run([GSLC, "--version"], stdout=subprocess.PIPE, text=True,
                          check=True).stdout.strip()


def pages(directory):
    """The pages in a directory, sorted."""
    return sorted(os.path.join(directory, f) for f in os.listdir(directory)
                  if f.endswith((".html", ".xhtml")))
