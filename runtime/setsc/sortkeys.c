/* sortkeys.c: a least-significant-digit radix sort of machine words. It
   sorts only the bits that differ between keys (addresses share their
   high and alignment bits), in as few passes as digits of at most
   MAX_DIGIT bits allow, with all digit counts gathered in one pass; input
   already in order, or in reverse order, costs one pass. */
#include "sortkeys.h"

#include <stdlib.h>

#define MAX_DIGIT 11

/* Below this many keys insertion sort beats counting. */
#define SMALL 48

static void
insertion_sort(Py_uintptr_t *keys, Py_ssize_t n, int shift)
{
    for (Py_ssize_t i = 1; i < n; i++) {
        Py_uintptr_t k = keys[i];
        Py_ssize_t j = i;
        for (; j > 0 && keys[j - 1] >> shift > k >> shift; j--)
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

static void
reverse(Py_uintptr_t *keys, Py_ssize_t n)
{
    for (Py_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        Py_uintptr_t k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
    }
}

Py_uintptr_t *
sortkeys(Py_uintptr_t *keys, Py_uintptr_t *tmp, Py_ssize_t n, int shift)
{
    if (n < SMALL) {
        insertion_sort(keys, n, shift);
        return keys;
    }
    Py_uintptr_t any = keys[0], all = keys[0], prev = keys[0] >> shift;
    Py_ssize_t descents = 0, ascents = 0;
    for (Py_ssize_t i = 1; i < n; i++) {
        Py_uintptr_t k = keys[i] >> shift;
        descents += k < prev;
        ascents += k > prev;
        prev = k;
        any |= keys[i];
        all &= keys[i];
    }
    if (descents == 0)
        return keys;
    if (ascents == 0) {
        reverse(keys, n);
        return keys;
    }

    Py_uintptr_t varying = (any & ~all) >> shift << shift;
    int low = __builtin_ctzll((unsigned long long)varying);
    int high = 64 - __builtin_clzll((unsigned long long)varying);
    int passes = (high - low + MAX_DIGIT - 1) / MAX_DIGIT;
    int width = (high - low + passes - 1) / passes;
    Py_uintptr_t mask = ((Py_uintptr_t)1 << width) - 1;
    Py_ssize_t *counts = PyMem_Calloc((size_t)passes << width,
                                      sizeof *counts);
    if (!counts) {
        qsort(keys, (size_t)n, sizeof *keys, compare_keys);
        return keys;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        for (int p = 0; p < passes; p++)
            counts[((size_t)p << width) +
                   ((keys[i] >> (low + p * width)) & mask)]++;

    Py_uintptr_t *src = keys, *dst = tmp;
    for (int p = 0; p < passes; p++) {
        Py_ssize_t *count = counts + ((size_t)p << width);
        int at = low + p * width;
        Py_ssize_t sum = 0;
        int constant = 0;
        for (Py_uintptr_t d = 0; d <= mask; d++) {
            Py_ssize_t c = count[d];
            constant |= c == n;
            count[d] = sum;
            sum += c;
        }
        if (constant)
            continue;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_uintptr_t k = src[i];
            dst[count[(k >> at) & mask]++] = k;
        }
        Py_uintptr_t *t = src;
        src = dst;
        dst = t;
    }
    PyMem_Free(counts);
    return src;
}
