/*
 * draw.c — network diagrams with Graphviz: a styled cgraph graph built
 * from a tie graph, written as DOT or laid out and rendered in-process by
 * gvc (SVG, PNG, PDF). With graphviz.c and draw_out.c, the only files that
 * know Graphviz (besides the DOT importer, which uses its parser).
 *
 * Determinism: nodes and edges are added in node order and colours go to
 * categories by frequency. Writing the built graph out (and its seeded
 * layout) is draw_out.c's.
 */
#define _XOPEN_SOURCE 700 /* srand48 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "render/graphviz.h"
#include "render/render_int.h"
#include "render/draw_int.h"

static const char *shape_of(const struct ties_graph_node *n)
{
	if (n->is_event)
		return "point";
	if (!strcmp(n->kind, "institution"))
		return "box";
	if (!strcmp(n->kind, "person"))
		return "ellipse";
	if (!strcmp(n->kind, "country"))
		return "doubleoctagon";
	if (!strcmp(n->kind, "department") || !strcmp(n->kind, "body"))
		return "component";
	return "hexagon";
}

int ties_layout_parse(const char *name)
{
	static const char *const names[] = {"dot",  "neato", "fdp",
					    "sfdp", "circo", "twopi"};
	int i;

	for (i = 0; i < 6; i++)
		if (!strcmp(name, names[i]))
			return i;
	return -1;
}

static const char *const layout_names[] = {"dot",  "neato", "fdp",
					   "sfdp", "circo", "twopi"};

/* The focus node of g, or an error when it is not in it. */
static int focus_node(ties_db *db, const ties_graph *g, const char *focus,
		      long *src)
{
	sqlite3_int64 rowid;
	int rc;

	if ((rc = ties_store__resolve(db, focus, &rowid)) < 0)
		return rc;
	if ((*src = ties_graph__node_of(g, rowid)) < 0)
		return ties_db__seterr(db, TIES_ENOTFOUND,
				       "'%s' is not in the graph (see the "
				       "filters)",
				       focus);
	return 0;
}

/* The nodes to draw: the ego network of the focus, node src (ties_gr__ego:
 * strongest ties first, up to --top), else the top N by score, else all.
 * keep[i] = 1 for a node drawn. */
static int select_nodes(ties_db *db, const ties_graph *g,
			const ties_draw_opts *o, long src, const double *score,
			unsigned char *keep, size_t *nkeep)
{
	size_t i, n = g->n;

	memset(keep, 1, n);
	if (o->focus) {
		int64_t *key = malloc((n + 1) * sizeof(*key));
		int rc;

		if (!key)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		for (i = 0; i < n; i++)
			key[i] = g->nodes[i].rowid;
		memset(keep, 0, n);
		rc = ties_gr__ego_edges(g, (uint32_t)src, o->depth, o->top,
					key, keep) < 0
			     ? ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory")
			     : 0;
		free(key);
		if (rc < 0)
			return rc;
		for (i = 0; i < n; i++)
			keep[i] = keep[i] == 2;
	} else if (o->top > 0) {
		/* The top N, by score, ties by node order. */
		size_t kept = 0;
		struct ties_scored *idx = malloc((n + 1) * sizeof(*idx));

		if (!idx)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		for (i = 0; i < n; i++) {
			idx[kept].s = score[i];
			idx[kept++].i = i;
		}
		qsort(idx, kept, sizeof(*idx), ties_scored__cmp);
		memset(keep, 0, n);
		for (i = 0; i < kept && i < (size_t)o->top; i++)
			keep[idx[i].i] = 1;
		free(idx);
	}
	for (i = 0, *nkeep = 0; i < n; i++)
		*nkeep += keep[i];
	return 0;
}

/* The strongest three ties of every drawn node, in one pass over the ties
 * (best[3 * v + k], -1 when fewer): heaviest first, then in tie order. */
