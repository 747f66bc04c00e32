/*
 * cmd_remove.c — ties remove: an entity, an event or a source.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_remove_usage[] =
	"usage: ties remove [--event | --source] REF\n"
	"\n"
	"Remove one thing, in one transaction, and say what went with it.\n"
	"  entity (default)  its aliases, attributes, relations (either end)\n"
	"                    and participations go too; entities whose home\n"
	"                    country it was lose their country, events held\n"
	"                    there lose their place; events themselves stay.\n"
	"  --event ID        the event with its participants and attributes.\n"
	"  --source ID       the source; the facts that cited it stay and\n"
	"                    cite nothing.\n"
	"An ambiguous REF removes nothing and lists the candidates.\n";

int cmd_remove(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option longopts[] = {
		{"event", no_argument, NULL, 'e'},
		{"source", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum ties_object what = TIES_OBJ_ENTITY;
	const char *done = NULL;
	int opt;

	optind = 0;
	while ((opt = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'e':
			what = TIES_OBJ_EVENT;
			break;
		case 's':
			what = TIES_OBJ_SOURCE;
			break;
		case 'h':
			return cli_help(ctx);
		default:
			return cli_bad_option(ctx, opt, argv);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(ctx, "give exactly one REF");
	if (ties_remove(ctx->db, what, argv[optind], &done) < 0)
		return cli_db_error(ctx);
	printf("removed %s\n", done);
	return 0;
}
