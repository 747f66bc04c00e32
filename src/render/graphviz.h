/*
 * graphviz.h — the Graphviz helpers of src/render: const-correct setters,
 * object ids in name order, and the escapes of labels. Private.
 */
#ifndef TIES_RENDER_GRAPHVIZ_H
#define TIES_RENDER_GRAPHVIZ_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "ties_int.h"

/* The discipline every diagram is opened with: object ids in name order. */
extern Agdisc_t ties_gv__disc;

/* Set attribute `name` of a graph, node or edge (declared on first use). */
void ties_gv__set(void *obj, const char *name, const char *value);
/* The node or subgraph `name` of g, made when missing. */
Agnode_t *ties_gv__node(Agraph_t *g, const char *name);
Agraph_t *ties_gv__sub(Agraph_t *g, const char *name);
/* Set the tooltip of a node or edge to `label`, text escaped as for a
 * label (ties_gv__esc_label): Graphviz unescapes tooltips twice (and
 * expands \N, \G there), so every escaped backslash is escaped again. */
void ties_gv__set_tooltip(void *obj, const char *label);
/* Append s escaped for an escString label, or for an HTML-like label. */
void ties_gv__esc_label(ties_buf *b, const char *s);
void ties_gv__esc_html(ties_buf *b, const char *s);

/* A diagram: its cgraph graph and, once laid out, the context. */
struct drawing {
	Agraph_t *g;
	GVC_t *gvc;
};

/* Build the styled graph of g (draw.c): the nodes given by keep (NULL:
 * chosen by o), their colours, ties, events, legend and title. */
int ties_rd__build(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		   const unsigned char *given_keep, struct drawing *d,
		   unsigned *warnings);
void ties_rd__drawing_release(struct drawing *d);

#endif
