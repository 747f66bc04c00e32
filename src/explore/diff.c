/*
 * diff.c — ties diff: new and ended ties, new entities, and the biggest
 * movers in rank between two dates.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"

static int cmp_edge_key(const void *x, const void *y)
{
	const uint64_t *a = x, *b = y;

	return *a < *b ? -1 : *a > *b;
}

/* Ties keyed by node pair, sorted, with their weights. */
static uint64_t *edge_keys(const ties_graph *g)
{
	uint64_t *k = malloc((g->m + 1) * sizeof(*k));
	size_t e;

	if (!k)
		return NULL;
	for (e = 0; e < g->m; e++)
		k[e] = (uint64_t)g->ea[e] << 32 | g->eb[e];
	qsort(k, g->m, sizeof(*k), cmp_edge_key);
	return k;
}

static int diff_row(ties_table *t, const char *change,
		    const struct ties_graph_node *a,
		    const struct ties_graph_node *b, long long before,
		    long long after)
{
	if (ties_table__add_row(t) < 0 ||
	    ties_table__set_text(t, 0, change) < 0 ||
	    ties_table__set_text(t, 1, a->id) < 0 ||
	    ties_table__set_text(t, 2, a->name) < 0 ||
	    ties_table__set_text(t, 3, b ? b->id : NULL) < 0 ||
	    ties_table__set_text(t, 4, b ? b->name : NULL) < 0 ||
	    ties_table__set_int(t, 5, before) < 0 ||
	    ties_table__set_int(t, 6, after) < 0)
		return TIES_ENOMEM;
	return 0;
}

/* Competition ranks (1 = highest) of scores. */
static void ranks(const double *score, size_t n, double *rank)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		size_t above = 0;

		for (j = 0; j < n; j++)
			if (score[j] > score[i] &&
			    fabs(score[j] - score[i]) >
				    1e-9 * (fabs(score[i]) > 1 ? fabs(score[i])
							       : 1))
				above++;
		rank[i] = (double)(above + 1);
	}
}

static int cmp_mover(const void *x, const void *y)
{
	const struct mover *a = x, *b = y;

	if (fabs(a->delta) != fabs(b->delta))
		return fabs(a->delta) > fabs(b->delta) ? -1 : 1;
	return strcmp(a->name, b->name);
}

int ties_diff(ties_db *db, ties_table **out, const char *at1, const char *at2,
	      const ties_filter *filter, long top)
{
	static const char *const cols[] = {"change",   "id",	     "name",
					   "other_id", "other_name", "before",
					   "after"};
	static const ties_filter none;
	ties_filter f1, f2;
	ties_graph *g1 = NULL, *g2 = NULL;
	uint64_t *k1 = NULL, *k2 = NULL;
	double *s[2][2] = {{0}}, *rk[2][2] = {{0}};
	struct mover *mv = NULL;
	ties_table *t = NULL;
	size_t i, j, n;
	int rc, m;

	assert(db && out && at1 && at2);
	*out = NULL;
	f1 = f2 = filter ? *filter : none;
	f1.at = at1;
	f2.at = at2;
	if ((rc = ties_graph_build(db, &g1, TIES_GRAPH_ENTITY, &f1)) < 0 ||
	    (rc = ties_graph_build(db, &g2, TIES_GRAPH_ENTITY, &f2)) < 0)
		goto done;
	/* Both snapshots have the same nodes in the same order. */
	assert(g1->n == g2->n);
	n = g1->n;
	if (!(t = ties_table__new(7, cols)) || !(k1 = edge_keys(g1)) ||
	    !(k2 = edge_keys(g2))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	/* New and ended ties, in node order. */
	for (m = 0; m < 2; m++) {
		const uint64_t *a = m == 0 ? k2 : k1, *b = m == 0 ? k1 : k2;
		size_t na = m == 0 ? g2->m : g1->m, nb = m == 0 ? g1->m : g2->m;

		for (i = 0, j = 0; i < na; i++) {
			while (j < nb && b[j] < a[i])
				j++;
			if (j < nb && b[j] == a[i])
				continue;
			if (diff_row(t, m == 0 ? "new_tie" : "ended_tie",
				     &g1->nodes[a[i] >> 32],
				     &g1->nodes[a[i] & 0xffffffffu],
				     m == 0 ? 0 : 1, m == 0 ? 1 : 0) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	}
	for (m = 0; m < 2; m++)
		for (i = 0; i < 2; i++) {
			s[m][i] = calloc(n + 1, sizeof(double));
			rk[m][i] = calloc(n + 1, sizeof(double));
			if (!s[m][i] || !rk[m][i]) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	if ((rc = ties_graph_measure(db, g1, TIES_DEGREE, 0, 0, s[0][0])) < 0 ||
	    (rc = ties_graph_measure(db, g2, TIES_DEGREE, 0, 0, s[1][0])) < 0 ||
	    (rc = ties_graph_measure(db, g1, TIES_BETWEENNESS, 0, 0, s[0][1])) <
		    0 ||
	    (rc = ties_graph_measure(db, g2, TIES_BETWEENNESS, 0, 0, s[1][1])) <
		    0)
		goto done;
	for (i = 0; i < n; i++)
		if (s[0][0][i] == 0 && s[1][0][i] > 0 &&
		    diff_row(t, "new_entity", &g1->nodes[i], NULL, 0,
			     (long long)s[1][0][i]) < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	if (!(mv = malloc((n + 1) * sizeof(*mv)))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (m = 0; m < 2; m++) {
		size_t nm = 0;

		ranks(s[0][m], n, rk[0][m]);
		ranks(s[1][m], n, rk[1][m]);
		for (i = 0; i < n; i++)
			if ((s[0][0][i] > 0 || s[1][0][i] > 0) &&
			    rk[0][m][i] != rk[1][m][i]) {
				mv[nm].node = i;
				mv[nm].delta = rk[0][m][i] - rk[1][m][i];
				mv[nm].name = g1->nodes[i].name;
				nm++;
			}
		qsort(mv, nm, sizeof(*mv), cmp_mover);
		for (i = 0; i < nm && (top <= 0 || (long)i < top); i++)
			if (diff_row(t,
				     m == 0 ? "degree_mover"
					    : "betweenness_mover",
				     &g1->nodes[mv[i].node], NULL,
				     (long long)rk[0][m][mv[i].node],
				     (long long)rk[1][m][mv[i].node]) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
	}
	*out = t;
	t = NULL;
	rc = 0;
done:
	for (m = 0; m < 2; m++)
		for (i = 0; i < 2; i++) {
			free(s[m][i]);
			free(rk[m][i]);
		}
	free(mv);
	free(k1);
	free(k2);
	ties_table_free(t);
	ties_graph_free(g1);
	ties_graph_free(g2);
	return rc;
}
