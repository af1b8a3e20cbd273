/* tree.c: builds the dotted tree of a file from the line scanner's line
 * groups: depth from the leading dots, the header forms (`tag`, `tag:
 * arg`, `tag:: names`, `key=value`), where each node stands (in a
 * specification, a document or a comment), the parse of structured
 * arguments, and `.include:` of other files. No recursion over depth. */
#include <string.h>

#include "ast.h"
#include "lexer.h"

/* The files being included, innermost first, to detect include cycles. */
struct include_chain {
	uint32_t file;
	const struct include_chain *outer;
};

struct builder {
	struct gsl_ctx *ctx;
	uint32_t file;
	const struct include_chain *chain;
	struct gsl_node **open;   /* open[d]: the last node of depth d; open[0] the root */
	size_t cap;
	uint32_t depth;           /* depth of the last node */
	struct gsl_node **includes; /* .include nodes, expanded at the end */
	size_t nincludes;
	size_t includes_cap;
};

static struct gsl_node *parse(struct gsl_ctx *ctx, uint32_t file,
			      const struct include_chain *chain, uint8_t region);

/* The argument text s, with quoting removed if need be. */
static struct gsl_str cooked(struct builder *b, struct gsl_str s, bool cook, bool at_line_start)
{
	if (!cook || !s.len)
		return s;
	char *out = gsl_arena_alloc(&b->ctx->arena, s.len + 1);
	return (struct gsl_str){ out, gsl_cook_text(s.ptr, s.len, at_line_start, out) };
}

static void set_arg(struct gsl_node *n, struct gsl_str arg)
{
	n->arg = arg.ptr;
	n->arg_len = (uint32_t)arg.len;
}

/* The region flags of a child of parent. */
static uint8_t child_region(const struct gsl_node *parent)
{
	uint8_t region = parent->flags & (GSL_NODE_IN_DOC | GSL_NODE_IN_COMMENT);
	switch (parent->tag) {
	case GSL_TAG_COMMENT:
		return GSL_NODE_IN_COMMENT;
	case GSL_TAG_DOCUMENT:
	case GSL_TAG_MACRO:
	case GSL_TAG_DESCRIPTION:
	case GSL_TAG_DESCRIPTION_WITH_HEADER:
	case GSL_TAG_DEFAULT:
		return region | GSL_NODE_IN_DOC;
	default:
		return region;
	}
}

static const char *first_of(const char *s, const char *e, char c)
{
	const char *p = memchr(s, c, (size_t)(e - s));
	return p ? p : e;
}

/* Sets the tag of n from the written tag t (blanks already stripped). */
static void set_tag(struct builder *b, struct gsl_node *n, struct gsl_str t, enum gsl_tag tag)
{
	n->tag = (uint8_t)tag;
	if (tag != GSL_TAG_MARKUP && tag != GSL_TAG_HTMLATTR)
		return;
	/* Blanks in a markup tag become '_', as in `key arg`. */
	char small[64];
	if (memchr(t.ptr, ' ', t.len) && t.len < sizeof small) {
		for (size_t i = 0; i < t.len; i++)
			small[i] = t.ptr[i] == ' ' ? '_' : t.ptr[i];
		t.ptr = small;
	}
	n->u.tag = gsl_intern(b->ctx, t.ptr, t.len);
}

/* Whether a tag's list of names may be empty: `.returns` (something
 * unspecified), `.args` (no arguments) and the grammar groups. */
static bool may_be_empty(enum gsl_tag tag)
{
	switch (tag) {
	case GSL_TAG_RETURNS:
	case GSL_TAG_ARGS:
	case GSL_TAG_OPTIONALS:
	case GSL_TAG_SEQ:
	case GSL_TAG_ALT:
		return true;
	default:
		return false;
	}
}

/* A structured argument that is empty: fine where nothing is needed
 * (an argument may be named by a `.name` child), else reported. */
static void empty_arg(struct builder *b, struct gsl_node *n)
{
	static const char *const needs[] = {
		[GSL_SYNTAX_NAMES] = "at least one name",
		[GSL_SYNTAX_NAME] = "a name",
		[GSL_SYNTAX_RANGE] = "a count: 'm', 'm..n' or 'm..*'",
		[GSL_SYNTAX_COND] = "a condition: 'Kind.condition(arguments)'",
	};
	enum gsl_syntax syntax = gsl_node_syntax(n);
	if (syntax == GSL_SYNTAX_ARGSPEC) {
		n->u.argspec = gsl_arena_alloc(&b->ctx->arena, sizeof *n->u.argspec);
		return;
	}
	if (syntax == GSL_SYNTAX_NAMES && may_be_empty(n->tag))
		return;
	char words[GSL_TAG_WORDS_MAX];
	gsl_error(b->ctx, gsl_node_loc(n), "'%s' needs %s", gsl_tag_words(n->tag, words),
		  needs[syntax]);
	n->flags |= GSL_NODE_BAD_ARG;
}

