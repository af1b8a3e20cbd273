/* edges.c: the edge arrays of nodegraphs: sorting by (source, target)
   address, removing duplicates, and finding the run of edges from one
   source, helped by an index of every EDGES_STRIDE-th source.

   Sorting is by radix, in place where the array is large: edges are
   distributed by the leading byte of the source address into buckets by
   swaps (an "American flag" sort), the buckets by the next byte, and so
   on, until a bucket fits a scratch array of a thirty-second of the
   whole; there it is sorted by the source with counting passes between
   the bucket and the scratch array, and last the runs of equal sources
   by the target. The largest graphs are sorted with little memory
   beyond their own, and edges that arrive sorted cost one pass. */
#include "heapyc.h"

#include <stdint.h>
#include <string.h>

#define SMALL_RUN 32            /* insertion sort from here down */
#define PREFETCH_AHEAD 8        /* edges ahead: two cache lines */
#define FLAG_BITS 8             /* digits of the in-place passes */
#define COUNT_BITS 11           /* digits of the counting passes */
#define ADDRESS_BITS (8 * sizeof(uintptr_t))
#define MAX_DIGITS (2 * ADDRESS_BITS / FLAG_BITS)

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

static uintptr_t
key(const PyObject *obj)
{
    return (uintptr_t)obj;
}

static int
edge_less(const ng_edge *a, const ng_edge *b)
{
    if (a->src != b->src)
        return key(a->src) < key(b->src);
    return key(a->tgt) < key(b->tgt);
}

static void
insertion_sort(ng_edge *e, Py_ssize_t n)
{
    for (Py_ssize_t i = 1; i < n; i++) {
        ng_edge x = e[i];
        Py_ssize_t j = i;
        for (; j > 0 && edge_less(&x, &e[j - 1]); j--)
            e[j] = e[j - 1];
        e[j] = x;
    }
}

/* The digits of the key of the in-place passes, most significant first:
   which end of the edge (0 source, 1 target) and at which shift. */
struct digits {
    unsigned char end[MAX_DIGITS];
    unsigned char shift[MAX_DIGITS];
    unsigned n;
};

static unsigned
digit_of(const ng_edge *e, const struct digits *dg, unsigned d)
{
    uintptr_t k = key(dg->end[d] ? e->tgt : e->src);
    return (unsigned)(k >> dg->shift[d]) & ((1u << FLAG_BITS) - 1);
}

/* The bits in which some source (ends & 1) or target (ends & 2) of the
   n edges differs from the first edge's. */
static uintptr_t
differing(const ng_edge *e, Py_ssize_t n, int target)
{
    uintptr_t differ = 0;
    for (Py_ssize_t i = 1; i < n; i++)
        differ |= key(target ? e[i].tgt : e[i].src) ^
                  key(target ? e[0].tgt : e[0].src);
    return differ;
}

/* The bytes in which some source, then some target, differ. */
static void
find_digits(const ng_edge *e, Py_ssize_t n, struct digits *dg)
{
    dg->n = 0;
    for (unsigned end = 0; end < 2; end++) {
        uintptr_t differ = differing(e, n, (int)end);
        for (unsigned shift = ADDRESS_BITS; shift > 0;) {
            shift -= FLAG_BITS;
            if ((differ >> shift) & ((1u << FLAG_BITS) - 1)) {
                dg->end[dg->n] = (unsigned char)end;
                dg->shift[dg->n] = (unsigned char)shift;
                dg->n++;
            }
        }
    }
}

/* A stable sort of e[0..n) by source: one counting pass per COUNT_BITS
   digit in which the sources differ, alternating with tmp. */
static void
counting_sort(ng_edge *e, Py_ssize_t n, ng_edge *tmp)
{
    enum { SIZE = 1 << COUNT_BITS };
    uintptr_t differ = differing(e, n, 0);
    ng_edge *from = e, *to = tmp;
    for (unsigned shift = 0; shift < ADDRESS_BITS; shift += COUNT_BITS) {
        if (!((differ >> shift) & (SIZE - 1)))
            continue;
        Py_ssize_t count[SIZE + 1];
        memset(count, 0, sizeof count);
        for (Py_ssize_t i = 0; i < n; i++)
            count[((key(from[i].src) >> shift) & (SIZE - 1)) + 1]++;
        for (unsigned b = 0; b < SIZE; b++)
            count[b + 1] += count[b];
        for (Py_ssize_t i = 0; i < n; i++)
            to[count[(key(from[i].src) >> shift) & (SIZE - 1)]++] = from[i];
        ng_edge *t = from;
        from = to;
        to = t;
    }
    if (from != e)
        memcpy(e, from, (size_t)n * sizeof *e);
}

static void flag_sort(ng_edge *e, Py_ssize_t n, const struct digits *dg,
                      unsigned d, ng_edge *tmp, Py_ssize_t ntmp);

/* Sort by target each run of equal sources that is not in order. */
static void
sort_runs(ng_edge *e, Py_ssize_t n, ng_edge *tmp, Py_ssize_t ntmp)
{
    Py_ssize_t start = 0;
    while (start < n) {
        Py_ssize_t end = start + 1;
        int sorted = 1;
        for (; end < n && e[end].src == e[start].src; end++)
            if (key(e[end].tgt) < key(e[end - 1].tgt))
                sorted = 0;
        if (!sorted) {
            struct digits dg;
            find_digits(e + start, end - start, &dg);
            flag_sort(e + start, end - start, &dg, 0, tmp, ntmp);
        }
        start = end;
    }
}

