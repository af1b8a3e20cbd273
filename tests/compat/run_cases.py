#!/usr/bin/env python3
"""Runs the compatibility cases of a case file against `gslc compat`.

Usage: GSLC=path/to/gslc run_cases.py CASES.txt

A case is a fenced block opened by a line of 32 backquotes followed by
`case`. It holds files, each started by a line `--- old`, `--- new`
(spec.gsl of that side), `--- old NAME`, `--- new NAME` or `--- both
NAME` (another file of one side or of both), then a line with a single
dot and the expected result of comparing old with new: `compatible` or
`breaking`, then one line per finding, `RULE SYMBOL`, optionally followed
by ` | CALL`, the counterexample call the finding must give. Another dot
and another result give what comparing new with old must report. The
findings must be exactly those listed (info and warnings included).

Each side is a directory holding spec.gsl and its other files; the case
compares the two spec.gsl (or, with `--- compare dirs` as the first
line, the two directories). On a mismatch the runner prints what differs
and exits with status 1.
"""
import json
import os
import subprocess
import sys
import tempfile

FENCE = "`" * 32


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    cases, i, section = [], 0, ""
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line == FENCE + " case":
            j = i + 1
            while lines[j] != FENCE:
                j += 1
            cases.append(parse_case(section, i + 1, lines[i + 1:j]))
            i = j
        i += 1
    return cases


def parse_case(section, line, body):
    case = {"section": section, "line": line, "files": {}, "dirs": False, "expect": []}
    parts, current = [[]], None
    for text in body:
        if text == ".":
            parts.append([])
        else:
            parts[-1].append(text)
    for text in parts[0]:
        if text == "--- compare dirs":
            case["dirs"] = True
        elif text.startswith("--- "):
            words = text[4:].split()
            name = words[1] if len(words) > 1 else "spec.gsl"
            sides = ["old", "new"] if words[0] == "both" else [words[0]]
            current = [(side, name) for side in sides]
            for key in current:
                case["files"][key] = []
        else:
            for key in current:
                case["files"][key].append(text)
    for part in parts[1:]:
        verdict, findings = part[0], []
        for text in part[1:]:
            rule_symbol, _, call = text.partition(" | ")
            rule, symbol = rule_symbol.split()
            findings.append((rule, symbol, call or None))
        case["expect"].append((verdict, findings))
    return case


def compare(gslc, a, b):
    run = subprocess.run([gslc, "compat", "--format=json", a, b], capture_output=True,
                         text=True)
    if run.returncode not in (0, 1):
        return None, "exit status %d: %s" % (run.returncode, run.stderr)
    report = json.loads(run.stdout)
    status = "breaking" if run.returncode == 1 else "compatible"
    if report["verdict"] != status:
        return None, "exit status %d but verdict %s" % (run.returncode, report["verdict"])
    return (status, report["findings"]), None


def check(case, gslc, tmp):
    for (side, name), text in case["files"].items():
        path = os.path.join(tmp, side, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(text) + "\n")
    paths = {s: os.path.join(tmp, s) if case["dirs"] else os.path.join(tmp, s, "spec.gsl")
             for s in ("old", "new")}
    problems = []
    for n, (verdict, findings) in enumerate(case["expect"]):
        a, b = ("old", "new") if n == 0 else ("new", "old")
        result, error = compare(gslc, paths[a], paths[b])
        what = "%s -> %s" % (a, b)
        if error:
            problems.append("%s: %s" % (what, error))
            continue
        status, got = result
        if status != verdict:
            problems.append("%s: expected %s, got %s" % (what, verdict, status))
        want = sorted((r, s) for r, s, _ in findings)
        have = sorted((f["rule"], f["symbol"]) for f in got)
        if want != have:
            problems.append("%s: expected findings\n    %s\n  got\n    %s" % (
                what, "\n    ".join(" ".join(x) for x in want) or "(none)",
                "\n    ".join("%s %s  [%s]" % (f["rule"], f["symbol"], f["message"])
                               for f in got) or "(none)"))
            continue
        for rule, symbol, call in findings:
            if call is None:
                continue
            calls = [f.get("call") for f in got if (f["rule"], f["symbol"]) == (rule, symbol)]
            if call not in calls:
                problems.append("%s: %s %s: expected call %s, got %s" % (
                    what, rule, symbol, call, calls))
    return problems


def main():
    gslc = os.environ.get("GSLC", "gslc")
    cases = parse(sys.argv[1])
    failed = 0
    for case in cases:
        with tempfile.TemporaryDirectory() as tmp:
            problems = check(case, gslc, tmp)
        if problems:
            failed += 1
            print("FAIL %s:%d (%s)" % (sys.argv[1], case["line"], case["section"]))
            for p in problems:
                print("  " + p)
    print("%d of %d cases passed" % (len(cases) - failed, len(cases)))
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
