/*
 * graphml.c — GraphML files, read by igraph's GraphML reader with
 * its C attribute handler, then mapped as DOT is: a node whose `kind` is
 * an event kind (or event=true) is an event, others are entities (id =
 * the GraphML id, name = label or name, kind, country, aliases); an edge
 * at an event is a participation with its `role`, between entities a
 * relation of its `kind` (default "tie"). Other attributes become
 * attributes, except those ties itself writes about ties (weight,
 * evidence, first, last).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "ties_int.h"
#include "import_int.h"

static char reason[512];

static void on_error(const char *r, const char *file, int line,
		     igraph_error_t err)
{
	(void)file;
	(void)line;
	snprintf(reason, sizeof(reason), "%s", r);
	(void)err;
	IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *r, const char *file, int line)
{
	(void)r;
	(void)file;
	(void)line;
}

/* Attribute names and types of one element kind. */
struct attrs {
	igraph_strvector_t names;
	igraph_vector_int_t types;
};

/* The value of attribute k of element i as text, in buf; NULL when empty. */
static const char *value(const igraph_t *g, int vertex, const struct attrs *a,
			 igraph_integer_t k, igraph_integer_t i, char *buf,
			 size_t cap)
{
	const char *name = igraph_strvector_get(&a->names, k);
	const char *s;

	switch (VECTOR(a->types)[k]) {
	case IGRAPH_ATTRIBUTE_STRING:
		s = vertex ? VAS(g, name, i) : EAS(g, name, i);
		return s && *s ? s : NULL;
	case IGRAPH_ATTRIBUTE_NUMERIC: {
		double v = vertex ? VAN(g, name, i) : EAN(g, name, i);

		if (v != v)
			return NULL;
		snprintf(buf, cap, "%.15g", v);
		return buf;
	}
	case IGRAPH_ATTRIBUTE_BOOLEAN:
		snprintf(buf, cap, "%s",
			 (vertex ? VAB(g, name, i) : EAB(g, name, i))
				 ? "true"
				 : "false");
		return buf;
	default:
		return NULL;
	}
}

static const char *named(const igraph_t *g, int vertex, const struct attrs *a,
			 const char *name, igraph_integer_t i, char *buf,
			 size_t cap)
{
	igraph_integer_t k;

	for (k = 0; k < igraph_strvector_size(&a->names); k++)
		if (!strcmp(igraph_strvector_get(&a->names, k), name))
			return value(g, vertex, a, k, i, buf, cap);
	return NULL;
}

static int known(const char *name, const char *const *list)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return 1;
	return 0;
}

/* The other attributes of element i; numbers' texts in bufs, 64 bytes
 * each, one per attribute name (out and bufs have room for all). */
static size_t others(const igraph_t *g, int vertex, const struct attrs *a,
		     igraph_integer_t i, const char *const *skip,
		     ties_attr *out, char (*bufs)[64])
{
	igraph_integer_t k;
	size_t n = 0;

	for (k = 0; k < igraph_strvector_size(&a->names); k++) {
		const char *name = igraph_strvector_get(&a->names, k);
		const char *v;

		if (known(name, skip))
			continue;
		if (!(v = value(g, vertex, a, k, i, bufs[k], 64)))
			continue;
		out[n].key = name;
		out[n].value = v;
		n++;
	}
	return n;
}

static const char *const vskip[] = {"id",      "kind",	    "label", "name",
				    "country", "aliases",   "event", "date",
				    "place",   "source_id", NULL};
static const char *const eskip[] = {"kind",	 "role",   "start",    "end",
				    "source_id", "weight", "evidence", "first",
				    "last",	 "id",	   NULL};

/* One GraphML file, read: the graph, its attributes, which nodes are
 * events, and room for the texts of one element's attributes. */
struct gml {
	ties_db *db;
	const char *path;
	ties_import_stats *stats;
	igraph_t g;
	struct attrs va, ea;
	char *is_event;
	char buf[5][64];
	char (*bufs)[64]; /* one a attribute name (others()) */
	ties_attr *attrs;
};

/* Vertex attribute `name` of node i, in buf[k]. */
static const char *vattr(struct gml *x, const char *name, igraph_integer_t i,
			 int k)
{
	return named(&x->g, 1, &x->va, name, i, x->buf[k], 64);
}

static const char *eattr(struct gml *x, const char *name, igraph_integer_t i,
			 int k)
{
	return named(&x->g, 0, &x->ea, name, i, x->buf[k], 64);
}

/* Prefix the error with where node a (or edge a -- b) is: "file:line:
 * node 'a': ". */
static int at_name(struct gml *x, int rc, const char *a, const char *b)
{
	long line = a ? ties_imp__name_line(x->path, a, b, 1) : 0;
	char where[32] = "";

	if (line > 0)
		snprintf(where, sizeof(where), "%ld:", line);
	if (b)
		ties_db__prefix_err(x->db, "%s:%s edge '%s' -- '%s': ", x->path,
				    where, a ? a : "?", b);
	else
		ties_db__prefix_err(x->db, "%s:%s node '%s': ", x->path, where,
				    a ? a : "?");
	return rc;
}

