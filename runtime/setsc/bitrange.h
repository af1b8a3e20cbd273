/* bitrange.h: the fields of an arithmetic progression of bits, built
   word by word without visiting its elements one at a time. */
#ifndef SETSC_BITRANGE_H
#define SETSC_BITRANGE_H

#include "bits.h"

/* The progression is first, first + step, ..., count bits in all, every
   one of them a valid NyBit; step >= 1. */

/* The number of fields it occupies. */
Py_ssize_t bitrange_nfields(NyBit first, Py_ssize_t count, size_t step);

/* Write its fields to out (room for bitrange_nfields()). */
void bitrange_fill(NyBit first, Py_ssize_t count, size_t step,
                   NyBitField *out);

/* Its fields in a new PyMem array *f of *n fields. Returns 0, or -1 with
   MemoryError set. */
int bitrange_fields(NyBit first, Py_ssize_t count, size_t step,
                    NyBitField **f, Py_ssize_t *n);

/* immbitrange([start,] stop[, step]): a new reference to the immutable
   bitset of range(start, stop, step); NULL with an exception set. */
PyObject *bitrange_function(PyObject *module, PyObject *args);

#endif /* SETSC_BITRANGE_H */
