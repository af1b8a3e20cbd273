/* cli_findex.c: the classifier by first matching alternative. Given
   alternatives (classifier, kind, cmp), the kind of an object is the
   index of the first alternative whose classifier gives it a kind K
   with K cmp kind, or the number of alternatives when none does; the
   index is an int memoized in a dict. State: the tuple (alternatives,
   memo, memoized kinds, comparisons as ints). */
#include "heapyc.h"

enum { FINDEX_ALTS, FINDEX_MEMO, FINDEX_KINDS, FINDEX_CMPS, FINDEX_N };

#define FIELD(self, i) PyTuple_GET_ITEM(self, i)

static PyObject *
findex_memoized_kind(PyObject *self, PyObject *kind)
{
    return memo_lookup(FIELD(self, FINDEX_MEMO), kind);
}

static NyObjectClassifierObject *
alt_classifier(PyObject *self, Py_ssize_t i)
{
    PyObject *alt = PyTuple_GET_ITEM(FIELD(self, FINDEX_ALTS), i);
    return (NyObjectClassifierObject *)PyTuple_GET_ITEM(alt, 0);
}

static PyObject *
findex_classify(PyObject *self, PyObject *obj)
{
    Py_ssize_t n = PyTuple_GET_SIZE(FIELD(self, FINDEX_ALTS)), i;
    for (i = 0; i < n; i++) {
        NyObjectClassifierObject *cli = alt_classifier(self, i);
        PyObject *kind = cli_classify(cli, obj);
        if (!kind)
            return NULL;
        int cmp = (int)PyLong_AsLong(PyTuple_GET_ITEM(FIELD(self, FINDEX_CMPS),
                                                      i));
        int match = cli_compare(cli, kind,
                                PyTuple_GET_ITEM(FIELD(self, FINDEX_KINDS), i),
                                cmp);
        Py_DECREF(kind);
        if (match < 0)
            return NULL;
        if (match)
            break;
    }
    PyObject *index = PyLong_FromSsize_t(i);
    if (!index)
        return NULL;
    PyObject *kind = findex_memoized_kind(self, index);
    Py_DECREF(index);
    return kind;
}

static const struct cli_def findex_def = {
    .name = "cli_findex",
    .classify = findex_classify,
    .memoized_kind = findex_memoized_kind,
    .le = cli_le_by_value,
};

/* The comparison of alternative alt as an int, after checking the
   alternative's form; -1 with an exception when it is wrong. */
static int
check_alternative(PyObject *alt)
{
    if (!PyTuple_Check(alt) || PyTuple_GET_SIZE(alt) != 3) {
        PyErr_SetString(PyExc_TypeError,
                        "cli_findex: tuple of triples (classifier, kind, "
                        "cmp) expected.");
        return -1;
    }
    if (!cli_check(PyTuple_GET_ITEM(alt, 0))) {
        PyErr_SetString(PyExc_TypeError,
                        "Tuple of triples with [0] a CLASSIFIER expected.");
        return -1;
    }
    int cmp = cli_cmp_from_string(PyTuple_GET_ITEM(alt, 2));
    if (cmp < 0 ||
        cli_check_cmp((NyObjectClassifierObject *)PyTuple_GET_ITEM(alt, 0),
                      cmp) < 0)
        return -1;
    return cmp;
}

/* Fill kinds and cmps from the alternatives; 0, or -1. */
static int
prepare(PyObject *alts, PyObject *kinds, PyObject *cmps)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(alts); i++) {
        PyObject *alt = PyTuple_GET_ITEM(alts, i);
        int cmp = check_alternative(alt);
        if (cmp < 0)
            return -1;
        PyObject *kind = cli_memoized_kind(
            (NyObjectClassifierObject *)PyTuple_GET_ITEM(alt, 0),
            PyTuple_GET_ITEM(alt, 1));
        if (!kind)
            return -1;
        PyTuple_SET_ITEM(kinds, i, kind);
        PyObject *cmp_int = PyLong_FromLong(cmp);
        if (!cmp_int)
            return -1;
        PyTuple_SET_ITEM(cmps, i, cmp_int);
    }
    return 0;
}

PyObject *
hv_cli_findex(NyHeapViewObject *hv, PyObject *args)
{
    (void)hv;
    PyObject *alts, *memo, *cli = NULL;
    if (!PyArg_ParseTuple(args, "O!O!:cli_findex", &PyTuple_Type, &alts,
                          &PyDict_Type, &memo))
        return NULL;
    PyObject *kinds = PyTuple_New(PyTuple_GET_SIZE(alts));
    PyObject *cmps = PyTuple_New(PyTuple_GET_SIZE(alts));
    if (kinds && cmps && prepare(alts, kinds, cmps) == 0)
        cli = cli_new_packed(&findex_def, FINDEX_N, alts, memo, kinds, cmps);
    Py_XDECREF(kinds);
    Py_XDECREF(cmps);
    return cli;
}
