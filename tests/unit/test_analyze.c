/*
 * Unit tests: the tie graph and every measure, against reference values
 * computed by NetworkX (tests/ref/, made by tests/ref/make_refs.py).
 */
#include <math.h>

#include <igraph.h>

#include "helpers.h"

/* A database with one data set of graphs/ loaded. */
static ties_db *load(const char *name, const char *folder)
{
	const char *paths[1];
	char path[256];
	ties_db *db = new_db(name);

	snprintf(path, sizeof(path), "graphs/%s", folder);
	paths[0] = path;
	if (ties_import_csv(db, paths, 1, TIES_TABLE_AUTO, NULL) != 0)
		fail_msg("import %s: %s", folder, ties_errmsg(db));
	return db;
}

static long node_of(const ties_graph *g, const char *id)
{
	size_t i;

	for (i = 0; i < ties_graph_nnodes(g); i++)
		if (!strcmp(ties_graph_node_id(g, i), id))
			return (long)i;
	return -1;
}

/*
 * Compare every row of tests/ref/<ref>.csv with ties. Tolerance 1e-6
 * (relative to max(1, |value|)); pagerank and eigenvector 1e-4 as the
 * issue allows, though both agree to 1e-6 here too (checked below).
 */
static void check_ref_dir(ties_db *db, const ties_graph *g, const char *ref,
			  int *checked, int directed);

static void check_ref(ties_db *db, const ties_graph *g, const char *ref,
		      int *checked)
{
	check_ref_dir(db, g, ref, checked, 0);
}

/* The same for a directed graph, whose eigenvector centrality ties does
 * not define (hub and authority instead). */
static void check_ref_dir(ties_db *db, const ties_graph *g, const char *ref,
			  int *checked, int directed)
{
	char path[256], line[512];
	double *vals[TIES_NMEASURES][2] = {{0}};
	size_t n = ties_graph_nnodes(g);
	FILE *f;
	int m, w;

	for (m = 0; m < TIES_NMEASURES; m++)
		for (w = 0; w < 2; w++) {
			if (directed && m == TIES_EIGENVECTOR)
				continue;
			vals[m][w] = calloc(n, sizeof(double));
			if (ties_graph_measure(db, g, (enum ties_measure)m, w,
					       0, vals[m][w]) != 0)
				fail_msg("%s %s: %s", ref,
					 ties_measure_name((enum ties_measure)m),
					 ties_errmsg(db));
		}
	snprintf(path, sizeof(path), "tests/ref/%s.csv", ref);
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f)); /* header */
	while (fgets(line, sizeof(line), f)) {
		char *fields[5], *p = line;
		int k;
		long node;
		double want, got, tol;

		for (k = 0; k < 5; k++) {
			fields[k] = p;
			p = strpbrk(p, ",\n");
			if (p)
				*p++ = '\0';
		}
		m = ties_measure_parse(fields[2]);
		assert_true(m >= 0);
		w = atoi(fields[3]);
		if (!vals[m][w])
			fail_msg("%s: no %s in ties", ref, fields[2]);
		node = node_of(g, fields[1]);
		if (node < 0)
			fail_msg("%s: no node '%s'", ref, fields[1]);
		want = strtod(fields[4], NULL);
		got = vals[m][w][node];
		tol = 1e-6 * (fabs(want) > 1 ? fabs(want) : 1);
		if (fabs(got - want) > tol)
			fail_msg("%s %s %s%s: ties %.12g, NetworkX %.12g", ref,
				 fields[1], fields[2], w ? " (weighted)" : "",
				 got, want);
		++*checked;
	}
	fclose(f);
	for (m = 0; m < TIES_NMEASURES; m++)
		for (w = 0; w < 2; w++)
			free(vals[m][w]);
}

