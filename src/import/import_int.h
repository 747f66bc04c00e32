/*
 * import_int.h — what the importers share besides the CSV reader. Private
 * to src/import.
 */
#ifndef TIES_IMPORT_INT_H
#define TIES_IMPORT_INT_H

#include <stddef.h>

/* The line where doc[table][index] of the JSON file begins; 0 when the
 * file cannot be read again or holds no such row. */
long ties_imp__json_line(const char *path, const char *table, size_t index);

/* The first line of the DOT file naming the ID `a` (and `b` after it, when
 * not NULL: an edge); with xml, of the GraphML element id="a" (or
 * source="a" target="b"). 0 when not found. */
long ties_imp__name_line(const char *path, const char *a, const char *b,
			 int xml);

#endif
