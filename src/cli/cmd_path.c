/*
 * cmd_path.c — ties path: how is A connected to B, with the evidence.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_path_usage[] =
	"usage: ties path A B [--all] [--k N] [--max-length L] [--weighted]\n"
	"                 [filters] [--format F]\n"
	"\n"
	"The shortest path from A to B in the entity graph, every hop with its\n"
	"evidence: the events both ends took part in (kind, date, title, each\n"
	"side's role) and the relations between them (kind, role, dates), each\n"
	"with its source. The table form reads as sentences for a briefing;\n"
	"JSON gives paths of hops with evidence objects; CSV and TSV one row per\n"
	"piece of evidence. No path: exit 1.\n"
	"Without graph options, one unweighted path is found in the adjacency\n"
	"snapshot kept beside the database (FILE.adj), so a cold question does\n"
	"not project the whole store; the snapshot is made again on the first\n"
	"question after any change to the data. The answer is the same.\n"
	"\n"
	"Options:\n"
	"  --all           every shortest path (at most --k, default 10)\n"
	"  --k N           without --all: up to N good paths, each sharing at\n"
	"                  most half of its intermediate entities with any path\n"
	"                  before it (diverse, not N variants of one)\n"
	"  --max-length L  paths of at most L hops\n"
	"  --weighted      the strongest path: distance = 1/weight\n"
	"  --evidence N    at most N pieces of evidence per hop, the earliest\n"
	"                  first, then a count of the rest (default 10; 0 all)\n"
	"  --format F      table, csv, tsv or json\n";

enum { O_ALL = OPT_FIRST_FREE, O_K, O_MAXLEN, O_WEIGHTED, O_EVIDENCE };

int cmd_path(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"all", no_argument, NULL, O_ALL},
		{"k", required_argument, NULL, O_K},
		{"max-length", required_argument, NULL, O_MAXLEN},
		{"weighted", no_argument, NULL, O_WEIGHTED},
		{"evidence", required_argument, NULL, O_EVIDENCE},
		{NULL, 0, NULL, 0},
	};
	struct cli_graph gopt;
	struct cli_parse p;
	ties_path_opts o = {0, 0, 0, 0, 10};
	ties_graph *g = NULL;
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE, rc;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, &gopt, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case O_ALL:
			o.all = 1;
			break;
		case O_K:
			if ((rc = cli_long(ctx, "--k", optarg, 1, &o.k)) != 0)
				return rc;
			break;
		case O_MAXLEN:
			if ((rc = cli_long(ctx, "--max-length", optarg, 1,
					   &o.max_length)) != 0)
				return rc;
			break;
		case O_WEIGHTED:
			o.weighted = 1;
			break;
		case O_EVIDENCE:
			if ((rc = cli_long(ctx, "--evidence", optarg, 0,
					   &o.evidence)) != 0)
				return rc;
			break;
		default:
			break;
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(ctx, "give two entities, A and B");
	if (gopt.projection != TIES_GRAPH_ENTITY)
		return cli_usage_error(ctx, "paths use the entity graph");
	/* No graph option: the snapshot answers (ties_path_quick). */
	if (!cli_graph_given(&gopt)) {
		if (ties_path_quick(ctx->db, &t, argv[optind], argv[optind + 1],
				    &o) < 0)
			return cli_db_error(ctx);
		goto write;
	}
	if ((rc = cli_graph_build(ctx, &gopt, &g)) != 0)
		return rc;
	if (ties_paths(ctx->db, &t, g, argv[optind], argv[optind + 1], &o) <
	    0)
		rc = cli_db_error(ctx);
	ties_graph_free(g);
	if (rc)
		return rc;
write:
	rc = ties_paths_write(t, stdout, (enum ties_format)fmt);
	ties_table_free(t);
	return rc < 0 ? cli_error("write error") : 0;
}
