/*
 * evidence.c — the questions behind the exploration commands: the
 * evidence that ties two entities, the entities that stand for a country or
 * an institution, and the events and relations between two such sets.
 */
#include <string.h>

#include "ties_int.h"

static int prepare(ties_db *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db->sql, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return ties_db__sqlerr(db);
	}
	return 0;
}

static const char *text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* The source's id, title, publisher, date and url, from column i on. */
static void source_cols(sqlite3_stmt *st, int i, ties_evidence *ev)
{
	ev->source_id = text(st, i);
	ev->source_title = text(st, i + 1);
	ev->publisher = text(st, i + 2);
	ev->source_date = text(st, i + 3);
	ev->url = text(st, i + 4);
}

/* A relation row from column 0: kind, role, start, end, whether it points
 * from the first side. */
static void relation_row(sqlite3_stmt *st, ties_evidence *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->type = "relation";
	ev->kind = text(st, 0);
	ev->role = text(st, 1);
	ev->date = text(st, 2);
	ev->end = text(st, 3);
	ev->forward = sqlite3_column_int(st, 4);
}

/* An event row: id, kind, date, title, place, the two sides' roles, then
 * the source's id, title, publisher, date and url. */
static void event_row(sqlite3_stmt *st, ties_evidence *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->type = "event";
	ev->id = text(st, 0);
	ev->kind = text(st, 1);
	ev->date = text(st, 2);
	ev->title = text(st, 3);
	ev->place = text(st, 4);
	ev->a_role = text(st, 5);
	ev->b_role = text(st, 6);
	source_cols(st, 7, ev);
}

/* The end of a scan: the callback's code, or the statement's error. */
static int scan_end(ties_db *db, sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return rc < 0 ? rc : ties_db__sqlerr(db);
	return 0;
}

/* The shortest of an entity's name and aliases: "ISSI" for the place. */
#define SHORT_NAME(x)                                                          \
	"(SELECT n FROM (SELECT name AS n FROM entity WHERE rowid = " x        \
	" UNION ALL SELECT alias FROM alias WHERE entity = " x                 \
	") ORDER BY length(n), n LIMIT 1)"

#define ROLES(ev, ent)                                                         \
	"(SELECT group_concat(role, ', ') FROM (SELECT role FROM participant " \
	"WHERE event = " ev " AND entity = " ent " ORDER BY role))"

int ties_store__pair_evidence(ties_db *db, sqlite3_int64 a, sqlite3_int64 b,
			      ties_evidence_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	ties_evidence ev;
	int rc;

	if ((rc = prepare(
		     db,
		     "SELECT v.id, v.kind, v.date, v.title, " SHORT_NAME(
			     "v.place") ", " ROLES("v.rowid",
						   "?1") ", " ROLES("v.rowid",
								    "?2") ", "
		     "s.id, s.title, s.publisher, s.date, s.url FROM event v "
		     "LEFT JOIN source s ON s.rowid = v.source_id WHERE "
		     "v.rowid IN (SELECT event FROM participant WHERE entity = "
		     "?1 INTERSECT SELECT event FROM participant WHERE entity "
		     "= ?2) ORDER BY v.date, v.id",
		     &st)) < 0)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		event_row(st, &ev);
		if ((rc = fn(ctx, &ev)) != 0) {
			/* The callback's code: < 0 an error, > 0 stop. */
			sqlite3_finalize(st);
			return rc;
		}
	}
	if ((rc = scan_end(db, st, rc)) < 0)
		return rc;
	return ties_store__pair_relations(db, a, b, fn, ctx);
}

int ties_store__pair_relations(ties_db *db, sqlite3_int64 a, sqlite3_int64 b,
			       ties_evidence_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	ties_evidence ev;
	int rc;

	if ((rc = prepare(db,
			  "SELECT r.kind, r.role, r.start_date, r.end_date, "
			  "r.source = ?1, s.id, s.title, s.publisher, s.date, "
			  "s.url FROM relation r LEFT JOIN source s ON "
			  "s.rowid = r.source_id WHERE (r.source = ?1 AND "
			  "r.target = ?2) OR (r.source = ?2 AND r.target = ?1) "
			  "ORDER BY r.start_date, r.kind, r.rowid",
			  &st)) < 0)
		return rc;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		relation_row(st, &ev);
		source_cols(st, 5, &ev);
		if ((rc = fn(ctx, &ev)) != 0) {
			/* The callback's code: < 0 an error, > 0 stop. */
			sqlite3_finalize(st);
			return rc;
		}
	}
	return scan_end(db, st, rc);
}

