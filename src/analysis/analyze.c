/*
 * analyze.c — centralities, communities and components of a tie graph,
 * computed by igraph.
 *
 * Every public entry point installs an igraph error handler that copies
 * igraph's reason to a buffer and frees igraph's FINALLY stack instead of
 * aborting, and a warning handler that keeps the warning instead of
 * printing; both are restored on the way out (igraph_error.h, "Writing
 * error handlers"). Randomised algorithms seed igraph's RNG first, so the
 * same seed gives the same result.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "graph/graph.h"
#include "ties_int.h"

/* ---------------------------------------------------- igraph errors --- */

static char ig_reason[512];

static void on_igraph_error(const char *reason, const char *file, int line,
			    igraph_error_t err)
{
	(void)file;
	(void)line;
	snprintf(ig_reason, sizeof(ig_reason), "%s (%s)", reason,
		 igraph_strerror(err));
	IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
	(void)reason;
	(void)file;
	(void)line;
}

struct ig_guard {
	igraph_error_handler_t *err;
	igraph_warning_handler_t *warn;
};

static void guard_on(struct ig_guard *g)
{
	ig_reason[0] = '\0';
	g->err = igraph_set_error_handler(on_igraph_error);
	g->warn = igraph_set_warning_handler(on_igraph_warning);
}

static void guard_off(struct ig_guard *g)
{
	igraph_set_error_handler(g->err);
	igraph_set_warning_handler(g->warn);
}

/* Report an igraph failure on the handle. */
static int ig_fail(ties_db *db, igraph_error_t err)
{
	if (err == IGRAPH_ENOMEM)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	return ties_db__seterr(db, TIES_ERROR, "igraph: %s",
			       ig_reason[0] ? ig_reason : igraph_strerror(err));
}

/* ------------------------------------------------------- conversion --- */

/* The graph as an igraph_t, its weights (w) and, when need_dist, the
 * distances 1/w (else dist is empty: 8 bytes a tie saved). */
