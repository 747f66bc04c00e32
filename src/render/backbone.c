/*
 * backbone.c — which ties of a dense graph a diagram draws: a backbone,
 * not "the heaviest N". On the ties among the drawn nodes:
 *
 *  - knn:K: each node's K strongest ties (a k-nearest-neighbour backbone),
 *    strength measured as w / sqrt(s_a s_b), so that a hub tied to all is
 *    not everyone's strongest;
 *  - disparity:ALPHA: the disparity filter (Serrano, Boguñá and Vespignani,
 *    "Extracting the multiscale backbone of complex weighted networks",
 *    PNAS 106:6483, 2009): a tie stays when, for either end of degree k and
 *    strength s, (1 - w/s)^(k-1) < ALPHA; ends of degree 1 keep their tie;
 *  - noise:DELTA: after the noise-corrected backbone (Coscia and Neffke,
 *    "Network backboning with noisy data", ICDE 2017): a tie stays when its
 *    weight exceeds what the two strengths lead one to expect, s_a s_b / S
 *    (S the sum of strengths), by more than DELTA standard deviations of a
 *    binomial of S draws — their binomial model without the Bayesian prior
 *    on the variance.
 *
 * The automatic choice: every tie when there are at most 4 a node; else
 * the disparity filter when weights spread widely (coefficient of
 * variation at least 1) and it keeps enough, else knn:3 (on near-complete
 * graphs with even weights, as co-votes are, the disparity filter keeps
 * nothing). Then every node keeps its strongest tie, and the drawn ties
 * are capped (about 4 a node: each node's strongest first, then by weight).
 * Nothing here is quadratic: sorts of the ties, and passes over them.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "render/render_int.h"

struct wtie {
	double w;
	size_t e;
};

/* Heaviest first, then in the graph's tie order. */
static int cmp_heavy(const void *x, const void *y)
{
	const struct wtie *a = x, *b = y;

	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return a->e < b->e ? -1 : a->e > b->e;
}

