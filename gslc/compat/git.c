/* git.c: reading the .gsl files of a git revision: `git ls-tree` lists
 * them, one `git cat-file --batch` reads them all, and the texts are
 * kept by path from the top of the repository. */
#include "config.h"

#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

struct blob {
	const char *path;       /* from the top of the repository */
	const char *text;       /* NUL-terminated */
	size_t len;
};

struct compat_git {
	const struct gsl_mem *mem;
	char *prefix;           /* "REV:" */
	char *top;              /* the repository's top directory */
	char *below;            /* the current directory below the top: "" or "a/b/" */
	struct gsl_buf listing; /* ls-tree output: the paths point into it */
	struct gsl_buf texts;   /* cat-file output: the texts point into it */
	struct blob *blobs;     /* sorted by path */
	size_t nblobs;
	struct gsl_strmap by_path;
	struct gsl_reader reader;
};

/* Runs git with argv (argv[0] is "git"), stdin from the file input if
 * given, and collects its output; false (having printed git's own
 * message, if any) when it fails. */
static bool run(const char *const argv[], const char *input, struct gsl_buf *out)
{
	int fds[2];
	if (pipe(fds) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (pid == 0) {
		int in = input ? open(input, O_RDONLY) : open("/dev/null", O_RDONLY);
		if (in < 0 || dup2(in, 0) < 0 || dup2(fds[1], 1) < 0)
			_exit(127);
		close(fds[0]);
		execvp(argv[0], (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	char chunk[65536];
	ssize_t n;
	while ((n = read(fds[0], chunk, sizeof chunk)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			gsl_buf_put(out, chunk, (size_t)n);
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* The first line of git's output for argv, or NULL. */
static char *line_of(const struct gsl_mem *mem, const char *const argv[])
{
	struct gsl_buf out;
	gsl_buf_init(&out, mem);
	char *line = NULL;
	if (run(argv, NULL, &out)) {
		const char *s = gsl_buf_cstr(&out);
		size_t n = strcspn(s, "\n");
		line = gsl_xmalloc(mem, n + 1);
		memcpy(line, s, n);
		line[n] = '\0';
	}
	gsl_buf_free(&out);
	return line;
}

static int by_path(const void *x, const void *y)
{
	return strcmp(((const struct blob *)x)->path, ((const struct blob *)y)->path);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Lists the .gsl blobs of rev: NUL-separated "mode type id\tpath". */
static bool list_blobs(struct compat_git *g, const char *rev)
{
	const char *argv[] = { "git", "-C", g->top, "ls-tree", "-r", "-z", "--full-tree", rev, NULL };
	if (!run(argv, NULL, &g->listing))
		return false;
	size_t cap = 16;
	g->blobs = gsl_xmalloc(g->mem, cap * sizeof *g->blobs);
	char *p = g->listing.data, *end = p ? p + g->listing.len : NULL;
	for (; p && p < end; p += strlen(p) + 1) {
		char *tab = strchr(p, '\t');
		if (!tab || strncmp(strchr(p, ' ') + 1, "blob ", 5) != 0 || !ends_with(tab + 1, ".gsl"))
			continue;
		if (g->nblobs == cap) {
			cap *= 2;
			g->blobs = gsl_xrealloc(g->mem, g->blobs, cap * sizeof *g->blobs);
		}
		/* The object id stays in the listing, for cat-file. */
		g->blobs[g->nblobs++] = (struct blob){ .path = tab + 1, .text = strchr(p, ' ') + 6 };
	}
	return true;
}

/* Reads the texts of the listed blobs with one `git cat-file --batch`,
 * whose output holds "id blob size\n", the text and "\n" per object. */
static bool read_blobs(struct compat_git *g)
{
	char input[] = "/tmp/gslc-compat-XXXXXX";
	int fd = mkstemp(input);
	if (fd < 0)
		return false;
	FILE *f = fdopen(fd, "w");
	for (size_t i = 0; i < g->nblobs; i++)
		fprintf(f, "%.*s\n", (int)strcspn(g->blobs[i].text, "\t"), g->blobs[i].text);
	bool ok = fclose(f) == 0;
	const char *argv[] = { "git", "-C", g->top, "cat-file", "--batch", NULL };
	ok = ok && run(argv, input, &g->texts);
	unlink(input);
	char *p = g->texts.data;
	for (size_t i = 0; ok && i < g->nblobs; i++) {
		char *nl = strchr(p, '\n');
		unsigned long size;
		if (!nl || sscanf(p, "%*s blob %lu", &size) != 1 ||
		    size >= (size_t)(g->texts.data + g->texts.len - nl - 1))
			return false;
		g->blobs[i].text = nl + 1;
		g->blobs[i].len = size;
		nl[1 + size] = '\0'; /* the newline after the text */
		p = nl + 1 + size + 1;
	}
	return ok;
}

/* Resolves "." and ".." in a relative path, in place; false if it climbs
 * above the top. */
static bool normalize(char *path)
{
	char *out = path;
	for (char *seg = path; *seg;) {
		size_t n = strcspn(seg, "/");
		char *next = seg + n + (seg[n] == '/');
		if ((n == 1 && seg[0] == '.') || n == 0) {
			seg = next;
			continue;
		}
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out == path)
				return false;
			do
				out--;
			while (out > path && out[-1] != '/');
			seg = next;
			continue;
		}
		memmove(out, seg, n);
		out += n;
		if (seg[n] == '/')
			*out++ = '/';
		seg = next;
	}
	if (out > path && out[-1] == '/')
		out--;
	*out = '\0';
	return true;
}

static const struct blob *lookup(struct compat_git *g, const char *path)
{
	char *norm = gsl_xmalloc(g->mem, strlen(path) + 1);
	strcpy(norm, path);
	const struct blob *b = normalize(norm) ? gsl_strmap_get(&g->by_path, norm, strlen(norm))
					       : NULL;
	gsl_xfree(g->mem, norm);
	return b;
}

static bool find(void *data, const char *path, const char **text, size_t *len)
{
	struct compat_git *g = data;
	size_t n = strlen(g->prefix);
	if (strncmp(path, g->prefix, n) != 0)
		return false;
	const struct blob *b = lookup(g, path + n);
	if (!b)
		return false;
	*text = b->text;
	*len = b->len;
	return true;
}

struct compat_git *compat_git_open(const struct gsl_mem *mem, const char *rev)
{
	struct compat_git *g = gsl_xmalloc(mem, sizeof *g);
	*g = (struct compat_git){ .mem = mem };
	gsl_buf_init(&g->listing, mem);
	gsl_buf_init(&g->texts, mem);
	gsl_strmap_init(&g->by_path, mem);
	g->prefix = gsl_xmalloc(mem, strlen(rev) + 2);
	sprintf(g->prefix, "%s:", rev);
	g->top = line_of(mem, (const char *[]){ "git", "rev-parse", "--show-toplevel", NULL });
	g->below = line_of(mem, (const char *[]){ "git", "rev-parse", "--show-prefix", NULL });
	if (!g->top || !g->below) {
		fprintf(stderr, "gslc compat: '%s' needs a git repository here\n", rev);
		compat_git_free(g);
		return NULL;
	}
	if (!list_blobs(g, rev) || !read_blobs(g)) {
		fprintf(stderr, "gslc compat: cannot read the files of revision '%s'\n", rev);
		compat_git_free(g);
		return NULL;
	}
	qsort(g->blobs, g->nblobs, sizeof *g->blobs, by_path);
	for (size_t i = 0; i < g->nblobs; i++)
		*gsl_strmap_slot(&g->by_path, g->blobs[i].path, strlen(g->blobs[i].path)) =
			&g->blobs[i];
	g->reader = (struct gsl_reader){ find, g };
	return g;
}

void compat_git_free(struct compat_git *g)
{
	if (!g)
		return;
	gsl_buf_free(&g->listing);
	gsl_buf_free(&g->texts);
	gsl_strmap_free(&g->by_path);
	gsl_xfree(g->mem, g->blobs);
	gsl_xfree(g->mem, g->prefix);
	gsl_xfree(g->mem, g->top);
	gsl_xfree(g->mem, g->below);
	gsl_xfree(g->mem, g);
}

const struct gsl_reader *compat_git_reader(struct compat_git *g)
{
	return &g->reader;
}

char *compat_git_from_top(struct compat_git *g, const char *path)
{
	size_t ntop = strlen(g->top);
	char *out;
	if (path[0] == '/') {
		if (strncmp(path, g->top, ntop) != 0 || (path[ntop] && path[ntop] != '/'))
			return NULL;
		out = gsl_xmalloc(g->mem, strlen(path) + 1);
		strcpy(out, path + ntop + (path[ntop] == '/'));
	} else {
		out = gsl_xmalloc(g->mem, strlen(g->below) + strlen(path) + 1);
		sprintf(out, "%s%s", g->below, path);
	}
	if (!normalize(out)) {
		gsl_xfree(g->mem, out);
		return NULL;
	}
	return out;
}

bool compat_git_is_file(struct compat_git *g, const char *path)
{
	return lookup(g, path) != NULL;
}

/* Whether blob path lies in dir ("" for the top); directly, if direct. */
static bool in_dir(const char *path, const char *dir, bool direct)
{
	size_t n = strlen(dir);
	if (n && (strncmp(path, dir, n) != 0 || path[n] != '/'))
		return false;
	const char *rest = path + n + (n > 0);
	return !direct || !strchr(rest, '/');
}

bool compat_git_is_dir(struct compat_git *g, const char *path)
{
	for (size_t i = 0; i < g->nblobs; i++)
		if (in_dir(g->blobs[i].path, path, false))
			return true;
	return false;
}

const char **compat_git_list(struct compat_git *g, const char *dir, size_t *n)
{
	const char **list = gsl_xmalloc(g->mem, (g->nblobs + 1) * sizeof *list);
	*n = 0;
	for (size_t i = 0; i < g->nblobs; i++)
		if (in_dir(g->blobs[i].path, dir, true))
			list[(*n)++] = g->blobs[i].path;
	return list;
}
