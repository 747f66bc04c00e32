/*
 * ties.h — the public API of libties, a graph database and analyzer of
 * institution networks.
 *
 * Institutions, people and countries are entities; relations (binary, dated
 * facts such as member_of) and events (n-ary, dated facts such as an MoU or a
 * meeting, with participants in roles) tie them; sources say where a fact
 * comes from. The store is one SQLite file.
 *
 * Conventions
 *  - Every fallible function returns int: 0 on success, a negative TIES_E*
 *    code on failure. The message of the last failure is on the handle:
 *    ties_errmsg().
 *  - Handles are opaque and freed with their own _close/_free function, which
 *    accepts NULL. Never free() memory the library returned.
 *  - Objects returned through an `out` pointer belong to the caller; strings
 *    returned as a function value are borrowed from their owner.
 *  - The library never prints to stdout and never exits; it writes only to
 *    the FILE * it is given.
 *  - All strings are UTF-8.
 *  - A handle is used by one thread at a time. igraph's error handlers are
 *    process-wide, so analysis functions must not run in several threads at
 *    once.
 */
#ifndef TIES_H
#define TIES_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TIES_VERSION_MAJOR 0
#define TIES_VERSION_MINOR 1
#define TIES_VERSION_PATCH 0
#define TIES_VERSION	   "0.1.0"

/* The schema version stored in PRAGMA user_version by this library. */
#define TIES_SCHEMA_VERSION 5

/* Error codes. */
enum ties_error {
	TIES_OK = 0,
	TIES_ERROR = -1,      /* any other failure */
	TIES_ENOTFOUND = -2,  /* a reference names nothing */
	TIES_EAMBIGUOUS = -3, /* a reference names several things */
	TIES_EINVALID = -4,   /* bad input: a file, a field, an argument */
	TIES_EEXISTS = -5,    /* the thing already exists */
	TIES_ENOMEM = -6,     /* out of memory */
	TIES_EIO = -7,	      /* a file could not be read or written */
	TIES_EDB = -8,	      /* the database refused (busy, corrupt, newer) */
};

/* Text for an error code alone; never NULL. The string is static. */
const char *ties_strerror(int code);

/* Version of the library, as "MAJOR.MINOR.PATCH". The string is static. */
const char *ties_version(void);

/* ---------------------------------------------------------------- db --- */

typedef struct ties_db ties_db;

enum ties_db_open_flags {
	TIES_OPEN_READONLY = 1u << 0, /* never write; fail if missing */
	TIES_OPEN_CREATE = 1u << 1,   /* create the file when missing */
};

/*
 * Open the store at `path` (created when TIES_OPEN_CREATE is given).
 * A new or older database gets the current schema, migrated in one
 * transaction; a database written by a newer ties is refused (TIES_EDB).
 * WAL journal, foreign keys on, and a busy timeout of 5 s so that readers
 * work while a writer writes.
 *
 * *out receives a handle even when opening fails (NULL only when out of
 * memory) so the message can be read with ties_errmsg(); close it either way.
 * Returns 0, TIES_EIO, TIES_EDB or TIES_ENOMEM. The caller owns *out and
 * frees it with ties_db_close().
 */
int ties_db_open(ties_db **out, const char *path, unsigned flags);

/*
 * Create the database at `path` with the world's countries (as
 * ties_db_init(db, iso_json, seeded) seeds them), atomically: it is built
 * under a temporary name beside `path` and renamed into place, so that no
 * one ever sees it half-made (a kill leaves only the temporary file, which
 * the next creation removes). An empty file at `path`, or an SQLite file
 * with nothing in it, is replaced; a database is not (TIES_EEXISTS). On
 * success *out is open on it; on failure *out (when not NULL) holds the
 * message.
 */
int ties_db_create(ties_db **out, const char *path, const char *iso_json,
		   long *seeded);

/* Close the store; NULL is allowed. */
void ties_db_close(ties_db *db);

/*
 * The message of the last failure on this handle: one line, lower-case, no
 * final full stop; "" when there was none. Borrowed: valid until the next
 * call on the handle.
 */
const char *ties_errmsg(const ties_db *db);

/*
 * What the handle noticed that did not stop it, one line each ("the
 * snapshot 'x.db.adj' was damaged (…); rebuilt it"), or "" when nothing.
 * A program shows it to its user; cleared by ties_notice_clear().
 */
const char *ties_notice(const ties_db *db);
void ties_notice_clear(ties_db *db);

/*
 * Seed the world's countries from ISO 3166-1 (Debian's iso-codes JSON at
 * `iso_json`, or the default path when NULL): id = alpha-2 in lower case,
 * name = the common name where ISO gives one, else the name; the official
 * name, the ISO name, alpha-2, alpha-3 and a few everyday names ("Russia",
 * "UK") become aliases. Running it again changes nothing a user added.
 * *seeded (may be NULL) receives the number of countries created.
 * Returns 0, TIES_EIO or TIES_EDB.
 */