int ties_rd__backbone(const ties_graph *g, const double *ew,
		      const unsigned char *keep, size_t nkeep,
		      const ties_draw_opts *o, unsigned char *draw,
		      ties_buf *what)
{
	size_t m = 0, kept = 0, n = g->n;
	struct wtie *idx = malloc((g->m + 1) * sizeof(*idx)), *norm = NULL;
	unsigned char *knn = NULL;
	double *s = calloc(n + 1, sizeof(*s)), sum = 0, sq = 0, S = 0;
	long *deg = calloc(n + 1, sizeof(*deg)),
	     *rank = calloc(n + 1, sizeof(*rank));
	enum ties_backbone bb = o->backbone;
	double par = o->backbone_param;
	size_t cap = o->edges > 0 ? (size_t)o->edges : 4 * nkeep;
	const char *why = "";
	int rc = 0;

	if (!idx || !s || !deg || !rank) {
		rc = TIES_ENOMEM;
		goto done;
	}
	memset(draw, 0, g->m + 1);
	for (size_t e = 0; e < g->m; e++)
		if (keep[g->ea[e]] && keep[g->eb[e]] && ew[e] > 0) {
			idx[m].w = ew[e];
			idx[m++].e = e;
			s[g->ea[e]] += ew[e];
			s[g->eb[e]] += ew[e];
			deg[g->ea[e]]++;
			deg[g->eb[e]]++;
			sum += ew[e];
			sq += ew[e] * ew[e];
		}
	qsort(idx, m, sizeof(*idx), cmp_heavy);
	S = 2 * sum;
	if (cap < 20)
		cap = 20;
	/* Asked for all: no cap but the one asked for. */
	if (bb == TIES_BACKBONE_ALL && o->edges <= 0)
		cap = SIZE_MAX;
	if (bb == TIES_BACKBONE_AUTO) {
		double mean = m ? sum / (double)m : 0;
		double cv =
			mean > 0 ? sqrt(fmax(0, sq / (double)m - mean * mean)) /
					   mean
				 : 0;

		if (m <= 4 * nkeep) {
			bb = TIES_BACKBONE_ALL;
			why = "few enough to draw them all";
		} else if (cv >= 1) {
			bb = TIES_BACKBONE_DISPARITY;
			why = "dense, weights spread widely";
		} else {
			bb = TIES_BACKBONE_KNN;
			why = "dense, weights even";
		}
		par = 0;
	}
	/* knn ranks each node's ties by weight over the geometric mean of
	 * the two strengths, w / sqrt(s_a s_b): a hub that shares something
	 * with everyone (a country in every vote) is not everyone's
	 * strongest. */
	if (!(knn = calloc(g->m + 1, 1)) ||
	    !(norm = malloc((m + 1) * sizeof(*norm)))) {
		rc = TIES_ENOMEM;
		goto done;
	}
	for (size_t i = 0; i < m; i++) {
		size_t e = idx[i].e;

		norm[i].e = e;
		norm[i].w = idx[i].w / sqrt(s[g->ea[e]] * s[g->eb[e]]);
	}
	qsort(norm, m, sizeof(*norm), cmp_heavy);
	for (int pass = 0; pass < 2; pass++) {
		if (bb == TIES_BACKBONE_KNN && par <= 0)
			par = 3;
		if (bb == TIES_BACKBONE_DISPARITY && par <= 0)
			par = 0.05;
		if (bb == TIES_BACKBONE_NOISE && par <= 0)
			par = 1.64;
		memset(rank, 0, (n + 1) * sizeof(*rank));
		for (size_t i = 0; bb == TIES_BACKBONE_KNN && i < m; i++) {
			size_t e = norm[i].e;
			uint32_t a = g->ea[e], b = g->eb[e];

			knn[e] = rank[a]++ < (long)par;
			knn[e] |= rank[b]++ < (long)par;
		}
		memset(rank, 0, (n + 1) * sizeof(*rank));
		kept = 0;
		for (size_t i = 0; i < m; i++) {
			size_t e = idx[i].e;
			uint32_t a = g->ea[e], b = g->eb[e];
			double w = idx[i].w;
			int yes = 0;

			switch (bb) {
			case TIES_BACKBONE_KNN:
				yes = knn[e];
				break;
			case TIES_BACKBONE_DISPARITY:
				yes = deg[a] == 1 || deg[b] == 1 ||
				      pow(1 - w / s[a], (double)(deg[a] - 1)) <
					      par ||
				      pow(1 - w / s[b], (double)(deg[b] - 1)) <
					      par;
				break;
			case TIES_BACKBONE_NOISE: {
				double p = s[a] * s[b] / (S * S);
				double var = S * p * (1 - p);

				yes = var > 0 && (w - S * p) / sqrt(var) > par;
				break;
			}
			default:
				yes = 1;
			}
			rank[a]++;
			rank[b]++;
			draw[e] = (unsigned char)yes;
			kept += (size_t)yes;
		}
		/* The disparity filter keeps almost nothing of an even,
		 * near-complete graph: then the neighbours' backbone. */
		if (pass == 0 && o->backbone == TIES_BACKBONE_AUTO &&
		    bb == TIES_BACKBONE_DISPARITY && kept < nkeep / 2) {
			bb = TIES_BACKBONE_KNN;
			par = 0;
			why = "dense; the disparity filter kept too few";
			continue;
		}
		break;
	}
	/* Every node keeps its strongest tie; then at most `cap` ties: the
	 * strongest of each node first, then by weight. */
	memset(rank, 0, (n + 1) * sizeof(*rank));
	for (size_t i = 0; i < m; i++) {
		size_t e = idx[i].e;
		uint32_t a = g->ea[e], b = g->eb[e];

		int first_a = rank[a]++ == 0, first_b = rank[b]++ == 0;

		if (first_a || first_b) {
			if (!draw[e])
				kept++;
			draw[e] = 2; /* a strongest */
		}
	}
	if (kept > cap) {
		size_t left = cap;

		for (size_t i = 0; i < m; i++)
			if (draw[idx[i].e] == 2) {
				if (left)
					left--;
			}
		for (size_t i = 0; i < m; i++) {
			size_t e = idx[i].e;

			if (draw[e] == 1) {
				if (left)
					left--;
				else
					draw[e] = 0;
			}
		}
		kept = 0;
		for (size_t i = 0; i < m; i++)
			kept += draw[idx[i].e] != 0;
	}
	if (bb == TIES_BACKBONE_ALL && kept == m)
		ties_buf__printf(what, "drew all %zu ties among %zu entities",
				 m, nkeep);
	else
		ties_buf__printf(what,
				 "drew %zu of %zu ties among %zu entities",
				 kept, m, nkeep);
	if (bb == TIES_BACKBONE_KNN)
		ties_buf__printf(what,
				 ": backbone knn:%g (each one's %g "
				 "strongest)",
				 par, par);
	else if (bb == TIES_BACKBONE_DISPARITY)
		ties_buf__printf(what, ": backbone disparity:%g", par);
	else if (bb == TIES_BACKBONE_NOISE)
		ties_buf__printf(what, ": backbone noise:%g", par);
	if (*why)
		ties_buf__printf(what, " (%s)", why);
	if (kept >= cap && kept < m)
		ties_buf__printf(what, ", capped at %zu", cap);
done:
	free(idx);
	free(norm);
	free(knn);
	free(s);
	free(deg);
	free(rank);
	return rc;
}
