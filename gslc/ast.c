/* ast.c: the syntax tree: the tag table derived from tags.h, nodes and
 * their accessors, and the actions the argument grammar calls. */
#include "ast.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

/* ---- Tags ------------------------------------------------------------ */

enum { SPEC = 1, DOC = 2, BOTH = 3 };

_Static_assert(GSL_TAG_COUNT <= 256, "tags are kept in a byte");

#define TAG_INFO(id, name, alias, syntax, marker, where) \
	[GSL_TAG_##id] = { name, alias, GSL_SYNTAX_##syntax, GSL_MARKER_##marker, where },
static const struct tag_info {
	const char *name;
	const char *alias;
	enum gsl_syntax syntax;
	enum gsl_marker marker;
	unsigned where;
} tags[GSL_TAG_COUNT] = {
	[GSL_TAG_ROOT] = { "root", NULL, GSL_SYNTAX_TEXT, GSL_MARKER_NEVER, 0 },
	[GSL_TAG_MARKUP] = { "markup", NULL, GSL_SYNTAX_TEXT, GSL_MARKER_NEVER, 0 },
	[GSL_TAG_HTMLATTR] = { "attribute=", NULL, GSL_SYNTAX_TEXT, GSL_MARKER_NEVER, 0 },
	GSL_TAGS(TAG_INFO)
};
#undef TAG_INFO

const char *gsl_tag_name(enum gsl_tag tag) { return tags[tag].name; }
const char *gsl_tag_alias(enum gsl_tag tag) { return tags[tag].alias; }

const char *gsl_tag_words(enum gsl_tag tag, char words[GSL_TAG_WORDS_MAX])
{
	const char *name = tags[tag].name;
	size_t i = 0;
	for (; name[i] && i < GSL_TAG_WORDS_MAX - 1; i++)
		words[i] = name[i] == '_' ? ' ' : name[i];
	words[i] = '\0';
	return words;
}
enum gsl_syntax gsl_tag_syntax(enum gsl_tag tag) { return tags[tag].syntax; }
enum gsl_marker gsl_tag_marker(enum gsl_tag tag) { return tags[tag].marker; }
bool gsl_tag_is_spec(enum gsl_tag tag) { return tags[tag].where & SPEC; }
bool gsl_tag_is_doc(enum gsl_tag tag) { return tags[tag].where & DOC; }

bool gsl_tag_is_operator(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_OPERATOR:
	case GSL_TAG_INPLACE_OPERATOR:
	case GSL_TAG_REVERSE_OPERATOR:
	case GSL_TAG_FUNCTION_OPERATOR:
	case GSL_TAG_GETITEM:
	case GSL_TAG_SETITEM:
	case GSL_TAG_DELITEM:
		return true;
	default:
		return false;
	}
}

bool gsl_tag_is_grammar(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_ARG:
	case GSL_TAG_KEY_ARG:
	case GSL_TAG_ARGS:
	case GSL_TAG_OPTIONALS:
	case GSL_TAG_ALT:
	case GSL_TAG_SEQ:
	case GSL_TAG_REPEAT:
	case GSL_TAG_DRAW:
	case GSL_TAG_NO_ARG:
		return true;
	default:
		return false;
	}
}

/* ---- Strings ----------------------------------------------------------- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct gsl_str gsl_str_strip(struct gsl_str s)
{
	while (s.len && is_blank(s.ptr[0]))
		s.ptr++, s.len--;
	while (s.len && is_blank(s.ptr[s.len - 1]))
		s.len--;
	return s;
}

bool gsl_str_eq(struct gsl_str s, const char *cstr)
{
	return strlen(cstr) == s.len && memcmp(s.ptr, cstr, s.len) == 0;
}

bool gsl_str_equal(struct gsl_str a, struct gsl_str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

/* ---- Nodes ------------------------------------------------------------- */

