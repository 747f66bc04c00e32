/*
 * search.c — shortest paths on an adjacency: BFS when unweighted, Dijkstra
 * on 1/weight when weighted, every shortest path, and diverse paths.
 *
 * Neighbours are in node order, so equal paths are always found in the same
 * order. The search takes a mask of blocked nodes and ties, which is how the
 * k diverse paths are found: each search blocks the intermediate nodes of
 * the paths already found.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"

void ties_ex__search_release(struct search *s)
{
	free(s->dist);
	free(s->hops);
	free(s->pred);
}

static int heap_push(struct heap *h, double d, uint32_t v)
{
	size_t i;

	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 256;
		double *nd = realloc(h->d, cap * sizeof(*nd));
		uint32_t *nv;

		if (!nd)
			return TIES_ENOMEM;
		h->d = nd;
		if (!(nv = realloc(h->v, cap * sizeof(*nv))))
			return TIES_ENOMEM;
		h->v = nv;
		h->cap = cap;
	}
	i = h->n++;
	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (h->d[p] < d || (h->d[p] == d && h->v[p] <= v))
			break;
		h->d[i] = h->d[p];
		h->v[i] = h->v[p];
		i = p;
	}
	h->d[i] = d;
	h->v[i] = v;
	return 0;
}

static void heap_pop(struct heap *h, double *d, uint32_t *v)
{
	double ld;
	uint32_t lv;
	size_t i = 0;

	*d = h->d[0];
	*v = h->v[0];
	ld = h->d[--h->n];
	lv = h->v[h->n];
	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= h->n)
			break;
		if (c + 1 < h->n &&
		    (h->d[c + 1] < h->d[c] ||
		     (h->d[c + 1] == h->d[c] && h->v[c + 1] < h->v[c])))
			c++;
		if (ld < h->d[c] || (ld == h->d[c] && lv <= h->v[c]))
			break;
		h->d[i] = h->d[c];
		h->v[i] = h->v[c];
		i = c;
	}
	h->d[i] = ld;
	h->v[i] = lv;
}

/* Equal within rounding: 1/2 + 1/2 and 1 are the same length. */
static int same_len(double a, double b)
{
	return fabs(a - b) <= 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

/*
 * Search from src. penalty (may be NULL) multiplies the length of each tie;
 * max_hops > 0 bounds the path length.
 */
int ties_ex__search(const struct ties_adj *a, uint32_t src, int weighted,
		    long max_hops, const double *penalty, long stop,
		    struct search *s)
{
	struct heap h = {0};
	size_t i;
	int rc = 0;

	s->dist = malloc((a->n + 1) * sizeof(*s->dist));
	s->hops = malloc((a->n + 1) * sizeof(*s->hops));
	s->pred = malloc((a->n + 1) * sizeof(*s->pred));
	if (!s->dist || !s->hops || !s->pred)
		return TIES_ENOMEM;
	for (i = 0; i < a->n; i++) {
		s->dist[i] = INFINITY;
		s->hops[i] = -1;
		s->pred[i] = -1;
	}
	s->dist[src] = 0;
	s->hops[src] = 0;
	if ((rc = heap_push(&h, 0, src)) < 0)
		goto done;
	while (h.n) {
		double d;
		uint32_t v;

		heap_pop(&h, &d, &v);
		if (d > s->dist[v])
			continue;
		/* Its path is final once the target leaves the heap. */
		if ((long)v == stop)
			break;
		if (max_hops > 0 && s->hops[v] >= max_hops)
			continue;
		for (i = a->start[v]; i < a->start[v + 1]; i++) {
			uint32_t u = a->nbr[i];
			double nd =
				d +
				(weighted ? 1.0 / a->ew[a->edge[i]] : 1.0) *
					(penalty ? penalty[a->edge[i]] : 1.0);

			if (nd < s->dist[u] && !same_len(nd, s->dist[u])) {
				s->dist[u] = nd;
				s->hops[u] = s->hops[v] + 1;
				s->pred[u] = v;
				if ((rc = heap_push(&h, nd, u)) < 0)
					goto done;
			}
		}
	}
done:
	free(h.d);
	free(h.v);
	return rc;
}

void ties_ex__pathlist_release(struct pathlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->p[i].v);
	free(l->p);
	memset(l, 0, sizeof(*l));
}

