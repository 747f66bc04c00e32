/*
 * path.c — ties path: explained paths between two entities, on the tie
 * graph or on the snapshot, each hop as sentences with their sources, and
 * written as text, CSV or JSON.
 *
 * Evidence for a hop is read from the store and filtered with the graph's
 * own filter, so it explains exactly the tie the search used.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "explore_int.h"

const char *ties_ex__or_empty(const char *s)
{
	return s ? s : "";
}

/* "the meeting at ISSI on 2025-04-08" */
/* Words of a kind: "un_vote" as "UN vote", "mou" as "MoU". */
static void kind_words(ties_buf *b, const char *kind)
{
	static const char *const upper[] = {"un",    "eu",    "nato", "osce",
					    "sco",   "brics", "g7",   "g20",
					    "asean", "oic",   "au",   NULL};
	const char *p = kind;

	while (*p) {
		size_t n = strcspn(p, "_"), i;

		if (n == 3 && !strncmp(p, "mou", 3)) {
			ties_buf__puts(b, "MoU");
		} else {
			for (i = 0; upper[i]; i++)
				if (strlen(upper[i]) == n &&
				    !strncmp(p, upper[i], n))
					break;
			for (size_t k = 0; k < n; k++)
				ties_buf__putc(b, upper[i] && p[k] >= 'a' &&
								  p[k] <= 'z'
							  ? (char)(p[k] - 32)
							  : p[k]);
		}
		p += n;
		if (*p == '_') {
			ties_buf__putc(b, ' ');
			p++;
		}
	}
}

static void event_phrase(ties_buf *b, const ties_evidence *ev)
{
	ties_buf__puts(b, "the ");
	kind_words(b, ev->kind);
	if (ev->place && *ev->place)
		ties_buf__printf(b, " at %s", ev->place);
	else if (ev->title && *ev->title)
		ties_buf__printf(b, " \"%s\"", ev->title);
	if (ev->date && *ev->date)
		ties_buf__printf(b, " on %s", ev->date);
}

void ties_ex__cite(ties_buf *b, const ties_evidence *ev)
{
	const char *who = ev->publisher && *ev->publisher ? ev->publisher
							  : ev->source_title;

	if (who && *who) {
		ties_buf__printf(b, " (%s", who);
		if (ev->source_date && *ev->source_date)
			ties_buf__printf(b, ", %s", ev->source_date);
		ties_buf__putc(b, ')');
	} else if (ev->source_id && *ev->source_id) {
		ties_buf__printf(b, " (source %s)", ev->source_id);
	}
}

static const char *same_role_verb(const char *role)
{
	static const struct {
		const char *role, *verb;
	} verbs[] = {
		{"attendee", "both attended"},
		{"signatory", "both signed"},
		{"party", "were both parties to"},
		{"host", "both hosted"},
		{"head_of_delegation", "both led delegations to"},
		{"participant", "both took part in"},
		{"speaker", "both spoke at"},
		{"member", "were both members of"},
		{"yes", "both voted yes in"},
		{"no", "both voted no in"},
		{"abstain", "both abstained in"},
	};
	size_t i;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (!strcmp(role, verbs[i].role))
			return verbs[i].verb;
	return NULL;
}

/* Relation kinds as verb phrases, from the source to the target; sym: the
 * kind says the same both ways. */
static const struct relation_verb {
	const char *kind, *verb;
	int sym;
} relation_verbs[] = {
	{"member_of", "is a member of", 0},
	{"part_of", "is part of", 0},
	{"based_in", "is based in", 0},
	{"located_in", "is located in", 0},
	{"employed_by", "is employed by", 0},
	{"works_for", "works for", 0},
	{"funded_by", "is funded by", 0},
	{"funds", "funds", 0},
	{"advises", "advises", 0},
	{"leads", "leads", 0},
	{"founded", "founded", 0},
	{"founded_by", "was founded by", 0},
	{"visits", "visited", 0},
	{"visited", "visited", 0},
	{"exports_to", "exports to", 0},
	{"imports_from", "imports from", 0},
	{"succeeded_by", "was succeeded by", 0},
	{"affiliated_with", "is affiliated with", 1},
	{"related_to", "is related to", 1},
	{"related", "is related to", 1},
	{"partner_of", "is a partner of", 1},
	{"partners_with", "is a partner of", 1},
	{"cooperates_with", "cooperates with", 1},
	{"allied_with", "is allied with", 1},
	{"knows", "knows", 1},
	{"married_to", "is married to", 1},
	{"marriage", "is tied by marriage to", 1},
	{"sibling_of", "is a sibling of", 1},
	{"colleague_of", "is a colleague of", 1},
	{"tie", "is tied to", 1},
};

