"""Speed and memory of heapy.setsc, beside the original's setsc.

Usage: bench_sets.py [--n N] [--repeats R] [--guppy3 DIR]

Times building sets of N elements and combining and probing them, for
nodesets of N objects and for bitsets of N sparse and N dense bits, and
prints milliseconds (the best of R runs, in CPU time of the process, which
other load on a shared machine disturbs less than wall time; the result
is released after the clock stops) and the bytes each built set holds per
element (measured with tracemalloc). With --guppy3 (or GUPPY3 in the
environment) naming a built guppy3 checkout, the original's module runs
the same rows in the same process, each run alternating with ours, and
the last column is its time over ours: above 1 means ours is faster.
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


def run_ms(f):
    """CPU milliseconds of one call of f, its result released after."""
    gc.collect()
    t0 = time.process_time()
    result = f()
    dt = time.process_time() - t0
    del result
    return dt * 1e3


def bytes_per_element(make):
    """Bytes the set built by make() holds, per element."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    s = make()
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return size / max(len(s), 1)


def cases(m, data):
    """(name, function to time, function building a set to weigh or None)
    for module m."""
    L, LB, probes = data['objects'], data['objects_b'], data['probes']
    A, B = m.ImmNodeSet(L), m.ImmNodeSet(LB)
    M = m.MutNodeSet(L)
    out = [
        ('immnodeset build', lambda: m.ImmNodeSet(L), lambda: m.ImmNodeSet(L)),
        ('immnodeset union', lambda: A | B, None),
        ('immnodeset intersection', lambda: A & B, None),
        ('immnodeset difference', lambda: A - B, None),
        ('immnodeset symdiff', lambda: A ^ B, None),
        ('immnodeset membership', lambda: sum(map(A.__contains__, probes)),
         None),
        ('mutnodeset build', lambda: m.MutNodeSet(L), lambda: m.MutNodeSet(L)),
        ('mutnodeset membership', lambda: sum(map(M.__contains__, probes)),
         None),
        ('mutnodeset |= immnodeset', lambda: m.MutNodeSet(A).__ior__(B),
         None),
    ]
    for kind in ('sparse', 'dense'):
        X, Y, P = data[kind]
        S, T = m.immbitset(X), m.immbitset(Y)
        out += [
            ('bitset %s build' % kind, lambda X=X: m.immbitset(X),
             lambda X=X: m.immbitset(X)),
            ('bitset %s union' % kind, lambda S=S, T=T: S | T, None),
            ('bitset %s intersection' % kind, lambda S=S, T=T: S & T, None),
            ('bitset %s difference' % kind, lambda S=S, T=T: S - T, None),
            ('bitset %s membership' % kind,
             lambda S=S, P=P: sum(map(S.__contains__, P)), None),
            ('mutbitset %s build' % kind, lambda X=X: m.MutBitSet(X),
             lambda X=X: m.MutBitSet(X)),
        ]
    n = len(L)
    out.append(('bitset of range(0, 64n, 3)',
                lambda: m.immbitset(range(0, 64 * n, 3)), None))
    return out


def measure(modules, data, repeats):
    """For each case: its name, and per module (milliseconds, bytes per
    element or None); the modules' runs alternate."""
    all_cases = [cases(m, data) for m in modules]
    results = []
    for i, (name, _, _) in enumerate(all_cases[0]):
        best = [None] * len(modules)
        for _ in range(repeats):
            for k, mod_cases in enumerate(all_cases):
                ms = run_ms(mod_cases[i][1])
                best[k] = ms if best[k] is None else min(best[k], ms)
        sizes = [bytes_per_element(c[i][2]) if c[i][2] else None
                 for c in all_cases]
        results.append((name, list(zip(best, sizes))))
    return results


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
    modules = [ours]
    if a.guppy3:
        sys.path.append(a.guppy3)
        from guppy.sets import setsc as theirs
        modules.append(theirs)

    data = make_data(a.n)
    results = measure(modules, data, a.repeats)

    print('setsc benchmark: n = %d, best of %d runs (CPU time), Python %s'
          % (len(data['objects']), a.repeats, sys.version.split()[0]))
    head = '%-30s %10s %8s' % ('operation', 'ours ms', 'B/elt')
    if len(modules) > 1:
        head += ' %12s %8s %9s' % ('original ms', 'B/elt', 'speedup')
    print(head)

    def size(b):
        return '%8.2f' % b if b is not None else '%8s' % '-'
    for name, per_module in results:
        (ms, b) = per_module[0]
        line = '%-30s %10.2f %s' % (name, ms, size(b))
        if len(modules) > 1:
            ms2, b2 = per_module[1]
            line += ' %12.2f %s %8.2fx' % (ms2, size(b2), ms2 / ms)
        print(line)


if __name__ == '__main__':
    main()
