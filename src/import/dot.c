/*
 * dot.c — DOT and GV files, parsed by cgraph.
 *
 * A node is an event when its `kind` is one of the event kinds below or it
 * has event=true; otherwise an entity (id = node name, name = label, kind,
 * country, aliases). An edge between an event and an entity is a
 * participation with the edge's `role`; between two entities, a relation
 * of the edge's `kind` (default "tie") with role, start, end, source_id.
 * Other attributes become attributes, except Graphviz's own drawing
 * attributes (shape, color, pos, …), so a diagram written by `ties draw`
 * imports cleanly. Subgraphs, clusters included, carry no meaning.
 *
 * Parsing is the one use of Graphviz outside src/render: cgraph is the DOT
 * parser, and the const casts stay in this file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "ties_int.h"
#include "import_int.h"

/* Kinds that make a node an event. */
static const char *const event_kinds[] = {"mou",
					  "meeting",
					  "visit",
					  "agreement",
					  "conference",
					  "project",
					  "signing",
					  "treaty",
					  "dialogue",
					  "summit",
					  "workshop",
					  "forum",
					  "exchange",
					  "seminar",
					  "delegation_visit",
					  "joint_statement",
					  NULL};

int ties_import__is_event_kind(const char *kind)
{
	size_t i;

	for (i = 0; kind && event_kinds[i]; i++)
		if (!strcmp(kind, event_kinds[i]))
			return 1;
	return 0;
}

