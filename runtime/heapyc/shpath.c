/* shpath.c: HeapView.shpathstep, one step of the breadth-first search
   behind shortest paths: from the frontier U, find the objects not yet
   seen (not in S), record each edge found to them, reversed, in G, and
   return them as the next frontier. */
#include "heapyc.h"
#include "recent.h"

#include <string.h>

/* Notes in the step's table of recent objects. */
enum { IN_S = 1, IN_V = 2 };

struct step {
    NyHeapViewObject *hv;
    NyNodeGraphObject *G;         /* edges found, target -> source */
    NyNodeSetObject *U, *S, *V;   /* frontier, seen, new frontier */
    NyNodeGraphObject *avoid;     /* edges not to follow, or NULL */
    int find_one;                 /* one edge into each new object */
    PyObject *u;                  /* the frontier object traversed */
    Py_ssize_t avoid_lo, avoid_hi; /* the edges from u in avoid */
    struct recent recent;         /* objects in S or in V: the sets hold
                                     them, and neither loses any */
};

static int
avoided(const struct step *s, PyObject *v)
{
    for (Py_ssize_t i = s->avoid_lo; i < s->avoid_hi; i++)
        if (s->avoid->edges[i].tgt == v)
            return 1;
    return 0;
}

static int
step_visit(PyObject *v, void *arg)
{
    struct step *s = arg;
    if (avoided(s, v))
        return 0;
    int r = recent_note(&s->recent, v);
    if (r == IN_S)
        return 0;
    if (r == 0) {
        if ((r = sets_has(s->S, v)) != 0) {
            if (r > 0)
                recent_set(&s->recent, v, IN_S);
            return r < 0 ? -1 : 0;
        }
        if ((r = sets_add(s->V, v)) < 0)
            return -1;
        recent_set(&s->recent, v, IN_V);
        if (r == 0)
            return ng_add_edge(s->G, v, s->u);
    }
    return s->find_one ? 0 : ng_add_edge(s->G, v, s->u);
}

/* Traverse u, a frontier object, unless it is part of the search. */
static int
step_from(PyObject *u, void *arg)
{
    struct step *s = arg;
    if (u == (PyObject *)s->hv || u == (PyObject *)s->S ||
        u == (PyObject *)s->V || u == (PyObject *)s->G ||
        u == (PyObject *)s->avoid || u == (PyObject *)s->U)
        return 0;
    s->u = u;
    s->avoid_lo = s->avoid_hi = 0;
    if (s->avoid) {
        ng_edge *lo, *hi;
        ng_region(s->avoid, u, &lo, &hi);
        s->avoid_lo = lo - s->avoid->edges;
        s->avoid_hi = hi - s->avoid->edges;
    }
    return hv_traverse(s->hv, u, step_visit, s) < 0 ? -1 : 0;
}

PyObject *
hv_shpathstep(NyHeapViewObject *hv, PyObject *args, PyObject *kw)
{
    static char kw_G[] = "G", kw_U[] = "U", kw_S[] = "S",
                kw_avoid[] = "AvoidEdges", kw_find_one[] = "find_one";
    static char *kwlist[] = {kw_G, kw_U, kw_S, kw_avoid, kw_find_one, NULL};
    struct step s;
    memset(&s, 0, sizeof s);
    s.hv = hv;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!O!|O!i:shpathstep",
                                     kwlist, &NyNodeGraph_Type, &s.G,
                                     sets_api->type, &s.U, sets_api->type,
                                     &s.S, &NyNodeGraph_Type, &s.avoid,
                                     &s.find_one))
        return NULL;
    if (s.avoid && s.avoid->used == 0)
        s.avoid = NULL;
    if (!(s.V = hv_new_set(hv)))
        return NULL;
    if (sets_iterate(s.U, step_from, &s) < 0)
        Py_CLEAR(s.V);
    return (PyObject *)s.V;
}
