/*
 * focus.c — a focus diagram's part of the entity graph, read from the
 * snapshot without loading the whole graph.
 */
#include <math.h>
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
	/* Scores within a relative 1e-9 are the same: nodes placed alike
	 * may differ in the last digits of an iterative solution such as
	 * PageRank's. */
	if (fabs(a->s - b->s) > 1e-9 * fmax(fabs(a->s), fabs(b->s)))
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
static int mark_top3(const struct ties_snap *sn, uint32_t v, unsigned char *in)
{
	const struct ties_adj *a = &sn->a;
	size_t best[3], nb = 0, j, k;

	if (a->check && a->check(a->ctx, v) < 0)
		return -1;
	for (j = a->start[v]; j < a->start[v + 1]; j++) {
		double w;

		if (a->need && a->need(a->ctx, &a->ew[a->edge[j]], sizeof(w)) < 0)
			return -1;
		w = a->ew[a->edge[j]];

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
	return 0;
}

struct ego_cand {
	double w;
	int64_t key;
	uint32_t v;
};

static int cmp_ego_cand(const void *x, const void *y)
{
	const struct ego_cand *a = x, *b = y;

	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

/* Consider v, tied to the frontier by a tie of weight w, as a candidate. */
static void consider(struct ego_cand *cand, size_t *nc, size_t *slot,
		     unsigned char *in, const int64_t *key, uint32_t v, double w)
{
	if (in[v] == 2 || in[v] == 4)
		return;
	if (in[v] != 3) {
		in[v] = 3;
		slot[v] = *nc;
		cand[*nc].v = v;
		cand[*nc].key = key[v];
		cand[(*nc)++].w = w;
	} else if (w > cand[slot[v]].w) {
		cand[slot[v]].w = w;
	}
}

/* Take the strongest candidates, as many as `top` allows: the next
 * frontier (in = 4); the rest are no longer candidates. Their number. */
static size_t take(struct ego_cand *cand, size_t nc, long top, size_t chosen,
		   unsigned char *in)
{
	size_t n;

	qsort(cand, nc, sizeof(*cand), cmp_ego_cand);
	n = top > 0 && nc > (size_t)top - chosen ? (size_t)top - chosen : nc;
	for (size_t k = 0; k < nc; k++)
		in[cand[k].v] = k < n ? 4 : 0;
	return n;
}

/*
 * The search of ties_gr__ego over adjacency lists (a != NULL: only the
 * frontier's ties are read) or over the tie list ea, eb, ew (each step
 * reads every tie: no adjacency to build). in[v]: 2 chosen, 4 chosen at
 * the last step (the frontier), 3 a candidate.
 */
static int ego(const struct ties_adj *a, size_t n, size_t m,
	       const uint32_t *ea, const uint32_t *eb, const double *ew,
	       uint32_t src, long depth, long top, const int64_t *key,
	       unsigned char *in)
{
	size_t nf = 1, chosen = 1;
	uint32_t *front = malloc((n + 1) * sizeof(*front));
	struct ego_cand *cand = malloc((n + 1) * sizeof(*cand));
	size_t *slot = malloc((n + 1) * sizeof(*slot));
	int rc = -1;

	if (!front || !cand || !slot)
		goto done;
	in[src] = 4;
	front[0] = src;
	for (long d = 0; d < (depth > 0 ? depth : 1) && nf; d++) {
		size_t nc = 0;

		if (top > 0 && chosen >= (size_t)top)
			break;
		if (a) {
			for (size_t f = 0; f < nf; f++) {
				uint32_t u = front[f];

				if (a->check && a->check(a->ctx, u) < 0)
					goto done;
				for (size_t j = a->start[u];
				     j < a->start[u + 1]; j++) {
					if (a->need &&
					    a->need(a->ctx, &a->ew[a->edge[j]],
						    sizeof(double)) < 0)
						goto done;
					consider(cand, &nc, slot, in, key,
						 a->nbr[j], a->ew[a->edge[j]]);
				}
			}
		} else {
			for (size_t e = 0; e < m; e++) {
				if (in[ea[e]] == 4)
					consider(cand, &nc, slot, in, key,
						 eb[e], ew[e]);
				else if (in[eb[e]] == 4)
					consider(cand, &nc, slot, in, key,
						 ea[e], ew[e]);
			}
		}
		for (size_t f = 0; f < nf; f++)
			in[front[f]] = 2;
		nf = take(cand, nc, top, chosen, in);
		for (size_t k = 0; k < nf; k++)
			front[k] = cand[k].v;
		chosen += nf;
	}
	for (size_t f = 0; f < nf; f++)
		in[front[f]] = 2;
	rc = 0;
done:
	free(front);
	free(cand);
	free(slot);
	return rc;
}

int ties_gr__ego(const struct ties_adj *a, uint32_t src, long depth, long top,
		 const int64_t *key, unsigned char *in)
{
	return ego(a, a->n, 0, NULL, NULL, NULL, src, depth, top, key, in);
}

int ties_gr__ego_edges(const ties_graph *g, uint32_t src, long depth,
		       long top, const int64_t *key, unsigned char *in)
{
	return ego(NULL, g->n, g->m, g->ea, g->eb, g->ew, src, depth, top,
		   key, in);
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
 * its entities read from the store, and which are drawn. */
static int subgraph(ties_db *db, const struct ties_snap *sn,
		    const unsigned char *in, ties_graph **out,
		    unsigned char **keep)
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
	    !(*keep = malloc(ns + 1)))
		goto done;
	for (size_t i = 0; i < nt; i++) {
		g->ea[i] = ties[i].a;
		g->eb[i] = ties[i].b;
		g->ew[i] = sn->a.ew[ties[i].e];
	}
	g->m = g->capm = nt;
	for (size_t i = 0; i < ns; i++)
		(*keep)[i] = in[nodes[i]] == 2;
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
		      ties_graph **out, unsigned char **keep)
{
	struct ties_snap sn = {0};
	sqlite3_int64 rowid;
	uint64_t gen;
	unsigned char *in = NULL;
	size_t n;
	long src;
	int rc = 0, own_txn = 0;

	*out = NULL;
	*keep = NULL;
	if (db->txn_depth > 0 || !ties_store__filename(db) || !focus)
		return 0;
	if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
		return rc;
	/* Read block by block: only the blocks of the nodes it visits are
	 * checked (and paged in), not the whole file. */
	if (!ties_snap__open_lazy(db, gen, &sn))
		goto done; /* rc 0: no snapshot */
	n = (size_t)sn.n;
	/* The focus: an entity of the snapshot, else the slow way says why
	 * not. */
	if (ties_store__resolve(db, focus, &rowid) < 0) {
		ties_db__clearerr(db);
		goto done;
	}
	if ((src = ties_snap__node(&sn, rowid)) < 0)
		goto done;
	if (!(in = calloc(n + 1, 1)))
		goto nomem;
	if (ties_snap__need(&sn, sn.rowid, n * sizeof(*sn.rowid)) < 0 ||
	    ties_gr__ego(&sn.a, (uint32_t)src, depth, top, sn.rowid, in) < 0)
		goto fail;
	/* The ends of the drawn nodes' strongest ties, for the tooltips. */
	for (size_t v = 0; v < n; v++)
		if (in[v] == 2 && mark_top3(&sn, (uint32_t)v, in) < 0)
			goto fail;
	/* What subgraph() reads: the nodes' entries, the ties' weights. */
	for (size_t v = 0; v < n; v++) {
		if (!in[v])
			continue;
		if (ties_snap__node_ok(&sn, (uint32_t)v) < 0)
			goto fail;
		for (size_t j = sn.a.start[v]; j < sn.a.start[v + 1]; j++)
			if (in[sn.a.nbr[j]] &&
			    ties_snap__need(&sn, &sn.a.ew[sn.a.edge[j]],
					    sizeof(double)) < 0)
				goto fail;
	}
	if ((rc = subgraph(db, &sn, in, out, keep)) == 0)
		rc = 1;
	else if (rc == TIES_ENOMEM)
		goto nomem;
	goto done;
fail:
	/* Out of memory, or a damaged block: the whole graph is built
	 * instead, which says so and writes the snapshot again. */
	if (sn.bad)
		goto done;
nomem:
	rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
done:
	if (rc != 1) {
		free(*keep);
		*keep = NULL;
		ties_graph_free(*out);
		*out = NULL;
	}
	ties_snap__close(&sn);
	ties_snap__end(db, own_txn);
	free(in);
	return rc;
}
