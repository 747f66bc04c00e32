/*
 * ties_int.h — what the modules of libties share and users never see.
 * Never installed. Functions here are ties_<module>__<verb>.
 */
#ifndef TIES_INT_H
#define TIES_INT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "ties.h"

#if defined(__GNUC__)
#define TIES_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TIES_PRINTF(f, a)
#endif

/* Grow array *vp (of *cap elements of size sz) to hold n + 1; -1 when
 * memory runs out. */
int ties__grow(void *vp, size_t *cap, size_t n, size_t sz);

/* A growable byte buffer; always NUL-terminated once anything was added. */
typedef struct ties_buf {
	char *ptr;
	size_t len, cap;
	int oom; /* an allocation failed: the contents are incomplete */
} ties_buf;

#define TIES_BUF_INIT                                                          \
	{                                                                      \
		NULL, 0, 0, 0                                                  \
	}

void ties_buf__add(ties_buf *b, const char *s, size_t n);
void ties_buf__puts(ties_buf *b, const char *s);
void ties_buf__putc(ties_buf *b, char c);
void ties_buf__printf(ties_buf *b, const char *fmt, ...) TIES_PRINTF(2, 3);
void ties_buf__vprintf(ties_buf *b, const char *fmt, va_list ap)
	TIES_PRINTF(2, 0);
void ties_buf__clear(ties_buf *b);
void ties_buf__release(ties_buf *b);
/* The contents ("" when empty); borrowed. */
const char *ties_buf__str(const ties_buf *b);
/* Hand the contents over (malloc'ed, caller frees); the buffer is emptied. */
char *ties_buf__detach(ties_buf *b);

/* A set of strings with a number each (open addressing, FNV-1a). */
typedef struct ties_strmap {
	char **keys;
	long *vals;
	size_t n, cap;
} ties_strmap;

/* Find `key`: returns 1 and sets *val when present; else adds it with
 * `val` and returns 0; TIES_ENOMEM on failure. */
int ties_strmap__put(ties_strmap *m, const char *key, long val, long *old);
/* Look `key` up: 1 and *val when present, else 0. */
int ties_strmap__get(const ties_strmap *m, const char *key, long *val);
/* Put `key` (value 0 when new) and point *out at the map's own copy of
 * it, which lives as long as the map: 1 when it was there, 0 when added,
 * TIES_ENOMEM. */
int ties_strmap__intern(ties_strmap *m, const char *key, const char **out);
void ties_strmap__release(ties_strmap *m);

/* Ids with a rowid each (an import's own rows), the keys in one block with
 * their hashes (idmap.c). */
typedef struct ties_idmap {
	struct ties_idslot *slot;
	size_t n, cap;
	char *keys;
	size_t klen, kcap;
} ties_idmap;

/* Set `key` to `val`: 1 when it was there (now updated), 0 when added,
 * TIES_ENOMEM. */
int ties_idmap__put(ties_idmap *m, const char *key, int64_t val);
/* Look `key` up: 1 and *val when present, else 0. */
int ties_idmap__get(const ties_idmap *m, const char *key, int64_t *val);
void ties_idmap__release(ties_idmap *m);

/* Statements kept prepared for the life of the handle. */
enum ties_stmt {
	ST_KEY_LOOKUP,
	ST_ID_LOOKUP,
	ST_MATCH_NAME,
	ST_COUNTRY_BY_ID,
	ST_ENTITY_BY_ROWID,
	ST_ENTITY_UPSERT,
	ST_ENTITY_INSERT,
	ST_ENTITY_SET_COUNTRY,
	ST_KEYS_DELETE,
	ST_KEY_INSERT,
	ST_KEY_BATCH,
	ST_KEY_INSERT_ROWID,
	ST_FTS_INSERT,
	ST_ALIASES_DELETE,
	ST_ALIAS_INSERT,
	ST_ALIASES_OF,
	ST_ATTR_SET,
	ST_ATTR_DELETE,
	ST_ATTRS_DELETE,
	ST_SOURCE_UPSERT,
	ST_SOURCE_LOOKUP,
	ST_SOURCE_BY_TEXT,
	ST_EVENT_UPSERT,
	ST_EVENT_INSERT_ROWID,
	ST_EVENT_BATCH,
	ST_EVENT_LOOKUP,
	ST_EVENT_BY_TITLE,
	ST_RELATION_FIND,
	ST_RELATION_INSERT,
	ST_RELATION_UPDATE,
	ST_PART_OF_CYCLE,
	ST_PARTICIPANT_INSERT,
	ST_PARTICIPANT_BATCH,
	ST_COUNT
};