static void test_florentine_marriage_matches_networkx(void **state)
{
	static const char *const marriage[] = {"marriage"};
	ties_db *db = load("flo.db", "florentine-families");
	ties_filter f = {0};
	ties_graph *g = NULL;
	int checked = 0;

	(void)state;
	f.relation_kinds = marriage;
	f.nrelation_kinds = 1;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_graph_nnodes(g), 16); /* Pucci included */
	assert_int_equal(ties_graph_nedges(g), 20);
	check_ref(db, g, "florentine_marriage", &checked);
	assert_int_equal(checked, 16 * 8 * 2);
	ties_graph_free(g);
	/* Both relations: marriage-and-business pairs weigh 2. */
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	check_ref(db, g, "florentine_union", &checked);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_southern_women_matches_networkx(void **state)
{
	ties_db *db = load("sw.db", "southern-women");
	ties_graph *g = NULL;
	int checked = 0;

	(void)state;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	assert_int_equal(ties_graph_nnodes(g), 18);
	assert_int_equal(ties_graph_nedges(g), 139);
	check_ref(db, g, "southern_women", &checked);
	assert_int_equal(checked, 18 * 8 * 2);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_karate_and_interlocks_match_networkx(void **state)
{
	ties_db *db = load("karate.db", "karate-club");
	ties_graph *g = NULL;
	int checked = 0;

	(void)state;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	check_ref(db, g, "karate", &checked);
	ties_graph_free(g);
	ties_db_close(db);
	db = load("sz.db", "stokman-ziegler-netherlands");
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	check_ref(db, g, "stokman_ziegler", &checked);
	assert_int_equal(checked, (34 + 16) * 8 * 2);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_bipartite_degree_is_attendance(void **state)
{
	ties_db *db = load("swb.db", "southern-women");
	ties_graph *g = NULL;
	double *deg;
	char line[128];
	FILE *f = fopen("tests/ref/southern_women_attendance.csv", "r");
	int n = 0;

	(void)state;
	assert_non_null(f);
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_BIPARTITE, NULL),
			 0);
	assert_int_equal(ties_graph_nnodes(g), 18 + 14);
	assert_int_equal(ties_graph_nedges(g), 89);
	deg = calloc(32, sizeof(double));
	assert_int_equal(ties_graph_measure(db, g, TIES_DEGREE, 0, 0, deg), 0);
	assert_non_null(fgets(line, sizeof(line), f));
	while (fgets(line, sizeof(line), f)) {
		char *comma = strchr(line, ',');
		long node;

		*comma = '\0';
		node = node_of(g, line);
		assert_true(node >= 0);
		assert_string_equal(ties_graph_node_kind(g, (size_t)node),
				    "social_event");
		assert_int_equal((int)deg[node], atoi(comma + 1));
		n++;
	}
	assert_int_equal(n, 14);
	fclose(f);
	free(deg);
	ties_graph_free(g);
	ties_db_close(db);
}

/* The weight of the tie between two ids, 0 when none. */
static double tie(const ties_graph *g, const char *a, const char *b)
{
	long x = node_of(g, a), y = node_of(g, b);
	size_t e, u, v;
	double w;

	for (e = 0; x >= 0 && y >= 0 && e < ties_graph_nedges(g); e++) {
		ties_graph_edge(g, e, &u, &v, &w);
		if ((u == (size_t)x && v == (size_t)y) ||
		    (u == (size_t)y && v == (size_t)x))
			return w;
	}
	return 0;
}

