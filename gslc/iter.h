/* iter.h: walking a tree without recursion. Each node is entered, then
 * its children are walked, then it is exited; very deep trees cost no C
 * stack. */
#ifndef GSL_ITER_H
#define GSL_ITER_H

#include "ast.h"

enum gsl_event { GSL_EVENT_DONE, GSL_EVENT_ENTER, GSL_EVENT_EXIT };

struct gsl_iter {
	const struct gsl_node *root;
	const struct gsl_node *node;  /* the node of the last event */
	enum gsl_event event;         /* the last event */
	bool skip;                    /* exit the entered node next */
};

void gsl_iter_init(struct gsl_iter *it, const struct gsl_node *root);
/* The next event; its node is it->node. */
enum gsl_event gsl_iter_next(struct gsl_iter *it);
/* After an ENTER: skips the children, so the next event exits the node. */
void gsl_iter_skip_children(struct gsl_iter *it);

#endif