/* A participation waiting for its batch (ties_store__participant_put). */
#define PARTICIPANT_BATCH 64
struct ties_part_row {
	sqlite3_int64 event, entity;
	const char *role;
	double weight;
};

/* A name key waiting for its batch: offsets (+ 1) of its texts in
 * ties_db.kbatch_text. */
#define KEY_BATCH 64
struct ties_key_row {
	sqlite3_int64 rowid, entity;
	size_t key, origin;
};

/* An event waiting for its batch: offsets (+ 1; 0 = none) of its texts in
 * ties_db.ebatch_text. */
#define EVENT_BATCH 64
struct ties_event_row {
	sqlite3_int64 rowid, place, source_id;
	size_t id, kind, date, title;
};

struct ties_db {
	sqlite3 *sql;
	ties_buf err;
	ties_buf scratch; /* returned strings valid until the next call */
	sqlite3_stmt *stmt[ST_COUNT];
	int txn_depth;
	int triggers_off; /* this transaction dropped schema 2's triggers */
	sqlite3_int64 changes_at_begin; /* total changes at the outer BEGIN */
	/* Bulk import (ties_store__bulk_begin): rows with rowids above these
	 * were made by this import and have no aliases, keys or attributes to
	 * clear; outside one they are INT64_MAX. */
	sqlite3_int64 fresh_entity, fresh_event;
	int bulk;		/* name keys wait for ties_store__bulk_index */
	int journal_light;	/* a rollback journal for now, not the WAL */
	sqlite3_int64 fts_from; /* first name_key rowid of the import */
	ties_buf deferred;	/* CREATE INDEX statements to run at the end */
	ties_buf deferred_keys; /* … and once the entities are in */
	/* Participations of a bulk import, written a batch at a time. */
	int bulk_batch;
	struct ties_part_row pbatch[PARTICIPANT_BATCH];
	size_t npbatch;
	ties_strmap roles; /* the roles the batches point at */
	/* Name keys, and events into an empty table, the same way. */
	struct ties_key_row kbatch[KEY_BATCH];
	size_t nkbatch;
	ties_buf kbatch_text;
	struct ties_event_row ebatch[EVENT_BATCH];
	size_t nebatch;
	ties_buf ebatch_text;
	sqlite3_int64 event_next; /* the rowid of the last one */
	/* The rowid of the import's last name key: above the keys there were
	 * before, though keys it removes may have been the highest, so that
	 * the word index of its keys (from fts_from on) has them all. */
	sqlite3_int64 key_next;
	ties_progress_cb progress;
	void *progress_payload;
	ties_buf notice; /* what the program should tell, once (ties_notice) */
};

/* Remove the files named PATH INFIX PID[.…] beside `path` whose PID is
 * not a running process: the temporary files of writers that died. */
void ties_file__sweep(const char *path, const char *infix);
/* The whole file at path, NUL-terminated, in *out (free it), its length in
 * *len; -1 with errno on failure. */
int ties_file__read(const char *path, char **out, size_t *len);

/* Keep a notice for the user (a damaged cache ignored, …), once per text. */
void ties_db__notice(ties_db *db, const char *fmt, ...) TIES_PRINTF(2, 3);

/* Set the handle's message and return `code`. */
int ties_db__seterr(ties_db *db, int code, const char *fmt, ...)
	TIES_PRINTF(3, 4);
/* Put "prefix" before the current message (for file:line). */
void ties_db__prefix_err(ties_db *db, const char *fmt, ...) TIES_PRINTF(2, 3);
/* Report the SQLite error of the handle and return TIES_EDB. */
int ties_db__sqlerr(ties_db *db);
void ties_db__clearerr(ties_db *db);

/* The prepared statement `which`, reset and with bindings cleared. */
sqlite3_stmt *ties_db__stmt(ties_db *db, enum ties_stmt which);

/* Nested transactions: only the outermost BEGIN IMMEDIATE/COMMIT is real. */
int ties_db__begin(ties_db *db);
int ties_db__commit(ties_db *db);
void ties_db__rollback(ties_db *db);
/* Run SQL with no result rows. */
int ties_db__exec(ties_db *db, const char *sql);