static const struct relation_verb *verb_of(const char *kind)
{
	for (size_t i = 0;
	     i < sizeof(relation_verbs) / sizeof(relation_verbs[0]); i++)
		if (!strcmp(kind, relation_verbs[i].kind))
			return &relation_verbs[i];
	return NULL;
}

/* Whether a relation kind reads the same both ways: the table's, and any
 * "..._with". */
static int symmetric(const char *kind)
{
	const struct relation_verb *v = verb_of(kind);
	size_t n = strlen(kind);

	return v ? v->sym : n > 5 && !strcmp(kind + n - 5, "_with");
}

/*
 * "A <verb> B" for a relation kind: the table's phrase; else the kind's
 * words when its first word is a verb ("exports_to": exports to; a past
 * participle takes "is": "sanctioned_by", is sanctioned by); else a noun
 * ("marriage"): "A has a marriage tie with B".
 */
static void relation_phrase(ties_buf *b, const char *from, const char *to,
			    const char *kind)
{
	const struct relation_verb *v = verb_of(kind);
	size_t first = strcspn(kind, "_");
	int many = kind[first] == '_';

	if (v) {
		ties_buf__printf(b, "%s %s %s", from, v->verb, to);
		return;
	}
	ties_buf__printf(b, "%s ", from);
	if (first > 2 && !strncmp(kind + first - 2, "ed", 2) && many)
		ties_buf__puts(b, "is ");
	else if (!(first > 1 && kind[first - 1] == 's' &&
		   kind[first - 2] != 's') &&
		 !(first > 2 && !strncmp(kind + first - 2, "ed", 2))) {
		ties_buf__puts(b,
			       strchr("aeiou", kind[0]) ? "has an " : "has a ");
		kind_words(b, kind);
		ties_buf__printf(b, " tie with %s", to);
		return;
	}
	kind_words(b, kind);
	ties_buf__printf(b, " %s", to);
}

/* A sentence a reader can paste into a briefing. */
static void sentence(ties_buf *b, const char *a, const char *bname,
		     const ties_evidence *ev)
{
	if (!strcmp(ev->type, "event")) {
		const char *ra = ties_ex__or_empty(ev->a_role),
			   *rb = ties_ex__or_empty(ev->b_role);
		const char *verb = !strcmp(ra, rb) ? same_role_verb(ra) : NULL;

		if (verb)
			ties_buf__printf(b, "%s and %s %s ", a, bname, verb);
		else
			ties_buf__printf(b, "%s (%s) and %s (%s) took part in ",
					 a, ra, bname, rb);
		event_phrase(b, ev);
	} else {
		const char *from = ev->forward ? a : bname;
		const char *to = ev->forward ? bname : a;

		relation_phrase(b, from, to, ev->kind);
		if (ev->role && *ev->role)
			ties_buf__printf(b, " as %s", ev->role);
		if ((ev->date && *ev->date) || (ev->end && *ev->end))
			ties_buf__printf(b, " (%s – %s)",
					 ev->date && *ev->date ? ev->date : "…",
					 ev->end && *ev->end ? ev->end : "…");
	}
	ties_ex__cite(b, ev);
}

static const char *const path_cols[] = {
	"path",	   "length",	"hop",	       "from",	    "from_name", "to",
	"to_name", "weight",	"type",	       "kind",	    "event",	 "date",
	"end",	   "title",	"place",       "from_role", "to_role",	 "role",
	"source",  "publisher", "source_date", "url",	    "sentence"};

#define NPATHCOLS (sizeof(path_cols) / sizeof(path_cols[0]))

