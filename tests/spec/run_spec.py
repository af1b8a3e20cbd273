#!/usr/bin/env python3
"""Runs the examples of a spec file (cmark's format) against gslc.

Usage: GSLC=path/to/gslc run_spec.py SPEC.txt

An example is a fenced block opened by a line of 32 backquotes followed by
`example MODE [STATUS]`; it holds the input, a line with a single dot, and
the expected output. The input may hold several files: it starts with
t.gsl, the file compiled, and a line `--- NAME` starts another one. MODE
says how gslc runs and what is compared:

  check   `gslc --check t.gsl`: its diagnostics (stderr)
  ast     `gslc --dump=ast t.gsl`: the JSON syntax tree
  model   `gslc --dump=model t.gsl`: the JSON model
  OUTPUT  `gslc -o DIR t.gsl`, then DIR/OUTPUT (a file it writes)

STATUS is the expected exit status (default 0). In inputs, a tab is
written as the arrow character (U+2192), a carriage return as U+240D, a
raw byte as its hexadecimal value in angle brackets (U+27E8 ... U+27E9),
and a file that ends with U+2298 has no final newline.
On a mismatch the runner prints a diff and exits with status 1.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

FENCE = "`" * 32


def parse(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    examples, i, section = [], 0, ""
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        if line.startswith(FENCE + " example"):
            words = line[len(FENCE):].split()
            mode = words[1]
            status = int(words[2]) if len(words) > 2 else 0
            start = i + 1
            j = start
            while lines[j] != ".":
                j += 1
            k = j + 1
            while lines[k] != FENCE:
                k += 1
            examples.append({
                "section": section, "line": i + 1, "mode": mode, "status": status,
                "input": lines[start:j], "expected": "\n".join(lines[j + 1:k]),
            })
            i = k
        i += 1
    return examples


def decode(text):
    return text.replace("\u2192", "\t").replace("\u240d", "\r")


def write_inputs(lines, tmp):
    files, name, cur = {}, "t.gsl", []
    for line in lines:
        m = re.match(r"^--- (\S+)$", line)
        if m:
            files[name] = cur
            name, cur = m.group(1), []
        else:
            cur.append(line)
    files[name] = cur
    for name, body in files.items():
        text = decode("\n".join(body))
        text = text[:-1] if text.endswith("\u2298") else text + "\n"
        parts = re.split("\u27e8([0-9A-Fa-f]{2})\u27e9", text)
        data = b"".join(bytes([int(p, 16)]) if i % 2 else p.encode("utf-8")
                        for i, p in enumerate(parts))
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(data)


def run(gslc, ex):
    with tempfile.TemporaryDirectory() as tmp:
        write_inputs(ex["input"], tmp)
        mode = ex["mode"]
        args = {"check": ["--check"], "ast": ["--dump=ast"], "model": ["--dump=model"]}
        argv = [gslc] + args.get(mode, ["-o", os.path.join(tmp, "out")]) + ["t.gsl"]
        p = subprocess.run(argv, cwd=tmp, capture_output=True, text=True)
        if mode == "check":
            got = p.stderr
        elif mode in args:
            got = p.stdout + p.stderr
        else:
            out = os.path.join(tmp, "out", mode)
            got = p.stderr
            if os.path.exists(out):
                with open(out, encoding="utf-8") as f:
                    got += f.read()
        return p.returncode, got.rstrip("\n")


def main():
    spec = sys.argv[1]
    gslc = os.environ.get("GSLC", "gslc")
    failures = 0
    examples = parse(spec)
    for ex in examples:
        status, got = run(gslc, ex)
        expected = decode(ex["expected"])
        if got == expected and status == ex["status"]:
            continue
        failures += 1
        print(f"{spec}:{ex['line']}: example failed ({ex['section']})")
        if status != ex["status"]:
            print(f"  exit status {status}, expected {ex['status']}")
        for d in difflib.unified_diff(expected.split("\n"), got.split("\n"),
                                      "expected", "got", lineterm=""):
            print("  " + d)
    print(f"{len(examples) - failures} of {len(examples)} examples pass")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