int ties_db_init(ties_db *db, const char *iso_json, long *seeded);

/* The default path of the ISO 3166-1 JSON file. Static string. */
const char *ties_iso3166_path(void);

/* -------------------------------------------------------- progress --- */

/*
 * A progress callback: `done` of `total` units (total 0 when unknown) of the
 * work named by `what`. Return non-zero to cancel (the call then fails with
 * TIES_ERROR and the message "cancelled").
 */
typedef int (*ties_progress_cb)(const char *what, long long done,
				long long total, void *payload);

/* Install (or remove, with NULL) a progress callback on the handle. */
void ties_db_set_progress(ties_db *db, ties_progress_cb cb, void *payload);

/* ----------------------------------------------------------- write --- */

/* A free key/value attribute. */
typedef struct ties_attr {
	const char *key;
	const char *value;
} ties_attr;

/*
 * An entity to add or update. `id` is the stable user-visible slug; `kind`
 * an open vocabulary word (country, institution, person, …); `country` a
 * reference to an entity (id, name or alias) or NULL. Aliases and attributes
 * given replace the ones stored when `replace` is non-zero and are added
 * otherwise. An attribute with an empty value removes that key.
 */
typedef struct ties_entity_spec {
	const char *id;
	const char *kind;
	const char *name;
	const char *country;
	const char *const *aliases;
	size_t naliases;
	const ties_attr *attrs;
	size_t nattrs;
	int replace;
} ties_entity_spec;

/*
 * Add the entity, or update the one with the same id. One transaction.
 * Returns 0, TIES_EINVALID (bad id, kind, name), TIES_ENOTFOUND or
 * TIES_EAMBIGUOUS (country reference), TIES_EDB.
 */
int ties_entity_put(ties_db *db, const ties_entity_spec *spec);

/*
 * A relation: `source` → `target` of `kind`, with an optional role, start
 * and end dates (YYYY, YYYY-MM or YYYY-MM-DD) and a source id. The same
 * (source, target, kind, role, start) updates the stored relation.
 */
typedef struct ties_relation_spec {
	const char *source;
	const char *target;
	const char *kind;
	const char *role;
	const char *start;
	const char *end;
	const char *source_id;
	const ties_attr *attrs;
	size_t nattrs;
	double weight; /* above 0; 0 means 1 (the default) */
} ties_relation_spec;

/* Add or update a relation. One transaction. Returns as ties_entity_put. */
int ties_relation_put(ties_db *db, const ties_relation_spec *spec);

/* A participant of an event: an entity reference and its role. */
typedef struct ties_participant_spec {
	const char *entity;
	const char *role; /* NULL or "" means "participant" */
	double weight;	  /* above 0; 0 means 1 (the default) */
} ties_participant_spec;

/*
 * An event: `id`, `kind` (mou, meeting, visit, …), an optional date, title,
 * place (entity reference) and source id, attributes, and participants,
 * which are added to those already stored.
 */
typedef struct ties_event_spec {
	const char *id;
	const char *kind;
	const char *date;
	const char *title;
	const char *place;
	const char *source_id;
	const ties_attr *attrs;
	size_t nattrs;
	const ties_participant_spec *participants;
	size_t nparticipants;
} ties_event_spec;

/* Add or update an event with its participants. One transaction. */
int ties_event_put(ties_db *db, const ties_event_spec *spec);

/* A source: where facts come from. */
typedef struct ties_source_spec {
	const char *id;
	const char *title;
	const char *url;
	const char *publisher;
	const char *date;
	const ties_attr *attrs;
	size_t nattrs;
} ties_source_spec;

/* Add or update a source. One transaction. */
int ties_source_put(ties_db *db, const ties_source_spec *spec);

/* What ties_remove() removes. */
enum ties_object {
	TIES_OBJ_ENTITY = 0,
	TIES_OBJ_EVENT = 1,
	TIES_OBJ_SOURCE = 2,
};

/*
 * Remove the object that `ref` names, in one transaction.
 *  - An entity goes with its aliases, attributes, relations (either end)
 *    and participations; entities whose home country it was lose their
 *    country, events held there lose their place. Events are kept.
 *  - An event goes with its participants and attributes.
 *  - A source goes; the relations and events citing it cite nothing.
 * *removed (may be NULL) receives a one-line summary, owned by the handle,
 * valid until the next call. Returns 0, TIES_ENOTFOUND, TIES_EAMBIGUOUS,
 * TIES_EDB.
 */
int ties_remove(ties_db *db, enum ties_object what, const char *ref,
		const char **removed);

/* ---------------------------------------------------------- import --- */

/* The tables of the CSV format; TIES_TABLE_AUTO recognises the header. */
enum ties_table_kind {
	TIES_TABLE_AUTO = 0,
	TIES_TABLE_ENTITIES,
	TIES_TABLE_RELATIONS,
	TIES_TABLE_EVENTS,
	TIES_TABLE_PARTICIPANTS,
	TIES_TABLE_SOURCES,
};

