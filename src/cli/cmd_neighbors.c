/*
 * cmd_neighbors.c — ties neighbors: the ego network of an entity.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_neighbors_usage[] =
	"usage: ties neighbors REF [--depth N] [filters] [--format F]\n"
	"\n"
	"The entities within N hops of REF in the entity graph (REF itself at\n"
	"distance 0): columns id,name,kind,country,distance,via, where via\n"
	"lists the kinds of tie (event and relation kinds) that link the\n"
	"entity to those one hop nearer. Ordered by distance, then name.\n"
	"\n"
	"Options:\n"
	"  --depth N   hops (default 1)\n"
	"  --format F  table, csv, tsv or json\n";

enum { O_DEPTH = OPT_FIRST_FREE };

int cmd_neighbors(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"depth", required_argument, NULL, O_DEPTH},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_graph *g = NULL;
	ties_table *t = NULL;
	long depth = 1;
	int opt, fmt = TIES_FORMAT_TABLE, rc;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_DEPTH:
			if ((rc = cli_long(ctx, "--depth", optarg, 1, &depth)) !=
			    0)
				return rc;
			break;
		default:
			break;
		}
	}
	if (argc - optind != 1)
		return cli_usage_error(ctx, "give one entity, REF");
	if (gopt.projection != TIES_GRAPH_ENTITY)
		return cli_usage_error(ctx, "neighbors use the entity graph");
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	if (ties_neighbors(ctx->db, &t, g, argv[optind], depth) < 0)
		rc = cli_db_error(ctx);
	ties_graph_free(g);
	return rc ? rc : cli_print_table(ctx, t, fmt);
}
