/*
 * measure.c — centralities of a tie graph, computed by igraph.
 *
 * Every public entry point installs an igraph error handler that copies
 * igraph's reason to a buffer and frees igraph's FINALLY stack instead of
 * aborting, and a warning handler that keeps the warning instead of
 * printing; both are restored on the way out (igraph_error.h, "Writing
 * error handlers").
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <igraph.h>

#include "analysis_int.h"

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

void ties_an__guard_on(struct ig_guard *g)
{
	ig_reason[0] = '\0';
	g->err = igraph_set_error_handler(on_igraph_error);
	g->warn = igraph_set_warning_handler(on_igraph_warning);
}

void ties_an__guard_off(struct ig_guard *g)
{
	igraph_set_error_handler(g->err);
	igraph_set_warning_handler(g->warn);
}

/* Report an igraph failure on the handle. */
int ties_an__ig_fail(ties_db *db, igraph_error_t err)
{
	if (err == IGRAPH_ENOMEM)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	return ties_db__seterr(db, TIES_ERROR, "igraph: %s",
			       ig_reason[0] ? ig_reason : igraph_strerror(err));
}

/* The graph as an igraph_t, its weights (w) and, when need_dist, the
 * distances 1/w (else dist is empty: 8 bytes a tie saved). */
igraph_error_t ties_an__to_igraph(const ties_graph *g, igraph_t *ig,
				  igraph_vector_t *w, igraph_vector_t *dist,
				  int need_dist)
{
	return ties_an__to_igraph_as(g, ig, w, dist, need_dist, g->directed);
}

