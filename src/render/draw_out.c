/*
 * draw_out.c — a diagram built by draw.c written out: as DOT, or laid out
 * with a fixed seed and rendered in-process by gvc (SVG, PNG, PDF), whole
 * or not at all; the public ties_draw* entry points.
 */
#define _XOPEN_SOURCE 700 /* srand48 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "render/graphviz.h"
#include "render/render_int.h"

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

void ties_rd__drawing_release(struct drawing *d)
{
	if (d->gvc && d->g)
		gvFreeLayout(d->gvc, d->g);
	if (d->g)
		agclose(d->g);
	memset(d, 0, sizeof(*d));
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
		const unsigned char *keep,
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
	if ((rc = ties_rd__step(db, 0, 3, "draw: choosing what to draw")) < 0 ||
	    (rc = ties_rd__build(db, g, o, keep, &d, &warn)) < 0) {
		ties_rd__drawing_release(&d);
		return rc;
	}
	if (warnings)
		*warnings = warn;
	if (!fmt) {
		char *tmp = NULL;
		FILE *f = path ? ties_rd__out_begin(db, path, &tmp) : out;

		if (!f) {
			ties_rd__drawing_release(&d);
			return TIES_EIO;
		}
		rc = agwrite(d.g, f) < 0 ? -1 : 0;
		ties_rd__drawing_release(&d);
		if (rc == 0)
			ties_rd__step(db, 3, 3, "draw");
		if (path)
			return ties_rd__out_end(
				db, f, tmp, path,
				rc < 0 ? ties_db__seterr(db, TIES_EIO,
							 "write error")
				       : 0);
		return rc < 0 || ferror(f)
			       ? ties_db__seterr(db, TIES_EIO, "write error")
			       : 0;
	}
	if ((rc = ties_rd__step(db, 1, 3, "draw: layout")) < 0) {
		ties_rd__drawing_release(&d);
		return rc;
	}
	d.gvc = context();
	if (!d.gvc || layout(&d) != 0) {
		ties_rd__drawing_release(&d);
		return ties_db__seterr(db, TIES_ERROR,
				       "graphviz could not lay "
				       "out the diagram");
	}
	{
		char *tmp = NULL;
		FILE *f;

		if ((rc = ties_rd__step(db, 2, 3, "draw: rendering")) < 0 ||
		    !(f = ties_rd__out_begin(db, path, &tmp))) {
			ties_rd__drawing_release(&d);
			return rc < 0 ? rc : TIES_EIO;
		}
		rc = gvRender(d.gvc, d.g, fmt, f);
		ties_rd__drawing_release(&d);
		if (rc == 0)
			ties_rd__step(db, 3, 3, "draw");
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

void ties_draw_opts_init(ties_draw_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->depth = 1;
	o->layout = -1;
	o->size_by = TIES_PAGERANK;
	o->cluster_by = TIES_CLUSTER_COUNTRY;
	o->labels = TIES_LABELS_TOP;
	o->backbone = TIES_BACKBONE_AUTO;
	o->color_by = TIES_COLOR_AUTO;
}

int ties_draw(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
	      const char *path, FILE *out, unsigned *warnings)
{
	assert(db && g && o);
	return draw(db, g, o, NULL, path, out, warnings);
}

int ties_draw_from(ties_db *db, enum ties_projection p,
		   const ties_filter *filter, const ties_draw_opts *o,
		   const char *path, FILE *out, unsigned *warnings)
{
	static const ties_filter none;
	const ties_filter *f = filter ? filter : &none;
	ties_graph *g = NULL;
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
	    (rc = ties_graph__focus(db, o->focus, o->depth, o->top, &g,
				    &keep)) < 0)
		return rc;
	if (rc == 1)
		rc = draw(db, g, o, keep, path, out, warnings);
	else if ((rc = ties_graph_build(db, &g, p, f)) == 0)
		rc = draw(db, g, o, NULL, path, out, warnings);
	ties_graph_free(g);
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
	if ((rc = ties_rd__build(db, g, o, NULL, &d, &warn)) < 0) {
		ties_rd__drawing_release(&d);
		return rc;
	}
	d.gvc = context();
	if (!d.gvc || layout(&d) != 0 ||
	    gvRenderData(d.gvc, d.g, "svg", &data, &n) != 0) {
		ties_rd__drawing_release(&d);
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
	ties_rd__drawing_release(&d);
	return *svg ? 0 : ties_db__seterr(db, TIES_ENOMEM, "out of memory");
}
