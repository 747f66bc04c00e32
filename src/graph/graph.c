/*
 * graph.c — the tie graph: nodes, ties aggregated in an open-addressing hash
 * from the node pair to the tie, the adjacency, and the accessors of ties.h.
 *
 * Invariants of a built graph: edges have a < b, no loops, no parallels;
 * node and edge order depend only on the store's rowids, so the same data
 * gives the same graph (and the same results) every time.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

static const char *const measure_names[TIES_NMEASURES] = {
	"degree",   "strength",	   "betweenness", "closeness",
	"harmonic", "eigenvector", "pagerank",	  "coreness",
	"in_degree", "out_degree", "in_strength", "out_strength",
	"hub",	     "authority"};

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

int ties_projection_parse(const char *name)
{
	static const char *const names[] = {"entity", "institution", "country",
					    "bipartite"};
	int i;

	for (i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return (a > b) - (a < b);
}

void ties_adj__release(struct ties_adj *a)
{
	free(a->start);
	free(a->nbr);
	free(a->edge);
	memset(a, 0, sizeof(*a));
}

/* ways: 3 both ends of each tie (undirected), 1 the arcs' tails (out),
 * 2 their heads (in). */
static int adj_build(const ties_graph *g, struct ties_adj *a, int ways)
{
	size_t i;
	uint64_t *fill;

	memset(a, 0, sizeof(*a));
	a->n = g->n;
	a->ew = g->ew;
	a->start = calloc(g->n + 1, sizeof(*a->start));
	a->nbr = malloc((2 * g->m + 1) * sizeof(*a->nbr));
	a->edge = malloc((2 * g->m + 1) * sizeof(*a->edge));
	fill = calloc(g->n + 1, sizeof(*fill));
	if (!a->start || !a->nbr || !a->edge || !fill) {
		free(fill);
		ties_adj__release(a);
		return TIES_ENOMEM;
	}
	for (i = 0; i < g->m; i++) {
		if (ways & 1)
			a->start[g->ea[i] + 1]++;
		if (ways & 2)
			a->start[g->eb[i] + 1]++;
	}
	for (i = 0; i < g->n; i++)
		a->start[i + 1] += a->start[i];
	/* Ties are stored with ea < eb and in insertion order; sort each
	 * node's neighbours afterwards. */
	for (i = 0; i < g->m; i++) {
		if (ways & 1) {
			size_t x = a->start[g->ea[i]] + fill[g->ea[i]]++;

			a->nbr[x] = g->eb[i];
			a->edge[x] = (uint32_t)i;
		}
		if (ways & 2) {
			size_t y = a->start[g->eb[i]] + fill[g->eb[i]]++;

			a->nbr[y] = g->ea[i];
			a->edge[y] = (uint32_t)i;
		}
	}
	for (i = 0; i < g->n; i++) {
		size_t lo = a->start[i], hi = a->start[i + 1], j, k;

		if (hi - lo > 32) {
			/* A hub: sort (neighbour, tie) pairs as one key, in
			 * `fill`, done with (at most n - 1 neighbours). */
			uint64_t *key = fill;

			for (j = lo; j < hi; j++)
				key[j - lo] =
					(uint64_t)a->nbr[j] << 32 | a->edge[j];
			qsort(key, hi - lo, sizeof(*key), cmp_u64);
			for (j = lo; j < hi; j++) {
				a->nbr[j] = (uint32_t)(key[j - lo] >> 32);
				a->edge[j] = (uint32_t)key[j - lo];
			}
			continue;
		}
		/* Insertion sort: most neighbour lists are short. */
		for (j = lo + 1; j < hi; j++) {
			uint32_t nb = a->nbr[j], e = a->edge[j];

			for (k = j; k > lo && a->nbr[k - 1] > nb; k--) {
				a->nbr[k] = a->nbr[k - 1];
				a->edge[k] = a->edge[k - 1];
			}
			a->nbr[k] = nb;
			a->edge[k] = e;
		}
	}
	free(fill);
	return 0;
}

