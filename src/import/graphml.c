/*
 * import_graphml.c — GraphML files, read by igraph's GraphML reader with
 * its C attribute handler, then mapped as DOT is: a node whose `kind` is
 * an event kind (or event=true) is an event, others are entities (id =
 * the GraphML id, name = label or name, kind, country, aliases); an edge
 * at an event is a participation with its `role`, between entities a
 * relation of its `kind` (default "tie"). Other attributes become
 * attributes, except those ties itself writes about ties (weight,
 * evidence, first, last).
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "ties_int.h"

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
			 (vertex ? VAB(g, name, i) : EAB(g, name, i)) ? "true"
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

/* The other attributes of element i; strings in bufs (64 × 64). */
static size_t others(const igraph_t *g, int vertex, const struct attrs *a,
		     igraph_integer_t i, const char *const *skip,
		     ties_attr *out, char (*bufs)[64])
{
	igraph_integer_t k;
	size_t n = 0;

	for (k = 0; k < igraph_strvector_size(&a->names) && n < 64; k++) {
		const char *name = igraph_strvector_get(&a->names, k);
		const char *v;

		if (known(name, skip))
			continue;
		if (!(v = value(g, vertex, a, k, i, bufs[n], 64)))
			continue;
		out[n].key = name;
		out[n].value = v;
		n++;
	}
	return n;
}

