/*
 * cmd_between.c — ties between: everything that links X to Y.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_between_usage[] =
	"usage: ties between X Y [--by-year] [filters] [--format F]\n"
	"\n"
	"Everything that links X and its entities to Y and its entities. For a\n"
	"country, its entities are itself and every entity whose home country\n"
	"it is; for an institution or anything else, itself, the units part_of\n"
	"it (at any depth) and their members. One row per event, in date order,\n"
	"and per relation: columns type,date,kind,id,title,place,x_side,\n"
	"y_side,source,cite, where x_side and y_side list each side's\n"
	"participants with their roles (for a relation, its two ends). The\n"
	"table form shows one block per event or relation, then the counts\n"
	"per year.\n"
	"\n"
	"Options:\n"
	"  --by-year   print only the counts per year: year,events,relations\n"
	"  --format F  table, csv, tsv or json\n";

enum { O_BY_YEAR = OPT_FIRST_FREE };

int cmd_between(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"by-year", no_argument, NULL, O_BY_YEAR},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_table *t = NULL, *years = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc, by_year = 0;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_BY_YEAR:
			by_year = 1;
			break;
		default:
			break;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(ctx, "give two entities, X and Y");
	cli_graph_filter(&gopt);
	if (ties_between(ctx->db, &t, &years, argv[optind], argv[optind + 1],
			 &gopt.filter) < 0)
		return cli_db_error(ctx);
	if (by_year) {
		ties_table_free(t);
		return cli_print_table(ctx, years, fmt);
	}
	rc = ties_between_write(t, years, stdout, (enum ties_format)fmt,
				argv[optind], argv[optind + 1]);
	ties_table_free(t);
	ties_table_free(years);
	return rc < 0 ? cli_error("write error") : 0;
}
