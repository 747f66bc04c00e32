/*
 * cmd_timeline.c — ties timeline: events per year.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_timeline_usage[] =
	"usage: ties timeline REF [REF2] [filters] [--format F]\n"
	"\n"
	"Events per year of an entity (for a country, of its entities; for an\n"
	"institution, of it, its units and their members), or, with REF2, of\n"
	"the events that link the two. Columns year,events,bar, every year from\n"
	"the first to the last. The table form starts with a sparkline.\n"
	"\n"
	"Options:\n"
	"  --format F  table, csv, tsv or json\n"
	"\n" CLI_GRAPH_HELP;

int cmd_timeline(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		CLI_GRAPH_OPTIONS,
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	ties_table *t = NULL;
	const char *spark = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc;

	cli_graph_init(&gopt);
	optind = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		/* Every option of this command is a shared one. */
		if ((rc = cli_option(ctx, &gopt, &fmt, opt, argv)) != CLI_TAKEN)
			return rc;
	}
	if (argc - optind < 1 || argc - optind > 2)
		return cli_usage_error(ctx, "give one or two entities");
	cli_graph_filter(&gopt);
	if (ties_timeline(ctx->db, &t, argv[optind],
			  argc - optind == 2 ? argv[optind + 1] : NULL,
			  &gopt.filter, &spark) < 0)
		return cli_db_error(ctx);
	if (fmt == TIES_FORMAT_TABLE && spark && *spark)
		printf("%s\n\n", spark);
	return cli_print_table(ctx, t, fmt);
}
