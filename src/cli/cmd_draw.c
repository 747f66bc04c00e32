/*
 * cmd_draw.c — ties draw: network diagrams.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_draw_usage[] =
	"usage: ties draw [-o FILE] [--focus REF [--depth N]] [--layout L]\n"
	"                 [--size-by MEASURE] [--cluster-by country|community|none]\n"
	"                 [--top N] [--labels all|none|top] [--graph G] [filters]\n"
	"\n"
	"Draw the tie graph with Graphviz. The format follows the file's\n"
	"extension: .dot or .gv write DOT; .svg, .png and .pdf are laid out and\n"
	"rendered in-process. Without -o, DOT goes to standard output.\n"
	"\n"
	"Shape by kind (institution box, person ellipse, country double\n"
	"octagon, department component, events as points in the bipartite\n"
	"graph); one colour per country, with a legend; node size by the\n"
	"measure; edge width by tie weight; edge style by evidence (MoU bold,\n"
	"meeting dashed, membership dotted) and the number of pieces of\n"
	"evidence as its label; tooltips in SVG. The same data and options\n"
	"give the same file.\n"
	"\n"
	"Options:\n"
	"  -o FILE         write FILE (.dot, .gv, .svg, .png, .pdf)\n"
	"  --focus REF     only the ego network of REF ...\n"
	"  --depth N       ... within N hops (default 1)\n"
	"  --layout L      dot, neato, fdp, sfdp, circo or twopi (default fdp;\n"
	"                  sfdp with overlap removal past 2,000 nodes)\n"
	"  --size-by M     node size by a measure of 'ties rank' (default\n"
	"                  pagerank)\n"
	"  --cluster-by C  country (default), community or none; clusters are\n"
	"                  drawn by the dot and fdp layouts, colour alone\n"
	"                  otherwise\n"
	"  --top N         keep the N most central nodes (by --size-by)\n"
	"  --labels L      all (default), none, or top: the most central\n";

enum {
	O_FOCUS = OPT_FIRST_FREE,
	O_DEPTH,
	O_LAYOUT,
	O_SIZE_BY,
	O_CLUSTER_BY,
	O_TOP,
	O_LABELS
};

int cmd_draw(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"output", required_argument, NULL, 'o'},
		{"focus", required_argument, NULL, O_FOCUS},
		{"depth", required_argument, NULL, O_DEPTH},
		{"layout", required_argument, NULL, O_LAYOUT},
		{"size-by", required_argument, NULL, O_SIZE_BY},
		{"cluster-by", required_argument, NULL, O_CLUSTER_BY},
		{"top", required_argument, NULL, O_TOP},
		{"labels", required_argument, NULL, O_LABELS},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_draw_opts o = {NULL, 1, -1, TIES_PAGERANK, TIES_CLUSTER_COUNTRY,
			    0, TIES_LABELS_ALL};
	const char *out = NULL;
	unsigned warnings = 0;
	int opt, rc, m;

	cli_parse_init(&p, ctx, argc, argv, ":ho:", own, &gopt, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case O_FOCUS:
			o.focus = optarg;
			break;
		case O_DEPTH:
			if ((rc = cli_long(ctx, "--depth", optarg, 1,
					   &o.depth)) != 0)
				return rc;
			break;
		case O_LAYOUT:
			if ((o.layout = ties_layout_parse(optarg)) < 0)
				return cli_usage_error(
					ctx,
					"unknown layout '%s' (dot, neato, "
					"fdp, sfdp, circo or twopi)",
					optarg);
			break;
		case O_SIZE_BY:
			if ((m = ties_measure_parse(optarg)) < 0)
				return cli_usage_error(ctx,
						       "unknown measure '%s'",
						       optarg);
			o.size_by = (enum ties_measure)m;
			break;
		case O_CLUSTER_BY:
			if (!strcmp(optarg, "country"))
				o.cluster_by = TIES_CLUSTER_COUNTRY;
			else if (!strcmp(optarg, "community"))
				o.cluster_by = TIES_CLUSTER_COMMUNITY;
			else if (!strcmp(optarg, "none"))
				o.cluster_by = TIES_CLUSTER_NONE;
			else
				return cli_usage_error(
					ctx,
					"unknown clustering '%s' (country, "
					"community or none)",
					optarg);
			break;
		case O_TOP:
			if ((rc = cli_long(ctx, "--top", optarg, 0, &o.top)) !=
			    0)
				return rc;
			break;
		case O_LABELS:
			if (!strcmp(optarg, "all"))
				o.labels = TIES_LABELS_ALL;
			else if (!strcmp(optarg, "none"))
				o.labels = TIES_LABELS_NONE;
			else if (!strcmp(optarg, "top"))
				o.labels = TIES_LABELS_TOP;
			else
				return cli_usage_error(
					ctx, "unknown labels '%s' (all, none or "
					     "top)",
					optarg);
			break;
		default:
			break;
		}
	}
	if (out) {
		static const char *const exts[] = {".svg", ".png", ".pdf",
						   ".dot", ".gv",  NULL};

		if ((rc = cli_output_ext(ctx, out, exts)) != 0)
			return rc;
	}
	if ((rc = cli_no_args(ctx, argc, argv)) != 0)
		return rc;
	cli_graph_filter(&gopt);
	if (ties_draw_from(ctx->db, (enum ties_projection)gopt.projection,
			   &gopt.filter, &o, out, stdout, &warnings) < 0)
		rc = cli_db_error(ctx);
	if (warnings & TIES_DRAW_WARN_BIG)
		fprintf(stderr, "ties: over 2,000 nodes: drawn with sfdp; "
				"--top N keeps the N most central\n");
	if (warnings & TIES_DRAW_WARN_EDGES)
		fprintf(stderr, "ties: many ties among the nodes drawn: only "
				"the strongest (3 per node, at least 500) are "
				"drawn; --min-weight W thins them\n");
	return rc;
}
