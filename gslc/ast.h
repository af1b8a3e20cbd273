/* ast.h: the syntax tree of a GSL file. One node per markup line, in a
 * tree given by the leading dots; each node has a tag, an argument, a
 * source location and, for the tags whose argument has structure (name
 * lists, argument specs, ranges, condition references), its parsed form.
 * Nodes live in the context's arena and are never freed one by one. */
#ifndef GSL_AST_H
#define GSL_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "context.h"
#include "tags.h"

/* A piece of text, not necessarily NUL-terminated. */
struct gsl_str {
	const char *ptr;
	size_t len;
};

#define GSL_TAG_ENUM(id, name, alias, syntax, marker, where) GSL_TAG_##id,
enum gsl_tag {
	GSL_TAG_ROOT,    /* the file itself */
	GSL_TAG_MARKUP,  /* any other tag: markup such as p, em, table */
	GSL_TAG_HTMLATTR, /* `key=value`: an attribute of the parent element */
	GSL_TAGS(GSL_TAG_ENUM)
	GSL_TAG_COUNT
};
#undef GSL_TAG_ENUM

enum gsl_syntax { GSL_SYNTAX_TEXT, GSL_SYNTAX_NAMES, GSL_SYNTAX_NAME,
		  GSL_SYNTAX_ARGSPEC, GSL_SYNTAX_RANGE, GSL_SYNTAX_COND };
enum gsl_marker { GSL_MARKER_NEVER, GSL_MARKER_ALLOWED, GSL_MARKER_REQUIRED };

/* The canonical name of a tag ("key_arg"), its short alias or NULL. */
const char *gsl_tag_name(enum gsl_tag tag);
/* The name as people write it ("key arg"), for messages; in words. */
#define GSL_TAG_WORDS_MAX 32
const char *gsl_tag_words(enum gsl_tag tag, char words[GSL_TAG_WORDS_MAX]);
const char *gsl_tag_alias(enum gsl_tag tag);
enum gsl_syntax gsl_tag_syntax(enum gsl_tag tag);
enum gsl_marker gsl_tag_marker(enum gsl_tag tag);
bool gsl_tag_is_spec(enum gsl_tag tag);
/* Whether the tag is part of an argument grammar: arg, key arg, args,
 * optionals, alt, seq, repeat, draw, no arg. */
bool gsl_tag_is_grammar(enum gsl_tag tag);
/* Whether the tag is an operator or item access: op, iop, rop, fop,
 * getitem, setitem, delitem. */
bool gsl_tag_is_operator(enum gsl_tag tag);
bool gsl_tag_is_doc(enum gsl_tag tag);

struct gsl_subject;

/* One name of a comma list, or the dotted path of a reference. The
 * fields are laid out to keep it at 40 bytes: there are many. */
struct gsl_name {
	const char *text;      /* without surrounding blanks; not NUL-terminated */
	struct gsl_name *next;
	struct gsl_subject *ref; /* what it names, set by name resolution */
	uint32_t len;
	struct gsl_loc loc;
};

static inline struct gsl_str gsl_name_str(const struct gsl_name *n)
{
	return (struct gsl_str){ n->text, n->len };
}

/* `.arg: name: kind`, `.arg: name`, `.arg: : kind` (then `.name: n`). */
struct gsl_argspec {
	struct gsl_name *name; /* NULL when not given on the line */
	struct gsl_name *kind; /* NULL: any kind */
};

/* `.repeat: m..n`; max is GSL_UNBOUNDED for `m..*`. */
struct gsl_range {
	int32_t min;
	int32_t max;
};
#define GSL_UNBOUNDED (-1)

/* `.precondition: not K.cond(a, <returned value>)`. */
struct gsl_condref {
	bool negated;
	struct gsl_name *cond; /* the dotted path K.cond */
	struct gsl_name *args; /* argument names, possibly <returned value> */
};

enum gsl_node_flags {
	GSL_NODE_DEFINITION = 1 << 0, /* written with `::` */
	GSL_NODE_BAD_ARG = 1 << 1,    /* the argument did not parse */
	GSL_NODE_BARE = 1 << 2,       /* no colon: the argument is the text lines */
	GSL_NODE_IN_DOC = 1 << 3,     /* inside a document, macro or description */
	GSL_NODE_IN_COMMENT = 1 << 4, /* inside a comment: nothing is parsed */
	GSL_NODE_ROOT_TEXT = 1 << 5,  /* the text before the first markup line */
};