static igraph_error_t to_igraph(const ties_graph *g, igraph_t *ig,
				igraph_vector_t *w, igraph_vector_t *dist,
				int need_dist)
{
	igraph_vector_int_t edges;
	size_t i;

	IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->m)));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
	for (i = 0; i < g->m; i++) {
		VECTOR(edges)[2 * i] = g->ea[i];
		VECTOR(edges)[2 * i + 1] = g->eb[i];
	}
	IGRAPH_CHECK(igraph_create(ig, &edges, (igraph_integer_t)g->n,
				   IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);
	IGRAPH_FINALLY(igraph_destroy, ig);
	IGRAPH_CHECK(igraph_vector_init(w, (igraph_integer_t)g->m));
	IGRAPH_FINALLY(igraph_vector_destroy, w);
	IGRAPH_CHECK(igraph_vector_init(dist,
					(igraph_integer_t)(need_dist ? g->m : 0)));
	for (i = 0; i < g->m; i++)
		VECTOR(*w)[i] = g->ew[i];
	for (i = 0; need_dist && i < g->m; i++)
		VECTOR(*dist)[i] = 1.0 / g->ew[i];
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* ---------------------------------------------------------- measures --- */

static const char *const measure_names[TIES_NMEASURES] = {
	"degree",   "strength",	   "betweenness", "closeness",
	"harmonic", "eigenvector", "pagerank",	  "coreness"};

int ties_measure_parse(const char *name)
{
	int i;

	for (i = 0; i < TIES_NMEASURES; i++)
		if (!strcmp(name, measure_names[i]))
			return i;
	return -1;
}

const char *ties_measure_name(enum ties_measure m)
{
	assert(m >= 0 && m < TIES_NMEASURES);
	return measure_names[m];
}

static igraph_error_t measure(const ties_graph *g, const igraph_t *ig,
			      const igraph_vector_t *w,
			      const igraph_vector_t *dist, enum ties_measure m,
			      int weighted, double cutoff, double *out)
{
	igraph_vector_t res;
	igraph_vector_int_t ires;
	igraph_real_t value;
	const igraph_vector_t *pw = weighted ? w : NULL;
	const igraph_vector_t *pd = weighted ? dist : NULL;
	igraph_arpack_options_t arpack;
	size_t i, n = g->n;

	if (m == TIES_DEGREE || m == TIES_CORENESS) {
		IGRAPH_CHECK(igraph_vector_int_init(&ires, 0));
		IGRAPH_FINALLY(igraph_vector_int_destroy, &ires);
		if (m == TIES_DEGREE)
			IGRAPH_CHECK(igraph_degree(ig, &ires, igraph_vss_all(),
						   IGRAPH_ALL, IGRAPH_NO_LOOPS));
		else
			IGRAPH_CHECK(igraph_coreness(ig, &ires, IGRAPH_ALL));
		for (i = 0; i < n; i++)
			out[i] = (double)VECTOR(ires)[i];
		igraph_vector_int_destroy(&ires);
		IGRAPH_FINALLY_CLEAN(1);
		return IGRAPH_SUCCESS;
	}
	IGRAPH_CHECK(igraph_vector_init(&res, 0));
	IGRAPH_FINALLY(igraph_vector_destroy, &res);
	switch (m) {
	case TIES_STRENGTH:
		IGRAPH_CHECK(igraph_strength(ig, &res, igraph_vss_all(),
					     IGRAPH_ALL, IGRAPH_NO_LOOPS, w));
		break;
	case TIES_BETWEENNESS:
		if (cutoff > 0)
			IGRAPH_CHECK(igraph_betweenness_cutoff(
				ig, &res, igraph_vss_all(), IGRAPH_UNDIRECTED,
				pd, cutoff));
		else
			IGRAPH_CHECK(igraph_betweenness(ig, &res,
							igraph_vss_all(),
							IGRAPH_UNDIRECTED, pd));
		break;
	case TIES_CLOSENESS:
		/* normalized: (r-1)/Σd over the reachable nodes. */
		if (cutoff > 0)
			IGRAPH_CHECK(igraph_closeness_cutoff(
				ig, &res, NULL, NULL, igraph_vss_all(),
				IGRAPH_ALL, pd, 1, cutoff));
		else
			IGRAPH_CHECK(igraph_closeness(ig, &res, NULL, NULL,
						      igraph_vss_all(),
						      IGRAPH_ALL, pd, 1));
		break;
	case TIES_HARMONIC:
		if (cutoff > 0)
			IGRAPH_CHECK(igraph_harmonic_centrality_cutoff(
				ig, &res, igraph_vss_all(), IGRAPH_ALL, pd, 0,
				cutoff));
		else
			IGRAPH_CHECK(igraph_harmonic_centrality(
				ig, &res, igraph_vss_all(), IGRAPH_ALL, pd, 0));
		break;
	case TIES_EIGENVECTOR:
		igraph_arpack_options_init(&arpack);
		if (g->m == 0) {
			/* igraph gives 1 everywhere for an empty graph. */
			IGRAPH_CHECK(igraph_vector_resize(&res, (igraph_integer_t)n));
			igraph_vector_fill(&res, n ? 1 : 0);
		} else {
			IGRAPH_CHECK(igraph_eigenvector_centrality(
				ig, &res, &value, IGRAPH_UNDIRECTED, 1, pw,
				&arpack));
		}
		break;
	case TIES_PAGERANK:
		IGRAPH_CHECK(igraph_pagerank(ig, IGRAPH_PAGERANK_ALGO_PRPACK,
					     &res, &value, igraph_vss_all(),
					     IGRAPH_UNDIRECTED, 0.85, pw,
					     NULL));
		break;
	default:
		IGRAPH_ERROR("unknown measure", IGRAPH_EINVAL);
	}
	for (i = 0; i < n; i++) {
		double v = VECTOR(res)[i];

		/* An isolate's closeness is 0, not igraph's NaN. */
		out[i] = isnan(v) ? 0 : v;
		if (out[i] == 0)
			out[i] = 0; /* no -0 */
	}
	igraph_vector_destroy(&res);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* The name of a measure's scores beside the snapshot. */
static void score_name(enum ties_measure m, int weighted, char name[32])
{
	snprintf(name, 32, "%s%s", measure_names[m], weighted ? "-w" : "");
}

/* Compute `nm` measures in one conversion; out[k] has g->n slots. */
static int measures(ties_db *db, const ties_graph *g,
		    const enum ties_measure *ms, size_t nm, int weighted,
		    double cutoff, double **out)
{
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_error_t err;
	unsigned char *cached;
	char name[32];
	size_t k, left;
	int need_dist;

	if (cutoff < 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "cutoff must not be negative");
	/* Degree and strength need no igraph graph, whose index building
	 * would take most of the time on big graphs. */
	for (k = 0; k < nm; k++)
		if (ms[k] != TIES_DEGREE && ms[k] != TIES_STRENGTH)
			break;
	if (k == nm) {
		for (k = 0; k < nm; k++) {
			size_t e;

			memset(out[k], 0, g->n * sizeof(double));
			for (e = 0; e < g->m; e++) {
				double wt = ms[k] == TIES_DEGREE ? 1 : g->ew[e];

				out[k][g->ea[e]] += wt;
				out[k][g->eb[e]] += wt;
			}
		}
		return 0;
	}
	/* On the snapshot's graph, exact scores computed before are kept
	 * beside the snapshot (DB.adj.pagerank, …) and read again. */
	if (!(cached = calloc(nm, 1)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	for (k = 0, left = nm; k < nm; k++) {
		score_name(ms[k], weighted, name);
		if (g->snap_gen && cutoff == 0 &&
		    ties_snap__scores_read(db, g->snap_gen, name, g->n,
					   out[k])) {
			cached[k] = 1;
			left--;
		}
	}
	if (left == 0) {
		free(cached);
		return 0;
	}
	guard_on(&guard);
	for (k = 0, need_dist = 0; weighted && k < nm; k++)
		need_dist |= ms[k] == TIES_BETWEENNESS ||
			     ms[k] == TIES_CLOSENESS || ms[k] == TIES_HARMONIC;
	err = to_igraph(g, &ig, &w, &dist, need_dist);
	if (err != IGRAPH_SUCCESS) {
		guard_off(&guard);
		free(cached);
		return ig_fail(db, err);
	}
	for (k = 0; k < nm && err == IGRAPH_SUCCESS; k++) {
		if (cached[k])
			continue;
		err = measure(g, &ig, &w, &dist, ms[k], weighted, cutoff,
			      out[k]);
		score_name(ms[k], weighted, name);
		if (err == IGRAPH_SUCCESS && g->snap_gen && cutoff == 0)
			ties_snap__scores_write(db, g->snap_gen, name, g->n,
						out[k]);
	}
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	guard_off(&guard);
	free(cached);
	return err == IGRAPH_SUCCESS ? 0 : ig_fail(db, err);
}

int ties_graph_measure(ties_db *db, const ties_graph *g, enum ties_measure m,
		       int weighted, double cutoff, double *out)
{
	assert(db && g && out);
	if (m < 0 || m >= TIES_NMEASURES)
		return ties_db__seterr(db, TIES_EINVALID, "unknown measure");
	return measures(db, g, &m, 1, weighted, cutoff, &out);
}

/* --------------------------------------------------------------- rank --- */

static int same_score(double a, double b)
{
	double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= 1e-9 * (scale > 1 ? scale : 1);
}

/* Sort keys carry what the comparison needs: qsort has no payload. */
struct sortkey {
	double score;
	const char *name, *id;
	size_t node;
	int by_score;
};

/* By score (highest first) when asked, then by name, then id. */
static int cmp_key(const void *x, const void *y)
{
	const struct sortkey *a = x, *b = y;
	int c;

	if (a->by_score && !same_score(a->score, b->score))
		return a->score > b->score ? -1 : 1;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* The nodes in rank order (score NULL: by name). */
static size_t *sorted_nodes(const ties_graph *g, const double *score)
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
	qsort(k, g->n, sizeof(*k), cmp_key);
	for (i = 0; i < g->n; i++)
		order[i] = k[i].node;
	free(k);
	return order;
}

static int set_node_cells(ties_table *t, const ties_graph *g, size_t node,
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

static int set_score(ties_table *t, size_t col, enum ties_measure m,
		     double v)
{
	if (m == TIES_DEGREE || m == TIES_CORENESS)
		return ties_table__set_int(t, col, (long long)v);
	return ties_table__set_real(t, col, v);
}

int ties_rank(ties_db *db, ties_table **out, const ties_graph *g,
	      const ties_rank_opts *o)
{
	static const char *const cols[] = {"rank", "id",    "name", "kind",
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
	nm = o->all ? TIES_NMEASURES : 1;
	for (k = 0; k < nm; k++) {
		ms[k] = o->all ? (enum ties_measure)k : o->measure;
		if (!(scores[k] = calloc(g->n ? g->n : 1, sizeof(double)))) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	if ((rc = measures(db, g, ms, nm, o->weighted, o->cutoff, scores)) < 0)
		goto done;
	if (!(order = sorted_nodes(g, o->all ? NULL : scores[0]))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	rows = o->top > 0 && (size_t)o->top < g->n ? (size_t)o->top : g->n;
	if (o->all) {
		allcols[0] = "id";
		allcols[1] = "name";
		allcols[2] = "kind";
		allcols[3] = "country";
		for (k = 0; k < TIES_NMEASURES; k++)
			allcols[4 + k] = measure_names[k];
		allcols[4 + TIES_NMEASURES] = "note";
		t = ties_table__new(4 + TIES_NMEASURES + (o->cutoff > 0),
				    allcols);
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
			rc = set_node_cells(t, g, node, 0);
			for (k = 0; rc == 0 && k < TIES_NMEASURES; k++)
				rc = set_score(t, 4 + k, (enum ties_measure)k,
					       scores[k][node]);
			if (rc == 0 && o->cutoff > 0)
				rc = ties_table__set_text(
					t, 4 + TIES_NMEASURES, note);
		} else if (rc == 0) {
			/* Competition ranking: 1, 2, 2, 4. */
			if (i == 0 || !same_score(scores[0][order[i - 1]],
						  scores[0][node]))
				k = i + 1;
			rc = ties_table__set_int(t, 0, (long long)k);
			if (rc == 0)
				rc = set_node_cells(t, g, node, 1);
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

/* -------------------------------------------------------- communities --- */

/* One partition with seed `seed`; membership and modularity out. */
static igraph_error_t partition(const igraph_t *ig, const igraph_vector_t *w,
				const ties_community_opts *o,
				unsigned long seed,
				igraph_vector_int_t *membership, double *q)
{
	igraph_real_t mod = 0;

	igraph_rng_seed(igraph_rng_default(), seed);
	if (o->method == TIES_LEIDEN) {
		igraph_vector_t strength;
		igraph_integer_t nc = 0;
		igraph_real_t total = 0;
		igraph_real_t quality = 0;

		/* Modularity objective: node weights = strengths, resolution
		 * scaled by 1/2m (igraph_community_leiden documentation). */
		IGRAPH_CHECK(igraph_vector_init(&strength, 0));
		IGRAPH_FINALLY(igraph_vector_destroy, &strength);
		IGRAPH_CHECK(igraph_strength(ig, &strength, igraph_vss_all(),
					     IGRAPH_ALL, IGRAPH_LOOPS, w));
		total = igraph_vector_sum(&strength);
		if (total > 0) {
			IGRAPH_CHECK(igraph_community_leiden(
				ig, w, &strength, o->resolution / total, 0.01,
				0, -1, membership, &nc, &quality));
		} else {
			IGRAPH_CHECK(igraph_vector_int_resize(
				membership, igraph_vcount(ig)));
			for (igraph_integer_t i = 0; i < igraph_vcount(ig); i++)
				VECTOR(*membership)[i] = i;
		}
		igraph_vector_destroy(&strength);
		IGRAPH_FINALLY_CLEAN(1);
	} else {
		IGRAPH_CHECK(igraph_community_multilevel(
			ig, w, o->resolution, membership, NULL, NULL));
	}
	IGRAPH_CHECK(igraph_modularity(ig, membership, w, o->resolution,
				       IGRAPH_UNDIRECTED, &mod));
	*q = isnan(mod) ? 0 : mod;
	return IGRAPH_SUCCESS;
}

/* All runs: the best membership, and per run the memberships (runs x n). */
static igraph_error_t all_runs(const igraph_t *ig, const igraph_vector_t *w,
			       const ties_community_opts *o,
			       igraph_vector_int_t *best, double *bestq,
			       igraph_integer_t *runs_out)
{
	igraph_vector_int_t mem;
	int r, runs = o->runs > 0 ? o->runs : 1;
	double q;
	igraph_integer_t n = igraph_vcount(ig), i;

	IGRAPH_CHECK(igraph_vector_int_init(&mem, n));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &mem);
	for (r = 0; r < runs; r++) {
		IGRAPH_CHECK(partition(ig, w, o, o->seed + (unsigned long)r,
				       &mem, &q));
		if (r == 0 || q > *bestq + 1e-12) {
			*bestq = q;
			IGRAPH_CHECK(igraph_vector_int_update(best, &mem));
		}
		for (i = 0; runs_out && i < n; i++)
			runs_out[(size_t)r * (size_t)n + (size_t)i] =
				VECTOR(mem)[i];
	}
	igraph_vector_int_destroy(&mem);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

struct comm {
	igraph_integer_t label;
	size_t size;
	const char *name, *id; /* of the first member by name */
};

static int cmp_comm(const void *x, const void *y)
{
	const struct comm *a = x, *b = y;
	int c;

	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	if (!a->size)
		return 0;
	c = strcmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

/* Renumber communities by size: number[label] = 1, 2, … */
static size_t *number_by_size(const ties_graph *g,
			      const igraph_vector_int_t *mem, size_t *ncomm)
{
	size_t n = g->n, i, k = 0, *number;
	struct comm *c;
	size_t *order = sorted_nodes(g, NULL);

	c = calloc(n ? n : 1, sizeof(*c));
	number = calloc(n ? n : 1, sizeof(*number));
	if (!c || !number || !order) {
		free(c);
		free(number);
		free(order);
		return NULL;
	}
	for (i = 0; i < n; i++)
		c[i].label = (igraph_integer_t)i;
	/* Visit nodes by name so that `first` is the first by name. */
	for (i = 0; i < n; i++) {
		size_t v = order[i];
		igraph_integer_t l = VECTOR(*mem)[v];

		if (c[l].size++ == 0) {
			c[l].name = g->nodes[v].name;
			c[l].id = g->nodes[v].id;
		}
	}
	qsort(c, n, sizeof(*c), cmp_comm);
	for (i = 0; i < n && c[i].size > 0; i++, k++)
		number[c[i].label] = i + 1;
	*ncomm = k;
	free(c);
	free(order);
	return number;
}

int ties_communities(ties_db *db, ties_table **out, const ties_graph *g,
		     const ties_community_opts *o, double *modularity)
{
	static const char *const cols[] = {"id",	"name",	     "kind",
					   "country",	"community", "stability"};
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_vector_int_t best;
	igraph_integer_t *runs = NULL;
	igraph_error_t err;
	ties_table *t = NULL;
	size_t *number = NULL, *order = NULL, ncomm = 0, i, j, n = g->n;
	size_t nruns = o->runs > 0 ? (size_t)o->runs : 1;
	double q = 0;
	int rc = 0, r;

	assert(db && out && g && o);
	*out = NULL;
	if (o->resolution <= 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "resolution must be positive");
	if (!(runs = malloc(nruns * (n ? n : 1) * sizeof(*runs))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	guard_on(&guard);
	if ((err = to_igraph(g, &ig, &w, &dist, 0)) != IGRAPH_SUCCESS) {
		guard_off(&guard);
		free(runs);
		return ig_fail(db, err);
	}
	if ((err = igraph_vector_int_init(&best, (igraph_integer_t)n)) ==
	    IGRAPH_SUCCESS) {
		err = all_runs(&ig, o->weighted ? &w : NULL, o, &best, &q,
			       runs);
		if (err == IGRAPH_SUCCESS &&
		    !(number = number_by_size(g, &best, &ncomm)))
			err = IGRAPH_ENOMEM;
	}
	if (err != IGRAPH_SUCCESS) {
		rc = ig_fail(db, err);
		goto done;
	}
	/* Rows by community, then name. */
	if (!(order = sorted_nodes(g, NULL)) ||
	    !(t = ties_table__new(6, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	/* Stability: the share of runs that group v with each co-member of
	 * its community in the best partition. Counted per community and run
	 * (how many members carry each label), so O(runs x n), not n^2. */
	{
		size_t *start = calloc(ncomm + 2, sizeof(*start));
		size_t *member = malloc((n + 1) * sizeof(*member));
		size_t *fill = calloc(ncomm + 2, sizeof(*fill));
		size_t *cnt = calloc(n + 1, sizeof(*cnt));
		double *together = calloc(n + 1, sizeof(*together));

		if (!start || !member || !fill || !cnt || !together) {
			free(start);
			free(member);
			free(fill);
			free(cnt);
			free(together);
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		/* Members of each community, in the sorted order. */
		for (i = 0; i < n; i++)
			start[number[VECTOR(best)[i]] + 1]++;
		for (size_t c = 1; c <= ncomm + 1; c++)
			start[c] += start[c - 1];
		for (i = 0; i < n; i++) {
			size_t v = order[i], c = number[VECTOR(best)[v]];

			member[start[c] + fill[c]++] = v;
		}
		for (size_t c = 1; c <= ncomm; c++)
			for (r = 0; r < (int)nruns; r++) {
				const igraph_integer_t *lab = runs + (size_t)r * n;

				for (j = start[c]; j < start[c + 1]; j++)
					cnt[lab[member[j]]]++;
				for (j = start[c]; j < start[c + 1]; j++)
					together[member[j]] +=
						(double)(cnt[lab[member[j]]] - 1);
				for (j = start[c]; j < start[c + 1]; j++)
					cnt[lab[member[j]]] = 0;
			}
		for (size_t c = 1; c <= ncomm && rc == 0; c++)
			for (j = start[c]; j < start[c + 1]; j++) {
				size_t v = member[j];
				double pairs = (double)(start[c + 1] - start[c] - 1) *
					       (double)nruns;

				if (ties_table__add_row(t) < 0 ||
				    set_node_cells(t, g, v, 0) < 0 ||
				    ties_table__set_int(t, 4, (long long)c) < 0 ||
				    ties_table__set_real(t, 5,
							 pairs ? together[v] / pairs
							       : 1) < 0) {
					rc = ties_db__seterr(db, TIES_ENOMEM,
							     "out of memory");
					break;
				}
			}
		free(start);
		free(member);
		free(fill);
		free(cnt);
		free(together);
		if (rc < 0)
			goto done;
	}
	if (modularity)
		*modularity = q;
	*out = t;
	t = NULL;
done:
	igraph_vector_int_destroy(&best);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	guard_off(&guard);
	free(runs);
	free(number);
	free(order);
	ties_table_free(t);
	return rc;
}

int ties_community_pairs(ties_db *db, ties_table **out, const ties_graph *g,
			 const ties_community_opts *o)
{
	static const char *const cols[] = {"a", "b", "together"};
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_vector_int_t best;
	igraph_integer_t *runs = NULL;
	igraph_error_t err;
	ties_table *t = NULL;
	size_t *order = NULL, i, j, n = g->n;
	size_t nruns = o->runs > 0 ? (size_t)o->runs : 1, r;
	double q = 0;
	int rc = 0;

	assert(db && out && g && o);
	*out = NULL;
	if (!(runs = malloc(nruns * (n ? n : 1) * sizeof(*runs))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	guard_on(&guard);
	if ((err = to_igraph(g, &ig, &w, &dist, 0)) != IGRAPH_SUCCESS) {
		guard_off(&guard);
		free(runs);
		return ig_fail(db, err);
	}
	if ((err = igraph_vector_int_init(&best, (igraph_integer_t)n)) ==
	    IGRAPH_SUCCESS)
		err = all_runs(&ig, o->weighted ? &w : NULL, o, &best, &q,
			       runs);
	if (err != IGRAPH_SUCCESS) {
		rc = ig_fail(db, err);
		goto done;
	}
	if (!(order = sorted_nodes(g, NULL)) ||
	    !(t = ties_table__new(3, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			size_t a = order[i], b = order[j], k = 0;

			for (r = 0; r < nruns; r++)
				k += runs[r * n + a] == runs[r * n + b];
			if (k == 0)
				continue;
			if (ties_table__add_row(t) < 0 ||
			    ties_table__set_text(t, 0, g->nodes[a].id) < 0 ||
			    ties_table__set_text(t, 1, g->nodes[b].id) < 0 ||
			    ties_table__set_real(t, 2,
						 (double)k / (double)nruns) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	*out = t;
	t = NULL;
done:
	igraph_vector_int_destroy(&best);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	guard_off(&guard);
	free(runs);
	free(order);
	ties_table_free(t);
	return rc;
}

/* --------------------------------------------------------- components --- */

int ties_components(ties_db *db, ties_table **out, const ties_graph *g)
{
	static const char *const cols[] = {"component", "size", "members"};
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_vector_int_t mem, sizes;
	igraph_integer_t nc = 0;
	igraph_error_t err;
	ties_table *t = NULL;
	size_t *number = NULL, *order = NULL, ncomm = 0, i, c;
	int rc = 0;

	assert(db && out && g);
	*out = NULL;
	guard_on(&guard);
	if ((err = to_igraph(g, &ig, &w, &dist, 0)) != IGRAPH_SUCCESS) {
		guard_off(&guard);
		return ig_fail(db, err);
	}
	igraph_vector_int_init(&mem, 0);
	igraph_vector_int_init(&sizes, 0);
	err = igraph_connected_components(&ig, &mem, &sizes, &nc, IGRAPH_WEAK);
	if (err != IGRAPH_SUCCESS) {
		rc = ig_fail(db, err);
		goto done;
	}
	if (!(number = number_by_size(g, &mem, &ncomm)) ||
	    !(order = sorted_nodes(g, NULL)) ||
	    !(t = ties_table__new(3, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (c = 1; c <= ncomm; c++) {
		ties_buf b = TIES_BUF_INIT;
		size_t size = 0;

		for (i = 0; i < g->n; i++) {
			size_t v = order[i];

			if (number[VECTOR(mem)[v]] != c)
				continue;
			if (size < 10)
				ties_buf__printf(&b, "%s%s", size ? "; " : "",
						 g->nodes[v].name);
			else if (size == 10)
				ties_buf__puts(&b, "; …");
			size++;
		}
		rc = ties_table__add_row(t);
		if (rc == 0)
			rc = ties_table__set_int(t, 0, (long long)c);
		if (rc == 0)
			rc = ties_table__set_int(t, 1, (long long)size);
		if (rc == 0)
			rc = ties_table__set_text(t, 2, ties_buf__str(&b));
		ties_buf__release(&b);
		if (rc < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	*out = t;
	t = NULL;
done:
	igraph_vector_int_destroy(&mem);
	igraph_vector_int_destroy(&sizes);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	guard_off(&guard);
	free(number);
	free(order);
	ties_table_free(t);
	return rc;
}

/* ------------------------------------------------------------ brokers --- */

/* Group label of each node: its home country's rowid (a country its own),
 * or its community number. */
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
					   : g->nodes[i].country_rowid;
		return 0;
	}
	if ((err = igraph_vector_int_init(&mem, (igraph_integer_t)g->n)) !=
	    IGRAPH_SUCCESS)
		return ig_fail(db, err);
	if ((err = partition(ig, w, &o, 1, &mem, &q)) != IGRAPH_SUCCESS) {
		igraph_vector_int_destroy(&mem);
		return ig_fail(db, err);
	}
	number = number_by_size(g, &mem, &ncomm);
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

int ties_brokers(ties_db *db, ties_table **out, const ties_graph *g,
		 const ties_broker_opts *o)
{
	static const char *const cols[] = {
		"rank",	      "id",	   "name",	"kind",
		"country",    "group",	   "coordinator", "itinerant",
		"gatekeeper", "liaison",   "xy_triads", "xy_betweenness"};
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist, btw;
	igraph_vector_int_t xs, ys;
	igraph_adjlist_t al;
	igraph_error_t err = IGRAPH_SUCCESS;
	sqlite3_int64 gx, gy, *group = NULL;
	double (*role)[5] = NULL;
	size_t *order = NULL, i, n = g->n, shown = 0;
	ties_table *t = NULL;
	int rc = 0, have_al = 0;
	long rank = 0;
	double prev = -1;

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
	guard_on(&guard);
	if ((err = to_igraph(g, &ig, &w, &dist, 0)) != IGRAPH_SUCCESS) {
		guard_off(&guard);
		free(group);
		free(role);
		return ig_fail(db, err);
	}
	igraph_vector_init(&btw, 0);
	igraph_vector_int_init(&xs, 0);
	igraph_vector_int_init(&ys, 0);
	if ((rc = groups_of(db, g, &ig, &w, o->by_community, group)) < 0)
		goto done;
	/* Open triads a–v–b around each v, classified by group. */
	if ((err = igraph_adjlist_init(&ig, &al, IGRAPH_ALL, IGRAPH_NO_LOOPS,
				       IGRAPH_NO_MULTIPLE)) != IGRAPH_SUCCESS)
		goto igfail;
	have_al = 1;
	for (i = 0; i < n; i++) {
		igraph_vector_int_t *nb = igraph_adjlist_get(&al, i);
		igraph_integer_t k = igraph_vector_int_size(nb), p, q;

		for (p = 0; p < k; p++)
			for (q = p + 1; q < k; q++) {
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
	/* Betweenness over the x–y pairs only. */
	for (i = 0; i < n; i++) {
		if (group[i] == gx &&
		    (err = igraph_vector_int_push_back(
			     &xs, (igraph_integer_t)i)) != IGRAPH_SUCCESS)
			goto igfail;
		if (group[i] == gy &&
		    (err = igraph_vector_int_push_back(
			     &ys, (igraph_integer_t)i)) != IGRAPH_SUCCESS)
			goto igfail;
	}
	if ((err = igraph_betweenness_subset(
		     &ig, &btw, igraph_vss_all(), IGRAPH_UNDIRECTED,
		     igraph_vss_vector(&xs), igraph_vss_vector(&ys), NULL)) !=
	    IGRAPH_SUCCESS)
		goto igfail;
	/* igraph halves undirected subset betweenness, as if each pair were
	 * met from both ends; X and Y are disjoint here, so each x–y pair
	 * is met once and counts once (checked by hand in the tests). */
	igraph_vector_scale(&btw, 2);
	if (!(order = sorted_nodes(g, VECTOR(btw))) ||
	    !(t = ties_table__new(12, cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	/* Nodes that broker between x and y, by x–y betweenness (then
	 * triads); equal pairs share a rank. */
	{
		size_t *o2 = order, k;
		struct sortkey *keys = malloc((n + 1) * sizeof(*keys));

		if (!keys) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		for (k = 0; k < n; k++) {
			keys[k].score = VECTOR(btw)[k] * 1e6 + role[k][4];
			keys[k].name = g->nodes[k].name;
			keys[k].id = g->nodes[k].id;
			keys[k].node = k;
			keys[k].by_score = 1;
		}
		qsort(keys, n, sizeof(*keys), cmp_key);
		for (k = 0; k < n; k++)
			o2[k] = keys[k].node;
		free(keys);
	}
	for (i = 0; i < n; i++) {
		size_t v = order[i];
		double score = VECTOR(btw)[v] * 1e6 + role[v][4];
		const char *gname = NULL;
		char num[32];

		if (VECTOR(btw)[v] <= 0 && role[v][4] <= 0)
			continue;
		if (o->top > 0 && (long)shown >= o->top)
			break;
		if (!same_score(score, prev))
			rank = (long)shown + 1;
		prev = score;
		shown++;
		if (o->by_community) {
			snprintf(num, sizeof(num), "%lld",
				 (long long)group[v]);
			gname = num;
		} else {
			size_t c;

			/* The country's id: a node's country field, or the
			 * country itself. */
			gname = g->nodes[v].country;
			if (!strcmp(g->nodes[v].kind, "country"))
				gname = g->nodes[v].id;
			for (c = 0; !gname && c < n; c++)
				if (g->nodes[c].rowid == group[v])
					gname = g->nodes[c].id;
		}
		if (ties_table__add_row(t) < 0 ||
		    ties_table__set_int(t, 0, rank) < 0 ||
		    set_node_cells(t, g, v, 1) < 0 ||
		    ties_table__set_text(t, 5, gname) < 0 ||
		    ties_table__set_int(t, 6, (long long)role[v][0]) < 0 ||
		    ties_table__set_int(t, 7, (long long)role[v][1]) < 0 ||
		    ties_table__set_int(t, 8, (long long)role[v][2]) < 0 ||
		    ties_table__set_int(t, 9, (long long)role[v][3]) < 0 ||
		    ties_table__set_int(t, 10, (long long)role[v][4]) < 0 ||
		    ties_table__set_real(t, 11, VECTOR(btw)[v]) < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	}
	*out = t;
	t = NULL;
	goto done;
igfail:
	rc = ig_fail(db, err);
done:
	if (have_al)
		igraph_adjlist_destroy(&al);
	igraph_vector_destroy(&btw);
	igraph_vector_int_destroy(&xs);
	igraph_vector_int_destroy(&ys);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	guard_off(&guard);
	free(group);
	free(role);
	free(order);
	ties_table_free(t);
	return rc;
}
