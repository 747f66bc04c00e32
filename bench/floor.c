/*
 * floor.c — the analysis floor of the benchmark: a bare igraph program that
 * parses a tie list (`ties export --format edgelist`: SOURCE TAB TARGET TAB
 * WEIGHT) and computes one measure, with nothing else around it: no
 * database, no names beyond a hash of the ids, no output but a summary.
 *
 *   floor pagerank FILE      weighted PageRank (PRPACK, damping 0.85)
 *   floor louvain FILE       multilevel modularity (weighted), its modularity
 *   floor path FILE A B      one unweighted shortest path
 *
 * Prints the parse and compute times on stderr and a short answer on
 * stdout (the top node, the modularity, the path length) to compare with
 * ties.
 */
#include <igraph.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Ids to vertex numbers: open addressing over FNV-1a. */
struct names {
	char **key;
	igraph_integer_t *val;
	size_t cap, n;
	char **by_id;
	size_t idcap;
};

static uint64_t fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void die(const char *msg)
{
	fprintf(stderr, "floor: %s\n", msg);
	exit(1);
}

static igraph_integer_t intern(struct names *m, const char *s, size_t n);

static void grow(struct names *m)
{
	struct names o = *m;

	m->cap = o.cap ? o.cap * 2 : 1 << 16;
	m->key = calloc(m->cap, sizeof(*m->key));
	m->val = calloc(m->cap, sizeof(*m->val));
	if (!m->key || !m->val)
		die("out of memory");
	m->n = 0;
	for (size_t i = 0; i < o.cap; i++)
		if (o.key[i]) {
			size_t j = fnv(o.key[i], strlen(o.key[i])) & (m->cap - 1);

			while (m->key[j])
				j = (j + 1) & (m->cap - 1);
			m->key[j] = o.key[i];
			m->val[j] = o.val[i];
			m->n++;
		}
	free(o.key);
	free(o.val);
}

static igraph_integer_t intern(struct names *m, const char *s, size_t n)
{
	size_t j;

	if (2 * (m->n + 1) > m->cap)
		grow(m);
	j = fnv(s, n) & (m->cap - 1);
	while (m->key[j]) {
		if (!strncmp(m->key[j], s, n) && m->key[j][n] == '\0')
			return m->val[j];
		j = (j + 1) & (m->cap - 1);
	}
	if (!(m->key[j] = strndup(s, n)))
		die("out of memory");
	m->val[j] = (igraph_integer_t)m->n;
	if (m->n == m->idcap) {
		m->idcap = m->idcap ? 2 * m->idcap : 1 << 16;
		if (!(m->by_id = realloc(m->by_id, m->idcap * sizeof(char *))))
			die("out of memory");
	}
	m->by_id[m->n] = m->key[j];
	return (igraph_integer_t)m->n++;
}

int main(int argc, char **argv)
{
	struct names names = {0};
	igraph_vector_int_t edges;
	igraph_vector_t w;
	igraph_t g;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	double t0, t1, t2;

	if (argc < 3 || (!strcmp(argv[1], "path") && argc < 5))
		die("usage: floor pagerank|louvain FILE | floor path FILE A B");
	t0 = now();
	if (!(f = fopen(argv[2], "r")))
		die("cannot read the tie list");
	igraph_vector_int_init(&edges, 0);
	igraph_vector_init(&w, 0);
	while ((len = getline(&line, &cap, f)) > 0) {
		char *a = line, *b = strchr(a, '\t'), *c;

		if (!b || !(c = strchr(b + 1, '\t')))
			die("a line is not SOURCE TAB TARGET TAB WEIGHT");
		igraph_vector_int_push_back(&edges, intern(&names, a, (size_t)(b - a)));
		igraph_vector_int_push_back(&edges,
					    intern(&names, b + 1, (size_t)(c - b - 1)));
		igraph_vector_push_back(&w, strtod(c + 1, NULL));
	}
	free(line);
	fclose(f);
	if (igraph_create(&g, &edges, (igraph_integer_t)names.n, IGRAPH_UNDIRECTED))
		die("igraph_create failed");
	t1 = now();
	if (!strcmp(argv[1], "pagerank")) {
		igraph_vector_t pr;
		igraph_real_t value;
		igraph_integer_t best = 0;

		igraph_vector_init(&pr, 0);
		if (igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, &value,
				    igraph_vss_all(), 0, 0.85, &w, NULL))
			die("igraph_pagerank failed");
		for (igraph_integer_t i = 1; i < igraph_vector_size(&pr); i++)
			if (VECTOR(pr)[i] > VECTOR(pr)[best])
				best = i;
		t2 = now();
		printf("top %s %.10f\n", names.by_id[best], VECTOR(pr)[best]);
		igraph_vector_destroy(&pr);
	} else if (!strcmp(argv[1], "louvain")) {
		igraph_vector_int_t membership;
		igraph_vector_t modularity;
		igraph_integer_t k = 0;

		igraph_rng_seed(igraph_rng_default(), 1);
		igraph_vector_int_init(&membership, 0);
		igraph_vector_init(&modularity, 0);
		if (igraph_community_multilevel(&g, &w, 1.0, &membership, NULL,
						&modularity))
			die("igraph_community_multilevel failed");
		for (igraph_integer_t i = 0; i < igraph_vector_int_size(&membership); i++)
			if (VECTOR(membership)[i] + 1 > k)
				k = VECTOR(membership)[i] + 1;
		t2 = now();
		printf("communities %" IGRAPH_PRId " modularity %.6f\n", k,
		       igraph_vector_max(&modularity));
		igraph_vector_int_destroy(&membership);
		igraph_vector_destroy(&modularity);
	} else if (!strcmp(argv[1], "path")) {
		igraph_vector_int_t vs;
		igraph_integer_t a = intern(&names, argv[3], strlen(argv[3]));
		igraph_integer_t b = intern(&names, argv[4], strlen(argv[4]));

		if (a >= igraph_vcount(&g) || b >= igraph_vcount(&g))
			die("no such node");
		igraph_vector_int_init(&vs, 0);
		if (igraph_get_shortest_path(&g, &vs, NULL, a, b, IGRAPH_ALL))
			die("igraph_get_shortest_path failed");
		t2 = now();
		printf("hops %" IGRAPH_PRId "\n", igraph_vector_int_size(&vs) - 1);
		igraph_vector_int_destroy(&vs);
	} else {
		die("measure: pagerank, louvain or path");
	}
	fprintf(stderr, "floor: %" IGRAPH_PRId " nodes, %" IGRAPH_PRId
			" ties; parse %.3f s, compute %.3f s\n",
		igraph_vcount(&g), igraph_ecount(&g), t1 - t0, t2 - t1);
	igraph_destroy(&g);
	igraph_vector_int_destroy(&edges);
	igraph_vector_destroy(&w);
	return 0;
}
