/* fields.c: merging, testing, counting and building sorted arrays of bit
   fields. The merges are branch-free in their inner loop, so their speed
   does not depend on how the two inputs interleave. */
#include "fields.h"

#include <string.h>

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

/* Merging two sorted field arrays. Whole blocks of RUN fields are
   first tried as a run of one side, or as the same positions on both
   sides (dense sets), which combine word by word without comparisons;
   interleaved fields are merged without branches. Counting goes from
   both ends at once, which gives the processor two independent chains of
   work. */

#define RUN 16

/* Whether op keeps a word that is only in a, only in b. */
#define KEEPS_A(op) (setop_apply(op, 1, 0) != 0)
#define KEEPS_B(op) (setop_apply(op, 0, 1) != 0)

/* Copy n fields to out[at] unless only counting. */
static inline void
copy(NyBitField *out, Py_ssize_t at, const NyBitField *from, Py_ssize_t n)
{
    if (out)
        memcpy(out + at, from, (size_t)n * sizeof *from);
}

/* Pass a block at the front of a[*i..] and b[*j..], written at out[*k]
   (out NULL: only count): returns whether the next RUN fields of one
   side all come before the other side, or have the same positions on
   both. */
static ALWAYS_INLINE int
front_block(enum setop op, const NyBitField *a, Py_ssize_t *i,
            const NyBitField *b, Py_ssize_t *j, NyBitField *out,
            Py_ssize_t *k)
{
    if (a[*i + RUN - 1].pos < b[*j].pos) {
        if (KEEPS_A(op)) {
            copy(out, *k, a + *i, RUN);
            *k += RUN;
        }
        *i += RUN;
        return 1;
    }
    if (b[*j + RUN - 1].pos < a[*i].pos) {
        if (KEEPS_B(op)) {
            copy(out, *k, b + *j, RUN);
            *k += RUN;
        }
        *j += RUN;
        return 1;
    }
    if (a[*i].pos != b[*j].pos)
        return 0;
    NyBits differ = 0;
    for (int r = 1; r < RUN; r++)
        differ |= (NyBits)(a[*i + r].pos ^ b[*j + r].pos);
    if (differ)
        return 0;
    for (int r = 0; r < RUN; r++) {
        NyBits w = setop_apply(op, a[*i + r].bits, b[*j + r].bits);
        if (out) {
            out[*k].pos = a[*i + r].pos;
            out[*k].bits = w;
        }
        *k += w != 0;
    }
    *i += RUN;
    *j += RUN;
    return 1;
}

/* Count a block at the back of a[..*i] and b[..*j], as front_block. */
static ALWAYS_INLINE int
back_block(enum setop op, const NyBitField *a, Py_ssize_t *i,
           const NyBitField *b, Py_ssize_t *j, Py_ssize_t *k)
{
    if (a[*i - RUN + 1].pos > b[*j].pos) {
        *k += KEEPS_A(op) ? RUN : 0;
        *i -= RUN;
        return 1;
    }
    if (b[*j - RUN + 1].pos > a[*i].pos) {
        *k += KEEPS_B(op) ? RUN : 0;
        *j -= RUN;
        return 1;
    }
    if (a[*i].pos != b[*j].pos)
        return 0;
    NyBits differ = 0;
    for (int r = 1; r < RUN; r++)
        differ |= (NyBits)(a[*i - r].pos ^ b[*j - r].pos);
    if (differ)
        return 0;
    for (int r = 0; r < RUN; r++)
        *k += setop_apply(op, a[*i - r].bits, b[*j - r].bits) != 0;
    *i -= RUN;
    *j -= RUN;
    return 1;
}

/* One branch-free step from the front: the field at the lower position
   of a[*i] and b[*j] is combined and passed; it is written to out[*k]
   and counted unless it is zero. The write happens either way: out needs
   room for one field more than is kept. Both words are loaded and
   masked, so that the compiler has no conditional load to branch on. */
static ALWAYS_INLINE void
front_step(enum setop op, const NyBitField *a, Py_ssize_t *i,
           const NyBitField *b, Py_ssize_t *j, NyBitField *out,
           Py_ssize_t *k)
{
    NyBit pa = a[*i].pos, pb = b[*j].pos;
    int in_a = pa <= pb, in_b = pb <= pa;
    NyBits w = setop_apply(op, a[*i].bits & -(NyBits)in_a,
                           b[*j].bits & -(NyBits)in_b);
    if (out) {
        out[*k].pos = in_a ? pa : pb;
        out[*k].bits = w;
    }
    *k += w != 0;
    *i += in_a;
    *j += in_b;
}

/* One counting step from the back: the higher position. */
static ALWAYS_INLINE void
back_step(enum setop op, const NyBitField *a, Py_ssize_t *i,
          const NyBitField *b, Py_ssize_t *j, Py_ssize_t *k)
{
    NyBit pa = a[*i].pos, pb = b[*j].pos;
    int in_a = pa >= pb, in_b = pb >= pa;
    *k += setop_apply(op, a[*i].bits & -(NyBits)in_a,
                      b[*j].bits & -(NyBits)in_b) != 0;
    *i -= in_a;
    *j -= in_b;
}

#define ELEMENT NyBitField
#include "merge_loops.h"

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
        j += fields_search(b + j, hi - j, pos, NULL);
        if (j < nb && b[j].pos == pos) {
            NyBits w = a[i].bits & b[j].bits;
            if (out && w)
                out[k] = (NyBitField){.pos = pos, .bits = w};
            k += w != 0;
        }
    }
    return k;
}

/* Dispatch on op with constant arguments, so each case gets its loop;
   a much shorter side of an intersection is looked up instead. */
#define DISPATCH(call) \
    switch (op) { \
    case SETOP_AND: \
        if (na * 16 < nb) \
            return and_gallop(a, na, b, nb, out); \
        if (nb * 16 < na) \
            return and_gallop(b, nb, a, na, out); \
        return call(SETOP_AND, a, na, b, nb); \
    case SETOP_OR: return call(SETOP_OR, a, na, b, nb); \
    case SETOP_XOR: return call(SETOP_XOR, a, na, b, nb); \
    case SETOP_SUB: return call(SETOP_SUB, a, na, b, nb); \
    case SETOP_SUBR: return call(SETOP_SUB, b, nb, a, na); \
    } \
    return 0

#define WRITE(op, x, nx, y, ny) merge(op, x, nx, y, ny, out)

Py_ssize_t
fields_op_count(enum setop op, const NyBitField *a, Py_ssize_t na,
                const NyBitField *b, Py_ssize_t nb)
{
    NyBitField *out = NULL;
    DISPATCH(count);
}

Py_ssize_t
fields_op(enum setop op, const NyBitField *a, Py_ssize_t na,
          const NyBitField *b, Py_ssize_t nb, NyBitField *out)
{
    DISPATCH(WRITE);
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
fields_search(const NyBitField *f, Py_ssize_t n, NyBit pos,
              struct search_hint *hint)
{
    return search_sorted(f, sizeof *f, n, (Py_uintptr_t)pos, 1, hint);
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
