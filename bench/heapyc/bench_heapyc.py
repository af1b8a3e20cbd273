#!/usr/bin/env python3
"""Times heapy.heapyc on a heap of a million extra objects, and with
--guppy3 DIR (a built guppy3 checkout) the original's heapyc beside it,
each in a process of its own, printing both and their ratios.

Runtime level (the HeapView API, the heap as the shared benchmark builds
it: records of six objects below a module global, about 9 deep):
  heap        hv.heap(), the traversal of the whole interpreter heap
  bytype      cli_type().partition() of the heap
  referrers   update_referrers() of a referrer graph for the whole heap,
              and its sort
  byrcs       cli_rcs() by the class-or-dict-owner classifier over the
              heap, with the dict owners found anew (what .byrcs does)
  shpath      shortest paths to one deep object by shpathstep() steps
  peak        the process's peak resident memory, MB
Heapy level, with --guppy3 and ../shared/bench/heapy_bench.py: that
benchmark on the original's Python layer, once over its own modules and
once over ours (their names made aliases of ours).

Times are the minimum of processor time over --repeats runs in each of
--rounds processes per implementation, the implementations taking turns
(the machines are shared; wall time is printed too). A ratio above 1
means ours is faster (or, for memory, smaller).
"""
import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HEAPY_OPS = ('heap', 'bytype', 'byrcs', 'sp', 'size')
TESTS = os.path.join(HERE, '..', '..', 'tests', 'runtime', 'heapyc')
SHARED_BENCH = os.path.join(HERE, '..', '..', '..', 'shared', 'bench',
                            'heapy_bench.py')


class Rec:
    def __init__(self, d):
        self.d = d