/* Node i as an entity: id, kind, name (label or name), aliases split at
 * '|', other attributes. */
static int gml_entity(struct gml *x, igraph_integer_t i)
{
	ties_entity_row row;
	const char **aliases = NULL, *label, *al;
	char *copy = NULL;
	int rc;

	memset(&row, 0, sizeof(row));
	row.id = vattr(x, "id", i, 0);
	row.kind = vattr(x, "kind", i, 1);
	label = vattr(x, "label", i, 2);
	if (!label)
		label = vattr(x, "name", i, 2);
	row.kind = row.kind ? row.kind : "entity";
	row.name = label ? label : row.id;
	al = vattr(x, "aliases", i, 3);
	if (al) {
		size_t cap = 1;
		char *p;

		for (const char *q = al; *q; q++)
			cap += *q == '|';
		if (!(copy = strdup(al)) ||
		    !(aliases = calloc(cap, sizeof(*aliases)))) {
			free(copy);
			return ties_db__seterr(x->db, TIES_ENOMEM,
					       "out of memory");
		}
		for (p = copy; p;) {
			char *bar = strchr(p, '|');

			if (bar)
				*bar = '\0';
			if (*p)
				aliases[row.naliases++] = p;
			p = bar ? bar + 1 : NULL;
		}
		row.aliases = aliases;
		row.replace_aliases = 1;
	}
	row.attrs = x->attrs;
	row.nattrs = others(&x->g, 1, &x->va, i, vskip, x->attrs, x->bufs);
	rc = row.id ? ties_store__entity_put(x->db, &row, NULL)
		    : ties_db__seterr(x->db, TIES_EINVALID, "no id");
	free((void *)aliases);
	free(copy);
	if (rc < 0 && row.id) {
		return at_name(x, rc, row.id, NULL);
	} else if (rc < 0) {
		ties_db__prefix_err(x->db, "%s: node %ld: ", x->path, (long)i);
		return rc;
	}
	x->stats->entities++;
	return 0;
}

/* The home country of node i, once every entity is in. */
static int gml_country(struct gml *x, igraph_integer_t i)
{
	const char *country = vattr(x, "country", i, 0);
	const char *id = vattr(x, "id", i, 1);
	sqlite3_int64 self, c;
	int rc;

	if (!country || !id)
		return 0;
	if ((rc = ties_store__resolve(x->db, id, &self)) < 0 ||
	    (rc = ties_store__resolve_as(x->db, country, "country", "country",
					 &c)) < 0 ||
	    (rc = ties_store__entity_set_country(x->db, self, c)) < 0)
		return at_name(x, rc, id, NULL);
	return 0;
}

static int gml_event(struct gml *x, igraph_integer_t i)
{
	const char *id = vattr(x, "id", i, 0);
	const char *place = vattr(x, "place", i, 1);
	const char *src = vattr(x, "source_id", i, 2);
	sqlite3_int64 pl = 0, s = 0;
	size_t nattrs = others(&x->g, 1, &x->va, i, vskip, x->attrs, x->bufs);
	int rc;

	if ((place && (rc = ties_store__resolve_as(x->db, place, "place", NULL,
						   &pl)) < 0) ||
	    (src && (rc = ties_store__resolve_source(x->db, src, &s)) < 0) ||
	    (rc = ties_store__event_put(
		     x->db, id ? id : "", vattr(x, "kind", i, 3),
		     vattr(x, "date", i, 4), vattr(x, "label", i, 1), pl, s,
		     x->attrs, nattrs, NULL)) < 0) {
		return at_name(x, rc, id, NULL);
	}
	x->stats->events++;
	return 0;
}

/* Edge i: a participation when one end is an event, else a relation of
 * its kind (default "tie"). */
static int gml_edge(struct gml *x, igraph_integer_t i)
{
	igraph_integer_t a = IGRAPH_FROM(&x->g, i), b = IGRAPH_TO(&x->g, i);
	const char *ida = vattr(x, "id", a, 0);
	const char *idb = vattr(x, "id", b, 1);
	sqlite3_int64 p, q, s = 0;
	double w;
	int rc;

	if (x->is_event[a] && x->is_event[b])
		return ties_db__seterr(x->db, TIES_EINVALID,
				       "%s: edge %ld joins two events", x->path,
				       (long)i);
	if ((rc = ties_check__weight(x->db, eattr(x, "weight", i, 0), &w)) < 0)
		goto fail;
	if (x->is_event[a] || x->is_event[b]) {
		if ((rc = ties_store__resolve_event(
			     x->db, x->is_event[a] ? ida : idb, &p)) < 0 ||
		    (rc = ties_store__resolve(x->db, x->is_event[a] ? idb : ida,
					      &q)) < 0 ||
		    (rc = ties_store__participant_put(
			     x->db, p, q, eattr(x, "role", i, 2), w)) < 0)
			goto fail;
		x->stats->participants++;
		return 0;
	} else {
		const char *src = eattr(x, "source_id", i, 2);
		const char *kind = eattr(x, "kind", i, 3);
		size_t nattrs;

		if ((rc = ties_store__resolve(x->db, ida, &p)) < 0 ||
		    (rc = ties_store__resolve(x->db, idb, &q)) < 0 ||
		    (src &&
		     (rc = ties_store__resolve_source(x->db, src, &s)) < 0))
			goto fail;
		nattrs = others(&x->g, 0, &x->ea, i, eskip, x->attrs, x->bufs);
		if ((rc = ties_store__relation_put(
			     x->db, p, q, kind ? kind : "tie",
			     eattr(x, "role", i, 4), eattr(x, "start", i, 2),
			     eattr(x, "end", i, 3), s, w, x->attrs, nattrs,
			     NULL)) < 0)
			goto fail;
		x->stats->relations++;
		return 0;
	}
fail:
	at_name(x, rc, ida, idb ? idb : "?");
	return rc;
}

