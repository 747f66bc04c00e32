/*
 * json.c — the JSON importer: the document `ties export --format
 * json` writes ({sources, entities, events, relations, participants}), in
 * one transaction, in that order, home countries resolved after every
 * entity is in. Errors name the file, line and row: "x.json:9: entities[3]:
 * unknown country 'XX'"; syntax errors the line and column.
 */
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <jansson.h>

#include "ties_int.h"
#include "import_int.h"

static const char *str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Attributes of a row: its "attributes" object; strings as they are,
 * numbers and booleans as text; anything else is an error (TIES_EINVALID,
 * the key in *bad). One allocation: the texts of numbers follow the
 * array. */
static int attrs_of(json_t *o, ties_attr **out, size_t *n, const char **bad)
{
	json_t *a = json_object_get(o, "attributes"), *v;
	const char *k;
	size_t i = 0, na;
	char *num;

	*out = NULL;
	*n = 0;
	if (!a)
		return 0;
	if (!json_is_object(a)) {
		*bad = "attributes";
		return TIES_EINVALID;
	}
	if ((na = json_object_size(a)) == 0)
		return 0;
	if (!(*out = calloc(na, sizeof(**out) + 32)))
		return TIES_ENOMEM;
	num = (char *)(*out + na);
	json_object_foreach(a, k, v)
	{
		char *text = num + 32 * i;

		if (json_is_string(v))
			(*out)[i].value = json_string_value(v);
		else if (json_is_integer(v))
			snprintf(text, 32, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(v));
		else if (json_is_real(v))
			snprintf(text, 32, "%.17g", json_real_value(v));
		else if (json_is_boolean(v))
			snprintf(text, 32, "%s",
				 json_is_true(v) ? "true" : "false");
		else {
			free(*out);
			*out = NULL;
			*bad = k;
			return TIES_EINVALID;
		}
		if (!(*out)[i].value)
			(*out)[i].value = text;
		(*out)[i].key = k;
		i++;
	}
	*n = i;
	return 0;
}

/* The row's attributes, or an error naming the attribute. */
static int row_attrs(ties_db *db, json_t *row, ties_attr **out, size_t *n)
{
	const char *bad = NULL;
	int rc = attrs_of(row, out, n, &bad);

	if (rc == TIES_EINVALID)
		return ties_db__seterr(db, rc,
				       "attribute '%s' is not a string, a "
				       "number or a boolean",
				       bad);
	if (rc < 0)
		return ties_db__seterr(db, rc, "out of memory");
	return 0;
}

/* Prefix the error with where row table[i] is: "file:line: table[i]: ". */
static int at_row(ties_db *db, int rc, const char *path, const char *table,
		  size_t i)
{
	long line = ties_imp__json_line(path, table, i);

	if (line > 0)
		ties_db__prefix_err(db, "%s:%ld: %s[%zu]: ", path, line, table,
				    i);
	else
		ties_db__prefix_err(db, "%s: %s[%zu]: ", path, table, i);
	return rc;
}

/* The tables of a document and the keys of their rows. */
static const struct {
	const char *name;
	const char *keys[10];
} tables[] = {
	{"sources", {"id", "title", "url", "publisher", "date", "attributes"}},
	{"entities",
	 {"id", "kind", "name", "country", "aliases", "attributes"}},
	{"events",
	 {"id", "kind", "date", "title", "place", "source_id", "attributes"}},
	{"relations",
	 {"source", "target", "kind", "role", "start", "end", "source_id",
	  "weight", "attributes"}},
	{"participants", {"event", "entity", "role", "weight"}},
};
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/*
 * The shape of a document, checked before anything is written: known
 * keys only (a misspelt "entites" is an error, not nothing), each table an
 * array of objects with known keys, a schema this ties reads.
 */
