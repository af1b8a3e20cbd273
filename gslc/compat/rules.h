/* rules.h: the catalogue of compatibility rules, declared once. Each rule
 * has a stable id (never renamed: ignore files and CI scripts use it), a
 * default severity and the sentence that says why it matters. */
#ifndef GSL_COMPAT_RULES_H
#define GSL_COMPAT_RULES_H

#include <stdbool.h>

enum compat_severity {
	COMPAT_OFF,      /* not reported */
	COMPAT_INFO,     /* a compatible change worth knowing */
	COMPAT_WARNING,  /* the specification cannot decide */
	COMPAT_BREAKING, /* a test generated from OLD may fail for NEW */
};

/* X(ID, "id", default severity, why) */
#define COMPAT_RULES(X) \
	X(KIND_REMOVED, "kind-removed", BREAKING, \
	  "Tests of the kind and of values said to be of it cannot be generated from NEW.") \
	X(KIND_ADDED, "kind-added", INFO, \
	  "A new kind removes nothing an old test relies on.") \
	X(KIND_RENAMED, "kind-renamed", BREAKING, \
	  "Everything that names the kind by its old name no longer finds it.") \
	X(SUBKIND_REMOVED, "subkind-removed", BREAKING, \
	  "Values of the kind were promised to be values of the other kind, with all its aspects.") \
	X(SUBKIND_ADDED, "subkind-added", INFO, \
	  "Promising more of a kind's values narrows them; old tests still hold.") \
	X(SUPERKIND_OF_REMOVED, "superkind-of-removed", BREAKING, \
	  "Values of the covered kind were accepted wherever the superkind is; NEW no longer says so.") \
	X(SUPERKIND_OF_ADDED, "superkind-of-added", INFO, \
	  "A superkind that covers more kinds accepts more values.") \
	X(CONSTRUCTOR_REMOVED, "constructor-removed", BREAKING, \
	  "Code that created objects of the kind this way has no promised replacement.") \
	X(CONSTRUCTOR_ADDED, "constructor-added", INFO, \
	  "A new way to create objects removes nothing.") \
	X(EXAMPLE_REMOVED, "example-removed", WARNING, \
	  "Old tests pass this example value; NEW no longer names it as a value of the kind.") \
	X(EXAMPLE_ADDED, "example-added", INFO, \
	  "New example values only add tests.") \
	X(CONDITION_REMOVED, "condition-removed", WARNING, \
	  "The predicate is gone; tests that checked it cannot be generated from NEW.") \
	X(CONDITION_ADDED, "condition-added", INFO, \
	  "A new predicate changes no old test.") \
	X(CONDITION_CHANGED, "condition-changed", WARNING, \
	  "The predicate's code changed; whether it is weaker or stronger cannot be decided.") \
	X(ATTR_REMOVED, "attr-removed", BREAKING, \
	  "Tests generated from OLD read the attribute; objects conforming to NEW need not have it.") \
	X(ATTR_ADDED, "attr-added", INFO, \
	  "A new attribute removes nothing an old test relies on.") \
	X(ATTR_RENAMED, "attr-renamed", BREAKING, \
	  "Tests generated from OLD read the attribute by its old name.") \
	X(METHOD_REMOVED, "method-removed", BREAKING, \
	  "Tests generated from OLD call the method; objects conforming to NEW need not have it.") \
	X(METHOD_ADDED, "method-added", INFO, \
	  "A new method removes nothing an old test relies on.") \
	X(METHOD_RENAMED, "method-renamed", BREAKING, \
	  "Tests generated from OLD call the method by its old name.") \
	X(OPERATOR_REMOVED, "operator-removed", BREAKING, \
	  "Tests generated from OLD apply the operator; objects conforming to NEW need not support it.") \
	X(OPERATOR_ADDED, "operator-added", INFO, \
	  "A new operator removes nothing an old test relies on.") \
	X(ITEM_ACCESS_REMOVED, "item-access-removed", BREAKING, \
	  "Tests generated from OLD index the object; objects conforming to NEW need not allow it.") \
	X(ITEM_ACCESS_ADDED, "item-access-added", INFO, \
	  "New item access removes nothing an old test relies on.") \
	X(CALL_REMOVED, "call-removed", BREAKING, \
	  "Tests generated from OLD call the value; NEW no longer says it can be called.") \
	X(CALL_ADDED, "call-added", INFO, \
	  "A value that can also be called still does all it did.") \
	X(ARGS_NARROWED, "args-narrowed", BREAKING, \
	  "NEW rejects an argument list that OLD accepts, so an old test's call may fail.") \
	X(ARGS_WIDENED, "args-widened", INFO, \
	  "NEW accepts every argument list OLD accepts, and more.") \
	X(ARGS_UNDECIDED, "args-undecided", WARNING, \
	  "The argument grammars are too large to compare exactly within the limits.") \
	X(RETURN_WIDENED, "return-widened", BREAKING, \
	  "NEW may return a value that is not of the kind OLD promised.") \
	X(RETURN_REMOVED, "return-removed", BREAKING, \
	  "OLD promised the kind of the returned value; NEW promises nothing in its place.") \
	X(RETURN_NARROWED, "return-narrowed", INFO, \
	  "NEW promises more of the returned value; old tests still hold.") \
	X(ATTR_KIND_WIDENED, "attr-kind-widened", BREAKING, \
	  "The attribute may hold a value that is not of the kind OLD promised.") \
	X(ATTR_KIND_REMOVED, "attr-kind-removed", BREAKING, \
	  "OLD promised the kind of the attribute's value; NEW promises nothing in its place.") \
	X(ATTR_KIND_NARROWED, "attr-kind-narrowed", INFO, \
	  "NEW promises more of the attribute's value; old tests still hold.") \
	X(PRECONDITION_ADDED, "precondition-added", BREAKING, \
	  "A stronger precondition rejects calls that old tests make.") \
	X(PRECONDITION_REMOVED, "precondition-removed", INFO, \
	  "A weaker precondition accepts every call it accepted before.") \
	X(POSTCONDITION_REMOVED, "postcondition-removed", BREAKING, \
	  "Old tests assert the postcondition; NEW no longer guarantees it.") \
	X(POSTCONDITION_ADDED, "postcondition-added", INFO, \
	  "A stronger postcondition guarantees all it did before.") \
	X(EQUATION_REMOVED, "equation-removed", BREAKING, \
	  "Old tests assert the equation; NEW no longer guarantees it.") \
	X(EQUATION_ADDED, "equation-added", INFO, \
	  "A new equation guarantees more.") \
	X(IGNORE_STALE, "ignore-stale", WARNING, \
	  "An accepted break that matches no finding should be removed from the ignore file.")

#define COMPAT_RULE_ENUM(id, name, severity, why) COMPAT_RULE_##id,
enum compat_rule { COMPAT_RULES(COMPAT_RULE_ENUM) COMPAT_RULE_COUNT };
#undef COMPAT_RULE_ENUM

const char *compat_rule_id(enum compat_rule rule);
const char *compat_rule_why(enum compat_rule rule);
enum compat_severity compat_rule_default(enum compat_rule rule);
/* The rule with the given id; false if there is none. */
bool compat_rule_lookup(const char *id, enum compat_rule *rule);

const char *compat_severity_name(enum compat_severity sev);
bool compat_severity_lookup(const char *name, enum compat_severity *sev);

#endif
