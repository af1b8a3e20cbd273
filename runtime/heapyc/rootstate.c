/* rootstate.c: RootState, the object a heap view starts from to reach
   everything the interpreter holds. It has no references of its own; a
   view traversing it visits the roots of the interpreter (roots.c) and
   the newest frame of each thread, relates them by names of the form

       i<interpreter>_<field>            e.g. i0_modules
       i<interpreter>_t<thread>_<field>  e.g. i0_t140371_dict
       i<interpreter>_t<thread>_f<n>     frame n, counted from the oldest

   and getattr(RootState, name) returns the object so named (None for an
   empty field). */
#include "heapyc.h"

#include <errno.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

/* Frames ------------------------------------------------------------------ */

/* A new reference to the list of the frames from top (may be NULL) back
   to the oldest, or NULL with an exception set. */
static PyObject *
frame_chain(PyObject *top)
{
    PyObject *chain = PyList_New(0);
    PyFrameObject *f = (PyFrameObject *)Py_XNewRef(top);
    while (f && chain) {
        if (PyList_Append(chain, (PyObject *)f) < 0)
            Py_CLEAR(chain);
        PyFrameObject *back = PyFrame_GetBack(f);
        Py_DECREF(f);
        f = back;
    }
    Py_XDECREF(f);
    return chain;
}

/* The number, counted from the oldest, of the frame target in the chain
   from top; -1 when it is not there, -2 on error. */
static int
frame_number(PyObject *top, PyObject *target)
{
    PyObject *chain = frame_chain(top);
    if (!chain)
        return -2;
    Py_ssize_t n = PyList_GET_SIZE(chain), number = -1;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyList_GET_ITEM(chain, i) == target)
            number = n - 1 - i;
    Py_DECREF(chain);
    return (int)number;
}

/* A new reference to frame number (from the oldest) of the chain from
   top, or NULL with an exception (AttributeError if there is none). */
static PyObject *
frame_at(PyObject *top, long number)
{
    PyObject *chain = frame_chain(top);
    if (!chain)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(chain);
    PyObject *frame = NULL;
    if (number >= 0 && number < n)
        frame = Py_NewRef(PyList_GET_ITEM(chain, n - 1 - number));
    else
        PyErr_Format(PyExc_AttributeError,
                     "thread state has no frame numbered %ld from bottom",
                     number);
    Py_DECREF(chain);
    return frame;
}

/* Traversal and relation (heap definition) -------------------------------- */

/* The frame the walk starts from in thread t: the view's limit frame in
   the calling thread, no frame elsewhere when there is a limit frame, and
   otherwise the thread's newest frame. */
static PyObject *
start_frame(const NyHeapViewObject *hv, const struct roots_thread *t)
{
    if (!hv->limitframe)
        return t->frame;
    return t->is_calling ? hv->limitframe : NULL;
}

static int
traverse_roots(NyHeapTraverse *ta, const struct roots *r)
{
    const NyHeapViewObject *hv = (const NyHeapViewObject *)ta->hv;
    if (hv->is_hiding_calling_interpreter)
        return 0;
    for (size_t i = 0; roots_interp_fields[i].name; i++)
        if (roots_interp_fields[i].traversed && r->interp[i]) {
            int v = ta->visit(r->interp[i], ta->arg);
            if (v)
                return v;
        }
    for (size_t k = 0; k < r->nthreads; k++) {
        const struct roots_thread *t = &r->threads[k];
        PyObject *frame = start_frame(hv, t);
        int v = frame ? ta->visit(frame, ta->arg) : 0;
        for (size_t i = 0; !v && roots_thread_fields[i].name; i++)
            if (t->fields[i])
                v = ta->visit(t->fields[i], ta->arg);
        if (v)
            return v;
    }
    return 0;
}

int
rootstate_heapdef_traverse(NyHeapTraverse *ta)
{
    struct roots r;
    if (roots_snapshot(&r) < 0)
        return -1;
    int result = traverse_roots(ta, &r);
    roots_release(&r);
    return result;
}

/* Report r->tgt == obj under the name made from format and the rest. */
static int
relate_named(NyHeapRelate *r, PyObject *obj, const char *format, ...)
{
    if (obj != r->tgt)
        return 0;
    va_list va;
    va_start(va, format);
    PyObject *name = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (!name)
        return -1;
    return r->visit(NYHR_ATTRIBUTE, name, r) ? 1 : 0;
}

