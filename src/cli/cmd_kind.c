/*
 * cmd_kind.c — ties kind: which relation kinds and role pairs are directed.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_kind_usage[] =
	"usage: ties kind [--format F]\n"
	"       ties kind relation KIND --directed | --undirected\n"
	"       ties kind roles FROM TO --directed | --undirected\n"
	"\n"
	"Say once for the database which ties have a direction. A relation\n"
	"of a directed kind points from its source to its target (member_of,\n"
	"part_of: upward; funds: from the funder); an event's two\n"
	"participants in a directed role pair are tied from the one in the\n"
	"first role to the one in the second (visitor -> host). Without an\n"
	"argument, list the declarations (columns what,kind,directed); ties\n"
	"begins with its own (member_of, part_of, succeeded_by, funds,\n"
	"advises, visits, reports_to, based_in; visitor and guest -> host,\n"
	"sender -> receiver, funder and donor -> recipient). The analyses\n"
	"use them with --directed; undirected graphs ignore them.\n"
	"\n"
	"Options:\n"
	"  --directed      the kind or the pair has a direction\n"
	"  --undirected    it has none (a role pair is forgotten)\n"
	"  --format F      table, csv, tsv or json (the list)\n";

enum { OPT_DIRECTED = OPT_FIRST_FREE, OPT_UNDIRECTED };

int cmd_kind(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"directed", no_argument, NULL, OPT_DIRECTED},
		{"undirected", no_argument, NULL, OPT_UNDIRECTED},
		{NULL, 0, NULL, 0}};
	struct cli_parse p;
	int fmt = TIES_FORMAT_TABLE, opt, directed = -1, rc;
	int nargs;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, NULL, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		if (opt == OPT_DIRECTED || opt == OPT_UNDIRECTED) {
			int d = opt == OPT_DIRECTED;

			if (directed >= 0 && directed != d)
				return cli_usage_error(
					ctx, "--directed or "
					     "--undirected, not both");
			directed = d;
		}
	}
	nargs = argc - optind;
	if (nargs == 0) {
		ties_table *t = NULL;

		if (directed >= 0)
			return cli_usage_error(ctx,
					       "--%s wants 'relation "
					       "KIND' or 'roles FROM TO'",
					       directed ? "directed"
							: "undirected");
		if (ties_kinds(ctx->db, &t) < 0)
			return cli_db_error(ctx);
		return cli_print_table(ctx, t, fmt);
	}
	if (!strcmp(argv[optind], "relation") && nargs == 2) {
		if (directed < 0)
			return cli_usage_error(ctx, "say --directed or "
						    "--undirected");
		rc = ties_kind_relation(ctx->db, argv[optind + 1], directed);
	} else if (!strcmp(argv[optind], "roles") && nargs == 3) {
		if (directed < 0)
			return cli_usage_error(ctx, "say --directed or "
						    "--undirected");
		rc = ties_kind_roles(ctx->db, argv[optind + 1],
				     argv[optind + 2], directed);
	} else {
		return cli_usage_error(ctx, "want 'relation KIND' or 'roles "
					    "FROM TO'");
	}
	return rc < 0 ? cli_db_error(ctx) : 0;
}
