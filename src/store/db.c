/*
 * db.c — the SQLite store's handle: migrations (the schema is schema.c's),
 * statements,
 * transactions, the bulk-import mode, open and close.
 *
 * Invariants:
 *  - Every write runs inside a transaction (ties_db__begin); the public
 *    write functions open their own, the importers one for the whole import.
 *  - Statements live in db->stmt[] for the life of the handle.
 *
 * The files of src/store are the only places with SQL.
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_int.h"


static const char *const stmt_sql[ST_COUNT] = {
	[ST_KEY_LOOKUP] = "SELECT DISTINCT entity FROM name_key WHERE key = ?1 "
			  "ORDER BY entity LIMIT 11",
	[ST_ID_LOOKUP] = "SELECT rowid FROM entity WHERE id = ?1",
	[ST_MATCH_NAME] =
		"SELECT DISTINCT e.id, e.kind, e.name, c.id FROM entity e "
		"LEFT JOIN entity c ON c.rowid = e.country WHERE e.id = ?1 OR "
		"e.rowid IN (SELECT entity FROM name_key WHERE key = ?2) "
		"LIMIT 3",
	[ST_COUNTRY_BY_ID] = "SELECT rowid FROM entity WHERE id = ?1 AND "
			     "kind = 'country'",
	[ST_ENTITY_BY_ROWID] = "SELECT id, kind, name FROM entity WHERE rowid "
			       "= ?1",
	[ST_ENTITY_UPSERT] =
		"INSERT INTO entity(id, kind, name, country) VALUES "
		"(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET "
		"kind = excluded.kind, name = excluded.name, seeded = 0, "
		"country = CASE WHEN ?5 THEN excluded.country ELSE country END "
		"WHERE entity.kind <> 'country' OR excluded.kind = 'country' "
		"RETURNING rowid",
	[ST_ENTITY_INSERT] = "INSERT INTO entity(id, kind, name, country) "
			     "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(id) DO "
			     "NOTHING",
	[ST_ENTITY_SET_COUNTRY] = "UPDATE entity SET country = ?2 WHERE "
				  "rowid = ?1",
	[ST_KEYS_DELETE] = "DELETE FROM name_key WHERE entity = ?1",
	[ST_KEY_INSERT] = "INSERT INTO name_key(key, entity, origin) VALUES "
			  "(?1, ?2, ?3)",
	[ST_KEY_INSERT_ROWID] = "INSERT INTO name_key(rowid, key, entity, "
				"origin) VALUES (?1, ?2, ?3, ?4)",
#define K1 "(?,?,?,?)"
#define K4 K1 "," K1 "," K1 "," K1
#define K16 K4 "," K4 "," K4 "," K4
	/* KEY_BATCH (64) rows. */
	[ST_KEY_BATCH] = "INSERT INTO name_key(rowid, key, entity, origin) "
			 "VALUES " K16 "," K16 "," K16 "," K16,
