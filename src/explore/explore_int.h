/*
 * explore_int.h — what the files of src/explore share: the shortest-path
 * search and its path lists. Private to src/explore.
 */
#ifndef TIES_EXPLORE_EXPLORE_INT_H
#define TIES_EXPLORE_EXPLORE_INT_H

#include <stdint.h>

#include "graph/graph.h"

/* Distances and predecessors of one search from `src`. */
struct search {
	double *dist; /* INFINITY when unreached */
	long *hops;
	long *pred; /* one predecessor, or -1 */
};

/* A binary heap of (distance, node) for Dijkstra. */
struct heap {
	double *d;
	uint32_t *v;
	size_t n, cap;
};

/* A found path: nodes from source to target. */
struct path {
	uint32_t *v;
	size_t n;
};

struct pathlist {
	struct path *p;
	size_t n, cap;
};

struct hop_ctx {
	ties_db *db;
	const ties_graph *g;
	ties_table *t;
	size_t path, length, hop;
	uint32_t a, b;
	double weight;
	long rows, max, more;
	int rc;
	ties_buf seen; /* the hop's symmetric relations, one key each */
};

struct kinds_ctx {
	const ties_filter *f;
	ties_buf *kinds; /* NUL-separated, distinct */
};

struct between_ctx {
	ties_db *db;
	const ties_filter *f;
	ties_table *t;
	int rc;
};

struct timeline_ctx {
	ties_db *db;
	const ties_filter *f;
	ties_table *t;
};

struct mover {
	size_t node;
	double delta;
	const char *name;
};

/* search.c */
void ties_ex__search_release(struct search *s);
int ties_ex__search(const struct ties_adj *a, uint32_t src, int weighted,
		    long max_hops, const double *penalty, long stop,
		    struct search *s);
void ties_ex__pathlist_release(struct pathlist *l);
int ties_ex__pathlist_add(struct pathlist *l, const uint32_t *v, size_t n);
int ties_ex__diverse(const struct path *p, const struct path *q);
int ties_ex__trace(const struct search *s, uint32_t t, struct pathlist *l);
int ties_ex__all_shortest(const struct ties_adj *a, const struct search *s,
			  uint32_t src, uint32_t t, int weighted, long max_hops,
			  long k, struct pathlist *l);
/* bibfs.c: the shortest path from s to t of an unweighted adjacency,
 * searched from both ends; the path the one-sided search gives. 0 with
 * the path added to out, 1 when there is none (within max_hops > 0), 2
 * when the adjacency's check refused a node (a damaged snapshot), or an
 * error. */
int ties_ex__bibfs(const struct ties_adj *a, uint32_t s, uint32_t t,
		   long max_hops, struct pathlist *out);
/* path.c */
const char *ties_ex__or_empty(const char *s);
void ties_ex__cite(ties_buf *b, const ties_evidence *ev);
const char *ties_ex__cell(const ties_table *t, size_t r, size_t c);

#endif
