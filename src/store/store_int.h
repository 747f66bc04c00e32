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
/* resolve.c */
void ties_st__describe(ties_db *db, sqlite3_int64 rowid, ties_buf *b);

/* schema.c: the migrations (ties_db__migrations[v] takes version v to
 * v + 1), and the schema-2 triggers that ties' own writes drop and make
 * again. */
extern const char *const ties_db__migrations[TIES_SCHEMA_VERSION];
extern const char *const ties_db__triggers;
extern const char ties_db__drop_triggers[];

#endif
