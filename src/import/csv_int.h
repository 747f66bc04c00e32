/*
 * csv_int.h — the CSV reader, shared by the importer's files. Private to
 * src/import.
 */
#ifndef TIES_IMPORT_CSV_INT_H
#define TIES_IMPORT_CSV_INT_H

#include "ties_int.h"

/* Called for each record; return < 0 to stop with that code, 1 to stop
 * quietly. */
typedef int (*row_fn)(char **fields, size_t n, long line, void *ctx);

/* Read the CSV file `path`, calling fn for each record with its line;
 * errors as "name:line: problem". */
int ties_csv__read(ties_db *db, const char *path, const char *name,
		   row_fn fn, void *ctx, long long *bytes);

#endif
