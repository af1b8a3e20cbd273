/* classifier.c: ObjectClassifier, what the cli_* methods of a heap view
   make. A classifier maps each object to a kind; what kinds are, and how
   they are compared and memoized, is up to the kind of classifier (a
   struct cli_def); its state is a tuple, or the view itself. This file
   holds what all classifiers share: classify, partition, epartition and
   select over a collection of objects. */
#include "heapyc.h"

#include <stdarg.h>
#include <structmember.h>
#include <string.h>

PyObject *
cli_new(const struct cli_def *def, PyObject *self)
{
    NyObjectClassifierObject *cli = PyObject_GC_New(NyObjectClassifierObject,
                                                    &NyObjectClassifier_Type);
    if (!cli)
        return NULL;
    cli->def = def;
    cli->self = Py_NewRef(self);
    PyObject_GC_Track(cli);
    return (PyObject *)cli;
}

PyObject *
cli_new_packed(const struct cli_def *def, Py_ssize_t n, ...)
{
    PyObject *state = PyTuple_New(n);
    if (!state)
        return NULL;
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(state, i, Py_NewRef(va_arg(va, PyObject *)));
    va_end(va);
    PyObject *cli = cli_new(def, state);
    Py_DECREF(state);
    return cli;
}

PyObject *
cli_memoized_kind(NyObjectClassifierObject *cli, PyObject *kind)
{
    if (cli->def->memoized_kind)
        return cli->def->memoized_kind(cli->self, kind);
    return Py_NewRef(kind);
}

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};

int
cli_cmp_from_string(PyObject *cmp)
{
    if (!PyUnicode_Check(cmp)) {
        PyErr_SetString(PyExc_TypeError, "Compare argument must be a string.");
        return -1;
    }
    const char *s = PyUnicode_AsUTF8(cmp);
    if (!s)
        return -1;
    for (int i = 0; i < (int)(sizeof cmp_names / sizeof *cmp_names); i++)
        if (strcmp(s, cmp_names[i]) == 0)
            return i;
    PyErr_SetString(PyExc_ValueError,
                    "Compare argument must be one of < <= == != > >=");
    return -1;
}

int
cli_check_cmp(const NyObjectClassifierObject *cli, int cmp)
{
    if (cmp != CLI_EQ && cmp != CLI_NE && !cli->def->le) {
        PyErr_SetString(PyExc_ValueError,
                        "This classifier supports only equality selection.");
        return -1;
    }
    return 0;
}

int
cli_compare(NyObjectClassifierObject *cli, PyObject *a, PyObject *b, int cmp)
{
    switch (cmp) {
    case CLI_EQ:
        return a == b;
    case CLI_NE:
        return a != b;
    case CLI_LT:
        return a != b && cli->def->le(cli->self, a, b);
    case CLI_LE:
        return cli->def->le(cli->self, a, b);
    case CLI_GT:
        return a != b && cli->def->le(cli->self, b, a);
    case CLI_GE:
        return cli->def->le(cli->self, b, a);
    default:
        PyErr_SetString(PyExc_ValueError, "Invalid cmp argument");
        return -1;
    }
}

int
cli_le_by_value(PyObject *self, PyObject *a, PyObject *b)
{
    (void)self;
    return PyObject_RichCompareBool(a, b, Py_LE);
}

static PyObject *
cli_classify_method(NyObjectClassifierObject *cli, PyObject *obj)
{
    return cli_classify(cli, obj);
}

struct partition {
    NyObjectClassifierObject *cli;
    PyObject *map;                /* kind -> list of objects */
    NyNodeGraphObject *edges;     /* kind -> object */
};

static int
partition_visit(PyObject *obj, void *arg)
{
    struct partition *p = arg;
    PyObject *kind = cli_classify(p->cli, obj);
    if (!kind)
        return -1;
    PyObject *list = PyDict_GetItemWithError(p->map, kind);
    int r = -1;
    if (list)
        r = PyList_Append(list, obj);
    else if (!PyErr_Occurred() && (list = PyList_New(1))) {
        PyList_SET_ITEM(list, 0, Py_NewRef(obj));
        r = PyDict_SetItem(p->map, kind, list);
        Py_DECREF(list);
    }
    Py_DECREF(kind);
    return r;
}

static PyObject *
cli_partition(NyObjectClassifierObject *cli, PyObject *args)
{
    PyObject *X;
    if (!PyArg_ParseTuple(args, "O:partition", &X))
        return NULL;
    struct partition p = {cli, PyDict_New(), NULL};
    if (p.map && iterable_iterate(X, partition_visit, &p) < 0)
        Py_CLEAR(p.map);
    return p.map;
}