/* Counts of what an import wrote. */
typedef struct ties_import_stats {
	long long entities, relations, events, participants, sources;
	long long rows; /* data rows read */
} ties_import_stats;

/*
 * Import CSV files (RFC 4180; UTF-8 with or without a BOM) into the store in
 * one transaction. Each path is a file or a directory whose *.csv files are
 * read. The table of each file is recognised from its header unless `table`
 * names it. The tables are loaded in dependency order (sources, entities,
 * events, relations, participants) whatever the order of the paths, so
 * references may point into the same import or into the database.
 *
 * Any error leaves the database exactly as before and sets a message of the
 * form "FILE:LINE: problem". `stats` (may be NULL) receives the counts.
 * Returns 0, TIES_EINVALID, TIES_ENOTFOUND, TIES_EAMBIGUOUS, TIES_EIO,
 * TIES_EDB.
 */
int ties_import_csv(ties_db *db, const char *const *paths, size_t npaths,
		    enum ties_table_kind table, ties_import_stats *stats);

/* Formats of ties_import(). */
enum ties_import_format {
	TIES_IMPORT_AUTO = 0, /* by extension: .csv, .json, .dot/.gv,
				 .graphml/.xml */
	TIES_IMPORT_CSV,
	TIES_IMPORT_JSON,
	TIES_IMPORT_DOT,
	TIES_IMPORT_GRAPHML,
};

/* Import format by name (csv, json, dot, graphml); -1 when unknown. */
int ties_import_format_parse(const char *name);

/*
 * Import files of any supported format in one transaction: CSV files and
 * directories as ties_import_csv() (together, in dependency order), then
 * JSON (the document ties_export() writes), DOT (through cgraph) and
 * GraphML (through igraph's reader) files in the order given. In DOT and
 * GraphML a node is an event when its `kind` is an event kind (mou,
 * meeting, visit, agreement, conference, project, signing, treaty,
 * dialogue, summit, workshop, forum, exchange, seminar, delegation_visit,
 * joint_statement) or it has event=true; its edges to entities are
 * participations with the edge's `role`; edges between entities are
 * relations of the edge's `kind` (default "tie"). Any error leaves the
 * database as it was. Returns as ties_import_csv().
 */
int ties_import(ties_db *db, const char *const *paths, size_t npaths,
		enum ties_import_format format, enum ties_table_kind table,
		ties_import_stats *stats);

/* Table kind by name ("entities", …); TIES_TABLE_AUTO when unknown. */
enum ties_table_kind ties_table_kind_parse(const char *name);

/* -------------------------------------------------- tables of rows --- */

/*
 * A table of typed cells: what every query returns and what the writers
 * print. Rows and columns count from 0.
 */
typedef struct ties_table ties_table;

enum ties_type {
	TIES_NULL = 0,
	TIES_INT = 1,
	TIES_REAL = 2,
	TIES_TEXT = 3,
};

size_t ties_table_ncols(const ties_table *t);
size_t ties_table_nrows(const ties_table *t);
/* Column name, borrowed from the table. */
const char *ties_table_colname(const ties_table *t, size_t col);
enum ties_type ties_table_type(const ties_table *t, size_t row, size_t col);
/* Text of a cell (numbers formatted, NULL cells give NULL); borrowed. */
const char *ties_table_text(const ties_table *t, size_t row, size_t col);
long long ties_table_int(const ties_table *t, size_t row, size_t col);
double ties_table_real(const ties_table *t, size_t row, size_t col);
/* Free the table; NULL is allowed. */
void ties_table_free(ties_table *t);

/* Output formats of the writers. */
enum ties_format {
	TIES_FORMAT_TABLE = 0, /* aligned columns for people */
	TIES_FORMAT_CSV,       /* RFC 4180 */
	TIES_FORMAT_TSV,       /* tab-separated, \t \n \r \\ escaped */
	TIES_FORMAT_JSON,      /* one array of objects, keys = columns */
	TIES_FORMAT_CSV_EXCEL, /* CSV for a spreadsheet: a text cell that
				  begins with = + - @ (a formula to Excel
				  and LibreOffice) gets a ' before it */
};

/* Format by name ("table", "csv", "tsv", "json"); -1 when unknown. */
int ties_format_parse(const char *name);

/*
 * Write the table to `f` in `fmt`. Text is written intact: CSV quotes,
 * TSV escapes, JSON escapes; the table format shows control characters and
 * bidirectional overrides as escapes so that no name can break the layout.
 * Returns 0 or TIES_EIO when a write fails.
 */
int ties_table_write(const ties_table *t, FILE *f, enum ties_format fmt);

/* ------------------------------------------------------- extraction --- */

/*
 * A draft of entities, relations and events read from press releases by
 * rules (ties extract). Mentions are resolved against `db` first; nothing
 * is written to it.
 */
