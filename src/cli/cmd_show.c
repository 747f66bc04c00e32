/*
 * cmd_show.c — ties show: entity cards.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char cmd_show_usage[] =
	"usage: ties show [--format table|json] REF...\n"
	"\n"
	"Show the card of each entity: kind, home country, aliases,\n"
	"attributes; its relations in both directions with roles and dates;\n"
	"its events (date, kind, its role, the other participants with\n"
	"theirs); and the sources they cite.\n"
	"\n"
	"REF is an id, a name or an alias, compared without regard to case\n"
	"or accents ('Ölga' finds 'Olga'); when nothing matches exactly, a\n"
	"REF whose every word occurs in one name or alias of a single entity\n"
	"finds it ('Babaev'). A REF that fits several entities is an error\n"
	"that lists them.\n"
	"\n"
	"Options:\n"
	"  --format F  table (text for people, the default) or json (an\n"
	"              array with one object per card)\n";

int cmd_show(int argc, char **argv, struct cli_ctx *ctx)
{
	ties_card **cards = NULL;
	int fmt = TIES_FORMAT_TABLE, rc = 0, n = 0, i;

	if ((rc = cli_parse_shared(ctx, argc, argv, NULL, &fmt)) != 0)
		return rc < 0 ? 0 : rc;
	if (fmt != TIES_FORMAT_TABLE && fmt != TIES_FORMAT_JSON)
		return cli_usage_error(ctx, "a card is shown as table or json");
	if (optind >= argc)
		return cli_usage_error(ctx, "which entity? (give a REF)");
	cards = calloc((size_t)(argc - optind), sizeof(*cards));
	if (!cards)
		return cli_error("out of memory");
	for (i = optind; i < argc; i++) {
		if (ties_card_get(ctx->db, &cards[n], argv[i]) < 0) {
			rc = cli_db_error(ctx);
			goto done;
		}
		n++;
	}
	if (ties_cards_write(cards, (size_t)n, stdout, (enum ties_format)fmt) <
	    0)
		rc = cli_error("write error");
done:
	for (i = 0; i < n; i++)
		ties_card_free(cards[i]);
	free(cards);
	return rc;
}
