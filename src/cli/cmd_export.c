/*
 * cmd_export.c — ties export: GraphML, GEXF, DOT, CSV, JSON.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_export_usage[] =
	"usage: ties export --format dot|graphml|gexf|edgelist|csv|json\n"
	"                   [-o FILE|DIR]\n"
	"                   [--gexf-version 1.2|1.3] [--excel-safe]\n"
	"                   [--graph G] [filters]\n"
	"\n"
	"Write the network for the tools analysts already use.\n"
	"  graphml  the tie graph: nodes with label, kind, country; ties with\n"
	"           weight, evidence (events and relations behind them) and\n"
	"           first and last evidence dates (Gephi, Cytoscape, NetworkX,\n"
	"           igraph)\n"
	"  gexf     the same in GEXF, each tie with its first and last\n"
	"           evidence date as start and end for Gephi's timeline;\n"
	"           version 1.2draft by default (what NetworkX reads; Gephi\n"
	"           reads both), 1.3 with --gexf-version 1.3\n"
	"  edgelist the ties, one per line: SOURCE-ID TAB TARGET-ID TAB WEIGHT\n"
	"           (igraph's read_ncol, NetworkX's read_weighted_edgelist)\n"
	"  dot      the styled diagram source ('ties draw -o x.dot')\n"
	"  csv      the whole store as the five tables, into DIR (made if\n"
	"           missing), importable again with 'ties import DIR';\n"
	"           exact: a cell is written as it is\n"
	"  json     the whole store in one document, importable again\n"
	"Graph formats follow --graph and the filters; csv and json are the\n"
	"whole store. Without -o the output goes to standard output (not csv).\n"
	"\n"
	"Options:\n"
	"  --excel-safe  with --format csv: tables for people to open in a\n"
	"                spreadsheet: a text cell that begins with = + - @\n"
	"                gets a ' before it, so that it is not run as a\n"
	"                formula; not for import again\n";

enum { O_FORMAT = OPT_FIRST_FREE, O_GEXF_VERSION, O_EXCEL };

int cmd_export(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"format", required_argument, NULL, O_FORMAT},
		{"output", required_argument, NULL, 'o'},
		{"gexf-version", required_argument, NULL, O_GEXF_VERSION},
		{"excel-safe", no_argument, NULL, O_EXCEL},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	const char *out = NULL;
	int opt, rc, fmt = -1, v13 = 0, excel = 0;

	cli_parse_init(&p, ctx, argc, argv, ":ho:", own, &gopt, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_FORMAT:
			if ((fmt = ties_export_format_parse(optarg)) < 0)
				return cli_usage_error(
					ctx,
					"unknown format '%s' (dot, graphml, "
					"gexf, edgelist, csv or json)",
					optarg);
			break;
		case 'o':
			out = optarg;
			break;
		case O_EXCEL:
			excel = 1;
			break;
		case O_GEXF_VERSION:
			if (!strcmp(optarg, "1.3"))
				v13 = 1;
			else if (!strcmp(optarg, "1.2"))
				v13 = 0;
			else
				return cli_usage_error(
					ctx, "--gexf-version is 1.2 or 1.3");
			break;
		default:
			break;
		}
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if (fmt < 0)
		return cli_usage_error(ctx, "which format? (--format dot, "
					    "graphml, gexf, edgelist, csv or "
					    "json)");
	if (fmt == TIES_EXPORT_CSV && !out)
		return cli_usage_error(ctx, "csv needs a directory: -o DIR");
	if (excel && fmt != TIES_EXPORT_CSV)
		return cli_usage_error(ctx, "--excel-safe goes with --format csv");
	if (excel)
		fmt = TIES_EXPORT_CSV_EXCEL;
	cli_graph_filter(&gopt);
	if (ties_export(ctx->db, (enum ties_export_format)fmt, out, stdout,
			(enum ties_projection)gopt.projection, &gopt.filter,
			v13) < 0)
		return cli_db_error(ctx);
	return 0;
}