typedef struct ties_draft ties_draft;

typedef struct ties_extract_opts {
	const char *date;	/* publication date when a file gives none */
	const char *source_url; /* the releases' address */
	const char *publisher;	/* their publisher */
	const char *const *dict_dirs; /* more dictionaries (see ties(1)) */
	size_t ndict_dirs;
	/* Facts less sure than this go to review.txt only, not to the
	 * draft's tables (0 keeps all). */
	double min_confidence;
} ties_extract_opts;

/* Read the files (plain text or Markdown, with or without a YAML front
 * matter) into a draft. Errors name FILE:LINE. `opts` may be NULL. */
int ties_extract(ties_db *db, ties_draft **out, const char *const *paths,
		 size_t npaths, const ties_extract_opts *opts);
/* Write the draft into directory `dir` (made if missing): entities.csv,
 * relations.csv, events.csv, participants.csv, sources.csv (as ties import
 * reads them) and review.txt. */
int ties_draft_write(ties_draft *d, const char *dir);
/* The five CSV paths ties_draft_write() writes in `dir` (malloc'ed array
 * of malloc'ed strings); returns their number or TIES_ENOMEM. */
int ties_draft_paths(const ties_draft *d, const char *dir, char ***out);
/* What the draft holds: its tables' rows by kind, the database's entities
 * it refers to, and its facts, of which review_only are below
 * min_confidence (in review.txt, not in the tables). */
typedef struct ties_draft_summary {
	size_t releases, people, institutions, events, participations;
	size_t relations, known, facts, review_only;
} ties_draft_summary;
int ties_draft_summarize(ties_draft *d, ties_draft_summary *out);
/* The review: every fact with its confidence and sentence, weakest first. */
int ties_draft_review(const ties_draft *d, FILE *f);
/* The facts as a table: confidence, type, fact, where (FILE:LINE). */
int ties_draft_facts(const ties_draft *d, ties_table **out);
void ties_draft_free(ties_draft *d);


/* ---------------------------------------------------------- lookup --- */

/*
 * Resolve a reference to an entity: its id, name or any alias, compared
 * after Unicode NFKC normalisation, case folding and removal of combining
 * marks ("Ölga" and "OLGA" find "Olga"). When nothing matches exactly, a
 * reference each of whose words occurs in the name or one alias of exactly
 * one entity resolves to it ("Babaev" finds "Kirill Babaev").
 *
 * On success *out_id receives the entity's id (owned by the handle, valid
 * until the next call). Several candidates: TIES_EAMBIGUOUS, and the message
 * lists each with its id and kind. None: TIES_ENOTFOUND, and the message
 * suggests the nearest names. Never picks silently.
 */
int ties_entity_resolve(ties_db *db, const char *ref, const char **out_id);

/*
 * Normalise `s` for comparison: NFKC, case folding, combining marks removed,
 * similar punctuation lumped, white space collapsed. *out is malloc'ed and
 * owned by the caller (free() it). Returns 0, TIES_EINVALID (not UTF-8) or
 * TIES_ENOMEM.
 */
int ties_fold(char **out, const char *s);

/*
 * Entities whose name, alias or id contains every word of `text` as a word
 * or the beginning of one. Columns id,kind,name,country,matched (the name or
 * alias that matched), best matches first. The caller owns *out.
 */
int ties_find(ties_db *db, ties_table **out, const char *text, long limit);

/* Filters of ties_list(); NULL members filter nothing. */
typedef struct ties_list_opts {
	const char *kind;
	const char *country; /* reference to a country entity */
	int all;	     /* include seeded countries nothing uses */
} ties_list_opts;

/* Entities ordered by kind, then name, then id: id,kind,name,country. */
int ties_list(ties_db *db, ties_table **out, const ties_list_opts *opts);

/*
 * Counts by kind: columns what,kind,count, where what is one of entity,
 * event, relation, participant, source. Seeded countries that nothing uses
 * are not counted. The caller owns *out.
 */
int ties_stats(ties_db *db, ties_table **out);

/* Direction (schema 4). A relation kind is directed (source to target) or
 * not; a pair of roles makes an event's tie directed from the participant
 * in the first to the one in the second (visitor to host). Declared once
 * a database, with ties' defaults to begin with (member_of, part_of,
 * succeeded_by, funds, advises, visits, reports_to, based_in; visitor and
 * guest to host, sender to receiver, funder and donor to recipient). Each
 * call is one transaction. */
int ties_kind_relation(ties_db *db, const char *kind, int directed);
int ties_kind_roles(ties_db *db, const char *from, const char *to,
		    int directed);
/* The declarations: columns what (relation or roles), kind (the kind, or
 * "from -> to"), directed (yes or no). */
int ties_kinds(ties_db *db, ties_table **out);

/* ------------------------------------------------------------ card --- */

/*
 * The card of an entity: its fields and, as tables, its aliases, attributes,
 * relations (both directions, with roles and dates), events (date, kind,
 * role, the other participants) and the sources cited.
 */
