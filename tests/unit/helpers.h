/*
 * helpers.h — what the unit tests share: temporary files and databases.
 * Tests run from the top of the tree (make test does so).
 */
#ifndef TIES_TEST_HELPERS_H
#define TIES_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "ties.h"

/* A fresh temporary directory for this test process. */
static inline const char *tmpdir(void)
{
	static char dir[256];

	if (!dir[0]) {
		const char *base = getenv("TIES_TEST_TMP");

		snprintf(dir, sizeof(dir), "%s/unit.XXXXXX",
			 base ? base : "/tmp");
		if (!mkdtemp(dir))
			fail_msg("mkdtemp failed");
	}
	return dir;
}

/* tmpdir()/name, in a static buffer (one of four in rotation). */
static inline const char *tmppath(const char *name)
{
	static char bufs[4][512];
	static int i;
	char *b = bufs[i++ & 3];

	snprintf(b, 512, "%s/%s", tmpdir(), name);
	return b;
}

/* Write `len` bytes to tmpdir()/name; returns the path. */
static inline const char *write_file(const char *name, const char *data,
				     size_t len)
{
	const char *p = tmppath(name);
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return p;
}

#define WRITE(name, lit) write_file((name), (lit), sizeof(lit) - 1)

/* A new database in tmpdir(), with the countries seeded. */
static inline ties_db *new_db(const char *name)
{
	ties_db *db = NULL;
	const char *p = tmppath(name);
	char wal[600];

	unlink(p);
	snprintf(wal, sizeof(wal), "%s-wal", p);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s.adj", p);
	unlink(wal);
	assert_int_equal(ties_db_open(&db, p, TIES_OPEN_CREATE), 0);
	assert_int_equal(ties_db_init(db, NULL, NULL), 0);
	return db;
}

/* A new database with the seed network loaded. */
static inline ties_db *seed_db(const char *name)
{
	static const char *const paths[] = {"graphs/issi-icca-ras-2025"};
	ties_db *db = new_db(name);

	if (ties_import_csv(db, paths, 1, TIES_TABLE_AUTO, NULL) != 0)
		fail_msg("seed import: %s", ties_errmsg(db));
	return db;
}

/* Count of `what` ("entity", …) in `ties stats`, 'total' row. */
static inline long long count_of(ties_db *db, const char *what)
{
	ties_table *t = NULL;
	long long n = -1;
	size_t r;

	assert_int_equal(ties_stats(db, &t), 0);
	for (r = 0; r < ties_table_nrows(t); r++)
		if (!strcmp(ties_table_text(t, r, 0), what) &&
		    !strcmp(ties_table_text(t, r, 1), "total"))
			n = ties_table_int(t, r, 2);
	ties_table_free(t);
	return n;
}

#endif