struct gsl_node *gsl_node_new(struct gsl_ctx *ctx, enum gsl_tag tag, struct gsl_loc loc)
{
	struct gsl_node *n = gsl_arena_alloc(&ctx->arena, sizeof *n);
	n->tag = (uint8_t)tag;
	n->file = (uint16_t)loc.file;
	n->line = loc.line;
	n->col = loc.col;
	n->arg = "";
	return n;
}

void gsl_node_insert(struct gsl_node *parent, struct gsl_node *prev, struct gsl_node *child)
{
	child->parent = parent;
	if (prev) {
		child->next = prev->next;
		prev->next = child;
	} else {
		child->next = parent->first_child;
		parent->first_child = child;
	}
}

struct gsl_str gsl_node_tag(const struct gsl_node *n)
{
	if (n->tag == GSL_TAG_MARKUP || n->tag == GSL_TAG_HTMLATTR)
		return (struct gsl_str){ n->u.tag, strlen(n->u.tag) };
	const char *name = tags[n->tag].name;
	return (struct gsl_str){ name, strlen(name) };
}

struct gsl_str gsl_node_arg(const struct gsl_node *n)
{
	return (struct gsl_str){ n->arg, n->arg_len };
}

struct gsl_str gsl_node_arg_stripped(const struct gsl_node *n)
{
	return gsl_str_strip(gsl_node_arg(n));
}

enum gsl_syntax gsl_node_syntax(const struct gsl_node *n)
{
	if (n->flags & GSL_NODE_IN_COMMENT)
		return GSL_SYNTAX_TEXT;
	unsigned where = n->flags & GSL_NODE_IN_DOC ? DOC : SPEC;
	return tags[n->tag].where & where ? tags[n->tag].syntax : GSL_SYNTAX_TEXT;
}

/* ---- Structured arguments ---------------------------------------------- */

static const char *const syntax_names[] = {
	[GSL_SYNTAX_NAMES] = "name list",
	[GSL_SYNTAX_NAME] = "name",
	[GSL_SYNTAX_ARGSPEC] = "argument specification",
	[GSL_SYNTAX_RANGE] = "repeat range",
	[GSL_SYNTAX_COND] = "condition reference",
};

void gsl_parse_arg(struct gsl_ctx *ctx, struct gsl_node *n, struct gsl_loc loc)
{
	enum gsl_syntax syntax = gsl_node_syntax(n);
	struct gsl_argparse p = { .ctx = ctx, .node = n, .what = syntax_names[syntax] };
	gsl_arglexer_init(&p.lx, syntax, gsl_node_arg(n), loc);
	if (gsl_arg_parse(&p) != 0)
		n->flags |= GSL_NODE_BAD_ARG;
}

void gsl_arg_error(struct gsl_loc *loc, struct gsl_argparse *p, const char *msg)
{
	static const char prefix[] = "syntax error, ";
	if (strncmp(msg, prefix, sizeof prefix - 1) == 0)
		msg += sizeof prefix - 1;
	char words[GSL_TAG_WORDS_MAX];
	gsl_error(p->ctx, *loc, "bad %s in '%s': %s", p->what, gsl_tag_words(p->node->tag, words),
		  msg);
}

struct gsl_name *gsl_ast_name(struct gsl_argparse *p, struct gsl_str text,
			      const struct gsl_loc *loc)
{
	struct gsl_name *name = gsl_arena_alloc(&p->ctx->arena, sizeof *name);
	name->text = text.ptr;
	name->len = (uint32_t)text.len;
	name->loc = *loc;
	return name;
}

struct gsl_name_list gsl_ast_list(const struct gsl_name_list *list, struct gsl_name *name)
{
	if (!list)
		return (struct gsl_name_list){ name, name };
	list->last->next = name;
	return (struct gsl_name_list){ list->first, name };
}

void gsl_ast_set_names(struct gsl_argparse *p, struct gsl_name *names)
{
	p->node->u.names = names;
}

