/* Unit tests: the CSV importer's edge cases and its all-or-nothing rule. */
#include <sqlite3.h>

#include "helpers.h"

/* Import one file; returns the code. */
static int import1(ties_db *db, const char *path, enum ties_table_kind t,
		   ties_import_stats *st)
{
	const char *paths[] = {path};

	return ties_import_csv(db, paths, 1, t, st);
}

/* Expect failure with a message that starts with "<path>:<line>: " and
 * contains `what`; and nothing changed. */
static void expect_error(ties_db *db, const char *path, int code, int line,
			 const char *what)
{
	char prefix[600];
	long long e = count_of(db, "entity"), v = count_of(db, "event");
	long long r = count_of(db, "relation"), p = count_of(db, "participant");

	assert_int_equal(import1(db, path, TIES_TABLE_AUTO, NULL), code);
	snprintf(prefix, sizeof(prefix), "%s:%d: ", path, line);
	if (strncmp(ties_errmsg(db), prefix, strlen(prefix)))
		fail_msg("message '%s' does not start with '%s'",
			 ties_errmsg(db), prefix);
	if (!strstr(ties_errmsg(db), what))
		fail_msg("message '%s' lacks '%s'", ties_errmsg(db), what);
	assert_null(strchr(ties_errmsg(db), '\n'));
	assert_int_equal(count_of(db, "entity"), e);
	assert_int_equal(count_of(db, "event"), v);
	assert_int_equal(count_of(db, "relation"), r);
	assert_int_equal(count_of(db, "participant"), p);
}

static void test_quotes_newlines_and_bom(void **state)
{
	ties_db *db = new_db("quotes.db");
	ties_import_stats st;
	ties_card *c = NULL;
	const char *p = WRITE(
		"q.csv", "\xef\xbb\xbfid,kind,name,aliases\r\n"
			 "a,person,\"Smith, \"\"Jo\"\"\",\"J|  Jo S. \"\r\n"
			 "b,institution,\"Two\nlines\",\r\n");

	(void)state;
	assert_int_equal(import1(db, p, TIES_TABLE_AUTO, &st), 0);
	assert_int_equal(st.entities, 2);
	assert_int_equal(st.rows, 2);
	assert_int_equal(ties_card_get(db, &c, "jo s."), 0);
	assert_string_equal(ties_card_field(c, "name"), "Smith, \"Jo\"");
	assert_int_equal(ties_table_nrows(ties_card_section(c, "aliases")), 2);
	ties_card_free(c);
	assert_int_equal(ties_card_get(db, &c, "b"), 0);
	assert_string_equal(ties_card_field(c, "name"), "Two\nlines");
	ties_card_free(c);
	ties_db_close(db);
}

static void test_line_numbers_count_embedded_newlines(void **state)
{
	ties_db *db = new_db("lines.db");
	const char *p = WRITE("lines.csv", "id,kind,name,country\n"
					   "a,person,\"one\ntwo\nthree\",pk\n"
					   "\n"
					   "b,person,Bob,Atlantis\n");

	(void)state;
	/* Header 1, record 2-4, blank 5, bad record on 6. */
	expect_error(db, p, TIES_ENOTFOUND, 6, "unknown country 'Atlantis'");
	ties_db_close(db);
}

static void test_field_counts(void **state)
{
	ties_db *db = new_db("fields.db");

	(void)state;
	expect_error(db, WRITE("extra.csv", "id,kind,name\na,person,A,x\n"),
		     TIES_EINVALID, 2, "4 fields, but the header has 3");
	expect_error(db, WRITE("short.csv", "id,kind,name\na,person\n"),
		     TIES_EINVALID, 2, "2 fields, but the header has 3");
	ties_db_close(db);
}

static void test_malformed_csv(void **state)
{
	ties_db *db = new_db("malformed.db");

	(void)state;
	expect_error(db, WRITE("q1.csv", "id,kind,name\na,person,\"A\"x\n"),
		     TIES_EINVALID, 2, "malformed field");
	expect_error(db, WRITE("q2.csv", "id,kind,name\na,person,\"A\n"),
		     TIES_EINVALID, 2, "unterminated quoted field");
	expect_error(db, WRITE("u.csv", "id,kind,name\na,person,\xe2\x82\n"),
		     TIES_EINVALID, 2, "invalid UTF-8");
	expect_error(db,
		     write_file("nul.csv", "id,kind,name\na,pers\0on,A\n", 24),
		     TIES_EINVALID, 2, "NUL byte");
	expect_error(db, WRITE("empty.csv", ""), TIES_EINVALID, 1,
		     "empty file");
	expect_error(db, WRITE("dup.csv", "id,kind,name,Kind\na,b,c,d\n"),
		     TIES_EINVALID, 1, "duplicate column 'kind'");
	expect_error(db, WRITE("what.csv", "x,y\n1,2\n"), TIES_EINVALID, 1,
		     "cannot tell which table");
	expect_error(db, WRITE("noname.csv", "id,,name\n1,2,3\n"),
		     TIES_EINVALID, 1, "column 2 has no name");
	ties_db_close(db);
}