static int
relate_thread(NyHeapRelate *r, const struct roots *roots,
              const struct roots_thread *t)
{
    const NyHeapViewObject *hv = (const NyHeapViewObject *)r->hv;
    if (hv->limitframe ? (t->is_calling && r->tgt == hv->limitframe)
                       : PyFrame_Check(r->tgt)) {
        int n = frame_number(t->frame, r->tgt);
        if (n == -2)
            return -1;
        if (n >= 0 &&
            relate_named(r, r->tgt, "i%d_t%lu_f%d", roots->isno, t->id, n))
            return 1;
    }
    for (size_t i = 0; roots_thread_fields[i].name; i++) {
        int stop = relate_named(r, t->fields[i], "i%d_t%lu_%s", roots->isno,
                                t->id, roots_thread_fields[i].name);
        if (stop)
            return stop;
    }
    return 0;
}

static int
relate_roots(NyHeapRelate *r, const struct roots *roots)
{
    for (size_t i = 0; roots_interp_fields[i].name; i++) {
        int stop = relate_named(r, roots->interp[i], "i%d_%s", roots->isno,
                                roots_interp_fields[i].name);
        if (stop)
            return stop;
    }
    for (size_t k = 0; k < roots->nthreads; k++) {
        int stop = relate_thread(r, roots, &roots->threads[k]);
        if (stop)
            return stop;
    }
    return 0;
}

int
rootstate_heapdef_relate(NyHeapRelate *r)
{
    struct roots roots;
    if (roots_snapshot(&roots) < 0)
        return -1;
    int result = relate_roots(r, &roots);
    roots_release(&roots);
    return result;
}

/* Attributes by name ------------------------------------------------------ */

/* Parse an unsigned decimal at *s followed by '_' (or the end, when
   at_end); advance *s past it. 1 if parsed, else 0. */
static int
parse_number(const char **s, unsigned long *value, int at_end)
{
    char *end;
    if (**s < '0' || **s > '9')
        return 0;
    errno = 0;
    *value = strtoul(*s, &end, 10);
    if (errno || (at_end ? *end != '\0' : *end != '_'))
        return 0;
    *s = at_end ? end : end + 1;
    return 1;
}

/* The index of the field named name in fields, or -1. */
static int
field_index(const struct roots_field *fields, const char *name)
{
    for (int i = 0; fields[i].name; i++)
        if (strcmp(fields[i].name, name) == 0)
            return i;
    return -1;
}

/* A new reference to the thread attribute s ("<field>" or "f<n>") of t,
   or NULL with AttributeError. */
static PyObject *
thread_attribute(const struct roots_thread *t, const char *s)
{
    unsigned long n;
    const char *number = s + 1;
    if (s[0] == 'f' && parse_number(&number, &n, 1))
        return frame_at(t->frame, (long)n);
    int i = field_index(roots_thread_fields, s);
    if (i >= 0)
        return Py_NewRef(t->fields[i] ? t->fields[i] : Py_None);
    PyErr_Format(PyExc_AttributeError,
                 "thread state has no attribute '%s'", s);
    return NULL;
}

/* A new reference to the attribute s (following "i<n>_") of the
   interpreter, or NULL with AttributeError. */
static PyObject *
interp_attribute(const struct roots *r, const char *s)
{
    unsigned long tid;
    const char *rest = s + 1;
    if (s[0] == 't' && parse_number(&rest, &tid, 0)) {
        for (size_t k = 0; k < r->nthreads; k++)
            if (r->threads[k].id == tid)
                return thread_attribute(&r->threads[k], rest);
        PyErr_SetString(PyExc_AttributeError, "no such thread state number");
        return NULL;
    }
    int i = field_index(roots_interp_fields, s);
    if (i >= 0)
        return Py_NewRef(r->interp[i] ? r->interp[i] : Py_None);
    PyErr_Format(PyExc_AttributeError,
                 "interpreter state has no attribute '%s'", s);
    return NULL;
}

/* Names "t<thread>_..." without an interpreter number are accepted as
   in Guppy-PE, with a DeprecationWarning. */
