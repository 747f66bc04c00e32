/*
 * import.c — one import of files of any format, in one transaction: the
 * CSV files (and directories) together through csv.c, then each
 * JSON, DOT and GraphML file through its own importer.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "ties_int.h"

int ties_import_format_parse(const char *name)
{
	static const char *const names[] = {"csv", "json", "dot", "graphml"};
	int i;

	for (i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return i + 1;
	return -1;
}

static int format_of(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *ext = strrchr(base ? base : path, '.');
	struct stat sb;

	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return TIES_IMPORT_CSV;
	if (!ext)
		return -1;
	if (!strcasecmp(ext, ".csv"))
		return TIES_IMPORT_CSV;
	if (!strcasecmp(ext, ".json"))
		return TIES_IMPORT_JSON;
	if (!strcasecmp(ext, ".dot") || !strcasecmp(ext, ".gv"))
		return TIES_IMPORT_DOT;
	if (!strcasecmp(ext, ".graphml") || !strcasecmp(ext, ".xml"))
		return TIES_IMPORT_GRAPHML;
	return -1;
}

int ties_import(ties_db *db, const char *const *paths, size_t npaths,
		enum ties_import_format format, enum ties_table_kind table,
		ties_import_stats *stats)
{
	const char **csv = NULL, **named = NULL;
	int *fmt = NULL;
	ties_import_stats local, one;
	size_t i, ncsv = 0;
	int rc = 0;

	assert(db && (paths || npaths == 0));
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	csv = calloc(npaths + 1, sizeof(*csv));
	fmt = calloc(npaths + 1, sizeof(*fmt));
	named = calloc(npaths + 1, sizeof(*named));
	if (!csv || !fmt || !named) {
		free((void *)csv);
		free(fmt);
		free((void *)named);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	memcpy((void *)named, paths, npaths * sizeof(*named));
	/* "-" is standard input. */
	for (i = 0; i < npaths; i++)
		if (!strcmp(paths[i], "-"))
			named[i] = "/dev/stdin";
	paths = named;
	for (i = 0; i < npaths; i++) {
		fmt[i] = format != TIES_IMPORT_AUTO ? (int)format
						    : format_of(paths[i]);
		if (fmt[i] < 0) {
			rc = ties_db__seterr(db, TIES_EINVALID,
					     "cannot tell the format of '%s' "
					     "from its name; say it with "
					     "--format (csv, json, dot, "
					     "graphml)",
					     paths[i]);
			goto done;
		}
		if (fmt[i] == TIES_IMPORT_CSV)
			csv[ncsv++] = paths[i];
	}
	/* All CSV alone: the importer's own transaction is the fast path. */
	if (ncsv == npaths) {
		rc = ties_import_csv(db, csv, ncsv, table, stats);
		goto done;
	}
	if ((rc = ties_db__begin(db)) < 0)
		goto done;
	if (ncsv && (rc = ties_import_csv(db, csv, ncsv, table, stats)) < 0)
		goto fail;
	for (i = 0; i < npaths; i++) {
		memset(&one, 0, sizeof(one));
		switch (fmt[i]) {
		case TIES_IMPORT_JSON:
			rc = ties_import__json(db, paths[i], &one);
			break;
		case TIES_IMPORT_DOT:
			rc = ties_import__dot(db, paths[i], &one);
			break;
		case TIES_IMPORT_GRAPHML:
			rc = ties_import__graphml(db, paths[i], &one);
			break;
		default:
			continue;
		}
		if (rc < 0)
			goto fail;
		stats->entities += one.entities;
		stats->relations += one.relations;
		stats->events += one.events;
		stats->participants += one.participants;
		stats->sources += one.sources;
		stats->rows += one.entities + one.relations + one.events +
			       one.participants + one.sources;
	}
	rc = ties_db__commit(db);
	goto done;
fail:
	ties_db__rollback(db);
	memset(stats, 0, sizeof(*stats));
done:
	free((void *)csv);
	free((void *)named);
	free(fmt);
	return rc;
}
