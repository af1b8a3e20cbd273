/* unparse.h: writing a tree back as GSL text, so that parsing the text
 * gives the same tree. */
#ifndef GSL_UNPARSE_H
#define GSL_UNPARSE_H

#include "ast.h"
#include "buf.h"

/* Appends the text of the file whose tree is root. */
void gsl_unparse(const struct gsl_node *root, struct gsl_buf *out);

#endif