static void test_references_dates_and_duplicates(void **state)
{
	ties_db *db = seed_db("refs.db");

	(void)state;
	expect_error(db,
		     WRITE("ev.csv", "id,kind,date\ne1,meeting,2025\n"
				     "e2,meeting,2025-13-40\n"),
		     TIES_EINVALID, 3, "bad date '2025-13-40'");
	expect_error(db,
		     WRITE("rel.csv", "source,target,kind,start\n"
				      "issi,ras,tie,2025-02-29\n"),
		     TIES_EINVALID, 2, "bad start date");
	expect_error(db,
		     WRITE("p.csv",
			   "event,entity,role\n"
			   "issi-icca-ras-mou-2025-04-08,ghost,party\n"),
		     TIES_ENOTFOUND, 2, "unknown entity 'ghost'");
	expect_error(db,
		     WRITE("amb.csv", "source,target,kind\nMahmood,issi,x\n"),
		     TIES_EAMBIGUOUS, 2, "'Mahmood' is ambiguous");
	expect_error(db,
		     WRITE("dupid.csv", "id,kind,name\nz,person,Z\n"
					"y,person,Y\nz,person,Z2\n"),
		     TIES_EINVALID, 4,
		     "duplicate entity id 'z' (given earlier in this import)");
	expect_error(db,
		     WRITE("src.csv", "id,kind,date,source_id\n"
				      "e9,meeting,2025,no-such-source\n"),
		     TIES_ENOTFOUND, 2, "no source 'no-such-source'");
	expect_error(db,
		     WRITE("notc.csv", "id,kind,name,country\n"
				       "w,person,W,Kirill Babaev\n"),
		     TIES_EINVALID, 2, "not country");
	ties_db_close(db);
}

static void test_forward_references_across_files(void **state)
{
	ties_db *db = new_db("forward.db");
	const char *paths[3];
	ties_import_stats st;
	const char *id = NULL;

	(void)state;
	/* Given in the worst order: participants, relations, entities. */
	paths[0] = WRITE("f-p.csv", "event,entity,role\nm1,Alpha Org,host\n"
				    "m1,beta,attendee\n");
	paths[1] =
		WRITE("f-e.csv", "id,kind,name,country,aliases\n"
				 "alpha,institution,Alpha Org,gamma-land,\n"
				 "beta,person,Beta,alpha-country,\n"
				 "gamma,country,Gammaland,,gamma-land\n"
				 "alphac,country,Alphaland,,alpha-country\n");
	paths[2] = WRITE("f-v.csv", "id,kind,title,place\nm1,meeting,M,"
				    "gamma\n");
	assert_int_equal(ties_import_csv(db, paths, 3, TIES_TABLE_AUTO, &st),
			 0);
	assert_int_equal(st.entities, 4);
	assert_int_equal(st.events, 1);
	assert_int_equal(st.participants, 2);
	assert_int_equal(ties_entity_resolve(db, "gammaland", &id), 0);
	ties_db_close(db);
}

static void test_table_option_and_unknown_columns(void **state)
{
	ties_db *db = new_db("table.db");
	ties_import_stats st;

	(void)state;
	/* A header that looks like events is read as entities on request. */
	assert_int_equal(import1(db, WRITE("t.csv", "id,kind,name\na,b,c\n"),
				 TIES_TABLE_EVENTS, &st),
			 0);
	assert_int_equal(st.events, 1);
	assert_int_equal(import1(db, WRITE("t2.csv", "id,title\nx,T\n"),
				 TIES_TABLE_ENTITIES, NULL),
			 TIES_EINVALID);
	assert_non_null(strstr(ties_errmsg(db), "needs a column 'kind'"));
	assert_int_equal(import1(db,
				 WRITE("t3.csv", "event,entity,role,extra\n"),
				 TIES_TABLE_AUTO, NULL),
			 TIES_EINVALID);
	assert_non_null(strstr(ties_errmsg(db), "unknown column 'extra'"));
	assert_int_equal(ties_table_kind_parse("entity"), TIES_TABLE_ENTITIES);
	assert_int_equal(ties_table_kind_parse("participants"),
			 TIES_TABLE_PARTICIPANTS);
	assert_int_equal(ties_table_kind_parse("nodes"), TIES_TABLE_AUTO);
	ties_db_close(db);
}

