/*
 * communities.c — communities by modularity (Leiden or Louvain, best of
 * several seeds, with each node's stability), and connected components.
 * Randomised algorithms seed igraph's RNG first, so the same seed gives the
 * same result.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "analysis_int.h"

/* One partition with seed `seed`; membership and modularity out. */
igraph_error_t ties_an__partition(const igraph_t *ig, const igraph_vector_t *w,
				  const ties_community_opts *o,
				  unsigned long seed,
				  igraph_vector_int_t *membership, double *q)
{
	igraph_real_t mod = 0;

	igraph_rng_seed(igraph_rng_default(), seed);
	if (o->method == TIES_LEIDEN) {
		igraph_vector_t strength;
		igraph_integer_t nc = 0;
		igraph_real_t total = 0;
		igraph_real_t quality = 0;

		/* Modularity objective: node weights = strengths, resolution
		 * scaled by 1/2m (igraph_community_leiden documentation). */
		IGRAPH_CHECK(igraph_vector_init(&strength, 0));
		IGRAPH_FINALLY(igraph_vector_destroy, &strength);
		IGRAPH_CHECK(igraph_strength(ig, &strength, igraph_vss_all(),
					     IGRAPH_ALL, IGRAPH_LOOPS, w));
		total = igraph_vector_sum(&strength);
		if (total > 0) {
			IGRAPH_CHECK(igraph_community_leiden(
				ig, w, &strength, o->resolution / total, 0.01,
				0, -1, membership, &nc, &quality));
		} else {
			IGRAPH_CHECK(igraph_vector_int_resize(
				membership, igraph_vcount(ig)));
			for (igraph_integer_t i = 0; i < igraph_vcount(ig); i++)
				VECTOR(*membership)[i] = i;
		}
		igraph_vector_destroy(&strength);
		IGRAPH_FINALLY_CLEAN(1);
	} else {
		IGRAPH_CHECK(igraph_community_multilevel(
			ig, w, o->resolution, membership, NULL, NULL));
	}
	IGRAPH_CHECK(igraph_modularity(ig, membership, w, o->resolution,
				       IGRAPH_UNDIRECTED, &mod));
	*q = isnan(mod) ? 0 : mod;
	return IGRAPH_SUCCESS;
}

