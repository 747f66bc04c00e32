/*
 * write.c — writes to the store: entities with their name keys, relations,
 * events, participants, sources, attributes; the public writes and removal.
 *
 * Invariant: every entity has one row in name_key for each distinct folded
 * form of its id, its name and each alias; name_fts indexes those keys
 * (external content, kept in step by triggers) for word look-up. Whoever
 * changes an entity's id, name or aliases calls keys_rebuild().
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "store_int.h"

/* Add the folded form of `text` as a key of `entity`, once. */
static int key_add(ties_db *db, sqlite3_int64 entity, const char *text,
		   ties_buf *seen)
{
	ties_buf key = TIES_BUF_INIT;
	sqlite3_stmt *st;
	const char *p, *k;
	size_t klen;
	int rc;

	if (ties_str__empty(text))
		return 0;
	if ((rc = ties_fold__buf(&key, text)) < 0) {
		ties_buf__release(&key);
		return rc == TIES_ENOMEM
			       ? ties_db__seterr(db, rc, "out of memory")
			       : ties_db__seterr(db, rc,
						 "invalid UTF-8 in '%s'", text);
	}
	k = ties_buf__str(&key);
	klen = strlen(k);
	if (klen == 0)
		goto done;
	/* `seen` holds the keys added so far, each followed by a NUL. */
	for (p = ties_buf__str(seen); p < seen->ptr + seen->len;
	     p += strlen(p) + 1)
		if (!strcmp(p, k))
			goto done;
	ties_buf__add(seen, k, klen + 1);
	/* A bulk import writes its keys a batch at a time, and indexes them
	 * in one statement once the entities are in. */
	if (db->bulk && db->bulk_batch) {
		rc = ties_st__batch_key(db, k, entity, text);
		goto done;
	}
	if (!(st = ties_db__stmt(db, ST_KEY_INSERT))) {
		rc = TIES_EDB;
		goto done;
	}
	sqlite3_bind_text(st, 1, k, (int)klen, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, entity);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = ties_db__sqlerr(db);
	sqlite3_reset(st);
	/* A bulk import indexes its keys in one statement at the end. */
	if (rc == 0 && !db->bulk) {
		sqlite3_int64 keyrow = sqlite3_last_insert_rowid(db->sql);

		if (!(st = ties_db__stmt(db, ST_FTS_INSERT))) {
			rc = TIES_EDB;
			goto done;
		}
		sqlite3_bind_int64(st, 1, keyrow);
		sqlite3_bind_text(st, 2, k, (int)klen, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = ties_db__sqlerr(db);
		sqlite3_reset(st);
	}
done:
	ties_buf__release(&key);
	return rc;
}

/* Rebuild the keys of an entity from its id, name and aliases. When
 * `aliases` is NULL they are read from the store. */
static int keys_rebuild(ties_db *db, sqlite3_int64 entity, const char *id,
			const char *name, const char *const *aliases,
			size_t naliases)
{
	ties_buf seen = TIES_BUF_INIT;
	sqlite3_stmt *st;
	size_t i;
	int rc = 0;

	if (entity <= db->fresh_entity) {
		if (!(st = ties_db__stmt(db, ST_KEYS_DELETE)))
			return TIES_EDB;
		sqlite3_bind_int64(st, 1, entity);
		if (sqlite3_step(st) != SQLITE_DONE)
			return ties_db__sqlerr(db);
		sqlite3_reset(st);
	}
	if ((rc = key_add(db, entity, name, &seen)) < 0 ||
	    (rc = key_add(db, entity, id, &seen)) < 0)
		goto done;
	if (aliases) {
		for (i = 0; i < naliases; i++)
			if ((rc = key_add(db, entity, aliases[i], &seen)) < 0)
				goto done;
	} else {
		/* Aliases are few per entity: collect, then add. */
		ties_buf list = TIES_BUF_INIT;
		const char *p;

		if (!(st = ties_db__stmt(db, ST_ALIASES_OF))) {
			rc = TIES_EDB;
			goto done;
		}
		sqlite3_bind_int64(st, 1, entity);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *a =
				(const char *)sqlite3_column_text(st, 0);

			ties_buf__add(&list, a, strlen(a) + 1);
		}
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
		for (p = list.ptr; rc == 0 && p && p < list.ptr + list.len;
		     p += strlen(p) + 1)
			rc = key_add(db, entity, p, &seen);
		ties_buf__release(&list);
	}
done:
	ties_buf__release(&seen);
	return rc;
}

