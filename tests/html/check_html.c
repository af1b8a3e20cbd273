/* check_html.c: checks the pages the HTML backend writes. libxml2's HTML
 * parser (its XML parser for XHTML, files that start `<?xml`) must
 * report no error; ids must be unique in a page (an `a` may have a
 * `name` equal to its id); and every link to an anchor, `#x` or
 * `page.html#x` with page.html among the files checked, must find it.
 *
 * Usage: check_html FILE...   Exit status 1 when a check fails. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

/* A checked page: its anchors and its links to anchors. */
struct page {
	const char *path;
	const char *base;      /* the file name, without directories */
	char **anchors;        /* sorted */
	size_t nanchors;
	char **links;          /* "page.html#x" or "#x" */
	size_t nlinks;
};

static int failures;

static void fail(const char *path, const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", path);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	failures++;
}

static void add(char ***v, size_t *n, const char *s)
{
	*v = realloc(*v, (*n + 1) * sizeof **v);
	if (!*v) {
		perror("check_html");
		exit(2);
	}
	size_t len = strlen(s) + 1;
	char *copy = malloc(len);
	if (!copy) {
		perror("check_html");
		exit(2);
	}
	(*v)[(*n)++] = memcpy(copy, s, len);
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_anchor(const struct page *p, const char *a)
{
	return p->nanchors &&
	       bsearch(&a, p->anchors, p->nanchors, sizeof *p->anchors, by_string) != NULL;
}

/* Parser errors count; libxml2's complaint that an `a`'s name repeats an
 * id is its HTML 4 rule, and ids are checked here instead. */
static void on_error(void *context, xmlErrorPtr err)
{
	const char *path = context;
	if (err->domain == XML_FROM_VALID && err->code == XML_DTD_ID_REDEFINED)
		return;
	if (err->level < XML_ERR_ERROR)
		return;
	fprintf(stderr, "%s:%d: %s", path, err->line, err->message ? err->message : "error\n");
	failures++;
}

static void prop(xmlNodePtr n, const char *name, char **out)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	*out = (char *)v;
}

/* Collects the anchors and links of a page, walking its elements
 * without recursion. */
static void collect(struct page *p, xmlNodePtr root)
{
	for (xmlNodePtr n = root; n;) {
		if (n->type == XML_ELEMENT_NODE) {
			char *id, *name, *href;
			prop(n, "id", &id);
			prop(n, "name", &name);
			prop(n, "href", &href);
			bool is_a = strcmp((const char *)n->name, "a") == 0;
			if (id)
				add(&p->anchors, &p->nanchors, id);
			if (name && is_a && (!id || strcmp(id, name) != 0))
				add(&p->anchors, &p->nanchors, name);
			if (href && is_a && strchr(href, '#') && !strstr(href, "://"))
				add(&p->links, &p->nlinks, href);
			xmlFree(id);
			xmlFree(name);
			xmlFree(href);
		}
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && !n->next && n != root)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
	if (p->nanchors)
		qsort(p->anchors, p->nanchors, sizeof *p->anchors, by_string);
	for (size_t i = 1; i < p->nanchors; i++)
		if (strcmp(p->anchors[i - 1], p->anchors[i]) == 0)
			fail(p->path, "anchor '%s' is defined twice", p->anchors[i]);
}

/* Whether the file starts with an XML declaration: XHTML. */
static bool is_xml(const char *path)
{
	char head[5] = { 0 };
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return n == sizeof head && memcmp(head, "<?xml", 5) == 0;
}

static void read_page(struct page *p)
{
	xmlSetStructuredErrorFunc((void *)p->path, on_error);
	xmlDocPtr doc = is_xml(p->path)
		? xmlReadFile(p->path, NULL, XML_PARSE_NONET)
		: htmlReadFile(p->path, NULL, HTML_PARSE_NONET);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!doc) {
		fail(p->path, "%s", "cannot be read");
		return;
	}
	collect(p, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
}

/* Checks that each link of p finds its anchor. */
static void check_links(const struct page *p, const struct page *pages, int npages)
{
	for (size_t i = 0; i < p->nlinks; i++) {
		const char *link = p->links[i], *hash = strchr(link, '#');
		const struct page *target = NULL;
		if (hash == link)
			target = p;
		for (int k = 0; k < npages && !target; k++)
			if (strlen(pages[k].base) == (size_t)(hash - link) &&
			    strncmp(pages[k].base, link, (size_t)(hash - link)) == 0)
				target = &pages[k];
		if (target && !has_anchor(target, hash + 1))
			fail(p->path, "link '%s' finds no anchor", link);
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: check_html FILE...\n", stderr);
		return 2;
	}
	LIBXML_TEST_VERSION
	struct page *pages = calloc((size_t)argc, sizeof *pages);
	for (int i = 1; i < argc; i++) {
		struct page *p = &pages[i - 1];
		p->path = argv[i];
		p->base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
		read_page(p);
	}
	for (int i = 0; i < argc - 1; i++)
		check_links(&pages[i], pages, argc - 1);
	for (int i = 0; i < argc - 1; i++) {
		for (size_t k = 0; k < pages[i].nanchors; k++)
			free(pages[i].anchors[k]);
		for (size_t k = 0; k < pages[i].nlinks; k++)
			free(pages[i].links[k]);
		free(pages[i].anchors);
		free(pages[i].links);
	}
	free(pages);
	xmlCleanupParser();
	if (failures)
		fprintf(stderr, "check_html: %d problem%s\n", failures, failures == 1 ? "" : "s");
	return failures ? 1 : 0;
}
