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
#include <stdlib.h>
#include <string.h>

#include <igraph.h>

#include "graph.h"
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

/* The graph as an igraph_t, and its weights (w) and distances 1/w. */
static igraph_error_t to_igraph(const ties_graph *g, igraph_t *ig,
				igraph_vector_t *w, igraph_vector_t *dist)
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
	IGRAPH_CHECK(igraph_vector_init(dist, (igraph_integer_t)g->m));
	for (i = 0; i < g->m; i++) {
		VECTOR(*w)[i] = g->ew[i];
		VECTOR(*dist)[i] = 1.0 / g->ew[i];
	}
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

/* Compute `nm` measures in one conversion; out[k] has g->n slots. */
static int measures(ties_db *db, const ties_graph *g,
		    const enum ties_measure *ms, size_t nm, int weighted,
		    double cutoff, double **out)
{
	struct ig_guard guard;
	igraph_t ig;
	igraph_vector_t w, dist;
	igraph_error_t err;
	size_t k;

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
	guard_on(&guard);
	err = to_igraph(g, &ig, &w, &dist);
	if (err != IGRAPH_SUCCESS) {
		guard_off(&guard);
		return ig_fail(db, err);
	}
	for (k = 0; k < nm && err == IGRAPH_SUCCESS; k++)
		err = measure(g, &ig, &w, &dist, ms[k], weighted, cutoff,
			      out[k]);
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	guard_off(&guard);
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
	if ((err = to_igraph(g, &ig, &w, &dist)) != IGRAPH_SUCCESS) {
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
	for (size_t c = 1; c <= ncomm; c++)
		for (i = 0; i < n; i++) {
			size_t v = order[i];
			double together = 0, pairs = 0;

			if (number[VECTOR(best)[v]] != c)
				continue;
			/* Stability: share of runs grouping v with each
			 * co-member of the best partition. */
			for (j = 0; j < n; j++) {
				if (j == v || VECTOR(best)[j] != VECTOR(best)[v])
					continue;
				for (r = 0; r < (int)nruns; r++)
					together += runs[(size_t)r * n + v] ==
						    runs[(size_t)r * n + j];
				pairs += (double)nruns;
			}
			if (ties_table__add_row(t) < 0 ||
			    set_node_cells(t, g, v, 0) < 0 ||
			    ties_table__set_int(t, 4, (long long)c) < 0 ||
			    ties_table__set_real(t, 5,
						 pairs ? together / pairs : 1) <
				    0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
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
	if ((err = to_igraph(g, &ig, &w, &dist)) != IGRAPH_SUCCESS) {
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
	if ((err = to_igraph(g, &ig, &w, &dist)) != IGRAPH_SUCCESS) {
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