static int step_done(ties_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

/* Step an upsert ... RETURNING rowid. */
static int step_rowid(ties_db *db, sqlite3_stmt *st, sqlite3_int64 *rowid)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		*rowid = sqlite3_column_int64(st, 0);
	else
		rc = ties_db__sqlerr(db);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc;
}

int ties_store__attrs_put(ties_db *db, int owner, sqlite3_int64 rowid,
			  const ties_attr *attrs, size_t nattrs, int replace)
{
	char o[2] = {(char)owner, 0};
	sqlite3_stmt *st;
	size_t i;
	int rc;
	sqlite3_int64 fresh = owner == OWNER_ENTITY  ? db->fresh_entity
			      : owner == OWNER_EVENT ? db->fresh_event
						     : INT64_MAX;

	/* A row made by this bulk import has no attributes yet. */
	if (replace && rowid <= fresh) {
		if (!(st = ties_db__stmt(db, ST_ATTRS_DELETE)))
			return TIES_EDB;
		sqlite3_bind_text(st, 1, o, 1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, rowid);
		if ((rc = step_done(db, st)) < 0)
			return rc;
	}
	for (i = 0; i < nattrs; i++) {
		int del = ties_str__empty(attrs[i].value);

		if (ties_str__empty(attrs[i].key))
			return ties_db__seterr(db, TIES_EINVALID,
					       "empty attribute name");
		if (del && replace)
			continue;
		if (!(st = ties_db__stmt(db,
					 del ? ST_ATTR_DELETE : ST_ATTR_SET)))
			return TIES_EDB;
		sqlite3_bind_text(st, 1, o, 1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, rowid);
		sqlite3_bind_text(st, 3, attrs[i].key, -1, SQLITE_STATIC);
		if (!del)
			sqlite3_bind_text(st, 4, attrs[i].value, -1,
					  SQLITE_STATIC);
		if ((rc = step_done(db, st)) < 0)
			return rc;
	}
	return 0;
}

/* The upsert found a country under this id (it leaves countries be): a
 * country is never turned into an entity of another kind. */
static int country_taken(ties_db *db, const ties_entity_row *row)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_COUNTRY_BY_ID);
	const char *name = row->id;
	ties_buf b = TIES_BUF_INIT;
	int rc;

	if (!st)
		return TIES_EDB;
	sqlite3_bind_text(st, 1, row->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_int64 c = sqlite3_column_int64(st, 0);

		sqlite3_reset(st);
		ties_st__describe(db, c, &b);
		name = ties_buf__str(&b);
	} else {
		sqlite3_reset(st);
	}
	rc = ties_db__seterr(db, TIES_EINVALID,
			     "id %s is a country's; give this %s another id, "
			     "such as '%s-%s'",
			     name, row->kind, row->id, row->kind);
	ties_buf__release(&b);
	return rc;
}

/* Statement `which` with an entity row's id, kind, name and country. */
static sqlite3_stmt *entity_stmt(ties_db *db, enum ties_stmt which,
				 const ties_entity_row *row)
{
	sqlite3_stmt *st = ties_db__stmt(db, which);

	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, row->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, row->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, row->name, -1, SQLITE_STATIC);
	if (row->country)
		sqlite3_bind_int64(st, 4, row->country);
	return st;
}

