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
 * then a table of checksums, one for each 16 KiB block of the body, whose
 * own checksum is in the header. A path search reads the adjacency in
 * place and checks each block the first time it reads from it (and each
 * node's offsets and neighbours as it visits them), so a cold process
 * reads the pages of the nodes it visits, not the whole file; a graph
 * loaded whole checks every block, and is the projected graph bit for bit
 * (same nodes, ties, order and weights). The file is mapped, not read. It is
 * valid only for the generation it names: every transaction that writes renews
 * the generation (ties_db__commit), and the next reader projects the store
 * again and replaces the file, atomically (a new file made by mkstemp
 * beside it, then rename). It is a cache: a file that is not whole and
 * sound (sizes, offsets, indices, weights, the checksum of its body) is
 * ignored, said once (ties_notice) and rebuilt.
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
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

#define SNAP_MAGIC "TIESADJ4"
#define SNAP_BLOCK 16384

struct snap_hdr {
	char magic[8];
	uint64_t generation, n, m2, m;
	uint64_t sum; /* body_sum() of the table of block checksums */
};

/* A checksum of n bytes (a multiple of 8): four lanes of a multiply-xor
 * hash over 64-bit words, so that it runs at memory speed. */
static uint64_t body_sum(const void *p, size_t n)
{
	const uint64_t k = 0x9E3779B97F4A7C15u;
	uint64_t h[4] = {1, 2, 3, 4}, w;
	const unsigned char *b = p;
	size_t i = 0;

	for (; i + 32 <= n; i += 32)
		for (int j = 0; j < 4; j++) {
			memcpy(&w, b + i + 8 * (size_t)j, 8);
			h[j] = (h[j] ^ w) * k;
			h[j] ^= h[j] >> 31;
		}
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, b + i, 8);
		h[0] = (h[0] ^ w) * k;
		h[0] ^= h[0] >> 31;
	}
	return ((h[0] * 31 + h[1]) * 31 + h[2]) * 31 + h[3];
}

/* Bytes of a section of k items of `size` bytes, padded to 8. */
static uint64_t sect(uint64_t k, uint64_t size)
{
	return (k * size + 7) & ~(uint64_t)7;
}

static uint64_t body_len(uint64_t n, uint64_t m2, uint64_t m)
{
	return sect(n, 8) + sect(n + 1, 8) + 2 * sect(m2, 4) + 2 * sect(m, 4) +
	       sect(m, 8);
}

static uint64_t nblocks(uint64_t body)
{
	return (body + SNAP_BLOCK - 1) / SNAP_BLOCK;
}

static uint64_t snap_size(uint64_t n, uint64_t m2, uint64_t m)
{
	uint64_t body = body_len(n, m2, m);

	return sizeof(struct snap_hdr) + body + 8 * nblocks(body);
}

/* Check the blocks of the body that [p, p + len) touches, once each: 0,
 * or -1 when one does not match its checksum (the snapshot is then bad). */
int ties_snap__need(struct ties_snap *sn, const void *p, size_t len)
{
	const char *body = (const char *)sn->map + sizeof(struct snap_hdr);
	size_t off, b, last;

	if (sn->bad)
		return -1;
	if (!len)
		return 0;
	off = (size_t)((const char *)p - body);
	if ((const char *)p < body || off + len > sn->body_len) {
		sn->bad = 1;
		return -1;
	}
	last = (off + len - 1) / SNAP_BLOCK;
	for (b = off / SNAP_BLOCK; b <= last; b++) {
		size_t lo = b * SNAP_BLOCK, n = SNAP_BLOCK;

		if (sn->ok[b])
			continue;
		if (lo + n > sn->body_len)
			n = sn->body_len - lo;
		if (body_sum(body + lo, n) != sn->blocks[b]) {
			sn->bad = 1;
			return -1;
		}
		sn->ok[b] = 1;
	}
	return 0;
}

/* Whether entries [s0, s1) of `col` (a node's neighbours or ties) are
 * sound: their blocks match, each below `bound`. */
static int entries_ok(struct ties_snap *sn, const uint32_t *col, size_t s0,
		      size_t s1, uint64_t bound)
{
	if (ties_snap__need(sn, &col[s0], (s1 - s0) * 4) < 0) {
		sn->bad = 1;
		return -1;
	}
	for (size_t j = s0; j < s1; j++)
		if (col[j] >= bound) {
			sn->bad = 1;
			return -1;
		}
	return 0;
}