/* The entities rows[0..n) into temp.ties_set(e, i), i their place. The
 * queries read it with CROSS JOIN, which keeps it the outer loop: without
 * statistics for the temporary table SQLite would scan every participation
 * (7.6 million at the large size) instead of looking up the set's. */
static int fill_rows(ties_db *db, const sqlite3_int64 *rows, size_t n)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = ties_db__exec(db, "CREATE TEMP TABLE IF NOT EXISTS "
				    "ties_set(e INTEGER PRIMARY KEY, i INTEGER "
				    "NOT NULL); DELETE FROM temp.ties_set;")) < 0 ||
	    (rc = prepare(db, "INSERT OR IGNORE INTO temp.ties_set(e, i) "
			      "VALUES (?1, ?2)",
			  &st)) < 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, rows[i]);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = ties_db__sqlerr(db);
			sqlite3_finalize(st);
			return rc;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

int ties_store__set_participations(ties_db *db, const sqlite3_int64 *rows,
				   size_t n, ties_pair_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = fill_rows(db, rows, n)) < 0 ||
	    (rc = prepare(db,
			  "SELECT DISTINCT p.event, s.i, p.entity FROM "
			  "temp.ties_set s CROSS JOIN participant p ON p.entity = "
			  "s.e ORDER BY p.event, p.entity",
			  &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = fn(ctx, sqlite3_column_int64(st, 0),
			     sqlite3_column_int64(st, 1))) != 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	return scan_end(db, st, rc);
}

int ties_store__set_events(ties_db *db, const sqlite3_int64 *rows, size_t n,
			   ties_set_event_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = fill_rows(db, rows, n)) < 0)
		return rc;
	/* The event's rowid last in the order, so that the rows of one event
	 * come together even where two share a date and an id. */
	if ((rc = prepare(db,
			  "SELECT s.i, v.rowid, v.kind, v.date FROM "
			  "temp.ties_set s CROSS JOIN participant p ON p.entity = s.e "
			  "JOIN event v ON v.rowid = p.event "
			  "ORDER BY v.date, v.id, v.rowid",
			  &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = fn(ctx, (size_t)sqlite3_column_int64(st, 0),
			     sqlite3_column_int64(st, 1), text(st, 2),
			     text(st, 3))) != 0) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	return scan_end(db, st, rc);
}

/*
 * Fill temp table `name` with the entities that stand for `rowid`: a
 * country and every entity whose home country it is; anything else, itself,
 * the units part_of it (at any depth) and their members (member_of).
 */
static int fill_set(ties_db *db, const char *name, sqlite3_int64 rowid)
{
	sqlite3_stmt *st = NULL;
	ties_buf sql = TIES_BUF_INIT;
	int rc;

	ties_buf__printf(&sql,
			 "CREATE TEMP TABLE IF NOT EXISTS %s(e INTEGER PRIMARY "
			 "KEY); DELETE FROM %s;",
			 name, name);
	rc = ties_db__exec(db, ties_buf__str(&sql));
	ties_buf__clear(&sql);
	if (rc < 0)
		goto done;
	ties_buf__printf(
		&sql,
		"INSERT OR IGNORE INTO %s(e) "
		"WITH RECURSIVE unit(e) AS (SELECT ?1 UNION SELECT r.source "
		"FROM relation r JOIN unit u ON r.target = u.e WHERE r.kind = "
		"'part_of' AND (SELECT kind FROM entity WHERE rowid = ?1) <> "
		"'country') "
		"SELECT e FROM unit "
		"UNION SELECT rowid FROM entity WHERE country = ?1 AND "
		"(SELECT kind FROM entity WHERE rowid = ?1) = 'country' "
		"UNION SELECT r.source FROM relation r JOIN unit u ON r.target "
		"= u.e WHERE r.kind = 'member_of' AND (SELECT kind FROM entity "
		"WHERE rowid = ?1) <> 'country'",
		name);
	if ((rc = prepare(db, ties_buf__str(&sql), &st)) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, rowid);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
done:
	sqlite3_finalize(st);
	ties_buf__release(&sql);
	return rc;
}

