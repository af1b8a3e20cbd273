/* witness.h: executable witnesses. For each breaking finding that has
 * one, a Python test in the form of the original's tester: objects that
 * conform to OLD pass it, objects that conform only to NEW may fail. */
#ifndef GSL_COMPAT_WITNESS_H
#define GSL_COMPAT_WITNESS_H

#include <stdbool.h>

#include "report.h"

/* Writes DIR/witness_<fingerprint>.py per witness and DIR/witnesses.txt,
 * which lists every breaking finding with its file or why it has none. */
bool compat_witness_write(const struct compat_report *r, const char *dir);

#endif
