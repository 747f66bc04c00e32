/*
 * paths.c — exploring ties: explained paths, ego networks, the ties
 * between two countries or institutions, brokers, timelines and change.
 *
 * Paths are searched on an adjacency list built from the tie graph
 * (neighbours in node order, so equal paths are always found in the same
 * order): BFS when unweighted, Dijkstra on 1/weight when weighted. Both
 * take a mask of blocked nodes and ties, which is how the k diverse paths
 * are found: each search blocks the intermediate nodes of the paths
 * already found. Evidence for a hop is read from the store and filtered
 * with the graph's own filter, so it explains exactly the tie the search
 * used.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <igraph.h>
#include <jansson.h>

#include "graph/graph.h"
#include "ties_int.h"

/* ---------------------------------------------------------- search --- */

/* Distances and predecessors of one search from `src`. */
struct search {
	double *dist;	  /* INFINITY when unreached */
	long *hops;
	long *pred;	  /* one predecessor, or -1 */
};

static void search_release(struct search *s)
{
	free(s->dist);
	free(s->hops);
	free(s->pred);
}

/* A binary heap of (distance, node) for Dijkstra. */
struct heap {
	double *d;
	uint32_t *v;
	size_t n, cap;
};

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
		if (c + 1 < h->n && (h->d[c + 1] < h->d[c] ||
				     (h->d[c + 1] == h->d[c] &&
				      h->v[c + 1] < h->v[c])))
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
static int search(const struct ties_adj *a, uint32_t src, int weighted,
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
			double nd = d + (weighted ? 1.0 / a->ew[a->edge[i]] : 1.0) *
						(penalty ? penalty[a->edge[i]]
							 : 1.0);

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

/* A found path: nodes from source to target. */
struct path {
	uint32_t *v;
	size_t n;
};

struct pathlist {
	struct path *p;
	size_t n, cap;
};

static void pathlist_release(struct pathlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->p[i].v);
	free(l->p);
	memset(l, 0, sizeof(*l));
}

static int pathlist_add(struct pathlist *l, const uint32_t *v, size_t n)
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
static int diverse(const struct path *p, const struct path *q)
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
static int trace(const struct search *s, uint32_t t, struct pathlist *l)
{
	size_t n = (size_t)s->hops[t] + 1, i;
	uint32_t *v = malloc(n * sizeof(*v));
	long x = t;
	int rc;

	if (!v)
		return TIES_ENOMEM;
	for (i = n; i-- > 0; x = s->pred[x])
		v[i] = (uint32_t)x;
	rc = pathlist_add(l, v, n);
	free(v);
	return rc;
}

/*
 * Every shortest path from src to t: walk back from t over the nodes u
 * with dist[u] + len(u, v) == dist[v], in node order, up to k paths.
 */
static int all_shortest(const struct ties_adj *a, const struct search *s,
			uint32_t src, uint32_t t, int weighted, long k,
			struct pathlist *l)
{
	size_t depth = (size_t)s->hops[t] + 1, top = 0, i;
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
			rc = pathlist_add(l, path, top + 1);
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

/* ------------------------------------------------------- sentences --- */

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* "the meeting at ISSI on 2025-04-08" */
static void event_phrase(ties_buf *b, const ties_evidence *ev)
{
	const char *k;

	ties_buf__puts(b, "the ");
	if (!strcmp(ev->kind, "mou"))
		ties_buf__puts(b, "MoU");
	else
		for (k = ev->kind; *k; k++)
			ties_buf__putc(b, *k == '_' ? ' ' : *k);
	if (ev->place && *ev->place)
		ties_buf__printf(b, " at %s", ev->place);
	else if (ev->title && *ev->title)
		ties_buf__printf(b, " \"%s\"", ev->title);
	if (ev->date && *ev->date)
		ties_buf__printf(b, " on %s", ev->date);
}

static void cite(ties_buf *b, const ties_evidence *ev)
{
	const char *who = ev->publisher && *ev->publisher ? ev->publisher
							  : ev->source_title;

	if (who && *who) {
		ties_buf__printf(b, " (%s", who);
		if (ev->source_date && *ev->source_date)
			ties_buf__printf(b, ", %s", ev->source_date);
		ties_buf__putc(b, ')');
	} else if (ev->source_id && *ev->source_id) {
		ties_buf__printf(b, " (source %s)", ev->source_id);
	}
}

static const char *same_role_verb(const char *role)
{
	static const struct {
		const char *role, *verb;
	} verbs[] = {
		{"attendee", "both attended"},
		{"signatory", "both signed"},
		{"party", "were both parties to"},
		{"host", "both hosted"},
		{"head_of_delegation", "both led delegations to"},
		{"participant", "both took part in"},
		{"speaker", "both spoke at"},
		{"member", "were both members of"},
	};
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(role, verbs[i].role))
			return verbs[i].verb;
	return NULL;
}

/* "is a member of" for member_of; "is tied to" otherwise, and then 1. */
static int relation_verb(ties_buf *b, const char *kind)
{
	static const struct {
		const char *kind, *verb;
	} verbs[] = {
		{"member_of", "is a member of"},
		{"part_of", "is part of"},
		{"based_in", "is based in"},
		{"employed_by", "is employed by"},
		{"funded_by", "is funded by"},
		{"affiliated_with", "is affiliated with"},
	};
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(kind, verbs[i].kind)) {
			ties_buf__puts(b, verbs[i].verb);
			return 0;
		}
	ties_buf__puts(b, "is tied to");
	return 1;
}

/* A sentence a reader can paste into a briefing. */
static void sentence(ties_buf *b, const char *a, const char *bname,
		     const ties_evidence *ev)
{
	if (!strcmp(ev->type, "event")) {
		const char *ra = or_empty(ev->a_role), *rb = or_empty(ev->b_role);
		const char *verb = !strcmp(ra, rb) ? same_role_verb(ra) : NULL;

		if (verb)
			ties_buf__printf(b, "%s and %s %s ", a, bname, verb);
		else
			ties_buf__printf(b, "%s (%s) and %s (%s) took part in ",
					 a, ra, bname, rb);
		event_phrase(b, ev);
	} else {
		const char *from = ev->forward ? a : bname;
		const char *to = ev->forward ? bname : a;

		int generic;

		ties_buf__printf(b, "%s ", from);
		generic = relation_verb(b, ev->kind);
		ties_buf__printf(b, " %s", to);
		if (generic) {
			const char *q;

			/* "… is tied to … by marriage" */
			ties_buf__puts(b, " by ");
			for (q = ev->kind; *q; q++)
				ties_buf__putc(b, *q == '_' ? ' ' : *q);
		}
		if (ev->role && *ev->role)
			ties_buf__printf(b, " as %s", ev->role);
		if ((ev->date && *ev->date) || (ev->end && *ev->end))
			ties_buf__printf(b, " (%s – %s)",
					 ev->date && *ev->date ? ev->date : "…",
					 ev->end && *ev->end ? ev->end : "…");
	}
	cite(b, ev);
}

