/*
 * cmd_report.c — ties report: a self-contained HTML or Markdown report.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_report_usage[] =
	"usage: ties report -o FILE.html|FILE.md [--title T] [--rows N]\n"
	"                   [filters]\n"
	"\n"
	"One file that puts it all together: a summary in words; counts; the\n"
	"top entities by degree, betweenness and pagerank; communities; the ties\n"
	"between\n"
	"countries; the events and relations between the strongest country\n"
	"pairs; and the diagram (the 150 most central entities of a bigger\n"
	"network). HTML is self-contained and works offline: the diagram inline,\n"
	"sortable tables (click a heading), a search box that highlights an\n"
	"entity in the diagram, pan (drag) and zoom (scroll). Markdown uses\n"
	"GitHub tables and writes the diagram as an .svg beside it.\n"
	"\n"
	"Options:\n"
	"  -o FILE     the report (.html or .md)\n"
	"  --title T   its title (default \"DB: network report\", DB the\n"
	"              database's file name without its extension)\n"
	"  --rows N    rows of each table (default 25; then \"and N more\")\n";

enum { O_TITLE = OPT_FIRST_FREE, O_ROWS };

int cmd_report(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"output", required_argument, NULL, 'o'},
		{"title", required_argument, NULL, O_TITLE},
		{"rows", required_argument, NULL, O_ROWS},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	const char *out = NULL, *title = NULL;
	long rows = 25;
	int opt, rc;

	cli_parse_init(&p, ctx, argc, argv, ":ho:", own, &gopt, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case O_ROWS:
			if ((rc = cli_long(ctx, "--rows", optarg, 1, &rows)) !=
			    0)
				return rc;
			break;
		case O_TITLE:
			title = optarg;
			break;
		default:
			break;
		}
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	if (!out)
		return cli_usage_error(ctx, "where to? (-o FILE.html or "
					    "FILE.md)");
	{
		static const char *const exts[] = {".html", ".htm", ".md",
						   NULL};

		if ((rc = cli_output_ext(ctx, out, exts)) != 0)
			return rc;
	}
	if (gopt.projection != TIES_GRAPH_ENTITY)
		return cli_usage_error(ctx, "a report uses the entity graph");
	cli_graph_filter(&gopt);
	if (ties_report(ctx->db, &gopt.filter, out, title, rows) < 0)
		return cli_db_error(ctx);
	return 0;
}