static void test_institution_projection_of_the_seed(void **state)
{
	ties_db *db = seed_db("inst.db");
	ties_graph *g = NULL;
	static const char *const mou[] = {"mou"};
	ties_filter f = {0};

	(void)state;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_INSTITUTION, NULL),
			 0);
	/* Institutions only: ISSI, ICCA RAS, RAS. */
	assert_int_equal(ties_graph_nnodes(g), 3);
	/* The MoU and the meeting of the two delegations. */
	assert_true(tie(g, "issi", "icca-ras") == 2);
	/* ICCA RAS part_of the Academy. */
	assert_true(tie(g, "icca-ras", "ras") == 1);
	ties_graph_free(g);
	/* People alone tie the institutions too: without the institutions'
	 * own participation only the delegations remain. */
	f.event_kinds = mou;
	f.nevent_kinds = 1;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_INSTITUTION, &f),
			 0);
	assert_true(tie(g, "issi", "icca-ras") == 1);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_institution_memberships_count_inside_their_dates(void **state)
{
	ties_db *db = new_db("dates.db");
	static const char *const paths[1] = {NULL};
	const char *p[3];
	ties_graph *g = NULL;

	(void)state;
	(void)paths;
	p[0] = WRITE("d-e.csv", "id,kind,name\na,institution,A\n"
				"b,institution,B\nc,institution,C\n"
				"x,person,X\ny,person,Y\n");
	p[1] = WRITE("d-r.csv", "source,target,kind,start,end\n"
				"x,a,member_of,2010,2015\n"
				"x,c,member_of,2016,\n"
				"y,b,member_of,,\n");
	p[2] = WRITE("d-v.csv", "id,kind,date\nm1,meeting,2012-05\n"
				"m2,meeting,2020\n");
	assert_int_equal(ties_import_csv(db, p, 3, TIES_TABLE_AUTO, NULL), 0);
	p[0] = WRITE("d-p.csv", "event,entity\nm1,x\nm1,y\nm2,x\nm2,y\n");
	assert_int_equal(ties_import_csv(db, p, 1, TIES_TABLE_AUTO, NULL), 0);
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_INSTITUTION, NULL),
			 0);
	/* In 2012 X was at A; in 2020 at C; Y always at B. */
	assert_true(tie(g, "a", "b") == 1);
	assert_true(tie(g, "b", "c") == 1);
	assert_true(tie(g, "a", "c") == 0);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_country_projection_and_filters(void **state)
{
	ties_db *db = seed_db("country.db");
	ties_graph *g = NULL, *e = NULL;
	ties_filter f = {0};
	static const char *const persons[] = {"person"};
	size_t i, a, b;
	double w, cross = 0;

	(void)state;
	assert_int_equal(ties_graph_build(db, &e, TIES_GRAPH_ENTITY, NULL), 0);
	/* 19 entities; seeded countries are no nodes (nothing refers to
	 * them as participant or relation end). */
	assert_int_equal(ties_graph_nnodes(e), 19);
	for (i = 0; i < ties_graph_nedges(e); i++) {
		const char *ca, *cb;

		ties_graph_edge(e, i, &a, &b, &w);
		ca = ties_graph_node_country(e, a);
		cb = ties_graph_node_country(e, b);
		if (ca && cb && strcmp(ca, cb))
			cross += w;
	}
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_COUNTRY, NULL), 0);
	assert_int_equal(ties_graph_nnodes(g), 2);
	assert_int_equal(ties_graph_nedges(g), 1);
	ties_graph_edge(g, 0, &a, &b, &w);
	assert_true(w == cross);
	assert_true(w > 0);
	assert_string_equal(ties_graph_node_name(g, a), "Pakistan");
	ties_graph_free(g);
	ties_graph_free(e);

	/* Kind filter, min weight, date windows (partial dates as
	 * intervals). */
	f.kinds = persons;
	f.nkinds = 1;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_graph_nnodes(g), 10);
	assert_int_equal(ties_graph_nedges(g), 45); /* the meeting: a clique */
	ties_graph_free(g);
	f.min_weight = 2;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_graph_nedges(g), 1); /* the two signatories */
	ties_graph_free(g);
	f.min_weight = 0;
	f.to = "2025";
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_graph_nedges(g), 45);
	ties_graph_free(g);
	f.from = "2025-04-09";
	f.to = NULL;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_graph_nedges(g), 0);
	ties_graph_free(g);
	f.from = "2025-05";
	f.to = "2025-04";
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f),
			 TIES_EINVALID);
	f.from = "2025-13";
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f),
			 TIES_EINVALID);
	ties_db_close(db);
}

static void test_louvain_reaches_networkx_best(void **state)
{
	static const char *const marriage[] = {"marriage"};
	ties_db *db = load("louvain.db", "florentine-families");
	ties_community_opts o = {TIES_LOUVAIN, 1.0, 1, 1, 1};
	ties_filter f = {0};
	ties_graph *g = NULL;
	ties_table *t1 = NULL, *t2 = NULL;
	double q = 0, q2 = 0, best;
	char line[256];
	FILE *ref = fopen("tests/ref/florentine_louvain.csv", "r");
	size_t r;

	(void)state;
	assert_non_null(ref);
	assert_non_null(fgets(line, sizeof(line), ref));
	assert_non_null(fgets(line, sizeof(line), ref));
	best = strtod(strrchr(line, ',') + 1, NULL);
	fclose(ref);
	f.relation_kinds = marriage;
	f.nrelation_kinds = 1;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	o.runs = 20;
	assert_int_equal(ties_communities(db, &t1, g, &o, &q), 0);
	assert_true(q >= best - 1e-12);
	ties_table_free(t1);
	/* The same seed gives the same partition. */
	o.runs = 1;
	o.seed = 7;
	assert_int_equal(ties_communities(db, &t1, g, &o, &q), 0);
	assert_int_equal(ties_communities(db, &t2, g, &o, &q2), 0);
	assert_true(q == q2);
	for (r = 0; r < ties_table_nrows(t1); r++)
		assert_string_equal(ties_table_text(t1, r, 4),
				    ties_table_text(t2, r, 4));
	ties_table_free(t1);
	ties_table_free(t2);
	o.method = TIES_LEIDEN;
	o.runs = 20;
	assert_int_equal(ties_communities(db, &t1, g, &o, &q), 0);
	assert_true(q >= best - 1e-12);
	ties_table_free(t1);
	ties_graph_free(g);
	ties_db_close(db);
}

