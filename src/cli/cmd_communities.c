/*
 * cmd_communities.c — ties communities: modularity communities, with
 * stability across seeds.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_communities_usage[] =
	"usage: ties communities [--method leiden|louvain] [--resolution R]\n"
	"                        [--seed S] [--runs K] [--unweighted] [--pairs]\n"
	"                        [--graph G] [filters] [--format F]\n"
	"\n"
	"Partition the tie graph into communities by modularity. Columns\n"
	"id,name,kind,country,community,stability; communities are numbered by\n"
	"size (1 the largest). The modularity is printed on standard error.\n"
	"The same seed gives the same partition. With --runs K the best of K\n"
	"seeds (S, S+1, …) is kept, and each node's stability is the share of\n"
	"runs that grouped it with each member of its community, averaged: a\n"
	"check on whether a partition is an artefact of one seed.\n"
	"\n"
	"Options:\n"
	"  --method M      leiden (default; igraph's, on the modularity\n"
	"                  objective: every community is connected) or louvain\n"
	"                  (igraph's multilevel)\n"
	"  --resolution R  above 1 gives smaller communities (default 1)\n"
	"  --seed S        the first seed (default 1)\n"
	"  --runs K        runs with seeds S … S+K-1 (default 1)\n"
	"  --unweighted    ignore tie weights (they count by default)\n"
	"  --pairs         print instead every pair of nodes grouped together\n"
	"                  in some run, with the share of runs: a,b,together\n"
	"  --format F      table, csv, tsv or json\n";

enum {
	O_METHOD = OPT_FIRST_FREE,
	O_RESOLUTION,
	O_SEED,
	O_RUNS,
	O_UNWEIGHTED,
	O_PAIRS
};

int cmd_communities(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"method", required_argument, NULL, O_METHOD},
		{"resolution", required_argument, NULL, O_RESOLUTION},
		{"seed", required_argument, NULL, O_SEED},
		{"runs", required_argument, NULL, O_RUNS},
		{"unweighted", no_argument, NULL, O_UNWEIGHTED},
		{"pairs", no_argument, NULL, O_PAIRS},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_community_opts o = {TIES_LEIDEN, 1.0, 1, 1, 1};
	ties_graph *g = NULL;
	ties_table *t = NULL;
	double q = 0;
	long v;
	int opt, fmt = TIES_FORMAT_TABLE, rc, pairs = 0;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_METHOD:
			if (!strcmp(optarg, "louvain"))
				o.method = TIES_LOUVAIN;
			else if (!strcmp(optarg, "leiden"))
				o.method = TIES_LEIDEN;
			else
				return cli_usage_error(
					ctx,
					"unknown method '%s' (leiden or "
					"louvain)",
					optarg);
			break;
		case O_RESOLUTION:
			if ((rc = cli_double(ctx, "--resolution", optarg, 0,
					     &o.resolution)) != 0)
				return rc;
			if (o.resolution <= 0)
				return cli_usage_error(
					ctx, "--resolution wants a number "
					     "above 0");
			break;
		case O_SEED:
			if ((rc = cli_long(ctx, "--seed", optarg, 0, &v)) != 0)
				return rc;
			o.seed = (unsigned long)v;
			break;
		case O_RUNS:
			if ((rc = cli_long(ctx, "--runs", optarg, 1, &v)) != 0)
				return rc;
			if (v > 10000)
				return cli_usage_error(ctx,
						       "--runs is at most 10000");
			o.runs = (int)v;
			break;
		case O_UNWEIGHTED:
			o.weighted = 0;
			break;
		case O_PAIRS:
			pairs = 1;
			break;
		default:
			break;
		}
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	if (pairs)
		rc = ties_community_pairs(ctx->db, &t, g, &o);
	else
		rc = ties_communities(ctx->db, &t, g, &o, &q);
	ties_graph_free(g);
	if (rc < 0)
		return cli_db_error(ctx);
	if (!pairs)
		fprintf(stderr, "modularity %.6f (%s, resolution %g, %d run%s)\n",
			q, o.method == TIES_LEIDEN ? "leiden" : "louvain",
			o.resolution, o.runs, o.runs == 1 ? "" : "s");
	return cli_print_table(ctx, t, fmt);
}