/* Checks `::` against what the tag wants. */
static void check_marker(struct builder *b, struct gsl_node *n)
{
	if (n->flags & (GSL_NODE_IN_DOC | GSL_NODE_IN_COMMENT))
		return;
	bool def = n->flags & GSL_NODE_DEFINITION;
	enum gsl_marker m = gsl_tag_marker(n->tag);
	if (!(m == GSL_MARKER_REQUIRED && !def) && !(m == GSL_MARKER_NEVER && def))
		return;
	char words[GSL_TAG_WORDS_MAX];
	const char *name = gsl_tag_words(n->tag, words);
	if (def)
		gsl_error(b->ctx, gsl_node_loc(n), "'%s' is not a definition: write '%s:' with one colon",
			  name, name);
	else
		gsl_error(b->ctx, gsl_node_loc(n), "'%s' defines names: write '%s::'", name, name);
}

static void remember_include(struct builder *b, struct gsl_node *n)
{
	if (b->nincludes == b->includes_cap) {
		b->includes_cap = b->includes_cap ? 2 * b->includes_cap : 8;
		b->includes = gsl_xrealloc(b->ctx->mem, b->includes,
					   b->includes_cap * sizeof *b->includes);
	}
	b->includes[b->nincludes++] = n;
}

/* Makes the node of a markup line and its argument. */
static struct gsl_node *markup_node(struct builder *b, const struct gsl_rawline *r,
				    struct gsl_node *parent)
{
	struct gsl_ctx *ctx = b->ctx;
	const char *head = r->head, *end = r->head_end;
	const char *eq = first_of(head, end, '='), *colon = first_of(head, end, ':');
	const char *tag_end = eq < colon ? eq : colon;
	/* A NUL (already reported) ends a tag, which is kept as a C string. */
	const char *nul = memchr(head, '\0', (size_t)(tag_end - head));
	struct gsl_str tag = gsl_str_strip((struct gsl_str){ head, (size_t)((nul ? nul : tag_end) - head) });
	uint32_t col = r->depth + 1 + (uint32_t)(tag.len ? tag.ptr - head : tag_end - head);
	struct gsl_node *n = gsl_node_new(ctx, GSL_TAG_MARKUP, gsl_loc(b->file, r->line, col));
	n->flags = child_region(parent);
	bool in_comment = n->flags & GSL_NODE_IN_COMMENT;

	/* The text lines, when they belong to the argument. */
	struct gsl_str lines = { r->text, r->has_text ? (size_t)(r->text_end - r->text) : 0 };
	struct gsl_loc arg_loc = { b->file, r->line, 0 };
	struct gsl_str arg;
	if (eq < colon) {
		/* `key=value`: an attribute of the parent element. */
		set_tag(b, n, tag, GSL_TAG_HTMLATTR);
		const char *s = eq + 1;
		arg = (struct gsl_str){ s, (size_t)((r->has_text ? r->text_end : end) - s) };
		arg = gsl_str_strip(cooked(b, arg, r->cook, false));
	} else if (colon < end) {
		set_tag(b, n, tag, gsl_tag_lookup(ctx, tag));
		const char *s = colon + 1;
		if (gsl_node_syntax(n) != GSL_SYNTAX_TEXT && s < end && *s == ':') {
			n->flags |= GSL_NODE_DEFINITION;
			s++;
		}
		arg_loc.col = r->depth + 1 + (uint32_t)(s - head);
		arg = (struct gsl_str){ s, (size_t)((r->has_text ? r->text_end : end) - s) };
		arg = cooked(b, arg, r->cook, false);
	} else {
		/* A bare tag: its argument is the text lines. */
		set_tag(b, n, tag, gsl_tag_lookup(ctx, tag));
		n->flags |= GSL_NODE_BARE;
		arg_loc = r->has_text ? gsl_loc(b->file, r->line + 1, 1)
				      : gsl_loc(b->file, r->line, col + (uint32_t)tag.len);
		arg = cooked(b, lines, r->cook, true);
		if (memchr(tag.ptr, ' ', tag.len) && gsl_str_strip(lines).len && !in_comment)
			gsl_error(ctx, gsl_node_loc(n), "tag '%.*s' is followed by text lines but has no "
				  "colon; write '%.*s:'", (int)tag.len, tag.ptr, (int)tag.len, tag.ptr);
	}
	set_arg(n, arg);
	if (gsl_node_syntax(n) != GSL_SYNTAX_TEXT && gsl_str_strip(arg).len)
		gsl_parse_arg(ctx, n, arg_loc);
	else if (gsl_node_syntax(n) != GSL_SYNTAX_TEXT)
		empty_arg(b, n);
	check_marker(b, n);
	if (n->tag == GSL_TAG_INCLUDE && !in_comment)
		remember_include(b, n);
	return n;
}