/* ------------------------------------------------------------ paths --- */

static const char *const path_cols[] = {
	"path",	     "length",	    "hop",	   "from",   "from_name",
	"to",	     "to_name",	    "weight",	   "type",   "kind",
	"event",     "date",	    "end",	   "title",  "place",
	"from_role", "to_role",	    "role",	   "source", "publisher",
	"source_date", "url",	    "sentence"};
#define NPATHCOLS (sizeof(path_cols) / sizeof(path_cols[0]))

struct hop_ctx {
	ties_db *db;
	const ties_graph *g;
	ties_table *t;
	size_t path, length, hop;
	uint32_t a, b;
	double weight;
	long rows, max, more;
	int rc;
};

static int set_common(struct hop_ctx *h)
{
	const struct ties_graph_node *a = &h->g->nodes[h->a];
	const struct ties_graph_node *b = &h->g->nodes[h->b];
	ties_table *t = h->t;

	if (ties_table__add_row(t) < 0 ||
	    ties_table__set_int(t, 0, (long long)h->path) < 0 ||
	    ties_table__set_int(t, 1, (long long)h->length) < 0 ||
	    ties_table__set_int(t, 2, (long long)h->hop) < 0 ||
	    ties_table__set_text(t, 3, a->id) < 0 ||
	    ties_table__set_text(t, 4, a->name) < 0 ||
	    ties_table__set_text(t, 5, b->id) < 0 ||
	    ties_table__set_text(t, 6, b->name) < 0 ||
	    ties_table__set_real(t, 7, h->weight) < 0)
		return TIES_ENOMEM;
	return 0;
}

static int on_hop_evidence(void *ctx, const ties_evidence *ev)
{
	struct hop_ctx *h = ctx;
	const ties_filter *f = &h->g->filter;
	ties_table *t = h->t;
	ties_buf s = TIES_BUF_INIT;
	int rc;

	if (!strcmp(ev->type, "event")
		    ? !ties_filter__event_ok(f, ev->kind, ev->date)
		    : !ties_filter__relation_ok(f, ev->kind, ev->date,
						ev->end))
		return 0;
	if (h->max > 0 && h->rows >= h->max) {
		h->more++;
		return 0;
	}
	sentence(&s, h->g->nodes[h->a].name, h->g->nodes[h->b].name, ev);
	rc = set_common(h);
	if (rc == 0 &&
	    (ties_table__set_text(t, 8, ev->type) < 0 ||
	     ties_table__set_text(t, 9, ev->kind) < 0 ||
	     ties_table__set_text(t, 10, ev->id) < 0 ||
	     ties_table__set_text(t, 11, ev->date) < 0 ||
	     ties_table__set_text(t, 12, ev->end) < 0 ||
	     ties_table__set_text(t, 13, ev->title) < 0 ||
	     ties_table__set_text(t, 14, ev->place) < 0 ||
	     ties_table__set_text(t, 15, ev->a_role) < 0 ||
	     ties_table__set_text(t, 16, ev->b_role) < 0 ||
	     ties_table__set_text(t, 17, ev->role) < 0 ||
	     ties_table__set_text(t, 18, ev->source_id) < 0 ||
	     ties_table__set_text(t, 19, ev->publisher) < 0 ||
	     ties_table__set_text(t, 20, ev->source_date) < 0 ||
	     ties_table__set_text(t, 21, ev->url) < 0 ||
	     ties_table__set_text(t, 22, ties_buf__str(&s)) < 0))
		rc = TIES_ENOMEM;
	ties_buf__release(&s);
	if (rc < 0)
		return ties_db__seterr(h->db, rc, "out of memory");
	h->rows++;
	return 0;
}

/* Rows for every hop of every path. */
static int explain(ties_db *db, const ties_graph *g, const struct ties_adj *a,
		   const struct pathlist *l, ties_table *t, long max)
{
	struct hop_ctx h;
	size_t p, i, j;
	int rc;

	memset(&h, 0, sizeof(h));
	h.db = db;
	h.g = g;
	h.t = t;
	h.max = max;
	for (p = 0; p < l->n; p++) {
		h.path = p + 1;
		h.length = l->p[p].n - 1;
		for (i = 0; i + 1 < l->p[p].n; i++) {
			h.hop = i + 1;
			h.a = l->p[p].v[i];
			h.b = l->p[p].v[i + 1];
			h.weight = 0;
			for (j = a->start[h.a]; j < a->start[h.a + 1]; j++)
				if (a->nbr[j] == h.b)
					h.weight = a->ew[a->edge[j]];
			h.rows = 0;
			h.more = 0;
			rc = ties_store__pair_evidence(
				db, g->nodes[h.a].rowid, g->nodes[h.b].rowid,
				on_hop_evidence, &h);
			if (rc != 0)
				return rc < 0 ? rc : TIES_ERROR;
			/* A hop always has a row, evidence or not. */
			if (h.rows == 0 && set_common(&h) < 0)
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			if (h.more > 0) {
				char msg[96];

				snprintf(msg, sizeof(msg),
					 "… and %ld more pieces of evidence",
					 h.more);
				if (set_common(&h) < 0 ||
				    ties_table__set_text(t, 8, "more") < 0 ||
				    ties_table__set_text(t, 22, msg) < 0)
					return ties_db__seterr(db, TIES_ENOMEM,
							       "out of memory");
			}
		}
	}
	return 0;
}

