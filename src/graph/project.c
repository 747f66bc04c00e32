/*
 * project.c — the projections of the store onto a tie graph: entity,
 * institution, country and bipartite, with the filters applied first.
 *
 * Rows are streamed from the store (store/scan.c) and aggregated in C:
 * rowids map to node indices through arrays indexed by rowid. Participations
 * arrive grouped by event, so an event's participants are collected,
 * deduplicated, and each pair among them gains weight 1. The unfiltered
 * entity graph is read from the snapshot when it is of the data's
 * generation, and written to it otherwise.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph_int.h"

static int on_entity(void *ctx, sqlite3_int64 rowid, const char *id,
		     const char *name, const char *kind, sqlite3_int64 country,
		     const char *country_id, const char *country_name, int used)
{
	struct build *b = ctx;
	int is_country = !strcmp(kind, "country");
	int node;

	b->home[rowid] = is_country ? rowid : country;
	b->is_inst[rowid] = !strcmp(kind, "institution");
	if (b->p == TIES_GRAPH_COUNTRY)
		return 0; /* the entity graph is built apart */
	if (!used || !ties_gr__in_list(kind, b->f->kinds, b->f->nkinds) ||
	    !ties_gr__country_ok(b, rowid, country))
		return 0;
	if (b->p == TIES_GRAPH_INSTITUTION && !b->is_inst[rowid])
		return 0;
	node = (int)b->g->n;
	if (ties_gr__add_node(b->g, rowid, 0, id, name, kind, country_id,
			      country_name, country) < 0)
		return ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
	b->node_of[rowid] = node;
	return 0;
}

static int on_event(void *ctx, sqlite3_int64 rowid, const char *id,
		    const char *title, const char *kind, const char *date)
{
	struct build *b = ctx;

	if (!ties_filter__event_ok(b->f, kind, date))
		return 0;
	b->accepted[rowid] = 1;
	if (b->evdate && b->evdate_hi) {
		if (date && *date) {
			ties_date__lo(date, b->evdate[rowid]);
			ties_date__hi(date, b->evdate_hi[rowid]);
		}
	}
	if (b->p == TIES_GRAPH_BIPARTITE) {
		b->event_node[rowid] = (int32_t)b->g->n;
		if (ties_gr__add_node(b->g, rowid, 1, id, title, kind, NULL,
				      NULL, 0) < 0)
			return ties_db__seterr(b->db, TIES_ENOMEM,
					       "out of memory");
	}
	return 0;
}

static int push_member(struct build *b, uint32_t node, sqlite3_int64 rep)
{
	if (b->nmembers == b->capmembers) {
		size_t cap = b->capmembers ? b->capmembers * 2 : 64;
		uint32_t *p = realloc(b->members, cap * sizeof(*p));
		sqlite3_int64 *r;

		if (!p)
			return TIES_ENOMEM;
		b->members = p;
		if (!(r = realloc(b->rep, cap * sizeof(*r))))
			return TIES_ENOMEM;
		b->rep = r;
		b->capmembers = cap;
	}
	b->rep[b->nmembers] = rep;
	b->members[b->nmembers++] = node;
	return 0;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, c = *(const uint32_t *)y;

	return a < c ? -1 : a > c;
}

static int cmp_link(const void *x, const void *y)
{
	const struct link *a = x, *c = y;

	return a->from < c->from ? -1 : a->from > c->from;
}

/* The first institution up the part_of chain of `e` (itself included);
 * -1 when none. Memoised; cycles and chains over 32 long give none. */
static sqlite3_int64 institution_of(struct build *b, sqlite3_int64 e, int depth)
{
	sqlite3_int64 r = -1;
	size_t lo = 0, hi = b->nparents;

	if (e <= 0 || e > b->maxent)
		return -1;
	if (b->inst_memo[e])
		return b->inst_memo[e];
	if (b->is_inst[e])
		return b->inst_memo[e] = e;
	if (depth > 32)
		return -1;
	b->inst_memo[e] = -1; /* a cycle back here finds none */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (b->parents[mid].from < e)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < b->nparents && b->parents[lo].from == e && r < 0; lo++)
		r = institution_of(b, b->parents[lo].to, depth + 1);
	return b->inst_memo[e] = r;
}