int ties_store__entity_put(ties_db *db, const ties_entity_row *row,
			   sqlite3_int64 *rowid)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;
	size_t i;
	int rc;

	if ((rc = ties_check__id(db, "entity id", row->id)) < 0 ||
	    (rc = ties_check__kind(db, "entity kind", row->kind)) < 0)
		return rc;
	if (ties_str__empty(row->name))
		return ties_db__seterr(db, TIES_EINVALID,
				       "entity '%s' has no name", row->id);
	if ((rc = ties_check__text(db, "name", row->name)) < 0)
		return rc;
	for (i = 0; i < row->naliases; i++)
		if ((rc = ties_check__text(db, "alias", row->aliases[i])) < 0)
			return rc;

	/* A bulk import tries a plain insert first (most of its ids are
	 * new; an upsert that returns the rowid costs more), then updates. */
	if (db->bulk) {
		if (!(st = entity_stmt(db, ST_ENTITY_INSERT, row)))
			return TIES_EDB;
		if ((rc = step_done(db, st)) < 0)
			return rc;
		if (sqlite3_changes(db->sql) == 1)
			id = sqlite3_last_insert_rowid(db->sql);
	}
	if (!id) {
		if (!(st = entity_stmt(db, ST_ENTITY_UPSERT, row)))
			return TIES_EDB;
		sqlite3_bind_int(st, 5, row->set_country);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return country_taken(db, row);
		if (rc != SQLITE_ROW)
			return ties_db__sqlerr(db);
	}
	if (row->replace_aliases && id <= db->fresh_entity) {
		if (!(st = ties_db__stmt(db, ST_ALIASES_DELETE)))
			return TIES_EDB;
		sqlite3_bind_int64(st, 1, id);
		if ((rc = step_done(db, st)) < 0)
			return rc;
	}
	for (i = 0; i < row->naliases; i++) {
		if (ties_str__empty(row->aliases[i]))
			continue;
		if (!(st = ties_db__stmt(db, ST_ALIAS_INSERT)))
			return TIES_EDB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, row->aliases[i], -1, SQLITE_STATIC);
		if ((rc = step_done(db, st)) < 0)
			return rc;
	}
	if ((rc = keys_rebuild(db, id, row->id, row->name,
			       row->replace_aliases ? row->aliases : NULL,
			       row->naliases)) < 0)
		return rc;
	if ((rc = ties_store__attrs_put(db, OWNER_ENTITY, id, row->attrs,
					row->nattrs, row->replace_attrs)) < 0)
		return rc;
	if (rowid)
		*rowid = id;
	return 0;
}

int ties_store__entity_set_country(ties_db *db, sqlite3_int64 rowid,
				   sqlite3_int64 country)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_SET_COUNTRY);

	if (!st)
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, rowid);
	if (country)
		sqlite3_bind_int64(st, 2, country);
	return step_done(db, st);
}

/* part_of is a hierarchy: refuse a relation that would close a cycle. */
static int part_of_cycle(ties_db *db, sqlite3_int64 source,
			 sqlite3_int64 target)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_PART_OF_CYCLE);
	int rc;

	if (source == target)
		return ties_db__seterr(db, TIES_EINVALID,
				       "an entity cannot be part_of itself");
	if (!st)
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, source);
	sqlite3_bind_int64(st, 2, target);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW) {
		ties_buf a = TIES_BUF_INIT, b = TIES_BUF_INIT;

		ties_st__describe(db, source, &a);
		ties_st__describe(db, target, &b);
		ties_db__seterr(db, TIES_EINVALID,
				"part_of cycle: %s is already above %s",
				ties_buf__str(&a), ties_buf__str(&b));
		ties_buf__release(&a);
		ties_buf__release(&b);
		return TIES_EINVALID;
	}
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

/* A weight given as a number: 0 stands for the default, 1. */
static int weight_ok(ties_db *db, double *w)
{
	if (*w == 0)
		*w = 1;
	if (!isfinite(*w) || *w < 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "bad weight %g (want a positive number)",
				       *w);
	return 0;
}

