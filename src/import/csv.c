/*
 * csv.c — the CSV importer: five tables (entities, relations, events,
 * participants, sources), recognised by their headers, loaded in one
 * transaction through the store's internal write functions; the files are
 * read by csv_reader.c.
 *
 * Order: sources, then entities, then events, relations and participants,
 * whatever order the paths came in, so references may point forwards.
 * Entities' home countries are resolved after every entity file is loaded,
 * so a reference is judged against the whole import and never picks one
 * candidate while a later row would have made it ambiguous.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv_int.h"

struct tabledef {
	enum ties_table_kind kind;
	const char *name;
	const char *const *cols; /* known columns, NULL-terminated */
	unsigned required;	 /* bit i: cols[i] is required */
	int attrs;		 /* other columns become attributes */
};

static const char *const entity_cols[] = {"id",	     "kind",	"name",
					  "country", "aliases", NULL};

static const char *const relation_cols[] = {
	"source", "target", "kind",	 "role",
	"start",  "end",    "source_id", "weight",
	NULL};

static const char *const event_cols[] = {"id",	  "kind",      "date", "title",
					 "place", "source_id", NULL};

static const char *const participant_cols[] = {"event", "entity", "role",
					       "weight", NULL};

static const char *const source_cols[] = {"id",	       "title", "url",
					  "publisher", "date",	NULL};

/* In load order. */
static const struct tabledef tables[] = {
	{TIES_TABLE_SOURCES, "sources", source_cols, 1u << 0, 1},
	{TIES_TABLE_ENTITIES, "entities", entity_cols, 7u, 1},
	{TIES_TABLE_EVENTS, "events", event_cols, 3u, 1},
	{TIES_TABLE_RELATIONS, "relations", relation_cols, 7u, 1},
	{TIES_TABLE_PARTICIPANTS, "participants", participant_cols, 3u, 0},
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

static const struct tabledef *table_def(enum ties_table_kind k)
{
	size_t i;

	for (i = 0; i < NTABLES; i++)
		if (tables[i].kind == k)
			return &tables[i];
	return NULL;
}

enum ties_table_kind ties_table_kind_parse(const char *name)
{
	static const char *const singular[] = {"source", "entity", "event",
					       "relation", "participant"};
	size_t i;

	for (i = 0; i < NTABLES; i++)
		if (!strcmp(name, tables[i].name) || !strcmp(name, singular[i]))
			return tables[i].kind;
	return TIES_TABLE_AUTO;
}

/* The header of the file being loaded, mapped to the table's columns. */
struct header {
	size_t ncols;
	char **names; /* lower-cased, trimmed */
	int col[8];   /* index of each known column in the file, or -1 */
	int *is_attr; /* per file column: becomes an attribute */
};

static void header_release(struct header *h)
{
	size_t i;

	for (i = 0; i < h->ncols; i++)
		free(h->names[i]);
	free(h->names);
	free(h->is_attr);
	memset(h, 0, sizeof(*h));
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
			 e[-1] == '\n'))
		*--e = '\0';
	return s;
}

static void lower_ascii(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

static int has(char **names, size_t n, const char *col)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(names[i], col))
			return 1;
	return 0;
}

/* Which table a header describes. */
static const struct tabledef *recognise(char **names, size_t n)
{
	if (has(names, n, "event") && has(names, n, "entity"))
		return table_def(TIES_TABLE_PARTICIPANTS);
	if (has(names, n, "source") && has(names, n, "target"))
		return table_def(TIES_TABLE_RELATIONS);
	if (has(names, n, "id") && has(names, n, "kind") &&
	    has(names, n, "name"))
		return table_def(TIES_TABLE_ENTITIES);
	if (has(names, n, "id") && has(names, n, "kind"))
		return table_def(TIES_TABLE_EVENTS);
	if (has(names, n, "id") &&
	    (has(names, n, "title") || has(names, n, "url") ||
	     has(names, n, "publisher")))
		return table_def(TIES_TABLE_SOURCES);
	return NULL;
}

