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
	static const struct option own[] = {
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, NULL, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		default:
			break;
		}
	}
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	if (ties_stats(ctx->db, &t) < 0)
		return cli_db_error(ctx);
	return cli_print_table(ctx, t, fmt);
}
