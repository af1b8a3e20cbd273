/* dump.h: the JSON dumps of `gslc --dump=ast` and `--dump=model`. */
#ifndef GSL_DUMP_H
#define GSL_DUMP_H

#include "ast.h"
#include "buf.h"

#include "json.h"

struct gsl_model;

void gsl_dump_ast(struct gsl_ctx *ctx, const struct gsl_node *root, struct gsl_buf *out);
void gsl_dump_model(struct gsl_ctx *ctx, struct gsl_model *model, struct gsl_buf *out);

/* Writes the tree under root as JSON; with a model, names carry the tgt
 * name of what they refer to. */
void gsl_dump_tree(struct gsl_json *j, struct gsl_model *model, const struct gsl_node *root);

#endif
