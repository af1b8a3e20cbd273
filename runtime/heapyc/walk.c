/* walk.c: the walks over the heap graph behind HeapView.heap, reachable,
   reachable_x and relimg, and the iteration over a view's objects. Each
   walk collects objects in a nodeset, keeps a stack of those still to be
   traversed, and removes at the end the objects found hidden. */
#include "heapyc.h"
#include "recent.h"

#include <string.h>

/* How often, in objects traversed, a walk looks for KeyboardInterrupt. */
#define SIGNAL_CHECK_MASK 0xFFFF

/* The note of an object in the walk's table of recent objects. */
#define SEEN 1

struct walk {
    NyHeapViewObject *hv;
    struct recent recent;         /* SEEN: obj is in seen */
    NyNodeSetObject *seen;        /* new reference: the result */
    NyNodeSetObject *avoid;       /* borrowed, or NULL */
    struct stack todo;            /* borrowed: all are in seen */
    struct stack hidden;          /* borrowed: in seen, removed at the end */
    NyNodeSetObject *statics;     /* borrowed: where static types go, or
                                     NULL when they are known already */
};

/* Start a walk of hv with an empty result; 0, or -1 with an exception. */
static int
walk_init(struct walk *w, NyHeapViewObject *hv, NyNodeSetObject *avoid)
{
    memset(w, 0, sizeof *w);
    w->hv = hv;
    w->avoid = avoid;
    w->seen = hv_new_set(hv);
    return w->seen ? 0 : -1;
}

/* Add obj to the result: 1 if it was there, 0 if added, -1 on error.
   Objects stay in the result during the walk, which holds them. */
static int
add_seen(struct walk *w, PyObject *obj)
{
    if (recent_note(&w->recent, obj) == SEEN)
        return 1;
    int r = sets_add(w->seen, obj);
    if (r >= 0)
        recent_set(&w->recent, obj, SEEN);
    return r;
}

/* Note obj, just added to the result, as hidden if it is. */
static int
note_if_hidden(struct walk *w, struct hv_typeinfo *ti, PyObject *obj)
{
    if (hv_is_hidden_as(w->hv, ti, obj))
        return stack_push(&w->hidden, obj);
    return 0;
}

/* Traverse each object on the stack with visit until none is left;
   0, or -1 with an exception set. */
static int
walk_run(struct walk *w, visitproc visit)
{
    size_t count = 0;
    while (w->todo.len) {
        PyObject *obj = stack_pop(&w->todo);
        if ((++count & SIGNAL_CHECK_MASK) == 0 && PyErr_CheckSignals() < 0)
            return -1;
        if (hv_traverse(w->hv, obj, visit, w) < 0)
            return -1;
    }
    return 0;
}

/* End the walk: on success, a new reference to the result without the
   hidden objects; on failure (ok == 0) NULL. */
static PyObject *
walk_finish(struct walk *w, int ok)
{
    while (ok && w->hidden.len)
        if (sets_remove(w->seen, stack_pop(&w->hidden)) < 0)
            ok = 0;
    stack_free(&w->todo);
    stack_free(&w->hidden);
    if (!ok)
        Py_CLEAR(w->seen);
    return (PyObject *)w->seen;
}

/* heap(): hidden objects are neither traversed nor kept, except RootState,
   hidden but the way in to everything else. */
static int
heap_visit(PyObject *obj, void *arg)
{
    struct walk *w = arg;
    int r = add_seen(w, obj);
    if (r != 0)
        return r < 0 ? -1 : 0;
    struct hv_typeinfo *ti = hv_typeinfo(w->hv, Py_TYPE(obj));
    if (!ti)
        return -1;
    if (hv_is_hidden_as(w->hv, ti, obj)) {
        if (stack_push(&w->hidden, obj) < 0)
            return -1;
        if (Py_TYPE(obj) != &NyRootState_Type)
            return 0;
    }
    if (w->statics && PyType_Check(obj) &&
        !(((PyTypeObject *)obj)->tp_flags & Py_TPFLAGS_HEAPTYPE) &&
        sets_add(w->statics, obj) < 0)
        return -1;
    return stack_push(&w->todo, obj);
}

PyObject *
hv_heap(NyHeapViewObject *hv, PyObject *unused)
{
    (void)unused;
    struct walk w;
    if (walk_init(&w, hv, NULL) < 0)
        return NULL;
    Py_ssize_t nstatics = PyObject_Length(hv->static_types);
    if (nstatics < 0)
        return walk_finish(&w, 0);
    if (nstatics == 0)
        w.statics = (NyNodeSetObject *)hv->static_types;
    int ok = heap_visit(hv->root, &w) == 0 && walk_run(&w, heap_visit) == 0;
    return walk_finish(&w, ok);
}

