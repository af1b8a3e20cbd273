/* search.c: lookup in sorted arrays of words. A caller may keep a hint
   of what its last lookup found, which costs nothing to try. Otherwise a large
   array is entered where its key would be if the keys were evenly spread
   between a few fixed knots (whose cache lines every lookup shares, so
   they stay in cache), galloping from there to a bracket of the answer,
   which is then bisected without branches. Addresses and sparse bitsets
   are nearly even between knots, so a lookup touches a few nearby cache
   lines instead of a line per halving; an uneven array costs at most
   about twice a bisection. */
#include "search.h"

#include <string.h>

/* Below this many entries the guess does not pay. */
#define SMALL 64

/* The number of intervals between knots. */
#define KNOTS 32

/* Keys are read as unsigned words; signed ones with the sign flipped,
   which keeps their order. */
static inline Py_uintptr_t
key_at(const char *base, size_t stride, Py_ssize_t i, Py_uintptr_t flip)
{
    Py_uintptr_t k;
    memcpy(&k, base + (size_t)i * stride, sizeof k);
    return k ^ flip;
}

/* The first index in [0, n] whose key is at or above key, by halving
   without branches; the two possible next probes are prefetched. */
static Py_ssize_t
bisect(const char *base, size_t stride, Py_ssize_t n, Py_uintptr_t key,
       Py_uintptr_t flip)
{
    Py_ssize_t at = 0;
    if (n == 0)
        return 0;
    while (n > 1) {
        Py_ssize_t half = n / 2, next = (n - half) / 2;
        __builtin_prefetch(base + (size_t)(at + next) * stride);
        __builtin_prefetch(base + (size_t)(at + half + next) * stride);
        at = key_at(base, stride, at + half - 1, flip) < key ? at + half : at;
        n -= half;
    }
    return at + (key_at(base, stride, at, flip) < key);
}

/* The answer, looked for from scratch. */
static Py_ssize_t
search_far(const char *base, size_t stride, Py_ssize_t n, Py_uintptr_t key,
           Py_uintptr_t flip)
{
    if (n < SMALL)
        return bisect(base, stride, n, key, flip);
    if (key <= key_at(base, stride, 0, flip))
        return 0;
    if (key > key_at(base, stride, n - 1, flip))
        return n;
    /* The knots are entries k (n - 1) / KNOTS; find the interval between
       knots whose keys enclose key: low < key <= high. */
    Py_ssize_t klow = 0, khigh = KNOTS;
    while (khigh - klow > 1) {
        Py_ssize_t mid = (klow + khigh) / 2;
        if (key_at(base, stride, mid * (n - 1) / KNOTS, flip) < key)
            klow = mid;
        else
            khigh = mid;
    }
    Py_ssize_t ilow = klow * (n - 1) / KNOTS, ihigh = khigh * (n - 1) / KNOTS;
    Py_uintptr_t low = key_at(base, stride, ilow, flip);
    Py_uintptr_t high = key_at(base, stride, ihigh, flip);
    Py_ssize_t guess = ilow + (Py_ssize_t)((double)(key - low) /
                                           (double)(high - low) *
                                           (double)(ihigh - ilow));
    if (guess <= ilow || guess > ihigh)
        guess = ihigh;
    Py_ssize_t step = 1;
    if (key_at(base, stride, guess, flip) < key) {
        /* The answer is after guess: gallop forwards. */
        Py_ssize_t below = guess, probe = guess + 1;
        while (probe < n && key_at(base, stride, probe, flip) < key) {
            below = probe;
            step *= 2;
            probe = below + step;
        }
        if (probe > n)
            probe = n;
        return below + 1 + bisect(base + (size_t)(below + 1) * stride,
                                  stride, probe - below - 1, key, flip);
    }
    /* The answer is at guess or before: gallop backwards. */
    Py_ssize_t above = guess, probe = guess - 1;
    while (probe >= 0 && key_at(base, stride, probe, flip) >= key) {
        above = probe;
        step *= 2;
        probe = above - step;
    }
    if (probe < 0)
        probe = -1;
    return probe + 1 + bisect(base + (size_t)(probe + 1) * stride, stride,
                              above - probe - 1, key, flip);
}

Py_ssize_t
search_sorted(const void *base, size_t stride, Py_ssize_t n,
              Py_uintptr_t key, int is_signed, struct search_hint *hint)
{
    Py_uintptr_t flip = is_signed ? (Py_uintptr_t)1 << (8 * sizeof key - 1)
                                  : 0;
    key ^= flip;
    if (!hint)
        return search_far(base, stride, n, key, flip);
    if (hint->low < key && key <= hint->high)
        return hint->at;
    Py_ssize_t at = search_far(base, stride, n, key, flip);
    /* The entries around the answer are in cache now. */
    hint->at = at;
    hint->low = at > 0 ? key_at(base, stride, at - 1, flip) : (Py_uintptr_t)-1;
    hint->high = at < n ? key_at(base, stride, at, flip) : (Py_uintptr_t)-1;
    return at;
}
