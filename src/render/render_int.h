/*
 * render_int.h — what the writers of src/render share. Private.
 */
#ifndef TIES_RENDER_RENDER_INT_H
#define TIES_RENDER_RENDER_INT_H

#include <stdint.h>
#include <stdio.h>

#include "ties_int.h"

/* Write s with & < > " ' as entities. With xml, ' is &apos;, newlines,
 * tabs and returns are character references (an attribute keeps them) and
 * the other control characters, which XML 1.0 cannot carry, are dropped;
 * else ' is &#39; and the rest is written as it is. */
void ties_rd__escape(FILE *f, const char *s, int xml);

/*
 * Write `path` whole or not at all: ties_rd__out_begin gives a file made
 * by mkstemp beside it (*tmp its name; NULL and the reason on the handle
 * when it cannot be made: no such directory, no permission);
 * ties_rd__out_end closes it and, when rc is 0 and every write went
 * through, renames it into place; else removes it. Returns rc, or the
 * write error with its reason.
 */
FILE *ties_rd__out_begin(ties_db *db, const char *path, char **tmp);

/* Tell the handle's progress callback that step i of n, `what`, begins
 * (i == n: all done); < 0 when the callback cancels. */
int ties_rd__step(ties_db *db, int i, int n, const char *what);
int ties_rd__out_end(ties_db *db, FILE *f, char *tmp, const char *path,
		     int rc);

/*
 * The ties among the kept nodes to draw (draw[e] != 0; draw holds g->m + 1
 * bytes): the backbone o->backbone asks for (or the one chosen), each
 * node's strongest tie, at most o->edges (about 4 a drawn node). `what`
 * gets one line saying what was done, with the numbers. 0 or TIES_ENOMEM.
 */
int ties_rd__backbone(const ties_graph *g, const double *ew,
		      const unsigned char *keep, size_t nkeep,
		      const ties_draw_opts *o, unsigned char *draw,
		      ties_buf *what);

/* An event drawn as a node: its drawn participants (nodes), title, date. */
struct ties_rd_event {
	uint32_t *members;
	size_t n;
	char *title;
	char date[11];
};

struct ties_rd_events {
	struct ties_rd_event *v;
	size_t n, cap;
};

/*
 * The events, of those the graph's filter lets through, with at least
 * `min` participants among the kept nodes (none when min < 2, or outside
 * the entity graph). 0, or an error (reported).
 */
int ties_rd__events(ties_db *db, const ties_graph *g,
		    const unsigned char *keep, long min,
		    struct ties_rd_events *out);
void ties_rd__events_release(struct ties_rd_events *ev);

/* The UN M49 sub-region of a country (alpha-2, lower case), by name, from
 * CLDR ("Western Europe"); NULL when unknown or without CLDR. */
const char *ties_rd__region(const char *country);

#endif