/* reachable(): objects in avoid are neither kept nor traversed. */
static int
reach_visit(PyObject *obj, void *arg)
{
    struct walk *w = arg;
    int r = sets_has(w->avoid, obj);
    if (r == 0)
        r = add_seen(w, obj);
    if (r != 0)
        return r < 0 ? -1 : 0;
    struct hv_typeinfo *ti = hv_typeinfo(w->hv, Py_TYPE(obj));
    if (!ti || note_if_hidden(w, ti, obj) < 0)
        return -1;
    return stack_push(&w->todo, obj);
}

/* reachable_x(): objects in avoid are kept but not traversed. */
static int
reach_x_visit(PyObject *obj, void *arg)
{
    struct walk *w = arg;
    int r = add_seen(w, obj);
    if (r != 0)
        return r < 0 ? -1 : 0;
    struct hv_typeinfo *ti = hv_typeinfo(w->hv, Py_TYPE(obj));
    if (!ti || note_if_hidden(w, ti, obj) < 0)
        return -1;
    r = sets_has(w->avoid, obj);
    if (r != 0)
        return r < 0 ? -1 : 0;
    return stack_push(&w->todo, obj);
}

/* The reachable objects from start, with visit deciding about avoid. */
static PyObject *
reachable(NyHeapViewObject *hv, PyObject *args, PyObject *kw,
          const char *format, visitproc visit)
{
    static char kw_start[] = "start", kw_avoid[] = "avoid";
    static char *kwlist[] = {kw_start, kw_avoid, NULL};
    PyObject *start, *avoid;
    if (!PyArg_ParseTupleAndKeywords(args, kw, format, kwlist,
                                     sets_api->type, &start,
                                     sets_api->type, &avoid))
        return NULL;
    struct walk w;
    if (walk_init(&w, hv, (NyNodeSetObject *)avoid) < 0)
        return NULL;
    int ok = sets_iterate((NyNodeSetObject *)start, visit, &w) == 0 &&
             walk_run(&w, visit) == 0;
    return walk_finish(&w, ok);
}

PyObject *
hv_reachable(NyHeapViewObject *hv, PyObject *args, PyObject *kw)
{
    return reachable(hv, args, kw, "O!O!:reachable", reach_visit);
}

PyObject *
hv_reachable_x(NyHeapViewObject *hv, PyObject *args, PyObject *kw)
{
    return reachable(hv, args, kw, "O!O!:reachable_x", reach_x_visit);
}

/* relimg(): the referents of the objects of S. */
static int
img_visit(PyObject *obj, void *arg)
{
    struct walk *w = arg;
    int r = add_seen(w, obj);
    if (r != 0)
        return r < 0 ? -1 : 0;
    struct hv_typeinfo *ti = hv_typeinfo(w->hv, Py_TYPE(obj));
    return ti ? note_if_hidden(w, ti, obj) : -1;
}

static int
img_traverse(PyObject *obj, void *arg)
{
    struct walk *w = arg;
    return hv_traverse(w->hv, obj, img_visit, w) < 0 ? -1 : 0;
}

PyObject *
hv_relimg(NyHeapViewObject *hv, PyObject *S)
{
    struct walk w;
    if (walk_init(&w, hv, NULL) < 0)
        return NULL;
    return walk_finish(&w, iterable_iterate(S, img_traverse, &w) == 0);
}

/* Iteration over a view: each object reachable from the root is visited
   once; objects that have one reference can be reached only once, so
   only the others are remembered. The stack owns its references, as the
   objects visited but not remembered have no other owner here. */
struct iteration {
    NyHeapViewObject *hv;
    NyNodeSetObject *seen;        /* new reference */
    struct stack todo;            /* new references */
    int (*visit)(PyObject *, void *);
    void *arg;
    int stopped;                  /* a visit returned 1 */
};

static int
iteration_visit(PyObject *obj, void *arg)
{
    struct iteration *it = arg;
    if (Py_REFCNT(obj) > 1) {
        int r = sets_add(it->seen, obj);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    int r = it->visit(obj, it->arg);
    if (r == 1)
        it->stopped = 1;
    if (r != 0)
        return -1;
    return stack_push(&it->todo, Py_NewRef(obj));
}

int
hv_iterate(NyHeapViewObject *hv, int (*visit)(PyObject *, void *), void *arg)
{
    struct iteration it = {.hv = hv, .todo = STACK_INIT, .visit = visit,
                           .arg = arg};
    if (!(it.seen = hv_new_set(hv)))
        return -1;
    int r = iteration_visit(hv->root, &it);
    while (r == 0 && it.todo.len) {
        PyObject *obj = stack_pop(&it.todo);
        r = hv_traverse(hv, obj, iteration_visit, &it) < 0 ? -1 : 0;
        Py_DECREF(obj);
    }
    stack_free_refs(&it.todo);
    Py_DECREF(it.seen);
    return it.stopped ? 0 : r;
}
