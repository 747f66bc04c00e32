/*
 * snapshot.h — the entity graph without filters kept beside the database
 * (DB.adj), its adjacency, and the node scores kept with it. Below the tie
 * graph: it knows nodes only as entity rowids. Private.
 */
#ifndef TIES_SNAPSHOT_H
#define TIES_SNAPSHOT_H

#include <stdint.h>

#include "ties_int.h"

/*
 * The adjacency of a graph: per node its neighbours in ascending order, and
 * for each entry the index of its tie; the weight of entry i is
 * ew[edge[i]]. Built from a graph (graph.c: it then borrows the graph's
 * weights) or mapped from the snapshot.
 */
struct ties_adj {
	size_t n;
	size_t *start;	  /* n + 1 offsets */
	uint32_t *nbr;	  /* neighbours, ascending per node */
	uint32_t *edge;	  /* index of the entry's tie */
	const double *ew; /* the ties' weights */
	/* When set (a snapshot read block by block), to call before reading
	 * node v's entries: 0, or -1 when they are damaged. */
	int (*check)(void *ctx, uint32_t v);
	/* The same for a reader of node v's neighbours only (not their
	 * ties): their blocks alone are read. */
	int (*check_nbrs)(void *ctx, uint32_t v);
	/* Likewise before reading any other part [p, p + len) of it, such
	 * as a tie's weight: 0, or -1 when it is damaged. */
	int (*need)(void *ctx, const void *p, size_t len);
	/* When set, to call with the nodes whose offsets (entries = 0) or
	 * neighbours (1) will be read next: the system is asked to read the
	 * pages they lie in at once, not one fault after another. */
	void (*prefetch)(void *ctx, const uint32_t *v, size_t n, int entries);
	void *ctx;
};

/* The unfiltered entity graph, mapped from DB.adj (snapshot.c). */
struct ties_snap {
	void *map;
	size_t len;
	uint64_t n, m;
	const int64_t *rowid;	 /* node -> entity rowid, ascending */
	struct ties_adj a;	 /* in place: never released */
	const uint32_t *ea, *eb; /* the ties, in the graph's order */
	/* The body's blocks: their checksums, which were checked, and
	 * whether one did not match. */
	size_t body_len, nblocks;
	const uint64_t *blocks;
	unsigned char *ok;
	unsigned char *asked; /* read ahead already (prefetch) */
	int bad;
};

/* "DB.adj" for the database's file; NULL for a memory database. */
char *ties_snap__path(ties_db *db);
/* Begin a read transaction when none is open (*own_txn = 1) and read the
 * data's generation into *gen: the snapshot of that generation stands for
 * the data until ties_snap__end(). */
int ties_snap__begin(ties_db *db, uint64_t *gen, int *own_txn);
void ties_snap__end(ties_db *db, int own_txn);
/* The node of entity `rowid` in the snapshot: -1 when none, -2 when the
 * snapshot is damaged where the search reads. */
long ties_snap__node(struct ties_snap *sn, int64_t rowid);
/* Map the snapshot when it is of generation `gen` and sound, checked
 * whole: 1, else 0 (a damaged one is said once). */
int ties_snap__open(ties_db *db, uint64_t gen, struct ties_snap *sn);
/* The same, its body checked block by block as it is read: a.check
 * checks a node's entries before they are read, ties_snap__need any
 * other part; both set sn->bad on damage (then close it, and project the
 * store: ties_snap__open says the damage and rebuilds). */
int ties_snap__open_lazy(ties_db *db, uint64_t gen, struct ties_snap *sn);
int ties_snap__need(struct ties_snap *sn, const void *p, size_t len);
int ties_snap__node_ok(struct ties_snap *sn, uint32_t v);
/* The same for node v's neighbours, not their ties. */
int ties_snap__nbrs_ok(struct ties_snap *sn, uint32_t v);
void ties_snap__close(struct ties_snap *sn);
/* What the snapshot keeps of a graph: the entity rowid of each of its n
 * nodes, its m ties with their weights, and its adjacency. */
struct ties_snap_graph {
	size_t n, m;
	const int64_t *rowid;
	const uint32_t *ea, *eb;
	const double *ew;
	const struct ties_adj *a;
};

/* Write graph sg (the unfiltered entity projection) as the snapshot of
 * generation `gen`, atomically; -1 when it could not be written (a
 * read-only directory, a full disk): there is then none. */
int ties_snap__write(ties_db *db, uint64_t gen,
		     const struct ties_snap_graph *sg);
/* The same to `path`, touching no database handle (for a thread). */
int ties_snap__write_to(const char *path, uint64_t gen,
			const struct ties_snap_graph *sg);
/* Wait until no thread of the process is writing a snapshot (keep.c). */
void ties_snap__wait_writers(void);

/* A measure of every node of the snapshot's graph of generation `gen`,
 * kept beside the snapshot as DB.adj.NAME: 1 when read, else 0. Writing
 * is best effort, like the snapshot's. */
int ties_snap__scores_read(ties_db *db, uint64_t gen, const char *name,
			   size_t n, double *out);
void ties_snap__scores_write(ties_db *db, uint64_t gen, const char *name,
			     size_t n, const double *in);

#endif
