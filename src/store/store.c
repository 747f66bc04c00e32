/*
 * store.c — the SQLite store: schema and migrations, the handle, writes and
 * reference resolution.
 *
 * Invariants:
 *  - Every entity has one row in name_key for each distinct folded form of
 *    its id, its name and each alias; name_fts indexes those keys (external
 *    content, kept in step by triggers) for word look-up. Whoever changes an
 *    entity's id, name or aliases calls keys_rebuild().
 *  - Every write runs inside a transaction (ties_db__begin); the public
 *    write functions open their own, the importers one for the whole import.
 *  - Statements live in db->stmt[] for the life of the handle.
 *
 * This file and the other store*.c files are the only places with SQL.
 */
#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "ties_int.h"

/* ----------------------------------------------------------- schema --- */

/* Version 1: the first schema. Later versions append migrations below. */
static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;\n"
	"CREATE TABLE entity(\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  kind TEXT NOT NULL,\n"
	"  name TEXT NOT NULL,\n"
	"  country INTEGER REFERENCES entity(rowid) ON DELETE SET NULL,\n"
	"  seeded INTEGER NOT NULL DEFAULT 0\n"
	");\n"
	"CREATE INDEX entity_kind ON entity(kind, name);\n"
	"CREATE INDEX entity_country ON entity(country);\n"
	"CREATE TABLE alias(\n"
	"  entity INTEGER NOT NULL REFERENCES entity(rowid) ON DELETE "
	"CASCADE,\n"
	"  alias TEXT NOT NULL,\n"
	"  PRIMARY KEY(entity, alias)\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE name_key(\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  key TEXT NOT NULL,\n"
	"  entity INTEGER NOT NULL REFERENCES entity(rowid) ON DELETE "
	"CASCADE,\n"
	"  origin TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX name_key_key ON name_key(key, entity);\n"
	"CREATE INDEX name_key_entity ON name_key(entity);\n"
	"CREATE VIRTUAL TABLE name_fts USING fts5(key, content='name_key', "
	"content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');\n"
	"CREATE TRIGGER name_key_ad AFTER DELETE ON name_key BEGIN\n"
	"  INSERT INTO name_fts(name_fts, rowid, key) "
	"VALUES ('delete', old.rowid, old.key);\n"
	"END;\n"
	"CREATE TABLE source(\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  title TEXT, url TEXT, publisher TEXT, date TEXT\n"
	");\n"
	"CREATE INDEX source_url ON source(url);\n"
	"CREATE INDEX source_title ON source(title);\n"
	"CREATE TABLE relation(\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  source INTEGER NOT NULL REFERENCES entity(rowid) ON DELETE "
	"CASCADE,\n"
	"  target INTEGER NOT NULL REFERENCES entity(rowid) ON DELETE "
	"CASCADE,\n"
	"  kind TEXT NOT NULL,\n"
	"  role TEXT,\n"
	"  start_date TEXT,\n"
	"  end_date TEXT,\n"
	"  source_id INTEGER REFERENCES source(rowid) ON DELETE SET NULL\n"
	");\n"
	"CREATE INDEX relation_source ON relation(source, target, kind);\n"
	"CREATE INDEX relation_target ON relation(target);\n"
	"CREATE INDEX relation_cite ON relation(source_id);\n"
	"CREATE TABLE event(\n"
	"  rowid INTEGER PRIMARY KEY,\n"
	"  id TEXT NOT NULL UNIQUE,\n"
	"  kind TEXT NOT NULL,\n"
	"  date TEXT,\n"
	"  title TEXT,\n"
	"  place INTEGER REFERENCES entity(rowid) ON DELETE SET NULL,\n"
	"  source_id INTEGER REFERENCES source(rowid) ON DELETE SET NULL\n"
	");\n"
	"CREATE INDEX event_date ON event(date);\n"
	"CREATE INDEX event_title ON event(title);\n"
	"CREATE INDEX event_place ON event(place);\n"
	"CREATE INDEX event_cite ON event(source_id);\n"
	"CREATE TABLE participant(\n"
	"  event INTEGER NOT NULL REFERENCES event(rowid) ON DELETE CASCADE,\n"
	"  entity INTEGER NOT NULL REFERENCES entity(rowid) ON DELETE "
	"CASCADE,\n"
	"  role TEXT NOT NULL,\n"
	"  PRIMARY KEY(event, entity, role)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX participant_entity ON participant(entity, event);\n"
	"CREATE TABLE attribute(\n"
	"  owner TEXT NOT NULL,\n"
	"  object INTEGER NOT NULL,\n"
	"  key TEXT NOT NULL,\n"
	"  value TEXT NOT NULL,\n"
	"  PRIMARY KEY(owner, object, key)\n"
	") WITHOUT ROWID;\n"
	"CREATE TRIGGER entity_ad AFTER DELETE ON entity BEGIN\n"
	"  DELETE FROM attribute WHERE owner='e' AND object=old.rowid;\n"
	"END;\n"
	"CREATE TRIGGER relation_ad AFTER DELETE ON relation BEGIN\n"
	"  DELETE FROM attribute WHERE owner='r' AND object=old.rowid;\n"
	"END;\n"
	"CREATE TRIGGER event_ad AFTER DELETE ON event BEGIN\n"
	"  DELETE FROM attribute WHERE owner='v' AND object=old.rowid;\n"
	"END;\n"
	"CREATE TRIGGER source_ad AFTER DELETE ON source BEGIN\n"
	"  DELETE FROM attribute WHERE owner='s' AND object=old.rowid;\n"
	"END;\n"
	/* Views for people who query the file with sqlite3. */
	"CREATE VIEW entities AS\n"
	"  SELECT e.id, e.kind, e.name, c.id AS country, c.name AS "
	"country_name,\n"
	"    (SELECT group_concat(alias, '|') FROM alias a WHERE "
	"a.entity = e.rowid) AS aliases\n"
	"  FROM entity e LEFT JOIN entity c ON c.rowid = e.country;\n"
	"CREATE VIEW relations AS\n"
	"  SELECT s.id AS source, s.name AS source_name, t.id AS target,\n"
	"    t.name AS target_name, r.kind, r.role, r.start_date AS start,\n"
	"    r.end_date AS \"end\", src.id AS source_id\n"
	"  FROM relation r JOIN entity s ON s.rowid = r.source\n"
	"    JOIN entity t ON t.rowid = r.target\n"
	"    LEFT JOIN source src ON src.rowid = r.source_id;\n"
	"CREATE VIEW events AS\n"
	"  SELECT v.id, v.kind, v.date, v.title, p.id AS place, src.id AS "
	"source_id,\n"
	"    (SELECT count(*) FROM participant x WHERE x.event = v.rowid) AS "
	"participants\n"
	"  FROM event v LEFT JOIN entity p ON p.rowid = v.place\n"
	"    LEFT JOIN source src ON src.rowid = v.source_id;\n"
	"CREATE VIEW participants AS\n"
	"  SELECT v.id AS event, v.kind AS event_kind, v.date, v.title,\n"
	"    e.id AS entity, e.name, e.kind AS entity_kind, c.id AS country, "
	"p.role\n"
	"  FROM participant p JOIN event v ON v.rowid = p.event\n"
	"    JOIN entity e ON e.rowid = p.entity\n"
	"    LEFT JOIN entity c ON c.rowid = e.country;\n"
	"CREATE VIEW co_participants AS\n"
	"  SELECT a.entity AS a, b.entity AS b, a.event, a.event_kind, a.date, "
	"a.title,\n"
	"    a.role AS a_role, b.role AS b_role\n"
	"  FROM participants a JOIN participants b\n"
	"    ON a.event = b.event AND a.entity < b.entity;\n"
	"CREATE VIEW attributes AS\n"
	"  SELECT CASE a.owner WHEN 'e' THEN 'entity' WHEN 'r' THEN "
	"'relation'\n"
	"    WHEN 'v' THEN 'event' ELSE 'source' END AS owner_kind,\n"
	"    CASE a.owner WHEN 'e' THEN (SELECT id FROM entity WHERE rowid = "
	"a.object)\n"
	"      WHEN 'v' THEN (SELECT id FROM event WHERE rowid = a.object)\n"
	"      WHEN 's' THEN (SELECT id FROM source WHERE rowid = a.object)\n"
	"      ELSE CAST(a.object AS TEXT) END AS owner,\n"
	"    a.key, a.value\n"
	"  FROM attribute a;\n";