/* Bind text, or NULL when s is NULL or empty. */
int ties_db__bind_text(sqlite3_stmt *st, int i, const char *s);

/* Strings. */
int ties_str__empty(const char *s);
/* Check UTF-8 validity of n bytes; returns 0 or the offset + 1 of the first
 * bad byte. */
size_t ties_utf8__invalid(const char *s, size_t n);
/* Fold into a buffer (appends); returns 0, TIES_EINVALID, TIES_ENOMEM. */
int ties_fold__buf(ties_buf *out, const char *s);

/* Resolution internals: the rowid of the entity `ref` names. */
int ties_store__resolve(ties_db *db, const char *ref, sqlite3_int64 *rowid);
/* The same, with `noun` in the message ("unknown country 'XX'") and, when
 * `kind` is not NULL, an error unless the entity is of that kind. */
int ties_store__resolve_as(ties_db *db, const char *ref, const char *noun,
			   const char *kind, sqlite3_int64 *rowid);
/* The rowid of the source `ref` names (id, title or url). */
int ties_store__resolve_source(ties_db *db, const char *ref,
			       sqlite3_int64 *rowid);
/* The rowid of the event `ref` names (id, then title). */
int ties_store__resolve_event(ties_db *db, const char *ref,
			      sqlite3_int64 *rowid);

/*
 * Bulk import, inside the caller's transaction: _begin notes which rows
 * are new and defers the word index of new names; _index builds it (call
 * it before anything resolves references by words); _end leaves bulk mode
 * (also on the error path, with ok = 0, before the rollback).
 */
int ties_store__bulk_begin(ties_db *db);
int ties_store__bulk_index(ties_db *db);
/* With ok, rebuilds the indexes deferred while the import loaded. */
int ties_store__bulk_end(ties_db *db, int ok);
/* An empty database takes a big import under a rollback journal (no
 * second write of each page); _restore goes back to the WAL. Both outside
 * a transaction. */
int ties_store__journal_light(ties_db *db);
void ties_store__journal_restore(ties_db *db);

/* Store writes without a transaction of their own (the caller holds one);
 * references already resolved to rowids (0 = none). */
typedef struct ties_entity_row {
	const char *id, *kind, *name;
	sqlite3_int64 country;
	const char *const *aliases;
	size_t naliases;
	const ties_attr *attrs;
	size_t nattrs;
	int replace_aliases; /* the aliases given are all of them */
	int replace_attrs;   /* the attributes given are all of them */
	int set_country;     /* write `country` (0 keeps the stored one) */
} ties_entity_row;

int ties_store__entity_put(ties_db *db, const ties_entity_row *row,
			   sqlite3_int64 *rowid);
int ties_store__entity_set_country(ties_db *db, sqlite3_int64 rowid,
				   sqlite3_int64 country);
/* weight 0 stands for 1 (the default); else it must be finite and above
 * 0. */
int ties_store__relation_put(ties_db *db, sqlite3_int64 source,
			     sqlite3_int64 target, const char *kind,
			     const char *role, const char *start,
			     const char *end, sqlite3_int64 source_id,
			     double weight, const ties_attr *attrs,
			     size_t nattrs, sqlite3_int64 *rowid);
int ties_store__event_put(ties_db *db, const char *id, const char *kind,
			  const char *date, const char *title,
			  sqlite3_int64 place, sqlite3_int64 source_id,
			  const ties_attr *attrs, size_t nattrs,
			  sqlite3_int64 *rowid);
int ties_store__participant_put(ties_db *db, sqlite3_int64 event,
				sqlite3_int64 entity, const char *role,
				double weight);
/* Write the events and participations waiting for their batch (bulk
 * import): before anything reads them. */
int ties_store__flush(ties_db *db);
int ties_store__source_put(ties_db *db, const ties_source_spec *spec,
			   sqlite3_int64 *rowid);

/* Attribute owners. */
enum ties_owner {
	OWNER_ENTITY = 'e',
	OWNER_RELATION = 'r',
	OWNER_EVENT = 'v',
	OWNER_SOURCE = 's'
};
int ties_store__attrs_put(ties_db *db, int owner, sqlite3_int64 rowid,
			  const ties_attr *attrs, size_t nattrs, int replace);

/* Validation shared by the store and the importers; each sets a message
 * without a location and returns TIES_EINVALID. */