/* Whether membership m is in force at some time of [lo, hi] (YYYY-MM-DD;
 * "" is open: an undated event or relation meets every membership). */
static int in_force(const struct link *m, const char *lo, const char *hi)
{
	return !((*lo && *m->hi && strcmp(lo, m->hi) > 0) ||
		 (*hi && *m->lo && strcmp(hi, m->lo) < 0));
}

/* Add to the members the node(s) entity `e` stands for over [lo, hi]: in
 * the institution projection, the first institution up its part_of chain,
 * or for a person the institutions of the memberships in force then. */
int ties_gr__collect(struct build *b, sqlite3_int64 e, const char *lo,
		     const char *hi)
{
	sqlite3_int64 inst;
	size_t first = 0, last;

	if (b->p != TIES_GRAPH_INSTITUTION) {
		if (b->node_of[e] >= 0)
			return push_member(b, (uint32_t)b->node_of[e], e);
		return 0;
	}
	inst = institution_of(b, e, 0);
	if (inst > 0)
		return b->node_of[inst] >= 0
			       ? push_member(b, (uint32_t)b->node_of[inst], e)
			       : 0;
	last = b->nmemberships;
	while (first < last) {
		size_t mid = (first + last) / 2;

		if (b->memberships[mid].from < e)
			first = mid + 1;
		else
			last = mid;
	}
	for (; first < b->nmemberships && b->memberships[first].from == e;
	     first++) {
		const struct link *m = &b->memberships[first];

		if (!in_force(m, lo, hi))
			continue;
		inst = institution_of(b, m->to, 0);
		if (inst > 0 && b->node_of[inst] >= 0 &&
		    push_member(b, (uint32_t)b->node_of[inst], e) < 0)
			return TIES_ENOMEM;
	}
	return 0;
}

/* The collected members, each node once with who stands for it: the one
 * entity that does, or -1 when several do. */
static size_t members_once(struct build *b)
{
	size_t i, n = 0;

	if (b->p != TIES_GRAPH_INSTITUTION) {
		qsort(b->members, b->nmembers, sizeof(*b->members), cmp_u32);
		for (i = 0; i < b->nmembers; i++)
			if (i == 0 || b->members[i] != b->members[i - 1])
				b->members[n++] = b->members[i];
		return n;
	}
	/* Few members an event: insertion by node. */
	for (i = 0; i < b->nmembers; i++) {
		uint32_t v = b->members[i];
		sqlite3_int64 r = b->rep[i];
		size_t k;

		for (k = 0; k < n && b->members[k] < v; k++)
			;
		if (k < n && b->members[k] == v) {
			if (b->rep[k] != r)
				b->rep[k] = -1;
			continue;
		}
		memmove(&b->members[k + 1], &b->members[k],
			(n - k) * sizeof(*b->members));
		memmove(&b->rep[k + 1], &b->rep[k], (n - k) * sizeof(*b->rep));
		b->members[k] = v;
		b->rep[k] = r;
		n++;
	}
	return n;
}

/* Tie every pair of the collected members once. */
static int flush_event(struct build *b)
{
	size_t i, j, n = 0;

	if (b->nmembers == 0)
		return 0;
	n = members_once(b);
	if (b->p == TIES_GRAPH_BIPARTITE) {
		uint32_t evnode = (uint32_t)b->event_node[b->cur_event];

		for (i = 0; i < n; i++)
			if (ties_gr__add_tie(b->g, &b->map, b->members[i],
					     evnode, 1) < 0 ||
			    ties_gr__tie_dates(
				    b->g,
				    b->evdate ? b->evdate[b->cur_event] : NULL,
				    b->evdate_hi ? b->evdate_hi[b->cur_event]
						 : NULL) < 0)
				return TIES_ENOMEM;
	} else {
		/* Two institutions are tied by an event when two different
		 * participants stand for them: one person's two memberships
		 * alone tie nothing. */
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++) {
				if (b->p == TIES_GRAPH_INSTITUTION &&
				    b->rep[i] >= 0 && b->rep[i] == b->rep[j])
					continue;
				if (ties_gr__add_tie(b->g, &b->map,
						     b->members[i],
						     b->members[j], 1) < 0 ||
				    ties_gr__tie_dates(
					    b->g,
					    b->evdate ? b->evdate[b->cur_event]
						      : NULL,
					    b->evdate_hi
						    ? b->evdate_hi[b->cur_event]
						    : NULL) < 0)
					return TIES_ENOMEM;
			}
	}
	b->nmembers = 0;
	return 0;
}