/* Graphviz attributes that describe a drawing, not the network. */
static int drawing_attribute(const char *name)
{
	static const char *const names[] = {"shape",
					    "style",
					    "color",
					    "fillcolor",
					    "fontname",
					    "fontsize",
					    "fontcolor",
					    "width",
					    "height",
					    "penwidth",
					    "tooltip",
					    "id",
					    "pos",
					    "xlabel",
					    "fixedsize",
					    "margin",
					    "peripheries",
					    "URL",
					    "href",
					    "target",
					    "image",
					    "labelloc",
					    "group",
					    "pin",
					    "rank",
					    "ordering",
					    "weight",
					    "len",
					    "arrowhead",
					    "arrowtail",
					    "dir",
					    "headport",
					    "tailport",
					    "lp",
					    "bb",
					    "rects",
					    "vertices",
					    "orientation",
					    "sides",
					    "skew",
					    "distortion",
					    "regular",
					    "gradientangle",
					    "class",
					    "comment",
					    "layer",
					    "nojustify",
					    "sortv",
					    "z",
					    "area",
					    "labelangle",
					    "labeldistance",
					    "labelfontsize",
					    "decorate",
					    "constraint",
					    "minlen",
					    "samehead",
					    "sametail",
					    "showboxes",
					    "evidence",
					    "first",
					    "last",
					    "labeltooltip",
					    NULL};
	size_t i;

	for (i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return 1;
	return 0;
}

static char *get(void *obj, const char *name)
{
	char *v = agget(obj, (char *)name);

	return v && *v ? v : NULL;
}

/* cgraph reports parse errors through this; keep the first. */
static char parse_error[512];

static int on_agerr(char *msg)
{
	size_t n = strlen(parse_error);

	/* cgraph sends a message in pieces ("Error", ": ", the text). */
	snprintf(parse_error + n, sizeof(parse_error) - n, "%s", msg);
	return 0;
}

/* "syntax error in line 3 near 'x'" → "3: syntax error near 'x'". */
static int dot_syntax_error(ties_db *db, const char *path)
{
	char *p, *nl;
	long line = 0;

	if (!strncmp(parse_error, "Error: ", 7))
		memmove(parse_error, parse_error + 7, strlen(parse_error) - 6);
	if ((nl = strchr(parse_error, '\n')))
		*nl = '\0';
	p = strstr(parse_error, " in line ");
	if (p) {
		char *end;

		line = strtol(p + 9, &end, 10);
		memmove(p, end, strlen(end) + 1);
	}
	if (line > 0)
		return ties_db__seterr(db, TIES_EINVALID, "%s:%ld: %s", path,
				       line, parse_error);
	return ties_db__seterr(db, TIES_EINVALID, "%s: %s", path,
			       parse_error[0] ? parse_error
					      : "not a DOT graph");
}

/* The attributes of obj that are neither known nor drawing ones. */
static ties_attr *collect_attrs(Agraph_t *g, int kind, void *obj,
				const char *const *known, size_t *n)
{
	Agsym_t *sym = NULL;
	ties_attr *out;
	size_t i, cap = 1;

	*n = 0;
	while ((sym = agnxtattr(g, kind, sym)))
		cap++;
	if (!(out = calloc(cap, sizeof(*out))))
		return NULL;
	while ((sym = agnxtattr(g, kind, sym))) {
		char *v = agxget(obj, sym);
		int skip = drawing_attribute(sym->name);

		for (i = 0; !skip && known[i]; i++)
			if (!strcmp(sym->name, known[i]))
				skip = 1;
		if (skip || !v || !*v)
			continue;
		out[*n].key = sym->name;
		out[*n].value = v;
		(*n)++;
	}
	return out;
}

/* Split "a|b|c" in place into aliases: a malloc'ed array, *n long. */
static const char **split(char *s, size_t *n)
{
	size_t cap = 1;
	const char **out;

	for (const char *p = s; *p; p++)
		cap += *p == '|';
	*n = 0;
	if (!(out = calloc(cap, sizeof(*out))))
		return NULL;
	while (s && *s) {
		char *bar = strchr(s, '|');

		if (bar)
			*bar = '\0';
		if (*s)
			out[(*n)++] = s;
		s = bar ? bar + 1 : NULL;
	}
	return out;
}

static int is_event(Agnode_t *n)
{
	const char *e = get(n, "event");

	if (e && (!strcmp(e, "true") || !strcmp(e, "1") || !strcmp(e, "yes")))
		return 1;
	return ties_import__is_event_kind(get(n, "kind"));
}

static const char *const node_known[] = {"kind",    "label",	 "country",
					 "aliases", "event",	 "date",
					 "place",   "source_id", NULL};
static const char *const edge_known[] = {
	"kind", "role", "start", "end", "source_id", "label", "weight", NULL};

/*
 * A node's label as text, malloc'ed, or NULL for none or Graphviz's
 * default "\N" (its name). The escapes that ties' own DOT writes, and that
 * Graphviz reads, are undone: \\ is a backslash, \n a newline, &amp;
 * &lt; &gt; &quot; &#39; the characters; so a name goes out and comes back
 * the same.
 */
static char *label_of(Agnode_t *n)
{
	static const struct {
		const char *ent;
		char c;
	} ents[] = {{"&amp;", '&'},  {"&lt;", '<'},	 {"&gt;", '>'},
		    {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
	const char *label = get(n, "label"), *p;
	ties_buf b = TIES_BUF_INIT;

	if (!label || !strcmp(label, "\\N"))
		return NULL;
	for (p = label; *p; p++) {
		size_t k;

		if (p[0] == '\\' && (p[1] == '\\' || p[1] == 'n')) {
			ties_buf__putc(&b, p[1] == 'n' ? '\n' : '\\');
			p++;
			continue;
		}
		for (k = 0; *p == '&' && k < sizeof(ents) / sizeof(ents[0]);
		     k++)
			if (!strncmp(p, ents[k].ent, strlen(ents[k].ent)))
				break;
		if (*p == '&' && k < sizeof(ents) / sizeof(ents[0])) {
			ties_buf__putc(&b, ents[k].c);
			p += strlen(ents[k].ent) - 1;
		} else {
			ties_buf__putc(&b, *p);
		}
	}
	return b.oom ? NULL : ties_buf__detach(&b);
}

/* Node n as an entity: name from its label, aliases split at '|', other
 * attributes. Errors are the node's. */
static int dot_entity(ties_db *db, Agraph_t *g, Agnode_t *n)
{
	ties_entity_row row;
	ties_attr *attrs = NULL;
	const char **aliases = NULL, *al = get(n, "aliases");
	char *copy = NULL, *label = label_of(n);
	size_t nattrs;
	int rc = 0;

	memset(&row, 0, sizeof(row));
	row.id = agnameof(n);
	row.kind = get(n, "kind") ? get(n, "kind") : "entity";
	row.name = label ? label : agnameof(n);
	if (al) {
		if (!(copy = strdup(al)) || !(aliases = split(copy, &row.naliases)))
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		row.aliases = aliases;
		row.replace_aliases = 1;
	}
	if (rc == 0 &&
	    !(attrs = collect_attrs(g, AGNODE, n, node_known, &nattrs)))
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if (rc == 0) {
		row.attrs = attrs;
		row.nattrs = nattrs;
		rc = ties_store__entity_put(db, &row, NULL);
	}
	free(attrs);
	free((void *)aliases);
	free(copy);
	free(label);
	return rc;
}

/* The home country of node n, once every entity is in. */
static int dot_country(ties_db *db, Agnode_t *n)
{
	sqlite3_int64 self, c = 0;
	const char *country = get(n, "country");
	int rc;

	if (!country)
		return 0;
	if ((rc = ties_store__resolve(db, agnameof(n), &self)) < 0 ||
	    (rc = ties_store__resolve_as(db, country, "country", "country",
					 &c)) < 0)
		return rc;
	return ties_store__entity_set_country(db, self, c);
}

static int dot_event(ties_db *db, Agraph_t *g, Agnode_t *n)
{
	sqlite3_int64 place = 0, src = 0;
	ties_attr *attrs;
	size_t nattrs;
	char *label;
	int rc;

	if ((get(n, "place") &&
	     (rc = ties_store__resolve_as(db, get(n, "place"), "place", NULL,
					  &place)) < 0) ||
	    (get(n, "source_id") &&
	     (rc = ties_store__resolve_source(db, get(n, "source_id"), &src)) <
		     0))
		return rc;
	if (!(attrs = collect_attrs(g, AGNODE, n, node_known, &nattrs)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	label = label_of(n);
	rc = ties_store__event_put(
		db, agnameof(n), get(n, "kind") ? get(n, "kind") : "event",
		get(n, "date"), label, place, src, attrs, nattrs, NULL);
	free(label);
	free(attrs);
	return rc;
}

/* Edge e: a participation when one end is an event, else a relation of
 * its kind (default "tie"). */
static int dot_edge(ties_db *db, Agraph_t *g, Agedge_t *e,
		    ties_import_stats *stats)
{
	Agnode_t *a = agtail(e), *b = aghead(e);
	int ea = is_event(a), eb = is_event(b), rc;
	sqlite3_int64 x, y, src = 0;
	ties_attr *attrs;
	size_t nattrs;
	double w;

	if ((rc = ties_check__weight(db, get(e, "weight"), &w)) < 0)
		return rc;
	if (ea || eb) {
		Agnode_t *ev = ea ? a : b, *en = ea ? b : a;

		if ((rc = ties_store__resolve_event(db, agnameof(ev), &x)) <
			    0 ||
		    (rc = ties_store__resolve(db, agnameof(en), &y)) < 0 ||
		    (rc = ties_store__participant_put(db, x, y, get(e, "role"),
						      w)) < 0)
			return rc;
		stats->participants++;
		return 0;
	}
	if ((rc = ties_store__resolve(db, agnameof(a), &x)) < 0 ||
	    (rc = ties_store__resolve(db, agnameof(b), &y)) < 0 ||
	    (get(e, "source_id") &&
	     (rc = ties_store__resolve_source(db, get(e, "source_id"), &src)) <
		     0))
		return rc;
	if (!(attrs = collect_attrs(g, AGEDGE, e, edge_known, &nattrs)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	rc = ties_store__relation_put(
		db, x, y, get(e, "kind") ? get(e, "kind") : "tie",
		get(e, "role"), get(e, "start"), get(e, "end"), src, w, attrs,
		nattrs, NULL);
	free(attrs);
	if (rc < 0)
		return rc;
	stats->relations++;
	return 0;
}

/* Three passes over the nodes, entities, their home countries, then
 * events (sources are not in DOT); then the edges. */
/* Prefix the error with where node a (or edge a -- b) is: "file:line:
 * node 'a': ". */
static int at_name(ties_db *db, int rc, const char *path, const char *a,
		   const char *b)
{
	long line = ties_imp__name_line(path, a, b, 0);
	char where[32] = "";

	if (line > 0)
		snprintf(where, sizeof(where), "%ld:", line);
	if (b)
		ties_db__prefix_err(db, "%s:%s edge '%s' -- '%s': ", path,
				    where, a, b);
	else
		ties_db__prefix_err(db, "%s:%s node '%s': ", path, where, a);
	return rc;
}

static int dot_load(ties_db *db, Agraph_t *g, const char *path,
		    ties_import_stats *stats)
{
	Agnode_t *n;
	Agedge_t *e;
	int rc = 0;

	for (int pass = 0; pass < 3; pass++)
		for (n = agfstnode(g); n; n = agnxtnode(g, n)) {
			if (is_event(n) != (pass == 2))
				continue;
			rc = pass == 0	 ? dot_entity(db, g, n)
			     : pass == 1 ? dot_country(db, n)
					 : dot_event(db, g, n);
			if (rc < 0) {
				return at_name(db, rc, path, agnameof(n), NULL);
			}
			stats->entities += pass == 0;
			stats->events += pass == 2;
		}
	for (n = agfstnode(g); n; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e; e = agnxtout(g, e)) {
			if (is_event(agtail(e)) && is_event(aghead(e)))
				return at_name(
					db,
					ties_db__seterr(db, TIES_EINVALID,
							"joins two events"),
					path, agnameof(agtail(e)),
					agnameof(aghead(e)));
			if ((rc = dot_edge(db, g, e, stats)) < 0)
				return at_name(db, rc, path,
					       agnameof(agtail(e)),
					       agnameof(aghead(e)));
		}
	return 0;
}

int ties_import__dot(ties_db *db, const char *path, ties_import_stats *stats)
{
	Agraph_t *g;
	FILE *f;
	int rc = 0;

	if (!(f = fopen(path, "r")))
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       path, strerror(errno));
	parse_error[0] = '\0';
	agseterrf(on_agerr);
	agseterr(AGERR);
	g = agread(f, NULL);
	/* One graph a file: a second one would be left unread. */
	if (g && !parse_error[0] && !agerrors()) {
		Agraph_t *more = agread(f, NULL);

		if (more) {
			agclose(more);
			agclose(g);
			fclose(f);
			agseterrf(NULL);
			agreseterrors();
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s: holds more than one graph; "
					       "give each its own file",
					       path);
		}
	}
	fclose(f);
	agseterrf(NULL);
	if (!g || parse_error[0] || agerrors()) {
		if (g)
			agclose(g);
		agreseterrors();
		return dot_syntax_error(db, path);
	}
	if ((rc = ties_db__begin(db)) < 0) {
		agclose(g);
		return rc;
	}
	if ((rc = dot_load(db, g, path, stats)) < 0) {
		agclose(g);
		ties_db__rollback(db);
		return rc;
	}
	agclose(g);
	return ties_db__commit(db);
}