static int check_doc(ties_db *db, json_t *doc, const char *path)
{
	const char *k;
	json_t *v;
	int tables_seen = 0;

	json_object_foreach(doc, k, v)
	{
		size_t t;

		if (!strcmp(k, "format")) {
			if (!json_is_string(v) ||
			    strcmp(json_string_value(v), "ties"))
				return ties_db__seterr(
					db, TIES_EINVALID,
					"%s: format: not a ties document",
					path);
			continue;
		}
		if (!strcmp(k, "schema")) {
			if (!json_is_integer(v) || json_integer_value(v) < 1)
				return ties_db__seterr(
					db, TIES_EINVALID,
					"%s: schema: not a schema number",
					path);
			if (json_integer_value(v) > TIES_SCHEMA_VERSION)
				return ties_db__seterr(
					db, TIES_EINVALID,
					"%s: schema %" JSON_INTEGER_FORMAT
					": written by a newer ties (this one "
					"reads schema %d)",
					path, json_integer_value(v),
					TIES_SCHEMA_VERSION);
			continue;
		}
		for (t = 0; t < NTABLES && strcmp(k, tables[t].name); t++)
			;
		if (t == NTABLES)
			return ties_db__seterr(
				db, TIES_EINVALID,
				"%s: unknown key '%s' (format, schema, "
				"sources, entities, events, relations, "
				"participants)",
				path, k);
		if (!json_is_array(v))
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s: %s: not an array", path, k);
		tables_seen++;
		for (size_t i = 0; i < json_array_size(v); i++) {
			json_t *row = json_array_get(v, i), *x;
			const char *rk;

			if (!json_is_object(row))
				return at_row(db,
					      ties_db__seterr(db, TIES_EINVALID,
							      "not an object"),
					      path, k, i);
			json_object_foreach(row, rk, x)
			{
				size_t j;

				for (j = 0; tables[t].keys[j] &&
					    strcmp(rk, tables[t].keys[j]);
				     j++)
					;
				if (!tables[t].keys[j])
					return at_row(
						db,
						ties_db__seterr(
							db, TIES_EINVALID,
							"unknown key '%s'", rk),
						path, k, i);
				if (!strcmp(rk, "aliases")) {
					size_t a;

					for (a = 0;
					     json_is_array(x) &&
					     a < json_array_size(x) &&
					     json_is_string(
						     json_array_get(x, a));
					     a++)
						;
					if (!json_is_array(x) ||
					    a < json_array_size(x))
						return at_row(
							db,
							ties_db__seterr(
								db,
								TIES_EINVALID,
								"aliases: not "
								"an array of "
								"strings"),
							path, k, i);
				}
				if (strcmp(rk, "attributes") &&
				    strcmp(rk, "aliases") &&
				    !(!strcmp(rk, "weight") &&
				      json_is_number(x)) &&
				    !json_is_string(x) && !json_is_null(x))
					return at_row(
						db,
						ties_db__seterr(
							db, TIES_EINVALID,
							"%s: not a string", rk),
						path, k, i);
			}
		}
	}
	if (!tables_seen)
		return ties_db__seterr(db, TIES_EINVALID,
				       "%s: no table (sources, entities, "
				       "events, relations, participants)",
				       path);
	return 0;
}

/* A string member, "" when absent (a reference to resolve). */
static const char *ref(json_t *o, const char *key)
{
	const char *s = str(o, key);

	return s ? s : "";
}

static int oom(ties_db *db)
{
	return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
}

/* What a row's loader has: the handle, the counts, and the rowids of the
 * entities (for their countries, set once every entity is in). */
struct jload {
	ties_db *db;
	ties_import_stats *stats;
	sqlite3_int64 *ent;
};

typedef int (*row_loader)(struct jload *l, json_t *row, size_t i);

static int load_source(struct jload *l, json_t *row, size_t i)
{
	ties_source_spec s;
	ties_attr *attrs;
	size_t nattrs;
	int rc;

	(void)i;
	memset(&s, 0, sizeof(s));
	s.id = str(row, "id");
	s.title = str(row, "title");
	s.url = str(row, "url");
	s.publisher = str(row, "publisher");
	s.date = str(row, "date");
	if ((rc = row_attrs(l->db, row, &attrs, &nattrs)) < 0)
		return rc;
	s.attrs = attrs;
	s.nattrs = nattrs;
	rc = ties_store__source_put(l->db, &s, NULL);
	free(attrs);
	l->stats->sources += rc >= 0;
	return rc;
}