/*
 * A participation of the scan, which comes event by event: flushes the event
 * before it with `flush` when `event` is a new one. 1 when the participation
 * counts (its event accepted by the filters, its entity known), 0 when not,
 * an error code (set on the database) when flushing failed.
 */
int ties_gr__next_participation(struct build *b, sqlite3_int64 event,
				sqlite3_int64 entity,
				int (*flush)(struct build *b))
{
	int rc;

	if (event != b->cur_event) {
		if ((rc = flush(b)) < 0)
			return ties_db__seterr(b->db, rc, "out of memory");
		b->cur_event = event;
	}
	return event <= b->maxev && b->accepted[event] && entity <= b->maxent;
}

static int on_participant(void *ctx, sqlite3_int64 event, sqlite3_int64 entity)
{
	struct build *b = ctx;
	int rc;

	if ((rc = ties_gr__next_participation(b, event, entity,
					      flush_event)) <= 0)
		return rc;
	if (b->p == TIES_GRAPH_COUNTRY) {
		/* Collected as entity rowids; mapped to countries later. */
		return 0;
	}
	if (ties_gr__collect(b, entity, b->evdate ? b->evdate[event] : "",
			     b->evdate_hi ? b->evdate_hi[event] : "") < 0)
		return ties_db__seterr(b->db, TIES_ENOMEM, "out of memory");
	return 0;
}

static int push_link(struct link **v, size_t *n, size_t *cap,
		     sqlite3_int64 from, sqlite3_int64 to, const char *start,
		     const char *end)
{
	struct link *l;

	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct link *p = realloc(*v, c * sizeof(*p));

		if (!p)
			return TIES_ENOMEM;
		*v = p;
		*cap = c;
	}
	l = &(*v)[(*n)++];
	l->from = from;
	l->to = to;
	l->lo[0] = l->hi[0] = '\0';
	if (start && *start)
		ties_date__lo(start, l->lo);
	if (end && *end)
		ties_date__hi(end, l->hi);
	return 0;
}

/* Institution projection, first pass: part_of and member_of links. */
static int on_link(void *ctx, sqlite3_int64 source, sqlite3_int64 target,
		   const char *kind, const char *start, const char *end,
		   double weight)
{
	struct build *b = ctx;
	int rc = 0;

	(void)weight;
	if (!strcmp(kind, "part_of"))
		rc = push_link(&b->parents, &b->nparents, &b->capparents,
			       source, target, start, end);
	else if (!strcmp(kind, "member_of"))
		rc = push_link(&b->memberships, &b->nmemberships,
			       &b->capmemberships, source, target, start, end);
	return rc < 0 ? ties_db__seterr(b->db, rc, "out of memory") : 0;
}