#undef K16
#undef K4
#undef K1
	[ST_FTS_INSERT] = "INSERT INTO name_fts(rowid, key) VALUES (?1, ?2)",
	[ST_ALIASES_DELETE] = "DELETE FROM alias WHERE entity = ?1",
	[ST_ALIAS_INSERT] = "INSERT OR IGNORE INTO alias(entity, alias) "
			    "VALUES (?1, ?2)",
	[ST_ALIASES_OF] = "SELECT alias FROM alias WHERE entity = ?1",
	[ST_ATTR_SET] = "INSERT INTO attribute(owner, object, key, value) "
			"VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET "
			"value = excluded.value",
	[ST_ATTR_DELETE] = "DELETE FROM attribute WHERE owner = ?1 AND "
			   "object = ?2 AND key = ?3",
	[ST_ATTRS_DELETE] = "DELETE FROM attribute WHERE owner = ?1 AND "
			    "object = ?2",
	[ST_SOURCE_UPSERT] =
		"INSERT INTO source(id, title, url, publisher, date) VALUES "
		"(?1, ?2, ?3, ?4, ?5) ON CONFLICT(id) DO UPDATE SET "
		"title = excluded.title, url = excluded.url, "
		"publisher = excluded.publisher, date = excluded.date "
		"RETURNING rowid",
	[ST_SOURCE_LOOKUP] = "SELECT rowid FROM source WHERE id = ?1",
	[ST_SOURCE_BY_TEXT] = "SELECT rowid FROM source WHERE url = ?1 "
			      "UNION SELECT rowid FROM source WHERE title = ?1 "
			      "LIMIT 11",
	[ST_EVENT_UPSERT] =
		"INSERT INTO event(id, kind, date, title, place, source_id) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(id) DO UPDATE SET "
		"kind = excluded.kind, date = excluded.date, "
		"title = excluded.title, place = excluded.place, "
		"source_id = excluded.source_id RETURNING rowid",
	[ST_EVENT_INSERT_ROWID] =
		"INSERT INTO event(rowid, id, kind, date, title, place, "
		"source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
#define E1 "(?,?,?,?,?,?,?)"
#define E4 E1 "," E1 "," E1 "," E1
#define E16 E4 "," E4 "," E4 "," E4
	/* EVENT_BATCH (64) rows. */
	[ST_EVENT_BATCH] = "INSERT INTO event(rowid, id, kind, date, title, "
			   "place, source_id) VALUES " E16 "," E16 "," E16
			   "," E16,
#undef E16
#undef E4
#undef E1
	[ST_EVENT_LOOKUP] = "SELECT rowid FROM event WHERE id = ?1",
	[ST_EVENT_BY_TITLE] = "SELECT rowid FROM event WHERE title = ?1 "
			      "LIMIT 11",
	[ST_RELATION_FIND] =
		"SELECT rowid FROM relation WHERE source = ?1 AND target = ?2 "
		"AND kind = ?3 AND role IS ?4 AND start_date IS ?5",
	[ST_RELATION_INSERT] =
		"INSERT INTO relation(source, target, kind, role, start_date, "
		"end_date, source_id, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		"?7, ?8)",
	[ST_RELATION_UPDATE] = "UPDATE relation SET end_date = ?2, "
			       "source_id = ?3, weight = ?4 WHERE rowid = ?1",
	[ST_PART_OF_CYCLE] =
		"WITH RECURSIVE up(e) AS (SELECT ?2 UNION SELECT r.target FROM "
		"relation r JOIN up ON r.source = up.e WHERE r.kind = "
		"'part_of') SELECT 1 FROM up WHERE e = ?1 LIMIT 1",
	[ST_PARTICIPANT_INSERT] = "INSERT INTO participant(event, entity, "
				  "role, weight) VALUES (?1, ?2, ?3, ?4) "
				  "ON CONFLICT DO UPDATE SET weight = "
				  "excluded.weight",
#define P1 "(?,?,?,?)"
#define P4 P1 "," P1 "," P1 "," P1
#define P16 P4 "," P4 "," P4 "," P4
	/* PARTICIPANT_BATCH (64) rows. */
	[ST_PARTICIPANT_BATCH] = "INSERT INTO participant(event, entity, "
				 "role, weight) VALUES " P16 "," P16 "," P16
				 "," P16 " ON CONFLICT DO UPDATE SET weight = "
				 "excluded.weight",
#undef P16
#undef P4
#undef P1
};

