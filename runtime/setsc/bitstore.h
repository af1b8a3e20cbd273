/* bitstore.h: the storage of mutable sets: sorted bit fields kept in a
   sequence of segments, so that adding or removing a field moves at most
   a bounded number of fields however large the set grows. Mutable
   bitsets store their bits here, mutable nodesets their addresses. */
#ifndef SETSC_BITSTORE_H
#define SETSC_BITSTORE_H

#include "fields.h"

/* A segment: a run of fields with free room at both ends. */
struct bitseg {
    NyBitField *mem;          /* the allocation (PyMem) */
    Py_ssize_t cap;           /* fields mem has room for */
    NyBitField *f;            /* the first field in use, within mem */
    Py_ssize_t n;             /* fields in use: f[0] .. f[n - 1] */
};

/* Fields ascend through the segments and no word is zero. A segment is
   empty only when it is the only one; an empty store may have none. */
struct bitstore {
    struct bitseg *segs;      /* the segments in order (PyMem) */
    Py_ssize_t nsegs;
    Py_ssize_t segs_cap;      /* segments segs has room for */
    Py_ssize_t split;         /* inserting or removing a field moves at
                                 most this many others; a segment that
                                 would need more is split in two */
    Py_ssize_t last;          /* the segment found last: lookups try it
                                 first */
    size_t version;           /* changes whenever the contents change */
};

#define BITSTORE_SPLIT 128    /* the default of bitstore.split */

void bitstore_init(struct bitstore *s);

/* Free all memory, leaving s empty. */
void bitstore_clear(struct bitstore *s);

int bitstore_is_empty(const struct bitstore *s);

/* The word at position pos (0 if there is none). */
NyBits bitstore_get(struct bitstore *s, NyBit pos);

/* Combine the word at position pos with bits by op (OR, XOR or SUB),
   storing its previous value in *was. Returns 0, or -1 with MemoryError
   set (s is then unchanged). */
int bitstore_update(struct bitstore *s, enum setop op, NyBit pos,
                    NyBits bits, NyBits *was);

/* Replace the contents by n sorted fields held in mem (PyMem, room for
   cap fields), which s takes over. Returns 0, or -1 with MemoryError set;
   mem is then freed and s unchanged. */
int bitstore_adopt(struct bitstore *s, NyBitField *mem, Py_ssize_t cap,
                   Py_ssize_t n);

/* Replace the contents by a copy of n sorted fields. Returns 0, or -1
   with MemoryError set (s is then unchanged). */
int bitstore_assign(struct bitstore *s, const NyBitField *f, Py_ssize_t n);

/* Called by bitstore_combine for each position whose word changes. */
typedef void (*bitstore_changed)(NyBit pos, NyBits added, NyBits removed,
                                 void *arg);

/* Combine s with n sorted fields by op, reporting each change to changed
   (if not NULL). A few fields are applied word by word;
   many are merged into new storage. f may be s's own fields. Returns 0,
   or -1 with MemoryError set: s is then unchanged, unless it was being
   changed word by word, when it holds the words applied so far. */
int bitstore_combine(struct bitstore *s, enum setop op, const NyBitField *f,
                     Py_ssize_t n, bitstore_changed changed, void *arg);

/* Make the fields available as one array: *f and *n. When s has more than
   one segment they are copied to a new PyMem array, returned in *tmp for
   the caller to free; else *tmp is NULL and *f points into s. Returns 0,
   or -1 with MemoryError set. */
int bitstore_flat(const struct bitstore *s, const NyBitField **f,
                  Py_ssize_t *n, NyBitField **tmp);

/* The number of fields. */
Py_ssize_t bitstore_nfields(const struct bitstore *s);

/* The bytes s has allocated. */
size_t bitstore_memsize(const struct bitstore *s);

/* The first or the last field: returns 1 and sets *f, or 0 if s is
   empty. */
int bitstore_first(const struct bitstore *s, NyBitField *f);
int bitstore_last(const struct bitstore *s, NyBitField *f);

/* A position in an ascending walk over the bits of a store. The walk
   survives changes of the store: it then continues after the last bit
   it returned. */
struct bitcursor {
    NyBit pos;                /* position of the field being walked */
    int from;                 /* its bits below this index are done */
    Py_ssize_t seg, idx;      /* where that field is, while version holds */
    size_t version;           /* the store's version seg and idx are for */
};

void bitcursor_init(struct bitcursor *c, const struct bitstore *s);

/* The next bit: returns 1 and sets *bit, or 0 at the end. */
int bitcursor_next(const struct bitstore *s, struct bitcursor *c,
                   NyBit *bit);

#endif /* SETSC_BITSTORE_H */
