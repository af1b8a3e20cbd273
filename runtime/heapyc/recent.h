/* recent.h: a small direct-mapped table of objects met recently, each
   with a note. Walks ask it before asking a nodeset: most references go
   to a few objects (types, interned strings, small ints) or to objects
   met just before, and the table answers for them at the cost of one
   memory access. An object's entry may be overwritten by another's; the
   table only ever forgets, so whoever fills it must keep what a note
   says true for as long as the table is used. */
#ifndef HEAPYC_RECENT_H
#define HEAPYC_RECENT_H

#include <Python.h>
#include <stdint.h>

#define RECENT_BITS 12

struct recent {
    PyObject *obj[1 << RECENT_BITS];          /* borrowed, or NULL */
    unsigned char note[1 << RECENT_BITS];     /* what is known of obj[i] */
};

static inline size_t
recent_slot(const PyObject *obj)
{
    uint64_t h = (uint64_t)(uintptr_t)obj * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> (64 - RECENT_BITS));
}

/* The note of obj, or 0 when the table does not know obj. */
static inline int
recent_note(const struct recent *r, const PyObject *obj)
{
    size_t i = recent_slot(obj);
    return r->obj[i] == obj ? r->note[i] : 0;
}

/* Note obj with note (not 0). */
static inline void
recent_set(struct recent *r, PyObject *obj, int note)
{
    size_t i = recent_slot(obj);
    r->obj[i] = obj;
    r->note[i] = (unsigned char)note;
}

#endif
