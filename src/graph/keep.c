/*
 * keep.c — the projected entity graph kept as the snapshot beside the
 * database (snapshot.c writes the file): in a thread of its own, so that
 * the first analysis after a write computes its measure on one core while
 * the other writes the 225 MB of a graph of 7 million ties. The thread only
 * reads the graph and touches no database handle; freeing the graph joins
 * it, so the file is in place when the command ends, and opening a
 * snapshot waits for the writers still at work (ties_snap__wait_writers),
 * so that nothing in the process finds it missing or half there.
 */
#include <stdlib.h>

#include "graph_int.h"

struct keeper {
	char *path;
	uint64_t gen;
	const ties_graph *g;
	int async;
};

/* The writers at work in the process. */
static pthread_mutex_t writers_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t writers_cv = PTHREAD_COND_INITIALIZER;
static int writers;

void ties_snap__wait_writers(void)
{
	pthread_mutex_lock(&writers_mu);
	while (writers > 0)
		pthread_cond_wait(&writers_cv, &writers_mu);
	pthread_mutex_unlock(&writers_mu);
}

static void writers_add(int k)
{
	pthread_mutex_lock(&writers_mu);
	writers += k;
	if (writers == 0)
		pthread_cond_broadcast(&writers_cv);
	pthread_mutex_unlock(&writers_mu);
}

static void *keep_run(void *arg)
{
	struct keeper *k = arg;
	const ties_graph *g = k->g;
	int async = k->async;
	struct ties_adj a;
	int64_t *rowid = malloc((g->n + 1) * sizeof(*rowid));

	if (rowid && ties_adj__build(g, &a) == 0) {
		struct ties_snap_graph sg = {g->n,  g->m,  rowid, g->ea,
					     g->eb, g->ew, &a};

		for (size_t v = 0; v < g->n; v++)
			rowid[v] = g->nodes[v].rowid;
		ties_snap__write_to(k->path, k->gen, &sg);
		ties_adj__release(&a);
	}
	free(rowid);
	free(k->path);
	free(k);
	if (async)
		writers_add(-1);
	return NULL;
}

void ties_gr__keep_snapshot(ties_db *db, uint64_t gen, ties_graph *g, int async)
{
	struct keeper *k = malloc(sizeof(*k));

	if (!k || !(k->path = ties_snap__path(db))) {
		free(k);
		return;
	}
	k->gen = gen;
	k->g = g;
	k->async = async;
	if (async) {
		writers_add(1);
		if (pthread_create(&g->keeper, NULL, keep_run, k) == 0) {
			g->keeping = 1;
			return;
		}
		writers_add(-1);
		k->async = 0;
	}
	keep_run(k);
}

void ties_gr__keep_join(ties_graph *g)
{
	if (g->keeping) {
		pthread_join(g->keeper, NULL);
		g->keeping = 0;
	}
}