int ties_paths(ties_db *db, ties_table **out, const ties_graph *g,
	       const char *from, const char *to, const ties_path_opts *o)
{
	struct ties_adj a;
	struct search s = {0};
	struct pathlist l = {0};
	double *penalty = NULL;
	sqlite3_int64 rs, rt;
	long src, dst, k;
	ties_table *t = NULL;
	const char *fname, *tname;
	int rc;

	assert(db && out && g && from && to && o);
	*out = NULL;
	if (g->projection != TIES_GRAPH_ENTITY)
		return ties_db__seterr(db, TIES_EINVALID,
				       "paths are explained on the entity "
				       "graph");
	if ((rc = ties_store__resolve(db, from, &rs)) < 0 ||
	    (rc = ties_store__resolve(db, to, &rt)) < 0)
		return rc;
	src = ties_graph__node_of(g, rs);
	dst = ties_graph__node_of(g, rt);
	if (src < 0 || dst < 0)
		return ties_db__seterr(db, TIES_ENOTFOUND,
				       "no path between '%s' and '%s': '%s' is "
				       "not in the graph (see the filters)",
				       from, to, src < 0 ? from : to);
	fname = g->nodes[src].name;
	tname = g->nodes[dst].name;
	if (src == dst)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s' and '%s' are the same entity", from,
				       to);
	k = o->k > 0 ? o->k : (o->all ? 10 : 1);
	if ((rc = ties_adj__build(g, &a)) < 0)
		return ties_db__seterr(db, rc, "out of memory");
	if (!(penalty = malloc((g->m + 1) * sizeof(*penalty)))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t e = 0; e < g->m; e++)
		penalty[e] = 1;
	if ((rc = search(&a, (uint32_t)src, o->weighted, o->max_length, NULL,
			 -1, &s)) < 0) {
		rc = ties_db__seterr(db, rc, "out of memory");
		goto done;
	}
	if (!isfinite(s.dist[dst])) {
		rc = ties_db__seterr(
			db, TIES_ENOTFOUND, "no path between '%s' and '%s'%s",
			fname, tname,
			o->max_length > 0 ? " within the length limit" : "");
		goto done;
	}
	if (o->all) {
		if ((rc = all_shortest(&a, &s, (uint32_t)src, (uint32_t)dst,
				       o->weighted, k, &l)) < 0) {
			rc = ties_db__seterr(db, rc, "out of memory");
			goto done;
		}
	} else {
		/* The best path, then again and again with the ties already
		 * used made longer (x4 each time), keeping a path only when
		 * at most half of its intermediate entities were on any path
		 * kept before: diverse paths, not variants of one. */
		struct pathlist tried = {0};
		long attempts = 0;

		while ((long)l.n < k && attempts++ < 5 * k + 10 &&
		       isfinite(s.dist[dst])) {
			struct path *p;
			size_t i, j;
			int keep = 1;

			if ((rc = trace(&s, (uint32_t)dst, &tried)) < 0) {
				pathlist_release(&tried);
				rc = ties_db__seterr(db, rc, "out of memory");
				goto done;
			}
			p = &tried.p[tried.n - 1];
			for (i = 0; keep && i < l.n; i++)
				keep = diverse(p, &l.p[i]);
			if (keep && (rc = pathlist_add(&l, p->v, p->n)) < 0) {
				pathlist_release(&tried);
				rc = ties_db__seterr(db, rc, "out of memory");
				goto done;
			}
			for (i = 0; i + 1 < p->n; i++)
				for (j = a.start[p->v[i]];
				     j < a.start[p->v[i] + 1]; j++)
					if (a.nbr[j] == p->v[i + 1])
						penalty[a.edge[j]] *= 4;
			search_release(&s);
			memset(&s, 0, sizeof(s));
			if ((rc = search(&a, (uint32_t)src, o->weighted,
					 o->max_length, penalty, -1, &s)) < 0) {
				pathlist_release(&tried);
				rc = ties_db__seterr(db, rc, "out of memory");
				goto done;
			}
		}
		pathlist_release(&tried);
	}
	if (!(t = ties_table__new(NPATHCOLS, path_cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = explain(db, g, &a, &l, t, o->evidence)) < 0)
		goto done;
	*out = t;
	t = NULL;
	rc = 0;
done:
	ties_table_free(t);
	search_release(&s);
	pathlist_release(&l);
	ties_adj__release(&a);
	free(penalty);
	return rc;
}

/* Explain the path v[0..n) of snapshot nodes: a graph of just those. */
static int snap_explain(ties_db *db, const struct ties_snap *sn, const uint32_t *v,
			size_t n, ties_table *t, long max)
{
	ties_graph g;
	struct ties_adj a;
	struct pathlist l = {0};
	uint32_t *local = NULL;
	double *ew = NULL;
	int rc = TIES_ENOMEM;

	memset(&g, 0, sizeof(g));
	memset(&a, 0, sizeof(a));
	g.db = db;
	g.projection = TIES_GRAPH_ENTITY;
	g.n = n;
	if (!(g.nodes = calloc(n, sizeof(*g.nodes))) ||
	    !(a.start = calloc(n + 1, sizeof(*a.start))) ||
	    !(a.nbr = malloc(2 * n * sizeof(*a.nbr))) ||
	    !(a.edge = malloc(2 * n * sizeof(*a.edge))) ||
	    !(ew = calloc(n, sizeof(*ew))) ||
	    !(local = malloc(n * sizeof(*local))))
		goto done;
	a.n = n;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_BY_ROWID);

		local[i] = (uint32_t)i;
		g.nodes[i].rowid = sn->rowid[v[i]];
		if (!st) {
			rc = TIES_EDB;
			goto done;
		}
		sqlite3_bind_int64(st, 1, g.nodes[i].rowid);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			rc = ties_db__sqlerr(db);
			goto done;
		}
		g.nodes[i].id = strdup((const char *)sqlite3_column_text(st, 0));
		g.nodes[i].kind = strdup((const char *)sqlite3_column_text(st, 1));
		g.nodes[i].name = strdup((const char *)sqlite3_column_text(st, 2));
		sqlite3_reset(st);
		if (!g.nodes[i].id || !g.nodes[i].kind || !g.nodes[i].name)
			goto done;
	}
	/* Node i links i - 1 and i + 1 (tie i joins i and i + 1), with the
	 * snapshot's weights. */
	a.ew = ew;
	for (size_t i = 0; i + 1 < n; i++)
		for (size_t j = sn->a.start[v[i]]; j < sn->a.start[v[i] + 1]; j++)
			if (sn->a.nbr[j] == v[i + 1])
				ew[i] = sn->a.ew[sn->a.edge[j]];
	for (size_t i = 0; i < n; i++) {
		a.start[i + 1] = a.start[i];
		for (int side = -1; side <= 1; side += 2) {
			size_t o;

			if ((side < 0 && i == 0) || (side > 0 && i + 1 == n))
				continue;
			o = i + (size_t)side;
			a.nbr[a.start[i + 1]] = (uint32_t)o;
			a.edge[a.start[i + 1]++] = (uint32_t)(side < 0 ? o : i);
		}
	}
	if (pathlist_add(&l, local, n) < 0)
		goto done;
	rc = explain(db, &g, &a, &l, t, max);
	if (rc < 0 && rc != TIES_ENOMEM)
		goto out;
