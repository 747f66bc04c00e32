/*
 * cmd_components.c — ties components: connected components.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_components_usage[] =
	"usage: ties components [--graph G] [filters] [--format F]\n"
	"\n"
	"List the connected components of the tie graph, largest first.\n"
	"Columns component,size,members (up to ten names, then …).\n"
	"\n"
	"Options:\n"
	"  --format F  table, csv, tsv or json\n";

int cmd_components(int argc, char **argv, struct cli_ctx *ctx)
{
	struct cli_graph gopt;
	ties_graph *g = NULL;
	ties_table *t = NULL;
	int fmt = TIES_FORMAT_TABLE, rc;

	if ((rc = cli_parse_shared(ctx, argc, argv, &gopt, &fmt)) != 0)
		return rc < 0 ? 0 : rc;
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	rc = ties_components(ctx->db, &t, g) < 0 ? cli_db_error(ctx) : 0;
	ties_graph_free(g);
	return rc ? rc : cli_print_table(ctx, t, fmt);
}