static int
epartition_visit(PyObject *obj, void *arg)
{
    struct partition *p = arg;
    PyObject *kind = cli_classify(p->cli, obj);
    if (!kind)
        return -1;
    int r = ng_add_edge(p->edges, kind, obj);
    Py_DECREF(kind);
    return r;
}

static PyObject *
cli_epartition(NyObjectClassifierObject *cli, PyObject *X)
{
    struct partition p = {cli, NULL, ng_new()};
    if (p.edges && iterable_iterate(X, epartition_visit, &p) < 0)
        Py_CLEAR(p.edges);
    return (PyObject *)p.edges;
}

struct selection {
    NyObjectClassifierObject *cli;
    PyObject *kind;               /* memoized */
    int cmp;
    PyObject *result;             /* list */
};

static int
select_visit(PyObject *obj, void *arg)
{
    struct selection *s = arg;
    PyObject *kind = cli_classify(s->cli, obj);
    if (!kind)
        return -1;
    int r = cli_compare(s->cli, kind, s->kind, s->cmp);
    Py_DECREF(kind);
    if (r > 0)
        r = PyList_Append(s->result, obj);
    return r;
}

static PyObject *
cli_select(NyObjectClassifierObject *cli, PyObject *args)
{
    PyObject *X, *kind, *cmp;
    if (!PyArg_ParseTuple(args, "OOO:select", &X, &kind, &cmp))
        return NULL;
    struct selection s = {cli, NULL, cli_cmp_from_string(cmp), NULL};
    if (s.cmp < 0 || cli_check_cmp(cli, s.cmp) < 0)
        return NULL;
    if (!(s.kind = cli_memoized_kind(cli, kind)))
        return NULL;
    if ((s.result = PyList_New(0)) &&
        iterable_iterate(X, select_visit, &s) < 0)
        Py_CLEAR(s.result);
    Py_DECREF(s.kind);
    return s.result;
}

static int
cli_traverse(NyObjectClassifierObject *cli, visitproc visit, void *arg)
{
    Py_VISIT(cli->self);
    return 0;
}

static int
cli_clear(NyObjectClassifierObject *cli)
{
    Py_CLEAR(cli->self);
    return 0;
}

static void
cli_dealloc(NyObjectClassifierObject *cli)
{
    PyObject_GC_UnTrack(cli);
    Py_TRASHCAN_BEGIN(cli, cli_dealloc)
    cli_clear(cli);
    PyObject_GC_Del(cli);
    Py_TRASHCAN_END
}

static PyMethodDef cli_methods[] = {
    {"classify", (PyCFunction)cli_classify_method, METH_O,
     "C.classify(object) -> kind\n\nThe kind of object."},
    {"partition", (PyCFunction)cli_partition, METH_VARARGS,
     "C.partition(X:iterable) -> dict\n\n"
     "A dict from each kind of the objects of X to the list of those\n"
     "objects of that kind."},
    {"epartition", (PyCFunction)cli_epartition, METH_O,
     "C.epartition(X:iterable) -> NodeGraph\n\n"
     "A nodegraph with an edge from the kind of each object of X to it."},
    {"select", (PyCFunction)cli_select, METH_VARARGS,
     "C.select(X:iterable, kind, cmp:string) -> list\n\n"
     "The objects of X whose kind K satisfies K cmp kind, where cmp is\n"
     "one of < <= == != > >=. The order comparisons are the classifier's\n"
     "own (subtype, size, subset ...); not all classifiers have one."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef cli_members[] = {
    {"self", T_OBJECT, offsetof(NyObjectClassifierObject, self), READONLY,
     "The classifier's state."},
    {NULL, 0, 0, 0, NULL},
};

PyDoc_STRVAR(cli_doc,
"The type of the classifiers that the cli_* methods of HeapView make.\n"
"A classifier gives each object a kind; classify, partition and select\n"
"apply it to one object or to a collection.");

PyTypeObject NyObjectClassifier_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.ObjectClassifier",
    .tp_basicsize = sizeof(NyObjectClassifierObject),
    .tp_dealloc = (destructor)cli_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = cli_doc,
    .tp_traverse = (traverseproc)cli_traverse,
    .tp_clear = (inquiry)cli_clear,
    .tp_methods = cli_methods,
    .tp_members = cli_members,
};