int ties_check__id(ties_db *db, const char *what, const char *id);
int ties_check__kind(ties_db *db, const char *what, const char *kind);
int ties_check__date(ties_db *db, const char *what, const char *date);
int ties_check__text(ties_db *db, const char *what, const char *s);
/* A weight as text in SQL: "1", "2.5" (an integer without ".0"). */
#define WEIGHT_TEXT(w)                                                         \
	"(CASE WHEN " w " = CAST(" w " AS INTEGER) THEN CAST(CAST(" w          \
	" AS INTEGER) AS TEXT) ELSE CAST(" w " AS TEXT) END)"

/* A weight as text: empty is 1; else a finite number above 0. */
int ties_check__weight(ties_db *db, const char *text, double *out);

/* Streams of rows for the tie graph (store/scan.c). A callback returns 0
 * to go on, anything else to stop with that code. */
typedef int (*ties_entity_fn)(void *ctx, sqlite3_int64 rowid, const char *id,
			      const char *name, const char *kind,
			      sqlite3_int64 country, const char *country_id,
			      const char *country_name, int used);
typedef int (*ties_event_fn)(void *ctx, sqlite3_int64 rowid, const char *id,
			     const char *title, const char *kind,
			     const char *date);
typedef int (*ties_pair_fn)(void *ctx, sqlite3_int64 event,
			    sqlite3_int64 entity);
typedef int (*ties_relation_fn)(void *ctx, sqlite3_int64 source,
				sqlite3_int64 target, const char *kind,
				const char *start, const char *end,
				double weight);
int ties_store__max_rowids(ties_db *db, sqlite3_int64 *entity,
			   sqlite3_int64 *event);
/* Entities in rowid order; `used` is 0 for a seeded country nothing
 * refers to. */
int ties_store__scan_entities(ties_db *db, ties_entity_fn fn, void *ctx);
/* The entities of rowid[0..n), in that order, as scan_entities gives them
 * (used = 1); a rowid that is not there is an error. */
int ties_store__entities_at(ties_db *db, const sqlite3_int64 *rowid,
			    size_t n, ties_entity_fn fn, void *ctx);
int ties_store__scan_events(ties_db *db, ties_event_fn fn, void *ctx);
/* The events of rowid[0..n), in that order; a rowid that is not there is
 * an error. */
int ties_store__events_at(ties_db *db, const sqlite3_int64 *rowid, size_t n,
			  ties_event_fn fn, void *ctx);
/* Participations grouped by event (event order), each entity once per
 * role. */
int ties_store__scan_participants(ties_db *db, ties_pair_fn fn, void *ctx);
/* The directed relation kinds into `kinds`, the directed role pairs as
 * "from\x1fto" into `pairs` (store/kinds.c). */
int ties_store__directed(ties_db *db, ties_strmap *kinds,
			 ties_strmap *pairs);
/* The same with each participation's role. */
typedef int (*ties_role_fn)(void *ctx, sqlite3_int64 event,
			    sqlite3_int64 entity, const char *role,
			    double weight);
int ties_store__scan_roles(ties_db *db, ties_role_fn fn, void *ctx);
int ties_store__scan_relations(ties_db *db, ties_relation_fn fn, void *ctx);

/* One piece of evidence: an event or a relation (store/evidence.c). For an
 * event, a_role and b_role are the roles of the two sides; for a relation
 * `forward` says it points from a to b. Strings are borrowed for the call. */
typedef struct ties_evidence {
	const char *type; /* "event" or "relation" */
	const char *id, *kind, *date, *end, *title, *place, *role;
	const char *a_role, *b_role;
	const char *source_id, *source_title, *publisher, *source_date, *url;
	int forward;
} ties_evidence;
typedef int (*ties_evidence_fn)(void *ctx, const ties_evidence *ev);
/* The events both entities took part in and the relations between them. */
int ties_store__pair_evidence(ties_db *db, sqlite3_int64 a, sqlite3_int64 b,
			      ties_evidence_fn fn, void *ctx);
/* The relations between a and b alone. */
int ties_store__pair_relations(ties_db *db, sqlite3_int64 a, sqlite3_int64 b,
			       ties_evidence_fn fn, void *ctx);
/* The events of the entities rows[0..n-1]: fn(ctx, i, event, kind, date)
 * for each participation of rows[i] (once a role), in the order of the
 * events' dates, then ids; the rows of one event come together. */
