/* sortkeys.c: a least-significant-digit radix sort of machine words. It
   sorts only the bits that differ between keys (addresses share their
   high and alignment bits), all digit counts are gathered in one pass, and
   input already in order, or in reverse order, costs one pass. */
#include "sortkeys.h"

#include <stdlib.h>

#define DIGIT_BITS 11
#define BUCKETS (1 << DIGIT_BITS)

/* Below this many keys insertion sort beats counting. */
#define SMALL 48

static void
insertion_sort(Py_uintptr_t *keys, Py_ssize_t n)
{
    for (Py_ssize_t i = 1; i < n; i++) {
        Py_uintptr_t k = keys[i];
        Py_ssize_t j = i;
        for (; j > 0 && keys[j - 1] > k; j--)
            keys[j] = keys[j - 1];
        keys[j] = k;
    }
}

static int
compare_keys(const void *x, const void *y)
{
    Py_uintptr_t a = *(const Py_uintptr_t *)x, b = *(const Py_uintptr_t *)y;
    return (a > b) - (a < b);
}

Py_uintptr_t *
sortkeys(Py_uintptr_t *keys, Py_uintptr_t *tmp, Py_ssize_t n)
{
    if (n < SMALL) {
        insertion_sort(keys, n);
        return keys;
    }
    Py_uintptr_t any = 0, all = ~(Py_uintptr_t)0;
    Py_ssize_t descents = 0, ascents = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        any |= keys[i];
        all &= keys[i];
        descents += i > 0 && keys[i] < keys[i - 1];
        ascents += i > 0 && keys[i] > keys[i - 1];
    }
    if (descents == 0)
        return keys;
    if (ascents == 0) {
        for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
            Py_uintptr_t k = keys[i];
            keys[i] = keys[j];
            keys[j] = k;
        }
        return keys;
    }

    Py_uintptr_t varying = any & ~all;
    int low = __builtin_ctzll((unsigned long long)varying);
    int high = 64 - __builtin_clzll((unsigned long long)varying);
    int passes = (high - low + DIGIT_BITS - 1) / DIGIT_BITS;
    Py_ssize_t *counts = PyMem_Calloc((size_t)passes * BUCKETS,
                                      sizeof *counts);
    if (!counts) {
        qsort(keys, (size_t)n, sizeof *keys, compare_keys);
        return keys;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        for (int p = 0; p < passes; p++)
            counts[p * BUCKETS +
                   ((keys[i] >> (low + p * DIGIT_BITS)) & (BUCKETS - 1))]++;

    Py_uintptr_t *src = keys, *dst = tmp;
    for (int p = 0; p < passes; p++) {
        Py_ssize_t *count = counts + p * BUCKETS;
        int shift = low + p * DIGIT_BITS;
        Py_ssize_t sum = 0;
        int constant = 0;
        for (int d = 0; d < BUCKETS; d++) {
            Py_ssize_t c = count[d];
            constant |= c == n;
            count[d] = sum;
            sum += c;
        }
        if (constant)
            continue;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_uintptr_t k = src[i];
            dst[count[(k >> shift) & (BUCKETS - 1)]++] = k;
        }
        Py_uintptr_t *t = src;
        src = dst;
        dst = t;
    }
    PyMem_Free(counts);
    return src;
}

Py_ssize_t
sortkeys_unique(Py_uintptr_t *keys, Py_ssize_t n)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        keys[k] = keys[i];
        k += k == 0 || keys[i] != keys[k - 1];
    }
    return k;
}
