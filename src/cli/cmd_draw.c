/*
 * cmd_draw.c — ties draw: network diagrams.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_draw_usage[] =
	"usage: ties draw [-o FILE] [--focus REF [--depth N]] [--top N]\n"
	"                 [--size-by MEASURE] [--weighted]\n"
	"                 [--backbone B] [--edges N] [--color-by C]\n"
	"                 [--cluster-by country|community|none] [--runs N]\n"
	"                 [--labels all|none|top] [--layout L] [--title T]\n"
	"                 [--event-nodes N]\n"
	"                 [--graph G] [filters]\n"
	"\n"
	"Draw the tie graph with Graphviz. The format follows the file's\n"
	"extension: .dot or .gv write DOT; .svg, .png and .pdf are laid out\n"
	"and rendered in-process. Without -o, DOT goes to standard output.\n"
	"\n"
	"Shape by kind (institution box, person ellipse, country double\n"
	"octagon, unit component); fill by country, or by community when the\n"
	"drawn entities have one country or none: the 12 most frequent\n"
	"categories get distinct colours (ColorBrewer Set3), the rest one\n"
	"grey 'other'; node area by the measure (1:8), labels for the highest\n"
	"ranked, sized by rank; line width by tie weight, style by evidence\n"
	"(MoU bold, meeting dashed, membership dotted); a legend and a title\n"
	"under the diagram; tooltips in SVG. Dense graphs are thinned to a\n"
	"backbone, entities left without a drawn tie are left out, and one line\n"
	"on standard error says what was done. The same data and options give\n"
	"the same file.\n"
	"\n"
	"Options:\n"
	"  -o FILE         write FILE (.dot, .gv, .svg, .png, .pdf)\n"
	"  --focus REF     only the ego network of REF, outlined in red ...\n"
	"  --depth N       ... within N hops (default 1)\n"
	"  --top N         keep the N highest by --size-by; with --focus, the\n"
	"                  N most strongly tied (the focus, its strongest\n"
	"                  ties first, then theirs)\n"
	"  --size-by M     node size by a measure of 'ties rank' (default\n"
	"                  pagerank; strength when it ties for everyone);\n"
	"                  with --focus, within the diagram\n"
	"  --weighted      the measure with tie weights\n"
	"  --backbone B    which ties to draw: auto (default: all when at most\n"
	"                  4 a node, else the disparity filter when weights\n"
	"                  spread widely, else knn:3), all, knn[:K] (each\n"
	"                  one's K strongest), disparity[:ALPHA] (Serrano et\n"
	"                  al. 2009, default 0.05), noise[:DELTA] (after\n"
	"                  Coscia and Neffke 2017, default 1.64); each entity\n"
	"                  keeps its strongest tie\n"
	"  --edges N       at most N ties (default about 4 a drawn entity)\n"
	"  --color-by C    country, region, community or none (default:\n"
	"                  country; region, the UN M49 sub-region, when the\n"
	"                  drawn entities are countries; else community)\n"
	"  --cluster-by C  country (default), community or none: boxes around\n"
	"                  two or more, with the dot and fdp layouts\n"
	"  --runs N        community runs, the best kept (default 10)\n"
	"  --labels L      top (default: all up to 40 entities, else the\n"
	"                  highest fifth, at least 25), all or none\n"
	"  --layout L      dot, neato, fdp, sfdp, circo or twopi (default\n"
	"                  fdp, neato with --cluster-by none; sfdp past 150\n"
	"                  nodes or 6 ties a node)\n"
	"  --title T       the title (default: what is drawn)\n"
	"  --event-nodes N an event of N or more drawn participants is one\n"
	"                  small node tied to each, not a clique of lines\n"
	"                  (default 10; 0 never; at most 20 such events)\n";

enum {
	O_FOCUS = OPT_FIRST_FREE,
	O_DEPTH,
	O_LAYOUT,
	O_SIZE_BY,
	O_CLUSTER_BY,
	O_TOP,
	O_LABELS,
	O_WEIGHTED,
	O_BACKBONE,
	O_EDGES,
	O_COLOR_BY,
	O_RUNS,
	O_TITLE,
	O_EVENT_NODES
};

/* --backbone auto|all|knn[:K]|disparity[:ALPHA]|noise[:DELTA]. */
static int backbone_option(struct cli_ctx *ctx, const char *arg,
			   ties_draw_opts *o)
{
	static const struct {
		const char *name;
		enum ties_backbone b;
	} names[] = {{"auto", TIES_BACKBONE_AUTO},
		     {"all", TIES_BACKBONE_ALL},
		     {"knn", TIES_BACKBONE_KNN},
		     {"disparity", TIES_BACKBONE_DISPARITY},
		     {"noise", TIES_BACKBONE_NOISE}};
	const char *colon = strchr(arg, ':');
	size_t len = colon ? (size_t)(colon - arg) : strlen(arg);

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == len &&
		    !strncmp(arg, names[i].name, len)) {
			o->backbone = names[i].b;
			if (!colon)
				return 0;
			if (names[i].b == TIES_BACKBONE_AUTO ||
			    names[i].b == TIES_BACKBONE_ALL)
				break;
			return cli_double(ctx, "--backbone", colon + 1, 1e-12,
					  &o->backbone_param);
		}
	return cli_usage_error(ctx,
			       "unknown backbone '%s' (auto, all, knn[:K], "
			       "disparity[:ALPHA] or noise[:DELTA])",
			       arg);
}

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
		{"weighted", no_argument, NULL, O_WEIGHTED},
		{"backbone", required_argument, NULL, O_BACKBONE},
		{"edges", required_argument, NULL, O_EDGES},
		{"color-by", required_argument, NULL, O_COLOR_BY},
		{"colour-by", required_argument, NULL, O_COLOR_BY},
		{"runs", required_argument, NULL, O_RUNS},
		{"title", required_argument, NULL, O_TITLE},
		{"event-nodes", required_argument, NULL, O_EVENT_NODES},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_draw_opts o;
	const char *out = NULL;
	unsigned warnings = 0;
	int opt, rc, m;

	ties_draw_opts_init(&o);
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
				return cli_usage_error(
					ctx, "unknown measure '%s'", optarg);
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
					ctx,
					"unknown labels '%s' (all, none or "
					"top)",
					optarg);
			break;
		case O_WEIGHTED:
			o.weighted = 1;
			break;
		case O_BACKBONE:
			if ((rc = backbone_option(ctx, optarg, &o)) != 0)
				return rc;
			break;
		case O_EDGES:
			if ((rc = cli_long(ctx, "--edges", optarg, 1,
					   &o.edges)) != 0)
				return rc;
			break;
		case O_COLOR_BY:
			if (!strcmp(optarg, "country"))
				o.color_by = TIES_COLOR_COUNTRY;
			else if (!strcmp(optarg, "community"))
				o.color_by = TIES_COLOR_COMMUNITY;
			else if (!strcmp(optarg, "region"))
				o.color_by = TIES_COLOR_REGION;
			else if (!strcmp(optarg, "none"))
				o.color_by = TIES_COLOR_NONE;
			else
				return cli_usage_error(
					ctx,
					"unknown colouring '%s' (country, "
					"region, community or none)",
					optarg);
			break;
		case O_RUNS:
			if ((rc = cli_long(ctx, "--runs", optarg, 1,
					   &o.runs)) != 0)
				return rc;
			break;
		case O_TITLE:
			o.title = optarg;
			break;
		case O_EVENT_NODES:
			if ((rc = cli_long(ctx, "--event-nodes", optarg, 0,
					   &o.event_nodes)) != 0)
				return rc;
			if (o.event_nodes == 0)
				o.event_nodes = -1;
			else if (o.event_nodes < 2)
				return cli_usage_error(
					ctx, "--event-nodes wants 2 or more, or 0");
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
	return rc;
}