static void test_reimport_is_idempotent(void **state)
{
	static const char *const paths[] = {"graphs/issi-icca-ras-2025"};
	ties_db *db = seed_db("again.db");
	long long e = count_of(db, "entity"), p = count_of(db, "participant");

	(void)state;
	assert_int_equal(ties_import_csv(db, paths, 1, TIES_TABLE_AUTO, NULL),
			 0);
	assert_int_equal(count_of(db, "entity"), e);
	assert_int_equal(count_of(db, "participant"), p);
	assert_int_equal(count_of(db, "relation"), 17);
	/* The names written again are found by their words: the keys an
	 * import writes come after every key there was, even when the keys
	 * it replaced were the last ones. */
	{
		ties_card *c = NULL;

		assert_int_equal(ties_card_get(db, &c, "Babaev"), 0);
		assert_string_equal(ties_card_field(c, "id"), "kirill-babaev");
		ties_card_free(c);
	}
	ties_db_close(db);
}

static int cancel_at_once(const char *what, long long done, long long total,
			  void *payload)
{
	(void)what;
	(void)done;
	(void)total;
	++*(int *)payload;
	return 1;
}

static void test_progress_can_cancel(void **state)
{
	ties_db *db = new_db("cancel.db");
	FILE *f = fopen(tmppath("big.csv"), "w");
	int i, calls = 0;

	(void)state;
	assert_non_null(f);
	fputs("id,kind,name\n", f);
	for (i = 0; i < 30000; i++)
		fprintf(f, "p%d,person,Person %d\n", i, i);
	fclose(f);
	ties_db_set_progress(db, cancel_at_once, &calls);
	assert_int_equal(import1(db, tmppath("big.csv"), TIES_TABLE_AUTO, NULL),
			 TIES_ERROR);
	assert_true(calls >= 1);
	assert_non_null(strstr(ties_errmsg(db), "cancelled"));
	assert_int_equal(count_of(db, "entity"), 0);
	ties_db_set_progress(db, NULL, NULL);
	assert_int_equal(import1(db, tmppath("big.csv"), TIES_TABLE_AUTO, NULL),
			 0);
	assert_int_equal(count_of(db, "entity"), 30000);
	ties_db_close(db);
}

/* The journal mode of the database file at path. */
static void journal_mode_of(const char *path, char *out, size_t cap)
{
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, "PRAGMA journal_mode", -1, &st,
					    NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, cap, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(s);
}

/* An import into an empty database: events by plain inserts, references
 * by the ids of the import's own rows, a rollback journal for the time of
 * the import and the WAL after it, whether it succeeds or fails. */
