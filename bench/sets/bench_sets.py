"""Speed and memory of heapy.setsc, beside the original's setsc.

Usage: bench_sets.py [--n N] [--repeats R] [--guppy3 DIR]

Times (the best of R runs) building sets of N elements and combining and
probing them, for nodesets of N objects and for bitsets of N sparse and
N dense bits, and prints milliseconds and the bytes each set holds per
element (measured with tracemalloc). With --guppy3 (or GUPPY3 in the
environment) naming a built guppy3 checkout, the original's module runs
the same rows in the same process, and the last column is its time over
ours: above 1 means ours is faster.
"""
import argparse
import gc
import os
import random
import sys
import time
import tracemalloc


class Record:
    def __init__(self, d):
        self.d = d


def make_objects(n):
    """n objects as a program makes them: records of six objects each (an
    instance, its __dict__, a str, a dict, a list and a tuple)."""
    objects = []
    for i in range(n // 6):
        s = 'rec-%08d' % i
        t = (i % 100, s)
        l = [t, s]
        d = {'name': s, 'pair': t, 'items': l}
        r = Record(d)
        objects += [r, r.__dict__, s, d, l, t]
    return objects


def best_ms(f, repeats):
    best = None
    for _ in range(repeats):
        gc.collect()
        t0 = time.perf_counter()
        f()
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    return best * 1e3


def bytes_per_element(make):
    """Bytes the set built by make() holds, per element."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    s = make()
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return size / max(len(s), 1)


def rows(m, data, repeats):
    """(name, milliseconds, bytes per element or None) for module m."""
    L, LB, probes = data['objects'], data['objects_b'], data['probes']
    out = []

    def row(name, f, make=None):
        out.append((name, best_ms(f, repeats),
                    bytes_per_element(make) if make else None))

    row('immnodeset build', lambda: m.ImmNodeSet(L), lambda: m.ImmNodeSet(L))
    A, B = m.ImmNodeSet(L), m.ImmNodeSet(LB)
    row('immnodeset union', lambda: A | B)
    row('immnodeset intersection', lambda: A & B)
    row('immnodeset difference', lambda: A - B)
    row('immnodeset symdiff', lambda: A ^ B)
    row('immnodeset membership', lambda: sum(map(A.__contains__, probes)))
    row('mutnodeset build', lambda: m.MutNodeSet(L), lambda: m.MutNodeSet(L))
    M = m.MutNodeSet(L)
    row('mutnodeset membership', lambda: sum(map(M.__contains__, probes)))
    row('mutnodeset |= immnodeset', lambda: m.MutNodeSet(A).__ior__(B))
    del A, B, M
    for kind in ('sparse', 'dense'):
        X, Y, P = data[kind]
        row('bitset %s build' % kind, lambda: m.immbitset(X),
            lambda: m.immbitset(X))
        S, T = m.immbitset(X), m.immbitset(Y)
        row('bitset %s union' % kind, lambda: S | T)
        row('bitset %s intersection' % kind, lambda: S & T)
        row('bitset %s difference' % kind, lambda: S - T)
        row('bitset %s membership' % kind, lambda: sum(map(S.__contains__, P)))
        row('mutbitset %s build' % kind, lambda: m.MutBitSet(X),
            lambda: m.MutBitSet(X))
    n = len(L)
    row('bitset of range(0, 64n, 3)', lambda: m.immbitset(range(0, 64 * n, 3)))
    return out


def make_data(n, seed=1):
    rng = random.Random(seed)
    objects = make_objects(n)
    extra = [object() for _ in range(n // 2)]
    probes = objects[::2] + extra
    rng.shuffle(probes)
    data = {'objects': objects, 'objects_b': objects[n // 2:] + extra,
            'probes': probes, 'extra': extra}
    sparse = rng.sample(range(2 ** 40), n)
    sparse_b = sparse[n // 2:] + rng.sample(range(2 ** 40), n // 2)
    dense = rng.sample(range(2 * n), n)
    dense_b = rng.sample(range(n, 3 * n), n)
    data['sparse'] = (sparse, sparse_b, sparse[::2] + sparse_b[::2])
    data['dense'] = (dense, dense_b, list(range(0, 2 * n, 2)))
    return data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=1000000)
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--guppy3', default=os.environ.get('GUPPY3') or None)
    a = ap.parse_args()

    from heapy import setsc as ours
    modules = [('ours', ours)]
    if a.guppy3:
        sys.path.append(a.guppy3)
        from guppy.sets import setsc as theirs
        modules.append(('original', theirs))

    data = make_data(a.n)
    results = [rows(m, data, a.repeats) for _, m in modules]

    print('setsc benchmark: n = %d, best of %d runs, Python %s'
          % (len(data['objects']), a.repeats, sys.version.split()[0]))
    head = '%-30s %10s %8s' % ('operation', 'ours ms', 'B/elt')
    if len(modules) > 1:
        head += ' %12s %8s %9s' % ('original ms', 'B/elt', 'speedup')
    print(head)

    def size(b):
        return '%8.2f' % b if b is not None else '%8s' % '-'
    for i, (name, ms, b) in enumerate(results[0]):
        line = '%-30s %10.2f %s' % (name, ms, size(b))
        if len(modules) > 1:
            _, ms2, b2 = results[1][i]
            line += ' %12.2f %s %8.2fx' % (ms2, size(b2), ms2 / ms)
        print(line)


if __name__ == '__main__':
    main()
