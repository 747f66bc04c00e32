/*
 * analysis_int.h — what the files of src/analysis share: igraph's error
 * guard, the conversion of a tie graph, and node cells. Private to
 * src/analysis.
 */
#ifndef TIES_ANALYSIS_ANALYSIS_INT_H
#define TIES_ANALYSIS_ANALYSIS_INT_H

#include <igraph.h>

#include "graph/graph.h"

struct ig_guard {
	igraph_error_handler_t *err;
	igraph_warning_handler_t *warn;
};

/* Sort keys carry what the comparison needs: qsort has no payload. */
struct sortkey {
	double score;
	const char *name, *id;
	size_t node;
	int by_score;
};

struct comm {
	igraph_integer_t label;
	size_t size;
	const char *name, *id; /* of the first member by name */
};

/* measure.c */
void ties_an__guard_on(struct ig_guard *g);
void ties_an__guard_off(struct ig_guard *g);
int ties_an__ig_fail(ties_db *db, igraph_error_t err);
igraph_error_t ties_an__to_igraph(const ties_graph *g, igraph_t *ig,
				  igraph_vector_t *w, igraph_vector_t *dist,
				  int need_dist);
/* The same, directed or not as asked: the communities of a directed graph
 * are those of its undirected version (an arc each way, two parallel
 * edges, their weights summed by modularity). */
igraph_error_t ties_an__to_igraph_as(const ties_graph *g, igraph_t *ig,
				     igraph_vector_t *w, igraph_vector_t *dist,
				     int need_dist, int directed);
/* A measure that needs igraph's graph (not degree, strength or PageRank,
 * which ties_an__measures computes on the tie list). */
igraph_error_t ties_an__measure(const ties_graph *g, const igraph_t *ig,
				const igraph_vector_t *w,
				const igraph_vector_t *dist,
				enum ties_measure m, int weighted,
				double cutoff, double *out);
int ties_an__measures(ties_db *db, const ties_graph *g,
		      const enum ties_measure *ms, size_t nm, int weighted,
		      double cutoff, double **out);
/* pagerank.c: the PageRank of g's nodes (damping 0.85) in out[n], on
 * the ties' weights or not; 0 or TIES_ENOMEM. */
int ties_an__pagerank(const ties_graph *g, int weighted, double *out);
/* rank.c */
int ties_an__same_score(double a, double b);
int ties_an__cmp_key(const void *x, const void *y);
size_t *ties_an__sorted_nodes(const ties_graph *g, const double *score);
int ties_an__set_node_cells(ties_table *t, const ties_graph *g, size_t node,
			    size_t col);
/* communities.c */
igraph_error_t ties_an__partition(const igraph_t *ig, const igraph_vector_t *w,
				  const ties_community_opts *o,
				  unsigned long seed,
				  igraph_vector_int_t *membership, double *q);
size_t *ties_an__number_by_size(const ties_graph *g,
				const igraph_vector_int_t *mem, size_t *ncomm);

#endif
