/* cpy_object.c: what precedes an object in memory in CPython 3.11: the
   GC header of objects the collector tracks and, before it, the two
   pointers of a lazily made __dict__. The layout is internal and changes
   between versions; this file is the only one that knows it. */
#include "heapyc.h"

/* Python.h defined these for extensions; the internal headers define
   them anew. */
#undef _PyGC_FINALIZED
#undef _PyObject_LookupSpecial
#define Py_BUILD_CORE
#include <internal/pycore_object.h>
#undef Py_BUILD_CORE

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "cpy_object.c knows the object headers of CPython 3.11 only"
#endif

size_t
cpy_gc_header_size(void)
{
    return sizeof(PyGC_Head);
}

size_t
cpy_preheader_size(PyTypeObject *type)
{
    return _PyType_PreHeaderSize(type);
}
