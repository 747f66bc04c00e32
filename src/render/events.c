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
	const ties_filter *f;
	const uint32_t *node;		/* the place among rows -> graph node */
	long min;
	sqlite3_int64 cur, *rowid;	/* rowid[k]: event of out->v[k] */
	uint32_t *members;
	size_t n, cap, nrow, keep;
	struct ties_rd_events *out;
	int oom;
};

/* The event being read is done: a candidate when enough took part. */
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
		sqlite3_int64 *r = realloc(c->rowid, cap * sizeof(*r));

		if (r)
			c->rowid = r;
		if (v)
			o->v = v;
		if (!v || !r) {
			c->oom = 1;
			return;
		}
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
	c->rowid[o->n++] = c->cur;
	c->n = 0;
}

static int on_part(void *ctx, sqlite3_int64 event, sqlite3_int64 i)
{
	struct collect *c = ctx;

	if (event != c->cur) {
		flush(c);
		c->cur = event;
	}
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
	c->members[c->n++] = c->node[i];
	return c->oom;
}

/* A candidate read back: kept, its date and title, when the graph's
 * filter lets it through. */
static int on_event(void *ctx, sqlite3_int64 rowid, const char *id,
		    const char *title, const char *kind, const char *date)
{
	struct collect *c = ctx;
	struct ties_rd_event *e = &c->out->v[c->nrow++];

	(void)id;
	(void)rowid;
	if (!ties_filter__event_ok(c->f, kind, date)) {
		free(e->members);
		return 0;
	}
	if (!(e->title = strdup(title && *title ? title : kind))) {
		free(e->members);
		c->oom = 1;
		return 1;
	}
	snprintf(e->date, sizeof(e->date), "%s", date ? date : "");
	c->out->v[c->keep++] = *e;
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
	sqlite3_int64 *rows = NULL;
	uint32_t *node = NULL;
	size_t n = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (min < 2 || g->projection != TIES_GRAPH_ENTITY)
		return 0;
	memset(&c, 0, sizeof(c));
	c.f = &g->filter;
	c.min = min;
	c.out = out;
	c.cur = -1;
	/* The kept entities' participations only, not every event's: a
	 * focus diagram of 300 entities reads theirs, not 7 million. */
	if (!(rows = malloc((g->n + 1) * sizeof(*rows))) ||
	    !(node = malloc((g->n + 1) * sizeof(*node)))) {
		c.oom = 1;
		goto done;
	}
	for (size_t v = 0; v < g->n; v++)
		if (keep[v]) {
			rows[n] = g->nodes[v].rowid;
			node[n++] = (uint32_t)v;
		}
	c.node = node;
	if ((rc = ties_store__set_participations(db, rows, n, on_part, &c)) <
		    0 ||
	    c.oom)
		goto done;
	flush(&c);
	if (c.oom)
		goto done;
	rc = ties_store__events_at(db, c.rowid, out->n, on_event, &c);
done:
	/* The candidates not read back still own their members. */
	for (size_t k = c.nrow; k < out->n; k++)
		free(out->v[k].members);
	out->n = c.keep;
	free(rows);
	free(node);
	free(c.rowid);
	free(c.members);
	if (c.oom)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	if (rc < 0) {
		ties_rd__events_release(out);
		return rc;
	}
	return 0;
}
