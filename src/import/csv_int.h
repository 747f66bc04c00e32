/*
 * csv_int.h — the CSV reader and the files of an import, shared by the
 * importer's files. Private to src/import.
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

struct tabledef;

/* A file to load: its name as given and, once the header was read, its
 * table; a pipe or a terminal is read once, into a copy (spool). */
struct input {
	char *path;
	char *spool; /* the copy read instead, or NULL */
	const struct tabledef *def;
	long long size;
};

/* What to open for input i. */
#define OPEN_PATH(i) ((i)->spool ? (i)->spool : (i)->path)

/* inputs.c: the files of `paths` (directories to their *.csv files in name
 * order) in *in, *n of them; free each path and spool (unlink it) and *in. */
int ties_csv__inputs(ties_db *db, const char *const *paths, size_t npaths,
		     struct input **in, size_t *n);

#endif
