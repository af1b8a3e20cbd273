#!/usr/bin/env python3
"""Times `gslc compat` on versions of the synthetic corpus.

Usage: bench_compat.py --gslc GSLC --shared SHARED [--kinds N] [--runs R]

Generates (with SHARED/bench/gen_corpus.py) the corpus of N kinds (10000
by default) with seed 1 and seed 2, and a copy of seed 1 with edits that
break and extend it, then prints, for each comparison, the best wall
time of R runs, the time of each stage (--stats), the findings and the
peak memory; and, for scale, the time of `gslc --check` on one side
alone (the front end, which loading a side cannot beat). The machine may
be shared: besides the wall time, `path` is the processor time on the
critical path (the slower of the two sides, which load at once, then the
rest), what the run takes on two idle cores. The original has no
compatibility reports, so there is nothing to set beside these.
"""
import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def edit(src, dst):
    """Copies corpus src to dst, editing every tenth module: a narrower
    repetition, a renamed attribute, a changed return kind, a new
    method."""
    shutil.copytree(src, dst)
    edits = 0
    for name in sorted(os.listdir(dst)):
        m = re.match(r"mod_(\d+)\.gsl$", name)
        if not m or int(m.group(1)) % 10:
            continue
        path = os.path.join(dst, name)
        with open(path) as f:
            text = f.read()
        for old, new in (("...repeat: 1..2", "...repeat: 1..1"),
                         ("..attr:: raw_", "..attr:: rawer_"),
                         ("...returns: boolean", "...returns: int"),
                         ("..method:: m_opt", "..method:: m_new\n..method:: m_opt")):
            if old in text:
                text = text.replace(old, new, 1)
                edits += 1
        with open(path, "w") as f:
            f.write(text)
    return edits


def run(cmd):
    """Runs cmd: its wall time, its processor time (user and system) and
    its stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode not in (0, 1):
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.stderr


def best(cmd, runs):
    """The best wall time and the best processor time of runs runs, and
    the stderr of the fastest."""
    results = [run(cmd) for _ in range(runs)]
    fastest = min(results, key=lambda r: r[0])
    return fastest[0], min(r[1] for r in results), fastest[2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gslc", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--kinds", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    gen = os.path.join(a.shared, "bench", "gen_corpus.py")
    if not os.path.exists(gen):
        print("bench-compat: %s is absent; nothing to measure" % gen)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        dirs = {}
        for seed in (1, 2):
            dirs[seed] = os.path.join(tmp, "seed%d" % seed)
            subprocess.run([sys.executable, gen, "--kinds", str(a.kinds), "--seed", str(seed),
                            "--out", dirs[seed]], check=True)
        edited = os.path.join(tmp, "edited")
        nedits = edit(dirs[1], edited)
        size = sum(os.path.getsize(os.path.join(dirs[1], f)) for f in os.listdir(dirs[1]))
        print("gslc compat on the %d-kind synthetic corpus (%.1f MB a side; best of %d runs,"
              " %d cores, load average %.1f)" % (a.kinds, size / 1e6, a.runs, os.cpu_count(),
                                                os.getloadavg()[0]))
        print("  %-20s %8s %8s %8s   %s" % ("", "wall", "cpu", "path",
                                          "stages of the fastest run"))
        cases = [("identical", dirs[1], dirs[1]),
                 ("seed 1, %d edits" % nedits, dirs[1], edited),
                 ("seed 1 -> seed 2", dirs[1], dirs[2])]
        for label, old, new in cases:
            wall, cpu, err = best([a.gslc, "compat", "--stats", old, new], a.runs)
            stats = err.strip().splitlines()[-1]
            m = re.search(r"cpu: load ([0-9.]+) s and ([0-9.]+) s, then ([0-9.]+) s", stats)
            path = max(float(m.group(1)), float(m.group(2))) + float(m.group(3))
            print("  %-20s %6.3f s %6.3f s %6.3f s   %s" % (label, wall, cpu, path, stats))
        files = [os.path.join(dirs[1], f) for f in sorted(os.listdir(dirs[1]))
                 if f.endswith(".gsl")]
        wall, cpu, _ = best([a.gslc, "--check"] + files, a.runs)
        print("  %-20s %6.3f s %6.3f s %8s   (the front end on one side, for scale)" % (
            "gslc --check", wall, cpu, ""))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print("  peak memory of a run: %.0f MB" % (peak / 1024))
    return 0


if __name__ == "__main__":
    sys.exit(main())
