/*
 * resolve.c — reference resolution: an id, then the folded name or alias,
 * then every word of it; ambiguous references listed, missing ones with the
 * nearest names.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Describe entity `rowid` as 'id' (kind, Name) into b. */
void ties_st__describe(ties_db *db, sqlite3_int64 rowid, ties_buf *b)
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
		ties_st__describe(db, ids[i], &b);
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
			/* The start of a word ("alg" of "algeria") is near. */
			if (strlen(ref) >= 3 && !strncmp(word, ref, strlen(ref)))
				d = 1;
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
		ties_st__describe(db, best[j].entity, &b);
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

/* The rowid of the source or event `ref` names: its id (statement by_id),
 * else the one row of statement by_text; `noun` and `verb` make the
 * messages ("no source 'x'", "'x' names 2 sources; use the source id"). */
static int resolve_by(ties_db *db, const char *ref, enum ties_stmt by_id,
		      enum ties_stmt by_text, const char *noun,
		      const char *verb, sqlite3_int64 *rowid)
{
	sqlite3_stmt *st = ties_db__stmt(db, by_id);
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
	if (!(st = ties_db__stmt(db, by_text)))
		return TIES_EDB;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n++ == 0)
			*rowid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return ties_db__sqlerr(db);
	if (n == 0)
		return ties_db__seterr(db, TIES_ENOTFOUND, "no %s '%s'", noun,
				       ref);
	if (n > 1) {
		*rowid = 0;
		return ties_db__seterr(db, TIES_EAMBIGUOUS,
				       "'%s' %s %d %ss; use the %s id", ref,
				       verb, n, noun, noun);
	}
	return 0;
}

int ties_store__resolve_source(ties_db *db, const char *ref,
			       sqlite3_int64 *rowid)
{
	return resolve_by(db, ref, ST_SOURCE_LOOKUP, ST_SOURCE_BY_TEXT,
			  "source", "names", rowid);
}

int ties_store__resolve_event(ties_db *db, const char *ref,
			      sqlite3_int64 *rowid)
{
	return resolve_by(db, ref, ST_EVENT_LOOKUP, ST_EVENT_BY_TITLE, "event",
			  "is the title of", rowid);
}
