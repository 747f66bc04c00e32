/*
 * cmd_diff.c — ties diff: what changed between two dates.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_diff_usage[] =
	"usage: ties diff --at DATE1 --at DATE2 [--top N] [filters] [--format F]\n"
	"\n"
	"What changed in the entity graph between the network as it stood at\n"
	"DATE1 and at DATE2 (events on or before the date, relations in force\n"
	"on it; undated relations always). Columns change,id,name,other_id,\n"
	"other_name,before,after, where change is:\n"
	"  new_tie            a tie at DATE2 that DATE1 lacked (before 0, after 1)\n"
	"  ended_tie          a tie at DATE1 gone by DATE2 (a relation ended)\n"
	"  new_entity         tied at DATE2, untied at DATE1 (degree before, after)\n"
	"  degree_mover       the largest changes of rank by degree\n"
	"  betweenness_mover  the same by betweenness (rank before, after)\n"
	"\n"
	"Options:\n"
	"  --at DATE   give it twice: the two dates\n"
	"  --top N     movers of each kind (default 10; 0 for all)\n"
	"  --format F  table, csv, tsv or json\n";

enum { O_AT = OPT_FIRST_FREE, O_TOP };

int cmd_diff(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"at", required_argument, NULL, O_AT},
		{"top", required_argument, NULL, O_TOP},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_table *t = NULL;
	const char *at[2] = {NULL, NULL};
	long top = 10;
	int opt, fmt = TIES_FORMAT_TABLE, rc, nat = 0;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_AT:
			if (nat == 2)
				return cli_usage_error(ctx,
						       "give --at exactly twice");
			at[nat++] = optarg;
			break;
		case O_TOP:
			if ((rc = cli_long(ctx, "--top", optarg, 0, &top)) != 0)
				return rc;
			break;
		default:
			break;
		}
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if (nat != 2)
		return cli_usage_error(ctx, "give --at exactly twice");
	if (gopt.projection != TIES_GRAPH_ENTITY)
		return cli_usage_error(ctx, "diff uses the entity graph");
	cli_graph_filter(&gopt);
	if (ties_diff(ctx->db, &t, at[0], at[1], &gopt.filter, top) < 0)
		return cli_db_error(ctx);
	return cli_print_table(ctx, t, fmt);
}
