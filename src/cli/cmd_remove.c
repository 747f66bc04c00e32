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
	static const struct option own[] = {
		{"event", no_argument, NULL, 'e'},
		{"source", no_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	enum ties_object what = TIES_OBJ_ENTITY;
	const char *done = NULL;
	int opt;

	cli_parse_init(&p, ctx, argc, argv, ":h", own, NULL, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'e':
			what = TIES_OBJ_EVENT;
			break;
		case 's':
			what = TIES_OBJ_SOURCE;
			break;
		default:
			break;
		}
	}
	if (optind != argc - 1)
		return cli_usage_error(ctx, "give exactly one REF");
	if (ties_remove(ctx->db, what, argv[optind], &done) < 0)
		return cli_db_error(ctx);
	printf("removed %s\n", done);
	return 0;
}
