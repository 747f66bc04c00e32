/*
 * draw_edges.c — the drawn ties of a diagram: width by weight, line style by
 * the evidence (MoU, meeting, membership), the count of evidence as a label
 * on small diagrams and the first pieces of it in the tooltip.
 *
 * The events behind the ties are read once for all drawn entities, in the
 * order of their dates, and each tie's events are the merge of its two
 * entities' lists: asking the store pair by pair intersects two lists of
 * thousands of events per tie on dense data (a UN co-vote tie holds ~5,000).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "graph/graph.h"
#include "render/draw_int.h"

/* What an edge is made of: counts by kind, for style and tooltip. */
struct edge_ev {
	const ties_filter *f;
	long total, mou, meeting, member;
	int more; /* stopped reading relations at 500 */
	ties_buf tip;
};

/* The kinds of evidence that style a line. */
enum { OTHER_KIND, MOU, MEETING, MEMBER };

static int kind_class(const char *kind)
{
	return !kind			    ? OTHER_KIND
	       : !strcmp(kind, "mou")	    ? MOU
	       : !strcmp(kind, "meeting")   ? MEETING
	       : !strcmp(kind, "member_of") ? MEMBER
					    : OTHER_KIND;
}

/* A piece of evidence in a tooltip: "kind date". */
static void put_tip(ties_buf *b, const char *kind, const char *date)
{
	ties_buf__printf(b, "%s%s%s", kind ? kind : "",
			 date && *date ? " " : "", date ? date : "");
}

/* An event as the drawn ties see it: its kind_class() and "kind date" for
 * tooltips. */
struct ev {
	sqlite3_int64 rowid;
	int cls;
	char *tip;
};

/* A drawn entity's events: indexes into the events, ascending = by date. */
struct evlist {
	uint32_t *ix;
	size_t n, cap;
};

struct events {
	const ties_filter *f;
	struct ev *v;
	size_t n, cap;
	struct evlist *of; /* by slot of a drawn entity */
	int nomem;
};

static int on_set_event(void *ctx, size_t i, sqlite3_int64 event,
			const char *kind, const char *date)
{
	struct events *es = ctx;
	struct evlist *l = &es->of[i];
	ties_buf b = TIES_BUF_INIT;

	if (!ties_filter__event_ok(es->f, kind, date))
		return 0;
	/* Rows of one event come together: a new rowid is a new event. */
	if (!es->n || es->v[es->n - 1].rowid != event) {
		if (ties__grow(&es->v, &es->cap, es->n, sizeof(*es->v)) < 0)
			goto nomem;
		put_tip(&b, kind, date);
		if (b.oom || !(es->v[es->n].tip = ties_buf__detach(&b)))
			goto nomem;
		es->v[es->n].rowid = event;
		es->v[es->n].cls = kind_class(kind);
		es->n++;
	}
	/* Once an event however many roles. */
	if (l->n && l->ix[l->n - 1] == es->n - 1)
		return 0;
	if (ties__grow(&l->ix, &l->cap, l->n, sizeof(*l->ix)) < 0)
		goto nomem;
	l->ix[l->n++] = (uint32_t)(es->n - 1);
	return 0;
nomem:
	ties_buf__release(&b);
	es->nomem = 1;
	return 1;
}

static void events_release(struct events *es, size_t nslots)
{
	for (size_t i = 0; i < es->n; i++)
		free(es->v[i].tip);
	free(es->v);
	for (size_t i = 0; es->of && i < nslots; i++)
		free(es->of[i].ix);
	free(es->of);
}

/* Count one piece of evidence; the first five go into the tooltip. */
static void count(struct edge_ev *e, int cls, const char *tip)
{
	e->total++;
	e->mou += cls == MOU;
	e->meeting += cls == MEETING;
	e->member += cls == MEMBER;
	if (e->total <= 5) {
		if (e->tip.len)
			ties_buf__puts(&e->tip, "; ");
		ties_buf__puts(&e->tip, tip);
	} else if (e->total == 6) {
		ties_buf__puts(&e->tip, "; …");
	}
}

/* The events both ends took part in: a merge of the two sorted lists. */
static void common_events(const struct events *es, const struct evlist *x,
			  const struct evlist *y, struct edge_ev *e)
{
	size_t i = 0, j = 0;

	while (i < x->n && j < y->n) {
		if (x->ix[i] < y->ix[j]) {
			i++;
		} else if (x->ix[i] > y->ix[j]) {
			j++;
		} else {
			const struct ev *v = &es->v[x->ix[i]];

			count(e, v->cls, v->tip);
			i++;
			j++;
		}
	}
}

static int on_relation(void *ctx, const ties_evidence *ev)
{
	struct edge_ev *e = ctx;
	ties_buf b = TIES_BUF_INIT;

	if (!ties_filter__relation_ok(e->f, ev->kind, ev->date, ev->end))
		return 0;
	if (e->total >= 500) {
		e->more = 1;
		return 1;
	}
	put_tip(&b, ev->kind, ev->date);
	count(e, kind_class(ev->kind), ties_buf__str(&b));
	ties_buf__release(&b);
	return 0;
}