/* Parse a header row into h; with def NULL, recognise the table. */
static int header_parse(ties_db *db, const char *path, char **fields, size_t n,
			const struct tabledef **def, struct header *h)
{
	ties_strmap seen = {0};
	size_t i, j;

	memset(h, 0, sizeof(*h));
	h->names = calloc(n ? n : 1, sizeof(char *));
	h->is_attr = calloc(n ? n : 1, sizeof(int));
	if (!h->names || !h->is_attr)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	h->ncols = n;
	for (i = 0; i < n; i++) {
		char *t = trim(fields[i]);
		long first;
		int dup;

		lower_ascii(t);
		if (!(h->names[i] = strdup(t))) {
			ties_strmap__release(&seen);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
		if (!*t) {
			ties_strmap__release(&seen);
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:1: column %zu has no name",
					       path, i + 1);
		}
		/* Seen before? A set, not a scan: headers may be wide. */
		if ((dup = ties_strmap__put(&seen, t, (long)i, &first)) < 0) {
			ties_strmap__release(&seen);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
		if (dup) {
			ties_strmap__release(&seen);
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:1: duplicate column '%s'",
					       path, t);
		}
	}
	if (!*def)
		*def = recognise(h->names, n);
	/* Where each of the table's columns is: one look-up each. */
	for (j = 0; *def && (*def)->cols[j]; j++) {
		long at = -1;

		h->col[j] = ties_strmap__get(&seen, (*def)->cols[j], &at)
				    ? (int)at
				    : -1;
	}
	ties_strmap__release(&seen);
	if (!*def)
		return ties_db__seterr(
			db, TIES_EINVALID,
			"%s:1: cannot tell which table this header is; name "
			"it with --table (entities: id,kind,name; relations: "
			"source,target,kind; events: id,kind; participants: "
			"event,entity; sources: id,title)",
			path);
	for (j = 0; (*def)->cols[j]; j++) {
		if (h->col[j] < 0 && ((*def)->required & (1u << j)))
			return ties_db__seterr(
				db, TIES_EINVALID,
				"%s:1: the %s table needs a column '%s'", path,
				(*def)->name, (*def)->cols[j]);
	}
	for (i = 0; i < n; i++) {
		int known = 0;

		for (j = 0; (*def)->cols[j]; j++)
			if (h->col[j] == (int)i)
				known = 1;
		if (known)
			continue;
		if (!(*def)->attrs)
			return ties_db__seterr(db, TIES_EINVALID,
					       "%s:1: unknown column '%s' in "
					       "the %s table",
					       path, h->names[i], (*def)->name);
		h->is_attr[i] = 1;
	}
	return 0;
}

struct pending_country {
	sqlite3_int64 entity;
	char *ref; /* NULL: no country */
	long line;
	const char *path;
};

struct load {
	ties_db *db;
	const struct input *in;
	struct header h;
	int have_header;
	ties_import_stats *stats;
	struct pending_country *pend;
	size_t npend, cappend;
	ties_attr *attrs;
	const char **aliases;
	size_t capaliases;
	long long done_bytes, total_bytes, file_bytes;
	long long rows_since;
	ties_strmap source_ids; /* this import's sources: the line of each */
	/* The entities and events this import made or updated, by id: a
	 * second row with one of these ids is a mistake, and a reference by
	 * id needs no query. */
	ties_idmap made[2];
	ties_strmap countries; /* country ids looked up (0: none such) */
	/* References already resolved: once the entities are loaded nothing
	 * in the import can change what a reference names. */
	ties_strmap entity_refs, event_refs, source_refs;
	/* The last event reference and its rowid: participations come event
	 * by event. */
	ties_buf last_event;
	sqlite3_int64 last_event_rowid;
};

#define REF_CACHE_MAX 2000000

static int cached(ties_db *db, ties_strmap *m, const char *ref,
		  sqlite3_int64 *rowid,
		  int (*resolve)(ties_db *, const char *, sqlite3_int64 *))
{
	long v = 0;
	int rc;

	if (ties_strmap__get(m, ref, &v)) {
		*rowid = v;
		return 0;
	}
	if ((rc = resolve(db, ref, rowid)) < 0)
		return rc;
	if (m->n >= REF_CACHE_MAX)
		ties_strmap__release(m);
	if (ties_strmap__put(m, ref, (long)*rowid, NULL) < 0)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	return 0;
}

/* A reference is first an id (resolution tries the id first): the ids of
 * this import's rows are in memory. */
