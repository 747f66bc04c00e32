/*
 * cmd_stats.c — ties stats: counts by kind.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_stats_usage[] =
	"usage: ties stats [--format F]\n"
	"\n"
	"Count the entities, events and relations by kind, the participants\n"
	"by role and the sources, each followed by its total. Columns\n"
	"what,kind,count,directed: whether a relation kind is directed, the\n"
	"directed role pairs a role is in (see 'ties kind'). Countries\n"
	"seeded by 'ties init' count only once something refers to them.\n"
	"\n"
	"Options:\n"
	"  --format F  table, csv, tsv or json\n";

int cmd_stats(int argc, char **argv, struct cli_ctx *ctx)
{
	ties_table *t = NULL;
	int fmt = TIES_FORMAT_TABLE, rc;

	if ((rc = cli_parse_shared(ctx, argc, argv, NULL, &fmt)) != 0)
		return rc < 0 ? 0 : rc;
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	if (ties_stats(ctx->db, &t) < 0)
		return cli_db_error(ctx);
	return cli_print_table(ctx, t, fmt);
}
