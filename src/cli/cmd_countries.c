/*
 * cmd_countries.c — ties countries: the ties between countries.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_countries_usage[] =
	"usage: ties countries [--matrix] [filters] [--format F]\n"
	"\n"
	"One row per pair of countries that are tied: columns country_a,\n"
	"country_b,weight,events,first,last. A tie between two entities of\n"
	"different home countries adds its weight to the tie between the\n"
	"countries (a country entity stands for itself); events counts the\n"
	"events that gather entities of both, first and last their dates.\n"
	"Strongest first.\n"
	"\n"
	"Options:\n"
	"  --matrix    a country × country table of weights instead\n"
	"  --format F  table, csv, tsv or json\n";

enum { O_MATRIX = OPT_FIRST_FREE };

int cmd_countries(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"matrix", no_argument, NULL, O_MATRIX},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_graph *g = NULL;
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc, matrix = 0;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_MATRIX:
			matrix = 1;
			break;
		default:
			break;
		}
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	gopt.projection = TIES_GRAPH_COUNTRY;
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	if (ties_countries(ctx->db, &t, g, matrix) < 0)
		rc = cli_db_error(ctx);
	ties_graph_free(g);
	return rc ? rc : cli_print_table(ctx, t, fmt);
}
