/*
 * graphviz.c — what ties needs around Graphviz's cgraph: setters that take
 * const strings (Graphviz 2.43 takes `char *` where it means `const char
 * *`; the casts are made once here so the rest of the tree keeps
 * -Wwrite-strings), object ids that count up in name order (the default
 * uses string addresses, so cluster order and fdp layouts changed with the
 * heap), and the escapes of labels.
 *
 * Labels are Graphviz escStrings: every backslash in user text is doubled
 * and a newline becomes "\n" before it becomes a label; '&' becomes
 * "&amp;" so that Graphviz, which decodes entities in labels, shows the
 * text as it was. HTML-like labels (the legend) escape & < > " as
 * entities.
 */
#define _XOPEN_SOURCE 700 /* srand48 */
#include <stdlib.h>
#include <string.h>

#include "render/graphviz.h"

void ties_gv__set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, (char *)"");
}

Agnode_t *ties_gv__node(Agraph_t *g, const char *name)
{
	return agnode(g, (char *)name, 1);
}

Agraph_t *ties_gv__sub(Agraph_t *g, const char *name)
{
	return agsubg(g, (char *)name, 1);
}

/*
 * Graphviz's default discipline makes a named object's ID the address of
 * its interned name, and keeps subgraphs (the clusters) in ID order: their
 * order in the DOT and the layout then depend on where malloc put the
 * names, which changes with address-space randomisation and with what the
 * process did before. These IDs count up in the order names first appear
 * (even IDs; anonymous objects such as edges get odd ones), so the same
 * data and options give the same file.
 */
struct ids {
	Agraph_t *g;
	char **name; /* the name of ID 2(i + 1), interned in g */
	size_t n, cap;
	size_t *slot; /* open addressing: index + 1, 0 empty */
	size_t nslot;
	IDTYPE anon;
};

static size_t hash_name(const char *s)
{
	size_t h = 1469598103934665603u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static void *ids_open(Agraph_t *g, Agdisc_t *dc)
{
	struct ids *t = calloc(1, sizeof(*t));

	(void)dc;
	if (t)
		t->g = g;
	return t;
}

/* Add `s`: its index, or -1 when out of memory. */
static long ids_add(struct ids *t, const char *s)
{
	size_t i, j;

	if ((t->n + 1) * 2 > t->nslot) {
		size_t ns = t->nslot ? 2 * t->nslot : 64;
		size_t *slot = calloc(ns, sizeof(*slot));

		if (!slot)
			return -1;
		for (i = 0; i < t->n; i++) {
			for (j = hash_name(t->name[i]) & (ns - 1); slot[j];
			     j = (j + 1) & (ns - 1))
				;
			slot[j] = i + 1;
		}
		free(t->slot);
		t->slot = slot;
		t->nslot = ns;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 64;
		char **name = realloc(t->name, cap * sizeof(*name));

		if (!name)
			return -1;
		t->name = name;
		t->cap = cap;
	}
	/* Interned as Graphviz's own names are: it marks HTML-like ones in
	 * the interned string's header. */
	if (!(t->name[t->n] = agstrdup(t->g, (char *)s)))
		return -1;
	for (j = hash_name(s) & (t->nslot - 1); t->slot[j];
	     j = (j + 1) & (t->nslot - 1))
		;
	t->slot[j] = t->n + 1;
	return (long)t->n++;
}

static long ids_map(void *state, int objtype, char *str, IDTYPE *id,
		    int createflag)
{
	struct ids *t = state;
	long i = -1;
	size_t j;

	(void)objtype;
	if (!t)
		return 0;
	if (!str) {
		t->anon += t->anon ? 2 : 1;
		*id = t->anon;
		return 1;
	}
	for (j = t->nslot ? hash_name(str) & (t->nslot - 1) : 0;
	     t->nslot && t->slot[j]; j = (j + 1) & (t->nslot - 1))
		if (!strcmp(t->name[t->slot[j] - 1], str)) {
			i = (long)t->slot[j] - 1;
			break;
		}
	if (i < 0 && (!createflag || (i = ids_add(t, str)) < 0))
		return 0;
	*id = 2 * ((IDTYPE)i + 1);
	return 1;
}

static long ids_alloc(void *state, int objtype, IDTYPE request)
{
	(void)state;
	(void)objtype;
	(void)request;
	return 0;
}

static void ids_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
	struct ids *t = state;

	(void)objtype;
	if (!t || id % 2 || id == 0 || id / 2 > t->n)
		return NULL;
	return t->name[id / 2 - 1];
}

static void ids_close(void *state)
{
	struct ids *t = state;

	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++)
		agstrfree(t->g, t->name[i]);
	free(t->name);
	free(t->slot);
	free(t);
}

static void ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t id_disc = {ids_open,	ids_map,   ids_alloc,	ids_free,
			     ids_print, ids_close, ids_register};

Agdisc_t ties_gv__disc = {&AgMemDisc, &id_disc, &AgIoDisc};

/* User text as an escString label. */
void ties_gv__esc_label(ties_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\':
			ties_buf__puts(b, "\\\\");
			break;
		case '\n':
			ties_buf__puts(b, "\\n");
			break;
		case '\r':
			break;
		case '&':
			ties_buf__puts(b, "&amp;");
			break;
		default:
			ties_buf__putc(b, *s);
		}
	}
}

/* User text inside an HTML-like label. */
void ties_gv__esc_html(ties_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			ties_buf__puts(b, "&amp;");
			break;
		case '<':
			ties_buf__puts(b, "&lt;");
			break;
		case '>':
			ties_buf__puts(b, "&gt;");
			break;
		case '"':
			ties_buf__puts(b, "&quot;");
			break;
		case '\n':
			ties_buf__puts(b, "<br/>");
			break;
		default:
			ties_buf__putc(b, *s);
		}
	}
}

void ties_gv__set_tooltip(void *obj, const char *label)
{
	ties_buf b = TIES_BUF_INIT;

	for (const char *p = label; *p; p++)
		if (p[0] == '\\' && p[1] == '\\') {
			ties_buf__puts(&b, "\\\\\\\\");
			p++;
		} else {
			ties_buf__putc(&b, *p);
		}
	ties_gv__set(obj, "tooltip", ties_buf__str(&b));
	ties_buf__release(&b);
}
