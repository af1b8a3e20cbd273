#!/usr/bin/env python3
"""Runs the witnesses `gslc compat --witness` wrote for old.gsl -> new.gsl
(copied as spec.gsl into two directories) against two implementations
(impl.py): each witness must pass for the implementation of OLD and fail
for the one of NEW, and every breaking finding must have a witness.

Usage: GSLC=path/to/gslc check.py SOURCE_DIR
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def passes(tester, kind, cls):
    try:
        tester.tests[kind](tester, cls())
        return True
    except Exception:
        return False


def main():
    src = sys.argv[1]
    gslc = os.environ.get("GSLC", "gslc")
    impl = load(os.path.join(src, "impl.py"), "impl")
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for side in ("old", "new"):
            os.makedirs(os.path.join(tmp, side))
            shutil.copy(os.path.join(src, side + ".gsl"), os.path.join(tmp, side, "spec.gsl"))
        out = os.path.join(tmp, "witnesses")
        run = subprocess.run([gslc, "compat", "--format=json", "--witness=" + out,
                              os.path.join(tmp, "old", "spec.gsl"),
                              os.path.join(tmp, "new", "spec.gsl")],
                             capture_output=True, text=True)
        if run.returncode != 1:
            print("expected exit status 1, got %d: %s" % (run.returncode, run.stderr))
            return 1
        breaking = [f for f in json.loads(run.stdout)["findings"]
                    if f["severity"] == "breaking"]
        with open(os.path.join(out, "witnesses.txt")) as f:
            index = dict((line.split()[0], line.split()[3]) for line in f)
        for finding in breaking:
            name = "%s %s" % (finding["rule"], finding["symbol"])
            file = index.get(finding["fingerprint"])
            if file is None:
                problems.append("%s: not in witnesses.txt" % name)
                continue
            if file == "-":
                # Breaks that no single call shows (a stronger precondition).
                if finding["rule"] != "precondition-added":
                    problems.append("%s: no witness" % name)
                continue
            module = load(os.path.join(out, file), file[:-3])
            tester = module.Tester()
            for kind in module.Tester.tests:
                old, new = impl.IMPLEMENTATIONS[kind]
                if not passes(tester, kind, old):
                    problems.append("%s: the OLD implementation fails %s" % (name, file))
                if passes(tester, kind, new):
                    problems.append("%s: the NEW implementation passes %s" % (name, file))
        print("%d breaking findings, %d witnesses checked" % (
            len(breaking), sum(1 for v in index.values() if v != "-")))
    for p in problems:
        print("FAIL " + p)
    return 1 if problems or not breaking else 0


if __name__ == "__main__":
    sys.exit(main())