int ties_import__graphml(ties_db *db, const char *path,
			 ties_import_stats *stats)
{
	static const char *const vskip[] = {"id",      "kind",  "label",
					    "name",    "country", "aliases",
					    "event",   "date",  "place",
					    "source_id", NULL};
	static const char *const eskip[] = {"kind",     "role",	 "start",
					    "end",	"source_id", "weight",
					    "evidence", "first", "last",
					    "id",	NULL};
	const igraph_attribute_table_t *old_table;
	igraph_error_handler_t *old_err;
	igraph_warning_handler_t *old_warn;
	igraph_t g;
	struct attrs va, ea;
	igraph_strvector_t gnames;
	igraph_vector_int_t gtypes;
	igraph_integer_t i, n, m;
	char *is_event = NULL;
	char buf[5][64], bufs[64][64];
	ties_attr attrs[64];
	size_t nattrs;
	FILE *f;
	int rc = 0, have_graph = 0;

	if (!(f = fopen(path, "r")))
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       path, strerror(errno));
	reason[0] = '\0';
	old_table = igraph_set_attribute_table(&igraph_cattribute_table);
	old_err = igraph_set_error_handler(on_error);
	old_warn = igraph_set_warning_handler(on_warning);
	igraph_strvector_init(&gnames, 0);
	igraph_vector_int_init(&gtypes, 0);
	igraph_strvector_init(&va.names, 0);
	igraph_vector_int_init(&va.types, 0);
	igraph_strvector_init(&ea.names, 0);
	igraph_vector_int_init(&ea.types, 0);
	if (igraph_read_graph_graphml(&g, f, 0) != IGRAPH_SUCCESS) {
		rc = ties_db__seterr(db, TIES_EINVALID, "%s: %s", path,
				     reason[0] ? reason : "not GraphML");
		goto done;
	}
	have_graph = 1;
	igraph_cattribute_list(&g, &gnames, &gtypes, &va.names, &va.types,
			       &ea.names, &ea.types);
	n = igraph_vcount(&g);
	m = igraph_ecount(&g);
	if (!(is_event = calloc((size_t)n + 1, 1))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = ties_db__begin(db)) < 0)
		goto done;
	for (i = 0; i < n; i++) {
		const char *kind = named(&g, 1, &va, "kind", i, buf[0], 64);
		const char *ev = named(&g, 1, &va, "event", i, buf[1], 64);

		is_event[i] = ties_import__is_event_kind(kind) ||
			      (ev && (!strcmp(ev, "true") || !strcmp(ev, "1")));
	}
	/* Entities, then their countries, then events. */
	for (i = 0; i < n; i++) {
		ties_entity_row row;
		const char *aliases[64], *label;
		char *copy = NULL;

		if (is_event[i])
			continue;
		memset(&row, 0, sizeof(row));
		row.id = named(&g, 1, &va, "id", i, buf[0], 64);
		row.kind = named(&g, 1, &va, "kind", i, buf[1], 64);
		label = named(&g, 1, &va, "label", i, buf[2], 64);
		if (!label)
			label = named(&g, 1, &va, "name", i, buf[2], 64);
		row.kind = row.kind ? row.kind : "entity";
		row.name = label ? label : row.id;
		{
			const char *al = named(&g, 1, &va, "aliases", i,
					       buf[3], 64);

			if (al && (copy = strdup(al))) {
				char *p = copy;

				while (p && row.naliases < 64) {
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
		}
		nattrs = others(&g, 1, &va, i, vskip, attrs, bufs);
		row.attrs = attrs;
		row.nattrs = nattrs;
		rc = row.id ? ties_store__entity_put(db, &row, NULL)
			    : ties_db__seterr(db, TIES_EINVALID, "no id");
		free(copy);
		if (rc < 0) {
			ties_db__prefix_err(db, "%s: node %ld: ", path, (long)i);
			goto fail;
		}
		stats->entities++;
	}
	for (i = 0; i < n; i++) {
		const char *country = named(&g, 1, &va, "country", i, buf[0], 64);
		const char *id = named(&g, 1, &va, "id", i, buf[1], 64);
		sqlite3_int64 self, c;

		if (is_event[i] || !country || !id)
			continue;
		if ((rc = ties_store__resolve(db, id, &self)) < 0 ||
		    (rc = ties_store__resolve_as(db, country, "country",
						 "country", &c)) < 0 ||
		    (rc = ties_store__entity_set_country(db, self, c)) < 0) {
			ties_db__prefix_err(db, "%s: node '%s': ", path, id);
			goto fail;
		}
	}
	for (i = 0; i < n; i++) {
		const char *id = named(&g, 1, &va, "id", i, buf[0], 64);
		const char *place = named(&g, 1, &va, "place", i, buf[1], 64);
		const char *src = named(&g, 1, &va, "source_id", i, buf[2], 64);
		sqlite3_int64 pl = 0, s = 0;

		if (!is_event[i])
			continue;
		nattrs = others(&g, 1, &va, i, vskip, attrs, bufs);
		if ((place && (rc = ties_store__resolve_as(db, place, "place",
							   NULL, &pl)) < 0) ||
		    (src && (rc = ties_store__resolve_source(db, src, &s)) <
				    0) ||
		    (rc = ties_store__event_put(
			     db, id ? id : "",
			     named(&g, 1, &va, "kind", i, buf[3], 64),
			     named(&g, 1, &va, "date", i, buf[4], 64),
			     named(&g, 1, &va, "label", i, buf[1], 64), pl, s,
			     attrs, nattrs, NULL)) < 0) {
			ties_db__prefix_err(db, "%s: node '%s': ", path,
					    id ? id : "?");
			goto fail;
		}
		stats->events++;
	}
	for (i = 0; i < m; i++) {
		igraph_integer_t a = IGRAPH_FROM(&g, i), b = IGRAPH_TO(&g, i);
		const char *ida = named(&g, 1, &va, "id", a, buf[0], 64);
		const char *idb = named(&g, 1, &va, "id", b, buf[1], 64);
		sqlite3_int64 x, y, s = 0;

		if (is_event[a] && is_event[b]) {
			rc = ties_db__seterr(db, TIES_EINVALID,
					     "%s: edge %ld joins two events",
					     path, (long)i);
			goto fail;
		}
		if (is_event[a] || is_event[b]) {
			if ((rc = ties_store__resolve_event(
				     db, is_event[a] ? ida : idb, &x)) < 0 ||
			    (rc = ties_store__resolve(db,
						      is_event[a] ? idb : ida,
						      &y)) < 0 ||
			    (rc = ties_store__participant_put(
				     db, x, y,
				     named(&g, 0, &ea, "role", i, buf[2], 64))) <
				    0)
				goto edge_fail;
			stats->participants++;
			continue;
		}
		{
			const char *src = named(&g, 0, &ea, "source_id", i,
						buf[2], 64);
			const char *kind = named(&g, 0, &ea, "kind", i, buf[3],
						 64);

			if ((rc = ties_store__resolve(db, ida, &x)) < 0 ||
			    (rc = ties_store__resolve(db, idb, &y)) < 0 ||
			    (src && (rc = ties_store__resolve_source(db, src,
								     &s)) < 0))
				goto edge_fail;
			nattrs = others(&g, 0, &ea, i, eskip, attrs, bufs);
			if ((rc = ties_store__relation_put(
				     db, x, y, kind ? kind : "tie",
				     named(&g, 0, &ea, "role", i, buf[4], 64),
				     named(&g, 0, &ea, "start", i, buf[2], 64),
				     named(&g, 0, &ea, "end", i, buf[3], 64), s,
				     attrs, nattrs, NULL)) < 0)
				goto edge_fail;
			stats->relations++;
			continue;
		}
edge_fail:
		ties_db__prefix_err(db, "%s: edge '%s' -- '%s': ", path,
				    ida ? ida : "?", idb ? idb : "?");
		goto fail;
	}
	rc = ties_db__commit(db);
	goto done;
fail:
	ties_db__rollback(db);
done:
	if (have_graph)
		igraph_destroy(&g);
	igraph_strvector_destroy(&gnames);
	igraph_vector_int_destroy(&gtypes);
	igraph_strvector_destroy(&va.names);
	igraph_vector_int_destroy(&va.types);
	igraph_strvector_destroy(&ea.names);
	igraph_vector_int_destroy(&ea.types);
	igraph_set_attribute_table(old_table);
	igraph_set_error_handler(old_err);
	igraph_set_warning_handler(old_warn);
	free(is_event);
	fclose(f);
	return rc;
}