static int set_common(struct hop_ctx *h)
{
	const struct ties_graph_node *a = &h->g->nodes[h->a];
	const struct ties_graph_node *b = &h->g->nodes[h->b];
	ties_table *t = h->t;

	if (ties_table__add_row(t) < 0 ||
	    ties_table__set_int(t, 0, (long long)h->path) < 0 ||
	    ties_table__set_int(t, 1, (long long)h->length) < 0 ||
	    ties_table__set_int(t, 2, (long long)h->hop) < 0 ||
	    ties_table__set_text(t, 3, a->id) < 0 ||
	    ties_table__set_text(t, 4, a->name) < 0 ||
	    ties_table__set_text(t, 5, b->id) < 0 ||
	    ties_table__set_text(t, 6, b->name) < 0 ||
	    ties_table__set_real(t, 7, h->weight) < 0)
		return TIES_ENOMEM;
	return 0;
}

static int on_hop_evidence(void *ctx, const ties_evidence *ev)
{
	struct hop_ctx *h = ctx;
	const ties_filter *f = &h->g->filter;
	ties_table *t = h->t;
	ties_buf s = TIES_BUF_INIT;
	int rc;

	if (!strcmp(ev->type, "event")
		    ? !ties_filter__event_ok(f, ev->kind, ev->date)
		    : !ties_filter__relation_ok(f, ev->kind, ev->date, ev->end))
		return 0;
	/* A symmetric relation stored both ways is one fact. */
	if (!strcmp(ev->type, "relation") && symmetric(ev->kind)) {
		ties_buf key = TIES_BUF_INIT;
		int dup;

		ties_buf__printf(&key, "\x1e%s\x1f%s\x1f%s\x1f%s\x1f%s\x1e",
				 ev->kind, ties_ex__or_empty(ev->role),
				 ties_ex__or_empty(ev->date),
				 ties_ex__or_empty(ev->end),
				 ties_ex__or_empty(ev->source_id));
		dup = h->seen.len &&
		      strstr(ties_buf__str(&h->seen), ties_buf__str(&key));
		if (!dup)
			ties_buf__puts(&h->seen, ties_buf__str(&key));
		ties_buf__release(&key);
		if (dup)
			return 0;
	}
	if (h->max > 0 && h->rows >= h->max) {
		h->more++;
		return 0;
	}
	sentence(&s, h->g->nodes[h->a].name, h->g->nodes[h->b].name, ev);
	rc = set_common(h);
	if (rc == 0 && (ties_table__set_text(t, 8, ev->type) < 0 ||
			ties_table__set_text(t, 9, ev->kind) < 0 ||
			ties_table__set_text(t, 10, ev->id) < 0 ||
			ties_table__set_text(t, 11, ev->date) < 0 ||
			ties_table__set_text(t, 12, ev->end) < 0 ||
			ties_table__set_text(t, 13, ev->title) < 0 ||
			ties_table__set_text(t, 14, ev->place) < 0 ||
			ties_table__set_text(t, 15, ev->a_role) < 0 ||
			ties_table__set_text(t, 16, ev->b_role) < 0 ||
			ties_table__set_text(t, 17, ev->role) < 0 ||
			ties_table__set_text(t, 18, ev->source_id) < 0 ||
			ties_table__set_text(t, 19, ev->publisher) < 0 ||
			ties_table__set_text(t, 20, ev->source_date) < 0 ||
			ties_table__set_text(t, 21, ev->url) < 0 ||
			ties_table__set_text(t, 22, ties_buf__str(&s)) < 0))
		rc = TIES_ENOMEM;
	ties_buf__release(&s);
	if (rc < 0)
		return ties_db__seterr(h->db, rc, "out of memory");
	h->rows++;
	return 0;
}