int ties_snap__nbrs_ok(struct ties_snap *sn, uint32_t v)
{
	const size_t *st = sn->a.start;

	if (v >= sn->n || ties_snap__need(sn, &st[v], 2 * sizeof(*st)) < 0)
		return -1;
	if (st[v] > st[v + 1] || st[v + 1] > 2 * sn->m) {
		sn->bad = 1;
		return -1;
	}
	return entries_ok(sn, sn->a.nbr, st[v], st[v + 1], sn->n);
}

int ties_snap__node_ok(struct ties_snap *sn, uint32_t v)
{
	if (ties_snap__nbrs_ok(sn, v) < 0)
		return -1;
	return entries_ok(sn, sn->a.edge, sn->a.start[v], sn->a.start[v + 1],
			  sn->m);
}

/* Ask for the blocks of [p, p + len) not yet checked, should they not be
 * in memory: each block once (a layer of many nodes asks for the same
 * blocks again and again, and each call costs a system call). */
static void willneed(struct ties_snap *sn, const void *p, size_t len)
{
	const char *body = (const char *)sn->map + sizeof(struct snap_hdr);
	size_t off = (size_t)((const char *)p - body), b, hi;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), from, to;

	if ((const char *)p < body || !len || off + len > sn->body_len)
		return;
	hi = (off + len - 1) / SNAP_BLOCK;
	for (b = off / SNAP_BLOCK; b <= hi; b++) {
		if (sn->ok[b] || sn->asked[b])
			continue;
		sn->asked[b] = 1;
		from = (uintptr_t)(body + b * SNAP_BLOCK) & ~(page - 1);
		to = (uintptr_t)(body + b * SNAP_BLOCK + SNAP_BLOCK);
		posix_madvise((void *)from, to - from, POSIX_MADV_WILLNEED);
	}
}

static void node_prefetch(void *ctx, const uint32_t *v, size_t n,
			  int entries)
{
	struct ties_snap *sn = ctx;
	const size_t *st = sn->a.start;
	size_t i, s0, s1;

	for (i = 0; i < n; i++) {
		if (v[i] >= sn->n)
			continue;
		if (!entries) {
			willneed(sn, &st[v[i]], 2 * sizeof(*st));
			continue;
		}
		/* Offsets read unchecked: this is a hint only. */
		s0 = st[v[i]];
		s1 = st[v[i] + 1];
		if (s0 >= s1 || s1 > 2 * sn->m)
			continue;
		willneed(sn, &sn->a.nbr[s0], (s1 - s0) * 4);
	}
}

static int node_check(void *ctx, uint32_t v)
{
	return ties_snap__node_ok(ctx, v);
}

static int nbrs_check(void *ctx, uint32_t v)
{
	return ties_snap__nbrs_ok(ctx, v);
}

static int part_check(void *ctx, const void *p, size_t len)
{
	return ties_snap__need(ctx, p, len);
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
	free(sn->ok);
	free(sn->asked);
	memset(sn, 0, sizeof(*sn));
}

/* What is wrong with a mapped snapshot's body, or NULL: the checksum of
 * every block, offsets monotone and in range, neighbours and ties in
 * range, the ties' ends in order, weights finite and positive, rowids
 * ascending. */
static const char *check_body(struct ties_snap *sn)
{
	uint64_t n = sn->n, m = sn->m;

	if (ties_snap__need(sn, (const char *)sn->map + sizeof(struct snap_hdr),
			    sn->body_len) < 0)
		return "its checksum does not match";
	if (sn->a.start[0] != 0 || sn->a.start[n] != 2 * m)
		return "its offsets do not span its entries";
	for (uint64_t v = 0; v < n; v++)
		if (sn->a.start[v] > sn->a.start[v + 1] ||
		    (v && sn->rowid[v - 1] >= sn->rowid[v]))
			return "its offsets or rowids are out of order";
	for (uint64_t j = 0; j < 2 * m; j++)
		if (sn->a.nbr[j] >= n || sn->a.edge[j] >= m)
			return "a neighbour or a tie is out of range";
	for (uint64_t e = 0; e < m; e++)
		if (sn->ea[e] >= sn->eb[e] || sn->eb[e] >= n ||
		    !isfinite(sn->a.ew[e]) || !(sn->a.ew[e] > 0))
			return "a tie's ends or weight are invalid";
	return NULL;
}