int ties_store__relation_put(ties_db *db, sqlite3_int64 source,
			     sqlite3_int64 target, const char *kind,
			     const char *role, const char *start,
			     const char *end, sqlite3_int64 source_id,
			     double weight, const ties_attr *attrs,
			     size_t nattrs, sqlite3_int64 *rowid)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;
	int rc;

	if ((rc = weight_ok(db, &weight)) < 0)
		return rc;

	if ((rc = ties_check__kind(db, "relation kind", kind)) < 0 ||
	    (rc = ties_check__date(db, "start date", start)) < 0 ||
	    (rc = ties_check__date(db, "end date", end)) < 0)
		return rc;
	if (!ties_str__empty(role) &&
	    (rc = ties_check__text(db, "role", role)) < 0)
		return rc;
	if (!strcmp(kind, "part_of") &&
	    (rc = part_of_cycle(db, source, target)) < 0)
		return rc;
	if (!ties_str__empty(start) && !ties_str__empty(end) &&
	    strncmp(start, end,
		    strlen(end) < strlen(start) ? strlen(end) : strlen(start)) >
		    0)
		return ties_db__seterr(
			db, TIES_EINVALID,
			"end date '%s' is before start date '%s'", end, start);

	if (!(st = ties_db__stmt(db, ST_RELATION_FIND)))
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, source);
	sqlite3_bind_int64(st, 2, target);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	ties_db__bind_text(st, 4, role);
	ties_db__bind_text(st, 5, start);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return ties_db__sqlerr(db);

	if (id) {
		if (!(st = ties_db__stmt(db, ST_RELATION_UPDATE)))
			return TIES_EDB;
		sqlite3_bind_int64(st, 1, id);
		ties_db__bind_text(st, 2, end);
		if (source_id)
			sqlite3_bind_int64(st, 3, source_id);
		sqlite3_bind_double(st, 4, weight);
		if ((rc = step_done(db, st)) < 0)
			return rc;
	} else {
		if (!(st = ties_db__stmt(db, ST_RELATION_INSERT)))
			return TIES_EDB;
		sqlite3_bind_int64(st, 1, source);
		sqlite3_bind_int64(st, 2, target);
		sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
		ties_db__bind_text(st, 4, role);
		ties_db__bind_text(st, 5, start);
		ties_db__bind_text(st, 6, end);
		if (source_id)
			sqlite3_bind_int64(st, 7, source_id);
		sqlite3_bind_double(st, 8, weight);
		if ((rc = step_done(db, st)) < 0)
			return rc;
		id = sqlite3_last_insert_rowid(db->sql);
	}
	if (nattrs && (rc = ties_store__attrs_put(db, OWNER_RELATION, id, attrs,
						  nattrs, 1)) < 0)
		return rc;
	if (rowid)
		*rowid = id;
	return 0;
}

int ties_store__event_put(ties_db *db, const char *id, const char *kind,
			  const char *date, const char *title,
			  sqlite3_int64 place, sqlite3_int64 source_id,
			  const ties_attr *attrs, size_t nattrs,
			  sqlite3_int64 *rowid)
{
	sqlite3_stmt *st;
	sqlite3_int64 r = 0;
	int rc;

	if ((rc = ties_check__id(db, "event id", id)) < 0 ||
	    (rc = ties_check__kind(db, "event kind", kind)) < 0 ||
	    (rc = ties_check__date(db, "date", date)) < 0)
		return rc;
	if (!ties_str__empty(title) &&
	    (rc = ties_check__text(db, "title", title)) < 0)
		return rc;
	/* Into a table that was empty when the bulk import began every
	 * event is new (the importer refuses an id given twice): its rowid
	 * is the next, and it waits for a batch to be written in. */
	if (db->fresh_event == 0 && db->bulk_batch) {
		r = ++db->event_next;
		if ((rc = ties_st__batch_event(db, r, id, kind, date, title,
					       place, source_id)) < 0 ||
		    (rc = ties_store__attrs_put(db, OWNER_EVENT, r, attrs,
						nattrs, 1)) < 0)
			return rc;
		if (rowid)
			*rowid = r;
		return 0;
	}
	if (!(st = ties_db__stmt(db, ST_EVENT_UPSERT)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	ties_db__bind_text(st, 3, date);
	ties_db__bind_text(st, 4, title);
	if (place)
		sqlite3_bind_int64(st, 5, place);
	if (source_id)
		sqlite3_bind_int64(st, 6, source_id);
	if ((rc = step_rowid(db, st, &r)) < 0)
		return rc;
	if ((rc = ties_store__attrs_put(db, OWNER_EVENT, r, attrs, nattrs, 1)) <
	    0)
		return rc;
	if (rowid)
		*rowid = r;
	return 0;
}

int ties_store__participant_put(ties_db *db, sqlite3_int64 event,
				sqlite3_int64 entity, const char *role,
				double weight)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = weight_ok(db, &weight)) < 0)
		return rc;
	if (ties_str__empty(role))
		role = "participant";
	else if ((rc = ties_check__kind(db, "role", role)) < 0)
		return rc;
	/* A bulk import writes participations a batch at a time (batch.c). */
	if (db->bulk_batch)
		return ties_st__batch_participant(db, event, entity, role,
						  weight);
	if (!(st = ties_db__stmt(db, ST_PARTICIPANT_INSERT)))
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, entity);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 4, weight);
	return step_done(db, st);
}