/* Migrations: migrations[v] takes a database from version v to v + 1. */
static const char *const migrations[] = {
	schema_v1,
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_KEY_LOOKUP] = "SELECT DISTINCT entity FROM name_key WHERE key = ?1 "
			  "ORDER BY entity LIMIT 11",
	[ST_ID_LOOKUP] = "SELECT rowid FROM entity WHERE id = ?1",
	[ST_COUNTRY_BY_ID] = "SELECT rowid FROM entity WHERE id = ?1 AND "
			     "kind = 'country'",
	[ST_ENTITY_BY_ROWID] = "SELECT id, kind, name FROM entity WHERE rowid "
			       "= ?1",
	[ST_ENTITY_UPSERT] =
		"INSERT INTO entity(id, kind, name, country) VALUES "
		"(?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET "
		"kind = excluded.kind, name = excluded.name, seeded = 0, "
		"country = CASE WHEN ?5 THEN excluded.country ELSE country END "
		"RETURNING rowid",
	[ST_ENTITY_SET_COUNTRY] = "UPDATE entity SET country = ?2 WHERE "
				  "rowid = ?1",
	[ST_KEYS_DELETE] = "DELETE FROM name_key WHERE entity = ?1",
	[ST_KEY_INSERT] = "INSERT INTO name_key(key, entity, origin) VALUES "
			  "(?1, ?2, ?3)",
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
	[ST_EVENT_LOOKUP] = "SELECT rowid FROM event WHERE id = ?1",
	[ST_EVENT_BY_TITLE] = "SELECT rowid FROM event WHERE title = ?1 "
			      "LIMIT 11",
	[ST_RELATION_FIND] =
		"SELECT rowid FROM relation WHERE source = ?1 AND target = ?2 "
		"AND kind = ?3 AND role IS ?4 AND start_date IS ?5",
	[ST_RELATION_INSERT] =
		"INSERT INTO relation(source, target, kind, role, start_date, "
		"end_date, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[ST_RELATION_UPDATE] = "UPDATE relation SET end_date = ?2, "
			       "source_id = ?3 WHERE rowid = ?1",
	[ST_PART_OF_CYCLE] =
		"WITH RECURSIVE up(e) AS (SELECT ?2 UNION SELECT r.target FROM "
		"relation r JOIN up ON r.source = up.e WHERE r.kind = "
		"'part_of') SELECT 1 FROM up WHERE e = ?1 LIMIT 1",
	[ST_PARTICIPANT_INSERT] = "INSERT OR IGNORE INTO participant(event, "
				  "entity, role) VALUES (?1, ?2, ?3)",
};

