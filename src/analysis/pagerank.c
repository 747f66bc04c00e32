/*
 * pagerank.c — PageRank on the tie graph itself, without igraph's copy of
 * it.
 *
 * igraph's PageRank (PRPACK) needs the graph as an igraph_t (32 bytes a
 * tie: two 64-bit ends and two 64-bit indexes) and then copies it twice
 * more into structures of its own: a peak of 3,191-3,399 MiB for the 28
 * million ties of a million entities, where the ties themselves take
 * 453 MB. This solver
 * reads the tie list once into the arcs that reach each node (12 bytes an
 * arc: a 32-bit tail and its weight; 4 without weights) and iterates over
 * them.
 *
 * It solves the system PRPACK solves, so the scores are the same to
 * rounding (a unit test compares the two on random graphs, weighted or
 * not, directed or not, with dangling nodes and loops):
 *
 *   x_i = alpha * sum over arcs j -> i of x_j w_ji / s_j
 *       + alpha / n * sum over dangling nodes d of x_d
 *       + (1 - alpha) / n
 *
 * where s_j is the weight of the arcs that leave j, a node with none is
 * dangling, and an undirected tie is an arc each way. The method is
 * Gauss-Seidel, as PRPACK's: each node's new score is used at once by the
 * nodes after it in the same sweep. Sweeps stop when they change the
 * scores by less than 1e-12 in all (PRPACK stops at 1e-10; 77 sweeps for
 * the 7 million ties of bench/gen M, 78 for the 28 million of L); the
 * scores are then scaled to sum to 1.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "analysis_int.h"

#define DAMPING 0.85
#define TOLERANCE 1e-12
#define MAX_SWEEPS 100000

struct arcs {
	size_t *start; /* n + 1: the arcs that reach node i */
	uint32_t *tail;
	double *w; /* NULL: every arc weighs 1 */
};

static void arcs_release(struct arcs *a)
{
	free(a->start);
	free(a->tail);
	free(a->w);
}

/* The arcs of g that reach each node, and each node's out-weight. */
static int arcs_build(const ties_graph *g, int weighted, struct arcs *a,
		      double *out_w)
{
	size_t n = g->n, m = g->m, e, i, narcs;
	size_t *fill;

	narcs = g->directed ? m : 2 * m;
	a->start = calloc(n + 1, sizeof(*a->start));
	a->tail = malloc((narcs ? narcs : 1) * sizeof(*a->tail));
	a->w = weighted ? malloc((narcs ? narcs : 1) * sizeof(*a->w)) : NULL;
	fill = calloc(n + 1, sizeof(*fill));
	if (!a->start || !a->tail || (weighted && !a->w) || !fill) {
		free(fill);
		return TIES_ENOMEM;
	}
	for (e = 0; e < m; e++) {
		double w = weighted ? g->ew[e] : 1;

		a->start[g->eb[e] + 1]++;
		out_w[g->ea[e]] += w;
		if (!g->directed) {
			a->start[g->ea[e] + 1]++;
			out_w[g->eb[e]] += w;
		}
	}
	for (i = 0; i < n; i++)
		a->start[i + 1] += a->start[i];
	for (i = 0; i < n; i++)
		fill[i] = a->start[i];
	for (e = 0; e < m; e++) {
		size_t k = fill[g->eb[e]]++;

		a->tail[k] = g->ea[e];
		if (a->w)
			a->w[k] = g->ew[e];
		if (!g->directed) {
			k = fill[g->ea[e]]++;
			a->tail[k] = g->eb[e];
			if (a->w)
				a->w[k] = g->ew[e];
		}
	}
	free(fill);
	return 0;
}

int ties_an__pagerank(const ties_graph *g, int weighted, double *out)
{
	size_t n = g->n, i, k, sweeps;
	struct arcs a = {NULL, NULL, NULL};
	double *s = NULL, *y = NULL;
	double dangling, err, sum, tele;
	int rc;

	if (n == 0)
		return 0;
	if (!(s = calloc(n, sizeof(*s))) || !(y = malloc(n * sizeof(*y)))) {
		rc = TIES_ENOMEM;
		goto done;
	}
	if ((rc = arcs_build(g, weighted, &a, s)) < 0)
		goto done;
	/* s becomes 1 / out-weight (0 for a dangling node); y_j = x_j s_j,
	 * what node j gives along each unit of weight of its arcs. */
	tele = (1 - DAMPING) / (double)n;
	for (i = 0; i < n; i++) {
		s[i] = s[i] > 0 ? 1 / s[i] : 0;
		out[i] = 1 / (double)n;
		y[i] = out[i] * s[i];
	}
	for (sweeps = 0, err = 1; err >= TOLERANCE && sweeps < MAX_SWEEPS;
	     sweeps++) {
		err = 0;
		/* Summed again each sweep, so that rounding does not drift. */
		for (i = 0, dangling = 0; i < n; i++)
			if (s[i] == 0)
				dangling += out[i];
		for (i = 0; i < n; i++) {
			double acc = 0, x;

			if (a.w)
				for (k = a.start[i]; k < a.start[i + 1]; k++)
					acc += a.w[k] * y[a.tail[k]];
			else
				for (k = a.start[i]; k < a.start[i + 1]; k++)
					acc += y[a.tail[k]];
			x = DAMPING * (acc + dangling / (double)n) + tele;
			if (s[i] == 0)
				dangling += x - out[i];
			err += fabs(x - out[i]);
			out[i] = x;
			y[i] = x * s[i];
		}
	}
	for (i = 0, sum = 0; i < n; i++)
		sum += out[i];
	for (i = 0; i < n; i++)
		out[i] /= sum;
	rc = 0;
done:
	arcs_release(&a);
	free(s);
	free(y);
	return rc;
}