/*
 * A directed network: the EMON Texas search-and-rescue contacts (Drabek et
 * al. 1981), each arc a relation of kind contacts declared directed, its
 * weight the contact frequency code; every directed measure against
 * NetworkX's (tests/ref/emon_texas.csv), unweighted and weighted
 * (--weight sum). The undirected graph of the same data differs.
 */
static void test_directed_emon_matches_networkx(void **state)
{
	ties_db *db = load("emon.db", "emon-texas");
	ties_filter f;
	ties_graph *g = NULL, *u = NULL;
	int checked = 0;
	double *deg;

	(void)state;
	assert_int_equal(ties_kind_relation(db, "contacts", 1), 0);
	memset(&f, 0, sizeof(f));
	f.directed = 1;
	f.weight = TIES_WEIGHT_SUM;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_graph_nnodes(g), 25);
	assert_int_equal(ties_graph_nedges(g), 186);
	check_ref_dir(db, g, "emon_texas", &checked, 1);
	assert_int_equal(checked, 650);
	/* Eigenvector is refused with a reason; the undirected graph of the
	 * same contacts has fewer ties (reciprocal arcs are one tie). */
	assert_non_null(deg = calloc(25, sizeof(*deg)));
	assert_true(ties_graph_measure(db, g, TIES_EIGENVECTOR, 0, 0, deg) <
		    0);
	assert_non_null(strstr(ties_errmsg(db), "hub, authority or pagerank"));
	assert_int_equal(ties_graph_build(db, &u, TIES_GRAPH_ENTITY, NULL), 0);
	assert_true(ties_graph_nedges(u) < 186);
	free(deg);
	ties_graph_free(u);
	ties_graph_free(g);
	ties_db_close(db);
}

/*
 * Betweenness of a graph big enough to be computed on two cores (a child
 * process counting the paths from half of the sources) is igraph's own
 * igraph_betweenness of the same graph: unweighted, and weighted with
 * distance 1/weight as ties defines it.
 */