static int on_relation(void *ctx, sqlite3_int64 source, sqlite3_int64 target,
		       const char *kind, const char *start, const char *end,
		       double weight)
{
	struct build *b = ctx;
	size_t i, j, na;
	int rc;

	if (!ties_filter__relation_ok(b->f, kind, start, end) ||
	    b->p == TIES_GRAPH_BIPARTITE || b->p == TIES_GRAPH_COUNTRY ||
	    TIES_EVENTS_ONLY(b->f))
		return 0;
	/* Memberships are what the institution projection rolls up. */
	if (b->p == TIES_GRAPH_INSTITUTION && !strcmp(kind, "member_of"))
		return 0;
	{
		char lo[11] = "", hi[11] = "", until[11] = "";

		if (start && *start)
			ties_date__lo(start, lo);
		if (end && *end)
			ties_date__hi(end, until);
		/* The memberships in force while the relation is: from its
		 * start (or always) to its end (or on). */
		b->nmembers = 0;
		if ((rc = ties_gr__collect(b, source, lo, until)) < 0)
			return ties_db__seterr(b->db, rc, "out of memory");
		na = b->nmembers;
		if ((rc = ties_gr__collect(b, target, lo, until)) < 0)
			return ties_db__seterr(b->db, rc, "out of memory");
		/* The tie's dates: the relation's, or its start's. */
		if (*until)
			memcpy(hi, until, sizeof(hi));
		else if (start && *start)
			ties_date__hi(start, hi);
		/* Directed: an arc from the source's side for a directed
		 * kind, else one each way. */
		long dummy;
		int ways = !b->g->directed ? 1
			   : ties_strmap__get(&b->role.dkinds, kind, &dummy)
				   ? 1
				   : 2;

		for (i = 0; i < na; i++)
			for (j = na; j < b->nmembers; j++)
				for (int w = 0; w < ways; w++)
					if (ties_gr__add_tie(
						    b->g, &b->map,
						    b->members[w ? j : i],
						    b->members[w ? i : j],
						    TIES_ROLE_MODE(b->f) ? 0
									 : 1) <
						    0 ||
					    (TIES_ROLE_MODE(b->f) &&
					     ties_gr__piece(b, weight) < 0) ||
					    ties_gr__tie_dates(b->g, lo, hi) <
						    0)
						return ties_db__seterr(
							b->db, TIES_ENOMEM,
							"out of memory");
	}
	b->nmembers = 0;
	return 0;
}

static void build_release(struct build *b)
{
	ties_gr__edgemap_release(&b->map);
	free(b->countries);
	free(b->node_of);
	free(b->home);
	free(b->is_inst);
	free(b->accepted);
	free(b->rep);
	free(b->evdate);
	free(b->evdate_hi);
	free(b->event_node);
	free(b->members);
	free(b->parents);
	free(b->memberships);
	free(b->inst_memo);
	ties_gr__role_release(b);
}

/* Keep only ties of at least the minimum weight, and of some weight (a
 * share of none). */
static void prune(ties_graph *g, double min)
{
	size_t i, m = 0;

	for (i = 0; i < g->m; i++)
		if (g->ew[i] > 0 && g->ew[i] >= min) {
			g->ea[m] = g->ea[i];
			g->eb[m] = g->eb[i];
			g->ew[m] = g->ew[i];
			if (g->events)
				g->events[m] = g->events[i];
			if (g->first && g->last) {
				memcpy(g->first[m], g->first[i], 11);
				memcpy(g->last[m], g->last[i], 11);
			}
			m++;
		}
	g->m = m;
}

int ties_filter__plain(const ties_filter *f)
{
	return !f->nkinds && !f->ncountries && !f->nevent_kinds &&
	       !f->nrelation_kinds && !f->from && !f->to && !f->at &&
	       !f->with_dates && !TIES_ROLE_MODE(f);
}

/* Whether graph p with filter f is the snapshot's: the entity graph
 * without filters (a minimum weight is applied afterwards). */
static int plain(enum ties_projection p, const ties_filter *f)
{
	return p == TIES_GRAPH_ENTITY && ties_filter__plain(f);
}

/* The ties of g from the snapshot, when its nodes are g's: 1, else 0. */
static int from_snap(ties_graph *g, const struct ties_snap *sn)
{
	size_t i, cap = sn->m ? (size_t)sn->m : 1;

	if (sn->n != g->n)
		return 0;
	for (i = 0; i < g->n; i++)
		if (g->nodes[i].rowid != sn->rowid[i])
			return 0;
	if (!(g->ea = malloc(cap * sizeof(*g->ea))) ||
	    !(g->eb = malloc(cap * sizeof(*g->eb))) ||
	    !(g->ew = malloc(cap * sizeof(*g->ew))))
		return TIES_ENOMEM;
	memcpy(g->ea, sn->ea, (size_t)sn->m * sizeof(*g->ea));
	memcpy(g->eb, sn->eb, (size_t)sn->m * sizeof(*g->eb));
	memcpy(g->ew, sn->a.ew, (size_t)sn->m * sizeof(*g->ew));
	g->m = (size_t)sn->m;
	g->capm = cap;
	return 1;
}