static int entity_ref(struct load *l, const char *ref, sqlite3_int64 *rowid)
{
	int64_t v;

	if (ties_idmap__get(&l->made[0], ref, &v)) {
		*rowid = v;
		return 0;
	}
	return cached(l->db, &l->entity_refs, ref, rowid, ties_store__resolve);
}

static int event_ref(struct load *l, const char *ref, sqlite3_int64 *rowid)
{
	int64_t v;
	int rc;

	if (l->last_event.len && !strcmp(ref, ties_buf__str(&l->last_event))) {
		*rowid = l->last_event_rowid;
		return 0;
	}
	if (ties_idmap__get(&l->made[1], ref, &v)) {
		*rowid = v;
	} else if ((rc = cached(l->db, &l->event_refs, ref, rowid,
				ties_store__resolve_event)) < 0) {
		return rc;
	}
	ties_buf__clear(&l->last_event);
	ties_buf__puts(&l->last_event, ref);
	l->last_event_rowid = *rowid;
	return 0;
}

/* Note the rowid of an entity or event (which 1 or 2) this import wrote. */
static int made(struct load *l, int which, const char *id, sqlite3_int64 r)
{
	if (ties_idmap__put(&l->made[which - 1], id, r) < 0)
		return ties_db__seterr(l->db, TIES_ENOMEM, "out of memory");
	return 0;
}

/* An id given twice in one import is a mistake, not an update. Entities
 * and events are checked against the ids this import wrote; sources, few,
 * in a map that remembers the line. */
static int check_dup(struct load *l, int which, const char *id, long line)
{
	if (which != 0) {
		int64_t r;

		if (ties_idmap__get(&l->made[which - 1], id, &r))
			return ties_db__seterr(
				l->db, TIES_EINVALID,
				"%s:%ld: duplicate %s id '%s' (given earlier "
				"in this import)",
				l->in->path, line,
				which == 1 ? "entity" : "event", id);
		return 0;
	}
	{
		long first = 0;
		int rc = ties_strmap__put(&l->source_ids, id, line, &first);

		if (rc < 0)
			return ties_db__seterr(l->db, TIES_ENOMEM,
					       "out of memory");
		if (rc == 1)
			return ties_db__seterr(
				l->db, TIES_EINVALID,
				"%s:%ld: duplicate source id '%s' (first "
				"given on line %ld)",
				l->in->path, line, id, first);
		return 0;
	}
}

/* Field `j` of the table (known column), trimmed; "" when absent. */
static char *col(struct load *l, char **f, int j)
{
	int i = l->h.col[j];

	return i < 0 ? (char *)"" : trim(f[i]);
}

/* Raw field, untrimmed: names and titles keep what the user wrote. */
static char *raw(struct load *l, char **f, int j)
{
	int i = l->h.col[j];

	return i < 0 ? (char *)"" : f[i];
}

static size_t collect_attrs(struct load *l, char **f)
{
	size_t i, n = 0;

	for (i = 0; i < l->h.ncols; i++)
		if (l->h.is_attr[i]) {
			l->attrs[n].key = l->h.names[i];
			l->attrs[n].value = f[i];
			n++;
		}
	return n;
}