static int load_entity(struct jload *l, json_t *row, size_t i)
{
	ties_entity_row e;
	json_t *al = json_object_get(row, "aliases");
	const char **aliases = NULL;
	ties_attr *attrs;
	size_t nattrs;
	int rc;

	memset(&e, 0, sizeof(e));
	e.id = str(row, "id");
	e.kind = str(row, "kind");
	e.name = str(row, "name");
	if (json_is_array(al)) {
		if (!(aliases = calloc(json_array_size(al) + 1,
				       sizeof(*aliases))))
			return oom(l->db);
		for (size_t k = 0; k < json_array_size(al); k++)
			if (json_is_string(json_array_get(al, k)))
				aliases[e.naliases++] = json_string_value(
					json_array_get(al, k));
		e.aliases = aliases;
		e.replace_aliases = 1;
	}
	if ((rc = row_attrs(l->db, row, &attrs, &nattrs)) < 0) {
		free((void *)aliases);
		return rc;
	}
	e.attrs = attrs;
	e.nattrs = nattrs;
	e.replace_attrs = 1;
	if (!e.id || !e.kind || !e.name)
		rc = ties_db__seterr(l->db, TIES_EINVALID,
				     "an entity needs id, kind and name");
	else
		rc = ties_store__entity_put(l->db, &e, &l->ent[i]);
	free((void *)aliases);
	free(attrs);
	l->stats->entities += rc >= 0;
	return rc;
}

/* An entity's home country, once every entity is in. */
static int load_country(struct jload *l, json_t *row, size_t i)
{
	const char *country = str(row, "country");
	sqlite3_int64 c = 0;
	int rc;

	if (country && (rc = ties_store__resolve_as(l->db, country, "country",
						    "country", &c)) < 0)
		return rc;
	return ties_store__entity_set_country(l->db, l->ent[i], c);
}

static int load_event(struct jload *l, json_t *row, size_t i)
{
	const char *place = str(row, "place"), *src = str(row, "source_id");
	sqlite3_int64 a = 0, b = 0;
	ties_attr *attrs;
	size_t nattrs;
	int rc;

	(void)i;
	if ((place && (rc = ties_store__resolve_as(l->db, place, "place", NULL,
						   &a)) < 0) ||
	    (src && (rc = ties_store__resolve_source(l->db, src, &b)) < 0))
		return rc;
	if ((rc = row_attrs(l->db, row, &attrs, &nattrs)) < 0)
		return rc;
	if (!str(row, "id") || !str(row, "kind"))
		rc = ties_db__seterr(l->db, TIES_EINVALID,
				     "an event needs id and kind");
	else
		rc = ties_store__event_put(l->db, str(row, "id"),
					   str(row, "kind"), str(row, "date"),
					   str(row, "title"), a, b, attrs,
					   nattrs, NULL);
	free(attrs);
	l->stats->events += rc >= 0;
	return rc;
}

/* The row's "weight": a number, or a number as text; 1 when absent. */
static int weight_of(ties_db *db, json_t *row, double *w)
{
	json_t *v = json_object_get(row, "weight");

	*w = 1;
	if (!v || json_is_null(v))
		return 0;
	if (json_is_string(v))
		return ties_check__weight(db, json_string_value(v), w);
	if (json_is_number(v) && isfinite(json_number_value(v)) &&
	    json_number_value(v) > 0) {
		*w = json_number_value(v);
		return 0;
	}
	return ties_db__seterr(db, TIES_EINVALID,
			       "weight: want a positive number");
}

