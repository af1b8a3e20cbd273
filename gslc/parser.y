/* parser.y: the grammar of GSL's structured arguments: name lists
 * (`.import:: a, b,` continued on the next line), argument specifications
 * (`.arg: name: kind`), repeat ranges (`.repeat: 1..*`) and condition
 * references (`.postcondition: not K.cond(x, <returned value>)`). The
 * dotted tree around them is built by tree.c from the line scanner; each
 * structured argument is parsed on its own, so one bad argument is one
 * diagnostic and the rest of the file is still read. */

%code requires {
#include "ast.h"
#include "lexer.h"

/* The state of one argument parse. */
struct gsl_argparse {
	struct gsl_arglexer lx;
	struct gsl_ctx *ctx;
	struct gsl_node *node;   /* whose argument this is */
	const char *what;        /* what is parsed, for messages */
};

struct gsl_name_list {
	struct gsl_name *first;
	struct gsl_name *last;
};
}

%code provides {
int gsl_arg_lex(GSL_ARG_STYPE *val, GSL_ARG_LTYPE *loc, struct gsl_argparse *p);
void gsl_arg_error(GSL_ARG_LTYPE *loc, struct gsl_argparse *p, const char *msg);
}

%code {
/* Nodes take the location of their first token; an empty rule takes the
 * location where it stands. */
#define YYLLOC_DEFAULT(Cur, Rhs, N) \
	((Cur) = (N) ? YYRHSLOC(Rhs, 1) : YYRHSLOC(Rhs, 0))
}

%define api.pure full
%define api.prefix {gsl_arg_}
%define api.token.prefix {TOK_}
%define api.location.type {struct gsl_loc}
%define parse.error detailed
%define lr.default-reduction accepting
%locations
%param {struct gsl_argparse *p}
%expect 0

%union {
	struct gsl_str str;
	struct gsl_name *name;
	struct gsl_name_list list;
}

%token END 0 "end of argument"
%token START_NAMES START_NAME START_ARGSPEC START_RANGE START_COND
%token <str> NAME "name"
%token <str> INT "integer"
%token <str> WORD "word"
%token COMMA "','"
%token COLON "':'"
%token DOTDOT "'..'"
%token STAR "'*'"
%token LPAREN "'('"
%token RPAREN "')'"
%token NOT "'not'"

%type <name> name cond_args
%type <list> name_list arg_list

%%

argument
	: START_NAMES names
	| START_NAME name                { gsl_ast_set_names(p, $2); }
	| START_ARGSPEC argspec
	| START_RANGE range
	| START_COND condition
	;

names
	: %empty                         { gsl_ast_set_names(p, NULL); }
	| name_list                      { gsl_ast_set_names(p, $1.first); }
	| name_list COMMA                { gsl_ast_trailing_comma(p, $1.first, &@2); }
	;

name_list
	: name                           { $$ = gsl_ast_list(NULL, $1); }
	| name_list COMMA name           { $$ = gsl_ast_list(&$1, $3); }
	;

name
	: NAME                           { $$ = gsl_ast_name(p, $1, &@1); }
	;

argspec
	: name                           { gsl_ast_set_argspec(p, $1, NULL); }
	| name COLON name                { gsl_ast_set_argspec(p, $1, $3); }
	| COLON name                     { gsl_ast_set_argspec(p, NULL, $2); }
	;

range
	: INT                            { gsl_ast_set_range(p, $1, &@1, $1, &@1); }
	| INT DOTDOT INT                 { gsl_ast_set_range(p, $1, &@1, $3, &@3); }
	| INT DOTDOT STAR                { gsl_ast_set_range_unbounded(p, $1, &@1); }
	;

condition
	: name LPAREN cond_args RPAREN   { gsl_ast_set_cond(p, false, $1, $3); }
	| NOT name LPAREN cond_args RPAREN { gsl_ast_set_cond(p, true, $2, $4); }
	;

cond_args
	: %empty                         { $$ = NULL; }
	| arg_list                       { $$ = $1.first; }
	;

arg_list
	: name                           { $$ = gsl_ast_list(NULL, $1); }
	| arg_list COMMA name            { $$ = gsl_ast_list(&$1, $3); }
	;
