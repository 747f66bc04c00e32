/*
 * scan.c — the rows the tie graph is built from, streamed to
 * callbacks in one pass each, in orders the builder relies on:
 * participants grouped by event (the primary key's order, no sort).
 */

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

/* Step to the end; a callback's non-zero return stops with that code. */
#define SCAN(db, st, call)                                                     \
	do {                                                                   \
		int rc_, cb_ = 0;                                              \
		while ((rc_ = sqlite3_step(st)) == SQLITE_ROW)                 \
			if ((cb_ = (call)) != 0)                               \
				break;                                         \
		if (cb_ == 0 && rc_ != SQLITE_DONE)                            \
			cb_ = ties_db__sqlerr(db);                             \
		sqlite3_finalize(st);                                          \
		return cb_;                                                    \
	} while (0)

/* Prepare sql (one "?" for a rowid) and read its row for each of rowid[0,
 * n), in that order; a callback's non-zero return stops with that code, a
 * rowid without a row is an error naming `noun`. */
#define AT(db, st, sql, noun, rowid, n, call)                                  \
	do {                                                                   \
		int rc_;                                                       \
		if ((rc_ = prepare(db, sql, &st)) < 0)                         \
			return rc_;                                            \
		for (size_t i_ = 0; i_ < (n) && rc_ == 0; i_++) {              \
			sqlite3_bind_int64(st, 1, (rowid)[i_]);                \
			if ((rc_ = sqlite3_step(st)) == SQLITE_ROW)            \
				rc_ = (call);                                  \
			else if (rc_ == SQLITE_DONE)                           \
				rc_ = ties_db__seterr(                         \
					db, TIES_EDB, "no %s of rowid %lld",   \
					noun, (long long)(rowid)[i_]);         \
			else                                                   \
				rc_ = ties_db__sqlerr(db);                     \
			sqlite3_reset(st);                                     \
		}                                                              \
		sqlite3_finalize(st);                                          \
		return rc_;                                                    \
	} while (0)

int ties_store__max_rowids(ties_db *db, sqlite3_int64 *entity,
			   sqlite3_int64 *event)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db,
			  "SELECT (SELECT coalesce(max(rowid), 0) FROM "
			  "entity), (SELECT coalesce(max(rowid), 0) FROM "
			  "event)",
			  &st)) < 0)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ties_db__sqlerr(db);
		sqlite3_finalize(st);
		return rc;
	}
	*entity = sqlite3_column_int64(st, 0);
	*event = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	return 0;
}

int ties_store__scan_entities(ties_db *db, ties_entity_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	/* A seeded country is data only once something refers to it as a
	 * participant or a relation's end. */
	if ((rc = prepare(
		     db,
		     "SELECT e.rowid, e.id, e.name, e.kind, e.country, c.id, "
		     "c.name, "
		     "(e.seeded = 0 OR EXISTS (SELECT 1 FROM participant x "
		     "WHERE x.entity = e.rowid) OR EXISTS (SELECT 1 FROM "
		     "relation x WHERE x.source = e.rowid) OR EXISTS (SELECT "
		     "1 FROM relation x WHERE x.target = e.rowid)) "
		     "FROM entity e LEFT JOIN entity c ON c.rowid = e.country "
		     "ORDER BY e.rowid",
		     &st)) < 0)
		return rc;
	SCAN(db, st,
	     fn(ctx, sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
		text(st, 3), sqlite3_column_int64(st, 4), text(st, 5),
		text(st, 6), sqlite3_column_int(st, 7)));
}

int ties_store__entities_at(ties_db *db, const sqlite3_int64 *rowid,
			    size_t n, ties_entity_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;

	AT(db, st,
	   "SELECT e.rowid, e.id, e.name, e.kind, e.country, c.id, c.name "
	   "FROM entity e LEFT JOIN entity c ON c.rowid = e.country WHERE "
	   "e.rowid = ?",
	   "entity", rowid, n,
	   fn(ctx, sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
	      text(st, 3), sqlite3_column_int64(st, 4), text(st, 5),
	      text(st, 6), 1));
}

int ties_store__scan_events(ties_db *db, ties_event_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db,
			  "SELECT rowid, id, title, kind, date FROM event "
			  "ORDER BY rowid",
			  &st)) < 0)
		return rc;
	SCAN(db, st,
	     fn(ctx, sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
		text(st, 3), text(st, 4)));
}

int ties_store__events_at(ties_db *db, const sqlite3_int64 *rowid, size_t n,
			  ties_event_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;

	AT(db, st, "SELECT rowid, id, title, kind, date FROM event WHERE rowid = ?",
	   "event", rowid, n,
	   fn(ctx, sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
	      text(st, 3), text(st, 4)));
}

int ties_store__scan_participants(ties_db *db, ties_pair_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	/* The primary key (event, entity, role) gives event order. */
	if ((rc = prepare(db,
			  "SELECT event, entity FROM participant ORDER BY "
			  "event, entity",
			  &st)) < 0)
		return rc;
	SCAN(db, st,
	     fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)));
}

int ties_store__scan_roles(ties_db *db, ties_role_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db,
			  "SELECT event, entity, role, weight FROM participant "
			  "ORDER BY event, entity, role",
			  &st)) < 0)
		return rc;
	SCAN(db, st,
	     fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		text(st, 2), sqlite3_column_double(st, 3)));
}

int ties_store__scan_relations(ties_db *db, ties_relation_fn fn, void *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db,
			  "SELECT source, target, kind, start_date, end_date, "
			  "weight FROM relation ORDER BY rowid",
			  &st)) < 0)
		return rc;
	SCAN(db, st,
	     fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		text(st, 2), text(st, 3), text(st, 4),
		sqlite3_column_double(st, 5)));
}