/* ------------------------------------------------------------ basics --- */

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

int ties_db__begin(ties_db *db)
{
	if (db->txn_depth++ > 0)
		return 0;
	if (ties_db__exec(db, "BEGIN IMMEDIATE") < 0) {
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
	if (sqlite3_total_changes64(db->sql) != db->changes_at_begin &&
	    ties_db__exec(db, "INSERT INTO meta(key, value) VALUES "
			      "('generation', abs(random())) ON "
			      "CONFLICT(key) DO UPDATE SET value = "
			      "abs(random())") < 0) {
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

/* ------------------------------------------------------- open/close --- */

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
static int migrate(ties_db *db, const char *path, int readonly)
{
	int v, ntables = 0, rc;
	ties_buf sql = TIES_BUF_INIT;

	if ((rc = user_version(db, &v)) < 0)
		return rc;
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
		if ((rc = ties_db__exec(db, migrations[v])) < 0)
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
 * reads (unique ids, name keys, relation_source) are never deferred.
 */
static const char *const deferrable[] = {
	"entity_kind",	   "entity_country", "event_date",
	"event_title",	   "event_place",    "event_cite",
	"relation_target", "relation_cite",  "participant_entity",
};

static int defer_indexes(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	ties_buf drop = TIES_BUF_INIT;
	size_t i;
	int rc = 0;

	ties_buf__clear(&db->deferred);
	if (sqlite3_prepare_v2(db->sql,
			       "SELECT sql FROM sqlite_schema WHERE type = "
			       "'index' AND name = ?1 AND sql IS NOT NULL",
			       -1, &st, NULL) != SQLITE_OK)
		return ties_db__sqlerr(db);
	for (i = 0; i < sizeof(deferrable) / sizeof(deferrable[0]); i++) {
		const char *name = deferrable[i];
		char table[32];
		sqlite3_stmt *empty = NULL;
		ties_buf q = TIES_BUF_INIT;
		int is_empty = 0;

		/* The table is the index name up to its first '_'. */
		snprintf(table, sizeof(table), "%.*s", (int)strcspn(name, "_"),
			 name);
		ties_buf__printf(&q, "SELECT NOT EXISTS (SELECT 1 FROM %s)",
				 table);
		if (sqlite3_prepare_v2(db->sql, ties_buf__str(&q), -1, &empty,
				       NULL) == SQLITE_OK &&
		    sqlite3_step(empty) == SQLITE_ROW)
			is_empty = sqlite3_column_int(empty, 0);
		sqlite3_finalize(empty);
		ties_buf__release(&q);
		if (!is_empty)
			continue;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW)
			continue;
		/* Each deferred CREATE INDEX, NUL-terminated, in order. */
		ties_buf__add(&db->deferred,
			      (const char *)sqlite3_column_text(st, 0),
			      (size_t)sqlite3_column_bytes(st, 0) + 1);
		/* No statement may be running while the schema changes. */
		sqlite3_reset(st);
		ties_buf__clear(&drop);
		ties_buf__printf(&drop, "DROP INDEX %s", name);
		if ((rc = ties_db__exec(db, ties_buf__str(&drop))) < 0)
			break;
	}
	sqlite3_finalize(st);
	ties_buf__release(&drop);
	if (db->deferred.oom)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	return rc;
}

/* Build the indexes that defer_indexes() dropped. */
static int restore_indexes(ties_db *db)
{
	const char *p = db->deferred.ptr;
	int rc = 0;

	while (rc == 0 && p && p < db->deferred.ptr + db->deferred.len) {
		if (db->progress)
			db->progress("indexing", 0, 0, db->progress_payload);
		rc = ties_db__exec(db, p);
		p += strlen(p) + 1;
	}
	ties_buf__clear(&db->deferred);
	return rc;
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
	if ((rc = defer_indexes(db)) < 0)
		return rc;
	/* Index pages of a big import stay in memory: 256 MiB at most. */
	return ties_db__exec(db, "PRAGMA cache_size = -262144");
}

int ties_store__bulk_index(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (!db->bulk)
		return 0;
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

	if (ok)
		rc = restore_indexes(db);
	ties_buf__clear(&db->deferred);
	sqlite3_exec(db->sql, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
	db->bulk = 0;
	db->fresh_entity = db->fresh_event = INT64_MAX;
	return rc;
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
	if (sqlite3_open_v2(path, &db->sql, sflags, NULL) != SQLITE_OK) {
		if (!db->sql)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		return ties_db__seterr(db, TIES_EIO, "cannot open '%s': %s",
				       path, sqlite3_errmsg(db->sql));
	}
	sqlite3_extended_result_codes(db->sql, 0);
	sqlite3_busy_timeout(db->sql, 5000);
	/* A file that is not SQLite fails on the first read. */
	if (sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL,
			 NULL) != SQLITE_OK ||
	    (!readonly && sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL",
				       NULL, NULL, NULL) != SQLITE_OK) ||
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
	if ((rc = migrate(db, path, readonly)) < 0) {
		if (sqlite3_errcode(db->sql) == SQLITE_NOTADB)
			return ties_db__seterr(db, TIES_EDB,
					       "'%s' is not a ties database",
					       path);
		return rc;
	}
	ties_db__clearerr(db);
	return 0;
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
	ties_buf__release(&db->deferred);
	free(db);
}

/* -------------------------------------------------------- name keys --- */

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

/* ----------------------------------------------------------- writes --- */

static void describe(ties_db *db, sqlite3_int64 rowid, ties_buf *b);

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

	if (!(st = ties_db__stmt(db, ST_ENTITY_UPSERT)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, row->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, row->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, row->name, -1, SQLITE_STATIC);
	if (row->country)
		sqlite3_bind_int64(st, 4, row->country);
	sqlite3_bind_int(st, 5, row->set_country);
	if ((rc = step_rowid(db, st, &id)) < 0)
		return rc;
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

		describe(db, source, &a);
		describe(db, target, &b);
		ties_db__seterr(db, TIES_EINVALID,
				"part_of cycle: %s is already above %s",
				ties_buf__str(&a), ties_buf__str(&b));
		ties_buf__release(&a);
		ties_buf__release(&b);
		return TIES_EINVALID;
	}
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

int ties_store__relation_put(ties_db *db, sqlite3_int64 source,
			     sqlite3_int64 target, const char *kind,
			     const char *role, const char *start,
			     const char *end, sqlite3_int64 source_id,
			     const ties_attr *attrs, size_t nattrs,
			     sqlite3_int64 *rowid)
{
	sqlite3_stmt *st;
	sqlite3_int64 id = 0;
	int rc;

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
				sqlite3_int64 entity, const char *role)
{
	sqlite3_stmt *st;
	int rc;

	if (ties_str__empty(role))
		role = "participant";
	else if ((rc = ties_check__kind(db, "role", role)) < 0)
		return rc;
	if (!(st = ties_db__stmt(db, ST_PARTICIPANT_INSERT)))
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, entity);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
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

/* ------------------------------------------------------- resolution --- */

/* Describe entity `rowid` as 'id' (kind, Name) into b. */
static void describe(ties_db *db, sqlite3_int64 rowid, ties_buf *b)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_BY_ROWID);

	if (!st)
		return;
	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) == SQLITE_ROW)
		ties_buf__printf(b, "'%s' (%s, %s)",
				 (const char *)sqlite3_column_text(st, 0),
				 (const char *)sqlite3_column_text(st, 1),
				 (const char *)sqlite3_column_text(st, 2));
	sqlite3_reset(st);
}

