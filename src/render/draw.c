/*
 * draw.c — network diagrams with Graphviz: a styled cgraph graph built
 * from a tie graph, written as DOT or laid out and rendered in-process by
 * gvc (SVG, PNG, PDF). With graphviz.c, the only file that knows Graphviz
 * (besides the DOT importer, which uses its parser).
 *
 * Determinism: nodes and edges are added in node order, colours come from
 * a hash of the country id, and randomised layouts get a fixed seed.
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

/* Twenty distinct, print-safe fills (ColorBrewer-like pastels). */
static const char *const palette[] = {
	"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3",
	"#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd",
	"#ccebc5", "#ffed6f", "#a6cee3", "#b2df8a", "#fb9a99",
	"#fdbf6f", "#cab2d6", "#e5c494", "#b3b3b3", "#66c2a5"};

#define NPALETTE (sizeof(palette) / sizeof(palette[0]))

/* One stable colour per country: a hash of its id. */
static const char *colour_of(const char *country)
{
	uint32_t h = 2166136261u;

	if (!country || !*country)
		return "#ffffff";
	for (; *country; country++)
		h = (h ^ (unsigned char)*country) * 16777619u;
	return palette[h % NPALETTE];
}

/* The name of a node's country (a country's own name). */
static const char *country_name(const struct ties_graph_node *n)
{
	if (!strcmp(n->kind, "country"))
		return n->name;
	return n->country_name ? n->country_name : n->country;
}

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

/* What an edge is made of: counts by kind, for style and tooltip. */
struct edge_ev {
	const ties_filter *f;
	long total, mou, meeting, member;
	ties_buf tip;
};

static int on_edge_evidence(void *ctx, const ties_evidence *ev)
{
	struct edge_ev *e = ctx;
	int event = !strcmp(ev->type, "event");

	if (event ? !ties_filter__event_ok(e->f, ev->kind, ev->date)
		  : !ties_filter__relation_ok(e->f, ev->kind, ev->date,
					      ev->end))
		return 0;
	e->total++;
	if (!strcmp(ev->kind, "mou"))
		e->mou++;
	else if (!strcmp(ev->kind, "meeting"))
		e->meeting++;
	else if (!strcmp(ev->kind, "member_of"))
		e->member++;
	if (e->total <= 5) {
		if (e->tip.len)
			ties_buf__puts(&e->tip, "; ");
		ties_buf__printf(&e->tip, "%s%s%s", ev->kind,
				 ev->date && *ev->date ? " " : "",
				 ev->date ? ev->date : "");
	} else if (e->total == 6) {
		ties_buf__puts(&e->tip, "; …");
	}
	return 0;
}

/* The nodes to draw: all, the ego network of `focus`, and/or the top N
 * by score. keep[i] = 1 for a node drawn. */