static long *top_ties_all(const ties_graph *g, const unsigned char *keep)
{
	long *best = malloc((3 * g->n + 1) * sizeof(*best));
	size_t e, k;

	if (!best)
		return NULL;
	for (k = 0; k < 3 * g->n; k++)
		best[k] = -1;
	for (e = 0; e < g->m; e++) {
		uint32_t end[2] = {g->ea[e], g->eb[e]};

		for (int side = 0; side < 2; side++) {
			long *bv = &best[3 * (size_t)end[side]];

			if (!keep[end[side]])
				continue;
			/* Ties come in order: a later one goes before only
			 * the lighter ones, and pushes them down. */
			for (k = 0; k < 3; k++)
				if (bv[k] < 0 || g->ew[e] > g->ew[bv[k]])
					break;
			if (k == 3)
				continue;
			memmove(&bv[k + 1], &bv[k], (2 - k) * sizeof(*bv));
			bv[k] = (long)e;
		}
	}
	return best;
}

/* "; top ties: A (3), B (2), C (1)". */
static void top_ties(const ties_graph *g, const long *best, size_t v,
		     ties_buf *b)
{
	for (size_t k = 0; k < 3 && best[3 * v + k] >= 0; k++) {
		size_t e2 = (size_t)best[3 * v + k];
		size_t u = g->ea[e2] == v ? g->eb[e2] : g->ea[e2];
		char w[32];

		ties_buf__puts(b, k ? ", " : "; top ties: ");
		ties_gv__esc_label(b, g->nodes[u].name);
		snprintf(w, sizeof(w), " (%g)", g->ew[e2]);
		ties_buf__puts(b, w);
	}
}

/* What build() hands its parts: the nodes kept and their scores, the
 * ties drawn, the colour of each node, and the Graphviz objects. */