/* Read the events of every entity with a drawn tie; slot[i] is node i's
 * place among them (or SIZE_MAX). */
static int read_events(ties_db *db, const ties_graph *g, const struct scene *sc,
		       size_t *slot, size_t *nslots, struct events *es)
{
	sqlite3_int64 *rows;
	size_t n = 0;
	int rc;

	for (size_t i = 0; i < g->n; i++)
		slot[i] = SIZE_MAX;
	for (size_t e = 0; e < g->m; e++) {
		uint32_t ends[2] = {g->ea[e], g->eb[e]};

		if (!sc->keep[ends[0]] || !sc->keep[ends[1]] || !sc->drawn[e])
			continue;
		for (int k = 0; k < 2; k++)
			if (slot[ends[k]] == SIZE_MAX)
				slot[ends[k]] = n++;
	}
	*nslots = n;
	rows = malloc((n ? n : 1) * sizeof(*rows));
	es->of = calloc(n ? n : 1, sizeof(*es->of));
	if (!rows || !es->of) {
		free(rows);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < g->n; i++)
		if (slot[i] != SIZE_MAX)
			rows[slot[i]] = g->nodes[i].rowid;
	rc = ties_store__set_events(db, rows, n, on_set_event, es);
	free(rows);
	if (es->nomem)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	return rc < 0 ? rc : 0;
}

static void style(struct scene *sc, Agedge_t *edge, const struct edge_ev *ev)
{
	if (ev->mou) {
		ties_gv__set(edge, "style", "bold");
		sc->styles |= 1;
	} else if (ev->meeting) {
		ties_gv__set(edge, "style", "dashed");
		sc->styles |= 2;
	} else if (ev->member) {
		ties_gv__set(edge, "style", "dotted");
		sc->styles |= 4;
	} else {
		sc->styles |= 8;
	}
}

int ties_rd__add_edges(ties_db *db, const ties_graph *g, struct drawing *d,
		       struct scene *sc, size_t nshown)
{
	struct events es = {0};
	size_t *slot = NULL, nslots = 0;
	char num[64];
	int rc = 0;
	int entity = g->projection == TIES_GRAPH_ENTITY;

	es.f = &g->filter;
	if (entity) {
		if (!(slot = malloc((g->n ? g->n : 1) * sizeof(*slot)))) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		if ((rc = read_events(db, g, sc, slot, &nslots, &es)) < 0)
			goto done;
	}
	for (size_t e = 0; e < g->m; e++) {
		uint32_t a = g->ea[e], c = g->eb[e];
		struct edge_ev ev;
		Agedge_t *edge;

		if (!sc->keep[a] || !sc->keep[c] || !sc->drawn[e])
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.f = &g->filter;
		if (entity) {
			common_events(&es, &es.of[slot[a]], &es.of[slot[c]],
				      &ev);
			rc = ties_store__pair_relations(db, g->nodes[a].rowid,
							g->nodes[c].rowid,
							on_relation, &ev);
			if (rc != 0 && !(rc == 1 && ev.more)) {
				ties_buf__release(&ev.tip);
				rc = rc < 0 ? rc : TIES_ERROR;
				goto done;
			}
			rc = 0;
		}
		edge = agedge(d->g, sc->gvn[a], sc->gvn[c], NULL, 1);
		if (!edge) {
			ties_buf__release(&ev.tip);
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto done;
		}
		snprintf(num, sizeof(num), "%.2f",
			 0.5 + 4.5 * sqrt(sc->maxw > 0 ? g->ew[e] / sc->maxw
						       : 0));
		ties_gv__set(edge, "penwidth", num);
		style(sc, edge, &ev);
		if (ev.total > 1 && ev.total < 100 && nshown <= 80) {
			snprintf(num, sizeof(num), "%ld", ev.total);
			ties_gv__set(edge, "label", num);
			ties_gv__set(edge, "fontsize", "8");
			ties_gv__set(edge, "fontcolor", "#666666");
		}
		ties_buf__clear(&sc->b);
		ties_gv__esc_label(&sc->b, g->nodes[a].name);
		ties_buf__puts(&sc->b, " — ");
		ties_gv__esc_label(&sc->b, g->nodes[c].name);
		if (ev.tip.len) {
			ties_buf__puts(&sc->b, ": ");
			ties_gv__esc_label(&sc->b, ties_buf__str(&ev.tip));
		} else {
			snprintf(num, sizeof(num), ": weight %g", g->ew[e]);
			ties_buf__puts(&sc->b, num);
		}
		ties_gv__set_tooltip(edge, ties_buf__str(&sc->b));
		ties_buf__release(&ev.tip);
	}
done:
	events_release(&es, nslots);
	free(slot);
	return rc;
}
