/* module.c: the setsc extension module: its documentation and the
   initialisation that publishes the set types, the constructors and the
   C-level export tables. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyDoc_STRVAR(module_doc,
"Sets of integers (bitsets) and sets of objects by identity (nodesets).");

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "setsc",
    .m_doc = module_doc,
    .m_size = -1,
};

PyMODINIT_FUNC PyInit_setsc(void);

/* Returns a new reference to the module, or NULL with an exception set.
   The interpreter names it after the package it is imported from
   ("heapy.setsc", or "guppy.sets.setsc" when it stands in for the
   original). */
PyMODINIT_FUNC
PyInit_setsc(void)
{
    return PyModule_Create(&module_def);
}