static void open_node(struct builder *b, uint32_t depth, struct gsl_node *n)
{
	if (depth >= b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		b->open = gsl_xrealloc(b->ctx->mem, b->open, cap * sizeof *b->open);
		memset(b->open + b->cap, 0, (cap - b->cap) * sizeof *b->open);
		b->cap = cap;
	}
	b->open[depth] = n;
	b->depth = depth;
}

/* The text before the first markup line: a text node, if not blank. */
static void root_text(struct builder *b, const struct gsl_rawline *r, struct gsl_node *root)
{
	struct gsl_str s = { r->text, (size_t)(r->text_end - r->text) };
	struct gsl_str t = gsl_str_strip(cooked(b, s, r->cook, true));
	if (!t.len)
		return;
	uint32_t line = r->line;
	for (const char *p = r->text; p < t.ptr && p < r->text_end; p++)
		line += *p == '\n';
	struct gsl_node *n = gsl_node_new(b->ctx, GSL_TAG_TEXT, gsl_loc(b->file, line, 1));
	n->flags = child_region(root) | GSL_NODE_ROOT_TEXT;
	set_arg(n, t);
	gsl_node_insert(root, NULL, n);
	open_node(b, 1, n);
	b->depth = 0;
}

/* The directory part of path, for files named relative to it. */
static char *sibling_path(struct gsl_ctx *ctx, const char *path, struct gsl_str name)
{
	const char *slash = strrchr(path, '/');
	if (name.len && name.ptr[0] == '/')
		slash = NULL;
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	return gsl_arena_printf(&ctx->arena, "%.*s%.*s", (int)dir, path, (int)name.len, name.ptr);
}

/* Replaces node by the sibling chain that starts at first (or removes
 * it when first is NULL). */
static void splice(struct gsl_node *node, struct gsl_node *first)
{
	struct gsl_node *parent = node->parent, *prev = NULL, *last = NULL;
	for (struct gsl_node *c = parent->first_child; c != node; c = c->next)
		prev = c;
	for (struct gsl_node *c = first; c; c = c->next) {
		c->parent = parent;
		last = c;
	}
	if (last)
		last->next = node->next;
	else
		first = node->next;
	if (prev)
		prev->next = first;
	else
		parent->first_child = first;
}

/* Replaces an include node by the top-level nodes of the named file. */
static void expand_include(struct builder *b, struct gsl_node *inc)
{
	struct gsl_ctx *ctx = b->ctx;
	struct gsl_str name = gsl_node_arg_stripped(inc);
	if (inc->first_child)
		gsl_error(ctx, gsl_node_loc(inc->first_child), "'include' takes no children");
	char *path = sibling_path(ctx, gsl_ctx_file(ctx, b->file)->path, name);
	const struct include_chain here = { b->file, b->chain };
	for (const struct include_chain *c = &here; c; c = c->outer)
		if (strcmp(gsl_ctx_file(ctx, c->file)->path, path) == 0) {
			gsl_error(ctx, gsl_node_loc(inc), "'%s' includes itself", path);
			return;
		}
	uint32_t file = gsl_ctx_load(ctx, path, gsl_node_loc(inc));
	if (!file)
		return;
	struct gsl_node *root = parse(ctx, file, &here, child_region(inc->parent));
	splice(inc, root->first_child);
}

static struct gsl_node *parse(struct gsl_ctx *ctx, uint32_t file,
			      const struct include_chain *chain, uint8_t region)
{
	struct builder b = { .ctx = ctx, .file = file, .chain = chain };
	struct gsl_node *root = gsl_node_new(ctx, GSL_TAG_ROOT, gsl_loc(file, 0, 0));
	root->flags = region;
	open_node(&b, 0, root);

	struct gsl_lexer lx;
	struct gsl_rawline r;
	gsl_lexer_init(&lx, ctx, file);
	while (gsl_lex_line(&lx, &r)) {
		if (r.depth == 0) {
			root_text(&b, &r, root);
			continue;
		}
		uint32_t depth = r.depth;
		if (depth > b.depth + 1) {
			gsl_error(ctx, gsl_loc(file, r.line, 1),
				  "%u dots after a line of depth %u: a line may be at most "
				  "one level deeper than the line before", depth, b.depth);
			depth = b.depth + 1;
		}
		struct gsl_node *parent = b.open[depth - 1];
		struct gsl_node *n = markup_node(&b, &r, parent);
		/* The last node of this depth is the previous sibling, if it
		 * is a child of the same parent. */
		struct gsl_node *prev = depth < b.cap && b.open[depth] &&
					b.open[depth]->parent == parent ? b.open[depth] : NULL;
		gsl_node_insert(parent, prev, n);
		open_node(&b, depth, n);
	}
	for (size_t i = 0; i < b.nincludes; i++)
		expand_include(&b, b.includes[i]);
	gsl_xfree(ctx->mem, b.includes);
	gsl_xfree(ctx->mem, b.open);
	return root;
}

struct gsl_node *gsl_parse_file(struct gsl_ctx *ctx, uint32_t file)
{
	return parse(ctx, file, NULL, 0);
}
