/*
 * country.c — the country projection: the entity graph, then each tie
 * between entities of different home countries added to the tie between
 * those countries, with the events that gather both countries and their
 * first and last dates.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

static int cmp_node(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;

	return a < c ? -1 : a > c;
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
	/* Per tie, its first and last dates as YYYYMMDD numbers (0 none):
	 * compared for every pair of every event, written as text only
	 * when they move. */
	uint32_t *fk, *lk;
};

/* "YYYY-MM-DD" as YYYYMMDD; 0 for "". */
static uint32_t date_key(const char *d)
{
	if (!*d)
		return 0;
	return (uint32_t)(atoi(d) * 10000 + atoi(d + 5) * 100 + atoi(d + 8));
}

static int on_event_date(void *ctx, sqlite3_int64 rowid, const char *id,
			 const char *title, const char *kind, const char *date)
{
	struct build *b = ctx;

	(void)id;
	(void)title;
	if (ties_filter__event_ok(b->f, kind, date)) {
		b->accepted[rowid] = 1;
		if (date && *date) {
			ties_date__lo(date, b->evdate[rowid]);
			ties_date__hi(date, b->evdate_hi[rowid]);
		}
	}
	return 0;
}

static void country_event_flush(struct country_events *ce)
{
	ties_graph *g = ce->b->g;
	const char *date, *hi;
	uint32_t dlo, dhi;
	size_t i, j, n = 0;

	if (ce->n < 2 || ce->cur < 0) {
		ce->n = 0;
		return;
	}
	qsort(ce->cs, ce->n, sizeof(*ce->cs), cmp_node);
	for (i = 0; i < ce->n; i++)
		if (i == 0 || ce->cs[i] != ce->cs[i - 1])
			ce->cs[n++] = ce->cs[i];
	/* A partial date is an interval: the tie's first day is the start of
	 * its first event's date, its last day the end of its last one's. */
	date = ce->b->evdate[ce->cur];
	hi = ce->b->evdate_hi[ce->cur];
	dlo = date_key(date);
	dhi = date_key(hi);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			for (int way = 0; way < 1 + g->directed; way++) {
				/* A directed graph: the arcs both ways. */
				long e = !g->directed
						 ? ties_gr__find_tie(ce->map,
								     ce->cs[i],
								     ce->cs[j])
					 : way ? ties_gr__find_arc(ce->map,
								   ce->cs[j],
								   ce->cs[i])
					       : ties_gr__find_arc(ce->map,
								   ce->cs[i],
								   ce->cs[j]);

				if (e < 0)
					continue;
				g->events[e]++;
				if (dlo && (!ce->fk[e] || dlo < ce->fk[e])) {
					ce->fk[e] = dlo;
					memcpy(g->first[e], date, 11);
				}
				if (dhi > ce->lk[e]) {
					ce->lk[e] = dhi;
					memcpy(g->last[e], hi, 11);
				}
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

/* With shares: add w to the denominator of g's last tie. */
static int add_both(ties_graph *g, double w)
{
	return TIES_DIVIDED(&g->filter) ? ties_gr__both_add(g, w) : 0;
}

/* The entity graph, then each tie between entities of different home
 * countries added to the tie between those countries. */
int ties_gr__project_countries(struct build *b)
{
	ties_graph *g = b->g, *eg = NULL;
	ties_filter f = *b->f;
	int32_t *cnode = NULL;
	edgemap map = {0};
	size_t i;
	int rc;

	f.min_weight = 0;
	if ((rc = ties_gr__build(b->db, &eg, TIES_GRAPH_ENTITY, &f, 0)) < 0)
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
			if ((rc = ties_gr__add_node(g, (sqlite3_int64)i, 0,
						    NULL, NULL, "country", NULL,
						    NULL, 0)) < 0) {
				rc = ties_db__seterr(b->db, rc,
						     "out of memory");
				goto done;
			}
		}
	for (i = 0; i < eg->m; i++) {
		sqlite3_int64 ca = b->home[eg->nodes[eg->ea[i]].rowid];
		sqlite3_int64 cb = b->home[eg->nodes[eg->eb[i]].rowid];

		if (ca > 0 && cb > 0 && ca != cb &&
		    (ties_gr__add_tie(g, &map, (uint32_t)cnode[ca],
				      (uint32_t)cnode[cb], eg->ew[i]) < 0 ||
		     add_both(g, eg->both ? eg->both[i] : 0) < 0)) {
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
		ce.fk = calloc(g->m ? g->m : 1, sizeof(*ce.fk));
		ce.lk = calloc(g->m ? g->m : 1, sizeof(*ce.lk));
		if (!ce.fk || !ce.lk) {
			free(ce.fk);
			free(ce.lk);
			rc = ties_db__seterr(b->db, TIES_ENOMEM,
					     "out of memory");
			goto done;
		}
		rc = ties_store__scan_events(b->db, on_event_date, b);
		if (rc == 0)
			rc = ties_store__scan_participants(
				b->db, on_country_participant, &ce);
		if (rc == 0)
			country_event_flush(&ce);
		free(ce.cs);
		free(ce.fk);
		free(ce.lk);
		if (rc != 0)
			goto done;
	}
	rc = 0;
done:
	ties_gr__edgemap_release(&map);
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
	long lo = ties_graph__node_of(g, rowid);

	(void)kind;
	(void)country;
	(void)country_id;
	(void)country_name;
	(void)used;
	if (lo >= 0) {
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

int ties_gr__country_names(ties_db *db, ties_graph *g)
{
	return ties_store__scan_entities(db, on_country_name, g);
}
