/*
 * graph.h — the layout of a tie graph, shared by graph.c (which builds it)
 * and analyze.c (which hands it to igraph). Private.
 */
#ifndef TIES_GRAPH_H
#define TIES_GRAPH_H

#include <stdint.h>

#include "ties_int.h"

struct ties_graph_node {
	sqlite3_int64 rowid;	     /* entity rowid, or event rowid */
	sqlite3_int64 country_rowid; /* home country, 0 when none */
	int is_event;		     /* bipartite event node */
	char *id, *name, *kind, *country, *country_name;
};

struct ties_graph {
	ties_db *db;
	enum ties_projection projection;
	/* A deep copy of the filter the graph was built with. */
	ties_filter filter;
	char **strings; /* what the copy points to, freed with the graph */
	size_t nstrings;
	struct ties_graph_node *nodes;
	size_t n, capn;
	uint32_t *ea, *eb; /* edge ends, ea[i] < eb[i] */
	double *ew;	   /* edge weights */
	size_t m, capm;
	/* Country projection only: per tie, the events that gather both
	 * countries and the first and last of their dates ("" when none). */
	long *events;
	char (*first)[11], (*last)[11];
	size_t capdates; /* slots of first/last (entity graphs with dates) */
	size_t last_tie; /* the tie add_tie() touched last */
	/* The generation of the data when the graph is the snapshot's (the
	 * entity graph without filters), else 0: its node scores can be
	 * kept beside the snapshot. */
	uint64_t snap_gen;
};

/*
 * The adjacency of a graph: per node its neighbours in ascending order, and
 * for each entry the index of its tie; the weight of entry i is
 * ew[edge[i]]. Built from a graph (it then borrows the graph's weights) or
 * mapped from the snapshot.
 */
struct ties_adj {
	size_t n;
	size_t *start;	  /* n + 1 offsets */
	uint32_t *nbr;	  /* neighbours, ascending per node */
	uint32_t *edge;	  /* index of the entry's tie */
	const double *ew; /* the ties' weights */
};

int ties_adj__build(const ties_graph *g, struct ties_adj *a);
void ties_adj__release(struct ties_adj *a);

/* The unfiltered entity graph, mapped from DB.adj (snapshot.c). */
struct ties_snap {
	void *map;
	size_t len;
	uint64_t n, m;
	const int64_t *rowid;	 /* node -> entity rowid, ascending */
	struct ties_adj a;	 /* in place: never released */
	const uint32_t *ea, *eb; /* the ties, in the graph's order */
};

/* "DB.adj" for the database's file; NULL for a memory database. */
char *ties_snap__path(ties_db *db);
/* Begin a read transaction when none is open (*own_txn = 1) and read the
 * data's generation into *gen: the snapshot of that generation stands for
 * the data until ties_snap__end(). */
int ties_snap__begin(ties_db *db, uint64_t *gen, int *own_txn);
void ties_snap__end(ties_db *db, int own_txn);
/* The node of entity `rowid` in the snapshot, or -1. */
long ties_snap__node(const struct ties_snap *sn, int64_t rowid);
/* Map the snapshot when it is of generation `gen`: 1, else 0. */
int ties_snap__open(ties_db *db, uint64_t gen, struct ties_snap *sn);
void ties_snap__close(struct ties_snap *sn);
/* Write graph g (unfiltered entity projection) with its adjacency as the
 * snapshot of generation `gen`, atomically; -1 when it could not be
 * written (a read-only directory, a full disk): there is then none. */
int ties_snap__write(ties_db *db, uint64_t gen, const ties_graph *g,
		     const struct ties_adj *a);

/* A measure of every node of the snapshot's graph of generation `gen`,
 * kept beside the snapshot as DB.adj.NAME: 1 when read, else 0. Writing
 * is best effort, like the snapshot's. */
int ties_snap__scores_read(ties_db *db, uint64_t gen, const char *name,
			   size_t n, double *out);
void ties_snap__scores_write(ties_db *db, uint64_t gen, const char *name,
			     size_t n, const double *in);

/* A node and its score; ties_scored__cmp orders by score, highest first,
 * then by node (for qsort). */
struct ties_scored {
	double s;
	size_t i;
};

int ties_scored__cmp(const void *x, const void *y);

/* Whether filter f filters nothing (a minimum weight aside). */
int ties_filter__plain(const ties_filter *f);

/*
 * What a focus diagram of the entity graph without filters needs, read
 * from the snapshot without loading the whole graph: the nodes within
 * `depth` of `focus`, the top `top` of them by measure m (all when top is
 * 0), and the ends of their three strongest ties; the ties among all of
 * these, in the graph's order. *out is that graph, *score the nodes' scores
 * of m on the whole graph, *keep the nodes drawn. Returns 1 when done, 0
 * when it cannot be done so (no snapshot of the data's generation, m's
 * scores not kept beside it, a focus not in it: then build the graph),
 * else an error.
 */
int ties_graph__focus(ties_db *db, const char *focus, long depth, long top,
		      enum ties_measure m, ties_graph **out, double **score,
		      unsigned char **keep);

/* The node of entity `rowid`, or -1 (entity nodes are in rowid order). */
long ties_graph__node_of(const ties_graph *g, sqlite3_int64 rowid);

/* Whether an event or a relation passes the graph's filter. */
int ties_filter__event_ok(const ties_filter *f, const char *kind,
			  const char *date);
int ties_filter__relation_ok(const ties_filter *f, const char *kind,
			     const char *start, const char *end);

#endif