int ties_db__sqlerr(ties_db *db)
{
	int code = sqlite3_errcode(db->sql);

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return ties_db__seterr(db, TIES_EDB,
				       "database is locked by another process "
				       "(waited 5 s): %s",
				       sqlite3_errmsg(db->sql));
	if (code == SQLITE_NOMEM)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if (code == SQLITE_READONLY)
		return ties_db__seterr(db, TIES_EIO,
				       "cannot write '%s': the file or its "
				       "directory is read-only",
				       sqlite3_db_filename(db->sql, "main"));
	if (code == SQLITE_FULL)
		return ties_db__seterr(db, TIES_EIO,
				       "cannot write '%s': the disk is full",
				       sqlite3_db_filename(db->sql, "main"));
	if (code == SQLITE_IOERR)
		return ties_db__seterr(db, TIES_EIO,
				       "'%s': the system failed to read or "
				       "write it (disk full, or damaged): %s",
				       sqlite3_db_filename(db->sql, "main"),
				       sqlite3_errmsg(db->sql));
	if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW)
		return ties_db__seterr(db, TIES_EDB,
				       "the database changed under ties in a "
				       "way it cannot follow; try again");
	return ties_db__seterr(db, TIES_EDB, "database: %s",
			       sqlite3_errmsg(db->sql));
}

sqlite3_stmt *ties_db__stmt(ties_db *db, enum ties_stmt which)
{
	sqlite3_stmt *st = db->stmt[which];

	if (!st) {
		if (sqlite3_prepare_v3(db->sql, stmt_sql[which], -1,
				       SQLITE_PREPARE_PERSISTENT, &st,
				       NULL) != SQLITE_OK) {
			ties_db__sqlerr(db);
			return NULL;
		}
		db->stmt[which] = st;
	} else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return st;
}

int ties_db__exec(ties_db *db, const char *sql)
{
	if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	return 0;
}

/* Whether the triggers of schema 2 are there. */
static int has_triggers(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	int yes = 0;

	if (sqlite3_prepare_v2(db->sql,
			       "SELECT 1 FROM sqlite_schema WHERE type = "
			       "'trigger' AND name = 'entity_insert_outside'",
			       -1, &st, NULL) == SQLITE_OK)
		yes = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return yes;
}

int ties_db__begin(ties_db *db)
{
	if (db->txn_depth++ > 0)
		return 0;
	if (ties_db__exec(db, "BEGIN IMMEDIATE") < 0) {
		db->txn_depth = 0;
		return TIES_EDB;
	}
	/* ties' own writes go without the triggers of schema 2 (made again
	 * at the commit). */
	db->triggers_off = has_triggers(db);
	if (db->triggers_off && ties_db__exec(db, ties_db__drop_triggers) < 0) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		db->txn_depth = 0;
		return TIES_EDB;
	}
	db->changes_at_begin = sqlite3_total_changes64(db->sql);
	return 0;
}

int ties_db__commit(ties_db *db)
{
	assert(db->txn_depth > 0);
	if (--db->txn_depth > 0)
		return 0;
	/* A transaction that wrote moves the generation on: whatever was
	 * computed from the data before (the adjacency snapshot) is stale.
	 * A random value, not a count: a database made again at the same
	 * path must not meet the snapshot of the old one. */
	if ((sqlite3_total_changes64(db->sql) != db->changes_at_begin &&
	     ties_db__exec(db, "INSERT INTO meta(key, value) VALUES "
			       "('generation', abs(random())) ON "
			       "CONFLICT(key) DO UPDATE SET value = "
			       "abs(random())") < 0) ||
	    (db->triggers_off && ties_db__exec(db, ties_db__triggers) < 0)) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		return TIES_EDB;
	}
	if (ties_db__exec(db, "COMMIT") < 0) {
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		return TIES_EDB;
	}
	return 0;
}

void ties_db__rollback(ties_db *db)
{
	int i;

	assert(db->txn_depth > 0);
	if (--db->txn_depth > 0)
		return;
	/* Statements left mid-step would keep the rollback from finishing. */
	for (i = 0; i < ST_COUNT; i++)
		if (db->stmt[i])
			sqlite3_reset(db->stmt[i]);
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

int ties_db__bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (ties_str__empty(s))
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

void ties_db_set_progress(ties_db *db, ties_progress_cb cb, void *payload)
{
	assert(db);
	db->progress = cb;
	db->progress_payload = payload;
}

static int user_version(ties_db *db, int *out)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK)
		return ties_db__sqlerr(db);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return ties_db__sqlerr(db);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int count_tables(ties_db *db, int *out)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sql,
			       "SELECT count(*) FROM sqlite_schema WHERE "
			       "type = 'table'",
			       -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return ties_db__sqlerr(db);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Bring the schema to TIES_SCHEMA_VERSION in one transaction. */