static int select_nodes(ties_db *db, const ties_graph *g,
			const ties_draw_opts *o, const double *score,
			unsigned char *keep, size_t *nkeep)
{
	size_t i, e, n = g->n;

	memset(keep, 1, n);
	if (o->focus) {
		sqlite3_int64 rowid;
		long src, *dist, d;
		int rc;
		int changed = 1;

		if ((rc = ties_store__resolve(db, o->focus, &rowid)) < 0)
			return rc;
		if ((src = ties_graph__node_of(g, rowid)) < 0)
			return ties_db__seterr(db, TIES_ENOTFOUND,
					       "'%s' is not in the graph (see "
					       "the filters)",
					       o->focus);
		if (!(dist = malloc((n + 1) * sizeof(*dist))))
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		for (i = 0; i < n; i++)
			dist[i] = -1;
		dist[src] = 0;
		/* Relax the edge list depth times: simple and enough for
		 * the small depths a diagram wants. */
		for (d = 0; d < (o->depth > 0 ? o->depth : 1) && changed; d++) {
			changed = 0;
			for (e = 0; e < g->m; e++) {
				uint32_t a = g->ea[e], b = g->eb[e];

				if (dist[a] == d && dist[b] < 0) {
					dist[b] = d + 1;
					changed = 1;
				} else if (dist[b] == d && dist[a] < 0) {
					dist[a] = d + 1;
					changed = 1;
				}
			}
		}
		for (i = 0; i < n; i++)
			keep[i] = dist[i] >= 0;
		free(dist);
	}
	if (o->top > 0) {
		/* The top N among the kept, by score, ties by node order. */
		size_t kept = 0;
		struct ties_scored *idx = malloc((n + 1) * sizeof(*idx));

		if (!idx)
			return ties_db__seterr(db, TIES_ENOMEM,
					       "out of memory");
		for (i = 0; i < n; i++)
			if (keep[i]) {
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

struct drawing {
	Agraph_t *g;
	GVC_t *gvc;
};

/* Lay out with the same random numbers every time: Graphviz's force-
 * directed layouts draw from the process's drand48 and rand, which would
 * otherwise go on from the last layout of the process. */
static int layout(struct drawing *d)
{
	srand48(1);
	srand(1);
	return gvLayout(d->gvc, d->g, agget(d->g, (char *)"layout"));
}

/*
 * One Graphviz context for the process, never freed: Graphviz 2.43's pango
 * plugin caches font data across contexts, and a second context after the
 * first was freed reads freed memory (seen under AddressSanitizer).
 */
static GVC_t *context(void)
{
	static GVC_t *gvc;

	if (!gvc)
		gvc = gvContext();
	return gvc;
}

static void drawing_release(struct drawing *d)
{
	if (d->gvc && d->g)
		gvFreeLayout(d->gvc, d->g);
	if (d->g)
		agclose(d->g);
	memset(d, 0, sizeof(*d));
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

#define EDGE_BUDGET 3

struct wtie {
	double w;
	size_t e;
};

static int cmp_weight_desc(const void *x, const void *y)
{
	const struct wtie *a = x, *b = y;

	if (a->w != b->w)
		return a->w > b->w ? -1 : 1;
	return a->e < b->e ? -1 : a->e > b->e;
}

static unsigned char *edges_to_draw(const ties_graph *g,
				    const unsigned char *keep, size_t nkeep,
				    size_t *shown, size_t *among)
{
	unsigned char *draw = calloc(g->m + 1, 1);
	struct wtie *idx;
	size_t n = 0,
	       cap = EDGE_BUDGET * nkeep < 500 ? 500 : EDGE_BUDGET * nkeep;

	*shown = *among = 0;
	if (!draw)
		return NULL;
	for (size_t e = 0; e < g->m; e++)
		if (keep[g->ea[e]] && keep[g->eb[e]])
			n++;
	*among = n;
	if (!(idx = malloc((n + 1) * sizeof(*idx)))) {
		free(draw);
		return NULL;
	}
	n = 0;
	for (size_t e = 0; e < g->m; e++)
		if (keep[g->ea[e]] && keep[g->eb[e]]) {
			idx[n].w = g->ew[e];
			idx[n++].e = e;
		}
	if (n > cap)
		qsort(idx, n, sizeof(*idx), cmp_weight_desc);
	for (size_t i = 0; i < n && i < cap; i++)
		draw[idx[i].e] = 1;
	*shown = n < cap ? n : cap;
	free(idx);
	return draw;
}

/* Build the styled cgraph graph. With given_score and given_keep (from
 * ties_graph__focus), those are the scores and the nodes drawn. */
/* What build() hands its parts: the nodes kept and their scores, the
 * ties drawn, and the Graphviz objects made so far. */
struct scene {
	double *score, maxs;
	unsigned char *keep, *drawn;
	long *best3; /* each node's three strongest ties (tooltips) */
	Agnode_t **gvn;
	int *community; /* by node, when clustered or coloured by community */
	int clusters;	/* Graphviz clusters (dot and fdp only) */
	ties_buf b;
};

/* Each node's community, the best of one Leiden run (seed 1). */
static int node_communities(ties_db *db, const ties_graph *g, int **out)
{
	ties_community_opts co = {TIES_LEIDEN, 1.0, 1, 1, 1};
	ties_table *ct = NULL;
	int *community = calloc(g->n + 1, sizeof(*community));
	int rc;

	*out = community;
	if (!community)
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if ((rc = ties_communities(db, &ct, g, &co, NULL)) < 0)
		return rc;
	for (size_t i = 0; i < ties_table_nrows(ct); i++) {
		long v = -1;

		for (size_t k = 0; k < g->n; k++)
			if (!strcmp(g->nodes[k].id, ties_table_text(ct, i, 0)))
				v = (long)k;
		if (v >= 0)
			community[v] = (int)ties_table_int(ct, i, 4);
	}
	ties_table_free(ct);
	return 0;
}

/* The diagram's graph and its default attributes. */
static int open_graph(ties_db *db, struct drawing *d, const char *layout,
		      size_t nkeep, size_t nshown)
{
	d->g = agopen((char *)"ties", Agundirected, &ties_gv__disc);
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
		     nkeep > 300 || nshown > 400 ? "false" : "true");
	ties_gv__set(d->g, "outputorder", "edgesfirst");
	ties_gv__set(d->g, "fontname", "Helvetica");
	ties_gv__set(d->g, "fontsize", "10");
	ties_gv__set(d->g, "pad", "0.3");
	if (!strcmp(layout, "dot"))
		ties_gv__set(d->g, "rankdir", "LR");
	agattr(d->g, AGNODE, (char *)"fontname", (char *)"Helvetica");
	agattr(d->g, AGNODE, (char *)"fontsize", (char *)"10");
	agattr(d->g, AGNODE, (char *)"style", (char *)"filled");
	agattr(d->g, AGEDGE, (char *)"color", (char *)"#555555aa");
	return 0;
}

/* Nodes, in clusters by country or community where supported: shape by
 * kind, fill by country (or community), size by score, tooltips. */
static int add_nodes(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		     struct drawing *d, struct scene *sc)
{
	char num[64];
	int rc = 0;

	for (size_t i = 0; i < g->n; i++) {
		const struct ties_graph_node *nd = &g->nodes[i];
		Agraph_t *parent = d->g;
		const char *country =
			!strcmp(nd->kind, "country") ? nd->id : nd->country;
		double size;

		if (!sc->keep[i])
			continue;
		if (sc->clusters && o->cluster_by == TIES_CLUSTER_COUNTRY &&
		    country) {
			ties_buf__clear(&sc->b);
			ties_buf__printf(&sc->b, "cluster_%s", country);
			parent = ties_gv__sub(d->g, ties_buf__str(&sc->b));
			ties_gv__set(parent, "style", "rounded,dashed");
			ties_gv__set(parent, "color", "#999999");
			ties_buf__clear(&sc->b);
			ties_gv__esc_label(&sc->b, country_name(nd));
			ties_gv__set(parent, "label", ties_buf__str(&sc->b));
		} else if (sc->clusters && sc->community) {
			snprintf(num, sizeof(num), "cluster_c%d",
				 sc->community[i]);
			parent = ties_gv__sub(d->g, num);
			ties_gv__set(parent, "style", "rounded,dashed");
			ties_gv__set(parent, "color", "#999999");
			snprintf(num, sizeof(num), "community %d",
				 sc->community[i]);
			ties_gv__set(parent, "label", num);
		}
		sc->gvn[i] = ties_gv__node(parent, nd->id);
		if (!sc->gvn[i]) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			return rc;
		}
		ties_gv__set(sc->gvn[i], "shape", shape_of(nd));
		ties_gv__set(sc->gvn[i], "fillcolor",
			     sc->community && !sc->clusters
				     ? palette[sc->community[i] % NPALETTE]
				     : colour_of(country));
		size = sc->maxs > 0 ? sqrt(sc->score[i] / sc->maxs) : 0;
		snprintf(num, sizeof(num), "%.2f", 0.25 + 0.9 * size);
		ties_gv__set(sc->gvn[i], "width", num);
		snprintf(num, sizeof(num), "%.2f", 0.15 + 0.5 * size);
		ties_gv__set(sc->gvn[i], "height", num);
		snprintf(num, sizeof(num), "%.0f", 9 + 8 * size);
		ties_gv__set(sc->gvn[i], "fontsize", num);
		ties_buf__clear(&sc->b);
		if (nd->is_event) {
			ties_gv__set(sc->gvn[i], "width", "0.08");
			ties_gv__set(sc->gvn[i], "height", "0.08");
		}
		if (!nd->is_event &&
		    (o->labels == TIES_LABELS_ALL ||
		     (o->labels == TIES_LABELS_TOP && size >= 0.5)))
			ties_gv__esc_label(&sc->b, nd->name);
		ties_gv__set(sc->gvn[i], "label", ties_buf__str(&sc->b));
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
	return rc;
}

/* Edges: width by weight, style by evidence, count as label. */
static int add_edges(ties_db *db, const ties_graph *g, struct drawing *d,
		     struct scene *sc)
{
	char num[64];
	int rc = 0;

	for (size_t e = 0; e < g->m; e++) {
		uint32_t a = g->ea[e], c = g->eb[e];
		struct edge_ev ev;
		Agedge_t *edge;

		if (!sc->keep[a] || !sc->keep[c] || !sc->drawn[e])
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.f = &g->filter;
		if (g->projection == TIES_GRAPH_ENTITY &&
		    (rc = ties_store__pair_evidence(
			     db, g->nodes[a].rowid, g->nodes[c].rowid,
			     on_edge_evidence, &ev)) != 0) {
			ties_buf__release(&ev.tip);
			rc = rc < 0 ? rc : TIES_ERROR;
			return rc;
		}
		edge = agedge(d->g, sc->gvn[a], sc->gvn[c], NULL, 1);
		if (!edge) {
			ties_buf__release(&ev.tip);
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			return rc;
		}
		snprintf(num, sizeof(num), "%.2f",
			 0.6 + 1.4 * log2(1 + g->ew[e]));
		ties_gv__set(edge, "penwidth", num);
		if (ev.mou)
			ties_gv__set(edge, "style", "bold");
		else if (ev.meeting)
			ties_gv__set(edge, "style", "dashed");
		else if (ev.member)
			ties_gv__set(edge, "style", "dotted");
		if (ev.total > 1) {
			snprintf(num, sizeof(num), "%ld", ev.total);
			ties_gv__set(edge, "label", num);
			ties_gv__set(edge, "fontsize", "8");
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
	return rc;
}

/* The legend: one swatch per country drawn, as an HTML label. */
static int add_legend(ties_db *db, const ties_graph *g, struct drawing *d,
		      const struct scene *sc)
{
	ties_buf legend = TIES_BUF_INIT;
	int rc = 0;
	size_t i;

	const char **seen = calloc(g->n + 1, sizeof(*seen));
	const char **names = calloc(g->n + 1, sizeof(*names));
	size_t nseen = 0, k;

	if (!seen || !names) {
		free(seen);
		free((void *)names);
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		return rc;
	}
	for (i = 0; i < g->n; i++) {
		const struct ties_graph_node *nd = &g->nodes[i];
		const char *country =
			!strcmp(nd->kind, "country") ? nd->id : nd->country;

		if (!sc->keep[i] || !country)
			continue;
		for (k = 0; k < nseen; k++)
			if (!strcmp(seen[k], country))
				break;
		if (k == nseen) {
			names[nseen] = country_name(nd);
			seen[nseen++] = country;
		}
	}
	if (nseen > 0) {
		char *html;

		ties_buf__puts(&legend, "<table border=\"0\" cellborder=\"1\" "
					"cellspacing=\"2\"><tr>");
		for (k = 0; k < nseen && k < 40; k++) {
			ties_buf__printf(&legend, "<td bgcolor=\"%s\">",
					 colour_of(seen[k]));
			ties_gv__esc_html(&legend, names[k]);
			ties_buf__puts(&legend, "</td>");
		}
		ties_buf__puts(&legend, "</tr></table>");
		html = agstrdup_html(d->g, (char *)ties_buf__str(&legend));
		ties_gv__set(d->g, "label", html);
		agstrfree(d->g, html);
		ties_gv__set(d->g, "labelloc", "b");
	}
	free(seen);
	free((void *)names);
	ties_buf__release(&legend);
	return rc;
}

static int build(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		 const double *given_score, const unsigned char *given_keep,
		 struct drawing *d, unsigned *warnings)
{
	struct scene sc;
	size_t nshown = 0, namong = 0, nkeep = 0;
	const char *layout;
	int rc = 0;

	memset(&sc, 0, sizeof(sc));
	sc.score = calloc(g->n + 1, sizeof(*sc.score));
	sc.keep = calloc(g->n + 1, 1);
	sc.gvn = calloc(g->n + 1, sizeof(*sc.gvn));
	if (!sc.score || !sc.keep || !sc.gvn) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if (given_score && given_keep) {
		memcpy(sc.score, given_score, g->n * sizeof(*sc.score));
		memcpy(sc.keep, given_keep, g->n);
		for (size_t i = 0; i < g->n; i++)
			nkeep += sc.keep[i];
	} else if ((rc = ties_graph_measure(db, g, o->size_by, 0, 0,
					    sc.score)) < 0 ||
		   (rc = select_nodes(db, g, o, sc.score, sc.keep, &nkeep)) <
			   0) {
		goto done;
	}
	if (!(sc.best3 = top_ties_all(g, sc.keep)) ||
	    !(sc.drawn = edges_to_draw(g, sc.keep, nkeep, &nshown, &namong))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if (nshown < namong)
		*warnings |= TIES_DRAW_WARN_EDGES;
	if (o->layout >= 0)
		layout = layout_names[o->layout];
	else if (nkeep > 2000) {
		layout = "sfdp";
		*warnings |= TIES_DRAW_WARN_BIG;
	} else {
		layout = "fdp";
	}
	sc.clusters = o->cluster_by != TIES_CLUSTER_NONE &&
		      (!strcmp(layout, "dot") || !strcmp(layout, "fdp"));
	if (o->cluster_by == TIES_CLUSTER_COMMUNITY &&
	    (rc = node_communities(db, g, &sc.community)) < 0)
		goto done;
	for (size_t i = 0; i < g->n; i++)
		if (sc.keep[i] && sc.score[i] > sc.maxs)
			sc.maxs = sc.score[i];
	if ((rc = open_graph(db, d, layout, nkeep, nshown)) < 0 ||
	    (rc = add_nodes(db, g, o, d, &sc)) < 0 ||
	    (rc = add_edges(db, g, d, &sc)) < 0)
		goto done;
	if (o->cluster_by != TIES_CLUSTER_COMMUNITY)
		rc = add_legend(db, g, d, &sc);
done:
	free(sc.score);
	free(sc.keep);
	free(sc.drawn);
	free(sc.best3);
	free(sc.gvn);
	free(sc.community);
	ties_buf__release(&sc.b);
	return rc;
}

/* The renderer of a file name's extension: NULL for DOT. */
static int format_of(ties_db *db, const char *path, const char **fmt)
{
	const char *base = path ? strrchr(path, '/') : NULL;
	const char *ext = path ? strrchr(base ? base : path, '.') : NULL;

	*fmt = NULL;
	if (!path)
		return 0;
	if (!ext)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s': say the format with the "
				       "extension (.dot, .gv, .svg, "
				       ".png, .pdf)",
				       path);
	if (!strcmp(ext, ".svg"))
		*fmt = "svg";
	else if (!strcmp(ext, ".png"))
		*fmt = "png";
	else if (!strcmp(ext, ".pdf"))
		*fmt = "pdf";
	else if (strcmp(ext, ".dot") && strcmp(ext, ".gv"))
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s': unknown format '%s' (.dot, "
				       ".gv, .svg, .png, .pdf)",
				       path, ext);
	return 0;
}

static int draw(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		const double *score, const unsigned char *keep,
		const char *path, FILE *out, unsigned *warnings)
{
	struct drawing d = {0};
	const char *fmt = NULL;
	unsigned warn = 0;
	int rc;

	if (warnings)
		*warnings = 0;
	if ((rc = format_of(db, path, &fmt)) < 0)
		return rc;
	if ((rc = build(db, g, o, score, keep, &d, &warn)) < 0) {
		drawing_release(&d);
		return rc;
	}
	if (warnings)
		*warnings = warn;
	if (!fmt) {
		char *tmp = NULL;
		FILE *f = path ? ties_rd__out_begin(db, path, &tmp) : out;

		if (!f) {
			drawing_release(&d);
			return TIES_EIO;
		}
		rc = agwrite(d.g, f) < 0 ? -1 : 0;
		drawing_release(&d);
		if (path)
			return ties_rd__out_end(db, f, tmp, path,
						rc < 0 ? ties_db__seterr(
								 db, TIES_EIO,
								 "write error")
						       : 0);
		return rc < 0 || ferror(f)
			       ? ties_db__seterr(db, TIES_EIO, "write error")
			       : 0;
	}
	d.gvc = context();
	if (!d.gvc || layout(&d) != 0) {
		drawing_release(&d);
		return ties_db__seterr(db, TIES_ERROR,
				       "graphviz could not lay "
				       "out the diagram");
	}
	{
		char *tmp = NULL;
		FILE *f = ties_rd__out_begin(db, path, &tmp);

		if (!f) {
			drawing_release(&d);
			return TIES_EIO;
		}
		rc = gvRender(d.gvc, d.g, fmt, f);
		drawing_release(&d);
		return ties_rd__out_end(
			db, f, tmp, path,
			rc != 0 ? ties_db__seterr(db, TIES_EIO,
						  "graphviz could not write "
						  "'%s' (is the %s renderer "
						  "installed?)",
						  path, fmt)
				: 0);
	}
}

int ties_draw(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
	      const char *path, FILE *out, unsigned *warnings)
{
	assert(db && g && o);
	return draw(db, g, o, NULL, NULL, path, out, warnings);
}

int ties_draw_from(ties_db *db, enum ties_projection p,
		   const ties_filter *filter, const ties_draw_opts *o,
		   const char *path, FILE *out, unsigned *warnings)
{
	static const ties_filter none;
	const ties_filter *f = filter ? filter : &none;
	ties_graph *g = NULL;
	double *score = NULL;
	unsigned char *keep = NULL;
	const char *fmt;
	int rc = 0;

	assert(db && o);
	if (warnings)
		*warnings = 0;
	if ((rc = format_of(db, path, &fmt)) < 0)
		return rc;
	/* A focus on the entity graph without filters: only its part of
	 * the snapshot is read. Clusters by community need the whole
	 * graph. */
	if (o->focus && p == TIES_GRAPH_ENTITY && ties_filter__plain(f) &&
	    f->min_weight <= 0 && o->cluster_by != TIES_CLUSTER_COMMUNITY &&
	    (rc = ties_graph__focus(db, o->focus, o->depth, o->top, o->size_by,
				    &g, &score, &keep)) < 0)
		return rc;
	if (rc == 1)
		rc = draw(db, g, o, score, keep, path, out, warnings);
	else if ((rc = ties_graph_build(db, &g, p, f)) == 0)
		rc = draw(db, g, o, NULL, NULL, path, out, warnings);
	ties_graph_free(g);
	free(score);
	free(keep);
	return rc;
}

int ties_draw_svg(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		  char **svg, size_t *len)
{
	struct drawing d = {0};
	unsigned warn = 0;
	char *data = NULL;
	unsigned int n = 0;
	int rc;

	assert(db && g && o && svg);
	*svg = NULL;
	if ((rc = build(db, g, o, NULL, NULL, &d, &warn)) < 0) {
		drawing_release(&d);
		return rc;
	}
	d.gvc = context();
	if (!d.gvc || layout(&d) != 0 ||
	    gvRenderData(d.gvc, d.g, "svg", &data, &n) != 0) {
		drawing_release(&d);
		return ties_db__seterr(db, TIES_ERROR,
				       "graphviz could not draw the diagram");
	}
	*svg = malloc((size_t)n + 1);
	if (*svg) {
		memcpy(*svg, data, n);
		(*svg)[n] = '\0';
		if (len)
			*len = n;
	}
	gvFreeRenderData(data);
	drawing_release(&d);
	return *svg ? 0 : ties_db__seterr(db, TIES_ENOMEM, "out of memory");
}