typedef struct ties_card ties_card;

/* Build the card of the entity that `ref` names (see ties_entity_resolve).
 * The caller owns *out and frees it with ties_card_free(). */
int ties_card_get(ties_db *db, ties_card **out, const char *ref);

/* Field of the card: "id", "kind", "name", "country", "country_name";
 * NULL when absent. Borrowed from the card. */
const char *ties_card_field(const ties_card *c, const char *field);

/* Sections of the card: "aliases", "attributes", "relations", "events",
 * "sources"; NULL for an unknown name. Borrowed from the card. */
const ties_table *ties_card_section(const ties_card *c, const char *name);

/* Write the card as text for people (TIES_FORMAT_TABLE) or as one JSON
 * object (TIES_FORMAT_JSON). Returns 0, TIES_EINVALID for another format,
 * TIES_EIO. */
int ties_card_write(const ties_card *c, FILE *f, enum ties_format fmt);

/* Write several cards as one JSON array (or as text, separated by blank
 * lines). */
int ties_cards_write(ties_card *const *cards, size_t n, FILE *f,
		     enum ties_format fmt);

void ties_card_free(ties_card *c);

/* ------------------------------------------------------- tie graph --- */

/*
 * The tie graph, derived from the store on demand (never stored):
 *  - TIES_GRAPH_ENTITY: entities as nodes; two entities are tied when they
 *    take part in the same event (weight = number of shared events) or a
 *    relation links them (weight 1 each). Nodes are every entity that was
 *    added or imported, and every seeded country that takes part in an
 *    event or relation.
 *  - TIES_GRAPH_INSTITUTION: institutions as nodes; a unit (department,
 *    board, …) stands for the first institution up its part_of chain, and
 *    a person, at each event, for the institutions they were member_of at
 *    the event's date (a membership with dates counts only inside them, an
 *    undated one always). An event ties every pair of the institutions it
 *    gathers once.
 *  - TIES_GRAPH_COUNTRY: each tie of the entity graph between entities of
 *    different home countries adds its weight to the tie between those
 *    countries (a country entity stands for itself).
 *  - TIES_GRAPH_BIPARTITE: entities and events as nodes, participation as
 *    edges of weight 1.
 * All graphs are undirected, without loops or parallel edges.
 */
enum ties_projection {
	TIES_GRAPH_ENTITY = 0,
	TIES_GRAPH_INSTITUTION,
	TIES_GRAPH_COUNTRY,
	TIES_GRAPH_BIPARTITE,
};

/* How a tie's weight is made from its pieces of evidence (events and
 * relations): their number (the default), the sum of their weights, or
 * the mean. An event's piece between two participants weighs the smaller
 * of their participation weights (what both put in); a relation's, its
 * weight. */
enum ties_weight_mode {
	TIES_WEIGHT_EVIDENCE = 0,
	TIES_WEIGHT_SUM,
	TIES_WEIGHT_MEAN,
};

/* Weight mode by name ("evidence", "sum", "mean"); -1 when unknown. */
int ties_weight_mode_parse(const char *name);

/* Projection by name ("entity", "institution", "country", "bipartite");
 * -1 when unknown. */
int ties_projection_parse(const char *name);

/*
 * Filters, applied before projection; zero members filter nothing. Lists
 * are alternatives (kind A or kind B). Dates are partial dates standing
 * for intervals: an event dated 2025 lies inside from 2025-01 to 2025-12,
 * and to 2025 includes 2025-04-08. Events without a date are left out when
 * a window is given; relations without dates are timeless and stay.
 */
typedef struct ties_filter {
	const char *const *kinds; /* entity kinds */
	size_t nkinds;
	const char *const *countries; /* references to countries */
	size_t ncountries;
	const char *const *event_kinds;
	size_t nevent_kinds;
	const char *const *relation_kinds;
	size_t nrelation_kinds;
	const char *from, *to; /* date window, either may be NULL */
	double min_weight;     /* drop ties weaker than this (0: none) */
	const char *at;	       /* a snapshot: events on or before this date,
				  relations in force on it (NULL: none) */
	int with_dates;	       /* also keep each tie's first and last
				  evidence date (ties_graph_edge_dates) */
	/* Co-participation by role (entity, institution and country graphs;
	 * events only, relations are left out): only participations in one
	 * of `roles` make ties; with `same_role`, two participants are tied
	 * by an event only when they hold the same role in it (voting
	 * alike); with `share`, a tie's weight is the share of the events
	 * both took part in (in any role) that tie them so, in (0, 1]. */
	const char *const *roles;
	size_t nroles;
	int same_role;
	int share;
	enum ties_weight_mode weight; /* how ties weigh their evidence */
	/* A directed tie graph (entity and country graphs): a relation of a
	 * directed kind is an arc from its source to its target, an event's
	 * two participants in a directed role pair an arc from the first
	 * role to the second (ties_kind_relation, ties_kind_roles); every
	 * other tie is a pair of arcs, one each way. Relations and events
	 * weigh as in the undirected graph. */
	int directed;
} ties_filter;