static int split_aliases(struct load *l, char *s, size_t *n)
{
	char *p = s;

	*n = 0;
	while (p && *p) {
		char *bar = strchr(p, '|');
		char *a;

		if (bar)
			*bar = '\0';
		a = trim(p);
		if (*a) {
			if (*n == l->capaliases) {
				size_t cap =
					l->capaliases ? l->capaliases * 2 : 8;
				const char **g = realloc((void *)l->aliases,
							 cap * sizeof(*g));

				if (!g)
					return TIES_ENOMEM;
				l->aliases = g;
				l->capaliases = cap;
			}
			l->aliases[(*n)++] = a;
		}
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

/* The rowid of the country whose id is ref, or 0; asked of the store once
 * an id. */
static int country_by_id(struct load *l, const char *ref,
			 sqlite3_int64 *rowid)
{
	sqlite3_stmt *st;
	long v = 0;

	*rowid = 0;
	if (ties_strmap__get(&l->countries, ref, &v)) {
		*rowid = v;
		return v != 0;
	}
	if (!(st = ties_db__stmt(l->db, ST_COUNTRY_BY_ID)))
		return 0;
	sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*rowid = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	/* Not kept when memory runs out: it is only asked again. */
	ties_strmap__put(&l->countries, ref, (long)*rowid, NULL);
	return *rowid != 0;
}

/* A source reference (sources load first: nothing changes what one names
 * after them). */
static int opt_source(struct load *l, const char *ref, sqlite3_int64 *rowid)
{
	*rowid = 0;
	return *ref ? cached(l->db, &l->source_refs, ref, rowid,
			     ties_store__resolve_source)
		    : 0;
}

/* An entity's home country, `ref` (column 3), when it is a name or an
 * alias: resolved once the whole import is in (resolve_countries). */
static int entity_country(struct load *l, sqlite3_int64 a, const char *ref,
			  long line)
{
	struct pending_country *pc;

	if (l->npend == l->cappend) {
		size_t cap = l->cappend ? l->cappend * 2 : 64;
		pc = realloc(l->pend, cap * sizeof(*pc));
		if (!pc)
			return ties_db__seterr(l->db, TIES_ENOMEM,
					       "out of memory");
		l->pend = pc;
		l->cappend = cap;
	}
	pc = &l->pend[l->npend];
	pc->entity = a;
	pc->ref = strdup(ref);
	pc->line = line;
	pc->path = l->in->path;
	if (!pc->ref)
		return ties_db__seterr(l->db, TIES_ENOMEM, "out of memory");
	l->npend++;
	return 0;
}

static int load_source(struct load *l, char **f, size_t nattrs)
{
	ties_db *db = l->db;
	ties_source_spec s;
	int rc = 0;

	memset(&s, 0, sizeof(s));
	s.id = col(l, f, 0);
	s.title = raw(l, f, 1);
	s.url = col(l, f, 2);
	s.publisher = raw(l, f, 3);
	s.date = col(l, f, 4);
	s.attrs = l->attrs;
	s.nattrs = nattrs;
	rc = ties_store__source_put(db, &s, NULL);
	l->stats->sources++;
	return rc;
}

static int load_entity(struct load *l, char **f, size_t nattrs, long line)
{
	ties_db *db = l->db;
	sqlite3_int64 a;
	size_t naliases;
	ties_entity_row e;
	char *kind = col(l, f, 1), *country = NULL;
	int rc = 0;

	memset(&e, 0, sizeof(e));
	lower_ascii(kind);
	e.id = col(l, f, 0);
	e.kind = kind;
	e.name = raw(l, f, 2);
	if (l->h.col[4] >= 0) {
		if (split_aliases(l, raw(l, f, 4), &naliases) < 0)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		e.aliases = l->aliases;
		e.naliases = naliases;
		e.replace_aliases = 1;
	}
	e.attrs = l->attrs;
	e.nattrs = nattrs;
	/* No country, or a country's id (never ambiguous, whatever later
	 * rows add): set with the row. Names and aliases wait for the whole
	 * import (and use memory until then). */
	if (l->h.col[3] >= 0) {
		country = col(l, f, 3);
		if (!*country || country_by_id(l, country, &e.country)) {
			e.set_country = 1;
			country = NULL;
		}
	}
	if ((rc = ties_store__entity_put(db, &e, &a)) < 0 ||
	    (rc = made(l, 1, e.id, a)) < 0)
		return rc;
	l->stats->entities++;
	if (country)
		rc = entity_country(l, a, country, line);
	return rc;
}

static int load_event(struct load *l, char **f, size_t nattrs)
{
	ties_db *db = l->db;
	sqlite3_int64 a, b;
	char *kind = col(l, f, 1), *place = col(l, f, 4);
	int rc = 0;

	lower_ascii(kind);
	a = 0;
	if (*place &&
	    (rc = ties_store__resolve_as(db, place, "place", NULL, &a)) < 0)
		return rc;
	if ((rc = opt_source(l, col(l, f, 5), &b)) < 0)
		return rc;
	if ((rc = ties_store__event_put(db, col(l, f, 0), kind, col(l, f, 2),
					raw(l, f, 3), a, b, l->attrs, nattrs,
					&a)) < 0 ||
	    (rc = made(l, 2, col(l, f, 0), a)) < 0)
		return rc;
	l->stats->events++;
	return 0;
}

static int load_relation(struct load *l, char **f, size_t nattrs)
{
	ties_db *db = l->db;
	sqlite3_int64 a, b, c;
	char *kind = col(l, f, 2);
	int rc = 0;

	double w;

	lower_ascii(kind);
	if ((rc = entity_ref(l, col(l, f, 0), &a)) < 0 ||
	    (rc = entity_ref(l, col(l, f, 1), &b)) < 0 ||
	    (rc = opt_source(l, col(l, f, 6), &c)) < 0 ||
	    (rc = ties_check__weight(db, col(l, f, 7), &w)) < 0)
		return rc;
	rc = ties_store__relation_put(db, a, b, kind, col(l, f, 3),
				      col(l, f, 4), col(l, f, 5), c, w,
				      l->attrs, nattrs, NULL);
	l->stats->relations++;
	return rc;
}

static int load_participant(struct load *l, char **f)
{
	ties_db *db = l->db;
	sqlite3_int64 a, b;
	char *role = col(l, f, 2);
	int rc = 0;

	double w;

	lower_ascii(role);
	if ((rc = event_ref(l, col(l, f, 0), &a)) < 0 ||
	    (rc = entity_ref(l, col(l, f, 1), &b)) < 0 ||
	    (rc = ties_check__weight(db, col(l, f, 3), &w)) < 0)
		return rc;
	rc = ties_store__participant_put(db, a, b, role, w);
	l->stats->participants++;
	return rc;
}

static int load_row(char **f, size_t n, long line, void *ctx)
{
	struct load *l = ctx;
	ties_db *db = l->db;
	const char *path = l->in->path;
	enum ties_table_kind kind = l->in->def->kind;
	size_t nattrs;
	int rc = 0, which;

	if (!l->have_header) {
		const struct tabledef *def = l->in->def;

		l->have_header = 1;
		if ((rc = header_parse(db, path, f, n, &def, &l->h)) < 0)
			return rc;
		free(l->attrs);
		l->attrs = calloc(n ? n : 1, sizeof(*l->attrs));
		return l->attrs ? 0
				: ties_db__seterr(db, TIES_ENOMEM,
						  "out of memory");
	}
	if (n != l->h.ncols)
		return ties_db__seterr(db, TIES_EINVALID,
				       "%s:%ld: %zu fields, but the header "
				       "has %zu",
				       path, line, n, l->h.ncols);
	l->stats->rows++;
	nattrs = collect_attrs(l, f);

	/* Ids given twice in one import (not an update: an error). */
	which = kind == TIES_TABLE_SOURCES    ? 0
		: kind == TIES_TABLE_ENTITIES ? 1
		: kind == TIES_TABLE_EVENTS   ? 2
					      : -1;
	if (which >= 0 && *col(l, f, 0) &&
	    (rc = check_dup(l, which, col(l, f, 0), line)) < 0)
		return rc;
	switch (kind) {
	case TIES_TABLE_SOURCES:
		rc = load_source(l, f, nattrs);
		break;
	case TIES_TABLE_ENTITIES:
		rc = load_entity(l, f, nattrs, line);
		break;
	case TIES_TABLE_EVENTS:
		rc = load_event(l, f, nattrs);
		break;
	case TIES_TABLE_RELATIONS:
		rc = load_relation(l, f, nattrs);
		break;
	case TIES_TABLE_PARTICIPANTS:
		rc = load_participant(l, f);
		break;
	default:
		assert(!"unknown table");
		rc = TIES_ERROR;
	}
	if (rc < 0) {
		ties_db__prefix_err(db, "%s:%ld: ", path, line);
		return rc;
	}
	if (db->progress && ++l->rows_since >= 20000) {
		l->rows_since = 0;
		if (db->progress(path, l->done_bytes, l->total_bytes,
				 db->progress_payload))
			return ties_db__seterr(db, TIES_ERROR, "cancelled");
	}
	return 0;
}

static int resolve_countries(struct load *l)
{
	ties_db *db = l->db;
	size_t i;
	int rc;

	for (i = 0; i < l->npend; i++) {
		struct pending_country *pc = &l->pend[i];
		sqlite3_int64 country = 0;

		if (pc->ref &&
		    (rc = ties_store__resolve_as(db, pc->ref, "country",
						 "country", &country)) < 0) {
			ties_db__prefix_err(db, "%s:%ld: ", pc->path, pc->line);
			return rc;
		}
		if ((rc = ties_store__entity_set_country(db, pc->entity,
							 country)) < 0)
			return rc;
	}
	return 0;
}

struct sniff {
	ties_db *db;
	const char *path;
	const struct tabledef *def;
	int rc;
};

static int sniff_row(char **f, size_t n, long line, void *ctx)
{
	struct sniff *s = ctx;
	struct header h;

	(void)line;
	s->rc = header_parse(s->db, s->path, f, n, &s->def, &h);
	header_release(&h);
	return s->rc < 0 ? s->rc : 1;
}

int ties_import_csv(ties_db *db, const char *const *paths, size_t npaths,
		    enum ties_table_kind table, ties_import_stats *stats)
{
	struct input *in = NULL;
	size_t nin = 0, i, t;
	struct load l;
	ties_import_stats local;
	int rc;

	assert(db && (paths || npaths == 0));
	memset(&l, 0, sizeof(l));
	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	if ((rc = ties_csv__inputs(db, paths, npaths, &in, &nin)) < 0)
		goto done;

	/* Which table is each file? */
	for (i = 0; i < nin; i++) {
		struct sniff s = {db, in[i].path, table_def(table), 0};

		rc = ties_csv__read(db, OPEN_PATH(&in[i]), in[i].path,
				    sniff_row, &s, NULL);
		if (rc < 0)
			goto done;
		if (rc == 0) {
			rc = ties_db__seterr(db, TIES_EINVALID,
					     "%s:1: empty file, no header",
					     in[i].path);
			goto done;
		}
		in[i].def = s.def;
		l.total_bytes += in[i].size;
	}

	/* Every reference is resolved to a rowid that exists before it is
	 * written, so SQLite's own foreign-key probes would only repeat
	 * them; they are off for the import (outside a transaction only). */
	if (db->txn_depth == 0)
		sqlite3_exec(db->sql, "PRAGMA foreign_keys = OFF", NULL, NULL,
			     NULL);
	if ((rc = ties_store__journal_light(db)) < 0 ||
	    (rc = ties_db__begin(db)) < 0)
		goto done;
	if ((rc = ties_store__bulk_begin(db)) < 0)
		goto rollback;
	l.db = db;
	l.stats = stats;
	for (t = 0; t < NTABLES; t++) {
		for (i = 0; i < nin; i++) {
			long long bytes = 0;

			if (in[i].def != &tables[t])
				continue;
			l.in = &in[i];
			l.have_header = 0;
			rc = ties_csv__read(db, OPEN_PATH(&in[i]), in[i].path,
					    load_row, &l, &bytes);
			header_release(&l.h);
			l.done_bytes += bytes;
			if (rc < 0)
				goto rollback;
		}
		/* What waits for its batch is written before the next
		 * table reads it. */
		if ((rc = ties_store__flush(db)) < 0)
			goto rollback;
		if (tables[t].kind == TIES_TABLE_ENTITIES &&
		    ((rc = ties_store__bulk_index(db)) < 0 ||
		     (rc = resolve_countries(&l)) < 0))
			goto rollback;
	}
	if (db->progress)
		db->progress("import", l.total_bytes, l.total_bytes,
			     db->progress_payload);
	if ((rc = ties_store__bulk_end(db, 1)) < 0)
		goto rollback;
	rc = ties_db__commit(db);
	goto done;
rollback:
	ties_store__bulk_end(db, 0);
	ties_db__rollback(db);
done:
	ties_store__journal_restore(db);
	if (db->txn_depth == 0)
		sqlite3_exec(db->sql, "PRAGMA foreign_keys = ON", NULL, NULL,
			     NULL);
	for (i = 0; i < l.npend; i++)
		free(l.pend[i].ref);
	ties_strmap__release(&l.source_ids);
	ties_idmap__release(&l.made[0]);
	ties_idmap__release(&l.made[1]);
	ties_strmap__release(&l.countries);
	ties_strmap__release(&l.entity_refs);
	ties_strmap__release(&l.event_refs);
	ties_strmap__release(&l.source_refs);
	ties_buf__release(&l.last_event);
	free(l.pend);
	free(l.attrs);
	free((void *)l.aliases);
	header_release(&l.h);
	for (i = 0; i < nin; i++) {
		if (in[i].spool)
			unlink(in[i].spool);
		free(in[i].spool);
		free(in[i].path);
	}
	free(in);
	if (rc < 0)
		memset(stats, 0, sizeof(*stats));
	return rc < 0 ? rc : 0;
}
