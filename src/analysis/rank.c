/*
 * rank.c — ties rank: entities sorted by one measure or by all.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis_int.h"

int ties_an__same_score(double a, double b)
{
	double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= 1e-9 * (scale > 1 ? scale : 1);
}

/* By score (highest first) when asked, then by name, then id. */
int ties_an__cmp_key(const void *x, const void *y)
{
	const struct sortkey *a = x, *b = y;
	int c;

	if (a->by_score && !ties_an__same_score(a->score, b->score))
		return a->score > b->score ? -1 : 1;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* The nodes in rank order (score NULL: by name). */
size_t *ties_an__sorted_nodes(const ties_graph *g, const double *score)
{
	size_t *order = malloc((g->n ? g->n : 1) * sizeof(*order)), i;
	struct sortkey *k = malloc((g->n ? g->n : 1) * sizeof(*k));

	if (!order || !k) {
		free(order);
		free(k);
		return NULL;
	}
	for (i = 0; i < g->n; i++) {
		k[i].score = score ? score[i] : 0;
		k[i].name = g->nodes[i].name;
		k[i].id = g->nodes[i].id;
		k[i].node = i;
		k[i].by_score = score != NULL;
	}
	qsort(k, g->n, sizeof(*k), ties_an__cmp_key);
	for (i = 0; i < g->n; i++)
		order[i] = k[i].node;
	free(k);
	return order;
}

int ties_an__set_node_cells(ties_table *t, const ties_graph *g, size_t node,
			    size_t col)
{
	const struct ties_graph_node *nd = &g->nodes[node];

	if (ties_table__set_text(t, col, nd->id) < 0 ||
	    ties_table__set_text(t, col + 1, nd->name) < 0 ||
	    ties_table__set_text(t, col + 2, nd->kind) < 0 ||
	    ties_table__set_text(t, col + 3, nd->country) < 0)
		return TIES_ENOMEM;
	return 0;
}

static int set_score(ties_table *t, size_t col, enum ties_measure m, double v)
{
	if (m == TIES_DEGREE || m == TIES_CORENESS || m == TIES_IN_DEGREE ||
	    m == TIES_OUT_DEGREE)
		return ties_table__set_int(t, col, (long long)v);
	return ties_table__set_real(t, col, v);
}

int ties_rank(ties_db *db, ties_table **out, const ties_graph *g,
	      const ties_rank_opts *o)
{
	static const char *const cols[] = {"rank",    "id",    "name", "kind",
					   "country", "score", "note"};
	const char *allcols[5 + TIES_NMEASURES];
	enum ties_measure ms[TIES_NMEASURES];
	double *scores[TIES_NMEASURES] = {0};
	ties_table *t = NULL;
	size_t *order = NULL, i, k, nm, rows;
	char note[64];
	int rc;

	assert(db && out && g && o);
	*out = NULL;
	/* All: the undirected measures, or of a directed graph every one
	 * but eigenvector. */
	nm = 0;
	for (k = 0; k < (o->all ? (size_t)TIES_NMEASURES : 1); k++) {
		if (o->all &&
		    (g->directed ? k == TIES_EIGENVECTOR : k >= TIES_NCLASSIC))
			continue;
		ms[nm++] = o->all ? (enum ties_measure)k : o->measure;
	}
	for (k = 0; k < nm; k++) {
		if (!(scores[k] = calloc(g->n ? g->n : 1, sizeof(double)))) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	if ((rc = ties_an__measures(db, g, ms, nm, o->weighted, o->cutoff,
				    scores)) < 0)
		goto done;
	/* With every measure, rows by o->measure (its column), highest
	 * first. */
	/* With every measure, rows by o->measure's column (the first when
	 * it is not among them). */
	{
		size_t by = 0;

		for (k = 0; o->all && k < nm; k++)
			if (ms[k] == o->measure)
				by = k;
		order = ties_an__sorted_nodes(g, scores[by]);
	}
	if (!order) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	rows = o->top > 0 && (size_t)o->top < g->n ? (size_t)o->top : g->n;
	if (o->all) {
		allcols[0] = "id";
		allcols[1] = "name";
		allcols[2] = "kind";
		allcols[3] = "country";
		for (k = 0; k < nm; k++)
			allcols[4 + k] = ties_measure_name(ms[k]);
		allcols[4 + nm] = "note";
		t = ties_table__new(4 + nm + (o->cutoff > 0), allcols);
	} else {
		t = ties_table__new(o->cutoff > 0 ? 7 : 6, cols);
	}
	if (!t) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	snprintf(note, sizeof(note), "approximate: paths up to length %g",
		 o->cutoff);
	for (i = 0, k = 0; i < rows; i++) {
		size_t node = order[i];

		rc = ties_table__add_row(t);
		if (rc == 0 && o->all) {
			rc = ties_an__set_node_cells(t, g, node, 0);
			for (k = 0; rc == 0 && k < nm; k++)
				rc = set_score(t, 4 + k, ms[k],
					       scores[k][node]);
			if (rc == 0 && o->cutoff > 0)
				rc = ties_table__set_text(t, 4 + nm, note);
		} else if (rc == 0) {
			/* Competition ranking: 1, 2, 2, 4. */
			if (i == 0 ||
			    !ties_an__same_score(scores[0][order[i - 1]],
						 scores[0][node]))
				k = i + 1;
			rc = ties_table__set_int(t, 0, (long long)k);
			if (rc == 0)
				rc = ties_an__set_node_cells(t, g, node, 1);
			if (rc == 0)
				rc = set_score(t, 5, o->measure,
					       scores[0][node]);
			if (rc == 0 && o->cutoff > 0)
				rc = ties_table__set_text(t, 6, note);
		}
		if (rc < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	*out = t;
	t = NULL;
	rc = 0;
done:
	for (k = 0; k < nm; k++)
		free(scores[k]);
	free(order);
	ties_table_free(t);
	return rc;
}
