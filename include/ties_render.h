/*
 * ties_render.h — the part of the public API of libties that draws and
 * writes out: diagrams, reports and interchange formats. Included by
 * ties.h, which a program includes instead; see there for the conventions.
 */
#ifndef TIES_RENDER_H
#define TIES_RENDER_H

#ifndef TIES_H
#error "include <ties.h>, not <ties_render.h>"
#endif

/* ---------------------------------------------------------- diagrams --- */

enum ties_cluster_by {
	TIES_CLUSTER_COUNTRY = 0,
	TIES_CLUSTER_COMMUNITY = 1,
	TIES_CLUSTER_NONE = 2,
};

enum ties_labels {
	TIES_LABELS_ALL = 0,
	TIES_LABELS_NONE = 1,
	TIES_LABELS_TOP = 2, /* the nodes at least half as central as the
				most central */
};

/* Options of ties_draw(). */
/* Which of the ties among the drawn nodes are drawn (see ties_draw). */
enum ties_backbone {
	TIES_BACKBONE_AUTO = 0,	 /* chosen by density and weight spread */
	TIES_BACKBONE_ALL,	 /* every tie (still capped by `edges`) */
	TIES_BACKBONE_KNN,	 /* each node's K strongest ties */
	TIES_BACKBONE_DISPARITY, /* Serrano, Boguñá, Vespignani 2009 */
	TIES_BACKBONE_NOISE,	 /* after Coscia and Neffke 2017 */
};

/* What the fill colour says. */
enum ties_color_by {
	TIES_COLOR_AUTO = 0, /* country; else world region (a drawing of
				countries); else community */
	TIES_COLOR_COUNTRY,
	TIES_COLOR_COMMUNITY,
	TIES_COLOR_NONE,
	TIES_COLOR_REGION, /* UN M49 sub-region of the country (CLDR) */
};

typedef struct ties_draw_opts {
	const char *focus; /* draw only the ego network of this entity */
	long depth;	   /* its radius (default 1) */
	int layout;	   /* ties_layout_parse(), or -1: fdp, and sfdp
			      with overlap removal past 150 drawn nodes
			      or 6 drawn ties a node */
	enum ties_measure size_by; /* node size (default pagerank) */
	enum ties_cluster_by cluster_by;
	long top; /* keep the N most central nodes; 0: all */
	enum ties_labels labels;
	enum ties_backbone backbone;
	double backbone_param; /* K, ALPHA or DELTA; 0: the default (3,
				  0.05, 1.64) */
	long edges;	       /* at most this many ties; 0: about 4 per
				  drawn node */
	int weighted;	       /* size_by and top by weighted measures */
	enum ties_color_by color_by;
	long runs;	   /* community runs (best of; 0: 10) */
	const char *title; /* NULL: made from the options */
	long event_nodes;  /* an event of this many drawn participants or
			      more is one node tied to each, not a
			      clique (0: 10; negative: never; at most 20
			      such events a diagram) */
} ties_draw_opts;

/* The options of `ties draw` without options: depth 1, the default
 * layout, sized by pagerank, clustered by country, the top labels, the
 * automatic backbone and colours, no focus, no title. */
void ties_draw_opts_init(ties_draw_opts *o);

/* Layout by name (dot, neato, fdp, sfdp, circo, twopi); -1 when
 * unknown. */
int ties_layout_parse(const char *name);

/* Warnings of ties_draw(). */
enum ties_draw_warnings {
	TIES_DRAW_WARN_BIG = 1u << 0,	/* over 2,000 nodes: sfdp chosen */
	TIES_DRAW_WARN_EDGES = 1u << 1, /* only the strongest ties drawn (at
					   most 3 per node, at least 500) */
};

/*
 * Draw the graph with Graphviz (cgraph, gvc). Shape by kind (institution
 * box, person ellipse, country double octagon, departments and boards
 * component, events points); one colour per country from a hash of its id,
 * with a legend; node size by `size_by`; edge width by tie weight; edge
 * style by evidence (MoU bold, meeting dashed, membership dotted), the
 * number of pieces of evidence as the edge label when more than one;
 * tooltips (kind, country, score; the evidence of each tie). Clusters
 * `cluster_<country>` (or per community) with the dot and fdp layouts.
 * The same data and options give the same file from one run of a program
 * to the next when the heap behaves the same: Graphviz's force-directed
 * layouts depend on where their objects are allocated, so a program that
 * wants identical files fixes glibc's mmap threshold first (the ties
 * program does: mallopt(M_MMAP_THRESHOLD, 32 << 20)). Within one process,
 * Graphviz's fdp keeps state from one layout to the next, so a second fdp
 * drawing may differ (the other layouts do not). A tooltip's top ties are
 * the heaviest, then the earliest in the graph's tie order.
 * `path` chooses the format by extension: .dot or .gv write DOT (not laid
 * out); .svg, .png and .pdf are laid out and rendered in-process. With
 * path NULL, DOT goes to `out`. *warnings (may be NULL) receives
 * TIES_DRAW_WARN_* flags. Returns 0, TIES_EINVALID (unknown extension),
 * TIES_EIO, TIES_ERROR.
 */