static int ambiguous(ties_db *db, const char *ref, const sqlite3_int64 *ids,
		     int n, int more)
{
	ties_buf b = TIES_BUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			ties_buf__puts(&b, ", ");
		describe(db, ids[i], &b);
	}
	ties_db__seterr(db, TIES_EAMBIGUOUS, "'%s' is ambiguous: %s%s", ref,
			ties_buf__str(&b), more ? ", …" : "");
	ties_buf__release(&b);
	return TIES_EAMBIGUOUS;
}

/* Append each word of folded text `key` to `q` as an FTS5 string, quotes
 * doubled; with `prefix`, the first three characters and a star, joined by
 * OR. Returns the number of words. */
static int fts_query(ties_buf *q, const char *key, int prefix)
{
	const char *p = key;
	int n = 0;

	while (*p) {
		const char *w = p;
		size_t len, i;

		while (*p && *p != ' ')
			p++;
		len = (size_t)(p - w);
		if (prefix) {
			/* Three characters, not bytes. */
			size_t chars = 0;

			for (i = 0; i < len && chars < 4; i++)
				if ((w[i] & 0xc0) != 0x80)
					chars++;
			if (chars == 4)
				len = i - 1;
		}
		if (n)
			ties_buf__puts(q, prefix ? " OR " : " ");
		ties_buf__putc(q, '"');
		for (i = 0; i < len; i++) {
			if (w[i] == '"')
				ties_buf__putc(q, '"');
			ties_buf__putc(q, w[i]);
		}
		ties_buf__putc(q, '"');
		if (prefix)
			ties_buf__putc(q, '*');
		n++;
		while (*p == ' ')
			p++;
	}
	return n;
}