/* Rows for every hop of every path, into h->t. */
static int explain_hops(struct hop_ctx *h, const struct ties_adj *a,
			const struct pathlist *l)
{
	ties_db *db = h->db;
	const ties_graph *g = h->g;
	ties_table *t = h->t;
	size_t p, i, j;
	int rc;

	for (p = 0; p < l->n; p++) {
		h->path = p + 1;
		h->length = l->p[p].n - 1;
		for (i = 0; i + 1 < l->p[p].n; i++) {
			h->hop = i + 1;
			h->a = l->p[p].v[i];
			h->b = l->p[p].v[i + 1];
			h->weight = 0;
			for (j = a->start[h->a]; j < a->start[h->a + 1]; j++)
				if (a->nbr[j] == h->b)
					h->weight = a->ew[a->edge[j]];
			h->rows = 0;
			h->more = 0;
			ties_buf__clear(&h->seen);
			rc = ties_store__pair_evidence(db, g->nodes[h->a].rowid,
						       g->nodes[h->b].rowid,
						       on_hop_evidence, h);
			if (rc != 0)
				return rc < 0 ? rc : TIES_ERROR;
			/* A hop always has a row, evidence or not. */
			if (h->rows == 0 && set_common(h) < 0)
				return ties_db__seterr(db, TIES_ENOMEM,
						       "out of memory");
			if (h->more > 0) {
				char msg[96];

				snprintf(msg, sizeof(msg),
					 "… and %ld more pieces of evidence",
					 h->more);
				if (set_common(h) < 0 ||
				    ties_table__set_text(t, 8, "more") < 0 ||
				    ties_table__set_text(t, 22, msg) < 0)
					return ties_db__seterr(db, TIES_ENOMEM,
							       "out of memory");
			}
		}
	}
	return 0;
}

/* Rows for every hop of every path. */
static int explain(ties_db *db, const ties_graph *g, const struct ties_adj *a,
		   const struct pathlist *l, ties_table *t, long max)
{
	struct hop_ctx h;
	int rc;

	memset(&h, 0, sizeof(h));
	h.db = db;
	h.g = g;
	h.t = t;
	h.max = max;
	rc = explain_hops(&h, a, l);
	ties_buf__release(&h.seen);
	return rc;
}

