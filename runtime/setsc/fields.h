/* fields.h: algorithms on the representation every set of setsc reduces
   to: an array of bit fields with strictly increasing positions and no
   zero words, so that each set has exactly one representation. */
#ifndef SETSC_FIELDS_H
#define SETSC_FIELDS_H

#include "bits.h"
#include "search.h"

/* The five ways to combine two sets a and b word by word. */
enum setop {
    SETOP_AND,                /* a & b */
    SETOP_OR,                 /* a | b */
    SETOP_XOR,                /* a ^ b */
    SETOP_SUB,                /* a & ~b */
    SETOP_SUBR                /* ~a & b */
};

static inline NyBits
setop_apply(enum setop op, NyBits a, NyBits b)
{
    switch (op) {
    case SETOP_AND: return a & b;
    case SETOP_OR:  return a | b;
    case SETOP_XOR: return a ^ b;
    case SETOP_SUB: return a & ~b;
    case SETOP_SUBR: return ~a & b;
    }
    return 0;
}

/* Results of set operations larger than this many bytes are counted
   before they are allocated: a block allocated at an upper bound and
   shrunk later defeats malloc's reuse of large blocks, so that each
   operation would fault in fresh pages. */
#define COUNT_FIRST_BYTES (64 * 1024)

/* Unused room, in bytes, that a new set may keep rather than be
   reallocated to its size. */
#define RESULT_SLACK 256

/* The most fields op can produce from na and nb fields. */
Py_ssize_t fields_op_bound(enum setop op, Py_ssize_t na, Py_ssize_t nb);

/* The number of fields op gives from a and b. */
Py_ssize_t fields_op_count(enum setop op, const NyBitField *a, Py_ssize_t na,
                           const NyBitField *b, Py_ssize_t nb);

/* Combine a and b by op into out, which overlaps neither, and return the
   number of fields written. out needs room for one field more than are
   written (fields_op_count() + 1), or for fields_op_bound(). */
Py_ssize_t fields_op(enum setop op, const NyBitField *a, Py_ssize_t na,
                     const NyBitField *b, Py_ssize_t nb, NyBitField *out);

/* Whether combining a and b by op gives any bit, without building it. */
int fields_op_any(enum setop op, const NyBitField *a, Py_ssize_t na,
                  const NyBitField *b, Py_ssize_t nb);

/* Call changed(pos, added, removed, arg) for each position where the
   words of before and after differ. */
void fields_diff(const NyBitField *before, Py_ssize_t nbefore,
                 const NyBitField *after, Py_ssize_t nafter,
                 void (*changed)(NyBit pos, NyBits added, NyBits removed,
                                 void *arg),
                 void *arg);

/* The index of the first field at or after position pos; hint (may be
   NULL) is as for search_sorted() (search.h). */
Py_ssize_t fields_search(const NyBitField *f, Py_ssize_t n, NyBit pos,
                         struct search_hint *hint);

/* The number of bits in the fields. */
Py_ssize_t fields_count(const NyBitField *f, Py_ssize_t n);

/* Fill out (room for n fields) from n ascending bit numbers, repeats
   allowed; return the number of fields. */
Py_ssize_t fields_from_bits(const NyBit *bits, Py_ssize_t n,
                            NyBitField *out);

/* Sort n fields of any order, positions possibly repeated or out of
   range and words possibly zero, into the canonical form in place (words
   out of range are dropped); return the new count. */
Py_ssize_t fields_normalize(NyBitField *f, Py_ssize_t n);

#endif /* SETSC_FIELDS_H */