static void test_betweenness_on_two_cores_is_igraphs(void **state)
{
	enum { N = 2200, E = 10500 };
	ties_db *db = new_db("bt2.db");
	ties_graph *g = NULL;
	const char *paths[3];
	char *buf = malloc(64 * (size_t)E + 64);
	size_t len = 0, n, m;
	unsigned long x = 12345;
	double *got = NULL;
	igraph_t ig;
	igraph_vector_int_t ends;
	igraph_vector_t dist, want;

	(void)state;
	assert_non_null(buf);
	len = (size_t)sprintf(buf, "id,kind,name\n");
	for (int i = 0; i < N; i++)
		len += (size_t)sprintf(buf + len, "p%d,person,P %d\n", i, i);
	paths[0] = write_file("bt2-entities.csv", buf, len);
	len = (size_t)sprintf(buf, "id,kind,date\n");
	for (int i = 0; i < E; i++)
		len += (size_t)sprintf(buf + len, "m%d,meeting,2024\n", i);
	paths[1] = write_file("bt2-events.csv", buf, len);
	len = (size_t)sprintf(buf, "event,entity\n");
	for (int i = 0; i < E; i++) {
		/* A chain to connect them all, then pairs at random (an LCG),
		 * a few of them repeated: weights 1 to 3. */
		int a = i < N - 1 ? i : (int)((x = x * 6364136223846793005UL +
						     1442695040888963407UL) >>
					      33) % N;
		int b = i < N - 1 ? i + 1
				  : (int)((x = x * 6364136223846793005UL +
					       1442695040888963407UL) >>
					  33) % N;

		if (i >= N - 1 && i % 7 == 0)
			a = (i / 7) % N, b = (i / 7 + 1) % N;
		len += (size_t)sprintf(buf + len, "m%d,p%d\nm%d,p%d\n", i, a,
				       i, b);
	}
	paths[2] = write_file("bt2-participants.csv", buf, len);
	free(buf);
	assert_int_equal(ties_import_csv(db, paths, 3, TIES_TABLE_AUTO, NULL),
			 0);
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, NULL), 0);
	n = ties_graph_nnodes(g);
	m = ties_graph_nedges(g);
	assert_true(n >= 2048 && m >= 8192);
	assert_int_equal(igraph_vector_int_init(&ends, 2 * (igraph_integer_t)m),
			 0);
	assert_int_equal(igraph_vector_init(&dist, (igraph_integer_t)m), 0);
	for (size_t e = 0; e < m; e++) {
		size_t a, b;
		double w;

		ties_graph_edge(g, e, &a, &b, &w);
		VECTOR(ends)[2 * e] = (igraph_integer_t)a;
		VECTOR(ends)[2 * e + 1] = (igraph_integer_t)b;
		VECTOR(dist)[e] = 1 / w;
	}
	assert_int_equal(igraph_create(&ig, &ends, (igraph_integer_t)n,
				       IGRAPH_UNDIRECTED),
			 0);
	assert_non_null(got = calloc(n, sizeof(*got)));
	assert_int_equal(igraph_vector_init(&want, 0), 0);
	for (int w = 0; w < 2; w++) {
		double worst = 0;

		assert_int_equal(ties_graph_measure(db, g, TIES_BETWEENNESS, w,
						    0, got),
				 0);
		assert_int_equal(igraph_betweenness(&ig, &want,
						    igraph_vss_all(),
						    IGRAPH_UNDIRECTED,
						    w ? &dist : NULL),
				 0);
		for (size_t i = 0; i < n; i++) {
			double d = fabs(got[i] - VECTOR(want)[i]) /
				   fmax(1, fabs(VECTOR(want)[i]));

			worst = fmax(worst, d);
		}
		if (worst > 1e-12)
			fail_msg("betweenness%s: off by %g (relative)",
				 w ? " (weighted)" : "", worst);
	}
	igraph_vector_destroy(&want);
	igraph_vector_destroy(&dist);
	igraph_vector_int_destroy(&ends);
	igraph_destroy(&ig);
	free(got);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_rank_shares_ranks_and_orders_by_name(void **state)
{
	ties_db *db = seed_db("rank.db");
	ties_graph *g = NULL;
	ties_table *t = NULL;
	ties_rank_opts o = {TIES_DEGREE, 0, 0, 0, 0};
	static const char *const persons[] = {"person"};
	ties_filter f = {0};
	size_t r;

	(void)state;
	f.kinds = persons;
	f.nkinds = 1;
	assert_int_equal(ties_graph_build(db, &g, TIES_GRAPH_ENTITY, &f), 0);
	assert_int_equal(ties_rank(db, &t, g, &o), 0);
	/* Ten people, all of degree 9: one shared rank, by name. */
	assert_int_equal(ties_table_nrows(t), 10);
	for (r = 0; r < 10; r++) {
		assert_int_equal(ties_table_int(t, r, 0), 1);
		assert_int_equal(ties_table_int(t, r, 5), 9);
	}
	assert_string_equal(ties_table_text(t, 0, 2), "Asadullah Khan");
	assert_string_equal(ties_table_text(t, 9, 2), "Vladimir Sotnikov");
	ties_table_free(t);
	o.top = 3;
	o.measure = TIES_BETWEENNESS;
	o.cutoff = 2;
	assert_int_equal(ties_rank(db, &t, g, &o), 0);
	assert_int_equal(ties_table_nrows(t), 3);
	assert_int_equal(ties_table_ncols(t), 7);
	assert_string_equal(ties_table_colname(t, 6), "note");
	ties_table_free(t);
	ties_graph_free(g);
	ties_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_florentine_marriage_matches_networkx),
		cmocka_unit_test(test_southern_women_matches_networkx),
		cmocka_unit_test(test_karate_and_interlocks_match_networkx),
		cmocka_unit_test(test_bipartite_degree_is_attendance),
		cmocka_unit_test(test_institution_projection_of_the_seed),
		cmocka_unit_test(test_institution_memberships_count_inside_their_dates),
		cmocka_unit_test(test_country_projection_and_filters),
		cmocka_unit_test(test_louvain_reaches_networkx_best),
		cmocka_unit_test(test_rank_shares_ranks_and_orders_by_name),
		cmocka_unit_test(test_betweenness_on_two_cores_is_igraphs),
		cmocka_unit_test(test_directed_emon_matches_networkx),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
