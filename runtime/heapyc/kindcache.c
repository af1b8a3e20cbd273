/* kindcache.c: KindCache, a lookup of memoized set kinds by their
   elements. The referrer classifier makes for each object the set of the
   kinds of its referrers and memoizes it; most objects give a set seen
   before, and the cache finds its memoized kind from the sorted element
   addresses, without making the set. The memo dict stays the authority:
   when its size is not what the cache saw last, someone else changed it
   and the cache starts afresh. */
#include "heapyc.h"

#include <stdint.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *memo;               /* new reference: the memo dict */
    Py_ssize_t memo_size;         /* its size when last seen */
    NyNodeSetObject **slots;      /* new references: immutable nodesets,
                                     open addressing by hash of elements */
    size_t mask;                  /* size - 1, or 0 when unallocated */
    size_t used;
} KindCacheObject;

static uint64_t
hash_kinds(PyObject *const *kinds, Py_ssize_t n)
{
    uint64_t h = (uint64_t)n;
    for (Py_ssize_t i = 0; i < n; i++)
        h = (h ^ (uint64_t)(uintptr_t)kinds[i]) * UINT64_C(0x100000001B3);
    return h ^ (h >> 29);
}

static int
same_elements(const NyNodeSetObject *set, PyObject *const *kinds,
              Py_ssize_t n)
{
    return Py_SIZE(set) == n &&
           memcmp(set->u.nodes, kinds, (size_t)n * sizeof *kinds) == 0;
}

static void
drop_all(KindCacheObject *c)
{
    NyNodeSetObject **slots = c->slots;
    size_t size = slots ? c->mask + 1 : 0;
    c->slots = NULL;
    c->mask = c->used = 0;
    for (size_t i = 0; i < size; i++)
        Py_XDECREF(slots[i]);
    PyMem_Free(slots);
}

/* Forget everything if the memo changed behind the cache's back. */
static void
check_memo(KindCacheObject *c)
{
    if (PyDict_GET_SIZE(c->memo) != c->memo_size) {
        drop_all(c);
        c->memo_size = PyDict_GET_SIZE(c->memo);
    }
}

PyObject *
kindcache_find(PyObject *cache, PyObject *const *kinds, Py_ssize_t n)
{
    KindCacheObject *c = (KindCacheObject *)cache;
    check_memo(c);
    if (!c->slots)
        return NULL;
    for (size_t i = (size_t)hash_kinds(kinds, n) & c->mask; c->slots[i];
         i = (i + 1) & c->mask)
        if (same_elements(c->slots[i], kinds, n))
            return (PyObject *)c->slots[i];
    return NULL;
}

static void
insert(KindCacheObject *c, NyNodeSetObject *set)
{
    size_t i = (size_t)hash_kinds(set->u.nodes, Py_SIZE(set)) & c->mask;
    while (c->slots[i])
        i = (i + 1) & c->mask;
    c->slots[i] = set;
    c->used++;
}

/* Make room for one more entry; 0, or -1 with MemoryError. */
static int
reserve(KindCacheObject *c)
{
    size_t size = c->slots ? c->mask + 1 : 0;
    if ((c->used + 1) * 2 <= size)
        return 0;
    size_t newsize = size ? 2 * size : 64;
    NyNodeSetObject **old = c->slots;
    c->slots = PyMem_Calloc(newsize, sizeof *c->slots);
    if (!c->slots) {
        c->slots = old;
        PyErr_NoMemory();
        return -1;
    }
    c->mask = newsize - 1;
    c->used = 0;
    for (size_t i = 0; i < size; i++)
        if (old[i])
            insert(c, old[i]);
    PyMem_Free(old);
    return 0;
}

int
kindcache_add(PyObject *cache, PyObject *kind)
{
    KindCacheObject *c = (KindCacheObject *)cache;
    /* The caller has just memoized kind: the memo's size is known. */
    c->memo_size = PyDict_GET_SIZE(c->memo);
    if (reserve(c) < 0)
        return -1;
    insert(c, (NyNodeSetObject *)Py_NewRef(kind));
    return 0;
}

PyObject *
kindcache_new(PyObject *memo)
{
    KindCacheObject *c = PyObject_GC_New(KindCacheObject, &NyKindCache_Type);
    if (!c)
        return NULL;
    c->memo = Py_NewRef(memo);
    c->memo_size = PyDict_GET_SIZE(memo);
    c->slots = NULL;
    c->mask = c->used = 0;
    PyObject_GC_Track(c);
    return (PyObject *)c;
}

static int
kindcache_traverse(KindCacheObject *c, visitproc visit, void *arg)
{
    Py_VISIT(c->memo);
    for (size_t i = 0; c->slots && i <= c->mask; i++)
        Py_VISIT(c->slots[i]);
    return 0;
}

static int
kindcache_clear(KindCacheObject *c)
{
    drop_all(c);
    Py_CLEAR(c->memo);
    return 0;
}

static void
kindcache_dealloc(KindCacheObject *c)
{
    PyObject_GC_UnTrack(c);
    kindcache_clear(c);
    PyObject_GC_Del(c);
}

PyTypeObject NyKindCache_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.KindCache",
    .tp_basicsize = sizeof(KindCacheObject),
    .tp_dealloc = (destructor)kindcache_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Memoized set kinds by their elements (internal).",
    .tp_traverse = (traverseproc)kindcache_traverse,
    .tp_clear = (inquiry)kindcache_clear,
};
