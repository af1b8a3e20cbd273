/* relation.c: Relation, one way an object refers to another: a kind
   (NYHR_*, heapy/heapdef.h) and a relator (an attribute name, an index,
   a key ...). Relations compare by kind, then by relator. */
#include "heapyc.h"

#include <structmember.h>

static PyObject *
rel_alloc(PyTypeObject *type, int kind, PyObject *relator)
{
    NyRelationObject *rel = (NyRelationObject *)type->tp_alloc(type, 0);
    if (!rel)
        return NULL;
    rel->kind = kind;
    rel->relator = Py_NewRef(relator ? relator : Py_None);
    return (PyObject *)rel;
}

NyRelationObject *
rel_new(int kind, PyObject *relator)
{
    return (NyRelationObject *)rel_alloc(&NyRelation_Type, kind, relator);
}

static PyObject *
rel_tp_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char kw_kind[] = "kind", kw_relator[] = "relator";
    static char *kwlist[] = {kw_kind, kw_relator, NULL};
    int kind;
    PyObject *relator;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iO:Relation", kwlist, &kind,
                                     &relator))
        return NULL;
    if (kind <= 0 || kind >= NYHR_LIMIT) {
        PyErr_Format(PyExc_ValueError,
                     "rel_new: Invalid relation kind: %d, must be > 0 and "
                     "< %d.", kind, NYHR_LIMIT);
        return NULL;
    }
    return rel_alloc(type, kind, relator);
}

static int
rel_traverse(NyRelationObject *rel, visitproc visit, void *arg)
{
    Py_VISIT(rel->relator);
    return 0;
}

static int
rel_clear(NyRelationObject *rel)
{
    Py_CLEAR(rel->relator);
    return 0;
}

static void
rel_dealloc(NyRelationObject *rel)
{
    PyObject_GC_UnTrack(rel);
    Py_TRASHCAN_BEGIN(rel, rel_dealloc)
    rel_clear(rel);
    Py_TYPE(rel)->tp_free((PyObject *)rel);
    Py_TRASHCAN_END
}

static Py_hash_t
rel_hash(NyRelationObject *rel)
{
    Py_hash_t h = PyObject_Hash(rel->relator);
    if (h == -1)
        return -1;
    h ^= rel->kind;
    return h == -1 ? -2 : h;
}

static PyObject *
rel_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!rel_check(v) || !rel_check(w))
        Py_RETURN_NOTIMPLEMENTED;
    const NyRelationObject *a = (NyRelationObject *)v;
    const NyRelationObject *b = (NyRelationObject *)w;
    if (a->kind == b->kind)
        return PyObject_RichCompare(a->relator, b->relator, op);
    Py_RETURN_RICHCOMPARE(a->kind, b->kind, op);
}

static PyMemberDef rel_members[] = {
    {"kind", T_INT, offsetof(NyRelationObject, kind), READONLY,
     "The kind of relation, an int (heapy/heapdef.h NYHR_*)."},
    {"relator", T_OBJECT, offsetof(NyRelationObject, relator), READONLY,
     "What names the reference: attribute name, index, key ..."},
    {NULL, 0, 0, 0, NULL},
};

PyDoc_STRVAR(rel_doc,
"Relation(kind:int, relator)\n"
"\n"
"A way one object refers to another: its kind, 1 (attribute) to 10\n"
"(relator % src), and the relator naming it.");

PyTypeObject NyRelation_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.Relation",
    .tp_basicsize = sizeof(NyRelationObject),
    .tp_dealloc = (destructor)rel_dealloc,
    .tp_hash = (hashfunc)rel_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = rel_doc,
    .tp_traverse = (traverseproc)rel_traverse,
    .tp_clear = (inquiry)rel_clear,
    .tp_richcompare = rel_richcompare,
    .tp_members = rel_members,
    .tp_new = rel_tp_new,
};
