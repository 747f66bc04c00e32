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
	"  --format F  table, csv, tsv or json\n"
	"\n" CLI_GRAPH_HELP;

int cmd_components(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		CLI_GRAPH_OPTIONS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	ties_graph *g = NULL;
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc;

	cli_graph_init(&gopt);
	optind = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		/* Every option of this command is a shared one. */
		if ((rc = cli_option(ctx, &gopt, &fmt, opt, argv)) != CLI_TAKEN)
			return rc;
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	rc = ties_components(ctx->db, &t, g) < 0 ? cli_db_error(ctx) : 0;
	ties_graph_free(g);
	return rc ? rc : cli_print_table(ctx, t, fmt);
}