done:
	if (rc == TIES_ENOMEM)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
out:
	for (size_t i = 0; g.nodes && i < n; i++) {
		free(g.nodes[i].id);
		free(g.nodes[i].kind);
		free(g.nodes[i].name);
	}
	free(g.nodes);
	free(local);
	free(ew);
	pathlist_release(&l);
	ties_adj__release(&a);
	return rc;
}

int ties_path_quick(ties_db *db, ties_table **out, const char *from,
		    const char *to, const ties_path_opts *o)
{
	static const ties_filter none;
	const char *file = ties_store__filename(db);
	sqlite3_int64 rs, rt;
	uint64_t gen;
	struct ties_snap sn = {0};
	struct search s = {0};
	struct pathlist l = {0};
	ties_graph *g = NULL;
	ties_table *t = NULL;
	long src, dst;
	int rc, own_txn = 0;

	assert(db && out && from && to && o);
	*out = NULL;
	if (o->all || o->k > 1 || o->weighted || !file || db->txn_depth > 0) {
		if ((rc = ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &none)) < 0)
			return rc;
		rc = ties_paths(db, out, g, from, to, o);
		ties_graph_free(g);
		return rc;
	}
	/* One read transaction: the generation and what it stands for. */
	if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
		goto done;
	if (!ties_snap__open(db, gen, &sn)) {
		/* None, or stale: the projection leaves the snapshot for
		 * this question and the next ones; without it (a read-only
		 * directory), answer from the graph. */
		if ((rc = ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &none)) < 0)
			goto done;
		if (!ties_snap__open(db, gen, &sn)) {
			rc = ties_paths(db, out, g, from, to, o);
			goto done;
		}
		ties_graph_free(g);
		g = NULL;
	}
	if ((rc = ties_store__resolve(db, from, &rs)) < 0 ||
	    (rc = ties_store__resolve(db, to, &rt)) < 0)
		goto done;
	src = ties_snap__node(&sn, rs);
	dst = ties_snap__node(&sn, rt);
	if (src < 0 || dst < 0) {
		rc = ties_db__seterr(db, TIES_ENOTFOUND,
				     "no path between '%s' and '%s': '%s' is "
				     "not in the graph (see the filters)",
				     from, to, src < 0 ? from : to);
		goto done;
	}
	if (src == dst) {
		rc = ties_db__seterr(db, TIES_EINVALID,
				     "'%s' and '%s' are the same entity", from,
				     to);
		goto done;
	}
	if ((rc = search(&sn.a, (uint32_t)src, 0, o->max_length, NULL, dst,
			 &s)) < 0) {
		rc = ties_db__seterr(db, rc, "out of memory");
		goto done;
	}
	if (!isfinite(s.dist[dst])) {
		sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_BY_ROWID);
		char *a = NULL, *b = NULL;

		/* The names, as ties_paths() gives them. */
		if (st) {
			sqlite3_bind_int64(st, 1, rs);
			if (sqlite3_step(st) == SQLITE_ROW)
				a = strdup((const char *)sqlite3_column_text(
					st, 2));
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, rt);
			if (sqlite3_step(st) == SQLITE_ROW)
				b = strdup((const char *)sqlite3_column_text(
					st, 2));
			sqlite3_reset(st);
		}
		rc = ties_db__seterr(db, TIES_ENOTFOUND,
				     "no path between '%s' and '%s'%s",
				     a ? a : from, b ? b : to,
				     o->max_length > 0
					     ? " within the length limit"
					     : "");
		free(a);
		free(b);
		goto done;
	}
	if ((rc = trace(&s, (uint32_t)dst, &l)) < 0) {
		rc = ties_db__seterr(db, rc, "out of memory");
		goto done;
	}
	if (!(t = ties_table__new(NPATHCOLS, path_cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = snap_explain(db, &sn, l.p[0].v, l.p[0].n, t, o->evidence)) <
	    0)
		goto done;
	*out = t;
	t = NULL;
	rc = 0;
done:
	ties_snap__end(db, own_txn);
	ties_table_free(t);
	ties_graph_free(g);
	search_release(&s);
	pathlist_release(&l);
	ties_snap__close(&sn);
	return rc;
}

/* ---------------------------------------------------- paths, written --- */

static const char *cell(const ties_table *t, size_t r, size_t c)
{
	const char *s = ties_table_text(t, r, c);

	return s ? s : "";
}

