/* roots.c: a snapshot of the roots of the running interpreter: the
   object fields of its interpreter state (modules, sys and builtins
   dicts, codec registries, ...) and of each of its thread states, and the
   newest frame of each thread. The interpreter state is internal to
   CPython and its fields change between versions; this file names those
   of 3.11, and is the only one that reads them. */
#include "heapyc.h"

#include <stddef.h>
#include <string.h>

/* Python.h defined this for extensions; the internal headers define it
   anew. */
#undef _PyGC_FINALIZED
#define Py_BUILD_CORE
#include <internal/pycore_interp.h>
#include <internal/pycore_runtime.h>
#undef Py_BUILD_CORE

#if PY_VERSION_HEX < 0x030B0000 || PY_VERSION_HEX >= 0x030C0000
#error "roots.c knows the interpreter state of CPython 3.11 only"
#endif

#define IS_FIELD(member, traversed) \
    {#member, offsetof(PyInterpreterState, member), traversed}

const struct roots_field roots_interp_fields[] = {
    IS_FIELD(modules, 1),
    /* The same modules again, by index: not followed, as it would only
       add a second path of the same length to each module. */
    IS_FIELD(modules_by_index, 0),
    IS_FIELD(importlib, 1),
    IS_FIELD(import_func, 1),
    IS_FIELD(sysdict, 1),
    IS_FIELD(builtins, 1),
    IS_FIELD(codec_search_path, 1),
    IS_FIELD(codec_search_cache, 1),
    IS_FIELD(codec_error_registry, 1),
    IS_FIELD(dict, 1),
    IS_FIELD(builtins_copy, 1),
#ifdef HAVE_FORK
    IS_FIELD(before_forkers, 1),
    IS_FIELD(after_forkers_parent, 1),
    IS_FIELD(after_forkers_child, 1),
#endif
    IS_FIELD(audit_hooks, 1),
    {NULL, 0, 0},
};

#define TS_FIELD(name, member) {name, offsetof(PyThreadState, member), 1}

const struct roots_field roots_thread_fields[] = {
    TS_FIELD("c_profileobj", c_profileobj),
    TS_FIELD("c_traceobj", c_traceobj),
    TS_FIELD("curexc_type", curexc_type),
    TS_FIELD("curexc_value", curexc_value),
    TS_FIELD("curexc_traceback", curexc_traceback),
    TS_FIELD("exc_value", exc_state.exc_value),
    TS_FIELD("dict", dict),
    TS_FIELD("async_exc", async_exc),
    TS_FIELD("async_gen_firstiter", async_gen_firstiter),
    TS_FIELD("async_gen_finalizer", async_gen_finalizer),
    TS_FIELD("context", context),
    {NULL, 0, 0},
};

static size_t
count(const struct roots_field *fields)
{
    size_t n = 0;
    while (fields[n].name)
        n++;
    return n;
}

/* A new reference to the object in the field at offset of the structure
   at base, or NULL. */
static PyObject *
field_ref(const void *base, Py_ssize_t offset)
{
    return Py_XNewRef(*(PyObject *const *)((const char *)base + offset));
}

/* Fill r from the calling interpreter and its threads; the caller holds
   the runtime's head lock. 0, or -1 with MemoryError. */
static int
snapshot_locked(struct roots *r)
{
    PyInterpreterState *self = PyInterpreterState_Get();
    /* Interpreters are listed newest first and numbered from the oldest. */
    int n = 0, position = 0;
    for (PyInterpreterState *is = PyInterpreterState_Head(); is;
         is = PyInterpreterState_Next(is), n++)
        if (is == self)
            position = n;
    r->isno = n - position - 1;
    for (PyThreadState *ts = PyInterpreterState_ThreadHead(self); ts;
         ts = PyThreadState_Next(ts))
        r->nthreads++;
    size_t nis = count(roots_interp_fields);
    size_t nts = count(roots_thread_fields);
    r->interp = PyMem_Calloc(nis, sizeof *r->interp);
    r->threads = PyMem_Calloc(r->nthreads ? r->nthreads : 1,
                              sizeof *r->threads);
    if (!r->interp || !r->threads) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t i = 0; i < nis; i++)
        r->interp[i] = field_ref(self, roots_interp_fields[i].offset);
    PyThreadState *calling = PyThreadState_Get();
    size_t k = 0;
    for (PyThreadState *ts = PyInterpreterState_ThreadHead(self); ts;
         ts = PyThreadState_Next(ts), k++) {
        struct roots_thread *t = &r->threads[k];
        t->id = ts->thread_id;
        t->is_calling = ts == calling;
        t->frame = (PyObject *)PyThreadState_GetFrame(ts);
        t->fields = PyMem_Calloc(nts, sizeof *t->fields);
        if (!t->fields) {
            PyErr_NoMemory();
            return -1;
        }
        for (size_t i = 0; i < nts; i++)
            t->fields[i] = field_ref(ts, roots_thread_fields[i].offset);
    }
    return 0;
}

int
roots_snapshot(struct roots *r)
{
    memset(r, 0, sizeof *r);
    /* No collection while the lock is held: a finalizer it ran could wait
       for a thread that waits for the lock. */
    int gc_was_enabled = PyGC_Disable();
    PyThread_acquire_lock(_PyRuntime.interpreters.mutex, WAIT_LOCK);
    int result = snapshot_locked(r);
    PyThread_release_lock(_PyRuntime.interpreters.mutex);
    if (gc_was_enabled)
        PyGC_Enable();
    if (result < 0)
        roots_release(r);
    return result;
}

void
roots_release(struct roots *r)
{
    size_t nis = count(roots_interp_fields);
    size_t nts = count(roots_thread_fields);
    for (size_t i = 0; r->interp && i < nis; i++)
        Py_XDECREF(r->interp[i]);
    for (size_t k = 0; k < r->nthreads; k++) {
        struct roots_thread *t = &r->threads[k];
        Py_XDECREF(t->frame);
        for (size_t i = 0; t->fields && i < nts; i++)
            Py_XDECREF(t->fields[i]);
        PyMem_Free(t->fields);
    }
    PyMem_Free(r->interp);
    PyMem_Free(r->threads);
    memset(r, 0, sizeof *r);
}
