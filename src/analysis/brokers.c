/*
 * brokers.c — ties brokers: Gould–Fernandez brokerage roles between two
 * groups, and X–Y betweenness.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "analysis_int.h"

/* Group label of each node: its home country's rowid (a country its own;
 * an entity without a country is a group of its own, minus its rowid), or
 * its community number. */
static int groups_of(ties_db *db, const ties_graph *g, const igraph_t *ig,
		     const igraph_vector_t *w, int by_community,
		     sqlite3_int64 *group)
{
	size_t i, ncomm = 0, *number;
	igraph_vector_int_t mem;
	ties_community_opts o = {TIES_LEIDEN, 1.0, 1, 1, 1};
	igraph_error_t err;
	double q;

	if (!by_community) {
		for (i = 0; i < g->n; i++)
			group[i] = !strcmp(g->nodes[i].kind, "country")
					   ? g->nodes[i].rowid
				   : g->nodes[i].country_rowid
					   ? g->nodes[i].country_rowid
					   : -g->nodes[i].rowid;
		return 0;
	}
	if ((err = igraph_vector_int_init(&mem, (igraph_integer_t)g->n)) !=
	    IGRAPH_SUCCESS)
		return ties_an__ig_fail(db, err);
	if ((err = ties_an__partition(ig, w, &o, 1, &mem, &q)) !=
	    IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&mem);
		return ties_an__ig_fail(db, err);
	}
	number = ties_an__number_by_size(g, &mem, &ncomm);
	if (!number) {
		igraph_vector_int_destroy(&mem);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	for (i = 0; i < g->n; i++)
		group[i] = (sqlite3_int64)number[VECTOR(mem)[i]];
	free(number);
	igraph_vector_int_destroy(&mem);
	return 0;
}

/* Resolve a group given on the command line. */
static int group_ref(ties_db *db, const char *ref, int by_community,
		     sqlite3_int64 *out)
{
	char *end;
	long v;

	if (!by_community)
		return ties_store__resolve_as(db, ref, "country", "country",
					      out);
	v = strtol(ref, &end, 10);
	if (end == ref || *end || v < 1)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s' is not a community number", ref);
	*out = v;
	return 0;
}

/* Open triads a–v–b around each v, classified by group: role[v][0..3]
 * coordinator, itinerant, gatekeeper or representative, liaison; [4] those
 * whose ends are one in X and one in Y. */
static igraph_error_t count_triads(const igraph_t *ig,
				   const sqlite3_int64 *group, sqlite3_int64 gx,
				   sqlite3_int64 gy, double (*role)[5])
{
	igraph_adjlist_t al;
	igraph_integer_t n = igraph_vcount(ig);

	IGRAPH_CHECK(igraph_adjlist_init(ig, &al, IGRAPH_ALL, IGRAPH_NO_LOOPS,
					 IGRAPH_NO_MULTIPLE));
	for (igraph_integer_t i = 0; i < n; i++) {
		igraph_vector_int_t *nb = igraph_adjlist_get(&al, i);
		igraph_integer_t k = igraph_vector_int_size(nb);

		for (igraph_integer_t p = 0; p < k; p++)
			for (igraph_integer_t q = p + 1; q < k; q++) {
				igraph_integer_t a = VECTOR(*nb)[p];
				igraph_integer_t b = VECTOR(*nb)[q];
				sqlite3_int64 ga = group[a], gb = group[b];
				sqlite3_int64 gv = group[i];

				if (igraph_vector_int_binsearch2(
					    igraph_adjlist_get(&al, a), b))
					continue;
				if (ga == gb && gv == ga)
					role[i][0]++;
				else if (ga == gb)
					role[i][1]++;
				else if (gv == ga || gv == gb)
					role[i][2]++;
				else
					role[i][3]++;
				if ((ga == gx && gb == gy) ||
				    (ga == gy && gb == gx))
					role[i][4]++;
			}
	}
	igraph_adjlist_destroy(&al);
	return IGRAPH_SUCCESS;
}

