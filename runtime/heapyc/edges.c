/* edges.c: the edge arrays of nodegraphs: sorting by (source, target)
   address, removing duplicates, and finding the run of edges from one
   source, helped by an index of every EDGES_STRIDE-th source. Sorting is a stable radix sort on the source followed by
   sorting each run of equal sources on the target; edges that arrive
   sorted (the usual case of partitions) cost one pass. */
#include "heapyc.h"

#include <stdint.h>
#include <string.h>

#define SMALL_RUN 16
#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)
#define MAX_DIGITS ((8 * sizeof(uintptr_t) + RADIX_BITS - 1) / RADIX_BITS)

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

static void
swap(ng_edge *a, ng_edge *b)
{
    ng_edge t = *a;
    *a = *b;
    *b = t;
}

static void
sift_down(ng_edge *e, Py_ssize_t root, Py_ssize_t n)
{
    for (;;) {
        Py_ssize_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && edge_less(&e[child], &e[child + 1]))
            child++;
        if (!edge_less(&e[root], &e[child]))
            return;
        swap(&e[root], &e[child]);
        root = child;
    }
}

static void
heap_sort(ng_edge *e, Py_ssize_t n)
{
    for (Py_ssize_t i = n / 2; i-- > 0;)
        sift_down(e, i, n);
    for (Py_ssize_t i = n; i-- > 1;) {
        swap(&e[0], &e[i]);
        sift_down(e, 0, i);
    }
}

/* Quicksort with a median of three, insertion sort for small parts and
   heapsort past the depth limit: in place, O(n log n) always. */
static void
intro_sort(ng_edge *e, Py_ssize_t n, int depth)
{
    while (n > SMALL_RUN) {
        if (depth-- == 0) {
            heap_sort(e, n);
            return;
        }
        ng_edge *mid = e + n / 2, *last = e + n - 1;
        if (edge_less(mid, e))
            swap(mid, e);
        if (edge_less(last, mid)) {
            swap(last, mid);
            if (edge_less(mid, e))
                swap(mid, e);
        }
        ng_edge pivot = *mid;
        Py_ssize_t i = 0, j = n - 1;
        for (;;) {
            while (edge_less(&e[i], &pivot))
                i++;
            while (edge_less(&pivot, &e[j]))
                j--;
            if (i >= j)
                break;
            swap(&e[i++], &e[j--]);
        }
        /* Recurse into the smaller part, loop on the larger. */
        if (j + 1 < n - j - 1) {
            intro_sort(e, j + 1, depth);
            e += j + 1;
            n -= j + 1;
        } else {
            intro_sort(e + j + 1, n - j - 1, depth);
            n = j + 1;
        }
    }
    insertion_sort(e, n);
}

static void
comparison_sort(ng_edge *e, Py_ssize_t n)
{
    int depth = 0;
    for (Py_ssize_t m = n; m > 1; m >>= 1)
        depth += 2;
    intro_sort(e, n, depth);
}

/* Stable sort of e by source, through the scratch array tmp of n edges:
   one counting pass per RADIX_BITS-bit digit of the source addresses,
   skipping the digits all sources share; the counts of every digit are
   taken in one read, and the passes alternate between the two arrays. */
static void
radix_sort_sources(ng_edge *e, ng_edge *tmp, Py_ssize_t n)
{
    size_t count[MAX_DIGITS][RADIX_SIZE];
    unsigned shifts[MAX_DIGITS], ndigits = 0;
    uintptr_t differ = 0;
    for (Py_ssize_t i = 1; i < n; i++)
        differ |= key(e[i].src) ^ key(e[0].src);
    for (unsigned shift = 0; shift < 8 * sizeof(uintptr_t);
         shift += RADIX_BITS)
        if ((differ >> shift) & (RADIX_SIZE - 1))
            shifts[ndigits++] = shift;
    memset(count, 0, ndigits * sizeof count[0]);
    for (Py_ssize_t i = 0; i < n; i++)
        for (unsigned d = 0; d < ndigits; d++)
            count[d][(key(e[i].src) >> shifts[d]) & (RADIX_SIZE - 1)]++;
    ng_edge *from = e, *to = tmp;
    for (unsigned d = 0; d < ndigits; d++) {
        size_t *c = count[d], sum = 0;
        for (size_t b = 0; b < RADIX_SIZE; b++) {
            size_t here = c[b];
            c[b] = sum;
            sum += here;
        }
        for (Py_ssize_t i = 0; i < n; i++)
            to[c[(key(from[i].src) >> shifts[d]) & (RADIX_SIZE - 1)]++] =
                from[i];
        ng_edge *t = from;
        from = to;
        to = t;
    }
    if (from != e)
        memcpy(e, from, (size_t)n * sizeof *e);
}

/* Sort each run of equal sources on the target, unless it is already. */
static void
sort_runs(ng_edge *e, Py_ssize_t n)
{
    Py_ssize_t start = 0;
    while (start < n) {
        Py_ssize_t end = start + 1, sorted = 1;
        for (; end < n && e[end].src == e[start].src; end++)
            if (key(e[end].tgt) < key(e[end - 1].tgt))
                sorted = 0;
        if (!sorted)
            comparison_sort(e + start, end - start);
        start = end;
    }
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
    ng_edge *tmp = n > 2 * SMALL_RUN ? PyMem_Malloc((size_t)n * sizeof *e)
                                     : NULL;
    if (!tmp) {
        comparison_sort(e, n);
        return;
    }
    radix_sort_sources(e, tmp, n);
    PyMem_Free(tmp);
    sort_runs(e, n);
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
