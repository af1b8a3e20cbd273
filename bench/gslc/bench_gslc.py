#!/usr/bin/env python3
"""Times gslc on the synthetic corpus, beside the original when built.

Usage: bench_gslc.py --gslc PATH [--sizes 256,1024,4096] [--repeats 3]
                     [--shared DIR] [--guppy DIR] [--work DIR]

For each size N it generates a corpus with the shared gen_corpus.py
(about 2.5 KB and 96 lines per kind) and times gslc, as a fresh process,
on each driver of the corpus: `check` (gslc --check main.gsl: parse and
resolve everything), `html`, `latex`, `tester` (the three main_*.gsl
drivers) and `all` (main.gsl: every output). It prints the minimum wall
time of the repeats, the throughput over the input bytes the run reads,
and the peak resident memory as a multiple of that input. With --guppy
(a built guppy3 checkout; GUPPY3 in the environment also works) the
original runs the same drivers once each (shared run_gsl.py; its `check`
is its parse-only mode) and the speedup is printed. It also times the
whole shared corpus of real specifications. Figures, not a test: noisy
machines should compare ratios measured in one run.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

DRIVERS = [("check", "main.gsl"), ("html", "main_html.gsl"), ("latex", "main_latex.gsl"),
           ("tester", "main_tester.gsl"), ("all", "main.gsl")]


def run_ours(gslc, cwd, mode, driver, out):
    argv = [gslc, "--check", driver] if mode == "check" else [gslc, "-o", out, driver]
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(gslc, argv)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - t0
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss * 1024


def run_original(shared, guppy, corpus, mode, driver, out):
    argv = [sys.executable, os.path.join(shared, "bench", "run_gsl.py"), "--guppy", guppy,
            "--quiet-check"]
    if mode == "check":
        argv.append("--parse-only")
    argv += [corpus, driver, out]
    p = subprocess.run(argv, capture_output=True, text=True)
    m = re.search(r"TIME ([0-9.]+)", p.stdout)
    return float(m.group(1)) if m and p.returncode == 0 else None


def input_bytes(corpus):
    return sum(os.path.getsize(os.path.join(corpus, n))
               for n in os.listdir(corpus) if n.endswith(".gsl"))


def row(label, t, nbytes, rss, orig):
    rate = nbytes / t / 1e6
    mem = f"{rss / 1e6:7.1f} MB ({rss / nbytes:4.1f}x)"
    text = f"  {label:<8} {t * 1000:9.1f} ms {rate:8.1f} MB/s  {mem}"
    if orig is not None:
        text += f"   original {orig:8.2f} s  speedup {orig / t:8.0f}x"
    print(text, flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gslc", required=True)
    ap.add_argument("--sizes", default="256,1024,4096")
    ap.add_argument("--repeats", type=int, default=3)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "shared"))
    ap.add_argument("--guppy", default=os.environ.get("GUPPY3"))
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    gslc = os.path.abspath(a.gslc)
    gen = os.path.join(a.shared, "bench", "gen_corpus.py")
    if not os.path.exists(gen):
        print(f"no {gen}: the synthetic corpus generator is in ../shared; skipped")
        return 0
    work = a.work or tempfile.mkdtemp(prefix="bench-gslc-")
    print(f"gslc: {gslc}; original: {a.guppy or 'not given (set GUPPY3)'}")
    for size in [int(s) for s in a.sizes.split(",")]:
        corpus = os.path.join(work, f"corpus_{size}")
        if not os.path.isdir(corpus):
            subprocess.run([sys.executable, gen, "--kinds", str(size), "--out", corpus],
                           check=True, capture_output=True)
        nbytes = input_bytes(corpus)
        print(f"{size} kinds, {nbytes / 1e6:.1f} MB of GSL")
        for mode, driver in DRIVERS:
            out = os.path.join(work, f"out_{size}_{mode}")
            os.makedirs(out, exist_ok=True)
            best, rss, ok = None, 0, True
            for _ in range(a.repeats):
                status, t, peak = run_ours(gslc, corpus, mode, driver, out)
                if status != 0:
                    ok = False
                    break
                best = t if best is None else min(best, t)
                rss = max(rss, peak)
            if not ok:
                print(f"  {mode:<8} gslc failed (a format not implemented yet?)")
                continue
            orig = None
            if a.guppy:
                orig = run_original(a.shared, a.guppy, corpus, mode, driver, out + "_orig")
            row(mode, best, nbytes, rss, orig)
    real = os.path.join(a.shared, "guppy3", "specs")
    if os.path.isdir(real):
        out = os.path.join(work, "out_real")
        os.makedirs(out, exist_ok=True)
        files = ["genext.gsl", "docexample.gsl", "gsl.gsl", "index.gsl"]
        best = None
        for _ in range(max(a.repeats, 5)):
            t0 = time.perf_counter()
            p = subprocess.run([gslc, "-o", out] + files, cwd=real, capture_output=True)
            t = time.perf_counter() - t0
            best = t if best is None else min(best, t)
        state = "" if p.returncode == 0 else " (gslc reported errors)"
        print(f"shared corpus (genext, docexample, gsl, index): {best * 1000:.1f} ms{state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