/* Entities, then their countries, then events, then the edges; in one
 * transaction. */
static int gml_load(struct gml *x)
{
	igraph_integer_t n = igraph_vcount(&x->g), m = igraph_ecount(&x->g);
	igraph_integer_t i;
	int rc = 0;

	if ((rc = ties_db__begin(x->db)) < 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++)
		if (!x->is_event[i])
			rc = gml_entity(x, i);
	for (i = 0; i < n && rc == 0; i++)
		if (!x->is_event[i])
			rc = gml_country(x, i);
	for (i = 0; i < n && rc == 0; i++)
		if (x->is_event[i])
			rc = gml_event(x, i);
	for (i = 0; i < m && rc == 0; i++)
		rc = gml_edge(x, i);
	if (rc < 0) {
		ties_db__rollback(x->db);
		return rc;
	}
	return ties_db__commit(x->db);
}

int ties_import__graphml(ties_db *db, const char *path,
			 ties_import_stats *stats)
{
	const igraph_attribute_table_t *old_table;
	igraph_error_handler_t *old_err;
	igraph_warning_handler_t *old_warn;
	struct gml x;
	igraph_strvector_t gnames;
	igraph_vector_int_t gtypes;
	igraph_integer_t i, n;
	FILE *f;
	int rc = 0, have_graph = 0;

	if (!(f = fopen(path, "r")))
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       path, strerror(errno));
	memset(&x, 0, sizeof(x));
	x.db = db;
	x.path = path;
	x.stats = stats;
	reason[0] = '\0';
	old_table = igraph_set_attribute_table(&igraph_cattribute_table);
	old_err = igraph_set_error_handler(on_error);
	old_warn = igraph_set_warning_handler(on_warning);
	igraph_strvector_init(&gnames, 0);
	igraph_vector_int_init(&gtypes, 0);
	igraph_strvector_init(&x.va.names, 0);
	igraph_vector_int_init(&x.va.types, 0);
	igraph_strvector_init(&x.ea.names, 0);
	igraph_vector_int_init(&x.ea.types, 0);
	if (igraph_read_graph_graphml(&x.g, f, 0) != IGRAPH_SUCCESS) {
		rc = ties_db__seterr(db, TIES_EINVALID, "%s: %s", path,
				     reason[0] ? reason : "not GraphML");
		goto done;
	}
	have_graph = 1;
	igraph_cattribute_list(&x.g, &gnames, &gtypes, &x.va.names, &x.va.types,
			       &x.ea.names, &x.ea.types);
	n = igraph_vcount(&x.g);
	{
		size_t nn = (size_t)igraph_strvector_size(&x.va.names),
		       ne = (size_t)igraph_strvector_size(&x.ea.names);
		size_t most = (nn > ne ? nn : ne) + 1;

		x.attrs = calloc(most, sizeof(*x.attrs));
		x.bufs = calloc(most, sizeof(*x.bufs));
	}
	if (!x.attrs || !x.bufs || !(x.is_event = calloc((size_t)n + 1, 1))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		const char *kind = vattr(&x, "kind", i, 0);
		const char *ev = vattr(&x, "event", i, 1);

		x.is_event[i] =
			ties_import__is_event_kind(kind) ||
			(ev && (!strcmp(ev, "true") || !strcmp(ev, "1")));
	}
	rc = gml_load(&x);
done:
	if (have_graph)
		igraph_destroy(&x.g);
	igraph_strvector_destroy(&gnames);
	igraph_vector_int_destroy(&gtypes);
	igraph_strvector_destroy(&x.va.names);
	igraph_vector_int_destroy(&x.va.types);
	igraph_strvector_destroy(&x.ea.names);
	igraph_vector_int_destroy(&x.ea.types);
	igraph_set_attribute_table(old_table);
	igraph_set_error_handler(old_err);
	igraph_set_warning_handler(old_warn);
	free(x.is_event);
	free(x.attrs);
	free(x.bufs);
	fclose(f);
	return rc;
}