typedef struct ties_graph ties_graph;

/*
 * Build a tie graph from the store, streaming its rows (no self-join in
 * SQL). Time O(P + sum of k_e^2 + R) for P participations, events of k_e
 * participants and R relations; memory O(N + E).
 * The entity graph without filters (a minimum weight aside) is loaded from
 * the snapshot beside the database file (FILE.adj) when it is of the data's
 * generation, and the snapshot is written when the graph was projected
 * (by a thread of its own, while the caller goes on: it is in place once
 * the graph is freed, which waits for it); the two graphs are the same.
 * Not inside a writing transaction, nor for a database in memory.
 * The graph keeps a pointer to `db` and must be freed before it is closed.
 * Returns 0, TIES_EINVALID (bad filter), TIES_ENOTFOUND/TIES_EAMBIGUOUS (a
 * country reference), TIES_ENOMEM, TIES_EDB. The caller owns *out.
 */
int ties_graph_build(ties_db *db, ties_graph **out, enum ties_projection p,
		     const ties_filter *filter);
void ties_graph_free(ties_graph *g);

size_t ties_graph_nnodes(const ties_graph *g);
size_t ties_graph_nedges(const ties_graph *g);
/* Node fields, borrowed from the graph: id, name, kind, and home country id
 * (NULL when none). Event nodes of the bipartite graph have the event's id,
 * title (or id) and kind. */
const char *ties_graph_node_id(const ties_graph *g, size_t node);
const char *ties_graph_node_name(const ties_graph *g, size_t node);
const char *ties_graph_node_kind(const ties_graph *g, size_t node);
const char *ties_graph_node_country(const ties_graph *g, size_t node);
/* The first and last date of tie `e`'s evidence, as full dates (a
 * partial date stands for its first and last day), borrowed from the
 * graph; NULL when undated or when the graph was built without
 * with_dates. Returns 1 when dated. */
int ties_graph_edge_dates(const ties_graph *g, size_t e, const char **first,
			  const char **last);

/* Edge `e`: its two nodes (a < b) and weight. */
void ties_graph_edge(const ties_graph *g, size_t e, size_t *a, size_t *b,
		     double *weight);

/* ---------------------------------------------------------- analysis --- */

/* Centrality measures; see ties_graph_measure() for each definition. */
enum ties_measure {
	TIES_DEGREE = 0,
	TIES_STRENGTH,
	TIES_BETWEENNESS,
	TIES_CLOSENESS,
	TIES_HARMONIC,
	TIES_EIGENVECTOR,
	TIES_PAGERANK,
	TIES_CORENESS,
	/* Of directed graphs (on undirected ones, in = out = degree or
	 * strength, and hub = authority). */
	TIES_IN_DEGREE,
	TIES_OUT_DEGREE,
	TIES_IN_STRENGTH,
	TIES_OUT_STRENGTH,
	TIES_HUB,
	TIES_AUTHORITY,
	TIES_NMEASURES
};
/* The measures of undirected graphs, which --by all lists: the first
 * TIES_NCLASSIC. */
#define TIES_NCLASSIC (TIES_CORENESS + 1)

/* Measure by name ("degree", …); -1 when unknown. */
int ties_measure_parse(const char *name);
/* The name of a measure. Static string. */
const char *ties_measure_name(enum ties_measure m);

/*
 * Compute measure `m` for every node into out[0 .. nnodes-1]:
 *  - degree: number of distinct neighbours. O(N).
 *  - strength: sum of tie weights (weights always count). O(E).
 *  - betweenness: Σ over unordered pairs {s,t} of the share of shortest
 *    s–t paths through the node, each pair counted once, unnormalised (the
 *    UCINET, igraph and NetworkX normalized=False convention). Brandes,
 *    O(N E) unweighted, O(N E + N² log N) weighted.
 *  - closeness: (r−1)/Σd over the r nodes reachable from the node (itself
 *    included); 0 for an isolate. O(N E).
 *  - harmonic: Σ 1/d over all other nodes, unnormalised. O(N E).
 *  - eigenvector: the leading eigenvector of the adjacency matrix, scaled
 *    so that the largest is 1 (ARPACK).
 *  - pagerank: damping 0.85, scores summing to 1 (PRPACK).
 *  - coreness: the k-core number. O(E).
 * With `weighted`, path-based measures use distance = 1/weight and
 * pagerank and eigenvector use the weights; otherwise they ignore them.
 * With cutoff > 0, betweenness, closeness and harmonic count only paths of
 * length up to `cutoff` (approximate). Errors are reported on `db`.
 */
int ties_graph_measure(ties_db *db, const ties_graph *g, enum ties_measure m,
		       int weighted, double cutoff, double *out);