int ties_ex__pathlist_add(struct pathlist *l, const uint32_t *v, size_t n)
{
	struct path *p;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;

		if (!(p = realloc(l->p, cap * sizeof(*p))))
			return TIES_ENOMEM;
		l->p = p;
		l->cap = cap;
	}
	p = &l->p[l->n];
	if (!(p->v = malloc(n * sizeof(*p->v))))
		return TIES_ENOMEM;
	memcpy(p->v, v, n * sizeof(*v));
	p->n = n;
	l->n++;
	return 0;
}

/* Whether p differs enough from q: at most half of p's intermediate
 * entities lie on q (and a one-hop path only once). */
int ties_ex__diverse(const struct path *p, const struct path *q)
{
	size_t i, j, shared = 0, inner = p->n > 2 ? p->n - 2 : 0;

	if (p->n == q->n && !memcmp(p->v, q->v, p->n * sizeof(*p->v)))
		return 0;
	for (i = 1; i + 1 < p->n; i++)
		for (j = 1; j + 1 < q->n; j++)
			if (p->v[i] == q->v[j])
				shared++;
	return 2 * shared <= inner;
}

/* The path to `t` along predecessors. */
int ties_ex__trace(const struct search *s, uint32_t t, struct pathlist *l)
{
	size_t n = (size_t)s->hops[t] + 1, i;
	uint32_t *v = malloc(n * sizeof(*v));
	long x = t;
	int rc;

	if (!v)
		return TIES_ENOMEM;
	for (i = n; i-- > 0; x = s->pred[x])
		v[i] = (uint32_t)x;
	rc = ties_ex__pathlist_add(l, v, n);
	free(v);
	return rc;
}

/*
 * Every shortest path from src to t: walk back from t over the nodes u
 * with dist[u] + len(u, v) == dist[v], in node order, up to k paths. A
 * weighted path of the same length may have more hops than the one the
 * search kept (1/1 against 1/2 + 1/2): the walk may go as deep as the
 * graph, or max_hops when that is set.
 */
int ties_ex__all_shortest(const struct ties_adj *a, const struct search *s,
			  uint32_t src, uint32_t t, int weighted, long max_hops,
			  long k, struct pathlist *l)
{
	size_t depth = !weighted       ? (size_t)s->hops[t] + 1
		       : max_hops > 0 ? (size_t)max_hops + 1
				      : a->n + 1,
	       top = 0, i;
	uint32_t *stack = malloc(depth * sizeof(*stack));
	size_t *next = calloc(depth, sizeof(*next));
	int rc = 0;

	if (!stack || !next) {
		free(stack);
		free(next);
		return TIES_ENOMEM;
	}
	/* stack[0] = t; stack[top] goes back towards src. */
	stack[0] = t;
	next[0] = a->start[t];
	while (rc == 0 && (long)l->n < k) {
		uint32_t v = stack[top];

		if (v == src) {
			uint32_t *path = malloc((top + 1) * sizeof(*path));

			if (!path) {
				rc = TIES_ENOMEM;
				break;
			}
			for (i = 0; i <= top; i++)
				path[i] = stack[top - i];
			rc = ties_ex__pathlist_add(l, path, top + 1);
			free(path);
			if (top == 0)
				break;
			top--;
			next[top]++;
			continue;
		}
		for (; next[top] < a->start[v + 1]; next[top]++) {
			size_t j = next[top];
			uint32_t u = a->nbr[j];
			double len = weighted ? 1.0 / a->ew[a->edge[j]] : 1.0;

			if (isfinite(s->dist[u]) &&
			    same_len(s->dist[u] + len, s->dist[v]) &&
			    s->dist[u] < s->dist[v] && top + 1 < depth)
				break;
		}
		if (next[top] >= a->start[v + 1]) {
			if (top == 0)
				break;
			top--;
			next[top]++;
			continue;
		}
		stack[top + 1] = a->nbr[next[top]];
		top++;
		next[top] = a->start[stack[top]];
	}
	/* The walk found paths from t back; keep them in node order from
	 * the source's side. */
	free(stack);
	free(next);
	return rc;
}
