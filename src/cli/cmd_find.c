/*
 * cmd_find.c — ties find: entities by name or alias.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_find_usage[] =
	"usage: ties find [--limit N] [--format F] TEXT...\n"
	"\n"
	"Find the entities whose id, name or an alias contains every word of\n"
	"TEXT as a word or the beginning of one, compared without regard to\n"
	"case or accents; when none does, those that contain TEXT anywhere.\n"
	"Columns id,kind,name,country,matched (the name or alias that\n"
	"matched); exact matches first, then shorter names. Prints only the\n"
	"header when nothing matches.\n"
	"\n"
	"Options:\n"
	"  --limit N   at most N rows (default 50; 0 for all)\n"
	"  --format F  table, csv, tsv or json\n";

int cmd_find(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"limit", required_argument, NULL, 'n'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	char text[4096];
	size_t len = 0;
	ties_table *t = NULL;
	long limit = 50;
	int opt, fmt = TIES_FORMAT_TABLE, rc, i;

	cli_parse_init(&p, ctx, argc, argv, ":hn:", own, NULL, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'n':
			if ((rc = cli_long(ctx, "--limit", optarg, 0,
					   &limit)) != 0)
				return rc;
			break;
		default:
			break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(ctx, "what to find? (give TEXT)");
	text[0] = '\0';
	for (i = optind; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (len + n + 2 > sizeof(text))
			return cli_usage_error(ctx, "TEXT is too long");
		if (len)
			text[len++] = ' ';
		memcpy(text + len, argv[i], n + 1);
		len += n;
	}
	if (ties_find(ctx->db, &t, text, limit) < 0)
		return cli_db_error(ctx);
	return cli_print_table(ctx, t, fmt);
}
