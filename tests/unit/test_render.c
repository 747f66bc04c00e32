/* Unit tests: diagram choices that golden files do not show well. */
#include "helpers.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n;
	char *s;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void test_big_graphs_get_sfdp_and_a_warning(void **state)
{
	ties_db *db = new_db("big.db");
	ties_draw_opts o = {NULL, 1, -1, TIES_DEGREE, TIES_CLUSTER_COUNTRY, 0,
			    TIES_LABELS_ALL,
				TIES_BACKBONE_AUTO, 0, 0, 0, TIES_COLOR_AUTO, 0, NULL, 0};
	ties_graph *g = NULL;
	const char *paths[1];
	unsigned warn = 0;
	FILE *f = fopen(tmppath("big.csv"), "w");
	char *dot;
	int i;

	(void)state;
	fputs("id,kind,name\n", f);
	for (i = 0; i < 2001; i++)
		fprintf(f, "n%d,institution,Node %d\n", i, i);
	fclose(f);
	paths[0] = tmppath("big.csv");
	assert_int_equal(ties_import_csv(db, paths, 1, TIES_TABLE_AUTO, NULL), 0);
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	assert_int_equal(ties_draw(db, g, &o, tmppath("big.dot"), NULL, &warn),
			 0);
	assert_true(warn & TIES_DRAW_WARN_BIG);
	dot = slurp(tmppath("big.dot"));
	assert_non_null(strstr(dot, "layout=sfdp"));
	assert_non_null(strstr(dot, "overlap=prism"));
	free(dot);
	/* --top keeps it small: no warning, fdp. */
	o.top = 100;
	warn = 0;
	assert_int_equal(ties_draw(db, g, &o, tmppath("top.dot"), NULL, &warn),
			 0);
	assert_false(warn & TIES_DRAW_WARN_BIG);
	dot = slurp(tmppath("top.dot"));
	assert_non_null(strstr(dot, "layout=fdp"));
	assert_null(strstr(dot, "n2000"));
	free(dot);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_svg_in_memory_and_country_colours(void **state)
{
	ties_db *db = seed_db("svg.db");
	ties_draw_opts o = {NULL, 1, -1, TIES_PAGERANK, TIES_CLUSTER_COUNTRY,
			    0, TIES_LABELS_ALL,
				TIES_BACKBONE_AUTO, 0, 0, 0, TIES_COLOR_AUTO, 0, NULL, 0};
	ties_graph *g = NULL;
	char *svg = NULL, *again = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	assert_int_equal(ties_draw_svg(db, g, &o, &svg, &len), 0);
	assert_true(len > 1000);
	assert_non_null(strstr(svg, "<svg"));
	/* Each delegation in its country's cluster. */
	assert_non_null(strstr(svg, "<title>cluster_pk</title>"));
	assert_non_null(strstr(svg, "<title>cluster_ru</title>"));
	/* The same every time (neato here: Graphviz's fdp keeps state from
	 * one layout to the next within a process, so fdp is the same from
	 * one run of a program to the next, which tests/cli/draw checks). */
	ties_free(svg);
	o.layout = ties_layout_parse("neato");
	assert_int_equal(ties_draw_svg(db, g, &o, &svg, NULL), 0);
	assert_int_equal(ties_draw_svg(db, g, &o, &again, NULL), 0);
	assert_string_equal(svg, again);
	ties_free(svg);
	ties_free(again);
	ties_graph_free(g);
	ties_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_big_graphs_get_sfdp_and_a_warning),
		cmocka_unit_test(test_svg_in_memory_and_country_colours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
