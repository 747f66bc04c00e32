/*
 * query.c — read-only questions to the store: find, list, stats and
 * the entity card. Each answer is a ties_table (or a card of tables) that
 * the shared writers print.
 *
 * "Used" countries: ties init seeds every ISO country; one of them counts
 * as data (in list and stats) only once something refers to it, so a fresh
 * database reports what the user put in, not 249 countries.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "util/card.h"
#include "ties_int.h"

/* True for an entity row `e` that is not a seeded, unreferenced country. */
#define USED_SQL(e)                                                            \
	"(" e ".seeded = 0"                                                    \
	" OR EXISTS (SELECT 1 FROM entity x WHERE x.country = " e ".rowid)"    \
	" OR EXISTS (SELECT 1 FROM participant x WHERE x.entity = " e          \
	".rowid)"                                                              \
	" OR EXISTS (SELECT 1 FROM relation x WHERE x.source = " e ".rowid)"   \
	" OR EXISTS (SELECT 1 FROM relation x WHERE x.target = " e ".rowid)"   \
	" OR EXISTS (SELECT 1 FROM event x WHERE x.place = " e ".rowid))"

/* Prepare `sql`, or set the handle's message. */
static int prepare(ties_db *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db->sql, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return ties_db__sqlerr(db);
	}
	return 0;
}

