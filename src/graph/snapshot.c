/*
 * snapshot.c — the entity graph without filters, kept beside the database
 * (DB.adj), so that a cold command answers without projecting the store.
 *
 * The file holds a header (magic, the data's generation, nodes, adjacency
 * entries, ties), then, each section 8-byte aligned:
 *
 *   rowid[n]     int64   the entity of each node, ascending
 *   start[n+1]   uint64  where each node's neighbours begin
 *   nbr[m2]      uint32  the neighbours, ascending per node
 *   edge[m2]     uint32  the tie of each entry
 *   ea[m], eb[m] uint32  the ties' ends, in the graph's own order
 *   ew[m]        double  the ties' weights
 *
 * so a path search reads the adjacency in place, and a graph loaded from
 * it is the projected graph bit for bit (same nodes, ties, order and
 * weights). The file is mapped, not read. It is valid only for the
 * generation it names: every transaction that writes renews the
 * generation (ties_db__commit), and the next reader projects the store
 * again and replaces the file, atomically (write, then rename).
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "graph/snapshot.h"
#include "ties_int.h"

#define SNAP_MAGIC "TIESADJ2"

struct snap_hdr {
	char magic[8];
	uint64_t generation, n, m2, m;
};

/* Bytes of a section of k items of `size` bytes, padded to 8. */
static uint64_t sect(uint64_t k, uint64_t size)
{
	return (k * size + 7) & ~(uint64_t)7;
}

static uint64_t snap_size(uint64_t n, uint64_t m2, uint64_t m)
{
	return sizeof(struct snap_hdr) + sect(n, 8) + sect(n + 1, 8) +
	       2 * sect(m2, 4) + 2 * sect(m, 4) + sect(m, 8);
}

char *ties_snap__path(ties_db *db)
{
	const char *file = ties_store__filename(db);
	char *path;

	if (!file || !(path = malloc(strlen(file) + 5)))
		return NULL;
	sprintf(path, "%s.adj", file);
	return path;
}

void ties_snap__close(struct ties_snap *sn)
{
	if (sn->map)
		munmap(sn->map, sn->len);
	memset(sn, 0, sizeof(*sn));
}

int ties_snap__open(ties_db *db, uint64_t gen, struct ties_snap *sn)
{
	struct snap_hdr h;
	struct stat st;
	char *path, *p;
	int fd;

	memset(sn, 0, sizeof(*sn));
	if (sizeof(size_t) != 8 || !(path = ties_snap__path(db)))
		return 0;
	fd = open(path, O_RDONLY);
	free(path);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) < 0 || (size_t)st.st_size < sizeof(h) ||
	    pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    memcmp(h.magic, SNAP_MAGIC, 8) || h.generation != gen ||
	    h.n > UINT32_MAX || h.m > UINT32_MAX || h.m2 != 2 * h.m ||
	    (uint64_t)st.st_size != snap_size(h.n, h.m2, h.m)) {
		close(fd);
		return 0;
	}
	sn->len = (size_t)st.st_size;
	sn->map = mmap(NULL, sn->len, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (sn->map == MAP_FAILED) {
		sn->map = NULL;
		return 0;
	}
	p = (char *)sn->map + sizeof(h);
	sn->n = h.n;
	sn->m = h.m;
	sn->rowid = (const int64_t *)p;
	p += sect(h.n, 8);
	sn->a.n = (size_t)h.n;
	sn->a.start = (size_t *)p;
	p += sect(h.n + 1, 8);
	sn->a.nbr = (uint32_t *)p;
	p += sect(h.m2, 4);
	sn->a.edge = (uint32_t *)p;
	p += sect(h.m2, 4);
	sn->ea = (const uint32_t *)p;
	p += sect(h.m, 4);
	sn->eb = (const uint32_t *)p;
	p += sect(h.m, 4);
	sn->a.ew = (const double *)p;
	/* The offsets must stay inside the file. */
	if (sn->a.start[0] != 0 || sn->a.start[h.n] != h.m2) {
		ties_snap__close(sn);
		return 0;
	}
	return 1;
}

int ties_snap__begin(ties_db *db, uint64_t *gen, int *own_txn)
{
	sqlite3_int64 g;
	int rc;

	*own_txn = 0;
	if (sqlite3_get_autocommit(db->sql)) {
		if ((rc = ties_db__exec(db, "BEGIN")) < 0)
			return rc;
		*own_txn = 1;
	}
	if ((rc = ties_store__generation(db, &g)) < 0) {
		ties_snap__end(db, *own_txn);
		*own_txn = 0;
		return rc;
	}
	*gen = (uint64_t)g;
	return 0;
}

void ties_snap__end(ties_db *db, int own_txn)
{
	if (own_txn)
		sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL);
}

