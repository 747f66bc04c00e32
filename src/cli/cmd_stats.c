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
	"what,kind,count. Countries seeded by 'ties init' count only once\n"
	"something refers to them.\n"
	"\n"
	"Options:\n"
	"  --format F  table, csv, tsv or json\n";

int cmd_stats(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, OPT_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc;

	optind = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case OPT_FORMAT:
			if ((rc = cli_format(ctx, optarg, &fmt)) != 0)
				return rc;
			break;
		case 'h':
			return cli_help(ctx);
		default:
			return cli_bad_option(ctx, opt, argv);
		}
	}
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	if (ties_stats(ctx->db, &t) < 0)
		return cli_db_error(ctx);
	return cli_print_table(ctx, t, fmt);
}
