"""What the tests of the Python test backends share: the environment the
test harness gives (GSLC, SHARED, PYTHON, top_srcdir, GUPPY3), running
gslc, and reading the statements of generated Tester modules.

Tests exit 77 (skipped) when what they need is absent.
"""
import ast
import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GSLC = os.environ.get("GSLC") or os.path.join(os.environ.get("top_builddir", "."), "gslc", "gslc")
PYTHON = os.environ.get("PYTHON") or sys.executable
SHARED = os.environ.get("SHARED", "")
GUPPY3 = os.environ.get("GUPPY3", "")
SKIP = 77


def skip(why):
    print("skipped:", why)
    sys.exit(SKIP)


def need_shared():
    specs = os.path.join(SHARED, "guppy3", "specs")
    if not SHARED or not os.path.isdir(specs):
        skip("no shared corpus (SHARED=%r)" % SHARED)
    return specs


def need_guppy3():
    if not GUPPY3 or not os.path.isdir(os.path.join(GUPPY3, "guppy")):
        skip("no built guppy3 checkout (GUPPY3=%r)" % GUPPY3)
    return GUPPY3


def spec(name):
    """The path of a specification of these tests."""
    return os.path.join(HERE, name)


def gslc(*args, cwd=None):
    """Runs gslc; returns (exit status, stderr)."""
    p = subprocess.run([GSLC, *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stderr


def run_python(argv, pythonpath, cwd=None):
    """Runs PYTHON with argv, PYTHONPATH set; prints its output; returns
    its exit status and its output."""
    env = dict(os.environ, PYTHONPATH=pythonpath)
    p = subprocess.run([PYTHON, *argv], cwd=cwd, capture_output=True, text=True, env=env)
    print(p.stdout, p.stderr[-4000:], sep="", end="")
    return p.returncode, p.stdout + p.stderr


def compile_gsl(path, outdir, *includes):
    """Compiles a file into outdir; fails the test on errors."""
    args = []
    for d in includes:
        args += ["-I", d]
    status, err = gslc(*args, "-o", outdir, path)
    if status:
        sys.exit("gslc failed on %s:\n%s" % (path, err))
    return err


def tester_only(path, outdir):
    """A copy of a driver in outdir whose documents have only their tester
    and unittest outputs (documents without them are dropped), so that
    only these formats are made; line numbers stay. Its imports are found
    with -I on the original's directory."""
    text = open(path, encoding="utf-8").read()
    blocks = re.split(r"(?m)^(?=\.[^.])", text)
    kept = []
    for b in blocks:
        if b.startswith(".document:"):
            formats = re.search(r"(?m)^\.\.output:(.*)$", b)
            tests = [f.strip() for f in formats.group(1).split(",")
                     if f.strip() in ("tester", "unittest")] if formats else []
            if not tests:
                b = re.sub(r"(?m)^(?!$).*$", ".c", b)
            else:
                b = b[:formats.start(1)] + " " + ", ".join(tests) + b[formats.end(1):]
        kept.append(b)
    copy = os.path.join(outdir, os.path.basename(path))
    with open(copy, "w", encoding="utf-8") as f:
        f.write("".join(kept))
    return copy


def tmpdir():
    """A new directory, removed when the test ends."""
    path = tempfile.mkdtemp(prefix="pytests.")
    atexit.register(shutil.rmtree, path, True)
    return path


def paths(module_path, test=None):
    """The statements of a Tester module's test methods, each as the path
    of calls from arg that it makes ("arg.f().g(1)"), in order. Set-ups,
    asserts and either blocks are left out."""
    tree = ast.parse(open(module_path, encoding="utf-8").read())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    out = {}
    for fn in cls.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith("test_"):
            continue
        if test and fn.name != test:
            continue
        env, stmts = {}, []
        for s in fn.body:
            if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name):
                text = ast.unparse(s.value)
                for var in sorted(env, key=len, reverse=True):
                    text = re.sub(r"\b%s\b" % var, env[var], text)
                env[s.targets[0].id] = text
                stmts.append(text)
        out[fn.name] = stmts
    return out[test] if test else out