def build(n):
    """About n objects: records of six (an instance, its __dict__, a
    string, a dict, a list, a tuple) in chunk lists of 1000."""
    big = []
    for i in range(max(1, n // 6)):
        if i % 1000 == 0:
            chunk = []
            big.append(chunk)
        s = 'rec-%08d' % i
        t = (i % 100, s)
        chunk.append(Rec({'name': s, 'pair': t, 'items': [t, s]}))
    return big


def modules(which):
    if which == 'ours':
        from heapy import heapyc, setsc, immnodeset, mutnodeset
    else:
        from guppy.heapy import heapyc
        from guppy.sets import setsc, immnodeset, mutnodeset
    return heapyc, setsc, immnodeset, mutnodeset


def timed(fn, repeats):
    """The minimum processor and wall time of fn() over repeats runs."""
    cpu = wall = float('inf')
    for _ in range(repeats):
        gc.collect()
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu = min(cpu, time.process_time() - c)
        wall = min(wall, time.perf_counter() - w)
    return {'cpu': cpu, 'wall': wall}


def child(which, objects, repeats):
    """Run the runtime-level operations; print their figures as JSON."""
    heapyc, setsc, immnodeset, mutnodeset = modules(which)
    global BIG
    BIG = build(objects)
    hv = heapyc.HeapView(heapyc.RootState, (setsc._NyHeapDefs_,))
    tag = hv._hiding_tag_ = []     # the benchmark's own sets are hidden
    hv.limitframe = sys._getframe(1)   # and so are its newer frames
    hv.heap()                      # the types met once, static types found

    def graph():
        ng = heapyc.NodeGraph()
        ng._hiding_tag_ = tag
        return ng
    nodes = immnodeset(hv.heap(), tag)
    ops = {'count': len(nodes)}
    ops['heap'] = timed(lambda: hv.heap(), repeats)
    ops['bytype'] = timed(lambda: hv.cli_type().partition(nodes), repeats)
    rg = graph()

    def referrers():
        rg.clear()
        hv.update_referrers(rg, nodes)
        len(rg)
    ops['referrers'] = timed(referrers, repeats)
    owners = graph()
    clodo = hv.cli_and((hv.cli_type(), hv.cli_dictof(
        owners, hv.cli_type(), immnodeset([[]]), immnodeset([[]]))), {})

    def byrcs():
        owners.clear()
        hv.cli_rcs(rg, clodo, {}).epartition(nodes)
    ops['byrcs'] = timed(byrcs, repeats)
    target = BIG[-1][-1].d['pair']

    def shpath():
        G, U, S = graph(), immnodeset([heapyc.RootState], tag), \
            mutnodeset()
        S._hiding_tag_ = tag
        while U and target not in U:
            S |= U
            U = hv.shpathstep(G, U, S)
        assert target in U
    ops['shpath'] = timed(shpath, repeats)
    ops['peak'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(ops))


def run_child(which, args, env):
    """The figures of the runtime-level child run on which's modules."""
    argv = [sys.executable, os.path.abspath(__file__), '--child', which,
            '--objects', str(args.objects), '--repeats', str(args.repeats)]
    out = subprocess.run(argv, env=env, capture_output=True, text=True)
    if out.returncode:
        sys.exit('%s failed:\n%s' % (which, out.stderr))
    return json.loads(out.stdout.splitlines()[-1])


def best(runs):
    """Per figure, the least over runs (dicts of the same shape)."""
    first = runs[0]
    if not isinstance(first, dict):
        return min(runs)
    return {k: best([r[k] for r in runs]) for k in first}


def rounds(args, runners):
    """Run each of the named runners args.rounds times, taking turns;
    the best figures of each."""
    results = {name: [] for name in runners}
    for _ in range(args.rounds):
        for name, run in runners.items():
            results[name].append(run())
    return {name: best(runs) for name, runs in results.items()}


def ratio(theirs, ours):
    return '%6.2fx' % (theirs / ours) if ours else '     -'


def show(title, rows, ours, theirs):
    print(title)
    head = '%-12s %14s' % ('', 'ours cpu/wall')
    if theirs:
        head += ' %16s %8s' % ('original cpu/wall', 'ratio')
    print(head)
    for name, unit in rows:
        line = '%-12s' % name
        if unit == 'MB':
            line += ' %14.1f' % ours[name]
            if theirs:
                line += ' %16.1f  %s' % (theirs[name],
                                         ratio(theirs[name], ours[name]))
        else:
            o = ours[name]
            line += ' %6.3f /%6.3f' % (o['cpu'], o['wall'])
            if theirs:
                t = theirs[name]
                line += '   %6.3f /%6.3f  %s' % (t['cpu'], t['wall'],
                                                 ratio(t['cpu'], o['cpu']))
        print(line)


def heapy_level(args, stage):
    """The shared benchmark on the original's Python layer, over its
    modules and over ours; their figures as printed by it."""
    sys.path.insert(0, TESTS)
    import guppy3_tree
    skip = ('len,str,count,immnodeset,mutnodeset,union,intersection,'
            'difference,symdiff,mut_ior,contains,immbitset,bit_union,'
            'bit_intersection,bit_difference')
    with tempfile.TemporaryDirectory(prefix='heapyc-bench-') as tmp:
        guppy3_tree.make(args.guppy3, tmp)

        def runner(which, path, env):
            def run():
                out = os.path.join(tmp, which + '.json')
                subprocess.run([sys.executable, SHARED_BENCH, '--objects',
                                str(args.objects), '--repeats',
                                str(args.repeats), '--path', path, '--skip',
                                skip, '--json', out], env=env, check=True,
                               capture_output=True)
                with open(out) as f:
                    res = json.load(f)
                return {'ops': {op: {'cpu_min': res['ops'][op]['cpu_min'],
                                     'min': res['ops'][op]['min']}
                                for op in HEAPY_OPS},
                        'rss_peak_mb': res['rss_peak_mb'],
                        'objects_built': res['objects_built']}
            return run
        results = rounds(args, {
            'ours': runner('ours', tmp, guppy3_tree.environment(stage, tmp)),
            'original': runner('original', args.guppy3, dict(os.environ))})
    ours, theirs = results['ours'], results['original']
    print('\nheapy level (../shared/bench/heapy_bench.py, %d objects built)'
          % ours['objects_built'])
    print('%-12s %14s %16s %8s' % ('', 'ours cpu/wall',
                                   'original cpu/wall', 'ratio'))
    for op in HEAPY_OPS:
        o, t = ours['ops'][op], theirs['ops'][op]
        print('%-12s %6.3f /%6.3f   %6.3f /%6.3f  %s' % (
            op, o['cpu_min'], o['min'], t['cpu_min'], t['min'],
            ratio(t['cpu_min'], o['cpu_min'])))
    print('%-12s %14.1f %16.1f  %s' % (
        'peak MB', ours['rss_peak_mb'], theirs['rss_peak_mb'],
        ratio(theirs['rss_peak_mb'], ours['rss_peak_mb'])))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--objects', type=int, default=1000000)
    ap.add_argument('--repeats', type=int, default=3)
    ap.add_argument('--rounds', type=int, default=2)
    ap.add_argument('--guppy3', default='')
    ap.add_argument('--child', choices=('ours', 'original'))
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.objects, args.repeats)
    from heapy import heapyc
    stage = os.path.dirname(os.path.dirname(heapyc.__file__))
    runners = {'ours': lambda: run_child('ours', args, dict(os.environ))}
    if args.guppy3:
        runners['original'] = lambda: run_child(
            'original', args, dict(os.environ, PYTHONPATH=args.guppy3))
    results = rounds(args, runners)
    ours, theirs = results['ours'], results.get('original')
    show('runtime level (HeapView API, %d objects in the heap)'
         % ours['count'],
         [('heap', 's'), ('bytype', 's'), ('referrers', 's'),
          ('byrcs', 's'), ('shpath', 's'), ('peak', 'MB')],
         ours, theirs)
    if args.guppy3 and os.path.exists(SHARED_BENCH):
        heapy_level(args, stage)


if __name__ == '__main__':
    main()
