/* cli_idset.c: the classifier by identity set: the kind of an object is
   the immutable nodeset of just that object, and kinds are ordered as
   sets are, by inclusion. */
#include "heapyc.h"

static PyObject *
idset_classify(PyObject *self, PyObject *obj)
{
    NyHeapViewObject *hv = (NyHeapViewObject *)self;
    return (PyObject *)sets_api->newImmSingleton(obj, hv->_hiding_tag_);
}

static const struct cli_def idset_def = {
    .name = "cli_idset",
    .classify = idset_classify,
    .le = cli_le_by_value,
};

PyObject *
hv_cli_idset(NyHeapViewObject *hv, PyObject *unused)
{
    (void)unused;
    return cli_new(&idset_def, (PyObject *)hv);
}
