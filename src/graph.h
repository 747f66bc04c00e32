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
	char *id, *name, *kind, *country;
};

struct ties_graph {
	ties_db *db;
	enum ties_projection projection;
	struct ties_graph_node *nodes;
	size_t n, capn;
	uint32_t *ea, *eb; /* edge ends, ea[i] < eb[i] */
	double *ew;	   /* edge weights */
	size_t m, capm;
};

#endif
