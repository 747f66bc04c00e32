/*
 * roles.c — co-participation by role: the ties an event makes when only
 * some roles count (--role), when two participants must hold the same role
 * in it (--same-role: voting alike), and the share of the events both took
 * part in (--share: an agreement index).
 *
 * Participations arrive grouped by event with their roles. Each one becomes
 * an entry (the node it stands for, its role as a small number, whether the
 * role counts); at the event's end the entries give two kinds of pair, each
 * counted once an event: the pairs tied (same role, or roles that count)
 * add to the tie's weight, and with --share every pair of participants adds
 * to the tie's denominator (g->both). The weights become shares at the end
 * (ties_gr__share), and ties with no pair tied are dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

struct role_entry {
	uint32_t node;
	uint32_t role;
	sqlite3_int64 rep;
	double w; /* the participation's weight */
	unsigned char ok;
};

static int cmp_node_role(const void *x, const void *y)
{
	const struct role_entry *a = x, *c = y;

	if (a->node != c->node)
		return a->node < c->node ? -1 : 1;
	return a->role < c->role ? -1 : a->role > c->role;
}

static int cmp_role_node(const void *x, const void *y)
{
	const struct role_entry *a = x, *c = y;

	if (a->role != c->role)
		return a->role < c->role ? -1 : 1;
	return a->node < c->node ? -1 : a->node > c->node;
}

/* The stamps kept beside g's ties, as long as g's own. */
static int grow(struct build *b)
{
	size_t cap = b->g->capm, old = b->role.cap;
	sqlite3_int64 *s;

	if (old >= cap)
		return 0;
	if (!(s = realloc(b->role.stamp, cap * sizeof(*s))))
		return TIES_ENOMEM;
	b->role.stamp = s;
	for (size_t i = old; i < cap; i++)
		s[i] = -1;
	b->role.cap = cap;
	return 0;
}

/* Whether nodes i and j of one event may be tied: the institution graph
 * wants two different participants behind them. */
static int apart(const struct build *b, const struct role_entry *x,
		 const struct role_entry *y)
{
	return x->node != y->node && !(b->p == TIES_GRAPH_INSTITUTION &&
				       x->rep >= 0 && x->rep == y->rep);
}

int ties_gr__piece(struct build *b, double w)
{
	ties_graph *g = b->g;

	g->ew[g->last_tie] += b->f->weight == TIES_WEIGHT_EVIDENCE ? 1 : w;
	return b->f->weight == TIES_WEIGHT_MEAN ? ties_gr__both_add(g, 1) : 0;
}

/* Tie x and y by the current event: one piece of evidence an event,
 * weighing the smaller of their participations' weights. */
static int tie(struct build *b, const struct role_entry *x,
	       const struct role_entry *y)
{
	ties_graph *g = b->g;
	size_t e;
	sqlite3_int64 ev = b->cur_event;

	if (ties_gr__add_tie(g, &b->map, x->node, y->node, 0) < 0 ||
	    grow(b) < 0)
		return TIES_ENOMEM;
	e = g->last_tie;
	if (b->role.stamp[e] == ev)
		return 0;
	b->role.stamp[e] = ev;
	if (ties_gr__piece(b, x->w < y->w ? x->w : y->w) < 0)
		return TIES_ENOMEM;
	return ties_gr__tie_dates(g, b->evdate ? b->evdate[ev] : NULL,
				  b->evdate_hi ? b->evdate_hi[ev] : NULL);
}

/* Entries x[0..n) of one node each: the rep merged, -1 when several. */
static size_t once_a_node(struct role_entry *x, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (k && x[k - 1].node == x[i].node) {
			if (x[k - 1].rep != x[i].rep)
				x[k - 1].rep = -1;
			x[k - 1].ok |= x[i].ok;
			if (x[i].w > x[k - 1].w)
				x[k - 1].w = x[i].w;
			continue;
		}
		x[k++] = x[i];
	}
	return k;
}