long ties_snap__node(const struct ties_snap *sn, int64_t rowid)
{
	uint64_t lo = 0, hi = sn->n;

	while (lo < hi) {
		uint64_t mid = (lo + hi) / 2;

		if (sn->rowid[mid] < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sn->n && sn->rowid[lo] == rowid ? (long)lo : -1;
}

static int write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Write k items of `size` bytes, padded to 8. */
static int write_sect(int fd, const void *buf, uint64_t k, uint64_t size)
{
	static const char zero[8];
	uint64_t pad = sect(k, size) - k * size;

	return write_all(fd, buf, (size_t)(k * size)) < 0 ||
			       write_all(fd, zero, (size_t)pad) < 0
		       ? -1
		       : 0;
}

int ties_snap__write(ties_db *db, uint64_t gen,
		     const struct ties_snap_graph *g)
{
	const struct ties_adj *a = g->a;
	struct snap_hdr h;
	char *path, *tmp = NULL;
	int fd = -1, ok = 0;

	assert(a->n == g->n);
	if (sizeof(size_t) != 8 || g->m > UINT32_MAX ||
	    !(path = ties_snap__path(db)))
		return -1;
	if (!(tmp = malloc(strlen(path) + 32)))
		goto done;
	sprintf(tmp, "%s.%ld.tmp", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0)
		goto done;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, SNAP_MAGIC, 8);
	h.generation = gen;
	h.n = g->n;
	h.m2 = 2 * (uint64_t)g->m;
	h.m = g->m;
	ok = write_all(fd, &h, sizeof(h)) == 0 &&
	     write_sect(fd, g->rowid, h.n, 8) == 0 &&
	     write_sect(fd, a->start, h.n + 1, 8) == 0 &&
	     write_sect(fd, a->nbr, h.m2, 4) == 0 &&
	     write_sect(fd, a->edge, h.m2, 4) == 0 &&
	     write_sect(fd, g->ea, h.m, 4) == 0 &&
	     write_sect(fd, g->eb, h.m, 4) == 0 &&
	     write_sect(fd, g->ew, h.m, 8) == 0;
	if (close(fd) != 0)
		ok = 0;
	fd = -1;
	if (ok && rename(tmp, path) != 0)
		ok = 0;
	if (!ok)
		unlink(tmp);
done:
	if (fd >= 0) {
		close(fd);
		unlink(tmp);
	}
	free(tmp);
	free(path);
	return ok ? 0 : -1;
}

/* ------------------------------------------------------ node scores --- */

/*
 * A measure of every node of the snapshot's graph, kept beside it as
 * DB.adj.NAME (NAME: the measure, "-w" when weighted): a header (magic,
 * generation, nodes), then one double per node. Valid only for the
 * snapshot's generation, like the snapshot.
 */
#define SCORES_MAGIC "TIESMSR1"

struct scores_hdr {
	char magic[8];
	uint64_t generation, n;
};

static char *scores_path(ties_db *db, const char *name)
{
	char *adj = ties_snap__path(db), *path;

	if (!adj || !(path = malloc(strlen(adj) + strlen(name) + 2))) {
		free(adj);
		return NULL;
	}
	sprintf(path, "%s.%s", adj, name);
	free(adj);
	return path;
}

int ties_snap__scores_read(ties_db *db, uint64_t gen, const char *name,
			   size_t n, double *out)
{
	struct scores_hdr h;
	char *path = scores_path(db, name);
	int fd, ok;

	if (!path)
		return 0;
	fd = open(path, O_RDONLY);
	free(path);
	if (fd < 0)
		return 0;
	ok = pread(fd, &h, sizeof(h), 0) == (ssize_t)sizeof(h) &&
	     !memcmp(h.magic, SCORES_MAGIC, 8) && h.generation == gen &&
	     h.n == n &&
	     pread(fd, out, n * sizeof(*out), sizeof(h)) ==
		     (ssize_t)(n * sizeof(*out));
	close(fd);
	return ok;
}

void ties_snap__scores_write(ties_db *db, uint64_t gen, const char *name,
			     size_t n, const double *in)
{
	struct scores_hdr h;
	char *path = scores_path(db, name), *tmp;
	int fd, ok;

	if (!path)
		return;
	if (!(tmp = malloc(strlen(path) + 32))) {
		free(path);
		return;
	}
	sprintf(tmp, "%s.%ld.tmp", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0) {
		memset(&h, 0, sizeof(h));
		memcpy(h.magic, SCORES_MAGIC, 8);
		h.generation = gen;
		h.n = n;
		ok = write_all(fd, &h, sizeof(h)) == 0 &&
		     write_all(fd, in, n * sizeof(*in)) == 0;
		if (close(fd) != 0)
			ok = 0;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
}
