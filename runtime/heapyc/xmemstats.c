/* xmemstats.c: heapyc.xmemstats(), the memory statistics the allocators
   can print: CPython's object allocator (sys._debugmallocstats), the C
   library's malloc, and the total reference count of a debug build. They
   go to stderr. */
#include "heapyc.h"

#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

static void
header(const char *title)
{
    fprintf(stderr, "======================================================"
                    "================\n%s\n\n", title);
}

PyObject *
hc_xmemstats(PyObject *module, PyObject *unused)
{
    (void)module;
    (void)unused;
    PyObject *stats = PySys_GetObject("_debugmallocstats"); /* borrowed */
    if (stats) {
        header("Output from sys._debugmallocstats()");
        PyObject *r = PyObject_CallNoArgs(stats);
        if (!r)
            return NULL;
        Py_DECREF(r);
    }
#ifdef __GLIBC__
    header("Output from malloc_stats");
    malloc_stats();
#endif
#ifdef Py_REF_DEBUG
    header("Other statistics");
    fprintf(stderr, "Total reference count              =         %12zd\n",
            _Py_GetRefTotal());
#endif
    fprintf(stderr, "======================================================"
                    "================\n");
    Py_RETURN_NONE;
}