int ties_paths(ties_db *db, ties_table **out, const ties_graph *g,
	       const char *from, const char *to, const ties_path_opts *o)
{
	struct ties_adj a;
	struct search s = {0};
	struct pathlist l = {0};
	double *penalty = NULL;
	sqlite3_int64 rs, rt;
	long src, dst, k;
	ties_table *t = NULL;
	const char *fname, *tname;
	int rc;

	assert(db && out && g && from && to && o);
	*out = NULL;
	if (g->projection != TIES_GRAPH_ENTITY)
		return ties_db__seterr(db, TIES_EINVALID,
				       "paths are explained on the entity "
				       "graph");
	if ((rc = ties_store__resolve(db, from, &rs)) < 0 ||
	    (rc = ties_store__resolve(db, to, &rt)) < 0)
		return rc;
	src = ties_graph__node_of(g, rs);
	dst = ties_graph__node_of(g, rt);
	if (src < 0 || dst < 0)
		return ties_db__seterr(db, TIES_ENOTFOUND,
				       "no path between '%s' and '%s': '%s' is "
				       "not in the graph (see the filters)",
				       from, to, src < 0 ? from : to);
	fname = g->nodes[src].name;
	tname = g->nodes[dst].name;
	if (src == dst)
		return ties_db__seterr(db, TIES_EINVALID,
				       "'%s' and '%s' are the same entity",
				       from, to);
	k = o->k > 0 ? o->k : (o->all ? 10 : 1);
	if ((rc = ties_adj__build(g, &a)) < 0)
		return ties_db__seterr(db, rc, "out of memory");
	if (!(penalty = malloc((g->m + 1) * sizeof(*penalty)))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	for (size_t e = 0; e < g->m; e++)
		penalty[e] = 1;
	if ((rc = ties_ex__search(&a, (uint32_t)src, o->weighted, o->max_length,
				  NULL, -1, &s)) < 0) {
		rc = ties_db__seterr(db, rc, "out of memory");
		goto done;
	}
	if (!isfinite(s.dist[dst])) {
		rc = ties_db__seterr(
			db, TIES_ENOTFOUND, "no path between '%s' and '%s'%s",
			fname, tname,
			o->max_length > 0 ? " within the length limit" : "");
		goto done;
	}
	if (o->all) {
		/* The walk back from the target follows the arcs that reach
		 * each node. */
		struct ties_adj in = {0};

		if (g->directed && (rc = ties_adj__build_in(g, &in)) < 0) {
			rc = ties_db__seterr(db, rc, "out of memory");
			goto done;
		}
		rc = ties_ex__all_shortest(g->directed ? &in : &a, &s,
					   (uint32_t)src, (uint32_t)dst,
					   o->weighted, o->max_length, k, &l);
		ties_adj__release(&in);
		if (rc < 0) {
			rc = ties_db__seterr(db, rc, "out of memory");
			goto done;
		}
	} else {
		/* The best path, then again and again with the ties already
		 * used made longer (x4 each time), keeping a path only when
		 * at most half of its intermediate entities were on any path
		 * kept before: diverse paths, not variants of one. */
		struct pathlist tried = {0};
		long attempts = 0;

		while ((long)l.n < k && attempts++ < 5 * k + 10 &&
		       isfinite(s.dist[dst])) {
			struct path *p;
			size_t i, j;
			int keep = 1;

			if ((rc = ties_ex__trace(&s, (uint32_t)dst, &tried)) <
			    0) {
				ties_ex__pathlist_release(&tried);
				rc = ties_db__seterr(db, rc, "out of memory");
				goto done;
			}
			p = &tried.p[tried.n - 1];
			for (i = 0; keep && i < l.n; i++)
				keep = ties_ex__diverse(p, &l.p[i]);
			if (keep &&
			    (rc = ties_ex__pathlist_add(&l, p->v, p->n)) < 0) {
				ties_ex__pathlist_release(&tried);
				rc = ties_db__seterr(db, rc, "out of memory");
				goto done;
			}
			for (i = 0; i + 1 < p->n; i++)
				for (j = a.start[p->v[i]];
				     j < a.start[p->v[i] + 1]; j++)
					if (a.nbr[j] == p->v[i + 1])
						penalty[a.edge[j]] *= 4;
			ties_ex__search_release(&s);
			memset(&s, 0, sizeof(s));
			if ((rc = ties_ex__search(&a, (uint32_t)src,
						  o->weighted, o->max_length,
						  penalty, -1, &s)) < 0) {
				ties_ex__pathlist_release(&tried);
				rc = ties_db__seterr(db, rc, "out of memory");
				goto done;
			}
		}
		ties_ex__pathlist_release(&tried);
	}
	if (!(t = ties_table__new(NPATHCOLS, path_cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = explain(db, g, &a, &l, t, o->evidence)) < 0)
		goto done;
	*out = t;
	t = NULL;
	rc = 0;
done:
	ties_table_free(t);
	ties_ex__search_release(&s);
	ties_ex__pathlist_release(&l);
	ties_adj__release(&a);
	free(penalty);
	return rc;
}

/* Explain the path v[0..n) of snapshot nodes: a graph of just those. */
/* Whether the snapshot's parts that explaining path v[0..n) reads are
 * sound: the nodes' entries, rowids and the hops' weights. */
static int path_sound(struct ties_snap *sn, const uint32_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ties_snap__node_ok(sn, v[i]) < 0 ||
		    ties_snap__need(sn, &sn->rowid[v[i]], 8) < 0)
			return 0;
		for (size_t j = sn->a.start[v[i]];
		     i + 1 < n && j < sn->a.start[v[i] + 1]; j++)
			if (sn->a.nbr[j] == v[i + 1] &&
			    ties_snap__need(sn, &sn->a.ew[sn->a.edge[j]], 8) <
				    0)
				return 0;
	}
	return 1;
}