/* Options of ties_rank(). */
typedef struct ties_rank_opts {
	enum ties_measure measure; /* with `all`: the order of the rows */
	int all;       /* every measure as a column, one row per node */
	int weighted;  /* see ties_graph_measure() */
	double cutoff; /* see ties_graph_measure(); 0 for exact */
	long top;      /* rows to keep; 0 for all */
} ties_rank_opts;

/*
 * Rank the nodes of `g`: columns rank,id,name,kind,country,score, highest
 * first; equal scores (within 1e-9 relative) share a rank and are ordered
 * by name, then id. With a cutoff, a last column `note` says the scores are
 * approximate. With `all`: columns id,name,kind,country and one per measure
 * (and `note` with a cutoff), ordered by `measure`, highest first (then by
 * name), so that `top` keeps the highest by it. The caller owns *out.
 */
int ties_rank(ties_db *db, ties_table **out, const ties_graph *g,
	      const ties_rank_opts *opts);

enum ties_community_method {
	TIES_LOUVAIN = 0,
	TIES_LEIDEN = 1,
};

typedef struct ties_community_opts {
	enum ties_community_method method;
	double resolution; /* 1 is classic modularity */
	unsigned long seed;
	int runs;	   /* keep the best of this many seeds (seed, seed+1, …) */
	int weighted;	   /* use tie weights */
} ties_community_opts;

/*
 * Communities by modularity: columns id,name,kind,country,community,
 * stability. Communities are numbered by size (1 the largest; ties by the
 * first member's name); rows ordered by community, then name. `stability`
 * is, over the runs, the mean share of runs in which the node was grouped
 * with each member of its community in the best partition (1 with one run).
 * *modularity receives the best partition's modularity (with the weights
 * and resolution used). The same seed gives the same partition.
 * Louvain: igraph's multilevel; Leiden: igraph's, on the modularity
 * objective. The caller owns *out.
 */
int ties_communities(ties_db *db, ties_table **out, const ties_graph *g,
		     const ties_community_opts *opts, double *modularity);

/*
 * Pairs of nodes grouped together in at least one run, with the share of
 * runs: columns a,b,together. The last ties_communities() run on `g` is
 * not reused: this runs the same opts again. O(runs × Σ size²).
 */
int ties_community_pairs(ties_db *db, ties_table **out, const ties_graph *g,
			 const ties_community_opts *opts);

/*
 * Connected components: columns component,size,members (up to ten names,
 * '; '-separated, "…" when more), largest first. The caller owns *out.
 */
int ties_components(ties_db *db, ties_table **out, const ties_graph *g);

/* --------------------------------------------------------- exploring --- */

/* Options of ties_paths(). */
typedef struct ties_path_opts {
	int all;	 /* every shortest path (at most k) */
	long k;		 /* with all: at most k paths; without: up to k good
			    paths, each sharing at most half of its
			    intermediate entities with any path before it */
	long max_length; /* longest path in hops; 0 for no limit */
	int weighted;	 /* the strongest path: distance = 1/weight */
	long evidence;	 /* pieces of evidence per hop, the earliest first;
			    0: all (a last row of type "more" counts the
			    rest) */
} ties_path_opts;

/*
 * Paths from `from` to `to` (references) in an entity graph, each hop with
 * its evidence: the events both ends took part in (with each side's role)
 * and the relations between them, as the graph's filter allows, each with
 * its source. One row per piece of evidence; columns path,length,hop,from,
 * from_name,to,to_name,weight,type,kind,event,date,end,title,place,
 * from_role,to_role,role,source,publisher,source_date,url,sentence, where
 * `sentence` reads as a line of a briefing ("Maheen Shafiq and Olga
 * Gerasimova both attended the meeting at ISSI on 2025-04-08 (UrduPoint /
 * Pakistan Point News, 2025-04-08)").
 * Shortest means fewest hops (unweighted BFS) or, weighted, least total
 * 1/weight (Dijkstra); equal paths are found in node order, so results
 * are stable. No path: TIES_ENOTFOUND with "no path between 'A' and 'B'".
 * The caller owns *out.
 */
int ties_paths(ties_db *db, ties_table **out, const ties_graph *g,
	       const char *from, const char *to, const ties_path_opts *opts);

/*
 * ties_paths() on the whole entity graph (no filters), for a cold process:
 * the one shortest unweighted path is found in the adjacency snapshot kept
 * beside the database file (FILE.adj, mapped, not read), which is made
 * again whenever the data changed since it was written (every write
 * through libties gives the data a new random generation; a change made
 * around libties, with the sqlite3 shell, needs the file removed). The first question
 * after a change pays one projection of the store; the next ones do not.
 * The answer is the one ties_paths() gives. With opts->all, k > 1 or
 * weighted, or a database in memory, the graph is projected as usual.
 */
int ties_path_quick(ties_db *db, ties_table **out, const char *from,
		    const char *to, const ties_path_opts *opts);

