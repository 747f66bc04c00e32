/*
 * draw_int.h — what draw.c and draw_colour.c share: the scene of a diagram
 * being built (its nodes, scores, colours, ranks, events) and the colour
 * categories. Private to src/render.
 */
#ifndef TIES_RENDER_DRAW_INT_H
#define TIES_RENDER_DRAW_INT_H

#include "render/graphviz.h"
#include "render/render_int.h"

/* ColorBrewer Set3 (draw_colour.c), and the grey of the other
 * categories. */
#define NPALETTE 12
#define OTHER	 "#eeeeee"
extern const char *const ties_rd__palette[NPALETTE];

struct scene {
	double *score, maxs, maxw;
	unsigned char *keep, *drawn;
	long *best3; /* each node's three strongest ties (tooltips) */
	Agnode_t **gvn;
	int *community; /* by node, when clustered or coloured by community */
	int clusters;	/* Graphviz clusters (dot and fdp only) */
	enum ties_color_by color_by;
	long focus; /* the node of --focus, or -1 */
	/* Categories of colour, most frequent first: key, label, count;
	 * cat[i] the category of node i (-1 none). */
	size_t ncat;
	char **ckey, **clabel;
	long *ccount;
	long *cat;
	long *rank; /* by node: place by score among the drawn (0 = top) */
	size_t nlabels;
	unsigned kinds;	 /* shapes drawn: 1 institution, 2 person, 4 country,
			    8 unit, 16 other */
	unsigned styles; /* 1 MoU, 2 meeting, 4 membership, 8 other */
	double *ew;	 /* tie weights less the events drawn as nodes */
	struct ties_rd_events events; /* drawn as nodes */
	long event_min;
	ties_buf b;
};

/* The country of a node (a country its own), or NULL; its name. */
const char *ties_rd__country_of(const struct ties_graph_node *nd);
const char *ties_rd__country_name(const struct ties_graph_node *n);
/* The graph of the kept nodes (keep[i]) and the ties among them, in g's
 * order, undirected, its nodes g's (borrowed): 0, or TIES_ENOMEM (not
 * reported). Released with ties_rd__kept_release. */
int ties_rd__kept_graph(const ties_graph *g, const unsigned char *keep,
			ties_graph *sub);
void ties_rd__kept_release(ties_graph *sub);
/* Each drawn node's community, the best of o->runs Leiden runs. */
int ties_rd__node_communities(ties_db *db, const ties_graph *g,
			      const ties_draw_opts *o,
			      const unsigned char *keep, int **out);
/* The colour categories of the drawn nodes, most frequent first. */
int ties_rd__categories(const ties_graph *g, struct scene *sc);
void ties_rd__categories_release(struct scene *sc);
/* The fill of node i: its category's colour, or OTHER. */
const char *ties_rd__fill_of(const struct scene *sc, size_t i);
/* The drawn ties (draw_edges.c): width by weight, style by evidence, the
 * count of evidence as a label on small diagrams, a tooltip. */
int ties_rd__add_edges(ties_db *db, const ties_graph *g, struct drawing *d,
		       struct scene *sc, size_t nshown);
/* Each drawn node's place by score (0 the highest). */
int ties_rd__ranks(const ties_graph *g, struct scene *sc);

#endif
