/*
 * store_int.h — what the files of the store share beyond ties_int.h: an
 * entity's description for messages, and one statement run on one rowid.
 * Private to src/store.
 */
#ifndef TIES_STORE_STORE_INT_H
#define TIES_STORE_STORE_INT_H

#include "ties_int.h"

/* write.c */
int ties_st__exec_rowid(ties_db *db, const char *sql, sqlite3_int64 rowid);
/* batch.c: rows of a bulk import that wait for their batch (checked
 * already); ties_store__flush() writes them, _drop forgets them. */
int ties_st__batch_key(ties_db *db, const char *key, sqlite3_int64 entity,
		       const char *origin);
int ties_st__batch_event(ties_db *db, sqlite3_int64 rowid, const char *id,
			 const char *kind, const char *date, const char *title,
			 sqlite3_int64 place, sqlite3_int64 source_id);
int ties_st__batch_participant(ties_db *db, sqlite3_int64 event,
			       sqlite3_int64 entity, const char *role,
			       double weight);
void ties_st__batch_drop(ties_db *db);
/* resolve.c */
void ties_st__describe(ties_db *db, sqlite3_int64 rowid, ties_buf *b);

/* schema.c: the migrations (ties_db__migrations[v] takes version v to
 * v + 1), and the schema-2 triggers that ties' own writes drop and make
 * again. */
extern const char *const ties_db__migrations[TIES_SCHEMA_VERSION];
extern const char *const ties_db__triggers;
extern const char ties_db__drop_triggers[];

#endif
