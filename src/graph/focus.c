/*
 * focus.c — a focus diagram's part of the entity graph, read from the
 * snapshot without loading the whole graph.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

static int on_sub_entity(void *ctx, sqlite3_int64 rowid, const char *id,
			 const char *name, const char *kind,
			 sqlite3_int64 country, const char *country_id,
			 const char *country_name, int used)
{
	ties_graph *g = ctx;

	(void)used;
	if (ties_gr__add_node(g, rowid, 0, id, name, kind, country_id,
			      country_name, country) < 0)
		return ties_db__seterr(g->db, TIES_ENOMEM, "out of memory");
	return 0;
}

int ties_scored__cmp(const void *x, const void *y)
{
	const struct ties_scored *a = x, *b = y;

	if (a->s != b->s)
		return a->s > b->s ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

struct sub_tie {
	uint32_t e, a, b;
};

static int cmp_sub_tie(const void *x, const void *y)
{
	const struct sub_tie *a = x, *b = y;

	return (a->e > b->e) - (a->e < b->e);
}

/* Mark in `in` the ends of v's three strongest ties (heaviest, then the
 * earliest tie), as a diagram's tooltip names them. */
static void mark_top3(const struct ties_snap *sn, uint32_t v, unsigned char *in)
{
	const struct ties_adj *a = &sn->a;
	size_t best[3], nb = 0, j, k;

	for (j = a->start[v]; j < a->start[v + 1]; j++) {
		double w = a->ew[a->edge[j]];

		for (k = 0; k < nb; k++) {
			double bw = a->ew[a->edge[best[k]]];

			if (w > bw ||
			    (w == bw && a->edge[j] < a->edge[best[k]]))
				break;
		}
		if (k == 3)
			continue;
		if (nb < 3)
			nb++;
		memmove(&best[k + 1], &best[k], (nb - 1 - k) * sizeof(*best));
		best[k] = j;
	}
	for (k = 0; k < nb; k++)
		if (!in[a->nbr[best[k]]])
			in[a->nbr[best[k]]] = 1;
}

/* The nodes within `depth` of src, breadth first, into queue (n + 1
 * slots); their number, or 0 when out of memory. */
static size_t reach(const struct ties_snap *sn, uint32_t src, long depth,
		    uint32_t *queue)
{
	size_t n = (size_t)sn->n, head = 0, tail = 0;
	int32_t *dist = malloc((n + 1) * sizeof(*dist));

	if (!dist)
		return 0;
	for (size_t i = 0; i < n; i++)
		dist[i] = -1;
	dist[src] = 0;
	queue[tail++] = src;
	while (head < tail) {
		uint32_t v = queue[head++];

		if (dist[v] >= (depth > 0 ? depth : 1))
			continue;
		for (size_t j = sn->a.start[v]; j < sn->a.start[v + 1]; j++)
			if (dist[sn->a.nbr[j]] < 0) {
				dist[sn->a.nbr[j]] = dist[v] + 1;
				queue[tail++] = sn->a.nbr[j];
			}
	}
	free(dist);
	return tail;
}

/* Mark the nodes drawn (in[v] = 2): the top N of the `nq` reached, by
 * score; then the ends of their strongest ties, for the tooltips (1). */
static int choose(const struct ties_snap *sn, const double *all,
		  const uint32_t *queue, size_t nq, long top, unsigned char *in)
{
	struct ties_scored *cand = malloc((nq + 1) * sizeof(*cand));
	size_t ncand = 0;

	if (!cand)
		return -1;
	for (size_t i = 0; i < nq; i++) {
		cand[ncand].s = all[queue[i]];
		cand[ncand++].i = queue[i];
	}
	if (top > 0) {
		qsort(cand, ncand, sizeof(*cand), ties_scored__cmp);
		if (ncand > (size_t)top)
			ncand = (size_t)top;
	}
	for (size_t i = 0; i < ncand; i++)
		in[cand[i].i] = 2;
	for (size_t i = 0; i < ncand; i++)
		mark_top3(sn, (uint32_t)cand[i].i, in);
	free(cand);
	return 0;
}

/* The ties among the `ns` nodes, in the graph's order; loc maps a
 * snapshot node to its place among them. */
static struct sub_tie *ties_among(const struct ties_snap *sn,
				  const uint32_t *nodes, size_t ns,
				  const uint32_t *loc, const unsigned char *in,
				  size_t *nt)
{
	struct sub_tie *ties = NULL;
	size_t capt = 0;

	*nt = 0;
	for (size_t i = 0; i < ns; i++) {
		uint32_t v = nodes[i];

		for (size_t j = sn->a.start[v]; j < sn->a.start[v + 1]; j++) {
			uint32_t u = sn->a.nbr[j];

			if (u <= v || !in[u])
				continue;
			if (*nt == capt) {
				size_t cap = capt ? 2 * capt : 1024;
				struct sub_tie *p =
					realloc(ties, cap * sizeof(*p));

				if (!p) {
					free(ties);
					return NULL;
				}
				ties = p;
				capt = cap;
			}
			ties[*nt].e = sn->a.edge[j];
			ties[*nt].a = loc[v];
			ties[(*nt)++].b = loc[u];
		}
	}
	if (*nt)
		qsort(ties, *nt, sizeof(*ties), cmp_sub_tie);
	return ties ? ties : malloc(sizeof(*ties));
}

