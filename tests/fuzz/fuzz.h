/*
 * fuzz.h — what the fuzz harnesses share: one database per process (the
 * countries and the seed network loaded once), and a file holding the
 * input, since the importers read files.
 *
 * Each harness defines LLVMFuzzerTestOneInput. Built with clang
 * -fsanitize=fuzzer by `make fuzz`; built with driver.c by `make test`,
 * which replays the corpus and every crash ever found.
 */
#ifndef TIES_FUZZ_H
#define TIES_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ties.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline ties_db *fuzz_db(void)
{
	static ties_db *db;

	if (!db) {
		static const char *const seed[] = {"graphs/issi-icca-ras-2025"};

		if (ties_db_open(&db, ":memory:", TIES_OPEN_CREATE) < 0 ||
		    ties_db_init(db, NULL, NULL) < 0) {
			fprintf(stderr, "fuzz: %s\n", ties_errmsg(db));
			abort();
		}
		/* The seed network, when run from the top of the tree. */
		if (access(seed[0], R_OK) == 0)
			ties_import_csv(db, seed, 1, TIES_TABLE_AUTO, NULL);
	}
	return db;
}

/* The input in a file named with `ext`; returns its path. */
static inline const char *fuzz_file(const uint8_t *data, size_t size,
			     const char *ext)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/ties-fuzz-%ld%s",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid(),
		 ext);
	if (!(f = fopen(path, "wb")))
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}

/* Import the input as one file of the given format. Any result but a
 * crash is fine; the message must be one line. */
static inline int fuzz_import(const uint8_t *data, size_t size, const char *ext,
		       enum ties_import_format fmt)
{
	ties_db *db = fuzz_db();
	const char *paths[1];
	const char *msg;

	paths[0] = fuzz_file(data, size, ext);
	if (ties_import(db, paths, 1, fmt, TIES_TABLE_AUTO, NULL) < 0) {
		msg = ties_errmsg(db);
		if (strchr(msg, '\n'))
			abort();
	}
	unlink(paths[0]);
	return 0;
}

#endif