static void test_import_into_empty_database(void **state)
{
	ties_db *db = new_db("empty.db");
	ties_card *c = NULL;
	char mode[32], ent[512];

	(void)state;
	/* tmppath's buffers are reused: a copy of the path. */
	snprintf(ent, sizeof(ent), "%s",
		 WRITE("empty-e.csv", "id,kind,name,country\n"
				      "a,institution,A,fr\n"
				      "b,institution,B,France\n"
				      "c,institution,C,\n"));
	journal_mode_of(tmppath("empty.db"), mode, sizeof(mode));
	assert_string_equal(mode, "wal");
	/* An event id given twice: refused, nothing written, WAL again. */
	{
		const char *paths[] = {
			ent, WRITE("empty-v.csv", "id,kind,date\n"
						  "m1,meeting,2024\n"
						  "m2,meeting,2024\n"
						  "m1,visit,2025\n")};

		assert_int_equal(ties_import_csv(db, paths, 2, TIES_TABLE_AUTO,
						 NULL),
				 TIES_EINVALID);
		assert_non_null(strstr(ties_errmsg(db), "empty-v.csv:4: "
							"duplicate event id "
							"'m1'"));
		assert_int_equal(count_of(db, "event"), 0);
		assert_int_equal(count_of(db, "entity"), 0);
		journal_mode_of(tmppath("empty.db"), mode, sizeof(mode));
		assert_string_equal(mode, "wal");
	}
	{
		const char *paths[] = {
			ent,
			WRITE("empty-v2.csv", "id,kind,date,title\n"
					      "m1,meeting,2024,First\n"
					      "m2,visit,2025,Second\n"),
			WRITE("empty-p.csv", "event,entity,role\n"
					     "m1,a,host\nm1,b,guest\n"
					     "Second,c,visitor\nm2,a,host\n")};

		assert_int_equal(ties_import_csv(db, paths, 3, TIES_TABLE_AUTO,
						 NULL),
				 0);
	}
	assert_int_equal(count_of(db, "event"), 2);
	assert_int_equal(count_of(db, "participant"), 4);
	journal_mode_of(tmppath("empty.db"), mode, sizeof(mode));
	assert_string_equal(mode, "wal");
	/* Countries by id, by name, and none. */
	assert_int_equal(ties_card_get(db, &c, "a"), 0);
	assert_string_equal(ties_card_field(c, "country"), "fr");
	ties_card_free(c);
	assert_int_equal(ties_card_get(db, &c, "b"), 0);
	assert_string_equal(ties_card_field(c, "country"), "fr");
	ties_card_free(c);
	assert_int_equal(ties_card_get(db, &c, "c"), 0);
	assert_null(ties_card_field(c, "country"));
	ties_card_free(c);
	ties_db_close(db);
}

/* A bulk import writes participations in batches: rows past a batch's
 * end, the same participation twice across a batch boundary (the last
 * weight stands), and an error after some batches (nothing written). */
static void test_participations_in_batches(void **state)
{
	ties_db *db = new_db("batch.db");
	char ent[512], ev[512], part[512], bad[512];
	FILE *f;
	int i;

	(void)state;
	snprintf(ent, sizeof(ent), "%s", tmppath("batch-e.csv"));
	snprintf(ev, sizeof(ev), "%s", tmppath("batch-v.csv"));
	snprintf(part, sizeof(part), "%s", tmppath("batch-p.csv"));
	snprintf(bad, sizeof(bad), "%s", tmppath("batch-bad.csv"));
	assert_non_null(f = fopen(ent, "w"));
	fprintf(f, "id,kind,name\n");
	for (i = 0; i < 50; i++)
		fprintf(f, "x%d,institution,X %d\n", i, i);
	fclose(f);
	assert_non_null(f = fopen(ev, "w"));
	/* Events past two batches, with an attribute each. */
	fprintf(f, "id,kind,title,topic\n");
	for (i = 0; i < 150; i++)
		fprintf(f, "v%d,meeting,Title %d,topic %d\n", i, i, i * 2);
	fclose(f);
	/* 10 events x 50 entities = 500 rows, then row 1 again with
	 * another weight (after seven whole batches). */
	assert_non_null(f = fopen(part, "w"));
	fprintf(f, "event,entity,role,weight\n");
	for (i = 0; i < 500; i++)
		fprintf(f, "v%d,x%d,%s,1\n", i / 50, i % 50,
			i % 2 ? "host" : "guest");
	fprintf(f, "v0,x0,guest,7\n");
	/* An event named by its title. */
	fprintf(f, "Title 140,x3,chair,1\n");
	fclose(f);
	assert_non_null(f = fopen(bad, "w"));
	fprintf(f, "event,entity\n");
	for (i = 0; i < 300; i++)
		fprintf(f, "v%d,x%d\n", i / 50, i % 50);
	fprintf(f, "v0,nobody\n");
	fclose(f);
	{
		const char *paths[] = {ent, ev, bad};

		assert_int_equal(ties_import_csv(db, paths, 3, TIES_TABLE_AUTO,
						 NULL),
				 TIES_ENOTFOUND);
		assert_non_null(strstr(ties_errmsg(db), ":302: unknown entity "
							"'nobody'"));
		assert_int_equal(count_of(db, "participant"), 0);
		assert_int_equal(count_of(db, "event"), 0);
	}
	{
		const char *paths[] = {ent, ev, part};
		ties_import_stats st;
		sqlite3 *s = NULL;
		sqlite3_stmt *q = NULL;

		assert_int_equal(ties_import_csv(db, paths, 3, TIES_TABLE_AUTO,
						 &st),
				 0);
		assert_int_equal(st.participants, 502);
		assert_int_equal(count_of(db, "participant"), 501);
		assert_int_equal(count_of(db, "event"), 150);
		assert_int_equal(sqlite3_open(tmppath("batch.db"), &s),
				 SQLITE_OK);
		assert_int_equal(
			sqlite3_prepare_v2(
				s,
				"SELECT count(*), sum(weight), "
				"sum(role = 'host') FROM participant",
				-1, &q, NULL),
			SQLITE_OK);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), 501);
		assert_int_equal(sqlite3_column_int(q, 1), 507);
		assert_int_equal(sqlite3_column_int(q, 2), 250);
		sqlite3_finalize(q);
		/* Each event's attribute is its own; the participation by
		 * title went to its event. */
		assert_int_equal(
			sqlite3_prepare_v2(
				s,
				"SELECT sum(a.value = 'topic ' || "
				"(2 * CAST(substr(v.id, 2) AS INT))), "
				"count(*), (SELECT v2.id FROM participant p "
				"JOIN event v2 ON v2.rowid = p.event JOIN "
				"entity e ON e.rowid = p.entity WHERE e.id = "
				"'x3' AND p.role = 'chair') FROM event v JOIN "
				"attribute a ON a.owner = 'v' AND a.object = "
				"v.rowid AND a.key = 'topic'",
				-1, &q, NULL),
			SQLITE_OK);
		assert_int_equal(sqlite3_step(q), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(q, 0), 150);
		assert_int_equal(sqlite3_column_int(q, 1), 150);
		assert_string_equal((const char *)sqlite3_column_text(q, 2),
				    "v140");
		sqlite3_finalize(q);
		sqlite3_close(s);
	}
	/* The name keys, written in batches too, find each entity. */
	for (i = 0; i < 50; i += 7) {
		ties_card *c = NULL;
		char name[32], id[32];

		snprintf(name, sizeof(name), "x %d", i);
		snprintf(id, sizeof(id), "x%d", i);
		assert_int_equal(ties_card_get(db, &c, name), 0);
		assert_string_equal(ties_card_field(c, "id"), id);
		ties_card_free(c);
	}
	ties_db_close(db);
}