typedef int (*ties_set_event_fn)(void *ctx, size_t i, sqlite3_int64 event,
				 const char *kind, const char *date);
int ties_store__set_events(ties_db *db, const sqlite3_int64 *rows, size_t n,
			   ties_set_event_fn fn, void *ctx);
/* The participations of the entities rows[0..n-1]: fn(ctx, event, i) once
 * for each event rows[i] took part in (whatever its roles), grouped by
 * event in event order, and within an event in entity order. */
int ties_store__set_participations(ties_db *db, const sqlite3_int64 *rows,
				   size_t n, ties_pair_fn fn, void *ctx);
/* Events and relations between the entities that stand for x and for y
 * (a country: itself and its entities; else itself, its units and their
 * members). For events a_role/b_role list each side's participants with
 * their roles; for relations the two ends' names, x's first. */
int ties_store__between(ties_db *db, sqlite3_int64 x, sqlite3_int64 y,
			ties_evidence_fn fn, void *ctx);
/* Events of the entities that stand for x. */
int ties_store__entity_events(ties_db *db, sqlite3_int64 x,
			      ties_evidence_fn fn, void *ctx);

/* Importers of one file each, inside the caller's transaction or their
 * own (import_*.c); stats are added to. */
int ties_import__json(ties_db *db, const char *path, ties_import_stats *stats);
int ties_import__dot(ties_db *db, const char *path, ties_import_stats *stats);
int ties_import__graphml(ties_db *db, const char *path,
			 ties_import_stats *stats);
/* Whether `kind` makes a DOT or GraphML node an event. */
int ties_import__is_event_kind(const char *kind);

/* Extraction look-ups (store/query.c). An exact match of `text` as an id,
 * or folded, as a name or alias: returns the number of entities (0, 1, or
 * more), filling `out` (to release) when one. */
typedef struct ties_match {
	char *id, *kind, *name, *country;
} ties_match;
int ties_store__match_name(ties_db *db, const char *text, ties_match *out);
void ties_match__release(ties_match *m);
/* 1 when an entity has this id, 0 when not. */
int ties_store__id_exists(ties_db *db, const char *id);
/* 1 when the database holds an entity that is not a country, else 0. */
int ties_store__has_others(ties_db *db);
/* The generation of the data: it moves on with every transaction that
 * writes (0 for a database never written through libties). */
int ties_store__generation(ties_db *db, sqlite3_int64 *gen);
/* The file of the main database, or NULL for one in memory. */
const char *ties_store__filename(ties_db *db);
/* Every name and alias of every country, with its id. */
typedef int (*ties_name_fn)(void *ctx, const char *id, const char *name);
int ties_store__country_names(ties_db *db, ties_name_fn fn, void *ctx);

/* The whole of one table, as the CSV importer reads it (store/dump.c). */
int ties_store__dump(ties_db *db, enum ties_table_kind kind,
		     ties_table **out);

/* Partial dates as intervals: the first and last full date a partial date
 * stands for ("2025" → 2025-01-01 … 2025-12-31), in out[11]. */
void ties_date__lo(const char *date, char *out);
void ties_date__hi(const char *date, char *out);

/* Tables (util/table.c). */
ties_table *ties_table__new(size_t ncols, const char *const *names);
int ties_table__add_row(ties_table *t);
/* Set a cell of the last row. */
int ties_table__set_text(ties_table *t, size_t col, const char *s);
int ties_table__set_int(ties_table *t, size_t col, long long v);
int ties_table__set_real(ties_table *t, size_t col, double v);
/* Append a row from the current row of a statement, column i → cell i. */
int ties_table__add_stmt_row(ties_table *t, sqlite3_stmt *st);
/* Run a statement to the end, adding each row. */
int ties_table__fill(ties_table *t, sqlite3_stmt *st);

/* JSON of a table as a jansson value (util/table.c); returns NULL on OOM. */
struct json_t;
struct json_t *ties_table__json(const ties_table *t);

/* Text escaping for the human table format (util/table.c). */
void ties_display__escape(ties_buf *out, const char *s);
/* Print indent, b escaped for display and a newline; empty b prints
 * nothing. b is cleared. */
void ties_display__escape_line(FILE *f, ties_buf *b,
				      const char *indent);
/* Display width of UTF-8 text in terminal columns. */
size_t ties_display__width(const char *s);

#endif /* TIES_INT_H */
