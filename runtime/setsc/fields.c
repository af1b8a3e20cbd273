/* fields.c: merging, testing, counting and building sorted arrays of bit
   fields. The merges are branch-free in their inner loop, so their speed
   does not depend on how the two inputs interleave. */
#include "fields.h"

#include <string.h>

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

Py_ssize_t
fields_op_bound(enum setop op, Py_ssize_t na, Py_ssize_t nb)
{
    switch (op) {
    case SETOP_AND: return na < nb ? na : nb;
    case SETOP_SUB: return na;
    case SETOP_SUBR: return nb;
    case SETOP_OR:
    case SETOP_XOR: break;
    }
    return na + nb;
}

/* The merge, written once; each call site passes a constant op so the
   compiler makes one loop per operation. */
static ALWAYS_INLINE Py_ssize_t
merge(enum setop op, const NyBitField *a, Py_ssize_t na,
      const NyBitField *b, Py_ssize_t nb, NyBitField *out)
{
    Py_ssize_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        NyBit pa = a[i].pos, pb = b[j].pos;
        int ina = pa <= pb, inb = pb <= pa;
        NyBits w = setop_apply(op, ina ? a[i].bits : 0, inb ? b[j].bits : 0);
        out[k].pos = ina ? pa : pb;
        out[k].bits = w;
        k += w != 0;
        i += ina;
        j += inb;
    }
    /* What is left of one side meets only zero words of the other. */
    if (i < na && setop_apply(op, 1, 0)) {
        memcpy(out + k, a + i, (size_t)(na - i) * sizeof *a);
        k += na - i;
    }
    if (j < nb && setop_apply(op, 0, 1)) {
        memcpy(out + k, b + j, (size_t)(nb - j) * sizeof *b);
        k += nb - j;
    }
    return k;
}

/* Intersection when b is much longer than a: look each field of a up in
   b by galloping, so the cost follows the short side. */
static Py_ssize_t
and_gallop(const NyBitField *a, Py_ssize_t na,
           const NyBitField *b, Py_ssize_t nb, NyBitField *out)
{
    Py_ssize_t k = 0, j = 0;
    for (Py_ssize_t i = 0; i < na && j < nb; i++) {
        NyBit pos = a[i].pos;
        Py_ssize_t step = 1, hi = j;
        while (hi < nb && b[hi].pos < pos) {
            j = hi + 1;
            hi += step;
            step *= 2;
        }
        if (hi > nb)
            hi = nb;
        j += fields_search(b + j, hi - j, pos);
        if (j < nb && b[j].pos == pos) {
            NyBits w = a[i].bits & b[j].bits;
            out[k].pos = pos;
            out[k].bits = w;
            k += w != 0;
        }
    }
    return k;
}

Py_ssize_t
fields_op(enum setop op, const NyBitField *a, Py_ssize_t na,
          const NyBitField *b, Py_ssize_t nb, NyBitField *out)
{
    switch (op) {
    case SETOP_AND:
        if (na * 16 < nb)
            return and_gallop(a, na, b, nb, out);
        if (nb * 16 < na)
            return and_gallop(b, nb, a, na, out);
        return merge(SETOP_AND, a, na, b, nb, out);
    case SETOP_OR: return merge(SETOP_OR, a, na, b, nb, out);
    case SETOP_XOR: return merge(SETOP_XOR, a, na, b, nb, out);
    case SETOP_SUB: return merge(SETOP_SUB, a, na, b, nb, out);
    case SETOP_SUBR: return merge(SETOP_SUB, b, nb, a, na, out);
    }
    return 0;
}

int
fields_op_any(enum setop op, const NyBitField *a, Py_ssize_t na,
              const NyBitField *b, Py_ssize_t nb)
{
    Py_ssize_t i = 0, j = 0;
    while (i < na && j < nb) {
        NyBit pa = a[i].pos, pb = b[j].pos;
        int ina = pa <= pb, inb = pb <= pa;
        if (setop_apply(op, ina ? a[i].bits : 0, inb ? b[j].bits : 0))
            return 1;
        i += ina;
        j += inb;
    }
    return (i < na && setop_apply(op, 1, 0)) ||
           (j < nb && setop_apply(op, 0, 1));
}

void
fields_diff(const NyBitField *before, Py_ssize_t nbefore,
            const NyBitField *after, Py_ssize_t nafter,
            void (*changed)(NyBit, NyBits, NyBits, void *), void *arg)
{
    Py_ssize_t i = 0, j = 0;
    while (i < nbefore || j < nafter) {
        NyBit pos;
        NyBits was = 0, is = 0;
        if (j == nafter || (i < nbefore && before[i].pos < after[j].pos)) {
            pos = before[i].pos;
            was = before[i++].bits;
        } else if (i == nbefore || after[j].pos < before[i].pos) {
            pos = after[j].pos;
            is = after[j++].bits;
        } else {
            pos = before[i].pos;
            was = before[i++].bits;
            is = after[j++].bits;
        }
        if (was != is)
            changed(pos, is & ~was, was & ~is, arg);
    }
}

Py_ssize_t
fields_search(const NyBitField *f, Py_ssize_t n, NyBit pos)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (f[mid].pos < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

Py_ssize_t
fields_count(const NyBitField *f, Py_ssize_t n)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        count += bits_count(f[i].bits);
    return count;
}

Py_ssize_t
fields_from_bits(const NyBit *bits, Py_ssize_t n, NyBitField *out)
{
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        NyBit pos = bit_pos(bits[i]);
        if (k == 0 || out[k - 1].pos != pos) {
            out[k].pos = pos;
            out[k++].bits = 0;
        }
        out[k - 1].bits |= bit_mask(bits[i]);
    }
    return k;
}

static int
compare_pos(const void *x, const void *y)
{
    NyBit a = ((const NyBitField *)x)->pos, b = ((const NyBitField *)y)->pos;
    return (a > b) - (a < b);
}

Py_ssize_t
fields_normalize(NyBitField *f, Py_ssize_t n)
{
    Py_ssize_t k = 0;
    int sorted = 1;
    for (Py_ssize_t i = 1; i < n && sorted; i++)
        sorted = f[i - 1].pos < f[i].pos;
    if (!sorted)
        qsort(f, (size_t)n, sizeof *f, compare_pos);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (f[i].pos < NyPos_MIN || f[i].pos > NyPos_MAX)
            continue;         /* no bit number reaches that word */
        if (k > 0 && f[k - 1].pos == f[i].pos)
            f[k - 1].bits |= f[i].bits;
        else
            f[k++] = f[i];
        if (f[k - 1].bits == 0)
            k--;
    }
    return k;
}