int ties_draw(ties_db *db, const ties_graph *g, const ties_draw_opts *opts,
	      const char *path, FILE *out, unsigned *warnings);

/* The diagram as an SVG document in memory: *svg is NUL-terminated and
 * owned by the caller, who frees it with ties_free(). */
/*
 * ties_draw() of graph p with `filter` (NULL: none), built here. A focus
 * diagram (opts->focus) of the entity graph without filters reads only its
 * part of the adjacency snapshot beside the database when the snapshot is
 * of the data's generation and the size measure is degree or its scores
 * are kept beside the snapshot (after one ties_graph_measure() of the whole
 * graph since the last write): the diagram is the same, without loading
 * the whole graph. Otherwise the graph is built and ties_draw() draws it.
 */
int ties_draw_from(ties_db *db, enum ties_projection p,
		   const ties_filter *filter, const ties_draw_opts *opts,
		   const char *path, FILE *out, unsigned *warnings);
int ties_draw_svg(ties_db *db, const ties_graph *g, const ties_draw_opts *opts,
		  char **svg, size_t *len);

/*
 * Write a report to `path`: .html gives one self-contained page (no remote
 * assets: the SVG inline, sortable tables, a search box that highlights an
 * entity in the diagram, pan and zoom); .md gives GitHub Markdown with the
 * diagram as an .svg beside it (report.md → report.svg). Contents: a
 * summary in words made from the tables below; counts; the top 10
 * entities by degree, betweenness and pagerank; communities (Leiden, best
 * of 10 seeds); the ties between countries; the events and relations
 * between the three strongest country pairs; the diagram (the 150 most
 * central entities when there are more). Each table shows its first
 * `rows` rows (25 when 0) and says how many more; headers read as words,
 * reals as integers when whole, else to 4 significant digits. `title` may
 * be NULL.
 */
int ties_report(ties_db *db, const ties_filter *filter, const char *path,
		const char *title, long rows);

/* ------------------------------------------------------ interchange --- */

enum ties_export_format {
	TIES_EXPORT_DOT = 0,
	TIES_EXPORT_GRAPHML,
	TIES_EXPORT_GEXF,
	TIES_EXPORT_CSV,
	TIES_EXPORT_JSON,
	TIES_EXPORT_EDGELIST,
	TIES_EXPORT_CSV_EXCEL, /* the CSV tables for people, as
				  TIES_FORMAT_CSV_EXCEL: not for re-import */
};

/* Export format by name (dot, graphml, gexf, csv, json, edgelist); -1 if
 * unknown. */
int ties_export_format_parse(const char *name);

/*
 * Export. Graph formats (the tie graph of projection `p` and `filter`):
 *  - GraphML: nodes with label, kind, country; edges with weight, evidence
 *    (the events and relations behind the tie; for countries, the events)
 *    and the first and last evidence dates.
 *  - edgelist: one tie per line, "SOURCE-ID TAB TARGET-ID TAB WEIGHT" (ids
 *    hold no white space), no header: igraph's read_ncol, NetworkX's
 *    read_weighted_edgelist, any awk.
 *  - GEXF (1.2draft, which NetworkX reads, or 1.3 with `gexf13`): the same,
 *    each tie with its first and last evidence date as start and end, so
 *    that Gephi's timeline works.
 *  - DOT: the styled diagram source of ties_draw().
 * Store formats (the whole store; the filter does not apply), importable
 * again:
 *  - CSV: the five tables into the directory `path` (made if missing).
 *  - JSON: one document {format, schema, sources, entities, events,
 *    relations, participants}, each row an object with its attributes.
 * With path NULL the output goes to `out` (not for CSV).
 */
int ties_export(ties_db *db, enum ties_export_format fmt, const char *path,
		FILE *out, enum ties_projection p, const ties_filter *filter,
		int gexf13);

#endif /* TIES_RENDER_H */
