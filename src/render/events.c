/*
 * events.c — events of many participants drawn as one node (affiliation
 * style) instead of a clique: a 12-person meeting is one small node tied
 * to its 12 participants, not 66 lines. Each such event takes one off the
 * weight of every tie between two of its drawn participants (the weight
 * counts shared events), so a tie that only that event made is not drawn
 * twice.
 */
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "render/render_int.h"

struct collect {
	const ties_graph *g;
	const unsigned char *keep;
	long min;
	unsigned char *ok;		/* by event rowid: passes the filter */
	char (*date)[11];		/* by event rowid */
	char **title;			/* by event rowid */
	sqlite3_int64 maxev, cur;
	uint32_t *members;
	size_t n, cap;
	struct ties_rd_events *out;
	int oom;
};

static int on_event(void *ctx, sqlite3_int64 rowid, const char *id,
		    const char *title, const char *kind, const char *date)
{
	struct collect *c = ctx;

	(void)id;
	if (rowid < 1 || rowid > c->maxev ||
	    !ties_filter__event_ok(&c->g->filter, kind, date))
		return 0;
	c->ok[rowid] = 1;
	snprintf(c->date[rowid], 11, "%s", date ? date : "");
	if (!(c->title[rowid] = strdup(title && *title ? title : kind)))
		c->oom = 1;
	return c->oom;
}

/* The event being read is done: keep it when enough took part. */
static void flush(struct collect *c)
{
	struct ties_rd_events *o = c->out;
	struct ties_rd_event *e;

	if (c->cur < 1 || (long)c->n < c->min) {
		c->n = 0;
		return;
	}
	if (o->n == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 8;
		struct ties_rd_event *v = realloc(o->v, cap * sizeof(*v));

		if (!v) {
			c->oom = 1;
			return;
		}
		o->v = v;
		o->cap = cap;
	}
	e = &o->v[o->n];
	memset(e, 0, sizeof(*e));
	if (!(e->members = malloc(c->n * sizeof(*e->members)))) {
		c->oom = 1;
		return;
	}
	memcpy(e->members, c->members, c->n * sizeof(*e->members));
	e->n = c->n;
	e->title = c->title[c->cur];
	c->title[c->cur] = NULL;
	memcpy(e->date, c->date[c->cur], 11);
	o->n++;
	c->n = 0;
}

static int on_part(void *ctx, sqlite3_int64 event, sqlite3_int64 entity)
{
	struct collect *c = ctx;
	long v;

	if (event != c->cur) {
		flush(c);
		c->cur = event;
	}
	if (event < 1 || event > c->maxev || !c->ok[event] ||
	    (v = ties_graph__node_of(c->g, entity)) < 0 || !c->keep[v])
		return c->oom;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		uint32_t *m = realloc(c->members, cap * sizeof(*m));

		if (!m) {
			c->oom = 1;
			return 1;
		}
		c->members = m;
		c->cap = cap;
	}
	/* Participations come grouped by event, each entity once. */
	c->members[c->n++] = (uint32_t)v;
	return 0;
}

void ties_rd__events_release(struct ties_rd_events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		free(ev->v[i].members);
		free(ev->v[i].title);
	}
	free(ev->v);
	memset(ev, 0, sizeof(*ev));
}

int ties_rd__events(ties_db *db, const ties_graph *g,
		    const unsigned char *keep, long min,
		    struct ties_rd_events *out)
{
	struct collect c;
	sqlite3_int64 maxent = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (min < 2 || g->projection != TIES_GRAPH_ENTITY)
		return 0;
	memset(&c, 0, sizeof(c));
	c.g = g;
	c.keep = keep;
	c.min = min;
	c.out = out;
	c.cur = -1;
	if ((rc = ties_store__max_rowids(db, &maxent, &c.maxev)) < 0)
		return rc;
	c.ok = calloc((size_t)c.maxev + 1, 1);
	c.date = calloc((size_t)c.maxev + 1, sizeof(*c.date));
	c.title = calloc((size_t)c.maxev + 1, sizeof(*c.title));
	rc = 0;
	if (!c.ok || !c.date || !c.title)
		c.oom = 1;
	else if ((rc = ties_store__scan_events(db, on_event, &c)) >= 0 &&
		 !c.oom &&
		 (rc = ties_store__scan_participants(db, on_part, &c)) >= 0)
		flush(&c);
	for (sqlite3_int64 e = 0; c.title && e <= c.maxev; e++)
		free(c.title[e]);
	free(c.title);
	free(c.date);
	free(c.ok);
	free(c.members);
	if (c.oom)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if (rc < 0) {
		ties_rd__events_release(out);
		return rc;
	}
	return 0;
}
