/*
 * graph.c — the tie graph: projection of the store onto nodes and weighted
 * undirected edges, with the filters applied first.
 *
 * Rows are streamed from the store (store_graph.c) and aggregated in C:
 * rowids map to node indices through arrays indexed by rowid; ties are
 * kept in an open-addressing hash from the node pair to the edge index.
 * Participations arrive grouped by event, so an event's participants are
 * collected, deduplicated, and each pair among them gains weight 1.
 *
 * Invariants of a built graph: edges have a < b, no loops, no parallels;
 * node and edge order depend only on the store's rowids, so the same data
 * gives the same graph (and the same results) every time.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "ties_int.h"

int ties_projection_parse(const char *name)
{
	static const char *const names[] = {"entity", "institution",
					    "country", "bipartite"};
	int i;

	for (i = 0; i < 4; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

/* -------------------------------------------------------- adjacency --- */

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

int ties_adj__build(const ties_graph *g, struct ties_adj *a)
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
		a->start[g->ea[i] + 1]++;
		a->start[g->eb[i] + 1]++;
	}
	for (i = 0; i < g->n; i++)
		a->start[i + 1] += a->start[i];
	/* Ties are stored with ea < eb and in insertion order; sort each
	 * node's neighbours afterwards. */
	for (i = 0; i < g->m; i++) {
		size_t x = a->start[g->ea[i]] + fill[g->ea[i]]++;
		size_t y = a->start[g->eb[i]] + fill[g->eb[i]]++;

		a->nbr[x] = g->eb[i];
		a->edge[x] = (uint32_t)i;
		a->nbr[y] = g->ea[i];
		a->edge[y] = (uint32_t)i;
	}
	for (i = 0; i < g->n; i++) {
		size_t lo = a->start[i], hi = a->start[i + 1], j, k;

		if (hi - lo > 32) {
			/* A hub: sort (neighbour, tie) pairs as one key, in
			 * `fill`, done with (at most n - 1 neighbours). */
			uint64_t *key = fill;

			for (j = lo; j < hi; j++)
				key[j - lo] = (uint64_t)a->nbr[j] << 32 |
					      a->edge[j];
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

/* ------------------------------------------------------------ edges --- */

typedef struct edgemap {
	uint64_t *keys; /* (a << 32 | b) + 1; 0 = empty */
	uint32_t *idx;
	size_t cap, n;
} edgemap;

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

static void edgemap_release(edgemap *m)
{
	free(m->keys);
	free(m->idx);
	memset(m, 0, sizeof(*m));
}

/* Add weight w to the tie {a, b}. */
static int add_tie(ties_graph *g, edgemap *m, uint32_t a, uint32_t b,
		   double w)
{
	uint64_t key;
	size_t j;

	if (a == b)
		return 0;
	if (a > b) {
		uint32_t t = a;
		a = b;
		b = t;
	}
	key = ((uint64_t)a << 32 | b) + 1;
	if ((m->n + 1) * 2 > m->cap && edgemap_grow(m) < 0)
		return TIES_ENOMEM;
	for (j = mix(key) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1))
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

/* With dates kept, widen the last tie's [first, last] to [lo, hi]. */
static int tie_dates(ties_graph *g, const char *lo, const char *hi)
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
static long find_tie(const edgemap *m, uint32_t a, uint32_t b)
{
	uint64_t key;
	size_t j;

	if (a > b) {
		uint32_t t = a;
		a = b;
		b = t;
	}
	key = ((uint64_t)a << 32 | b) + 1;
	if (!m->cap)
		return -1;
	for (j = mix(key) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1))
		if (m->keys[j] == key)
			return (long)m->idx[j];
	return -1;
}

/* ------------------------------------------------------------ nodes --- */

static int add_node(ties_graph *g, sqlite3_int64 rowid, int is_event,
		    const char *id, const char *name, const char *kind,
		    const char *country, const char *country_name,
		    sqlite3_int64 country_rowid)
{
	struct ties_graph_node *nd;

	if (g->n == g->capn) {
		size_t cap = g->capn ? g->capn * 2 : 256;
		struct ties_graph_node *p = realloc(g->nodes,
						    cap * sizeof(*p));

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
	free(g->events);
	free(g->first);
	free(g->last);
	for (i = 0; i < g->nstrings; i++)
		free(g->strings[i]);
	free(g->strings);
	free((void *)g->filter.kinds);
	free((void *)g->filter.countries);
	free((void *)g->filter.event_kinds);
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
static const char *keep(ties_graph *g, const char *s)
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
		if (!(l[i] = keep(g, in[i])))
			return TIES_ENOMEM;
	return 0;
}

/* A deep copy of the filter, so the graph can explain itself later. */
static int keep_filter(ties_graph *g, const ties_filter *f)
{
	g->filter = *f;
	g->filter.kinds = g->filter.countries = NULL;
	g->filter.event_kinds = g->filter.relation_kinds = NULL;
	if (keep_list(g, f->kinds, f->nkinds, &g->filter.kinds) < 0 ||
	    keep_list(g, f->countries, f->ncountries, &g->filter.countries) <
		    0 ||
	    keep_list(g, f->event_kinds, f->nevent_kinds,
		      &g->filter.event_kinds) < 0 ||
	    keep_list(g, f->relation_kinds, f->nrelation_kinds,
		      &g->filter.relation_kinds) < 0)
		return TIES_ENOMEM;
	if ((f->from && !(g->filter.from = keep(g, f->from))) ||
	    (f->to && !(g->filter.to = keep(g, f->to))) ||
	    (f->at && !(g->filter.at = keep(g, f->at))))
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

/* ---------------------------------------------------------- filters --- */

static int in_list(const char *s, const char *const *list, size_t n)
{
	size_t i;

	if (n == 0)
		return 1;
	for (i = 0; s && i < n; i++)
		if (!strcmp(s, list[i]))
			return 1;
	return 0;
}

/* The state of one build. */
struct build {
	ties_db *db;
	ties_graph *g;
	const ties_filter *f;
	enum ties_projection p;
	edgemap map;
	char from_lo[11], to_hi[11];
	sqlite3_int64 *countries; /* country filter, as rowids */
	size_t ncountries;
	/* By entity rowid. */
	int32_t *node_of;	  /* node index, or -1 */
	sqlite3_int64 *home;	  /* home country rowid (self for a country) */
	unsigned char *is_inst;	  /* kind institution */
	sqlite3_int64 maxent, maxev;
	/* By event rowid. */
	unsigned char *accepted;
	char (*evdate)[11];	  /* lo of the event's date (institution) */
	char (*evdate_hi)[11];
	int32_t *event_node;	  /* bipartite: node of the event */
	/* The event being collected. */
	sqlite3_int64 cur_event;
	uint32_t *members;
	size_t nmembers, capmembers;
	/* Institution projection. */
	struct link {
		sqlite3_int64 from, to;
		char lo[11], hi[11];
	} *parents, *memberships;
	size_t nparents, capparents, nmemberships, capmemberships;
	sqlite3_int64 *inst_memo; /* 0 unknown, -1 none, else rowid */
};

static int date_in_window(const ties_filter *f, const char *date)
{
	char lo[11], hi[11], wlo[11], whi[11];

	if (!f->from && !f->to)
		return 1;
	if (!date || !*date)
		return 0;
	ties_date__lo(date, lo);
	ties_date__hi(date, hi);
	if (f->from) {
		ties_date__lo(f->from, wlo);
		if (strcmp(hi, wlo) < 0)
			return 0;
	}
	if (f->to) {
		ties_date__hi(f->to, whi);
		if (strcmp(lo, whi) > 0)
			return 0;
	}
	return 1;
}

/* A relation's [start, end] overlaps the window; undated is timeless. */
static int span_in_window(const ties_filter *f, const char *start,
			  const char *end)
{
	char lo[11], hi[11], w[11];

	if (start && *start && f->to) {
		ties_date__lo(start, lo);
		ties_date__hi(f->to, w);
		if (strcmp(lo, w) > 0)
			return 0;
	}
	if (end && *end && f->from) {
		ties_date__hi(end, hi);
		ties_date__lo(f->from, w);
		if (strcmp(hi, w) < 0)
			return 0;
	}
	return 1;
}

int ties_filter__event_ok(const ties_filter *f, const char *kind,
			  const char *date)
{
	char lo[11], at[11];

	if (f->at) {
		if (!date || !*date)
			return 0;
		ties_date__lo(date, lo);
		ties_date__hi(f->at, at);
		if (strcmp(lo, at) > 0)
			return 0;
	}
	return in_list(kind, f->event_kinds, f->nevent_kinds) &&
	       date_in_window(f, date);
}

int ties_filter__relation_ok(const ties_filter *f, const char *kind,
			     const char *start, const char *end)
{
	char x[11], at[11];

	/* In force on the snapshot's date: started by then, not ended. */
	if (f->at && start && *start) {
		ties_date__lo(start, x);
		ties_date__hi(f->at, at);
		if (strcmp(x, at) > 0)
			return 0;
	}
	if (f->at && end && *end) {
		ties_date__hi(end, x);
		ties_date__lo(f->at, at);
		if (strcmp(x, at) < 0)
			return 0;
	}
	return in_list(kind, f->relation_kinds, f->nrelation_kinds) &&
	       span_in_window(f, start, end);
}

static int country_ok(struct build *b, sqlite3_int64 rowid,
		      sqlite3_int64 country)
{
	size_t i;

	if (b->ncountries == 0)
		return 1;
	for (i = 0; i < b->ncountries; i++)
		if (b->countries[i] == country || b->countries[i] == rowid)
			return 1;
	return 0;
}

/* --------------------------------------------------------- streams --- */

static int on_entity(void *ctx, sqlite3_int64 rowid, const char *id,
		     const char *name, const char *kind, sqlite3_int64 country,
		     const char *country_id, const char *country_name, int used)
{
	struct build *b = ctx;
	int is_country = !strcmp(kind, "country");
	int node;

	b->home[rowid] = is_country ? rowid : country;
	b->is_inst[rowid] = !strcmp(kind, "institution");
	if (b->p == TIES_GRAPH_COUNTRY)
		return 0; /* the entity graph is built apart */
	if (!used || !in_list(kind, b->f->kinds, b->f->nkinds) ||
	    !country_ok(b, rowid, country))
		return 0;
	if (b->p == TIES_GRAPH_INSTITUTION && !b->is_inst[rowid])
		return 0;
	node = (int)b->g->n;
	if (add_node(b->g, rowid, 0, id, name, kind, country_id, country_name,
		     country) < 0)
		return ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
	b->node_of[rowid] = node;
	return 0;
}

static int on_event(void *ctx, sqlite3_int64 rowid, const char *id,
		    const char *title, const char *kind, const char *date)
{
	struct build *b = ctx;

	if (!ties_filter__event_ok(b->f, kind, date))
		return 0;
	b->accepted[rowid] = 1;
	if (b->evdate && b->evdate_hi) {
		if (date && *date) {
			ties_date__lo(date, b->evdate[rowid]);
			ties_date__hi(date, b->evdate_hi[rowid]);
		}
	}
	if (b->p == TIES_GRAPH_BIPARTITE) {
		b->event_node[rowid] = (int32_t)b->g->n;
		if (add_node(b->g, rowid, 1, id, title, kind, NULL, NULL, 0) <
		    0)
			return ties_db__seterr(b->db, TIES_ENOMEM,
					       "out of memory");
	}
	return 0;
}

static int push_member(struct build *b, uint32_t node)
{
	if (b->nmembers == b->capmembers) {
		size_t cap = b->capmembers ? b->capmembers * 2 : 64;
		uint32_t *p = realloc(b->members, cap * sizeof(*p));

		if (!p)
			return TIES_ENOMEM;
		b->members = p;
		b->capmembers = cap;
	}
	b->members[b->nmembers++] = node;
	return 0;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;

	return a < c ? -1 : a > c;
}

static int cmp_link(const void *x, const void *y)
{
	const struct link *a = x, *c = y;

	return a->from < c->from ? -1 : a->from > c->from;
}

/* The first institution up the part_of chain of `e` (itself included);
 * -1 when none. Memoised; cycles and chains over 32 long give none. */
static sqlite3_int64 institution_of(struct build *b, sqlite3_int64 e, int depth)
{
	sqlite3_int64 r = -1;
	size_t lo = 0, hi = b->nparents;

	if (e <= 0 || e > b->maxent)
		return -1;
	if (b->inst_memo[e])
		return b->inst_memo[e];
	if (b->is_inst[e])
		return b->inst_memo[e] = e;
	if (depth > 32)
		return -1;
	b->inst_memo[e] = -1; /* a cycle back here finds none */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (b->parents[mid].from < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->nparents && b->parents[lo].from == e && r < 0; lo++)
		r = institution_of(b, b->parents[lo].to, depth + 1);
	return b->inst_memo[e] = r;
}

/* Add to the members the node(s) entity `e` stands for at event `ev`. */
static int collect(struct build *b, sqlite3_int64 e, sqlite3_int64 ev)
{
	sqlite3_int64 inst;
	size_t lo = 0, hi;

	if (b->p != TIES_GRAPH_INSTITUTION) {
		if (b->node_of[e] >= 0)
			return push_member(b, (uint32_t)b->node_of[e]);
		return 0;
	}
	inst = institution_of(b, e, 0);
	if (inst > 0)
		return b->node_of[inst] >= 0
			       ? push_member(b, (uint32_t)b->node_of[inst])
			       : 0;
	/* A person: the institutions of their memberships at the date. */
	hi = b->nmemberships;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (b->memberships[mid].from < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->nmemberships && b->memberships[lo].from == e; lo++) {
		const struct link *m = &b->memberships[lo];
		const char *dlo = ev ? b->evdate[ev] : "";
		const char *dhi = ev ? b->evdate_hi[ev] : "";

		if (*dlo && ((*m->lo && strcmp(dhi, m->lo) < 0) ||
			     (*m->hi && strcmp(dlo, m->hi) > 0)))
			continue;
		inst = institution_of(b, m->to, 0);
		if (inst > 0 && b->node_of[inst] >= 0 &&
		    push_member(b, (uint32_t)b->node_of[inst]) < 0)
			return TIES_ENOMEM;
	}
	return 0;
}

/* Tie every pair of the collected members once. */
static int flush_event(struct build *b)
{
	size_t i, j, n = 0;

	if (b->nmembers == 0)
		return 0;
	qsort(b->members, b->nmembers, sizeof(*b->members), cmp_u32);
	for (i = 0; i < b->nmembers; i++)
		if (i == 0 || b->members[i] != b->members[i - 1])
			b->members[n++] = b->members[i];
	if (b->p == TIES_GRAPH_BIPARTITE) {
		uint32_t evnode = (uint32_t)b->event_node[b->cur_event];

		for (i = 0; i < n; i++)
			if (add_tie(b->g, &b->map, b->members[i], evnode, 1) <
				    0 ||
			    tie_dates(b->g, b->evdate ? b->evdate[b->cur_event] : NULL,
				      b->evdate_hi ? b->evdate_hi[b->cur_event]
						   : NULL) < 0)
				return TIES_ENOMEM;
	} else {
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (add_tie(b->g, &b->map, b->members[i],
					    b->members[j], 1) < 0 ||
				    tie_dates(b->g,
					      b->evdate ? b->evdate[b->cur_event]
							: NULL,
					      b->evdate_hi
						      ? b->evdate_hi[b->cur_event]
						      : NULL) < 0)
					return TIES_ENOMEM;
	}
	b->nmembers = 0;
	return 0;
}

static int on_participant(void *ctx, sqlite3_int64 event, sqlite3_int64 entity)
{
	struct build *b = ctx;
	int rc;

	if (event != b->cur_event) {
		if ((rc = flush_event(b)) < 0)
			return ties_db__seterr(b->db, rc, "out of memory");
		b->cur_event = event;
	}
	if (event > b->maxev || !b->accepted[event] || entity > b->maxent)
		return 0;
	if (b->p == TIES_GRAPH_COUNTRY) {
		/* Collected as entity rowids; mapped to countries later. */
		return 0;
	}
	if (collect(b, entity, event) < 0)
		return ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
	return 0;
}

static int push_link(struct link **v, size_t *n, size_t *cap,
		     sqlite3_int64 from, sqlite3_int64 to, const char *start,
		     const char *end)
{
	struct link *l;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct link *p = realloc(*v, c * sizeof(*p));

		if (!p)
			return TIES_ENOMEM;
		*v = p;
		*cap = c;
	}
	l = &(*v)[(*n)++];
	l->from = from;
	l->to = to;
	l->lo[0] = l->hi[0] = '\0';
	if (start && *start)
		ties_date__lo(start, l->lo);
	if (end && *end)
		ties_date__hi(end, l->hi);
	return 0;
}

/* Institution projection, first pass: part_of and member_of links. */
static int on_link(void *ctx, sqlite3_int64 source, sqlite3_int64 target,
		   const char *kind, const char *start, const char *end)
{
	struct build *b = ctx;
	int rc = 0;

	if (!strcmp(kind, "part_of"))
		rc = push_link(&b->parents, &b->nparents, &b->capparents,
			       source, target, start, end);
	else if (!strcmp(kind, "member_of"))
		rc = push_link(&b->memberships, &b->nmemberships,
			       &b->capmemberships, source, target, start, end);
	return rc < 0 ? ties_db__seterr(b->db, rc, "out of memory") : 0;
}

static int on_relation(void *ctx, sqlite3_int64 source, sqlite3_int64 target,
		       const char *kind, const char *start, const char *end)
{
	struct build *b = ctx;
	size_t i, j, na;
	int rc;

	if (!ties_filter__relation_ok(b->f, kind, start, end) ||
	    b->p == TIES_GRAPH_BIPARTITE || b->p == TIES_GRAPH_COUNTRY)
		return 0;
	/* Memberships are what the institution projection rolls up. */
	if (b->p == TIES_GRAPH_INSTITUTION && !strcmp(kind, "member_of"))
		return 0;
	b->nmembers = 0;
	if ((rc = collect(b, source, 0)) < 0)
		return ties_db__seterr(b->db, rc, "out of memory");
	na = b->nmembers;
	if ((rc = collect(b, target, 0)) < 0)
		return ties_db__seterr(b->db, rc, "out of memory");
	{
		char lo[11] = "", hi[11] = "";

		if (start && *start)
			ties_date__lo(start, lo);
		if (end && *end)
			ties_date__hi(end, hi);
		else if (start && *start)
			ties_date__hi(start, hi);
		for (i = 0; i < na; i++)
			for (j = na; j < b->nmembers; j++)
				if (add_tie(b->g, &b->map, b->members[i],
					    b->members[j], 1) < 0 ||
				    tie_dates(b->g, lo, hi) < 0)
					return ties_db__seterr(
						b->db, TIES_ENOMEM,
						"out of memory");
	}
	b->nmembers = 0;
	return 0;
}

/* ------------------------------------------------------------ build --- */

static void build_release(struct build *b)
{
	edgemap_release(&b->map);
	free(b->countries);
	free(b->node_of);
	free(b->home);
	free(b->is_inst);
	free(b->accepted);
	free(b->evdate);
	free(b->evdate_hi);
	free(b->event_node);
	free(b->members);
	free(b->parents);
	free(b->memberships);
	free(b->inst_memo);
}

/* Keep only ties of at least the minimum weight. */
static void prune(ties_graph *g, double min)
{
	size_t i, m = 0;

	if (min <= 0)
		return;
	for (i = 0; i < g->m; i++)
		if (g->ew[i] >= min) {
			g->ea[m] = g->ea[i];
			g->eb[m] = g->eb[i];
			g->ew[m] = g->ew[i];
			if (g->events)
				g->events[m] = g->events[i];
			if (g->first && g->last) {
				memcpy(g->first[m], g->first[i], 11);
				memcpy(g->last[m], g->last[i], 11);
			}
			m++;
		}
	g->m = m;
}

/* Counting, per country tie, the events that gather both countries. */
struct country_events {
	struct build *b;
	const ties_graph *eg;
	const edgemap *map;
	const int32_t *cnode;
	sqlite3_int64 cur;
	uint32_t *cs;
	size_t n, cap;
};

static int on_event_date(void *ctx, sqlite3_int64 rowid, const char *id,
			 const char *title, const char *kind, const char *date)
{
	struct build *b = ctx;

	(void)id;
	(void)title;
	if (ties_filter__event_ok(b->f, kind, date)) {
		b->accepted[rowid] = 1;
		if (date && *date)
			ties_date__lo(date, b->evdate[rowid]);
	}
	return 0;
}

static void country_event_flush(struct country_events *ce)
{
	ties_graph *g = ce->b->g;
	const char *date;
	size_t i, j, n = 0;

	if (ce->n < 2 || ce->cur < 0) {
		ce->n = 0;
		return;
	}
	qsort(ce->cs, ce->n, sizeof(*ce->cs), cmp_u32);
	for (i = 0; i < ce->n; i++)
		if (i == 0 || ce->cs[i] != ce->cs[i - 1])
			ce->cs[n++] = ce->cs[i];
	date = ce->b->evdate[ce->cur];
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			long e = find_tie(ce->map, ce->cs[i], ce->cs[j]);

			if (e < 0)
				continue;
			g->events[e]++;
			if (*date && (!*g->first[e] || strcmp(date, g->first[e]) < 0))
				memcpy(g->first[e], date, 11);
			if (*date && strcmp(date, g->last[e]) > 0)
				memcpy(g->last[e], date, 11);
		}
	ce->n = 0;
}

static int on_country_participant(void *ctx, sqlite3_int64 event,
				  sqlite3_int64 entity)
{
	struct country_events *ce = ctx;
	struct build *b = ce->b;
	sqlite3_int64 c;

	if (event != ce->cur) {
		country_event_flush(ce);
		ce->cur = event;
	}
	if (event > b->maxev || !b->accepted[event] || entity > b->maxent ||
	    ties_graph__node_of(ce->eg, entity) < 0 ||
	    (c = b->home[entity]) <= 0 || ce->cnode[c] < 0)
		return 0;
	if (ce->n == ce->cap) {
		size_t cap = ce->cap ? ce->cap * 2 : 64;
		uint32_t *p = realloc(ce->cs, cap * sizeof(*p));

		if (!p)
			return ties_db__seterr(b->db, TIES_ENOMEM,
					       "out of memory");
		ce->cs = p;
		ce->cap = cap;
	}
	ce->cs[ce->n++] = (uint32_t)ce->cnode[c];
	return 0;
}

/* The entity graph, then each tie between entities of different home
 * countries added to the tie between those countries. */
static int project_countries(struct build *b)
{
	ties_graph *g = b->g, *eg = NULL;
	ties_filter f = *b->f;
	int32_t *cnode = NULL;
	edgemap map = {0};
	size_t i;
	int rc;

	f.min_weight = 0;
	if ((rc = ties_graph_build(b->db, &eg, TIES_GRAPH_ENTITY, &f)) < 0)
		return rc;
	if (!(cnode = malloc(((size_t)b->maxent + 1) * sizeof(*cnode)))) {
		rc = ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i <= (size_t)b->maxent; i++)
		cnode[i] = -1;
	/* Country nodes in the order of their rowids. */
	for (i = 0; i < eg->n; i++) {
		sqlite3_int64 c = b->home[eg->nodes[i].rowid];

		if (c > 0)
			cnode[c] = -2;
	}
	for (i = 1; i <= (size_t)b->maxent; i++)
		if (cnode[i] == -2) {
			cnode[i] = (int32_t)g->n;
			if ((rc = add_node(g, (sqlite3_int64)i, 0, NULL, NULL,
					   "country", NULL, NULL, 0)) < 0) {
				rc = ties_db__seterr(b->db, rc,
						     "out of memory");
				goto done;
			}
		}
	for (i = 0; i < eg->m; i++) {
		sqlite3_int64 ca = b->home[eg->nodes[eg->ea[i]].rowid];
		sqlite3_int64 cb = b->home[eg->nodes[eg->eb[i]].rowid];

		if (ca > 0 && cb > 0 && ca != cb &&
		    add_tie(g, &map, (uint32_t)cnode[ca], (uint32_t)cnode[cb],
			    eg->ew[i]) < 0) {
			rc = ties_db__seterr(b->db, TIES_ENOMEM,
					     "out of memory");
			goto done;
		}
	}
	/* Events per country tie, with their first and last dates. */
	g->events = calloc(g->m ? g->m : 1, sizeof(*g->events));
	g->first = calloc(g->m ? g->m : 1, sizeof(*g->first));
	g->last = calloc(g->m ? g->m : 1, sizeof(*g->last));
	if (!g->events || !g->first || !g->last) {
		rc = ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	{
		struct country_events ce;

		memset(&ce, 0, sizeof(ce));
		ce.b = b;
		ce.eg = eg;
		ce.map = &map;
		ce.cnode = cnode;
		ce.cur = -1;
		rc = ties_store__scan_events(b->db, on_event_date, b);
		if (rc == 0)
			rc = ties_store__scan_participants(
				b->db, on_country_participant, &ce);
		if (rc == 0)
			country_event_flush(&ce);
		free(ce.cs);
		if (rc != 0)
			goto done;
	}
	rc = 0;
done:
	edgemap_release(&map);
	free(cnode);
	ties_graph_free(eg);
	return rc;
}

/* Names of the country nodes, which the entity scan did not make. */
static int on_country_name(void *ctx, sqlite3_int64 rowid, const char *id,
			   const char *name, const char *kind,
			   sqlite3_int64 country, const char *country_id,
			   const char *country_name, int used)
{
	ties_graph *g = ctx;
	size_t lo = 0, hi = g->n;

	(void)kind;
	(void)country;
	(void)country_id;
	(void)country_name;
	(void)used;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (g->nodes[mid].rowid < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < g->n && g->nodes[lo].rowid == rowid) {
		char *i = strdup(id), *n = strdup(name);

		if (!i || !n) {
			free(i);
			free(n);
			return TIES_ENOMEM;
		}
		free(g->nodes[lo].id);
		free(g->nodes[lo].name);
		g->nodes[lo].id = i;
		g->nodes[lo].name = n;
	}
	return 0;
}

int ties_filter__plain(const ties_filter *f)
{
	return !f->nkinds && !f->ncountries && !f->nevent_kinds &&
	       !f->nrelation_kinds && !f->from && !f->to && !f->at &&
	       !f->with_dates;
}

/* Whether graph p with filter f is the snapshot's: the entity graph
 * without filters (a minimum weight is applied afterwards). */
static int plain(enum ties_projection p, const ties_filter *f)
{
	return p == TIES_GRAPH_ENTITY && ties_filter__plain(f);
}

/* The ties of g from the snapshot, when its nodes are g's: 1, else 0. */
static int from_snap(ties_graph *g, const struct ties_snap *sn)
{
	size_t i, cap = sn->m ? (size_t)sn->m : 1;

	if (sn->n != g->n)
		return 0;
	for (i = 0; i < g->n; i++)
		if (g->nodes[i].rowid != sn->rowid[i])
			return 0;
	if (!(g->ea = malloc(cap * sizeof(*g->ea))) ||
	    !(g->eb = malloc(cap * sizeof(*g->eb))) ||
	    !(g->ew = malloc(cap * sizeof(*g->ew))))
		return TIES_ENOMEM;
	memcpy(g->ea, sn->ea, (size_t)sn->m * sizeof(*g->ea));
	memcpy(g->eb, sn->eb, (size_t)sn->m * sizeof(*g->eb));
	memcpy(g->ew, sn->a.ew, (size_t)sn->m * sizeof(*g->ew));
	g->m = (size_t)sn->m;
	g->capm = cap;
	return 1;
}

int ties_graph_build(ties_db *db, ties_graph **out, enum ties_projection p,
		     const ties_filter *filter)
{
	static const ties_filter none;
	struct build b;
	struct ties_snap sn = {0};
	uint64_t gen = 0;
	ties_graph *g;
	size_t i;
	int rc, snap, have = 0, own_txn = 0;

	assert(db && out);
	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.db = db;
	b.p = p;
	b.f = filter ? filter : &none;
	b.cur_event = -1;
	if ((b.f->from && ties_check__date(db, "--from date", b.f->from) < 0) ||
	    (b.f->to && ties_check__date(db, "--to date", b.f->to) < 0) ||
	    (b.f->at && ties_check__date(db, "date", b.f->at) < 0))
		return TIES_EINVALID;
	if (b.f->from)
		ties_date__lo(b.f->from, b.from_lo);
	if (b.f->to)
		ties_date__hi(b.f->to, b.to_hi);
	if (b.f->from && b.f->to && strcmp(b.from_lo, b.to_hi) > 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "--from '%s' is after --to '%s'",
				       b.f->from, b.f->to);
	if (!(g = calloc(1, sizeof(*g))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	g->db = db;
	g->projection = p;
	b.g = g;
	if (keep_filter(g, b.f) < 0) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto fail;
	}

	if (b.f->ncountries &&
	    !(b.countries = calloc(b.f->ncountries, sizeof(*b.countries)))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i < b.f->ncountries; i++)
		if ((rc = ties_store__resolve_as(db, b.f->countries[i],
						 "country", "country",
						 &b.countries[i])) < 0)
			goto fail;
	b.ncountries = b.f->ncountries;
	if ((rc = ties_store__max_rowids(db, &b.maxent, &b.maxev)) < 0)
		goto fail;
	b.node_of = malloc(((size_t)b.maxent + 1) * sizeof(*b.node_of));
	b.home = calloc((size_t)b.maxent + 1, sizeof(*b.home));
	b.is_inst = calloc((size_t)b.maxent + 1, 1);
	b.accepted = calloc((size_t)b.maxev + 1, 1);
	if (p == TIES_GRAPH_BIPARTITE)
		b.event_node = calloc((size_t)b.maxev + 1,
				      sizeof(*b.event_node));
	if (p == TIES_GRAPH_INSTITUTION || p == TIES_GRAPH_COUNTRY ||
	    b.f->with_dates) {
		b.evdate = calloc((size_t)b.maxev + 1, sizeof(*b.evdate));
		b.evdate_hi = calloc((size_t)b.maxev + 1,
				     sizeof(*b.evdate_hi));
		b.inst_memo = calloc((size_t)b.maxent + 1,
				     sizeof(*b.inst_memo));
	}
	if (!b.node_of || !b.home || !b.is_inst || !b.accepted ||
	    (p == TIES_GRAPH_BIPARTITE && !b.event_node) ||
	    ((p == TIES_GRAPH_INSTITUTION || p == TIES_GRAPH_COUNTRY ||
	      b.f->with_dates) &&
	     (!b.evdate || !b.evdate_hi || !b.inst_memo))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto fail;
	}
	for (i = 0; i <= (size_t)b.maxent; i++)
		b.node_of[i] = -1;

	/* The unfiltered entity graph comes from the snapshot when it is of
	 * the data's generation (read in the same transaction as the data),
	 * and is left as the snapshot when it was projected. Not inside a
	 * writing transaction: its changes have no generation yet. */
	snap = plain(p, b.f) && db->txn_depth == 0 &&
	       ties_store__filename(db) != NULL;
	if (snap) {
		if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
			goto fail;
		have = ties_snap__open(db, gen, &sn);
	}
	if ((rc = ties_store__scan_entities(db, on_entity, &b)) != 0)
		goto fail;
	if (have) {
		rc = from_snap(g, &sn);
		ties_snap__close(&sn);
		if (rc < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto fail;
		}
		if (rc == 1)
			goto finish;
	}
	if (p == TIES_GRAPH_COUNTRY) {
		if ((rc = project_countries(&b)) < 0 ||
		    (rc = ties_store__scan_entities(db, on_country_name, g)) !=
			    0)
			goto fail;
		goto finish;
	}
	if ((rc = ties_store__scan_events(db, on_event, &b)) != 0)
		goto fail;
	if (p == TIES_GRAPH_INSTITUTION) {
		if ((rc = ties_store__scan_relations(db, on_link, &b)) != 0)
			goto fail;
		if (b.nparents)
			qsort(b.parents, b.nparents, sizeof(*b.parents),
			      cmp_link);
		if (b.nmemberships)
			qsort(b.memberships, b.nmemberships,
			      sizeof(*b.memberships), cmp_link);
	}
	if ((rc = ties_store__scan_participants(db, on_participant, &b)) != 0)
		goto fail;
	if ((rc = flush_event(&b)) < 0) {
		rc = ties_db__seterr(db, rc, "out of memory");
		goto fail;
	}
	if ((rc = ties_store__scan_relations(db, on_relation, &b)) != 0)
		goto fail;
	if (snap) {
		struct ties_adj a;

		/* No snapshot (a read-only directory) only costs time. */
		if (ties_adj__build(g, &a) == 0) {
			ties_snap__write(db, gen, g, &a);
			ties_adj__release(&a);
		}
	}
finish:
	prune(g, b.f->min_weight);
	if (snap && b.f->min_weight <= 0)
		g->snap_gen = gen;
	build_release(&b);
	ties_snap__end(db, own_txn);
	*out = g;
	return 0;
fail:
	build_release(&b);
	ties_snap__close(&sn);
	ties_snap__end(db, own_txn);
	ties_graph_free(g);
	return rc < 0 ? rc : TIES_ERROR;
}

/* ------------------------------------------- a focus, from the snapshot --- */

static int on_sub_entity(void *ctx, sqlite3_int64 rowid, const char *id,
			 const char *name, const char *kind,
			 sqlite3_int64 country, const char *country_id,
			 const char *country_name, int used)
{
	ties_graph *g = ctx;

	(void)used;
	if (add_node(g, rowid, 0, id, name, kind, country_id, country_name,
		     country) < 0)
		return ties_db__seterr(g->db, TIES_ENOMEM, "out of memory");
	return 0;
}

int ties_scored__cmp(const void *x, const void *y)
{
	const struct ties_scored *a = x, *b = y;

	if (a->s != b->s)
		return a->s > b->s ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

struct sub_tie {
	uint32_t e, a, b;
};

static int cmp_sub_tie(const void *x, const void *y)
{
	const struct sub_tie *a = x, *b = y;

	return (a->e > b->e) - (a->e < b->e);
}

/* Mark in `in` the ends of v's three strongest ties (heaviest, then the
 * earliest tie), as a diagram's tooltip names them. */
static void mark_top3(const struct ties_snap *sn, uint32_t v,
		      unsigned char *in)
{
	const struct ties_adj *a = &sn->a;
	size_t best[3], nb = 0, j, k;

	for (j = a->start[v]; j < a->start[v + 1]; j++) {
		double w = a->ew[a->edge[j]];

		for (k = 0; k < nb; k++) {
			double bw = a->ew[a->edge[best[k]]];

			if (w > bw || (w == bw && a->edge[j] < a->edge[best[k]]))
				break;
		}
		if (k == 3)
			continue;
		if (nb < 3)
			nb++;
		memmove(&best[k + 1], &best[k], (nb - 1 - k) * sizeof(*best));
		best[k] = j;
	}
	for (k = 0; k < nb; k++)
		if (!in[a->nbr[best[k]]])
			in[a->nbr[best[k]]] = 1;
}

int ties_graph__focus(ties_db *db, const char *focus, long depth, long top,
		      enum ties_measure m, ties_graph **out, double **score,
		      unsigned char **keep)
{
	struct ties_snap sn = {0};
	sqlite3_int64 rowid, *rowids = NULL;
	uint64_t gen;
	double *all = NULL;
	int32_t *dist = NULL;
	uint32_t *queue = NULL, *loc = NULL, *nodes = NULL;
	unsigned char *in = NULL;
	struct ties_scored *cand = NULL;
	struct sub_tie *ties = NULL;
	ties_graph *g = NULL;
	size_t n, i, j, head = 0, tail = 0, ncand = 0, ns = 0, nt = 0, capt = 0;
	long src;
	int rc = 0, own_txn = 0;

	*out = NULL;
	*score = NULL;
	*keep = NULL;
	if (db->txn_depth > 0 || !ties_store__filename(db) || !focus)
		return 0;
	if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
		return rc;
	if (!ties_snap__open(db, gen, &sn))
		goto done; /* rc 0: no snapshot */
	n = (size_t)sn.n;
	if (!(all = malloc((n + 1) * sizeof(*all))))
		goto nomem;
	if (m == TIES_DEGREE) {
		for (i = 0; i < n; i++)
			all[i] = (double)(sn.a.start[i + 1] - sn.a.start[i]);
	} else if (m == TIES_STRENGTH ||
		   !ties_snap__scores_read(db, gen, ties_measure_name(m), n,
					   all)) {
		goto done; /* rc 0: the scores are not kept */
	}
	/* The focus: an entity of the snapshot, else the slow way says why
	 * not. */
	if (ties_store__resolve(db, focus, &rowid) < 0) {
		ties_db__clearerr(db);
		goto done;
	}
	if ((src = ties_snap__node(&sn, rowid)) < 0)
		goto done;

	/* Breadth first, to the depth. */
	if (!(dist = malloc((n + 1) * sizeof(*dist))) ||
	    !(queue = malloc((n + 1) * sizeof(*queue))) ||
	    !(in = calloc(n + 1, 1)))
		goto nomem;
	for (i = 0; i < n; i++)
		dist[i] = -1;
	dist[src] = 0;
	queue[tail++] = (uint32_t)src;
	while (head < tail) {
		uint32_t v = queue[head++];

		if (dist[v] >= (depth > 0 ? depth : 1))
			continue;
		for (j = sn.a.start[v]; j < sn.a.start[v + 1]; j++)
			if (dist[sn.a.nbr[j]] < 0) {
				dist[sn.a.nbr[j]] = dist[v] + 1;
				queue[tail++] = sn.a.nbr[j];
			}
	}
	/* The nodes drawn: the top N of those reached, by score. */
	if (!(cand = malloc((tail + 1) * sizeof(*cand))))
		goto nomem;
	for (i = 0; i < tail; i++) {
		cand[ncand].s = all[queue[i]];
		cand[ncand++].i = queue[i];
	}
	if (top > 0) {
		qsort(cand, ncand, sizeof(*cand), ties_scored__cmp);
		if (ncand > (size_t)top)
			ncand = (size_t)top;
	}
	for (i = 0; i < ncand; i++)
		in[cand[i].i] = 2;
	/* With the ends of their strongest ties, for the tooltips. */
	for (i = 0; i < ncand; i++)
		mark_top3(&sn, (uint32_t)cand[i].i, in);
	for (i = 0; i < n; i++)
		ns += in[i] != 0;
	if (!(loc = malloc((n + 1) * sizeof(*loc))) ||
	    !(nodes = malloc((ns + 1) * sizeof(*nodes))) ||
	    !(rowids = malloc((ns + 1) * sizeof(*rowids))))
		goto nomem;
	for (i = 0, ns = 0; i < n; i++)
		if (in[i]) {
			loc[i] = (uint32_t)ns;
			rowids[ns] = sn.rowid[i];
			nodes[ns++] = (uint32_t)i;
		}
	/* The ties among them, in the graph's order. */
	for (i = 0; i < ns; i++) {
		uint32_t v = nodes[i];

		for (j = sn.a.start[v]; j < sn.a.start[v + 1]; j++) {
			uint32_t u = sn.a.nbr[j];

			if (u <= v || !in[u])
				continue;
			if (nt == capt) {
				size_t cap = capt ? 2 * capt : 1024;
				struct sub_tie *p = realloc(ties,
							    cap * sizeof(*p));

				if (!p)
					goto nomem;
				ties = p;
				capt = cap;
			}
			ties[nt].e = sn.a.edge[j];
			ties[nt].a = loc[v];
			ties[nt++].b = loc[u];
		}
	}
	if (nt)
		qsort(ties, nt, sizeof(*ties), cmp_sub_tie);
	if (!(g = calloc(1, sizeof(*g))))
		goto nomem;
	g->db = db;
	g->projection = TIES_GRAPH_ENTITY;
	if ((rc = ties_store__entities_at(db, rowids, ns, on_sub_entity, g)) <
	    0)
		goto done;
	if (!(g->ea = malloc((nt + 1) * sizeof(*g->ea))) ||
	    !(g->eb = malloc((nt + 1) * sizeof(*g->eb))) ||
	    !(g->ew = malloc((nt + 1) * sizeof(*g->ew))) ||
	    !(*score = malloc((ns + 1) * sizeof(**score))) ||
	    !(*keep = malloc(ns + 1)))
		goto nomem;
	for (i = 0; i < nt; i++) {
		g->ea[i] = ties[i].a;
		g->eb[i] = ties[i].b;
		g->ew[i] = sn.a.ew[ties[i].e];
	}
	g->m = g->capm = nt;
	for (i = 0; i < ns; i++) {
		(*score)[i] = all[nodes[i]];
		(*keep)[i] = in[nodes[i]] == 2;
	}
	*out = g;
	g = NULL;
	rc = 1;
	goto done;
nomem:
	rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
done:
	if (rc != 1) {
		free(*score);
		free(*keep);
		*score = NULL;
		*keep = NULL;
	}
	ties_graph_free(g);
	ties_snap__close(&sn);
	ties_snap__end(db, own_txn);
	free(all);
	free(dist);
	free(queue);
	free(in);
	free(cand);
	free(loc);
	free(nodes);
	free(rowids);
	free(ties);
	return rc;
}
