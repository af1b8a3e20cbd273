/* grammar_nfa.c: an argument grammar as an automaton with empty moves,
 * by Thompson's construction: each specification node becomes a
 * fragment with one entry and one exit, combined on leaving the node
 * (the walk uses an explicit stack of frames, not recursion). Repetition
 * copies the fragment of its body. */
#include "config.h"

#include "grammar.h"

#include <string.h>

#include "buf.h"
#include "iter.h"

struct frag {
	uint32_t start, end;
};

/* A node being compiled: where its fragments, states and edges begin. */
struct frame {
	const struct gsl_node *node;
	uint32_t frags, states, edges;
};

struct compiler {
	struct compat_enfa e;
	struct compat_alphabet *alphabet;
	const struct compat_sides *sides;
	bool from_old;
	struct frag *frags;
	uint32_t nfrags, frags_cap;
	struct frame *frames;
	uint32_t nframes, frames_cap;
};

/* ---- The automaton being built ------------------------------------------------ */

uint32_t compat_enfa_state(struct compat_enfa *e)
{
	if (e->nstates >= COMPAT_STATE_LIMIT)
		e->too_large = true;
	return e->nstates++;
}

void compat_enfa_edge(struct compat_enfa *e, uint32_t from, uint32_t sym, uint32_t to)
{
	if (e->nedges == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 64;
		e->from = gsl_xrealloc(e->mem, e->from, e->cap * sizeof *e->from);
		e->sym = gsl_xrealloc(e->mem, e->sym, e->cap * sizeof *e->sym);
		e->to = gsl_xrealloc(e->mem, e->to, e->cap * sizeof *e->to);
	}
	e->from[e->nedges] = from;
	e->sym[e->nedges] = sym;
	e->to[e->nedges] = to;
	e->nedges++;
}

void compat_enfa_free(struct compat_enfa *e)
{
	gsl_xfree(e->mem, e->from);
	gsl_xfree(e->mem, e->sym);
	gsl_xfree(e->mem, e->to);
	gsl_xfree(e->mem, e->final);
	e->from = e->sym = e->to = NULL;
	e->final = NULL;
}

/* ---- Fragments ------------------------------------------------------------------ */

static void push(struct compiler *c, struct frag f)
{
	if (c->nfrags == c->frags_cap) {
		c->frags_cap = c->frags_cap ? 2 * c->frags_cap : 32;
		c->frags = gsl_xrealloc(c->e.mem, c->frags, c->frags_cap * sizeof *c->frags);
	}
	c->frags[c->nfrags++] = f;
}

static struct frag symbol(struct compiler *c, uint32_t sym)
{
	struct frag f = { compat_enfa_state(&c->e), compat_enfa_state(&c->e) };
	compat_enfa_edge(&c->e, f.start, sym, f.end);
	return f;
}

static struct frag empty(struct compiler *c)
{
	return symbol(c, COMPAT_EPSILON);
}

/* The fragments frags[base..] in sequence, replacing them. */
static struct frag concat(struct compiler *c, uint32_t base)
{
	if (c->nfrags == base)
		return empty(c);
	for (uint32_t i = base; i + 1 < c->nfrags; i++)
		compat_enfa_edge(&c->e, c->frags[i].end, COMPAT_EPSILON, c->frags[i + 1].start);
	struct frag f = { c->frags[base].start, c->frags[c->nfrags - 1].end };
	c->nfrags = base;
	return f;
}

static struct frag either(struct compiler *c, uint32_t base)
{
	if (c->nfrags == base)
		return empty(c);
	struct frag f = { compat_enfa_state(&c->e), compat_enfa_state(&c->e) };
	for (uint32_t i = base; i < c->nfrags; i++) {
		compat_enfa_edge(&c->e, f.start, COMPAT_EPSILON, c->frags[i].start);
		compat_enfa_edge(&c->e, c->frags[i].end, COMPAT_EPSILON, f.end);
	}
	c->nfrags = base;
	return f;
}

static struct frag optional(struct compiler *c, struct frag body)
{
	struct frag f = { compat_enfa_state(&c->e), compat_enfa_state(&c->e) };
	compat_enfa_edge(&c->e, f.start, COMPAT_EPSILON, body.start);
	compat_enfa_edge(&c->e, body.end, COMPAT_EPSILON, f.end);
	compat_enfa_edge(&c->e, f.start, COMPAT_EPSILON, f.end);
	return f;
}

/* `optionals`: each child is optional once the one before it is given,
 * [a [b [c]]]; built from the innermost out. */
static struct frag nested(struct compiler *c, uint32_t base)
{
	if (c->nfrags == base)
		return empty(c);
	struct frag inner = optional(c, c->frags[--c->nfrags]);
	while (c->nfrags > base) {
		struct frag f = c->frags[--c->nfrags];
		compat_enfa_edge(&c->e, f.end, COMPAT_EPSILON, inner.start);
		inner = optional(c, (struct frag){ f.start, inner.end });
	}
	return inner;
}

