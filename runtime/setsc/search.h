/* search.h: finding a key in a sorted array of words, the lookup behind
   membership in every kind of set. */
#ifndef SETSC_SEARCH_H
#define SETSC_SEARCH_H

#include <Python.h>

/* The index of the first of n entries whose key is at or above key. The
   entries lie stride bytes apart from base, each beginning with its key
   word, in ascending order of key, compared as signed numbers if
   is_signed, else as unsigned. */
Py_ssize_t search_sorted(const void *base, size_t stride, Py_ssize_t n,
                         Py_uintptr_t key, int is_signed);

#endif /* SETSC_SEARCH_H */