/* Levenshtein distance of two byte strings, capped work for long ones. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t *row, d;

	if (la > 200 || lb > 200)
		return (size_t)-1;
	row = malloc((lb + 1) * sizeof(*row));
	if (!row)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* Distance of `ref` to a key: to the whole key, or, for a one-word ref,
 * to the nearest word of the key ("babaevv" is near "kirill babaev"). */
static size_t word_distance(const char *ref, const char *key)
{
	size_t best = edit_distance(ref, key);
	char word[201];
	const char *p = key;

	if (strchr(ref, ' '))
		return best;
	while (*p) {
		size_t n = strcspn(p, " "), d;

		if (n > 0 && n < sizeof(word)) {
			memcpy(word, p, n);
			word[n] = '\0';
			d = edit_distance(ref, word);
			if (d < best)
				best = d;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return best;
}

/* The message for a reference that names nothing, with the nearest names. */
static int not_found(ties_db *db, const char *ref, const char *key,
		     const char *noun)
{
	struct cand {
		size_t dist;
		sqlite3_int64 entity;
		char *origin;
	} best[3];
	int nbest = 0, i, j;
	ties_buf q = TIES_BUF_INIT, b = TIES_BUF_INIT;
	sqlite3_stmt *st = NULL;
	size_t maxd = strlen(key) / 3 + 1;

	if (*key && fts_query(&q, key, 1) > 0 &&
	    sqlite3_prepare_v2(db->sql,
			       "SELECT k.entity, k.key, k.origin FROM name_fts "
			       "f JOIN name_key k ON k.rowid = f.rowid WHERE "
			       "name_fts MATCH ?1 LIMIT 500",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, ties_buf__str(&q), -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			sqlite3_int64 e = sqlite3_column_int64(st, 0);
			const char *k =
				(const char *)sqlite3_column_text(st, 1);
			size_t d = word_distance(key, k);
			int dup = 0;

			if (d > maxd)
				continue;
			for (i = 0; i < nbest; i++)
				if (best[i].entity == e) {
					dup = 1;
					if (d < best[i].dist) {
						best[i].dist = d;
					}
				}
			if (dup)
				continue;
			if (nbest == 3 && d >= best[2].dist)
				continue;
			if (nbest == 3)
				free(best[--nbest].origin);
			for (i = nbest; i > 0 && best[i - 1].dist > d; i--)
				best[i] = best[i - 1];
			best[i].dist = d;
			best[i].entity = e;
			best[i].origin = strdup(
				(const char *)sqlite3_column_text(st, 2));
			nbest++;
		}
	}
	sqlite3_finalize(st);
	for (j = 0; j < nbest; j++) {
		ties_buf__puts(&b, j ? ", " : "; did you mean ");
		describe(db, best[j].entity, &b);
		free(best[j].origin);
	}
	ties_db__seterr(db, TIES_ENOTFOUND, "unknown %s '%s'%s%s", noun, ref,
			ties_buf__str(&b), nbest ? "?" : "");
	ties_buf__release(&q);
	ties_buf__release(&b);
	return TIES_ENOTFOUND;
}

/* Distinct entities of a statement's first column, up to 11. */
static int collect(ties_db *db, sqlite3_stmt *st, sqlite3_int64 *ids, int *n)
{
	int rc, i;

	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 e = sqlite3_column_int64(st, 0);

		for (i = 0; i < *n; i++)
			if (ids[i] == e)
				break;
		if (i == *n && *n < 11)
			ids[(*n)++] = e;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

int ties_store__resolve(ties_db *db, const char *ref, sqlite3_int64 *rowid)
{
	return ties_store__resolve_as(db, ref, "entity", NULL, rowid);
}

/* Check that entity `rowid` is of `kind`. */
static int check_kind(ties_db *db, const char *ref, const char *noun,
		      const char *kind, sqlite3_int64 rowid)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_BY_ROWID);
	int rc = 0;

	if (!st)
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = ties_db__sqlerr(db);
	else if (strcmp((const char *)sqlite3_column_text(st, 1), kind))
		rc = ties_db__seterr(
			db, TIES_EINVALID,
			"%s '%s' names '%s', of kind %s, not "
			"%s",
			noun, ref, (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1), kind);
	sqlite3_reset(st);
	return rc;
}

int ties_store__resolve_as(ties_db *db, const char *ref, const char *noun,
			   const char *kind, sqlite3_int64 *rowid)
{
	ties_buf key = TIES_BUF_INIT, q = TIES_BUF_INIT;
	sqlite3_int64 ids[11];
	sqlite3_stmt *st = NULL;
	int n = 0, rc;

	assert(db && ref && rowid);
	*rowid = 0;
	if (ties_str__empty(ref))
		return ties_db__seterr(db, TIES_EINVALID, "empty reference");
	if (ties_utf8__invalid(ref, strlen(ref)))
		return ties_db__seterr(db, TIES_EINVALID,
				       "invalid UTF-8 in reference '%s'", ref);
	/* 1. The id itself. */
	if (!(st = ties_db__stmt(db, ST_ID_LOOKUP)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*rowid = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		return kind ? check_kind(db, ref, noun, kind, *rowid) : 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);

	/* 2. A folded id, name or alias. */
	if ((rc = ties_fold__buf(&key, ref)) < 0)
		goto done;
	if (!(st = ties_db__stmt(db, ST_KEY_LOOKUP))) {
		rc = TIES_EDB;
		goto done;
	}
	sqlite3_bind_text(st, 1, ties_buf__str(&key), -1, SQLITE_STATIC);
	if ((rc = collect(db, st, ids, &n)) < 0)
		goto done;

	/* 3. Every word in one name or alias. */
	if (n == 0 && key.len > 0 && fts_query(&q, ties_buf__str(&key), 0)) {
		st = NULL;
		if (sqlite3_prepare_v2(db->sql,
				       "SELECT k.entity FROM name_fts f JOIN "
				       "name_key k ON k.rowid = f.rowid WHERE "
				       "name_fts MATCH ?1 ORDER BY k.entity",
				       -1, &st, NULL) != SQLITE_OK) {
			rc = ties_db__sqlerr(db);
			goto done;
		}
		sqlite3_bind_text(st, 1, ties_buf__str(&q), -1, SQLITE_STATIC);
		rc = collect(db, st, ids, &n);
		sqlite3_finalize(st);
		if (rc < 0)
			goto done;
	}
	if (n == 1) {
		*rowid = ids[0];
		rc = kind ? check_kind(db, ref, noun, kind, *rowid) : 0;
	} else if (n > 1) {
		rc = ambiguous(db, ref, ids, n > 10 ? 10 : n, n > 10);
	} else {
		rc = not_found(db, ref, ties_buf__str(&key), noun);
	}
done:
	ties_buf__release(&key);
	ties_buf__release(&q);
	return rc;
}

int ties_entity_resolve(ties_db *db, const char *ref, const char **out_id)
{
	sqlite3_int64 rowid;
	sqlite3_stmt *st;
	int rc;

	assert(db && ref && out_id);
	*out_id = NULL;
	if ((rc = ties_store__resolve(db, ref, &rowid)) < 0)
		return rc;
	if (!(st = ties_db__stmt(db, ST_ENTITY_BY_ROWID)))
		return TIES_EDB;
	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return ties_db__sqlerr(db);
	}
	ties_buf__clear(&db->scratch);
	ties_buf__puts(&db->scratch, (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	*out_id = ties_buf__str(&db->scratch);
	return 0;
}

int ties_store__resolve_source(ties_db *db, const char *ref,
			       sqlite3_int64 *rowid)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_SOURCE_LOOKUP);
	int rc, n = 0;

	*rowid = 0;
	if (!st)
		return TIES_EDB;
	/* The id first: the common case, one index probe. */
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rowid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);
	if (!(st = ties_db__stmt(db, ST_SOURCE_BY_TEXT)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			*rowid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);
	if (n == 0)
		return ties_db__seterr(db, TIES_ENOTFOUND, "no source '%s'",
				       ref);
	if (n > 1) {
		*rowid = 0;
		return ties_db__seterr(db, TIES_EAMBIGUOUS,
				       "'%s' names %d sources; use the source "
				       "id",
				       ref, n);
	}
	return 0;
}

int ties_store__resolve_event(ties_db *db, const char *ref,
			      sqlite3_int64 *rowid)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_EVENT_LOOKUP);
	int rc, n = 0;

	*rowid = 0;
	if (!st)
		return TIES_EDB;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*rowid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);
	if (!(st = ties_db__stmt(db, ST_EVENT_BY_TITLE)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			*rowid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);
	if (n == 0)
		return ties_db__seterr(db, TIES_ENOTFOUND, "no event '%s'",
				       ref);
	if (n > 1) {
		*rowid = 0;
		return ties_db__seterr(db, TIES_EAMBIGUOUS,
				       "'%s' is the title of %d events; use "
				       "the event id",
				       ref, n);
	}
	return 0;
}

