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
};

/* The node of entity `rowid`, or -1 (entity nodes are in rowid order). */
long ties_graph__node_of(const ties_graph *g, sqlite3_int64 rowid);

/* Whether an event or a relation passes the graph's filter. */
int ties_filter__event_ok(const ties_filter *f, const char *kind,
			  const char *date);
int ties_filter__relation_ok(const ties_filter *f, const char *kind,
			     const char *start, const char *end);

#endif