/* The graph of the marked nodes (in[v] != 0) and the ties among them,
 * its entities read from the store; their scores, and which are drawn. */
static int subgraph(ties_db *db, const struct ties_snap *sn,
		    const unsigned char *in, const double *all,
		    ties_graph **out, double **score, unsigned char **keep)
{
	size_t n = (size_t)sn->n, ns = 0, nt = 0;
	uint32_t *loc = malloc((n + 1) * sizeof(*loc)), *nodes = NULL;
	sqlite3_int64 *rowids = NULL;
	struct sub_tie *ties = NULL;
	ties_graph *g = NULL;
	int rc = TIES_ENOMEM;

	for (size_t i = 0; i < n; i++)
		ns += in[i] != 0;
	if (!loc || !(nodes = malloc((ns + 1) * sizeof(*nodes))) ||
	    !(rowids = malloc((ns + 1) * sizeof(*rowids))))
		goto done;
	ns = 0;
	for (size_t i = 0; i < n; i++)
		if (in[i]) {
			loc[i] = (uint32_t)ns;
			rowids[ns] = sn->rowid[i];
			nodes[ns++] = (uint32_t)i;
		}
	if (!(ties = ties_among(sn, nodes, ns, loc, in, &nt)) ||
	    !(g = calloc(1, sizeof(*g))))
		goto done;
	g->db = db;
	g->projection = TIES_GRAPH_ENTITY;
	if ((rc = ties_store__entities_at(db, rowids, ns, on_sub_entity, g)) <
	    0)
		goto done;
	rc = TIES_ENOMEM;
	if (!(g->ea = malloc((nt + 1) * sizeof(*g->ea))) ||
	    !(g->eb = malloc((nt + 1) * sizeof(*g->eb))) ||
	    !(g->ew = malloc((nt + 1) * sizeof(*g->ew))) ||
	    !(*score = malloc((ns + 1) * sizeof(**score))) ||
	    !(*keep = malloc(ns + 1)))
		goto done;
	for (size_t i = 0; i < nt; i++) {
		g->ea[i] = ties[i].a;
		g->eb[i] = ties[i].b;
		g->ew[i] = sn->a.ew[ties[i].e];
	}
	g->m = g->capm = nt;
	for (size_t i = 0; i < ns; i++) {
		(*score)[i] = all[nodes[i]];
		(*keep)[i] = in[nodes[i]] == 2;
	}
	*out = g;
	g = NULL;
	rc = 0;
done:
	ties_graph_free(g);
	free(loc);
	free(nodes);
	free(rowids);
	free(ties);
	return rc;
}

int ties_graph__focus(ties_db *db, const char *focus, long depth, long top,
		      enum ties_measure m, ties_graph **out, double **score,
		      unsigned char **keep)
{
	struct ties_snap sn = {0};
	sqlite3_int64 rowid;
	uint64_t gen;
	double *all = NULL;
	uint32_t *queue = NULL;
	unsigned char *in = NULL;
	size_t n, nq;
	long src;
	int rc = 0, own_txn = 0;

	*out = NULL;
	*score = NULL;
	*keep = NULL;
	if (db->txn_depth > 0 || !ties_store__filename(db) || !focus)
		return 0;
	if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
		return rc;
	if (!ties_snap__open(db, gen, &sn))
		goto done; /* rc 0: no snapshot */
	n = (size_t)sn.n;
	if (!(all = malloc((n + 1) * sizeof(*all))))
		goto nomem;
	if (m == TIES_DEGREE) {
		for (size_t i = 0; i < n; i++)
			all[i] = (double)(sn.a.start[i + 1] - sn.a.start[i]);
	} else if (m == TIES_STRENGTH ||
		   !ties_snap__scores_read(db, gen, ties_measure_name(m), n,
					   all)) {
		goto done; /* rc 0: the scores are not kept */
	}
	/* The focus: an entity of the snapshot, else the slow way says why
	 * not. */
	if (ties_store__resolve(db, focus, &rowid) < 0) {
		ties_db__clearerr(db);
		goto done;
	}
	if ((src = ties_snap__node(&sn, rowid)) < 0)
		goto done;
	if (!(queue = malloc((n + 1) * sizeof(*queue))) ||
	    !(in = calloc(n + 1, 1)) ||
	    !(nq = reach(&sn, (uint32_t)src, depth, queue)) ||
	    choose(&sn, all, queue, nq, top, in) < 0)
		goto nomem;
	if ((rc = subgraph(db, &sn, in, all, out, score, keep)) == 0)
		rc = 1;
	else if (rc == TIES_ENOMEM)
		goto nomem;
	goto done;
nomem:
	rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
done:
	if (rc != 1) {
		free(*score);
		free(*keep);
		*score = NULL;
		*keep = NULL;
	}
	ties_snap__close(&sn);
	ties_snap__end(db, own_txn);
	free(all);
	free(queue);
	free(in);
	return rc;
}
