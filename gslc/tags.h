/* tags.h: every tag GSL gives a meaning to, declared once. The enum, the
 * name table and the argument syntax are all derived from this list.
 *
 * X(ID, name, alias, syntax, marker, where)
 *   name    canonical name (spaces written as '_', as the original does)
 *   alias   the short spelling, or NULL
 *   syntax  how the argument is parsed where the tag has its meaning:
 *           TEXT (free text), NAMES (comma list of names), NAME (one
 *           name), ARGSPEC (`name: kind`), RANGE (`m..n`), COND
 *           (`[not] K.cond(a, b)`)
 *   marker  whether `::` (a definition) is REQUIRED, ALLOWED or NEVER
 *   where   SPEC: a specification tag; DOC: a document directive; BOTH
 */
#ifndef GSL_TAGS_H
#define GSL_TAGS_H

#define GSL_TAGS(X) \
	/* packages and definitions */ \
	X(KIND, "kind", NULL, NAMES, REQUIRED, SPEC) \
	X(SUPERKIND, "superkind", NULL, NAMES, REQUIRED, SPEC) \
	X(AND, "and", NULL, NAMES, ALLOWED, SPEC) \
	X(IMPORT, "import", NULL, NAMES, ALLOWED, SPEC) \
	X(FROM, "from", NULL, NAMES, NEVER, SPEC) \
	X(USING, "using", NULL, NAMES, NEVER, SPEC) \
	X(RESOLVE_BY, "resolve_by", NULL, NAME, NEVER, SPEC) \
	X(MACRO, "macro", NULL, NAMES, REQUIRED, SPEC) \
	X(DOCUMENT, "document", NULL, NAME, NEVER, SPEC) \
	X(INCLUDE, "include", NULL, TEXT, NEVER, BOTH) \
	/* aspects of kinds */ \
	X(ATTRIBUTE, "attribute", "attr", NAMES, REQUIRED, SPEC) \
	X(METHOD, "method", NULL, NAMES, REQUIRED, SPEC) \
	X(MAPPING, "mapping", NULL, TEXT, NEVER, SPEC) \
	X(OPERATOR, "operator", "op", NAMES, NEVER, SPEC) \
	X(INPLACE_OPERATOR, "inplace_operator", "iop", NAMES, NEVER, SPEC) \
	X(REVERSE_OPERATOR, "reverse_operator", "rop", NAMES, NEVER, SPEC) \
	X(FUNCTION_OPERATOR, "function_operator", "fop", NAMES, NEVER, SPEC) \
	X(GETITEM, "getitem", NULL, TEXT, NEVER, SPEC) \
	X(SETITEM, "setitem", NULL, TEXT, NEVER, SPEC) \
	X(DELITEM, "delitem", NULL, TEXT, NEVER, SPEC) \
	X(SELF, "self", NULL, NAME, NEVER, SPEC) \
	X(CONSTRUCTOR, "constructor", NULL, NAMES, NEVER, SPEC) \
	X(SUBKIND_OF, "subkind_of", NULL, NAMES, NEVER, SPEC) \
	X(SUPERKIND_OF, "superkind_of", NULL, NAMES, NEVER, SPEC) \
	X(KIND_OF, "kind_of", NULL, NAMES, NEVER, BOTH) \
	X(EITHER, "either", NULL, NAMES, NEVER, SPEC) \
	X(EXAMPLE, "example", "eg", TEXT, NEVER, SPEC) \
	X(IN_CONTEXT, "in_context", NULL, TEXT, NEVER, SPEC) \
	X(CONDITION, "condition", "cond", NAMES, ALLOWED, SPEC) \
	X(PYTHON_CODE, "python_code", NULL, TEXT, NEVER, SPEC) \
	/* argument grammars, returns and contracts */ \
	X(ARG, "arg", NULL, ARGSPEC, NEVER, SPEC) \
	X(KEY_ARG, "key_arg", "ka", ARGSPEC, NEVER, SPEC) \
	X(ARGS, "args", NULL, NAMES, NEVER, BOTH) \
	X(OPTIONALS, "optionals", NULL, NAMES, NEVER, SPEC) \
	X(ALT, "alt", NULL, NAMES, NEVER, SPEC) \
	X(SEQ, "seq", NULL, NAMES, NEVER, SPEC) \
	X(REPEAT, "repeat", NULL, RANGE, NEVER, SPEC) \
	X(DRAW, "draw", NULL, TEXT, NEVER, SPEC) \
	X(NO_ARG, "no_arg", NULL, TEXT, NEVER, SPEC) \
	X(NAME, "name", NULL, NAME, NEVER, SPEC) \
	X(DEFAULT, "default", NULL, TEXT, NEVER, SPEC) \
	X(RETURNS, "returns", NULL, NAMES, NEVER, SPEC) \
	X(PRECONDITION, "precondition", NULL, COND, NEVER, SPEC) \
	X(POSTCONDITION, "postcondition", NULL, COND, NEVER, SPEC) \
	X(EQUATION, "equation", NULL, TEXT, NEVER, SPEC) \
	X(DEFINES, "defines", NULL, NAMES, NEVER, BOTH) \
	/* text */ \
	X(DESCRIPTION, "description", "d", TEXT, NEVER, BOTH) \
	X(DESCRIPTION_WITH_HEADER, "description_with_header", "dwh", TEXT, NEVER, BOTH) \
	X(COMMENT, "comment", "c", TEXT, NEVER, BOTH) \
	X(TEXT, "text", "t", TEXT, NEVER, BOTH) \
	/* document directives */ \
	X(OUTPUT, "output", NULL, NAMES, NEVER, DOC) \
	X(MAN_PAGE_OF, "man_page_of", NULL, NAMES, NEVER, DOC) \
	X(TEST_OF, "test_of", NULL, NAMES, NEVER, DOC) \
	X(COVERAGE, "coverage", NULL, TEXT, NEVER, DOC) \
	X(SYNOPSIS_OF, "synopsis_of", NULL, NAMES, NEVER, DOC) \
	X(DOCUMENT_TITLE, "document_title", NULL, TEXT, NEVER, DOC) \
	X(DOCUMENT_LANG, "document_lang", NULL, TEXT, NEVER, DOC) \
	X(HEADER, "header", NULL, TEXT, NEVER, DOC) \
	X(USE, "use", NULL, TEXT, NEVER, DOC) \
	X(TAKE_ALL, "take_all", NULL, TEXT, NEVER, DOC) \
	X(TAKE_FIRST, "take_first", NULL, TEXT, NEVER, DOC) \
	X(TAKE_REST, "take_rest", NULL, TEXT, NEVER, DOC) \
	X(FOR, "for", NULL, NAME, NEVER, DOC) \
	X(IN, "in", NULL, NAMES, NEVER, DOC) \
	X(REF, "ref", NULL, TEXT, NEVER, DOC) \
	X(LABEL, "label", NULL, TEXT, NEVER, DOC) \
	X(DEFINE, "define", NULL, TEXT, NEVER, DOC) \
	X(LINK_TO, "link_to", NULL, TEXT, NEVER, DOC) \
	X(ID_OF, "id_of", NULL, TEXT, NEVER, DOC) \
	X(NAME_OF, "name_of", NULL, TEXT, NEVER, DOC) \
	X(DESCRIPTION_OF, "description_of", NULL, TEXT, NEVER, DOC) \
	X(ATTR_NAME_OF, "attr_name_of", NULL, TEXT, NEVER, DOC) \
	X(ARGUMENTS_OF, "arguments_of", NULL, TEXT, NEVER, DOC) \
	X(ATTRIBUTES_OF, "attributes_of", NULL, TEXT, NEVER, DOC) \
	X(MAPPINGS_OF, "mappings_of", NULL, TEXT, NEVER, DOC) \
	X(SPECIFIED_DEFINITIONS, "specified_definitions", NULL, TEXT, NEVER, DOC) \
	X(SYMBOL, "symbol", NULL, TEXT, NEVER, DOC) \
	X(GSML, "gsml", NULL, TEXT, NEVER, DOC) \
	X(META, "meta", NULL, TEXT, NEVER, DOC) \
	X(BLOCK, "block", NULL, TEXT, NEVER, DOC)

#endif