igraph_error_t ties_an__to_igraph_as(const ties_graph *g, igraph_t *ig,
				     igraph_vector_t *w, igraph_vector_t *dist,
				     int need_dist, int directed)
{
	igraph_vector_int_t edges;
	size_t i;

	IGRAPH_CHECK(
		igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->m)));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
	for (i = 0; i < g->m; i++) {
		VECTOR(edges)[2 * i] = g->ea[i];
		VECTOR(edges)[2 * i + 1] = g->eb[i];
	}
	IGRAPH_CHECK(igraph_create(ig, &edges, (igraph_integer_t)g->n,
				   directed ? IGRAPH_DIRECTED
					    : IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(1);
	IGRAPH_FINALLY(igraph_destroy, ig);
	IGRAPH_CHECK(igraph_vector_init(w, (igraph_integer_t)g->m));
	IGRAPH_FINALLY(igraph_vector_destroy, w);
	IGRAPH_CHECK(igraph_vector_init(
		dist, (igraph_integer_t)(need_dist ? g->m : 0)));
	for (i = 0; i < g->m; i++)
		VECTOR(*w)[i] = g->ew[i];
	for (i = 0; need_dist && i < g->m; i++)
		VECTOR(*dist)[i] = 1.0 / g->ew[i];
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* The components of a graph, their nodes and ties listed together. */
struct comps {
	igraph_vector_int_t mem;       /* node -> component */
	igraph_integer_t n;	       /* components */
	igraph_vector_int_t nodes, ns; /* nodes by component; starts */
	igraph_vector_int_t ties, ts;  /* ties by component; starts */
	igraph_vector_int_t local;     /* node -> place in its component */
};

static void comps_destroy(struct comps *c)
{
	igraph_vector_int_destroy(&c->mem);
	igraph_vector_int_destroy(&c->nodes);
	igraph_vector_int_destroy(&c->ns);
	igraph_vector_int_destroy(&c->ties);
	igraph_vector_int_destroy(&c->ts);
	igraph_vector_int_destroy(&c->local);
}

static igraph_error_t comps_init(const ties_graph *g, const igraph_t *ig,
				 struct comps *c)
{
	igraph_integer_t n = (igraph_integer_t)g->n;

	IGRAPH_CHECK(igraph_vector_int_init(&c->mem, 0));
	IGRAPH_CHECK(igraph_vector_int_init(&c->nodes, n));
	IGRAPH_CHECK(igraph_vector_int_init(&c->local, n));
	IGRAPH_CHECK(igraph_vector_int_init(&c->ties, (igraph_integer_t)g->m));
	IGRAPH_CHECK(igraph_connected_components(ig, &c->mem, NULL, &c->n,
						 IGRAPH_WEAK));
	IGRAPH_CHECK(igraph_vector_int_init(&c->ns, c->n + 1));
	IGRAPH_CHECK(igraph_vector_int_init(&c->ts, c->n + 1));
	for (igraph_integer_t v = 0; v < n; v++)
		VECTOR(c->ns)[VECTOR(c->mem)[v] + 1]++;
	for (size_t e = 0; e < g->m; e++)
		VECTOR(c->ts)[VECTOR(c->mem)[g->ea[e]] + 1]++;
	for (igraph_integer_t k = 0; k < c->n; k++) {
		VECTOR(c->ns)[k + 1] += VECTOR(c->ns)[k];
		VECTOR(c->ts)[k + 1] += VECTOR(c->ts)[k];
	}
	{
		igraph_vector_int_t fill;

		IGRAPH_CHECK(igraph_vector_int_init(&fill, c->n + 1));
		for (igraph_integer_t v = 0; v < n; v++) {
			igraph_integer_t k = VECTOR(c->mem)[v];

			VECTOR(c->local)[v] = VECTOR(fill)[k];
			VECTOR(c->nodes)
			[VECTOR(c->ns)[k] + VECTOR(fill)[k]++] = v;
		}
		igraph_vector_int_null(&fill);
		for (size_t e = 0; e < g->m; e++) {
			igraph_integer_t k = VECTOR(c->mem)[g->ea[e]];

			VECTOR(c->ties)
			[VECTOR(c->ts)[k] + VECTOR(fill)[k]++] =
				(igraph_integer_t)e;
		}
		igraph_vector_int_destroy(&fill);
	}
	return IGRAPH_SUCCESS;
}

/* The leading eigenvector of component k alone, scaled so that its
 * largest is 1, into res at the component's nodes (when res is given);
 * its eigenvalue into *value. */
static igraph_error_t component_eigen(const ties_graph *g,
				      const struct comps *c, igraph_integer_t k,
				      int weighted, igraph_vector_t *res,
				      double *value)
{
	igraph_integer_t n0 = VECTOR(c->ns)[k], n1 = VECTOR(c->ns)[k + 1];
	igraph_integer_t t0 = VECTOR(c->ts)[k], t1 = VECTOR(c->ts)[k + 1];
	igraph_vector_int_t edges;
	igraph_vector_t w, sub;
	igraph_t ig;
	igraph_arpack_options_t arpack;

	IGRAPH_CHECK(igraph_vector_int_init(&edges, 2 * (t1 - t0)));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
	IGRAPH_CHECK(igraph_vector_init(&w, t1 - t0));
	IGRAPH_FINALLY(igraph_vector_destroy, &w);
	IGRAPH_CHECK(igraph_vector_init(&sub, 0));
	IGRAPH_FINALLY(igraph_vector_destroy, &sub);
	for (igraph_integer_t i = t0; i < t1; i++) {
		igraph_integer_t e = VECTOR(c->ties)[i];

		VECTOR(edges)[2 * (i - t0)] = VECTOR(c->local)[g->ea[e]];
		VECTOR(edges)[2 * (i - t0) + 1] = VECTOR(c->local)[g->eb[e]];
		VECTOR(w)[i - t0] = g->ew[e];
	}
	IGRAPH_CHECK(igraph_create(&ig, &edges, n1 - n0, IGRAPH_UNDIRECTED));
	IGRAPH_FINALLY(igraph_destroy, &ig);
	igraph_arpack_options_init(&arpack);
	IGRAPH_CHECK(igraph_eigenvector_centrality(
		&ig, &sub, value, IGRAPH_UNDIRECTED, 1, weighted ? &w : NULL,
		&arpack));
	for (igraph_integer_t i = n0; res && i < n1; i++)
		VECTOR(*res)[VECTOR(c->nodes)[i]] = VECTOR(sub)[i - n0];
	igraph_destroy(&ig);
	igraph_vector_destroy(&sub);
	igraph_vector_destroy(&w);
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

/*
 * Eigenvector centrality, scaled so that the largest is 1. On a graph of
 * several components the leading eigenvalue may belong to more than one
 * (two identical groups): its eigenvectors then form a space, and ARPACK
 * returns one arbitrary mix of them (identical nodes scored 1.0 and
 * 0.999971). The convention here: when several components share the
 * graph's leading eigenvalue, each of them gets its own eigenvector scaled
 * to a largest of 1, so identical nodes score the same; the other
 * components keep the graph's (vanishing) scores. A component's eigenvalue
 * is at most its largest degree (strength when weighted), so only those
 * that could tie are computed.
 */
static igraph_error_t eigenvector(const ties_graph *g, const igraph_t *ig,
				  const igraph_vector_t *pw,
				  igraph_vector_t *res)
{
	igraph_arpack_options_t arpack;
	igraph_vector_t strength, bound;
	igraph_vector_bool_t tied;
	struct comps c;
	igraph_integer_t ntied = 0;
	igraph_real_t top, value;

	igraph_arpack_options_init(&arpack);
	IGRAPH_CHECK(igraph_eigenvector_centrality(
		ig, res, &top, IGRAPH_UNDIRECTED, 1, pw, &arpack));
	memset(&c, 0, sizeof(c));
	IGRAPH_FINALLY(comps_destroy, &c);
	IGRAPH_CHECK(comps_init(g, ig, &c));
	if (c.n < 2) {
		comps_destroy(&c);
		IGRAPH_FINALLY_CLEAN(1);
		return IGRAPH_SUCCESS;
	}
	IGRAPH_VECTOR_INIT_FINALLY(&strength, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&bound, c.n);
	IGRAPH_CHECK(igraph_vector_bool_init(&tied, c.n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &tied);
	IGRAPH_CHECK(igraph_strength(ig, &strength, igraph_vss_all(),
				     IGRAPH_ALL, IGRAPH_NO_LOOPS, pw));
	for (size_t v = 0; v < g->n; v++) {
		igraph_integer_t k = VECTOR(c.mem)[v];

		if (VECTOR(strength)[v] > VECTOR(bound)[k])
			VECTOR(bound)[k] = VECTOR(strength)[v];
	}
	for (igraph_integer_t k = 0; k < c.n; k++) {
		if (VECTOR(bound)[k] < top * (1 - 1e-9))
			continue;
		IGRAPH_CHECK(
			component_eigen(g, &c, k, pw != NULL, NULL, &value));
		if (fabs(value - top) <= 1e-9 * top) {
			VECTOR(tied)[k] = 1;
			ntied++;
		}
	}
	for (igraph_integer_t k = 0; ntied > 1 && k < c.n; k++)
		if (VECTOR(tied)[k])
			IGRAPH_CHECK(component_eigen(g, &c, k, pw != NULL, res,
						     &value));
	igraph_vector_bool_destroy(&tied);
	igraph_vector_destroy(&bound);
	igraph_vector_destroy(&strength);
	comps_destroy(&c);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

/* Write or read all n doubles of v through fd; 0 when all went. */
static int pipe_all(int fd, double *v, size_t n, int out)
{
	char *p = (char *)v;
	size_t left = n * sizeof(*v);

	while (left) {
		ssize_t k = out ? write(fd, p, left) : read(fd, p, left);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		left -= (size_t)k;
	}
	return 0;
}

/*
 * Betweenness on both cores: the shortest paths from every other node are
 * counted in a child process (igraph is not thread-safe), those from the
 * rest here; a node's betweenness is the sum of the two, by Brandes'
 * decomposition over sources (igraph_betweenness_subset), the same numbers
 * as igraph_betweenness to the last bits of rounding. Small graphs, and any
 * failure of the child, are computed here alone.
 */
static igraph_error_t betweenness(const igraph_t *ig, igraph_vector_t *res,
				  const igraph_vector_t *pd)
{
	igraph_bool_t directed = igraph_is_directed(ig);
	igraph_integer_t n = igraph_vcount(ig);
	igraph_vector_int_t half[2];
	double *theirs = NULL;
	int fd[2], status, ok = 0;
	igraph_error_t err;
	pid_t pid;

	if (n < 2048 || igraph_ecount(ig) < 8192 || pipe(fd) != 0)
		return igraph_betweenness(ig, res, igraph_vss_all(), directed,
					  pd);
	for (int h = 0; h < 2; h++) {
		IGRAPH_CHECK(igraph_vector_int_init(&half[h], 0));
		IGRAPH_FINALLY(igraph_vector_int_destroy, &half[h]);
		IGRAPH_CHECK(igraph_vector_int_reserve(&half[h], n / 2 + 1));
	}
	for (igraph_integer_t v = 0; v < n; v++)
		igraph_vector_int_push_back(&half[v % 2], v);
	fflush(NULL);
	if ((pid = fork()) == 0) {
		igraph_vector_t r;

		close(fd[0]);
		igraph_set_progress_handler(NULL);
		_exit(igraph_vector_init(&r, 0) != IGRAPH_SUCCESS ||
				      igraph_betweenness_subset(
					      ig, &r, igraph_vss_all(),
					      directed,
					      igraph_vss_vector(&half[1]),
					      igraph_vss_all(),
					      pd) != IGRAPH_SUCCESS ||
				      pipe_all(fd[1], VECTOR(r), (size_t)n,
					       1) != 0
			      ? 1
			      : 0);
	}
	close(fd[1]);
	err = igraph_betweenness_subset(ig, res, igraph_vss_all(), directed,
					igraph_vss_vector(&half[0]),
					igraph_vss_all(), pd);
	if (err == IGRAPH_SUCCESS && pid > 0 &&
	    (theirs = malloc((size_t)n * sizeof(*theirs))))
		ok = pipe_all(fd[0], theirs, (size_t)n, 0) == 0;
	close(fd[0]);
	if (pid > 0) {
		/* Stopped here (an error, an interruption): the child too. */
		if (err != IGRAPH_SUCCESS)
			kill(pid, SIGKILL);
		ok &= waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0;
	}
	if (err != IGRAPH_SUCCESS) {
		free(theirs);
		IGRAPH_ERROR("betweenness failed", err);
	}
	if (!ok) {
		igraph_vector_t r;

		IGRAPH_CHECK(igraph_vector_init(&r, 0));
		IGRAPH_FINALLY(igraph_vector_destroy, &r);
		IGRAPH_CHECK(igraph_betweenness_subset(
			ig, &r, igraph_vss_all(), directed,
			igraph_vss_vector(&half[1]), igraph_vss_all(), pd));
		for (igraph_integer_t v = 0; v < n; v++)
			VECTOR(*res)[v] += VECTOR(r)[v];
		igraph_vector_destroy(&r);
		IGRAPH_FINALLY_CLEAN(1);
	} else {
		for (igraph_integer_t v = 0; v < n; v++)
			VECTOR(*res)[v] += theirs[v];
	}
	free(theirs);
	igraph_vector_int_destroy(&half[1]);
	igraph_vector_int_destroy(&half[0]);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

igraph_error_t ties_an__measure(const ties_graph *g, const igraph_t *ig,
				const igraph_vector_t *w,
				const igraph_vector_t *dist,
				enum ties_measure m, int weighted,
				double cutoff, double *out)
{
	igraph_vector_t res;
	igraph_vector_int_t ires;
	igraph_real_t value;
	const igraph_vector_t *pw = weighted ? w : NULL;
	const igraph_vector_t *pd = weighted ? dist : NULL;
	igraph_arpack_options_t arpack;
	size_t i, n = g->n;

	if (m == TIES_DEGREE || m == TIES_CORENESS || m == TIES_IN_DEGREE ||
	    m == TIES_OUT_DEGREE) {
		IGRAPH_CHECK(igraph_vector_int_init(&ires, 0));
		IGRAPH_FINALLY(igraph_vector_int_destroy, &ires);
		if (m != TIES_CORENESS)
			IGRAPH_CHECK(igraph_degree(
				ig, &ires, igraph_vss_all(),
				m == TIES_IN_DEGREE    ? IGRAPH_IN
				: m == TIES_OUT_DEGREE ? IGRAPH_OUT
						       : IGRAPH_ALL,
				IGRAPH_NO_LOOPS));
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
	case TIES_IN_STRENGTH:
	case TIES_OUT_STRENGTH:
		IGRAPH_CHECK(igraph_strength(ig, &res, igraph_vss_all(),
					     m == TIES_IN_STRENGTH ? IGRAPH_IN
					     : m == TIES_OUT_STRENGTH
						     ? IGRAPH_OUT
						     : IGRAPH_ALL,
					     IGRAPH_NO_LOOPS, w));
		break;
	case TIES_HUB:
	case TIES_AUTHORITY: {
		igraph_vector_t other;

		igraph_arpack_options_init(&arpack);
		IGRAPH_CHECK(igraph_vector_init(&other, 0));
		IGRAPH_FINALLY(igraph_vector_destroy, &other);
		if (g->m == 0) {
			IGRAPH_CHECK(igraph_vector_resize(&res,
							  (igraph_integer_t)n));
			igraph_vector_fill(&res, n ? 1 : 0);
		} else {
			IGRAPH_CHECK(igraph_hub_and_authority_scores(
				ig, m == TIES_HUB ? &res : &other,
				m == TIES_HUB ? &other : &res, &value, 1, pw,
				&arpack));
		}
		igraph_vector_destroy(&other);
		IGRAPH_FINALLY_CLEAN(1);
		break;
	}
	case TIES_BETWEENNESS:
		if (cutoff > 0)
			IGRAPH_CHECK(igraph_betweenness_cutoff(
				ig, &res, igraph_vss_all(), g->directed, pd,
				cutoff));
		else
			IGRAPH_CHECK(betweenness(ig, &res, pd));
		break;
	case TIES_CLOSENESS:
		/* normalized: (r-1)/Σd over the reachable nodes. */
		if (cutoff > 0)
			IGRAPH_CHECK(igraph_closeness_cutoff(
				ig, &res, NULL, NULL, igraph_vss_all(),
				g->directed ? IGRAPH_IN : IGRAPH_ALL, pd, 1,
				cutoff));
		else
			IGRAPH_CHECK(igraph_closeness(
				ig, &res, NULL, NULL, igraph_vss_all(),
				g->directed ? IGRAPH_IN : IGRAPH_ALL, pd, 1));
		break;
	case TIES_HARMONIC:
		if (cutoff > 0)
			IGRAPH_CHECK(igraph_harmonic_centrality_cutoff(
				ig, &res, igraph_vss_all(),
				g->directed ? IGRAPH_IN : IGRAPH_ALL, pd, 0,
				cutoff));
		else
			IGRAPH_CHECK(igraph_harmonic_centrality(
				ig, &res, igraph_vss_all(),
				g->directed ? IGRAPH_IN : IGRAPH_ALL, pd, 0));
		break;
	case TIES_EIGENVECTOR:
		if (g->directed)
			IGRAPH_ERROR("eigenvector centrality is for undirected "
				     "graphs; with --directed use hub, "
				     "authority or pagerank",
				     IGRAPH_EINVAL);
		igraph_arpack_options_init(&arpack);
		if (g->m == 0) {
			/* igraph gives 1 everywhere for an empty graph. */
			IGRAPH_CHECK(igraph_vector_resize(&res,
							  (igraph_integer_t)n));
			igraph_vector_fill(&res, n ? 1 : 0);
		} else {
			IGRAPH_CHECK(eigenvector(g, ig, pw, &res));
		}
		break;
	default: /* PageRank too: ties_an__measures() computes it */
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
	snprintf(name, 32, "%s%s", ties_measure_name(m), weighted ? "-w" : "");
}

/* igraph's progress reports (betweenness, closeness, …) go to the
 * handle's progress callback, under the measure's name. igraph's handler
 * is global; ties computes one measure at a time. */
static struct {
	ties_db *db;
	const char *what;
	long long last;
} prog;

static igraph_error_t on_igraph_progress(const char *message,
					 igraph_real_t percent, void *data)
{
	(void)message;
	(void)data;
	if (!prog.db || !prog.db->progress || (long long)percent == prog.last)
		return IGRAPH_SUCCESS;
	prog.last = (long long)percent;
	return prog.db->progress(prog.what, prog.last, 100,
				 prog.db->progress_payload)
		       ? IGRAPH_INTERRUPTED
		       : IGRAPH_SUCCESS;
}

/* Compute `nm` measures in one conversion; out[k] has g->n slots. */
int ties_an__measures(ties_db *db, const ties_graph *g,
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
		if (ms[k] != TIES_DEGREE && ms[k] != TIES_STRENGTH &&
		    ms[k] != TIES_IN_DEGREE && ms[k] != TIES_OUT_DEGREE &&
		    ms[k] != TIES_IN_STRENGTH && ms[k] != TIES_OUT_STRENGTH)
			break;
	if (k == nm) {
		for (k = 0; k < nm; k++) {
			enum ties_measure m = ms[k];
			int deg = m == TIES_DEGREE || m == TIES_IN_DEGREE ||
				  m == TIES_OUT_DEGREE;
			/* Of an undirected graph, in = out = all. */
			int in = !g->directed || (m != TIES_OUT_DEGREE &&
						  m != TIES_OUT_STRENGTH);
			int outw = !g->directed || (m != TIES_IN_DEGREE &&
						    m != TIES_IN_STRENGTH);

			memset(out[k], 0, g->n * sizeof(double));
			for (size_t e = 0; e < g->m; e++) {
				double wt = deg ? 1 : g->ew[e];

				if (outw)
					out[k][g->ea[e]] += wt;
				if (in)
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
	/* PageRank needs no igraph graph either (pagerank.c). */
	for (k = 0; k < nm; k++) {
		if (cached[k] || ms[k] != TIES_PAGERANK)
			continue;
		if (ties_an__pagerank(g, weighted, out[k]) < 0) {
			free(cached);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
		score_name(ms[k], weighted, name);
		if (g->snap_gen && cutoff == 0)
			ties_snap__scores_write(db, g->snap_gen, name, g->n,
						out[k]);
		cached[k] = 1;
		left--;
	}
	if (left == 0) {
		free(cached);
		return 0;
	}
	ties_an__guard_on(&guard);
	igraph_set_progress_handler(on_igraph_progress);
	for (k = 0, need_dist = 0; weighted && k < nm; k++)
		need_dist |= ms[k] == TIES_BETWEENNESS ||
			     ms[k] == TIES_CLOSENESS || ms[k] == TIES_HARMONIC;
	err = ties_an__to_igraph(g, &ig, &w, &dist, need_dist);
	if (err != IGRAPH_SUCCESS) {
		igraph_set_progress_handler(NULL);
		ties_an__guard_off(&guard);
		free(cached);
		return ties_an__ig_fail(db, err);
	}
	for (k = 0; k < nm && err == IGRAPH_SUCCESS; k++) {
		if (cached[k])
			continue;
		prog.db = db;
		prog.what = ties_measure_name(ms[k]);
		prog.last = -1;
		err = ties_an__measure(g, &ig, &w, &dist, ms[k], weighted,
				       cutoff, out[k]);
		if (err == IGRAPH_SUCCESS && prog.last >= 0 && prog.last < 100)
			on_igraph_progress(NULL, 100, NULL);
		prog.db = NULL;
		score_name(ms[k], weighted, name);
		if (err == IGRAPH_SUCCESS && g->snap_gen && cutoff == 0)
			ties_snap__scores_write(db, g->snap_gen, name, g->n,
						out[k]);
	}
	igraph_vector_destroy(&w);
	igraph_vector_destroy(&dist);
	igraph_destroy(&ig);
	igraph_set_progress_handler(NULL);
	ties_an__guard_off(&guard);
	free(cached);
	return err == IGRAPH_SUCCESS ? 0 : ties_an__ig_fail(db, err);
}

int ties_graph_measure(ties_db *db, const ties_graph *g, enum ties_measure m,
		       int weighted, double cutoff, double *out)
{
	assert(db && g && out);
	if (m < 0 || m >= TIES_NMEASURES)
		return ties_db__seterr(db, TIES_EINVALID, "unknown measure");
	return ties_an__measures(db, g, &m, 1, weighted, cutoff, &out);
}