static int migrate(ties_db *db, const char *path, int readonly, int create)
{
	int v, ntables = 0, rc;
	ties_buf sql = TIES_BUF_INIT;

	if ((rc = user_version(db, &v)) < 0)
		return rc;
	if (v < 0)
		return ties_db__seterr(db, TIES_EDB,
				       "'%s' says schema %d, which no ties "
				       "wrote: not a ties database, or a "
				       "damaged one",
				       path, v);
	if (v > TIES_SCHEMA_VERSION)
		return ties_db__seterr(
			db, TIES_EDB,
			"'%s' was written by a newer ties (schema %d; this "
			"is ties %s with schema %d)",
			path, v, TIES_VERSION, TIES_SCHEMA_VERSION);
	if (v == TIES_SCHEMA_VERSION)
		return 0;
	if (v == 0) {
		if ((rc = count_tables(db, &ntables)) < 0)
			return rc;
		if (ntables > 0)
			return ties_db__seterr(db, TIES_EDB,
					       "'%s' is an SQLite database but "
					       "not a ties database",
					       path);
		/* An empty file becomes a database only when asked to: a
		 * command that reads must not write. */
		if (!create)
			return ties_db__seterr(db, TIES_ENOTFOUND,
					       "'%s' is empty, not a ties "
					       "database yet; create it with "
					       "'ties init'",
					       path);
	}
	if (readonly)
		return ties_db__seterr(
			db, TIES_EDB,
			"'%s' has schema %d and needs an upgrade "
			"to %d; open it once for writing",
			path, v, TIES_SCHEMA_VERSION);
	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	/* Someone may have migrated it while we waited for the lock. */
	if ((rc = user_version(db, &v)) < 0)
		goto fail;
	for (; v < TIES_SCHEMA_VERSION; v++) {
		if ((rc = ties_db__exec(db, ties_db__migrations[v])) < 0)
			goto fail;
	}
	ties_buf__printf(&sql, "PRAGMA user_version = %d", TIES_SCHEMA_VERSION);
	if ((rc = ties_db__exec(db, ties_buf__str(&sql))) < 0)
		goto fail;
	ties_buf__release(&sql);
	return ties_db__commit(db);
fail:
	ties_buf__release(&sql);
	ties_db__rollback(db);
	return rc;
}

