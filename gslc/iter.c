/* iter.c: the ENTER/EXIT tree walker. */
#include "iter.h"

void gsl_iter_init(struct gsl_iter *it, const struct gsl_node *root)
{
	it->root = root;
	it->node = NULL;
	it->event = GSL_EVENT_DONE;
	it->skip = false;
}

enum gsl_event gsl_iter_next(struct gsl_iter *it)
{
	const struct gsl_node *n = it->node;
	if (!n) {
		if (!it->root)
			return GSL_EVENT_DONE;
		it->node = it->root;
		return it->event = GSL_EVENT_ENTER;
	}
	if (it->skip) {
		it->skip = false;
		return it->event = GSL_EVENT_EXIT;
	}
	if (it->event == GSL_EVENT_ENTER && n->first_child) {
		it->node = n->first_child;
		return it->event = GSL_EVENT_ENTER;
	}
	if (it->event == GSL_EVENT_ENTER)
		return it->event = GSL_EVENT_EXIT;
	if (n == it->root) {
		it->root = NULL;
		return it->event = GSL_EVENT_DONE;
	}
	if (n->next) {
		it->node = n->next;
		return it->event = GSL_EVENT_ENTER;
	}
	it->node = n->parent;
	return it->event = GSL_EVENT_EXIT;
}

void gsl_iter_skip_children(struct gsl_iter *it)
{
	it->skip = it->event == GSL_EVENT_ENTER;
}