/* Sort e[0..n), whose edges agree in the digits before d. */
static void
flag_sort(ng_edge *e, Py_ssize_t n, const struct digits *dg, unsigned d,
          ng_edge *tmp, Py_ssize_t ntmp)
{
    enum { SIZE = 1 << FLAG_BITS };
    if (n <= SMALL_RUN || d == dg->n) {
        insertion_sort(e, n);
        return;
    }
    if (n <= ntmp && dg->end[d] == 0) {
        counting_sort(e, n, tmp);
        sort_runs(e, n, tmp, ntmp);
        return;
    }
    Py_ssize_t start[SIZE + 1], next[SIZE];
    memset(start, 0, sizeof start);
    for (Py_ssize_t i = 0; i < n; i++)
        start[digit_of(&e[i], dg, d) + 1]++;
    for (unsigned b = 0; b < SIZE; b++) {
        start[b + 1] += start[b];
        next[b] = start[b];
    }
    /* Move each edge into its bucket, swapping out the edge there; the
       edges a bucket will give next are fetched ahead, as each swap
       depends on the edge the last one took out. */
    for (unsigned b = 0; b < SIZE; b++)
        while (next[b] < start[b + 1]) {
            ng_edge x = e[next[b]];
            unsigned xb = digit_of(&x, dg, d);
            while (xb != b) {
                ng_edge y = e[next[xb]];
                e[next[xb]++] = x;
                if (next[xb] + PREFETCH_AHEAD < start[xb + 1])
                    PREFETCH(&e[next[xb] + PREFETCH_AHEAD]);
                x = y;
                xb = digit_of(&x, dg, d);
            }
            e[next[b]++] = x;
        }
    for (unsigned b = 0; b < SIZE; b++)
        if (start[b + 1] - start[b] > 1)
            flag_sort(e + start[b], start[b + 1] - start[b], dg, d + 1,
                      tmp, ntmp);
}

static int
is_sorted(const ng_edge *e, Py_ssize_t n)
{
    for (Py_ssize_t i = 1; i < n; i++)
        if (edge_less(&e[i], &e[i - 1]))
            return 0;
    return 1;
}

void
edges_sort(ng_edge *e, Py_ssize_t n)
{
    if (is_sorted(e, n))
        return;
    struct digits dg;
    find_digits(e, n, &dg);
    Py_ssize_t ntmp = n / 32 > 4096 ? n / 32 : 4096;
    ng_edge *tmp = PyMem_Malloc((size_t)ntmp * sizeof *tmp);
    flag_sort(e, n, &dg, 0, tmp, tmp ? ntmp : 0);
    PyMem_Free(tmp);
}

Py_ssize_t
edges_dedup(ng_edge *e, Py_ssize_t n)
{
    if (n < 2)
        return n;
    Py_ssize_t kept = 1;
    for (Py_ssize_t i = 1; i < n; i++) {
        if (e[i].src == e[kept - 1].src && e[i].tgt == e[kept - 1].tgt) {
            Py_DECREF(e[i].src);
            Py_DECREF(e[i].tgt);
        } else
            e[kept++] = e[i];
    }
    return kept;
}

/* The first index in [lo, hi) whose source is not below src, given that
   the sources there ascend. */
static Py_ssize_t
lower_bound(const ng_edge *e, Py_ssize_t lo, Py_ssize_t hi, PyObject *src)
{
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (key(e[mid].src) < key(src))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

uintptr_t *
edges_index(const ng_edge *e, Py_ssize_t n)
{
    Py_ssize_t samples = (n + EDGES_STRIDE - 1) / EDGES_STRIDE;
    uintptr_t *index = PyMem_Malloc((size_t)(samples ? samples : 1) *
                                    sizeof *index);
    for (Py_ssize_t k = 0; index && k < samples; k++)
        index[k] = key(e[k * EDGES_STRIDE].src);
    return index;
}

/* The range [*lo, *hi) of e where the first edge from src, or the place
   for it, must be: near the finger when src is close after it (ascending
   searches), else the block the index points to. */
static void
narrow(const ng_edge *e, Py_ssize_t n, const uintptr_t *index, PyObject *src,
       Py_ssize_t finger, Py_ssize_t *lo, Py_ssize_t *hi)
{
    Py_ssize_t ahead = finger + EDGES_STRIDE < n ? finger + EDGES_STRIDE : n;
    *lo = 0;
    *hi = n;
    if (finger < n && key(e[finger].src) <= key(src) &&
        (ahead == n || key(src) <= key(e[ahead].src))) {
        *lo = finger;
        *hi = ahead;
    } else if (index) {
        Py_ssize_t samples = (n + EDGES_STRIDE - 1) / EDGES_STRIDE, a = 0,
                   b = samples;
        while (a < b) {
            Py_ssize_t mid = a + (b - a) / 2;
            if (index[mid] < key(src))
                a = mid + 1;
            else
                b = mid;
        }
        /* Sample a is the first not below src: the answer is after the
           sample before it, and not after sample a. */
        *lo = a ? (a - 1) * EDGES_STRIDE + 1 : 0;
        *hi = a < samples ? a * EDGES_STRIDE : n;
    }
}

Py_ssize_t
edges_find(const ng_edge *e, Py_ssize_t n, const uintptr_t *index,
           PyObject *src, Py_ssize_t finger, Py_ssize_t *end)
{
    Py_ssize_t lo, hi;
    narrow(e, n, index, src, finger, &lo, &hi);
    Py_ssize_t first = lower_bound(e, lo, hi, src);
    Py_ssize_t last = first;
    while (last < n && e[last].src == src)
        last++;
    *end = last;
    return first;
}
