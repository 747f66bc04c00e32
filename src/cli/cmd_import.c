/*
 * cmd_import.c — ties import: CSV files and directories, one transaction.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"

const char cmd_import_usage[] =
	"usage: ties import [--format F] [--table TABLE] [-q] PATH...\n"
	"\n"
	"Import files in one transaction: CSV files and the *.csv files of\n"
	"directories, JSON (as 'ties export --format json' writes it), DOT and\n"
	"GraphML. The format follows the extension (.csv, .json, .dot or .gv,\n"
	".graphml or .xml) unless --format names it. Any error prints\n"
	"FILE:LINE: problem (or FILE: where: problem), exits 1 and leaves\n"
	"the database exactly as it was. The database is created (with the\n"
	"countries) if it does not exist. Importing the same rows again\n"
	"updates them.\n"
	"\n"
	"The table of each file is recognised by its header:\n"
	"  entities      id,kind,name[,country,aliases]\n"
	"  relations     source,target,kind[,role,start,end,source_id]\n"
	"  events        id,kind[,date,title,place,source_id]\n"
	"  participants  event,entity[,role]\n"
	"  sources       id[,title,url,publisher,date]\n"
	"Other columns become attributes (not in participants). Aliases are\n"
	"separated by '|'. References (country, source, target, place, "
	"entity)\n"
	"name an id, a name or an alias; event references an event id or\n"
	"title; source_id a source id, url or title. Dates are YYYY, YYYY-MM\n"
	"or YYYY-MM-DD. Files are RFC 4180 CSV in UTF-8, with or without a\n"
	"byte-order mark. Tables load in the order sources, entities, events,\n"
	"relations, participants, whatever the order of the paths.\n"
	"\n"
	"In DOT and GraphML, a node is an event when its kind is an event kind\n"
	"(mou, meeting, visit, agreement, conference, project, signing, treaty,\n"
	"dialogue, summit, workshop, forum, exchange, seminar, delegation_visit,\n"
	"joint_statement) or it has event=true; other nodes are entities (id =\n"
	"the node's name, name = label; kind, country, aliases '|'-separated).\n"
	"An edge at an event is a participation with the edge's role; an edge\n"
	"between entities a relation of the edge's kind (default tie) with\n"
	"role, start, end. Other attributes become attributes; Graphviz's\n"
	"drawing attributes are left out; subgraphs carry no meaning.\n"
	"\n"
	"Options:\n"
	"  --format F     csv, json, dot or graphml, for every file\n"
	"  --table TABLE  read every CSV file as this table\n"
	"  -q, --quiet    print no summary\n";

int cmd_import(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"table", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	enum ties_table_kind table = TIES_TABLE_AUTO;
	int format = TIES_IMPORT_AUTO;
	ties_import_stats st;
	int opt, quiet = 0;

	cli_parse_init(&p, ctx, argc, argv, ":hq", own, NULL, NULL);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 't':
			table = ties_table_kind_parse(optarg);
			if (table == TIES_TABLE_AUTO)
				return cli_usage_error(
					ctx,
					"unknown table '%s' (entities, "
					"relations, events, participants or "
					"sources)",
					optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		case 'f':
			if ((format = ties_import_format_parse(optarg)) < 0)
				return cli_usage_error(
					ctx,
					"unknown format '%s' (csv, json, dot "
					"or graphml)",
					optarg);
			break;
		default:
			break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(ctx, "nothing to import");
	if (ties_import(ctx->db, (const char *const *)argv + optind,
			(size_t)(argc - optind), (enum ties_import_format)format,
			table, &st) < 0)
		return cli_db_error(ctx);
	if (!quiet)
		cli_import_summary(&st);
	return 0;
}

void cli_import_summary(const ties_import_stats *st)
{
	fprintf(stderr,
		"imported %lld rows: %lld entities, %lld relations, %lld "
		"events, %lld participants, %lld sources\n",
		st->rows, st->entities, st->relations, st->events,
		st->participants, st->sources);
}