/* All runs: the best membership, and per run the memberships (runs x n). */
static igraph_error_t all_runs(const igraph_t *ig, const igraph_vector_t *w,
			       const ties_community_opts *o,
			       igraph_vector_int_t *best, double *bestq,
			       igraph_integer_t *runs_out)
{
	igraph_vector_int_t mem;
	int r, runs = o->runs > 0 ? o->runs : 1;
	double q;
	igraph_integer_t n = igraph_vcount(ig), i;

	IGRAPH_CHECK(igraph_vector_int_init(&mem, n));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &mem);
	for (r = 0; r < runs; r++) {
		IGRAPH_CHECK(ties_an__partition(
			ig, w, o, o->seed + (unsigned long)r, &mem, &q));
		if (r == 0 || q > *bestq + 1e-12) {
			*bestq = q;
			IGRAPH_CHECK(igraph_vector_int_update(best, &mem));
		}
		for (i = 0; runs_out && i < n; i++)
			runs_out[(size_t)r * (size_t)n + (size_t)i] =
				VECTOR(mem)[i];
	}
	igraph_vector_int_destroy(&mem);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static int cmp_comm(const void *x, const void *y)
{
	const struct comm *a = x, *b = y;
	int c;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	if (!a->size)
		return 0;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* Renumber communities by size: number[label] = 1, 2, … */
size_t *ties_an__number_by_size(const ties_graph *g,
				const igraph_vector_int_t *mem, size_t *ncomm)
{
	size_t n = g->n, i, k = 0, *number;
	struct comm *c;
	size_t *order = ties_an__sorted_nodes(g, NULL);

	c = calloc(n ? n : 1, sizeof(*c));
	number = calloc(n ? n : 1, sizeof(*number));
	if (!c || !number || !order) {
		free(c);
		free(number);
		free(order);
		return NULL;
	}
	for (i = 0; i < n; i++)
		c[i].label = (igraph_integer_t)i;
	/* Visit nodes by name so that `first` is the first by name. */
	for (i = 0; i < n; i++) {
		size_t v = order[i];
		igraph_integer_t l = VECTOR(*mem)[v];

		if (c[l].size++ == 0) {
			c[l].name = g->nodes[v].name;
			c[l].id = g->nodes[v].id;
		}
	}
	qsort(c, n, sizeof(*c), cmp_comm);
	for (i = 0; i < n && c[i].size > 0; i++, k++)
		number[c[i].label] = i + 1;
	*ncomm = k;
	free(c);
	free(order);
	return number;
}

/* The best of o->runs partitions of g into *best, its modularity into *q,
 * and every run's labels into *runs (runs × n, malloc'ed); 0 or an error,
 * reported. */
static int partitions(ties_db *db, const ties_graph *g,
		      const ties_community_opts *o, igraph_vector_int_t *best,
		      double *q, igraph_integer_t **runs)
{
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_error_t err;
	size_t n = g->n, nruns = o->runs > 0 ? (size_t)o->runs : 1;

	*q = 0;
	if (!(*runs = malloc(nruns * (n ? n : 1) * sizeof(**runs))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	ties_an__guard_on(&guard);
	if ((err = ties_an__to_igraph_as(g, &ig, &w, &dist, 0, 0)) !=
	    IGRAPH_SUCCESS) {
		ties_an__guard_off(&guard);
		free(*runs);
		*runs = NULL;
		return ties_an__ig_fail(db, err);
	}
	if ((err = igraph_vector_int_init(best, (igraph_integer_t)n)) ==
	    IGRAPH_SUCCESS) {
		err = all_runs(&ig, o->weighted ? &w : NULL, o, best, q, *runs);
		if (err != IGRAPH_SUCCESS)
			igraph_vector_int_destroy(best);
	}
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	ties_an__guard_off(&guard);
	if (err != IGRAPH_SUCCESS) {
		free(*runs);
		*runs = NULL;
		return ties_an__ig_fail(db, err);
	}
	return 0;
}

/*
 * The rows of ties communities, by community then name (order). Stability:
 * the share of runs that group v with each co-member of its community in
 * the best partition. Counted per community and run (how many members
 * carry each label), so O(runs x n), not n^2.
 */
static int community_rows(ties_table *t, const ties_graph *g,
			  const igraph_vector_int_t *best, const size_t *number,
			  size_t ncomm, const size_t *order,
			  const igraph_integer_t *runs, size_t nruns)
{
	size_t n = g->n, i, j;
	size_t *start = calloc(ncomm + 2, sizeof(*start));
	size_t *member = malloc((n + 1) * sizeof(*member));
	size_t *fill = calloc(ncomm + 2, sizeof(*fill));
	size_t *cnt = calloc(n + 1, sizeof(*cnt));
	double *together = calloc(n + 1, sizeof(*together));
	int rc = TIES_ENOMEM;

	if (!start || !member || !fill || !cnt || !together)
		goto done;
	/* Members of each community, in the sorted order. */
	for (i = 0; i < n; i++)
		start[number[VECTOR(*best)[i]] + 1]++;
	for (size_t c = 1; c <= ncomm + 1; c++)
		start[c] += start[c - 1];
	for (i = 0; i < n; i++) {
		size_t v = order[i], c = number[VECTOR(*best)[v]];

		member[start[c] + fill[c]++] = v;
	}
	for (size_t c = 1; c <= ncomm; c++)
		for (size_t r = 0; r < nruns; r++) {
			const igraph_integer_t *lab = runs + r * n;

			for (j = start[c]; j < start[c + 1]; j++)
				cnt[lab[member[j]]]++;
			for (j = start[c]; j < start[c + 1]; j++)
				together[member[j]] +=
					(double)(cnt[lab[member[j]]] - 1);
			for (j = start[c]; j < start[c + 1]; j++)
				cnt[lab[member[j]]] = 0;
		}
	for (size_t c = 1; c <= ncomm; c++)
		for (j = start[c]; j < start[c + 1]; j++) {
			size_t v = member[j];
			double pairs = (double)(start[c + 1] - start[c] - 1) *
				       (double)nruns;

			if (ties_table__add_row(t) < 0 ||
			    ties_an__set_node_cells(t, g, v, 0) < 0 ||
			    ties_table__set_int(t, 4, (long long)c) < 0 ||
			    ties_table__set_real(
				    t, 5, pairs ? together[v] / pairs : 1) < 0)
				goto done;
		}
	rc = 0;
done:
	free(start);
	free(member);
	free(fill);
	free(cnt);
	free(together);
	return rc;
}

int ties_communities(ties_db *db, ties_table **out, const ties_graph *g,
		     const ties_community_opts *o, double *modularity)
{
	static const char *const cols[] = {"id",      "name",	   "kind",
					   "country", "community", "stability"};
	igraph_vector_int_t best;
	igraph_integer_t *runs = NULL;
	ties_table *t = NULL;
	size_t *number = NULL, *order = NULL, ncomm = 0;
	size_t nruns = o->runs > 0 ? (size_t)o->runs : 1;
	double q = 0;
	int rc = 0;

	assert(db && out && g && o);
	*out = NULL;
	if (o->resolution <= 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "resolution must be positive");
	if ((rc = partitions(db, g, o, &best, &q, &runs)) < 0)
		return rc;
	if (!(number = ties_an__number_by_size(g, &best, &ncomm)) ||
	    !(order = ties_an__sorted_nodes(g, NULL)) ||
	    !(t = ties_table__new(6, cols)) ||
	    community_rows(t, g, &best, number, ncomm, order, runs, nruns) <
		    0) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if (modularity)
		*modularity = q;
	*out = t;
	t = NULL;
done:
	igraph_vector_int_destroy(&best);
	free(runs);
	free(number);
	free(order);
	ties_table_free(t);
	return rc;
}

int ties_community_pairs(ties_db *db, ties_table **out, const ties_graph *g,
			 const ties_community_opts *o)
{
	static const char *const cols[] = {"a", "b", "together"};
	igraph_vector_int_t best;
	igraph_integer_t *runs = NULL;
	ties_table *t = NULL;
	size_t *order = NULL, i, j, n = g->n;
	size_t nruns = o->runs > 0 ? (size_t)o->runs : 1, r;
	double q = 0;
	int rc = 0;

	assert(db && out && g && o);
	*out = NULL;
	if ((rc = partitions(db, g, o, &best, &q, &runs)) < 0)
		return rc;
	if (!(order = ties_an__sorted_nodes(g, NULL)) ||
	    !(t = ties_table__new(3, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			size_t a = order[i], b = order[j], k = 0;

			for (r = 0; r < nruns; r++)
				k += runs[r * n + a] == runs[r * n + b];
			if (k == 0)
				continue;
			if (ties_table__add_row(t) < 0 ||
			    ties_table__set_text(t, 0, g->nodes[a].id) < 0 ||
			    ties_table__set_text(t, 1, g->nodes[b].id) < 0 ||
			    ties_table__set_real(
				    t, 2, (double)k / (double)nruns) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	*out = t;
	t = NULL;
done:
	igraph_vector_int_destroy(&best);
	free(runs);
	free(order);
	ties_table_free(t);
	return rc;
}

int ties_components(ties_db *db, ties_table **out, const ties_graph *g)
{
	static const char *const cols[] = {"component", "size", "members"};
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_vector_int_t mem, sizes;
	igraph_integer_t nc = 0;
	igraph_error_t err;
	ties_table *t = NULL;
	size_t *number = NULL, *order = NULL, ncomm = 0, i, c;
	int rc = 0;

	assert(db && out && g);
	*out = NULL;
	ties_an__guard_on(&guard);
	if ((err = ties_an__to_igraph(g, &ig, &w, &dist, 0)) !=
	    IGRAPH_SUCCESS) {
		ties_an__guard_off(&guard);
		return ties_an__ig_fail(db, err);
	}
	igraph_vector_int_init(&mem, 0);
	igraph_vector_int_init(&sizes, 0);
	/* Of a directed graph, the strongly connected components: each
	 * member reaches every other along the arcs. */
	err = igraph_connected_components(&ig, &mem, &sizes, &nc,
					  g->directed ? IGRAPH_STRONG
						      : IGRAPH_WEAK);
	if (err != IGRAPH_SUCCESS) {
		rc = ties_an__ig_fail(db, err);
		goto done;
	}
	if (!(number = ties_an__number_by_size(g, &mem, &ncomm)) ||
	    !(order = ties_an__sorted_nodes(g, NULL)) ||
	    !(t = ties_table__new(3, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (c = 1; c <= ncomm; c++) {
		ties_buf b = TIES_BUF_INIT;
		size_t size = 0;

		for (i = 0; i < g->n; i++) {
			size_t v = order[i];

			if (number[VECTOR(mem)[v]] != c)
				continue;
			if (size < 10)
				ties_buf__printf(&b, "%s%s", size ? "; " : "",
						 g->nodes[v].name);
			else if (size == 10)
				ties_buf__puts(&b, "; …");
			size++;
		}
		rc = ties_table__add_row(t);
		if (rc == 0)
			rc = ties_table__set_int(t, 0, (long long)c);
		if (rc == 0)
			rc = ties_table__set_int(t, 1, (long long)size);
		if (rc == 0)
			rc = ties_table__set_text(t, 2, ties_buf__str(&b));
		ties_buf__release(&b);
		if (rc < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	*out = t;
	t = NULL;
done:
	igraph_vector_int_destroy(&mem);
	igraph_vector_int_destroy(&sizes);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	ties_an__guard_off(&guard);
	free(number);
	free(order);
	ties_table_free(t);
	return rc;
}