static int load_relation(struct jload *l, json_t *row, size_t i)
{
	const char *src = str(row, "source_id");
	sqlite3_int64 a, b, c = 0;
	ties_attr *attrs;
	size_t nattrs;
	double w;
	int rc;

	(void)i;
	if ((rc = weight_of(l->db, row, &w)) < 0)
		return rc;
	if ((rc = ties_store__resolve(l->db, ref(row, "source"), &a)) < 0 ||
	    (rc = ties_store__resolve(l->db, ref(row, "target"), &b)) < 0 ||
	    (src && (rc = ties_store__resolve_source(l->db, src, &c)) < 0))
		return rc;
	if ((rc = row_attrs(l->db, row, &attrs, &nattrs)) < 0)
		return rc;
	rc = ties_store__relation_put(l->db, a, b, ref(row, "kind"),
				      str(row, "role"), str(row, "start"),
				      str(row, "end"), c, w, attrs, nattrs,
				      NULL);
	free(attrs);
	l->stats->relations += rc >= 0;
	return rc;
}

static int load_participant(struct jload *l, json_t *row, size_t i)
{
	sqlite3_int64 a, b;
	double w;
	int rc;

	(void)i;
	if ((rc = weight_of(l->db, row, &w)) < 0 ||
	    (rc = ties_store__resolve_event(l->db, ref(row, "event"), &a)) <
		    0 ||
	    (rc = ties_store__resolve(l->db, ref(row, "entity"), &b)) < 0 ||
	    (rc = ties_store__participant_put(l->db, a, b, str(row, "role"),
					      w)) < 0)
		return rc;
	l->stats->participants++;
	return 0;
}

/* Load each row of doc[table]; errors get "file: table[i]: ". */
static int load_table(struct jload *l, json_t *doc, const char *path,
		      const char *table, row_loader fn)
{
	json_t *arr = json_object_get(doc, table), *row;
	int rc;

	for (size_t i = 0; json_is_array(arr) && i < json_array_size(arr) &&
			   (row = json_array_get(arr, i));
	     i++) {
		if (!json_is_object(row))
			return at_row(l->db,
				      ties_db__seterr(l->db, TIES_EINVALID,
						      "not an object"),
				      path, table, i);
		if ((rc = fn(l, row, i)) < 0)
			return at_row(l->db, rc, path, table, i);
	}
	return 0;
}

int ties_import__json(ties_db *db, const char *path, ties_import_stats *stats)
{
	json_t *doc, *arr;
	json_error_t jerr;
	struct jload l = {db, stats, NULL};
	int rc = 0;

	if (!(doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr)))
		return ties_db__seterr(db,
				       jerr.line > 0 ? TIES_EINVALID : TIES_EIO,
				       "%s:%d:%d: %s", path, jerr.line,
				       jerr.column, jerr.text);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return ties_db__seterr(
			db, TIES_EINVALID,
			"%s: not a ties document (an object with "
			"entities, events, …)",
			path);
	}
	if ((rc = check_doc(db, doc, path)) < 0 ||
	    (rc = ties_db__begin(db)) < 0) {
		json_decref(doc);
		return rc;
	}
	arr = json_object_get(doc, "entities");
	if (!(l.ent = calloc(json_is_array(arr) ? json_array_size(arr) + 1 : 1,
			     sizeof(*l.ent))))
		rc = oom(db);
	if (rc < 0 ||
	    (rc = load_table(&l, doc, path, "sources", load_source)) < 0 ||
	    (rc = load_table(&l, doc, path, "entities", load_entity)) < 0 ||
	    (rc = load_table(&l, doc, path, "entities", load_country)) < 0 ||
	    (rc = load_table(&l, doc, path, "events", load_event)) < 0 ||
	    (rc = load_table(&l, doc, path, "relations", load_relation)) < 0 ||
	    (rc = load_table(&l, doc, path, "participants", load_participant)) <
		    0) {
		free(l.ent);
		json_decref(doc);
		ties_db__rollback(db);
		return rc;
	}
	free(l.ent);
	json_decref(doc);
	return ties_db__commit(db);
}