/* Bulk mode: see ties_store__bulk_begin() in ties_int.h. */
static int max_rowid(ties_db *db, const char *sql, sqlite3_int64 *out)
{
	sqlite3_stmt *st = NULL;

	*out = 0;
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/*
 * Secondary indexes of a table that is empty when a bulk import starts are
 * dropped and built again at its end: sorting once is much faster than
 * inserting a million keys in random order. Indexes that the import itself
 * reads (unique ids, relation_source) are never deferred. The name keys'
 * index is read only once the entities are in (references by name): it is
 * dropped while they load when the table holds few keys (a new database:
 * the countries'), and built again by ties_store__bulk_index().
 */
static const struct deferrable {
	const char *name, *table;
	int max_rows;	    /* rows the table may hold for the index to wait */
	int after_entities; /* built again once the entities are in */
} deferrable[] = {
	{"entity_kind", "entity", 0, 0},
	{"entity_country", "entity", 0, 0},
	{"event_date", "event", 0, 0},
	{"event_title", "event", 0, 0},
	{"event_place", "event", 0, 0},
	{"relation_target", "relation", 0, 0},
	{"participant_entity", "participant", 0, 0},
	{"name_key_key", "name_key", 20000, 1},
};

/* Whether `table` holds at most `max` rows. */
static int small_table(ties_db *db, const char *table, int max)
{
	sqlite3_stmt *st = NULL;
	ties_buf q = TIES_BUF_INIT;
	int small = 0;

	ties_buf__printf(&q,
			 "SELECT count(*) <= %d FROM (SELECT 1 FROM %s "
			 "LIMIT %d)",
			 max, table, max + 1);
	if (sqlite3_prepare_v2(db->sql, ties_buf__str(&q), -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		small = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	ties_buf__release(&q);
	return small;
}

static int defer_indexes(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	ties_buf drop = TIES_BUF_INIT;
	size_t i;
	int rc = 0;

	ties_buf__clear(&db->deferred);
	ties_buf__clear(&db->deferred_keys);
	if (sqlite3_prepare_v2(db->sql,
			       "SELECT sql FROM sqlite_schema WHERE type = "
			       "'index' AND name = ?1 AND sql IS NOT NULL",
			       -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	for (i = 0; i < sizeof(deferrable) / sizeof(deferrable[0]); i++) {
		const struct deferrable *d = &deferrable[i];

		if (!small_table(db, d->table, d->max_rows))
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, d->name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			continue;
		/* Each deferred CREATE INDEX, NUL-terminated, in order. */
		ties_buf__add(d->after_entities ? &db->deferred_keys
						: &db->deferred,
			      (const char *)sqlite3_column_text(st, 0),
			      (size_t)sqlite3_column_bytes(st, 0) + 1);
		/* No statement may be running while the schema changes. */
		sqlite3_reset(st);
		ties_buf__clear(&drop);
		ties_buf__printf(&drop, "DROP INDEX %s", d->name);
		if ((rc = ties_db__exec(db, ties_buf__str(&drop))) < 0)
			break;
	}
	sqlite3_finalize(st);
	ties_buf__release(&drop);
	if (db->deferred.oom || db->deferred_keys.oom)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	return rc;
}

/*
 * Build the indexes of `list` (CREATE INDEX statements, each NUL-
 * terminated), then give the page cache `cache` (PRAGMA cache_size) again.
 * SQLite sorts the keys of a new index in runs as large as the page cache,
 * kept in temporary files: runs of a few MiB in files (the system's page
 * cache) take half the time of one run of hundreds (whose sort misses the
 * CPU cache) or of runs in SQLite's own memory files (1.1 s against 2.5 s
 * for participant_entity at 1.9 million rows).
 */
static int build_indexes(ties_db *db, ties_buf *list, const char *cache)
{
	const char *p = list->ptr;
	char sql[80];
	int rc;

	if (!p || !list->len)
		return 0;
	if ((rc = ties_db__exec(db, "PRAGMA cache_size = -4096; "
				    "PRAGMA temp_store = FILE")) < 0)
		return rc;
	while (rc == 0 && p < list->ptr + list->len) {
		if (db->progress)
			db->progress("indexing", 0, 0, db->progress_payload);
		rc = ties_db__exec(db, p);
		p += strlen(p) + 1;
	}
	ties_buf__clear(list);
	snprintf(sql, sizeof(sql),
		 "PRAGMA cache_size = %s; PRAGMA temp_store = MEMORY", cache);
	return rc < 0 ? rc : ties_db__exec(db, sql);
}

#define BULK_CACHE "-262144"

/* Set the journal mode; 0 when SQLite took it. */
static int journal_mode(ties_db *db, const char *mode)
{
	sqlite3_stmt *st = NULL;
	char sql[40];
	int ok = 0;

	snprintf(sql, sizeof(sql), "PRAGMA journal_mode = %s", mode);
	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = !sqlite3_stricmp(
			(const char *)sqlite3_column_text(st, 0), mode);
	sqlite3_finalize(st);
	return ok ? 0 : -1;
}

/*
 * A database that holds no events, relations or participations yet (one
 * just made) takes its first big import under a rollback journal: the
 * write-ahead log would write every new page twice (to the log, then at the
 * checkpoint into the file), where a rollback journal keeps only the pages
 * that were there before, few here. A crash still leaves the database as
 * it was. Outside a transaction only; ties_store__journal_restore() goes
 * back to the WAL after the commit or rollback.
 */
int ties_store__journal_light(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	int empty = 0;

	if (db->txn_depth > 0 || db->journal_light)
		return 0;
	if (sqlite3_prepare_v2(db->sql,
			       "SELECT NOT EXISTS (SELECT 1 FROM event) AND "
			       "NOT EXISTS (SELECT 1 FROM relation) AND NOT "
			       "EXISTS (SELECT 1 FROM participant)",
			       -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	if (sqlite3_step(st) == SQLITE_ROW)
		empty = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	/* Another process reading keeps the WAL: nothing changes then. */
	if (empty && journal_mode(db, "delete") == 0)
		db->journal_light = 1;
	return 0;
}

void ties_store__journal_restore(ties_db *db)
{
	if (!db->journal_light || db->txn_depth > 0)
		return;
	db->journal_light = 0;
	journal_mode(db, "wal");
}

int ties_store__bulk_begin(ties_db *db)
{
	int rc;

	assert(db->txn_depth > 0);
	if ((rc = max_rowid(db, "SELECT coalesce(max(rowid), 0) FROM entity",
			    &db->fresh_entity)) < 0 ||
	    (rc = max_rowid(db, "SELECT coalesce(max(rowid), 0) FROM event",
			    &db->fresh_event)) < 0 ||
	    (rc = max_rowid(db,
			    "SELECT coalesce(max(rowid), 0) + 1 FROM name_key",
			    &db->fts_from)) < 0)
		return rc;
	db->bulk = 1;
	db->bulk_batch = 1;
	ties_st__batch_drop(db);
	db->key_next = db->fts_from - 1;
	db->event_next = db->fresh_event;
	if ((rc = defer_indexes(db)) < 0)
		return rc;
	/* Index pages of a big import stay in memory: 256 MiB at most. */
	return ties_db__exec(db, "PRAGMA cache_size = " BULK_CACHE);
}

int ties_store__bulk_index(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (!db->bulk)
		return 0;
	if ((rc = ties_store__flush(db)) < 0 ||
	    (rc = build_indexes(db, &db->deferred_keys, BULK_CACHE)) < 0)
		return rc;
	if (sqlite3_prepare_v2(db->sql,
			       "INSERT INTO name_fts(rowid, key) SELECT rowid, "
			       "key FROM name_key WHERE rowid >= ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	sqlite3_bind_int64(st, 1, db->fts_from);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);
	/* Keys from here on are indexed one by one. */
	db->bulk = 0;
	return 0;
}

int ties_store__bulk_end(ties_db *db, int ok)
{
	int rc = 0;

	/* The name keys' index first, should the entities' end not have
	 * come. */
	if (ok && (rc = ties_store__flush(db)) == 0 &&
	    (rc = build_indexes(db, &db->deferred_keys, "-65536")) == 0)
		rc = build_indexes(db, &db->deferred, "-65536");
	ties_buf__clear(&db->deferred_keys);
	ties_st__batch_drop(db);
	db->bulk_batch = 0;
	ties_buf__clear(&db->deferred);
	sqlite3_exec(db->sql,
		     "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY",
		     NULL, NULL, NULL);
	db->bulk = 0;
	db->fresh_entity = db->fresh_event = INT64_MAX;
	return rc;
}

/* Open the SQLite connection to `name` (a path or a file: URI) for the
 * database file `path`. */
static int sql_open(ties_db *db, const char *name, int sflags,
		    const char *path)
{
	if (sqlite3_open_v2(name, &db->sql, sflags, NULL) != SQLITE_OK) {
		if (!db->sql)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       path, sqlite3_errmsg(db->sql));
	}
	sqlite3_extended_result_codes(db->sql, 0);
	return 0;
}

/*
 * A database in WAL mode whose directory the user cannot write cannot be
 * read the usual way: SQLite cannot make its -shm file
 * (SQLITE_READONLY_DIRECTORY or _CANTINIT). When no -wal file holds changes the file is
 * whole, and is read as immutable (no locks, no -shm), read-only, with a
 * notice. 1 when reopened so, 0 when not needed, < 0 on error.
 */
static int open_unwritable(ties_db *db, const char *path)
{
	ties_buf uri = TIES_BUF_INIT, wal = TIES_BUF_INIT;
	struct stat sb;
	int rc;

	if (sqlite3_exec(db->sql, "PRAGMA schema_version", NULL, NULL,
			 NULL) == SQLITE_OK ||
	    (sqlite3_extended_errcode(db->sql) != SQLITE_READONLY_CANTINIT &&
	     sqlite3_extended_errcode(db->sql) != SQLITE_READONLY_DIRECTORY))
		return 0;
	ties_buf__printf(&wal, "%s-wal", path);
	if (stat(ties_buf__str(&wal), &sb) == 0 && sb.st_size > 0) {
		ties_buf__release(&wal);
		return ties_db__seterr(db, TIES_EIO,
				       "cannot read '%s': its directory is "
				       "read-only and its -wal file holds "
				       "changes not yet in it; open it once "
				       "where it can be written",
				       path);
	}
	ties_buf__release(&wal);
	/* file: URI, the path percent-encoded where it must be. */
	ties_buf__puts(&uri, "file:");
	for (const char *c = path; *c; c++)
		if (*c == '%' || *c == '?' || *c == '#')
			ties_buf__printf(&uri, "%%%02X", (unsigned char)*c);
		else
			ties_buf__putc(&uri, *c);
	ties_buf__puts(&uri, "?immutable=1");
	sqlite3_close(db->sql);
	db->sql = NULL;
	rc = sql_open(db, ties_buf__str(&uri),
		      SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path);
	ties_buf__release(&uri);
	if (rc < 0)
		return rc;
	ties_db__notice(db,
			"'%s' is in a directory you cannot write: read as it "
			"is, read-only",
			path);
	return 1;
}

int ties_db_open(ties_db **out, const char *path, unsigned flags)
{
	ties_db *db;
	int sflags, rc;
	struct stat sb;
	int readonly = (flags & TIES_OPEN_READONLY) != 0;

	assert(out && path);
	*out = db = calloc(1, sizeof(*db));
	if (!db)
		return TIES_ENOMEM;
	db->fresh_entity = db->fresh_event = INT64_MAX;
	if (stat(path, &sb) < 0) {
		if (errno != ENOENT || !(flags & TIES_OPEN_CREATE) || readonly)
			return ties_db__seterr(
				db, errno == ENOENT ? TIES_ENOTFOUND : TIES_EIO,
				"cannot open '%s': %s", path, strerror(errno));
	} else if (!S_ISREG(sb.st_mode)) {
		return ties_db__seterr(db, TIES_EIO,
				       "cannot open '%s': not a regular file",
				       path);
	}
	sflags = readonly ? SQLITE_OPEN_READONLY
			  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if ((rc = sql_open(db, path, sflags, path)) < 0)
		return rc;
	sqlite3_busy_timeout(db->sql, 5000);
	rc = flags & TIES_OPEN_CREATE ? 0 : open_unwritable(db, path);
	if (rc < 0)
		return rc;
	if (rc == 1)
		readonly = 1;
	/* An empty file stays untouched unless asked to become a database
	 * (even journal_mode writes to it). */
	if (!(flags & TIES_OPEN_CREATE)) {
		int v = 0, ntables = 0;

		if (sb.st_size == 0 ||
		    (user_version(db, &v) == 0 && v == 0 &&
		     count_tables(db, &ntables) == 0 && ntables == 0))
			return ties_db__seterr(db, TIES_ENOTFOUND,
					       "'%s' is empty, not a ties "
					       "database yet; create it with "
					       "'ties init'",
					       path);
		ties_db__clearerr(db);
	}
	/* A file that is not SQLite fails on the first read. */
	if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL,
			 NULL) != SQLITE_OK ||
	    (!readonly && sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL",
				       NULL, NULL, NULL) != SQLITE_OK &&
	     sqlite3_errcode(db->sql) != SQLITE_READONLY) ||
	    sqlite3_exec(db->sql,
			 "PRAGMA synchronous = NORMAL; "
			 "PRAGMA secure_delete = OFF; "
			 "PRAGMA cache_size = -65536; "
			 "PRAGMA temp_store = MEMORY",
			 NULL, NULL, NULL) != SQLITE_OK) {
		if (sqlite3_errcode(db->sql) == SQLITE_NOTADB)
			return ties_db__seterr(db, TIES_EDB,
					       "'%s' is not a ties database",
					       path);
		return ties_db__sqlerr(db);
	}
	if ((rc = migrate(db, path, readonly,
			  (flags & TIES_OPEN_CREATE) != 0)) < 0) {
		if (sqlite3_errcode(db->sql) == SQLITE_NOTADB)
			return ties_db__seterr(db, TIES_EDB,
					       "'%s' is not a ties database",
					       path);
		return rc;
	}
	ties_db__clearerr(db);
	return 0;
}

int ties_db_create(ties_db **out, const char *path, const char *iso_json,
		   long *seeded)
{
	ties_db *db = NULL;
	char *tmp, *side;
	size_t len = strlen(path) + 40;
	int rc;

	assert(out && path);
	*out = NULL;
	/* Only an empty file, or none, is made into a database. */
	if ((rc = ties_db_open(&db, path, 0)) != TIES_ENOTFOUND) {
		if (rc == 0)
			rc = ties_db__seterr(db, TIES_EEXISTS,
					     "'%s' is a database already", path);
		*out = db;
		return rc;
	}
	ties_db_close(db);
	db = NULL;
	if (!(tmp = malloc(len)) || !(side = malloc(len + 8))) {
		free(tmp);
		return TIES_ENOMEM;
	}
	ties_file__sweep(path, ".new-");
	snprintf(tmp, len, "%s.new-%ld", path, (long)getpid());
	unlink(tmp);
	rc = ties_db_open(&db, tmp, TIES_OPEN_CREATE);
	if (rc == 0)
		rc = ties_db_init(db, iso_json, seeded);
	if (rc == 0) {
		ties_db_close(db);
		db = NULL;
		if (rename(tmp, path) != 0)
			rc = TIES_EIO;
	}
	if (rc < 0) {
		const char *why = rc == TIES_EIO ? strerror(errno)
			: db			 ? ties_errmsg(db)
						 : "out of memory";
		ties_db *e = calloc(1, sizeof(*e));

		unlink(tmp);
		if (e)
			ties_db__seterr(e, rc, "cannot create '%s': %s", path,
					why);
		ties_db_close(db);
		db = e;
	}
	snprintf(side, len + 8, "%s-wal", tmp);
	unlink(side);
	snprintf(side, len + 8, "%s-shm", tmp);
	unlink(side);
	free(side);
	free(tmp);
	if (rc < 0) {
		*out = db;
		return rc;
	}
	return ties_db_open(out, path, 0);
}

void ties_db_close(ties_db *db)
{
	int i;

	if (!db)
		return;
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	if (db->sql) {
		if (db->txn_depth > 0)
			sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
		sqlite3_close(db->sql);
	}
	ties_buf__release(&db->err);
	ties_buf__release(&db->scratch);
	ties_buf__release(&db->notice);
	ties_buf__release(&db->deferred);
	ties_buf__release(&db->deferred_keys);
	ties_st__batch_drop(db);
	free(db);
}
