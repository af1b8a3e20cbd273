/* bits.h: arithmetic on bit numbers and words of bits, shared by every
   bitset and nodeset algorithm of setsc. */
#ifndef SETSC_BITS_H
#define SETSC_BITS_H

#include <Python.h>
#include <heapy/setsc.h>

/* For the small functions a loop is made of, to be specialised for the
   constant arguments of each call site. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

#define NyBit_MAX PY_SSIZE_T_MAX
#define NyBit_MIN PY_SSIZE_T_MIN

/* Word positions of the extreme bit numbers. */
#define NyPos_MAX (NyBit_MAX / NyBits_N)
#define NyPos_MIN (-(NyBit_MAX / NyBits_N) - 1)

/* The word position of bit b: floor(b / NyBits_N). */
static inline NyBit
bit_pos(NyBit b)
{
    return b >= 0 ? b / NyBits_N : -((-(b + 1)) / NyBits_N) - 1;
}

/* The index of bit b within its word, 0 .. NyBits_N - 1. */
static inline int
bit_index(NyBit b)
{
    return (int)((NyBits)b & (NyBits_N - 1));
}

/* The word with only bit b's bit set. */
static inline NyBits
bit_mask(NyBit b)
{
    return (NyBits)1 << bit_index(b);
}

/* The bit number of bit index i of the word at pos. */
static inline NyBit
bit_at(NyBit pos, int i)
{
    return pos * NyBits_N + i;
}

/* The number of bits set in w. */
static inline int
bits_count(NyBits w)
{
    return __builtin_popcountll((unsigned long long)w);
}

/* The index of the lowest bit set in w, which must not be 0. */
static inline int
bits_first(NyBits w)
{
    return __builtin_ctzll((unsigned long long)w);
}

/* The index of the highest bit set in w, which must not be 0. */
static inline int
bits_last(NyBits w)
{
    return 63 - __builtin_clzll((unsigned long long)w);
}

/* The word with the bits of index >= i set (i in 0 .. NyBits_N). */
static inline NyBits
bits_from(int i)
{
    return i >= NyBits_N ? 0 : ~(NyBits)0 << i;
}

#endif /* SETSC_BITS_H */
