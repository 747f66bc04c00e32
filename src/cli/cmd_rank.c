/*
 * cmd_rank.c — ties rank: centrality reports.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_rank_usage[] =
	"usage: ties rank [--by MEASURE|all [--sort M]] [--top N] [--weighted]\n"
	"                 [--cutoff L]\n"
	"                 [--graph G] [filters] [--format F]\n"
	"\n"
	"Rank the nodes of the tie graph by a centrality measure. Columns\n"
	"rank,id,name,kind,country,score, highest first; equal scores share a\n"
	"rank (1, 2, 2, 4) and are ordered by name. --by all prints one row per\n"
	"node with every measure as a column, highest first by the measure of\n"
	"--sort (pagerank unless said), so --top N keeps the N highest by it.\n"
	"\n"
	"Measures (the conventions of igraph, UCINET and NetworkX):\n"
	"  degree       number of distinct neighbours\n"
	"  strength     sum of tie weights (always weighted)\n"
	"  betweenness  unnormalised; each unordered pair counted once\n"
	"  closeness    (r-1)/sum of distances over the r nodes reachable\n"
	"               from the node; 0 for an isolate\n"
	"  harmonic     sum of 1/distance over all other nodes, unnormalised\n"
	"  eigenvector  leading eigenvector, scaled so that the largest is 1;\n"
	"               components that share the leading eigenvalue each get\n"
	"               their own, scaled so (identical nodes score the same)\n"
	"  pagerank     damping 0.85, scores summing to 1 (default)\n"
	"  coreness     the k-core number\n"
	"With --directed (arcs along the kinds and role pairs 'ties kind'\n"
	"declares directed, a pair of arcs for every other tie):\n"
	"  in_degree, out_degree, in_strength, out_strength\n"
	"               the arcs (or their weights) reaching or leaving it\n"
	"  hub, authority\n"
	"               HITS scores, scaled so that the largest is 1\n"
	"and betweenness, paths, closeness and harmonic follow the arcs\n"
	"(closeness and harmonic of the paths that reach the node, as\n"
	"NetworkX); eigenvector is refused; --by all lists the rest.\n"
	"Path-based measures ignore weights unless --weighted (then distance =\n"
	"1/weight); pagerank and eigenvector use weights only with --weighted.\n"
	"\n"
	"Options:\n"
	"  --by M        the measure (default pagerank), or all\n"
	"  --sort M      with --by all: the measure the rows are ordered by\n"
	"                (default pagerank)\n"
	"  --top N       print the first N rows (default 20; 0 for all)\n"
	"  --weighted    use tie weights (see above)\n"
	"  --cutoff L    betweenness, closeness and harmonic over paths of\n"
	"                length up to L only: faster on big graphs, and\n"
	"                approximate (a column 'note' says so)\n"
	"  --format F    table, csv, tsv or json\n";

enum { O_BY = OPT_FIRST_FREE, O_TOP, O_WEIGHTED, O_CUTOFF, O_SORT };

int cmd_rank(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"by", required_argument, NULL, O_BY},
		{"top", required_argument, NULL, O_TOP},
		{"weighted", no_argument, NULL, O_WEIGHTED},
		{"cutoff", required_argument, NULL, O_CUTOFF},
		{"sort", required_argument, NULL, O_SORT},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_rank_opts o = {TIES_PAGERANK, 0, 0, 0, 20};
	ties_graph *g = NULL;
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc;
	int m, sort = -1;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_BY:
			if (!strcmp(optarg, "all")) {
				o.all = 1;
				break;
			}
			if ((m = ties_measure_parse(optarg)) < 0)
				return cli_usage_error(
					ctx,
					"unknown measure '%s' (degree, "
					"strength, betweenness, closeness, "
					"harmonic, eigenvector, pagerank, "
					"coreness or all)",
					optarg);
			o.measure = (enum ties_measure)m;
			break;
		case O_SORT:
			if ((sort = ties_measure_parse(optarg)) < 0)
				return cli_usage_error(
					ctx,
					"unknown measure '%s' to sort by "
					"(degree, strength, betweenness, "
					"closeness, harmonic, eigenvector, "
					"pagerank or coreness)",
					optarg);
			break;
		case O_TOP:
			if ((rc = cli_long(ctx, "--top", optarg, 0, &o.top)) !=
			    0)
				return rc;
			break;
		case O_WEIGHTED:
			o.weighted = 1;
			break;
		case O_CUTOFF:
			if ((rc = cli_double(ctx, "--cutoff", optarg, 0,
					     &o.cutoff)) != 0)
				return rc;
			if (o.cutoff == 0)
				return cli_usage_error(
					ctx, "--cutoff wants a length above 0");
			break;
		default:
			break;
		}
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if (sort >= 0 && !o.all)
		return cli_usage_error(ctx, "--sort goes with --by all");
	if (o.all)
		o.measure = sort >= 0 ? (enum ties_measure)sort : TIES_PAGERANK;
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	if (ties_rank(ctx->db, &t, g, &o) < 0)
		rc = cli_db_error(ctx);
	ties_graph_free(g);
	return rc ? rc : cli_print_table(ctx, t, fmt);
}
