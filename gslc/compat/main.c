/* main.c: `gslc compat OLD NEW`, the command line of compatibility
 * reports. It loads both sides, compares them, applies the ignore file,
 * writes witnesses and the report, and says by its exit status whether
 * NEW is backward compatible with OLD. */
#include "config.h"

#include "gslc_compat.h"

#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diff.h"
#include "ignore.h"
#include "match.h"
#include "report.h"
#include "sources.h"
#include "witness.h"

enum { STATUS_COMPATIBLE, STATUS_BREAKING, STATUS_UNUSABLE };

struct options {
	enum compat_format format;
	const char *output;
	const char *ignore;
	const char *witness;
	const char **dirs;
	size_t ndirs;
	int color;              /* -1 auto, 0 never, 1 always */
	bool list_rules;
	bool stats;             /* print the time of each stage (benchmarks) */
};

/* Seconds on a clock: CLOCK_MONOTONIC, or CLOCK_THREAD_CPUTIME_ID for
 * the processor time of the calling thread. */
static double seconds(clockid_t clock)
{
	struct timespec t;
	clock_gettime(clock, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double now(void)
{
	return seconds(CLOCK_MONOTONIC);
}

static double cpu(void)
{
	return seconds(CLOCK_THREAD_CPUTIME_ID);
}

static void usage(FILE *out)
{
	fputs("Usage: gslc compat [OPTION]... OLD NEW\n"
	      "Report whether the specifications NEW are backward compatible with OLD:\n"
	      "whether every test that could be generated from OLD holds for every\n"
	      "object that conforms to NEW. OLD and NEW are each a .gsl file, a\n"
	      "directory of them, or REV:path read from git.\n"
	      "\n"
	      "  -I DIR             search DIR for imported files (both sides)\n"
	      "      --format=FMT   text (default), json, markdown, html or github\n"
	      "  -o FILE            write the report to FILE (default: standard output)\n"
	      "      --ignore=FILE  accept the breaks FILE lists (rule, symbol, reason)\n"
	      "      --severity=RULE=LEVEL\n"
	      "                     report RULE as breaking, warning, info or off\n"
	      "      --witness=DIR  write a Python test per breaking finding into DIR\n"
	      "      --color=WHEN   auto (default), always or never\n"
	      "      --list-rules   print the rule catalogue (--format=text, json, markdown)\n"
	      "      --stats        print the time each stage takes (to standard error)\n"
	      "  -h, --help         show this help\n"
	      "\n"
	      "Exit status: 0 compatible, 1 breaking changes found, 2 the comparison\n"
	      "could not be made.\n", out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("gslc compat: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'gslc compat --help' for more information.\n", stderr);
	return STATUS_UNUSABLE;
}

static bool parse_format(const char *name, enum compat_format *f)
{
	static const char *const names[] = {
		[COMPAT_FORMAT_TEXT] = "text", [COMPAT_FORMAT_JSON] = "json",
		[COMPAT_FORMAT_MARKDOWN] = "markdown", [COMPAT_FORMAT_HTML] = "html",
		[COMPAT_FORMAT_GITHUB] = "github",
	};
	for (int i = 0; i < (int)(sizeof names / sizeof *names); i++)
		if (strcmp(names[i], name) == 0) {
			*f = (enum compat_format)i;
			return true;
		}
	return false;
}

/* `RULE=LEVEL`, applied to the report's severities. */
static bool parse_severity(const char *arg, struct compat_report *r)
{
	const char *eq = strchr(arg, '=');
	if (!eq)
		return false;
	char id[64];
	size_t n = (size_t)(eq - arg);
	if (n >= sizeof id)
		return false;
	memcpy(id, arg, n);
	id[n] = '\0';
	enum compat_rule rule;
	enum compat_severity sev;
	if (!compat_rule_lookup(id, &rule) || !compat_severity_lookup(eq + 1, &sev))
		return false;
	r->severity[rule] = sev;
	return true;
}

static bool write_all(const char *path, const struct gsl_buf *out)
{
	FILE *f = path ? fopen(path, "wb") : stdout;
	if (!f) {
		perror(path);
		return false;
	}
	bool ok = fwrite(gsl_buf_cstr(out), 1, out->len, f) == out->len;
	ok = (path ? fclose(f) == 0 : fflush(f) == 0) && ok;
	if (!ok)
		fprintf(stderr, "gslc compat: cannot write '%s'\n", path ? path : "standard output");
	return ok;
}

static void render(const struct compat_report *r, const struct options *o, struct gsl_buf *out)
{
	switch (o->format) {
	case COMPAT_FORMAT_TEXT: {
		bool tty = !o->output && isatty(1) && !getenv("NO_COLOR");
		compat_render_text(r, out, o->color < 0 ? tty : o->color);
		break;
	}
	case COMPAT_FORMAT_JSON: compat_render_json(r, out); break;
	case COMPAT_FORMAT_MARKDOWN: compat_render_markdown(r, out); break;
	case COMPAT_FORMAT_HTML: compat_render_html(r, out); break;
	case COMPAT_FORMAT_GITHUB: compat_render_github(r, out); break;
	}
}

struct load {
	struct compat_side *side;
	const char *label;
	const struct options *o;
	double cpu;             /* the processor time it took */
};

static void *load(void *data)
{
	struct load *l = data;
	double start = cpu();
	compat_side_load(l->side, l->label, l->o->dirs, l->o->ndirs);
	l->cpu = cpu() - start;
	return NULL;
}

/* Loads, compares and reports; the exit status. */
static int run(struct options *o, struct compat_report *r, const char *old_label,
	       const char *new_label)
{
	double t0 = now();
	struct compat_side old, new;
	struct load other = { &old, old_label, o, 0 }, this = { &new, new_label, o, 0 };
	/* The sides share nothing, so OLD loads in a thread of its own. */
	pthread_t thread;
	bool threaded = pthread_create(&thread, NULL, load, &other) == 0;
	if (!threaded)
		load(&other);
	load(&this);
	bool ok = !new.failed;
	if (threaded)
		pthread_join(thread, NULL);
	double t1 = now();
	ok = !old.failed && ok;
	compat_side_diagnose(&old);
	compat_side_diagnose(&new);
	struct compat_ignore *ignore = NULL;
	if (ok && o->ignore) {
		ignore = compat_ignore_read(o->ignore);
		ok = ignore != NULL;
	}
	int status = STATUS_UNUSABLE;
	if (ok) {
		r->old_label = old_label;
		r->new_label = new_label;
		r->witnesses = o->witness != NULL;
		double t2 = now(), c2 = cpu();
		compat_match_kinds(&old, &new);
		double t3 = now();
		compat_compare(&old, &new, r);
		double t4 = now();
		if (ignore)
			compat_ignore_apply(ignore, r);
		compat_report_finish(r);
		/* Wall times, then processor times: on a busy machine the
		 * latter say what an idle one would take. */
		if (o->stats)
			fprintf(stderr, "load %.3f s, match %.3f s, compare %.3f s, report %.3f s; "
				"cpu: load %.3f s and %.3f s, then %.3f s; %u + %u kinds, "
				"%u findings\n", t1 - t0, t3 - t2, t4 - t3, now() - t4, other.cpu,
				this.cpu, cpu() - c2, (unsigned)old.nkinds, (unsigned)new.nkinds,
				(unsigned)r->n);
		ok = !o->witness || compat_witness_write(r, o->witness);
		struct gsl_buf out;
		gsl_buf_init(&out, old.ctx.mem);
		render(r, o, &out);
		ok = write_all(o->output, &out) && ok;
		gsl_buf_free(&out);
		status = !ok ? STATUS_UNUSABLE
			     : compat_report_counts(r).breaking ? STATUS_BREAKING : STATUS_COMPATIBLE;
	}
	compat_ignore_free(ignore);
	compat_side_free(&old);
	compat_side_free(&new);
	return status;
}

int gsl_compat_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "ignore", required_argument, NULL, 'i' },
		{ "severity", required_argument, NULL, 's' },
		{ "witness", required_argument, NULL, 'w' },
		{ "color", required_argument, NULL, 'c' },
		{ "list-rules", no_argument, NULL, 'l' },
		{ "stats", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o = { .color = -1 };
	struct compat_report r;
	compat_report_init(&r, &gsl_default_mem);
	int status = -1, c;
	optind = 1;
	while (status < 0 && (c = getopt_long(argc, argv, "I:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'I':
			o.dirs = gsl_xrealloc(&gsl_default_mem, o.dirs, (o.ndirs + 1) * sizeof *o.dirs);
			o.dirs[o.ndirs++] = optarg;
			break;
		case 'o': o.output = optarg; break;
		case 'i': o.ignore = optarg; break;
		case 'w': o.witness = optarg; break;
		case 'l': o.list_rules = true; break;
		case 'S': o.stats = true; break;
		case 'f':
			if (!parse_format(optarg, &o.format))
				status = usage_error("unknown format '%s' (expected text, json, "
						     "markdown, html or github)", optarg);
			break;
		case 's':
			if (!parse_severity(optarg, &r))
				status = usage_error("bad severity '%s' (expected RULE=LEVEL, LEVEL "
						     "one of breaking, warning, info, off)", optarg);
			break;
		case 'c':
			o.color = strcmp(optarg, "always") == 0 ? 1 : strcmp(optarg, "never") == 0 ? 0
				: strcmp(optarg, "auto") == 0 ? -1 : -2;
			if (o.color == -2)
				status = usage_error("unknown --color '%s' (auto, always, never)",
						     optarg);
			break;
		case 'h':
			usage(stdout);
			status = STATUS_COMPATIBLE;
			break;
		default:
			fputs("Try 'gslc compat --help' for more information.\n", stderr);
			status = STATUS_UNUSABLE;
			break;
		}
	}
	if (status < 0 && o.list_rules) {
		struct gsl_buf out;
		gsl_buf_init(&out, &gsl_default_mem);
		compat_rules_print(&out, o.format);
		status = write_all(o.output, &out) ? STATUS_COMPATIBLE : STATUS_UNUSABLE;
		gsl_buf_free(&out);
	}
	if (status < 0 && argc - optind != 2)
		status = usage_error("%s", "expected two specifications, OLD and NEW");
	if (status < 0)
		status = run(&o, &r, argv[optind], argv[optind + 1]);
	compat_report_free(&r);
	gsl_xfree(&gsl_default_mem, o.dirs);
	return status;
}
