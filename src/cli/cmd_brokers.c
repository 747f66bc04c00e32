/*
 * cmd_brokers.c — ties brokers: who brokers between two groups.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_brokers_usage[] =
	"usage: ties brokers X Y [--group-by country|community] [--top N]\n"
	"                    [filters] [--format F]\n"
	"\n"
	"Who brokers between two groups of the entity graph: two countries\n"
	"(the default; an entity belongs to its home country's group, and an\n"
	"entity without a country is a group of its own), or two\n"
	"communities by number (--group-by community; Leiden, seed 1, as\n"
	"'ties communities' numbers them). Columns rank,id,name,kind,country,\n"
	"group, then the Gould–Fernandez roles each entity plays in open\n"
	"triads a–v–b (a and b not tied) over the whole graph: coordinator\n"
	"(a, v, b in one group), itinerant (a and b in one group, v in\n"
	"another), gatekeeper (v with one of a and b: with undirected ties\n"
	"representative and gatekeeper are one role), liaison (three groups);\n"
	"then xy_triads, the open triads with one end in X and one in Y, and\n"
	"xy_betweenness, betweenness counted only over pairs with one end in X\n"
	"and one in Y (each pair once). Entities with some X–Y brokerage, the\n"
	"highest xy_betweenness first.\n"
	"\n"
	"Options:\n"
	"  --group-by G  country (default) or community\n"
	"  --top N       rows (default 20; 0 for all)\n"
	"  --format F    table, csv, tsv or json\n";

enum { O_GROUP_BY = OPT_FIRST_FREE, O_TOP };

int cmd_brokers(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"group-by", required_argument, NULL, O_GROUP_BY},
		{"top", required_argument, NULL, O_TOP},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_broker_opts o = {NULL, NULL, 0, 20};
	ties_graph *g = NULL;
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_GROUP_BY:
			if (!strcmp(optarg, "country"))
				o.by_community = 0;
			else if (!strcmp(optarg, "community"))
				o.by_community = 1;
			else
				return cli_usage_error(
					ctx,
					"unknown grouping '%s' (country or "
					"community)",
					optarg);
			break;
		case O_TOP:
			if ((rc = cli_long(ctx, "--top", optarg, 0, &o.top)) !=
			    0)
				return rc;
			break;
		default:
			break;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(ctx, "give two groups, X and Y");
	if (gopt.projection != TIES_GRAPH_ENTITY)
		return cli_usage_error(ctx, "brokers use the entity graph");
	o.x = argv[optind];
	o.y = argv[optind + 1];
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	if (ties_brokers(ctx->db, &t, g, &o) < 0)
		rc = cli_db_error(ctx);
	ties_graph_free(g);
	return rc ? rc : cli_print_table(ctx, t, fmt);
}
