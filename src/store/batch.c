/*
 * batch.c — the rows of a bulk import written a batch at a time: one
 * statement of 64 rows shares SQLite's work of a statement among them
 * (participations 2.9 s -> 1.7 s at 1.9 million). Name keys, events into
 * an empty table (their rowids given) and participations wait in the
 * handle; ties_store__flush() writes what waits, before anything reads it.
 * A row's checks are done before it waits: writing it can fail only as
 * the database can (a full disk).
 */
#include <string.h>

#include "store_int.h"

/* The text at offset `off` (+ 1) of `b`, NULL for none. */
static const char *text_at(const ties_buf *b, size_t off)
{
	return off ? b->ptr + off - 1 : NULL;
}

/* Keep s in b: its offset + 1, or 0 when empty. */
static size_t keep(ties_buf *b, const char *s)
{
	size_t off = b->len + 1;

	if (ties_str__empty(s))
		return 0;
	ties_buf__add(b, s, strlen(s) + 1);
	return off;
}

static int step(ties_db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : ties_db__sqlerr(db);
}

/*
 * Write the n rows waiting, `cols` values each, bound by bind(db, st, i,
 * k) from parameter k + 1: in one statement `whole` (BATCH rows) when the
 * batch is full, else one row at a time with `one`.
 */
static int write_rows(ties_db *db, size_t n, size_t full, int cols,
		      enum ties_stmt whole, enum ties_stmt one,
		      void (*bind)(ties_db *, sqlite3_stmt *, size_t, int))
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc = 0;

	if (n == full) {
		if (!(st = ties_db__stmt(db, whole)))
			return TIES_EDB;
		for (i = 0; i < n; i++)
			bind(db, st, i, (int)i * cols);
		return step(db, st);
	}
	for (i = 0; i < n && rc == 0; i++) {
		if (!(st = ties_db__stmt(db, one)))
			return TIES_EDB;
		bind(db, st, i, 0);
		rc = step(db, st);
	}
	return rc;
}

/* write_rows() for the *n rows waiting, whose texts are in `text` (or
 * none); the batch is empty after. */
static int flush(ties_db *db, size_t *n, ties_buf *text, size_t full,
		 int cols, enum ties_stmt whole, enum ties_stmt one,
		 void (*bind)(ties_db *, sqlite3_stmt *, size_t, int))
{
	size_t rows = *n;
	int rc;

	*n = 0;
	if (text && text->oom)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	else
		rc = write_rows(db, rows, full, cols, whole, one, bind);
	if (text)
		ties_buf__clear(text);
	return rc;
}

/* Name keys. */
static void bind_key(ties_db *db, sqlite3_stmt *st, size_t i, int k)
{
	const struct ties_key_row *r = &db->kbatch[i];

	sqlite3_bind_int64(st, k + 1, r->rowid);
	sqlite3_bind_text(st, k + 2, text_at(&db->kbatch_text, r->key), -1,
			  SQLITE_STATIC);
	sqlite3_bind_int64(st, k + 3, r->entity);
	sqlite3_bind_text(st, k + 4, text_at(&db->kbatch_text, r->origin), -1,
			  SQLITE_STATIC);
}

static int key_flush(ties_db *db)
{
	return flush(db, &db->nkbatch, &db->kbatch_text, KEY_BATCH, 4,
		     ST_KEY_BATCH, ST_KEY_INSERT_ROWID, bind_key);
}

int ties_st__batch_key(ties_db *db, const char *key, sqlite3_int64 entity,
		       const char *origin)
{
	struct ties_key_row *r = &db->kbatch[db->nkbatch];

	r->rowid = ++db->key_next;
	r->key = keep(&db->kbatch_text, key);
	r->entity = entity;
	r->origin = keep(&db->kbatch_text, origin);
	if (++db->nkbatch == KEY_BATCH)
		return key_flush(db);
	return 0;
}

/* Events. */
static void bind_event(ties_db *db, sqlite3_stmt *st, size_t i, int k)
{
	const struct ties_event_row *e = &db->ebatch[i];
	const ties_buf *t = &db->ebatch_text;

	sqlite3_bind_int64(st, k + 1, e->rowid);
	sqlite3_bind_text(st, k + 2, text_at(t, e->id), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, k + 3, text_at(t, e->kind), -1, SQLITE_STATIC);
	ties_db__bind_text(st, k + 4, text_at(t, e->date));
	ties_db__bind_text(st, k + 5, text_at(t, e->title));
	if (e->place)
		sqlite3_bind_int64(st, k + 6, e->place);
	if (e->source_id)
		sqlite3_bind_int64(st, k + 7, e->source_id);
}

static int event_flush(ties_db *db)
{
	return flush(db, &db->nebatch, &db->ebatch_text, EVENT_BATCH, 7,
		     ST_EVENT_BATCH, ST_EVENT_INSERT_ROWID, bind_event);
}

int ties_st__batch_event(ties_db *db, sqlite3_int64 rowid, const char *id,
			 const char *kind, const char *date, const char *title,
			 sqlite3_int64 place, sqlite3_int64 source_id)
{
	struct ties_event_row *e = &db->ebatch[db->nebatch];

	e->rowid = rowid;
	e->id = keep(&db->ebatch_text, id);
	e->kind = keep(&db->ebatch_text, kind);
	e->date = keep(&db->ebatch_text, date);
	e->title = keep(&db->ebatch_text, title);
	e->place = place;
	e->source_id = source_id;
	if (++db->nebatch == EVENT_BATCH)
		return event_flush(db);
	return 0;
}

/* Participations; their roles are few, kept once each in db->roles. */
static void bind_participant(ties_db *db, sqlite3_stmt *st, size_t i, int k)
{
	const struct ties_part_row *r = &db->pbatch[i];

	sqlite3_bind_int64(st, k + 1, r->event);
	sqlite3_bind_int64(st, k + 2, r->entity);
	sqlite3_bind_text(st, k + 3, r->role, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, k + 4, r->weight);
}

static int participant_flush(ties_db *db)
{
	return flush(db, &db->npbatch, NULL, PARTICIPANT_BATCH, 4,
		     ST_PARTICIPANT_BATCH, ST_PARTICIPANT_INSERT,
		     bind_participant);
}

int ties_st__batch_participant(ties_db *db, sqlite3_int64 event,
			       sqlite3_int64 entity, const char *role,
			       double weight)
{
	struct ties_part_row *r = &db->pbatch[db->npbatch];

	if (ties_strmap__intern(&db->roles, role, &r->role) < 0)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	r->event = event;
	r->entity = entity;
	r->weight = weight;
	if (++db->npbatch == PARTICIPANT_BATCH)
		return participant_flush(db);
	return 0;
}

int ties_store__flush(ties_db *db)
{
	int rc;

	if ((rc = key_flush(db)) < 0 || (rc = event_flush(db)) < 0)
		return rc;
	return participant_flush(db);
}

void ties_st__batch_drop(ties_db *db)
{
	db->nkbatch = db->nebatch = db->npbatch = 0;
	ties_buf__release(&db->kbatch_text);
	ties_buf__release(&db->ebatch_text);
	ties_strmap__release(&db->roles);
}