/* ---------------------------------------------------- public writes --- */

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
		     src, spec->attrs, spec->nattrs, NULL)) < 0)
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
		    (rc = ties_store__participant_put(db, ev, ent, p->role)) <
			    0)
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

/* ----------------------------------------------------------- remove --- */

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
static int exec_rowid(ties_db *db, const char *sql, sqlite3_int64 rowid)
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
		describe(db, rowid, &db->scratch);
		if ((rc = exec_rowid(db, "DELETE FROM entity WHERE rowid = ?1",
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
		    (rc = exec_rowid(db, "DELETE FROM event WHERE rowid = ?1",
				     rowid)) < 0)
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
		    (rc = exec_rowid(db, "DELETE FROM source WHERE rowid = ?1",
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

/* -------------------------------------------------------- countries --- */

/* Everyday names that ISO 3166-1 does not give. */
static const struct {
	const char *alpha2;
	const char *alias;
} everyday[] = {
	{"ae", "UAE"},
	{"bn", "Brunei"},
	{"cd", "DR Congo"},
	{"cd", "DRC"},
	{"cd", "Democratic Republic of the Congo"},
	{"cg", "Republic of the Congo"},
	{"ci", "Ivory Coast"},
	{"cv", "Cape Verde"},
	{"cz", "Czech Republic"},
	{"fm", "Micronesia"},
	{"gb", "Britain"},
	{"gb", "Great Britain"},
	{"gb", "UK"},
	{"mk", "Macedonia"},
	{"mm", "Burma"},
	{"ps", "Palestine"},
	{"ru", "Russia"},
	{"sz", "Swaziland"},
	{"tl", "East Timor"},
	{"tr", "Turkey"},
	{"us", "USA"},
	{"us", "United States of America"},
	{"va", "Vatican"},
};

const char *ties_iso3166_path(void)
{
	return "/usr/share/iso-codes/json/iso_3166-1.json";
}

static const char *jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int ties_db_init(ties_db *db, const char *iso_json, long *seeded)
{
	json_t *root = NULL, *list;
	json_error_t jerr;
	sqlite3_stmt *exists = NULL;
	size_t i, j;
	long n = 0;
	int rc = 0;

	assert(db);
	if (seeded)
		*seeded = 0;
	if (!iso_json)
		iso_json = ties_iso3166_path();
	root = json_load_file(iso_json, 0, &jerr);
	if (!root)
		return ties_db__seterr(db, TIES_EIO, "%s:%d: %s", iso_json,
				       jerr.line, jerr.text);
	list = json_object_get(root, "3166-1");
	if (!json_is_array(list)) {
		json_decref(root);
		return ties_db__seterr(db, TIES_EINVALID,
				       "%s: no \"3166-1\" array", iso_json);
	}
	if ((rc = ties_db__begin(db)) < 0) {
		json_decref(root);
		return rc;
	}
	if (sqlite3_prepare_v2(db->sql, "SELECT 1 FROM entity WHERE id = ?1",
			       -1, &exists, NULL) != SQLITE_OK) {
		rc = ties_db__sqlerr(db);
		goto fail;
	}
	for (i = 0; i < json_array_size(list); i++) {
		json_t *c = json_array_get(list, i);
		const char *a2 = jstr(c, "alpha_2"), *a3 = jstr(c, "alpha_3");
		const char *name = jstr(c, "name");
		const char *common = jstr(c, "common_name");
		const char *official = jstr(c, "official_name");
		const char *aliases[8];
		char id[3];
		size_t na = 0;
		ties_entity_row row;
		sqlite3_int64 rowid;
		int have;

		if (!a2 || !a3 || !name || strlen(a2) != 2)
			continue;
		id[0] = (char)(a2[0] | 0x20);
		id[1] = (char)(a2[1] | 0x20);
		id[2] = 0;
		/* Never touch a country someone already has. */
		sqlite3_reset(exists);
		sqlite3_bind_text(exists, 1, id, 2, SQLITE_TRANSIENT);
		have = sqlite3_step(exists) == SQLITE_ROW;
		if (have)
			continue;
		aliases[na++] = a2;
		aliases[na++] = a3;
		if (common)
			aliases[na++] = name;
		if (official)
			aliases[na++] = official;
		for (j = 0; j < sizeof(everyday) / sizeof(everyday[0]) &&
			    na < sizeof(aliases) / sizeof(aliases[0]);
		     j++)
			if (!strcmp(everyday[j].alpha2, id))
				aliases[na++] = everyday[j].alias;
		memset(&row, 0, sizeof(row));
		row.id = id;
		row.kind = "country";
		row.name = common ? common : name;
		row.aliases = aliases;
		row.naliases = na;
		row.replace_aliases = row.replace_attrs = 1;
		if ((rc = ties_store__entity_put(db, &row, &rowid)) < 0 ||
		    (rc = exec_rowid(db,
				     "UPDATE entity SET seeded = 1 WHERE "
				     "rowid = ?1",
				     rowid)) < 0)
			goto fail;
		n++;
	}
	sqlite3_finalize(exists);
	json_decref(root);
	if ((rc = ties_db__commit(db)) < 0)
		return rc;
	if (seeded)
		*seeded = n;
	return 0;
fail:
	sqlite3_finalize(exists);
	json_decref(root);
	ties_db__rollback(db);
	return rc;
}
