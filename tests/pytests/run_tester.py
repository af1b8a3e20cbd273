#!/usr/bin/env python3
"""Runs a module of tests in the original's Tester form against an
implementation.

Usage: run_tester.py MODULE.py [--object TGT=EXPR]... [--alias NAME=MODULE]...
                     [--only TGT]...

The module defines `class Tester` whose dict `tests` maps the tgt name of
each tested kind to a method test(self, arg). For each kind given an
--object, EXPR is evaluated (after the aliases are installed, with the
modules they name imported under their last component) to make `arg`,
and the test runs on a fresh Tester. --alias guppy.sets=heapy makes
`import guppy.sets` in the tests import heapy instead, so tests written
for the original run against another implementation of its modules.
Kinds without --object are reported as not run. Prints one line per kind
and exits 1 if a test failed or a kind given was not in the module.
"""
import argparse
import importlib
import importlib.util
import sys
import traceback
import types


def install_alias(name, target):
    """Makes `import name` give the module target (and creates empty
    parent packages for name as needed)."""
    module = importlib.import_module(target)
    parts = name.split(".")
    for i in range(1, len(parts)):
        parent = ".".join(parts[:i])
        if parent not in sys.modules:
            package = types.ModuleType(parent)
            package.__path__ = []
            sys.modules[parent] = package
    sys.modules[name] = module
    if len(parts) > 1:
        setattr(sys.modules[".".join(parts[:-1])], parts[-1], module)
    return module


def load(path):
    spec = importlib.util.spec_from_file_location("tester_under_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("module")
    ap.add_argument("--object", action="append", default=[], metavar="TGT=EXPR")
    ap.add_argument("--alias", action="append", default=[], metavar="NAME=MODULE")
    a = ap.parse_args()
    namespace = {}
    for alias in a.alias:
        name, target = alias.split("=", 1)
        namespace[name.split(".")[-1]] = install_alias(name, target)
    tests = load(a.module).Tester
    failed = 0
    objects = dict(o.split("=", 1) for o in a.object)
    for tgt in objects:
        if tgt not in tests.tests:
            print("MISSING", tgt)
            failed += 1
    for tgt, test in tests.tests.items():
        if tgt not in objects:
            print("NOT RUN", tgt)
            continue
        try:
            test(tests(), eval(objects[tgt], namespace))
            print("ok", tgt)
        except Exception:
            traceback.print_exc()
            print("FAIL", tgt)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
