/*
 * bibfs.c — the shortest path between two nodes of an unweighted graph by a
 * search from both ends: each step expands the smaller frontier by one
 * whole layer, and the search stops where the frontiers meet. On the
 * snapshot this reads the adjacency of the nodes it visits, not the whole
 * graph: a cold process touches the pages of two small balls instead of
 * one large one.
 *
 * The path is the one the one-sided search (search.c) gives, not merely
 * one as short: walking back from the target, each step goes to the
 * lowest-numbered neighbour one step nearer the source. A second, pruned
 * search from the source finds it: it keeps a node only while it can still
 * lie on a shortest path (its distance from the source plus a lower bound
 * of its distance to the target, known from the first search, is at most
 * the length), which bounds it by the balls already visited.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"

/* A node's entries failed the adjacency's check (a damaged snapshot). */
#define DAMAGED 2

struct layer {
	uint32_t *v;
	size_t n, cap;
};

static int push(struct layer *l, uint32_t v)
{
	if (ties__grow(&l->v, &l->cap, l->n, sizeof(*l->v)) < 0)
		return TIES_ENOMEM;
	l->v[l->n++] = v;
	return 0;
}

/* Whether node v's neighbours failed the adjacency's check: only they
 * are read here (path.c checks the ties of the path's nodes). */
static int nbrs_bad(const struct ties_adj *a, uint32_t v)
{
	if (a->check_nbrs)
		return a->check_nbrs(a->ctx, v) < 0;
	return a->check && a->check(a->ctx, v) < 0;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* The entries a layer's expansion reads: the sum of its nodes' degrees
 * (a heuristic: the offsets are read unchecked, and only compared). */
static size_t cost(const struct ties_adj *a, const struct layer *l)
{
	size_t c = 0;

	for (size_t i = 0; i < l->n; i++)
		c += a->start[l->v[i] + 1] - a->start[l->v[i]];
	return c;
}

/* Expand layer `cur` of one side (distances in d, stored + 1) into `next`;
 * the smallest sum with the other side's distances where they meet, in
 * *meet (0 none). */
static int expand(const struct ties_adj *a, int32_t *d, const int32_t *other,
		  int32_t depth, const struct layer *cur, struct layer *next,
		  int32_t *meet)
{
	next->n = 0;
	if (a->prefetch)
		a->prefetch(a->ctx, cur->v, cur->n, 1);
	for (size_t i = 0; i < cur->n; i++) {
		uint32_t v = cur->v[i];

		if (nbrs_bad(a, v))
			return DAMAGED;

		for (size_t j = a->start[v]; j < a->start[v + 1]; j++) {
			uint32_t u = a->nbr[j];

			if (d[u])
				continue;
			d[u] = depth + 2; /* distance depth + 1, stored + 1 */
			if (push(next, u) < 0)
				return TIES_ENOMEM;
			if (other[u]) {
				int32_t len = depth + 1 + other[u] - 1;

				if (!*meet || len < *meet)
					*meet = len;
			}
		}
	}
	return 0;
}

int ties_ex__bibfs(const struct ties_adj *a, uint32_t s, uint32_t t,
		   long max_hops, struct pathlist *out)
{
	/* Distances + 1, 0 unseen: calloc'ed, so only the pages of the
	 * nodes reached are touched. */
	int32_t *ds = calloc(a->n + 1, sizeof(*ds));
	int32_t *dt = calloc(a->n + 1, sizeof(*dt));
	uint32_t *pred = NULL, *path = NULL;
	struct layer fs = {0}, ft = {0}, nx = {0}, tmp;
	int32_t rs = 0, rt = 0, len = 0;
	int rc = 0;

	if (!ds || !dt || push(&fs, s) < 0 || push(&ft, t) < 0) {
		rc = TIES_ENOMEM;
		goto done;
	}
	ds[s] = 1;
	dt[t] = 1;
	if (s == t)
		goto done;
	while (!len && fs.n && ft.n) {
		if (max_hops > 0 && rs + rt >= max_hops)
			break;
		/* The offsets of both layers are read to choose: from a cold
		 * page cache, all their pages asked for at once. */
		if (a->prefetch) {
			a->prefetch(a->ctx, fs.v, fs.n, 0);
			a->prefetch(a->ctx, ft.v, ft.n, 0);
		}
		if (cost(a, &fs) <= cost(a, &ft)) {
			if ((rc = expand(a, ds, dt, rs, &fs, &nx, &len)) != 0)
				goto done;
			rs++;
			tmp = fs, fs = nx, nx = tmp;
		} else {
			if ((rc = expand(a, dt, ds, rt, &ft, &nx, &len)) != 0)
				goto done;
			rt++;
			tmp = ft, ft = nx, nx = tmp;
		}
	}
	if (!len || (max_hops > 0 && len > max_hops)) {
		rc = 1; /* no path (within the bound) */
		goto done;
	}
	/* The pruned search from s, layer by layer in node order: pred[u]
	 * is then the lowest-numbered node of the layer before that reaches
	 * u, as in the one-sided search. A node whose distance to t is not
	 * known is more than rt away. */
	if (!(pred = calloc(a->n + 1, sizeof(*pred)))) {
		rc = TIES_ENOMEM;
		goto done;
	}
	memset(ds, 0, (a->n + 1) * sizeof(*ds));
	ds[s] = 1;
	fs.n = 0;
	if ((rc = push(&fs, s)) < 0)
		goto done;
	for (int32_t depth = 0; depth < len && !ds[t]; depth++) {
		nx.n = 0;
		qsort(fs.v, fs.n, sizeof(*fs.v), cmp_u32);
		if (a->prefetch)
			a->prefetch(a->ctx, fs.v, fs.n, 1);
		for (size_t i = 0; i < fs.n; i++) {
			uint32_t v = fs.v[i];

			if (nbrs_bad(a, v)) {
				rc = DAMAGED;
				goto done;
			}

			for (size_t j = a->start[v]; j < a->start[v + 1]; j++) {
				uint32_t u = a->nbr[j];
				int32_t lb = dt[u] ? dt[u] - 1 : rt + 1;

				if (ds[u] || depth + 1 + lb > len)
					continue;
				ds[u] = depth + 2;
				pred[u] = v;
				if ((rc = push(&nx, u)) < 0)
					goto done;
			}
		}
		tmp = fs, fs = nx, nx = tmp;
	}
	if (!ds[t]) {
		rc = TIES_ERROR; /* cannot be: the first search met */
		goto done;
	}
	if (!(path = malloc(((size_t)len + 1) * sizeof(*path)))) {
		rc = TIES_ENOMEM;
		goto done;
	}
	for (int32_t i = len, v = (int32_t)t; i >= 0; i--) {
		path[i] = (uint32_t)v;
		v = (int32_t)pred[v];
	}
	rc = ties_ex__pathlist_add(out, path, (size_t)len + 1);
done:
	free(ds);
	free(dt);
	free(pred);
	free(path);
	free(fs.v);
	free(ft.v);
	free(nx.v);
	return rc;
}