/* A node of the tree. A tree has one per markup line and the largest
 * specifications have hundreds of thousands, so the node is kept at 56
 * bytes: fields are ordered to leave no padding, and there are no links
 * to the previous sibling and the last child (nothing walks backwards;
 * the tree builder knows where it appends). */
struct gsl_node {
	struct gsl_node *parent;
	struct gsl_node *first_child;
	struct gsl_node *next;
	const char *arg;        /* the argument text, unstripped, quoting removed */
	union {
		const char *tag;               /* MARKUP, HTMLATTR: the tag, interned */
		struct gsl_name *names;        /* NAMES, NAME */
		struct gsl_argspec *argspec;   /* ARGSPEC */
		struct gsl_range range;        /* RANGE */
		struct gsl_condref *cond;      /* COND */
	} u;
	uint32_t arg_len;
	uint32_t line;          /* location of the tag's first character */
	uint32_t col;
	uint16_t file;
	uint8_t tag;            /* enum gsl_tag */
	uint8_t flags;          /* enum gsl_node_flags */
};

static inline struct gsl_loc gsl_node_loc(const struct gsl_node *n)
{
	return gsl_loc(n->file, n->line, n->col);
}

/* The tag named `name` (blanks count as '_'; short aliases accepted), or
 * GSL_TAG_MARKUP when GSL gives it no meaning. */
enum gsl_tag gsl_tag_lookup(struct gsl_ctx *ctx, struct gsl_str name);

/* The tag as written in normalised form ("p", "href", "key_arg"). */
struct gsl_str gsl_node_tag(const struct gsl_node *n);
struct gsl_str gsl_node_arg(const struct gsl_node *n);
/* The argument without surrounding blanks and newlines. */
struct gsl_str gsl_node_arg_stripped(const struct gsl_node *n);
/* How the node's argument was parsed (depends on where it stands). */
enum gsl_syntax gsl_node_syntax(const struct gsl_node *n);

struct gsl_str gsl_str_strip(struct gsl_str s);
bool gsl_str_eq(struct gsl_str s, const char *cstr);
bool gsl_str_equal(struct gsl_str a, struct gsl_str b);

/* Parses a whole file (already loaded, by file number) into a tree with
 * a ROOT node. Reports problems through the context and always returns a
 * tree (error recovery keeps what can be kept). */
struct gsl_node *gsl_parse_file(struct gsl_ctx *ctx, uint32_t file);

/* Tree building, used by the parser stages. */
struct gsl_node *gsl_node_new(struct gsl_ctx *ctx, enum gsl_tag tag, struct gsl_loc loc);
/* Makes child a child of parent, after the child prev (first if NULL). */
void gsl_node_insert(struct gsl_node *parent, struct gsl_node *prev, struct gsl_node *child);

/* Parses the structured argument of n (its syntax is not TEXT), which
 * starts at loc, and stores the result in n->u. After a syntax error the
 * node is flagged GSL_NODE_BAD_ARG. */
void gsl_parse_arg(struct gsl_ctx *ctx, struct gsl_node *n, struct gsl_loc loc);

/* Actions of the argument grammar (parser.y), one call each. */
struct gsl_argparse;
struct gsl_name_list;
struct gsl_name *gsl_ast_name(struct gsl_argparse *p, struct gsl_str text,
			      const struct gsl_loc *loc);
struct gsl_name_list gsl_ast_list(const struct gsl_name_list *list, struct gsl_name *name);
void gsl_ast_set_names(struct gsl_argparse *p, struct gsl_name *names);
void gsl_ast_trailing_comma(struct gsl_argparse *p, struct gsl_name *names,
			    const struct gsl_loc *comma);
void gsl_ast_set_argspec(struct gsl_argparse *p, struct gsl_name *name, struct gsl_name *kind);
void gsl_ast_set_range(struct gsl_argparse *p, struct gsl_str min, const struct gsl_loc *min_loc,
		       struct gsl_str max, const struct gsl_loc *max_loc);
void gsl_ast_set_range_unbounded(struct gsl_argparse *p, struct gsl_str min,
				 const struct gsl_loc *min_loc);
void gsl_ast_set_cond(struct gsl_argparse *p, bool negated, struct gsl_name *cond,
		      struct gsl_name *args);

/* Whether two trees are equal in tags, arguments and structure
 * (locations ignored); the unparser's property tests use it. */
bool gsl_ast_equal(const struct gsl_node *a, const struct gsl_node *b);

#endif