#define SIDE(set)                                                              \
	"(SELECT group_concat(who, '; ') FROM (SELECT e.name || ' (' || "      \
	"group_concat(p.role, ', ') || ')' AS who FROM (SELECT * FROM "        \
	"participant WHERE event = v.rowid AND entity IN (SELECT e FROM " set  \
	") ORDER BY role) p JOIN entity e ON e.rowid = p.entity GROUP BY "     \
	"p.entity ORDER BY e.name, e.id))"

int ties_store__between(ties_db *db, sqlite3_int64 x, sqlite3_int64 y,
			ties_evidence_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	ties_evidence ev;
	int rc;

	if ((rc = fill_set(db, "ties_sx", x)) < 0 ||
	    (rc = fill_set(db, "ties_sy", y)) < 0)
		return rc;
	if ((rc = prepare(
		     db,
		     "SELECT v.id, v.kind, v.date, v.title, " SHORT_NAME(
			     "v.place") ", " SIDE("ties_sx") ", " SIDE("ties_sy") ", "
		     "s.id, s.title, s.publisher, s.date, s.url FROM event v "
		     "LEFT JOIN source s ON s.rowid = v.source_id WHERE "
		     "v.rowid IN (SELECT p1.event FROM participant p1 JOIN "
		     "ties_sx ON ties_sx.e = p1.entity JOIN participant p2 ON "
		     "p2.event = p1.event JOIN ties_sy ON ties_sy.e = p2.entity "
		     "WHERE p1.entity <> p2.entity) ORDER BY v.date, v.id",
		     &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		event_row(st, &ev);
		if ((rc = fn(ctx, &ev)) != 0) {
			/* The callback's code: < 0 an error, > 0 stop. */
			sqlite3_finalize(st);
			return rc;
		}
	}
	if ((rc = scan_end(db, st, rc)) < 0)
		return rc;
	/* "+r.target": look relations up by source only. With both ends in
	 * the index SQLite probes every (x, y) pair: 38 million probes for
	 * France and the United States in ROR, 8.6 s instead of 6 ms. */
	if ((rc = prepare(
		     db,
		     "SELECT r.kind, r.role, r.start_date, r.end_date, "
		     "r.source IN (SELECT e FROM ties_sx), a.name, b.name, "
		     "s.id, s.title, s.publisher, s.date, s.url FROM relation r "
		     "JOIN entity a ON a.rowid = r.source JOIN entity b ON "
		     "b.rowid = r.target LEFT JOIN source s ON s.rowid = "
		     "r.source_id WHERE (r.source IN (SELECT e FROM ties_sx) "
		     "AND +r.target IN (SELECT e FROM ties_sy)) OR (r.source IN "
		     "(SELECT e FROM ties_sy) AND +r.target IN (SELECT e FROM "
		     "ties_sx)) ORDER BY r.start_date, r.kind, r.rowid",
		     &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		relation_row(st, &ev);
		/* The X side first, whichever way the relation points. */
		ev.a_role = ev.forward ? text(st, 5) : text(st, 6);
		ev.b_role = ev.forward ? text(st, 6) : text(st, 5);
		source_cols(st, 7, &ev);
		if ((rc = fn(ctx, &ev)) != 0) {
			/* The callback's code: < 0 an error, > 0 stop. */
			sqlite3_finalize(st);
			return rc;
		}
	}
	return scan_end(db, st, rc);
}

int ties_store__entity_events(ties_db *db, sqlite3_int64 x,
			      ties_evidence_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	ties_evidence ev;
	int rc;

	if ((rc = fill_set(db, "ties_sx", x)) < 0)
		return rc;
	if ((rc = prepare(db,
			  "SELECT v.id, v.kind, v.date, v.title FROM event v "
			  "WHERE v.rowid IN (SELECT event FROM participant p "
			  "JOIN ties_sx ON ties_sx.e = p.entity) ORDER BY "
			  "v.date, v.id",
			  &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&ev, 0, sizeof(ev));
		ev.type = "event";
		ev.id = text(st, 0);
		ev.kind = text(st, 1);
		ev.date = text(st, 2);
		ev.title = text(st, 3);
		if ((rc = fn(ctx, &ev)) != 0) {
			/* The callback's code: < 0 an error, > 0 stop. */
			sqlite3_finalize(st);
			return rc;
		}
	}
	return scan_end(db, st, rc);
}
