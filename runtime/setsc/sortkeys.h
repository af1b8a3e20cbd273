/* sortkeys.h: sorting machine words: turns any collection of addresses
   (nodesets) or bit numbers (bitsets) into ascending order. */
#ifndef SETSC_SORTKEYS_H
#define SETSC_SORTKEYS_H

#include <Python.h>

/* Sort n keys ascending by their value shifted right by shift, as
   unsigned words (keys equal but for their lowest shift bits are left in
   any order), with tmp (room for n keys) as scratch; return whichever of
   keys and tmp holds the result. */
Py_uintptr_t *sortkeys(Py_uintptr_t *keys, Py_uintptr_t *tmp, Py_ssize_t n,
                       int shift);

/* Signed bit numbers sort as unsigned keys with the sign bit flipped. */
#define SORTKEYS_SIGN ((Py_uintptr_t)1 << (8 * sizeof(Py_uintptr_t) - 1))

#endif /* SETSC_SORTKEYS_H */
