/*
 * Unit tests: exports read back by an independent reader (igraph's GraphML
 * reader) with hostile names intact.
 */
#include <igraph.h>

#include "helpers.h"

static const char hostile[] = "Eve \"q\" <script>&amp; \\x\nline 'two'";

static void test_graphml_reads_back_in_igraph(void **state)
{
	ties_db *db = seed_db("gml.db");
	ties_entity_spec e = {0};
	ties_relation_spec r = {0};
	igraph_t g;
	igraph_strvector_t gn, vn, en;
	igraph_vector_int_t gt, vt, et;
	const igraph_attribute_table_t *old;
	igraph_integer_t i, found = -1;
	FILE *f;

	(void)state;
	e.id = "h1";
	e.kind = "person";
	e.name = hostile;
	e.country = "pk";
	assert_int_equal(ties_entity_put(db, &e), 0);
	r.source = "h1";
	r.target = "issi";
	r.kind = "member_of";
	assert_int_equal(ties_relation_put(db, &r), 0);
	assert_int_equal(ties_export(db, TIES_EXPORT_GRAPHML,
				     tmppath("x.graphml"), NULL,
				     TIES_GRAPH_ENTITY, NULL, 0),
			 0);
	old = igraph_set_attribute_table(&igraph_cattribute_table);
	f = fopen(tmppath("x.graphml"), "r");
	assert_non_null(f);
	assert_int_equal(igraph_read_graph_graphml(&g, f, 0), IGRAPH_SUCCESS);
	fclose(f);
	assert_int_equal(igraph_vcount(&g), 20);
	assert_int_equal(igraph_ecount(&g), 82);
	igraph_strvector_init(&gn, 0);
	igraph_strvector_init(&vn, 0);
	igraph_strvector_init(&en, 0);
	igraph_vector_int_init(&gt, 0);
	igraph_vector_int_init(&vt, 0);
	igraph_vector_int_init(&et, 0);
	igraph_cattribute_list(&g, &gn, &gt, &vn, &vt, &en, &et);
	for (i = 0; i < igraph_vcount(&g); i++)
		if (!strcmp(VAS(&g, "id", i), "h1"))
			found = i;
	assert_true(found >= 0);
	assert_string_equal(VAS(&g, "label", found), hostile);
	assert_string_equal(VAS(&g, "kind", found), "person");
	assert_string_equal(VAS(&g, "country", found), "pk");
	/* Weights and evidence counts: the MoU-and-meeting tie weighs 2. */
	for (i = 0; i < igraph_ecount(&g); i++) {
		const char *a = VAS(&g, "id", IGRAPH_FROM(&g, i));
		const char *b = VAS(&g, "id", IGRAPH_TO(&g, i));

		if ((!strcmp(a, "issi") && !strcmp(b, "icca-ras")) ||
		    (!strcmp(b, "issi") && !strcmp(a, "icca-ras"))) {
			assert_true(EAN(&g, "weight", i) == 2);
			assert_true(EAN(&g, "evidence", i) == 2);
			assert_string_equal(EAS(&g, "first", i), "2025-04-08");
		}
	}
	igraph_strvector_destroy(&gn);
	igraph_strvector_destroy(&vn);
	igraph_strvector_destroy(&en);
	igraph_vector_int_destroy(&gt);
	igraph_vector_int_destroy(&vt);
	igraph_vector_int_destroy(&et);
	igraph_destroy(&g);
	igraph_set_attribute_table(old);
	ties_db_close(db);
}

static void test_json_round_trip_keeps_hostile_names(void **state)
{
	ties_db *db = seed_db("json1.db"), *db2 = new_db("json2.db");
	ties_entity_spec e = {0};
	ties_card *c = NULL;
	const char *paths[1];
	const char *aliases[] = {"a|b", "c\\d"};

	(void)state;
	e.id = "h1";
	e.kind = "person";
	e.name = hostile;
	e.aliases = aliases + 1; /* an alias with '|' cannot go through CSV */
	e.naliases = 1;
	assert_int_equal(ties_entity_put(db, &e), 0);
	assert_int_equal(ties_export(db, TIES_EXPORT_JSON, tmppath("all.json"),
				     NULL, TIES_GRAPH_ENTITY, NULL, 0),
			 0);
	paths[0] = tmppath("all.json");
	assert_int_equal(ties_import(db2, paths, 1, TIES_IMPORT_AUTO,
				     TIES_TABLE_AUTO, NULL),
			 0);
	assert_int_equal(ties_card_get(db2, &c, "h1"), 0);
	assert_string_equal(ties_card_field(c, "name"), hostile);
	assert_string_equal(ties_table_text(ties_card_section(c, "aliases"), 0, 0),
			    "c\\d");
	ties_card_free(c);
	assert_int_equal(count_of(db2, "participant"), 16);
	/* A broken document: line and column, and nothing written. */
	paths[0] = WRITE("bad.json", "{\"entities\": [\n  {\"id\": \"x\",}\n]}");
	assert_int_equal(ties_import(db2, paths, 1, TIES_IMPORT_AUTO,
				     TIES_TABLE_AUTO, NULL),
			 TIES_EINVALID);
	assert_non_null(strstr(ties_errmsg(db2), "bad.json:2:"));
	paths[0] = WRITE("bad2.json",
			 "{\"entities\": [{\"id\": \"z\", \"kind\": \"person\", "
			 "\"name\": \"Z\", \"country\": \"Atlantis\"}]}");
	assert_int_equal(ties_import(db2, paths, 1, TIES_IMPORT_AUTO,
				     TIES_TABLE_AUTO, NULL),
			 TIES_ENOTFOUND);
	assert_non_null(strstr(ties_errmsg(db2),
			       "bad2.json:1: entities[0]: unknown country"));
	assert_int_equal(ties_card_get(db2, &c, "z"), TIES_ENOTFOUND);
	ties_db_close(db);
	ties_db_close(db2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graphml_reads_back_in_igraph),
		cmocka_unit_test(test_json_round_trip_keeps_hostile_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
