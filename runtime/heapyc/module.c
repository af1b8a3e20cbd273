/* module.c: the heapyc extension module: its types, RootState and
   xmemstats. Nodesets come from heapy.setsc (sets.c). */
#include "heapyc.h"

PyDoc_STRVAR(module_doc,
"The low-level part of the heap analyser: views of the heap of the\n"
"running interpreter, and what is built on them.\n"
"\n"
"HeapView           a view of the heap: traversal, sizes, relations,\n"
"                   classifiers (cli_* methods), paths, referrers\n"
"ObjectClassifier   what the cli_* methods make\n"
"NodeGraph          a graph of objects by identity\n"
"Horizon            the objects of a moment, to tell new ones\n"
"Relation           one way an object refers to another\n"
"RootStateType      the type of RootState\n"
"RootState          the root of the interpreter's heap\n"
"xmemstats()        print allocator statistics");

static PyMethodDef module_methods[] = {
    {"xmemstats", hc_xmemstats, METH_NOARGS,
     "xmemstats()\n\nPrint the memory statistics of the allocators to "
     "stderr."},
    {NULL, NULL, 0, NULL},
};

/* The types, with the names they are published under (NULL: not). */
static const struct {
    PyTypeObject *type;
    const char *name;
} types[] = {
    {&NyHeapView_Type, "HeapView"},
    {&NyObjectClassifier_Type, "ObjectClassifier"},
    {&NyNodeGraph_Type, "NodeGraph"},
    {&NyNodeGraphIter_Type, NULL},
    {&NyHorizon_Type, "Horizon"},
    {&NyRelation_Type, "Relation"},
    {&NyRootState_Type, "RootStateType"},
    {&NyNodeTuple_Type, NULL},
    {&NyKindCache_Type, NULL},
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "heapyc",
    .m_doc = module_doc,
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit_heapyc(void);

/* Returns a new reference to the module, or NULL with an exception. */
PyMODINIT_FUNC
PyInit_heapyc(void)
{
    if (sets_import() < 0)
        return NULL;
    PyObject *module = PyModule_Create(&module_def);
    if (!module)
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (PyType_Ready(types[i].type) < 0 ||
            (types[i].name &&
             PyModule_AddObjectRef(module, types[i].name,
                                   (PyObject *)types[i].type) < 0))
            goto fail;
    if (PyModule_AddObjectRef(module, "RootState", &hc_RootState) < 0)
        goto fail;
    return module;
fail:
    Py_DECREF(module);
    return NULL;
}