/* The filter's countries as rowids, and the arrays indexed by entity and
 * event rowid that the projection needs. */
static int build_alloc(struct build *b)
{
	ties_db *db = b->db;
	enum ties_projection p = b->p;
	int rc, dated = p == TIES_GRAPH_INSTITUTION ||
			p == TIES_GRAPH_COUNTRY || b->f->with_dates;

	if (b->f->ncountries &&
	    !(b->countries = calloc(b->f->ncountries, sizeof(*b->countries))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	for (size_t i = 0; i < b->f->ncountries; i++)
		if ((rc = ties_store__resolve_as(db, b->f->countries[i],
						 "country", "country",
						 &b->countries[i])) < 0)
			return rc;
	b->ncountries = b->f->ncountries;
	if ((rc = ties_store__max_rowids(db, &b->maxent, &b->maxev)) < 0)
		return rc;
	b->node_of = malloc(((size_t)b->maxent + 1) * sizeof(*b->node_of));
	b->home = calloc((size_t)b->maxent + 1, sizeof(*b->home));
	b->is_inst = calloc((size_t)b->maxent + 1, 1);
	b->accepted = calloc((size_t)b->maxev + 1, 1);
	if (p == TIES_GRAPH_BIPARTITE)
		b->event_node =
			calloc((size_t)b->maxev + 1, sizeof(*b->event_node));
	if (dated) {
		b->evdate = calloc((size_t)b->maxev + 1, sizeof(*b->evdate));
		b->evdate_hi =
			calloc((size_t)b->maxev + 1, sizeof(*b->evdate_hi));
		b->inst_memo =
			calloc((size_t)b->maxent + 1, sizeof(*b->inst_memo));
	}
	if (!b->node_of || !b->home || !b->is_inst || !b->accepted ||
	    (p == TIES_GRAPH_BIPARTITE && !b->event_node) ||
	    (dated && (!b->evdate || !b->evdate_hi || !b->inst_memo)))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	for (size_t i = 0; i <= (size_t)b->maxent; i++)
		b->node_of[i] = -1;
	return 0;
}

/* The entity, institution and bipartite projections: events, the
 * institution graph's parents and memberships, participations, then
 * relations. */
static int project(struct build *b)
{
	ties_db *db = b->db;
	int rc;

	if ((rc = ties_store__scan_events(db, on_event, b)) != 0)
		return rc;
	if (b->p == TIES_GRAPH_INSTITUTION) {
		if ((rc = ties_store__scan_relations(db, on_link, b)) != 0)
			return rc;
		if (b->nparents)
			qsort(b->parents, b->nparents, sizeof(*b->parents),
			      cmp_link);
		if (b->nmemberships)
			qsort(b->memberships, b->nmemberships,
			      sizeof(*b->memberships), cmp_link);
	}
	if (b->f->directed &&
	    (rc = ties_store__directed(db, &b->role.dkinds,
				       &b->role.dpairs)) < 0)
		return rc;
	if (TIES_ROLE_MODE(b->f)) {
		if ((rc = ties_store__scan_roles(db, ties_gr__on_role, b)) != 0)
			return rc;
		if ((rc = ties_gr__role_flush(b)) < 0)
			return ties_db__seterr(db, rc, "out of memory");
		if (TIES_EVENTS_ONLY(b->f))
			return 0;
		return ties_store__scan_relations(db, on_relation, b);
	}
	if ((rc = ties_store__scan_participants(db, on_participant, b)) != 0)
		return rc;
	if ((rc = flush_event(b)) < 0)
		return ties_db__seterr(db, rc, "out of memory");
	return ties_store__scan_relations(db, on_relation, b);
}

/* Build graph p; with shares asked for, `divide` makes the weights shares
 * (else they stay counts beside their denominators, g->both, for the
 * country projection to sum). */
int ties_gr__build(ties_db *db, ties_graph **out, enum ties_projection p,
		   const ties_filter *filter, int divide)
{
	static const ties_filter none;
	struct build b;
	struct ties_snap sn = {0};
	uint64_t gen = 0;
	ties_graph *g;
	int rc, snap, have = 0, own_txn = 0;

	assert(db && out);
	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.db = db;
	b.p = p;
	b.f = filter ? filter : &none;
	b.cur_event = -1;
	if ((b.f->same_role || b.f->share) && p == TIES_GRAPH_BIPARTITE)
		return ties_db__seterr(db, TIES_EINVALID,
				       "--same-role and --share apply to the "
				       "entity, institution and country "
				       "graphs, not the bipartite one");
	if (b.f->directed &&
	    (p == TIES_GRAPH_INSTITUTION || p == TIES_GRAPH_BIPARTITE))
		return ties_db__seterr(db, TIES_EINVALID,
				       "--directed applies to the entity and "
				       "country graphs");
	if (b.f->share && b.f->weight != TIES_WEIGHT_EVIDENCE)
		return ties_db__seterr(db, TIES_EINVALID,
				       "--share counts events; it does not go "
				       "with --weight sum or mean");
	if (b.f->share && !b.f->same_role && !b.f->nroles)
		return ties_db__seterr(db, TIES_EINVALID,
				       "--share goes with --same-role or "
				       "--role");
	if ((b.f->from && ties_check__date(db, "--from date", b.f->from) < 0) ||
	    (b.f->to && ties_check__date(db, "--to date", b.f->to) < 0) ||
	    (b.f->at && ties_check__date(db, "date", b.f->at) < 0))
		return TIES_EINVALID;
	if (b.f->from)
		ties_date__lo(b.f->from, b.from_lo);
	if (b.f->to)
		ties_date__hi(b.f->to, b.to_hi);
	if (b.f->from && b.f->to && strcmp(b.from_lo, b.to_hi) > 0)
		return ties_db__seterr(db, TIES_EINVALID,
				       "--from '%s' is after --to '%s'",
				       b.f->from, b.f->to);
	if (!(g = calloc(1, sizeof(*g))))
		return ties_db__seterr(db, TIES_ENOMEM, "out of memory");
	g->db = db;
	g->projection = p;
	g->directed = b.f->directed != 0;
	b.g = g;
	if (ties_gr__keep_filter(g, b.f) < 0) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto fail;
	}

	if ((rc = build_alloc(&b)) < 0)
		goto fail;

	/* The unfiltered entity graph comes from the snapshot when it is of
	 * the data's generation (read in the same transaction as the data),
	 * and is left as the snapshot when it was projected. Not inside a
	 * writing transaction: its changes have no generation yet. */
	snap = plain(p, b.f) && db->txn_depth == 0 &&
	       ties_store__filename(db) != NULL;
	if (snap) {
		if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
			goto fail;
		have = ties_snap__open(db, gen, &sn);
	}
	if ((rc = ties_store__scan_entities(db, on_entity, &b)) != 0)
		goto fail;
	if (have) {
		rc = from_snap(g, &sn);
		ties_snap__close(&sn);
		if (rc < 0) {
			rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
			goto fail;
		}
		if (rc == 1)
			goto finish;
	}
	if (p == TIES_GRAPH_COUNTRY) {
		if ((rc = ties_gr__project_countries(&b)) < 0 ||
		    (rc = ties_gr__country_names(db, g)) !=
			    0)
			goto fail;
		goto finish;
	}
	if ((rc = project(&b)) != 0)
		goto fail;
	/* Written beside the computation that follows, unless pruning the
	 * ties (a minimum weight) is about to change them. */
	if (snap)
		ties_gr__keep_snapshot(db, gen, g, b.f->min_weight <= 0);
finish:
	if (divide) {
		ties_gr__share(g);
		prune(g, b.f->min_weight);
	}
	if (snap && b.f->min_weight <= 0)
		g->snap_gen = gen;
	build_release(&b);
	ties_snap__end(db, own_txn);
	*out = g;
	return 0;
fail:
	build_release(&b);
	ties_snap__close(&sn);
	ties_snap__end(db, own_txn);
	ties_graph_free(g);
	return rc < 0 ? rc : TIES_ERROR;
}

int ties_graph_build(ties_db *db, ties_graph **out, enum ties_projection p,
		     const ties_filter *filter)
{
	return ties_gr__build(db, out, p, filter, 1);
}