/* `draw`: each child or not, in order. */
static struct frag draw(struct compiler *c, uint32_t base)
{
	for (uint32_t i = base; i < c->nfrags; i++)
		c->frags[i] = optional(c, c->frags[i]);
	return concat(c, base);
}

/* A copy of the fragment built since frame fr: its states and edges. */
static struct frag copy(struct compiler *c, const struct frame *fr, uint32_t states_end,
			uint32_t edges_end, struct frag body)
{
	uint32_t offset = c->e.nstates - fr->states;
	for (uint32_t s = fr->states; s < states_end; s++)
		compat_enfa_state(&c->e);
	for (uint32_t i = fr->edges; i < edges_end; i++)
		compat_enfa_edge(&c->e, c->e.from[i] + offset, c->e.sym[i], c->e.to[i] + offset);
	return (struct frag){ body.start + offset, body.end + offset };
}

/* `repeat: m..n`: m copies of the body, then n - m optional ones (or a
 * loop when n is `*`). */
static struct frag repeat(struct compiler *c, const struct frame *fr)
{
	struct gsl_range r = fr->node->u.range;
	struct frag body = concat(c, fr->frags);
	if (r.max == 0)
		return empty(c);
	uint32_t copies = r.max == GSL_UNBOUNDED ? (r.min > 1 ? (uint32_t)r.min : 1) : (uint32_t)r.max;
	uint32_t states_end = c->e.nstates, edges_end = c->e.nedges;
	if ((uint64_t)copies * (states_end - fr->states) > COMPAT_STATE_LIMIT) {
		c->e.too_large = true;
		return body;
	}
	uint32_t base = c->nfrags;
	for (uint32_t i = 0; i < copies; i++) {
		struct frag f = i ? copy(c, fr, states_end, edges_end, body) : body;
		push(c, f);
	}
	uint32_t min = (uint32_t)r.min;
	if (r.max == GSL_UNBOUNDED) {
		struct frag *last = &c->frags[c->nfrags - 1];
		compat_enfa_edge(&c->e, last->end, COMPAT_EPSILON, last->start);
		if (min == 0)
			*last = optional(c, *last);
	} else {
		for (uint32_t i = base + min; i < c->nfrags; i++)
			c->frags[i] = optional(c, c->frags[i]);
	}
	return concat(c, base);
}

/* ---- Symbols ------------------------------------------------------------------ */

static uint32_t kind_symbol(struct compiler *c, const char *keyword, const struct gsl_name *kind)
{
	const struct compat_sides *s = c->sides;
	uint32_t k = compat_kind_of_name(c->from_old ? s->old : s->new, kind);
	uint32_t mapped = c->from_old ? compat_to_new(s->old, s->new, k) : k;
	return compat_alphabet_add(c->alphabet, keyword, mapped,
				   c->from_old ? k : COMPAT_NONE, c->from_old ? COMPAT_NONE : k);
}

/* The name of a keyword argument: on its line, or in a `.name` child. */
static const struct gsl_name *keyword(const struct gsl_node *n)
{
	const struct gsl_name *name = n->u.argspec->name;
	for (const struct gsl_node *k = n->first_child; !name && k; k = k->next)
		if (k->tag == GSL_TAG_NAME && !(k->flags & GSL_NODE_BAD_ARG))
			name = k->u.names;
	return name;
}

static const char *keyword_text(struct compiler *c, const struct gsl_node *n)
{
	const struct gsl_name *name = keyword(n);
	struct compat_side *side = c->from_old ? c->sides->old : c->sides->new;
	return name ? gsl_intern(&side->ctx, name->text, name->len) : "";
}

/* ---- The walk ------------------------------------------------------------------ */

static void enter(struct compiler *c, const struct gsl_node *n)
{
	if (c->nframes == c->frames_cap) {
		c->frames_cap = c->frames_cap ? 2 * c->frames_cap : 16;
		c->frames = gsl_xrealloc(c->e.mem, c->frames, c->frames_cap * sizeof *c->frames);
	}
	c->frames[c->nframes++] = (struct frame){ n, c->nfrags, c->e.nstates, c->e.nedges };
}

/* Combines the fragments of the node being left into its own. */
static struct frag leave(struct compiler *c, const struct frame *fr)
{
	const struct gsl_node *n = fr->node;
	switch (n->tag) {
	case GSL_TAG_ARG:
		return symbol(c, kind_symbol(c, NULL, n->u.argspec->kind));
	case GSL_TAG_KEY_ARG:
		return symbol(c, kind_symbol(c, keyword_text(c, n), n->u.argspec->kind));
	case GSL_TAG_ALT:
		return either(c, fr->frags);
	case GSL_TAG_OPTIONALS:
		return nested(c, fr->frags);
	case GSL_TAG_DRAW:
		return draw(c, fr->frags);
	case GSL_TAG_REPEAT:
		return repeat(c, fr);
	default: /* seq, args, no arg, and the call itself */
		return concat(c, fr->frags);
	}
}