int ties_adj__build(const ties_graph *g, struct ties_adj *a)
{
	return adj_build(g, a, g->directed ? 1 : 3);
}

int ties_adj__build_in(const ties_graph *g, struct ties_adj *a)
{
	return adj_build(g, a, g->directed ? 2 : 3);
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static int edgemap_grow(edgemap *m)
{
	size_t cap = m->cap ? m->cap * 2 : 1024, i, j;
	uint64_t *keys = calloc(cap, sizeof(*keys));
	uint32_t *idx = malloc(cap * sizeof(*idx));

	if (!keys || !idx) {
		free(keys);
		free(idx);
		return TIES_ENOMEM;
	}
	for (i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		for (j = mix(m->keys[i]) & (cap - 1); keys[j];
		     j = (j + 1) & (cap - 1))
			;
		keys[j] = m->keys[i];
		idx[j] = m->idx[i];
	}
	free(m->keys);
	free(m->idx);
	m->keys = keys;
	m->idx = idx;
	m->cap = cap;
	return 0;
}

void ties_gr__edgemap_release(edgemap *m)
{
	free(m->keys);
	free(m->idx);
	memset(m, 0, sizeof(*m));
}

/* Add weight w to the tie {a, b}. */
int ties_gr__add_tie(ties_graph *g, edgemap *m, uint32_t a, uint32_t b,
		     double w)
{
	uint64_t key;
	size_t j;

	if (a == b)
		return 0;
	/* A tie's ends in order; an arc's as given. */
	if (a > b && !g->directed) {
		uint32_t t = a;
		a = b;
		b = t;
	}
	key = ((uint64_t)a << 32 | b) + 1;
	if ((m->n + 1) * 2 > m->cap && edgemap_grow(m) < 0)
		return TIES_ENOMEM;
	for (j = mix(key) & (m->cap - 1); m->keys[j];
	     j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == key) {
			g->ew[m->idx[j]] += w;
			g->last_tie = m->idx[j];
			return 0;
		}
	if (g->m == g->capm) {
		size_t cap = g->capm ? g->capm * 2 : 1024;
		uint32_t *ea = realloc(g->ea, cap * sizeof(*ea));
		uint32_t *eb;
		double *ew;

		if (!ea)
			return TIES_ENOMEM;
		g->ea = ea;
		if (!(eb = realloc(g->eb, cap * sizeof(*eb))))
			return TIES_ENOMEM;
		g->eb = eb;
		if (!(ew = realloc(g->ew, cap * sizeof(*ew))))
			return TIES_ENOMEM;
		g->ew = ew;
		g->capm = cap;
	}
	g->ea[g->m] = a;
	g->eb[g->m] = b;
	g->ew[g->m] = w;
	g->last_tie = g->m;
	m->keys[j] = key;
	m->idx[j] = (uint32_t)g->m;
	m->n++;
	g->m++;
	return 0;
}

int ties_gr__both_add(ties_graph *g, double w)
{
	if (g->capboth < g->capm) {
		double *p = realloc(g->both, g->capm * sizeof(*p));

		if (!p)
			return TIES_ENOMEM;
		memset(p + g->capboth, 0, (g->capm - g->capboth) * sizeof(*p));
		g->both = p;
		g->capboth = g->capm;
	}
	g->both[g->last_tie] += w;
	return 0;
}

/* With dates kept, widen the last tie's [first, last] to [lo, hi]. */
int ties_gr__tie_dates(ties_graph *g, const char *lo, const char *hi)
{
	size_t e = g->last_tie;

	if (!g->filter.with_dates)
		return 0;
	if (g->capdates < g->capm) {
		char(*f)[11] = realloc(g->first, g->capm * sizeof(*f));
		char(*l)[11];

		if (!f)
			return TIES_ENOMEM;
		g->first = f;
		if (!(l = realloc(g->last, g->capm * sizeof(*l))))
			return TIES_ENOMEM;
		g->last = l;
		memset(g->first + g->capdates, 0,
		       (g->capm - g->capdates) * sizeof(*f));
		memset(g->last + g->capdates, 0,
		       (g->capm - g->capdates) * sizeof(*l));
		g->capdates = g->capm;
	}
	if (lo && *lo && (!*g->first[e] || strcmp(lo, g->first[e]) < 0))
		memcpy(g->first[e], lo, 11);
	if (hi && *hi && strcmp(hi, g->last[e]) > 0)
		memcpy(g->last[e], hi, 11);
	return 0;
}

/* The index of the tie {a, b}, or -1. */
long ties_gr__find_tie(const edgemap *m, uint32_t a, uint32_t b)
{
	if (a > b) {
		uint32_t t = a;
		a = b;
		b = t;
	}
	return ties_gr__find_arc(m, a, b);
}

long ties_gr__find_arc(const edgemap *m, uint32_t a, uint32_t b)
{
	uint64_t key;
	size_t j;

	key = ((uint64_t)a << 32 | b) + 1;
	if (!m->cap)
		return -1;
	for (j = mix(key) & (m->cap - 1); m->keys[j];
	     j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == key)
			return (long)m->idx[j];
	return -1;
}

int ties_gr__add_node(ties_graph *g, sqlite3_int64 rowid, int is_event,
		      const char *id, const char *name, const char *kind,
		      const char *country, const char *country_name,
		      sqlite3_int64 country_rowid)
{
	struct ties_graph_node *nd;

	if (g->n == g->capn) {
		size_t cap = g->capn ? g->capn * 2 : 256;
		struct ties_graph_node *p = realloc(g->nodes, cap * sizeof(*p));

		if (!p)
			return TIES_ENOMEM;
		g->nodes = p;
		g->capn = cap;
	}
	nd = &g->nodes[g->n];
	memset(nd, 0, sizeof(*nd));
	nd->rowid = rowid;
	nd->is_event = is_event;
	nd->country_rowid = country_rowid;
	nd->id = strdup(id ? id : "");
	nd->name = strdup(name && *name ? name : id ? id : "");
	nd->kind = strdup(kind ? kind : "");
	nd->country = country ? strdup(country) : NULL;
	nd->country_name = country_name ? strdup(country_name) : NULL;
	g->n++;
	if (!nd->id || !nd->name || !nd->kind || (country && !nd->country) ||
	    (country_name && !nd->country_name))
		return TIES_ENOMEM;
	return 0;
}

void ties_graph_free(ties_graph *g)
{
	size_t i;

	if (!g)
		return;
	ties_gr__keep_join(g);
	for (i = 0; i < g->n; i++) {
		free(g->nodes[i].id);
		free(g->nodes[i].name);
		free(g->nodes[i].kind);
		free(g->nodes[i].country);
		free(g->nodes[i].country_name);
	}
	free(g->nodes);
	free(g->ea);
	free(g->eb);
	free(g->ew);
	free(g->both);
	free(g->events);
	free(g->first);
	free(g->last);
	for (i = 0; i < g->nstrings; i++)
		free(g->strings[i]);
	free(g->strings);
	free((void *)g->filter.kinds);
	free((void *)g->filter.countries);
	free((void *)g->filter.event_kinds);
	free((void *)g->filter.roles);
	free((void *)g->filter.relation_kinds);
	free(g);
}

long ties_graph__node_of(const ties_graph *g, sqlite3_int64 rowid)
{
	size_t lo = 0, hi = g->n;

	/* Entity nodes come first, in rowid order. */
	while (hi > 0 && g->nodes[hi - 1].is_event)
		hi--;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (g->nodes[mid].rowid < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->n && !g->nodes[lo].is_event && g->nodes[lo].rowid == rowid)
		return (long)lo;
	return -1;
}

/* Keep a copy of `s` with the graph. */
const char *ties_gr__keep(ties_graph *g, const char *s)
{
	char **p;
	char *c;

	if (!s)
		return NULL;
	p = realloc(g->strings, (g->nstrings + 1) * sizeof(*p));
	if (!p)
		return NULL;
	g->strings = p;
	if (!(c = strdup(s)))
		return NULL;
	g->strings[g->nstrings++] = c;
	return c;
}

static int keep_list(ties_graph *g, const char *const *in, size_t n,
		     const char *const **out)
{
	const char **l;
	size_t i;

	*out = NULL;
	if (n == 0)
		return 0;
	if (!(l = calloc(n, sizeof(*l))))
		return TIES_ENOMEM;
	*out = l;
	for (i = 0; i < n; i++)
		if (!(l[i] = ties_gr__keep(g, in[i])))
			return TIES_ENOMEM;
	return 0;
}

/* A deep copy of the filter, so the graph can explain itself later. */
int ties_gr__keep_filter(ties_graph *g, const ties_filter *f)
{
	g->filter = *f;
	g->filter.kinds = g->filter.countries = NULL;
	g->filter.event_kinds = g->filter.relation_kinds = NULL;
	g->filter.roles = NULL;
	if (keep_list(g, f->kinds, f->nkinds, &g->filter.kinds) < 0 ||
	    keep_list(g, f->roles, f->nroles, &g->filter.roles) < 0 ||
	    keep_list(g, f->countries, f->ncountries, &g->filter.countries) <
		    0 ||
	    keep_list(g, f->event_kinds, f->nevent_kinds,
		      &g->filter.event_kinds) < 0 ||
	    keep_list(g, f->relation_kinds, f->nrelation_kinds,
		      &g->filter.relation_kinds) < 0)
		return TIES_ENOMEM;
	if ((f->from && !(g->filter.from = ties_gr__keep(g, f->from))) ||
	    (f->to && !(g->filter.to = ties_gr__keep(g, f->to))) ||
	    (f->at && !(g->filter.at = ties_gr__keep(g, f->at))))
		return TIES_ENOMEM;
	return 0;
}

size_t ties_graph_nnodes(const ties_graph *g)
{
	return g->n;
}

size_t ties_graph_nedges(const ties_graph *g)
{
	return g->m;
}

const char *ties_graph_node_id(const ties_graph *g, size_t i)
{
	assert(i < g->n);
	return g->nodes[i].id;
}

const char *ties_graph_node_name(const ties_graph *g, size_t i)
{
	assert(i < g->n);
	return g->nodes[i].name;
}

const char *ties_graph_node_kind(const ties_graph *g, size_t i)
{
	assert(i < g->n);
	return g->nodes[i].kind;
}

const char *ties_graph_node_country(const ties_graph *g, size_t i)
{
	assert(i < g->n);
	return g->nodes[i].country;
}

int ties_graph_edge_dates(const ties_graph *g, size_t e, const char **first,
			  const char **last)
{
	assert(e < g->m);
	*first = *last = NULL;
	if (!g->first || (!g->filter.with_dates && !g->events))
		return 0;
	*first = *g->first[e] ? g->first[e] : NULL;
	*last = *g->last[e] ? g->last[e] : NULL;
	return *first != NULL;
}

void ties_graph_edge(const ties_graph *g, size_t e, size_t *a, size_t *b,
		     double *w)
{
	assert(e < g->m);
	if (a)
		*a = g->ea[e];
	if (b)
		*b = g->eb[e];
	if (w)
		*w = g->ew[e];
}

int ties_weight_mode_parse(const char *name)
{
	static const char *const names[] = {"evidence", "sum", "mean"};

	for (int i = 0; i < 3; i++)
		if (name && !strcmp(name, names[i]))
			return i;
	return -1;
}