static PyObject *
deprecated_thread_name(PyObject *self, const struct roots *r,
                       PyObject *name)
{
    PyObject *full = PyUnicode_FromFormat("i%d_%U", r->isno, name);
    if (!full)
        return NULL;
    PyObject *result = NULL;
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "Getting thread state without an interpreter "
                         "number is deprecated. Use %R instead", full) == 0)
        result = PyObject_GetAttr(self, full);
    Py_DECREF(full);
    return result;
}

static PyObject *
rootstate_getattro(PyObject *self, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (!s)
        return NULL;
    unsigned long n;
    const char *rest = s + 1;
    int is_interp = s[0] == 'i' && parse_number(&rest, &n, 0);
    int is_thread = s[0] == 't' && parse_number(&rest, &n, 0);
    if (!is_interp && !is_thread)
        return PyObject_GenericGetAttr(self, name);
    struct roots r;
    if (roots_snapshot(&r) < 0)
        return NULL;
    PyObject *result;
    if (is_thread)
        result = deprecated_thread_name(self, &r, name);
    else if ((long)n != r.isno) {
        PyErr_SetString(PyExc_AttributeError,
                        "no such interpreter state number");
        result = NULL;
    } else
        result = interp_attribute(&r, rest);
    roots_release(&r);
    return result;
}

/* Append the name made from format and the rest to list; 0 or -1. */
static int
append_name(PyObject *list, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *name = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (!name)
        return -1;
    int result = PyList_Append(list, name);
    Py_DECREF(name);
    return result;
}

static int
list_names(PyObject *list, const struct roots *r)
{
    for (size_t i = 0; roots_interp_fields[i].name; i++)
        if (append_name(list, "i%d_%s", r->isno,
                        roots_interp_fields[i].name) < 0)
            return -1;
    for (size_t k = 0; k < r->nthreads; k++) {
        const struct roots_thread *t = &r->threads[k];
        PyObject *chain = frame_chain(t->frame);
        if (!chain)
            return -1;
        Py_ssize_t frames = PyList_GET_SIZE(chain);
        Py_DECREF(chain);
        for (Py_ssize_t f = 0; f < frames; f++)
            if (append_name(list, "i%d_t%lu_f%zd", r->isno, t->id, f) < 0)
                return -1;
        for (size_t i = 0; roots_thread_fields[i].name; i++)
            if (append_name(list, "i%d_t%lu_%s", r->isno, t->id,
                            roots_thread_fields[i].name) < 0)
                return -1;
    }
    return 0;
}

static PyObject *
rootstate_dir(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    struct roots r;
    PyObject *list = PyList_New(0);
    if (!list)
        return NULL;
    if (roots_snapshot(&r) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    if (list_names(list, &r) < 0)
        Py_CLEAR(list);
    roots_release(&r);
    return list;
}

/* The type and its only instance ------------------------------------------ */

static PyObject *
rootstate_repr(PyObject *self)
{
    (void)self;
    return PyUnicode_FromString("RootState");
}

/* The instance is static: its count never reaches zero unless a
   reference was dropped that was never taken. */
static void
rootstate_dealloc(PyObject *self)
{
    (void)self;
    Py_FatalError("heapyc: RootState deallocated");
}

static PyObject *
rootstate_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    (void)type;
    (void)args;
    (void)kw;
    return Py_NewRef(&hc_RootState);
}

static PyMethodDef rootstate_methods[] = {
    {"__dir__", rootstate_dir, METH_NOARGS,
     "The names of the roots of the interpreter and its threads."},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(rootstate_doc,
"The type of RootState, the root of the heap of the running interpreter.\n"
"\n"
"A view traversing RootState visits the object fields of the interpreter\n"
"state and of the thread states, and the newest frame of each thread (or\n"
"the view's limitframe). They are named, in relations and as attributes,\n"
"i<interpreter>_<field>, i<interpreter>_t<thread>_<field> and\n"
"i<interpreter>_t<thread>_f<frame>, frames counted from the oldest.");

PyTypeObject NyRootState_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "heapy.heapyc.RootStateType",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = rootstate_dealloc,
    .tp_repr = rootstate_repr,
    .tp_getattro = rootstate_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = rootstate_doc,
    .tp_methods = rootstate_methods,
    .tp_new = rootstate_new,
};

PyObject hc_RootState = {
    .ob_refcnt = 1,
    .ob_type = &NyRootState_Type,
};