static int snap_explain(ties_db *db, const struct ties_snap *sn,
			const uint32_t *v, size_t n, ties_table *t, long max)
{
	ties_graph g;
	struct ties_adj a;
	struct pathlist l = {0};
	uint32_t *local = NULL;
	double *ew = NULL;
	int rc = TIES_ENOMEM;

	memset(&g, 0, sizeof(g));
	memset(&a, 0, sizeof(a));
	g.db = db;
	g.projection = TIES_GRAPH_ENTITY;
	g.n = n;
	if (!(g.nodes = calloc(n, sizeof(*g.nodes))) ||
	    !(a.start = calloc(n + 1, sizeof(*a.start))) ||
	    !(a.nbr = malloc(2 * n * sizeof(*a.nbr))) ||
	    !(a.edge = malloc(2 * n * sizeof(*a.edge))) ||
	    !(ew = calloc(n, sizeof(*ew))) ||
	    !(local = malloc(n * sizeof(*local))))
		goto done;
	a.n = n;
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_BY_ROWID);

		local[i] = (uint32_t)i;
		g.nodes[i].rowid = sn->rowid[v[i]];
		if (!st) {
			rc = TIES_EDB;
			goto done;
		}
		sqlite3_bind_int64(st, 1, g.nodes[i].rowid);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			rc = ties_db__sqlerr(db);
			goto done;
		}
		g.nodes[i].id =
			strdup((const char *)sqlite3_column_text(st, 0));
		g.nodes[i].kind =
			strdup((const char *)sqlite3_column_text(st, 1));
		g.nodes[i].name =
			strdup((const char *)sqlite3_column_text(st, 2));
		sqlite3_reset(st);
		if (!g.nodes[i].id || !g.nodes[i].kind || !g.nodes[i].name)
			goto done;
	}
	/* Node i links i - 1 and i + 1 (tie i joins i and i + 1), with the
	 * snapshot's weights. */
	a.ew = ew;
	for (size_t i = 0; i + 1 < n; i++)
		for (size_t j = sn->a.start[v[i]]; j < sn->a.start[v[i] + 1];
		     j++)
			if (sn->a.nbr[j] == v[i + 1])
				ew[i] = sn->a.ew[sn->a.edge[j]];
	for (size_t i = 0; i < n; i++) {
		a.start[i + 1] = a.start[i];
		for (int side = -1; side <= 1; side += 2) {
			size_t o;

			if ((side < 0 && i == 0) || (side > 0 && i + 1 == n))
				continue;
			o = i + (size_t)side;
			a.nbr[a.start[i + 1]] = (uint32_t)o;
			a.edge[a.start[i + 1]++] = (uint32_t)(side < 0 ? o : i);
		}
	}
	if (ties_ex__pathlist_add(&l, local, n) < 0)
		goto done;
	rc = explain(db, &g, &a, &l, t, max);
	if (rc < 0 && rc != TIES_ENOMEM)
		goto out;
done:
	if (rc == TIES_ENOMEM)
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
out:
	for (size_t i = 0; g.nodes && i < n; i++) {
		free(g.nodes[i].id);
		free(g.nodes[i].kind);
		free(g.nodes[i].name);
	}
	free(g.nodes);
	free(local);
	free(ew);
	ties_ex__pathlist_release(&l);
	ties_adj__release(&a);
	return rc;
}