int ties_paths_write(const ties_table *t, FILE *f, enum ties_format fmt)
{
	size_t r, n = ties_table_nrows(t);

	if (fmt == TIES_FORMAT_CSV || fmt == TIES_FORMAT_TSV)
		return ties_table_write(t, f, fmt);
	if (fmt == TIES_FORMAT_TABLE) {
		long path = -1, hop = -1;

		for (r = 0; r < n; r++) {
			ties_buf b = TIES_BUF_INIT;

			if (ties_table_int(t, r, 0) != path) {
				size_t q;

				path = ties_table_int(t, r, 0);
				hop = -1;
				/* "path 1 (2 hops): A → B → C" */
				if (r)
					fputc('\n', f);
				ties_buf__printf(&b, "path %ld (%lld hop%s): %s",
						 path,
						 ties_table_int(t, r, 1),
						 ties_table_int(t, r, 1) == 1
							 ? ""
							 : "s",
						 cell(t, r, 4));
				for (q = r; q < n && ties_table_int(t, q, 0) ==
							     path;
				     q++)
					if (q == r || ties_table_int(t, q, 2) !=
							      ties_table_int(
								      t, q - 1,
								      2))
						ties_buf__printf(&b, " → %s",
								 cell(t, q, 6));
				ties_report__escape_display_line(f, &b, "");
			}
			if (ties_table_int(t, r, 2) != hop) {
				hop = ties_table_int(t, r, 2);
				ties_buf__printf(&b, "%ld. %s — %s", hop,
						 cell(t, r, 4), cell(t, r, 6));
				ties_report__escape_display_line(f, &b, "  ");
			}
			if (*cell(t, r, 22))
				ties_buf__printf(&b, "%s.", cell(t, r, 22));
			else
				ties_buf__puts(&b, "(no evidence)");
			ties_report__escape_display_line(f, &b, "     ");
			ties_buf__release(&b);
		}
		return ferror(f) ? TIES_EIO : 0;
	}
	if (fmt == TIES_FORMAT_JSON) {
		json_t *paths = json_array(), *path = NULL, *hops = NULL,
		       *hop = NULL, *evs = NULL, *nodes = NULL;
		long cur = -1, curhop = -1;
		int rc;

		for (r = 0; paths && r < n; r++) {
			if (ties_table_int(t, r, 0) != cur) {
				cur = ties_table_int(t, r, 0);
				curhop = -1;
				path = json_object();
				hops = json_array();
				nodes = json_array();
				json_object_set_new(path, "path",
						    json_integer(cur));
				json_object_set_new(
					path, "length",
					json_integer(ties_table_int(t, r, 1)));
				json_object_set_new(path, "nodes", nodes);
				json_object_set_new(path, "hops", hops);
				json_array_append_new(paths, path);
				json_array_append_new(nodes,
						      json_string(cell(t, r, 3)));
			}
			if (ties_table_int(t, r, 2) != curhop) {
				curhop = ties_table_int(t, r, 2);
				hop = json_object();
				evs = json_array();
				json_object_set_new(hop, "from",
						    json_string(cell(t, r, 3)));
				json_object_set_new(hop, "to",
						    json_string(cell(t, r, 5)));
				json_object_set_new(
					hop, "weight",
					json_real(ties_table_real(t, r, 7)));
				json_object_set_new(hop, "evidence", evs);
				json_array_append_new(hops, hop);
				json_array_append_new(nodes,
						      json_string(cell(t, r, 5)));
			}
			if (ties_table_text(t, r, 8)) {
				json_t *ev = json_object(), *src;
				size_t c;

				for (c = 8; c <= 17; c++)
					if (ties_table_text(t, r, c))
						json_object_set_new(
							ev,
							ties_table_colname(t, c),
							json_string(cell(t, r, c)));
				src = json_object();
				for (c = 18; c <= 21; c++)
					json_object_set_new(
						src,
						c == 18 ? "id"
						: c == 19 ? "publisher"
						: c == 20 ? "date"
							  : "url",
						ties_table_text(t, r, c)
							? json_string(cell(t, r, c))
							: json_null());
				json_object_set_new(ev, "source", src);
				json_object_set_new(ev, "sentence",
						    json_string(cell(t, r, 22)));
				json_array_append_new(evs, ev);
			}
		}
		if (!paths)
			return TIES_ENOMEM;
		rc = json_dumpf(paths, f,
				JSON_INDENT(2) | JSON_PRESERVE_ORDER |
					JSON_REAL_PRECISION(15));
		fputc('\n', f);
		json_decref(paths);
		return rc < 0 || ferror(f) ? TIES_EIO : 0;
	}
	return TIES_EINVALID;
}

/* -------------------------------------------------------- neighbors --- */

struct kinds_ctx {
	const ties_filter *f;
	ties_buf *kinds; /* NUL-separated, distinct */
};

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
	static const char *const cols[] = {"id",       "name", "kind",
					   "country",  "distance", "via"};
	struct ties_adj a;
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
	if ((rc = ties_adj__build(g, &a)) < 0)
		return ties_db__seterr(db, rc, "out of memory");
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

		for (j = a.start[v]; rc == 0 && j < a.start[v + 1]; j++)
			if (dist[a.nbr[j]] == dist[v] - 1)
				rc = ties_store__pair_evidence(
					db, g->nodes[a.nbr[j]].rowid,
					nd->rowid, on_kind, &kc);
		join_kinds(&kinds, &via);
		if (rc == 0 &&
		    (ties_table__add_row(t) < 0 ||
		     ties_table__set_text(t, 0, nd->id) < 0 ||
		     ties_table__set_text(t, 1, nd->name) < 0 ||
		     ties_table__set_text(t, 2, nd->kind) < 0 ||
		     ties_table__set_text(t, 3, nd->country) < 0 ||
		     ties_table__set_int(t, 4, dist[v]) < 0 ||
		     ties_table__set_text(t, 5, v == (size_t)src
							? NULL
							: ties_buf__str(&via)) <
			     0))
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
	free(dist);
	free(queue);
	free(order);
	return rc;
}

/* ---------------------------------------------------------- between --- */

struct between_ctx {
	ties_db *db;
	const ties_filter *f;
	ties_table *t;
	int rc;
};

static int on_between(void *ctx, const ties_evidence *ev)
{
	struct between_ctx *c = ctx;
	ties_table *t = c->t;
	ties_buf cit = TIES_BUF_INIT, title = TIES_BUF_INIT;
	int event = !strcmp(ev->type, "event"), rc = 0;

	if (event ? !ties_filter__event_ok(c->f, ev->kind, ev->date)
		  : !ties_filter__relation_ok(c->f, ev->kind, ev->date,
					      ev->end))
		return 0;
	cite(&cit, ev);
	if (event) {
		ties_buf__puts(&title, or_empty(ev->title));
	} else {
		ties_buf__puts(&title, or_empty(ev->role));
		if (ev->end && *ev->end)
			ties_buf__printf(&title, "%suntil %s",
					 title.len ? ", " : "", ev->end);
	}
	/* The citation without its brackets. */
	if (cit.len > 2 && cit.ptr[1] == '(') {
		memmove(cit.ptr, cit.ptr + 2, cit.len - 2);
		cit.len -= 3;
		cit.ptr[cit.len] = '\0';
	}
	if (ties_table__add_row(t) < 0 ||
	    ties_table__set_text(t, 0, ev->type) < 0 ||
	    ties_table__set_text(t, 1, ev->date) < 0 ||
	    ties_table__set_text(t, 2, ev->kind) < 0 ||
	    ties_table__set_text(t, 3, ev->id) < 0 ||
	    ties_table__set_text(t, 4, title.len ? ties_buf__str(&title)
						 : NULL) < 0 ||
	    ties_table__set_text(t, 5, ev->place) < 0 ||
	    ties_table__set_text(t, 6, ev->a_role) < 0 ||
	    ties_table__set_text(t, 7, ev->b_role) < 0 ||
	    ties_table__set_text(t, 8, ev->source_id) < 0 ||
	    ties_table__set_text(t, 9, cit.len ? ties_buf__str(&cit) : NULL) <
		    0)
		rc = ties_db__seterr(c->db, TIES_ENOMEM, "out of memory");
	ties_buf__release(&cit);
	ties_buf__release(&title);
	return rc;
}