/* The diagram's graph and its default attributes. */
static int open_graph(ties_db *db, struct drawing *d, const char *layout,
		      size_t nkeep, size_t nshown, int directed)
{
	d->g = agopen((char *)"ties", directed ? Agdirected : Agundirected,
		      &ties_gv__disc);
	if (!d->g) {
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	ties_gv__set(d->g, "layout", layout);
	/* A fixed seed, the default of every graph: fdp lays each cluster
	 * out on its own, and a cluster without one is seeded from the
	 * clock. */
	agattr(d->g, AGRAPH, (char *)"start", (char *)"1");
	ties_gv__set(d->g, "overlap",
		     !strcmp(layout, "sfdp") ? "prism" : "false");
	ties_gv__set(d->g, "splines",
		     nkeep > 300 || nshown > 60 ? "false" : "true");
	ties_gv__set(d->g, "outputorder", "edgesfirst");
	ties_gv__set(d->g, "fontname", "Helvetica");
	ties_gv__set(d->g, "fontsize", "10");
	ties_gv__set(d->g, "pad", "0.3");
	if (!strcmp(layout, "dot"))
		ties_gv__set(d->g, "rankdir", "LR");
	agattr(d->g, AGNODE, (char *)"fontname", (char *)"Helvetica");
	agattr(d->g, AGNODE, (char *)"fontsize", (char *)"10");
	agattr(d->g, AGNODE, (char *)"style", (char *)"filled");
	agattr(d->g, AGEDGE, (char *)"color", (char *)"#55555588");
	return 0;
}

static unsigned kind_bit(const struct ties_graph_node *nd)
{
	if (!strcmp(nd->kind, "institution"))
		return 1;
	if (!strcmp(nd->kind, "person"))
		return 2;
	if (!strcmp(nd->kind, "country"))
		return 4;
	if (!strcmp(nd->kind, "department") || !strcmp(nd->kind, "body"))
		return 8;
	return 16;
}

/* The subgraph a node goes in: a cluster of its country (or community)
 * when that has two drawn nodes or more, else the graph. */
static Agraph_t *parent_of(const ties_graph *g, const ties_draw_opts *o,
			   struct drawing *d, struct scene *sc, size_t i)
{
	const struct ties_graph_node *nd = &g->nodes[i];
	const char *country = ties_rd__country_of(nd);
	Agraph_t *parent;
	char num[64];

	if (!sc->clusters)
		return d->g;
	if (o->cluster_by == TIES_CLUSTER_COUNTRY && country &&
	    sc->color_by == TIES_COLOR_COUNTRY && sc->cat[i] >= 0 &&
	    sc->ccount[sc->cat[i]] >= 2) {
		ties_buf__clear(&sc->b);
		ties_buf__printf(&sc->b, "cluster_%s", country);
		parent = ties_gv__sub(d->g, ties_buf__str(&sc->b));
		ties_buf__clear(&sc->b);
		ties_gv__esc_label(&sc->b, ties_rd__country_name(nd));
	} else if (o->cluster_by == TIES_CLUSTER_COMMUNITY && sc->community) {
		snprintf(num, sizeof(num), "cluster_c%d", sc->community[i]);
		parent = ties_gv__sub(d->g, num);
		ties_buf__clear(&sc->b);
		ties_buf__printf(&sc->b, "community %d", sc->community[i]);
	} else {
		return d->g;
	}
	ties_gv__set(parent, "style", "rounded,dashed");
	ties_gv__set(parent, "color", "#aaaaaa");
	ties_gv__set(parent, "fontcolor", "#666666");
	ties_gv__set(parent, "label", ties_buf__str(&sc->b));
	return parent;
}

/* Nodes: shape by kind, fill by category, area by score (1:8), labels for
 * the highest ranked and sized by rank, the focus outlined, tooltips. */
static int add_nodes(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		     struct drawing *d, struct scene *sc)
{
	char num[64];

	for (size_t i = 0; i < g->n; i++) {
		const struct ties_graph_node *nd = &g->nodes[i];
		const char *country = ties_rd__country_of(nd);
		double size = sc->maxs > 0 ? sc->score[i] / sc->maxs : 0;
		double side = 0.3 * sqrt(1 + 7 * (size > 0 ? size : 0));
		int labelled;

		if (!sc->keep[i])
			continue;
		sc->gvn[i] = ties_gv__node(parent_of(g, o, d, sc, i), nd->id);
		if (!sc->gvn[i])
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		sc->kinds |= kind_bit(nd);
		ties_gv__set(sc->gvn[i], "shape", shape_of(nd));
		ties_gv__set(sc->gvn[i], "fillcolor", ties_rd__fill_of(sc, i));
		snprintf(num, sizeof(num), "%.2f", 1.4 * side);
		ties_gv__set(sc->gvn[i], "width", num);
		snprintf(num, sizeof(num), "%.2f", side);
		ties_gv__set(sc->gvn[i], "height", num);
		labelled = o->labels == TIES_LABELS_ALL ||
			   (o->labels == TIES_LABELS_TOP &&
			    sc->rank[i] < (long)sc->nlabels) ||
			   (long)i == sc->focus;
		/* Labels by rank: the first tenth large, then smaller. */
		snprintf(num, sizeof(num), "%d",
			 sc->rank[i] * 10 < (long)sc->nlabels  ? 16
			 : sc->rank[i] * 3 < (long)sc->nlabels ? 13
							       : 10);
		ties_gv__set(sc->gvn[i], "fontsize", num);
		ties_buf__clear(&sc->b);
		if (!nd->is_event && labelled)
			ties_gv__esc_label(&sc->b, nd->name);
		ties_gv__set(sc->gvn[i], "label", ties_buf__str(&sc->b));
		if (nd->is_event) {
			ties_gv__set(sc->gvn[i], "width", "0.08");
			ties_gv__set(sc->gvn[i], "height", "0.08");
		}
		if ((long)i == sc->focus) {
			ties_gv__set(sc->gvn[i], "penwidth", "3");
			ties_gv__set(sc->gvn[i], "color", "#d62728");
			ties_gv__set(sc->gvn[i], "peripheries", "2");
			ties_gv__set(sc->gvn[i], "fontsize", "16");
		}
		ties_buf__clear(&sc->b);
		ties_gv__esc_label(&sc->b, nd->name);
		ties_buf__puts(&sc->b, " — ");
		ties_gv__esc_label(&sc->b, nd->kind);
		if (country) {
			ties_buf__puts(&sc->b, ", ");
			ties_gv__esc_label(&sc->b, country);
		}
		snprintf(num, sizeof(num), "; %s %.4g",
			 ties_measure_name(o->size_by), sc->score[i]);
		ties_buf__puts(&sc->b, num);
		top_ties(g, sc->best3, i, &sc->b);
		ties_gv__set_tooltip(sc->gvn[i], ties_buf__str(&sc->b));
		ties_gv__set(sc->gvn[i], "id", nd->id);
	}
	return 0;
}

struct pairkey {
	uint64_t key;
	size_t e;
};

static int cmp_pairkey(const void *x, const void *y)
{
	const struct pairkey *a = x, *b = y;

	return a->key < b->key ? -1 : a->key > b->key;
}

/*
 * The events drawn as nodes: found (at most 20 of them, else none: a
 * diagram of thousands of roll calls wants its ties), and each taking one
 * off the weight of every tie between two of its drawn participants.
 */
static int event_nodes(ties_db *db, const ties_graph *g,
		       const ties_draw_opts *o, struct scene *sc)
{
	struct pairkey *pk = NULL;
	size_t np = 0;
	int rc;

	if (!(sc->ew = malloc((g->m + 1) * sizeof(*sc->ew))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if (g->m)
		memcpy(sc->ew, g->ew, g->m * sizeof(*sc->ew));
	sc->event_min = o->event_nodes > 0   ? o->event_nodes
			: o->event_nodes < 0 ? 0
					     : 10;
	if ((rc = ties_rd__events(db, g, sc->keep, sc->event_min,
				  &sc->events)) < 0)
		return rc;
	if (sc->events.n > 20)
		ties_rd__events_release(&sc->events);
	if (!sc->events.n)
		return 0;
	if (!(pk = malloc((g->m + 1) * sizeof(*pk))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	for (size_t e = 0; e < g->m; e++)
		if (sc->keep[g->ea[e]] && sc->keep[g->eb[e]]) {
			pk[np].key = (uint64_t)g->ea[e] << 32 | g->eb[e];
			pk[np++].e = e;
		}
	qsort(pk, np, sizeof(*pk), cmp_pairkey);
	for (size_t k = 0; k < sc->events.n; k++) {
		const struct ties_rd_event *ev = &sc->events.v[k];

		for (size_t i = 0; i < ev->n; i++)
			for (size_t j = i + 1; j < ev->n; j++) {
				uint32_t a = ev->members[i], b = ev->members[j];
				struct pairkey want, *hit;

				want.key = a < b ? (uint64_t)a << 32 | b
						 : (uint64_t)b << 32 | a;
				hit = bsearch(&want, pk, np, sizeof(*pk),
					      cmp_pairkey);
				if (hit && sc->ew[hit->e] > 0)
					sc->ew[hit->e] -= 1;
			}
	}
	free(pk);
	return 0;
}

/* The event nodes: a small dark diamond each, tied to its participants. */
static int add_events(ties_db *db, struct drawing *d, struct scene *sc)
{
	char name[48];

	for (size_t k = 0; k < sc->events.n; k++) {
		const struct ties_rd_event *ev = &sc->events.v[k];
		Agnode_t *n;

		snprintf(name, sizeof(name), "event %zu", k + 1);
		/* In the cluster of most of its people, if they have one. */
		{
			Agraph_t *parent = d->g;
			size_t bestn = 0;

			for (Agraph_t *sg = agfstsubg(d->g); sg;
			     sg = agnxtsubg(sg)) {
				size_t c = 0;

				for (size_t i = 0; i < ev->n; i++)
					c += agsubnode(sg,
						       sc->gvn[ev->members[i]],
						       0) != NULL;
				if (c > bestn) {
					bestn = c;
					parent = sg;
				}
			}
			n = ties_gv__node(parent, name);
		}
		if (!n)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		ties_gv__set(n, "shape", "diamond");
		ties_gv__set(n, "label", "");
		ties_gv__set(n, "width", "0.22");
		ties_gv__set(n, "height", "0.22");
		ties_gv__set(n, "fillcolor", "#444444");
		ties_buf__clear(&sc->b);
		ties_gv__esc_label(&sc->b, ev->title);
		ties_buf__printf(&sc->b, "%s%s (%zu drawn participants)",
				 *ev->date ? ", " : "", ev->date, ev->n);
		ties_gv__set_tooltip(n, ties_buf__str(&sc->b));
		for (size_t i = 0; i < ev->n; i++) {
			Agedge_t *e = agedge(d->g, n, sc->gvn[ev->members[i]],
					     NULL, 1);

			if (!e)
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			ties_gv__set(e, "style", "dashed");
			ties_gv__set(e, "penwidth", "1");
			ties_gv__set(e, "color", "#88888899");
			/* Pulled close: the event sits among its people. */
			ties_gv__set(e, "weight", "4");
			ties_gv__set(e, "len", "0.6");
		}
	}
	return 0;
}

/* The title: the options', else what is drawn. */
static void title_of(const ties_graph *g, const ties_draw_opts *o,
		     const struct scene *sc, size_t nkeep, ties_buf *t)
{
	static const char *const proj[] = {"entities", "institutions",
					   "countries", "entities and events"};
	const ties_filter *f = &g->filter;

	if (o->title) {
		ties_buf__puts(t, o->title);
		return;
	}
	if (o->focus) {
		ties_buf__printf(
			t, "Around %s (%ld step%s)",
			sc->focus >= 0 ? g->nodes[sc->focus].name : o->focus,
			o->depth > 0 ? o->depth : 1, o->depth > 1 ? "s" : "");
		if (o->top > 0)
			ties_buf__printf(t, ", the %zu most strongly tied",
					 nkeep);
	} else if (o->top > 0)
		ties_buf__printf(t, "The %zu %s highest by %s%s", nkeep,
				 proj[g->projection],
				 o->weighted ? "weighted " : "",
				 ties_measure_name(o->size_by));
	else
		ties_buf__printf(t, "%zu %s", nkeep, proj[g->projection]);
	if (f->nkinds)
		ties_buf__printf(t, "; kind %s%s", f->kinds[0],
				 f->nkinds > 1 ? ", …" : "");
	if (f->ncountries)
		ties_buf__printf(t, "; country %s%s", f->countries[0],
				 f->ncountries > 1 ? ", …" : "");
	if (f->nevent_kinds)
		ties_buf__printf(t, "; events %s%s", f->event_kinds[0],
				 f->nevent_kinds > 1 ? ", …" : "");
	if (f->from || f->to)
		ties_buf__printf(t, "; %s–%s", f->from ? f->from : "",
				 f->to ? f->to : "");
	if (f->nroles)
		ties_buf__printf(t, "; role %s%s", f->roles[0],
				 f->nroles > 1 ? ", …" : "");
	if (f->same_role)
		ties_buf__puts(t, "; tied by holding the same role");
	if (g->directed)
		ties_buf__puts(t, "; directed");
}

/* What a tie's weight is, for the legend. */
static const char *weight_words(const ties_filter *f)
{
	if (f->share)
		return f->same_role ? "the share of the events both took part "
				      "in where they held the same role"
				    : "the share of the events both took part "
				      "in where both held the roles named";
	if (f->same_role)
		return "the events in which they held the same role";
	if (f->nroles)
		return "the events in which both held the roles named";
	return "shared events and relations";
}

/* The legend, as an HTML label under the diagram: title, colour key (the
 * categories drawn, most frequent first, "other" for the rest), shapes and
 * line styles drawn, what size and width mean. */
static int add_legend(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		      struct drawing *d, const struct scene *sc, size_t nkeep)
{
	static const char *const shapes[] = {
		"box: institution", "ellipse: person",
		"double octagon: country", "component: unit or board",
		"hexagon: other"};
	static const char *const styles[] = {"bold: MoU", "dashed: meeting",
					     "dotted: membership",
					     "solid: other ties"};
	ties_buf l = TIES_BUF_INIT, t = TIES_BUF_INIT;
	const char *sep = "";
	size_t k, other = 0;
	char *html;

	title_of(g, o, sc, nkeep, &t);
	ties_buf__puts(&l, "<table border=\"0\" cellborder=\"0\" "
			   "cellspacing=\"2\"><tr><td><b>");
	ties_gv__esc_html(&l, ties_buf__str(&t));
	ties_buf__puts(&l, "</b></td></tr>");
	if (sc->ncat) {
		ties_buf__printf(&l,
				 "<tr><td><table border=\"0\" "
				 "cellborder=\"1\" cellspacing=\"2\"><tr>"
				 "<td border=\"0\">%s:</td>",
				 sc->color_by == TIES_COLOR_COMMUNITY
					 ? "Colour, community"
				 : sc->color_by == TIES_COLOR_REGION
					 ? "Colour, region"
					 : "Colour, country");
		for (k = 0; k < sc->ncat && k < NPALETTE; k++) {
			ties_buf__printf(&l, "<td bgcolor=\"%s\">",
					 ties_rd__palette[k]);
			ties_gv__esc_html(&l, sc->clabel[k]);
			ties_buf__printf(&l, " (%ld)</td>", sc->ccount[k]);
		}
		for (; k < sc->ncat; k++)
			other += (size_t)sc->ccount[k];
		if (other)
			ties_buf__printf(&l,
					 "<td bgcolor=\"%s\">%zu other%s "
					 "(%zu)</td>",
					 OTHER, sc->ncat - NPALETTE,
					 sc->ncat - NPALETTE > 1 ? "s" : "",
					 other);
		ties_buf__puts(&l, "</tr></table></td></tr>");
	}
	ties_buf__puts(&l, "<tr><td>Shape: ");
	for (k = 0; k < 5; k++)
		if (sc->kinds & (1u << k)) {
			ties_buf__printf(&l, "%s%s", sep, shapes[k]);
			sep = " · ";
		}
	ties_buf__puts(&l, ". Lines: ");
	sep = "";
	for (k = 0; k < 4; k++)
		if (sc->styles & (1u << k)) {
			ties_buf__printf(&l, "%s%s", sep, styles[k]);
			sep = " · ";
		}
	ties_buf__printf(&l,
			 ".</td></tr><tr><td>Node area: %s%s%s. Line "
			 "width: tie weight (%s)"
			 "; a number on a line: its pieces of evidence.",
			 o->weighted ? "weighted " : "",
			 ties_measure_name(o->size_by),
			 o->focus ? " within the diagram" : "",
			 weight_words(&g->filter));
	if (sc->focus >= 0)
		ties_buf__puts(&l, " Red outline: the focus.");
	if (g->directed)
		ties_buf__puts(&l, " Arrows: directed relation kinds and role "
				   "pairs (ties kind); other ties point both "
				   "ways.");
	if (sc->events.n)
		ties_buf__printf(&l,
				 " Dark diamond: an event of %ld or more "
				 "drawn participants, tied to each (not their "
				 "every pair).",
				 sc->event_min);
	ties_buf__puts(&l, "</td></tr></table>");
	html = agstrdup_html(d->g, (char *)ties_buf__str(&l));
	ties_gv__set(d->g, "label", html);
	agstrfree(d->g, html);
	ties_gv__set(d->g, "labelloc", "b");
	ties_gv__set(d->g, "labeljust", "l");
	ties_buf__release(&l);
	ties_buf__release(&t);
	(void)db;
	return 0;
}

static int cmp_desc(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? 1 : a > b ? -1 : 0;
}

/* The scores the nodes are sized and chosen by: o->size_by, weighted when
 * asked; when it ties for every node (PageRank of a complete graph), the
 * strength instead, and a notice says so. */
static int scores(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		  double *score, enum ties_measure *used)
{
	double lo = INFINITY, hi = -INFINITY;
	int rc;

	*used = o->size_by;
	if ((rc = ties_graph_measure(db, g, o->size_by, o->weighted, 0,
				     score)) < 0)
		return rc;
	for (size_t i = 0; i < g->n; i++)
		hi = fmax(hi, score[i]);
	/* The N kept (all, without --top): when the N-th highest is within a
	 * millionth of the highest, the measure does not rank them (PageRank
	 * of a near-complete graph) and the choice would be arbitrary. */
	{
		size_t n = o->top > 0 && (size_t)o->top < g->n ? (size_t)o->top
							       : g->n;
		double *sorted = malloc((g->n + 1) * sizeof(*sorted));

		if (!sorted)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		memcpy(sorted, score, g->n * sizeof(*sorted));
		qsort(sorted, g->n, sizeof(*sorted), cmp_desc);
		lo = n ? sorted[n - 1] : hi;
		free(sorted);
	}
	if (g->n > 2 && hi - lo <= 1e-6 * fmax(fabs(hi), 1e-300) &&
	    o->size_by != TIES_STRENGTH && g->m > 0) {
		ties_db__notice(db,
				"%s ranks none of the entities above the "
				"others (%.6g); sized and chosen by strength "
				"instead",
				ties_measure_name(o->size_by), hi);
		*used = TIES_STRENGTH;
		return ties_graph_measure(db, g, TIES_STRENGTH, 1, 0, score);
	}
	return 0;
}

/* Leave out the drawn nodes without a drawn tie (unless all are, or it is
 * the focus): their number. */
static size_t drop_isolates(const ties_graph *g, struct scene *sc,
			    size_t *nkeep)
{
	unsigned char *tied = calloc(g->n + 1, 1);
	size_t gone = 0, left = 0;

	if (!tied)
		return 0;
	for (size_t e = 0; e < g->m; e++)
		if (sc->drawn[e] && sc->keep[g->ea[e]] && sc->keep[g->eb[e]])
			tied[g->ea[e]] = tied[g->eb[e]] = 1;
	for (size_t k = 0; k < sc->events.n; k++)
		for (size_t i = 0; i < sc->events.v[k].n; i++)
			tied[sc->events.v[k].members[i]] = 1;
	for (size_t i = 0; i < g->n; i++)
		left += sc->keep[i] && tied[i];
	for (size_t i = 0; left && i < g->n; i++)
		if (sc->keep[i] && !tied[i] && (long)i != sc->focus) {
			sc->keep[i] = 0;
			gone++;
		}
	free(tied);
	*nkeep -= gone;
	return gone;
}

/* A focus diagram's scores: the measure within the drawn nodes and the
 * ties among them (0 for the others), whatever the rest of the graph. */
static int focus_scores(ties_db *db, const ties_graph *g,
			const ties_draw_opts *o, const unsigned char *keep,
			double *score, enum ties_measure *used)
{
	ties_graph sub;
	ties_draw_opts all = *o;
	double *s = NULL;
	int rc;

	if (ties_rd__kept_graph(g, keep, &sub) < 0 ||
	    !(s = malloc((sub.n + 1) * sizeof(*s)))) {
		ties_rd__kept_release(&sub);
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	}
	sub.directed = g->directed;
	all.top = 0;
	if ((rc = scores(db, &sub, &all, s, used)) == 0)
		for (size_t i = 0, k = 0; i < g->n; i++)
			score[i] = keep[i] ? s[k++] : 0;
	ties_rd__kept_release(&sub);
	free(s);
	return rc;
}

int ties_rd__build(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		   const unsigned char *given_keep, struct drawing *d,
		   unsigned *warnings)
{
	struct scene sc;
	ties_draw_opts oo = *o;
	ties_buf what = TIES_BUF_INIT;
	size_t nshown = 0, nkeep = 0, gone;
	const char *layout;
	int rc = 0;

	memset(&sc, 0, sizeof(sc));
	sc.focus = -1;
	sc.score = calloc(g->n + 1, sizeof(*sc.score));
	sc.keep = calloc(g->n + 1, 1);
	sc.gvn = calloc(g->n + 1, sizeof(*sc.gvn));
	sc.drawn = calloc(g->m + 1, 1);
	if (!sc.score || !sc.keep || !sc.gvn || !sc.drawn) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if (o->focus && (rc = focus_node(db, g, o->focus, &sc.focus)) < 0)
		goto done;
	if (given_keep) {
		memcpy(sc.keep, given_keep, g->n);
		for (size_t i = 0; i < g->n; i++)
			nkeep += sc.keep[i];
	} else if ((!o->focus &&
		    (rc = scores(db, g, o, sc.score, &oo.size_by)) < 0) ||
		   (rc = select_nodes(db, g, o, sc.focus, sc.score, sc.keep,
				      &nkeep)) < 0) {
		goto done;
	}
	/* The focus is always drawn: the ego network starts from it. */
	if (o->focus &&
	    (rc = focus_scores(db, g, o, sc.keep, sc.score, &oo.size_by)) < 0)
		goto done;
	if ((rc = event_nodes(db, g, o, &sc)) < 0)
		goto done;
	if ((rc = ties_rd__backbone(g, sc.ew, sc.keep, nkeep, &oo, sc.drawn,
				    &what)) < 0 ||
	    !(sc.best3 = top_ties_all(g, sc.keep))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t e = 0; e < g->m; e++)
		nshown += sc.drawn[e] != 0;
	if ((gone = drop_isolates(g, &sc, &nkeep)) > 0)
		ties_buf__printf(&what, "; left out %zu without a drawn tie",
				 gone);
	if (sc.events.n)
		ties_buf__printf(&what,
				 "; %zu event%s of %ld or more drawn as "
				 "a node",
				 sc.events.n, sc.events.n > 1 ? "s" : "",
				 sc.event_min);
	/* fdp (with clusters) while it is quick and clear, neato without;
	 * sfdp, multilevel and near-linear, past 150 nodes or 6 ties a node,
	 * where fdp's quadratic passes take seconds and pack a large cluster
	 * as a grid. */
	if (o->layout >= 0) {
		layout = layout_names[o->layout];
		ties_buf__printf(&what, "; layout %s", layout);
	} else if (nkeep > 150 || nshown > 6 * nkeep) {
		layout = "sfdp";
		ties_buf__printf(&what, "; layout sfdp (%zu %s)",
				 nkeep > 150 ? nkeep : nshown,
				 nkeep > 150 ? "nodes, over 150"
					     : "ties, over 6 a node");
		if (nkeep > 2000)
			*warnings |= TIES_DRAW_WARN_BIG;
	} else if (o->cluster_by == TIES_CLUSTER_NONE) {
		/* Without clusters, neato: fdp places the same graph
		 * differently in a few runs in a hundred (the order of its
		 * derived subgraphs' edges follows memory addresses), neato
		 * never did in the same trials. */
		layout = "neato";
		ties_buf__printf(&what, "; layout neato (no clusters)");
	} else {
		layout = "fdp";
		ties_buf__printf(&what, "; layout fdp");
	}
	sc.clusters = o->cluster_by != TIES_CLUSTER_NONE &&
		      (!strcmp(layout, "dot") || !strcmp(layout, "fdp"));
	/* Colour: country when countries group the drawn nodes (two
	 * countries at least, one of them with two nodes); else world region
	 * when regions do (a drawing of countries); else community. */
	sc.color_by = o->color_by;
	if (sc.color_by == TIES_COLOR_AUTO) {
		static const enum ties_color_by tries[] = {TIES_COLOR_COUNTRY,
							   TIES_COLOR_REGION};

		sc.color_by = TIES_COLOR_COMMUNITY;
		for (size_t t = 0; t < 2; t++) {
			int groups;

			sc.color_by = tries[t];
			if (ties_rd__categories(g, &sc) < 0) {
				rc = ties_db__seterr(db, TIES_ENOMEM,
						     "out of memory");
				goto done;
			}
			groups = sc.ncat >= 2 && sc.ccount[0] >= 2;
			ties_rd__categories_release(&sc);
			if (groups)
				break;
			sc.color_by = TIES_COLOR_COMMUNITY;
		}
	}
	if ((sc.color_by == TIES_COLOR_COMMUNITY ||
	     o->cluster_by == TIES_CLUSTER_COMMUNITY) &&
	    (rc = ties_rd__node_communities(db, g, o, sc.keep, &sc.community)) <
		    0)
		goto done;
	if (ties_rd__categories(g, &sc) < 0 || ties_rd__ranks(g, &sc) < 0) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	sc.nlabels = nkeep <= 40 ? nkeep : nkeep / 5 > 25 ? nkeep / 5 : 25;
	for (size_t i = 0; i < g->n; i++)
		if (sc.keep[i] && sc.score[i] > sc.maxs)
			sc.maxs = sc.score[i];
	for (size_t e = 0; e < g->m; e++)
		if (sc.drawn[e] && g->ew[e] > sc.maxw)
			sc.maxw = g->ew[e];
	if ((rc = open_graph(db, d, layout, nkeep, nshown, g->directed)) < 0 ||
	    (rc = add_nodes(db, g, &oo, d, &sc)) < 0 ||
	    (rc = ties_rd__add_edges(db, g, d, &sc, nshown)) < 0 ||
	    (rc = add_events(db, d, &sc)) < 0 ||
	    (rc = add_legend(db, g, &oo, d, &sc, nkeep)) < 0)
		goto done;
	if (nshown)
		*warnings |= TIES_DRAW_WARN_EDGES;
	ties_db__notice(db, "%s", ties_buf__str(&what));
done:
	ties_rd__categories_release(&sc);
	ties_rd__events_release(&sc.events);
	free(sc.ew);
	free(sc.rank);
	free(sc.score);
	free(sc.keep);
	free(sc.drawn);
	free(sc.best3);
	free(sc.gvn);
	free(sc.community);
	ties_buf__release(&sc.b);
	ties_buf__release(&what);
	return rc;
}