int ties_path_quick(ties_db *db, ties_table **out, const char *from,
		    const char *to, const ties_path_opts *o)
{
	static const ties_filter none;
	const char *file = ties_store__filename(db);
	sqlite3_int64 rs, rt;
	uint64_t gen;
	struct ties_snap sn = {0};
	struct pathlist l = {0};
	ties_graph *g = NULL;
	ties_table *t = NULL;
	long src, dst;
	int rc, own_txn = 0;

	assert(db && out && from && to && o);
	*out = NULL;
	if (o->all || o->k > 1 || o->weighted || !file || db->txn_depth > 0) {
		if ((rc = ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &none)) <
		    0)
			return rc;
		rc = ties_paths(db, out, g, from, to, o);
		ties_graph_free(g);
		return rc;
	}
	/* One read transaction: the generation and what it stands for. */
	if ((rc = ties_snap__begin(db, &gen, &own_txn)) < 0)
		goto done;
	if (!ties_snap__open_lazy(db, gen, &sn)) {
		/* None, or stale: the projection leaves the snapshot for
		 * this question and the next ones; without it (a read-only
		 * directory), answer from the graph. */
		if ((rc = ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &none)) <
		    0)
			goto done;
		if (!ties_snap__open_lazy(db, gen, &sn)) {
			rc = ties_paths(db, out, g, from, to, o);
			goto done;
		}
		ties_graph_free(g);
		g = NULL;
	}
	if ((rc = ties_store__resolve(db, from, &rs)) < 0 ||
	    (rc = ties_store__resolve(db, to, &rt)) < 0)
		goto done;
	src = ties_snap__node(&sn, rs);
	dst = ties_snap__node(&sn, rt);
	if (src == -2 || dst == -2)
		goto damaged;
	if (src < 0 || dst < 0) {
		rc = ties_db__seterr(db, TIES_ENOTFOUND,
				     "no path between '%s' and '%s': '%s' is "
				     "not in the graph (see the filters)",
				     from, to, src < 0 ? from : to);
		goto done;
	}
	if (src == dst) {
		rc = ties_db__seterr(db, TIES_EINVALID,
				     "'%s' and '%s' are the same entity", from,
				     to);
		goto done;
	}
	/* From both ends: only the pages of the nodes it visits. */
	if ((rc = ties_ex__bibfs(&sn.a, (uint32_t)src, (uint32_t)dst,
				 o->max_length, &l)) < 0) {
		rc = ties_db__seterr(db, rc == TIES_ENOMEM ? rc : TIES_EDB,
				     rc == TIES_ENOMEM ? "out of memory"
						       : "path search failed");
		goto done;
	}
	if (rc == 2 || (rc == 0 && !path_sound(&sn, l.p[0].v, l.p[0].n)))
		goto damaged;
	if (rc == 1) {
		sqlite3_stmt *st = ties_db__stmt(db, ST_ENTITY_BY_ROWID);
		char *a = NULL, *b = NULL;

		/* The names, as ties_paths() gives them. */
		if (st) {
			sqlite3_bind_int64(st, 1, rs);
			if (sqlite3_step(st) == SQLITE_ROW)
				a = strdup((const char *)sqlite3_column_text(
					st, 2));
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, rt);
			if (sqlite3_step(st) == SQLITE_ROW)
				b = strdup((const char *)sqlite3_column_text(
					st, 2));
			sqlite3_reset(st);
		}
		rc = ties_db__seterr(
			db, TIES_ENOTFOUND, "no path between '%s' and '%s'%s",
			a ? a : from, b ? b : to,
			o->max_length > 0 ? " within the length limit" : "");
		free(a);
		free(b);
		goto done;
	}
	if (!(t = ties_table__new(NPATHCOLS, path_cols))) {
		rc = ties_db__seterr(db, TIES_ENOMEM, "out of memory");
		goto done;
	}
	if ((rc = snap_explain(db, &sn, l.p[0].v, l.p[0].n, t, o->evidence)) <
	    0)
		goto done;
	*out = t;
	t = NULL;
	rc = 0;
	goto done;
damaged:
	/* Damaged where the search read: the projection, whose whole check
	 * of the file says so and rebuilds it, answers. */
	ties_snap__close(&sn);
	ties_ex__pathlist_release(&l);
	memset(&l, 0, sizeof(l));
	if ((rc = ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &none)) == 0)
		rc = ties_paths(db, out, g, from, to, o);
done:
	ties_snap__end(db, own_txn);
	ties_table_free(t);
	ties_graph_free(g);
	ties_ex__pathlist_release(&l);
	ties_snap__close(&sn);
	return rc;
}

const char *ties_ex__cell(const ties_table *t, size_t r, size_t c)
{
	const char *s = ties_table_text(t, r, c);

	return s ? s : "";
}

