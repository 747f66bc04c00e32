/*
 * cmd_list.c — ties list: entities by kind and country.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_list_usage[] =
	"usage: ties list [--kind KIND] [--country REF] [--all] [--format F]\n"
	"\n"
	"List entities with columns id,kind,name,country, ordered by kind,\n"
	"then name. Countries seeded by 'ties init' that nothing refers to\n"
	"are left out unless --all or --kind country is given.\n"
	"\n"
	"Options:\n"
	"  --kind KIND    only entities of this kind (person, institution, …)\n"
	"  --country REF  only entities whose home country is REF\n"
	"  --all          include unused seeded countries\n"
	"  --format F     table, csv, tsv or json\n";

int cmd_list(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"kind", required_argument, NULL, 'k'},
		{"country", required_argument, NULL, 'c'},
		{"all", no_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	ties_list_opts o = {NULL, NULL, 0};
	ties_table *t = NULL;
	int opt, fmt = TIES_FORMAT_TABLE;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, NULL, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'k':
			o.kind = optarg;
			break;
		case 'c':
			o.country = optarg;
			break;
		case 'a':
			o.all = 1;
			break;
		default:
			break;
		}
	}
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	if (ties_list(ctx->db, &t, &o) < 0)
		return cli_db_error(ctx);
	return cli_print_table(ctx, t, fmt);
}