/* Counts per year of a table with `date` in column dcol and `type` in
 * column tcol (NULL column: every row an event). */
static int per_year(ties_db *db, const ties_table *t, size_t dcol,
		    long tcol, ties_table **out)
{
	static const char *const cols[] = {"year", "events", "relations"};
	long lo = 99999, hi = -1, y, *ev = NULL, *rel = NULL;
	size_t r;
	ties_table *yt = ties_table__new(3, cols);

	*out = NULL;
	if (!yt)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	for (r = 0; r < ties_table_nrows(t); r++) {
		const char *d = ties_table_text(t, r, dcol);

		if (!d)
			continue;
		y = strtol(d, NULL, 10);
		lo = y < lo ? y : lo;
		hi = y > hi ? y : hi;
	}
	if (hi >= lo) {
		ev = calloc((size_t)(hi - lo + 1), sizeof(*ev));
		rel = calloc((size_t)(hi - lo + 1), sizeof(*rel));
		if (!ev || !rel) {
			free(ev);
			free(rel);
			ties_table_free(yt);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
		for (r = 0; r < ties_table_nrows(t); r++) {
			const char *d = ties_table_text(t, r, dcol);
			int is_rel = tcol >= 0 &&
				     !strcmp(ties_table_text(t, r, (size_t)tcol),
					     "relation");

			if (!d)
				continue;
			y = strtol(d, NULL, 10) - lo;
			(is_rel ? rel : ev)[y]++;
		}
		for (y = lo; y <= hi; y++)
			if (ties_table__add_row(yt) < 0 ||
			    ties_table__set_int(yt, 0, y) < 0 ||
			    ties_table__set_int(yt, 1, ev[y - lo]) < 0 ||
			    ties_table__set_int(yt, 2, rel[y - lo]) < 0) {
				free(ev);
				free(rel);
				ties_table_free(yt);
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			}
	}
	free(ev);
	free(rel);
	*out = yt;
	return 0;
}

int ties_between(ties_db *db, ties_table **out, ties_table **years,
		 const char *x, const char *y, const ties_filter *filter)
{
	static const char *const cols[] = {"type",   "date",   "kind",
					   "id",     "title",  "place",
					   "x_side", "y_side", "source",
					   "cite"};
	static const ties_filter none;
	struct between_ctx c;
	sqlite3_int64 rx, ry;
	int rc;

	assert(db && out && x && y);
	*out = NULL;
	if (years)
		*years = NULL;
	if ((rc = ties_store__resolve(db, x, &rx)) < 0 ||
	    (rc = ties_store__resolve(db, y, &ry)) < 0)
		return rc;
	if (rx == ry)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s' and '%s' are the same entity", x,
				       y);
	memset(&c, 0, sizeof(c));
	c.db = db;
	c.f = filter ? filter : &none;
	if ((filter && filter->from &&
	     ties_check__date(db, "--from date", filter->from) < 0) ||
	    (filter && filter->to &&
	     ties_check__date(db, "--to date", filter->to) < 0))
		return TIES_EINVALID;
	if (!(c.t = ties_table__new(10, cols)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if ((rc = ties_store__between(db, rx, ry, on_between, &c)) != 0) {
		ties_table_free(c.t);
		return rc < 0 ? rc : TIES_ERROR;
	}
	if (years && (rc = per_year(db, c.t, 1, 0, years)) < 0) {
		ties_table_free(c.t);
		return rc;
	}
	*out = c.t;
	return 0;
}

/* -------------------------------------------------------- countries --- */

int ties_countries(ties_db *db, ties_table **out, const ties_graph *g,
		   int matrix)
{
	static const char *const cols[] = {"country_a", "country_b", "weight",
					   "events",	"first",     "last"};
	ties_table *t = NULL;
	size_t *order = NULL, i, j, e;
	double *m = NULL;
	int rc = 0;

	assert(db && out && g);
	*out = NULL;
	if (g->projection != TIES_GRAPH_COUNTRY)
		return ties_db__seterr(db, TIES_EINVALID,
				       "country ties need the country graph");
	if (!matrix) {
		if (!(order = malloc((g->m + 1) * sizeof(*order))) ||
		    !(t = ties_table__new(6, cols))) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		for (e = 0; e < g->m; e++)
			order[e] = e;
		/* Strongest first, then by the names. */
		for (i = 1; i < g->m; i++) {
			size_t x = order[i], k = i;

			for (; k > 0; k--) {
				size_t p = order[k - 1];
				int c;

				if (g->ew[p] != g->ew[x]) {
					if (g->ew[p] > g->ew[x])
						break;
				} else {
					c = strcmp(g->nodes[g->ea[p]].name,
						   g->nodes[g->ea[x]].name);
					if (!c)
						c = strcmp(
							g->nodes[g->eb[p]].name,
							g->nodes[g->eb[x]].name);
					if (c <= 0)
						break;
				}
				order[k] = order[k - 1];
			}
			order[k] = x;
		}
		for (i = 0; i < g->m; i++) {
			size_t x = order[i];
			const char *a = g->nodes[g->ea[x]].name;
			const char *b = g->nodes[g->eb[x]].name;

			/* The pair in name order. */
			if (strcmp(a, b) > 0) {
				const char *s = a;
				a = b;
				b = s;
			}
			if (ties_table__add_row(t) < 0 ||
			    ties_table__set_text(t, 0, a) < 0 ||
			    ties_table__set_text(t, 1, b) < 0 ||
			    ties_table__set_real(t, 2, g->ew[x]) < 0 ||
			    ties_table__set_int(t, 3, g->events[x]) < 0 ||
			    ties_table__set_text(t, 4, *g->first[x]
							       ? g->first[x]
							       : NULL) < 0 ||
			    ties_table__set_text(t, 5, *g->last[x] ? g->last[x]
								   : NULL) <
				    0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	} else {
		const char **names = malloc((g->n + 1) * sizeof(*names));
		size_t n = g->n;

		m = calloc(n * n + 1, sizeof(*m));
		if (!names || !m) {
			free(names);
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		names[0] = "country";
		for (i = 0; i < n; i++)
			names[i + 1] = g->nodes[i].id;
		t = ties_table__new(n + 1, names);
		free(names);
		if (!t) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		for (e = 0; e < g->m; e++) {
			m[g->ea[e] * n + g->eb[e]] = g->ew[e];
			m[g->eb[e] * n + g->ea[e]] = g->ew[e];
		}
		for (i = 0; i < n; i++) {
			if (ties_table__add_row(t) < 0 ||
			    ties_table__set_text(t, 0, g->nodes[i].name) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
			for (j = 0; j < n; j++)
				if (ties_table__set_real(t, j + 1,
							 m[i * n + j]) < 0) {
					rc = ties_db__seterr(db, TIES_ENOMEM,
							     "out of memory");
					goto done;
				}
		}
	}
	*out = t;
	t = NULL;
done:
	ties_table_free(t);
	free(order);
	free(m);
	return rc;
}

/* --------------------------------------------------------- timeline --- */

struct timeline_ctx {
	ties_db *db;
	const ties_filter *f;
	ties_table *t;
};

static int on_timeline_event(void *ctx, const ties_evidence *ev)
{
	struct timeline_ctx *c = ctx;

	if (strcmp(ev->type, "event") ||
	    !ties_filter__event_ok(c->f, ev->kind, ev->date))
		return 0;
	if (ties_table__add_row(c->t) < 0 ||
	    ties_table__set_text(c->t, 0, ev->type) < 0 ||
	    ties_table__set_text(c->t, 1, ev->date) < 0)
		return ties_db__seterr(c->db, TIES_ENOMEM, "out of memory");
	return 0;
}

int ties_timeline(ties_db *db, ties_table **out, const char *ref,
		  const char *ref2, const ties_filter *filter,
		  const char **spark)
{
	static const char *const cols[] = {"type", "date"};
	static const char *const tcols[] = {"year", "events", "bar"};
	static const char *const ticks[] = {"▁", "▂", "▃", "▄",
					    "▅", "▆", "▇", "█"};
	static const ties_filter none;
	struct timeline_ctx c;
	sqlite3_int64 rx, ry = 0;
	ties_table *years = NULL, *t = NULL;
	long max = 0;
	size_t r;
	int rc;

	assert(db && out && ref);
	*out = NULL;
	if (spark)
		*spark = NULL;
	if ((rc = ties_store__resolve(db, ref, &rx)) < 0 ||
	    (ref2 && (rc = ties_store__resolve(db, ref2, &ry)) < 0))
		return rc;
	memset(&c, 0, sizeof(c));
	c.db = db;
	c.f = filter ? filter : &none;
	if (!(c.t = ties_table__new(2, cols)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	rc = ref2 ? ties_store__between(db, rx, ry, on_timeline_event, &c)
		  : ties_store__entity_events(db, rx, on_timeline_event, &c);
	if (rc == 0)
		rc = per_year(db, c.t, 1, -1, &years);
	ties_table_free(c.t);
	if (rc != 0)
		return rc < 0 ? rc : TIES_ERROR;
	for (r = 0; r < ties_table_nrows(years); r++)
		if (ties_table_int(years, r, 1) > max)
			max = (long)ties_table_int(years, r, 1);
	if (!(t = ties_table__new(3, tcols))) {
		ties_table_free(years);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	ties_buf__clear(&db->scratch);
	for (r = 0; r < ties_table_nrows(years); r++) {
		long n = (long)ties_table_int(years, r, 1), k;
		ties_buf bar = TIES_BUF_INIT;
		long width = max ? (n * 40 + max - 1) / max : 0;

		for (k = 0; k < width; k++)
			ties_buf__puts(&bar, "█");
		ties_buf__puts(&db->scratch,
			       n == 0 ? " " : ticks[max ? (n * 7) / max : 0]);
		rc = ties_table__add_row(t);
		if (rc == 0)
			rc = ties_table__set_int(t, 0,
						 ties_table_int(years, r, 0));
		if (rc == 0)
			rc = ties_table__set_int(t, 1, n);
		if (rc == 0)
			rc = ties_table__set_text(t, 2, ties_buf__str(&bar));
		ties_buf__release(&bar);
		if (rc < 0) {
			ties_table_free(years);
			ties_table_free(t);
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		}
	}
	ties_table_free(years);
	if (spark)
		*spark = ties_buf__str(&db->scratch);
	*out = t;
	return 0;
}

/* ------------------------------------------------------------- diff --- */

static int cmp_edge_key(const void *x, const void *y)
{
	const uint64_t *a = x, *b = y;

	return *a < *b ? -1 : *a > *b;
}

/* Ties keyed by node pair, sorted, with their weights. */
static uint64_t *edge_keys(const ties_graph *g)
{
	uint64_t *k = malloc((g->m + 1) * sizeof(*k));
	size_t e;

	if (!k)
		return NULL;
	for (e = 0; e < g->m; e++)
		k[e] = (uint64_t)g->ea[e] << 32 | g->eb[e];
	qsort(k, g->m, sizeof(*k), cmp_edge_key);
	return k;
}

static int diff_row(ties_table *t, const char *change,
		    const struct ties_graph_node *a,
		    const struct ties_graph_node *b, long long before,
		    long long after)
{
	if (ties_table__add_row(t) < 0 ||
	    ties_table__set_text(t, 0, change) < 0 ||
	    ties_table__set_text(t, 1, a->id) < 0 ||
	    ties_table__set_text(t, 2, a->name) < 0 ||
	    ties_table__set_text(t, 3, b ? b->id : NULL) < 0 ||
	    ties_table__set_text(t, 4, b ? b->name : NULL) < 0 ||
	    ties_table__set_int(t, 5, before) < 0 ||
	    ties_table__set_int(t, 6, after) < 0)
		return TIES_ENOMEM;
	return 0;
}

/* Competition ranks (1 = highest) of scores. */
static void ranks(const double *score, size_t n, double *rank)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		size_t above = 0;

		for (j = 0; j < n; j++)
			if (score[j] > score[i] &&
			    fabs(score[j] - score[i]) >
				    1e-9 * (fabs(score[i]) > 1 ? fabs(score[i])
							       : 1))
				above++;
		rank[i] = (double)(above + 1);
	}
}

struct mover {
	size_t node;
	double delta;
	const char *name;
};

static int cmp_mover(const void *x, const void *y)
{
	const struct mover *a = x, *b = y;

	if (fabs(a->delta) != fabs(b->delta))
		return fabs(a->delta) > fabs(b->delta) ? -1 : 1;
	return strcmp(a->name, b->name);
}

int ties_diff(ties_db *db, ties_table **out, const char *at1,
	      const char *at2, const ties_filter *filter, long top)
{
	static const char *const cols[] = {"change",	 "id",	   "name",
					   "other_id",	 "other_name",
					   "before",	 "after"};
	static const ties_filter none;
	ties_filter f1, f2;
	ties_graph *g1 = NULL, *g2 = NULL;
	uint64_t *k1 = NULL, *k2 = NULL;
	double *s[2][2] = {{0}}, *rk[2][2] = {{0}};
	struct mover *mv = NULL;
	ties_table *t = NULL;
	size_t i, j, n;
	int rc, m;

	assert(db && out && at1 && at2);
	*out = NULL;
	f1 = f2 = filter ? *filter : none;
	f1.at = at1;
	f2.at = at2;
	if ((rc = ties_graph_build(db, &g1, TIES_GRAPH_ENTITY, &f1)) < 0 ||
	    (rc = ties_graph_build(db, &g2, TIES_GRAPH_ENTITY, &f2)) < 0)
		goto done;
	/* Both snapshots have the same nodes in the same order. */
	assert(g1->n == g2->n);
	n = g1->n;
	if (!(t = ties_table__new(7, cols)) || !(k1 = edge_keys(g1)) ||
	    !(k2 = edge_keys(g2))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	/* New and ended ties, in node order. */
	for (m = 0; m < 2; m++) {
		const uint64_t *a = m == 0 ? k2 : k1, *b = m == 0 ? k1 : k2;
		size_t na = m == 0 ? g2->m : g1->m, nb = m == 0 ? g1->m : g2->m;

		for (i = 0, j = 0; i < na; i++) {
			while (j < nb && b[j] < a[i])
				j++;
			if (j < nb && b[j] == a[i])
				continue;
			if (diff_row(t, m == 0 ? "new_tie" : "ended_tie",
				     &g1->nodes[a[i] >> 32],
				     &g1->nodes[a[i] & 0xffffffffu],
				     m == 0 ? 0 : 1, m == 0 ? 1 : 0) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	}
	for (m = 0; m < 2; m++)
		for (i = 0; i < 2; i++) {
			s[m][i] = calloc(n + 1, sizeof(double));
			rk[m][i] = calloc(n + 1, sizeof(double));
			if (!s[m][i] || !rk[m][i]) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
		}
	if ((rc = ties_graph_measure(db, g1, TIES_DEGREE, 0, 0, s[0][0])) < 0 ||
	    (rc = ties_graph_measure(db, g2, TIES_DEGREE, 0, 0, s[1][0])) < 0 ||
	    (rc = ties_graph_measure(db, g1, TIES_BETWEENNESS, 0, 0,
				     s[0][1])) < 0 ||
	    (rc = ties_graph_measure(db, g2, TIES_BETWEENNESS, 0, 0,
				     s[1][1])) < 0)
		goto done;
	for (i = 0; i < n; i++)
		if (s[0][0][i] == 0 && s[1][0][i] > 0 &&
		    diff_row(t, "new_entity", &g1->nodes[i], NULL, 0,
			     (long long)s[1][0][i]) < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
	if (!(mv = malloc((n + 1) * sizeof(*mv)))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (m = 0; m < 2; m++) {
		size_t nm = 0;

		ranks(s[0][m], n, rk[0][m]);
		ranks(s[1][m], n, rk[1][m]);
		for (i = 0; i < n; i++)
			if ((s[0][0][i] > 0 || s[1][0][i] > 0) &&
			    rk[0][m][i] != rk[1][m][i]) {
				mv[nm].node = i;
				mv[nm].delta = rk[0][m][i] - rk[1][m][i];
				mv[nm].name = g1->nodes[i].name;
				nm++;
			}
		qsort(mv, nm, sizeof(*mv), cmp_mover);
		for (i = 0; i < nm && (top <= 0 || (long)i < top); i++)
			if (diff_row(t,
				     m == 0 ? "degree_mover"
					    : "betweenness_mover",
				     &g1->nodes[mv[i].node], NULL,
				     (long long)rk[0][m][mv[i].node],
				     (long long)rk[1][m][mv[i].node]) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
	}
	*out = t;
	t = NULL;
	rc = 0;
done:
	for (m = 0; m < 2; m++)
		for (i = 0; i < 2; i++) {
			free(s[m][i]);
			free(rk[m][i]);
		}
	free(mv);
	free(k1);
	free(k2);
	ties_table_free(t);
	ties_graph_free(g1);
	ties_graph_free(g2);
	return rc;
}

int ties_between_write(const ties_table *t, const ties_table *years,
		       FILE *f, enum ties_format fmt, const char *xname,
		       const char *yname)
{
	size_t r;
	int rc;

	if (fmt != TIES_FORMAT_TABLE)
		return ties_table_write(t, f, fmt);
	for (r = 0; r < ties_table_nrows(t); r++) {
		ties_buf b = TIES_BUF_INIT;

		ties_buf__printf(&b, "%s  %s  %s", *cell(t, r, 1) ? cell(t, r, 1)
							       : "undated",
				 cell(t, r, 2), cell(t, r, 4));
		if (*cell(t, r, 5))
			ties_buf__printf(&b, " (at %s)", cell(t, r, 5));
		if (*cell(t, r, 3))
			ties_buf__printf(&b, " [%s]", cell(t, r, 3));
		ties_report__escape_display_line(f, &b, "");
		ties_buf__printf(&b, "%s: %s", xname, cell(t, r, 6));
		ties_report__escape_display_line(f, &b, "    ");
		ties_buf__printf(&b, "%s: %s", yname, cell(t, r, 7));
		ties_report__escape_display_line(f, &b, "    ");
		if (*cell(t, r, 9))
			ties_buf__printf(&b, "source: %s", cell(t, r, 9));
		ties_report__escape_display_line(f, &b, "    ");
		ties_buf__release(&b);
	}
	if (ties_table_nrows(t) == 0)
		fprintf(f, "nothing links them\n");
	if (years && ties_table_nrows(years)) {
		fputc('\n', f);
		if ((rc = ties_table_write(years, f, fmt)) < 0)
			return rc;
	}
	return ferror(f) ? TIES_EIO : 0;
}
