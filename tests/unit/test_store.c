/* Unit tests: opening, schema versions, writes, resolution, removal. */
#include <sqlite3.h>

#include "helpers.h"
#include "ties_int.h" /* ties_db__exec */

static void test_open_missing_without_create_fails(void **state)
{
	ties_db *db = NULL;

	(void)state;
	assert_int_equal(ties_db_open(&db, tmppath("none.db"), 0),
			 TIES_ENOTFOUND);
	assert_non_null(db);
	assert_non_null(strstr(ties_errmsg(db), "none.db"));
	ties_db_close(db);
	ties_db_close(NULL);
}

static void test_open_refuses_newer_schema(void **state)
{
	const char *p = tmppath("newer.db");
	sqlite3 *s = NULL;
	ties_db *db = NULL;

	(void)state;
	ties_db_close(new_db("newer.db"));
	assert_int_equal(sqlite3_open(p, &s), SQLITE_OK);
	assert_int_equal(
		sqlite3_exec(s, "PRAGMA user_version = 99", NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(s);
	assert_int_equal(ties_db_open(&db, p, 0), TIES_EDB);
	assert_non_null(strstr(ties_errmsg(db), "newer ties (schema 99"));
	ties_db_close(db);
}

static void test_open_refuses_foreign_sqlite_and_garbage(void **state)
{
	const char *p = tmppath("foreign.db");
	sqlite3 *s = NULL;
	ties_db *db = NULL;

	(void)state;
	unlink(p);
	assert_int_equal(sqlite3_open(p, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "CREATE TABLE t(x)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(s);
	assert_int_equal(ties_db_open(&db, p, 0), TIES_EDB);
	assert_non_null(strstr(ties_errmsg(db), "not a ties database"));
	ties_db_close(db);

	p = WRITE("garbage.db", "this is not a database at all, not even "
				"close, and it is long enough to have a header"
				" page of some kind if SQLite wanted one....");
	db = NULL;
	assert_int_equal(ties_db_open(&db, p, 0), TIES_EDB);
	assert_non_null(strstr(ties_errmsg(db), "not a ties database"));
	ties_db_close(db);
}

/* Messages say what is wrong: a read-only database, a schema no ties
 * wrote. */
static void test_messages_say_what_is_wrong(void **state)
{
	const char *p = tmppath("ro.db");
	ties_db *db = new_db("ro.db");
	ties_entity_spec e = {"zz1", "person", "Zed Zed", NULL, NULL, 0,
			      NULL, 0, 0};
	sqlite3 *s = NULL;

	(void)state;
	ties_db_close(db);
	/* Writes refused as on a read-only file (query_only has SQLite
	 * answer SQLITE_READONLY, as a read-only directory does). */
	assert_int_equal(sqlite3_open(p, &s), SQLITE_OK);
	sqlite3_close(s);
	db = NULL;
	assert_int_equal(ties_db_open(&db, p, 0), 0);
	assert_int_equal(ties_db__exec(db, "PRAGMA query_only = 1"), 0);
	assert_true(ties_entity_put(db, &e) < 0);
	assert_non_null(strstr(ties_errmsg(db), "read-only"));
	ties_db_close(db);
	/* A schema number no ties wrote. */
	assert_int_equal(sqlite3_open(p, &s), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "PRAGMA user_version = -1", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(s);
	db = NULL;
	assert_int_equal(ties_db_open(&db, p, 0), TIES_EDB);
	assert_non_null(strstr(ties_errmsg(db), "schema -1"));
	ties_db_close(db);
}

static void test_opens_a_file_made_by_the_first_schema(void **state)
{
	const char *p = tmppath("v1.db");
	ties_db *db = NULL;
	const char *id = NULL;
	FILE *in = fopen("tests/data/schema-v1.db", "rb"), *out;
	char buf[8192];
	size_t n;
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;

	(void)state;
	assert_non_null(in);
	out = fopen(p, "wb");
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
	assert_int_equal(ties_db_open(&db, p, 0), 0);
	assert_int_equal(ties_entity_resolve(db, "Babaev", &id), 0);
	assert_string_equal(id, "kirill-babaev");
	assert_int_equal(count_of(db, "participant"), 16);
	ties_db_close(db);
	/* It now carries the current schema version. */
	assert_int_equal(sqlite3_open(p, &s), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(s, "PRAGMA user_version", -1, &st,
					    NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), TIES_SCHEMA_VERSION);
	sqlite3_finalize(st);
	sqlite3_close(s);
}

static void test_init_seeds_countries_once(void **state)
{
	ties_db *db = new_db("init.db");
	const char *id = NULL;
	long n = -1;

	(void)state;
	assert_int_equal(ties_entity_resolve(db, "PAK", &id), 0);
	assert_string_equal(id, "pk");
	assert_int_equal(ties_entity_resolve(db, "Russia", &id), 0);
	assert_string_equal(id, "ru");
	assert_int_equal(ties_entity_resolve(db, "russian federation", &id), 0);
	assert_string_equal(id, "ru");
	assert_int_equal(ties_entity_resolve(db, "UK", &id), 0);
	assert_string_equal(id, "gb");
	assert_int_equal(ties_entity_resolve(db, "Türkiye", &id), 0);
	assert_string_equal(id, "tr");
	/* Again: nothing new. */
	assert_int_equal(ties_db_init(db, NULL, &n), 0);
	assert_int_equal(n, 0);
	/* Unused seeded countries are not data. */
	assert_int_equal(count_of(db, "entity"), 0);
	ties_db_close(db);
}

static void test_init_missing_iso_file_is_clear(void **state)
{
	ties_db *db = NULL;

	(void)state;
	assert_int_equal(
		ties_db_open(&db, tmppath("noiso.db"), TIES_OPEN_CREATE), 0);
	assert_int_equal(ties_db_init(db, tmppath("no-such.json"), NULL),
			 TIES_EIO);
	assert_non_null(strstr(ties_errmsg(db), "no-such.json"));
	ties_db_close(db);
}

static void test_resolve_exact_folded_and_words(void **state)
{
	ties_db *db = seed_db("resolve.db");
	const char *id = NULL;

	(void)state;
	assert_int_equal(ties_entity_resolve(db, "issi", &id), 0);
	assert_string_equal(id, "issi");
	assert_int_equal(ties_entity_resolve(db, "icca ras", &id), 0);
	assert_string_equal(id, "icca-ras");
	assert_int_equal(ties_entity_resolve(db, "Babaev", &id), 0);
	assert_string_equal(id, "kirill-babaev");
	assert_int_equal(ties_entity_resolve(db, "ÖLGA", &id), 0);
	assert_string_equal(id, "olga-gerasimova");
	assert_int_equal(
		ties_entity_resolve(
			db, "institute of china and contemporary asia", &id),
		0);
	assert_string_equal(id, "icca-ras");
	ties_db_close(db);
}

static void test_resolve_ambiguous_lists_candidates(void **state)
{
	ties_db *db = seed_db("ambiguous.db");
	const char *id = NULL;

	(void)state;
	assert_int_equal(ties_entity_resolve(db, "Mahmood", &id),
			 TIES_EAMBIGUOUS);
	assert_null(id);
	assert_non_null(strstr(ties_errmsg(db), "'sohail-mahmood' (person"));
	assert_non_null(strstr(ties_errmsg(db), "'khalid-mahmood' (person"));
	/* "Khan" names four people. */
	assert_int_equal(ties_entity_resolve(db, "khan", &id), TIES_EAMBIGUOUS);
	ties_db_close(db);
}

static void test_resolve_none_suggests_nearest(void **state)
{
	ties_db *db = seed_db("none.db");
	const char *id = NULL;

	(void)state;
	assert_int_equal(ties_entity_resolve(db, "Gerasimovaa", &id),
			 TIES_ENOTFOUND);
	assert_non_null(
		strstr(ties_errmsg(db), "unknown entity 'Gerasimovaa'"));
	assert_non_null(
		strstr(ties_errmsg(db), "did you mean 'olga-gerasimova'"));
	assert_int_equal(ties_entity_resolve(db, "qqqqqq", &id),
			 TIES_ENOTFOUND);
	assert_null(strstr(ties_errmsg(db), "did you mean"));
	assert_int_equal(ties_entity_resolve(db, "", &id), TIES_EINVALID);
	ties_db_close(db);
}

static void test_entity_put_updates_and_rekeys(void **state)
{
	ties_db *db = new_db("put.db");
	const char *aliases[] = {"Old Alias"};
	const char *aliases2[] = {"New Alias"};
	ties_entity_spec s = {0};
	const char *id = NULL;

	(void)state;
	s.id = "x";
	s.kind = "institution";
	s.name = "First Name";
	s.country = "Pakistan";
	s.aliases = aliases;
	s.naliases = 1;
	s.replace = 1;
	assert_int_equal(ties_entity_put(db, &s), 0);
	assert_int_equal(ties_entity_resolve(db, "old alias", &id), 0);
	s.name = "Second Name";
	s.aliases = aliases2;
	assert_int_equal(ties_entity_put(db, &s), 0);
	assert_int_equal(ties_entity_resolve(db, "second name", &id), 0);
	assert_string_equal(id, "x");
	assert_int_equal(ties_entity_resolve(db, "first name", &id),
			 TIES_ENOTFOUND);
	assert_int_equal(ties_entity_resolve(db, "old alias", &id),
			 TIES_ENOTFOUND);
	assert_int_equal(count_of(db, "entity"), 2); /* x and Pakistan */

	s.kind = "Bad Kind";
	assert_int_equal(ties_entity_put(db, &s), TIES_EINVALID);
	s.kind = "person";
	s.country = "issi-nowhere";
	assert_int_equal(ties_entity_put(db, &s), TIES_ENOTFOUND);
	assert_non_null(strstr(ties_errmsg(db), "unknown country"));
	ties_db_close(db);
}

static void test_event_put_rolls_back_on_bad_participant(void **state)
{
	ties_db *db = seed_db("event.db");
	ties_participant_spec ps[] = {{"issi", "host", 0}, {"nobody", "x", 0}};
	ties_event_spec e = {0};

	(void)state;
	e.id = "ev-new";
	e.kind = "meeting";
	e.date = "2025-05";
	e.participants = ps;
	e.nparticipants = 2;
	assert_int_equal(ties_event_put(db, &e), TIES_ENOTFOUND);
	assert_int_equal(count_of(db, "event"), 2);
	assert_int_equal(count_of(db, "participant"), 16);
	e.nparticipants = 1;
	assert_int_equal(ties_event_put(db, &e), 0);
	assert_int_equal(count_of(db, "event"), 3);
	assert_int_equal(count_of(db, "participant"), 17);
	ties_db_close(db);
}

static void test_relation_same_key_updates(void **state)
{
	ties_db *db = seed_db("rel.db");
	ties_relation_spec r = {0};

	(void)state;
	r.source = "Babaev";
	r.target = "icca-ras";
	r.kind = "member_of";
	r.role = "Director";
	r.end = "2030";
	assert_int_equal(ties_relation_put(db, &r), 0);
	assert_int_equal(count_of(db, "relation"), 17);
	r.role = "Adviser";
	assert_int_equal(ties_relation_put(db, &r), 0);
	assert_int_equal(count_of(db, "relation"), 18);
	r.start = "2031";
	assert_int_equal(ties_relation_put(db, &r), TIES_EINVALID);
	assert_non_null(strstr(ties_errmsg(db), "before start"));
	ties_db_close(db);
}

static void test_remove_entity_takes_its_ties(void **state)
{
	ties_db *db = seed_db("remove.db");
	const char *what = NULL, *id = NULL;

	(void)state;
	assert_int_equal(
		ties_remove(db, TIES_OBJ_ENTITY, "Kirill Babaev", &what), 0);
	assert_non_null(strstr(what, "1 relations and 2 participations"));
	assert_int_equal(count_of(db, "relation"), 16);
	assert_int_equal(count_of(db, "participant"), 14);
	assert_int_equal(count_of(db, "event"), 2);
	assert_int_equal(ties_entity_resolve(db, "Babaev", &id),
			 TIES_ENOTFOUND);
	/* Removing a country clears home countries, keeps the entities. */
	assert_int_equal(ties_remove(db, TIES_OBJ_ENTITY, "ru", NULL), 0);
	assert_int_equal(ties_entity_resolve(db, "Olga", &id), 0);
	assert_int_equal(ties_remove(db, TIES_OBJ_ENTITY, "Mahmood", NULL),
			 TIES_EAMBIGUOUS);
	assert_int_equal(
		ties_remove(db, TIES_OBJ_EVENT,
			    "ISSI-ICCA RAS Memorandum of Understanding", NULL),
		0);
	assert_int_equal(count_of(db, "event"), 1);
	ties_db_close(db);
}

static void test_card_sections(void **state)
{
	ties_db *db = seed_db("card.db");
	ties_card *c = NULL;
	const ties_table *ev;

	(void)state;
	assert_int_equal(ties_card_get(db, &c, "Babaev"), 0);
	assert_string_equal(ties_card_field(c, "id"), "kirill-babaev");
	assert_string_equal(ties_card_field(c, "country"), "ru");
	assert_null(ties_card_field(c, "nothing"));
	assert_int_equal(ties_table_nrows(ties_card_section(c, "relations")),
			 1);
	assert_string_equal(
		ties_table_text(ties_card_section(c, "relations"), 0, 2),
		"Director");
	ev = ties_card_section(c, "events");
	assert_int_equal(ties_table_nrows(ev), 2);
	assert_string_equal(ties_table_text(ev, 1, 1), "mou");
	assert_string_equal(ties_table_text(ev, 1, 4), "signatory");
	assert_non_null(strstr(ties_table_text(ev, 1, 5),
			       "Sohail Mahmood (signatory)"));
	assert_int_equal(ties_table_nrows(ties_card_section(c, "sources")), 1);
	assert_null(ties_card_section(c, "bogus"));
	ties_card_free(c);
	ties_db_close(db);
}

static void test_list_and_find(void **state)
{
	ties_db *db = seed_db("list.db");
	ties_list_opts o = {"person", "Russia", 0};
	ties_table *t = NULL;

	(void)state;
	assert_int_equal(ties_list(db, &t, &o), 0);
	assert_int_equal(ties_table_nrows(t), 3);
	ties_table_free(t);
	o.kind = "country";
	o.country = NULL;
	assert_int_equal(ties_list(db, &t, &o), 0);
	assert_true(ties_table_nrows(t) >= 249);
	ties_table_free(t);
	assert_int_equal(ties_find(db, &t, "kha", 0), 0);
	assert_int_equal(ties_table_nrows(t), 4); /* three Khans + Khalid */
	ties_table_free(t);
	assert_int_equal(ties_find(db, &t, "strategic", 1), 0);
	assert_int_equal(ties_table_nrows(t), 1);
	ties_table_free(t);
	ties_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_missing_without_create_fails),
		cmocka_unit_test(test_open_refuses_newer_schema),
		cmocka_unit_test(test_open_refuses_foreign_sqlite_and_garbage),
		cmocka_unit_test(test_opens_a_file_made_by_the_first_schema),
		cmocka_unit_test(test_messages_say_what_is_wrong),
		cmocka_unit_test(test_init_seeds_countries_once),
		cmocka_unit_test(test_init_missing_iso_file_is_clear),
		cmocka_unit_test(test_resolve_exact_folded_and_words),
		cmocka_unit_test(test_resolve_ambiguous_lists_candidates),
		cmocka_unit_test(test_resolve_none_suggests_nearest),
		cmocka_unit_test(test_entity_put_updates_and_rekeys),
		cmocka_unit_test(test_event_put_rolls_back_on_bad_participant),
		cmocka_unit_test(test_relation_same_key_updates),
		cmocka_unit_test(test_remove_entity_takes_its_ties),
		cmocka_unit_test(test_card_sections),
		cmocka_unit_test(test_list_and_find),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
