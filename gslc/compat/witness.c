/* witness.c: writing witness tests. Each is a Python module in the form
 * of the original's generated tests (a class Tester whose `tests` map a
 * kind's canonical name to a method taking an object of that kind), so
 * the harness that runs generated tests runs witnesses too. */
#include "config.h"

#include "witness.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pytext.h"
#include "pycode.h"

/* The kind's name as a Python identifier. */
static void put_identifier(struct gsl_buf *out, const char *name)
{
	for (const char *c = name; *c; c++) {
		bool word = *c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			    (*c >= '0' && *c <= '9');
		gsl_buf_putc(out, word ? *c : '_');
	}
}

/* A Python comment line holding text, newlines and all. */
static void put_comment(struct gsl_buf *out, const char *text)
{
	gsl_buf_puts(out, "# ");
	for (const char *c = text; *c; c++)
		gsl_buf_puts(out, *c == '\n' ? "\n# " : (char[]){ *c, 0 });
	gsl_buf_putc(out, '\n');
}

static void put_module(struct gsl_buf *out, const struct compat_finding *f)
{
	const struct compat_witness *w = f->witness;
	gsl_buf_puts(out, "# Witness of a breaking change, written by gslc compat.\n");
	struct gsl_buf line;
	gsl_buf_init(&line, out->mem);
	gsl_buf_printf(&line, "%s [%s]\nObjects of kind %s that conform to OLD pass this test;\n"
		       "objects that conform only to NEW need not.", f->message,
		       compat_rule_id(f->rule), w->kind);
	put_comment(out, gsl_buf_cstr(&line));
	gsl_buf_free(&line);
	gsl_buf_puts(out, "class Tester:\n    tests = {}\n");
	gsl_buf_puts(out, w->helpers);
	gsl_buf_puts(out, "    def test_");
	put_identifier(out, w->name);
	gsl_buf_puts(out, "(self, arg):\n");
	compat_code_indent(out, (struct gsl_str){ w->body, strlen(w->body) }, 8);
	gsl_buf_puts(out, "    tests[");
	gsl_py_repr(out, w->kind, strlen(w->kind));
	gsl_buf_puts(out, "] = test_");
	put_identifier(out, w->name);
	gsl_buf_putc(out, '\n');
}

static bool write_file(const char *path, const struct gsl_buf *text)
{
	FILE *f = fopen(path, "wb");
	bool ok = f && fwrite(gsl_buf_cstr(text), 1, text->len, f) == text->len;
	ok = f && fclose(f) == 0 && ok;
	if (!ok)
		fprintf(stderr, "gslc compat: cannot write '%s': %s\n", path, strerror(errno));
	return ok;
}

bool compat_witness_write(const struct compat_report *r, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gslc compat: cannot create '%s': %s\n", dir, strerror(errno));
		return false;
	}
	struct gsl_buf index, module, path;
	gsl_buf_init(&index, r->arena.mem);
	gsl_buf_init(&module, r->arena.mem);
	gsl_buf_init(&path, r->arena.mem);
	bool ok = true;
	for (uint32_t i = 0; i < r->n && ok; i++) {
		const struct compat_finding *f = &r->findings[i];
		if (f->severity != COMPAT_BREAKING || f->ignored)
			continue;
		gsl_buf_printf(&index, "%s %s %s ", f->fingerprint, compat_rule_id(f->rule), f->symbol);
		if (!f->witness) {
			gsl_buf_puts(&index, "-\n");
			continue;
		}
		gsl_buf_clear(&path);
		gsl_buf_printf(&path, "%s/witness_%s.py", dir, f->fingerprint);
		gsl_buf_clear(&module);
		put_module(&module, f);
		ok = write_file(gsl_buf_cstr(&path), &module);
		gsl_buf_printf(&index, "witness_%s.py\n", f->fingerprint);
	}
	gsl_buf_clear(&path);
	gsl_buf_printf(&path, "%s/witnesses.txt", dir);
	ok = ok && write_file(gsl_buf_cstr(&path), &index);
	gsl_buf_free(&index);
	gsl_buf_free(&module);
	gsl_buf_free(&path);
	return ok;
}
