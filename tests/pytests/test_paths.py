#!/usr/bin/env python3
"""Which paths of the kind graph the tests take (language reference 9.3
and 9.8), on specs/paths.gsl. With coverage C, loops on a kind are taken
0 to C times there; a cycle through several kinds is the reference's
example (a | b | f g)? (f (h z?)? | s)?. With coverage length N, every
path of 1 to N arrows. Each path is taken once."""
import itertools
import os
import sys

import support

CALLS = {"s": ".s", "z": ".z"}  # attributes; the other letters are methods


def expression(word):
    return "arg" + "".join(CALLS.get(x, "." + x + "()") for x in word)


def prefixes(words):
    """The paths a set of words takes: all their nonempty prefixes."""
    return {w[:i] for w in words for i in range(1, len(w) + 1)}


def cycles_k():
    return prefixes(first + second for first in ("", "a", "b", "fg")
                    for second in ("", "f", "fh", "fhz", "s"))


def loops_p(c):
    loops = {"a" * i for i in range(c + 1)}
    rest = {""} | {"s"} | {"f" + "l" * i + z for i in range(c + 1) for z in ("", "z")}
    return prefixes(x + y for x in loops for y in rest)


def length_p(n):
    arrows = {"": "asf", "a": "asf", "f": "lz", "l": "lz"}  # by the last arrow
    words, frontier = set(), [""]
    for _ in range(n):
        frontier = [w + x for w in frontier for x in arrows.get(w[-1:], "")]
        words.update(frontier)
    return words


def main():
    out = support.tmpdir()
    support.compile_gsl(support.spec(os.path.join("specs", "paths.gsl")), out)
    tests = support.paths(os.path.join(out, "paths.py"))
    failed = 0
    for name, words in (("test_K", cycles_k()), ("test_P", loops_p(1)), ("test_P_1", loops_p(2)),
                        ("test_P_2", length_p(2))):
        expected = sorted(expression(w) for w in words)
        got = sorted(tests[name])
        if got != expected:
            print("FAIL %s:\n  only generated: %s\n  only expected: %s" % (
                name, sorted(set(got) - set(expected)), sorted(set(expected) - set(got))))
            if len(set(got)) != len(got):
                print("  taken twice:", [g for g, n in itertools.groupby(got) if len(list(n)) > 1])
            failed = 1
        else:
            print("ok %s: %d paths" % (name, len(got)))
    return failed


if __name__ == "__main__":
    sys.exit(main())