enum compat_verdict compat_grammar_compile(struct compat_alphabet *a, const struct compat_sides *s,
					   bool from_old, const struct gsl_node *node,
					   struct compat_nfa *out)
{
	struct compiler c = { .e = { .mem = a->mem }, .alphabet = a, .sides = s,
			      .from_old = from_old };
	struct gsl_iter it;
	gsl_iter_init(&it, node);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE && !c.e.too_large) {
		const struct gsl_node *n = it.node;
		if (ev == GSL_EVENT_ENTER) {
			if (n != node && (!gsl_tag_is_grammar(n->tag) || (n->flags & GSL_NODE_BAD_ARG))) {
				gsl_iter_skip_children(&it);
				continue;
			}
			if (n->tag == GSL_TAG_ARG || n->tag == GSL_TAG_KEY_ARG)
				gsl_iter_skip_children(&it);
			enter(&c, n);
			/* The kinds listed by `.args` come before its children. */
			if (n->tag == GSL_TAG_ARGS)
				for (const struct gsl_name *k = n->u.names; k; k = k->next)
					push(&c, symbol(&c, kind_symbol(&c, NULL, k)));
		} else if (c.nframes && c.frames[c.nframes - 1].node == n) {
			struct frame fr = c.frames[--c.nframes];
			push(&c, leave(&c, &fr));
		}
	}
	gsl_xfree(a->mem, c.frames);
	if (c.e.too_large) {
		gsl_xfree(a->mem, c.frags);
		compat_enfa_free(&c.e);
		return COMPAT_TOO_LARGE;
	}
	struct frag whole = c.frags[0];
	gsl_xfree(a->mem, c.frags);
	c.e.start = whole.start;
	c.e.final = gsl_xmalloc(a->mem, c.e.nstates + 1);
	memset(c.e.final, 0, c.e.nstates + 1);
	c.e.final[whole.end] = 1;
	return compat_enfa_finish(&c.e, a, out);
}

/* ---- Keys ---------------------------------------------------------------------- */

/* Appends v in decimal and a separator (keys are made often: no printf). */
static void put_number(struct gsl_buf *buf, uint32_t v, char separator)
{
	char digits[12];
	size_t i = sizeof digits;
	digits[--i] = separator;
	do
		digits[--i] = (char)('0' + v % 10);
	while (v /= 10);
	gsl_buf_put(buf, digits + i, sizeof digits - i);
}

static void key_kind(struct gsl_buf *buf, const struct compat_sides *s, bool from_old,
		     const struct gsl_name *kind)
{
	uint32_t k = compat_kind_of_name(from_old ? s->old : s->new, kind);
	if (from_old)
		k = compat_to_new(s->old, s->new, k);
	put_number(buf, k, ',');
}

const char *compat_grammar_key(struct gsl_buf *buf, const struct compat_sides *s, bool from_old,
			       const struct gsl_node *node)
{
	gsl_buf_clear(buf);
	struct gsl_iter it;
	gsl_iter_init(&it, node);
	enum gsl_event ev;
	while ((ev = gsl_iter_next(&it)) != GSL_EVENT_DONE) {
		const struct gsl_node *n = it.node;
		if (n == node)
			continue;
		if (!gsl_tag_is_grammar(n->tag) || (n->flags & GSL_NODE_BAD_ARG)) {
			if (ev == GSL_EVENT_ENTER)
				gsl_iter_skip_children(&it);
			continue;
		}
		if (ev == GSL_EVENT_EXIT) {
			gsl_buf_putc(buf, ')');
			continue;
		}
		put_number(buf, n->tag, '(');
		switch (n->tag) {
		case GSL_TAG_KEY_ARG: {
			const struct gsl_name *k = keyword(n);
			if (k)
				gsl_buf_put(buf, k->text, k->len);
			gsl_buf_putc(buf, '=');
		}
			/* fall through */
		case GSL_TAG_ARG:
			key_kind(buf, s, from_old, n->u.argspec->kind);
			gsl_iter_skip_children(&it);
			break;
		case GSL_TAG_ARGS:
			for (const struct gsl_name *k = n->u.names; k; k = k->next)
				key_kind(buf, s, from_old, k);
			break;
		case GSL_TAG_REPEAT:
			put_number(buf, (uint32_t)n->u.range.min, '.');
			put_number(buf, (uint32_t)n->u.range.max, ' ');
			break;
		default:
			break;
		}
	}
	return gsl_buf_cstr(buf);
}
