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
	"  --format F  table, csv, tsv or json\n";

int cmd_timeline(int argc, char **argv, struct cli_ctx *ctx)
{
	struct cli_graph gopt;
	ties_table *t = NULL;
	const char *spark = NULL;
	int fmt = TIES_FORMAT_TABLE, rc;

	if ((rc = cli_parse_shared(ctx, argc, argv, &gopt, &fmt)) != 0)
		return rc < 0 ? 0 : rc;
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
