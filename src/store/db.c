/*
 * db.c — the SQLite store's handle: schema and migrations, statements,
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

/*
 * Schema 2: a write that does not come through ties (the sqlite3 shell, a
 * script) moves the generation on too, so that nothing computed from the
 * data before (the snapshot, kept scores) stands for the data after. ties'
 * own write transactions drop these triggers first and make them again
 * before they commit (a rollback brings them back): a row trigger would
 * cost an import a fifth of its time, and ties_db__commit moves the
 * generation once anyway.
 */
#define RENEW                                                                  \
	"INSERT INTO meta(key, value) VALUES ('generation', abs(random())) "  \
	"ON CONFLICT(key) DO UPDATE SET value = abs(random());"

static const char schema_v2[] =
	"CREATE TRIGGER entity_insert_outside AFTER INSERT ON entity\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER entity_update_outside AFTER UPDATE ON entity\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER entity_delete_outside AFTER DELETE ON entity\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER relation_insert_outside AFTER INSERT ON relation\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER relation_update_outside AFTER UPDATE ON relation\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER relation_delete_outside AFTER DELETE ON relation\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER event_insert_outside AFTER INSERT ON event\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER event_update_outside AFTER UPDATE ON event\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER event_delete_outside AFTER DELETE ON event\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER participant_insert_outside AFTER INSERT ON participant\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER participant_update_outside AFTER UPDATE ON participant\n"
	"  BEGIN " RENEW " END;\n"
	"CREATE TRIGGER participant_delete_outside AFTER DELETE ON participant\n"
	"  BEGIN " RENEW " END;\n";

static const char drop_v2[] =
	"DROP TRIGGER entity_insert_outside;"
	"DROP TRIGGER entity_update_outside;"
	"DROP TRIGGER entity_delete_outside;"
	"DROP TRIGGER relation_insert_outside;"
	"DROP TRIGGER relation_update_outside;"
	"DROP TRIGGER relation_delete_outside;"
	"DROP TRIGGER event_insert_outside;"
	"DROP TRIGGER event_update_outside;"
	"DROP TRIGGER event_delete_outside;"
	"DROP TRIGGER participant_insert_outside;"
	"DROP TRIGGER participant_update_outside;"
	"DROP TRIGGER participant_delete_outside;";

/*
 * Schema 3: relations and participations carry a weight (a grant's
 * amount, a count of contacts, a trade flow), 1 unless given; the views
 * show it.
 */
static const char schema_v3[] =
	"ALTER TABLE relation ADD COLUMN weight REAL NOT NULL DEFAULT 1;\n"
	"ALTER TABLE participant ADD COLUMN weight REAL NOT NULL DEFAULT 1;\n"
	"DROP VIEW co_participants;\n"
	"DROP VIEW participants;\n"
	"DROP VIEW relations;\n"
	"CREATE VIEW relations AS\n"
	"  SELECT s.id AS source, s.name AS source_name, t.id AS target,\n"
	"    t.name AS target_name, r.kind, r.role, r.start_date AS start,\n"
	"    r.end_date AS \"end\", src.id AS source_id, r.weight\n"
	"  FROM relation r JOIN entity s ON s.rowid = r.source\n"
	"    JOIN entity t ON t.rowid = r.target\n"
	"    LEFT JOIN source src ON src.rowid = r.source_id;\n"
	"CREATE VIEW participants AS\n"
	"  SELECT v.id AS event, v.kind AS event_kind, v.date, v.title,\n"
	"    e.id AS entity, e.name, e.kind AS entity_kind, c.id AS country, "
	"p.role,\n"
	"    p.weight\n"
	"  FROM participant p JOIN event v ON v.rowid = p.event\n"
	"    JOIN entity e ON e.rowid = p.entity\n"
	"    LEFT JOIN entity c ON c.rowid = e.country;\n"
	"CREATE VIEW co_participants AS\n"
	"  SELECT a.entity AS a, b.entity AS b, a.event, a.event_kind, a.date, "
	"a.title,\n"
	"    a.role AS a_role, b.role AS b_role\n"
	"  FROM participants a JOIN participants b\n"
	"    ON a.event = b.event AND a.entity < b.entity;\n";

/*
 * Schema 4: which relation kinds are directed (source to target), and which
 * pairs of roles make an event's tie directed (from the first role to the
 * second), declared once a database; ties' own defaults to begin with.
 */
static const char schema_v4[] =
	"CREATE TABLE relation_kind(\n"
	"  kind TEXT PRIMARY KEY,\n"
	"  directed INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"CREATE TABLE role_pair(\n"
	"  from_role TEXT NOT NULL,\n"
	"  to_role TEXT NOT NULL,\n"
	"  PRIMARY KEY(from_role, to_role)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO relation_kind(kind, directed) VALUES ('member_of', 1), "
	"('part_of', 1), ('succeeded_by', 1), ('funds', 1), ('advises', 1), "
	"('visits', 1), ('reports_to', 1), ('based_in', 1);\n"
	"INSERT INTO role_pair(from_role, to_role) VALUES ('visitor', 'host'), "
	"('guest', 'host'), ('sender', 'receiver'), ('funder', 'recipient'), "
	"('donor', 'recipient');\n";

/* Migrations: migrations[v] takes a database from version v to v + 1. */
static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
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
		"WHERE entity.kind <> 'country' OR excluded.kind = 'country' "
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
	if (db->triggers_off && ties_db__exec(db, drop_v2) < 0) {
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
	    (db->triggers_off && ties_db__exec(db, schema_v2) < 0)) {
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
	free(db);
}