/* Run a statement into a new table with the given columns. */
static int query_table(ties_db *db, sqlite3_stmt *st, size_t ncols,
		       const char *const *names, ties_table **out)
{
	ties_table *t = ties_table__new(ncols, names);
	int rc;

	*out = NULL;
	if (!t)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	rc = ties_table__fill(t, st);
	if (rc == TIES_EDB)
		rc = ties_db__sqlerr(db);
	else if (rc < 0)
		rc = ties_db__seterr(db, rc, "out of memory");
	if (rc < 0) {
		ties_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* --------------------------------------------------------------- find --- */

static int find_pass(ties_db *db, ties_table *t, const char *sql,
		     const char *arg, const char *key, long limit,
		     sqlite3_int64 **seen, size_t *nseen)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if ((rc = prepare(db, sql, &st)) < 0)
		return rc;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 e = sqlite3_column_int64(st, 5);
		sqlite3_int64 *grown;

		if (limit > 0 && (long)ties_table_nrows(t) >= limit)
			break;
		for (i = 0; i < *nseen; i++)
			if ((*seen)[i] == e)
				break;
		if (i < *nseen)
			continue;
		grown = realloc(*seen, (*nseen + 1) * sizeof(**seen));
		if (!grown || ties_table__add_stmt_row(t, st) < 0) {
			if (grown)
				*seen = grown;
			sqlite3_finalize(st);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
		*seen = grown;
		(*seen)[(*nseen)++] = e;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

#define FIND_COLS                                                              \
	"SELECT e.id, e.kind, e.name, c.id, k.origin, e.rowid FROM name_key "  \
	"k JOIN entity e ON e.rowid = k.entity LEFT JOIN entity c ON "         \
	"c.rowid = e.country "

int ties_find(ties_db *db, ties_table **out, const char *text, long limit)
{
	static const char *const cols[] = {"id", "kind", "name", "country",
					   "matched"};
	ties_buf key = TIES_BUF_INIT, q = TIES_BUF_INIT;
	ties_table *t = NULL;
	sqlite3_int64 *seen = NULL;
	size_t nseen = 0;
	int rc;
	const char *p;

	assert(db && out && text);
	*out = NULL;
	if (ties_utf8__invalid(text, strlen(text)))
		return ties_db__seterr(db, TIES_EINVALID,
				       "invalid UTF-8 in '%s'", text);
	if ((rc = ties_fold__buf(&key, text)) < 0)
		return ties_db__seterr(db, rc, "cannot fold '%s'", text);
	if (key.len == 0) {
		ties_buf__release(&key);
		return ties_db__seterr(db, TIES_EINVALID, "nothing to find");
	}
	/* Every word, as a word or the start of one. */
	for (p = ties_buf__str(&key); *p;) {
		const char *w = p;

		while (*p && *p != ' ')
			p++;
		if (q.len)
			ties_buf__putc(&q, ' ');
		ties_buf__putc(&q, '"');
		for (; w < p; w++) {
			if (*w == '"')
				ties_buf__putc(&q, '"');
			ties_buf__putc(&q, *w);
		}
		ties_buf__puts(&q, "\"*");
		while (*p == ' ')
			p++;
	}
	if (!(t = ties_table__new(5, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	/* Word matches, exact keys first, shorter keys before longer. */
	rc = find_pass(db, t,
		       FIND_COLS "JOIN name_fts f ON f.rowid = k.rowid WHERE "
				 "name_fts MATCH ?1 ORDER BY k.key = ?2 DESC, "
				 "length(k.key), e.name, e.id",
		       ties_buf__str(&q), ties_buf__str(&key), limit, &seen,
		       &nseen);
	/* Nothing: any part of a name or alias. */
	if (rc == 0 && ties_table_nrows(t) == 0)
		rc = find_pass(db, t,
			       FIND_COLS "WHERE instr(k.key, ?2) > 0 AND ?1 = "
					 "?1 ORDER BY length(k.key), e.name, "
					 "e.id",
			       ties_buf__str(&q), ties_buf__str(&key), limit,
			       &seen, &nseen);
done:
	ties_buf__release(&key);
	ties_buf__release(&q);
	free(seen);
	if (rc < 0) {
		ties_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* --------------------------------------------------------------- list --- */

/* An entity kind that no entity has, and not one of the built-in kinds, is
 * a mistake: say which there are. */
static int known_kind(ties_db *db, const char *kind)
{
	sqlite3_stmt *st = NULL;
	ties_buf kinds = TIES_BUF_INIT;
	int rc, found = !strcmp(kind, "person") ||
			!strcmp(kind, "institution") ||
			!strcmp(kind, "country");

	if ((rc = prepare(db, "SELECT DISTINCT kind FROM entity ORDER BY kind",
			  &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);

		found |= !strcmp(k, kind);
		ties_buf__puts(&kinds, kinds.len ? ", " : "");
		ties_buf__puts(&kinds, k);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = ties_db__sqlerr(db);
	else if (!found)
		rc = ties_db__seterr(db, TIES_ENOTFOUND,
				     "unknown kind '%s' (the kinds in the "
				     "data: %s)",
				     kind, ties_buf__str(&kinds));
	else
		rc = 0;
	ties_buf__release(&kinds);
	return rc;
}

int ties_list(ties_db *db, ties_table **out, const ties_list_opts *opts)
{
	static const char *const cols[] = {"id", "kind", "name", "country"};
	sqlite3_stmt *st = NULL;
	sqlite3_int64 country = 0;
	ties_list_opts none = {NULL, NULL, 0};
	int rc, all;

	assert(db && out);
	*out = NULL;
	if (!opts)
		opts = &none;
	if (!ties_str__empty(opts->country) &&
	    (rc = ties_store__resolve_as(db, opts->country, "country",
					 "country", &country)) < 0)
		return rc;
	if (opts->kind && (rc = known_kind(db, opts->kind)) < 0)
		return rc;
	all = opts->all || (opts->kind && !strcmp(opts->kind, "country"));
	if ((rc = prepare(db,
			  "SELECT e.id, e.kind, e.name, c.id FROM entity e "
			  "LEFT JOIN entity c ON c.rowid = e.country "
			  "WHERE (?1 IS NULL OR e.kind = ?1) "
			  "AND (?2 IS NULL OR e.country = ?2) "
			  "AND (?3 OR " USED_SQL(
				  "e") ") "
				       "ORDER BY e.kind, e.name, e.id",
			  &st)) < 0)
		return rc;
	ties_db__bind_text(st, 1, opts->kind);
	if (country)
		sqlite3_bind_int64(st, 2, country);
	sqlite3_bind_int(st, 3, all);
	rc = query_table(db, st, 4, cols, out);
	sqlite3_finalize(st);
	return rc;
}

/* -------------------------------------------------------------- stats --- */

int ties_stats(ties_db *db, ties_table **out)
{
	static const char *const cols[] = {"what", "kind", "count", "directed"};
	sqlite3_stmt *st = NULL;
	int rc;

	assert(db && out);
	*out = NULL;
	if ((rc = prepare(
		     db,
		     "WITH c(o, kind, n) AS ("
		     " SELECT 1, kind, count(*) FROM entity e WHERE " USED_SQL(
			     "e") " GROUP BY kind"
				  " UNION ALL SELECT 2, kind, count(*) FROM "
				  "event "
				  "GROUP BY kind"
				  " UNION ALL SELECT 3, kind, count(*) FROM "
				  "relation "
				  "GROUP BY kind"
				  " UNION ALL SELECT 4, role, count(*) FROM "
				  "participant "
				  "GROUP BY role"
				  " UNION ALL SELECT 5, 'source', count(*) "
				  "FROM source),"
				  " s(o, what) AS (VALUES (1, 'entity'), (2, "
				  "'event'), "
				  "(3, 'relation'), (4, 'participant'), (5, "
				  "'source'))"
				  " SELECT what, kind, n, CASE WHEN o = 3 AND "
				  "t = 0 THEN CASE WHEN kind IN (SELECT kind "
				  "FROM relation_kind WHERE directed) THEN "
				  "'yes' ELSE 'no' END WHEN o = 4 AND t = 0 "
				  "THEN (SELECT group_concat(from_role || ' -> "
				  "' || to_role, '; ') FROM role_pair WHERE "
				  "from_role = kind OR to_role = kind) END "
				  "FROM ("
				  "  SELECT s.o, 0 AS t, s.what, c.kind, c.n "
				  "FROM c JOIN s "
				  "ON s.o = c.o WHERE c.o < 5"
				  "  UNION ALL SELECT s.o, 1, s.what, 'total', "
				  "(SELECT coalesce(sum(n), 0) FROM c WHERE "
				  "c.o = s.o) "
				  "FROM s)"
				  " ORDER BY o, t, kind",
		     &st)) < 0)
		return rc;
	rc = query_table(db, st, 4, cols, out);
	sqlite3_finalize(st);
	return rc;
}

int ties_kinds(ties_db *db, ties_table **out)
{
	static const char *const cols[] = {"what", "kind", "directed"};
	sqlite3_stmt *st = NULL;
	int rc;

	assert(db && out);
	*out = NULL;
	if ((rc = prepare(db,
			  "SELECT 'relation', kind, CASE WHEN directed THEN "
			  "'yes' ELSE 'no' END FROM relation_kind UNION ALL "
			  "SELECT 'roles', from_role || ' -> ' || to_role, "
			  "'yes' FROM role_pair ORDER BY 1, 2",
			  &st)) < 0)
		return rc;
	rc = query_table(db, st, 3, cols, out);
	sqlite3_finalize(st);
	return rc;
}

/* --------------------------------------------------------------- card --- */

void ties_card_free(ties_card *c)
{
	size_t i;

	if (!c)
		return;
	free(c->id);
	free(c->kind);
	free(c->name);
	free(c->country);
	free(c->country_name);
	ties_table_free(c->aliases);
	ties_table_free(c->attributes);
	for (i = 0; i < CARD_NSECTIONS; i++)
		ties_table_free(c->sections[i]);
	free(c);
}

const char *ties_card_field(const ties_card *c, const char *field)
{
	assert(c && field);
	if (!strcmp(field, "id"))
		return c->id;
	if (!strcmp(field, "kind"))
		return c->kind;
	if (!strcmp(field, "name"))
		return c->name;
	if (!strcmp(field, "country"))
		return c->country;
	if (!strcmp(field, "country_name"))
		return c->country_name;
	return NULL;
}

const ties_table *ties_card_section(const ties_card *c, const char *name)
{
	size_t i;

	assert(c && name);
	if (!strcmp(name, "aliases"))
		return c->aliases;
	if (!strcmp(name, "attributes"))
		return c->attributes;
	for (i = 0; i < CARD_NSECTIONS; i++)
		if (!strcmp(name, card_section_names[i]))
			return c->sections[i];
	return NULL;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? strdup(s) : NULL;
}

/* One section of the card: `sql` with ?1 bound to the entity. */
static int card_section(ties_db *db, sqlite3_int64 rowid, const char *sql,
			size_t ncols, const char *const *names,
			ties_table **out)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db, sql, &st)) < 0)
		return rc;
	sqlite3_bind_int64(st, 1, rowid);
	rc = query_table(db, st, ncols, names, out);
	sqlite3_finalize(st);
	return rc;
}

int ties_card_get(ties_db *db, ties_card **out, const char *ref)
{
	static const char *const alias_cols[] = {"alias"};
	static const char *const attr_cols[] = {"key", "value"};
	static const char *const rel_cols[] = {
		"direction",  "kind",  "role", "other",
		"other_name", "start", "end",  "source", "weight"};
	static const char *const ev_cols[] = {"date",  "kind",	"event",
					      "title", "role",	"with",
					      "place", "source", "weight"};
	static const char *const src_cols[] = {"id", "title", "publisher",
					       "date", "url"};
	sqlite3_int64 rowid;
	sqlite3_stmt *st = NULL;
	ties_card *c;
	int rc;

	assert(db && out && ref);
	*out = NULL;
	if ((rc = ties_store__resolve(db, ref, &rowid)) < 0)
		return rc;
	if (!(c = calloc(1, sizeof(*c))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if ((rc = prepare(db,
			  "SELECT e.id, e.kind, e.name, c.id, c.name FROM "
			  "entity e LEFT JOIN entity c ON c.rowid = e.country "
			  "WHERE e.rowid = ?1",
			  &st)) < 0)
		goto fail;
	sqlite3_bind_int64(st, 1, rowid);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = ties_db__sqlerr(db);
		goto fail;
	}
	c->id = col_dup(st, 0);
	c->kind = col_dup(st, 1);
	c->name = col_dup(st, 2);
	c->country = col_dup(st, 3);
	c->country_name = col_dup(st, 4);
	sqlite3_finalize(st);
	st = NULL;
	if (!c->id || !c->kind || !c->name) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto fail;
	}
	if ((rc = card_section(db, rowid,
			       "SELECT alias FROM alias WHERE entity = ?1 "
			       "ORDER BY alias",
			       1, alias_cols, &c->aliases)) < 0 ||
	    (rc = card_section(db, rowid,
			       "SELECT key, value FROM attribute WHERE owner = "
			       "'e' AND object = ?1 ORDER BY key",
			       2, attr_cols, &c->attributes)) < 0 ||
	    (rc = card_section(
		     db, rowid,
		     "SELECT CASE WHEN r.source = ?1 THEN 'out' ELSE 'in' END, "
		     "r.kind, r.role, o.id, o.name, r.start_date, r.end_date, "
		     "s.id, CASE WHEN r.weight <> 1 THEN " WEIGHT_TEXT("r.weight")
		     " END FROM relation r JOIN entity o ON o.rowid = CASE "
		     "WHEN r.source = ?1 THEN r.target ELSE r.source END "
		     "LEFT JOIN source s ON s.rowid = r.source_id "
		     "WHERE r.source = ?1 OR r.target = ?1 "
		     "ORDER BY r.source <> ?1, r.kind, r.start_date, o.name, "
		     "r.role",
		     9, rel_cols, &c->sections[CARD_RELATIONS])) < 0 ||
	    (rc = card_section(
		     db, rowid,
		     "SELECT v.date, v.kind, v.id, v.title, "
		     " (SELECT group_concat(role, ', ') FROM (SELECT role FROM "
		     "  participant WHERE event = v.rowid AND entity = ?1 "
		     "  ORDER BY role)), "
		     " (SELECT group_concat(who, '; ') FROM (SELECT e2.name || "
		     "  ' (' || group_concat(p2.role, ', ') || ')' AS who "
		     "  FROM (SELECT * FROM participant WHERE event = v.rowid "
		     "   AND entity <> ?1 ORDER BY role) p2 "
		     "  JOIN entity e2 ON e2.rowid = p2.entity "
		     "  GROUP BY p2.entity ORDER BY e2.name, e2.id)), "
		     " pl.name, s.id, "
		     " (SELECT group_concat(w, ', ') FROM (SELECT "
		     WEIGHT_TEXT("weight") " AS w FROM participant WHERE "
		     "  event = v.rowid AND entity = ?1 AND weight <> 1 "
		     "  ORDER BY role)) "
		     "FROM event v LEFT JOIN entity pl ON pl.rowid = v.place "
		     "LEFT JOIN source s ON s.rowid = v.source_id "
		     "WHERE v.rowid IN (SELECT event FROM participant WHERE "
		     "entity = ?1) ORDER BY v.date, v.id",
		     9, ev_cols, &c->sections[CARD_EVENTS])) < 0 ||
	    (rc = card_section(
		     db, rowid,
		     "SELECT id, title, publisher, date, url FROM source "
		     "WHERE rowid IN (SELECT source_id FROM relation WHERE "
		     "source = ?1 OR target = ?1 UNION SELECT v.source_id "
		     "FROM event v JOIN participant p ON p.event = v.rowid "
		     "WHERE p.entity = ?1) ORDER BY date, id",
		     5, src_cols, &c->sections[CARD_SOURCES])) < 0)
		goto fail;
	*out = c;
	return 0;
fail:
	sqlite3_finalize(st);
	ties_card_free(c);
	return rc;
}

/* --------------------------------------------------- extraction look-ups --- */

int ties_store__match_name(ties_db *db, const char *text, ties_match *out)
{
	ties_buf key = TIES_BUF_INIT;
	sqlite3_stmt *st;
	int rc, n = 0;

	memset(out, 0, sizeof(*out));
	if ((rc = ties_fold__buf(&key, text)) < 0)
		return rc;
	if (!(st = ties_db__stmt(db, ST_MATCH_NAME))) {
		ties_buf__release(&key);
		return TIES_EDB;
	}
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ties_buf__str(&key), -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ > 0)
			continue;
		out->id = col_dup(st, 0);
		out->kind = col_dup(st, 1);
		out->name = col_dup(st, 2);
		out->country = col_dup(st, 3);
		if (!out->id || !out->kind || !out->name) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	rc = rc == SQLITE_DONE ? n : ties_db__sqlerr(db);
done:
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	ties_buf__release(&key);
	if (rc != 1)
		ties_match__release(out);
	return rc;
}

void ties_match__release(ties_match *m)
{
	free(m->id);
	free(m->kind);
	free(m->name);
	free(m->country);
	memset(m, 0, sizeof(*m));
}

int ties_store__id_exists(ties_db *db, const char *id)
{
	sqlite3_stmt *st = ties_db__stmt(db, ST_ID_LOOKUP);
	int rc;

	if (!st)
		return TIES_EDB;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

int ties_store__has_others(ties_db *db)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db,
			  "SELECT 1 FROM entity WHERE kind <> 'country' "
			  "LIMIT 1",
			  &st)) < 0)
		return rc;
	rc = sqlite3_step(st);
	rc = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
	sqlite3_finalize(st);
	return rc;
}

int ties_store__country_names(ties_db *db, ties_name_fn fn, void *ctx)
{
	static const char sql[] =
		"SELECT id, name FROM entity WHERE kind = 'country' UNION ALL "
		"SELECT e.id, a.alias FROM alias a JOIN entity e ON e.rowid = "
		"a.entity WHERE e.kind = 'country'";
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = prepare(db, sql, &st)) < 0)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = fn(ctx, (const char *)sqlite3_column_text(st, 0),
			     (const char *)sqlite3_column_text(st, 1))) < 0)
			break;
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = ties_db__sqlerr(db);
	sqlite3_finalize(st);
	return rc;
}

int ties_store__generation(ties_db *db, sqlite3_int64 *gen)
{
	sqlite3_stmt *st = NULL;
	int rc;

	*gen = 0;
	if ((rc = prepare(db, "SELECT CAST(value AS INTEGER) FROM meta WHERE "
			      "key = 'generation'",
			  &st)) < 0)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*gen = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
	sqlite3_finalize(st);
	return rc;
}

const char *ties_store__filename(ties_db *db)
{
	const char *f = sqlite3_db_filename(db->sql, "main");

	return f && *f ? f : NULL;
}
