/*
 * neighbors.c — ties neighbors: the ego network of an entity, with the
 * kinds of tie that reach each neighbour.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"

static int add_kind(ties_buf *kinds, const char *k)
{
	const char *p;

	for (p = kinds->ptr; p && p < kinds->ptr + kinds->len;
	     p += strlen(p) + 1)
		if (!strcmp(p, k))
			return 0;
	ties_buf__add(kinds, k, strlen(k) + 1);
	return kinds->oom ? TIES_ENOMEM : 0;
}

static int on_kind(void *ctx, const ties_evidence *ev)
{
	struct kinds_ctx *k = ctx;

	if (!strcmp(ev->type, "event")
		    ? !ties_filter__event_ok(k->f, ev->kind, ev->date)
		    : !ties_filter__relation_ok(k->f, ev->kind, ev->date,
						ev->end))
		return 0;
	return add_kind(k->kinds, ev->kind);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The kinds, sorted, joined by ", ". */
static void join_kinds(const ties_buf *kinds, ties_buf *out)
{
	const char *list[64], *p;
	size_t n = 0, i;

	for (p = kinds->ptr; p && p < kinds->ptr + kinds->len && n < 64;
	     p += strlen(p) + 1)
		list[n++] = p;
	qsort(list, n, sizeof(*list), cmp_str);
	for (i = 0; i < n; i++)
		ties_buf__printf(out, "%s%s", i ? ", " : "", list[i]);
}

int ties_neighbors(ties_db *db, ties_table **out, const ties_graph *g,
		   const char *ref, long depth)
{
	static const char *const cols[] = {"id",      "name",	  "kind",
					   "country", "distance", "via"};
	struct ties_adj a, in = {0};
	const struct ties_adj *back;
	long *dist = NULL;
	uint32_t *queue = NULL;
	size_t head = 0, tail = 0, i, j, *order = NULL, n;
	sqlite3_int64 rowid;
	ties_table *t = NULL;
	long src;
	int rc;

	assert(db && out && g && ref);
	*out = NULL;
	if (g->projection != TIES_GRAPH_ENTITY)
		return ties_db__seterr(db, TIES_EINVALID,
				       "neighbourhoods are explained on the "
				       "entity graph");
	if (depth < 1)
		return ties_db__seterr(db, TIES_EINVALID,
				       "depth must be at least 1");
	if ((rc = ties_store__resolve(db, ref, &rowid)) < 0)
		return rc;
	if ((src = ties_graph__node_of(g, rowid)) < 0)
		return ties_db__seterr(db, TIES_ENOTFOUND,
				       "'%s' is not in the graph (see the "
				       "filters)",
				       ref);
	/* Of a directed graph: the entities its arcs reach; each one's
	 * "via" from the arcs that reach it. */
	if ((rc = ties_adj__build(g, &a)) < 0)
		return ties_db__seterr(db, rc, "out of memory");
	if (g->directed && (rc = ties_adj__build_in(g, &in)) < 0) {
		ties_adj__release(&a);
		return ties_db__seterr(db, rc, "out of memory");
	}
	back = g->directed ? &in : &a;
	dist = malloc((g->n + 1) * sizeof(*dist));
	queue = malloc((g->n + 1) * sizeof(*queue));
	order = malloc((g->n + 1) * sizeof(*order));
	t = ties_table__new(6, cols);
	if (!dist || !queue || !order || !t) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < g->n; i++)
		dist[i] = -1;
	dist[src] = 0;
	queue[tail++] = (uint32_t)src;
	while (head < tail) {
		uint32_t v = queue[head++];

		if (dist[v] >= depth)
			continue;
		for (j = a.start[v]; j < a.start[v + 1]; j++)
			if (dist[a.nbr[j]] < 0) {
				dist[a.nbr[j]] = dist[v] + 1;
				queue[tail++] = a.nbr[j];
			}
	}
	/* By distance, then name: the BFS order sorted within levels. */
	n = tail;
	for (i = 0; i < n; i++)
		order[i] = queue[i];
	for (i = 1; i < n; i++) {
		size_t x = order[i], k = i;

		while (k > 0 && (dist[order[k - 1]] > dist[x] ||
				 (dist[order[k - 1]] == dist[x] &&
				  strcmp(g->nodes[order[k - 1]].name,
					 g->nodes[x].name) > 0)))
			order[k] = order[k - 1], k--;
		order[k] = x;
	}
	for (i = 0; i < n; i++) {
		size_t v = order[i];
		const struct ties_graph_node *nd = &g->nodes[v];
		ties_buf kinds = TIES_BUF_INIT, via = TIES_BUF_INIT;
		struct kinds_ctx kc = {&g->filter, &kinds};

		for (j = back->start[v]; rc == 0 && j < back->start[v + 1];
		     j++)
			if (dist[back->nbr[j]] == dist[v] - 1)
				rc = ties_store__pair_evidence(
					db, g->nodes[back->nbr[j]].rowid,
					nd->rowid, on_kind, &kc);
		join_kinds(&kinds, &via);
		if (rc == 0 &&
		    (ties_table__add_row(t) < 0 ||
		     ties_table__set_text(t, 0, nd->id) < 0 ||
		     ties_table__set_text(t, 1, nd->name) < 0 ||
		     ties_table__set_text(t, 2, nd->kind) < 0 ||
		     ties_table__set_text(t, 3, nd->country) < 0 ||
		     ties_table__set_int(t, 4, dist[v]) < 0 ||
		     ties_table__set_text(t, 5,
					  v == (size_t)src
						  ? NULL
						  : ties_buf__str(&via)) < 0))
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		ties_buf__release(&kinds);
		ties_buf__release(&via);
		if (rc != 0) {
			rc = rc < 0 ? rc : TIES_ERROR;
			goto done;
		}
	}
	*out = t;
	t = NULL;
	rc = 0;
done:
	ties_table_free(t);
	ties_adj__release(&a);
	ties_adj__release(&in);
	free(dist);
	free(queue);
	free(order);
	return rc;
}
