/*
 * import_json.c — the JSON importer: the document `ties export --format
 * json` writes ({sources, entities, events, relations, participants}), in
 * one transaction, in that order, home countries resolved after every
 * entity is in. Errors name the file and the row: "x.json: entities[3]:
 * unknown country 'XX'"; syntax errors the line and column.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "ties_int.h"

static const char *str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Attributes of a row: its "attributes" object, string values. */
static int attrs_of(json_t *o, ties_attr **out, size_t *n)
{
	json_t *a = json_object_get(o, "attributes"), *v;
	const char *k;
	size_t i = 0;

	*out = NULL;
	*n = 0;
	if (!json_is_object(a) || json_object_size(a) == 0)
		return 0;
	if (!(*out = calloc(json_object_size(a), sizeof(**out))))
		return TIES_ENOMEM;
	json_object_foreach(a, k, v)
	{
		if (!json_is_string(v))
			continue;
		(*out)[i].key = k;
		(*out)[i].value = json_string_value(v);
		i++;
	}
	*n = i;
	return 0;
}

/* Run f on each element of doc[name]; errors get "file: name[i]: ". */
#define EACH(name)                                                             \
	for (arr = json_object_get(doc, name), i = 0;                          \
	     json_is_array(arr) && i < json_array_size(arr) &&                 \
	     (row = json_array_get(arr, i));                                   \
	     i++)

static int where(ties_db *db, const char *path, const char *table, size_t i,
		 int rc)
{
	ties_db__prefix_err(db, "%s: %s[%zu]: ", path, table, i);
	return rc;
}

static int not_object(ties_db *db, const char *path, const char *table,
		      size_t i)
{
	return ties_db__seterr(db, TIES_EINVALID, "%s: %s[%zu]: not an object",
			       path, table, i);
}

