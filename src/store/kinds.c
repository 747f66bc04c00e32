/*
 * kinds.c — direction: which relation kinds are directed and which role
 * pairs make an event's tie directed (schema 4), declared, and read by the
 * directed projections (query.c lists them).
 */
#include <assert.h>
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

/* Run sql with up to two texts bound, in a transaction of its own. */
static int write2(ties_db *db, const char *sql, const char *a, const char *b)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = ties_db__begin(db)) < 0)
		return rc;
	if ((rc = prepare(db, sql, &st)) < 0)
		goto fail;
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = ties_db__sqlerr(db);
		goto fail;
	}
	sqlite3_finalize(st);
	return ties_db__commit(db);
fail:
	sqlite3_finalize(st);
	ties_db__rollback(db);
	return rc;
}

int ties_kind_relation(ties_db *db, const char *kind, int directed)
{
	int rc;

	assert(db);
	if ((rc = ties_check__kind(db, "relation kind", kind)) < 0)
		return rc;
	return write2(db,
		      directed ? "INSERT INTO relation_kind(kind, directed) "
				 "VALUES (?1, 1) ON CONFLICT DO UPDATE SET "
				 "directed = 1"
			       : "INSERT INTO relation_kind(kind, directed) "
				 "VALUES (?1, 0) ON CONFLICT DO UPDATE SET "
				 "directed = 0",
		      kind, NULL);
}

int ties_kind_roles(ties_db *db, const char *from, const char *to, int directed)
{
	int rc;

	assert(db);
	if ((rc = ties_check__kind(db, "role", from)) < 0 ||
	    (rc = ties_check__kind(db, "role", to)) < 0)
		return rc;
	if (!strcmp(from, to))
		return ties_db__seterr(db, TIES_EINVALID,
				       "a role pair wants two roles, not '%s' "
				       "twice",
				       from);
	return write2(db,
		      directed ? "INSERT OR IGNORE INTO role_pair(from_role, "
				 "to_role) VALUES (?1, ?2)"
			       : "DELETE FROM role_pair WHERE from_role = ?1 "
				 "AND to_role = ?2",
		      from, to);
}

int ties_store__directed(ties_db *db, ties_strmap *kinds, ties_strmap *pairs)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db,
			  "SELECT kind, NULL FROM relation_kind WHERE directed "
			  "UNION ALL SELECT from_role, to_role FROM role_pair",
			  &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		const char *b = (const char *)sqlite3_column_text(st, 1);
		ties_buf key = TIES_BUF_INIT;
		long old;
		int r;

		if (b) {
			/* "from\x1fto": the unit separator is in no role. */
			ties_buf__printf(&key, "%s\x1f%s", a, b);
			r = key.oom ? TIES_ENOMEM
				    : ties_strmap__put(pairs,
						       ties_buf__str(&key), 1,
						       &old);
		} else {
			r = ties_strmap__put(kinds, a, 1, &old);
		}
		ties_buf__release(&key);
		if (r < 0) {
			sqlite3_finalize(st);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}
