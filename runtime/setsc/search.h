/* search.h: finding a key in a sorted array of words, the lookup behind
   membership in every kind of set. */
#ifndef SETSC_SEARCH_H
#define SETSC_SEARCH_H

#include <Python.h>

/* What a lookup found, for the next one to try first: sets are often
   probed in order, and then the next answer is the same. Keys in (low,
   high] have their answer at index at. */
struct search_hint {
    Py_ssize_t at;
    Py_uintptr_t low, high;   /* as search.c compares them */
};

/* A hint that holds nothing. */
#define SEARCH_HINT_NONE ((struct search_hint){0, (Py_uintptr_t)-1, 0})

/* The index of the first of n entries whose key is at or above key. The
   entries lie stride bytes apart from base, each beginning with its key
   word, in ascending order of key, compared as signed numbers if
   is_signed, else as unsigned. hint (may be NULL) holds what a lookup in
   the same array found, and gets what this one finds. */
Py_ssize_t search_sorted(const void *base, size_t stride, Py_ssize_t n,
                         Py_uintptr_t key, int is_signed,
                         struct search_hint *hint);

#endif /* SETSC_SEARCH_H */
