/*
 * dump.c — the store as the five CSV tables that `ties import`
 * reads: one ties_table per table, attributes pivoted into extra columns,
 * aliases joined by '|'. Seeded countries nobody changed are left out:
 * `ties init` makes them again.
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

/* The distinct attribute keys of one owner kind, sorted. */
static int attr_keys(ties_db *db, char owner, ties_buf *keys, size_t *n)
{
	sqlite3_stmt *st = NULL;
	char o[2] = {owner, 0};
	int rc;

	*n = 0;
	if ((rc = prepare(db,
			  "SELECT DISTINCT key FROM attribute WHERE owner = ?1 "
			  "ORDER BY key",
			  &st)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, o, 1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);

		ties_buf__add(keys, k, strlen(k) + 1);
		(*n)++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

/* The known columns of each table and the query that fills them; the
 * last selected column is the owner rowid for the attributes. */
static const struct dump {
	enum ties_table_kind kind;
	char owner;
	const char *cols;
	const char *sql;
} dumps[] = {
	{TIES_TABLE_SOURCES, 's', "id,title,url,publisher,date",
	 "SELECT id, title, url, publisher, date, rowid FROM source ORDER BY "
	 "rowid"},
	{TIES_TABLE_ENTITIES, 'e', "id,kind,name,country,aliases",
	 "SELECT e.id, e.kind, e.name, c.id, (SELECT group_concat(alias, '|') "
	 "FROM (SELECT alias FROM alias WHERE entity = e.rowid ORDER BY "
	 "alias)), e.rowid FROM entity e LEFT JOIN entity c ON c.rowid = "
	 "e.country WHERE e.seeded = 0 ORDER BY e.rowid"},
	{TIES_TABLE_EVENTS, 'v', "id,kind,date,title,place,source_id",
	 "SELECT v.id, v.kind, v.date, v.title, p.id, s.id, v.rowid FROM "
	 "event v LEFT JOIN entity p ON p.rowid = v.place LEFT JOIN source s "
	 "ON s.rowid = v.source_id ORDER BY v.rowid"},
	{TIES_TABLE_RELATIONS, 'r',
	 "source,target,kind,role,start,end,source_id,weight",
	 "SELECT a.id, b.id, r.kind, r.role, r.start_date, r.end_date, s.id, "
	 WEIGHT_TEXT("r.weight") ", r.rowid FROM relation r JOIN entity a ON a.rowid = r.source JOIN "
	 "entity b ON b.rowid = r.target LEFT JOIN source s ON s.rowid = "
	 "r.source_id ORDER BY r.rowid"},
	{TIES_TABLE_PARTICIPANTS, 0, "event,entity,role,weight",
	 "SELECT v.id, e.id, p.role, " WEIGHT_TEXT("p.weight") ", 0 FROM participant p JOIN event v ON "
	 "v.rowid = p.event JOIN entity e ON e.rowid = p.entity ORDER BY "
	 "v.rowid, e.rowid, p.role"},
};

int ties_store__dump(ties_db *db, enum ties_table_kind kind,
		     ties_table **out)
{
	const struct dump *d = NULL;
	const char *names[64];
	char colbuf[128], *p;
	ties_buf keys = TIES_BUF_INIT;
	sqlite3_stmt *st = NULL, *at = NULL;
	size_t nknown = 0, nkeys = 0, i;
	ties_table *t = NULL;
	int rc;

	*out = NULL;
	for (i = 0; i < sizeof(dumps) / sizeof(dumps[0]); i++)
		if (dumps[i].kind == kind)
			d = &dumps[i];
	assert(d);
	snprintf(colbuf, sizeof(colbuf), "%s", d->cols);
	for (p = colbuf; p; nknown++) {
		names[nknown] = p;
		if ((p = strchr(p, ',')))
			*p++ = '\0';
	}
	if (d->owner && (rc = attr_keys(db, d->owner, &keys, &nkeys)) < 0)
		goto done;
	if (nknown + nkeys > 64) {
		rc = ties_db__seterr(db, TIES_EINVALID,
				     "more than %d attribute names",
				     (int)(64 - nknown));
		goto done;
	}
	for (i = 0, p = keys.ptr; i < nkeys; i++, p += strlen(p) + 1)
		names[nknown + i] = p;
	if (!(t = ties_table__new(nknown + nkeys, names))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = prepare(db, d->sql, &st)) < 0 ||
	    (d->owner &&
	     (rc = prepare(db,
			   "SELECT key, value FROM attribute WHERE owner = ?1 "
			   "AND object = ?2",
			   &at)) < 0))
		goto done;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (ties_table__add_row(t) < 0)
			goto oom;
		for (i = 0; i < nknown; i++)
			if (ties_table__set_text(
				    t, i,
				    (const char *)sqlite3_column_text(
					    st, (int)i)) < 0)
				goto oom;
		if (!d->owner)
			continue;
		{
			char o[2] = {d->owner, 0};

			sqlite3_reset(at);
			sqlite3_bind_text(at, 1, o, 1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(at, 2,
					   sqlite3_column_int64(st, (int)nknown));
		}
		while (sqlite3_step(at) == SQLITE_ROW) {
			const char *k = (const char *)sqlite3_column_text(at, 0);
			size_t c;

			for (c = 0; c < nkeys; c++)
				if (!strcmp(names[nknown + c], k) &&
				    ties_table__set_text(
					    t, nknown + c,
					    (const char *)sqlite3_column_text(
						    at, 1)) < 0)
					goto oom;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = ties_db__sqlerr(db);
		goto done;
	}
	*out = t;
	t = NULL;
	rc = 0;
	goto done;
oom:
	rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
done:
	sqlite3_finalize(st);
	sqlite3_finalize(at);
	ties_table_free(t);
	ties_buf__release(&keys);
	return rc;
}
