/* ignore.c: reading an ignore file and applying it to findings. Each
 * line that is not blank or a `#` comment reads `RULE SYMBOL REASON`:
 * a rule id of the catalogue, the symbol path a finding names, and why
 * the break is accepted (required: a reviewer should see it). */
#include "config.h"

#include "ignore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

struct entry {
	enum compat_rule rule;
	char *symbol;
	char *reason;
	uint32_t line;
	bool used;
};

struct compat_ignore {
	const struct gsl_mem *mem;
	char *path;
	struct entry *entries;
	size_t n, cap;
};

void compat_ignore_free(struct compat_ignore *ig)
{
	if (!ig)
		return;
	for (size_t i = 0; i < ig->n; i++) {
		gsl_xfree(ig->mem, ig->entries[i].symbol);
		gsl_xfree(ig->mem, ig->entries[i].reason);
	}
	gsl_xfree(ig->mem, ig->entries);
	gsl_xfree(ig->mem, ig->path);
	gsl_xfree(ig->mem, ig);
}

static char *copy(const struct gsl_mem *mem, const char *s, size_t n)
{
	char *c = gsl_xmalloc(mem, n + 1);
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

/* The next blank-separated word of *p. */
static size_t word(const char **p)
{
	*p += strspn(*p, " \t");
	return strcspn(*p, " \t");
}

/* Parses one line; false after reporting a problem. */
static bool parse_line(struct compat_ignore *ig, const char *line, uint32_t number)
{
	const char *p = line;
	size_t n = word(&p);
	if (!n || *p == '#')
		return true;
	char id[64];
	enum compat_rule rule;
	bool known = n < sizeof id;
	if (known) {
		memcpy(id, p, n);
		id[n] = '\0';
		known = compat_rule_lookup(id, &rule);
	}
	if (!known) {
		fprintf(stderr, "%s:%u: error: unknown rule '%.*s' (see gslc compat --list-rules)\n",
			ig->path, (unsigned)number, (int)n, p);
		return false;
	}
	p += n;
	n = word(&p);
	const char *symbol = p;
	size_t nsymbol = n;
	p += n;
	p += strspn(p, " \t");
	size_t nreason = strlen(p);
	while (nreason && (p[nreason - 1] == ' ' || p[nreason - 1] == '\t' || p[nreason - 1] == '\r'))
		nreason--;
	if (!nsymbol || !nreason) {
		fprintf(stderr, "%s:%u: error: expected 'RULE SYMBOL REASON'%s\n", ig->path,
			(unsigned)number, nsymbol ? " (the reason is required)" : "");
		return false;
	}
	if (ig->n == ig->cap) {
		ig->cap = ig->cap ? 2 * ig->cap : 16;
		ig->entries = gsl_xrealloc(ig->mem, ig->entries, ig->cap * sizeof *ig->entries);
	}
	ig->entries[ig->n++] = (struct entry){ rule, copy(ig->mem, symbol, nsymbol),
					       copy(ig->mem, p, nreason), number, false };
	return true;
}

struct compat_ignore *compat_ignore_read(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		perror(path);
		return NULL;
	}
	const struct gsl_mem *mem = &gsl_default_mem;
	struct compat_ignore *ig = gsl_xmalloc(mem, sizeof *ig);
	*ig = (struct compat_ignore){ .mem = mem, .path = copy(mem, path, strlen(path)) };
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	bool ok = true;
	for (uint32_t number = 1; (len = getline(&line, &cap, f)) >= 0; number++) {
		if (len && line[len - 1] == '\n')
			line[len - 1] = '\0';
		ok = parse_line(ig, line, number) && ok;
	}
	free(line);
	fclose(f);
	if (!ok) {
		compat_ignore_free(ig);
		return NULL;
	}
	return ig;
}

void compat_ignore_apply(struct compat_ignore *ig, struct compat_report *r)
{
	struct gsl_strmap by_key;
	gsl_strmap_init(&by_key, ig->mem);
	struct gsl_buf key;
	gsl_buf_init(&key, ig->mem);
	char **keys = gsl_xmalloc(ig->mem, (ig->n + 1) * sizeof *keys);
	for (size_t i = 0; i < ig->n; i++) {
		gsl_buf_clear(&key);
		gsl_buf_printf(&key, "%s %s", compat_rule_id(ig->entries[i].rule),
			       ig->entries[i].symbol);
		keys[i] = copy(ig->mem, key.data, key.len);
		*gsl_strmap_slot(&by_key, keys[i], key.len) = &ig->entries[i];
	}
	for (uint32_t i = 0; i < r->n; i++) {
		struct compat_finding *f = &r->findings[i];
		gsl_buf_clear(&key);
		gsl_buf_printf(&key, "%s %s", compat_rule_id(f->rule), f->symbol);
		struct entry *e = gsl_strmap_get(&by_key, key.data, key.len);
		if (!e)
			continue;
		e->used = true;
		f->ignored = gsl_arena_strdup(&r->arena, e->reason);
	}
	for (size_t i = 0; i < ig->n; i++) {
		const struct entry *e = &ig->entries[i];
		if (e->used)
			continue;
		struct compat_finding *f = compat_report_add(r, COMPAT_RULE_IGNORE_STALE, e->symbol,
			(struct compat_place){ 0 }, (struct compat_place){ 0 }, compat_rule_id(e->rule),
			"the ignore entry for %s %s matches no finding", compat_rule_id(e->rule),
			e->symbol);
		if (f)
			f->where = (struct compat_place){ gsl_arena_strdup(&r->arena, ig->path),
							  e->line, 1 };
	}
	for (size_t i = 0; i < ig->n; i++)
		gsl_xfree(ig->mem, keys[i]);
	gsl_xfree(ig->mem, keys);
	gsl_buf_free(&key);
	gsl_strmap_free(&by_key);
}
