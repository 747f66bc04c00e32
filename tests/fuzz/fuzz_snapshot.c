/*
 * Fuzz harness: the snapshot reader. The input, its generation made the
 * data's (bytes 8–15), stands as DB.adj beside a database on disk holding
 * the seed network; the unfiltered graph, a path and a focus diagram are
 * then asked for. Whatever the bytes, ties must answer from the store
 * (after saying the snapshot was damaged) or from a sound snapshot, never
 * read outside it.
 */
#include "fuzz.h"

static char dbpath[256], adjpath[300];

/* The snapshot's checksum, as graph/snapshot.c computes it (a part of the
 * file's format): the harness sets it in the input, so that the fuzzer
 * reaches the checks of sizes, offsets, indices and weights behind it. */
static uint64_t body_sum(const unsigned char *b, size_t n)
{
	const uint64_t k = 0x9E3779B97F4A7C15u;
	uint64_t h[4] = {1, 2, 3, 4}, w;
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
static unsigned char gen[8];

/* Bytes of k items of `size`, padded to 8. */
static uint64_t sect(uint64_t k, uint64_t size)
{
	return (k * size + 7) & ~(uint64_t)7;
}

/* When the sizes in the header fit the input, the block checksums of its
 * body and the checksum of their table, as the writer makes them. */
static void set_sums(unsigned char *b, size_t size)
{
	uint64_t n, m2, m, body, nb, sum;

	memcpy(&n, b + 16, 8);
	memcpy(&m2, b + 24, 8);
	memcpy(&m, b + 32, 8);
	if (n > (1u << 24) || m2 > (1u << 24) || m > (1u << 24))
		return;
	body = sect(n, 8) + sect(n + 1, 8) + 2 * sect(m2, 4) + 2 * sect(m, 4) +
	       sect(m, 8);
	nb = (body + 16383) / 16384;
	if (48 + body + 8 * nb != size)
		return;
	for (uint64_t i = 0; i < nb; i++) {
		uint64_t lo = i * 16384,
			 k = lo + 16384 > body ? body - lo : 16384;

		sum = body_sum(b + 48 + lo, k);
		memcpy(b + 48 + body + 8 * i, &sum, 8);
	}
	sum = body_sum(b + 48 + body, 8 * nb);
	memcpy(b + 40, &sum, 8);
}

static ties_db *snap_db(void)
{
	static ties_db *db;
	static const char *const seed[] = {"graphs/issi-icca-ras-2025"};
	ties_graph *g = NULL;
	FILE *f;

	if (db)
		return db;
	snprintf(dbpath, sizeof(dbpath), "%s/ties-fuzz-snap-%ld.db",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	snprintf(adjpath, sizeof(adjpath), "%s.adj", dbpath);
	unlink(dbpath);
	if (ties_db_open(&db, dbpath, TIES_OPEN_CREATE) < 0 ||
	    ties_db_init(db, NULL, NULL) < 0) {
		fprintf(stderr, "fuzz: %s\n", ties_errmsg(db));
		abort();
	}
	if (access(seed[0], R_OK) == 0)
		ties_import_csv(db, seed, 1, TIES_TABLE_AUTO, NULL);
	/* A sound snapshot, for its generation. */
	if (ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL) < 0)
		abort();
	ties_graph_free(g);
	if (!(f = fopen(adjpath, "rb")) || fseek(f, 8, SEEK_SET) != 0 ||
	    fread(gen, 1, 8, f) != 8)
		abort();
	fclose(f);
	return db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ties_db *db = snap_db();
	ties_graph *g = NULL;
	ties_table *t = NULL;
	ties_path_opts po = {0, 0, 0, 0, 10};
	ties_draw_opts dopt = {"issi",
			       2,
			       -1,
			       TIES_DEGREE,
			       TIES_CLUSTER_NONE,
			       10,
			       TIES_LABELS_ALL,
			       TIES_BACKBONE_AUTO,
			       0,
			       0,
			       0,
			       TIES_COLOR_AUTO,
			       0,
			       NULL,
			       0};
	FILE *dot;
	unsigned char *copy = malloc(size ? size : 1);
	FILE *f;

	if (!copy)
		abort();
	memcpy(copy, data, size);
	if (size >= 16)
		memcpy(copy + 8, gen, 8);
	/* Half the inputs get right checksums, half keep theirs. The
	 * header is 48 bytes (n at 16, m2 at 24, m at 32, the table's sum
	 * at 40); the body follows, then one checksum per 16 KiB block of
	 * it. */
	if (size >= 48 && (copy[47] & 1) == 0)
		set_sums(copy, size);
	if (!(f = fopen(adjpath, "wb")))
		abort();
	if (size && fwrite(copy, 1, size, f) != size)
		abort();
	fclose(f);
	free(copy);
	if (ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL) == 0)
		ties_graph_free(g);
	ties_path_quick(db, &t, "Maheen Shafiq", "Olga Gerasimova", &po);
	ties_table_free(t);
	/* A focus diagram reads only its part of the snapshot. */
	if ((dot = fopen("/dev/null", "w"))) {
		ties_draw_from(db, TIES_GRAPH_ENTITY, NULL, &dopt, NULL, dot,
			       NULL);
		fclose(dot);
	}
	ties_notice_clear(db);
	return 0;
}