int ties_import__json(ties_db *db, const char *path,
		      ties_import_stats *stats)
{
	json_t *doc, *arr, *row;
	json_error_t jerr;
	ties_attr *attrs = NULL;
	size_t i, nattrs;
	sqlite3_int64 a, b, c, *pend = NULL;
	int rc = 0;

	if (!(doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr)))
		return ties_db__seterr(db, jerr.line > 0 ? TIES_EINVALID
							 : TIES_EIO,
				       "%s:%d:%d: %s", path, jerr.line,
				       jerr.column, jerr.text);
	if (!json_is_object(doc)) {
		json_decref(doc);
		return ties_db__seterr(db, TIES_EINVALID,
				       "%s: not a ties document (an object with "
				       "entities, events, …)",
				       path);
	}
	if ((rc = ties_db__begin(db)) < 0) {
		json_decref(doc);
		return rc;
	}
	EACH("sources")
	{
		ties_source_spec s;

		if (!json_is_object(row)) {
			rc = not_object(db, path, "sources", i);
			goto fail;
		}
		memset(&s, 0, sizeof(s));
		s.id = str(row, "id");
		s.title = str(row, "title");
		s.url = str(row, "url");
		s.publisher = str(row, "publisher");
		s.date = str(row, "date");
		if ((rc = attrs_of(row, &attrs, &nattrs)) < 0)
			goto oom;
		s.attrs = attrs;
		s.nattrs = nattrs;
		rc = ties_store__source_put(db, &s, NULL);
		free(attrs);
		attrs = NULL;
		if (rc < 0) {
			where(db, path, "sources", i, rc);
			goto fail;
		}
		stats->sources++;
	}
	arr = json_object_get(doc, "entities");
	if (json_is_array(arr) &&
	    !(pend = calloc(json_array_size(arr) + 1, sizeof(*pend))))
		goto oom;
	EACH("entities")
	{
		ties_entity_row e;
		json_t *al = json_object_get(row, "aliases");
		const char **aliases = NULL;
		size_t k;

		if (!json_is_object(row)) {
			rc = not_object(db, path, "entities", i);
			goto fail;
		}
		memset(&e, 0, sizeof(e));
		e.id = str(row, "id");
		e.kind = str(row, "kind");
		e.name = str(row, "name");
		if (json_is_array(al)) {
			if (!(aliases = calloc(json_array_size(al) + 1,
					       sizeof(*aliases))))
				goto oom;
			for (k = 0; k < json_array_size(al); k++)
				if (json_is_string(json_array_get(al, k)))
					aliases[e.naliases++] =
						json_string_value(
							json_array_get(al, k));
			e.aliases = aliases;
			e.replace_aliases = 1;
		}
		if ((rc = attrs_of(row, &attrs, &nattrs)) < 0) {
			free((void *)aliases);
			goto oom;
		}
		e.attrs = attrs;
		e.nattrs = nattrs;
		e.replace_attrs = 1;
		if (!e.id || !e.kind || !e.name)
			rc = ties_db__seterr(db, TIES_EINVALID,
					     "an entity needs id, kind and "
					     "name");
		else
			rc = ties_store__entity_put(db, &e, &pend[i]);
		free((void *)aliases);
		free(attrs);
		attrs = NULL;
		if (rc < 0) {
			where(db, path, "entities", i, rc);
			goto fail;
		}
		stats->entities++;
	}
	EACH("entities")
	{
		const char *country = str(row, "country");

		c = 0;
		if (country && (rc = ties_store__resolve_as(
					db, country, "country", "country",
					&c)) < 0) {
			where(db, path, "entities", i, rc);
			goto fail;
		}
		if ((rc = ties_store__entity_set_country(db, pend[i], c)) < 0)
			goto fail;
	}
	EACH("events")
	{
		const char *place = str(row, "place");
		const char *src = str(row, "source_id");

		if (!json_is_object(row)) {
			rc = not_object(db, path, "events", i);
			goto fail;
		}
		a = b = 0;
		if ((place && (rc = ties_store__resolve_as(db, place, "place",
							   NULL, &a)) < 0) ||
		    (src && (rc = ties_store__resolve_source(db, src, &b)) <
				    0)) {
			where(db, path, "events", i, rc);
			goto fail;
		}
		if ((rc = attrs_of(row, &attrs, &nattrs)) < 0)
			goto oom;
		if (!str(row, "id") || !str(row, "kind"))
			rc = ties_db__seterr(db, TIES_EINVALID,
					     "an event needs id and kind");
		else
			rc = ties_store__event_put(db, str(row, "id"),
						   str(row, "kind"),
						   str(row, "date"),
						   str(row, "title"), a, b,
						   attrs, nattrs, NULL);
		free(attrs);
		attrs = NULL;
		if (rc < 0) {
			where(db, path, "events", i, rc);
			goto fail;
		}
		stats->events++;
	}
	EACH("relations")
	{
		const char *src = str(row, "source_id");

		if (!json_is_object(row)) {
			rc = not_object(db, path, "relations", i);
			goto fail;
		}
		c = 0;
		if ((rc = ties_store__resolve(db,
					      str(row, "source")
						      ? str(row, "source")
						      : "",
					      &a)) < 0 ||
		    (rc = ties_store__resolve(db,
					      str(row, "target")
						      ? str(row, "target")
						      : "",
					      &b)) < 0 ||
		    (src && (rc = ties_store__resolve_source(db, src, &c)) <
				    0)) {
			where(db, path, "relations", i, rc);
			goto fail;
		}
		if ((rc = attrs_of(row, &attrs, &nattrs)) < 0)
			goto oom;
		rc = ties_store__relation_put(
			db, a, b, str(row, "kind") ? str(row, "kind") : "",
			str(row, "role"), str(row, "start"), str(row, "end"),
			c, attrs, nattrs, NULL);
		free(attrs);
		attrs = NULL;
		if (rc < 0) {
			where(db, path, "relations", i, rc);
			goto fail;
		}
		stats->relations++;
	}
	EACH("participants")
	{
		if (!json_is_object(row)) {
			rc = not_object(db, path, "participants", i);
			goto fail;
		}
		if ((rc = ties_store__resolve_event(
			     db, str(row, "event") ? str(row, "event") : "",
			     &a)) < 0 ||
		    (rc = ties_store__resolve(db,
					      str(row, "entity")
						      ? str(row, "entity")
						      : "",
					      &b)) < 0 ||
		    (rc = ties_store__participant_put(db, a, b,
						      str(row, "role"))) < 0) {
			where(db, path, "participants", i, rc);
			goto fail;
		}
		stats->participants++;
	}
	free(pend);
	json_decref(doc);
	return ties_db__commit(db);
oom:
	rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
fail:
	free(attrs);
	free(pend);
	json_decref(doc);
	ties_db__rollback(db);
	return rc;
}