/* Betweenness over the x–y pairs only, into btw. */
static igraph_error_t xy_betweenness(const igraph_t *ig,
				     const sqlite3_int64 *group,
				     sqlite3_int64 gx, sqlite3_int64 gy,
				     igraph_vector_t *btw)
{
	igraph_vector_int_t xs, ys;
	igraph_integer_t n = igraph_vcount(ig);

	IGRAPH_VECTOR_INT_INIT_FINALLY(&xs, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&ys, 0);
	for (igraph_integer_t i = 0; i < n; i++) {
		if (group[i] == gx)
			IGRAPH_CHECK(igraph_vector_int_push_back(&xs, i));
		if (group[i] == gy)
			IGRAPH_CHECK(igraph_vector_int_push_back(&ys, i));
	}
	IGRAPH_CHECK(igraph_betweenness_subset(
		ig, btw, igraph_vss_all(), IGRAPH_UNDIRECTED,
		igraph_vss_vector(&xs), igraph_vss_vector(&ys), NULL));
	/* igraph halves undirected subset betweenness, as if each pair were
	 * met from both ends; X and Y are disjoint here, so each x–y pair
	 * is met once and counts once (checked by hand in the tests). */
	igraph_vector_scale(btw, 2);
	igraph_vector_int_destroy(&xs);
	igraph_vector_int_destroy(&ys);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* Nodes by x–y betweenness (then triads), then by name: malloc'ed. */
static size_t *broker_order(const ties_graph *g, const double *btw,
			    double (*role)[5])
{
	size_t n = g->n, *order = malloc((n + 1) * sizeof(*order));
	struct sortkey *keys = malloc((n + 1) * sizeof(*keys));

	if (!order || !keys) {
		free(order);
		free(keys);
		return NULL;
	}
	for (size_t k = 0; k < n; k++) {
		keys[k].score = btw[k] * 1e6 + role[k][4];
		keys[k].name = g->nodes[k].name;
		keys[k].id = g->nodes[k].id;
		keys[k].node = k;
		keys[k].by_score = 1;
	}
	qsort(keys, n, sizeof(*keys), ties_an__cmp_key);
	for (size_t k = 0; k < n; k++)
		order[k] = keys[k].node;
	free(keys);
	return order;
}

/* The rows of the nodes that broker between x and y, in `order`; equal
 * pairs share a rank. */
static int broker_rows(ties_table *t, const ties_graph *g,
		       const ties_broker_opts *o, const size_t *order,
		       const double *btw, double (*role)[5],
		       const sqlite3_int64 *group)
{
	size_t n = g->n, shown = 0;
	long rank = 0;
	double prev = -1;

	for (size_t i = 0; i < n; i++) {
		size_t v = order[i];
		double score = btw[v] * 1e6 + role[v][4];
		const char *gname = NULL;
		char num[32];

		if (btw[v] <= 0 && role[v][4] <= 0)
			continue;
		if (o->top > 0 && (long)shown >= o->top)
			break;
		if (!ties_an__same_score(score, prev))
			rank = (long)shown + 1;
		prev = score;
		shown++;
		if (o->by_community) {
			snprintf(num, sizeof(num), "%lld", (long long)group[v]);
			gname = num;
		} else {
			/* The country's id: a node's country field, or the
			 * country itself. */
			gname = g->nodes[v].country;
			if (!strcmp(g->nodes[v].kind, "country"))
				gname = g->nodes[v].id;
			for (size_t c = 0; !gname && c < n; c++)
				if (g->nodes[c].rowid == group[v])
					gname = g->nodes[c].id;
		}
		if (ties_table__add_row(t) < 0 ||
		    ties_table__set_int(t, 0, rank) < 0 ||
		    ties_an__set_node_cells(t, g, v, 1) < 0 ||
		    ties_table__set_text(t, 5, gname) < 0 ||
		    ties_table__set_int(t, 6, (long long)role[v][0]) < 0 ||
		    ties_table__set_int(t, 7, (long long)role[v][1]) < 0 ||
		    ties_table__set_int(t, 8, (long long)role[v][2]) < 0 ||
		    ties_table__set_int(t, 9, (long long)role[v][3]) < 0 ||
		    ties_table__set_int(t, 10, (long long)role[v][4]) < 0 ||
		    ties_table__set_real(t, 11, btw[v]) < 0)
			return TIES_ENOMEM;
	}
	return 0;
}

int ties_brokers(ties_db *db, ties_table **out, const ties_graph *g,
		 const ties_broker_opts *o)
{
	static const char *const cols[] = {
		"rank",	      "id",	 "name",	"kind",
		"country",    "group",	 "coordinator", "itinerant",
		"gatekeeper", "liaison", "xy_triads",	"xy_betweenness"};
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist, btw;
	igraph_error_t err = IGRAPH_SUCCESS;
	sqlite3_int64 gx, gy, *group = NULL;
	double(*role)[5] = NULL;
	size_t *order = NULL, n = g->n;
	ties_table *t = NULL;
	int rc = 0;

	assert(db && out && g && o && o->x && o->y);
	*out = NULL;
	if (g->projection != TIES_GRAPH_ENTITY)
		return ties_db__seterr(db, TIES_EINVALID,
				       "brokers are found on the entity graph");
	if ((rc = group_ref(db, o->x, o->by_community, &gx)) < 0 ||
	    (rc = group_ref(db, o->y, o->by_community, &gy)) < 0)
		return rc;
	if (gx == gy)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s' and '%s' are the same group", o->x,
				       o->y);
	group = calloc(n + 1, sizeof(*group));
	role = calloc(n + 1, sizeof(*role));
	if (!group || !role) {
		free(group);
		free(role);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	ties_an__guard_on(&guard);
	if ((err = ties_an__to_igraph(g, &ig, &w, &dist, 0)) !=
	    IGRAPH_SUCCESS) {
		ties_an__guard_off(&guard);
		free(group);
		free(role);
		return ties_an__ig_fail(db, err);
	}
	igraph_vector_init(&btw, 0);
	if ((rc = groups_of(db, g, &ig, &w, o->by_community, group)) < 0)
		goto done;
	if ((err = count_triads(&ig, group, gx, gy, role)) != IGRAPH_SUCCESS ||
	    (err = xy_betweenness(&ig, group, gx, gy, &btw)) !=
		    IGRAPH_SUCCESS) {
		rc = ties_an__ig_fail(db, err);
		goto done;
	}
	if (!(order = broker_order(g, VECTOR(btw), role)) ||
	    !(t = ties_table__new(12, cols)) ||
	    broker_rows(t, g, o, order, VECTOR(btw), role, group) < 0) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	*out = t;
	t = NULL;
done:
	igraph_vector_destroy(&btw);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	ties_an__guard_off(&guard);
	free(group);
	free(role);
	free(order);
	ties_table_free(t);
	return rc;
}