int ties_paths_write(const ties_table *t, FILE *f, enum ties_format fmt)
{
	size_t r, n = ties_table_nrows(t);

	if (fmt == TIES_FORMAT_CSV || fmt == TIES_FORMAT_TSV ||
	    fmt == TIES_FORMAT_CSV_EXCEL)
		return ties_table_write(t, f, fmt);
	if (fmt == TIES_FORMAT_TABLE) {
		long path = -1, hop = -1;

		for (r = 0; r < n; r++) {
			ties_buf b = TIES_BUF_INIT;

			if (ties_table_int(t, r, 0) != path) {
				size_t q;

				path = ties_table_int(t, r, 0);
				hop = -1;
				/* "path 1 (2 hops): A → B → C" */
				if (r)
					fputc('\n', f);
				ties_buf__printf(
					&b, "path %ld (%lld hop%s): %s", path,
					ties_table_int(t, r, 1),
					ties_table_int(t, r, 1) == 1 ? "" : "s",
					ties_ex__cell(t, r, 4));
				for (q = r;
				     q < n && ties_table_int(t, q, 0) == path;
				     q++)
					if (q == r ||
					    ties_table_int(t, q, 2) !=
						    ties_table_int(t, q - 1, 2))
						ties_buf__printf(
							&b, " → %s",
							ties_ex__cell(t, q, 6));
				ties_display__escape_line(f, &b, "");
			}
			if (ties_table_int(t, r, 2) != hop) {
				hop = ties_table_int(t, r, 2);
				ties_buf__printf(&b, "%ld. %s — %s", hop,
						 ties_ex__cell(t, r, 4),
						 ties_ex__cell(t, r, 6));
				ties_display__escape_line(f, &b, "  ");
			}
			if (*ties_ex__cell(t, r, 22))
				ties_buf__printf(&b, "%s.",
						 ties_ex__cell(t, r, 22));
			else
				ties_buf__puts(&b, "(no evidence)");
			ties_display__escape_line(f, &b, "     ");
			ties_buf__release(&b);
		}
		return ferror(f) ? TIES_EIO : 0;
	}
	if (fmt == TIES_FORMAT_JSON) {
		json_t *paths = json_array(), *path = NULL, *hops = NULL,
		       *hop = NULL, *evs = NULL, *nodes = NULL;
		long cur = -1, curhop = -1;
		int rc;

		for (r = 0; paths && r < n; r++) {
			if (ties_table_int(t, r, 0) != cur) {
				cur = ties_table_int(t, r, 0);
				curhop = -1;
				path = json_object();
				hops = json_array();
				nodes = json_array();
				json_object_set_new(path, "path",
						    json_integer(cur));
				json_object_set_new(
					path, "length",
					json_integer(ties_table_int(t, r, 1)));
				json_object_set_new(path, "nodes", nodes);
				json_object_set_new(path, "hops", hops);
				json_array_append_new(paths, path);
				json_array_append_new(
					nodes,
					json_string(ties_ex__cell(t, r, 3)));
			}
			if (ties_table_int(t, r, 2) != curhop) {
				curhop = ties_table_int(t, r, 2);
				hop = json_object();
				evs = json_array();
				json_object_set_new(
					hop, "from",
					json_string(ties_ex__cell(t, r, 3)));
				json_object_set_new(
					hop, "to",
					json_string(ties_ex__cell(t, r, 5)));
				json_object_set_new(
					hop, "weight",
					json_real(ties_table_real(t, r, 7)));
				json_object_set_new(hop, "evidence", evs);
				json_array_append_new(hops, hop);
				json_array_append_new(
					nodes,
					json_string(ties_ex__cell(t, r, 5)));
			}
			if (ties_table_text(t, r, 8)) {
				json_t *ev = json_object(), *src;
				size_t c;

				for (c = 8; c <= 17; c++)
					if (ties_table_text(t, r, c))
						json_object_set_new(
							ev,
							ties_table_colname(t,
									   c),
							json_string(
								ties_ex__cell(
									t, r,
									c)));
				src = json_object();
				for (c = 18; c <= 21; c++)
					json_object_set_new(
						src,
						c == 18	  ? "id"
						: c == 19 ? "publisher"
						: c == 20 ? "date"
							  : "url",
						ties_table_text(t, r, c)
							? json_string(
								  ties_ex__cell(
									  t, r,
									  c))
							: json_null());
				json_object_set_new(ev, "source", src);
				json_object_set_new(
					ev, "sentence",
					json_string(ties_ex__cell(t, r, 22)));
				json_array_append_new(evs, ev);
			}
		}
		if (!paths)
			return TIES_ENOMEM;
		rc = json_dumpf(paths, f,
				JSON_INDENT(2) | JSON_PRESERVE_ORDER |
					JSON_REAL_PRECISION(15));
		fputc('\n', f);
		json_decref(paths);
		return rc < 0 || ferror(f) ? TIES_EIO : 0;
	}
	return TIES_EINVALID;
}
