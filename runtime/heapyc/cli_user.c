/* cli_user.c: classifiers defined in Python. An object whose kind under
   a condition classifier is cond_kind gets the kind that the Python
   function classify returns; any other object gets None. Kinds are made
   canonical by the Python function memoized_kind (None: they are). State:
   the tuple (condition classifier, cond_kind, classify, memoized_kind). */
#include "heapyc.h"

enum { USER_COND_CLI, USER_COND_KIND, USER_CLASSIFY, USER_MEMOIZED,
       USER_N };

#define FIELD(self, i) PyTuple_GET_ITEM(self, i)

static PyObject *
user_classify(PyObject *self, PyObject *obj)
{
    PyObject *kind = cli_classify(
        (NyObjectClassifierObject *)FIELD(self, USER_COND_CLI), obj);
    if (!kind)
        return NULL;
    int matches = kind == FIELD(self, USER_COND_KIND);
    Py_DECREF(kind);
    if (!matches)
        Py_RETURN_NONE;
    return PyObject_CallOneArg(FIELD(self, USER_CLASSIFY), obj);
}

static PyObject *
user_memoized_kind(PyObject *self, PyObject *kind)
{
    PyObject *memoized = FIELD(self, USER_MEMOIZED);
    if (memoized == Py_None || kind == Py_None)
        return Py_NewRef(kind);
    return PyObject_CallOneArg(memoized, kind);
}

static const struct cli_def user_def = {
    .name = "cli_user_defined",
    .classify = user_classify,
    .memoized_kind = user_memoized_kind,
};

PyObject *
hv_cli_user_defined(NyHeapViewObject *hv, PyObject *args, PyObject *kw)
{
    (void)hv;
    static char kw_cond_cli[] = "cond_cli", kw_cond_kind[] = "cond_kind",
                kw_classify[] = "classify", kw_memoized[] = "memoized_kind";
    static char *kwlist[] = {kw_cond_cli, kw_cond_kind, kw_classify,
                             kw_memoized, NULL};
    PyObject *cond_cli, *cond_kind, *classify, *memoized;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!OOO:user_defined", kwlist,
                                     &NyObjectClassifier_Type, &cond_cli,
                                     &cond_kind, &classify, &memoized))
        return NULL;
    return cli_new_packed(&user_def, USER_N, cond_cli, cond_kind, classify,
                          memoized);
}
