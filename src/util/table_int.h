/*
 * table_int.h — the layout of a table, shared by the table and its
 * writers and the card writer. Private to src/util.
 */
#ifndef TIES_UTIL_TABLE_INT_H
#define TIES_UTIL_TABLE_INT_H

#include <stdio.h>

#include <jansson.h>

#include "ties_int.h"

struct cell {
	enum ties_type type;
	union {
		long long i;
		double r;
	} v;
	char *text;
};

struct ties_table {
	size_t ncols, nrows, cap;
	char **names;
	struct cell *cells; /* nrows * ncols */
	int oom;
};

/* Cell c of row r. */
const struct cell *ties_tb__cell(const ties_table *t, size_t r, size_t c);
/* Write v to f as indented JSON and a newline; 0, TIES_ENOMEM (v NULL)
 * or TIES_EIO. */
int ties_tb__json_dump_checked(json_t *v, FILE *f);

#endif
