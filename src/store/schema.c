/*
 * schema.c — the schema of a ties database, as the migrations that make it:
 * version 1, then each later version's changes (docs/schema.md).
 */
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

const char ties_db__drop_triggers[] =
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

/*
 * Schema 5: indexes only for what is asked of them. Which rows cite a
 * source is asked only when a source is removed (a scan then, tens of
 * milliseconds at a million events); which events took place at an entity
 * only of the few events with a place, when an entity is removed.
 */
static const char schema_v5[] =
	"DROP INDEX event_cite;\n"
	"DROP INDEX relation_cite;\n"
	"DROP INDEX event_place;\n"
	"CREATE INDEX event_place ON event(place) WHERE place IS NOT NULL;\n";

/* Migrations: ties_db__migrations[v] takes a database from version v to
 * v + 1. */
const char *const ties_db__migrations[TIES_SCHEMA_VERSION] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
};

const char *const ties_db__triggers = schema_v2;
