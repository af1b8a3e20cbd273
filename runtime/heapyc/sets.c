/* sets.c: heapyc's link to heapy.setsc. Nodesets are made and changed
   through the export table that setsc publishes as a capsule, and many
   objects are added at once by the sets' in-place union, so any setsc
   with that table (ours, or Guppy-PE's installed as heapy.setsc) serves. */
#include "heapyc.h"

NyNodeSet_Exports *sets_api;

/* Returns 0, or -1 with an exception set. The table lives as long as the
   setsc module, which the import keeps in sys.modules. */
int
sets_import(void)
{
    if (sets_api)
        return 0;
    sets_api = NyNodeSet_ImportExports();
    return sets_api ? 0 : -1;
}


/* The first room a batch takes. */
#define SETS_BATCH_START 256

static void
release(struct sets_batch *b)
{
    while (b->n > 0)
        Py_DECREF(b->items[--b->n]);
}

int
sets_batch_flush(struct sets_batch *b)
{
    PyObject *list = PyList_New(b->n);
    if (!list) {
        release(b);
        return -1;
    }
    for (Py_ssize_t i = 0; i < b->n; i++)
        PyList_SET_ITEM(list, i, b->items[i]);
    b->n = 0;
    PyObject *r = PyNumber_InPlaceOr((PyObject *)b->ns, list);
    Py_DECREF(list);
    if (!r)
        return -1;
    /* A mutable nodeset's |= gives back the set itself. */
    Py_DECREF(r);
    return 0;
}

int
sets_batch_room(struct sets_batch *b)
{
    if (b->allocated == SETS_BATCH_MAX)
        return sets_batch_flush(b);
    Py_ssize_t more = b->allocated ? 2 * b->allocated : SETS_BATCH_START;
    PyObject **items = PyMem_Realloc(b->items, (size_t)more * sizeof *items);
    if (!items) {
        PyErr_NoMemory();
        return -1;
    }
    b->items = items;
    b->allocated = more;
    return 0;
}

int
sets_batch_end(struct sets_batch *b, int ok)
{
    int r = ok && b->n ? sets_batch_flush(b) : 0;
    release(b);
    PyMem_Free(b->items);
    b->items = NULL;
    b->allocated = 0;
    return ok ? r : -1;
}
