/* ignore.h: accepted breaks. An ignore file lists, one per line, a rule
 * id, a symbol path and the reason the break is accepted; findings they
 * match do not count, and entries that match nothing are reported. */
#ifndef GSL_COMPAT_IGNORE_H
#define GSL_COMPAT_IGNORE_H

#include "report.h"

struct compat_ignore;

/* Reads an ignore file; NULL after reporting why not. */
struct compat_ignore *compat_ignore_read(const char *path);
void compat_ignore_free(struct compat_ignore *ig);

/* Marks the findings that entries accept, and adds an ignore-stale
 * finding for each entry that accepts none. */
void compat_ignore_apply(struct compat_ignore *ig, struct compat_report *r);

#endif
