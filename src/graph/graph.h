/*
 * graph.h — the layout of a tie graph, shared by src/graph (which builds
 * it) and the layers above (analysis, explore, render, io/export). Private.
 */
#ifndef TIES_GRAPH_H
#define TIES_GRAPH_H

#include <pthread.h>
#include <stdint.h>

#include "graph/snapshot.h"
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
	/* While a graph of shares is built: per tie, the events both ends
	 * took part in (the share's denominator); NULL otherwise. */
	double *both;
	size_t capboth;
	/* Arcs: ea[i] -> eb[i] (then ea[i] < eb[i] does not hold). */
	int directed;
	/* The thread writing this graph as the snapshot, while `keeping`:
	 * nothing may change the graph until it is joined. */
	pthread_t keeper;
	int keeping;
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

/* Each node's neighbours; of a directed graph, the heads of the arcs that
 * leave it (ties_adj__build) or the tails of those that reach it
 * (ties_adj__build_in). */
/* Wait for the thread writing g as the snapshot, if any (keep.c). */
void ties_gr__keep_join(ties_graph *g);
int ties_adj__build(const ties_graph *g, struct ties_adj *a);
int ties_adj__build_in(const ties_graph *g, struct ties_adj *a);
void ties_adj__release(struct ties_adj *a);

/* A node and its score; ties_scored__cmp orders by score, highest first
 * (scores within a relative 1e-9 are the same), then by node (for qsort). */
struct ties_scored {
	double s;
	size_t i;
};

int ties_scored__cmp(const void *x, const void *y);

/* Whether filter f filters nothing (a minimum weight aside). */
int ties_filter__plain(const ties_filter *f);

/*
 * The ego network of src in adjacency a, into in[] (in[v] = 2 for a node
 * chosen; in[] all 0 before): src, then the nodes tied to those chosen at
 * the step before, strongest tie first (ties broken by key[v], lowest
 * first), `depth` steps (1 when depth <= 0), at most `top` nodes in all
 * (all within the depth when top <= 0). 0, or -1 when out of memory.
 */
int ties_gr__ego(const struct ties_adj *a, uint32_t src, long depth, long top,
		 const int64_t *key, unsigned char *in);
/* The same over g's tie list, without adjacency lists: the same nodes. */
int ties_gr__ego_edges(const ties_graph *g, uint32_t src, long depth,
		       long top, const int64_t *key, unsigned char *in);

/*
 * What a focus diagram of the entity graph without filters needs, read
 * from the snapshot without loading the whole graph: the ego network of
 * `focus` (ties_gr__ego) and the ends of its nodes' three strongest ties;
 * the ties among all of these, in the graph's order. *out is that graph,
 * *keep the nodes drawn. Returns 1 when done, 0 when it cannot be done so
 * (no snapshot of the data's generation, a focus not in it: then build
 * the graph), else an error.
 */
int ties_graph__focus(ties_db *db, const char *focus, long depth, long top,
		      ties_graph **out, unsigned char **keep);

/* The node of entity `rowid`, or -1 (entity nodes are in rowid order). */
long ties_graph__node_of(const ties_graph *g, sqlite3_int64 rowid);

/* Whether an event or a relation passes the graph's filter. */
int ties_filter__event_ok(const ties_filter *f, const char *kind,
			  const char *date);
int ties_filter__relation_ok(const ties_filter *f, const char *kind,
			     const char *start, const char *end);

#endif
