/*
 * graph_int.h — what the files that build tie graphs share: the tie hash,
 * node and string keeping, the state of a projection. Private to src/graph.
 */
#ifndef TIES_GRAPH_GRAPH_INT_H
#define TIES_GRAPH_GRAPH_INT_H

#include <stdint.h>

#include "graph/graph.h"

typedef struct edgemap {
	uint64_t *keys; /* (a << 32 | b) + 1; 0 = empty */
	uint32_t *idx;
	size_t cap, n;
} edgemap;

/* The state of one build. */
struct build {
	ties_db *db;
	ties_graph *g;
	const ties_filter *f;
	enum ties_projection p;
	edgemap map;
	char from_lo[11], to_hi[11];
	sqlite3_int64 *countries; /* country filter, as rowids */
	size_t ncountries;
	/* By entity rowid. */
	int32_t *node_of;	/* node index, or -1 */
	sqlite3_int64 *home;	/* home country rowid (self for a country) */
	unsigned char *is_inst; /* kind institution */
	sqlite3_int64 maxent, maxev;
	/* By event rowid. */
	unsigned char *accepted;
	char (*evdate)[11]; /* lo of the event's date (institution) */
	char (*evdate_hi)[11];
	int32_t *event_node; /* bipartite: node of the event */
	/* The event being collected: the nodes its participants stand for
	 * and, in the institution projection, who stands for each (rep). */
	sqlite3_int64 cur_event;
	uint32_t *members;
	sqlite3_int64 *rep;
	size_t nmembers, capmembers;
	/* Institution projection. */
	struct link {
		sqlite3_int64 from, to;
		char lo[11], hi[11];
	} * parents, *memberships;
	size_t nparents, capparents, nmemberships, capmemberships;
	sqlite3_int64 *inst_memo; /* 0 unknown, -1 none, else rowid */
	/* Co-participation by role (roles.c): the current event's entries,
	 * the roles' numbers, and per tie the last event that added to its
	 * weight. */
	struct {
		struct role_entry *e;
		size_t n, capn;
		ties_strmap ids;
		sqlite3_int64 *stamp;
		size_t cap;
		/* Directed graphs: the roles' names by number, the directed
		 * relation kinds and role pairs, a cache of pairs by role
		 * numbers (pcap x pcap: 0 unknown, 1 no, 2 yes), and each
		 * node's roles in the event being flushed. */
		char **names;
		size_t nnames;
		ties_strmap dkinds, dpairs;
		unsigned char *pcache;
		size_t pcap;
		uint32_t *rs;
		size_t *rstart, capr;
	} role;
};

/* Whether filter f asks for co-participation by role. */
#define TIES_ROLE_MODE(f)                                                      \
	((f)->nroles || (f)->same_role || (f)->share ||                        \
	 (f)->weight != TIES_WEIGHT_EVIDENCE || (f)->directed)
/* Whether relations are left out: co-participation by role is of events
 * only. */
#define TIES_EVENTS_ONLY(f) ((f)->nroles || (f)->same_role || (f)->share)
/* Whether ties keep a denominator (g->both): shares, means. */
#define TIES_DIVIDED(f) ((f)->share || (f)->weight == TIES_WEIGHT_MEAN)

/* graph.c */
void ties_gr__edgemap_release(edgemap *m);
int ties_gr__add_tie(ties_graph *g, edgemap *m, uint32_t a, uint32_t b,
		     double w);
int ties_gr__tie_dates(ties_graph *g, const char *lo, const char *hi);
/* Add w to the denominator of the last tie (g->both, grown with the
 * ties). */
int ties_gr__both_add(ties_graph *g, double w);
long ties_gr__find_tie(const edgemap *m, uint32_t a, uint32_t b);
/* The arc a -> b of a directed graph, or -1. */
long ties_gr__find_arc(const edgemap *m, uint32_t a, uint32_t b);
int ties_gr__add_node(ties_graph *g, sqlite3_int64 rowid, int is_event,
		      const char *id, const char *name, const char *kind,
		      const char *country, const char *country_name,
		      sqlite3_int64 country_rowid);
const char *ties_gr__keep(ties_graph *g, const char *s);
int ties_gr__keep_filter(ties_graph *g, const ties_filter *f);
/* project.c: build graph p; with shares or means asked for, `divide`
 * makes the weights shares (else counts beside their denominators,
 * g->both, for the country projection to sum). */
int ties_gr__build(ties_db *db, ties_graph **out, enum ties_projection p,
		   const ties_filter *filter, int divide);
/* country.c: the country projection of b, and its nodes' names. */
int ties_gr__project_countries(struct build *b);
int ties_gr__country_names(ties_db *db, ties_graph *g);
/* keep.c: write g as the snapshot of generation gen, in a thread of its
 * own when `async` (joined by ties_gr__keep_join, which freeing the graph
 * calls), else now. No snapshot (a read-only directory) only costs time. */
void ties_gr__keep_snapshot(ties_db *db, uint64_t gen, ties_graph *g,
			    int async);
/* project.c: add to b->members the node(s) entity e stands for over
 * [lo, hi]. */
int ties_gr__collect(struct build *b, sqlite3_int64 e, const char *lo,
		     const char *hi);
/* roles.c */
int ties_gr__on_role(void *ctx, sqlite3_int64 event, sqlite3_int64 entity,
		     const char *role, double weight);
/* A piece of evidence of weight w (a relation) on g's last tie: its
 * weight by the filter's mode, and a count for means. */
int ties_gr__piece(struct build *b, double w);
int ties_gr__role_flush(struct build *b);
int ties_gr__next_participation(struct build *b, sqlite3_int64 event,
				sqlite3_int64 entity,
				int (*flush)(struct build *b));
void ties_gr__role_release(struct build *b);
/* Weights over g->both, which goes. */
void ties_gr__share(ties_graph *g);
/* filter.c */
int ties_gr__in_list(const char *s, const char *const *list, size_t n);
int ties_gr__country_ok(struct build *b, sqlite3_int64 rowid,
			sqlite3_int64 country);

#endif