/*
 * Write paths as found by ties_paths(): TIES_FORMAT_TABLE as numbered
 * paths with one sentence per piece of evidence; TIES_FORMAT_JSON as an
 * array of paths, each {path, length, nodes, hops: [{from, to, weight,
 * evidence: [...]}]}; CSV and TSV as the flat rows.
 */
int ties_paths_write(const ties_table *paths, FILE *f, enum ties_format fmt);

/*
 * The ego network of `ref` within `depth` hops of a graph: columns id,name,
 * kind,country,distance,via, where `via` lists the kinds of tie (event and
 * relation kinds) that link the node to the nodes one hop nearer. Ordered
 * by distance, then name. O(nodes and ties within depth). The caller owns
 * *out.
 */
int ties_neighbors(ties_db *db, ties_table **out, const ties_graph *g,
		   const char *ref, long depth);

/*
 * Everything that links x and its entities to y and its entities (for a
 * country: itself and every entity whose home country it is; otherwise
 * itself, its units part_of it and their members): one row per event (in
 * date order) and per relation, columns type,date,kind,id,title,place,
 * x_side,y_side,source,cite; x_side and y_side list each side's
 * participants with their roles (for a relation, its two ends), cite the
 * source's publisher and date. *years (may be NULL) receives the counts per year: columns
 * year,events,relations. The filter's event and relation kinds and dates
 * apply. The caller owns *out and *years.
 */
int ties_between(ties_db *db, ties_table **out, ties_table **years,
		 const char *x, const char *y, const ties_filter *filter);

/*
 * Write what ties_between() found: in TIES_FORMAT_TABLE one block per
 * event or relation (date, kind, title, place; each side's participants
 * under the names xname and yname; the source), then the counts per year;
 * in the other formats the rows of `t` only.
 */
int ties_between_write(const ties_table *t, const ties_table *years,
		       FILE *f, enum ties_format fmt, const char *xname,
		       const char *yname);

/*
 * The ties between countries of a country graph: columns country_a,
 * country_b,weight,events,first,last (names; events = events that gather
 * entities of both countries, first and last their dates), strongest
 * first. With `matrix`, a country × country table of weights instead:
 * columns country then one per country id. The caller owns *out.
 */
int ties_countries(ties_db *db, ties_table **out, const ties_graph *g,
		   int matrix);

/* Options of ties_brokers(). */
typedef struct ties_broker_opts {
	const char *x, *y; /* two groups: countries, or community numbers */
	int by_community;  /* groups are Louvain communities (seed 1) */
	long top;	   /* rows to keep; 0 for all */
} ties_broker_opts;

/*
 * Brokers between two groups of an entity graph. For every node, the
 * Gould–Fernandez roles it plays in open triads a–v–b (a and b not tied),
 * for undirected ties: coordinator (a, v, b in one group), itinerant (a
 * and b in one group, v in another), gatekeeper (v shares its group with
 * exactly one of a and b; representative and gatekeeper are one role when
 * ties have no direction), liaison (three groups). Then the open triads
 * with one end in x and the other in y (xy_triads), and betweenness
 * counted only over the pairs with one end in x and one in y
 * (xy_betweenness, each pair once). Columns rank,id,name,kind,country,
 * group,coordinator,itinerant,gatekeeper,liaison,xy_triads,xy_betweenness;
 * nodes with some x–y brokerage, highest xy_betweenness first.
 * O(Σ deg²) for the triads, O(N E) for betweenness.
 */
int ties_brokers(ties_db *db, ties_table **out, const ties_graph *g,
		 const ties_broker_opts *opts);

/*
 * Events per year for `ref` (and its entities, as in ties_between()), or,
 * with `ref2`, for the events that link the two: columns year,events,bar,
 * every year from the first to the last; `bar` is a text bar. *spark (may
 * be NULL) receives a one-line sparkline, owned by the handle. The caller
 * owns *out.
 */
int ties_timeline(ties_db *db, ties_table **out, const char *ref,
		  const char *ref2, const ties_filter *filter,
		  const char **spark);

/*
 * What changed between the network as it stood at date `at1` and at `at2`
 * (events on or before the date; relations in force on it): columns
 * change,id,name,other_id,other_name,before,after, where change is
 * new_tie, ended_tie, new_entity, degree_mover or betweenness_mover (the
 * `top` largest changes in rank of each). The caller owns *out.
 */
int ties_diff(ties_db *db, ties_table **out, const char *at1,
	      const char *at2, const ties_filter *filter, long top);

/* Diagrams, reports and interchange formats. */
#include "ties_render.h"

/* Free memory the library returned for the caller to free. */
void ties_free(void *p);

/* ----------------------------------------------------------- dates --- */

/*
 * Check a partial date: YYYY, YYYY-MM or YYYY-MM-DD with a real month and
 * day (leap years counted). Returns 0 or TIES_EINVALID.
 */
int ties_date_check(const char *date);

#ifdef __cplusplus
}
#endif

#endif /* TIES_H */
