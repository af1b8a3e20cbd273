/* std_sequence.c: lists, tuples, sets and frozensets. Lists and tuples
   refer to their items by index; a set refers to its elements, related
   by their position in iteration order. */
#include "heapyc.h"

/* Report each of the n items that is r->tgt by its index. */
static int
relate_items(NyHeapRelate *r, PyObject *const *items, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] != r->tgt)
            continue;
        PyObject *index = PyLong_FromSsize_t(i);
        if (!index)
            return -1;
        if (r->visit(NYHR_INDEXVAL, index, r))
            return 1;
    }
    return 0;
}

static int
list_relate(NyHeapRelate *r)
{
    return relate_items(r, ((PyListObject *)r->src)->ob_item,
                        PyList_GET_SIZE(r->src));
}

static int
tuple_relate(NyHeapRelate *r)
{
    return relate_items(r, ((PyTupleObject *)r->src)->ob_item,
                        PyTuple_GET_SIZE(r->src));
}

static int
set_relate(NyHeapRelate *r)
{
    Py_ssize_t pos = 0, index = 0;
    PyObject *key;
    Py_hash_t hash;
    while (_PySet_NextEntry(r->src, &pos, &key, &hash)) {
        if (key == r->tgt) {
            PyObject *relator = PyLong_FromSsize_t(index);
            if (!relator)
                return -1;
            return r->visit(NYHR_INSET, relator, r) ? 1 : 0;
        }
        index++;
    }
    return 0;
}

const NyHeapDef std_sequence_defs[] = {
    {.type = &PyList_Type, .relate = list_relate},
    {.type = &PyTuple_Type, .relate = tuple_relate},
    {.type = &PySet_Type, .relate = set_relate},
    {.type = &PyFrozenSet_Type, .relate = set_relate},
    {0},
};