void gsl_ast_trailing_comma(struct gsl_argparse *p, struct gsl_name *names,
			    const struct gsl_loc *comma)
{
	gsl_error(p->ctx, *comma, "the list ends with a comma");
	p->node->u.names = names;
}

void gsl_ast_set_argspec(struct gsl_argparse *p, struct gsl_name *name, struct gsl_name *kind)
{
	struct gsl_argspec *spec = gsl_arena_alloc(&p->ctx->arena, sizeof *spec);
	spec->name = name;
	spec->kind = kind;
	p->node->u.argspec = spec;
}

/* A repeat count, or -1 after reporting that it is too large. */
static int32_t count(struct gsl_argparse *p, struct gsl_str digits, const struct gsl_loc *loc)
{
	int64_t v = 0;
	for (size_t i = 0; i < digits.len; i++) {
		v = v * 10 + (digits.ptr[i] - '0');
		if (v > INT32_MAX) {
			gsl_error(p->ctx, *loc, "repeat count '%.*s' is too large",
				  (int)digits.len, digits.ptr);
			p->node->flags |= GSL_NODE_BAD_ARG;
			return -1;
		}
	}
	return (int32_t)v;
}

void gsl_ast_set_range(struct gsl_argparse *p, struct gsl_str min, const struct gsl_loc *min_loc,
		       struct gsl_str max, const struct gsl_loc *max_loc)
{
	int32_t lo = count(p, min, min_loc);
	int32_t hi = max.ptr == min.ptr ? lo : count(p, max, max_loc);
	if (lo < 0 || hi < 0)
		return;
	if (hi < lo) {
		gsl_error(p->ctx, *max_loc, "upper bound %d is below lower bound %d", hi, lo);
		p->node->flags |= GSL_NODE_BAD_ARG;
		return;
	}
	p->node->u.range = (struct gsl_range){ lo, hi };
}

void gsl_ast_set_range_unbounded(struct gsl_argparse *p, struct gsl_str min,
				 const struct gsl_loc *min_loc)
{
	int32_t lo = count(p, min, min_loc);
	if (lo >= 0)
		p->node->u.range = (struct gsl_range){ lo, GSL_UNBOUNDED };
}

void gsl_ast_set_cond(struct gsl_argparse *p, bool negated, struct gsl_name *cond,
		      struct gsl_name *args)
{
	struct gsl_condref *c = gsl_arena_alloc(&p->ctx->arena, sizeof *c);
	c->negated = negated;
	c->cond = cond;
	c->args = args;
	p->node->u.cond = c;
}

/* ---- Equality ------------------------------------------------------------ */

static bool names_equal(const struct gsl_name *a, const struct gsl_name *b)
{
	for (; a && b; a = a->next, b = b->next)
		if (!gsl_str_equal(gsl_name_str(a), gsl_name_str(b)))
			return false;
	return !a && !b;
}

static bool parsed_equal(const struct gsl_node *a, const struct gsl_node *b)
{
	if ((a->flags & GSL_NODE_BAD_ARG) || (b->flags & GSL_NODE_BAD_ARG))
		return (a->flags & GSL_NODE_BAD_ARG) == (b->flags & GSL_NODE_BAD_ARG);
	switch (gsl_node_syntax(a)) {
	case GSL_SYNTAX_TEXT:
		return true;
	case GSL_SYNTAX_NAMES:
	case GSL_SYNTAX_NAME:
		return names_equal(a->u.names, b->u.names);
	case GSL_SYNTAX_ARGSPEC:
		return names_equal(a->u.argspec->name, b->u.argspec->name) &&
		       names_equal(a->u.argspec->kind, b->u.argspec->kind);
	case GSL_SYNTAX_RANGE:
		return a->u.range.min == b->u.range.min && a->u.range.max == b->u.range.max;
	case GSL_SYNTAX_COND:
		return a->u.cond->negated == b->u.cond->negated &&
		       names_equal(a->u.cond->cond, b->u.cond->cond) &&
		       names_equal(a->u.cond->args, b->u.cond->args);
	}
	return false;
}