/* Whether roles r -> q make a directed pair (cached by role numbers). */
static int pair_directed(struct build *b, uint32_t r, uint32_t q)
{
	size_t nr = b->role.nnames, cap = b->role.pcap;
	unsigned char *c;
	long v;

	if (nr > cap) {
		size_t nc = cap ? cap : 16;
		unsigned char *p;

		while (nc < nr)
			nc *= 2;
		if (!(p = calloc(nc * nc, 1)))
			return 0; /* out of memory: undirected, said below */
		for (size_t i = 0; i < cap; i++)
			memcpy(p + i * nc, b->role.pcache + i * cap, cap);
		free(b->role.pcache);
		b->role.pcache = p;
		b->role.pcap = cap = nc;
	}
	c = &b->role.pcache[(size_t)r * cap + q];
	if (!*c) {
		ties_buf key = TIES_BUF_INIT;

		ties_buf__printf(&key, "%s\x1f%s", b->role.names[r],
				 b->role.names[q]);
		*c = !key.oom && ties_strmap__get(&b->role.dpairs,
						  ties_buf__str(&key), &v)
			     ? 2
			     : 1;
		ties_buf__release(&key);
	}
	return *c == 2;
}

/* Tie x and y of one event in a directed graph: an arc x -> y when a role
 * of x and one of y make a directed pair, y -> x when the other way, else
 * (neither, or both) an arc each way. The roles of the i-th node are
 * rs[rstart[i] .. rstart[i + 1]). */
static int tie_arcs(struct build *b, const struct role_entry *x,
		    const struct role_entry *y, const uint32_t *rx, size_t nx,
		    const uint32_t *ry, size_t ny)
{
	int fwd = 0, bwd = 0;

	for (size_t i = 0; i < nx; i++)
		for (size_t j = 0; j < ny; j++) {
			fwd |= pair_directed(b, rx[i], ry[j]);
			bwd |= pair_directed(b, ry[j], rx[i]);
		}
	if (fwd == bwd)
		return tie(b, x, y) < 0 || tie(b, y, x) < 0 ? TIES_ENOMEM : 0;
	return fwd ? tie(b, x, y) : tie(b, y, x);
}

/* The share's denominator of the pair (both arcs when directed). */
static int count_both(struct build *b, const struct role_entry *x,
		      const struct role_entry *y)
{
	ties_graph *g = b->g;

	for (int way = 0; way < 1 + g->directed; way++) {
		if (ties_gr__add_tie(g, &b->map, way ? y->node : x->node,
				     way ? x->node : y->node, 0) < 0 ||
		    ties_gr__both_add(g, 1) < 0)
			return TIES_ENOMEM;
	}
	return 0;
}

int ties_gr__role_flush(struct build *b)
{
	struct role_entry *x = b->role.e;
	size_t n = b->role.n, k, i, j;
	ties_graph *g = b->g;

	b->role.n = 0;
	if (n == 0 || (n < 2 && b->p != TIES_GRAPH_BIPARTITE))
		return 0;
	if (b->p == TIES_GRAPH_BIPARTITE) {
		/* Only the roles that count; each node once. */
		uint32_t evnode = (uint32_t)b->event_node[b->cur_event];

		qsort(x, n, sizeof(*x), cmp_node_role);
		for (i = 0; i < n; i++)
			if (x[i].ok && (i == 0 || !x[i - 1].ok ||
					x[i - 1].node != x[i].node))
				if (ties_gr__add_tie(
					    g, &b->map, x[i].node, evnode,
					    b->f->weight == TIES_WEIGHT_EVIDENCE
						    ? 1
						    : x[i].w) < 0 ||
				    ties_gr__tie_dates(
					    g,
					    b->evdate ? b->evdate[b->cur_event]
						      : NULL,
					    b->evdate_hi
						    ? b->evdate_hi[b->cur_event]
						    : NULL) < 0)
					return TIES_ENOMEM;
		return 0;
	}
	if (b->f->same_role) {
		/* Within each role that counts, every pair of its nodes. */
		qsort(x, n, sizeof(*x), cmp_role_node);
		for (i = 0; i < n; i = j) {
			for (j = i + 1; j < n && x[j].role == x[i].role; j++)
				;
			if (!x[i].ok)
				continue;
			/* The same role: no directed pair, an arc each
			 * way. */
			for (size_t p = i; p < j; p++)
				for (size_t q = p + 1; q < j; q++)
					if (apart(b, &x[p], &x[q]) &&
					    (tie(b, &x[p], &x[q]) < 0 ||
					     (g->directed &&
					      tie(b, &x[q], &x[p]) < 0)))
						return TIES_ENOMEM;
		}
	}
	qsort(x, n, sizeof(*x), cmp_node_role);
	if (g->directed) {
		/* Each node's roles, before the entries merge. */
		if (n + 1 > b->role.capr) {
			uint32_t *rs =
				realloc(b->role.rs, (n + 1) * sizeof(*rs));
			size_t *st;

			if (!rs)
				return TIES_ENOMEM;
			b->role.rs = rs;
			if (!(st = realloc(b->role.rstart,
					   (n + 1) * sizeof(*st))))
				return TIES_ENOMEM;
			b->role.rstart = st;
			b->role.capr = n + 1;
		}
		for (i = 0, k = 0; i < n; i++) {
			if (i == 0 || x[i].node != x[i - 1].node)
				b->role.rstart[k++] = i;
			b->role.rs[i] = x[i].role;
		}
		b->role.rstart[k] = n;
	}
	k = once_a_node(x, n);
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++) {
			if (!apart(b, &x[i], &x[j]))
				continue;
			if (!b->f->same_role && x[i].ok && x[j].ok) {
				const size_t *st = b->role.rstart;

				if (g->directed
					    ? tie_arcs(b, &x[i], &x[j],
						       b->role.rs + st[i],
						       st[i + 1] - st[i],
						       b->role.rs + st[j],
						       st[j + 1] - st[j]) < 0
					    : tie(b, &x[i], &x[j]) < 0)
					return TIES_ENOMEM;
			}
			if (b->f->share && count_both(b, &x[i], &x[j]) < 0)
				return TIES_ENOMEM;
		}
	return 0;
}

