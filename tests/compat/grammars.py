#!/usr/bin/env python3
"""Checks gslc compat's decision on argument lists against brute force.

Usage: GSLC=path/to/gslc grammars.py [PAIRS] [SEED]

Makes PAIRS (default 300) pairs of random argument grammars (arg, key arg,
args, optionals, alt, seq, repeat m..n, draw, no arg) over kinds related
by a small hierarchy, enumerates the calls each accepts (positional
arguments in order, keyword arguments as a set), and checks that `gslc
compat` reports args-narrowed exactly when OLD accepts a call that no
call of NEW covers, args-widened exactly when the reverse holds, and that
each counterexample is such a call, of the shortest length.
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

# Kinds: Sub is below Base; A+ and B+ stand alone. Each has one example,
# so a counterexample call names its kinds by value.
PREAMBLE = """.kind:: Base
..eg: 4
.kind:: Sub
..subkind of: Base
..eg: 3
.superkind:: A+
..eg: 1
.superkind:: B+
..eg: 2
"""
KINDS = ["A+", "B+", "Sub", "Base"]
VALUE_KIND = {"1": "A+", "2": "B+", "3": "Sub", "4": "Base"}
BELOW = {("Sub", "Base")}
KEYWORDS = ["k", "q"]


def le(a, b):
    return a == b or (a, b) in BELOW


# ---- Random grammars, as trees and as GSL ---------------------------------------

# What may stand under what (the front end checks it); anything else is
# wrapped in a seq, which may stand anywhere.
ALLOWED = {
    "repeat": {"alt", "arg", "args", "seq", "key"},
    "draw": {"key", "seq"},
}


def grammar(r, depth):
    """A random node: (tag, payload, children)."""
    if depth > 2 or r.random() < 0.4:
        t = r.choice(["arg", "arg", "key", "args"])
        if t == "arg":
            return ("arg", r.choice(KINDS), [])
        if t == "key":
            return ("key", (r.choice(KEYWORDS), r.choice(KINDS)), [])
        return ("args", [r.choice(KINDS) for _ in range(r.randint(1, 2))], [])
    t = r.choice(["optionals", "alt", "seq", "repeat", "draw"])
    kids = [grammar(r, depth + 1) for _ in range(r.randint(1, 2 if depth else 3))]
    if t in ALLOWED:
        kids = [k if k[0] in ALLOWED[t] else ("seq", None, [k]) for k in kids]
    if t == "repeat":
        lo = r.randint(0, 1)
        return ("repeat", (lo, lo + r.randint(0, 2)), kids)
    if t == "alt" and r.random() < 0.3:
        kids.append(("no_arg", None, []))
    return (t, None, kids)


def mutate(r, node):
    """node with one small change somewhere (or none): another kind, a
    repetition bound moved, a part made optional, a draw reordered."""
    tag, payload, kids = node
    if kids and r.random() < 0.6:
        i = r.randrange(len(kids))
        kids = kids[:i] + [mutate(r, kids[i])] + kids[i + 1:]
        return (tag, payload, kids)
    change = r.randrange(5)
    if change == 0 and tag == "arg":
        return ("arg", r.choice(KINDS), kids)
    if change == 1 and tag == "repeat":
        lo, hi = payload
        return ("repeat", (lo, max(lo, hi + r.choice((-1, 1)))), kids)
    if change == 2 and tag != "no_arg":  # in a seq, which may stand anywhere
        return ("seq", None, [("optionals", None, [node])])
    if change == 3 and tag == "draw":
        return (tag, payload, list(reversed(kids)))
    if change == 4 and tag == "optionals":
        return ("seq", None, kids)
    return node


def gsl(node, depth, out):
    tag, payload, kids = node
    dots = "." * depth
    if tag == "arg":
        out.append("%sarg: a: %s" % (dots, payload))
    elif tag == "key":
        out.append("%skey arg: %s: %s" % (dots, payload[0], payload[1]))
    elif tag == "args":
        out.append("%sargs: %s" % (dots, ", ".join(payload)))
    elif tag == "no_arg":
        out.append("%sno arg" % dots)
    elif tag == "repeat":
        out.append("%srepeat: %d..%d" % (dots, payload[0], payload[1]))
    else:
        out.append("%s%s" % (dots, tag))
    for k in kids:
        gsl(k, depth + 1, out)


def spec(nodes):
    out = [PREAMBLE.rstrip("\n"), ".kind:: K", "..method:: m"]
    for n in nodes:
        gsl(n, 3, out)
    return "\n".join(out) + "\n"


# ---- Languages: sets of words, a word a tuple of (keyword or None, kind) --------

class TooLarge(Exception):
    """A language too large to enumerate; the pair is drawn again."""


def cat(a, b):
    if len(a) * len(b) > 5000:
        raise TooLarge
    return {x + y for x in a for y in b}


def lang(node):
    tag, payload, kids = node
    if tag == "arg":
        return {((None, payload),)}
    if tag == "key":
        return {(payload,)}
    if tag == "args":
        return {tuple((None, k) for k in payload)}
    if tag == "no_arg":
        return {()}
    parts = [lang(k) for k in kids]
    if tag == "seq":
        return seq(parts)
    if tag == "alt":
        return set().union(*parts)
    if tag == "optionals":  # [a [b [c]]]
        result = {()}
        for p in reversed(parts):
            result = {()} | cat(p, result)
        return result
    if tag == "draw":
        result = {()}
        for p in parts:
            result = cat(result, p | {()})
        return result
    body = seq(parts)
    lo, hi = payload
    result, power = set(), {()}
    for i in range(hi + 1):
        if i >= lo:
            result |= power
        power = cat(power, body)
    return result


def seq(parts):
    result = {()}
    for p in parts:
        result = cat(result, p)
    return result


def calls(nodes):
    """The calls of a grammar: positional kinds in order, keywords sorted;
    words giving a keyword twice are not calls."""
    out = set()
    for w in seq([lang(n) for n in nodes]):
        names = [k for k, _ in w if k]
        if len(names) != len(set(names)):
            continue
        out.add((tuple(v for k, v in w if not k), tuple(sorted((k, v) for k, v in w if k))))
    return out


def covered(call, others):
    pos, kw = call
    for p, k in others:
        if len(p) == len(pos) and [n for n, _ in k] == [n for n, _ in kw] and \
                all(le(a, b) for a, b in zip(pos, p)) and \
                all(le(a, b) for (_, a), (_, b) in zip(kw, k)):
            return True
    return False


def uncovered(a, b):
    return [c for c in a if not covered(c, b)]


def length(call):
    return len(call[0]) + len(call[1])


def parse_call(text):
    """x.m(1, k=2) -> ((A+,), (('k', B+),))"""
    inner = re.fullmatch(r"x\.m\((.*)\)", text).group(1)
    pos, kw = [], []
    for item in filter(None, (s.strip() for s in inner.split(","))):
        if "=" in item:
            name, value = item.split("=")
            kw.append((name, VALUE_KIND[value]))
        else:
            pos.append(VALUE_KIND[item])
    return tuple(pos), tuple(sorted(kw))


SEEN = {"args-narrowed": 0, "args-widened": 0}


def check(gslc, tmp, old, new):
    a, b = calls(old), calls(new)
    paths = []
    for side, nodes in (("old", old), ("new", new)):
        os.makedirs(os.path.join(tmp, side), exist_ok=True)
        paths.append(os.path.join(tmp, side, "spec.gsl"))
        with open(paths[-1], "w") as f:
            f.write(spec(nodes))
    run = subprocess.run([gslc, "compat", "--format=json"] + paths, capture_output=True,
                         text=True)
    if run.returncode not in (0, 1):
        return ["exit status %d: %s" % (run.returncode, run.stderr)]
    found = {f["rule"]: f for f in json.loads(run.stdout)["findings"]}
    for rule in ("args-narrowed", "args-widened"):
        SEEN[rule] += rule in found
    problems = []
    for rule, mine, theirs in (("args-narrowed", a, b), ("args-widened", b, a)):
        missing = uncovered(mine, theirs)
        if bool(missing) != (rule in found):
            problems.append("%s: reported %s, calls not covered: %s" % (
                rule, rule in found, missing[:3]))
        elif missing:
            call = parse_call(found[rule]["call"])
            if call not in missing:
                problems.append("%s: %s is not a counterexample" % (rule, found[rule]["call"]))
            elif length(call) != min(length(c) for c in missing):
                problems.append("%s: %s is not a shortest counterexample" % (
                    rule, found[rule]["call"]))
    return problems


def main():
    gslc = os.environ.get("GSLC", "gslc")
    pairs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    r = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    failed = done = 0
    with tempfile.TemporaryDirectory() as tmp:
        while done < pairs:
            old = [grammar(r, 0) for _ in range(r.randint(1, 2))]
            # Mostly NEW is OLD with a small change, so that the verdicts vary.
            if r.random() < 0.8:
                new = [mutate(r, n) for n in old]
            else:
                new = [grammar(r, 0) for _ in range(r.randint(1, 2))]
            try:
                problems = check(gslc, tmp, old, new)
            except TooLarge:
                continue
            done += 1
            if problems:
                failed += 1
                print("FAIL pair %d:\n--- old\n%s--- new\n%s  %s" % (
                    done, spec(old), spec(new), "\n  ".join(problems)))
    print("%d of %d pairs agree with brute force (%d narrowed, %d widened)" % (
        done - failed, done, SEEN["args-narrowed"], SEEN["args-widened"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
