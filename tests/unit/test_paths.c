/*
 * Unit tests: explained paths, ego networks, ties between countries,
 * brokers (against an answer worked out by hand), timelines and diffs.
 */
#include <sys/stat.h>

#include "helpers.h"

#include "graph/graph.h" /* ties_graph__focus */

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

static ties_graph *graph(ties_db *db, enum ties_projection p,
			 const ties_filter *f)
{
	ties_graph *g = NULL;

	if (ties_graph_build(db, &g, p, f) != 0)
		fail_msg("graph: %s", ties_errmsg(db));
	return g;
}

static size_t col(const ties_table *t, const char *name)
{
	size_t c;

	for (c = 0; c < ties_table_ncols(t); c++)
		if (!strcmp(ties_table_colname(t, c), name))
			return c;
	fail_msg("no column %s", name);
	return 0;
}

static const char *at(const ties_table *t, size_t r, const char *name)
{
	const char *s = ties_table_text(t, r, col(t, name));

	return s ? s : "";
}

static void test_florentine_only_shortest_path(void **state)
{
	static const char *const marriage[] = {"marriage"};
	ties_db *db = load("flo.db", "florentine-families");
	ties_filter f = {0};
	ties_path_opts o = {1, 10, 0, 0, 0};
	ties_graph *g;
	ties_table *t = NULL;

	(void)state;
	f.relation_kinds = marriage;
	f.nrelation_kinds = 1;
	g = graph(db, TIES_GRAPH_ENTITY, &f);
	/* --all finds one: Acciaiuoli, Medici, Ridolfi, Strozzi. */
	assert_int_equal(ties_paths(db, &t, g, "Acciaiuoli", "Strozzi", &o), 0);
	assert_int_equal(ties_table_nrows(t), 3);
	assert_string_equal(at(t, 0, "from"), "acciaiuoli");
	assert_string_equal(at(t, 0, "to"), "medici");
	assert_string_equal(at(t, 1, "to"), "ridolfi");
	assert_string_equal(at(t, 2, "to"), "strozzi");
	assert_string_equal(at(t, 2, "length"), "3");
	assert_string_equal(at(t, 0, "sentence"),
			    "Acciaiuoli is tied by marriage to Medici");
	ties_table_free(t);
	/* Pucci married no one. */
	assert_int_equal(ties_paths(db, &t, g, "Pucci", "Medici", &o),
			 TIES_ENOTFOUND);
	assert_string_equal(ties_errmsg(db),
			    "no path between 'Pucci' and 'Medici'");
	/* Diverse paths share at most half their intermediate families. */
	o.all = 0;
	o.k = 3;
	assert_int_equal(ties_paths(db, &t, g, "Acciaiuoli", "Strozzi", &o), 0);
	assert_string_equal(at(t, ties_table_nrows(t) - 1, "path"), "3");
	ties_table_free(t);
	/* A length limit. */
	o.k = 1;
	o.max_length = 2;
	assert_int_equal(ties_paths(db, &t, g, "Acciaiuoli", "Strozzi", &o),
			 TIES_ENOTFOUND);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_seed_path_explains_the_meeting(void **state)
{
	ties_db *db = seed_db("seedpath.db");
	ties_graph *g = graph(db, TIES_GRAPH_ENTITY, NULL);
	ties_path_opts o = {0, 0, 0, 0, 0};
	ties_table *t = NULL;

	(void)state;
	assert_int_equal(ties_paths(db, &t, g, "Maheen Shafiq",
				    "Olga Gerasimova", &o),
			 0);
	assert_int_equal(ties_table_nrows(t), 1);
	assert_string_equal(
		at(t, 0, "sentence"),
		"Maheen Shafiq and Olga Gerasimova both attended the meeting "
		"at ISSI on 2025-04-08 (UrduPoint / Pakistan Point News, "
		"2025-04-08)");
	assert_string_equal(at(t, 0, "date"), "2025-04-08");
	assert_string_equal(at(t, 0, "source"), "urdupoint-2025-04-08");
	ties_table_free(t);
	/* The signatories: the MoU and the meeting, both explained. */
	assert_int_equal(ties_paths(db, &t, g, "Babaev", "Sohail Mahmood", &o),
			 0);
	assert_int_equal(ties_table_nrows(t), 2);
	assert_non_null(strstr(at(t, 1, "sentence"), "both signed the MoU"));
	ties_table_free(t);
	/* At most one piece of evidence per hop, then a count of the rest. */
	o.evidence = 1;
	assert_int_equal(ties_paths(db, &t, g, "Babaev", "Sohail Mahmood", &o),
			 0);
	assert_int_equal(ties_table_nrows(t), 2);
	assert_string_equal(at(t, 1, "type"), "more");
	assert_string_equal(at(t, 1, "sentence"),
			    "… and 1 more pieces of evidence");
	ties_table_free(t);
	o.evidence = 0;
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_between_pakistan_and_russia(void **state)
{
	ties_db *db = seed_db("between.db");
	ties_table *t = NULL, *years = NULL;
	ties_graph *g;

	(void)state;
	assert_int_equal(ties_between(db, &t, &years, "Pakistan", "Russia",
				      NULL),
			 0);
	assert_int_equal(ties_table_nrows(t), 2);
	assert_string_equal(at(t, 0, "kind"), "meeting");
	assert_string_equal(at(t, 1, "kind"), "mou");
	assert_string_equal(at(t, 1, "x_side"),
			    "Institute of Strategic Studies Islamabad "
			    "(party); Sohail Mahmood (signatory)");
	assert_non_null(strstr(at(t, 1, "y_side"), "Kirill Babaev (signatory)"));
	assert_int_equal(ties_table_nrows(years), 1);
	assert_int_equal(ties_table_int(years, 0, 1), 2);
	ties_table_free(t);
	ties_table_free(years);
	/* An institution stands for its units and members too. */
	assert_int_equal(ties_between(db, &t, NULL, "issi", "icca-ras", NULL),
			 0);
	assert_int_equal(ties_table_nrows(t), 2);
	assert_non_null(strstr(at(t, 0, "x_side"), "Neelum Nigar (attendee)"));
	ties_table_free(t);
	/* The country tie. */
	g = graph(db, TIES_GRAPH_COUNTRY, NULL);
	assert_int_equal(ties_countries(db, &t, g, 0), 0);
	assert_int_equal(ties_table_nrows(t), 1);
	assert_string_equal(at(t, 0, "country_a"), "Pakistan");
	assert_string_equal(at(t, 0, "country_b"), "Russian Federation");
	assert_string_equal(at(t, 0, "events"), "2");
	assert_string_equal(at(t, 0, "first"), "2025-04-08");
	ties_table_free(t);
	assert_int_equal(ties_countries(db, &t, g, 1), 0);
	assert_int_equal(ties_table_ncols(t), 3);
	assert_true(ties_table_real(t, 0, 2) == ties_table_real(t, 1, 1));
	ties_table_free(t);
	ties_graph_free(g);
	ties_db_close(db);
}

/*
 * Brokers on a network small enough to work out by hand.
 *   a1, a2 in France; b1, b2 in Germany; c1 in Italy.
 *   Ties: a1–a2, a2–b1, b1–b2, a2–c1, c1–b2.
 * Open triads (centre: ends) and roles:
 *   a2: a1,b1 gatekeeper; a1,c1 gatekeeper; b1,c1 liaison.
 *   b1: a2,b2 gatekeeper.    b2: b1,c1 gatekeeper.    c1: a2,b2 liaison.
 * France–Germany triads: a2 (a1,b1), b1 (a2,b2), c1 (a2,b2).
 * France–Germany betweenness: pairs a1–b1 (via a2), a1–b2 (two paths:
 * a2 1, b1 and c1 ½ each), a2–b2 (two paths: b1 and c1 ½ each):
 *   a2 2, b1 1, c1 1, a1 0, b2 0.
 */
static void test_brokers_by_hand(void **state)
{
	ties_db *db = new_db("brokers.db");
	const char *p[2];
	ties_graph *g;
	ties_table *t = NULL;
	ties_broker_opts o = {"France", "Germany", 0, 0};

	(void)state;
	p[0] = WRITE("b-e.csv", "id,kind,name,country\na1,person,A1,fr\n"
				"a2,person,A2,fr\nb1,person,B1,de\n"
				"b2,person,B2,de\nc1,person,C1,it\n");
	p[1] = WRITE("b-r.csv", "source,target,kind\na1,a2,tie\na2,b1,tie\n"
				"b1,b2,tie\na2,c1,tie\nc1,b2,tie\n");
	assert_int_equal(ties_import_csv(db, p, 2, TIES_TABLE_AUTO, NULL), 0);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	assert_int_equal(ties_brokers(db, &t, g, &o), 0);
	assert_int_equal(ties_table_nrows(t), 3);
	assert_string_equal(at(t, 0, "id"), "a2");
	assert_string_equal(at(t, 0, "rank"), "1");
	assert_string_equal(at(t, 0, "coordinator"), "0");
	assert_string_equal(at(t, 0, "itinerant"), "0");
	assert_string_equal(at(t, 0, "gatekeeper"), "2");
	assert_string_equal(at(t, 0, "liaison"), "1");
	assert_string_equal(at(t, 0, "xy_triads"), "1");
	assert_true(ties_table_real(t, 0, col(t, "xy_betweenness")) == 2);
	assert_string_equal(at(t, 1, "id"), "b1");
	assert_string_equal(at(t, 1, "rank"), "2");
	assert_string_equal(at(t, 1, "gatekeeper"), "1");
	assert_true(ties_table_real(t, 1, col(t, "xy_betweenness")) == 1);
	assert_string_equal(at(t, 2, "id"), "c1");
	assert_string_equal(at(t, 2, "rank"), "2");
	assert_string_equal(at(t, 2, "liaison"), "1");
	assert_string_equal(at(t, 2, "group"), "it");
	ties_table_free(t);
	o.y = "France";
	assert_int_equal(ties_brokers(db, &t, g, &o), TIES_EINVALID);
	ties_graph_free(g);
	ties_db_close(db);
}

static void test_neighbors_timeline_diff(void **state)
{
	ties_db *db = seed_db("nbr.db");
	ties_graph *g = graph(db, TIES_GRAPH_ENTITY, NULL);
	ties_table *t = NULL;
	const char *spark = NULL, *p[1];
	size_t r, new_ties = 0, movers = 0;

	(void)state;
	assert_int_equal(ties_neighbors(db, &t, g, "Neelum Nigar", 1), 0);
	assert_int_equal(ties_table_nrows(t), 13);
	assert_string_equal(at(t, 0, "distance"), "0");
	for (r = 1; r < ties_table_nrows(t); r++)
		if (!strcmp(at(t, r, "id"), "issi-csp"))
			assert_string_equal(at(t, r, "via"), "member_of");
	ties_table_free(t);
	assert_int_equal(ties_neighbors(db, &t, g, "Neelum Nigar", 2), 0);
	assert_int_equal(ties_table_nrows(t), 19);
	ties_table_free(t);
	ties_graph_free(g);

	/* A second year of ties: a 2026 visit. */
	p[0] = WRITE("n-v.csv", "id,kind,date\nvisit-2026,visit,2026-02\n");
	assert_int_equal(ties_import_csv(db, p, 1, TIES_TABLE_AUTO, NULL), 0);
	p[0] = WRITE("n-p.csv", "event,entity,role\nvisit-2026,neelum-nigar,"
				"attendee\nvisit-2026,ras,host\n");
	assert_int_equal(ties_import_csv(db, p, 1, TIES_TABLE_AUTO, NULL), 0);
	assert_int_equal(ties_timeline(db, &t, "Pakistan", NULL, NULL, &spark),
			 0);
	assert_int_equal(ties_table_nrows(t), 2);
	assert_int_equal(ties_table_int(t, 0, 0), 2025);
	assert_int_equal(ties_table_int(t, 0, 1), 2);
	assert_int_equal(ties_table_int(t, 1, 1), 1);
	assert_string_equal(spark, "█▄");
	ties_table_free(t);
	assert_int_equal(ties_timeline(db, &t, "Pakistan", "Russia", NULL, NULL),
			 0);
	assert_int_equal(ties_table_nrows(t), 2);
	ties_table_free(t);

	assert_int_equal(ties_diff(db, &t, "2025-12", "2026", NULL, 5), 0);
	for (r = 0; r < ties_table_nrows(t); r++) {
		if (!strcmp(at(t, r, "change"), "new_tie")) {
			new_ties++;
			assert_string_equal(at(t, r, "other_id"), "neelum-nigar");
			assert_string_equal(at(t, r, "id"), "ras");
		}
		if (!strcmp(at(t, r, "change"), "degree_mover"))
			movers++;
	}
	assert_int_equal(new_ties, 1);
	assert_true(movers >= 1 && movers <= 5);
	ties_table_free(t);
	ties_db_close(db);
}

/* The path written as CSV, or the error message; at most max_length hops
 * when above 0. */
static char *path_csv_max(ties_db *db, const ties_graph *g, const char *a,
			  const char *b, long max_length)
{
	ties_path_opts o = {0, 0, max_length, 0, 10};
	ties_table *t = NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc;

	assert_non_null(f);
	rc = g ? ties_paths(db, &t, g, a, b, &o)
	       : ties_path_quick(db, &t, a, b, &o);
	if (rc == 0)
		assert_int_equal(ties_table_write(t, f, TIES_FORMAT_CSV), 0);
	else
		fprintf(f, "error %d: %s\n", rc, ties_errmsg(db));
	fclose(f);
	ties_table_free(t);
	return buf;
}

static char *path_csv(ties_db *db, const ties_graph *g, const char *a,
		      const char *b)
{
	return path_csv_max(db, g, a, b, 0);
}

/* A random network of 400 entities and 700 events of 2 to 4, hubs among
 * the low numbers. */
static void random_network(ties_db *db, unsigned *seedp)
{
	char id[64], names[4][64];
	unsigned seed = *seedp;

	for (int i = 0; i < 400; i++) {
		ties_entity_spec e = {0};

		snprintf(id, sizeof(id), "e%d", i);
		e.id = id;
		e.kind = i % 3 ? "person" : "institution";
		e.name = id;
		assert_int_equal(ties_entity_put(db, &e), 0);
	}
	for (int i = 0; i < 700; i++) {
		ties_participant_spec p[4];
		ties_event_spec ev = {0};
		int n = 2 + (int)(rand_r(&seed) % 3);

		for (int k = 0; k < n; k++) {
			/* A skewed choice: low numbers are hubs. */
			unsigned r = rand_r(&seed) % 400;

			snprintf(names[k], sizeof(names[k]), "e%u",
				 rand_r(&seed) % 2 ? r : r / 8);
			p[k].entity = names[k];
			p[k].role = "attendee";
		}
		snprintf(id, sizeof(id), "ev%d", i);
		ev.id = id;
		ev.kind = "meeting";
		ev.date = "2024-01-01";
		ev.participants = p;
		ev.nparticipants = (size_t)n;
		assert_int_equal(ties_event_put(db, &ev), 0);
	}
	*seedp = seed;
}

/* Event "late": e399 meets `other`. */
static void add_late(ties_db *db, const char *other)
{
	ties_participant_spec p[2] = {{"e399", "host", 0}, {NULL, "attendee", 0}};
	ties_event_spec ev = {0};

	p[1].entity = other;
	ev.id = "late";
	ev.kind = "meeting";
	ev.participants = p;
	ev.nparticipants = 2;
	assert_int_equal(ties_event_put(db, &ev), 0);
}

/*
 * ties_path_quick answers from the snapshot beside the database exactly as
 * ties_paths does on the projected graph, and sees every write: a random
 * network of 400 entities and 700 events, 60 pairs, before and after a new
 * event and a removal.
 */
static void test_quick_path_is_the_path(void **state)
{
	ties_db *db = new_db("quick.db");
	char adj[600];
	unsigned seed = 7;
	ties_graph *g = NULL;
	struct stat st;

	(void)state;
	random_network(db, &seed);
	for (int round = 0; round < 3; round++) {
		if (round == 1) {
			/* A new tie between two entities far apart. */
			add_late(db, "e398");
		} else if (round == 2) {
			assert_int_equal(ties_remove(db, TIES_OBJ_EVENT, "late",
						     NULL),
					 0);
		}
		g = graph(db, TIES_GRAPH_ENTITY, NULL);
		for (int k = 0; k < 60; k++) {
			char a[16], b[16], *want, *got;

			snprintf(a, sizeof(a), "e%d", 399 - k);
			snprintf(b, sizeof(b), "e%u", rand_r(&seed) % 400);
			if (k == 0)
				strcpy(b, "e398"); /* the new tie, then gone */
			want = path_csv(db, g, a, b);
			got = path_csv(db, NULL, a, b);
			assert_string_equal(got, want);
			if (k == 0)
				assert_true((strstr(got, ",late,") != NULL) ==
					    (round == 1));
			free(want);
			free(got);
		}
		ties_graph_free(g);
		/* The snapshot is there, beside the database. */
		snprintf(adj, sizeof(adj), "%s.adj", tmppath("quick.db"));
		assert_int_equal(stat(adj, &st), 0);
	}
	ties_db_close(db);
}


/*
 * The snapshot's path, searched from both ends, is the one the one-sided
 * search gives on the projected graph, also among many paths of the same
 * length: a ring of 1,500 entities with 300 random chords (long paths, many
 * equal ones) and a second component; 200 pairs, each also with a bound on
 * the length that the path exceeds or meets.
 */
static void test_quick_path_from_both_ends(void **state)
{
	ties_db *db = new_db("ring.db");
	unsigned seed = 11;
	ties_graph *g;
	char id[32], a[32], b[32];

	(void)state;
	for (int i = 0; i < 1510; i++) {
		ties_entity_spec e = {0};

		snprintf(id, sizeof(id), "r%d", i);
		e.id = id;
		e.kind = "person";
		e.name = id;
		assert_int_equal(ties_entity_put(db, &e), 0);
	}
	for (int i = 0; i < 1810; i++) {
		ties_participant_spec p[2] = {{a, "attendee", 0},
					      {b, "attendee", 0}};
		ties_event_spec ev = {0};

		if (i < 1500) { /* the ring */
			snprintf(a, sizeof(a), "r%d", i);
			snprintf(b, sizeof(b), "r%d", (i + 1) % 1500);
		} else if (i < 1800) { /* chords */
			snprintf(a, sizeof(a), "r%u", rand_r(&seed) % 1500);
			snprintf(b, sizeof(b), "r%u", rand_r(&seed) % 1500);
			if (!strcmp(a, b))
				continue;
		} else { /* a chain of ten apart */
			snprintf(a, sizeof(a), "r%d", 1500 + (i - 1800));
			snprintf(b, sizeof(b), "r%d", 1500 + (i - 1799) % 10);
		}
		snprintf(id, sizeof(id), "m%d", i);
		ev.id = id;
		ev.kind = "meeting";
		ev.participants = p;
		ev.nparticipants = 2;
		assert_int_equal(ties_event_put(db, &ev), 0);
	}
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	for (int k = 0; k < 200; k++) {
		char *want, *got;
		long lim = 1 + k % 12;

		snprintf(a, sizeof(a), "r%u", rand_r(&seed) % 1510);
		snprintf(b, sizeof(b), "r%u", rand_r(&seed) % 1510);
		if (!strcmp(a, b))
			continue;
		want = path_csv(db, g, a, b);
		got = path_csv(db, NULL, a, b);
		assert_string_equal(got, want);
		free(want);
		free(got);
		want = path_csv_max(db, g, a, b, lim);
		got = path_csv_max(db, NULL, a, b, lim);
		assert_string_equal(got, want);
		free(want);
		free(got);
	}
	ties_graph_free(g);
	ties_db_close(db);
}

/* Graphs a and b are the same: nodes, ties, their order and weights. */
static void assert_same_graph(const ties_graph *a, const ties_graph *b)
{
	assert_int_equal(ties_graph_nnodes(a), ties_graph_nnodes(b));
	assert_int_equal(ties_graph_nedges(a), ties_graph_nedges(b));
	for (size_t i = 0; i < ties_graph_nnodes(a); i++) {
		assert_string_equal(ties_graph_node_id(a, i),
				    ties_graph_node_id(b, i));
		assert_string_equal(ties_graph_node_name(a, i),
				    ties_graph_node_name(b, i));
		assert_string_equal(ties_graph_node_kind(a, i),
				    ties_graph_node_kind(b, i));
	}
	for (size_t e = 0; e < ties_graph_nedges(a); e++) {
		size_t x1, y1, x2, y2;
		double w1, w2;

		ties_graph_edge(a, e, &x1, &y1, &w1);
		ties_graph_edge(b, e, &x2, &y2, &w2);
		assert_int_equal(x1, x2);
		assert_int_equal(y1, y2);
		assert_memory_equal(&w1, &w2, sizeof(w1));
	}
}

/*
 * The unfiltered entity graph is loaded from the snapshot when it is of
 * the data's generation, and is then the projected graph bit for bit; a
 * write makes it stale; a minimum weight is applied after loading. A graph
 * with dates is always projected, so it is the reference.
 */
static void test_snapshot_graph_is_the_projection(void **state)
{
	static const ties_filter dated = {.with_dates = 1};
	ties_filter min2 = {.min_weight = 2}, dated2 = {.with_dates = 1,
							 .min_weight = 2};
	ties_db *db = new_db("snapgraph.db");
	ties_graph *proj, *g;
	char adj[600];
	unsigned seed = 11;
	struct stat st;
	double w, tampered = 12345.5;
	size_t m, a, b;
	FILE *f;

	(void)state;
	random_network(db, &seed);
	snprintf(adj, sizeof(adj), "%s.adj", tmppath("snapgraph.db"));
	unlink(adj);
	proj = graph(db, TIES_GRAPH_ENTITY, &dated);
	assert_int_equal(stat(adj, &st), -1); /* a filtered graph: none */
	g = graph(db, TIES_GRAPH_ENTITY, NULL); /* projected, and written */
	assert_same_graph(proj, g);
	ties_graph_free(g); /* ... by the time the graph is freed */
	assert_int_equal(stat(adj, &st), 0);
	g = graph(db, TIES_GRAPH_ENTITY, NULL); /* from the snapshot */
	assert_same_graph(proj, g);
	m = ties_graph_nedges(g);
	assert_true(m > 1000);
	ties_graph_free(g);

	/* It is read and checked: the last tie's weight (the 8 bytes before
	 * the table of block checksums, one a 16 KiB block of the body that
	 * follows the 48-byte header), changed in the file, is noticed and
	 * the graph is projected again, as the store says. */
	{
		long size = (long)st.st_size, body, blocks;

		for (blocks = 1;; blocks++) {
			body = size - 48 - 8 * blocks;
			if ((body + 16383) / 16384 == blocks)
				break;
		}
		assert_non_null(f = fopen(adj, "r+b"));
		assert_int_equal(fseek(f, 48 + body - 8, SEEK_SET), 0);
	}
	assert_int_equal(fwrite(&tampered, 8, 1, f), 1);
	assert_int_equal(fclose(f), 0);
	ties_notice_clear(db);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	ties_graph_edge(g, m - 1, &a, &b, &w);
	assert_true(w != tampered);
	assert_non_null(strstr(ties_notice(db), "damaged"));
	assert_same_graph(proj, g);
	ties_graph_free(g);

	/* A write: the snapshot is stale, the store is projected again. */
	add_late(db, "e1");
	ties_graph_free(proj);
	proj = graph(db, TIES_GRAPH_ENTITY, &dated);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	assert_same_graph(proj, g);
	ties_graph_free(g);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	assert_same_graph(proj, g);
	ties_graph_free(g);
	ties_graph_free(proj);

	/* A minimum weight, from the snapshot and projected. */
	proj = graph(db, TIES_GRAPH_ENTITY, &dated2);
	g = graph(db, TIES_GRAPH_ENTITY, &min2);
	assert_true(ties_graph_nedges(g) < m);
	assert_same_graph(proj, g);
	ties_graph_free(g);
	ties_graph_free(proj);
	ties_db_close(db);
}

/* PageRank of every node of g. */
static double *pagerank(ties_db *db, const ties_graph *g)
{
	double *s = calloc(ties_graph_nnodes(g) + 1, sizeof(*s));

	assert_non_null(s);
	assert_int_equal(ties_graph_measure(db, g, TIES_PAGERANK, 0, 0, s), 0);
	return s;
}

/*
 * Scores of the snapshot's graph are kept beside it (DB.adj.pagerank) and
 * read again, equal to the ones computed; a write makes them stale.
 */
static void test_snapshot_scores(void **state)
{
	static const ties_filter dated = {.with_dates = 1};
	ties_db *db = new_db("snapscores.db");
	ties_graph *g, *ref;
	double *s, *want, tampered = 0.75;
	char file[600];
	unsigned seed = 5;
	struct stat st;
	size_t n;
	FILE *f;

	(void)state;
	random_network(db, &seed);
	snprintf(file, sizeof(file), "%s.adj.pagerank", tmppath("snapscores.db"));
	ref = graph(db, TIES_GRAPH_ENTITY, &dated); /* never kept */
	want = pagerank(db, ref);
	assert_int_equal(stat(file, &st), -1);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	n = ties_graph_nnodes(g);
	s = pagerank(db, g); /* computed, and kept */
	assert_int_equal(stat(file, &st), 0);
	assert_memory_equal(s, want, n * sizeof(*s));
	free(s);
	ties_graph_free(g);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	s = pagerank(db, g); /* read */
	assert_memory_equal(s, want, n * sizeof(*s));
	free(s);
	ties_graph_free(g);

	/* It is read and checked: the first score (after the 32 bytes of
	 * the header), changed in the file, is noticed and computed again. */
	assert_non_null(f = fopen(file, "r+b"));
	assert_int_equal(fseek(f, 32, SEEK_SET), 0);
	assert_int_equal(fwrite(&tampered, 8, 1, f), 1);
	assert_int_equal(fclose(f), 0);
	ties_notice_clear(db);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	s = pagerank(db, g);
	assert_true(s[0] != tampered);
	assert_memory_equal(s, want, n * sizeof(*s));
	assert_non_null(strstr(ties_notice(db), "damaged"));
	free(s);
	ties_graph_free(g);

	/* A write: computed again. */
	add_late(db, "e2");
	ties_graph_free(ref);
	free(want);
	ref = graph(db, TIES_GRAPH_ENTITY, &dated);
	want = pagerank(db, ref);
	g = graph(db, TIES_GRAPH_ENTITY, NULL);
	s = pagerank(db, g);
	assert_true(s[0] != tampered);
	assert_memory_equal(s, want, n * sizeof(*s));
	free(s);
	free(want);
	ties_graph_free(g);
	ties_graph_free(ref);
	ties_db_close(db);
}

/* A diagram's DOT: from graph g with ties_draw(), else with
 * ties_draw_from() of the entity graph without filters. */
static char *dot_of(ties_db *db, const ties_graph *g, const ties_draw_opts *o,
		    unsigned *warn)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc;

	assert_non_null(f);
	rc = g ? ties_draw(db, g, o, NULL, f, warn)
	       : ties_draw_from(db, TIES_GRAPH_ENTITY, NULL, o, NULL, f, warn);
	if (rc != 0)
		fail_msg("draw: %s", ties_errmsg(db));
	fclose(f);
	return buf;
}

/*
 * A focus diagram read from the snapshot (ties_graph__focus: only the
 * nodes drawn and the ends of their strongest ties, chosen over the
 * adjacency lists) is the diagram of the whole graph (chosen over its tie
 * list): the same DOT, byte for byte, over foci, depths, --top and size
 * measures; stale after a write, when the graph is built instead.
 */
static void test_focus_draw_from_snapshot(void **state)
{
	static const char *const foci[] = {"e0", "e17", "e399"};
	static const long tops[] = {0, 10, 40};
	static const enum ties_measure sizes[] = {TIES_PAGERANK, TIES_DEGREE};
	ties_db *db = new_db("focusdraw.db");
	ties_graph *g, *sg;
	unsigned seed = 3, w1, w2;
	unsigned char *keep;
	int cases = 0;

	(void)state;
	random_network(db, &seed);
	g = graph(db, TIES_GRAPH_ENTITY, NULL); /* and the snapshot */
	for (size_t s = 0; s < 2; s++)
		for (size_t f = 0; f < 3; f++)
			for (long depth = 1; depth <= 2; depth++)
				for (size_t t = 0; t < 3; t++) {
					ties_draw_opts o = {
						foci[f], depth, -1, sizes[s],
						TIES_CLUSTER_COUNTRY, tops[t],
						TIES_LABELS_ALL,
				TIES_BACKBONE_AUTO, 0, 0, 0, TIES_COLOR_AUTO, 0, NULL, 0};
					char *fast, *slow;

					assert_int_equal(
						ties_graph__focus(
							db, o.focus, depth,
							tops[t], &sg, &keep),
						1);
					assert_true(ties_graph_nnodes(sg) <
						    ties_graph_nnodes(g));
					ties_graph_free(sg);
					free(keep);
					fast = dot_of(db, NULL, &o, &w1);
					slow = dot_of(db, g, &o, &w2);
					assert_string_equal(fast, slow);
					assert_int_equal(w1, w2);
					assert_non_null(strstr(fast, "top ties"));
					free(fast);
					free(slow);
					cases++;
				}
	assert_int_equal(cases, 36);
	ties_graph_free(g);

	/* After a write the snapshot is stale: the graph is built. */
	add_late(db, "e5");
	{
		ties_draw_opts o = {"e399", 1, -1, TIES_PAGERANK,
				    TIES_CLUSTER_COUNTRY, 0, TIES_LABELS_ALL,
				TIES_BACKBONE_AUTO, 0, 0, 0, TIES_COLOR_AUTO, 0, NULL, 0};
		char *fast, *slow;

		assert_int_equal(
			ties_graph__focus(db, "e399", 1, 0, &sg, &keep), 0);
		fast = dot_of(db, NULL, &o, &w1);
		g = graph(db, TIES_GRAPH_ENTITY, NULL);
		slow = dot_of(db, g, &o, &w2);
		assert_string_equal(fast, slow);
		assert_non_null(strstr(fast, "e5 -- e399"));
		free(fast);
		free(slow);
		ties_graph_free(g);
	}
	ties_db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_florentine_only_shortest_path),
		cmocka_unit_test(test_seed_path_explains_the_meeting),
		cmocka_unit_test(test_between_pakistan_and_russia),
		cmocka_unit_test(test_brokers_by_hand),
		cmocka_unit_test(test_neighbors_timeline_diff),
		cmocka_unit_test(test_quick_path_is_the_path),
		cmocka_unit_test(test_quick_path_from_both_ends),
		cmocka_unit_test(test_snapshot_graph_is_the_projection),
		cmocka_unit_test(test_snapshot_scores),
		cmocka_unit_test(test_focus_draw_from_snapshot),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
