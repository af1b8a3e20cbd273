"""What the tests of the C test backend (the ctest format) share: the
build's settings (build.env, which make writes), making a specification's
C tests and building them as `gslc --ctest-makefile` says, running them,
and reading their TAP. The helpers of the Python test backends'
tests (tests/pytests/support.py: the environment, gslc, skipping) are
used as they are.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTESTS = os.path.join(HERE, os.pardir, "pytests")
sys.path.insert(0, PYTESTS)

import support  # noqa: E402  (tests/pytests/support.py)


def settings():
    """The build's settings: CC, CFLAGS, WARN_CFLAGS, SAN_CFLAGS,
    SAN_LDFLAGS, PYTHON_CFLAGS, VALGRIND, MAKE."""
    path = os.path.join(os.environ.get("top_builddir", "."), "tests", "ctests", "build.env")
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            values[key] = value
    return values


BUILD = settings()


# What the environment of the tests has that their children must not
# see: the sanitizer runtime that the test runner preloads into Python
# (programs built with sanitizers link it themselves), and the make that
# runs the tests (its jobs are not for the make that builds a C test).
NOT_INHERITED = ("LD_PRELOAD", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")


def child_env(**extra):
    """The environment of compilers and C tests: this one but what they
    must not inherit, plus extra."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if BUILD["SAN_CFLAGS"]:
        env["ASAN_OPTIONS"] = "detect_leaks=0"
        env["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1"
        env["PYTHONMALLOC"] = "malloc"
    env.update(extra)
    return env


def with_ctest(path, outdir, document=None):
    """A copy of the specification path in outdir whose documents with
    tests (or the one named) also have the ctest format; lines keep
    their numbers, so messages name the original's."""
    text = open(path, encoding="utf-8").read()
    blocks = re.split(r"(?m)^(?=\.[^.])", text)
    for i, b in enumerate(blocks):
        m = re.match(r"\.document:\s*(\S+)", b)
        out = re.search(r"(?m)^\.\.output:(.*)$", b)
        if not m or not out or (document and m.group(1) != document):
            continue
        formats = [f.strip() for f in out.group(1).split(",")]
        if document or {"tester", "unittest"} & set(formats):
            if "ctest" not in formats:
                formats.append("ctest")
            blocks[i] = b[:out.start(1)] + " " + ", ".join(formats) + b[out.end(1):]
    copy = os.path.join(outdir, os.path.basename(path))
    with open(copy, "w", encoding="utf-8") as f:
        f.write("".join(blocks))
    return copy


def generate(spec, outdir, *includes):
    """Runs gslc --format=ctest on spec into outdir; the names of the
    programs it wrote."""
    before = set(os.listdir(outdir))
    args = ["--format=ctest"]
    for d in includes:
        args += ["-I", d]
    status, err = support.gslc(*args, "-o", outdir, spec)
    if status:
        sys.exit("gslc failed on %s:\n%s" % (spec, err))
    return sorted(f[:-2] for f in set(os.listdir(outdir)) - before if f.endswith(".c"))


def build(workdir, name, sanitize=True, werror=False):
    """Builds the program name from name.c in workdir with make and the
    fragment that gslc --ctest-makefile prints, with the project's
    warnings (and sanitizers, when the build has them and sanitize)."""
    with open(os.path.join(workdir, "ctest.mk"), "w", encoding="utf-8") as f:
        subprocess.run([support.GSLC, "--ctest-makefile"], stdout=f, check=True)
    with open(os.path.join(workdir, "Makefile"), "w", encoding="utf-8") as f:
        f.write("include ctest.mk\n")
    cflags = [BUILD["CFLAGS"], BUILD["WARN_CFLAGS"]] + (["-Werror"] if werror else [])
    ldflags = []
    if sanitize:
        cflags.append(BUILD["SAN_CFLAGS"])
        ldflags.append(BUILD["SAN_LDFLAGS"])
    p = subprocess.run([BUILD["MAKE"] or "make", "-s", name, "CC=" + BUILD["CC"],
                        "CFLAGS=" + " ".join(cflags), "LDFLAGS=" + " ".join(ldflags)],
                       cwd=workdir, capture_output=True, text=True, env=child_env())
    if p.returncode:
        sys.exit("building %s failed:\n%s%s" % (name, p.stdout, p.stderr))
    return os.path.join(workdir, name), p.stderr


def run(program, pythonpath, prefix=(), **env):
    """Runs a C test with PYTHONPATH; returns (status, stdout, stderr)."""
    p = subprocess.run([*prefix, program], capture_output=True, text=True,
                       env=child_env(PYTHONPATH=pythonpath, **env))
    return p.returncode, p.stdout, p.stderr


class Result:
    """A TAP test: its number, whether it passed, its description and
    the diagnostic lines after it."""

    def __init__(self, number, ok, description):
        self.number, self.ok, self.description = number, ok, description
        self.diagnostics = []

    def why(self):
        return "\n".join(self.diagnostics)


def tap(out):
    """The tests of TAP output, checked against its plan and its final
    "N passed, N failed" line."""
    plan = re.search(r"(?m)^1\.\.(\d+)$", out)
    results = []
    for line in out.splitlines():
        m = re.match(r"(not )?ok (\d+) - (.*)$", line)
        if m:
            results.append(Result(int(m.group(2)), not m.group(1), m.group(3)))
        elif line.startswith("# ") and results:
            results[-1].diagnostics.append(line[2:])
    summary = re.search(r"(?m)^(\d+) passed, (\d+) failed", out)
    assert plan and int(plan.group(1)) == len(results), "TAP plan and tests differ"
    assert [r.number for r in results] == list(range(1, len(results) + 1))
    assert summary and (int(summary.group(1)), int(summary.group(2))) == (
        sum(r.ok for r in results), sum(not r.ok for r in results)), "wrong summary"
    return results