/* The names of the indexes, sorted, one string. */
static void index_names(const char *path, char *out, size_t cap)
{
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;
	size_t len = 0;

	out[0] = '\0';
	assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
	assert_int_equal(
		sqlite3_prepare_v2(s,
				   "SELECT name FROM sqlite_schema "
				   "WHERE type = 'index' ORDER BY name",
				   -1, &st, NULL),
		SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		len += (size_t)snprintf(out + len, cap - len, "%s ",
					sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(s);
}

static void test_bulk_import_rebuilds_deferred_indexes(void **state)
{
	static const char *const paths[] = {"graphs/issi-icca-ras-2025"};
	char before[2048], after[2048];
	ties_db *db = new_db("bulk.db");
	const char *bad;

	(void)state;
	index_names(tmppath("bulk.db"), before, sizeof(before));
	assert_non_null(strstr(before, "participant_entity"));
	/* A failed import into empty tables leaves every index in place. */
	bad = WRITE("bulk-bad.csv", "event,entity\nnone,issi\n");
	assert_int_equal(import1(db, bad, TIES_TABLE_AUTO, NULL),
			 TIES_ENOTFOUND);
	index_names(tmppath("bulk.db"), after, sizeof(after));
	assert_string_equal(before, after);
	/* A good one rebuilds those it deferred. */
	assert_int_equal(ties_import_csv(db, paths, 1, TIES_TABLE_AUTO, NULL),
			 0);
	index_names(tmppath("bulk.db"), after, sizeof(after));
	assert_string_equal(before, after);
	ties_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes_newlines_and_bom),
		cmocka_unit_test(test_line_numbers_count_embedded_newlines),
		cmocka_unit_test(test_field_counts),
		cmocka_unit_test(test_malformed_csv),
		cmocka_unit_test(test_references_dates_and_duplicates),
		cmocka_unit_test(test_forward_references_across_files),
		cmocka_unit_test(test_table_option_and_unknown_columns),
		cmocka_unit_test(test_reimport_is_idempotent),
		cmocka_unit_test(test_progress_can_cancel),
		cmocka_unit_test(test_bulk_import_rebuilds_deferred_indexes),
		cmocka_unit_test(test_import_into_empty_database),
		cmocka_unit_test(test_participations_in_batches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