int ties_gr__on_role(void *ctx, sqlite3_int64 event, sqlite3_int64 entity,
		     const char *role, double weight)
{
	struct build *b = ctx;
	size_t first;
	long id;
	int ok, rc;

	if ((rc = ties_gr__next_participation(b, event, entity,
					      ties_gr__role_flush)) <= 0)
		return rc;
	ok = ties_gr__in_list(role, b->f->roles, b->f->nroles);
	if ((rc = ties_strmap__put(&b->role.ids, role ? role : "",
				   (long)b->role.ids.n, &id)) < 0)
		return ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
	if (rc == 0) {
		char **names;

		id = (long)b->role.ids.n - 1;
		if (!(names = realloc(b->role.names,
				      (size_t)(id + 1) * sizeof(*names))))
			return ties_db__seterr(b->db, TIES_ENOMEM,
					       "out of memory");
		b->role.names = names;
		if (!(names[id] = strdup(role ? role : "")))
			return ties_db__seterr(b->db, TIES_ENOMEM,
					       "out of memory");
		b->role.nnames = (size_t)id + 1;
	}
	/* The nodes this participant stands for, then their entries. */
	b->nmembers = 0;
	if ((rc = ties_gr__collect(b, entity, b->evdate ? b->evdate[event] : "",
				   b->evdate_hi ? b->evdate_hi[event] : "")) <
	    0)
		return ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
	first = b->role.n;
	if (b->role.n + b->nmembers > b->role.capn) {
		size_t cap = b->role.capn ? b->role.capn : 64;
		struct role_entry *p;

		while (cap < b->role.n + b->nmembers)
			cap *= 2;
		if (!(p = realloc(b->role.e, cap * sizeof(*p))))
			return ties_db__seterr(b->db, TIES_ENOMEM,
					       "out of memory");
		b->role.e = p;
		b->role.capn = cap;
	}
	for (size_t i = 0; i < b->nmembers; i++) {
		struct role_entry *x = &b->role.e[first + i];

		x->node = b->members[i];
		x->role = (uint32_t)id;
		x->rep = b->rep[i];
		x->w = weight;
		x->ok = (unsigned char)ok;
	}
	b->role.n += b->nmembers;
	b->nmembers = 0;
	return 0;
}

void ties_gr__role_release(struct build *b)
{
	free(b->role.e);
	free(b->role.stamp);
	ties_strmap__release(&b->role.ids);
	for (size_t i = 0; i < b->role.nnames; i++)
		free(b->role.names[i]);
	free(b->role.names);
	free(b->role.pcache);
	free(b->role.rs);
	free(b->role.rstart);
	ties_strmap__release(&b->role.dkinds);
	ties_strmap__release(&b->role.dpairs);
}

void ties_gr__share(ties_graph *g)
{
	if (!g->both)
		return;
	for (size_t e = 0; e < g->m; e++)
		g->ew[e] = g->both[e] > 0 ? g->ew[e] / g->both[e] : 0;
	free(g->both);
	g->both = NULL;
	g->capboth = 0;
}
