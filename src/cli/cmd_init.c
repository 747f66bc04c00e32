/*
 * cmd_init.c — ties init: create the database and seed the countries.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_init_usage[] =
	"usage: ties init [--iso-codes FILE]\n"
	"\n"
	"Create the database (see --db) if it does not exist and seed the\n"
	"world's countries from ISO 3166-1, as Debian's iso-codes package\n"
	"ships it: id = the alpha-2 code in lower case ('pk'), name = the\n"
	"common name ('Pakistan'); the alpha-3 code ('PAK'), the ISO and\n"
	"official names and everyday names ('Russia', 'UK') are aliases.\n"
	"Running it again on an existing database adds only the countries it\n"
	"lacks and changes nothing else.\n"
	"\n"
	"Options:\n"
	"  --iso-codes FILE  the ISO 3166-1 JSON file\n"
	"                    (default "
	"/usr/share/iso-codes/json/iso_3166-1.json)\n";

int cmd_init(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"iso-codes", required_argument, NULL, 'i'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	const char *iso = NULL;
	long n = 0;
	int opt, rc = 0;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, NULL, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'i':
			iso = optarg;
			break;
		default:
			break;
		}
	}
	if (optind < argc)
		return cli_usage_error(ctx, "unexpected argument '%s'",
				       argv[optind]);
	if (ties_db_open(&ctx->db, ctx->db_path, TIES_OPEN_CREATE) < 0 ||
	    ties_db_init(ctx->db, iso, &n) < 0)
		return cli_db_error(ctx);
	printf("initialised '%s': %ld countries added\n", ctx->db_path, n);
	return rc;
}
