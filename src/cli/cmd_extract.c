/*
 * cmd_extract.c — ties extract: press releases to a reviewed draft.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char cmd_extract_usage[] =
	"usage: ties extract [options] FILE...\n"
	"\n"
	"Read press releases (plain text or Markdown, with or without a YAML\n"
	"front matter giving date, title and source_url) and draft what they\n"
	"say: people with their honorifics, titles and institutions;\n"
	"institutions with their acronyms and parent bodies; countries (by\n"
	"name, code or adjective); events (MoU, agreement, meeting, visit,\n"
	"dialogue, conference, summit) with their date, place, participants\n"
	"and roles (party, signatory, host, delegation, head_of_delegation,\n"
	"chair, attendee), topics and domains. A sentence that states an\n"
	"intention (\"intent to sign\") proposes no event. Every mention is\n"
	"first resolved against the database (id, name or alias, folded), so\n"
	"a known entity is reused; new ones get ids made from their names.\n"
	"Every fact cites its release as the source.\n"
	"\n"
	"The facts are printed (confidence, type, fact, FILE:LINE), weakest\n"
	"first. With -o, the draft is written to DIR as the CSV files that\n"
	"'ties import DIR' reads, with review.txt: every fact, its confidence\n"
	"and its sentence. With --apply, the draft is imported in one\n"
	"transaction. The words the rules use are dictionaries (see --dict).\n"
	"\n"
	"Options:\n"
	"  -o, --output DIR   write the draft and review.txt into DIR\n"
	"  --apply            import the draft into the database\n"
	"  --date DATE        publication date (YYYY-MM-DD) when a file has\n"
	"                     none; resolves 'today' and 'yesterday'\n"
	"  --source-url URL   the releases' address\n"
	"  --publisher P      the releases' publisher\n"
	"  --dict DIR         add the dictionaries in DIR (files named as in\n"
	"                     share/ties/extract: titles.txt, events.txt, ...)\n"
	"  --format F         table, csv, tsv or json\n"
	"  -q, --quiet        print no facts\n";

enum {
	OPT_APPLY = OPT_FIRST_FREE,
	OPT_DATE,
	OPT_URL,
	OPT_PUBLISHER,
	OPT_DICT,
};

static void remove_draft(char **paths, int n, const char *dir)
{
	char review[4096];

	for (int i = 0; i < n; i++)
		unlink(paths[i]);
	snprintf(review, sizeof(review), "%s/review.txt", dir);
	unlink(review);
	rmdir(dir);
}

int cmd_extract(int argc, char **argv, struct cli_ctx *ctx)
{
	static const struct option own[] = {
		{"output", required_argument, NULL, 'o'},
		{"apply", no_argument, NULL, OPT_APPLY},
		{"date", required_argument, NULL, OPT_DATE},
		{"source-url", required_argument, NULL, OPT_URL},
		{"publisher", required_argument, NULL, OPT_PUBLISHER},
		{"dict", required_argument, NULL, OPT_DICT},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	struct cli_parse p;
	ties_extract_opts o = {0};
	const char *dicts[32], *outdir = NULL;
	char tmpdir[] = "/tmp/ties-extract-XXXXXX";
	ties_draft *d = NULL;
	ties_table *facts = NULL;
	char **paths = NULL;
	int opt, apply = 0, quiet = 0, fmt = TIES_FORMAT_TABLE, rc = 1, np = 0;
	size_t ndicts = 0;

	cli_parse_init(&p, ctx, argc, argv, ":ho:q", own, NULL, &fmt);
	while ((opt = cli_parse_next(&p)) != -1) {
		if (opt == CLI_STOP)
			return p.status;
		switch (opt) {
		case 'o':
			outdir = optarg;
			break;
		case OPT_APPLY:
			apply = 1;
			break;
		case OPT_DATE:
			if (ties_date_check(optarg) < 0 || strlen(optarg) != 10)
				return cli_usage_error(
					ctx, "--date '%s' is not YYYY-MM-DD",
					optarg);
			o.date = optarg;
			break;
		case OPT_URL:
			o.source_url = optarg;
			break;
		case OPT_PUBLISHER:
			o.publisher = optarg;
			break;
		case OPT_DICT:
			if (ndicts == sizeof(dicts) / sizeof(dicts[0]))
				return cli_usage_error(ctx,
						       "too many --dict options");
			dicts[ndicts++] = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			break;
		}
	}
	if (optind >= argc)
		return cli_usage_error(ctx, "no file to read");
	o.dict_dirs = dicts;
	o.ndict_dirs = ndicts;
	if (ties_extract(ctx->db, &d, (const char *const *)argv + optind,
			 (size_t)(argc - optind), &o) < 0)
		return cli_db_error(ctx);
	if (!quiet) {
		if (ties_draft_facts(d, &facts) < 0)
			goto dberr;
		if (ties_table_write(facts, stdout, (enum ties_format)fmt) < 0 ||
		    fflush(stdout) != 0) {
			fprintf(stderr, "ties: writing the facts: %s\n",
				strerror(errno));
			goto done;
		}
	}
	if (apply && !outdir) {
		if (!mkdtemp(tmpdir)) {
			fprintf(stderr, "ties: %s: %s\n", tmpdir,
				strerror(errno));
			goto done;
		}
	}
	if (outdir || apply) {
		const char *dir = outdir ? outdir : tmpdir;

		if (ties_draft_write(d, dir) < 0)
			goto dberr;
		if (outdir)
			fprintf(stderr, "wrote the draft and review.txt to %s\n",
				outdir);
		if (apply) {
			ties_import_stats st;

			if ((np = ties_draft_paths(d, dir, &paths)) < 0) {
				fprintf(stderr, "ties: out of memory\n");
				goto done;
			}
			if (ties_import(ctx->db, (const char *const *)paths,
					(size_t)np, TIES_IMPORT_CSV,
					TIES_TABLE_AUTO, &st) < 0) {
				if (!outdir)
					remove_draft(paths, np, dir);
				goto dberr;
			}
			cli_import_summary(&st);
			if (!outdir)
				remove_draft(paths, np, dir);
		}
	}
	rc = 0;
	goto done;
dberr:
	rc = cli_db_error(ctx);
done:
	if (paths) {
		for (int i = 0; i < np; i++)
			free(paths[i]);
		free(paths);
	}
	ties_table_free(facts);
	ties_draft_free(d);
	return rc;
}
