/*
 * Unit tests: ties' own PageRank (src/analysis/pagerank.c) is igraph's
 * (PRPACK) on the same graphs: weighted or not, directed or not, with
 * isolated and dangling nodes, loops and repeated ties.
 */
#include <math.h>

#include <igraph.h>

#include "helpers.h"
#include "analysis/analysis_int.h"

static unsigned long lcg(unsigned long *x)
{
	*x = *x * 6364136223846793005UL + 1442695040888963407UL;
	return *x >> 33;
}

/* A random graph of n nodes and m ties in g (its arrays malloc'd). */
static void random_graph(ties_graph *g, size_t n, size_t m, int directed,
			 unsigned long seed)
{
	unsigned long x = seed;
	size_t e;

	memset(g, 0, sizeof(*g));
	g->n = n;
	g->m = m;
	g->directed = directed;
	g->ea = malloc((m + 1) * sizeof(*g->ea));
	g->eb = malloc((m + 1) * sizeof(*g->eb));
	g->ew = malloc((m + 1) * sizeof(*g->ew));
	assert_true(g->ea && g->eb && g->ew);
	for (e = 0; e < m; e++) {
		/* Half the ties among the first tenth of the nodes: hubs; the
		 * last tenth has no tie at all. */
		size_t span = e % 2 ? n / 10 + 1 : n - n / 10;
		uint32_t a = (uint32_t)(lcg(&x) % span);
		uint32_t b = (uint32_t)(lcg(&x) % span);

		if (!directed && a == b)
			b = (uint32_t)((a + 1) % n);
		if (!directed && a > b) {
			uint32_t t = a;

			a = b;
			b = t;
		}
		g->ea[e] = a;
		g->eb[e] = b;
		g->ew[e] = 0.5 + (double)(lcg(&x) % 1000) / 100;
	}
}

static void compare(size_t n, size_t m, int directed, unsigned long seed)
{
	ties_graph g;
	igraph_t ig;
	igraph_vector_int_t ends;
	igraph_vector_t w, want;
	double *got = calloc(n, sizeof(*got));
	igraph_real_t value;

	assert_non_null(got);
	random_graph(&g, n, m, directed, seed);
	assert_int_equal(igraph_vector_int_init(&ends, 2 * (igraph_integer_t)m),
			 0);
	assert_int_equal(igraph_vector_init(&w, (igraph_integer_t)m), 0);
	for (size_t e = 0; e < m; e++) {
		VECTOR(ends)[2 * e] = g.ea[e];
		VECTOR(ends)[2 * e + 1] = g.eb[e];
		VECTOR(w)[e] = g.ew[e];
	}
	assert_int_equal(igraph_create(&ig, &ends, (igraph_integer_t)n,
				       directed ? IGRAPH_DIRECTED
						: IGRAPH_UNDIRECTED),
			 0);
	assert_int_equal(igraph_vector_init(&want, 0), 0);
	for (int weighted = 0; weighted < 2; weighted++) {
		double diff = 0, sum = 0;

		assert_int_equal(ties_an__pagerank(&g, weighted, got), 0);
		assert_int_equal(igraph_pagerank(&ig,
						 IGRAPH_PAGERANK_ALGO_PRPACK,
						 &want, &value,
						 igraph_vss_all(), directed,
						 0.85, weighted ? &w : NULL,
						 NULL),
				 0);
		for (size_t i = 0; i < n; i++) {
			diff += fabs(got[i] - VECTOR(want)[i]);
			sum += got[i];
		}
		/* PRPACK stops when a sweep changes the scores by less than
		 * 1e-10 in all, ties at 1e-12. */
		if (diff > 2e-10)
			fail_msg("n %zu m %zu %s %s: scores differ by %g in all",
				 n, m, directed ? "directed" : "undirected",
				 weighted ? "weighted" : "unweighted", diff);
		assert_true(fabs(sum - 1) < 1e-12);
	}
	igraph_vector_destroy(&want);
	igraph_vector_destroy(&w);
	igraph_vector_int_destroy(&ends);
	igraph_destroy(&ig);
	free(got);
	free(g.ea);
	free(g.eb);
	free(g.ew);
}

static void test_pagerank_is_prpacks_undirected(void **state)
{
	(void)state;
	compare(2, 1, 0, 1);
	compare(12, 20, 0, 2);
	compare(300, 900, 0, 3);
	compare(5000, 40000, 0, 4);
}

static void test_pagerank_is_prpacks_directed(void **state)
{
	(void)state;
	compare(2, 1, 1, 5);
	compare(12, 20, 1, 6);
	compare(300, 900, 1, 7);
	compare(5000, 40000, 1, 8);
}

/* No ties: every node the same score; no nodes: nothing to do. */
static void test_pagerank_without_ties(void **state)
{
	ties_graph g;
	double got[4];

	(void)state;
	memset(&g, 0, sizeof(g));
	g.n = 4;
	assert_int_equal(ties_an__pagerank(&g, 1, got), 0);
	for (int i = 0; i < 4; i++)
		assert_true(fabs(got[i] - 0.25) < 1e-15);
	g.n = 0;
	assert_int_equal(ties_an__pagerank(&g, 0, got), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pagerank_is_prpacks_undirected),
		cmocka_unit_test(test_pagerank_is_prpacks_directed),
		cmocka_unit_test(test_pagerank_without_ties),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