/* Open `path` for reading when it is a regular file (a FIFO must not
 * block, a directory is no file); -1 otherwise. */
static int open_regular(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (fstat(fd, st) < 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Open and map the snapshot of generation gen, checking its header, its
 * sizes and its table of block checksums; the body is checked whole when
 * `whole`, else block by block as it is read. */
static int snap_open(ties_db *db, uint64_t gen, struct ties_snap *sn, int whole)
{
	struct snap_hdr h;
	struct stat st;
	char *path, *p;
	const char *bad;
	int fd;

	memset(sn, 0, sizeof(*sn));
	ties_snap__wait_writers();
	if (sizeof(size_t) != 8 || !(path = ties_snap__path(db)))
		return 0;
	if ((fd = open_regular(path, &st)) < 0) {
		free(path);
		return 0;
	}
	/* Another generation's, or another version's, is simply stale. */
	if ((size_t)st.st_size < sizeof(h) ||
	    pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    memcmp(h.magic, SNAP_MAGIC, 8) || h.generation != gen) {
		close(fd);
		free(path);
		return 0;
	}
	if (h.n > UINT32_MAX || h.m > UINT32_MAX || h.m2 != 2 * h.m ||
	    (uint64_t)st.st_size != snap_size(h.n, h.m2, h.m)) {
		close(fd);
		ties_db__notice(db,
				"the snapshot '%s' was damaged (its sizes do "
				"not agree); rebuilt it",
				path);
		free(path);
		return 0;
	}
	sn->len = (size_t)st.st_size;
	sn->map = mmap(NULL, sn->len, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (sn->map == MAP_FAILED) {
		sn->map = NULL;
		free(path);
		return 0;
	}
	p = (char *)sn->map + sizeof(h);
	sn->body_len = (size_t)body_len(h.n, h.m2, h.m);
	sn->nblocks = (size_t)nblocks(sn->body_len);
	sn->blocks = (const uint64_t *)(p + sn->body_len);
	/* Read block by block, the body is read where the nodes visited lie:
	 * no read-around at each fault; the checksums are read whole. */
	if (!whole) {
		uintptr_t from = (uintptr_t)sn->blocks &
				 ~(uintptr_t)(sysconf(_SC_PAGESIZE) - 1);

		posix_madvise(sn->map, sn->len, POSIX_MADV_RANDOM);
		posix_madvise((void *)from,
			      (uintptr_t)sn->map + sn->len - from,
			      POSIX_MADV_WILLNEED);
	}
	if (!(sn->ok = calloc(sn->nblocks + 1, 1)) ||
	    !(sn->asked = calloc(sn->nblocks + 1, 1))) {
		ties_snap__close(sn);
		free(path);
		return 0;
	}
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
	sn->a.ctx = sn;
	sn->a.check = whole ? NULL : node_check;
	sn->a.check_nbrs = whole ? NULL : nbrs_check;
	sn->a.need = whole ? NULL : part_check;
	sn->a.prefetch = whole ? NULL : node_prefetch;
	if (body_sum(sn->blocks, 8 * sn->nblocks) != h.sum)
		bad = "its checksum does not match";
	else
		bad = whole ? check_body(sn) : NULL;
	if (bad) {
		ties_db__notice(db,
				"the snapshot '%s' was damaged (%s); "
				"rebuilt it",
				path, bad);
		ties_snap__close(sn);
		free(path);
		return 0;
	}
	free(path);
	return 1;
}

int ties_snap__open(ties_db *db, uint64_t gen, struct ties_snap *sn)
{
	return snap_open(db, gen, sn, 1);
}

int ties_snap__open_lazy(ties_db *db, uint64_t gen, struct ties_snap *sn)
{
	return snap_open(db, gen, sn, 0);
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

/* Rowids are ascending and mostly dense: a guess by interpolation lands
 * on the right block of the file, where halving would read twenty. The
 * guesses narrow [lo, hi) as halving does, so the answer is the same. */
long ties_snap__node(struct ties_snap *sn, int64_t rowid)
{
	uint64_t lo = 0, hi = sn->n;

	for (int guess = 0; lo < hi; guess++) {
		uint64_t mid = (lo + hi) / 2;

		if (guess < 4 && hi - lo > 2) {
			int64_t a, b;

			if (ties_snap__need(sn, &sn->rowid[lo], 8) < 0 ||
			    ties_snap__need(sn, &sn->rowid[hi - 1], 8) < 0)
				return -2;
			a = sn->rowid[lo];
			b = sn->rowid[hi - 1];
			if (rowid <= a)
				mid = lo;
			else if (rowid >= b)
				mid = hi - 1;
			else
				mid = lo + (uint64_t)((double)(rowid - a) /
						      (double)(b - a) *
						      (double)(hi - 1 - lo));
		}

		if (ties_snap__need(sn, &sn->rowid[mid], 8) < 0)
			return -2;
		if (sn->rowid[mid] < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < sn->n && ties_snap__need(sn, &sn->rowid[lo], 8) < 0)
		return -2;
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

/*
 * The body written a block at a time, each block's checksum taken from
 * memory as it goes (reading the file back to take them mapped its 923 MB
 * at L into the process: 2.7 GB at the peak of a first PageRank, against
 * 1.9 GB).
 */
struct body_out {
	int fd, err;
	char *buf; /* SNAP_BLOCK bytes */
	size_t fill;
	uint64_t *table; /* a checksum per block */
	size_t nb, cap;
};

static void out_block(struct body_out *o)
{
	if (!o->fill || o->err)
		return;
	if (o->nb == o->cap || write_all(o->fd, o->buf, o->fill) < 0) {
		o->err = 1;
		return;
	}
	o->table[o->nb++] = body_sum(o->buf, o->fill);
	o->fill = 0;
}

static void out_bytes(struct body_out *o, const void *p, size_t n)
{
	const char *c = p;

	while (n > 0 && !o->err) {
		size_t k = SNAP_BLOCK - o->fill;

		if (k > n)
			k = n;
		memcpy(o->buf + o->fill, c, k);
		o->fill += k;
		c += k;
		n -= k;
		if (o->fill == SNAP_BLOCK)
			out_block(o);
	}
}

/* Write k items of `size` bytes, padded to 8. */
static void out_sect(struct body_out *o, const void *buf, uint64_t k,
		     uint64_t size)
{
	static const char zero[8];

	out_bytes(o, buf, (size_t)(k * size));
	out_bytes(o, zero, (size_t)(sect(k, size) - k * size));
}

/*
 * A new file beside `path`, made with mkstemp as PATH.PID.XXXXXX (never
 * following a link planted there), 0644; its name in *tmp. Stale ones of
 * dead writers are removed first.
 */
static int temp_beside(const char *path, char **tmp)
{
	int fd;

	ties_file__sweep(path, ".");
	if (!(*tmp = malloc(strlen(path) + 32)))
		return -1;
	sprintf(*tmp, "%s.%ld.XXXXXX", path, (long)getpid());
	if ((fd = mkstemp(*tmp)) < 0)
		return -1;
	if (fchmod(fd, 0644) != 0) {
		close(fd);
		unlink(*tmp);
		return -1;
	}
	return fd;
}

/* Close fd, then rename tmp over path when ok; else remove tmp. */
static int commit_temp(int fd, const char *tmp, const char *path, int ok)
{
	if (close(fd) != 0)
		ok = 0;
	if (ok && rename(tmp, path) != 0)
		ok = 0;
	if (!ok)
		unlink(tmp);
	return ok ? 0 : -1;
}

int ties_snap__write(ties_db *db, uint64_t gen, const struct ties_snap_graph *g)
{
	char *path = ties_snap__path(db);
	int rc = path ? ties_snap__write_to(path, gen, g) : -1;

	free(path);
	return rc;
}

int ties_snap__write_to(const char *path, uint64_t gen,
			const struct ties_snap_graph *g)
{
	const struct ties_adj *a = g->a;
	struct snap_hdr h;
	struct body_out o;
	char *tmp = NULL;
	int fd, ok = 0;

	assert(a->n == g->n);
	if (sizeof(size_t) != 8 || g->m > UINT32_MAX)
		return -1;
	if ((fd = temp_beside(path, &tmp)) < 0) {
		free(tmp);
		return -1;
	}
	memset(&h, 0, sizeof(h));
	memset(&o, 0, sizeof(o));
	memcpy(h.magic, SNAP_MAGIC, 8);
	h.generation = gen;
	h.n = g->n;
	h.m2 = 2 * (uint64_t)g->m;
	h.m = g->m;
	o.fd = fd;
	o.cap = (size_t)nblocks(body_len(h.n, h.m2, h.m));
	o.buf = malloc(SNAP_BLOCK);
	o.table = malloc((o.cap + 1) * sizeof(*o.table));
	ok = o.buf && o.table && write_all(fd, &h, sizeof(h)) == 0;
	if (ok) {
		out_sect(&o, g->rowid, h.n, 8);
		out_sect(&o, a->start, h.n + 1, 8);
		out_sect(&o, a->nbr, h.m2, 4);
		out_sect(&o, a->edge, h.m2, 4);
		out_sect(&o, g->ea, h.m, 4);
		out_sect(&o, g->eb, h.m, 4);
		out_sect(&o, g->ew, h.m, 8);
		out_block(&o);
		ok = !o.err && o.nb == o.cap;
	}
	/* The checksums of the body's blocks, after it; their own in the
	 * header, written again. */
	if (ok) {
		h.sum = body_sum(o.table, 8 * o.nb);
		ok = write_all(fd, o.table, 8 * o.nb) == 0 &&
		     pwrite(fd, &h, sizeof(h), 0) == (ssize_t)sizeof(h);
	}
	free(o.buf);
	free(o.table);
	ok = commit_temp(fd, tmp, path, ok) == 0;
	free(tmp);
	return ok ? 0 : -1;
}

/* ------------------------------------------------------ node scores --- */

/*
 * A measure of every node of the snapshot's graph, kept beside it as
 * DB.adj.NAME (NAME: the measure, "-w" when weighted): a header (magic,
 * generation, nodes), then one double per node. Valid only for the
 * snapshot's generation, like the snapshot.
 */
#define SCORES_MAGIC "TIESMSR2"

struct scores_hdr {
	char magic[8];
	uint64_t generation, n;
	uint64_t sum; /* body_sum() of the scores */
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
	struct stat st;
	char *path = scores_path(db, name);
	int fd, ok;

	if (!path)
		return 0;
	if ((fd = open_regular(path, &st)) < 0) {
		free(path);
		return 0;
	}
	ok = pread(fd, &h, sizeof(h), 0) == (ssize_t)sizeof(h) &&
	     !memcmp(h.magic, SCORES_MAGIC, 8) && h.generation == gen &&
	     h.n == n;
	if (ok) {
		ok = (uint64_t)st.st_size == sizeof(h) + n * sizeof(*out) &&
		     pread(fd, out, n * sizeof(*out), sizeof(h)) ==
			     (ssize_t)(n * sizeof(*out)) &&
		     body_sum(out, n * sizeof(*out)) == h.sum;
		for (size_t i = 0; ok && i < n; i++)
			ok = isfinite(out[i]);
		if (!ok)
			ties_db__notice(db,
					"the kept scores '%s' were damaged; "
					"computed them again",
					path);
	}
	close(fd);
	free(path);
	return ok;
}

void ties_snap__scores_write(ties_db *db, uint64_t gen, const char *name,
			     size_t n, const double *in)
{
	struct scores_hdr h;
	char *path = scores_path(db, name), *tmp = NULL;
	int fd, ok;

	if (!path)
		return;
	if ((fd = temp_beside(path, &tmp)) >= 0) {
		memset(&h, 0, sizeof(h));
		memcpy(h.magic, SCORES_MAGIC, 8);
		h.generation = gen;
		h.n = n;
		h.sum = body_sum(in, n * sizeof(*in));
		ok = write_all(fd, &h, sizeof(h)) == 0 &&
		     write_all(fd, in, n * sizeof(*in)) == 0;
		commit_temp(fd, tmp, path, ok);
	}
	free(tmp);
	free(path);
}