int ties_store__source_put(ties_db *db, const ties_source_spec *spec,
			   sqlite3_int64 *rowid)
{
	sqlite3_stmt *st;
	sqlite3_int64 r = 0;
	int rc;

	if ((rc = ties_check__id(db, "source id", spec->id)) < 0 ||
	    (rc = ties_check__date(db, "date", spec->date)) < 0)
		return rc;
	if ((spec->title &&
	     (rc = ties_check__text(db, "title", spec->title)) < 0) ||
	    (spec->url && (rc = ties_check__text(db, "url", spec->url)) < 0) ||
	    (spec->publisher &&
	     (rc = ties_check__text(db, "publisher", spec->publisher)) < 0))
		return rc;
	if (!(st = ties_db__stmt(db, ST_SOURCE_UPSERT)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, spec->id, -1, SQLITE_STATIC);
	ties_db__bind_text(st, 2, spec->title);
	ties_db__bind_text(st, 3, spec->url);
	ties_db__bind_text(st, 4, spec->publisher);
	ties_db__bind_text(st, 5, spec->date);
	if ((rc = step_rowid(db, st, &r)) < 0)
		return rc;
	if ((rc = ties_store__attrs_put(db, OWNER_SOURCE, r, spec->attrs,
					spec->nattrs, 1)) < 0)
		return rc;
	if (rowid)
		*rowid = r;
	return 0;
}

static int resolve_source_opt(ties_db *db, const char *ref,
			      sqlite3_int64 *rowid)
{
	*rowid = 0;
	if (ties_str__empty(ref))
		return 0;
	return ties_store__resolve_source(db, ref, rowid);
}

int ties_entity_put(ties_db *db, const ties_entity_spec *spec)
{
	ties_entity_row row;
	int rc;

	assert(db && spec);
	memset(&row, 0, sizeof(row));
	row.id = spec->id;
	row.kind = spec->kind;
	row.name = spec->name;
	row.aliases = spec->aliases;
	row.naliases = spec->naliases;
	row.attrs = spec->attrs;
	row.nattrs = spec->nattrs;
	row.replace_aliases = row.replace_attrs = spec->replace;
	row.set_country = spec->country != NULL;
	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	if (!ties_str__empty(spec->country) &&
	    (rc = ties_store__resolve_as(db, spec->country, "country",
					 "country", &row.country)) < 0)
		goto fail;
	if ((rc = ties_store__entity_put(db, &row, NULL)) < 0)
		goto fail;
	return ties_db__commit(db);
fail:
	ties_db__rollback(db);
	return rc;
}

int ties_relation_put(ties_db *db, const ties_relation_spec *spec)
{
	sqlite3_int64 s, t, src;
	int rc;

	assert(db && spec);
	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	if ((rc = ties_store__resolve(db, spec->source ? spec->source : "",
				      &s)) < 0 ||
	    (rc = ties_store__resolve(db, spec->target ? spec->target : "",
				      &t)) < 0 ||
	    (rc = resolve_source_opt(db, spec->source_id, &src)) < 0 ||
	    (rc = ties_store__relation_put(
		     db, s, t, spec->kind, spec->role, spec->start, spec->end,
		     src, spec->weight, spec->attrs, spec->nattrs, NULL)) < 0)
		goto fail;
	return ties_db__commit(db);
fail:
	ties_db__rollback(db);
	return rc;
}

int ties_event_put(ties_db *db, const ties_event_spec *spec)
{
	sqlite3_int64 place = 0, src, ev, ent;
	size_t i;
	int rc;

	assert(db && spec);
	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	if (!ties_str__empty(spec->place) &&
	    (rc = ties_store__resolve_as(db, spec->place, "place", NULL,
					 &place)) < 0)
		goto fail;
	if ((rc = resolve_source_opt(db, spec->source_id, &src)) < 0 ||
	    (rc = ties_store__event_put(db, spec->id, spec->kind, spec->date,
					spec->title, place, src, spec->attrs,
					spec->nattrs, &ev)) < 0)
		goto fail;
	for (i = 0; i < spec->nparticipants; i++) {
		const ties_participant_spec *p = &spec->participants[i];

		if ((rc = ties_store__resolve(db, p->entity ? p->entity : "",
					      &ent)) < 0 ||
		    (rc = ties_store__participant_put(db, ev, ent, p->role,
						       p->weight)) < 0)
			goto fail;
	}
	return ties_db__commit(db);
fail:
	ties_db__rollback(db);
	return rc;
}

int ties_source_put(ties_db *db, const ties_source_spec *spec)
{
	int rc;

	assert(db && spec);
	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	if ((rc = ties_store__source_put(db, spec, NULL)) < 0) {
		ties_db__rollback(db);
		return rc;
	}
	return ties_db__commit(db);
}

static int count_of(ties_db *db, const char *sql, sqlite3_int64 rowid,
		    long long *out)
{
	sqlite3_stmt *st = NULL;

	*out = 0;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Run SQL with ?1 bound to rowid, no result rows. */
int ties_st__exec_rowid(ties_db *db, const char *sql, sqlite3_int64 rowid)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	sqlite3_bind_int64(st, 1, rowid);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

int ties_remove(ties_db *db, enum ties_object what, const char *ref,
		const char **removed)
{
	sqlite3_int64 rowid;
	long long a = 0, b = 0;
	int rc;

	assert(db && ref);
	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	ties_buf__clear(&db->scratch);
	switch (what) {
	case TIES_OBJ_ENTITY:
		if ((rc = ties_store__resolve(db, ref, &rowid)) < 0 ||
		    (rc = count_of(db,
				   "SELECT count(*) FROM relation WHERE "
				   "source = ?1 OR target = ?1",
				   rowid, &a)) < 0 ||
		    (rc = count_of(db,
				   "SELECT count(*) FROM participant WHERE "
				   "entity = ?1",
				   rowid, &b)) < 0)
			goto fail;
		ties_st__describe(db, rowid, &db->scratch);
		if ((rc = ties_st__exec_rowid(
			     db, "DELETE FROM entity WHERE rowid = ?1",
			     rowid)) < 0)
			goto fail;
		ties_buf__printf(&db->scratch,
				 " with %lld relations and %lld "
				 "participations",
				 a, b);
		break;
	case TIES_OBJ_EVENT:
		if ((rc = ties_store__resolve_event(db, ref, &rowid)) < 0 ||
		    (rc = count_of(db,
				   "SELECT count(*) FROM participant WHERE "
				   "event = ?1",
				   rowid, &b)) < 0 ||
		    (rc = ties_st__exec_rowid(
			     db, "DELETE FROM event WHERE rowid = ?1", rowid)) <
			    0)
			goto fail;
		ties_buf__printf(&db->scratch,
				 "event '%s' with %lld participations", ref, b);
		break;
	case TIES_OBJ_SOURCE:
		if ((rc = ties_store__resolve_source(db, ref, &rowid)) < 0 ||
		    (rc = count_of(
			     db,
			     "SELECT (SELECT count(*) FROM relation WHERE "
			     "source_id = ?1) + (SELECT count(*) FROM "
			     "event WHERE source_id = ?1)",
			     rowid, &a)) < 0 ||
		    (rc = ties_st__exec_rowid(
			     db, "DELETE FROM source WHERE rowid = ?1",
			     rowid)) < 0)
			goto fail;
		ties_buf__printf(&db->scratch,
				 "source '%s', cited by %lld facts", ref, a);
		break;
	default:
		assert(!"unknown object");
		rc = TIES_ERROR;
		goto fail;
	}
	if ((rc = ties_db__commit(db)) < 0)
		return rc;
	if (removed)
		*removed = ties_buf__str(&db->scratch);
	return 0;
fail:
	ties_db__rollback(db);
	return rc;
}