static bool node_equal(const struct gsl_node *a, const struct gsl_node *b)
{
	const uint8_t same = GSL_NODE_DEFINITION | GSL_NODE_BAD_ARG | GSL_NODE_IN_DOC |
			     GSL_NODE_IN_COMMENT | GSL_NODE_ROOT_TEXT | GSL_NODE_BARE;
	if (a->tag != b->tag || (a->flags & same) != (b->flags & same) ||
	    !gsl_str_equal(gsl_node_tag(a), gsl_node_tag(b)))
		return false;
	if (gsl_node_syntax(a) == GSL_SYNTAX_TEXT || (a->flags & GSL_NODE_BAD_ARG))
		return gsl_str_equal(gsl_node_arg(a), gsl_node_arg(b));
	return parsed_equal(a, b);
}

/* Walks both trees in step, without recursion (trees may be very deep). */
bool gsl_ast_equal(const struct gsl_node *a, const struct gsl_node *b)
{
	const struct gsl_node *ra = a;
	while (a && b) {
		if (!node_equal(a, b))
			return false;
		if (a->first_child || b->first_child) {
			if (!a->first_child || !b->first_child)
				return false;
			a = a->first_child;
			b = b->first_child;
			continue;
		}
		while (a != ra && !a->next) {
			if (b->next)
				return false;
			a = a->parent;
			b = b->parent;
		}
		if (a == ra)
			return true;
		if (!b->next)
			return false;
		a = a->next;
		b = b->next;
	}
	return !a && !b;
}

/* ---- Tag lookup ------------------------------------------------------------ */

/* An open-addressing table from tag spellings (names and aliases) to
 * tags, built from tags.h on first use and kept in the context. */
enum { TAG_SLOTS = 512 };
struct gsl_tag_index {
	uint8_t slot[TAG_SLOTS]; /* tag + 1, 0 for empty */
	uint8_t alias[TAG_SLOTS]; /* 1 when the slot's spelling is the alias */
};

static unsigned hash_tag(struct gsl_str s)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < s.len; i++)
		h = (h ^ (unsigned char)(s.ptr[i] == ' ' ? '_' : s.ptr[i])) * 16777619u;
	return h;
}

/* Whether the written tag s (blanks as '_') spells name. */
static bool spells(struct gsl_str s, const char *name)
{
	size_t i = 0;
	for (; i < s.len && name[i]; i++)
		if ((s.ptr[i] == ' ' ? '_' : s.ptr[i]) != name[i])
			return false;
	return i == s.len && !name[i];
}

static void index_add(struct gsl_tag_index *ix, const char *spelling, int tag, bool alias)
{
	struct gsl_str s = { spelling, strlen(spelling) };
	unsigned i = hash_tag(s) % TAG_SLOTS;
	while (ix->slot[i])
		i = (i + 1) % TAG_SLOTS;
	ix->slot[i] = (uint8_t)(tag + 1);
	ix->alias[i] = alias;
}

enum gsl_tag gsl_tag_lookup(struct gsl_ctx *ctx, struct gsl_str name)
{
	struct gsl_tag_index *ix = ctx->tag_index;
	if (!ix) {
		ix = ctx->tag_index = gsl_arena_alloc(&ctx->arena, sizeof *ix);
		for (int t = GSL_TAG_HTMLATTR + 1; t < GSL_TAG_COUNT; t++) {
			index_add(ix, tags[t].name, t, false);
			if (tags[t].alias)
				index_add(ix, tags[t].alias, t, true);
		}
	}
	for (unsigned i = hash_tag(name) % TAG_SLOTS; ix->slot[i]; i = (i + 1) % TAG_SLOTS) {
		int t = ix->slot[i] - 1;
		if (spells(name, ix->alias[i] ? tags[t].alias : tags[t].name))
			return (enum gsl_tag)t;
	}
	return GSL_TAG_MARKUP;
}
